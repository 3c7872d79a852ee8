"""Part of speech of the words of a text, for telling a glossary's noun from its verb.

The tagger is HanTa (the Hanover Tagger: a hidden Markov model over morphemes, with models for
English, German and Dutch in its package), an optional dependency: without it, or for another
language, nothing is tagged and terms match whatever their part of speech.

Tags are reduced to the classes glossaries give terms (TBX's partOfSpeech picklist): noun,
verb, adjective, adverb; a participle is a verb and an adjective, an English -ing form a verb
(and a noun where the term itself is one: "billing"). What tells senses apart is noun against
verb (see fits).
"""
from __future__ import annotations

import functools
import re
import threading
from collections.abc import Sequence

from mtcheck.language.codes import canonical_lang

# The class a term's partOfSpeech asks for (TBX values; a proper noun is a noun to a tagger).
TERM_CLASSES = {"noun": "noun", "properNoun": "noun", "verb": "verb", "adjective": "adjective", "adverb": "adverb"}

_MODELS = {"en": "morphmodel_en.pgz", "de": "morphmodel_ger.pgz", "nl": "morphmodel_dutch.pgz"}
# A word, mnemonics and inner hyphens or apostrophes included, or one mark of punctuation (the
# tagger reads sentence context from punctuation too).
_TOKEN = re.compile(r"\w+(?:[-'’&]\w+)*|[^\w\s]")
_MNEMONIC = re.compile(r"(?<=\w)[_&](?=\w)|^[_&]")
_LOCK = threading.Lock()


def _english(tag: str) -> frozenset[str]:
    # BNC's C5 tags: NN1 NP0 VVB VVG VVN AJ0 AV0 ...
    if tag in ("VVN", "VVD", "VBN", "VHN", "VDN"):
        return _PARTICIPLE
    if tag.startswith("VVG") or tag in ("VBG", "VDG", "VHG"):
        return _GERUND
    return _by_prefix(tag, (("NN", "noun"), ("NP", "noun"), ("V", "verb"), ("AJ", "adjective"), ("AV", "adverb")))


def _german(tag: str) -> frozenset[str]:
    # STTS as HanTa writes it: NN NE VV(PP) VA(FIN) ADJ(A) ADJ(D) ADV ...
    if tag.startswith(("VV(PP)", "VA(PP)", "VM(PP)")):
        return _PARTICIPLE
    return _by_prefix(tag, (("NN", "noun"), ("NE", "noun"), ("V", "verb"), ("ADJ", "adjective"), ("ADV", "adverb")))


def _dutch(tag: str) -> frozenset[str]:
    # CGN: N(soort,...) WW(vd,...) ADJ(...) BW() ...
    if tag.startswith("WW(vd") or tag.startswith("WW(od"):
        return _PARTICIPLE
    return _by_prefix(tag, (("N(", "noun"), ("SPEC(deeleigen", "noun"), ("WW", "verb"), ("ADJ", "adjective"),
                            ("BW", "adverb")))


_PARTICIPLE = frozenset({"verb", "adjective"})
_ADJECTIVE = frozenset({"adjective"})
_GERUND = frozenset({"verb", "gerund"})
_NONE: frozenset[str] = frozenset()


def _by_prefix(tag: str, table: Sequence[tuple[str, str]]) -> frozenset[str]:
    for prefix, name in table:
        if tag.startswith(prefix):
            return frozenset({name})
    return _NONE  # a closed class (article, preposition ...) or punctuation: no term's class


_CLASSES = {"en": _english, "de": _german, "nl": _dutch}


# English tags of one written form, as noun and verb: a word of a glossary's noun or verb may
# take any of its form's tags (see Tagger.classes).
_ENGLISH_FORMS = (("NN1", "VVB", "VVI"), ("NN2", "VVZ"))
_ENGLISH_COUNTERPARTS = {tag: form for form in _ENGLISH_FORMS for tag in form}
# How much less likely than the word's likeliest own tag its other reading starts (natural log):
# enough for the general odds to decide a word alone ("Commit" as a button), little enough for
# a determiner or adjective before it to decide ("the initial commit").
_COUNTERPART_COST = 1.0
_COUNTERPARTS = {"en": _ENGLISH_COUNTERPARTS}


