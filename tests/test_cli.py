"""The command line: exit codes, the JSON contract, rule selection, errors as one line."""
from __future__ import annotations

import json
import random

import pytest

from conftest import SEEDS

from mtcheck.model import Glossary

SEED_002 = SEEDS / "002_05a2dbefffaaf20c.txt"
FINDING_KEYS = {"rule", "name", "severity", "path", "line", "column", "end_line", "end_column", "concept",
                "lang", "text", "suggestions", "message"}
MATCH_KEYS = {"path", "line", "column", "end_line", "end_column", "concept", "lang", "text", "term", "status"}


def test_check_seeds_exits_1_with_linter_lines_and_table(cli):
    code, out, _ = cli("check", SEEDS)
    assert code == 1
    assert f"{SEED_002}:20:273: error GL001 'Fachkundige Massenmobilisierung' is a deprecated rendering" in out
    assert "Renderings by concept" in out
    assert out.rstrip().splitlines()[-1].startswith(tuple("0123456789"))


def test_clean_text_exits_0(cli, tmp_path):
    path = tmp_path / "ok.txt"
    path.write_text("Die Nachahmungsfreie Wettbewerbsbewegung „Geschickte Massenmobilisierung“.\n", encoding="utf-8")
    code, out, _ = cli("check", path, "--lang", "de", "--no-table")
    assert code == 0
    assert "0 findings" in out


def test_json_contract(cli_json):
    code, report, _ = cli_json("check", SEEDS)
    assert code == 1
    assert report["version"] == 1
    assert report["findings"]
    for finding in report["findings"]:
        assert FINDING_KEYS <= finding.keys()
        assert finding["column"] < finding["end_column"] or finding["line"] < finding["end_line"]
    first = next(f for f in report["findings"] if f["text"] == "Fachkundige Massenmobilisierung")
    line = SEED_002.read_text(encoding="utf-8").split("\n")[first["line"] - 1]
    assert line[first["column"] - 1:first["end_column"] - 1] == first["text"]
    summary = report["summary"]
    assert summary["files"] == 5 and summary["findings"] == len(report["findings"])
    assert sum(summary["by_severity"].values()) == summary["findings"]
    movement = [r for r in summary["renderings"] if r["concept"] == "dan-van-kheo" and r["lang"] == "de"]
    assert {"geschickte Massenmobilisierung", "fachkundige Massenmobilisierung"} <= {r["term"] for r in movement}


def test_scan_json_contract(cli_json):
    code, report, _ = cli_json("scan", SEED_002)
    assert code == 0
    assert report["matches"] and all(MATCH_KEYS <= m.keys() for m in report["matches"])
    assert {m["status"] for m in report["matches"]} >= {"preferred", "deprecated"}


def test_language_is_identified_when_not_given(cli_json):
    code, report, err = cli_json("check", SEEDS / "001_f8ee477c81dbbf1d.txt", "--verbose")
    assert {f["lang"] for f in report["findings"]} == {"nb"}
    assert "detected language nb" in err
    assert "nb: Snowball norwegian stemmer" in err


def test_verbose_says_when_a_language_has_no_stemmer(cli, tmp_path):
    path = tmp_path / "vi.txt"
    path.write_text("Phong trào thi đua Dân vận khéo\n", encoding="utf-8")
    code, _, err = cli("check", path, "--lang", "vi", "--verbose")
    assert code == 0
    assert "vi: no stemmer or lemmatizer: exact matching" in err


def test_select_ignore_and_fail_on(cli_json):
    _, report, _ = cli_json("check", SEEDS, "--select", "GL002")
    assert {f["rule"] for f in report["findings"]} == {"GL002"}
    code, report, _ = cli_json("check", SEEDS, "--ignore", "GL001,foreign-rendering")
    assert {f["rule"] for f in report["findings"]} == {"GL002"}
    assert code == 1
    code, _, _ = cli_json("check", SEEDS, "--select", "GL002", "--fail-on", "error")
    assert code == 0


def test_unknown_rule_is_a_usage_error(cli):
    code, _, err = cli("check", SEEDS, "--select", "GL999")
    assert code == 2
    assert "unknown rule 'GL999'" in err


def test_missing_file_exits_2(cli):
    code, _, err = cli("check", "no/such/file.txt")
    assert code == 2
    assert "no/such/file.txt: no such file or directory" in err


def test_undecodable_file_is_reported_and_others_still_checked(cli_json, tmp_path):
    bad = tmp_path / "a_bad.txt"
    bad.write_bytes("Zeile eins\nZeile zwei\nkaputt \xff hier\n".encode("latin-1"))
    good = tmp_path / "b_good.txt"
    good.write_text("die „Fachkundige Massenmobilisierung“\n", encoding="utf-8")
    code, report, err = cli_json("check", tmp_path, "--lang", "de")
    assert code == 2
    assert f"{bad}:3: cannot decode as utf-8" in err
    assert [f["path"] for f in report["findings"]] == [str(good)]
    assert report["summary"]["errors"] == [f"{bad}:3: cannot decode as utf-8 (byte 0xff)"]


