"""Each rule, failing and passing, in German, Norwegian and Turkish; docstrings kept true."""
from __future__ import annotations

import re

import pytest

from mtcheck.engine import Checker
from mtcheck.model import Concept, Glossary, Segment, Severity, Status, Term
from mtcheck.rules import ALL_RULES, select_rules
from mtcheck.rules.deprecated import DeprecatedRendering
from mtcheck.rules.foreign import ForeignRendering
from mtcheck.rules.inconsistent import InconsistentRendering
from mtcheck.rules.missing import MissingTerm

# (rule, lang, text, expected [(found text, suggestion)])
CASES = [
    (DeprecatedRendering, "de", "die Nachahmerbewegung „Fachkundige Massenmobilisierung“",
     [("Nachahmerbewegung", "Wettbewerbsbewegung"), ("Fachkundige Massenmobilisierung", "Geschickte Massenmobilisierung")]),
    (DeprecatedRendering, "de", "Modelle der qualifizierten Massenmobilisierung",
     [("qualifizierten Massenmobilisierung", "geschickten Massenmobilisierung")]),
    (DeprecatedRendering, "de", "Modelle der geschickten Massenmobilisierung", []),
    (DeprecatedRendering, "de", "das Zentralkomitee für Massenmobilisierung",
     [("Zentralkomitee für Massenmobilisierung", "Kommission für Massenmobilisierung")]),
    (DeprecatedRendering, "nb", "emuleringsbevegelsen «Faglært massemobilisering»",
     [("Faglært massemobilisering", "Dyktig massemobilisering")]),
    (DeprecatedRendering, "nb", "20 modeller for «dyktig massemobilisering»", []),
    (DeprecatedRendering, "tr", "\"Nitelikli Kitle Seferberliği\" öykünme hareketi",
     [("Nitelikli Kitle Seferberliği", "Becerikli Kitle Seferberliği"), ("öykünme hareketi", "yarış hareketi")]),
    (DeprecatedRendering, "tr", "taklit hareketinin kalitesi", [("taklit hareketinin", "yarış hareketinin")]),
    (DeprecatedRendering, "tr", "NİTELİKLİ KİTLE SEFERBERLİĞİ", [("NİTELİKLİ KİTLE SEFERBERLİĞİ", "BECERİKLİ KİTLE SEFERBERLİĞİ")]),
    (DeprecatedRendering, "tr", "Becerikli Kitle Seferberliği yarış hareketi", []),
    (ForeignRendering, "de", "die Bewegung „Skilled Mass Mobilization“",
     [("Skilled Mass Mobilization", "Geschickte Massenmobilisierung")]),
    (ForeignRendering, "de", "„Smart Civil Affairs“-Modelle", [("Smart Civil Affairs", "Geschickte Massenmobilisierung")]),
    (ForeignRendering, "de", "die Bewegung „Geschickte Massenmobilisierung“", []),
    (ForeignRendering, "nb", "emuleringsbevegelsen «Skilled Mass Mobilization»",
     [("Skilled Mass Mobilization", "Dyktig massemobilisering")]),
    (ForeignRendering, "nb", "rydding av tomter (GPMB)", []),
    (ForeignRendering, "nb", "vanskeligheter med GPMB", [("GPMB", "rydding av tomter")]),
    (ForeignRendering, "de", "die Bewegung „Dân vận khéo“ (Geschickte Massenmobilisierung)", []),
    (ForeignRendering, "de", "„Dân vận khéo“ und die Massenmobilisierung (Geschickte Massenmobilisierung)",
     [("Dân vận khéo", "Geschickte Massenmobilisierung")]),
    (ForeignRendering, "de", "„Smart Civil Affairs“ (Vaterländische Front)",
     [("Smart Civil Affairs", "Geschickte Massenmobilisierung")]),
    (ForeignRendering, "tr", "\"Dân vận khéo\" yarış hareketi", [("Dân vận khéo", "Becerikli Kitle Seferberliği")]),
    (ForeignRendering, "tr", "\"Becerikli Kitle Seferberliği\" yarış hareketi", []),
    (InconsistentRendering, "de", "„Geschickte Massenmobilisierung“ und „Gekonnte Massenmobilisierung“",
     [("Gekonnte Massenmobilisierung", "Geschickte Massenmobilisierung")]),
    (InconsistentRendering, "de", "„Geschickte Massenmobilisierung“ und der „geschickten Massenmobilisierung“", []),
    (InconsistentRendering, "de", "Vaterländische Front Vietnams … die Vaterländische Front", []),
    (InconsistentRendering, "nb", "rydding av tomter, rydding av tomter og rydding av land",
     [("rydding av land", "rydding av tomter")]),
    (InconsistentRendering, "nb", "rydding av tomter og rydding av tomtene", []),
    (InconsistentRendering, "tr", "kitle seferberliği ve kitlesel seferberlik çalışmaları",
     [("kitlesel seferberlik", "kitle seferberliği")]),
    (InconsistentRendering, "tr", "kitle seferberliği ve kitle seferberliğinin", []),
]


