"""What mtcheck says reads well: a rule's summary is its whole first sentence, a message does not
name a term by itself, counts agree with their nouns."""
from __future__ import annotations

import inspect

import pytest

from mtcheck.rules import ALL_RULES
from mtcheck.suppress import UnusedIgnore
from tests.conftest import run_cli, run_cli_json


@pytest.mark.parametrize("rule", [UnusedIgnore, *ALL_RULES], ids=lambda r: r.id)
def test_a_summary_is_a_whole_sentence(rule):
    summary = rule.summary()
    assert summary.endswith((".", ")")) and "  " not in summary
    first_paragraph = " ".join(inspect.getdoc(rule).split("\n\n")[0].split())
    assert first_paragraph.startswith(summary.split(" (")[0])


def test_the_wrapped_summary_of_gl005_is_not_cut():
    from mtcheck.rules.translation import InconsistentTranslation

    assert InconsistentTranslation.summary().endswith("share one translation, within a file (as Xbench and Okapi "
                                                      "report them).")


def test_a_foreign_term_that_names_its_concept_is_not_said_twice(tmp_path):
    (tmp_path / "g.csv").write_text("concept,lang,term,status\npw,en,password,preferred\npw,de,Passwort,preferred\n",
                                    encoding="utf-8")
    (tmp_path / "a.txt").write_text("Geben Sie das password ein.\n", encoding="utf-8")
    code, report, err = run_cli_json("check", tmp_path / "a.txt", "-g", tmp_path / "g.csv", "--lang", "de",
                                     "--isolated", "--select", "GL003")
    assert code == 1, err
    assert report["findings"][0]["message"] == ("'password' is the glossary's en term, left in a de text; "
                                                "use 'Passwort'")


def test_an_inconsistent_rendering_is_named_once(tmp_path):
    (tmp_path / "g.csv").write_text("concept,lang,term,status\ncs,en,cloud storage,preferred\n"
                                    "cs,de,Cloud-Speicher,preferred\ncs,de,Onlinespeicher,admitted\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Der Cloud-Speicher.\nDer Cloud-Speicher.\nDie Onlinespeicher.\n", encoding="utf-8")
    code, report, err = run_cli_json("check", tmp_path / "a.txt", "-g", tmp_path / "g.csv", "--lang", "de",
                                     "--isolated", "--select", "GL002")
    assert code == 1, err
    assert report["findings"][0]["message"] == ("'Onlinespeicher' (1x) renders 'cloud storage' where this file also "
                                                "uses the preferred 'Cloud-Speicher' (2x)")


def test_one_match_is_one_match(tmp_path):
    (tmp_path / "g.csv").write_text("concept,lang,term,status\npw,de,Passwort,preferred\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Das Passwort.\n", encoding="utf-8")
    code, out, err = run_cli("check", tmp_path / "a.txt", "-g", tmp_path / "g.csv", "--lang", "de", "--isolated",
                             "--no-table")
    assert out.strip() == "0 findings in 1 file, 1 term match"


def test_a_missing_term_named_by_itself_is_named_once(tmp_path):
    (tmp_path / "g.csv").write_text("concept,lang,term,status\nfolder,en,folder,preferred\nfolder,de,Ordner,preferred\n",
                                    encoding="utf-8")
    (tmp_path / "t.csv").write_text("en,de\nSave the file to a folder.,Speichern Sie die Datei.\n", encoding="utf-8")
    code, report, err = run_cli_json("check", tmp_path / "t.csv", "-g", tmp_path / "g.csv", "--isolated")
    assert code == 1, err
    assert report["findings"][0]["message"] == "source term 'folder' is not rendered in the target; expected 'Ordner'"
