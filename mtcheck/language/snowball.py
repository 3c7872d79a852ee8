"""The Snowball stemmers (PyStemmer): which language has one, and how its stems are read."""
from __future__ import annotations

import functools

# Snowball stemmers (PyStemmer) by language.
SNOWBALL = {
    "ar": "arabic", "hy": "armenian", "eu": "basque", "ca": "catalan", "cs": "czech",
    "da": "danish", "nl": "dutch", "en": "english", "eo": "esperanto", "et": "estonian",
    "fi": "finnish", "fr": "french", "de": "german", "el": "greek", "hi": "hindi",
    "hu": "hungarian", "id": "indonesian", "ga": "irish", "it": "italian", "lt": "lithuanian",
    "ne": "nepali", "nb": "norwegian", "nn": "norwegian", "fa": "persian", "pl": "polish",
    "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian", "es": "spanish",
    "sv": "swedish", "ta": "tamil", "tr": "turkish", "yi": "yiddish",
}

# Stemmers that leave a stem-final -e behind a definite suffix (komiteen -> komite, but
# komite -> komit): stemming again until nothing changes makes both forms meet.
STEM_TO_FIXPOINT = {"nb", "nn", "da", "sv"}

MIN_STEM = 4  # a shorter stem conflates unrelated words (andere, AND -> "and"): not matched on
# Stemmers that fold letters which tell words apart in their language: German's folds the
# umlauts (drücken and drucken both -> "druck"); the key keeps the word's own letters, and
# inflection that umlauts (Buch, Bücher) is left to the lemma dictionary.
STEM_FOLDS_LETTERS = {"de"}
UMLAUTS = str.maketrans("äöü", "aou")


@functools.lru_cache(maxsize=None)
def stemmer_algorithms() -> frozenset[str]:
    import Stemmer

    names = set(Stemmer.algorithms())
    return frozenset(lang for lang, name in SNOWBALL.items() if name in names)


@functools.lru_cache(maxsize=None)
def stemmer(name: str):
    import Stemmer

    stemmer = Stemmer.Stemmer(name)
    stemmer.maxCacheSize = 0  # the matcher keeps its own cache per distinct word
    return stemmer
