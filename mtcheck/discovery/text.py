"""What discovery reads off a segment: its words with their matching keys, which of them are
function words, quoted stretches, and the content words around a span."""
from __future__ import annotations

import bisect
import functools
import re
from typing import NamedTuple

from mtcheck.language import Analyzer, family, function_words, mask_protected, words_of
from mtcheck.language.dictionary import dictionary_lemma, lemmatize, simplemma_languages
from mtcheck.language.nouns import german_noun_form
from mtcheck.language.segmenter import cut_ideographs
from mtcheck.matching import WordCache
from mtcheck.model import Concept

# A quoted stretch: each opening mark with the closing marks the languages that use it pair it
# with („…“ German, «…» Norwegian and French, »…« Danish, “…” English, "…", ‹…›, 「…」). The
# inside holds no opening mark of its kind, so of two nested quotes the inner one is taken.
_QUOTES = (("„", "“”"), ("“", "”"), ("«", "»"), ("»", "«"), ("‹", "›"), ("‚", "‘’"), ("「", "」"), ("『", "』"))
# A straight double quote opens and closes alike, so a stray one would pair with the next
# name's opening mark: it opens only after a space or a bracket, before a non-space, and
# closes only after a non-space, before no letter.
_STRAIGHT = r'(?<![^\s(\[{/–—-])"(?=\S)([^"\n]{1,160}?)(?<=\S)"(?![^\W\d_])'
QUOTE_RE = re.compile("|".join(
    [f"{re.escape(opening)}([^{re.escape(opening + closing)}\\n]{{1,160}})[{re.escape(closing)}]"
     for opening, closing in _QUOTES] + [_STRAIGHT]))
QUOTE_MARKS = frozenset("".join(opening + closing for opening, closing in _QUOTES) + '"')
# What ends a clause: a window of context never reaches across it.
_CLAUSE_END_RE = re.compile(r"[.!?;:…]\s|[.!?;:…]$|\n")
# What may stand between the words of one name: spaces and hyphens, nothing else.
_INSIDE_NAME_RE = re.compile(r"[\s\u00a0\u202f\-\u2010\u2011]*")
_INSIDE_SLASHED_RE = re.compile(_INSIDE_NAME_RE.pattern + r"|\s*/\s*")  # or a slash

# Orthographies that capitalise every noun: there a capital says nothing of a name.
CAPITALISED_NOUNS = frozenset({"de", "lb"})
MAX_NAME_WORDS = 6  # a quoted stretch longer than this is a title or a slogan, not a rendering
# Languages whose characters the matcher takes one by one and discovery reads as the words a
# dictionary cuts them into: a rendering is a word (科目), not a run of characters.
IDEOGRAPHIC = frozenset({"zh", "ja"})
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Han ideographs: a character a word of its own
HAN_RE = re.compile(f"[{_HAN}]")
_IDEOGRAPH_RE = re.compile(f"[\u3040-\u30ff{_HAN}]")  # and Japanese kana
_HANGUL_RE = re.compile("[\uac00-\ud7af]+")


class Word(NamedTuple):
    text: str
    start: int
    end: int
    key: str        # the matcher's key: folded, lemmatized or stemmed per language
    content: bool   # neither a function word nor a number


class Analysed(NamedTuple):
    """A segment's text as discovery sees it."""

    text: str
    words: list[Word]
    quotes: list[tuple[int, int]]   # word index ranges [first, stop) of quoted stretches

    def joined(self, first: int, stop: int) -> bool:
        """Whether words[first:stop] stand together as one name: only spaces or hyphens
        between them."""
        return self._between_all(first, stop, _INSIDE_NAME_RE)

    def slashed(self, first: int, stop: int) -> bool:
        """Whether words[first:stop] stand together as one name or as a pair of them a slash
        joins ("Riesgo/Beneficio"), as a term may be written ("liabilities/equity")."""
        return self._between_all(first, stop, _INSIDE_SLASHED_RE)

    def _between_all(self, first: int, stop: int, between: re.Pattern) -> bool:
        return all(between.fullmatch(self.text, self.words[i].end, self.words[i + 1].start)
                   for i in range(first, stop - 1))

    def window(self, first: int, stop: int, before: int = 4, after: int = 3) -> list[str]:
        """Keys of the content words near words[first:stop], within its clause."""
        keys = []
        for index in range(first - 1, max(-1, first - 1 - before), -1):
            if _CLAUSE_END_RE.search(self.text, self.words[index].end, self.words[index + 1].start):
                break
            if self.words[index].content:
                keys.append(self.words[index].key)
        for index in range(stop, min(len(self.words), stop + after)):
            if _CLAUSE_END_RE.search(self.text, self.words[index - 1].end, self.words[index].start):
                break
            if self.words[index].content:
                keys.append(self.words[index].key)
        return keys