def test_utf16_with_bom_is_read(cli_json, tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes("\ufeffdie „Fachkundige Massenmobilisierung“\n".encode("utf-16-le"))
    code, report, _ = cli_json("check", path, "--lang", "de")
    assert code == 1
    assert report["findings"][0]["text"] == "Fachkundige Massenmobilisierung"
    assert report["findings"][0]["column"] == 6


def test_malformed_glossary_line_exits_2(cli, tmp_path):
    glossary = tmp_path / "g.csv"
    glossary.write_text("concept,lang,term,status\na,de,x,preferred\nb,de\n", encoding="utf-8")
    code, out, err = cli("check", SEEDS, "--glossary", glossary)
    assert code == 2
    assert err.strip() == f"error: {glossary}:3: expected 4 fields, found 2"
    assert out == ""


def test_output_file_is_written_atomically(cli, tmp_path):
    report = tmp_path / "report.json"
    report.write_text("old report")
    code, _, _ = cli("check", SEEDS, "--format", "json", "-o", report, "--glossary", tmp_path / "missing.tbx")
    assert code == 2
    assert report.read_text() == "old report"
    assert list(tmp_path.iterdir()) == [report]
    code, out, _ = cli("check", SEEDS, "--format", "json", "-o", report)
    assert code == 1 and out == ""
    assert json.loads(report.read_text())["findings"]
    assert report.stat().st_mode & 0o644 == 0o644  # an ordinary file, not a private temporary


def test_rules_lists_and_documents(cli):
    code, out, _ = cli("rules")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == ["GL000", "GL001", "GL002", "GL003", "GL004", "GL005", "GL006"]
    code, out, _ = cli("rules", "GL002")
    assert "Bad (de)" in out and "inconsistent-rendering" in out


def test_glossary_validate_exit_codes(cli, tmp_path):
    from mtcheck.glossary.shipped import shipped_glossary

    assert cli("glossary", "validate", shipped_glossary())[0] == 0
    dup = tmp_path / "d.csv"
    dup.write_text("concept,lang,term,status\na,de,Front,preferred\na,de,Front,deprecated\n", encoding="utf-8")
    code, out, _ = cli("glossary", "validate", dup)
    assert code == 1 and out.startswith(f"{dup}:3: ")
    bad = tmp_path / "b.tbx"
    bad.write_text("<martif>")
    code, _, err = cli("glossary", "validate", bad)
    assert code == 2 and err.startswith(f"error: {bad}:1: malformed XML")


def test_shuffled_glossary_gives_identical_report(cli, glossary, tmp_path, monkeypatch):
    from mtcheck import glossary as glossary_module

    _, expected, _ = cli("check", SEEDS, "--format", "json")
    concepts = list(glossary.concepts)
    random.Random(7).shuffle(concepts)
    shuffled = Glossary(tuple(concepts), glossary.source_lang, glossary.origins)
    monkeypatch.setattr(glossary_module, "load_glossaries", lambda paths, *languages: shuffled)
    _, actual, _ = cli("check", SEEDS, "--format", "json")
    assert actual == expected


def test_python_dash_m(tmp_path):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "mtcheck", "rules"], capture_output=True, text=True)
    assert result.returncode == 0 and "GL001" in result.stdout


def test_quiet_prints_only_findings(cli):
    code, out, _ = cli("check", SEEDS, "--quiet")
    lines = out.splitlines()
    assert code == 1 and len(lines) == 80 and all(": error GL00" in line or ": warning GL00" in line for line in lines)


def test_a_file_named_twice_is_checked_once(cli_json):
    seed = SEEDS / "002_05a2dbefffaaf20c.txt"
    _, once, _ = cli_json("check", seed)
    _, twice, _ = cli_json("check", seed, SEEDS, str(seed).replace("/seeds/", "/seeds/./"))
    assert twice["summary"]["files"] == 5
    assert len([f for f in twice["findings"] if f["path"].endswith(seed.name)]) == len(once["findings"])


def test_rules_documents_the_unused_ignore_rule(cli):
    code, out, _ = cli("rules", "GL000")
    assert code == 0 and out.startswith("GL000 unused-ignore")


def test_a_run_leaves_the_garbage_collector_as_it_found_it(cli_json, tmp_path):
    """check and scan collect garbage less often while they run, and restore the settings."""
    import gc

    from mtcheck.lifetime import batch_collection

    before = gc.get_threshold()
    path = tmp_path / "a.txt"
    path.write_text("die „Fachkundige Massenmobilisierung“\n", encoding="utf-8")
    code, report, _ = cli_json("check", path, "--lang", "de")
    assert code == 1 and report["findings"] and gc.get_threshold() == before
    with pytest.raises(KeyError), batch_collection(12_345):
        assert gc.get_threshold()[0] == 12_345
        raise KeyError
    assert gc.get_threshold() == before
