"""What a bilingual dictionary makes of a concept's terms in the glossary's other languages:
the renderings a translator may have put in place of the glossary's own.

A span renders a concept by the dictionary when its content words, one for one, are
translations of the words of one of the concept's terms in another language („mobilisation de
masse habile" for "skilled mass mobilisation"), or are a translation the dictionary gives for
the whole term. A one-word term says less: a word has many senses, so its translations are
trusted only where the glossary keeps the term as it is in the other language („nœud" where a
French software glossary keeps "Node"), never where the glossary's own term is one of them
(then the others are the word's other senses).
"""
from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass, field
from typing import Iterable

from mtcheck.discovery.parts import MODIFIERS_FIRST, cognate, plain, related
from mtcheck.discovery.text import TextAnalyser, inflected_as
from mtcheck.language import analyzer_for, canonical_lang, known_word, words_of
from mtcheck.language.bilingual import Lexicon, lexicon
from mtcheck.language.dictionary import dictionary_lemma, simplemma_languages
from mtcheck.language.loanwords import heard_keys, sounds_like, spellings, spoken, written_by_sound
from mtcheck.matching import WordCache
from mtcheck.model import Concept, Term

MAX_WORDS = 4  # content words of a term composed word by word: more makes too many orders
MAX_SENSES = 2  # translations of a one-word term beyond which its senses are too many to trust
MIN_LEFT_OUT = 3  # words of a term at least, for a rendering of all of them but its head
MIN_PART = 4    # letters of a compound's part at least
MIN_STEMMED_PART = 2  # of its last part, as a compound's key leaves it (-eb of Steuerungsebene)
STEMMED_ENDING = 3    # letters the key may have cut off that last part
MIN_LIKE = 5    # letters of a word spelt alike at least: shorter ones are alike by chance
_LINKS = ("", "s", "es", "n", "en", "e")  # what joins a compound's parts (Vaterland|s|front)
# Written out as many writers do ('noeud' for 'nœud').
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})
# TBX's parts of speech as the dictionaries mark them.
_POS = {"noun": "n", "properNoun": "n", "verb": "v", "adjective": "a", "adverb": "r", "": "n"}
# Languages that write English words as they sound (see mtcheck.language.loanwords): a term's
# English words so written are a rendering too, where no dictionary is needed.
BY_SOUND = {"ko", "ja"}
# Consonants a one-word English term must have for a word written as it sounds to render it.
SOUNDED_ALONE = {"ja": 3, "ko": 4}
SOUNDED = "written as it sounds"
GLOSSARY = "the glossary's own terms"  # where a term's word is translated as the glossary translates it
_SOUND = "\0"  # a slot's word written as it sounds: the English word after this mark
_LIKE = "\1"   # a slot's word spelt alike in the text's language: the word after this mark
_NAME = "\3"   # a name's key, which its adjective begins with (Vietnam: vietnamesisch, vietnamsk)
NAME_ENDING = 7  # letters an adjective adds to a name at most
_SPELT = "\2"  # a word no dictionary gives, spelt alike: as _LIKE, from its first four letters on
SPELT_START = 4  # letters a word no dictionary gives must begin with as the term's word does