@pytest.mark.parametrize("rule,lang,text,expected", CASES, ids=[f"{c[0].id}-{c[1]}-{c[2][:30]}" for c in CASES])
def test_rule(lint, rule, lang, text, expected):
    findings = lint(lang, text, rules=[rule])
    assert [(f.text, f.suggestions[0] if f.suggestions else None) for f in findings] == expected
    assert all(f.rule == rule.id and f.severity == rule.severity for f in findings)


def test_inconsistent_prefers_majority_without_preferred_term(lint):
    text = "Komitee für Massenmobilisierung, Komitee für Massenmobilisierung, Massenmobilisierungskomitee"
    [finding] = lint("de", text, rules=[InconsistentRendering])
    assert finding.text == "Massenmobilisierungskomitee"
    assert "(1x)" in finding.message and "(2x)" in finding.message


def test_inconsistent_counts_per_file(lint):
    assert lint("de", "Gekonnte Massenmobilisierung", rules=[InconsistentRendering]) == []


def test_rule_ids_and_names_are_unique_and_documented():
    assert len({r.id for r in ALL_RULES}) == len({r.name for r in ALL_RULES}) == len(ALL_RULES)
    for rule in ALL_RULES:
        assert re.fullmatch(r"GL\d{3}", rule.id)
        assert isinstance(rule.severity, Severity)
        assert "Bad (" in rule.documentation() and "Good (" in rule.documentation()


_EXAMPLE = re.compile(r"^(Bad|Good) \(([\w→]+)\):\s+(.*)$", re.MULTILINE)
_PAIR = re.compile(r'^"(.*)" → "(.*)"$')


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.id)
def test_docstring_examples_hold(lint, lint_pairs, rule):
    """The bad example in a rule's documentation is reported, the good one is not."""
    examples = _EXAMPLE.findall(rule.documentation())
    assert examples
    for kind, lang, text in examples:
        if "→" in lang:  # bilingual: "source" → "target" pairs, one segment each
            source_lang, lang = lang.split("→")
            pairs = [_PAIR.match(pair).groups() for pair in text.split(" … ")]
            found = lint_pairs(source_lang, lang, pairs, rules=[rule])
        else:
            found = lint(lang, text.replace(" … ", "\n"), rules=[rule])
        assert bool(found) == (kind == "Bad"), (kind, text)


def test_select_and_ignore_by_id_or_name():
    assert select_rules(["GL001"]) == [DeprecatedRendering]
    assert select_rules(["foreign-rendering"]) == [ForeignRendering]
    assert select_rules(None, ["GL002", "GL004", "GL005", "GL006"]) == [DeprecatedRendering, ForeignRendering]
    with pytest.raises(ValueError, match="unknown rule"):
        select_rules(["GL999"])


def _pairs_glossary(*concepts):
    return Glossary(tuple(Concept(cid, tuple(Term(text, lang, Status.PREFERRED) for lang, text in terms))
                          for cid, terms in concepts))


def test_missing_term_counts_a_rendering_shared_by_two_concepts_for_both():
    glossary = _pairs_glossary(("faelle", [("de", "Fällen"), ("en", "patients")]),
                               ("patienten", [("de", "Patienten"), ("en", "patients")]))
    checker = Checker(glossary, [MissingTerm])
    segment = Segment("Some patients do not respond.", "t.xlf", 1, id="1", lang="en",
                      source="Einige Patienten sprechen nicht an.", source_lang="de")
    assert checker.check("t.xlf", [segment], "en") == []
    segment = Segment("Some people do not respond.", "t.xlf", 1, id="1", lang="en",
                      source="Einige Patienten sprechen nicht an.", source_lang="de")
    assert [f.concept for f in checker.check("t.xlf", [segment], "en")] == ["patienten"]


