"""GL002 inconsistent-rendering."""
from __future__ import annotations

from collections import Counter
from typing import Iterable, NamedTuple

from mtcheck.language.agreement.carry import inflect_like
from mtcheck.model import (
    Concept,
    Finding,
    Location,
    Match,
    Sentence,
    Severity,
    Status,
    Term,
    TermKind,
)
from mtcheck.rules.base import Rule

# Sentences kept for the places held per file; later places are reported without one, so that
# memory stays flat on a million-unit file (the HTML report shows 10,000 findings at most anyway).
HELD_CONTEXTS = 10_000


class _Held(NamedTuple):
    location: Location
    text: str
    compound: str  # the part of a compound the term is, or ""
    context: Sentence | None


class InconsistentRendering(Rule):
    """One concept is rendered by more than one accepted term within a file.

    Inflection is normalised away: "geschickte" and "geschickten Massenmobilisierung" are
    one rendering. The reference is the preferred term if the file uses it, else the most
    frequent rendering; every other rendering is reported once per file, at its first place,
    with the counts and every place in the finding's data. Short forms and abbreviations are
    not counted, and deprecated or foreign terms are left to their own rules.

    Bad (de):  „Geschickte Massenmobilisierung“ … „Gekonnte Massenmobilisierung“
    Good (de): „Geschickte Massenmobilisierung“ … „geschickten Massenmobilisierung“
    """

    id = "GL002"
    name = "inconsistent-rendering"
    severity = Severity.WARNING

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._counts: dict[str, Counter] = {}
        self._first_seen: dict[tuple[str, str], int] = {}
        self._held: dict[tuple[str, str], list[Match]] = {}
        self._concepts: dict[str, Concept] = {}
        self._contexts = 0
        self.context_limit = HELD_CONTEXTS  # a part of a file keeps every first place's (see mtcheck.partition)

    def on_match(self, match: Match) -> Iterable[Finding]:
        return self.on_matches([match])

    def on_matches(self, matches: list[Match]) -> Iterable[Finding]:
        # One loop over a segment's matches: this rule counts every match of a run.
        all_counts, first_seen = self._counts, self._first_seen
        for match in matches:
            term = match.term
            if match.foreign or not term.status.accepted or term.kind is not TermKind.FULL or match.alternatives:
                continue  # (a term of several concepts renders none of them for sure)
            concept_id = match.concept.id
            counts = all_counts.get(concept_id)
            if counts is None:
                counts = all_counts[concept_id] = Counter()
                self._concepts[concept_id] = match.concept
            if term.text not in counts:
                first_seen[(concept_id, term.text)] = len(first_seen)
            counts[term.text] += 1
            if term.status is not Status.PREFERRED:
                # Preferred renderings are never reported, so only the others are kept, and
                # only what a finding needs: not the match, which holds its whole segment.
                places = self._held.setdefault((concept_id, term.text), [])
                location = match.location
                context = None
                if (not places or places[-1].location.path != location.path) and self._contexts < self.context_limit:
                    self._contexts += 1  # the sentence of a rendering's first place in a file
                    context = match.segment.sentence(match.start, match.end)
                places.append(_Held(location, match.text, match.compound, context))
        return ()

    def run_state(self, sentences: bool = True) -> object:
        held = self._held if sentences else {
            key: [h._replace(context=None) for h in places] for key, places in self._held.items()}
        return self._counts, list(self._first_seen), held

    def merge(self, state: object) -> None:
        counts, first_seen, held = state
        for key in first_seen:
            self._first_seen.setdefault(key, len(self._first_seen))
        concepts = None
        for concept_id, counted in counts.items():
            mine = self._counts.get(concept_id)
            if mine is None:
                if concepts is None:
                    concepts = {c.id: c for c in self.document.glossary}
                mine = self._counts[concept_id] = Counter()
                self._concepts[concept_id] = concepts[concept_id]
            mine.update(counted)
        for key, places in held.items():
            mine = self._held.setdefault(key, [])
            for place in places:
                if place.context is not None:
                    # The run keeps HELD_CONTEXTS sentences, of each rendering's first place in
                    # a file (a later part of the same file has its own first places).
                    if self._contexts < HELD_CONTEXTS and (not mine or mine[-1].location.path != place.location.path):
                        self._contexts += 1
                    else:
                        place = place._replace(context=None)
                mine.append(place)

    def on_end(self) -> Iterable[Finding]:
        for concept_id, counts in self._counts.items():
            if len(counts) < 2:
                continue
            concept = self._concepts[concept_id]
            preferred = concept.preferred(self.document.lang)
            if preferred is not None and preferred.text in counts:
                reference = preferred.text
            else:
                reference = min(counts, key=lambda t: (-counts[t], self._first_seen[(concept_id, t)]))
            label = self.document.glossary.label(concept)
            all_counts = dict(counts)  # one copy for all of the concept's findings, which never change it
            for rendering, count in counts.items():
                if rendering == reference:
                    continue
                by_file: dict[str, list[_Held]] = {}
                for held in self._held.get((concept_id, rendering), []):
                    by_file.setdefault(held.location.path, []).append(held)
                for places in by_file.values():
                    first = places[0]
                    message, suggestions = self._say(first, label, rendering, len(places), reference, counts,
                                                     preferred)
                    data = {"rendering": rendering, "counts": all_counts, "places": [_place(h) for h in places]}
                    yield self.made(first.location, message, concept_id, first.text, suggestions, data,
                                    first.context)

    def _say(self, held: _Held, label: str, rendering: str, count: int, reference: str, counts: Counter,
             preferred: Term | None) -> tuple[str, tuple[str, ...]]:
        suggestion = inflect_like(held.text, rendering, reference, self.document.analyzer, compound=held.compound)
        said = f"'{rendering}' ({count}x) renders '{label}'"
        if held.text.casefold() != rendering.casefold():  # an inflected form: say which
            said += f", here as '{held.text}'"
        message = (f"{said} where this file mostly uses '{reference}' ({counts[reference]}x)"
                   if reference != getattr(preferred, "text", None) else
                   f"{said} where this file also uses the preferred '{reference}' ({counts[reference]}x)")
        return message, (suggestion,) if suggestion else ()


def _place(held: _Held) -> dict[str, object]:
    """One place of a rendering, as the finding's data lists them (file coordinates)."""
    loc = held.location
    place = {"line": loc.line, "column": loc.column, "end_line": loc.end_line, "end_column": loc.end_column,
             "text": held.text}
    if loc.segment is not None:
        place["segment"] = loc.segment
    return place
