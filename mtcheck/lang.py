"""Per-language text analysis: codes, casefolding (Turkish İ/ı), tokens, stems, compounds."""
from __future__ import annotations

import functools
import logging
import re
import unicodedata
from dataclasses import dataclass

# ISO 639 aliases users and tools write; Norwegian "no" means Bokmål in practice.
_ALIASES = {
    "no": "nb", "nob": "nb", "nno": "nn", "deu": "de", "ger": "de", "tur": "tr", "vie": "vi",
    "eng": "en", "fra": "fr", "fre": "fr", "spa": "es", "ita": "it", "por": "pt", "nld": "nl",
    "dut": "nl", "dan": "da", "swe": "sv", "fin": "fi", "rus": "ru", "aze": "az", "iw": "he",
    "in": "id", "ji": "yi",
}

# Snowball stemmers (PyStemmer) by language.
_SNOWBALL = {
    "ar": "arabic", "hy": "armenian", "eu": "basque", "ca": "catalan", "cs": "czech",
    "da": "danish", "nl": "dutch", "en": "english", "eo": "esperanto", "et": "estonian",
    "fi": "finnish", "fr": "french", "de": "german", "el": "greek", "hi": "hindi",
    "hu": "hungarian", "id": "indonesian", "ga": "irish", "it": "italian", "lt": "lithuanian",
    "ne": "nepali", "nb": "norwegian", "nn": "norwegian", "fa": "persian", "pl": "polish",
    "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian", "es": "spanish",
    "sv": "swedish", "ta": "tamil", "tr": "turkish", "yi": "yiddish",
}

# Languages whose Snowball stemmer does not conflate common inflections on its own
# (Turkish: komite/komitesi, taban/tabanda, demokrasi/demokrasisi): lemmatize first.
_LEMMATIZE_FIRST = {"tr"}

# Stemmers that leave a stem-final -e behind a definite suffix (komiteen -> komite, but
# komite -> komit): stemming again until nothing changes makes both forms meet.
_STEM_TO_FIXPOINT = {"nb", "nn", "da", "sv"}

# Languages that write compounds as one word, with the linking elements between parts.
_COMPOUND_LINKERS = {
    "de": ("", "s", "es", "n", "en", "e", "er"),
    "nb": ("", "s", "e"), "nn": ("", "s", "e"), "da": ("", "s", "e"), "sv": ("", "s", "a", "u"),
    "nl": ("", "s", "en", "e"), "is": ("", "s", "a"), "fi": ("",), "af": ("", "s", "e"),
}
MIN_COMPOUND_REST = 3  # letters after the term in a compound: "Massenmobilisierungs|arbeit"

# Accents that these orthographies treat as optional (komité = komite).
_OPTIONAL_ACCENTS = {
    lang: str.maketrans("éèêóòôà", "eeeoooa") for lang in ("nb", "nn", "da", "sv")
}

# Where an apostrophe cuts a word: Turkish and English suffixes follow it, French elides before it.
_APOSTROPHE_SUFFIX = {"tr", "az", "en"}
_APOSTROPHE_ELISION = {"fr", "it", "ca"}

# Families whose members are not foreign to each other (Bokmål and Nynorsk).
_FAMILY = {"nb": "no", "nn": "no"}

