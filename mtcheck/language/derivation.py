"""Derivations a writer uses for a term's modifier: Turkish makes the adjective of a noun with
-sel/-sal, so "kitle seferberliği" (the mobilisation of the masses) is also written "kitlesel
seferberlik" (mass mobilisation). The suffix follows the vowel harmony of the word's last vowel."""
from __future__ import annotations

_BACK = "aıou"
_FRONT = "eiöü"


def _turkish_adjective(word: str) -> str | None:
    vowels = [c for c in word.casefold() if c in _BACK or c in _FRONT]
    if not vowels or len(word) < 3:
        return None
    return word + ("sal" if vowels[-1] in _BACK else "sel")


# By language: the derived adjective of a noun, None where the word takes none.
_ADJECTIVE_OF = {"tr": _turkish_adjective, "az": _turkish_adjective}


def derived_modifiers(words: tuple[str, ...], lang: str) -> list[tuple[str, ...]]:
    """A term of several words with its first word (the modifier) made an adjective: kitle
    seferberliği: kitlesel seferberliği (its head's forms match by their lemma)."""
    derive = _ADJECTIVE_OF.get(lang)
    if derive is None or len(words) < 2:
        return []
    adjective = derive(words[0])
    return [(adjective, *words[1:])] if adjective else []


def has_derived_modifiers(lang: str) -> bool:
    return lang in _ADJECTIVE_OF