def test_missing_term_counts_a_term_nested_in_a_longer_one():
    glossary = _pairs_glossary(("therapie", [("de", "Therapie"), ("en", "therapy")]),
                               ("dx-tx", [("de", "Diagnostik und Therapie"), ("en", "diagnosis and therapy")]))
    checker = Checker(glossary, [MissingTerm])
    segment = Segment("Diagnosis and therapy of the disease", "t.xlf", 1, id="1", lang="en",
                      source="Therapie der Erkrankung", source_lang="de")
    assert checker.check("t.xlf", [segment], "en") == []


def test_findings_made_in_one_step_equal_findings_built_field_by_field():
    """Rules build findings with Finding.made; they must be the same records, immutable."""
    import dataclasses

    from mtcheck.model import Excerpt, Finding, Location, Severity

    fields = dict(rule="GL001", name="deprecated-rendering", severity=Severity.ERROR, message="m",
                  location=Location("a.txt", 3, 5, 3, 9), lang="de", concept="dan-van", text="Wort",
                  suggestions=("Wörter",), data={"term": "x"}, sentence=Excerpt("ein Wort", 4, 8), source="a word",
                  fix=None)
    made, built = Finding.made(**fields), Finding(**fields)
    assert made == built and made.to_record() == built.to_record() and made.context == "ein Wort"
    assert hash(made.sort_key()) == hash(built.sort_key())
    assert [f.name for f in dataclasses.fields(Finding)] == list(fields)  # made() gives every field
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.message = "changed"
    beside = made.beside("another word")
    assert (beside.source, made.source, beside.to_record()["source"]) == ("another word", "a word", "another word")


@pytest.mark.parametrize("max_said", [10_000, 1])
def test_messages_said_again_are_those_a_fresh_rule_says(lint, monkeypatch, max_said):
    """GL001 keeps what it said of each term in each form, and GL002 of each form within a
    rendering: every finding must still be what saying it afresh gives, at its own place."""
    from mtcheck.rules import deprecated

    monkeypatch.setattr(deprecated, "_MAX_SAID", max_said)  # 1: forgotten after each term
    lines = ["die „Fachkundige Massenmobilisierung“ und die fachkundigen Massenmobilisierung",
             "„Gekonnte Massenmobilisierung“, „Geschickte Massenmobilisierung“ und Massenmobilisierung",
             "die „Fachkundige Massenmobilisierung“ und die Nachahmerbewegung, gekonnten Massenmobilisierung",
             "„Fachkundige Massenmobilisierungsarbeit“ und die Fachkundige Massenmobilisierung"]
    together = lint("de", "\n".join(lines), [DeprecatedRendering, InconsistentRendering])
    alone = {}
    for number, line in enumerate(lines, 1):
        for finding in lint("de", line, [DeprecatedRendering]):
            alone[(number, finding.location.column)] = finding
    deprecated_found = [f for f in together if f.rule == "GL001"]
    assert len(deprecated_found) == 6 == len(alone)
    for finding in deprecated_found:
        same = alone[(finding.location.line, finding.location.column)]
        assert (finding.message, finding.suggestions, finding.data, finding.text) == \
               (same.message, same.suggestions, same.data, same.text)
    assert len({f.message for f in deprecated_found}) == 4  # the forms: two cases, a compound, another term
    inconsistent = [f for f in together if f.rule == "GL002"]
    # One finding per rendering and file, at its first place, with every place in its data.
    assert [(f.text, f.suggestions, f.location.line) for f in inconsistent] == [
        ("Gekonnte Massenmobilisierung", ("Geschickte Massenmobilisierung",), 2)]
    assert [(p["line"], p["text"]) for p in inconsistent[0].data["places"]] == [
        (2, "Gekonnte Massenmobilisierung"), (3, "gekonnten Massenmobilisierung")]