@dataclass(frozen=True)
class Translated:
    """One term of a concept in another language, as the dictionary renders it in this one."""

    concept: str
    term: Term
    slots: tuple[frozenset[str], ...]    # each translatable word of the term: its translations' keys
    phrases: frozenset[tuple[str, ...]]  # translations of the whole term, as keys
    kept: bool                           # the glossary keeps the term as it is in this language
    dictionaries: tuple[str, ...]
    in_gap_only: bool = False  # one of a word's many senses: evidence only where a bilingual gap chose it
    # Each slot's word as the term writes it where a translation may keep it ("" elsewhere):
    # a phrase of those words alone is the term left as it is, no translation (GL003's).
    kept_words: tuple[str, ...] = ()
    slot_words: tuple[str, ...] = ()  # each slot's word as the term writes it
    head: int = -1  # the slot of the term's head noun, where its language tells (see _head)

    def renders(self, keys: tuple[str, ...], compounding: bool = False) -> bool:
        """Whether content words (keys) are a translation of the term: one the dictionary
        gives for the whole term, or each word a translation of one of the term's words, in
        any order; of a term of several words, a word of the same stem as a translation counts
        too (Czech „frontový", the adjective, for 'front'). `compounding`: a word may be a
        compound of two translations (Vaterlandsfront: 'fatherland', 'front')."""
        if keys in self.phrases:
            return True
        if compounding and len(keys) < len(self.slots) <= MAX_WORDS:
            return any(self._word_for_word(split) for split in _split(keys, self.slots, len(self.slots) - len(keys)))
        return self._word_for_word(keys)

    def compounded(self, key: str) -> bool:
        """Whether one word (its key) is made of translations of each of the term's several
        words, every part whole („Dienstkonto": Dienst, Konto for "Service Account"; not
        „kaufen" read as Kauf and a stub of „Ende")."""
        return 1 < len(self.slots) <= MAX_WORDS and any(
            self._word_for_word(split) for split in _split((key,), self.slots, len(self.slots) - 1, stemmed=False))

    def _word_for_word(self, keys: tuple[str, ...]) -> bool:
        if len(keys) != len(self.slots) or len(keys) > MAX_WORDS:
            return False
        if len(keys) == 1:
            # A word of one sense, or an English word written as it sounds (コントローラー).
            return keys[0] in self.slots[0] \
                or any(word[:1] == _SOUND and _fits(keys[0], word) for word in self.slots[0])
        return _one_for_one(keys, self.slots, self.kept_words)

    def left_out(self, keys: tuple[str, ...]) -> str | None:
        """The head of the term (of three words or more) where the keys translate each of its
        other words and leave it out: „Vietnamské vlasti" ('of the Vietnamese fatherland') for
        "Vietnam Fatherland Front" names no front. None where the keys are no such rendering.
        A term shortened to its head („the Front") is a short form, not this."""
        count, head = len(self.slots), self.head
        if head < 0 or not MIN_LEFT_OUT <= count <= MAX_WORDS or len(keys) != count - 1:
            return None
        slots = self.slots[:head] + self.slots[head + 1:]
        kept = self.kept_words[:head] + self.kept_words[head + 1:]
        return self.slot_words[head] if _one_for_one(keys, slots, kept) else None


