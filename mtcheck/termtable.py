"""The matcher's table of terms: each distinct word key one code (a character), each term the
string of its words' codes, the entries a pattern stands for, and the compact form a compiled
matcher is saved in and read back from (see compiled): entries are decoded when their pattern
is first hit.
"""
from __future__ import annotations

import array
import functools
import marshal
from itertools import accumulate
from typing import Callable, Iterable, NamedTuple

import marisa_trie

from mtcheck import automaton as automata
from mtcheck.language import COMPLEMENT_LINKS
from mtcheck.model import Concept, Glossary, Term

UNKNOWN = "\x00"  # a word that belongs to no term
_FIRST_CODE = 0x100
# A term with a complement link (see COMPLEMENT_LINKS) is checked word by word: its
# complement keeps the term's number.
_LINKS = frozenset(COMPLEMENT_LINKS.values())

class Entry(NamedTuple):
    concept: Concept
    term: Term
    words: tuple[str, ...]
    folded: tuple[str, ...]
    compound: str  # "" or the part of a compound the term is: "first" (Konto|stand), "last" (System|einstellungen)
    foreign: bool
    order: int
    family: str = ""
    # How the text varies the term: "" (as written, inflected), "closed up", "opened up",
    # "spelled out" ("&" as the language's "and"), "ampersand" (the other way round).
    variant: str = ""
    # Other concepts the text's words stand for as well as this entry's ("Datei": file and
    # database): set on a chosen entry only (see Shared), never on the table's.
    alternatives = ()

    @property
    def simple(self) -> bool:
        """No option to check: the automaton's match is the answer."""
        term = self.term
        return not (term.exact or term.case_sensitive or (not term.case_insensitive and capital_words(self.words))
                    or (not self.foreign and _LINKS.intersection(self.folded[:-1])))


new_entry = functools.partial(tuple.__new__, Entry)  # all eight fields, without the Python-level __new__


class Shared(NamedTuple):
    """An Entry chosen among several concepts' equally good entries, with the others'
    (concept, term) in `alternatives`: the same fields in the same places, and one more."""

    concept: Concept
    term: Term
    words: tuple[str, ...]
    folded: tuple[str, ...]
    compound: str
    foreign: bool
    order: int
    family: str
    variant: str
    alternatives: tuple[tuple[Concept, Term], ...]