TOKEN_RE = re.compile(r"[^\W_]+(?:[\u00ad'’][^\W_]+)*")
TOKEN_SPLIT_RE = re.compile(f"({TOKEN_RE.pattern})")
URL_RE = re.compile(r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.-]+", re.IGNORECASE)
# How a URL without a scheme starts: the expression ignores case, and these are the cases met.
_WWW = ("www.", "WWW.", "Www.")
GAP_RE = re.compile(r"[\s\u00a0\u202f\-\u2010\u2011]+")
# What stands for an inline tag of a translation file, and what masks code in a text: a
# character that is neither a word nor a gap, so no term is found inside or across it.
PLACEHOLDER = "\ufffc"
# What mask_protected masks, each with the strings one of which it cannot match without.
_PROTECTED = (
    (("://", *_WWW, "@"), URL_RE.pattern),
    (("<",), r"</?[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?>"),              # HTML/XML tags
    (("{",), r"\{\{[^{}]*\}\}|\{[\w.:!\[\]-]*\}"),               # {{ var }}, {name}, {0}
    (("%",), r"%(?:\([\w.-]+\))?[-+#0]*(?:\d+|\*)?(?:\.\d+)?[hlLqjzt]*[diouxXeEfFgGcrsa%](?![^\W\d_])"),  # printf
    (("&",), r"&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);"),              # character references left in text
    (("<",), r"<!--(?:.*?-->|.*)"),  # comments; one left open runs to the line's end (and
                                     # is tried once, not again from every later "<!--")
    (("`",), r"`[^`\n]+`"),                                       # Markdown code spans
    (("](",), r"(?<=\])\([^()\s]*\)"),                            # Markdown link targets
)
_PROTECTED_TRIGGERS = tuple(dict.fromkeys(t for triggers, _ in _PROTECTED for t in triggers))
# Each trigger with the character of it that prose has least: "/" of "://", "]" of "](".
_RAREST = {"://": "/", "](": "]", "WWW.": "W", "Www.": "W"}
_TRIGGER_GATES = tuple((t, _RAREST.get(t, t[0])) for t in _PROTECTED_TRIGGERS)


@functools.lru_cache(maxsize=None)
def _protected_re(present: frozenset[str]) -> re.Pattern:
    """One expression of what can match in a text with the `present` triggers, in the order
    of _PROTECTED, so it masks what the whole would: a text with a per cent sign alone is
    not scanned for URLs, tags and e-mail addresses at every word."""
    return re.compile("|".join(pattern for triggers, pattern in _PROTECTED if present.intersection(triggers)),
                      re.IGNORECASE)


def canonical_lang(code: str) -> str:
    """A BCP-47 tag reduced to the lowercase primary language subtag, aliases resolved."""
    primary = code.strip().replace("_", "-").split("-")[0].lower()
    return _ALIASES.get(primary, primary)


def family(lang: str) -> str:
    return _FAMILY.get(lang, lang)


def mask_urls(text: str) -> str:
    """Blank out URLs and e-mail addresses (same length) so that slugs never match."""
    if "://" not in text and "@" not in text and not any(www in text for www in _WWW):
        return text
    return URL_RE.sub(lambda m: " " * len(m.group()), text)


def masking_triggers(text: str) -> list[int]:
    """Where `text` has something that starts what mask_protected masks: to mask only the
    texts of a batch that need it. Each trigger is looked for with str.find, which skips
    through text far faster than a regular expression's scan; a longer trigger only where its
    rarest character is, as one character is found faster still."""
    found = []
    for trigger, rarest in _TRIGGER_GATES:
        if rarest not in text:
            continue
        at = text.find(trigger)
        while at >= 0:
            found.append(at)
            at = text.find(trigger, at + 1)
    return found


def mask_protected(text: str) -> str:
    """URLs, e-mail addresses, markup tags and placeholders (%s, %(name)s, {name}) replaced
    by PLACEHOLDER runs of the same length: never matched, never matched across."""
    present = frozenset(trigger for trigger in _PROTECTED_TRIGGERS if trigger in text)  # each checked in C
    if not present:
        return text
    return _protected_re(present).sub(lambda m: PLACEHOLDER * len(m.group()), text)


def neutral_fold(word: str) -> str:
    """Casefold that ignores the dotted/dotless i distinction: for text of unknown language."""
    if "\u00ad" in word or "’" in word:
        word = word.replace("\u00ad", "").replace("’", "'")
    folded = word.casefold()
    if "ı" in folded or "\u0307" in folded:
        folded = folded.replace("ı", "i").replace("i\u0307", "i")
    return folded