@dataclass
class DictionaryRenderings:
    """Every concept's dictionary renderings in one language, indexed by their words' keys."""

    lang: str = ""
    analyser: TextAnalyser | None = None
    _keys: WordCache = field(init=False, repr=False)
    translated: dict[str, list[Translated]] = field(default_factory=dict)  # concept id -> its terms
    _by_key: dict[str, set[str]] = field(default_factory=dict)             # a key -> concept ids
    # a key -> the concepts of whose one-word terms it is one of many senses (in_gap_only)
    _by_sense: dict[str, set[str]] = field(default_factory=dict)
    _by_sound: dict[str, set[str]] = field(default_factory=dict)           # consonants (loanwords) -> concept ids
    _compounds: dict[str, set[str]] = field(default_factory=dict, repr=False)  # a word -> concepts ending it
    # A translation's key with its last letters cut, as a compound's key may leave it: -> concepts.
    _stemmed_ends: dict[str, set[str]] = field(default_factory=dict, repr=False)
    longest: int = 0                                                       # most content words
    # (source language, word) -> the keys of its one-word translations: a glossary's words
    # recur across its terms, and each is looked up once.
    _slot_keys: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict, repr=False)
    # A term's language -> the dictionary from this language into it (see _known_otherwise).
    _back: dict[str, Lexicon] = field(default_factory=dict, repr=False)

    def __post_init__(self):
        self._keys = WordCache(self._key)

    @functools.cached_property
    def _own_word(self):
        """Whether the language's own dictionary knows a word (None: it has none)."""
        return known_word(self.lang)

    @classmethod
    def build(cls, concepts: Iterable[Concept], lang: str, analyser: TextAnalyser,
              new_terms: bool = False) -> DictionaryRenderings:
        made = cls(lang=canonical_lang(lang), analyser=analyser)
        lexicons: dict[str, tuple[Lexicon, Lexicon]] = {}  # a source language -> there and back
        concepts = list(concepts)
        termed = None  # the glossary's own words (see _glossary_words), read where a dictionary is
        for concept in concepts:
            own = [t for t in concept.terms_in(made.lang) if t.status.accepted]
            if not own and not new_terms:
                continue  # nothing in this language to render it as instead
            own_keys = own_plain = None  # read where a dictionary has the term's language
            for term in concept.terms:
                if canonical_lang(term.lang) == made.lang or not term.status.accepted:
                    continue
                source = canonical_lang(term.lang)
                if source not in lexicons:
                    lexicons[source] = (lexicon(source, made.lang), lexicon(made.lang, source))
                    made._back[source] = lexicons[source][1]
                if not lexicons[source][0]:
                    continue
                if own_keys is None:
                    own_keys = {made.keys_of(t.text) for t in own}
                    own_plain = {t.text.casefold() for t in own}
                if termed is None:
                    termed = _glossary_words(concepts, made.lang)
                made._add(concept.id, made._translate(concept.id, term, *lexicons[source], own_keys, own_plain,
                                                      termed.get(source, {})))
            if made.lang in BY_SOUND:
                for term in concept.terms:
                    if canonical_lang(term.lang) == "en" and term.status.accepted:
                        made._add(concept.id, made._sounded(concept.id, term, {t.text.casefold() for t in own}))
        return made

    def _add(self, concept_id: str, translated: Translated | None) -> None:
        if translated is None:
            return
        self.translated.setdefault(concept_id, []).append(translated)
        if translated.in_gap_only:
            # No place of its own: evidence for what a gap chose, or a list named it among terms.
            for key in set().union(*translated.slots):
                self._by_sense.setdefault(key, set()).add(concept_id)
            return
        self.longest = max(self.longest, len(translated.slots), *map(len, translated.phrases))
        for key in set().union(*translated.slots, *translated.phrases):
            if key[:1] == _SOUND:
                for spelt in spellings(key[1:]):
                    self._by_sound.setdefault(spelt, set()).add(concept_id)
            else:
                self._by_key.setdefault(key, set()).add(concept_id)
                if key[:1] not in (_LIKE, _SPELT, _NAME) and len(key) >= MIN_PART:
                    for cut in range(1, STEMMED_ENDING + 1):
                        if len(key) - cut >= MIN_STEMMED_PART:
                            self._stemmed_ends.setdefault(key[:-cut], set()).add(concept_id)

    def _sounded(self, concept_id: str, term: Term, own_plain: set[str]) -> Translated | None:
        """An English term's words written as they sound, or kept as they are where they are
        acronyms ('API 서버' for "API server"). A term of one word only where it has as many
        consonants as SOUNDED_ALONE asks: a word of few sounds like many (된다, 'it becomes',
        like 'taint'), where katakana, kept for loanwords, says more than Hangul
        (コントローラー for "Controller")."""
        surfaces = [w for w, _, _ in words_of(term.text) if _content("en", w)]
        kept = term.text.casefold() in own_plain
        alone = len(surfaces) == 1 and len(spoken(surfaces[0])) >= SOUNDED_ALONE.get(self.lang, MAX_WORDS + 1)
        if not (1 < len(surfaces) <= MAX_WORDS or alone):
            return None
        slots = tuple(frozenset({self.key(w)}) if _kept_as_is(w) else frozenset({_SOUND + w}) for w in surfaces)
        if all(_SOUND + w not in slot for w, slot in zip(surfaces, slots)):
            return None  # every word kept: the term itself, GL003's
        return Translated(concept_id, term, slots, frozenset(), kept, (SOUNDED,))

    def __bool__(self) -> bool:
        return bool(self.translated)

    def key(self, surface: str) -> str:
        """A word as the dictionaries are compared with it (see _key), once per distinct word."""
        return self._keys[surface]

    def _key(self, surface: str) -> str:
        """Its lemma where simplemma's dictionary has the word, case folded (a stem would join
        'toma' with 'tomo'), else the matcher's key ('nœuds', which the dictionary lacks, with
        'nœud'); ligatures written out."""
        lemma = (dictionary_lemma(surface, self.lang) or dictionary_lemma(surface.lower(), self.lang)) \
            if self.lang in simplemma_languages() else None
        return (lemma.casefold() if lemma else self.analyser.word(surface)[0]).translate(_LIGATURES)

    def keys_of(self, text: str) -> tuple[str, ...]:
        """The content words of a text, as keys."""
        return tuple(self.key(w) for w, _, _ in self.analyser.words_of(text) if self.analyser.word(w)[1])

    def translation_keys(self, translation: str) -> tuple[str, ...]:
        """A dictionary's translation as keys; one that has a word the text's words would lose
        without being a function word (时 of 运行时, a character alone) only as a whole, which
        no text's words give: 运行时 (runtime) is not 运行 (to run)."""
        words = self.analyser.words_of(translation)
        analyser = self.analyser
        if any(not analyser.word(w)[1] and analyser.analyzer.base(w) not in analyser.function_words
               and any(c.isalpha() for c in w) for w, _, _ in words):
            return (translation.casefold(),)
        return tuple(self.key(w) for w, _, _ in words if analyser.word(w)[1])

    def concepts_with(self, surface: str) -> set[str]:
        if not self._by_key and not self._by_sound:
            return set()  # no dictionary, or nothing in it for these terms: no word looked up
        key = self.key(surface)
        found = self._by_key.get(key) or self._in_compound(key)
        if self._by_sound and written_by_sound(surface):
            found = found.union(*(self._by_sound.get(k, ()) for k in heard_keys(key)))
        return found

    @property
    def has_senses(self) -> bool:
        """Whether some one-word term has a dictionary's many senses (see concepts_in_senses)."""
        return bool(self._by_sense)

    def concepts_in_senses(self, surface: str) -> set[str]:
        """The concepts of whose one-word kept terms this word is one of the dictionary's many
        senses (which a gap or a list must choose)."""
        return self._by_sense.get(self.key(surface), set()) if self._by_sense else set()

    @property
    def compounding(self) -> bool:
        return self.analyser is not None and self.analyser.analyzer.compounding

    def _in_compound(self, key: str) -> set[str]:
        """In a language that writes compounds as one word, the concepts whose translations
        end the word (Vaterlands|front), once per distinct word."""
        if not self.compounding or len(key) < 2 * MIN_PART:
            return set()
        found = self._compounds.get(key)
        if found is None:
            if len(self._compounds) > 100_000:
                self._compounds.clear()
            found = self._compounds[key] = set().union(
                *(self._by_key.get(key[i:], ()) for i in range(MIN_PART, len(key) - MIN_PART + 1)),
                *(self._stemmed_ends.get(key[i:], ()) for i in range(MIN_PART, len(key) - MIN_STEMMED_PART + 1)))
        return found

    def rendering(self, concept_id: str, text: str, in_gap: bool = False) -> Translated | None:
        """The concept's term that this text renders by the dictionary, if any; `in_gap`: also
        by one of a word's many senses, where a bilingual gap chose the text."""
        if concept_id not in self.translated:
            return None
        keys = self.keys_of(text)
        return next((t for t in self.translated[concept_id]
                     if (in_gap or not t.in_gap_only) and t.renders(keys, self.compounding)
                     and not self._known_otherwise(text, t) and not _as_written(text, t.term)), None)

    def concepts_rendered(self, text: str, left_out: bool = False) -> set[str]:
        """The concepts whose terms the text renders by the dictionary; with `left_out`, also
        those of which it renders every word but the head (see Translated.left_out)."""
        if not self._by_key and not self._by_sound:
            return set()
        keys = self.keys_of(text)
        concepts = set().union(*(self._by_key.get(key, ()) for key in keys),
                               *(self._by_sound.get(k, ()) for key in keys for k in heard_keys(key)),
                               *(self._in_compound(key) for key in keys))
        return {c for c in concepts
                if any(not t.in_gap_only and (t.renders(keys, self.compounding)
                                              or left_out and t.left_out(keys) is not None)
                       and not self._known_otherwise(text, t) and not _as_written(text, t.term)
                       for t in self.translated[c])}

    def _known_otherwise(self, text: str, translated: Translated) -> bool:
        """Whether a word of the text fits a word of the term only by its spelling (or by a
        stem too short to tell words apart) while the dictionary knows it as a translation of
        none of the term's words: German „Patienten" is no spelling of 'payment', French
        „pays" no form of „paye". A word of the same stem as a translation is a form of it
        that a dictionary, listing headwords, may well give fewer senses („tömeges", mass)."""
        source = canonical_lang(translated.term.lang)
        back = self._back.get(source)
        if not back:
            return False
        source_key = _analyser(source).word
        term_keys = None
        for surface, _, _ in self.analyser.words_of(text):
            if not self.analyser.word(surface)[1]:
                continue
            key = self.key(surface)
            if any(key in slot or any(_stem_of(key, word) for word in slot) for slot in translated.slots) \
                    or any(key in phrase for phrase in translated.phrases):
                continue
            meanings = word_translations(back, surface, self.lang)
            if not meanings:
                continue  # a word the dictionary lacks may be the term's word as this language spells it
            if term_keys is None:
                term_keys = {source_key(w)[0] for w, _, _ in words_of(translated.term.text)}
            # The term's word or one made from it (a name's adjective: vietnamský, 'Vietnamese').
            if not any(meant in term_keys or any(meant.startswith(t) for t in term_keys if len(t) >= MIN_PART)
                       for meaning in meanings for w, _, _ in words_of(meaning) for meant in (source_key(w)[0],)):
                return True
        return False

    def shortened(self, concept_id: str, text: str) -> tuple[Translated, str] | None:
        """The concept's term that this text renders every word of but its head, and the head."""
        keys = self.keys_of(text)
        for translated in self.translated.get(concept_id, ()):
            if not translated.in_gap_only and (word := translated.left_out(keys)) is not None:
                return translated, word
        return None

    def _translate(self, concept_id: str, term: Term, words: Lexicon, back: Lexicon,
                   own_keys: set[tuple[str, ...]], own_plain: set[str],
                   termed: dict[str, list[tuple[str, str]]] | None = None) -> Translated | None:
        """The term as the dictionary renders it in this language. `termed`: the glossary's own
        one-word terms of this language by the source word they translate (see
        _glossary_words), which translate the words of a term of several."""
        source = words.source
        glossary_used = False

        def _translations(surface: str, pos: str | None) -> list[str]:
            # A word the dictionary also gives as a verb names the action as often as the
            # thing, in a language that does not inflect them apart (部署: to deploy,
            # deployment): not the translation of a thing. A verb's translations are verbs.
            found = word_translations(words, surface, source, pos)
            return list(found) if pos == "v" else [t for t in found if "v" not in back.parts_of_speech(t)]
        surfaces = [w for w, _, _ in words_of(term.text)]
        if len(surfaces) == 1:
            # One word: its translations are its senses. A one-word term is a noun unless the
            # glossary says otherwise (terminology names things; 'label' → 'marcar' is the
            # verb). Only a word the dictionary translates one or two ways is trusted, where
            # the glossary keeps it untranslated ('node' → 'nœud'; not 'job', a dozen senses);
            # the glossary's own term among them names the sense, the others are other senses.
            # Those others are evidence only where a bilingual gap chose one: the source says
            # the word and the target renders it otherwise.
            pos = _POS.get(term.part_of_speech, "n")
            found = {self.translation_keys(t) for t in _translations(surfaces[0], pos)} - {()}
            # Kept: not where the language has the word of its own (French „options").
            kept = term.text.casefold() in own_plain and not (self._own_word and self._own_word(term.text))
            sure = not (not kept or found & own_keys or not 0 < len(found) <= MAX_SENSES)
            found -= own_keys
            if not found:
                return None
            slots = (frozenset(k[0] for k in found if len(k) == 1),)
            phrases = frozenset(k for k in found if len(k) > 1)
            return Translated(concept_id, term, slots if slots[0] else (), phrases, term.text.casefold() in own_plain,
                              words.names, not sure)
        # The whole term's translations as its words': a thing's are none the dictionary also
        # gives as verbs ('sign off': „Schluss machen", whose noun alone is a conclusion).
        verb = "v" if _POS.get(term.part_of_speech) == "v" else None
        phrases = frozenset(self.translation_keys(t) for t in _translations(term.text, verb)) - own_keys - {()}
        slots, as_is, kept_words, slot_at = [], 0, [], []  # slot_at: each slot's word's place in the term
        for at, surface in enumerate(surfaces):
            keys = self._slot_keys.get((source, surface))
            if keys is None:
                keys = self._slot_keys[(source, surface)] = frozenset(
                    k[0] for k in map(self.translation_keys, _translations(surface, None)) if len(k) == 1)
            # As the glossary translates the word where it is a term of its own ("Container",
            # „contenedor", for the words of "Container Runtime"), which a general dictionary
            # may lack; never by the concept's own terms.
            glossed = frozenset(k[0] for text, other in (termed or {}).get(surface.casefold(), ())
                                if other != concept_id and len(k := self.translation_keys(text)) == 1)
            glossary_used = glossary_used or bool(glossed - keys)
            keys |= glossed
            if keys:
                # Or the word spelt as the text's language spells it, which a small
                # dictionary may lack („conteneurs" for 'container', which it gives as „bac").
                # A name the dictionary writes as it is may stand as its adjective
                # („Vietnamesische Vaterlandsfront", „Vietnamské vlasti" for Vietnam's).
                named = {_NAME + self.key(surface)} if surface[:1].isupper() and not surface.isupper() \
                    and self.key(surface) in keys else set()
                slots.append(keys | {_LIKE + plain(surface.casefold())} | named)
                kept_words.append("")
                slot_at.append(at)
            elif _kept_as_is(surface):
                # An acronym translations keep as it is („serveur API" for 'API server').
                slots.append(frozenset({self.key(surface)}))
                kept_words.append(self.key(surface))
                slot_at.append(at)
                as_is += 1
            elif _content(source, surface):
                # A word the dictionary does not know, which a translator keeps as it is when
                # translating the rest („runtime de conteneurs" for 'container runtime') or
                # spells as the language does, more alike than a dictionary's word need be
                # („serveur" for 'server', where the dictionary has no 'server'; not „serre").
                slots.append(frozenset({self.key(surface), _SPELT + plain(surface.casefold())}))
                kept_words.append(self.key(surface))
                slot_at.append(at)
        if len(slots) > MAX_WORDS or len(slots) < 2 or as_is == len(slots):
            slots = []  # nothing translated is the term itself, left untranslated: GL003's
        if not slots and not phrases:
            return None
        names = words.names + (GLOSSARY,) if glossary_used else words.names
        return Translated(concept_id, term, tuple(slots), phrases, term.text.casefold() in own_plain, names,
                          kept_words=tuple(kept_words) if slots else (),
                          slot_words=tuple(surfaces[at] for at in slot_at) if slots else (),
                          head=slot_at.index(head) if slots and (head := _head(source, surfaces)) in slot_at else -1)


