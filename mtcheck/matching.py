"""Glossary -> compiled multi-pattern matcher -> every term occurrence in a text.

Each word of a text is reduced to a key (folded, lemmatized or stemmed per language) and each
distinct key to one character; a term is then the string of its words' characters, and one
Aho-Corasick automaton finds every term in the string of a text's words. The cost per word is
one dictionary lookup and one automaton step, whatever the size of the glossary.
"""
from __future__ import annotations

import bisect
import copy
import functools
import marshal
import operator
import threading
import unicodedata
from itertools import accumulate, compress, islice
from typing import Callable, Iterable, NamedTuple

import marisa_trie
import numpy as np

from mtcheck.language import (
    ARTICLE_FORMS, GAP_RE, MIN_COMPOUND_REST, PARTICIPLE_LANGUAGES, PHRASE_LINKS, TERM_CLASSES, Analyzer, Tagger,
    analyzer_for, canonical_lang, complement, complement_changed, derived_modifiers, family, fits, function_words, known_word, mask_protected, mask_urls,
    masking_triggers, neutral_fold, nfc_with_offsets, past_participle_verbs, present_participle_verbs, split_words,
    tagger_for, tokens, without_accents, without_infix,
)
from mtcheck.language.dictionary import AND, one_lemma
from mtcheck.language.masking import unmasking, written_like_code
from mtcheck.language.plurals import regular_plural
from mtcheck.language.symbols import as_written, in_a_hyphenated_word
from mtcheck.leaks import distinctive, families, ordinary
from mtcheck.lifetime import long_lived
from mtcheck.model import Concept, Glossary, Match, Segment, Term
from mtcheck.termtable import (
    KEY_ENTRY_SEPARATOR, UNDECODED, UNKNOWN, Codes, Decoded, Entry, Readings, Shared, bitmap_size, capital_words,
    code_point, entry_state, key_entries, key_entry, member, new_entry,
)

_START, _END = operator.itemgetter(0), operator.itemgetter(1)
_PATTERN = operator.itemgetter(2)  # of an automaton's hit: (start, end, pattern index)
_new_match = functools.partial(tuple.__new__, Match)  # Match(*fields) without its Python-level __new__
BREAK = "\x03"  # punctuation between words: in a term only where the term has punctuation
SEPARATOR = "\x01"  # between texts searched together: in no term's pattern
_BETWEEN_TEXTS = "\x00"
_TEXT_SEPARATOR = f" {_BETWEEN_TEXTS} "
_CHUNK_MARK = "\x02"  # after each stretch's codes, to count stretches: in no code
_FEW_CHUNKS = 256  # stretches of a text below which hits are placed by bisection, not arrays
# A UI mnemonic before a word (Account _Hierarchy, &Datei) belongs to the word, not
# punctuation between it and the word before.
_MNEMONIC_MARKERS = ("_", "&")
# Distinct words, and stretches between spaces, remembered per language before starting over:
# about 0.5 KB each, so memory stays bounded on any corpus while the common ones stay cached.
_MAX_CACHED_WORDS = 200_000
MIN_PLURAL_STEM = 3  # letters of an English term's word found in English's plural among other languages' words
_SIBILANTS = ("s", "x", "z", "ch", "sh")  # what English adds -es to for its plural (classes, boxes, branches)
MIN_OPENED_PART = 4  # letters of the word after the hyphen or space in a one-word term written as two
# Letters of a one-word term found as a compound's first part (Konto|stand, Datei|system); the
# rest must be a word of the language's dictionary (see Analyzer.is_compound_rest). Shorter
# ones start lexicalised compounds as often as not (Hoch|zeit is a wedding).
SHORTEST_FIRST_PART = 5
# Letters of a compound's first part where a term is looked for inside a match (see
# _compound_parts): Konto|stand, Unter|konten.
MIN_FIRST_PART = 4


class WordCache(dict):
    """surface word -> what `compute` makes of it (here its code), computed once per distinct
    word; cleared past _MAX_CACHED_WORDS so that memory stays bounded on any corpus."""

    def __init__(self, compute: Callable[[str], object]):
        super().__init__()
        self.compute = compute

    def __missing__(self, word: str) -> object:
        if len(self) > _MAX_CACHED_WORDS:
            self.clear()
        code = self[word] = self.compute(word)
        return code


class _ChunkCache(dict):
    """text between spaces -> its words' codes, native and foreign in turn (see _analyse_chunk)."""

    def __init__(self, analyse: Callable[[str], tuple]):
        super().__init__()
        self.analyse = analyse

    def __missing__(self, chunk: str) -> str:
        return self.analyse(chunk)[0]


class _Located:
    """Where the codes of one text stand in it; built only for texts with a match.

    In a long text (a block of segments), every hit is placed with a few array operations for
    all of them at once: which stretch between spaces each code is in, and where that stretch
    starts in the text. A short one (a single segment) is placed by bisection, as the arrays'
    fixed cost would outweigh it. Only the place of the words inside their stretch is then
    looked up per hit.
    """

    def __init__(self, matcher: "LanguageMatcher", text: str, chunks: list[str], per_chunk: list[str]):
        """`per_chunk`: each stretch's codes, two characters per code (native, foreign)."""
        self.spans, self.analyse = matcher._spans, matcher._analyse_chunk
        self.text = text
        self.chunks = chunks
        if len(chunks) < _FEW_CHUNKS:
            self.code_starts = list(accumulate([len(codes) >> 1 for codes in per_chunk], initial=0))
            self.chunk_ends = list(accumulate(map(len, chunks), initial=0))  # less the spaces before
            self._stretches = self._stretches_bisected
            return
        # The codes with a mark after each stretch's: a code's place in it, less its own
        # index (twice: two characters a code), is the number of stretches before it.
        marked = _as_array(_CHUNK_MARK.join(per_chunk))
        is_mark = marked == ord(_CHUNK_MARK)
        self.code_places = np.flatnonzero(~is_mark)[::2]
        self.chunk_places = np.concatenate(([0], np.flatnonzero(is_mark) + 1))  # of each stretch, in `marked`
        self.chunk_starts = np.concatenate(([0], np.flatnonzero(_as_array(text) == ord(" ")) + 1))  # in the text

    def _stretches(self, codes: list[int]) -> tuple[list[int], list[int], list[int]]:
        """Of each code: its stretch, its index among the stretch's codes, where the stretch starts."""
        codes = np.array(codes, dtype=np.intp)
        places = self.code_places[codes]
        chunks = places - 2 * codes
        indexes = (places - self.chunk_places[chunks]) // 2
        return chunks.tolist(), indexes.tolist(), self.chunk_starts[chunks].tolist()

    def _stretches_bisected(self, codes: list[int]) -> tuple[list[int], list[int], list[int]]:
        chunks = [bisect.bisect_right(self.code_starts, code) - 1 for code in codes]
        indexes = [code - self.code_starts[chunk] for code, chunk in zip(codes, chunks)]
        return chunks, indexes, [self.chunk_ends[chunk] + chunk for chunk in chunks]  # a space before each

    def extents(self, hits: list[tuple[int, int, int]]) -> tuple[list[int], list[int]]:
        """Where each hit (pattern, first code, stop code) starts and ends in the text."""
        first_chunks, first_indexes, first_offsets = self._stretches(list(map(_START, hits)))
        last_chunks, last_indexes, last_offsets = self._stretches([stop - 1 for _, stop, _ in hits])
        chunks, spans, analyse = self.chunks, self.spans, self.analyse
        starts, ends = [], []
        for first_chunk, first, offset, last_chunk, last, last_offset in zip(
                first_chunks, first_indexes, first_offsets, last_chunks, last_indexes, last_offsets):
            chunk = chunks[first_chunk]
            chunk_spans = spans.get(chunk) or analyse(chunk)[1]
            starts.append(offset + chunk_spans[first][0])
            if last_chunk != first_chunk:
                chunk = chunks[last_chunk]
                chunk_spans = spans.get(chunk) or analyse(chunk)[1]
            ends.append(last_offset + chunk_spans[last][1])
        return starts, ends

    def words(self, first: int, stop: int) -> list[str]:
        found = []
        for chunk_index, index, offset in zip(*self._stretches(list(range(first, stop)))):
            chunk = self.chunks[chunk_index]
            start, end = (self.spans.get(chunk) or self.analyse(chunk)[1])[index]
            if end > start:  # BREAK codes have no text
                found.append(self.text[offset + start:offset + end])
        return found


