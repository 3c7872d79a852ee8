"""Per-language text analysis: codes, casefolding (Turkish İ/ı), tokens, stems, compounds."""
from __future__ import annotations

import functools
import logging
import re
import unicodedata
from dataclasses import dataclass

from mtcheck.lexicons import all_lemmas, lexicon_missing, lexicon_name

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

# Languages written without spaces between words: each character is a word (see TOKEN_RE).
_CHARACTER_WORDS = {"zh", "ja", "ko"}

# Languages whose Snowball stemmer does not conflate common inflections on its own
# (Turkish: komite/komitesi, taban/tabanda, demokrasi/demokrasisi): lemmatize first.
_LEMMATIZE_FIRST = {"tr"}

# Slavic languages drop or change a stem's vowel in its forms (Czech den: dne, dnech; pes: psa;
# dům: domu; Polish pies: psa, dzień: dnia), so a form the dictionary gives a lemma for may
# share only its first letter with it; and they make the superlative with a prefix on a
# comparative stem (nejvyšší: vysoký, najlepszy: dobry is the lemma's own business).
_VOWEL_ALTERNATING = {"cs", "sk", "pl", "sl", "hr", "sr", "bs", "ru", "uk", "be", "bg", "mk"}
_SUPERLATIVE_PREFIX = {"cs": "nej", "sk": "naj", "pl": "naj", "sl": "naj", "hr": "naj", "sr": "naj", "bs": "naj",
                       "hu": "leg"}

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
# A part after the term that the dictionary does not know is taken only from this length on
# (a compound's own compound: "…|vorschriftensammlung"); a shorter one is a suffix ("-ität").
MIN_UNKNOWN_REST = 8
# Derivational suffixes: a word that is the term and one of these (with an inflection ending of
# up to two letters) is a derivation, not a compound — normalerweise, beispielsweise,
# Bereitschaft. Several are words too (Weise, Schaft), so the dictionary does not tell.
_DERIVATIONAL_SUFFIXES = {
    "de": ("weise", "schaft", "heit", "keit", "lich", "isch", "ung", "bar", "sam", "haft", "tum", "nis",
           "chen", "lein", "ling", "ität", "ismus", "artig", "mäßig", "los"),
    "nl": ("wijs", "schap", "heid", "lijk", "isch", "ing", "baar", "zaam", "achtig", "loos", "dom", "nis"),
    "sv": ("vis", "skap", "het", "lig", "isk", "ning", "bar", "sam", "aktig", "lös", "dom"),
    "da": ("vis", "skab", "hed", "lig", "isk", "ning", "bar", "som", "agtig", "løs", "dom"),
    "nb": ("vis", "skap", "het", "lig", "isk", "ning", "bar", "som", "aktig", "løs", "dom"),
    "nn": ("vis", "skap", "heit", "leg", "isk", "ning", "bar", "sam", "aktig", "laus", "dom"),
}
MIN_STEM = 4  # a shorter stem conflates unrelated words (andere, AND -> "and"): not matched on
# Stemmers that fold letters which tell words apart in their language: German's folds the
# umlauts (drücken and drucken both -> "druck"); the key keeps the word's own letters, and
# inflection that umlauts (Buch, Bücher) is left to the lemma dictionary.
_STEM_FOLDS_LETTERS = {"de"}
_UMLAUTS = str.maketrans("äöü", "aou")

# Accents that these orthographies treat as optional (komité = komite).
_OPTIONAL_ACCENTS = {
    lang: str.maketrans("éèêóòôà", "eeeoooa") for lang in ("nb", "nn", "da", "sv")
}

# Where an apostrophe cuts a word: Turkish and English suffixes follow it, French elides before it.
_APOSTROPHE_SUFFIX = {"tr", "az", "en"}
_APOSTROPHE_ELISION = {"fr", "it", "ca"}

# Families whose members are not foreign to each other (Bokmål and Nynorsk).
_FAMILY = {"nb": "no", "nn": "no"}