class Codes:
    """Word keys as single characters, and terms as strings of them in one automaton."""

    def __init__(self) -> None:
        self.codes: dict[str, str] = {}
        self.patterns: dict[str, list[Entry]] = {}   # while compiling: pattern -> its entries
        self._index: dict[str, int] | None = {}       # once built: pattern -> its number
        self.automaton = None  # see mtcheck.automaton
        self.values: list[tuple[Entry, ...] | None] = []   # per pattern; None: not decoded yet
        self.alone: list = []   # per pattern: its entry alone, None, or UNDECODED
        self.visible: list[bool] | None = None  # per pattern, where some answer with no entries
        # The codes of the words of each language family's terms, as a bitmap by code point:
        # each language's view of a shared table answers for those of the other families
        # (see seen_from, code_of), without a copy of their words.
        self.members_by_family: dict[str, bytes] = {}
        self.members: bytes | None = None  # a view's: the codes it answers for
        self.trie: marisa_trie.Trie | None = None  # a shared table's words, numbered (see foreign_table)
        self._next = _FIRST_CODE
        # A table read back from the cache decodes a pattern's entries when first hit.
        self._saved: _Packed | None = None
        self._readings: Readings | None = None
        self._patterns = ""  # read back from the cache: the patterns, joined

    def code_of(self, key: str) -> str:
        """The code of a key; UNKNOWN for none, or one a view does not answer for."""
        if self.trie is None:
            return self.codes.get(key, UNKNOWN)
        number = self.trie.get(key)
        if number is None:
            return UNKNOWN
        point = code_point(number)
        members = self.members
        if members is not None and not member(members, point):
            return UNKNOWN
        return chr(point)

    def new_code(self) -> str:
        return chr(self._fresh(1)[0])

    def code(self, key: str) -> str:
        code = self.codes.get(key)
        if code is None:
            code = self.codes[key] = self.new_code()
        return code

    def coded(self, keys: Iterable[str]) -> dict[str, str]:
        """Codes for every key, new ones given in the order first met (as `code` would)."""
        codes = self.codes
        new = [key for key in dict.fromkeys(keys) if key not in codes]
        codes.update(zip(new, map(chr, self._fresh(len(new)))))
        return codes

    def _fresh(self, count: int) -> list[int]:
        """The next `count` code points, surrogates (which are no characters) left out."""
        points: list[int] = []
        while len(points) < count:
            if 0xD800 <= self._next <= 0xDFFF:
                self._next = 0xE000
            stop = self._next + count - len(points)
            if self._next < 0xD800:
                stop = min(stop, 0xD800)
            points.extend(range(self._next, stop))
            self._next = stop
        return points

    def add(self, codes: str, entry: Entry) -> None:
        self.patterns.setdefault(codes, []).append(entry)

    def build(self) -> None:
        if not self.patterns:
            return
        # A Rust automaton over the code strings: it builds and searches in time independent
        # of the alphabet, which here is every distinct word key of the glossary, and is kept
        # in the cache as its bytes (see state).
        self.values = [tuple(entries) for entries in self.patterns.values()]
        # The entry a match of each pattern is, when no option is left to check: most of them.
        self.alone = list(map(_alone, self.values))
        self._index = {pattern: number for number, pattern in enumerate(self.patterns)}
        self.automaton = automata.build(list(self.patterns))

    def __len__(self) -> int:
        return len(self.values)

    @property
    def index(self) -> dict[str, int]:
        """pattern -> its number; read back from the cache, made when first asked (a shared
        table of foreign terms is asked by no language)."""
        if self._index is None:
            self._index = {pattern: number for number, pattern in enumerate(self._patterns.split(_PATTERN_SEPARATOR))}
        return self._index

    def entries(self, index: int) -> tuple[Entry, ...]:
        """The entries of pattern number `index`."""
        values = self.values[index]
        return self._decode(index) if values is None else values

    def entries_of(self, pattern: str) -> tuple[Entry, ...]:
        index = self.index.get(pattern)
        return () if index is None else self.entries(index)

    def decode_alone(self, indexes: Iterable[int]) -> None:
        """Decode the patterns among `indexes` whose entry alone is not decoded yet."""
        alone = self.alone
        for index in indexes:
            if alone[index] is UNDECODED:
                self._decode(index)

    def _decode(self, index: int) -> tuple[Entry, ...]:
        readings = self._readings
        values = self.values[index] = tuple(_entry_from(saved, readings) for saved in marshal.loads(self._saved[index]))
        if self.alone[index] is UNDECODED:
            self.alone[index] = values[0]
        return values

    def state(self) -> dict:
        """What the table is, in built-in types only (see LanguageMatcher.state): each
        pattern's entries marshalled apart, to be decoded when first hit."""
        # Patterns joined into one string and entries packed into one bytes object: tens of
        # thousands of small objects are what takes marshal its time to read back.
        return {"codes": self.codes, "patterns": _PATTERN_SEPARATOR.join(self.index), "next": self._next,
                "entries": _Packed.of([marshal.dumps(tuple(map(entry_state, self.entries(index))))
                                       for index in range(len(self.values))]),
                "alone": bytes(entry is not None for entry in self.alone), "families": self.members_by_family,
                "trie": None if self.trie is None else self.trie.tobytes(),
                "automaton": None if self.automaton is None else automata.to_bytes(self.automaton)}

    @classmethod
    def from_state(cls, state: dict, readings: Readings) -> "Codes":
        """The table `state()` gave, its terms those of `readings` (the glossary's (concept,
        term) pairs in order); its automaton read back from its bytes, not built again (a
        thousandth of the time)."""
        table = cls()
        table.codes, table.members_by_family, table._next = state["codes"], state["families"], state["next"]
        if state["trie"] is not None:
            table.trie = marisa_trie.Trie().frombytes(state["trie"])
        if state["patterns"]:
            table._saved, table._readings = _Packed(*state["entries"]), readings
            table.values = [None] * len(state["alone"])
            table.alone = [UNDECODED if alone else None for alone in state["alone"]]
            table._patterns, table._index = state["patterns"], None
            # Checked as it is read: damaged bytes raise ValueError (the entry is then compiled again).
            table.automaton = automata.restored(state["automaton"], lambda: state["patterns"].split(_PATTERN_SEPARATOR))
        return table

    def seen_from(self, own: str, keep: Callable[[Entry], bool]) -> "Codes":
        """The same automaton, answering only with the entries `keep` accepts, filtered when a
        pattern is first hit: hits of other languages' terms are few, and filtering all of
        them up front cost a tenth of a second per language. The words of family `own`'s
        terms alone have no code here: they cannot start a hit to drop."""
        view = Codes()
        view.patterns, view._index, view._patterns = self.patterns, self._index, self._patterns
        view.automaton = self.automaton
        view.values = seen = _Seen(self, keep)
        view.alone = _Projection(seen, _alone)
        view.visible = _Projection(seen, bool)
        view.codes, view.trie = self.codes, self.trie
        others = 0
        for lang_family, members in self.members_by_family.items():
            if lang_family != own:
                others |= int.from_bytes(members, "little")
        view.members = others.to_bytes(bitmap_size(self._next), "little")
        return view