def _as_array(text: str) -> np.ndarray:
    """The characters of a text as code points, for vectorised search."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


class _Prepared(NamedTuple):
    """A term's words, read once per glossary and shared by every language's compile."""

    concept: Concept
    term: Term
    words: tuple[str, ...]
    neutral: tuple[str, ...]
    family: str
    order: int
    # After which words the term has punctuation ("Sklerodermie (SSc)", "A. radialis"): the
    # text has a BREAK code there too, so the pattern carries one in the same place.
    breaks: frozenset[int] = frozenset()

    def pattern(self, codes: list[str]) -> str:
        if not self.breaks:
            return "".join(codes)
        return "".join(c + BREAK if i in self.breaks else c for i, c in enumerate(codes))


_new_prepared = functools.partial(tuple.__new__, _Prepared)
_NO_BREAKS: frozenset[int] = frozenset()


def foreign_table(prepared: list[_Prepared]) -> Codes:
    """Every term by its casefolded words, for finding terms of other languages in a text:
    built once per glossary, each language's matcher sees the terms foreign to it."""
    table = Codes()
    # The words' codes are their numbers in a MARISA trie of them: read back from the cache
    # in microseconds, where a dictionary of 140,000 words (10,000 concepts) took 40 ms.
    words = list(dict.fromkeys(word for item in prepared for word in item.neutral))
    table.trie = marisa_trie.Trie(words)
    code = {word: chr(code_point(table.trie[word])) for word in words}.__getitem__
    table._next = code_point(len(words))
    patterns = table.patterns
    words_by_family: dict[str, list[str]] = {}
    for item in prepared:
        pattern = item.pattern(list(map(code, item.neutral)))
        entry = new_entry((item.concept, item.term, item.words, item.neutral, "", True, item.order, item.family, ""))
        entries = patterns.get(pattern)
        if entries is None:
            patterns[pattern] = [entry]
        else:
            entries.append(entry)
        words_by_family.setdefault(item.family, []).extend(item.neutral)
    size = bitmap_size(table._next)
    for lang_family, words in words_by_family.items():
        members = bytearray(size)
        for point in map(ord, map(code, words)):
            members[point >> 3] |= 1 << (point & 7)
        table.members_by_family[lang_family] = bytes(members)
    table.build()
    return table


def prepare(glossary: Glossary) -> list[_Prepared]:
    prepared = []
    families: dict[str, str] = {}
    split = split_words
    for order, (concept, term) in enumerate(((c, t) for c in glossary for t in c.terms), 1):
        parts = split(mask_urls(term.text))
        words = tuple(parts[1::2])
        if words:
            lang_family = families.get(term.lang)
            if lang_family is None:
                lang_family = families[term.lang] = family(canonical_lang(term.lang))
            gaps = parts[2:-1:2]
            breaks = (_NO_BREAKS if gaps.count(" ") == len(gaps)  # most terms: words and single spaces
                      else frozenset(i for i, gap in enumerate(gaps) if gap and not GAP_RE.fullmatch(gap)))
            prepared.append(_new_prepared((concept, term, words, tuple(map(neutral_fold, words)), lang_family, order,
                                           breaks)))
    return prepared


