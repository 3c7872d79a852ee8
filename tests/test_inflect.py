"""Suggestions take over the inflection and the capitalisation of what was found."""
from __future__ import annotations

import pytest

from mtcheck.language.agreement.carry import inflect_like
from mtcheck.language import analyzer_for

CASES = [
    ("de", "Fachkundigen Massenmobilisierung", "fachkundige Massenmobilisierung", "geschickte Massenmobilisierung",
     "Geschickten Massenmobilisierung"),
    ("de", "qualifizierten Massenmobilisierung", "qualifizierte Massenmobilisierung", "geschickte Massenmobilisierung",
     "geschickten Massenmobilisierung"),
    # German noun endings depend on gender: Zentralkomitees does not make "Kommissions"
    ("de", "Zentralkomitees für Massenmobilisierung", "Zentralkomitee für Massenmobilisierung",
     "Kommission für Massenmobilisierung", "Kommission für Massenmobilisierung"),
    # different structures: the citation form, capitalised like the text
    ("de", "Mobilisierung qualifizierter Massen", "Mobilisierung qualifizierter Massen",
     "geschickte Massenmobilisierung", "Geschickte Massenmobilisierung"),
    ("tr", "taklit hareketinin", "taklit hareketi", "yarış hareketi", "yarış hareketinin"),
    ("tr", "nitelikli kitle seferberliğinin", "Nitelikli Kitle Seferberliği", "Becerikli Kitle Seferberliği",
     "Becerikli Kitle Seferberliğinin"),
    ("tr", "NİTELİKLİ KİTLE SEFERBERLİĞİ", "Nitelikli Kitle Seferberliği", "Becerikli Kitle Seferberliği",
     "BECERİKLİ KİTLE SEFERBERLİĞİ"),
    ("nb", "Faglært massemobilisering", "faglært massemobilisering", "dyktig massemobilisering",
     "Dyktig massemobilisering"),
]


@pytest.mark.parametrize("lang,found,term,target,expected", CASES, ids=[c[1] for c in CASES])
def test_inflect_like(lang, found, term, target, expected):
    assert inflect_like(found, term, target, analyzer_for(lang)) == expected


def test_compound_rest_moves_to_the_target():
    de = analyzer_for("de")
    assert inflect_like("Fachkräftemobilisierungsarbeit", "Fachkräftemobilisierung", "Massenmobilisierung",
                        de, compound=True) == "Massenmobilisierungsarbeit"

