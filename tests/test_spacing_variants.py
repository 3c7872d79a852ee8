"""A term is found however writers space it: a term of two or three words closed up into one
(Cloud-Speicher: Cloudspeicher, data base: database) where the language closes compounds up,
and a one-word term opened with a hyphen or a space where its second part is a word of the
language (subaccount: sub-account, Massenmobilisierung: Massen-Mobilisierung)."""
from __future__ import annotations

import pytest

from mtcheck.matching import Matcher
from mtcheck.model import Concept, Glossary, Segment, Status, Term

TERMS = [("cloud", "de", "Cloud-Speicher"), ("mm", "de", "Massenmobilisierung"), ("account", "de", "Konto"),
         ("sub", "en", "subaccount"), ("db", "en", "data base"), ("kitle", "tr", "kitle seferberliği"),
         ("user", "fr", "compte utilisateur")]


@pytest.fixture(scope="module")
def matcher():
    return Matcher(Glossary(tuple(Concept(cid, (Term(text, lang, Status.PREFERRED),)) for cid, lang, text in TERMS)))


@pytest.mark.parametrize("lang,text,expected", [
    ("de", "Der Cloudspeicher ist voll.", [("Cloudspeicher", "cloud")]),
    ("de", "Die Größe des Cloudspeichers.", [("Cloudspeichers", "cloud")]),
    ("de", "Der Cloud Speicher ist voll.", [("Cloud Speicher", "cloud")]),
    ("de", "Die Massen-Mobilisierung wächst.", [("Massen-Mobilisierung", "mm")]),
    ("de", "Der Stand des Kontos.", [("Kontos", "account")]),  # a variant's word takes no term's form
    ("en", "Include sub-account balances.", [("sub-account", "sub")]),
    ("en", "Open the database.", [("database", "db")]),
    # languages that do not close compounds up keep their terms' spacing
    ("tr", "kitleseferberliği", []),
    ("fr", "compteutilisateur", []),
])
def test_spacing_variants(matcher, lang, text, expected):
    found = matcher.for_language(lang).matches(Segment(text, "t.txt", 1, lang=lang))
    assert [(m.text, m.concept.id) for m in found] == expected