class LanguageMatcher:
    """All terms of a glossary, compiled for texts of one language.

    The language's own terms match through inflection and compounds; terms of other
    languages (foreign renderings) match by their casefolded words only.
    """

    def __init__(self, prepared: list[_Prepared], lang: str, foreign: Codes | None = None,
                 parts_of_speech: bool = True, variants: bool = True):
        """`foreign` is every term by its casefolded words (see foreign_table): shared by the
        matchers of all languages, built here when not given. `parts_of_speech`: a one-word
        term the glossary gives a part of speech matches only a word the language's tagger
        gives that part of speech (see _by_part_of_speech). `variants`: terms also as writers
        vary them (see _add_variants)."""
        self._empty(lang, variants)
        self._compile(prepared, foreign_table(prepared) if foreign is None else foreign)
        self._head_lengths = sorted({len(h) for h in self._compound_heads}, reverse=True)
        # The one-word terms of compounding languages in order, whose beginnings are where a
        # compound's last part may be cut off to be lemmatized (see _compound_inflected): the
        # same strings as _by_form's keys, so the cache keeps them in a list of references, where
        # a set of every beginning took longer to read back than any other table.
        self._compound_term_forms = sorted(
            base for base in (self._by_form if self.analyzer.compounding else ()) if base.isalpha())
        own = family(self.lang)
        self._classed_terms = any(item.family == own and item.term.part_of_speech in TERM_CLASSES for item in prepared)
        # Terms written like code, which masking would hide from every text (see _mask).
        self._code_terms = tuple(sorted({item.term.text for item in prepared
                                         if mask_protected(item.term.text) != item.term.text}))
        self._ready(parts_of_speech)

    # What a compiled matcher is, besides its tables and the gapped terms' entries: kept between
    # runs as built-in types (see state, mtcheck.compiled).
    _SAVED = ("_compound_heads", "_compound_tails", "_tail_openings", "_by_form", "_by_lemma", "_lemma_codes",
              "_by_key", "_by_plain_key", "_variant_forms", "_variant_keys", "_gapped_first", "_gapped_lengths",
              "_native_forms", "_head_lengths", "_compound_term_forms", "_classed_terms", "_key_codes",
              "_loan_forms", "_code_terms")

    def state(self) -> dict:
        """The compiled matcher in built-in types only (marshal writes and reads them fast):
        entries without their concept and term, the automata left to be built again."""
        state = {name: getattr(self, name) for name in self._SAVED}
        state.update(lang=self.lang, variants=self._variants, native=self.native.state(),
                     gapped={key: marshal.dumps(tuple(map(entry_state, entries)))
                             for key, entries in self._gapped.items()})
        return state

    @classmethod
    def from_state(cls, state: dict, readings: Readings, foreign: Codes,
                   parts_of_speech: bool = True) -> "LanguageMatcher":
        """The matcher `state()` gave, with the shared table of foreign terms: the same matches
        as the one compiled."""
        matcher = cls.__new__(cls)
        matcher._empty(state["lang"], state["variants"])
        for name in cls._SAVED:
            setattr(matcher, name, state[name])
        matcher.native = Codes.from_state(state["native"], readings)
        matcher._gapped = Decoded(state["gapped"], readings)
        matcher._every_foreign = foreign
        matcher.foreign = foreign.seen_from(family(matcher.lang), matcher._is_foreign(None))
        matcher._ready(parts_of_speech)
        return matcher

    def _empty(self, lang: str, variants: bool) -> None:
        self.lang = canonical_lang(lang)
        self.analyzer: Analyzer = analyzer_for(self.lang)
        self.native = Codes()
        self._compound_heads: dict[str, str] = {}
        # Term words' key -> code and lemmas, for compounds that end with a term.
        self._compound_tails: dict[str, tuple[str, tuple[str, ...]]] = {}
        self._tail_openings: set[str] = set()  # their first letters, where a compound's last part may start
        self._by_form: dict[str, str] = {}
        self._by_lemma: dict[str, list[tuple[str, str, str]]] = {}  # code, folded word, key
        self._lemma_codes: dict[str, str] = {}  # one code for the term words of one lemma
        self._code_words: dict[str, list[tuple[str, str]]] = {}  # a code -> the term words given it (word, base)
        self._word_readings: dict[str, frozenset[str]] = {}  # see _readings
        self._key_codes: dict[str, list[str]] = {}    # a key of words told apart -> their codes
        # key -> (known, code, term base, inflected) of each term word, written as one string
        # (see key_entry): read back from the cache in a third of the time of tuples.
        self._by_key: dict[str, str] = {}
        self._by_plain_key: dict[str, str] = {}  # of the words the dictionary does not know
        self._loan_forms: dict[str, str] = {}  # the words of terms kept as another language writes them
        self._participles = self.lang in PARTICIPLE_LANGUAGES  # German, Dutch: ge- inside verb forms
        self._closing_up = self.analyzer.compounding or self.lang == "en"  # database for "data base"
        self._variant_forms: dict[str, str] = {}  # words of variants only (see _variant_code)
        self._variant_keys: dict[str, str] = {}
        self._articles: dict[str, str] = ARTICLE_FORMS.get(self.lang, {})  # see language.inflection
        self._variants = variants
        self._gapped: dict[str, list[Entry]] | Decoded = {}  # words' codes -> entries (see _add_gapped)
        self._gapped_first: set[str] = set()
        self._gapped_lengths: list[int] = []
        self._parts: dict[str, list] = {}  # compound parts of words inside matches (see _compound_parts)

    def _ready(self, parts_of_speech: bool) -> None:
        """The caches of matching, empty, and the tagger where terms have a word class."""
        self._native_words = WordCache(self._native_code)
        # A phrase's words -> its complement (see _renumbered).
        self._complements: WordCache = WordCache(lambda words: complement(self.analyzer, words))
        self._foreign_words = WordCache(self._foreign_code)
        self._spans: dict[str, tuple[tuple[int, int], ...]] = {}
        self._chunk_codes = _ChunkCache(self._analyse_chunk)
        self._tagger: Tagger | None = tagger_for(self.lang) if parts_of_speech and self._classed_terms else None
        self._code_like = written_like_code(self._code_terms)
        # Hyphenated words of their own (see _written_place); not in a language that compounds,
        # where a hyphen joins a compound's parts as writing them together does („Netto-Verlust").
        self._known_whole = None if self.analyzer.compounding else known_word(self.lang)

    def _mask(self, text: str) -> str:
        """mask_protected, but the glossary's terms written like code („Node.js", a file name to
        the masking) stay where the text writes them alone."""
        return unmasking(text, mask_protected(text), self._code_like)

    def _foreign_code(self, word: str) -> str:
        """The code of a text's word among other languages' terms: as written (casefolded), or
        a word of an English term in English's regular plural, -s, -es after a sibilant, -ies
        for -y („Nodes", „Branches", „Repositories" left in a German text for "node", "branch",
        "repository"; not French „selles" for 'sell'), where the stem is no shorter than
        MIN_PLURAL_STEM."""
        folded = neutral_fold(word)
        code = self.foreign.code_of(folded)
        english = self._every_foreign.members_by_family.get("en")
        if code != UNKNOWN or english is None or not folded.endswith("s") or family(self.lang) == "en":
            return code
        for stem in (folded[:-1], folded[:-2] if folded.endswith("es") and folded[:-2].endswith(_SIBILANTS) else "",
                     folded[:-3] + "y" if folded.endswith("ies") else ""):
            found = self.foreign.code_of(stem) if len(stem) >= MIN_PLURAL_STEM else UNKNOWN
            if found != UNKNOWN and member(english, ord(found)):
                return found
        return code

    # -- compiling ---------------------------------------------------------------------------
    def _compile(self, prepared: list[_Prepared], foreign: Codes) -> None:
        analyzer = self.analyzer
        own = family(self.lang)
        native = [item for item in prepared if item.family == own]
        # Every distinct word analysed once, the stemmer called on all of them in one batch.
        distinct = list(dict.fromkeys(w for item in native for w in item.words))
        articles = self._articles
        bases = {word: articles.get(base, base) for word, base in zip(distinct, map(analyzer.base, distinct))}
        keys = dict(zip(distinct, analyzer.match_keys([bases[w] for w in distinct])))
        loans = {w for item in native if _kept_as_in_another_language(item) for w in item.words}
        # The words the dictionary knows first: where it tells words of one key apart, a word
        # it does not know then goes with the one it is most like (see _term_word_code).
        lemmas = {w: analyzer.lemmas(w) for w in distinct}
        ordered = sorted(distinct, key=lambda w: not lemmas[w])
        codes = {w: self._term_word_code(w, bases[w], keys[w], w in loans, lemmas[w]) for w in ordered}
        self._add_plurals(distinct, bases, codes, lemmas)
        for word in sorted(loans):
            self._loan_forms.setdefault(bases[word], codes[word])
        self._code_words, self._word_readings = {}, {}  # needed while coding the term words only
        self._native_forms = {item.neutral for item in native}
        for item in native:
            words, term = item.words, item.term
            folded = tuple(bases[w] for w in words)
            pattern = item.pattern([codes[w] for w in words])
            self.native.add(pattern, new_entry((item.concept, term, words, folded, "", False, item.order, "", "")))
            head = folded[-1]
            if analyzer.compounding and not term.exact and len(head) >= (4 if len(words) > 1 else SHORTEST_FIRST_PART):
                code = self._compound_heads.get(head)
                if code is None:
                    code = self._compound_heads[head] = self.native.new_code()
                entry = new_entry((item.concept, term, words, folded, "first", False, item.order, "", ""))
                self.native.add(pattern[:-1] + code, entry)
            key = keys[words[0]]
            if analyzer.compounding and not term.exact and len(words) == 1 and len(key) >= 4 and len(head) >= 5:
                # The term as a compound's last part (System|einstellungen): found by its key.
                tail = self._compound_tails.get(key)
                if tail is None:
                    tail = self._compound_tails[key] = (self.native.new_code(), analyzer.lemmas(words[0]))
                    self._tail_openings.add(head[:MIN_COMPOUND_REST])
                self.native.add(tail[0], new_entry((item.concept, term, words, folded, "last", False, item.order, "",
                                                     "")))
        if self._variants:
            self._add_variants(native)
            self._add_gapped(native, codes)
        self.native.build()
        self._every_foreign = foreign
        self.foreign = foreign.seen_from(own, self._is_foreign(None))

    def _add_plurals(self, words: list[str], bases: dict[str, str], codes: dict[str, str],
                     lemmas: dict[str, tuple[str, ...]]) -> None:
        """Each term word's regular plural as a form of it (see mtcheck.language.plurals): the
        dictionary may give that form another word's lemma (Italian „rami": „rame", not the
        term's „ramo"; „conti": „conte"), also where another term writes the plural as a word
        of its own („piano dei conti"), unless the dictionary knows it as a lemma of its own
        (French „frais", costs, beside „frai"). Not a function word's, nor one that is a function word:
        that reading is the dictionary's to make. `lemmas`: the dictionary's, of each word."""
        lang, stop = self.analyzer.lang, function_words(self.lang)
        written: dict[str, list[str]] = {}
        for word in words:
            written.setdefault(bases[word], []).append(word)
        for word in words:
            base = bases[word]
            plural = regular_plural(base, lang) if base not in stop else None  # par: pars, to leave
            if not plural or plural == base or plural in stop:  # nó: nós, but nós is 'we' too
                continue
            others = [other for other in written.get(plural, ()) if codes[other] != codes[word]]
            if others and not any(plural in lemmas[other] for other in others):
                # The plural is a word of another term („piano dei conti"), which the dictionary
                # reads as a form of a third word („conte"): it is this word's plural there too.
                for other in others:
                    codes[other] = codes[word]
                self._by_form[plural] = codes[word]
            else:
                self._by_form.setdefault(plural, codes[word])

    def _add_variants(self, native: list[_Prepared]) -> None:
        """Each term also as writers vary its spacing (see _closed_up, _opened_up), its words'
        keys computed in one batch."""
        variants = []
        for item in native:
            term = item.term
            if term.exact or not all(word.isalpha() for word in item.words):
                continue
            variants.extend((item, words, "closed up") for words in self._closed_up(item))
            variants.extend((item, words, "opened up") for words in self._opened_up(item))
            variants.extend((item, words, "phrase") for words in self._phrased(item))
            variants.extend((item, words, "compound") for words in self._compounded(item))
            variants.extend((item, words, "derivation") for words in derived_modifiers(item.words, self.lang))
        variants.extend(self._ampersand_variants(native))
        bases = {word: self.analyzer.base(word) for _, words, _ in variants for word in words if word != "&"}
        fresh = [base for base in dict.fromkeys(bases.values()) if base not in self._by_form]
        keys = dict(zip(fresh, self.analyzer.match_keys(fresh)))
        for item, words, kind in variants:
            folded = tuple(bases.get(word, word) for word in words)
            codes = "".join(BREAK if base == "&" else self._variant_code(base, keys) for base in folded)
            self.native.add(codes, new_entry((item.concept, item.term, words, folded, "", False, item.order, "",
                                               kind)))

    def _ampersand_variants(self, native: list[_Prepared]) -> list[tuple[_Prepared, tuple[str, ...], str]]:
        """A term of two words joined by "&" also with the language's "and" between them, and
        one joined by "and" also with "&" ("Profit & Loss", "Profit and Loss"): one name,
        written either way."""
        conjunction = AND.get(self.lang)
        if conjunction is None:
            return []
        found = []
        for item in native:
            text, words = item.term.text, item.words
            if item.term.exact:
                continue
            if item.breaks == frozenset({0}) and len(words) == 2 and text.count("&") == 1 \
                    and " & " in text.replace("\u00a0", " "):
                found.append((item, (words[0], conjunction, words[1]), "spelled out"))
            elif len(words) == 3 and not item.breaks and words[1].casefold() == conjunction:
                found.append((item, (words[0], "&", words[2]), "ampersand"))
        return found

    def _closed_up(self, item: _Prepared) -> list[tuple[str, ...]]:
        """A term of two or three words also written as one (Cloud-Speicher, Cloud Speicher:
        Cloudspeicher; sub-account: subaccount), as writers close up a compound, in the
        languages that do (those that write compounds as one word, and English); not where the
        glossary has that form as a term of its own."""
        words = item.words
        if not self._closing_up or not 2 <= len(words) <= 3 or item.breaks or any(len(word) < 2 for word in words):
            return []
        joined = words[0] + "".join(word.lower() for word in words[1:])
        return [] if (joined.casefold(),) in self._native_forms else [(joined,)]

    def _opened_up(self, item: _Prepared) -> list[tuple[str, ...]]:
        """A one-word term also written as two, with a hyphen or a space where its second part
        is a word of the language (subaccount: sub-account; Massenmobilisierung: Massen-
        Mobilisierung): only where the language's dictionary tells words."""
        words = item.words
        known = self.analyzer.dictionary and known_word(self.lang)
        if not known or len(words) != 1 or len(words[0]) < 2 + MIN_OPENED_PART:
            return []
        word = words[0]
        return [(word[:cut], word[cut:]) for cut in range(2, len(word) - MIN_OPENED_PART + 1) if known(word[cut:])]

    def _add_gapped(self, native: list[_Prepared], codes: dict[str, str]) -> None:
        """Terms of several words by their words' codes, for finding them with a word inserted
        inside (see gapped)."""
        for item in native:
            if len(item.words) > 1 and not item.breaks and not item.term.exact:
                key = "".join(codes[word] for word in item.words)
                entry = new_entry((item.concept, item.term, item.words, (), "", False, item.order, "", "inserted"))
                self._gapped.setdefault(key, []).append(entry)
                self._gapped_first.add(key[0])
        self._gapped_lengths = sorted({len(key) for key in self._gapped})

    def gapped(self, text: str) -> list[tuple[int, int, Entry]]:
        """Terms of several words found with one word inserted inside them, a modifier as a
        writer adds one ("Sicherheit des neuen Systems" for "Sicherheit des Systems", "mass
        mobilisation" in "skilled mass popular mobilisation"): (start, end, entry), the entry's
        variant "inserted". Not where the inserted word is a function word or punctuation."""
        if not self._gapped:
            return []
        nfc, offsets = nfc_with_offsets(text)
        masked = self._mask(nfc)
        words: list[tuple[str, int, int]] = []
        at = 0
        for chunk in masked.split(" "):
            codes = self._chunk_codes[chunk]
            spans = self._spans.get(chunk) or self._analyse_chunk(chunk)[1]
            words.extend((codes[2 * index], at + start, at + end) for index, (start, end) in enumerate(spans))
            at += len(chunk) + 1
        function = function_words(self.lang)
        found = []
        for index, (first, start, _) in enumerate(words):
            if first not in self._gapped_first:
                continue
            for length in self._gapped_lengths:
                window = words[index:index + length + 1]
                if len(window) <= length:
                    break
                for inserted in range(1, length):
                    code, word_start, word_end = window[inserted]
                    if code in (BREAK, SEPARATOR) or word_end == word_start:
                        continue
                    key = "".join(word[0] for position, word in enumerate(window) if position != inserted)
                    entries = self._gapped.get(key)
                    word = masked[word_start:word_end]
                    if entries and word.isalpha() and word.casefold() not in function:
                        end = window[-1][2]
                        found.append((start, end, entries[0]) if offsets is None
                                     else (offsets[start], offsets[end], entries[0]))
        return found

    def _phrased(self, item: _Prepared) -> list[tuple[str, ...]]:
        """A one-word compound term also written as a phrase, head first (Massenmobilisierung:
        "Mobilisierung der Massen"), in the languages that do (see PHRASE_LINKS); the term is
        cut where both parts are words of the dictionary, a linking element apart."""
        links = PHRASE_LINKS.get(self.lang)
        known = self.analyzer.dictionary and known_word(self.lang)
        if not links or not known or len(item.words) != 1:
            return []
        word = item.words[0]
        folded = word.casefold()
        for cut in range(MIN_FIRST_PART, len(folded) - MIN_FIRST_PART + 1):
            head = word[cut:]
            if not known(head.casefold()) and not known(head[:1].upper() + head[1:].casefold()):
                continue
            for linker in sorted(self.analyzer.linkers, key=len):
                first = word[:cut - len(linker)] if linker else word[:cut]
                if (linker and not folded[:cut].endswith(linker)) or len(first) < MIN_FIRST_PART:
                    continue
                modifier = word[:cut]  # as the compound has it: Massen|mobilisierung, the plural
                if known(first.casefold()) or known(first[:1].upper() + first[1:].casefold()):
                    return [(head, *link, modifier) for link in links]
        return []

    def _compounded(self, item: _Prepared) -> list[tuple[str, ...]]:
        """A phrase term, head first, also written as the compound (Mobilisierung der Massen:
        Massenmobilisierung), with each linking element the language has."""
        links = PHRASE_LINKS.get(self.lang)
        words = tuple(word.casefold() for word in item.words)
        if not links or len(words) < 3 or item.breaks:
            return []
        head, modifier = words[0], words[-1]
        if words[1:-1] not in links or len(head) < MIN_FIRST_PART or len(modifier) < MIN_FIRST_PART:
            return []
        forms = {modifier + linker + head for linker in self.analyzer.linkers}
        return [(form,) for form in sorted(forms) if (form,) not in self._native_forms]

    def _variant_code(self, base: str, keys: dict[str, str]) -> str:
        """The code of a word of a term's variant: a term word's own where it is one; else its
        form and its stem's key lead to it (no lemma: a variant is found as written or inflected
        at its end, Cloudspeichers), but only where no term's word does (see _native_code)."""
        code = self._by_form.get(base) or self._variant_forms.get(base)
        if code is not None:
            return code
        key = keys[base]
        code = self._variant_keys.get(key) or self.native.new_code()
        self._variant_keys.setdefault(key, code)
        self._variant_forms[base] = code
        return code

    def _is_foreign(self, langs: frozenset[str] | None) -> Callable[[Entry], bool]:
        """Which terms of other languages count as foreign renderings here: those of `langs`
        (None: every language's), not the same words as a term of the text's language, not
        ordinary words of it, and distinctive enough (see mtcheck.leaks)."""
        own, native_forms, lang, leaking = family(self.lang), self._native_forms, self.lang, families(langs)

        def keep(entry: Entry) -> bool:
            if entry.family == own or entry.folded in native_forms:
                return False
            if leaking is not None and entry.family not in leaking:
                return False
            term = entry.term
            in_capitals = term.case_sensitive or (not term.case_insensitive and bool(capital_words(entry.words)))
            return distinctive(entry.words, in_capitals) and not ordinary(entry.folded, lang)
        return keep

    def seeing(self, langs: frozenset[str] | None) -> "LanguageMatcher":
        """This matcher with only the terms of `langs` as foreign renderings (None: every
        language's). The compiled terms and the word caches are shared: a word's codes are the
        same whichever foreign terms answer."""
        view = copy.copy(self)
        view.foreign = self._every_foreign.seen_from(family(self.lang), self._is_foreign(langs))
        return view

    def _term_word_code(self, word: str, base: str, key: str, loan: bool = False,
                        lemmas: tuple[str, ...] | None = None) -> str:
        """The code of a word of this language's terms, one per key (unless the dictionary
        tells words of a key apart); recorded under its form, its lemma and its key, the ways a
        text's word can reach it (see _native_code). `loan`: the word is of a term the glossary
        keeps as another language writes it; `lemmas`: the dictionary's, where known."""
        lemmas = self.analyzer.lemmas(word) if lemmas is None else lemmas
        code = self.native.codes.get(key)
        readings = self._readings(word, base) if code is not None else frozenset()
        if readings and base not in function_words(self.lang) and not self._one_word(code, readings):
            # Content words of one key the dictionary tells apart are two words, a code each:
            # the noun „Bereitstellung" and the verb „bereitstellen", whose participle
            # „bereitgestellt" is the verb's alone (see _native_code). (Not the forms of an
            # article, one word to the matcher: da, do, de.) The key's other code of this
            # word, if one (bildgebende, a form of bildgebend, not of Bildgebung).
            code = next((other for other in self._key_codes.get(key, ()) if self._one_word(other, readings)),
                        None) or (self._lemma_codes.get(lemmas[0]) if lemmas else None) or self.native.new_code()
            if code not in self._key_codes.setdefault(key, [self.native.codes[key]]):
                self._key_codes[key].append(code)
        elif code is not None and not readings and key in self._key_codes:
            # A word the dictionary does not know, of a key it tells words apart under: the code
            # of the term word sharing most of its start (bildgebende: bildgebend).
            code = max(key_entries(self._by_key.get(key)), key=lambda entry: _shared_start(base, entry[2]))[1]
        elif code is None:
            # Term words of one lemma the stemmer keys apart (podział, podziału) are one word:
            # one code, so that a text's form of that lemma (podziałami) matches every term.
            code = self._lemma_codes.get(lemmas[0]) if lemmas else None
            if code is None:
                code = self.native.code(key)
            else:
                self.native.codes[key] = code
        if lemmas:
            self._lemma_codes.setdefault(lemmas[0], code)
        self._code_words.setdefault(code, []).append((word, base))
        self._by_form.setdefault(base, code)
        if lemmas:
            self._by_lemma.setdefault(lemmas[0], []).append((code, base, key))
            if base != lemmas[0] and self._participles and base.endswith("en"):
                # The dictionary has one lemma per form: a German or Dutch infinitive it takes
                # for a plural noun (Dutch "aanvragen": aanvraag) is a lemma of its verb forms
                # too (aangevraagd).
                self._by_lemma.setdefault(base, []).append((code, base, key))
        # Whether the dictionary knows the word, and whether as an inflected form (geschickte
        # of schicken) rather than a citation form.
        plain_key = None if lemmas else self.analyzer.folded_key(base)
        if plain_key is not None:  # for unknown words (see _native_code)
            self._by_plain_key.setdefault(plain_key, code)
        # A loanword the dictionary does not know takes endings (Services, Serviceu), but a
        # word of the language's own of the same stem is its translation: Portuguese
        # „serviço" is not the "Service" a glossary keeps in English.
        entry = key_entry(bool(lemmas), code, base, bool(lemmas) and lemmas[0] != base, loan and not lemmas)
        recorded = self._by_key.get(key)
        if recorded is None:
            self._by_key[key] = entry
        elif entry not in recorded.split(KEY_ENTRY_SEPARATOR):
            self._by_key[key] = recorded + KEY_ENTRY_SEPARATOR + entry
        return code

    def _readings(self, word: str, base: str) -> frozenset[str]:
        """Every lemma the dictionary may give a term word, and the word as written (Przychody:
        przychody, przychód; gestielt, which it gives as stielen), accents aside; none where it
        does not know the word. Read only where two term words share a key."""
        found = self._word_readings.get(word)
        if found is None:
            every = self.analyzer.lemmas(word, any_case=True, every=True)
            found = self._word_readings[word] = frozenset(
                {without_accents(lemma.casefold()) for lemma in every} | {without_accents(base.casefold())}) \
                if every else frozenset()
        return found

    def _one_word(self, code: str, readings: frozenset[str]) -> bool:
        """Whether a term word of these readings is a word the code has (one whose readings
        share a lemma with them, or, where the dictionary knows none of its words, any)."""
        others = frozenset().union(*(self._readings(word, base) for word, base in self._code_words.get(code, ())))
        return not others or any(one_lemma(reading, other) for reading in readings for other in others)

    def _native_code(self, word: str) -> str:
        """The code of a text's word: that of a term's word of the same form; else of the
        same lemma; else of the same key, unless the dictionary knows both words (then their
        lemmas differ: Customer is not custom, einstellen not Einstellungen); else of a
        compound with the term as its first or last part."""
        analyzer = self.analyzer
        folded = analyzer.base(word)
        folded = self._articles.get(folded, folded)  # any form of an article (du, des: de)
        code = self._by_form.get(folded)
        if code is not None:
            return code
        if self._loan_forms and folded.endswith("s"):
            # A word the glossary keeps as English writes it takes English's plural there
            # („Pods", „Nodes", „Services" for the kept Pod, Node, Service), which the stemmer
            # leaves on a short stem and the dictionary may know as a word of its own.
            code = self._loan_forms.get(folded[:-1]) or (self._loan_forms.get(folded[:-2])
                                                         if folded.endswith("es") else None)
            if code is not None:
                return code
        lemmas = analyzer.lemmas(word, any_case=True, every=True)
        key = analyzer.match_keys([folded])[0]
        for lemma in lemmas:
            # The term's word of that lemma with the same key first (uzgodnione: uzgodniony,
            # not uzgodnij). Forms of one lemma that share less than half of the term's word,
            # or under three letters (two of a word of four: hohe, hoch), are another word's
            # forms to the reader (French "a" of the term "avoir", the credit note; Polish
            # "mojej" of "Ma").
            for code, term_base, term_key in sorted(self._by_lemma.get(lemma, ()), key=lambda t: t[2] != key):
                shared = _shared_start(folded, term_base)
                if shared * 2 >= len(term_base) and shared >= max(2, min(3, len(term_base) - 2)):
                    return code
                if shared and analyzer.alternates_vowels and len(term_base) >= 3 and len(folded) >= 3 \
                        and folded not in function_words(analyzer.lang):
                    return code  # den: dnech, pes: psa (see language.inflection)
                plain = analyzer.without_superlative(folded)
                if plain is not None and _shared_start(plain, term_base) >= 2:
                    return code  # nejvyšších: vysoký
                # A German or Dutch participle lines up with its verb without its ge-
                # (bereitgestellt: bereitstellen, geöffnet: Öffnen); four letters are enough
                # where a strong verb changes its vowel (abgebrochen: abbrechen).
                if self._participles and any(_shared_start(aligned, term_base) >= min(4, len(term_base))
                                             for aligned in without_infix(folded, analyzer.lang)):
                    return code
        # Of the term words of the key that may be this word, the first; where the dictionary
        # tells words of the key apart, the one sharing most of its start (bildgebender:
        # bildgebende, not Bildgebung).
        split = key in self._key_codes
        best, shared = None, -1
        for known, code, term_base, term_inflected, loan in key_entries(self._by_key.get(key)):
            if loan and lemmas:
                continue
            if not (known and lemmas) or _declined(folded, folded not in lemmas, term_base, term_inflected):
                if not split:
                    return code
                start = _shared_start(folded, term_base)
                if start > shared:
                    best, shared = code, start
        if best is not None:
            return best
        if self._participles:
            # A verb term's present participle or gerundive (zusammenzuführende: zusammenführen;
            # bearbeitende, which the dictionary gives as bearbeitend), unless the dictionary
            # knows the word as another's (Dividende).
            for verb in present_participle_verbs(folded, analyzer.lang):
                code = self._by_form.get(verb)
                if code is not None and (not lemmas or any(lemma.casefold() in (verb, verb + "d") for lemma in lemmas)):
                    return code
            # A verb term's past participle that the dictionary does not know, or knows as an
            # adjective of its own (gespeicherte: gespeicherte; gebuchte), not as another word.
            for verb in past_participle_verbs(folded, analyzer.lang):
                code = self._by_form.get(verb)
                if code is not None and all(without_infix(lemma.casefold(), analyzer.lang) for lemma in lemmas):
                    return code
        if self._variant_forms:  # a word of a term's variant (Banksicherheiten): before compound parts
            code = self._variant_forms.get(folded) or self._variant_keys.get(key)
            if code is not None:
                return code
        if not lemmas and self._by_plain_key:
            # A word the dictionary does not know (a compound) may inflect with an umlaut
            # (…ausschuss, …ausschüsse): the stemmer's key, umlauts folded, between such words.
            code = self._by_plain_key.get(analyzer.folded_key(folded))
            if code is not None:
                return code
        for size in self._head_lengths:
            if len(folded) - size < MIN_COMPOUND_REST:
                continue
            code = self._compound_heads.get(folded[:size])
            if code is not None and analyzer.is_compound_rest(folded[size:]):
                return code
        # A compound's stem need not end with its last part's (gegenbuch, buchung): the part
        # is stemmed on its own, where it starts as a term's word starts.
        openings = self._tail_openings
        for start in range(MIN_COMPOUND_REST, len(folded) - MIN_COMPOUND_REST) if openings else ():
            if folded[start:start + MIN_COMPOUND_REST] in openings:
                tail = self._compound_tails.get(analyzer.match_keys([folded[start:]])[0])
                if tail is not None and analyzer.is_compound_start(folded[:start]) and _head_of(lemmas, tail[1]):
                    return tail[0]
        if not lemmas and analyzer.compounding:
            code = self._compound_inflected(folded)
            if code is not None:
                return code
        return UNKNOWN

    def _compound_inflected(self, folded: str) -> str | None:
        """The code of a one-word compound term a word the dictionary does not know is a form
        of: its first part as written, its last part lemmatized (Unterkonten: unter + Konto, the
        term Unterkonto), where the last part's plural or case the stem does not tell."""
        for cut in range(MIN_COMPOUND_REST, len(folded) - MIN_COMPOUND_REST + 1):
            if not self._begins_a_compound_term(folded[:cut]):
                continue
            for lemma in self.analyzer.lemmas(folded[cut:], any_case=True):
                code = self._by_form.get(folded[:cut] + lemma)
                if code is not None:
                    return code
        return None

    def _begins_a_compound_term(self, opening: str) -> bool:
        """Whether a one-word term begins with `opening` and goes on for a compound's last part."""
        forms = self._compound_term_forms
        shortest = len(opening) + MIN_COMPOUND_REST
        for index in range(bisect.bisect_left(forms, opening), len(forms)):
            form = forms[index]
            if not form.startswith(opening):
                return False
            if len(form) >= shortest:
                return True
        return False

    # -- matching ----------------------------------------------------------------------------
    def _analyse_chunk(self, chunk: str) -> tuple[str, tuple[tuple[int, int], ...]]:
        """A space-free stretch of text -> its words' codes and spans. Each word has two codes
        in turn, native then foreign, so that one lookup per stretch gives both, and the two
        code strings of a text are one string's even and odd characters.

        Punctuation that cuts the stretch (a comma, a quote, a slash) becomes a BREAK code,
        so that only a term with punctuation in that place spans it; hyphens and other gaps
        allowed inside a term do not.
        """
        if len(self._spans) > _MAX_CACHED_WORDS:
            self._spans.clear()
            self._chunk_codes.clear()
        if chunk == _BETWEEN_TEXTS:
            result = SEPARATOR * 2, ((0, 0),)
            self._chunk_codes[chunk], self._spans[chunk] = result
            return result
        pieces = split_words(chunk)
        codes, spans = [], []
        native_word, foreign_word = self._native_words, self._foreign_words
        position = len(pieces[0])
        if pieces[0] and not (len(pieces) > 1 and pieces[0] in _MNEMONIC_MARKERS) and not GAP_RE.fullmatch(pieces[0]):
            codes.append(BREAK * 2), spans.append((0, 0))
        for index in range(1, len(pieces), 2):
            word, gap = pieces[index], pieces[index + 1]
            codes.append(native_word[word] + foreign_word[word])
            spans.append((position, position + len(word)))
            position += len(word)
            if gap and not GAP_RE.fullmatch(gap):
                codes.append(BREAK * 2), spans.append((position, position))
            position += len(gap)
        result = "".join(codes), tuple(spans)
        self._chunk_codes[chunk], self._spans[chunk] = result
        return result

    def find(self, text: str, tagged: bool = True) -> list[tuple[int, int, Entry]]:
        """Non-overlapping term occurrences as (start, end, entry); the longest one wins."""
        nfc, offsets = nfc_with_offsets(text)
        chosen = _longest_first(self._candidates(self._mask(nfc), every=False, tagged=tagged))
        if offsets is not None:
            chosen = [(offsets[s], offsets[e], entry) for s, e, entry in chosen]
        return chosen

    def find_all(self, texts: list[str]) -> list[list[tuple[int, int, Entry]]]:
        """`find` for each of many texts, in one pass: the texts are joined, with a separator no
        term spans, and searched at once, so the cost per text is a few dictionary lookups."""
        searched = self._search_joined(texts)
        if searched is None:
            return list(map(self.find, texts))
        starts, chosen = searched
        found: list[list[tuple[int, int, Entry]]] = [[] for _ in texts]
        text_index = 0
        for start, end, entry in chosen:
            if start >= starts[text_index + 1]:
                text_index = bisect.bisect_right(starts, start, text_index) - 1
            base = starts[text_index]
            found[text_index].append((start - base, end - base, entry))
        return found

    def _search_joined(self, texts: list[str]) -> tuple[list[int], list[tuple[int, int, Entry]]] | None:
        """Where each text starts in the texts joined, and the terms found there; None where
        the texts are not all NFC (rare: each is then searched with its own offsets)."""
        joined = _TEXT_SEPARATOR.join(texts)
        if not unicodedata.is_normalized("NFC", joined):
            return None
        starts = list(accumulate(map(len, texts), _add_separator, initial=0))
        triggers = masking_triggers(joined)
        if triggers:
            texts = list(texts)
            for index in {bisect.bisect_right(starts, at) - 1 for at in triggers}:
                texts[index] = self._mask(texts[index])  # same length: `starts` still hold
            joined = _TEXT_SEPARATOR.join(texts)
        return starts, _longest_first(self._candidates(joined, every=False))

    def concepts(self, text: str, variants: bool = True) -> set[str]:
        """Ids of every concept any term of the text stands for: also where terms overlap or
        nest, every concept that shares a term (synonyms across concepts), every part of a
        compound, and in every part of speech (what the other side of a segment may render,
        whatever a tagger says). `variants`: also its spelling variants (see _add_variants)."""
        nfc, _ = nfc_with_offsets(text)
        candidates = self._candidates(self._mask(nfc), every=True, tagged=False)
        if not variants:
            candidates = [candidate for candidate in candidates if not candidate[2].variant]
        elif self._gapped:
            candidates = candidates + self.gapped(text)
        found = {entry.concept.id for _, _, entry in candidates if not entry.foreign}
        if self.analyzer.compounding:  # and the terms that are parts of its compounds (Konto in Kontostand)
            for start, end in {(start, end) for start, end, entry in candidates if entry.compound}:
                found.update(e.concept.id for _, _, _, entries in self._parts_in(nfc, start, end) for e in entries)
        return found

    def readings(self, text: str) -> list[tuple[Concept, Term, bool]]:
        """Every (concept, term, compound) whose term the whole of `text` can be, closest
        form first: the other readings of a matched span ("cotizaciones": the quotes, and the
        plural of "cotización", a price)."""
        nfc, _ = nfc_with_offsets(text)
        masked = self._mask(nfc)
        return [(entry.concept, entry.term, entry.compound)
                for start, end, entry in self._candidates(masked, every=True, tagged=False)
                if start == 0 and end == len(masked) and not entry.foreign]

    def nested(self, segment: Segment, matches: list[Match]) -> list[Match]:
        """The terms of other concepts inside the segment's matches ("account" in "account
        hierarchy", "branch" in "tracking branch"): longest first, each span once."""
        if not matches:
            return []
        nfc, offsets = nfc_with_offsets(segment.text)
        spans = sorted((m.start, m.end, m.concept.id) for m in matches)
        found: dict[tuple[int, int], Match] = {}
        for start, end, entry in sorted(self._candidates(self._mask(nfc), every=True), key=lambda c: (c[0] - c[1], c[0])):
            if entry.foreign:
                continue
            if offsets is not None:
                start, end = offsets[start], offsets[end]
            at = bisect.bisect_right(spans, (start, float("inf"), "")) - 1
            if at < 0:
                continue
            outer_start, outer_end, outer_concept = spans[at]
            if not (outer_start <= start and end <= outer_end) or (start, end) == (outer_start, outer_end):
                continue
            if entry.concept.id == outer_concept or (start, end) in found:
                continue
            if unicodedata.east_asian_width(segment.text[start]) == "W":
                continue  # characters that are words: a shorter term inside a longer one is part of its word (交易 in 子交易)
            found[(start, end)] = Match(segment, start, end, entry.concept, entry.term, False, entry.compound, (),
                                        entry.variant)
        if self.analyzer.compounding:
            for match in matches:
                for start, end, part, entries in self._parts_in(segment.text, match.start, match.end):
                    # a part that is the match's own term (Buchung in Abschlussbuchungen) is no other
                    if (start, end) not in found and all(e.concept.id != match.concept.id for e in entries):
                        entry = entries[0]
                        found[(start, end)] = Match(segment, start, end, entry.concept, entry.term, False, part, ())
        return sorted(found.values(), key=lambda m: (m.start, m.end))

    def _parts_in(self, text: str, start: int, end: int) -> list[tuple[int, int, str, list[Entry]]]:
        """The one-word terms that are parts of the compounds in text[start:end], with their
        spans: Konto in Kontostand and in Unterkonten, Buchung in Abschlussbuchungen."""
        found = []
        for word, word_start, _ in tokens(text[start:end]):
            for part_start, part_end, part, entries in self._compound_parts(word):
                found.append((start + word_start + part_start, start + word_start + part_end, part, entries))
        return found

    def _compound_parts(self, word: str) -> list[tuple[int, int, str, list[Entry]]]:
        """(start, end, part, entries) of each part of a two-part compound that is a one-word
        term: the word cut where both sides are words of the dictionary or of the glossary (a
        linking element may end the first: Buchung|s|datum), at the first such cut from the
        left. Each distinct word is cut once (see _cut_parts)."""
        parts = self._parts.get(word)
        if parts is None:
            if len(self._parts) > _MAX_CACHED_WORDS:
                self._parts.clear()
            parts = self._parts[word] = self._cut_parts(word)
        return parts

    def _cut_parts(self, word: str) -> list[tuple[int, int, str, list[Entry]]]:
        analyzer = self.analyzer
        folded = analyzer.base(word)
        if len(folded) != len(word) or not folded.isalpha():
            return []  # a mnemonic or apostrophe inside: the parts' places are not the letters'
        for cut in range(MIN_FIRST_PART, len(folded) - MIN_COMPOUND_REST + 1):
            rest = folded[cut:]
            rest_entries = self._word_entries(rest)
            if rest_entries is None:
                continue
            # Of the readings of the first part, a word of the dictionary before a stem, then the
            # longest linking element: Buchung|s (not "Buchungs"), Konten (not "Kont" + en).
            readings = []
            for linker in analyzer.linkers:
                first = folded[:cut - len(linker)] if linker else folded[:cut]
                if (linker and not folded[:cut].endswith(linker)) or len(first) < MIN_FIRST_PART:
                    continue
                first_entries = self._word_entries(first)
                if first_entries is not None:
                    readings.append((not analyzer.lemmas(first, any_case=True), -len(linker), first, first_entries))
            if readings:
                _, _, first, first_entries = min(readings, key=lambda r: r[:2])
                return [(a, b, part, entries) for a, b, part, entries in ((0, len(first), "first", first_entries),
                                                                          (cut, len(folded), "last", rest_entries))
                        if entries]
        return []

    def _word_entries(self, folded: str) -> list[Entry] | None:
        """The one-word terms `folded` is a form of ([] for a word of the dictionary that is
        none), None for no word at all."""
        code = self._native_words[folded]
        entries = [e for e in self.native.entries_of(code) if not e.compound] if code != UNKNOWN else []
        if entries or self.analyzer.lemmas(folded, any_case=True):
            return entries
        return None

    def _candidates(self, masked: str, every: bool, tagged: bool = True) -> list[tuple[int, int, Entry]]:
        """(start, end, entry) of every term occurrence; `every`: each entry a span can stand
        for, else the closest; `tagged`: only those the word's part of speech fits."""
        # Text is cut at spaces (in C) and each distinct stretch between spaces is analysed
        # once: the cost per stretch is then one dictionary lookup, whatever its words.
        chunks = masked.split(" ")
        per_chunk = list(map(self._chunk_codes.__getitem__, chunks))
        both = "".join(per_chunk)
        located: _Located | None = None
        found: list[tuple[int, int, Entry]] = []
        for table, codes in ((self.native, both[0::2]), (self.foreign, both[1::2])):
            if table.automaton is None:
                continue
            hits = table.automaton.find_overlapping(codes)
            if table.visible is not None:  # drop, in C, the hits of patterns with no entries here
                hits = list(compress(hits, map(table.visible.__getitem__, map(_PATTERN, hits))))
            if not hits:
                continue
            if located is None:
                located = _Located(self, masked, chunks, per_chunk)
            starts, ends = located.extents(hits)
            entries = list(map(table.alone.__getitem__, map(_PATTERN, hits)))
            if UNDECODED in entries:  # patterns hit for the first time in a table read from the cache
                table.decode_alone(map(_PATTERN, hits))
                entries = list(map(table.alone.__getitem__, map(_PATTERN, hits)))
            if None not in entries:  # each hit is one entry with no option to check: the common case
                found.extend(_with_symbols(masked, zip(starts, ends, entries), self._known_whole))
                continue
            for (first, stop, index), start, end, entry in zip(hits, starts, ends, entries):
                if entry is not None:
                    found.extend(_with_symbols(masked, [(start, end, entry)], self._known_whole))
                    continue
                # The entries whose symbols the text writes, with the place that takes them in.
                ranked = [(place, entry) for entry in self._qualifying(table.entries(index), located.words(first, stop))
                          if (place := _written_place(masked, start, end, entry, self._known_whole)) is not None]
                if every:
                    found.extend((*place, entry) for place, entry in ranked)
                elif ranked:
                    place = ranked[0][0]
                    found.append((*place, _chosen([entry for at, entry in ranked if at == place])))
        if tagged and self._tagger is not None and found:
            found = self._by_part_of_speech(masked, found)
        return found

    def _by_part_of_speech(self, masked: str, found: list[tuple[int, int, Entry]]) -> list[tuple[int, int, Entry]]:
        """Of the concepts one word stands for, those whose term's part of speech the word has
        there: "balances" in "the balances are wrong" is the noun's term, not the verb's;
        "commit" in "the initial commit" the noun's. Where it fits none of them, every one
        stays: the tagger's word against the glossary's, where the glossary leaves one
        ("this reconcile window" is still the verb's concept, the only one the word has)."""
        spans: dict[tuple[int, int], list[int]] = {}
        for index, (start, end, entry) in enumerate(found):
            if not entry.foreign and len(entry.words) == 1:
                spans.setdefault((start, end), []).append(index)
        asking = [(span, indexes) for span, indexes in spans.items()
                  if len(readings := [r for i in indexes for r in _readings(found[i][2])]) > 1
                  and any(term.part_of_speech in TERM_CLASSES for _, term in readings)]
        if not asking:
            return found
        # Each text (a search joins many) is tagged once, with its candidates' words read by
        # their context (see Tagger.classes).
        texts: dict[int, tuple[int, list[tuple[tuple[int, int], list[int]]]]] = {}
        for (start, end), indexes in asking:
            first = masked.rfind(_BETWEEN_TEXTS, 0, start) + 1
            stop = masked.find(_BETWEEN_TEXTS, end)
            texts.setdefault(first, (stop if stop >= 0 else len(masked), []))[1].append(((start, end), indexes))
        dropped, replaced = set(), {}
        for first, (stop, groups) in texts.items():
            open_words = frozenset(masked[start:end].casefold() for (start, end), _ in groups)
            words = self._tagger.classes(masked[first:stop], open_words)
            starts = [word_start for word_start, _, _ in words]
            for (start, end), indexes in groups:
                classes = _classes_at(words, starts, start - first, end - first)
                fitting = {i: [(concept, term) for concept, term in _readings(found[i][2])
                               if term.part_of_speech not in TERM_CLASSES
                               or fits(TERM_CLASSES[term.part_of_speech], term.text, classes)] for i in indexes}
                if not any(fitting.values()):
                    continue
                for index, readings in fitting.items():
                    entry = found[index][2]
                    if not readings:
                        dropped.add(index)
                    elif len(readings) < len(_readings(entry)):
                        (concept, term), *others = readings
                        replaced[index] = (start, end, Shared(concept, term, *entry[2:9], tuple(others)))
        return [replaced.get(index, candidate) for index, candidate in enumerate(found) if index not in dropped]

    def matches(self, segment: Segment, tagged: bool = True) -> list[Match]:
        """Every glossary term in the segment's text, in text order (`tagged`: see _candidates)."""
        return [
            Match(segment, start, end, entry.concept, entry.term, entry.foreign, entry.compound, entry.alternatives,
                  entry.variant)
            for start, end, entry in self.find(segment.text, tagged)
        ]

    def matches_all(self, segments: list[Segment]) -> list[list[Match]]:
        """`matches` of each segment, found in one pass (see find_all)."""
        searched = self._search_joined([segment.text for segment in segments])
        if searched is None:
            return list(map(self.matches, segments))
        starts, chosen = searched
        found: list[list[Match]] = [[] for _ in segments]
        text_index = 0
        segment = segments[0] if segments else None
        for start, end, entry in chosen:
            if start >= starts[text_index + 1]:
                text_index = bisect.bisect_right(starts, start, text_index) - 1
                segment = segments[text_index]
            base = starts[text_index]
            found[text_index].append(_new_match((segment, start - base, end - base, entry.concept, entry.term,
                                                 entry.foreign, entry.compound, entry.alternatives, entry.variant)))
        return found

    def _qualifying(self, entries: tuple[Entry, ...], surface: list[str]) -> list[Entry]:
        """The entries a surface form can stand for, options honoured, the closest form first."""
        fold = neutral_fold if entries[0].foreign else self.analyzer.base
        forms = tuple(fold(w) for w in surface)
        lemmas: list[tuple[str, ...]] = []  # of the surface's words, read once where entries tie
        ranked = []
        for entry in entries:
            same_form = forms == entry.folded
            if entry.term.exact and not same_form:
                continue
            if entry.term.case_sensitive:
                if not _same_case(surface, entry.words):
                    continue
            elif not entry.term.case_insensitive and not _capitals_kept(surface, entry.words):
                continue
            if not same_form and not entry.foreign and self._renumbered(entry.words, surface):
                continue  # „movilización de masa" is not „movilización de masas"
            # The closest form first; between terms the text's words fit equally well, the
            # one written as found, then an accepted one: a preferred term that collides with
            # a deprecated one after folding ("compte utilisateur", "compte d'utilisateur") is
            # not reported as deprecated because of the glossary's row order.
            # Between forms of one lemma, the term that shares more of the text's word: Spanish
            # "conciliados" is the state "conciliado" more than the verb "conciliar".
            shared = 0 if same_form else sum(map(_shared_start, forms, entry.folded))
            # Between terms the text's words share as much with, the one whose words are their
            # lemmas: "checks" is the term "check", not "Checking" (an account type).
            if not (same_form or len(entries) == 1 or lemmas):
                lemmas = [self._folded_lemmas(word) for word in surface]
            lemma_of = same_form or len(entries) == 1 or all(
                term_word == form or term_word in word_lemmas
                for term_word, form, word_lemmas in zip(entry.folded, forms, lemmas))
            ranked.append(((not same_form, bool(entry.compound), -shared, not lemma_of, tuple(surface) != entry.words,
                            not entry.term.status.accepted, entry.order), entry))
        ranked.sort(key=lambda item: item[0])
        return [entry for _, entry in ranked]

    def _renumbered(self, term_words: tuple[str, ...], surface: list[str]) -> bool:
        """complement_renumbered, each phrase's complement read once (a text repeats them)."""
        return complement_changed(self._complements[term_words], self._complements[tuple(surface)])

    def _folded_lemmas(self, word: str) -> tuple[str, ...]:
        """The dictionary's lemmas of a text's word, folded as term words are."""
        return tuple(self.analyzer.base(lemma) for lemma in self.analyzer.lemmas(word, any_case=True, every=True))


