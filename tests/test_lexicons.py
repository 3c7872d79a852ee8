"""A full-form lexicon gives every lemma of a Polish form (Morfeusz 2), where simplemma's one
lemma is often another word's: "pliki" is the plural of "plik" (a file), not of "plika"."""
from __future__ import annotations

import pytest

from mtcheck.glossary import load_glossary
from mtcheck.matching import Matcher
from mtcheck.model import Segment
from tests.conftest import run_cli

pytest.importorskip("morfeusz2")  # mtcheck[lexicons], and the test extra

GLOSSARY = (
    "concept,lang,term,status\n"
    "file,pl,plik,preferred\n"
    "close,pl,zamknąć,preferred\n"
    "interest,pl,odsetki,preferred\n"
    "reconcile,pl,uzgodnić,preferred\n"
    "credit-side,pl,Ma,preferred\n"
    "account,pl,konto,preferred\n"
)


@pytest.mark.parametrize("text, expected", [
    ("Usunięto stare pliki kopii zapasowych.", [("pliki", "file")]),
    ("Nie znaleziono plików.", [("plików", "file")]),
    ("Faktura została zamknięta.", [("zamknięta", "close")]),
    ("Odsetek nie naliczono.", [("Odsetek", "interest")]),
    ("Przed uzgodnieniem konta sprawdź saldo.", [("uzgodnieniem", "reconcile"), ("konta", "account")]),
    # "mam" is a form of mieć (to have), which the short term "Ma" (the credit side) is not
    ("Nie mam jeszcze konta.", [("konta", "account")]),
])
def test_every_lemma_of_a_polish_form_is_tried(tmp_path, text, expected):
    path = tmp_path / "g.csv"
    path.write_text(GLOSSARY, encoding="utf-8")
    found = [(m.text, m.concept.id) for m in Matcher(load_glossary(path)).matches(Segment(text, "t", 1, 1), "pl")]
    assert found == expected


def test_languages_names_the_lexicon():
    assert "Morfeusz 2 lexicon (every lemma of a form)" in run_cli("languages", "pl")[1]
