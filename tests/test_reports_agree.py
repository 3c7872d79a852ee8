"""Every report of a run tells the same story: JUnit fails exactly where the exit code does,
a piped text report keeps every character of its table, and a baseline says what it did."""
from __future__ import annotations

import subprocess
import sys

from lxml import etree

from tests.conftest import SEEDS, run_cli

GLOSSARY = ("concept,lang,term,status\n"
            "cloud,en,cloud storage,preferred\n"
            "cloud,de,Cloud-Speicher,preferred\n"
            "cloud,de,Onlinespeicherplatz für Massenmobilisierungsdaten,admitted\n")
TEXT = ("Der Cloud-Speicher ist voll.\n"
        "Der Onlinespeicherplatz für Massenmobilisierungsdaten ist voll.\n")


def _files(tmp_path):
    (tmp_path / "g.csv").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path / "g.csv", tmp_path / "a.txt"


def test_junit_fails_only_what_fails_the_run(tmp_path):
    glossary, text = _files(tmp_path)
    code, out, err = run_cli("check", text, "-g", glossary, "--lang", "de", "--isolated", "--select", "GL002",
                             "--fail-on", "error", "--format", "junit")
    assert code == 0, err  # a warning does not fail the run ...
    root = etree.fromstring(out.encode())
    assert (root.get("tests"), root.get("failures")) == ("1", "0")  # ... nor the test report
    case, = root.iter("testcase")
    assert case.find("failure") is None and "GL002" in case.findtext("system-out")
    code, out, err = run_cli("check", text, "-g", glossary, "--lang", "de", "--isolated", "--select", "GL002",
                             "--fail-on", "warning", "--format", "junit")
    root = etree.fromstring(out.encode())
    assert code == 1 and root.get("failures") == "1" and root.find(".//failure").get("type") == "GL002"


def test_a_piped_text_report_keeps_the_whole_table(tmp_path):
    glossary, text = _files(tmp_path)
    done = subprocess.run([sys.executable, "-m", "mtcheck", "check", str(text), "-g", str(glossary), "--lang", "de",
                           "--isolated"], capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"})
    assert done.returncode == 1, done.stderr
    assert "Onlinespeicherplatz für Massenmobilisierungsdaten" in done.stdout.split("Renderings by concept")[1]
    assert "…" not in done.stdout


def test_a_baseline_says_what_it_wrote_and_what_it_held_back(tmp_path):
    baseline = tmp_path / "baseline.json"
    code, _, err = run_cli("check", SEEDS, "--write-baseline", baseline)
    assert code == 0 and err.strip() == f"baseline: 80 findings written to {baseline}"
    code, out, err = run_cli("check", SEEDS, "--baseline", baseline)
    assert code == 0 and err.strip() == f"baseline: 80 findings held back by {baseline}; 0 of its entries match nothing now"
    code, out, err = run_cli("check", SEEDS, "--baseline", baseline, "--quiet")
    assert code == 0 and err == ""