def _kept_as_in_another_language(item: _Prepared) -> bool:
    """Whether the glossary writes the term as the concept's term in another language is
    written: a word kept untranslated ("Service" in a Portuguese software glossary)."""
    text = item.term.text.casefold()
    return any(t.lang != item.term.lang and t.text.casefold() == text for t in item.concept.terms)


def _readings(entry: Entry) -> tuple[tuple[Concept, Term], ...]:
    return ((entry.concept, entry.term), *entry.alternatives)


def _classes_at(words: list[tuple[int, int, frozenset[str]]], starts: list[int], start: int,
                end: int) -> frozenset[str]:
    """The word classes of the last tagged word within [start, end), none where there is none."""
    index = bisect.bisect_left(starts, end) - 1
    if index < 0 or words[index][1] <= start:
        return frozenset()
    return words[index][2]


def _chosen(ranked: list[Entry]) -> Entry:
    """The first of the ranked entries, with the other concepts whose entries fit the text as
    well (same form, same compound reading) as its alternatives: which one is meant, only the
    source text or a reader can tell."""
    best = ranked[0]
    alternatives = {}
    for entry in ranked[1:]:
        if (entry.folded == best.folded and entry.compound == best.compound and entry.foreign == best.foreign
                and entry.concept.id != best.concept.id and entry.concept.id not in alternatives):
            alternatives[entry.concept.id] = (entry.concept, entry.term)
    if not alternatives:
        return best
    return Shared(*best[:9], tuple(alternatives.values()))


