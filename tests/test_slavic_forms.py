"""Slavic nouns drop or change a stem vowel in their forms (Czech den: dne, dnech; pes: psa; dům:
domu; Polish pies: psa), and Czech and Polish superlatives put a prefix on the comparative stem
(nejvyšší: vysoký). A glossary lists the citation form; the text's form is the same word."""
from __future__ import annotations

import pytest

from mtcheck.glossary import load_glossary
from mtcheck.matching import Matcher
from mtcheck.model import Segment

GLOSSARY = (
    "concept,lang,term,status\n"
    "workday,cs,pracovní den,preferred\n"
    "dog,cs,pes,preferred\n"
    "house,cs,dům,preferred\n"
    "dog,pl,pies,preferred\n"
    "court,cs,vysoký soud,preferred\n"
    "day,pl,dzień,preferred\n"
    "account,pl,konto,preferred\n"
)

CASES = [
    ("cs", "Dodávky probíhají v pracovních dnech od osmi do šesti.", [("pracovních dnech", "workday")]),
    ("cs", "Soused venčí psa každé ráno.", [("psa", "dog")]),
    ("cs", "Před domem stojí strom, u domu je lavička.", [("domem", "house"), ("domu", "house")]),
    ("pl", "Widziałem wczoraj psa sąsiada.", [("psa", "dog")]),
    ("pl", "Do końca dnia zostały dwie godziny.", [("dnia", "day")]),
    ("cs", "Rozhodl o tom nejvyšší soud.", [("nejvyšší soud", "court")]),
    ("pl", "Nie ma mojej karty ani mojego konta.", [("konta", "account")]),
]


@pytest.mark.parametrize("lang, text, expected", CASES)
def test_forms_with_a_changed_stem_vowel_or_a_superlative_prefix_match(tmp_path, lang, text, expected):
    path = tmp_path / "g.csv"
    path.write_text(GLOSSARY, encoding="utf-8")
    matcher = Matcher(load_glossary(path))
    found = [(m.text, m.concept.id) for m in matcher.matches(Segment(text, "t.txt", 1, 1), lang)]
    assert found == expected
