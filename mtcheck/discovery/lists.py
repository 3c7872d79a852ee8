"""Lists: the items of a coordination ("Equity, Trading, and Liabilities"), as a language writes
them, so that a bilingual segment's source list and its target list can be read item by item.

How a language joins a list's items comes from the Unicode CLDR's list patterns (through Babel):
the separator of its middle items ("{0}, {1}", Chinese "{0}、{1}") and the word before its last
one, for "and" lists and "or" lists ("{0} und {1}", "{0} oder {1}"). A list's items stand in
the same order in a translation as in its source far more often than not (a translator renders
"reconciled or cleared" as „conciliados o punteados"), so where both sides hold a list of as
many items, the item the source says a term in renders it in the target. Items are short: a
list of clauses is not one of names.
"""
from __future__ import annotations

import functools
import re
from typing import NamedTuple, Sequence

MAX_ITEM_WORDS = 4  # words of a list item at most (a clause between commas is no item)
MAX_BARE_ITEM_WORDS = 2  # of a middle item, in a list without a conjunction ("A, B, C")
# What else may stand between two words of one item: spaces, hyphens, apostrophes.
_INSIDE_ITEM_RE = re.compile(r"[\s\-‐'’]*")


class ListMarks(NamedTuple):
    separators: frozenset[str]    # what stands between two middle items, spaces stripped (",", "、")
    conjunctions: frozenset[str]  # the words before a list's last item, casefolded ("and", "or")


@functools.lru_cache(maxsize=None)
def list_marks(lang: str) -> ListMarks | None:
    """The language's list separators and conjunctions from the CLDR, None where Babel is not
    installed or has no list patterns for it."""
    try:
        from babel import Locale, UnknownLocaleError
    except ImportError:
        return None
    try:
        patterns = Locale.parse(lang.replace("-", "_")).list_patterns
    except (UnknownLocaleError, ValueError, TypeError):
        return None
    separators, conjunctions = set(), set()
    for style in ("standard", "or"):
        pattern = patterns.get(style)
        if not pattern:
            continue
        for part in ("start", "middle", "end", "2"):
            between = pattern.get(part, "")
            if "{0}" not in between or "{1}" not in between:
                continue
            joint = between.split("{0}", 1)[1].split("{1}", 1)[0]
            words = joint.split()
            # Marks between the items (",", "、"), and words ("and"; Japanese „、または": both).
            marks = "".join(w for w in words if not any(ch.isalnum() for ch in w))
            named = [w.strip(",、，") for w in words if any(ch.isalnum() for ch in w)]
            separators.add(marks.strip())
            conjunctions.update(word.casefold() for word in named if word)
    separators.discard("")
    if not separators and not conjunctions:
        return None
    return ListMarks(frozenset(separators), frozenset(conjunctions))


Token = tuple[str, int, int]  # a word: (text, start, end)
Terms = Sequence[tuple[int, int, frozenset[str]]]  # (start, end, the concepts a term there may be)


class Item(NamedTuple):
    first: int   # the item's words: [first, stop) of the text's words
    stop: int
    opens: bool  # the list's first item (its first words may be no part of the list)
    closes: bool  # its last


def list_items(text: str, words: Sequence[Token], marks: ListMarks) -> list[list[tuple[int, int]]]:
    """The lists of the text: each a sequence of two items or more, an item a [first, stop)
    range of word indexes; the first and last items reach back and forth MAX_ITEM_WORDS words
    at most, up to a mark that ends a phrase (the item is the words next to the list's joints).
    Two items are joined by a conjunction ("A and B"); three or more may be by separators
    alone, as UI strings often are ("Total des capitaux, mouvements, dettes"), where the
    middle ones are a word or two (longer ones are clauses between commas)."""
    joints = []  # (index of the last word of an item, index of the first word of the next, by a conjunction)
    index = 0
    while index < len(words) - 1:
        between = text[words[index][2]:words[index + 1][1]].strip()
        if between and between in marks.separators:
            nxt = index + 1
            if words[nxt][0].casefold() in marks.conjunctions and nxt + 1 < len(words) \
                    and _INSIDE_ITEM_RE.fullmatch(text, words[nxt][2], words[nxt + 1][1]):
                nxt += 1  # "A, B, and C": a separator and the conjunction
            joints.append((index, nxt, nxt > index + 1))
            index = nxt
            continue
        if not between and words[index + 1][0].casefold() in marks.conjunctions and index + 2 < len(words) \
                and _INSIDE_ITEM_RE.fullmatch(text, words[index + 1][2], words[index + 2][1]):
            joints.append((index, index + 2, True))
            index += 2
            continue
        index += 1
    # Joints in one list: the words between them are one item. The conjunction joins a list's
    # last two items (the CLDR's end pattern): a separator after them begins something else
    # („Pods und Dienste, die Clusterfunktionen implementieren": a relative clause).
    chains: list[list[tuple[int, int, bool]]] = []
    for joint in joints:
        if chains and not chains[-1][-1][2] and _within_item(text, words, chains[-1][-1][1], joint[0] + 1):
            chains[-1].append(joint)
        else:
            chains.append([joint])
    lists = []
    for chain in chains:
        if len(chain) < 2 and not chain[0][2]:
            continue  # two items need a conjunction: one comma joins clauses as often
        opening_end = chain[0][0]  # the first item's last word: it reaches back from there
        start = opening_end
        while start > 0 and _within_item(text, words, start - 1, opening_end + 1):
            start -= 1
        items = [(start, opening_end + 1)]
        items += [(joint[1], following[0] + 1) for joint, following in zip(chain, chain[1:])]
        closing_start = chain[-1][1]  # the last item's first word: it reaches on from there
        stop = closing_start + 1
        while stop < len(words) and _within_item(text, words, closing_start, stop + 1):
            stop += 1
        items.append((closing_start, stop))
        if not any(joint[2] for joint in chain) \
                and any(end - begin > MAX_BARE_ITEM_WORDS for begin, end in items[1:-1]):
            continue  # clauses between commas: a list without its conjunction is one of names
        lists.append(items)
    return lists


