"""Case policy: a term written in capitals or with inner capitals (an acronym, a product name)
matches only in that case; other terms match in any case; a term's option overrides it."""
import pytest

from mtcheck.errors import GlossaryError
from mtcheck.glossary import load_glossary, write_glossary
from mtcheck.matching import Matcher
from mtcheck.model import Concept, Glossary, Segment, Term


def found(terms, text, lang):
    matcher = Matcher(Glossary((Concept("c", tuple(terms)),)))
    return [m.text for m in matcher.matches(Segment(text, "t", 1, lang=lang))]


@pytest.mark.parametrize("term,lang,text,expected", [
    # all-caps terms are not ordinary words written small
    ("UND", "de", "Massenmobilisierung und Front", []),
    ("UND", "de", "A UND B", ["UND"]),
    ("ODER", "de", "Oder die Front", []),
    ("A", "cs", "dân vận a mobilizace", []),
    ("NEBO", "cs", "Nebo mobilizace masy", []),
    ("KDE", "cs", "Kde je fronta? KDE je prostředí.", ["KDE"]),
    # inner capitals: product names
    ("GnuCash", "en", "gnucash or GnuCash", ["GnuCash"]),
    ("iPhone", "en", "an iphone, an iPhone", ["iPhone"]),
    # an all-caps heading still holds a mixed-case name
    ("GnuCash", "en", "ABOUT GNUCASH", ["GNUCASH"]),
    # normal terms: any case, sentence-initial capitals and headings included
    ("Vaterlandsfront", "de", "DIE VATERLANDSFRONT", ["VATERLANDSFRONT"]),
    ("mass mobilization", "en", "Mass mobilization works", ["Mass mobilization"]),
    ("Massenmobilisierung", "de", "massenmobilisierung", ["massenmobilisierung"]),
])
def test_case_follows_how_the_term_is_written(term, lang, text, expected):
    assert found([Term(term, lang)], text, lang) == expected


def test_a_case_insensitive_term_matches_any_case():
    assert found([Term("UND", "de", case_insensitive=True)], "Massenmobilisierung und Front", "de") == ["und"]


def test_a_case_sensitive_term_needs_the_case_of_every_word():
    assert found([Term("Vaterländische Front", "de", case_sensitive=True)], "vaterländische Front", "de") == []
    assert found([Term("Vaterländische Front", "de")], "vaterländische Front", "de") == ["vaterländische Front"]


def test_foreign_terms_follow_the_policy_too():
    terms = [Term("Massenmobilisierung", "de"), Term("UND", "en")]
    assert found(terms, "Massenmobilisierung und Front", "de") == ["Massenmobilisierung"]


CSV = ("concept,lang,term,status,options\n"
       "and,de,UND,preferred,case-insensitive\n"
       "and,en,AND,preferred,\n"
       "gpmb,vi,GPMB,admitted,case-sensitive exact\n")


def test_csv_option_is_read_and_written_back(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text(CSV, encoding="utf-8")
    glossary = load_glossary(path)
    und, and_ = glossary.concepts[0].terms
    assert und.case_insensitive and not und.case_sensitive
    assert not and_.case_insensitive and not and_.case_sensitive
    for fmt, name in (("csv", "back.csv"), ("tbx3", "back.tbx"), ("tbx2", "back2.tbx")):
        write_glossary(glossary, tmp_path / name, fmt)
        again = load_glossary(tmp_path / name)
        assert [(t.text, t.case_sensitive, t.case_insensitive, t.exact) for c in again for t in c.terms] == [
            ("UND", False, True, False), ("AND", False, False, False), ("GPMB", True, False, True)], fmt


def test_tbx_term_note_sets_the_option(tmp_path):
    path = tmp_path / "g.tbx"
    path.write_text("""<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="de" xmlns="urn:iso:std:iso:30042:ed:3.0">
 <tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>
 <text><body><conceptEntry id="and">
  <langSec xml:lang="de"><termSec><term>UND</term>
   <termNote type="x-mtcheck-match">case-insensitive</termNote></termSec></langSec>
 </conceptEntry></body></text></tbx>""", encoding="utf-8")
    [concept] = load_glossary(path).concepts
    assert concept.terms[0].case_insensitive
    matcher = Matcher(load_glossary(path))
    assert [m.text for m in matcher.matches(Segment("Front und Massen", "t", 1, lang="de"))] == ["und"]


def test_both_case_options_on_one_term_is_an_error_naming_the_line(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("concept,lang,term,status,options\n"
                    "and,de,UND,preferred,\n"
                    "or,de,ODER,preferred,case-sensitive case-insensitive\n", encoding="utf-8")
    with pytest.raises(GlossaryError) as caught:
        load_glossary(path)
    assert str(caught.value).startswith(f"{path}:3:") and "case-sensitive" in str(caught.value)
