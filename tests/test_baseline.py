"""The baseline: written from the seeds, new findings alone reported, lines moving freely."""
from __future__ import annotations

import json
import shutil

import pytest
from conftest import SEEDS

from mtcheck.baseline import Fingerprints, context_window, fingerprint
from mtcheck.model import Finding, Location, Severity

NEW_SENTENCE = "Der Vorsitzende lobte die „Fachkundige Massenmobilisierung“ der Gemeinde."
GERMAN = "002_05a2dbefffaaf20c.txt"


@pytest.fixture
def seeds(tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


def test_baseline_scenario(seeds, tmp_path, cli, cli_json):
    baseline = tmp_path / "baseline.json"
    code, _, _ = cli("check", seeds, "--write-baseline", baseline, "--no-table")
    assert code == 0  # writing a baseline accepts today's findings
    written = json.loads(baseline.read_text(encoding="utf-8"))
    _, report, _ = cli_json("check", seeds)
    assert len(written["findings"]) == len(report["findings"]) > 50
    assert written["version"] == 1
    assert {e["path"] for e in written["findings"]} == {f"seeds/{p.name}" for p in SEEDS.iterdir()}

    code, report, _ = cli_json("check", seeds, "--baseline", baseline)
    assert code == 0 and report["findings"] == []
    assert report["summary"]["findings"] == 0 and report["summary"]["by_rule"] == {}
    assert report["summary"]["baselined"] == len(written["findings"]) and report["summary"]["suppressed"] == 0

    # One new deprecated rendering in one file: that one finding alone, and the gate fails.
    article = seeds / GERMAN
    original = article.read_text(encoding="utf-8")
    article.write_text(original + NEW_SENTENCE + "\n", encoding="utf-8")
    code, report, _ = cli_json("check", seeds, "--baseline", baseline)
    assert code == 1
    [new] = report["findings"]
    assert (new["rule"], new["text"], new["line"]) == ("GL001", "Fachkundige Massenmobilisierung",
                                                       original.count("\n") + 1)
    assert report["summary"]["findings"] == 1

    # The same sentence at the top: every old finding moves down a line and stays in the baseline.
    article.write_text(NEW_SENTENCE + "\n\n" + original, encoding="utf-8")
    code, report, _ = cli_json("check", seeds, "--baseline", baseline)
    assert code == 1
    column = NEW_SENTENCE.index("Fachkundige") + 1
    assert [(f["rule"], f["line"], f["column"]) for f in report["findings"]] == [("GL001", 1, column)]


def test_baseline_paths_are_taken_from_its_folder(seeds, tmp_path, cli, cli_json, monkeypatch):
    baseline = tmp_path / "baseline.json"
    cli("check", seeds, "--write-baseline", baseline)
    monkeypatch.chdir(seeds)
    code, report, _ = cli_json("check", ".", "--baseline", "../baseline.json")
    assert code == 0 and report["findings"] == []


def test_editing_next_to_a_finding_makes_it_new(seeds, tmp_path, cli, cli_json):
    baseline = tmp_path / "baseline.json"
    article = seeds / GERMAN
    article.write_text(f"Erster Satz. {NEW_SENTENCE}\n{NEW_SENTENCE}\n", encoding="utf-8")
    cli("check", article, "--write-baseline", baseline)
    article.write_text(f"Erster Satz. {NEW_SENTENCE}\n{NEW_SENTENCE.replace('lobte', 'tadelte')}\n",
                       encoding="utf-8")
    _, report, _ = cli_json("check", article, "--baseline", baseline)
    assert [f["line"] for f in report["findings"]] == [2]


def test_identical_findings_are_told_apart_by_occurrence(seeds, tmp_path, cli, cli_json):
    baseline = tmp_path / "baseline.json"
    article = seeds / GERMAN
    article.write_text(f"{NEW_SENTENCE}\n{NEW_SENTENCE}\n", encoding="utf-8")
    cli("check", article, "--write-baseline", baseline)
    assert len({e["fingerprint"] for e in json.loads(baseline.read_text())["findings"]}) == 2
    article.write_text(f"{NEW_SENTENCE}\n{NEW_SENTENCE}\n{NEW_SENTENCE}\n", encoding="utf-8")
    code, report, _ = cli_json("check", article, "--baseline", baseline)
    assert code == 1 and len(report["findings"]) == 1


def test_suppressed_findings_stay_out_of_a_written_baseline(seeds, tmp_path, cli):
    baseline = tmp_path / "baseline.json"
    article = seeds / GERMAN
    article.write_text(f"<!-- mtcheck: ignore -->\n{NEW_SENTENCE}\n{NEW_SENTENCE}\n", encoding="utf-8")
    cli("check", article, "--write-baseline", baseline)
    assert [e["line"] for e in json.loads(baseline.read_text())["findings"]] == [3]


@pytest.mark.parametrize(("content", "line", "message"), [
    ('{"version": 1, "findings": [\n  {"fingerprint": "ab"},\n  {"fingerprint": "cd"\n]}\n', 4,
     "not a baseline: invalid JSON: "),
    ("[]\n", 1, 'not a baseline: expected an object with a "findings" list'),
    ('{"version": 7,\n "findings": []}\n', 1, "baseline version 7 is not supported (this mtcheck reads version 1)"),
    ('{"version": 1, "findings": [\n  {"fingerprint": "ab"},\n  {"rule": "GL001"}\n]}\n', 3,
     "baseline entry 2 has no fingerprint"),
])
def test_a_corrupt_baseline_gives_path_line_and_exit_2(seeds, tmp_path, cli, content, line, message):
    baseline = tmp_path / "baseline.json"
    baseline.write_text(content, encoding="utf-8")
    report = tmp_path / "report.json"
    code, out, err = cli("check", seeds, "--baseline", baseline, "--format", "json", "-o", report)
    assert code == 2 and out == ""
    assert err.startswith(f"error: {baseline}:{line}: {message}"), err
    assert not report.exists()


def test_a_missing_baseline_exits_2(seeds, tmp_path, cli):
    code, _, err = cli("check", seeds, "--baseline", tmp_path / "none.json")
    assert code == 2
    assert err.strip() == f"error: {tmp_path / 'none.json'}: no such baseline file (write one with --write-baseline)"


def test_a_run_with_errors_writes_no_baseline(seeds, tmp_path, cli):
    baseline = tmp_path / "baseline.json"
    baseline.write_text("old", encoding="utf-8")
    (seeds / "broken.txt").write_bytes(b"kaputt \xff\n")
    code, _, _ = cli("check", seeds, "--write-baseline", baseline)
    assert code == 2
    assert baseline.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["baseline.json", "seeds"]


def finding(line, column, text="Fachkundige Massenmobilisierung", rule="GL001"):
    return Finding(rule=rule, name="x", severity=Severity.ERROR, message="m", lang="de", concept="dan-van-kheo",
                   text=text, location=Location("a.txt", line, column, line, column + len(text)))


def test_fingerprint_ignores_the_line_number_and_far_away_words():
    line = "x" * 100 + " die Fachkundige Massenmobilisierung der Gemeinde " + "y" * 100
    column = line.index("Fachkundige") + 1
    first = fingerprint(finding(3, column), line)
    assert fingerprint(finding(30, column), line) == first
    edited = "Ein neuer Satz am Anfang. " + line  # more than 40 characters away
    assert fingerprint(finding(3, column + 26), edited) == first
    assert fingerprint(finding(3, column), line.replace("Gemeinde", "Gemeinden")) != first
    assert fingerprint(finding(3, column), line, occurrence=1) != first
    assert fingerprint(finding(3, column, rule="GL003"), line) != first
    assert context_window(finding(3, column), line) == line[column - 41:column + 70].strip()


def test_fingerprints_read_lines_of_files_in_any_order(tmp_path):
    path = tmp_path / "a.txt"
    # CRLF, and a last line without one
    path.write_bytes(b"eins\r\nzwei Fachkundige Massenmobilisierung\r\ndrei Fachkundige Massenmobilisierung")
    prints = Fingerprints(tmp_path)

    def located(line, column):
        return Finding(rule="GL001", name="x", severity=Severity.ERROR, message="m", lang="de",
                       text="Fachkundige Massenmobilisierung",
                       location=Location(str(path), line, column, line, column + 31))

    # Line 3, then back to line 2: each print is the one its own line's text gives, so no
    # line was read empty or another's.
    late, early = prints(located(3, 6)), prints(located(2, 6))
    assert late == fingerprint(located(3, 6), "drei Fachkundige Massenmobilisierung", path="a.txt")
    assert early == fingerprint(located(2, 6), "zwei Fachkundige Massenmobilisierung", path="a.txt")
    again = prints(located(2, 6))
    assert again == fingerprint(located(2, 6), "zwei Fachkundige Massenmobilisierung", 1, "a.txt")
    assert prints.relative(str(path)) == "a.txt"
    prints.close()
