"""Words: where they start and end in any script, and the folds that compare them.

A word is a run of letters and their combining marks, with a soft hyphen, an apostrophe or a UI
mnemonic inside; a Chinese, Japanese or Korean character is a word of its own; a run of Thai,
Lao, Myanmar or Khmer is cut into words by ICU (see segmenter).
"""
from __future__ import annotations

import re
import unicodedata

from mtcheck.language.masking import mask_urls
from mtcheck.language.segmenter import SEGMENTED_RE, cut

# Languages written without spaces between words whose characters are words (see below).
CHARACTER_WORDS = {"zh", "ja", "ko"}

# A word may hold a soft hyphen, an apostrophe, or a UI mnemonic marker (Be_schreibung,
# Dat&ei): the marker is part of the word's span and folded away. Scripts written without
# spaces between words (Chinese, Japanese; Korean particles join their noun) have no word
# boundary to find, so each of their characters is a word: a term is then found as the run of
# its characters wherever it stands (预算 in 预算选项), as a segmenter's words would give it
# but without one's dictionary misses on a glossary's own terms. A mnemonic after such a
# character is a Latin letter appended to the label (描述_P), no part of a word.
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"


def _combining_marks() -> str:
    """A character class of the combining marks (Unicode M*) of the scripts that have them in
    words: Python's \\w leaves them out, so that Hindi खाता or Thai ข้อมูล fell apart at
    every vowel sign. Read from the character database where marks are (the first blocks, and
    the combining blocks further up), not listed by hand."""
    ranges: list[tuple[int, int]] = []
    for first, stop in ((0x0300, 0x2000), (0x20D0, 0x2100), (0xA670, 0xABFF), (0xFE00, 0xFE30)):
        for code in range(first, stop):
            if unicodedata.category(chr(code))[0] == "M":
                if ranges and ranges[-1][1] == code - 1:
                    ranges[-1] = (ranges[-1][0], code)
                else:
                    ranges.append((code, code))
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)


_MARKS = _combining_marks()
_LETTER = rf"(?:[^\W_{CJK}]|[{_MARKS}])"
TOKEN_RE = re.compile(rf"[{CJK}]|{_LETTER}+(?:[\u00ad'’_&]{_LETTER}+)*")
TOKEN_SPLIT_RE = re.compile(f"({TOKEN_RE.pattern})")

# What may stand between two words of one term: spaces, hyphens, and the marks of a name's
# owner (®, ™, ©, ℠), which a writer adds or leaves out („Microsoft® Word", „Microsoft Word").
OWNER_MARKS = "\u00ae\u2122\u00a9\u2120"
GAP_RE = re.compile(rf"[\s\u00a0\u202f\-\u2010\u2011{OWNER_MARKS}]+")
# Between a rendering and a term of another language glossing it in brackets ("rydding av tomter
# (GPMB)", „缓存(Index)"), and after the gloss: a bracket, quotes and spaces aside.
# Quotes and emphasis marks may stand around a gloss's term ("(*taints*)" in Markdown).
GLOSS_OPENING = re.compile(r"""[\s"'„“”«»‚‘’]*[(\[（][\s"'„“”«»‚‘’*_]*""")
GLOSS_CLOSING = re.compile(r"""[\s"'„“”«»‚‘’*_]*[)\]）]""")


def split_words(text: str) -> list[str]:
    """`TOKEN_SPLIT_RE.split(text)`: gaps and words in turn, with each run of Thai, Lao,
    Myanmar or Khmer cut into its words (joined by empty gaps) where ICU is installed."""
    pieces = TOKEN_SPLIT_RE.split(text)
    if not SEGMENTED_RE.search(text):
        return pieces
    split = [pieces[0]]
    for index in range(1, len(pieces), 2):
        word, gap = pieces[index], pieces[index + 1]
        parts = cut(word) if SEGMENTED_RE.search(word) else [word]
        for part in parts[:-1]:
            split += [part, ""]
        split += [parts[-1], gap]
    return split


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Words of `text` with their spans; URLs and e-mail addresses are skipped."""
    return words_of(mask_urls(text))


def words_of(text: str) -> list[tuple[str, int, int]]:
    """Words of `text` with their spans, as the matcher cuts them (see split_words)."""
    pieces = split_words(text)
    found, at = [], len(pieces[0])
    for index in range(1, len(pieces), 2):
        word = pieces[index]
        found.append((word, at, at + len(word)))
        at += len(word) + len(pieces[index + 1])
    return found


def nfc_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """NFC text and, when normalising changed it, each NFC index's offset in `text`."""
    if unicodedata.is_normalized("NFC", text):
        return text, None
    out: list[str] = []
    offsets: list[int] = []
    start = 0
    # Normalise cluster by cluster (a starter and its combining marks) to keep offsets.
    for i in range(1, len(text) + 1):
        if i == len(text) or unicodedata.combining(text[i]) == 0:
            piece = unicodedata.normalize("NFC", text[start:i])
            out.append(piece)
            offsets.extend([start] * len(piece))
            start = i
    offsets.append(len(text))
    return "".join(out), offsets


def match_case(model: str, text: str, lang: str) -> str:
    """`text` with the capitalisation pattern of `model` (all caps, or a capital first letter)."""
    letters = [c for c in model if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return upper(text, lang)
    if model[:1].isupper() and text[:1].islower():
        return upper(text[:1], lang) + text[1:]
    return text


def upper(text: str, lang: str) -> str:
    if lang in ("tr", "az"):
        text = text.replace("i", "İ").replace("ı", "I")
    return text.upper()


def unmarked(word: str) -> str:
    """The word without soft hyphens and mnemonic markers, its apostrophe the plain one."""
    if "\u00ad" in word or "’" in word or "_" in word or "&" in word:
        word = word.replace("\u00ad", "").replace("’", "'").replace("_", "").replace("&", "")
    return word


def without_accents(word: str) -> str:
    """The word without combining marks once decomposed (fermé: ferme, notowań: notowan)."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def neutral_fold(word: str) -> str:
    """Casefold that ignores the dotted/dotless i distinction: for text of unknown language."""
    word = unmarked(word)
    folded = word.casefold()
    if "ı" in folded or "\u0307" in folded:
        folded = folded.replace("ı", "i").replace("i\u0307", "i")
    return folded
