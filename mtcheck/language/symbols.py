"""The symbols a term writes beside its words, which a text must write too.

Words are matched by their codes, and a mark between two words is one break whatever the mark:
the words of "TCP/IP" stand in "TCP, IP" too, and "C++" is its one word "C". A term whose text
has symbols — before its first word (".NET", "(none)"), between its words ("TCP/IP", "AT&T",
"Node.js") or after its last ("C++", "C#", "Internet Protocol (IP)") — is found only where the
text writes the same symbols there, and its place then takes them in. Hyphens and apostrophes
are spelling, which the term's variants take care of ("cloud-storage"); the punctuation a
sentence puts around a word (quotes; after it full stops, commas, question marks, an ellipsis)
is the sentence's, not the term's ("Save As…" is found in "use Save As to…"), and the marks of
a name's owner (®, ™) are the writer's to leave out ("Windows®" is found in "Windows").

A word that a text writes with "+" or "#" after it is another word than the term without
them: "C" (the language) is not in "C++" or "C#". So is a hyphenated word that the language's
dictionary knows whole: "e-mail" is not "mail", "log-in" not "log", "read-only" not "read"
(where the dictionary does not know it whole, its parts are words: "web-page"; in a language
that compounds, a hyphen joins a compound's parts, each a word as in the closed compound:
„Netto-Verlust").
"""
from __future__ import annotations

import functools
import unicodedata

from mtcheck.language.words import OWNER_MARKS

# Spelling inside words, handled as the term's variants, not as symbols of its own.
_SPELLING = frozenset("-\u2010\u2011\u00ad'\u2019_\u00b7")
# What a sentence writes around a term, never required at its edges: quotes, and after it
# its punctuation (a full stop written onto a term's first word is the term's: ".NET").
_QUOTES = "\"'\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019\u201a\u2039\u203a"
_SENTENCE_BEFORE = frozenset(_QUOTES + OWNER_MARKS + "\u00bf\u00a1")
_SENTENCE_AFTER = frozenset(_QUOTES + OWNER_MARKS + ".,;:!?\u2026")
# Symbols that make another word of the word they follow.
GLUED = frozenset("+#")


def _in_word(char: str) -> bool:
    return unicodedata.category(char)[0] in "LMN"


@functools.lru_cache(maxsize=65536)
def term_symbols(text: str) -> tuple[str, str, str] | None:
    """(before, between, after): the symbols of a term before its first word, between its
    words and after its last, each without spaces; None where it has none (the common case)."""
    at = [i for i, char in enumerate(text) if _in_word(char)]
    if not at:
        return None
    before = "".join(c for c in text[:at[0]] if not c.isspace() and c not in _SENTENCE_BEFORE)
    between = skeleton(text[at[0]:at[-1] + 1])
    after = "".join(c for c in text[at[-1] + 1:] if not c.isspace() and c not in _SENTENCE_AFTER)
    return (before, between, after) if before or between or after else None


def skeleton(text: str) -> str:
    """The symbols of a stretch of text in order: what is neither a word's letter or digit,
    nor a space, nor spelling inside a word, nor a quotation mark (each language and writer
    has its own: „Save", "Save", « Save »)."""
    return "".join(c for c in text if not (c.isspace() or c in _SPELLING or c in _QUOTES or c in OWNER_MARKS
                                           or _in_word(c)))


def as_written(text: str, start: int, end: int, term_text: str) -> tuple[int, int] | None:
    """Where the term stands in `text`, its words found at start:end, with its symbols taken in;
    None where the text writes other symbols than the term or none (see the module's doc)."""
    symbols = term_symbols(term_text)
    if symbols is None:
        return None if text[end:end + 1] in GLUED else (start, end)
    before, between, after = symbols
    if skeleton(text[start:end]) != between:
        return None
    if before:
        if text[max(0, start - len(before)):start] != before:
            return None
        start -= len(before)
    if after:
        if text[end:end + len(after)] != after:
            return None
        end += len(after)
    elif text[end:end + 1] in GLUED:
        return None
    return start, end


_HYPHENS = frozenset("-\u2010\u2011")


def in_a_hyphenated_word(text: str, start: int, end: int, known) -> bool:
    """Whether start:end is part of a hyphenated word that `known` (the language's dictionary)
    has whole, a word of its own ("mail" of "e-mail")."""
    def joined(at: int, step: int) -> bool:  # a hyphen at `at` with a word's character beyond
        return 0 <= at + step < len(text) and text[at] in _HYPHENS and _in_word(text[at + step])
    if not (start > 0 and joined(start - 1, -1) or end < len(text) and joined(end, 1)):
        return False
    first, last = start, end
    while first > 0 and (_in_word(text[first - 1]) or joined(first - 1, -1)):
        first -= 1
    while last < len(text) and (_in_word(text[last]) or joined(last, 1)):
        last += 1
    return known(text[first:last])
