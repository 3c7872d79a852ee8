"""English words written as they sound in Korean and Japanese: 서버 and サーバー for 'server',
클라우드 for 'cloud'. Both languages take most technical words over this way, so a translator
who renders a term's words by their sound ('API 서버' for "API server") renders it as surely as
one who translates them.

A word is compared with an English word by its consonants, as each language hears them: the
Hangul syllable's letters (its jamo, read from the code point as Unicode defines them) or the
kana's consonant, and the English spelling's sounds as the two languages take them over
(Korean and Japanese have no f, v, th, and no l apart from r: 'server' sounds s-b, so does
서버). Vowels are left out, as the languages add them to close syllables (클라우드, 'cloud').
A word of fewer than two consonants is not compared: it sounds like too many.
"""
from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Sequence

# Consonant classes both sides map to.
P, T, K, S, J, L, M, N, H = "PTKSJLMNH"

# Hangul: a syllable is 0xAC00 + (initial * 21 + vowel) * 28 + final (Unicode, chapter 3.12).
_INITIALS = (K, K, N, T, T, L, M, P, P, S, S, "", J, J, J, K, T, P, H)
_FINALS = ("", K, K, K + S, N, N + J, N + H, T, L, L + K, L + M, L + P, L + S, L + T, L + P, L + H,
           M, P, P + S, S, S, N, J, J, K, T, P, H)
# A final ㅅ stands for an English t as often as for an s (넷 'net', 버스 'bus').
_FINAL_S = 19
# The case particles a Korean noun takes (은/는, 이/가, 을/를, 의, 에, 에서, 로/으로, 와/과, 도, 만):
# a word is compared with and without them.
_PARTICLES = ("에서", "으로", "에게", "까지", "부터", "은", "는", "이", "가", "을", "를", "의", "에", "로", "와", "과",
              "도", "만")

# Katakana: each kana's consonant (small kana and the long vowel mark add none).
_KANA = {}
for _row, _class in (("カキクケコガギグゲゴ", K), ("サシスセソザジズゼゾ", S), ("タテトダデド", T), ("チヂツヅ", J),
                     ("ナニヌネノン", N), ("ハヒヘホ", H), ("フ", P), ("バビブベボパピプペポヴ", P),
                     ("マミムメモ", M), ("ラリルレロ", L)):
    for _kana in _row:
        _KANA[_kana] = _class
_KANA.update({"ジ": J, "ズ": S, "ッ": "", "ヤ": "", "ユ": "", "ヨ": "", "ワ": "", "ヲ": ""})


def written_by_sound(word: str) -> bool:
    """Whether a word is written in Hangul or katakana, the scripts loanwords are written in."""
    return any(_hangul(c) or _katakana(c) for c in word)


def hangul(word: str) -> bool:
    """Whether a word is written in Hangul syllables, every letter of it."""
    return bool(word) and all(map(_hangul, word))


def without_particle(word: str) -> tuple[str, ...]:
    """A Korean word as it stands and without each case particle it may end in (공급자의:
    공급자의, 공급자): a noun and its particle are written as one word."""
    return (word, *(word[:-len(p)] for p in _PARTICLES if word.endswith(p) and len(word) > len(p)))


@functools.lru_cache(maxsize=65536)
def heard(word: str) -> tuple[str, ...]:
    """A Hangul or katakana word's consonants as classes (several: the word with and without a
    Korean particle), () for a word in neither script."""
    if not word or not all(_hangul(c) or _katakana(c) or c == "ー" for c in word):
        return ()
    return tuple(dict.fromkeys("".join(_collapse(_consonants(form))) for form in without_particle(word)))


def _consonants(word: str) -> str:
    out: list[str] = []
    for c in word:
        if _hangul(c):
            index = ord(c) - 0xAC00
            initial, final = index // 588, index % 28
            out.extend(_INITIALS[initial])
            out.extend(["s"] if final == _FINAL_S else _FINALS[final])
        else:
            out.append(_KANA.get(c, ""))
    return "".join(out)


_VOWELS = set("aeiouy")
# English spellings and the sounds Korean and Japanese hear in them, longest first; a sound
# heard two ways is both classes ('th': s or t, 'z': s or j).
_SPELLINGS = (("tch", (J,)), ("sch", (S, K)), ("ch", (J,)), ("sh", (S,)), ("ph", (P,)), ("th", (S + T,)),
              ("ck", (K,)), ("qu", (K,)), ("ng", (N,)), ("gh", ()), ("wh", ()), ("x", (K, S)))
_LETTERS = {"b": P, "p": P, "f": P, "v": P, "t": T, "d": T, "k": K, "c": K, "q": K, "g": K, "s": S,
            "z": S + J, "j": J, "l": L, "m": M, "n": N}