def _declined(word: str, word_inflected: bool, other: str, other_inflected: bool) -> bool:
    """Whether two words the dictionary gives different lemmas are one inflected form with
    one more ending (geschickte, geschickten: the dictionary has the first as a form of
    schicken): the shorter is an inflected form itself, the longer has up to two letters more.
    A citation form with more letters is another word (demande, demander; custom, customer)."""
    if len(word) > len(other):
        word, word_inflected, other = other, other_inflected, word
    return word_inflected and other.startswith(word) and len(other) - len(word) <= 2


def _shared_start(word: str, other: str) -> int:
    """How many letters two words share at their start, umlauts and accents aside."""
    shared = 0
    for a, b in zip(without_accents(word), without_accents(other)):
        if a != b:
            break
        shared += 1
    return shared


def _head_of(lemmas: tuple[str, ...], term_lemmas: tuple[str, ...]) -> bool:
    """Whether a compound the dictionary knows ends with the term's lemma (Gegenbuchungen:
    Gegenbuchung ends with Buchung); one it does not know is taken at its word."""
    return not (lemmas and term_lemmas) or any(lemma.endswith(term_lemmas[0]) for lemma in lemmas)


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


def _capitals_kept(surface: list[str], words: tuple[str, ...]) -> bool:
    """Whether the words of a term written in capitals keep their case in the text; a text
    word all in capitals (a heading) keeps any."""
    indexes = capital_words(words)
    if not indexes:
        return True
    if len(surface) != len(words):
        return False
    return all(surface[i].isupper() or _same_case([surface[i]], (words[i],)) for i in indexes)


