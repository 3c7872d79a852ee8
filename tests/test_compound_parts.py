"""German compounds: a one-word term of five letters or more is found as a compound's first part
(Konto in Kontostand, Datei in Dateisystem) where the rest is a word of the language, never
before a suffix, and not a shorter one (Hoch|zeit); a compound term is found with its last part inflected as the stem cannot tell
(Unterkonten for Unterkonto)."""
from __future__ import annotations

import pytest

from mtcheck.matching import Matcher
from mtcheck.model import Concept, Glossary, Segment, Status, Term

TERMS = ["Konto", "Menü", "Datei", "Unterkonto", "Bank", "hoch"]


@pytest.fixture(scope="module")
def matcher():
    return Matcher(Glossary(tuple(Concept(t.casefold(), (Term(t, "de", Status.PREFERRED),)) for t in TERMS)))


@pytest.mark.parametrize("text,expected", [
    ("Der Kontostand ist negativ.", [("Kontostand", "konto")]),
    ("Die Menüleiste ausblenden.", []),  # four letters start lexicalised compounds as often as not
    ("Die Hochzeit war schön.", []),
    ("Das Dateisystem ist schreibgeschützt.", [("Dateisystem", "datei")]),
    ("Die Unterkonten anzeigen.", [("Unterkonten", "unterkonto")]),
    ("Ein Bankett im Saal.", []),  # -ett is no word of its own
    ("Die Kontur ist scharf.", []),
])
def test_compound_parts(matcher, text, expected):
    found = matcher.for_language("de").matches(Segment(text, "t.txt", 1, lang="de"))
    assert [(m.text, m.concept.id) for m in found] == expected
