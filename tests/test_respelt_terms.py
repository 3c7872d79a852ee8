"""A glossary term with a slip (one letter doubled or two swapped, where the language's
dictionary has the word spelt rightly and not the glossary's) matches the text that spells it
rightly, as the variant "respelt"; glossary validate reports the slip."""
from __future__ import annotations

from mtcheck.matching import Matcher
from mtcheck.model import Concept, Glossary, Segment, Status, Term
from tests.conftest import run_cli


def matches(terms: list[tuple[str, str, str]], lang: str, text: str) -> list[tuple[str, str, str]]:
    glossary = Glossary(tuple(Concept(cid, (Term(term, tlang, Status.PREFERRED),)) for cid, tlang, term in terms))
    found = Matcher(glossary).for_language(lang).matches(Segment(text, "t.txt", 1, lang=lang))
    return [(m.text, m.concept.id, m.variant) for m in found]


def test_the_term_rightly_spelt_matches_it():
    assert matches([("close", "pl", "zakmnij")], "pl", "Zamknij okno") == [("Zamknij", "close", "respelt")]
    assert matches([("custom", "fr", "Personalisé")], "fr", "Rapport personnalisé") == \
        [("personnalisé", "custom", "respelt")]


def test_a_term_the_dictionary_knows_or_a_word_two_slips_away_is_as_written():
    """„zamknij" is a word: a text's „zakmnij" is no form of it; „zakmjni" is two slips from
    „zamknij", no spelling of the glossary's „zakmnij"."""
    assert matches([("close", "pl", "zamknij")], "pl", "zakmnij okno") == []
    assert matches([("close", "pl", "zakmnij")], "pl", "zakmjni okno") == []


def test_the_missing_term_rule_reads_the_term_rightly_spelt(tmp_path):
    glossary = tmp_path / "g.csv"
    glossary.write_text("concept,lang,term,status\nclose,en,close,preferred\nclose,pl,zakmnij,preferred\n",
                        encoding="utf-8")
    po = tmp_path / "ui.pl.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: pl\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "Close the window"\nmsgstr "Zamknij okno"\n', encoding="utf-8")
    code, out, err = run_cli("check", po, "-g", glossary, "--select", "GL004")
    assert code == 0, out + err
