"""A known rendering's words where a text has them in another form, order or grammar, as one
phrase (see ConceptParts.variants_of): read on a target, and on a bilingual segment's source
for a term it says in other words."""
from __future__ import annotations

from mtcheck.discovery.parts import ConceptParts
from mtcheck.discovery.text import Analysed
from mtcheck.model import Match


def variant_spans(parts: ConceptParts, pairs: dict, analysed: Analysed, native: list[tuple[int, int, Match]]):
    """Words that are a known rendering's parts in another form, order or grammar, with no
    other content word and nothing between them but function words (see
    ConceptParts.variants_of); a place the matcher read as the concept is not one. `pairs`
    caches the renderings that may hold each pair of words."""
    words = analysed.words
    linked: list[bool] | None = None  # whether each word and the next stand in one phrase
    for first, word in enumerate(words):
        if not word.content:
            continue
        renderings = parts.renderings_with(word.key)
        if not renderings:
            continue
        if linked is None:
            linked = [analysed.joined(i, i + 2) for i in range(len(words) - 1)]
        # A variant has two content words at least, the next one among its parts too: the
        # renderings that may hold both words, found once per pair of words (a glossary of
        # thousands of concepts gives a common word hundreds of renderings).
        second = next((i for i in range(first + 1, len(words)) if words[i].content or not linked[i - 1]), None)
        if second is None or not words[second].content or not linked[second - 1]:
            continue
        pair = (word.key, words[second].key)
        renderings = pairs.get(pair)
        if renderings is None:
            if len(pairs) > 100_000:
                pairs.clear()
            renderings = pairs[pair] = [
                (c, r) for c, r in parts.renderings_with(word.key) if parts.may_be_part(r, pair[1])]
        for concept_id, rendering in renderings:
            longest = len(rendering.function_words) + 2
            keys: list[str] = []
            for stop in range(first + 1, min(len(words), first + longest) + 1):
                if stop - first > 1 and not linked[stop - 2]:
                    break  # a mark between two words: no longer one phrase
                if not words[stop - 1].content:
                    continue
                keys.append(words[stop - 1].key)
                if len(keys) > len(rendering.parts) + 1 or not parts.may_be_part(rendering, keys[-1]):
                    break  # a word of nothing in the rendering: every word must be one of its parts
                if len(keys) < max(2, len(rendering.parts)):
                    continue
                if any(f < stop and first < s and m.concept.id == concept_id for f, s, m in native) \
                        or cuts_a_term(native, first, stop):
                    continue
                if parts.covers(rendering, keys):
                    yield first, stop, concept_id


def cuts_a_term(native: list[tuple[int, int, Match]], first: int, stop: int) -> bool:
    """Whether the words first..stop take part of a known term and leave the rest of it out."""
    return any(f < stop and first < s and not (first <= f and s <= stop) for f, s, _ in native)
