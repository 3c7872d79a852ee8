"""A missing-term finding is held back where the target has a word that looks like a form of one
of the concept's accepted terms the matcher cannot tell (a participle, a derivation, a case the
lemmatizer lacks, a compound); a real omission, or a word that only shares a first part, is
still reported."""
from __future__ import annotations

import pytest

from mtcheck.resemblance import plain_words, resembles
from tests.conftest import run_cli_json

GLOSSARY = (
    "concept,lang,term,status\n"
    "account,en,account,preferred\n"
    "account,de,Konto,preferred\n"
    "import,en,import,preferred\n"
    "import,fr,importer,preferred\n"
    "file,en,file,preferred\n"
    "file,pl,plik,preferred\n"
    "folder,en,folder,preferred\n"
    "folder,de,Ordner,preferred\n"
    "split,en,split,preferred\n"
    "split,de,Buchungsteil,preferred\n"
    "branch,en,branch,preferred\n"
    "branch,it,ramo,preferred\n"
    "fetch,en,fetch,preferred\n"
    "fetch,it,recuperare,preferred\n"
    "default,en,default,preferred\n"
    "default,de,Voreinstellung,preferred\n"
    "open,en,open,preferred\n"
    "open,fr,ouvrir,preferred\n"
    "merge,en,merge,preferred\n"
    "merge,it,fondere,preferred\n"
)


def _missing(tmp_path, lang, source, target):
    (tmp_path / "g.csv").write_text(GLOSSARY, encoding="utf-8")
    path = tmp_path / f"{lang}.po"
    path.write_text(f'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                    f'msgid "{source}"\nmsgstr "{target}"\n', encoding="utf-8")
    code, report, err = run_cli_json("check", path, "-g", tmp_path / "g.csv", "--source-lang", "en", "--isolated",
                                     "--select", "GL004")
    assert code in (0, 1), err
    return [f["concept"] for f in report["findings"]]


@pytest.mark.parametrize("lang,source,target", [
    ("de", "Unknown account type", "Unbekannte Kontenart"),            # a compound's first part
    ("de", "Show the account tree", "Den Unterkontenbaum anzeigen"),    # inside a compound, inflected
    ("fr", "Importing the files", "L'importation des fichiers"),       # a derivation after an elision
    ("pl", "All files", "Wszystkie pliki"),                             # a case form
    ("it", "Source Branches", "Rami di origine"),                       # a plural the dictionary gives to rame
    ("it", "Fetching the %s", "Recupero %s"),                           # a noun made from the verb
    ("de", "The default font", "Die voreingestellte Schriftart"),       # the noun's verb, as a participle
    ("fr", "The file was opened", "Le fichier a été ouvert"),           # a participle its class makes irregular
    ("fr", "Show only open lots", "Afficher seulement les lots ouverts"),
    ("it", "Branches merged", "Rami fusi"),                              # fondere: fuso, fusi
])
def test_a_form_the_matcher_cannot_tell_is_no_missing_term(tmp_path, lang, source, target):
    assert _missing(tmp_path, lang, source, target) == []


def test_an_omission_is_still_reported(tmp_path):
    assert _missing(tmp_path, "de", "Save the file to a folder.", "Speichern Sie die Datei.") == ["folder"]
    # Another word of the stem's first letters: „recupero" is made from „recuperare", „recinto"
    # (a fence) from nothing of it.
    assert _missing(tmp_path, "it", "Fetching the branches", "Il recinto dei rami") == ["fetch"]
    assert _missing(tmp_path, "fr", "Open the file", "Le fichier est couvert") == ["open"]  # couvrir's


def test_a_shared_first_part_is_no_rendering(tmp_path):
    # Buchungssätze shares Buchung- with Buchungsteil: another compound.
    assert _missing(tmp_path, "de", "Show all splits", "Alle Buchungssätze anzeigen") == ["split"]


@pytest.mark.parametrize("term,text,compounding,expected", [
    ("fermer", "Le fichier est fermé.", False, True),
    ("Konto", "Unterkonten", True, True),
    ("Konto", "Unterkonten", False, False),       # no compounds in the language: another word
    ("notowania", "źródło notowań", False, True),
    ("within", "without a doubt", False, False),  # more than an ending changed
    ("cell", "an excellent result", False, False),
    ("plik", "pliki", False, True),
    ("ramo", "rami remoti", False, True),         # its last vowel changed
    ("ramo", "un rame", False, True),
    ("ramo", "il ramno", False, False),           # a letter more, not a vowel changed
    ("con", "col", False, False),                 # a consonant changed
    ("with", "without", False, False),
    ("会计科目", "会计科目表", False, False),        # characters that are words: the matcher's
])
def test_resemblance(term, text, compounding, expected):
    assert resembles(term, plain_words(text), compounding) is expected
