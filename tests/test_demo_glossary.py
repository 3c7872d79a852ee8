"""Without a glossary named, `check` uses the shipped demo glossary and says so once; a
pre-commit hook or a CI job refuses to (it would pass anything) unless the user means it.
The hook definitions cover every file mtcheck reads, and the README's snippet names a tag that
exists in the form releases are tagged."""
from __future__ import annotations

import re

import pytest
import yaml

from mtcheck import __version__
from mtcheck.formats.discover import KNOWN_SUFFIXES
from tests.conftest import ROOT, SEEDS, run_cli

SEED = SEEDS / "002_05a2dbefffaaf20c.txt"
WARNING = ("warning: no glossary named (--glossary FILE, or glossaries in mtcheck.toml): using the shipped demo "
           "glossary of Vietnamese political terms (--demo-glossary: meant)\n")


@pytest.fixture(autouse=True)
def no_opt_in(monkeypatch):
    monkeypatch.delenv("MTCHECK_DEMO_GLOSSARY", raising=False)


def test_a_run_without_a_glossary_says_so_once(monkeypatch):
    code, out, err = run_cli("check", SEEDS, "--isolated", "--no-table")
    assert code == 1 and err == WARNING and "GL001" in out


@pytest.mark.parametrize("variable", ["CI", "PRE_COMMIT"])
def test_a_hook_or_ci_job_without_a_glossary_fails(monkeypatch, variable):
    monkeypatch.setenv(variable, "1" if variable == "PRE_COMMIT" else "true")
    code, out, err = run_cli("check", SEED, "--isolated")
    assert code == 2 and out == ""
    assert err.startswith("error: no glossary named (--glossary FILE, or glossaries in mtcheck.toml): a hook or CI "
                          "job would check against the shipped demo glossary") and err.count("\n") == 1


def test_meaning_the_demo_or_naming_a_glossary_passes_in_ci(monkeypatch, tmp_path):
    monkeypatch.setenv("CI", "true")
    code, _, err = run_cli("check", SEED, "--isolated", "--demo-glossary", "--no-table")
    assert (code, err) == (1, "")
    glossary = tmp_path / "g.csv"
    glossary.write_text("concept,lang,term,status\nx,de,Vaterlandsfront,preferred\n", encoding="utf-8")
    code, _, err = run_cli("check", SEED, "--isolated", "-g", glossary, "--no-table")
    assert (code, err) == (0, "")
    text = tmp_path / "a.txt"
    text.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "mtcheck.toml").write_text("demo-glossary = true\n", encoding="utf-8")
    code, _, err = run_cli("check", text, "--no-table")
    assert (code, err) == (1, "")
    monkeypatch.setenv("CI", "false")  # a CI variable that says no
    assert run_cli("check", SEED, "--isolated", "--no-table")[::2] == (1, WARNING)


def test_a_concordance_only_warns(monkeypatch):
    monkeypatch.setenv("CI", "true")
    code, out, err = run_cli("scan", SEED, "--isolated")
    assert code == 0 and err == WARNING and out


def test_the_hooks_read_every_file_mtcheck_reads():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    for hook in hooks:
        pattern = re.compile(hook["files"])
        assert all(pattern.search(f"docs/a{suffix}") for suffix in KNOWN_SUFFIXES), hook["id"]
        assert not pattern.search("glossary.csv")  # glossaries are CSV too: checked when named


def test_the_readme_pins_a_release_tag():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(r"^\s+rev: (\S+)", readme, re.M).group(1) == f"v{__version__}"
