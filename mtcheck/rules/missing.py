"""GL004 missing-term."""
from __future__ import annotations

from typing import Iterable

from mtcheck.language import rendered_apart
from mtcheck.model import Finding, Match, Segment, Severity
from mtcheck.resemblance import plain_words, resembles_a_term
from mtcheck.rules.base import Rule


class MissingTerm(Rule):
    """A glossary term of the source has no rendering in the target (bilingual files).

    The source side of each segment is matched in the source language like any text
    (inflection, compounds, casing); every concept found there must be rendered in the
    target. The finding covers the target and names the preferred term expected. Any term
    of the concept counts, also one nested in a longer term or one shared with another
    concept; a target that renders the concept with a deprecated or foreign term is left to
    those rules; a concept the glossary does not have in the target language is not expected.
    A German or Dutch separable verb counts where a main clause splits it ("anmelden":
    "Melden Sie sich bitte an"). A target word that looks like a form of one of the concept's
    accepted terms (fermé for fermer, l'importation for importer, Unterkonten for Konto, rami
    for ramo, Recupero for recuperare: see mtcheck.resemblance) is taken as its rendering: a
    false alarm costs more than a miss.

    Bad (en→de):  "Skilful mass mobilisation matters." → "Das ist wichtig."
    Good (en→de): "Skilful mass mobilisation matters." → "Geschickte Massenmobilisierung ist wichtig."
    """

    id = "GL004"
    name = "missing-term"
    severity = Severity.ERROR

    def on_segment(self, segment: Segment, source: list[Match], target: list[Match],
                   rendered: set[str]) -> Iterable[Finding]:
        if not source:
            return []
        rendered = rendered | {match.concept.id for match in target}  # foreign renderings too
        expected: dict[str, Match] = {}
        for match in source:
            # A source term several concepts share is rendered when any of them is.
            if match.concept.id not in rendered and not any(c.id in rendered for c, _ in match.alternatives):
                expected.setdefault(match.concept.id, match)
        findings = []
        lang = self.document.analyzer.lang
        compounding = self.document.analyzer.compounding
        text_words = None  # the target's words for the resemblance test, when one is needed
        for concept_id, match in expected.items():
            preferred = match.concept.preferred(self.document.lang)
            if preferred is None:
                continue
            if any(term.lang == lang and rendered_apart(term.text, segment.text, lang) for term in match.concept.terms):
                continue  # a separable verb split in a main clause: "Melden Sie sich … an"
            if text_words is None:
                text_words = plain_words(segment.text)
            if resembles_a_term(match.concept, lang, text_words, compounding):
                continue  # a form the matcher cannot tell: "fermé" for "fermer", „Recupero" for „recuperare"
            label = self.label(match)
            named = f"'{match.text}'" if label.casefold() == match.text.casefold() else f"'{match.text}' ({label})"
            findings.append(self.finding_at(
                segment.locate(0, len(segment.text)),
                f"source term {named} is not rendered in the target; expected '{preferred.text}'",
                concept=concept_id, text=match.text, suggestions=[preferred.text],
                context=segment.whole(),
                source_term=match.term.text))
        return findings