@functools.lru_cache(maxsize=65536)
def spoken(word: str) -> tuple[str, ...]:
    """An English word's consonants as Korean and Japanese take them over, each a string of
    the classes it may be heard as; () for a word not written in English letters. Silent
    letters and an r after a vowel (both languages drop it: 'server', 서버) are left out."""
    w = word.casefold()
    if not w.isascii() or not w.isalpha():
        return ()
    if len(w) > 3:
        w = re.sub(r"(?<![cg])e$|(?<![cg])e(?=s$)", "", w)  # a silent e: node, nodes (not namespace's)
    out: list[str] = []
    i = 0
    while i < len(w):
        spelling = next(((letters, sounds) for letters, sounds in _SPELLINGS if w.startswith(letters, i)), None)
        if spelling:
            out.extend(spelling[1])
            i += len(spelling[0])
            continue
        c, after = w[i], w[i + 1:i + 2]
        i += 1
        if c == "r":
            if after in _VOWELS and after:
                out.append(L)  # heard before a vowel (provider, 프로바이더)
        elif c == "h":
            if after in _VOWELS and after:
                out.append(H)
        elif c in "td" and after == "u" or c == "t" and w.startswith("ion", i):
            out.append(c.upper().replace("D", T) + (J if after == "u" else S))  # schedule, 스케줄; -tion, 션
        elif c in "cg" and after in ("e", "i", "y"):
            out.append(S if c == "c" else K + J)  # cell, manager (매니저)
        elif c in _LETTERS:
            out.append(_LETTERS[c])
    return tuple(_collapse(out))


def sounds_like(foreign: str, english: str) -> bool:
    """Whether a Hangul or katakana word is the English word written as it sounds (of two
    consonants at least: fewer tell nothing)."""
    wanted = spoken(english)
    if len(wanted) < 2:
        return False
    return any(_same(form, wanted) for form in heard(foreign))


def spellings(english: str) -> tuple[str, ...]:
    """Every way the English word's consonants may be heard, one class each (an index key)."""
    return tuple("".join(sounds) for sounds in itertools.product(*spoken(english)))


def heard_keys(word: str) -> tuple[str, ...]:
    """The keys `spellings` would give for the words this one may write (a final ㅅ: s or t)."""
    return tuple(dict.fromkeys("".join(sounds) for form in heard(word)
                               for sounds in itertools.product(*(S + T if c == "s" else c for c in form))))


MIN_MISSPELT = 3  # syllables of a term at least, for a word one letter off to be it misspelt


def misspelt(word: str, term: str) -> bool:
    """Whether a Hangul word (a particle after it or not) is the Hangul term of three
    syllables or more misspelt: its letters (jamo) the term's with one letter changed, or
    the same letters cut into other syllables (컨틀로러 for 컨트롤러, 메터데이터 for
    메타데이터, 매트릭 for 메트릭). A word one letter off a shorter term is another word."""
    if not misspellable(term):
        return False
    wanted = _jamo(term)
    for form in without_particle(word):
        if form != term and hangul(form) and one_off(_jamo(form), wanted):
            return True
    return False


def misspellable(term: str) -> bool:
    """Whether a term is one word of Hangul, of three syllables or more (see misspelt)."""
    return len(term) >= MIN_MISSPELT and hangul(term)


def _jamo(word: str) -> tuple[str, ...]:
    """A Hangul word's letters: its syllables decomposed canonically (Unicode, chapter 3.12),
    each letter by its name, so that a consonant closing a syllable is the one opening the
    next (틀로 and 트롤 have the same letters)."""
    return tuple(_letter(c) for c in unicodedata.normalize("NFD", word))


@functools.lru_cache(maxsize=None)
def _letter(jamo: str) -> str:
    return unicodedata.name(jamo, jamo).rsplit(" ", 1)[-1]


def one_off(a: Sequence[str], b: Sequence[str]) -> bool:
    """The same letters, or one letter changed, added or left out, or two side by side
    swapped (a word's letters, or a Hangul word's jamo)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        return len(diff) == 1 or len(diff) == 2 and diff[1] == diff[0] + 1 \
            and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _same(heard_form: str, wanted: tuple[str, ...]) -> bool:
    return len(heard_form) == len(wanted) and all(
        got in want or got == "s" and (S in want or T in want) for got, want in zip(heard_form, wanted))


def _collapse(sounds):
    """A sound written twice is heard once (클러스터 has its l twice, 'cluster' once)."""
    out = []
    for c in sounds:
        if c and (not out or out[-1] != c):
            out.append(c)
    return out


def _hangul(c: str) -> bool:
    return "\uac00" <= c <= "\ud7a3"


def _katakana(c: str) -> bool:
    return "\u30a1" <= c <= "\u30fa"
