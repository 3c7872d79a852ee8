"""An abbreviation a text defines for a glossary term ("Vaterländische Front (VF)") and the
initialism of a long term the text has used ("VVF") are the concept from there on, in that
document: scan lists them, and a translation that writes them renders the concept."""
from __future__ import annotations

from tests.conftest import run_cli_json

GLOSSARY = (
    "concept,lang,term,status\n"
    "vf,en,Fatherland Front,preferred\n"
    "vf,de,Vaterländische Front,preferred\n"
    "vvf,en,Vietnam Fatherland Front,preferred\n"
    "vvf,de,Vietnamesische Vaterländische Front,preferred\n"
)


def _glossary(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text(GLOSSARY, encoding="utf-8")
    return path


def _scan(tmp_path, *texts):
    paths = []
    for index, text in enumerate(texts):
        path = tmp_path / f"t{index}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    code, report, err = run_cli_json("scan", *paths, "-g", _glossary(tmp_path), "--lang", "de", "--isolated")
    assert code == 0, err
    return [(m["path"][-6:], m["line"], m["text"], m["concept"], m.get("variant")) for m in report["matches"]
            if "within" not in m]


def test_an_abbreviation_counts_after_its_definition_in_its_document(tmp_path):
    assert _scan(tmp_path, "Die VF wurde gegründet.\nDie Vaterländische Front (VF) tagte. Die VF beschloss.\n",
                 "Die VF ist hier nicht erklärt.\n") == [
        ("t0.txt", 2, "Vaterländische Front", "vf", None),
        ("t0.txt", 2, "VF", "vf", "initialism")]


def test_an_abbreviation_before_its_term_in_brackets_defines_it_too(tmp_path):
    assert _scan(tmp_path, "Die VF (Vaterländische Front) tagte.\nSpäter wählte die VF neu.\n") == [
        ("t0.txt", 1, "Vaterländische Front", "vf", None),
        ("t0.txt", 2, "VF", "vf", "initialism")]


def test_an_abbreviation_that_is_no_initialism_is_named_so(tmp_path):
    assert _scan(tmp_path, "Die Vaterländische Front (VaFr) tagte; die VaFr wählte.\n") == [
        ("t0.txt", 1, "Vaterländische Front", "vf", None),
        ("t0.txt", 1, "VaFr", "vf", "abbreviation")]


def test_the_initialism_of_a_long_term_counts_once_the_text_used_the_term(tmp_path):
    assert _scan(tmp_path, "Die VVF ist alt.\nDie Vietnamesische Vaterländische Front tagte; die VVF wählte.\n") == [
        ("t0.txt", 2, "Vietnamesische Vaterländische Front", "vvf", None),
        ("t0.txt", 2, "VVF", "vvf", "initialism")]


def test_a_translation_that_writes_a_defined_abbreviation_renders_the_concept(tmp_path):
    po = tmp_path / "de.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "The Vietnam Fatherland Front (VFF) met."\n'
                  'msgstr "Die Vietnamesische Vaterländische Front (VVF) tagte."\n\n'
                  'msgid "The Vietnam Fatherland Front voted."\nmsgstr "Die VVF stimmte ab."\n', encoding="utf-8")
    code, report, err = run_cli_json("check", po, "-g", _glossary(tmp_path), "--source-lang", "en", "--isolated",
                                     "--select", "GL004")
    assert code == 0, (report["findings"], err)
    assert report["findings"] == []
