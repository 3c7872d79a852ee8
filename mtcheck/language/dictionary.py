"""simplemma's dictionaries: a word's lemma (no guess from rules), the lemmatizer, and the
stop-words lists of function words."""
from __future__ import annotations

import functools
import logging
import unicodedata

from mtcheck.language.words import words_of


@functools.lru_cache(maxsize=None)
def simplemma_languages() -> frozenset[str]:
    from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES

    return frozenset(SUPPORTED_LANGUAGES)


def lemmatize(word: str, lang: str) -> str:
    return lemmatizer()(word, lang=lang)


def dictionary_lemma(word: str, lang: str) -> str | None:
    """The lemma simplemma's dictionary gives a word (its case, then the other case), None
    where the dictionary does not have it: no guess from rules or affixes."""
    return _dictionary_lookup().get_lemma(word, lang)


def folded_lemma(word: str, lang: str) -> str:
    """The dictionary's lemma of a word (see dictionary_lemma), case folded; "" where it does
    not know the word."""
    lemma = dictionary_lemma(word, lang)
    return lemma.casefold() if lemma else ""


def one_lemma(lemma: str, other: str) -> bool:
    """Whether two lemmas the dictionary gives are of one word: the same, or one beginning with
    the other (the dictionary's lemma of a form may be longer or shorter than its word's)."""
    return lemma.startswith(other) or other.startswith(lemma)


@functools.cache
def _dictionary_lookup():
    from simplemma.strategies import DictionaryLookupStrategy

    return DictionaryLookupStrategy(dictionary_factory=dictionary_factory())


@functools.cache
def dictionary_factory():
    """simplemma's dictionaries as MARISA tries: built once per language and kept in
    mtcheck's cache folder (see mtcheck.cachedir), they load in milliseconds where decoding the
    shipped dictionary takes a second or more on every run (Turkish); the plain ones where
    tries cannot be had."""
    try:
        from simplemma.strategies.dictionaries.trie_dictionary_factory import TrieDictionaryFactory

        from mtcheck.cachedir import cache_folder, prune

        # A cache folder that cannot be written costs speed, not results: no warning on stderr.
        logging.getLogger(TrieDictionaryFactory.__module__).addHandler(logging.NullHandler())
        from simplemma import __version__ as version

        folder = cache_folder() / "simplemma" / version  # tries of one version's dictionaries
        prune(folder.parent, "*", folder)
        return TrieDictionaryFactory(disk_cache_dir=str(folder))
    except ImportError:  # marisa-trie or platformdirs missing
        from simplemma.strategies.dictionaries.dictionary_factory import DEFAULT_DICTIONARY_FACTORY

        return DEFAULT_DICTIONARY_FACTORY


@functools.cache
def lemmatizer():
    """simplemma's lemmatizer over the dictionaries of dictionary_factory."""
    import simplemma
    from simplemma.strategies import DefaultStrategy

    return simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=dictionary_factory())).lemmatize


# Articles: a closed class (the words the Universal Dependencies treebanks tag PronType=Art,
# their contractions with a preposition left out). A rendering that drops or changes one is the same
# rendering in another sentence.
ARTICLES = {
    "ca": ("el", "la", "els", "les", "l", "un", "una", "uns", "unes"), "da": ("en", "et", "den", "det", "de"),
    "de": ("der", "die", "das", "des", "dem", "den", "ein", "eine", "eines", "einem", "einen", "einer"),
    "el": ("ο", "η", "το", "οι", "τα", "του", "της", "των", "τον", "την", "ένας", "μια", "ένα"),
    "en": ("the", "a", "an"), "es": ("el", "la", "los", "las", "un", "una", "unos", "unas"),
    "fr": ("le", "la", "les", "l", "un", "une"), "hu": ("a", "az", "egy"),
    "it": ("il", "lo", "la", "i", "gli", "le", "l", "un", "uno", "una"), "nb": ("en", "ei", "et", "den", "det", "de"),
    "nl": ("de", "het", "een"), "nn": ("ein", "eit", "den", "det", "dei"),
    "pt": ("o", "a", "os", "as", "um", "uma", "uns", "umas"), "ro": ("un", "o", "niște"),
    "sv": ("en", "ett", "den", "det", "de"),
}


# The word a language writes for "&" between two words of a name ("Profit & Loss", "Profit and
# Loss"): its coordinating "and", a closed class (the Universal Dependencies treebanks' commonest
# CCONJ of each language).
AND = {
    "ca": "i", "cs": "a", "da": "og", "de": "und", "el": "και", "en": "and", "es": "y", "fi": "ja", "fr": "et",
    "hu": "és", "id": "dan", "it": "e", "nb": "og", "nl": "en", "nn": "og", "pl": "i", "pt": "e", "ro": "și",
    "ru": "и", "sk": "a", "sv": "och", "tr": "ve", "uk": "і",
}


def articles(lang: str) -> frozenset[str]:
    """A language's articles (casefolded); none where the table lacks it or it has none."""
    return frozenset(ARTICLES.get(lang, ()))


@functools.lru_cache(maxsize=None)
def function_words(lang: str) -> frozenset[str]:
    """The function words of a language, from the stop-words package (casefolded); none for a
    language it does not have, where a caller relies on other signals."""
    from stop_words import LANGUAGE_MAPPING, StopWordError, get_stop_words

    name = LANGUAGE_MAPPING.get(lang) or LANGUAGE_MAPPING.get("nb" if lang in ("no", "nn") else lang)
    if not name:
        return frozenset()
    try:
        return frozenset(word.casefold() for word in get_stop_words(name))
    except StopWordError:
        return frozenset()


MIN_RESPELT = 5  # letters: a shorter unknown word is an abbreviation or a code as often as a typo


def respelt(word: str, lang: str) -> str | None:
    """The word the language's dictionary has where this one, five letters or more and unknown
    to it, has one slip: two letters side by side swapped or one letter doubled (Polish
    „zakmnij": zamknij; French „Personalisé": Personnalisé). None where the dictionary knows the
    word, has no such neighbour, or there is no dictionary of the language."""
    known = known_word(lang)
    if known is None or len(word) < MIN_RESPELT or not word.isalpha() or known(word):
        return None
    return next((other for other in _one_slip(word) if known(other)), None)


def respelt_text(text: str, lang: str) -> str | None:
    """A term with each of its words that has a slip as the dictionary spells it (see respelt):
    „zamknij" for „zakmnij"; None where no word has one."""
    spelt, shift = text, 0
    for word, start, end in words_of(text):
        right = respelt(word, lang)
        if right is not None:
            spelt = spelt[:start + shift] + right + spelt[end + shift:]
            shift += len(right) - len(word)
    return spelt if spelt != text else None


def _one_slip(word: str) -> list[str]:
    """The word with two neighbouring letters swapped, or one letter written twice."""
    swapped = [word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1) if word[i] != word[i + 1]]
    doubled = [word[:i + 1] + word[i] + word[i + 1:] for i in range(len(word)) if word[i].isalpha()]
    return list(dict.fromkeys(swapped + doubled))


@functools.lru_cache(maxsize=None)
def known_word(lang: str):
    """word -> whether simplemma's dictionary of `lang` has it (any inflected form, either
    initial case); None for a language simplemma has no dictionary of."""
    if lang not in simplemma_languages():
        return None
    lookup = _dictionary_lookup()  # the lemmatizer's tries: milliseconds to load

    @functools.lru_cache(maxsize=65536)
    def known(word: str) -> bool:
        return lookup.get_lemma(unicodedata.normalize("NFC", word), lang) is not None

    return known