def key_entry(known: bool, code: str, base: str, inflected: bool, loan: bool = False) -> str:
    """A term word under its key (see LanguageMatcher._by_key): whether the dictionary knows
    it, as an inflected form, and whether it is a word of another language the glossary keeps
    as it is, in one character, then its code, then its base."""
    return chr(48 + 4 * loan + 2 * known + inflected) + code + base


def key_entries(recorded: str | None) -> Iterable[tuple[bool, str, str, bool, bool]]:
    if not recorded:
        return ()
    return [(bool(flags & 2), code, base, bool(flags & 1), bool(flags & 4)) for flags, code, base in
            ((ord(entry[0]) - 48, entry[1], entry[2:]) for entry in recorded.split(KEY_ENTRY_SEPARATOR))]


KEY_ENTRY_SEPARATOR = "\x00"  # in no word
_PATTERN_SEPARATOR = "\x04"  # in no pattern: codes start at _FIRST_CODE, marks are below it


class _Packed:
    """Byte strings as one: their concatenation and where each ends."""

    def __init__(self, data: bytes, ends: bytes):
        self.data, self.ends = data, memoryview(ends).cast("I")

    @classmethod
    def of(cls, items: list[bytes]) -> tuple[bytes, bytes]:
        """The state `_Packed(*state)` reads."""
        return b"".join(items), array.array("I", accumulate(map(len, items))).tobytes()

    def __getitem__(self, index: int) -> bytes:
        return self.data[self.ends[index - 1] if index else 0:self.ends[index]]


def code_point(number: int) -> int:
    """The code point of a word's code from its number: from _FIRST_CODE on, past the
    surrogates (which are no characters)."""
    point = _FIRST_CODE + number
    return point + 0x800 if point >= 0xD800 else point


def member(bitmap: bytes, point: int) -> bool:
    """Whether a bitmap of code points (see Codes.members_by_family) has this one."""
    return bool(bitmap[point >> 3] >> (point & 7) & 1)


def bitmap_size(next_code: int) -> int:
    """Bytes of a bitmap with a bit for every code point below `next_code`."""
    return (next_code >> 3) + 1


