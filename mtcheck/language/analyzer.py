"""How one language turns a word into a matching key, assembled from the analysers of this
package: the registry of what each language has (`analyzer_for`) and of what it lacks."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from mtcheck.language import dictionary, snowball
from mtcheck.language.codes import canonical_lang
from mtcheck.language.compounds import (
    COMPOUND_LINKERS, DERIVATIONAL_SUFFIXES, MIN_COMPOUND_REST, MIN_UNKNOWN_REST, PHRASE_LINKS,
)
from mtcheck.language.derivation import has_derived_modifiers
from mtcheck.language.fullform import all_lemmas, lexicon_missing, lexicon_name
from mtcheck.language.inflection import ARTICLE_FORMS, LEMMATIZE_FIRST, SUPERLATIVE_PREFIX, VOWEL_ALTERNATING
from mtcheck.language.orthography import APOSTROPHE_ELISION, APOSTROPHE_SUFFIX, OPTIONAL_ACCENTS
from mtcheck.language.segmenter import SEGMENTED_LANGUAGES, word_segmenter
from mtcheck.language.snowball import MIN_STEM, SNOWBALL, STEM_FOLDS_LETTERS, STEM_TO_FIXPOINT, UMLAUTS
from mtcheck.language.tagger import tagger_missing, tagger_name
from mtcheck.language.words import CHARACTER_WORDS, unmarked


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
        return self.lang in VOWEL_ALTERNATING

    def without_superlative(self, word: str) -> str | None:
        """The folded word without its superlative prefix (nejvyšších: vyšších), None for none."""
        prefix = SUPERLATIVE_PREFIX.get(self.lang)
        if prefix and word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix):]
        return None

    @property
    def inflects(self) -> bool:
        return bool(self.stemmer_name or self.lemmatize)

    def describe(self) -> str:
        return f"{self.lang}: {', '.join(self.capabilities())}; {self.fixes()}"

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
        if self.lang in PHRASE_LINKS:
            parts.append("compound and phrase variants")
        if self.lang in ARTICLE_FORMS:
            parts.append("any form of an article")
        if self.alternates_vowels:
            parts.append("stem vowel changes")
        if self.lang in SUPERLATIVE_PREFIX:
            parts.append(f"superlatives ({SUPERLATIVE_PREFIX[self.lang]}-)")
        if has_derived_modifiers(self.lang):
            parts.append("derived modifiers")
        if self.lang in CHARACTER_WORDS:
            parts.append("characters as words")
        lexicon = lexicon_name(self.lang)
        if lexicon:
            parts.append(f"{lexicon} lexicon (every lemma of a form)")
        elif lexicon_missing(self.lang):
            parts.append("no full-form lexicon: install mtcheck[lexicons]")
        if self.lang in SEGMENTED_LANGUAGES:
            parts.append("ICU word segmentation" if word_segmenter(self.lang)
                         else "no word segmenter (a run of letters is one word): install mtcheck[lexicons]")
        tagger = tagger_name(self.lang)
        if tagger:
            parts.append(f"{tagger} part-of-speech tagger (a glossary's noun and verb told apart)")
        elif tagger_missing(self.lang):
            parts.append("no part-of-speech tagger: install mtcheck[lexicons]")
        return parts

    def fixes(self) -> str:
        """How a fix makes the words around a replaced term agree (mtcheck.language.agreement)."""
        return _fixes(self.lang)

    def fold(self, word: str) -> str:
        """Language-aware lowercase: Turkish and Azeri map I to ı and İ to i."""
        word = unmarked(word)
        if self.lang in ("tr", "az"):
            word = word.replace("I", "ı").replace("İ", "i").lower()
        else:
            word = word.casefold()
        table = OPTIONAL_ACCENTS.get(self.lang)
        return word.translate(table) if table else word

    def base(self, word: str) -> str:
        """The folded word without what an apostrophe adds (Komitesi'nin -> komitesi)."""
        folded = self.fold(word)
        if "'" in folded:
            if self.lang in APOSTROPHE_SUFFIX:
                folded = folded.split("'", 1)[0]
            elif self.lang in APOSTROPHE_ELISION:
                folded = folded.rsplit("'", 1)[1]
        return folded

    def key(self, word: str) -> str:
        """The matching key of a surface word: folded, lemmatized where needed, stemmed."""
        return self.keys([self.base(word)])[0]

    def keys(self, bases: list[str]) -> list[str]:
        """Matching keys of words already folded by `base`, stemmed in one batch."""
        if self.lemmatize:
            bases = [self.fold(dictionary.lemmatize(b, self.lang)) for b in bases]
        if not self.stemmer_name:
            return list(bases)
        stem = snowball.stemmer(self.stemmer_name).stemWords
        keys = stem(bases)
        if self.lang in STEM_TO_FIXPOINT:
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
        keeps_letters = self.lang in STEM_FOLDS_LETTERS
        for index, (key, base) in enumerate(zip(keys, bases)):
            if keeps_letters and not base.startswith(key):
                spelt = base.replace("ß", "ss")
                own = spelt[:len(key)]
                if own.translate(UMLAUTS) == key:
                    keys[index] = key = own
            if len(key) < MIN_STEM and key != base:
                keys[index] = base
        return keys

    def folded_key(self, base: str) -> str | None:
        """The stemmer's own key, with the letters it folds folded (German umlauts), where
        match_keys keeps them; else None."""
        if self.lang not in STEM_FOLDS_LETTERS:
            return None
        key = self.keys([base])[0]
        return key if len(key) >= MIN_STEM else None

    def lemmas(self, word: str, any_case: bool = False, every: bool = False) -> tuple[str, ...]:
        """The casefolded dictionary lemmas of a surface word, () when the dictionary does not
        know it. `any_case`: also of the word in lower case and capitalised (a German verb at
        the start of a sentence, a heading in capitals). `every`: a text's word, with every
        lemma the language's full-form lexicon gives it (Polish "pliki": plik and plika) before
        simplemma's one; a term's word gets simplemma's, or itself where that lexicon says it
        is a citation form (see mtcheck.language.fullform)."""
        if not self.dictionary:
            return ()
        word = unmarked(word)
        if "'" in word:  # as `base` cuts it, in the word's own case
            cut = len(self.fold(word)) - len(self.base(word))
            word = word[cut:] if self.lang in APOSTROPHE_ELISION else word[:len(word) - cut]
        forms = (word, word.lower(), word[:1].upper() + word[1:].lower()) if any_case else (word,)
        found = []
        for form in dict.fromkeys(forms):
            if every:
                found += map(self.fold, all_lemmas(form, self.lang) or ())
            lemma = dictionary.dictionary_lemma(form, self.lang)
            if lemma is not None:
                found.append(self.fold(lemma))
        if not every and self.fold(word) in map(self.fold, all_lemmas(word, self.lang) or ()):
            found.insert(0, self.fold(word))
        return tuple(dict.fromkeys(found))

    def is_compound_rest(self, rest: str) -> bool:
        """Whether `rest`, the letters after a term at the start of a word, is a compound's
        other part: a linking element, then a word the dictionary knows (or a long one),
        not a derivational suffix."""
        suffixes = DERIVATIONAL_SUFFIXES.get(self.lang, ())
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

    def is_known_compound_rest(self, rest: str) -> bool:
        """Whether `rest` is a compound's other part for sure: a linking element, then a word
        the dictionary knows, not only a long one (is_compound_rest takes a long word it does
        not know: „tellungen" of „Einstellungen" cut after „Eins"); without a dictionary, as
        is_compound_rest."""
        if not self.is_compound_rest(rest) or not self.dictionary:
            return self.is_compound_rest(rest)
        return any(rest.startswith(linker) and len(rest) - len(linker) >= MIN_COMPOUND_REST
                   and self.lemmas(rest[len(linker):], any_case=True) for linker in self.linkers)

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
    stemmer_name = SNOWBALL.get(lang) if lang in snowball.stemmer_algorithms() else None
    in_simplemma = lang in dictionary.simplemma_languages()
    lemmatize = lang in LEMMATIZE_FIRST or (stemmer_name is None and in_simplemma)
    return Analyzer(lang, stemmer_name, lemmatize, COMPOUND_LINKERS.get(lang, ()),
                    bool(stemmer_name) and not lemmatize and in_simplemma)


def known_languages() -> list[str]:
    """Every language code some analyser or lexicon here serves, sorted."""
    return sorted(set(snowball.stemmer_algorithms()) | set(dictionary.simplemma_languages()) | CHARACTER_WORDS
                  | set(SEGMENTED_LANGUAGES))


def _fixes(lang: str) -> str:
    """How fixes make the words around a replaced term agree in this language."""
    from mtcheck.language.agreement import GENDERLESS

    if lang == "de":
        from mtcheck.language.nouns import german_lexicon_installed

        return ("fixes: articles, adjectives and case forms from german-nouns" if german_lexicon_installed() else
                "fixes: without german-nouns (pip install --no-deps german-nouns) a gender change is unsafe")
    if lang == "pl":
        return ("fixes: case, number and agreeing words from Morfeusz 2" if lexicon_name("pl")
                else "fixes: without Morfeusz 2 (mtcheck[lexicons]) a gender change is unsafe")
    if lang in ("fr", "es"):
        return "fixes: articles and adjectives by the glossary's genders"
    if lang in ("tr", "az"):
        return "fixes: suffixes in vowel harmony"
    if lang in ("nb", "sv", "da"):
        return "fixes: definiteness and articles by the glossary's genders"
    if lang in GENDERLESS:
        return "fixes: the found word's ending carried over"
    return "fixes: the found word's ending carried over; a gender change is unsafe"
