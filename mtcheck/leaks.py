"""Which terms of other languages count as foreign renderings in a text.

A term of another language is a likely leak only when it comes from a language the text was
translated from (the run's source languages, and English), is no ordinary word of the text's
own language (Spanish "los" is no German "Los") and is distinctive enough to be told apart
from chance (several words, or a word of four letters or more, or one matched in its capitals).
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from mtcheck.language import canonical_lang, family, known_word

# A leak language of every run: most translated text comes from English, and English terms
# are left untranslated in every language.
ALWAYS_LEAKING = "en"
EVERY_LANGUAGE = "all"
# Shorter words of another language are mostly homographs of something ("in", "se", "na").
SHORTEST_FOREIGN_WORD = 4


@dataclass(frozen=True)
class LeakPolicy:
    """The languages whose terms count as foreign renderings: `configured` (None: the run's
    source languages and English; empty: every language of the glossary)."""

    configured: frozenset[str] | None = None
    sources: frozenset[str] = frozenset()  # the run's source languages: --source-lang, the glossary's

    @classmethod
    def of(cls, configured: Iterable[str] | None, *sources: str | None) -> LeakPolicy:
        if configured is not None:
            codes = [code.strip() for code in configured if code.strip()]
            if any(code.lower() == EVERY_LANGUAGE for code in codes):
                return cls(frozenset())
            return cls(frozenset(map(canonical_lang, codes)))
        return cls(None, frozenset(canonical_lang(code) for code in sources if code))

    def languages(self, source_lang: str | None = None) -> frozenset[str] | None:
        """The leak languages of a text whose source is in `source_lang`; None: every language."""
        if self.configured is not None:
            return self.configured or None
        found = self.sources | {ALWAYS_LEAKING}
        return found | {canonical_lang(source_lang)} if source_lang else found


def families(langs: frozenset[str] | None) -> frozenset[str] | None:
    return None if langs is None else frozenset(map(family, langs))


def distinctive(words: tuple[str, ...], in_capitals: bool) -> bool:
    """Several words, a word of SHORTEST_FOREIGN_WORD letters or more, one matched in its own
    capitals (an acronym), or one in a script whose characters are syllables or words."""
    if len(words) > 1 or in_capitals:
        return True
    word = words[0]
    return len(word) >= SHORTEST_FOREIGN_WORD or any(unicodedata.east_asian_width(ch) == "W" for ch in word)


def ordinary(words: tuple[str, ...], lang: str) -> bool:
    """Whether every word is one of `lang`'s own, by its lemma dictionary; False where there
    is none for the language (a word cannot be told ordinary there)."""
    known = known_word(lang)
    return known is not None and all(map(known, words))