@dataclass(frozen=True, eq=False)  # one instance per language: identity is equality
class Analyzer:
    """How one language turns a word into a matching key."""

    lang: str
    stemmer_name: str | None
    lemmatize: bool
    linkers: tuple[str, ...]

    @property
    def compounding(self) -> bool:
        return bool(self.linkers)

    @property
    def inflects(self) -> bool:
        return bool(self.stemmer_name or self.lemmatize)

    def describe(self) -> str:
        parts = []
        if self.lemmatize:
            parts.append("simplemma lemmatizer")
        if self.stemmer_name:
            parts.append(f"Snowball {self.stemmer_name} stemmer")
        how = " + ".join(parts) if parts else "no stemmer or lemmatizer: exact matching"
        if self.compounding:
            how += ", compounds"
        return f"{self.lang}: {how}"

    def fold(self, word: str) -> str:
        """Language-aware lowercase: Turkish and Azeri map I to ı and İ to i."""
        if "\u00ad" in word or "’" in word:
            word = word.replace("\u00ad", "").replace("’", "'")
        if self.lang in ("tr", "az"):
            word = word.replace("I", "ı").replace("İ", "i").lower()
        else:
            word = word.casefold()
        table = _OPTIONAL_ACCENTS.get(self.lang)
        return word.translate(table) if table else word

    def base(self, word: str) -> str:
        """The folded word without what an apostrophe adds (Komitesi'nin -> komitesi)."""
        folded = self.fold(word)
        if "'" in folded:
            if self.lang in _APOSTROPHE_SUFFIX:
                folded = folded.split("'", 1)[0]
            elif self.lang in _APOSTROPHE_ELISION:
                folded = folded.rsplit("'", 1)[1]
        return folded

    def key(self, word: str) -> str:
        """The matching key of a surface word: folded, lemmatized where needed, stemmed."""
        return self.keys([self.base(word)])[0]

    def keys(self, bases: list[str]) -> list[str]:
        """Matching keys of words already folded by `base`, stemmed in one batch."""
        if self.lemmatize:
            bases = [self.fold(_lemmatize(b, self.lang)) for b in bases]
        if not self.stemmer_name:
            return list(bases)
        stem = _stemmer(self.stemmer_name).stemWords
        keys = stem(bases)
        if self.lang in _STEM_TO_FIXPOINT:
            changed = [i for i, (k, b) in enumerate(zip(keys, bases)) if k != b]
            while changed:
                again = stem([keys[i] for i in changed])
                still = []
                for i, new in zip(changed, again):
                    if new != keys[i]:
                        keys[i] = new
                        still.append(i)
                changed = still
        return keys


@functools.lru_cache(maxsize=None)
def analyzer_for(lang: str) -> Analyzer:
    lang = canonical_lang(lang)
    stemmer_name = _SNOWBALL.get(lang) if lang in _stemmer_algorithms() else None
    lemmatize = lang in _LEMMATIZE_FIRST or (stemmer_name is None and lang in _simplemma_languages())
    return Analyzer(lang, stemmer_name, lemmatize, _COMPOUND_LINKERS.get(lang, ()))


@functools.lru_cache(maxsize=None)
def _stemmer_algorithms() -> frozenset[str]:
    import Stemmer

    names = set(Stemmer.algorithms())
    return frozenset(lang for lang, name in _SNOWBALL.items() if name in names)


@functools.lru_cache(maxsize=None)
def _stemmer(name: str):
    import Stemmer

    stemmer = Stemmer.Stemmer(name)
    stemmer.maxCacheSize = 0  # the matcher keeps its own cache per distinct word
    return stemmer


@functools.lru_cache(maxsize=None)
def _simplemma_languages() -> frozenset[str]:
    from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES

    return frozenset(SUPPORTED_LANGUAGES)


def _lemmatize(word: str, lang: str) -> str:
    return _lemmatizer()(word, lang=lang)


@functools.cache
def _lemmatizer():
    """simplemma's lemmatizer over its MARISA-trie dictionaries: built once per language and
    kept in the user's cache folder, they load in milliseconds where decoding the shipped
    dictionary takes a second or more on every run (Turkish)."""
    import simplemma
    from simplemma.strategies import DefaultStrategy

    try:
        from simplemma.strategies.dictionaries.trie_dictionary_factory import TrieDictionaryFactory

        # A cache folder that cannot be written costs speed, not results: no warning on stderr.
        logging.getLogger(TrieDictionaryFactory.__module__).addHandler(logging.NullHandler())
        factory = TrieDictionaryFactory()
    except ImportError:  # marisa-trie or platformdirs missing: the plain dictionaries
        return simplemma.lemmatize
    return simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory)).lemmatize


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Words of `text` with their spans; URLs and e-mail addresses are skipped."""
    return [(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(mask_urls(text))]


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
