"""The parts of a concept's known renderings, and how much of them a candidate span shares.

A rendering's content words, reduced to their matching keys, are its parts. A part found in
most of a concept's renderings in one language is its core ('Massenmobilisierung' in
„geschickte Massenmobilisierung" and „gekonnte Massenmobilisierung"); the others are its
modifiers ('geschickt', 'gekonnt'). A span shares a part when one of its words has the same
key, is a piece of it („Mobilisierung qualifizierter Massen" against 'Massenmobilisierung'),
or, in a language that writes compounds as one word, ends like it: the last part of a
compound is its head (Fachkräftemobilisierung is a kind of Mobilisierung, while
Massenmobilisierungstag is a day).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, NamedTuple

from mtcheck.discovery.text import TextAnalyser
from mtcheck.language import words_of
from mtcheck.matching import WordCache
from mtcheck.model import Concept, Term

MIN_PIECE = 4   # letters a shared piece needs to count
MIN_COVER = 0.5  # the share of a part's letters a span must cover to share it


@dataclass(frozen=True)
class Rendering:
    """One known term of a concept, as parts."""

    term: Term
    parts: tuple[str, ...]
    core: frozenset[int]   # indices of the core parts
    shared_core: bool      # the core is what most renderings share, not a lone term's longest word
    function_words: tuple[str, ...] = ()  # each word of the term: its key if a function word, else ''
    positions: tuple[int, ...] = ()  # each part's word index among the term's words

    @property
    def modifiers(self) -> tuple[int, ...]:
        return tuple(i for i in range(len(self.parts)) if i not in self.core)


class Share(NamedTuple):
    rendering: Rendering
    core: float          # covered share of the core's letters
    modifier: float      # covered share of the modifiers' letters
    shared: tuple[str, ...]  # the span's words that share a part
    novel: tuple[str, ...]   # the span's content words that share none


@dataclass
class ConceptParts:
    """Every concept's renderings in one language, indexed by their parts' pieces."""

    analyser: TextAnalyser
    renderings: dict[str, list[Rendering]] = field(default_factory=dict)   # concept id -> renderings
    _pieces: dict[str, set[str]] = field(default_factory=dict)             # piece -> concept ids
    _sharing: WordCache = field(init=False, repr=False)                   # word key -> concept ids

    def __post_init__(self):
        self._sharing = WordCache(self._concepts_of)

    @classmethod
    def build(cls, concepts: Iterable[Concept], lang: str, analyser: TextAnalyser) -> ConceptParts:
        parts = cls(analyser)
        for concept in concepts:
            terms = [t for t in concept.terms_in(lang) if t.text.strip()]
            words = {t: parts.term_words(t.text) for t in terms}
            split = [(t, tuple(k for k, content in words[t] if content)) for t in terms]
            split = [(t, p) for t, p in split if p]
            if not split:
                continue
            counts: dict[str, int] = {}
            for _, term_parts in split:
                for part in set(term_parts):
                    counts[part] = counts.get(part, 0) + 1
            renderings = []
            for term, term_parts in split:
                core = {i for i, p in enumerate(term_parts) if 2 * counts[p] > len(split)}
                shared = len(split) > 1 and 0 < len(core) < len(term_parts)
                if len(core) in (0, len(term_parts)) and len(term_parts) > 1:
                    # Nothing or everything shared: the longest word carries the meaning.
                    core = {max(range(len(term_parts)), key=lambda i: len(term_parts[i]))}
                elif not core:
                    core = {0}
                positions = tuple(i for i, (_, content) in enumerate(words[term]) if content)
                function_words = tuple("" if content else key for key, content in words[term])
                renderings.append(Rendering(term, term_parts, frozenset(core), shared,
                                            function_words=function_words, positions=positions))
                for part in term_parts:
                    for piece in _pieces(part):
                        parts._pieces.setdefault(piece, set()).add(concept.id)
            parts.renderings[concept.id] = renderings
        return parts

    def term_words(self, text: str) -> list[tuple[str, bool]]:
        return [self.analyser.word(word) for word, _, _ in words_of(text)]

    def term_parts(self, text: str) -> tuple[str, ...]:
        return tuple(key for key, content in self.term_words(text) if content)

    def concepts_sharing(self, keys: Iterable[str]) -> set[str]:
        """Concepts with a part that one of these word keys may share."""
        found: set[str] = set()
        for key in keys:
            found |= self._sharing[key]
        return found

    def _concepts_of(self, key: str) -> frozenset[str]:
        return frozenset(c for piece in _pieces(key) for c in self._pieces.get(piece, ()))

    def best_share(self, concept_id: str, keys: list[str]) -> Share | None:
        """How the content word keys of a span share the parts of the concept's closest rendering."""
        best = None
        for rendering in self.renderings.get(concept_id, ()):
            share = self.share(rendering, keys)
            if share and (best is None or _strength(share) > _strength(best)):
                best = share
        return best

    def contains_rendering(self, concept_id: str, keys: list[str]) -> bool:
        """Whether the words hold every part of one of the concept's renderings whole."""
        present = set(keys)
        return any(set(r.parts) <= present for r in self.renderings.get(concept_id, ()))

    def share(self, rendering: Rendering, keys: list[str]) -> Share | None:
        compounding = self.analyser.analyzer.compounding
        covered = [0.0] * len(rendering.parts)
        shared: list[str] = []
        novel: list[str] = []
        core_at: list[int] = []
        novel_at: list[int] = []
        for at, key in enumerate(keys):
            hit = explained = False
            for index, part in enumerate(rendering.parts):
                cover = _cover(part, key, compounding)
                if cover:
                    covered[index] = min(1.0, covered[index] + cover)
                    hit = True
                    # The word is the part or a piece of it; a compound with more in it is new.
                    explained = explained or key in part
                    if index in rendering.core:
                        core_at.append(at)
            if hit:
                shared.append(key)
            if not explained:
                novel.append(key)
                novel_at.append(at)
        if not shared:
            return None
        core = _weighted(rendering, covered, rendering.core)
        if core and _head_changed(rendering, core_at, novel_at):
            core = 0.0
        return Share(rendering, core, _weighted(rendering, covered, rendering.modifiers), tuple(shared), tuple(novel))


