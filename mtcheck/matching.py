"""Glossary -> compiled multi-pattern matcher -> every term occurrence in a text.

Each word of a text is reduced to a key (folded, lemmatized or stemmed per language) and each
distinct key to one character; a term is then the string of its words' characters, and one
Aho-Corasick automaton finds every term in the string of a text's words. The cost per word is
one dictionary lookup and one automaton step, whatever the size of the glossary.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Callable, Iterable

import ahocorasick

from mtcheck.lang import (
    GAP_RE, MIN_COMPOUND_REST, TOKEN_RE, Analyzer, analyzer_for, canonical_lang, family,
    mask_urls, neutral_fold, nfc_with_offsets, tokens,
)
from mtcheck.model import Concept, Glossary, Match, Segment, Term

UNKNOWN = "\x00"  # a word that belongs to no term
_FIRST_CODE = 0x100
_MAX_CACHED_WORDS = 2_000_000  # distinct words remembered per language before starting over


@dataclass(frozen=True)
class _Entry:
    concept: Concept
    term: Term
    words: tuple[str, ...]
    folded: tuple[str, ...]
    compound: bool
    foreign: bool
    order: int


class _Codes:
    """Word keys as single characters, and terms as strings of them in one automaton."""

    def __init__(self) -> None:
        self.codes: dict[str, str] = {}
        self.patterns: dict[str, list[_Entry]] = {}
        self.automaton: ahocorasick.Automaton | None = None
        self._next = _FIRST_CODE

    def new_code(self) -> str:
        if 0xD800 <= self._next <= 0xDFFF:  # surrogates are no characters
            self._next = 0xE000
        code = chr(self._next)
        self._next += 1
        return code

    def code(self, key: str) -> str:
        code = self.codes.get(key)
        if code is None:
            code = self.codes[key] = self.new_code()
        return code

    def add(self, codes: str, entry: _Entry) -> None:
        self.patterns.setdefault(codes, []).append(entry)

    def build(self) -> None:
        if not self.patterns:
            return
        automaton = ahocorasick.Automaton()
        for codes, entries in self.patterns.items():
            automaton.add_word(codes, (len(codes), tuple(entries)))
        automaton.make_automaton()
        self.automaton = automaton


class _WordCache(dict):
    """surface word -> code, computed once per distinct word."""

    def __init__(self, compute: Callable[[str], str]):
        super().__init__()
        self.compute = compute

    def __missing__(self, word: str) -> str:
        if len(self) > _MAX_CACHED_WORDS:
            self.clear()
        code = self[word] = self.compute(word)
        return code


class LanguageMatcher:
    """All terms of a glossary, compiled for texts of one language.

    The language's own terms match through inflection and compounds; terms of other
    languages (foreign renderings) match by their casefolded words only.
    """

    def __init__(self, glossary: Glossary, lang: str):
        self.lang = canonical_lang(lang)
        self.analyzer: Analyzer = analyzer_for(self.lang)
        self.native = _Codes()
        self.foreign = _Codes()
        self._compound_heads: dict[str, str] = {}
        self._compile(glossary)
        self._head_lengths = sorted({len(h) for h in self._compound_heads}, reverse=True)
        self._native_words = _WordCache(self._native_code)
        self._foreign_words = _WordCache(lambda w: self.foreign.codes.get(neutral_fold(w), UNKNOWN))

    # -- compiling ---------------------------------------------------------------------------
    def _compile(self, glossary: Glossary) -> None:
        analyzer = self.analyzer
        own = family(self.lang)
        native_forms: set[tuple[str, ...]] = set()
        foreign_terms: list[tuple[int, Concept, Term, tuple[str, ...]]] = []
        order = 0
        for concept in glossary:
            for term in concept.terms:
                order += 1
                words = tuple(w for w, _, _ in tokens(term.text))
                if not words:
                    continue
                if family(canonical_lang(term.lang)) != own:
                    foreign_terms.append((order, concept, term, words))
                    continue
                native_forms.add(tuple(neutral_fold(w) for w in words))
                folded = tuple(analyzer.base(w) for w in words)
                keys = "".join(self.native.code(analyzer.key(w)) for w in words)
                self.native.add(keys, _Entry(concept, term, words, folded, False, False, order))
                head = folded[-1]
                if analyzer.compounding and not term.exact and len(head) >= (4 if len(words) > 1 else 6):
                    code = self._compound_heads.get(head)
                    if code is None:
                        code = self._compound_heads[head] = self.native.new_code()
                    entry = _Entry(concept, term, words, folded, True, False, order)
                    self.native.add(keys[:-1] + code, entry)
        for order, concept, term, words in foreign_terms:
            forms = tuple(neutral_fold(w) for w in words)
            if forms in native_forms:  # the same word in both languages is not foreign
                continue
            codes = "".join(self.foreign.code(f) for f in forms)
            self.foreign.add(codes, _Entry(concept, term, words, forms, False, True, order))
        self.native.build()
        self.foreign.build()

    def _native_code(self, word: str) -> str:
        code = self.native.codes.get(self.analyzer.key(word))
        if code is not None:
            return code
        if self._head_lengths:
            folded = self.analyzer.base(word)
            for size in self._head_lengths:
                if len(folded) - size < MIN_COMPOUND_REST:
                    continue
                code = self._compound_heads.get(folded[:size])
                if code is not None and self._compound_rest(folded[size:]):
                    return code
        return UNKNOWN

    def _compound_rest(self, rest: str) -> bool:
        for linker in self.analyzer.linkers:
            tail = rest[len(linker):]
            if rest.startswith(linker) and len(tail) >= MIN_COMPOUND_REST and tail.isalpha():
                return True
        return False

    # -- matching ----------------------------------------------------------------------------
    def find(self, text: str) -> list[tuple[int, int, _Entry]]:
        """Non-overlapping term occurrences as (start, end, entry); the longest one wins."""
        nfc, offsets = nfc_with_offsets(text)
        masked = mask_urls(nfc)
        words = TOKEN_RE.findall(masked)
        if not words:
            return []
        spans: list[tuple[int, int]] | None = None
        candidates: list[tuple[int, int, _Entry]] = []
        for table, cache in ((self.native, self._native_words), (self.foreign, self._foreign_words)):
            if table.automaton is None:
                continue
            codes = "".join([cache[w] for w in words])
            for last, (size, entries) in table.automaton.iter(codes):
                if spans is None:
                    spans = [m.span() for m in TOKEN_RE.finditer(masked)]
                first = last - size + 1
                if not all(GAP_RE.fullmatch(masked[spans[i][1]:spans[i + 1][0]]) for i in range(first, last)):
                    continue  # words of one term are never split by punctuation
                entry = self._choose(entries, words[first:last + 1])
                if entry is not None:
                    candidates.append((spans[first][0], spans[last][1], entry))
        chosen = _longest_first(candidates)
        if offsets is not None:
            chosen = [(offsets[s], offsets[e], entry) for s, e, entry in chosen]
        return chosen

    def _choose(self, entries: tuple[_Entry, ...], surface: list[str]) -> _Entry | None:
        """The entry a surface form stands for: options honoured, the closest form first."""
        fold = neutral_fold if entries[0].foreign else self.analyzer.base
        forms = tuple(fold(w) for w in surface)
        best: tuple | None = None
        best_entry = None
        for entry in entries:
            same_form = forms == entry.folded
            if entry.term.exact and not same_form:
                continue
            if entry.term.case_sensitive and not _same_case(surface, entry.words):
                continue
            rank = (not same_form, entry.compound, entry.order)
            if best is None or rank < best:
                best, best_entry = rank, entry
        return best_entry


def _same_case(surface: list[str], words: tuple[str, ...]) -> bool:
    """Whether the letters a surface word shares with the term's word have the term's case."""
    if len(surface) != len(words):
        return False
    for found, wanted in zip(surface, words):
        shared = 0
        for a, b in zip(found, wanted):
            if a.lower() != b.lower():
                break
            shared += 1
        if shared == 0 or found[:shared] != wanted[:shared]:
            return False
    return True


def _longest_first(candidates: list[tuple[int, int, _Entry]]) -> list[tuple[int, int, _Entry]]:
    if len(candidates) < 2:
        return candidates
    candidates.sort(key=lambda c: (c[0] - c[1], c[0], c[2].foreign, c[2].order))
    taken: list[tuple[int, int, _Entry]] = []
    for cand in candidates:
        if all(cand[1] <= s or cand[0] >= e for s, e, _ in taken):
            taken.append(cand)
    taken.sort(key=lambda c: c[0])
    return taken


class Matcher:
    """A glossary compiled on demand for each language of text it is asked about."""

    def __init__(self, glossary: Glossary):
        self.glossary = glossary
        self._by_lang: dict[str, LanguageMatcher] = {}
        self._lock = threading.Lock()

    def for_language(self, lang: str) -> LanguageMatcher:
        lang = canonical_lang(lang)
        with self._lock:
            matcher = self._by_lang.get(lang)
            if matcher is None:
                matcher = self._by_lang[lang] = LanguageMatcher(self.glossary, lang)
            return matcher

    def matches(self, segment: Segment, lang: str | None = None) -> list[Match]:
        """Every glossary term in the segment's text, in text order."""
        lang = lang or segment.lang
        if not lang:
            raise ValueError("a segment needs a language to be matched")
        found = self.for_language(lang).find(segment.text)
        return [
            Match(segment, start, end, entry.concept, entry.term, entry.foreign, entry.compound)
            for start, end, entry in found
        ]
