"""GL006 unknown-rendering."""
from __future__ import annotations

from typing import Iterable

from mtcheck.discovery import Candidate, Discoverer
from mtcheck.model import Finding, Match, Segment, Severity
from mtcheck.rules.base import Rule


class UnknownRendering(Rule):
    """A span likely renders a glossary concept but is none of its terms.

    mtcheck learns from the file where the concept's known renderings stand and how they are
    built, and reports a span that shares their parts („intelligente Massenmobilisierung"
    beside „geschickte Massenmobilisierung"), stands in their slots (a quoted name after
    „Nachahmungsbewegung"), or is written in another language of the glossary. The message
    gives the score and the evidence; `mtcheck discover` lists all candidates and can add
    them to a copy of the glossary. Terms of another language left untranslated are GL003's.
    The rule runs only when selected (`--select ALL` or `--select GL006`): it reads every
    segment's words a second time, and its findings are likelihoods, not certainties.

    Bad (de):  Die Bewegung „Geschickte Massenmobilisierung“ … Der Wettbewerb „Geschickte Massenmobilisierung“ … Die Bewegung „Kluge Massenmobilisierung“
    Good (de): Die Bewegung „Geschickte Massenmobilisierung“ … Der Wettbewerb „Geschickte Massenmobilisierung“
    """

    id = "GL006"
    name = "unknown-rendering"
    severity = Severity.WARNING
    default = False  # opt in: `--select ALL`, `--select GL006`, or `select` in the configuration
    mergeable = False  # discovery learns from all the documents at once

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.discoverer = Discoverer(self.document.glossary)

    def on_text(self, segment: Segment, matches: list[Match]) -> Iterable[Finding]:
        self.discoverer.add(segment, self.document.lang, matches)
        return ()

    def on_end(self) -> Iterable[Finding]:
        findings = []
        for candidate in self.discoverer.accepted():
            if candidate.untranslated:
                continue
            findings.extend(self._report(candidate))
        return findings

    def _report(self, candidate: Candidate) -> Iterable[Finding]:
        label = self.document.glossary.label(candidate.concept)
        preferred = candidate.concept.preferred(self.document.lang)
        evidence = "; ".join(e.detail for e in candidate.evidence)
        # Terms and texts are the user's: joined as they are, never through str.format.
        rest = f" may render '{label}' (score {candidate.score:.2f}: {evidence})"
        if preferred is not None:
            rest += f"; the glossary's term is '{preferred.text}'"
        for occurrence in candidate.occurrences:
            yield self.finding_at(occurrence.location, f"'{occurrence.text}'{rest}", candidate.concept.id,
                                  occurrence.text, [preferred.text] if preferred else [], occurrence.sentence,
                                  score=candidate.score, signals=[e.signal for e in candidate.evidence])