def _as_written(text: str, term: Term) -> bool:
    """Whether the text is the term as its own language writes and inflects it: the term left
    untranslated, not translated, though the dictionary gives its words as their own
    translations ('Service' and 'Account' in German)."""
    return inflected_as(text, term.text, canonical_lang(term.lang))


def _glossary_words(concepts: list[Concept], lang: str) -> dict[str, dict[str, list[tuple[str, str]]]]:
    """The glossary as a dictionary of words: by source language, each one-word term (casefolded)
    -> the concept's one-word terms in `lang`, with the concept's id."""
    found: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for concept in concepts:
        targets = [t.text for t in concept.terms_in(lang) if t.status.accepted and len(words_of(t.text)) == 1]
        if not targets:
            continue
        for term in concept.terms:
            source = canonical_lang(term.lang)
            if source == lang or not term.status.accepted or len(words_of(term.text)) != 1:
                continue
            entry = found.setdefault(source, {}).setdefault(term.text.casefold(), [])
            entry.extend((target, concept.id) for target in targets if (target, concept.id) not in entry)
    return found


def word_translations(words, surface: str, lang: str, pos: str | None = None) -> tuple[str, ...]:
    """What the dictionary gives for a word as written, then for its lemma (Lines: line)."""
    found = list(words.translations(surface, pos))
    lemma = (dictionary_lemma(surface, lang) or dictionary_lemma(surface.lower(), lang)) \
        if lang in simplemma_languages() else None
    if lemma and lemma.casefold() != surface.casefold():
        found += [t for t in words.translations(lemma, pos) if t not in found]
    return tuple(found)


