"""Whether a text holds a word that may be a form of a term's word the matcher cannot tell:
a participle (fermé for fermer, ouvert for ouvrir), a derivation (l'importation, rapprochement,
clonage), a case the lemmatizer does not know (zapisu, pliki, rami), a compound (Unterkonten,
Buchungsdatum).

Used only to hold back a missing-term finding, never to report a match: there, a false
"missing" is an alarm a translator must read and dismiss, and a real one that looks like the
term is still in front of the reader. The test: the text's word starts like the term's word,
apart from an ending of up to three letters and a quarter of the word (two letters added to a
word of four letters or fewer, or its last vowel changed: Italian rami for ramo), accents aside
(fermé, fermer), or, in a language that writes compounds as one word, has it as a part.
Sharing only a first part (Buchungssätze, Buchungsteil) is another compound, not a form of it.
"""
from __future__ import annotations

import functools
import unicodedata

from mtcheck.language import analyzer_for, irregular_participles, neutral_fold, tokens, without_accents, without_infix
from mtcheck.language.dictionary import folded_lemma, one_lemma, simplemma_languages

SHORT = 5        # a word of fewer letters resembles only itself with an ending of up to SHORT_ENDING
SHORT_ENDING = 2
ENDING = 3       # letters at the end of a longer word that a form may change, a quarter at most
SHORTEST_STEM = 4
MIN_MADE_FROM = 4  # letters of a one-word term's stem that a word made from it begins with
VOWELS = frozenset("aeiou")  # (accents aside: see _plain)
PART_AFTER = 3   # a compound's later part starts after a first part of this many letters at least


class TextWords:
    """The words of a text as `resembles` compares them (see plain_words), with every start of
    four letters or more of each, so that most tests are one lookup."""

    __slots__ = ("words", "starts")

    def __init__(self, words: frozenset[str]):
        self.words = words
        self.starts = frozenset(word[:end] for word in words for end in range(SHORTEST_STEM, len(word) + 1))


def resembles(term: str, text: TextWords, compounding: bool = False) -> bool:
    """Whether every word of `term` looks like one of the text's words (see the module's
    description). `compounding`: whether the language writes compounds as one word (German,
    Dutch, the Nordic languages), so that a term's word may stand inside a longer one."""
    words = _term_words(term)
    return bool(words) and all(_found(word, text, compounding) for word in words)


def resembles_a_term(concept, lang: str, text: TextWords, compounding: bool = False, written: str | None = None) \
        -> bool:
    """Whether the text has words like one of the concept's accepted terms in `lang`: a form
    the matcher cannot tell ("fermé" for "fermer"), a participle its verb's class makes
    irregular („ouvert" for „ouvrir"), or a word made from a one-word term (see
    _made_from_a_term), so the concept counts as rendered. With `written`, the text as
    written: a word like the term is not one the dictionary knows as another word than the
    term's, which it only begins like („Datenbank" is no form of „Datei")."""
    terms = [term for term in concept.terms if term.lang == lang and term.status.accepted]
    if not any(resembles(term.text, text, compounding) for term in terms):
        return _irregular_participle(terms, lang, text) or _made_from_a_term(terms, lang, text)
    if written is None or lang not in simplemma_languages():
        return True
    surfaces: dict[str, str] = {}
    for word, _, _ in tokens(written):
        for part in _plain(word).split("'"):
            surfaces.setdefault(part, word)
    for term in terms:
        pairs = resembling(term.text, text, compounding)
        if pairs and all(any(not told_apart(term_word, surfaces.get(other, other), lang) for other in others)
                         for term_word, others in pairs):
            return True
    return _made_from_a_term(terms, lang, text)


def _irregular_participle(terms, lang: str, text: TextWords) -> bool:
    """Whether the text has the participle a one-word term's class makes irregularly (ouvert
    for ouvrir): its own word, which no ending test reaches."""
    return any(_plain(form) in text.words for term in terms if " " not in term.text.strip()
               for form in irregular_participles(term.text.strip(), lang))