class TextAnalyser:
    """Words, keys and quotes of the segments of one language."""

    def __init__(self, analyzer: Analyzer):
        self.analyzer = analyzer
        self.function_words = function_words(analyzer.lang)
        self._keys: WordCache = WordCache(self._analyse_word)   # surface -> (key, content)
        # Whether a string is a headword of a dictionary of the language (Chinese: see words_of);
        # False where none is installed, None until first asked.
        self._headwords: WordCache | bool | None = None

    def word(self, surface: str) -> tuple[str, bool]:
        """(key, content) of a surface word, computed once per distinct word."""
        return self._keys[surface]

    def _analyse_word(self, surface: str) -> tuple[str, bool]:
        folded = self.analyzer.base(surface)
        # One Han character is a word of its own (云, cloud; 源, source), unless a function word
        # (的, 和, 在): the language's list says which.
        content = (any(c.isalpha() for c in folded) and (len(folded) > 1 or bool(HAN_RE.fullmatch(folded)))
                   and folded not in self.function_words)
        key = self.analyzer.keys([folded])[0]
        return key, content

    def analyse(self, text: str, masked: str | None = None) -> Analysed:
        """`masked` is mask_protected(text), when the caller has it."""
        masked = mask_protected(text) if masked is None else masked
        word = self._keys.__getitem__
        words = []
        for surface, start, end in self.words_of(masked):
            key, content = word(surface)
            words.append(Word(surface, start, end, key, content))
        return Analysed(text, words, _quoted(masked, words))

    def _is_headword(self, text: str) -> bool:
        if self._headwords is None:
            from mtcheck.language.bilingual import lexicon

            found = lexicon(self.analyzer.lang, "en")
            self._headwords = WordCache(lambda word: bool(found.translations(word))) if found else False
        return self._headwords is not False and self._headwords[text]

    def words_of(self, text: str) -> list[tuple[str, int, int]]:
        """The words of `text` with their spans: the matcher's, with a run of Chinese or Japanese
        characters cut into a dictionary's words where ICU is installed."""
        found = words_of(text)
        if self.analyzer.lang == "ko" and _HANGUL_RE.search(text):
            return _eojeol(found)
        if self.analyzer.lang not in IDEOGRAPHIC or not _IDEOGRAPH_RE.search(text):
            return found
        grouped: list[tuple[str, int, int]] = []
        index = 0
        while index < len(found):
            stop = index
            while stop < len(found) and _IDEOGRAPH_RE.fullmatch(found[stop][0]) \
                    and (stop == index or found[stop][1] == found[stop - 1][2]):
                stop += 1
            if stop - index < 2:
                grouped.append(found[index])
                index += 1
                continue
            start = found[index][1]
            pieces = cut_ideographs(text[start:found[stop - 1][2]])
            if pieces is not None and self.analyzer.lang == "zh":
                pieces = _characters_joined(pieces, self._is_headword)
            if pieces is None:
                grouped.extend(found[index:stop])
            else:
                for piece in pieces:
                    grouped.append((piece, start, start + len(piece)))
                    start += len(piece)
            index = stop
        return grouped