# A word may hold a soft hyphen, an apostrophe, or a UI mnemonic marker (Be_schreibung,
# Dat&ei): the marker is part of the word's span and folded away. Scripts written without
# spaces between words (Chinese, Japanese; Korean particles join their noun) have no word
# boundary to find, so each of their characters is a word: a term is then found as the run of
# its characters wherever it stands (预算 in 预算选项), as a segmenter's words would give it
# but without one's dictionary misses on a glossary's own terms. A mnemonic after such a
# character is a Latin letter appended to the label (描述_P), no part of a word.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"


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
_LETTER = rf"(?:[^\W_{_CJK}]|[{_MARKS}])"
TOKEN_RE = re.compile(rf"[{_CJK}]|{_LETTER}+(?:[\u00ad'’_&]{_LETTER}+)*")
TOKEN_SPLIT_RE = re.compile(f"({TOKEN_RE.pattern})")
# Scripts written without spaces whose words only a dictionary tells: Thai, Lao, Myanmar, Khmer
# (Khmer symbols, Myanmar extensions included). ICU's word break iterator has their
# dictionaries (icu4py, in mtcheck[lexicons]); without it a run of them is one word.
_SEGMENTED = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\ua9e0-\ua9ff\uaa60-\uaa7f"
_SEGMENTED_RE = re.compile(f"[{_SEGMENTED}]")
SEGMENTED_LANGUAGES = {"th": "Thai", "lo": "Lao", "my": "Burmese", "km": "Khmer"}


def split_words(text: str) -> list[str]:
    """`TOKEN_SPLIT_RE.split(text)`: gaps and words in turn, with each run of Thai, Lao,
    Myanmar or Khmer cut into its words (joined by empty gaps) where ICU is installed."""
    pieces = TOKEN_SPLIT_RE.split(text)
    if not _SEGMENTED_RE.search(text):
        return pieces
    breaker = _word_breaker()
    if breaker is None:
        return pieces
    split = [pieces[0]]
    for index in range(1, len(pieces), 2):
        word, gap = pieces[index], pieces[index + 1]
        parts = [word[a:b] for a, b in breaker(word, "").segments()] if _SEGMENTED_RE.search(word) else [word]
        for part in parts[:-1]:
            split += [part, ""]
        split += [parts[-1], gap]
    return split


@functools.cache
def _word_breaker():
    try:
        from icu4py.breakers import WordBreaker
    except ImportError:
        return None
    return WordBreaker


def word_segmenter(lang: str) -> str | None:
    """What cuts the language's words where it writes none between them: "ICU" or None."""
    return "ICU" if lang in SEGMENTED_LANGUAGES and _word_breaker() is not None else None
