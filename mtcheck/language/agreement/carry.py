"""Suggestions that take over the inflection and capitalisation of what was found, ending by
ending: what every language without its own agreement module gets."""
from __future__ import annotations

import functools

from mtcheck.language.analyzer import Analyzer
from mtcheck.language.words import match_case, tokens

_MAX_ENDING = 5  # longer differences are derivation, not inflection


@functools.lru_cache(maxsize=65536)
def inflect_like(found: str, found_term: str, target: str, analyzer: Analyzer, compound: str = "") -> str:
    """`target` inflected as `found` is inflected relative to its own citation form.

    fachkundigen Massenmobilisierung (of "fachkundige Massenmobilisierung") makes
    "geschickte Massenmobilisierung" into "geschickten Massenmobilisierung". Words are paired
    by position only when all three have the same number of words; otherwise the target's
    citation form is returned, capitalised like the found text.
    """
    found_words = [w for w, _, _ in tokens(found)]
    term_words = [w for w, _, _ in tokens(found_term)]
    target_spans = tokens(target)
    result = target
    if analyzer.inflects and len(found_words) == len(term_words) == len(target_spans):
        pieces, cursor = [], 0
        for index, (found_word, term_word, (word, start, end)) in enumerate(zip(found_words, term_words, target_spans)):
            last = index == len(target_spans) - 1
            pieces.append(target[cursor:start])
            pieces.append(_carry_ending(found_word, term_word, word, analyzer, allow_long=bool(compound) and last))
            cursor = end
        pieces.append(target[cursor:])
        result = "".join(pieces)
    return match_case(found, result, analyzer.lang)


def _carry_ending(found: str, citation: str, target: str, analyzer: Analyzer, allow_long: bool) -> str:
    fold = analyzer.fold
    found_f, citation_f, target_f = fold(found), fold(citation), fold(target)
    if len(found_f) != len(found) or len(target_f) != len(target):
        return target  # casefolding changed the length (ß): positions no longer line up
    shared = 0
    for a, b in zip(found_f, citation_f):
        if a != b:
            break
        shared += 1
    added, removed = found[shared:], citation_f[shared:]
    if not added and not removed:
        return target
    if shared == 0 or (len(added) > _MAX_ENDING and not allow_long) or len(removed) > 2:
        return target
    if removed and not target_f.endswith(removed):
        return target
    if not allow_long and not _same_class(citation_f, target_f, target, analyzer.lang):
        return target
    stem = target[: len(target) - len(removed)] if removed else target
    return stem + added


def _same_class(citation: str, target: str, target_surface: str, lang: str) -> bool:
    """Whether an ending can move from one word to the other.

    Words ending in the same letter tend to inflect alike; German nouns (capitalised) are
    left alone because their endings depend on a gender the glossary does not record.
    """
    if lang == "de" and target_surface[:1].isupper():
        return False
    return citation[-1:] == target[-1:]


def carries_over(found: str, term: str, suggestion: str, preferred: str) -> bool:
    """Whether a suggestion keeps what the found text says: the found text is its term's
    citation form, or every word's ending (case, number, a compound's tail) is carried over.
    "Nachahmerbewegungen" → "Wettbewerbsbewegung" loses the plural, so it is left alone."""
    if found.casefold() == term.casefold():
        return True
    words = [w for w, _, _ in tokens(found)], [w for w, _, _ in tokens(term)], \
        [w for w, _, _ in tokens(suggestion)], [w for w, _, _ in tokens(preferred)]
    if len({len(w) for w in words}) != 1:
        return False
    return all(_ending(f, t) == _ending(s, p) for f, t, s, p in zip(*words))


def _ending(surface: str, base: str) -> str:
    surface_folded, base_folded = surface.casefold(), base.casefold()
    shared = 0
    for a, b in zip(surface_folded, base_folded):
        if a != b:
            break
        shared += 1
    return surface_folded[shared:] + "|" + str(len(base_folded) - shared)
