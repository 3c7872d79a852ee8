"""Where renderings of a concept stand, learned from the documents themselves.

The content words around each known rendering of a concept are counted, and so is every
content word of the texts. A word that stands mostly beside renderings of one concept
('Nachahmungsbewegung', 'Wettbewerb', 'emuleringsbevegelsen') marks a slot of that concept,
and a new name in such a slot is likely another rendering of it; a word found everywhere
('Jahr', 'Modell') marks nothing.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable, NamedTuple

MIN_SUFFIX = 5  # letters of a slot word that the end of a compound must repeat ('Schreib|wettbewerb')


class SlotEvidence(NamedTuple):
    word: str          # the context word's key
    known: int         # times it stood beside a rendering of the concept
    seen: int          # times it occurs in the texts
    specificity: float


class Slots:
    """Counts of words in the texts, and of those beside each concept's renderings."""

    def __init__(self, compounding: bool):
        self.compounding = compounding
        self.seen: dict[str, int] = {}
        self.known: dict[str, dict[str, int]] = {}   # concept id -> word -> count
        self.quoting: dict[str, tuple[int, int]] = {}  # concept id -> (renderings quoted, renderings)

    def copy(self) -> Slots:
        """Counts of their own, to learn more on without changing these."""
        copied = Slots(self.compounding)
        copied.seen = dict(self.seen)
        copied.known = {concept: dict(counts) for concept, counts in self.known.items()}
        copied.quoting = dict(self.quoting)
        return copied

    def add_words(self, key: str, count: int = 1) -> None:
        self.seen[key] = self.seen.get(key, 0) + count

    def add_rendering(self, concept_id: str, context: Iterable[str], quoted: bool = False) -> None:
        quoted_before, places = self.quoting.get(concept_id, (0, 0))
        self.quoting[concept_id] = (quoted_before + quoted, places + 1)
        counts = self.known.setdefault(concept_id, {})
        for word in set(context):
            counts[word] = counts.get(word, 0) + 1

    def concepts_near(self, context: Iterable[str]) -> set[str]:
        words = {w for key in context for w in self._forms(key)}
        return {concept for concept, counts in self.known.items() if not words.isdisjoint(counts)}

    def evidence(self, concept_id: str, context: Iterable[str],
                 own: Iterable[Iterable[str]] = ()) -> SlotEvidence | None:
        """The context word that most specifically marks a slot of the concept. `own`: the
        contexts the candidate itself put among the concept's renderings (an accepted
        candidate's places, a foreign term's), which are no evidence for it."""
        counts = self.known.get(concept_id)
        if not counts:
            return None
        mine = Counter(word for places in own for word in set(places))
        best = None
        for key in sorted(set(context)):
            for word in self._forms(key):
                known = counts.get(word, 0) - mine[word]
                if known <= 0:
                    continue
                seen = max(self.seen.get(word, 0), known)
                # Two more sightings in the denominator: a word seen once beside a rendering
                # is weak evidence, one seen there eight times in nine is strong.
                specificity = known / (seen + 2)
                if best is None or specificity > best.specificity:
                    best = SlotEvidence(word, known, seen, specificity)
        return best

    def _forms(self, key: str) -> list[str]:
        """The key, and in a compounding language its endings that may be a slot word
        ('schreibwettbewerb' stands where 'wettbewerb' stands)."""
        if not self.compounding or len(key) <= MIN_SUFFIX:
            return [key]
        return [key] + [key[i:] for i in range(1, len(key) - MIN_SUFFIX + 1)]
