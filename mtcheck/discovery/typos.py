"""A glossary's one-word terms indexed for the words one letter off them: a term misspelt
(„Kublet" for Kubelet, „Oject" for Object), a letter changed, added, left out, or two side by
side swapped.

The index holds each term three times: under all but its last three letters, under all but
its first three, and under its first two and last two letters with its length. One edit
near the start leaves the first key's letters as they are, one near the end the second's,
one in the middle the third's (a term of six letters or more), so a word is looked up with
nine probes (each key at the word's length and one letter either side), whatever the
glossary's size, in buckets of a few terms. What a bucket holds is then checked letter by
letter (loanwords.one_off).
"""
from __future__ import annotations

from typing import Generic, TypeVar

from mtcheck.language.loanwords import one_off

MIN_TYPO = 6  # letters of a term at least: a shorter word one letter off is as often another word

T = TypeVar("T")


def typo_prone(text: str) -> bool:
    """Whether a term is one word of letters of a script with capitals (Latin, Greek,
    Cyrillic), six letters long at least: one letter off in a script without them (Chinese,
    Japanese) is another word, and Hangul has its own test (loanwords.misspelt)."""
    return len(text) >= MIN_TYPO and text.isalpha() and text.lower() != text.upper()


def _keys(word: str, length: int) -> tuple[tuple[str, ...], ...]:
    """The keys a term of `length` letters is held under, read off a word one edit off it
    (or the term itself, at its own length)."""
    return ("head", word[:length - 3]), ("tail", word[len(word) - (length - 3):]), \
        ("ends", word[:2], word[-2:], str(length))


class Typos(Generic[T]):
    """Terms (each with what the caller keeps with it) by their keys."""

    def __init__(self) -> None:
        self._index: dict[tuple[str, ...], list[tuple[str, T]]] = {}

    def __bool__(self) -> bool:
        return bool(self._index)

    def add(self, term: str, kept: T) -> None:
        folded = term.casefold()
        for key in _keys(folded, len(folded)):
            self._index.setdefault(key, []).append((folded, kept))

    def misspelt(self, word: str) -> list[T]:
        """What was kept with each term the word is one letter off; not a term it begins or
        ends the other (an inflection's ending, „Kubelets", is no slip, nor a word cut short)."""
        folded = word.casefold()
        if len(folded) < MIN_TYPO - 1 or not folded.isalpha():
            return []
        found: list[T] = []
        for length in (len(folded) - 1, len(folded), len(folded) + 1):
            for key in _keys(folded, length):
                for term, kept in self._index.get(key, ()):
                    if kept not in found and term != folded and not term.startswith(folded) \
                            and not folded.startswith(term) and one_off(folded, term):
                        found.append(kept)
        return found