# The entry alone of a pattern read back from the cache, not decoded yet (see Codes).
UNDECODED = object()


def entry_state(entry: Entry) -> tuple:
    """An entry without its concept and term, which its order finds again (see _entry_from)."""
    return entry.words, entry.folded, entry.compound, entry.foreign, entry.order, entry.family, entry.variant


def _entry_from(saved: tuple, readings: Readings) -> Entry:
    words, folded, compound, foreign, order, lang_family, variant = saved
    concept, term = readings[order - 1]
    return new_entry((concept, term, words, folded, compound, foreign, order, lang_family, variant))


def readings_of(glossary: Glossary) -> list[tuple[Concept, Term]]:
    """The glossary's (concept, term) pairs in the order prepare numbers them (from 1)."""
    return [(concept, term) for concept in glossary for term in concept.terms]


class Readings:
    """readings_of(glossary), listed when first indexed: a matcher read back from the cache
    decodes an entry only when its pattern is first hit."""

    def __init__(self, glossary: Glossary):
        self.glossary = glossary
        self.pairs: list[tuple[Concept, Term]] | None = None

    def __getitem__(self, index: int) -> tuple[Concept, Term]:
        if self.pairs is None:
            self.pairs = readings_of(self.glossary)
        return self.pairs[index]


def _alone(entries: tuple[Entry, ...]) -> Entry | None:
    """The entry a hit of a pattern is, when no option is left to check: most of them."""
    return entries[0] if len(entries) == 1 and entries[0].simple else None


class _Seen:
    """A shared table's entries per pattern as one language sees them, filtered on first use."""

    def __init__(self, table: Codes, keep: Callable[[Entry], bool]):
        self.table, self.keep = table, keep
        self.filtered: dict[int, tuple[Entry, ...]] = {}

    def __getitem__(self, index: int) -> tuple[Entry, ...]:
        entries = self.filtered.get(index)
        if entries is None:
            entries = self.filtered[index] = tuple(filter(self.keep, self.table.entries(index)))
        return entries

    def __len__(self) -> int:
        return len(self.table.values)


class Decoded:
    """Entries by key as the cache keeps them (marshalled apart), each key's decoded when first
    asked: of a glossary's thousands of gapped terms a text asks a few."""

    def __init__(self, saved: dict[str, bytes], readings: Readings):
        self.saved, self.readings = saved, readings
        self.decoded: dict[str, list[Entry]] = {}

    def get(self, key: str) -> list[Entry] | None:
        entries = self.decoded.get(key)
        if entries is None:
            saved = self.saved.get(key)
            if saved is None:
                return None
            entries = self.decoded[key] = [_entry_from(entry, self.readings) for entry in marshal.loads(saved)]
        return entries

    def __len__(self) -> int:
        return len(self.saved)


class _Projection:
    """`project` of a pattern's entries, looked up by pattern index as a list would be."""

    def __init__(self, seen: _Seen, project: Callable[[tuple[Entry, ...]], object]):
        self.seen, self.project = seen, project

    def __getitem__(self, index: int):
        return self.project(self.seen[index])


def capital_words(words: tuple[str, ...]) -> tuple[int, ...]:
    """Which words of a term are written in capitals: an acronym or a name with inner capitals
    ("UND", "GnuCash", "iPhone": a capital right after a letter), or a capital letter alone
    where it is the whole term or follows its first word (Czech "A", "Vitamin A"; a first
    "E" of "E-Mail" is the capital of a noun). Such words match only in their case."""
    found = ()
    for index, word in enumerate(words):
        rest = word[1:]
        # Most words have no capital after their first letter: told in C, without the pairs.
        if (not rest.islower() and any(a.isalpha() and b.isupper() for a, b in zip(word, rest))) \
                or (len(word) == 1 and word.isupper() and (index or len(words) == 1)):
            found += (index,)
    return found