def _split(keys: tuple[str, ...], slots: tuple[frozenset[str], ...], more: int, stemmed: bool = True):
    """`keys` with `more` of them cut in two, each into two of the slots' translations (the
    first part without a linking s, es, n, en or e: Vaterland|s|front); `stemmed`: the last
    part may be a translation's start, as a compound's key cuts it (below)."""
    known = frozenset().union(*slots)
    ordered = sorted(known)  # the first that fits, whatever the sets' order

    def cuts(key: str) -> list[tuple[str, str]]:
        found = []
        for at in range(MIN_PART, len(key) - MIN_STEMMED_PART + 1):
            first, rest = key[:at], key[at:]
            stem = next((first[:len(first) - len(link)] for link in _LINKS
                         if first.endswith(link) and first[:len(first) - len(link)] in known), None)
            if stem is None:
                continue
            if len(rest) >= MIN_PART and rest in known:
                found.append((stem, rest))
            elif stemmed:
                # The last part as the compound's key cut it, its ending stemmed off with the
                # compound's („steuerungseb": Steuerung|s|Ebene).
                whole = next((k for k in ordered if k.startswith(rest) and len(k) >= MIN_PART
                              and len(k) - len(rest) <= STEMMED_ENDING), None)
                if whole is not None:
                    found.append((stem, whole))
        return found
    options = [[(key,)] + [tuple(cut) for cut in cuts(key)] for key in keys]
    for choice in itertools.product(*options):
        if sum(len(parts) - 1 for parts in choice) == more:
            yield tuple(part for parts in choice for part in parts)


