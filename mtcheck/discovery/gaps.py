"""Where a bilingual segment's source has a glossary term and its target none of the concept's
terms, the target renders it some other way (or leaves it out): the words it has that no
matched term explains are the candidates, and the one that stands there in each such segment
of the file is the rendering („Zniżka" wherever the source says "Discount").

A gap is one such segment and concept. Its candidates are runs of up to MAX_WORDS content
words that no matched term covers (a term of a concept the source does not have is free: it
may be the rendering). One of them is chosen per gap: the one most associated with the
concept's gaps, by the Dice coefficient of the segments holding it and the concept's gaps
(2·both / (gaps + segments holding it): a word every segment has is no rendering, one found
only where the source has the term is), as translation lexicons are extracted from parallel
text. Where a concept has one gap, or a gap a single run of few words, that run (a UI label:
"Discount" → "Zniżka"). Everything is counted within the file(s) read: nothing outside them is
needed.

Where the source says the term as an item of a list and the target has a list of as many
items that lines up with it (another item's term rendered in its place, none out of place),
the target's item in the term's place is the rendering, once being enough, as for a label
("Total Equity, Trading, and Liabilities" → „Total Beneficio, Mercantil y Pasivos"; see
lists).

A run chosen for a concept may render another word of the same sources instead ("Stage Hunk
For Commit" → „Indexer la section": 'Indexer' is 'Stage', the 'commit' left out): where one
of the gap's other source words is more associated with the run, over all the bilingual
segments read, than the concept's gaps are, the run renders that word, not the concept
(competitive linking, as Melamed's word aligner decides between two source words).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from mtcheck.discovery.parts import same_words

MAX_WORDS = 3      # content words a rendering found in a gap may have
MAX_RUNS = 40      # candidate spans kept per gap: a long segment has many
MAX_PAIRS = 200_000  # bilingual segments whose words are kept to weigh a run's other source words


@dataclass(frozen=True)
class Gap:
    concept: str
    source_text: str              # the source term as it stands ('Discount')
    source_words: int
    spans: tuple[tuple[int, int, tuple[str, ...]], ...]  # (first, stop, content keys) in the target's words
    sole: bool                     # the target's uncovered words are one short run
    others: tuple[str, ...] = ()   # the source's other content words (keys), which a run may render instead
    said: int = 1                  # times the source says the concept
    alone: bool = False            # the source says the term and no other word (a label: "POS")
    # The run that is the target's item in the place of the source's item with the term, where
    # both say a list ("Total Equity, Trading, and Liabilities": „所有者权益、交易、负债合计").
    listed: tuple[int, int, tuple[str, ...]] | None = None
    # The runs whose every word is a word of the source term again, as written or inflected
    # ("index" → „l'index", "Reconcile" → „Réconcilier"): the source's word kept.
    echoed: tuple[tuple[int, int, tuple[str, ...]], ...] = ()


MIN_DICE = 0.3    # below this a span found in several gaps is there by chance
LABEL_ONCE = 0.8  # a label's only words, seen once, where the source label is the term alone
LISTED = 0.8      # a list's item in the place of the source's item with the term
REWORDED = 0.5    # the term's words in another order or form, where the source says the term
ECHOED = 0.8      # the source term's word kept in the target


@dataclass
class Gaps:
    gaps: list[tuple[Gap, object]] = field(default_factory=list)   # (gap, what the caller needs to place it)
    segments: Counter = field(default_factory=Counter)   # content word key -> bilingual segments holding it
    # (source keys, target keys) of the first MAX_PAIRS bilingual segments; their source keys counted
    pairs: list[tuple[frozenset, frozenset]] = field(default_factory=list)
    sources: Counter = field(default_factory=Counter)
    rendered: Counter = field(default_factory=Counter)   # concept -> bilingual segments saying it with a term on both sides

    def add(self, gap: Gap, place: object) -> None:
        if gap.spans:
            self.gaps.append((gap, place))

    def read(self, keys: set[str], source_keys: set[str] = frozenset()) -> None:
        """A bilingual segment's content word keys, gaps or not, and its source's."""
        self.segments.update(keys)
        if len(self.pairs) < MAX_PAIRS:
            self.pairs.append((frozenset(source_keys), frozenset(keys)))
            self.sources.update(source_keys)

    def merge(self, other: "Gaps") -> None:
        """What another reader read of later files, as if read here after them."""
        self.gaps.extend(other.gaps)
        self.segments.update(other.segments)
        self.rendered.update(other.rendered)
        room = MAX_PAIRS - len(self.pairs)
        for source_keys, keys in other.pairs[:max(room, 0)]:
            self.pairs.append((source_keys, keys))
            self.sources.update(source_keys)

    def _rival(self, others: tuple[str, ...], keys: tuple[str, ...], association: float, cache: dict) -> bool:
        """Whether one of a gap's other source words is as associated with the run (Dice over
        the bilingual segments kept) as its concept is or more, seen with it twice at least (once
        says nothing). `cache`: the segments holding each run, and (under None) the kept
        segments by target word."""
        holding = cache.get(keys)
        if holding is None:
            # The kept segments holding every word of the run, from the rarest word's.
            index = cache.get(None)
            if index is None:
                index = cache[None] = {}
                for number, (_, target) in enumerate(self.pairs):
                    for key in target:
                        index.setdefault(key, []).append(number)
            postings = sorted((index.get(key, []) for key in keys), key=len)
            holding = cache[keys] = [self.pairs[n][0] for n in postings[0]
                                     if all(key in self.pairs[n][1] for key in keys)]
        for other in others:
            both = sum(1 for source_keys in holding if other in source_keys)
            # As associated is enough: then nothing says the run is the concept's ("merge
            # tool" → „programma", wherever the source says both).
            if both >= 2 and 2 * both / (self.sources[other] + len(holding)) >= association:
                return True
        return False

    def aligned(self, translates: Callable[[str, object, tuple], bool] | None = None,
                lemmas: Callable[[object, tuple], tuple[str, ...]] | None = None) \
            -> list[tuple[Gap, object, tuple[int, int, tuple[str, ...]], float, int, int]]:
        """For each gap its chosen span: (gap, place, span, strength, support, gaps of the
        concept). `translates(concept, place, span)`: whether a bilingual dictionary gives the
        span for the source term, which chooses among a gap's runs where nothing else does;
        `lemmas(place, span)`: the dictionary's lemma of each of its words ("" unknown), so
        that a run of one key is not another word (rapprochées, rapprochement)."""
        lemmas = lemmas or (lambda place, span: ())
        by_concept: dict[str, list[tuple[Gap, object]]] = {}
        for gap, place in self.gaps:
            by_concept.setdefault(gap.concept, []).append((gap, place))
        chosen = []
        rivals: dict = {}
        for concept in sorted(by_concept):
            gaps = by_concept[concept]
            support = Counter(keys for gap, _ in gaps for keys in {span[2] for span in gap.spans})

            def dice(keys: tuple[str, ...]) -> float:
                # Segments holding the span: at most those holding its rarest word.
                holding = max(support[keys], min(self.segments[key] for key in keys))
                return 2 * support[keys] / (len(gaps) + holding)
            # keys chosen where found again -> (strength, the chosen words' lemmas)
            confirmed: dict[tuple[str, ...], tuple[float, tuple[str, ...]]] = {}
            start = len(chosen)
            for gap, place in gaps:
                def rank(span):
                    keys = span[2]
                    return (round(dice(keys), 6), support[keys], -abs(len(keys) - gap.source_words), -span[0])
                best = max(gap.spans, key=rank)
                n = support[best[2]]
                association = dice(best[2])
                if gap.listed is not None and (n < 2 or association < MIN_DICE or best != gap.listed):
                    # The lists' order says which words render it, as a label alone does: no
                    # other source word competes for them (each item renders its own).
                    chosen.append((gap, place, gap.listed, LISTED, support[gap.listed[2]], len(gaps)))
                    continue
                echoed = {span[2] for span in gap.echoed}
                if len(echoed) == 1 and best[2] not in echoed:
                    # The target keeps the source's word for it: no other run renders the term
                    # more surely, once being enough, as for a label.
                    best = gap.echoed[0]
                    n, association = support[best[2]], dice(best[2])
                again = n >= 2 and association >= MIN_DICE
                if len(echoed) == 1 and best[2] in echoed:
                    # Found again, as strong as anywhere, and never weaker than a word kept.
                    strength = max(ECHOED, (1.0 if gap.sole else association) if again else 0.0)
                elif gap.others and self._rival(gap.others, best[2], association, rivals):
                    continue  # it renders another word of the source
                elif again:
                    # Found again where the source has the term again, and seldom elsewhere.
                    strength = 1.0 if gap.sole else association
                elif gap.sole:
                    # The only words the target has for it, seen once: weaker, unless the
                    # source says nothing but the term (a label, "POS" → „Punto de Venta"):
                    # then nothing else is there for the words to render.
                    best = max(gap.spans, key=lambda span: (len(span[2]), -span[0]))
                    strength = LABEL_ONCE if gap.alone else 0.5
                elif (again := _said_again(gap, place, lemmas)) is not None:
                    # One gap, said again in it: the run the target repeats as often. (No
                    # rival here: a source word said once does not explain a run said four
                    # times, whatever two segments share.)
                    best, strength = again
                    _confirm(confirmed, best[2], strength, lemmas(place, best))
                else:
                    # One gap and several runs: the one run the dictionary gives for the
                    # source term, if one („Nœuds" of „Nœuds et capsules" for 'nodes').
                    given = {span[2]: span for span in gap.spans if translates and translates(concept, place, span)}
                    if len(given) != 1:
                        continue  # nothing says which
                    best, strength = next(iter(given.values())), 0.5
                chosen.append((gap, place, best, strength, n, len(gaps)))
                if again:
                    _confirm(confirmed, best[2], strength, lemmas(place, best))
            # A rendering found again is the rendering at each of its places in the concept's
            # gaps: the same words again in one segment („cada registro nuevo … cada registro
            # nuevo"), or in a gap whose best run was another (a longer segment).
            taken = {(id(gap), span[0]) for gap, _, span, _, _, _ in chosen[start:]}
            for gap, place in gaps:
                for span in gap.spans:
                    if span[2] in confirmed and (id(gap), span[0]) not in taken \
                            and not any(o[0] <= span[0] and span[1] <= o[1] and o != span
                                        and (id(gap), o[0]) in taken for o in gap.spans) \
                            and same_words(confirmed[span[2]][1], lemmas(place, span)):
                        taken.add((id(gap), span[0]))
                        chosen.append((gap, place, span, confirmed[span[2]][0], support[span[2]], len(gaps)))
        return chosen


def _confirm(confirmed: dict, keys: tuple[str, ...], strength: float, lemmas: tuple[str, ...]) -> None:
    if keys not in confirmed or confirmed[keys][0] < strength:
        confirmed[keys] = (strength, lemmas)


def _said_again(gap: Gap, place: object, lemmas: Callable[[object, tuple], tuple[str, ...]]) \
        -> tuple[tuple[int, int, tuple[str, ...]], float] | None:
    """Where the source says the concept more than once in one segment, the run the target
    repeats about as often, twice at least (the same words, not only the same keys), and its
    association: the Dice coefficient of the two counts, as across segments (2·min / sum:
    "database" three times, „Datenbank" four, 0.86; "reset" three times, 复位 three, 1.0,
    before 改动, 'changes', four). None where no run repeats, or two are as close."""
    if gap.said < 2:
        return None
    groups: list[tuple[tuple[int, int, tuple[str, ...]], tuple[str, ...], int]] = []  # first span, its lemmas, count
    for span in gap.spans:
        read = lemmas(place, span)
        at = next((i for i, (first, first_lemmas, _) in enumerate(groups)
                   if first[2] == span[2] and same_words(first_lemmas, read)), None)
        if at is None:
            groups.append((span, read, 1))
        else:
            groups[at] = (groups[at][0], groups[at][1], groups[at][2] + 1)
    ranked = sorted(((2 * min(times, gap.said) / (times + gap.said), span) for span, _, times in groups if times >= 2),
                    key=lambda item: -item[0])
    if not ranked or len(ranked) > 1 and ranked[1][0] == ranked[0][0]:
        return None
    association, best = ranked[0]
    return best, association


def runs(words, covered: list[tuple[int, int]], joined) -> list[tuple[int, int, tuple[str, ...]]]:
    """Spans of up to MAX_WORDS content words, joined, beginning and ending with a content word,
    touching no covered word (a matched term)."""
    free = [i for i, w in enumerate(words) if not any(f <= i < s for f, s in covered)]
    free_set = set(free)
    spans = []
    for first in free:
        if not words[first].content:
            continue
        content = 0
        for stop in range(first + 1, len(words) + 1):
            index = stop - 1
            if index not in free_set or (stop - first > 1 and not joined(index - 1, index + 1)):
                break
            if words[index].content:
                content += 1
                if content > MAX_WORDS:
                    break
                spans.append((first, stop, tuple(w.key for w in words[first:stop] if w.content)))
        if len(spans) >= MAX_RUNS:
            break
    return spans[:MAX_RUNS]