class Tagger:
    """Word classes of a text's words, by character span."""

    def __init__(self, lang: str, model) -> None:
        self.lang = lang
        self._model = model
        self._classes = _CLASSES[lang]
        self._counterparts = _COUNTERPARTS.get(lang, {})
        self._read_word = getattr(model, "_tag_word", None)

    def classes(self, text: str, open_words: frozenset[str] = frozenset()) -> list[tuple[int, int, frozenset[str]]]:
        """(start, end, classes) of each word of `text`; punctuation is read but not listed.

        `open_words` (casefolded) are read by their context alone: the tagger's own odds
        for a word come from general text, where "commit" is a verb, while in a glossary's
        domain it is as often the noun ("the initial commit").
        """
        tokens = list(_TOKEN.finditer(text))
        if not tokens:
            return []
        words = [_MNEMONIC.sub("", token.group()) or token.group() for token in tokens]
        with _LOCK:  # the model's word reading is swapped for the call
            if open_words and self._counterparts and self._read_word is not None:
                self._model._tag_word = functools.partial(self._read_openly, open_words)
            try:
                tagged = self._model.tag_sent(words, taglevel=1)
            finally:
                self._model.__dict__.pop("_tag_word", None)
        return [(token.start(), token.end(), self._word_classes(word, tag, open_words))
                for token, word, (_, _, tag) in zip(tokens, words, tagged) if _is_word(token.group())]

    def _word_classes(self, word: str, tag: str, open_words: frozenset[str]) -> frozenset[str]:
        classes = self._classes(tag)
        if classes == _ADJECTIVE and word.casefold() in open_words and self._read_word is not None:
            # "Merged" read as an adjective is still the participle its form is: not a noun.
            if any(self._classes(self._model.int2tag[own]) == _PARTICIPLE
                   for own, _ in self._read_word(word, 5, False, True)):
                return _PARTICIPLE
        return classes

    def _read_openly(self, open_words: frozenset[str], word: str, *args, **kwargs):
        """The model's reading of a word, and where the word is one of `open_words`, its other
        reading (noun or verb) as well, a little less likely than its likeliest own tag."""
        read = self._read_word(word, *args, **kwargs)
        if word.casefold() not in open_words or not read:
            return read
        own = {tag for tag, _ in read}
        best = max(float(odds) for _, odds in read)
        names = {name for tag, _ in read for name in self._counterparts.get(self._model.int2tag[tag], ())}
        others = {self._model.tag2int[name] for name in names if name in self._model.tag2int} - own
        return [*read, *((tag, best - _COUNTERPART_COST) for tag in sorted(others))]


def _is_word(token: str) -> bool:
    return len(token) > 1 or token.isalnum()  # punctuation comes one mark at a time


def fits(term_class: str, term_text: str, classes: frozenset[str]) -> bool:
    """Whether a word the tagger gives `classes` can be a term of `term_class` (TERM_CLASSES'
    values). Only a noun against a verb (a participle included) tells senses apart: an
    adjective's tag fits every other term ("Open" a UI command read as the adjective, nouns
    used as modifiers), a closed class's (a tagger's guess at a name, a symbol) too."""
    if not classes or term_class in classes:
        return True
    if "noun" in classes or (term_class == "noun" and classes == _PARTICIPLE):
        return False
    if classes <= _GERUND:
        # An -ing noun ("billing", "saving") is tagged as the verb form it is made from.
        return term_class == "noun" and "gerund" in classes and term_text.casefold().endswith("ing")
    return True


def tagger_for(lang: str) -> Tagger | None:
    """The language's tagger, None where there is none (HanTa missing, or no model for it)."""
    lang = canonical_lang(lang).split("-")[0]
    if lang not in _MODELS:
        return None
    return _loaded(lang)


def tagger_name(lang: str) -> str | None:
    """What `mtcheck languages` shows: the tagger a language would use, None for none."""
    lang = canonical_lang(lang).split("-")[0]
    if lang not in _MODELS or _hanta() is None:
        return None
    return "HanTa"


def tagger_missing(lang: str) -> bool:
    """Whether the language has a tagger model that is not installed."""
    return canonical_lang(lang).split("-")[0] in _MODELS and _hanta() is None


@functools.cache
def _loaded(lang: str) -> Tagger | None:
    hanta = _hanta()
    if hanta is None:
        return None
    return Tagger(lang, hanta.HanoverTagger(_MODELS[lang]))


@functools.cache
def _hanta():
    try:
        from HanTa import HanoverTagger
    except ImportError:
        return None
    return HanoverTagger
