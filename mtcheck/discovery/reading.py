"""What a Discoverer reads of one language's texts: the places it remembers (spans) and the
counts, slots, gaps and parts it keeps for scoring them."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from mtcheck.discovery.candidate import Occurrence
from mtcheck.discovery.gaps import Gaps
from mtcheck.discovery.lexical import DictionaryRenderings
from mtcheck.discovery.parts import ConceptParts
from mtcheck.discovery.slots import Slots
from mtcheck.discovery.text import TextAnalyser
from mtcheck.matching import WordCache
from mtcheck.model import Concept, Term


class Span(NamedTuple):
    """One place of a stretch of words that may render a concept, with what was seen there."""

    span_lang: str
    keys: tuple[str, ...]        # content word keys, in the span's language
    occurrence: Occurrence
    known: tuple[Concept, Term] | None
    foreign_probability: float
    inner: frozenset[str] = frozenset()   # concepts whose known terms stand inside the span
    modifiers: tuple[str, ...] = ()       # an unquoted span's words where its rendering has modifiers
    named: bool = False                   # written like a name: capitalised inside a sentence
    aligned: tuple | None = None          # (concept id, strength, support, gaps, source term, how found): see gaps
    # (the concepts of a term of another language in brackets after it, that term)
    glossed: tuple[frozenset[str], Term] | None = None
    quoted_name: bool = False             # quoted whole in a text of its own: a name its writer marked
    # The concepts one of whose kept terms' many dictionary senses it is, where it is named in a
    # list beside the glossary's terms („einen Node, einen Pod oder einen Dienst"): see
    # Discoverer._listed_spans.
    listed: tuple[frozenset[str], tuple[str, ...]] | None = None  # (those concepts, the other items')
    # (concept id, its term, the word inside) where the place is a term that is a name with a
    # word inserted inside it („Frente Comunal da Pátria"): see Discoverer._inserted_in_names.
    inserted: tuple[str, Term, str] | None = None
    # (concept id, its term, how) where the place is the term with its words joined otherwise
    # („Addons" for „Add-ons", 런타임 클래스 for 런타임클래스): see text.respaced.
    respaced: tuple[str, Term, str] | None = None
    # A bilingual segment's source language and the concepts its source says (None: no
    # source): its target's words render only those of the concepts with a term in that language.
    said: tuple[str, frozenset[str]] | None = None
    # The complement of a name in a running text („la Journée nationale de mobilisation de
    # masse"): part of another thing's name (see engine._name_complement).
    in_name: bool = False


# (concept id, language) -> the new words of accepted candidates -> which candidates (their keys)
Learned = dict[tuple[str, str], dict[str, set[tuple[str, ...]]]]
# (written in, keys) of an accepted candidate -> concept id -> the places it added to the slots
Own = dict[tuple[str, tuple[str, ...]], dict[str, list[tuple[str, ...]]]]


@dataclass
class LanguageState:
    """What a run read of one language's texts: its spans by words, the words' counts, the slots
    where known renderings stand, the bilingual gaps, and the glossary's parts and dictionary
    renderings in the language."""

    parts: ConceptParts
    slots: Slots
    lexical: DictionaryRenderings = field(default_factory=DictionaryRenderings)
    translations_seen: Counter = field(default_factory=Counter)  # a dictionary rendering's keys -> places
    variant_pairs: dict = field(default_factory=dict)  # (word key, next content word key) -> renderings
    spans: dict[tuple[str, tuple[str, ...]], list[Span]] = field(default_factory=dict)
    endings: dict[str, Counter] = field(default_factory=dict)   # concept id -> last letters of its modifiers
    counts: Counter = field(default_factory=Counter)            # surface word -> occurrences in the texts
    gaps: Gaps = field(default_factory=Gaps)                    # bilingual segments missing a concept's terms
    aligned_done: bool = False
    spelling: dict[str, str] = field(default_factory=dict)     # a content word's key -> its spelling (count_words)
    # (document, abbreviation) -> (concept id, line, column) where the document first defines it
    abbreviated: dict[tuple[str, str], tuple[str, int, int]] = field(default_factory=dict)
    _triggers: WordCache = field(init=False, repr=False)

    def __post_init__(self):
        self._triggers = WordCache(self._triggering)

    def trigger(self, surface: str) -> bool:
        """Whether a word may be the core of a rendering, a dictionary's translation of a
        term, a term written as one word or a kept term's cognate, so that its segment needs a
        look."""
        return self._triggers[surface]

    def _triggering(self, surface: str) -> bool:
        key, content = self.analyser.word(surface)
        return content and bool(self.parts.concepts_sharing([key]) or self.lexical.concepts_with(surface)
                                or bool(self.parts.spellings(surface)) or bool(self.parts.cognates(surface)))

    @property
    def analyser(self) -> TextAnalyser:
        return self.parts.analyser

    def count_words(self) -> None:
        """The slots' word counts, by key, from the surface counts gathered while reading; and
        each key's spelling for messages: its most frequent in these texts (the shortest, then
        the first alphabetically, of equally frequent ones) — what the texts read say, whatever
        else the process read before or in which order its files came."""
        self.slots.seen.clear()
        spelt: dict[str, tuple[int, int, str]] = {}
        for surface, n in self.counts.items():
            key, content = self.analyser.word(surface)
            if content:
                self.slots.add_words(key, n)
                rank = (-n, len(surface), surface)
                if key not in spelt or rank < spelt[key]:
                    spelt[key] = rank
        self.spelling = {key: rank[2] for key, rank in spelt.items()}