def _add_separator(start: int, length: int) -> int:
    return start + length + len(_TEXT_SEPARATOR)


def _as_the_text_writes(entry: Entry) -> str:
    """The term as a place of this entry writes it: "Profit & Loss" spelled out has no "&"."""
    return " ".join(entry.words) if entry.variant == "spelled out" else entry.term.text


def _written_place(text: str, start: int, end: int, entry: Entry, known_whole) -> tuple[int, int] | None:
    """Where the entry's term stands, its words found at start:end: with the term's symbols
    taken in ("C++", not the "C" of it; "TCP/IP" not in "TCP, IP"); None where the text writes
    other symbols, or the place is part of a hyphenated word `known_whole` (the dictionary) has
    ("mail" of "e-mail"; see language.symbols)."""
    place = as_written(text, start, end, _as_the_text_writes(entry))
    if place is None or known_whole is not None and in_a_hyphenated_word(text, *place, known_whole):
        return None
    return place


def _with_symbols(text: str, found: Iterable[tuple[int, int, Entry]], known_whole) -> list[tuple[int, int, Entry]]:
    """The found places as the text writes their terms (see _written_place)."""
    kept = []
    for start, end, entry in found:
        place = _written_place(text, start, end, entry, known_whole)
        if place is not None:
            kept.append((*place, entry))
    return kept