URL_RE = re.compile(r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.-]+", re.IGNORECASE)
# How a URL without a scheme starts: the expression ignores case, and these are the cases met.
_WWW = ("www.", "WWW.", "Www.")
GAP_RE = re.compile(r"[\s\u00a0\u202f\-\u2010\u2011]+")
# What stands for an inline tag of a translation file, and what masks code in a text: a
# character that is neither a word nor a gap, so no term is found inside or across it.
PLACEHOLDER = "\ufffc"
# A file name's extension: a full stop and a lowercase letter (not "Ende.Die", "z.B.").
_FILE_TRIGGERS = tuple("." + letter for letter in "abcdefghijklmnopqrstuvwxyz")
_FILE_TRIGGERS_SET = frozenset(_FILE_TRIGGERS)
# Where a path starts: its slash after a space or bracket (a text that starts with one: see
# mask_protected), not the slash of "und/oder".
_PATH_TRIGGERS = (" /", "\n/", "\t/", "(/", "[/", '"/', "'/", "~/", "./")
# What mask_protected masks, each with the strings one of which it cannot match without.
_PROTECTED = (
    (("://", *_WWW, "@"), URL_RE.pattern),
    # Elements whose content is code, input or output (HTML, DocBook, Mallard), tags included.
    (("<",), r"<(?P<code_element>code|input|output|cmd|sys|var|file|kbd|samp|tt|pre|screen|literal"
             r"|filename|command|userinput|computeroutput|programlisting|envar|option|replaceable"
             r"|systemitem|varname|function|constant)(?:\s[^<>]*)?>[^<]*(?:<(?!/?(?P=code_element)[\s/>])[^<]*)*"
             r"</(?P=code_element)\s*>"),
    (("<",), r"</?[A-Za-z_][\w:.-]*(?:\s[^<>]*)?/?>"),             # HTML/XML tags, itstool's <_:media-1/>
    (("&lt;",), r"(?-i:&lt;[/!?]?[A-Za-z_][^<>\n]*?&gt;)"),               # escaped XML samples
    (("{",), r"\{\{[^{}]*\}\}|\{[\w.:!\[\]-]*\}"),               # {{ var }}, {name}, {0}
    (("%",), r"%(?:\([\w.-]+\))?[-+#0]*(?:\d+|\*)?(?:\.\d+)?[hlLqjzt]*[diouxXeEfFgGcrsa%](?![^\W\d_])"),  # printf
    (("&",), r"&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);"),              # character references left in text
    (("<",), r"<!--(?:.*?-->|.*)"),  # comments; one left open runs to the line's end (and
                                     # is tried once, not again from every later "<!--")
    (("`",), r"`[^`\n]+`"),                                       # Markdown code spans
    (("](",), r"(?<=\])\([^()\s]*\)"),                            # Markdown link targets
    (("=",), r"(?m:^[ \t]*[A-Za-z][\w.@\[\]-]*=\S*[ \t]*$)"),   # key=value lines (desktop files, INI), not "N=374 patients"
    (("$ ",), r"(?m:^[ \t]*\$ .*)"),                                # command lines after a shell prompt
    (("$",), r"\$\{?[A-Za-z_]\w*\}?"),                            # shell and template variables: $REVISION, ${name}
    (("--",), r"(?<![\w-])--[A-Za-z][\w-]*(?:=\S*)?"),            # long options
    # paths of two parts or more, after a space or an opening bracket: /usr/bin, ~/.local/ (not 10 °/20 °)
    (_PATH_TRIGGERS, r"(?<![^\s(\[\"'])(?:~|\.{1,2})?/[\w.@%+-]*[^\W\d_][\w.@%+-]*/[\w.@%+-/]*"),
    (_FILE_TRIGGERS, r"(?-i:(?<![\w.])[\w-]+(?:\.[\w-]+)*\.[a-z][a-z0-9]{0,7}(?![\w.]))"),  # file names: x1.desktop
)
_PROTECTED_TRIGGERS = tuple(dict.fromkeys(t for triggers, _ in _PROTECTED for t in triggers))
# Each trigger with the character of it that prose has least: "/" of "://", "]" of "](".
_RAREST = {"://": "/", "](": "]", "WWW.": "W", "Www.": "W", **{t: "/" for t in _PATH_TRIGGERS}}
_TRIGGER_GATES = tuple((t, _RAREST.get(t, t[0])) for t in _PROTECTED_TRIGGERS
                       if t not in _FILE_TRIGGERS and t not in _PATH_TRIGGERS)
_PATH_OPENERS = frozenset(t[0] for t in _PATH_TRIGGERS)
_LITERAL_TRIGGERS = tuple(t for t in _PROTECTED_TRIGGERS if t not in _FILE_TRIGGERS)
# The file triggers at once: prose has a full stop in every sentence, a lowercase letter
# right after one seldom; one scan instead of one per letter.
_FILE_TRIGGER_RE = re.compile(r"\.(?=[a-z])")


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
    if "." in text:
        found.extend(m.start() for m in _FILE_TRIGGER_RE.finditer(text))
    # A path's trigger is a slash after one of a few characters: each slash is found, and
    # the character before it looked at, instead of a scan of the text per trigger.
    at = text.find("/")
    while at >= 0:
        if at == 0 or text[at - 1] in _PATH_OPENERS:
            found.append(max(at - 1, 0))
        at = text.find("/", at + 1)
    return found


def mask_protected(text: str) -> str:
    """URLs, e-mail addresses, markup tags and placeholders (%s, %(name)s, {name}) replaced
    by PLACEHOLDER runs of the same length: never matched, never matched across."""
    present = frozenset(trigger for trigger in _LITERAL_TRIGGERS if trigger in text)  # each checked in C
    if "." in text and _FILE_TRIGGER_RE.search(text):
        present |= _FILE_TRIGGERS_SET
    if text[:1] == "/":
        present |= {" /"}
    if not present:
        return text
    return _protected_re(present).sub(lambda m: PLACEHOLDER * len(m.group()), text)


def _unmarked(word: str) -> str:
    """The word without soft hyphens and mnemonic markers, its apostrophe the plain one."""
    if "\u00ad" in word or "’" in word or "_" in word or "&" in word:
        word = word.replace("\u00ad", "").replace("’", "'").replace("_", "").replace("&", "")
    return word