def _one_for_one(keys: tuple[str, ...], slots: tuple[frozenset[str], ...], kept: tuple[str, ...]) -> bool:
    """Whether each key is a translation of one slot's word, in any order, not every one the
    word kept as it is (that is the term left untranslated)."""
    fits = []
    for key in keys:
        row = [key in slot or any(_fits(key, word) for word in slot) for slot in slots]
        if not any(row):
            return False  # a word that translates none of the term's
        fits.append(row)
    return any(all(fits[i][j] for i, j in enumerate(order))
               and not (kept and all(keys[i] == kept[j] for i, j in enumerate(order)))
               for order in itertools.permutations(range(len(keys))))


@functools.lru_cache(maxsize=262144)
def _fits(key: str, word: str) -> bool:
    """Whether a text's word (its key) is a slot's word: of one stem, written as it sounds, or
    spelt alike (the same first two letters, two thirds of the letters alike, not the word
    itself: that is the word kept as it is)."""
    if word[:1] == _SOUND:
        return sounds_like(key, word[1:])
    if word[:1] == _NAME:
        name = word[1:]
        return key.startswith(name) and 0 < len(key) - len(name) <= NAME_ENDING
    if word[:1] in (_LIKE, _SPELT):
        spelt, other = plain(key.casefold()), word[1:]
        return spelt != other and len(spelt) >= MIN_LIKE and cognate(spelt, other) \
            and (word[:1] == _LIKE or spelt[:SPELT_START] == other[:SPELT_START])
    return related(key, word)