def _head_changed(rendering: Rendering, core_at: list[int], novel_at: list[int]) -> bool:
    """Whether a new word stands beyond the core, on the side where the renderings have no
    modifier: „Kitle Seferberliği Davası" keeps the core of „Becerikli Kitle Seferberliği" but
    names another thing, while „Mobilisierung qualifizierter Massen" only moves the modifier."""
    modifiers = rendering.modifiers
    if not modifiers or not core_at or not novel_at:
        return False
    if max(modifiers) < min(rendering.core):      # modifiers before the core
        return max(novel_at) > max(core_at)
    if min(modifiers) > max(rendering.core):      # modifiers after the core
        return min(novel_at) < min(core_at)
    return False


def _strength(share: Share) -> float:
    return share.core + 0.9 * share.modifier


def _weighted(rendering: Rendering, covered: list[float], indices: Iterable[int]) -> float:
    indices = list(indices)
    letters = sum(len(rendering.parts[i]) for i in indices)
    if not letters:
        return 0.0
    value = sum(covered[i] * len(rendering.parts[i]) for i in indices) / letters
    return value if value >= MIN_COVER else 0.0


def is_part(part: str, key: str, compounding: bool) -> bool:
    """Whether the word `key` is the part, or a compound whose head is the part."""
    return key == part or (compounding and len(part) >= MIN_PIECE and key.endswith(part))


def _cover(part: str, key: str, compounding: bool) -> float:
    """The share of `part`'s letters that the word `key` stands for."""
    if is_part(part, key, compounding):
        return 1.0           # the part itself, or a compound whose head it is
    if len(key) >= MIN_PIECE and key in part:
        return len(key) / len(part)   # a piece of the part, written apart
    if compounding:
        common = _common_suffix(part, key)
        if common >= MIN_PIECE + 1:
            return common / len(part)  # two compounds with the same head
    return 0.0


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b)):
        if x != y:
            break
        n += 1
    return n


def _pieces(key: str) -> set[str]:
    """What a part is indexed by: itself, and its beginnings and endings of MIN_PIECE letters
    or more, so that a piece or a compound sharing it finds it."""
    if len(key) < MIN_PIECE:
        return {key}
    return {key[:n] for n in range(MIN_PIECE, len(key) + 1)} | {key[-n:] for n in range(MIN_PIECE, len(key) + 1)}