def _longest_first(candidates: list[tuple[int, int, Entry]]) -> list[tuple[int, int, Entry]]:
    if len(candidates) < 2:
        return candidates
    candidates.sort(key=_START)
    # Nothing overlaps (the common case) when each candidate ends before the next starts;
    # compared in C, as a block can hold thousands.
    if all(map(operator.le, map(_END, candidates), map(_START, islice(candidates, 1, None)))):
        return candidates
    # Only candidates that overlap, directly or through others, compete: each such cluster is
    # settled on its own, and the rest are kept as they are.
    chosen: list[tuple[int, int, Entry]] = []
    cluster = [candidates[0]]
    reach = candidates[0][1]
    for cand in islice(candidates, 1, None):
        if cand[0] < reach:
            cluster.append(cand)
            reach = max(reach, cand[1])
            continue
        if len(cluster) == 1:
            chosen.append(cluster[0])
        else:
            chosen.extend(_settled(cluster))
        cluster = [cand]
        reach = cand[1]
    chosen.extend(cluster if len(cluster) == 1 else _settled(cluster))
    return chosen


def _settled(cluster: list[tuple[int, int, Entry]]) -> list[tuple[int, int, Entry]]:
    """Overlapping candidates -> those that stand, in text order: the longest first, then the
    earliest, a term of the text's language before a foreign one, then glossary order."""
    cluster.sort(key=lambda c: (c[0] - c[1], c[0], c[2].foreign, c[2].order))
    starts: list[int] = []  # taken spans, kept sorted and disjoint
    taken: list[tuple[int, int, Entry]] = []
    for cand in cluster:
        at = bisect.bisect_right(starts, cand[0])
        if at and taken[at - 1][1] > cand[0]:
            continue  # overlaps the taken span that starts before it
        if at < len(taken) and taken[at][0] < cand[1]:
            continue  # overlaps the taken span that starts after it
        starts.insert(at, cand[0])
        taken.insert(at, cand)
    return taken