def _within_item(text: str, words: Sequence[Token], first: int, stop: int) -> bool:
    """Whether words[first:stop] may be one item: few words, nothing between them but spaces,
    hyphens and apostrophes."""
    return 0 < stop - first <= MAX_ITEM_WORDS and all(
        _INSIDE_ITEM_RE.fullmatch(text, words[i][2], words[i + 1][1]) for i in range(first, stop - 1))


def items_in_place(source_lists: list[list[tuple[int, int]]], source_words: Sequence[Token], said: Terms,
                   target_lists: list[list[tuple[int, int]]], words: Sequence[Token], rendered: Terms) \
        -> dict[str, Item]:
    """Where the source says terms as items of a list ("Equity, Trading, and Liabilities") and
    the target has one list of as many items in which an item renders the source's item in
    its place (its term's concept) and none a term the source says in another place: for
    each concept of a source item that its target item does not render, that item. A
    concept said in two items is in no one place."""
    found: dict[str, Item | None] = {}
    for source_items in source_lists:
        says = item_concepts(source_items, source_words, said)
        if sum(1 for ids in says if ids) < 2:
            continue  # one term in a list: nothing holds the items in place
        fitting = []
        for items in target_lists:
            if len(items) != len(source_items):
                continue
            renders = item_concepts(items, words, rendered)
            anchored = any(renders[k] & says[k] for k in range(len(items)))
            misplaced = any(concept_id not in says[k] and any(concept_id in ids for ids in says)
                            for k, ids in enumerate(renders) for concept_id in ids)
            if anchored and not misplaced:
                fitting.append((items, renders))
        if len(fitting) != 1:
            continue  # no list of the target, or several, holds the source's in place
        items, renders = fitting[0]
        for k, ids in enumerate(says):
            for concept_id in ids - renders[k]:
                found[concept_id] = None if concept_id in found else Item(*items[k], k == 0, k == len(items) - 1)
    return {concept_id: item for concept_id, item in found.items() if item is not None}


def item_span(spans: Sequence[tuple[int, int, tuple[str, ...]]], item: Item) \
        -> tuple[int, int, tuple[str, ...]] | None:
    """Of a gap's runs (first, stop, keys), the one that is the item's words: inside it, next
    to its joints (the first item's first words may be no part of the list: „Total
    Beneficio"), the longest."""
    inside = [s for s in spans if item.first <= s[0] and s[1] <= item.stop
              and (item.opens or s[0] == item.first) and (item.closes or s[1] == item.stop)]
    return max(inside, key=lambda s: (len(s[2]), -s[0]), default=None)


def item_concepts(items: Sequence[tuple[int, int]], words: Sequence[Token], terms: Terms) -> list[frozenset[str]]:
    """The concepts of the terms each item holds: in the first item the one that ends it, in
    the last the one that begins it, as the first may begin and the last end with words
    outside the list („a transaction with reconciled", "cleared splits": 'splits' is every
    item's)."""
    found = []
    for number, (first, stop) in enumerate(items):
        start, end = words[first][1], words[stop - 1][2]
        found.append(frozenset().union(*(
            ids for term_start, term_end, ids in terms if start <= term_start and term_end <= end
            and (number > 0 or term_end == end) and (number < len(items) - 1 or term_start == start))))
    return found
