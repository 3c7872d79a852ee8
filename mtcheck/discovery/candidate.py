"""What discovery finds: a candidate rendering of a concept, its places and its evidence."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from mtcheck.model import Concept, Excerpt, Location, Sentence, Term


@dataclass(frozen=True)
class Evidence:
    signal: str
    weight: float
    detail: str


@dataclass(frozen=True)
class Occurrence:
    location: Location
    text: str
    sentence: Sentence   # cut out when first shown: a run remembers up to MAX_SPANS places
    slot_words: tuple[str, ...]
    quoted: bool

    @property
    def context(self) -> Excerpt:
        return self.sentence.excerpt


@dataclass
class Candidate:
    """A span (all its inflected occurrences) that likely renders a concept."""

    concept: Concept
    lang: str              # the language of the text it stands in
    span_lang: str         # the language it is written in (another one when left untranslated)
    keys: tuple[str, ...]
    occurrences: list[Occurrence]
    evidence: list[Evidence] = field(default_factory=list)
    score: float = 0.0
    known_term: Term | None = None   # the other language's term it is, when untranslated

    @property
    def forms(self) -> Counter:
        return Counter(o.text for o in self.occurrences)

    @property
    def form(self) -> str:
        """The most frequent spelling, the shortest of equally frequent ones."""
        counts = self.forms
        return min(counts, key=lambda text: (-counts[text], len(text), text))

    @property
    def count(self) -> int:
        return len(self.occurrences)

    @property
    def untranslated(self) -> bool:
        return self.known_term is not None