class Matcher:
    """A glossary compiled on demand for each language of text it is asked about."""

    def __init__(self, glossary: Glossary, parts_of_speech: bool = True, variants: bool = True):
        """`parts_of_speech`, `variants`: see LanguageMatcher."""
        self.glossary = glossary
        self.parts_of_speech = parts_of_speech
        self.variants = variants
        self._by_lang: dict[str, LanguageMatcher] = {}
        self._prepared: list[_Prepared] | None = None
        self._foreign: Codes | None = None
        self._pairs: Readings | None = None
        self._views: dict[tuple[str, frozenset[str]], LanguageMatcher] = {}
        self._lock = threading.Lock()

    def for_language(self, lang: str, foreign_langs: frozenset[str] | None = None) -> LanguageMatcher:
        """The matcher of texts in `lang`, with the terms of `foreign_langs` as foreign
        renderings (None: of every language; see mtcheck.leaks for a run's choice)."""
        lang = canonical_lang(lang)
        with self._lock:
            matcher = self._by_lang.get(lang)
            if matcher is None:
                with long_lived():
                    matcher = self._by_lang[lang] = self._compiled(lang)
            if foreign_langs is None:
                return matcher
            view = self._views.get((lang, foreign_langs))
            if view is None:
                view = self._views[(lang, foreign_langs)] = matcher.seeing(foreign_langs)
            return view

    def kept(self, lang: str) -> bool:
        """Whether the language's matcher is compiled already: here, or in the cache folder."""
        from mtcheck.compiled import kept

        lang = canonical_lang(lang)
        return lang in self._by_lang or kept(self.glossary, self._what(lang))

    def _what(self, lang: str) -> str:
        return f"{lang}\0{self.parts_of_speech}\0{self.variants}"

    def _compiled(self, lang: str) -> LanguageMatcher:
        """The language's matcher as the cache folder keeps it (see mtcheck.compiled), else
        compiled and kept there."""
        from mtcheck.compiled import cached

        return cached(self.glossary, self._what(lang),
                      lambda state: LanguageMatcher.from_state(state, self._readings(), self._foreign_table(),
                                                               self.parts_of_speech),
                      lambda: LanguageMatcher(self._prepare(), lang, self._foreign_table(), self.parts_of_speech,
                                              self.variants))

    def _prepare(self) -> list[_Prepared]:
        if self._prepared is None:
            self._prepared = prepare(self.glossary)
        return self._prepared

    def _readings(self) -> Readings:
        if self._pairs is None:
            self._pairs = Readings(self.glossary)
        return self._pairs

    def _foreign_table(self) -> Codes:
        """Every term by its casefolded words (see foreign_table), shared by the languages."""
        if self._foreign is None:
            from mtcheck.compiled import cached

            self._foreign = cached(self.glossary, "foreign", lambda state: Codes.from_state(state, self._readings()),
                                   lambda: foreign_table(self._prepare()))
        return self._foreign

    def matches(self, segment: Segment, lang: str | None = None) -> list[Match]:
        """Every glossary term in the segment's text, in text order."""
        lang = lang or segment.lang
        if not lang:
            raise ValueError("a segment needs a language to be matched")
        return self.for_language(lang).matches(segment)
