"""The glossary keeps grammar: gender, number, part of speech, subject field and the region of
a language tag are read from TBX and CSV, written back and converted without loss, and a value
no picklist has is one clear error."""
from __future__ import annotations

import pytest

from mtcheck.errors import GlossaryError
from mtcheck.glossary import load_glossary
from conftest import run_cli

TBX3 = """<?xml version="1.0" encoding="UTF-8"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en"><text><body>
<conceptEntry id="folder"><descrip type="subjectField">software user interface</descrip>
 <langSec xml:lang="en"><termSec><term>folder</term><termNote type="partOfSpeech">noun</termNote></termSec></langSec>
 <langSec xml:lang="de"><termSec><term>Ordner</term>
   <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
   <termNote type="partOfSpeech">noun</termNote><termNote type="grammaticalGender">masculine</termNote>
   <termNote type="grammaticalNumber">singular</termNote></termSec>
  <termSec><term>Verzeichnis</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
   <termNote type="grammaticalGender">neuter</termNote></termSec></langSec>
 <langSec xml:lang="pt-BR"><termSec><term>pasta</term><termNote type="grammaticalGender">feminine</termNote></termSec></langSec>
 <langSec xml:lang="pt-PT"><termSec><term>diretório</term><termNote type="grammaticalGender">masculine</termNote></termSec></langSec>
</conceptEntry>
<conceptEntry id="settings"><langSec xml:lang="fr"><termSec><term>paramètres</term>
   <termNote type="grammaticalGender">masculine</termNote><termNote type="grammaticalNumber">plural</termNote>
 </termSec></langSec></conceptEntry>
</body></text></tbx>
"""


def _grammar(glossary):
    return sorted((c.id, c.subject_field, t.lang, t.region, t.text, t.part_of_speech, t.gender, t.number)
                  for c in glossary for t in c.terms)


def test_tbx_grammar_is_read(tmp_path):
    path = tmp_path / "g.tbx"
    path.write_text(TBX3, encoding="utf-8")
    read = _grammar(load_glossary(path))
    assert ("folder", "software user interface", "de", "", "Ordner", "noun", "masculine", "singular") in read
    assert ("folder", "software user interface", "de", "", "Verzeichnis", "", "neuter", "") in read
    assert ("folder", "software user interface", "pt", "BR", "pasta", "", "feminine", "") in read
    assert ("folder", "software user interface", "pt", "PT", "diretório", "", "masculine", "") in read
    assert ("settings", "", "fr", "", "paramètres", "", "masculine", "plural") in read


def test_round_trip_through_tbx2_tbx3_csv_and_tsv_keeps_the_grammar(tmp_path):
    start = tmp_path / "in.tbx"
    start.write_text(TBX3, encoding="utf-8")
    chain = [(start, tmp_path / "v2.tbx", ["--to", "tbx2"]), (tmp_path / "v2.tbx", tmp_path / "g.csv", []),
             (tmp_path / "g.csv", tmp_path / "g.tsv", []), (tmp_path / "g.tsv", tmp_path / "v3.tbx", [])]
    for source, target, extra in chain:
        # Nothing is left out: convert says nothing.
        assert run_cli("glossary", "convert", source, target, *extra) == (0, "", "")
    original = _grammar(load_glossary(start))
    for _, target, _ in chain:
        assert _grammar(load_glossary(target)) == original, target.name
    # Terms of two regions of one language stay in their own language sections.
    v3 = (tmp_path / "v3.tbx").read_text(encoding="utf-8")
    assert 'xml:lang="pt-BR"' in v3 and 'xml:lang="pt-PT"' in v3
    assert 'type="grammaticalGender">masculine<' in v3 and 'type="subjectField">software user interface<' in v3
    assert "pt-BR,pasta" in (tmp_path / "g.csv").read_text(encoding="utf-8")


def test_csv_columns_take_the_spellings_dictionaries_use(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("concept,lang,term,status,grammatical gender,number,subject field\n"
                    "dir,de,Ordner,preferred,m,sg,IT\n"
                    "dir,de,Verzeichnis,deprecated,n.,,\n"
                    "opt,fr,paramètres,preferred,masc,pl,\n", encoding="utf-8")
    read = _grammar(load_glossary(path))
    assert read == [("dir", "IT", "de", "", "Ordner", "", "masculine", "singular"),
                    ("dir", "IT", "de", "", "Verzeichnis", "", "neuter", ""),
                    ("opt", "", "fr", "", "paramètres", "", "masculine", "plural")]


@pytest.mark.parametrize("column, value, field", [("gender", "male", "grammatical gender"),
                                                  ("number", "several", "grammatical number")])
def test_an_unknown_value_is_one_error_with_file_and_line(tmp_path, column, value, field):
    path = tmp_path / "g.csv"
    path.write_text(f"concept,lang,term,{column}\nc1,de,Ordner,\nc2,de,Datei,{value}\n", encoding="utf-8")
    with pytest.raises(GlossaryError) as caught:
        load_glossary(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:3: unknown {field} '{value}' (valid: ")
    assert "\n" not in message
    code, out, err = run_cli("glossary", "validate", str(path))
    assert code != 0 and f"{path}:3: unknown {field}" in out + err


def test_a_tbx_value_outside_the_picklist_is_one_error_with_file_and_line(tmp_path):
    path = tmp_path / "g.tbx"
    path.write_text(TBX3.replace('type="grammaticalGender">neuter<', 'type="grammaticalGender">male<'),
                    encoding="utf-8")
    line = next(n for n, text in enumerate(TBX3.splitlines(), 1) if 'grammaticalGender">neuter<' in text)
    code, out, err = run_cli("glossary", "validate", str(path))
    assert code == 2
    assert f"{path}:{line}: unknown grammatical gender 'male' (valid: masculine" in out + err
