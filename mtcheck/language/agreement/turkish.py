"""Turkish: the found word's case, possessive and plural suffixes moved onto the new term,
their vowels in the new word's harmony and their first consonant as its last sound asks
(klasörde → dizinde, klasörü → dizini, dosyada → klasörde, klasörden → dosyadan).

Turkish has no gender, so nothing around the word changes. Unsafe: a suffix after a
consonant that would need a buffer consonant after a vowel, where the buffer tells the case
(klasörü: accusative dosyayı or possessive dosyası), and a new word ending in p, ç, t or k
before a vowel (kitap → kitabı, but top → topu: the lexicon would have to say).
"""
from __future__ import annotations

from mtcheck.language.agreement import Applicability, Proposal, carried
from mtcheck.language.words import match_case
from mtcheck.model import Term

_FRONT, _BACK = set("eiöü"), set("aıou")
_ROUNDED = set("öüou")
_VOWELS = _FRONT | _BACK
_VOICELESS = set("çfhkpsşt")
_SOFTENING = {"p": "b", "ç": "c", "t": "d", "k": "ğ"}


def propose(text: str, start: int, end: int, found: Term, preferred: Term, lang: str, compound: str = "") -> Proposal:
    found_text = text[start:end]
    span, term_words, new_words = found_text.split(), found.text.split(), preferred.text.split()
    if compound or len(span) != len(term_words) or not span:
        return carried(text, start, end, found, preferred, lang, compound)
    suffix = _suffix(_lower(span[-1]), _lower(term_words[-1]))
    if suffix is None:
        return carried(text, start, end, found, preferred, lang, compound)
    if any(_lower(a) != _lower(b) for a, b in zip(span[:-1], term_words[:-1])):
        return carried(text, start, end, found, preferred, lang, compound)  # an inner word inflected too
    stem = new_words[-1]
    moved, sure = _moved(suffix, _lower(term_words[-1]), _lower(stem))
    new_text = match_case(found_text, " ".join([*new_words[:-1], stem + moved]), lang)
    if not sure:
        return Proposal(new_text, start, end, new_text, Applicability.UNSAFE,
                        f"the suffix -{suffix} may take another form after '{stem}'")
    return Proposal(new_text, start, end, new_text, Applicability.SAFE)


def _lower(word: str) -> str:
    return word.replace("I", "ı").replace("İ", "i").lower()


def _suffix(found: str, citation: str) -> str | None:
    """What the found word adds to its term's last word (a softened last consonant allowed:
    kitabı for kitap); None where it is no suffix of it."""
    if found.startswith(citation):
        return found[len(citation):]
    last = citation[-1:]
    if last in _SOFTENING and found.startswith(citation[:-1] + _SOFTENING[last]):
        return found[len(citation):]
    return None


def _moved(suffix: str, old: str, new: str) -> tuple[str, bool]:
    """The suffix as it stands after `new`, and whether that is certain."""
    if not suffix:
        return "", True
    old_vowel_end, new_vowel_end = old[-1] in _VOWELS, new[-1] in _VOWELS
    sure = True
    if old_vowel_end and not new_vowel_end and suffix[0] in "ysn" and len(suffix) > 1 and suffix[1] in _VOWELS:
        suffix = suffix[1:]  # dosyayı -> dizini: the buffer goes
    elif not old_vowel_end and new_vowel_end and suffix[0] in _VOWELS:
        if suffix[0] in "ea":
            suffix = "y" + suffix  # dative: klasöre -> dosyaya
        else:
            # Accusative (y) or possessive (s)? klasörü: dosyayı or dosyası; genitive or
            # "your"? klasörün: dosyanın or dosyan. The likelier guess, not sure.
            sure = False
            if len(suffix) == 2 and suffix[1] == "n":
                suffix = "n" + suffix       # genitive: dokümanın -> belgenin
            elif len(suffix) > 2 and suffix[1] == "n":
                suffix = "s" + suffix       # possessive and a case: klasöründe -> dosyasında
            else:
                suffix = "y" + suffix       # accusative: klasörü -> dosyayı
    if not new_vowel_end and new[-1] in _SOFTENING and suffix[0] in _VOWELS:
        sure = False  # kitap: kitabı; top: topu
    out, last = [], _last_vowel(new)
    voiceless = new[-1] in _VOICELESS
    for index, letter in enumerate(suffix):
        if letter in _VOWELS:
            letter = _harmonised(letter, last)
            last = letter
        elif index == 0 and letter in "dt":
            letter = "t" if voiceless else "d"
        elif index == 0 and letter in "cç":
            letter = "ç" if voiceless else "c"
        out.append(letter)
    return "".join(out), sure


def _last_vowel(word: str) -> str:
    for letter in reversed(word):
        if letter in _VOWELS:
            return letter
    return "e"


def _harmonised(vowel: str, last: str) -> str:
    front, rounded = last in _FRONT, last in _ROUNDED
    if vowel in "ea":  # two-way harmony
        return "e" if front else "a"
    if vowel in "iıuü":  # four-way harmony
        return ("ü" if rounded else "i") if front else ("u" if rounded else "ı")
    return vowel  # o, ö only in the first syllable of a suffix like -yor: kept