def _made_from_a_term(terms, lang: str, text: TextWords) -> bool:
    """Whether the text has a word made from one of these one-word terms: the term's stemmer
    stem, MIN_MADE_FROM letters at least, and a suffix — the term in another part of speech
    („clonage", „Clonazione" for the verbs cloner, clonare where the source says "Clone
    failed"; „Recupero" for recuperare, „annulation" for annuler). The endings a derivation
    adds are the stemmer's to strip. In German and Dutch also a participle without its ge-
    („voreingestellte" beside „Voreinstellung": voreinstellen)."""
    analyzer = None
    unfixed = None  # the text's words without a participle's ge-, where the language has one
    for term in terms:
        if " " in term.text.strip():
            continue
        analyzer = analyzer or analyzer_for(lang)
        stem = _plain(analyzer.key(term.text))
        if len(stem) < MIN_MADE_FROM:
            continue
        if stem in text.starts:
            return True
        if unfixed is None:
            unfixed = [form for word in text.words for form in without_infix(word, lang)]
        if any(form.startswith(stem) for form in unfixed):
            return True
    return False


def told_apart(word: str, other: str, lang: str) -> bool:
    """Whether the dictionary knows two words as two: both known, and neither lemma begins or
    ends the other (a form, or a compound on the word: Dateiname, Buchungsdatum)."""
    lemma, other_lemma = folded_lemma(word, lang), folded_lemma(other, lang)
    return bool(lemma and other_lemma) and not (one_lemma(lemma, other_lemma) or lemma.endswith(other_lemma)
                                                or other_lemma.endswith(lemma))


def resembling(term: str, text: TextWords, compounding: bool = False) -> list[tuple[str, list[str]]]:
    """Each word of `term` as written and the text's words (plain, see plain_words) that look
    like it, as `resembles` takes them."""
    written = [w for w, _, _ in tokens(term)]
    words = _term_words(term)
    return [(surface, [other for other in text.words if other == word or _like(word, other, compounding)])
            for surface, word in zip(written, words)] if len(words) == len(written) else []


def plain_words(text: str) -> TextWords:
    """The words of a text, casefolded, without accents, and a word after an elided article or
    before a suffix after an apostrophe (l'importation) too."""
    return TextWords(frozenset(part for w, _, _ in tokens(text) for part in _plain(w).split("'")))


def _found(word: str, text: TextWords, compounding: bool) -> bool:
    if word in text.words:
        return True
    if len(word) >= SHORT and _stem(word) in text.starts:
        return True  # the common case, one lookup
    if len(word) >= SHORT and not compounding:
        return False
    return any(_like(word, other, compounding) for other in text.words)


def _stem(word: str) -> str:
    return word[:max(SHORTEST_STEM, len(word) - ENDING, -(-3 * len(word) // 4))]


@functools.lru_cache(maxsize=65536)
def _term_words(term: str) -> tuple[str, ...]:
    words = tuple(_plain(w) for w, _, _ in tokens(term))
    return () if any(map(_wide, words)) else words  # characters that are words: the matcher's


def _like(word: str, other: str, compounding: bool) -> bool:
    if len(word) < SHORT:
        if other.startswith(word) and len(other) - len(word) <= SHORT_ENDING:
            return True  # plik, pliki
        if len(other) == len(word) >= 3 and other[:-1] == word[:-1] and other[-1] in VOWELS and word[-1] in VOWELS:
            return True  # its last vowel changed: ramo, rami; casa, case
        return compounding and len(other) - len(word) >= PART_AFTER and (
            other.startswith(word) or other.endswith(word))  # Sollkonto, Kontenart
    stem = _stem(word)
    if other.startswith(stem):
        return True
    # A compound's later part: the term's word inside (Unterkonten), or ending it (Buchungsdatum).
    return compounding and (other.find(stem, PART_AFTER) >= 0 or
                            (len(other) - len(word) >= PART_AFTER and other.endswith(word)))


def _plain(word: str) -> str:
    """Casefolded, without accents: a form may change them (fermé, notowań)."""
    return without_accents(neutral_fold(word))


def _wide(word: str) -> bool:
    return any(unicodedata.east_asian_width(ch) == "W" for ch in word)