def _stem_of(key: str, word: str) -> bool:
    """Whether a text's word (its key) is of one stem with a slot's translation, the stem long
    enough to tell words apart (not 'pay' of „pays", country, and „paye", pay)."""
    return word[:1] not in (_SOUND, _NAME, _LIKE, _SPELT) and related(key, word) \
        and min(len(plain(key)), len(plain(word))) >= MIN_PART


def _kept_as_is(surface: str) -> bool:
    """An acronym or a code (API, HTTP2): written the same in every language."""
    return len(surface) >= 2 and (surface.isupper() or any(c.isdigit() for c in surface)) \
        and any(c.isalpha() for c in surface)


def _head(lang: str, surfaces: list[str]) -> int:
    """Where a term's head noun stands among its words, in a language whose noun phrases put
    every modifier first: its last word before a link word ("Commission" of "Central
    Commission for Mass Mobilisation"), else its last. A link word is a function word, in
    small letters where the term capitalises its words (the stop-word lists hold nouns too:
    English 'front'). -1 elsewhere (the head may come first or last)."""
    if lang not in MODIFIERS_FIRST:
        return -1
    titled = any(s[:1].isupper() for s in surfaces)
    head = -1
    for at, surface in enumerate(surfaces):
        if not _content(lang, surface) and not (titled and surface[:1].isupper()):
            if head >= 0:
                break
            continue
        head = at
    return head


def _content(lang: str, surface: str) -> bool:
    return _analyser(lang).word(surface)[1]


@functools.lru_cache(maxsize=None)
def _analyser(lang: str) -> TextAnalyser:
    return TextAnalyser(analyzer_for(lang))
