"""Findings a user can trust with a real termbase: an inconsistent rendering said once per file,
a term shared by concepts never given to one of them by chance, glossaries in any Unicode form,
and `glossary validate` naming what would surprise a user."""
from __future__ import annotations

from tests.conftest import run_cli, run_cli_json

GLOSSARY = (
    "concept,lang,term,status\n"
    "mm,en,skilful mass mobilisation,preferred\n"
    "mm,de,Geschickte Massenmobilisierung,preferred\n"
    "mm,de,Gekonnte Massenmobilisierung,admitted\n"
)
TEXT = ("Die Geschickte Massenmobilisierung wächst.\n"
        "Die Gekonnte Massenmobilisierung wächst.\n"
        "Die Bewegung heißt gekonnte Massenmobilisierung.\n"
        "Wieder die Gekonnte Massenmobilisierung.\n")


def _files(tmp_path, glossary=GLOSSARY, **texts):
    path = tmp_path / "g.csv"
    path.write_text(glossary, encoding="utf-8")
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    return path


# -- GL002 once per rendering and file ----------------------------------------------------------
def test_an_inconsistent_rendering_is_one_finding_per_file_with_every_place(tmp_path):
    glossary = _files(tmp_path, a=TEXT)
    code, report, err = run_cli_json("check", tmp_path / "a.txt", "-g", glossary, "--lang", "de", "--select", "GL002")
    assert code == 1, err
    finding, = report["findings"]
    assert (finding["line"], finding["column"], finding["text"]) == (2, 5, "Gekonnte Massenmobilisierung")
    assert "(3x)" in finding["message"] and "'Geschickte Massenmobilisierung' (1x)" in finding["message"]
    assert [(p["line"], p["column"], p["end_column"], p["text"]) for p in finding["data"]["places"]] == [
        (2, 5, 33, "Gekonnte Massenmobilisierung"), (3, 20, 48, "gekonnte Massenmobilisierung"),
        (4, 12, 40, "Gekonnte Massenmobilisierung")]


def test_across_a_run_each_file_has_its_own_finding(tmp_path):
    glossary = _files(tmp_path, a=TEXT, b="Die Gekonnte Massenmobilisierung.\n")
    code, report, err = run_cli_json("check", tmp_path / "a.txt", tmp_path / "b.txt", "-g", glossary, "--lang", "de",
                                     "--select", "GL002", "--consistency", "run")
    assert code == 1, err
    assert [(f["path"].rsplit("/", 1)[-1], len(f["data"]["places"])) for f in report["findings"]] == [
        ("a.txt", 3), ("b.txt", 1)]


def test_a_directive_silences_its_place_and_the_finding_moves_to_the_next(tmp_path):
    text = TEXT.replace("Die Gekonnte Massenmobilisierung wächst.",
                        "Die Gekonnte Massenmobilisierung wächst. <!-- mtcheck: ignore GL002 -->")
    glossary = _files(tmp_path, a=text)
    code, report, err = run_cli_json("check", tmp_path / "a.txt", "-g", glossary, "--lang", "de", "--select", "GL002",
                                     "--warn-unused-ignores")
    assert code == 1, err
    finding, = report["findings"]
    assert (finding["line"], finding["text"]) == (3, "gekonnte Massenmobilisierung")
    assert [p["line"] for p in finding["data"]["places"]] == [3, 4]
    every = TEXT.replace("\n", " <!-- mtcheck: ignore GL002 -->\n")
    (tmp_path / "a.txt").write_text(every, encoding="utf-8")
    code, report, err = run_cli_json("check", tmp_path / "a.txt", "-g", glossary, "--lang", "de", "--select", "GL002")
    assert code == 0 and report["findings"] == [], err