def without_accents(word: str) -> str:
    """The word without combining marks once decomposed (fermé: ferme, notowań: notowan)."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def neutral_fold(word: str) -> str:
    """Casefold that ignores the dotted/dotless i distinction: for text of unknown language."""
    word = _unmarked(word)
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
    # Whether simplemma has a dictionary of the language, to tell apart words that share a
    # stem (matching only: the Turkish keys are lemmatized already).
    dictionary: bool = False

    @property
    def compounding(self) -> bool:
        return bool(self.linkers)

    @property
    def alternates_vowels(self) -> bool:
        """Whether a dictionary form may share only its first letter with its lemma (den: dnech)."""
        return self.lang in _VOWEL_ALTERNATING

    def without_superlative(self, word: str) -> str | None:
        """The folded word without its superlative prefix (nejvyšších: vyšších), None for none."""
        prefix = _SUPERLATIVE_PREFIX.get(self.lang)
        if prefix and word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix):]
        return None

    @property
    def inflects(self) -> bool:
        return bool(self.stemmer_name or self.lemmatize)

    def describe(self) -> str:
        return f"{self.lang}: {', '.join(self.capabilities())}"

    def capabilities(self) -> list[str]:
        """How words of the language are matched, what guards them, and what is missing."""
        parts = []
        if self.lemmatize:
            parts.append("simplemma lemmatizer")
        if self.stemmer_name:
            parts.append(f"Snowball {self.stemmer_name} stemmer")
        if not parts:
            parts.append("no stemmer or lemmatizer: exact matching")
        if self.dictionary:
            parts.append("simplemma dictionary guards (lemmas, ordinary words)")
        elif self.stemmer_name and not self.lemmatize:
            parts.append("no dictionary: stems without guards")
        if self.compounding:
            parts.append("compounds")
        if self.lang in ("de", "nl"):
            parts.append("participles")
        if self.lang in _CHARACTER_WORDS:
            parts.append("characters as words")
        lexicon = lexicon_name(self.lang)
        if lexicon:
            parts.append(f"{lexicon} lexicon (every lemma of a form)")
        elif lexicon_missing(self.lang):
            parts.append("no full-form lexicon: install mtcheck[lexicons]")
        if self.lang in SEGMENTED_LANGUAGES:
            parts.append("ICU word segmentation" if word_segmenter(self.lang)
                         else "no word segmenter (a run of letters is one word): install mtcheck[lexicons]")
        from mtcheck.postag import tagger_name, tagger_missing  # the tagger's package is optional

        tagger = tagger_name(self.lang)
        if tagger:
            parts.append(f"{tagger} part-of-speech tagger (a glossary's noun and verb told apart)")
        elif tagger_missing(self.lang):
            parts.append("no part-of-speech tagger: install mtcheck[lexicons]")
        return parts

    def fold(self, word: str) -> str:
        """Language-aware lowercase: Turkish and Azeri map I to ı and İ to i."""
        word = _unmarked(word)
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


    def match_keys(self, bases: list[str]) -> list[str]:
        """`keys`, with what a stem alone must not conflate kept apart: the letters the
        stemmer folds (drücken, drucken), and a stem under MIN_STEM letters (the word stays
        whole: andere is not "and")."""
        keys = self.keys(bases)
        if not self.stemmer_name:
            return keys
        keeps_letters = self.lang in _STEM_FOLDS_LETTERS
        for index, (key, base) in enumerate(zip(keys, bases)):
            if keeps_letters and not base.startswith(key):
                spelt = base.replace("ß", "ss")
                own = spelt[:len(key)]
                if own.translate(_UMLAUTS) == key:
                    keys[index] = key = own
            if len(key) < MIN_STEM and key != base:
                keys[index] = base
        return keys

    def folded_key(self, base: str) -> str | None:
        """The stemmer's own key, with the letters it folds folded (German umlauts), where
        match_keys keeps them; else None."""
        if self.lang not in _STEM_FOLDS_LETTERS:
            return None
        key = self.keys([base])[0]
        return key if len(key) >= MIN_STEM else None

    def lemmas(self, word: str, any_case: bool = False, every: bool = False) -> tuple[str, ...]:
        """The casefolded dictionary lemmas of a surface word, () when the dictionary does not
        know it. `any_case`: also of the word in lower case and capitalised (a German verb at
        the start of a sentence, a heading in capitals). `every`: a text's word, with every
        lemma the language's full-form lexicon gives it (Polish "pliki": plik and plika) before
        simplemma's one; a term's word gets simplemma's, or itself where that lexicon says it
        is a citation form (see mtcheck.lexicons)."""
        if not self.dictionary:
            return ()
        word = _unmarked(word)
        if "'" in word:  # as `base` cuts it, in the word's own case
            cut = len(self.fold(word)) - len(self.base(word))
            word = word[cut:] if self.lang in _APOSTROPHE_ELISION else word[:len(word) - cut]
        forms = (word, word.lower(), word[:1].upper() + word[1:].lower()) if any_case else (word,)
        found = []
        for form in dict.fromkeys(forms):
            if every:
                found += map(self.fold, all_lemmas(form, self.lang) or ())
            lemma = _dictionary_lemma(form, self.lang)
            if lemma is not None:
                found.append(self.fold(lemma))
        if not every and self.fold(word) in map(self.fold, all_lemmas(word, self.lang) or ()):
            found.insert(0, self.fold(word))
        return tuple(dict.fromkeys(found))

    def is_compound_rest(self, rest: str) -> bool:
        """Whether `rest`, the letters after a term at the start of a word, is a compound's
        other part: a linking element, then a word the dictionary knows (or a long one),
        not a derivational suffix."""
        suffixes = _DERIVATIONAL_SUFFIXES.get(self.lang, ())
        for linker in self.linkers:
            tail = rest[len(linker):]
            if not rest.startswith(linker) or len(tail) < MIN_COMPOUND_REST or not tail.isalpha():
                continue
            if any(tail.startswith(suffix) and len(tail) - len(suffix) <= 2 for suffix in suffixes):
                return False
        for linker in self.linkers:
            tail = rest[len(linker):]
            if not rest.startswith(linker) or len(tail) < MIN_COMPOUND_REST or not tail.isalpha():
                continue
            if not self.dictionary or len(tail) >= MIN_UNKNOWN_REST or self.lemmas(tail, any_case=True):
                return True
        return False

    def is_compound_start(self, start: str) -> bool:
        """Whether `start`, the letters before a term at the end of a word, is a compound's
        first part: a word the dictionary knows, with or without a linking element
        (System|einstellungen, Rechnungs|…), of at least MIN_COMPOUND_REST letters; without a
        dictionary, one letter more. Not a prefix (Be|rechnung, Ver|rechnung)."""
        if not start.isalpha():
            return False
        if not self.dictionary:
            return len(start) > MIN_COMPOUND_REST
        for linker in self.linkers:
            head = start[:len(start) - len(linker)] if linker else start
            if start.endswith(linker) and len(head) >= MIN_COMPOUND_REST and self.lemmas(head, any_case=True):
                return True
        return False


@functools.lru_cache(maxsize=None)
def analyzer_for(lang: str) -> Analyzer:
    lang = canonical_lang(lang)
    stemmer_name = _SNOWBALL.get(lang) if lang in _stemmer_algorithms() else None
    lemmatize = lang in _LEMMATIZE_FIRST or (stemmer_name is None and lang in _simplemma_languages())
    dictionary = bool(stemmer_name) and not lemmatize and lang in _simplemma_languages()
    return Analyzer(lang, stemmer_name, lemmatize, _COMPOUND_LINKERS.get(lang, ()), dictionary)


def known_languages() -> list[str]:
    """Every language code some analyser or lexicon here serves, sorted."""
    return sorted(set(_stemmer_algorithms()) | set(_simplemma_languages()) | _CHARACTER_WORDS | set(SEGMENTED_LANGUAGES))


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


def _dictionary_lemma(word: str, lang: str) -> str | None:
    """The lemma simplemma's dictionary gives a word (its case, then the other case), None
    where the dictionary does not have it: no guess from rules or affixes."""
    return _dictionary_lookup().get_lemma(word, lang)


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
def _lemmatizer():
    """simplemma's lemmatizer over the dictionaries of dictionary_factory."""
    import simplemma
    from simplemma.strategies import DefaultStrategy

    return simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=dictionary_factory())).lemmatize


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Words of `text` with their spans; URLs and e-mail addresses are skipped."""
    pieces = split_words(mask_urls(text))
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
