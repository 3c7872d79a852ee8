"""Full-form lexicons that give every lemma of a word form, where simplemma's dictionary gives
one (and for Polish often the wrong one: "pliki" is the plural of "plik", a file, and simplemma
says "plika"). Optional: each comes with mtcheck[lexicons]; without it the language keeps
simplemma's lemma.

- Polish: Morfeusz 2 (the Polish morphological analyser of IPI PAN and Zespół Inżynierii
  Lingwistycznej, on the PoliMorf/SGJP dictionary): every analysis of a form, lemma and tag,
  gerunds and participles with their verb ("uzgodnieniem": uzgodnienie and uzgodnić).
"""
from __future__ import annotations

import functools
import threading

_LOCK = threading.Lock()
_NAMES = {"pl": "Morfeusz 2"}


def lexicon_name(lang: str) -> str | None:
    """The full-form lexicon a language uses, None for none (or none installed)."""
    return _NAMES[lang] if lang in _NAMES and _analyser(lang) is not None else None


def lexicon_missing(lang: str) -> bool:
    """Whether the language has a full-form lexicon that is not installed."""
    return lang in _NAMES and _analyser(lang) is None


def all_lemmas(word: str, lang: str) -> tuple[str, ...] | None:
    """Every lemma the language's lexicon gives `word` as written, in the lexicon's order; ()
    for a word it does not know; None where the language has no lexicon here."""
    analyser = _analyser(lang)
    if analyser is None:
        return None
    return _lemmas(analyser, word)


# Morfeusz's tags of words that modify a noun as an adjective does: adjectives, participles.
_ADJECTIVAL = {"adj", "adja", "adjp", "adjc", "ppas", "pact"}


def adjectival(word: str, lang: str) -> bool | None:
    """Whether the lexicon knows `word` as an adjective or a participle in one of its readings
    („Umiejętna", „Zjednoczonej"; not „Komitetu", a noun only); None where it does not know the
    word or the language has no lexicon here."""
    analyser = _analyser(lang)
    if analyser is None:
        return None
    tags = _tags(analyser, word)
    return None if not tags else bool(tags & _ADJECTIVAL)


@functools.lru_cache(maxsize=200_000)
def _tags(analyser, word: str) -> frozenset[str]:
    with _LOCK:
        analyses = analyser.analyse(word)
    return frozenset(tag.split(":", 1)[0] for _, _, (_, _, tag, *_) in analyses if not tag.startswith("ign"))


@functools.lru_cache(maxsize=200_000)
def _lemmas(analyser, word: str) -> tuple[str, ...]:
    with _LOCK:  # one analyser object, not made for threads
        analyses = analyser.analyse(word)
    lemmas = []
    for _, _, (_, lemma, tag, *_) in analyses:
        if tag.startswith("ign"):  # not in the dictionary
            continue
        lemmas.append(lemma.split(":", 1)[0])  # "zamknąć:v1": the lemma, then a sense number
    return tuple(dict.fromkeys(lemmas))


@functools.cache
def _analyser(lang: str):
    if lang != "pl":
        return None
    try:
        import morfeusz2
    except ImportError:
        return None
    return morfeusz2.Morfeusz(generate=False, expand_tags=False)