def _eojeol(found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Korean as it is written: the syllables between two spaces are one word (서버는, a noun
    and its particle), where the matcher takes them one by one."""
    grouped: list[tuple[str, int, int]] = []
    for word, start, end in found:
        if grouped and start == grouped[-1][2] and _HANGUL_RE.fullmatch(word) \
                and _HANGUL_RE.fullmatch(grouped[-1][0][-1]):
            grouped[-1] = (grouped[-1][0] + word, grouped[-1][1], end)
        else:
            grouped.append((word, start, end))
    return grouped


LONGEST_JOINED = 4  # characters of a word put together again from ICU's single characters


def _characters_joined(pieces: list[str], is_word) -> list[str]:
    """ICU's dictionary lacks many Chinese words and cuts them up, leaving single characters (复位,
    'reset', into 复 and 位; 服务器, 'server', into 服务 and 器; 组件 after 控制面 into 面, 组,
    件): pieces with a single character among them that a bilingual dictionary has as one
    headword (CC-CEDICT) are one word again, the longest from the left; nothing without one."""
    joined: list[str] = []
    index = 0
    while index < len(pieces):
        size, length, best = 1, len(pieces[index]), 1
        while index + size < len(pieces) and length + len(pieces[index + size]) <= LONGEST_JOINED:
            length += len(pieces[index + size])
            size += 1
            together = pieces[index:index + size]
            if any(len(piece) == 1 for piece in together) and is_word("".join(together)):
                best = size
        joined.append("".join(pieces[index:index + best]))
        index += best
    return joined


def _quoted(text: str, words: list[Word]) -> list[tuple[int, int]]:
    if not any(mark in text for mark in QUOTE_MARKS):
        return []
    starts = [w.start for w in words]
    spans = []
    for found in QUOTE_RE.finditer(text):
        inner_start, inner_end = found.span(found.lastindex)
        first = bisect.bisect_left(starts, inner_start)
        stop = first
        while stop < len(words) and words[stop].end <= inner_end:
            stop += 1
        if stop > first:
            spans.append((first, stop))
    return spans


def elided(word) -> int:
    """The letters of an elided article or preposition at a word's start, which a rendering
    does not include (French „l'action", „d'application", Italian „dell'azione"): where the
    word's key is the rest's (the language's analyser read the elision off), not where the
    mark ends it („it's")."""
    for mark in "'’":
        at = word.text.find(mark)
        if 0 < at <= 4 and word.text[:at].isalpha() and word.key \
                and word.text[at + 1:].casefold().startswith(word.key[:4]):
            return at + 1
    return 0


# Around a gloss's term: spaces, quotes, emphasis marks („(*taints* in Englisch)").
_AROUND_GLOSS = "[\\s\"'„“”«»‚‘’*_]*"


_NAME_BEFORE = 40  # characters before a term a bracket and a language's name may take


@functools.lru_cache(maxsize=None)
def _language_name_res(lang: str, named: str) -> tuple[re.Pattern, re.Pattern] | None:
    """What follows a gloss's term that names its language in the text's language (a word of
    up to four letters before the name: „in Englisch", „en anglais", „em inglês"), and what
    precedes it so („(Englisch: taints)"); the CLDR's names (Babel). None where Babel has none."""
    try:
        from babel import Locale, UnknownLocaleError
    except ImportError:
        return None
    try:
        name = Locale.parse(lang.replace("-", "_")).languages.get(named.split("-")[0])
    except (UnknownLocaleError, ValueError, TypeError):
        return None
    if not name:
        return None
    name = re.escape(name)
    return (re.compile(f"{_AROUND_GLOSS}(?:[^\\W\\d_]{{1,4}}\\s+)?{name}{_AROUND_GLOSS}[)\\]）]", re.IGNORECASE),
            re.compile(f"[(\\[（]\\s*{name}\\s*[:：]?{_AROUND_GLOSS}$", re.IGNORECASE))


def gloss_language_named(text: str, at: int, lang: str, named: str, before: bool = False) -> int | None:
    """Where a bracket names the language `named` (in the text's language `lang`) beside a
    gloss's term: `at` the term's end, the bracket closing after the name; with `before`, `at`
    the term's start, the name between the opening bracket and the term. The bracket's
    position, or None."""
    res = _language_name_res(lang, named)
    if res is None:
        return None
    if before:
        found = res[1].search(text, max(0, at - _NAME_BEFORE), at)
        return found.start() if found else None
    found = res[0].match(text, at)
    return found.end() - 1 if found else None


# What joins a term's words: spaces or hyphens.
_JOINT_RE = re.compile("[\\s\u00a0\u202f]+|[\\-\u2010\u2011]")
# A space beside a Han or kana character is typography (Latin beside Chinese), not spelling.
_SPACED_APART_RE = re.compile(f"[\u3040-\u30ff{_HAN}]")
# Letters an inflection may change at a word's end.
_ENDING = 3


def common_prefix(a: str, b: str) -> int:
    """How many letters two words share from their start."""
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _joints(text: str, capitalised_nouns: bool = False) -> tuple[str, dict[int, str]]:
    """The text's letters casefolded, without joints, and each joint by the letter it stands
    before: a space or a hyphen (spaces beside Han or kana left out). `capitalised_nouns`: a
    hyphen before a capital is a compound's optional one („Tracking-Branch", German writes
    „Trackingbranch" as well), kept as "optional"."""
    letters, joints = [], {}
    at = count = 0
    for found in _JOINT_RE.finditer(text):
        letters.append(text[at:found.start()])
        count += found.start() - at
        at = found.end()
        joint = found.group()
        before, after = text[found.start() - 1:found.start()], text[found.end():found.end() + 1]
        if not joint.strip() and (_SPACED_APART_RE.match(before) or _SPACED_APART_RE.match(after)):
            continue
        joints[count] = "space" if not joint.strip() else \
            "optional" if capitalised_nouns and after.isupper() else "hyphen"
    letters.append(text[at:])
    return "".join(letters).casefold(), joints


def capital_names(word: str, lang: str) -> bool:
    """In a language that capitalises every noun, whether a capitalised word says name: only a
    word that is no noun (the noun lexicon, where installed) and that the dictionary knows in
    small letters, in another form (an adjective with its ending: „Effektive
    Massenmobilisierung"); a verb as it stands in the dictionary is a verb made a noun („vor
    dem Löschen einer Buchung")."""
    noun = german_noun_form(word) if family(lang) == "de" else None
    lemma = dictionary_lemma(word.lower(), lang)
    return noun is False and bool(lemma) and lemma[:1].islower() and lemma != word.lower()


def respaced(term: str, written: str, lang: str = "") -> str | None:
    """How `written` (a place the matcher read as the term) joins the term's words otherwise:
    „Addons" for „Add-ons" ("written as one word"), 런타임 클래스 for 런타임클래스 ("written
    apart"), „Tracking Branch" for „Tracking-Branch" ("joined otherwise"); None where it joins
    them as the term does, or is not the term's letters (an inflection may change the last
    few)."""
    if written == term:
        return None  # the common case, in a hot path: the term as the glossary writes it
    capitalised = family(lang) in CAPITALISED_NOUNS
    term_letters, term_joints = _joints(term, capitalised)
    letters, joints = _joints(written, capitalised)
    shared = common_prefix(term_letters, letters)
    if shared < len(term_letters) - _ENDING or shared < 2:
        return None

    def kept(mine: dict[int, str], other: dict[int, str]) -> dict[int, str]:
        # A compound's optional hyphen written or left out is one spelling (in a language that
        # capitalises nouns, the hyphen before a capital: „Tracking-Branch", „Trackingbranch").
        return {at: kind for at, kind in mine.items()
                if at < shared and not (kind == "optional" and other.get(at, "optional") == "optional")}
    term_joints, joints = kept(term_joints, joints), kept(joints, term_joints)
    if term_joints == joints:
        return None
    if not joints:
        return "written as one word"
    if not term_joints:
        return "written apart"
    return "joined otherwise"


def named_as_names_are(concept: Concept, lang: str, analyser: TextAnalyser) -> bool:
    """Whether a term of the concept in this language is written as the language writes a
    name of several words: its first word capitalised („Mobilizace kvalifikovaných mas",
    „Geschickte Massenmobilisierung", where the capital of a word that is no noun says it),
    not in capitals throughout."""
    for term in concept.terms_in(lang):
        words = [w for w, _, _ in analyser.words_of(term.text) if analyser.word(w)[1]]
        if len(words) >= 2 and words[0][:1].isupper() and not all(w.isupper() for w in words) \
                and (family(lang) not in CAPITALISED_NOUNS or capital_names(words[0], lang)):
            return True
    return False


def written_as_a_name(text: str, analyser: TextAnalyser) -> bool:
    """Whether a phrase of several words has each of its content words capitalised, not in
    capitals throughout („Smart Civil Affairs"; not "man-in-the-middle")."""
    words = [w for w, _, _ in analyser.words_of(text) if analyser.word(w)[1]]
    return len(words) >= 2 and all(w[:1].isupper() for w in words) and not all(w.isupper() for w in words)


def inflected_as(text: str, term: str, lang: str) -> bool:
    """Whether the text is the term's words, each as the term's language inflects it (their
    lemmas the same; an English possessive aside): „Container Runtimes", „control plane's" of
    "Container Runtime", "control plane"."""
    words, own = _written_words(text), _written_words(term)
    return len(words) == len(own) and all(_lemma_in(a, lang) == _lemma_in(b, lang) for a, b in zip(words, own))


def _written_words(text: str) -> list[str]:
    words = text.replace("-", " ").replace("\u2019", "'").split()
    return [w[:-2] if w.endswith("'s") else w for w in words]


@functools.lru_cache(maxsize=65536)
def _lemma_in(word: str, lang: str) -> str:
    folded = word.casefold()
    return lemmatize(folded, lang).casefold() if lang in simplemma_languages() else folded
