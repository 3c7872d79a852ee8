"""The parts of a concept's known renderings, and how much of them a candidate span shares.

A rendering's content words, reduced to their matching keys, are its parts. A part found in
most of a concept's renderings in one language is its core ('Massenmobilisierung' in
„geschickte Massenmobilisierung" and „gekonnte Massenmobilisierung"); the others are its
modifiers ('geschickt', 'gekonnt'). A span shares a part when one of its words has the same
key, is a piece of it („Mobilisierung qualifizierter Massen" against 'Massenmobilisierung'),
or, in a language that writes compounds as one word, ends like it: the last part of a
compound is its head (Fachkräftemobilisierung is a kind of Mobilisierung, while
Massenmobilisierungstag is a day).
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Iterable, NamedTuple

from mtcheck.discovery.text import CAPITALISED_NOUNS, HAN_RE, TextAnalyser, common_prefix
from mtcheck.discovery.typos import Typos, typo_prone
from mtcheck.language import (ARTICLE_FORMS, Complement, articles, canonical_lang, complement, complement_renumbered,
                              family, function_words, known_word, renumbered)
from mtcheck.language.fullform import adjectival
from mtcheck.language.dictionary import dictionary_lemma, folded_lemma, one_lemma, respelt_text, simplemma_languages
from mtcheck.language.loanwords import hangul, heard, misspellable, misspelt, without_particle, written_by_sound
from mtcheck.language.snowball import MIN_STEM as MIN_TRUSTED_STEM
from mtcheck.matching import WordCache
from mtcheck.model import Concept, Term

MIN_PIECE = 4   # letters a shared piece needs to count
MODIFIERS_FIRST = {"hu", "fi", "et", "tr", "en", "ko", "ja"}  # languages whose noun phrases put every modifier first
# Languages that write each syllable apart: an abbreviation takes every one („giải phóng mặt
# bằng" → GPMB), though a syllable may be a function word elsewhere (bằng, by means of).
SYLLABLES_APART = {"vi"}
MIN_COVER = 0.5  # the share of a part's letters a span must cover to share it


@dataclass(frozen=True)
class Rendering:
    """One known term of a concept, as parts."""

    term: Term
    parts: tuple[str, ...]
    core: frozenset[int]   # indices of the core parts
    shared_core: bool      # the core is what most renderings share, not a lone term's longest word
    function_words: tuple[str, ...] = ()  # each word of the term: its key if a function word, else ''
    positions: tuple[int, ...] = ()  # each part's word index among the term's words
    base: Term | None = None  # another concept's term that this one is built on, plus modifiers
    base_concept: str = ""

    @property
    def modifiers(self) -> tuple[int, ...]:
        return tuple(i for i in range(len(self.parts)) if i not in self.core)


class Share(NamedTuple):
    rendering: Rendering
    core: float          # covered share of the core's letters
    modifier: float      # covered share of the modifiers' letters
    shared: tuple[str, ...]  # the span's words that share a part
    novel: tuple[str, ...]   # the span's content words that share none
    placed: bool = True      # the new words stand on the side of the core where the rendering has modifiers


@dataclass
class ConceptParts:
    """Every concept's renderings in one language, indexed by their parts' pieces."""

    analyser: TextAnalyser
    renderings: dict[str, list[Rendering]] = field(default_factory=dict)   # concept id -> renderings
    dependents: dict[str, list[str]] = field(default_factory=dict)  # concept id -> concepts built on its terms
    _stems: dict[str, set[str]] = field(default_factory=dict)       # a part's first letters -> concept ids
    kept: dict[str, list[tuple[str, Term]]] = field(default_factory=dict)  # first letters -> (concept, kept term)
    _kept_from: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)  # -> the languages it is kept from
    _concepts: list[Concept] = field(default_factory=list, repr=False)  # the glossary's (see words_by_language)
    closed: dict[str, list[tuple[str, Term]]] = field(default_factory=dict)  # a term written as one word -> it
    initials: dict[str, list[tuple[str, Term]]] = field(default_factory=dict)  # a term's initials -> it
    # A Han term's first and last characters -> (concept id, term), for its abbreviations (云服务商)
    abbreviable: dict[tuple[str, str], list[tuple[str, Term]]] = field(default_factory=dict)
    # A Hangul term's consonants -> it, for the term misspelt (see loanwords.misspelt).
    hangul: dict[str, list[tuple[str, Term]]] = field(default_factory=dict)
    typos: Typos = field(default_factory=Typos)  # a one-word term, for a word one letter off it
    # A one-word compound term's head -> (concept id, term, its first part), made when first needed
    _compound_heads: dict[str, list[tuple[str, Term, str]]] | None = field(default=None, repr=False)
    _head_ends: set[str] = field(default_factory=set, repr=False)  # their last MIN_COMPOUND_HEAD letters
    _pivot: object = field(default=None, repr=False)  # the dictionary into PIVOT, once looked for
    _with: dict[str, tuple] = field(default_factory=dict)           # word key -> renderings_with
    _pieces: dict[str, set[str]] = field(default_factory=dict)             # piece -> concept ids
    _sharing: WordCache = field(init=False, repr=False)                   # word key -> concept ids
    # A head's suffix's last letters -> (concept id, rendering, the head's part index, its affixes)
    _heads: dict[str, list[tuple[str, Rendering, int, tuple[str, str]]]] | None = field(default=None, repr=False)
    # A one-part rendering's part -> (concept id, rendering), made when first needed (worded_by_glossary)
    _one_part: dict[str, list[tuple[str, Rendering]]] | None = field(default=None, repr=False)

    def __post_init__(self):
        self._sharing = WordCache(self._concepts_of)

    @classmethod
    def build(cls, concepts: Iterable[Concept], lang: str, analyser: TextAnalyser) -> ConceptParts:
        parts = cls(analyser)
        concepts = list(concepts)
        own_word = known_word(analyser.analyzer.lang)  # once: each call makes its own cache
        parts._concepts = concepts
        for concept in concepts:
            terms = [t for t in concept.terms_in(lang) if t.text.strip()]
            parts._keep(concept, terms, own_word)
            if terms:
                parts._spellings(concept, terms)
            words = {t: parts.term_words(t.text) for t in terms}
            split = [(t, tuple(k for k, content in words[t] if content)) for t in terms]
            split = [(t, p) for t, p in split if p]
            if not split:
                continue
            counts: dict[str, int] = {}
            for _, term_parts in split:
                for part in set(term_parts):
                    counts[part] = counts.get(part, 0) + 1
            renderings = []
            for term, term_parts in split:
                core = {i for i, p in enumerate(term_parts) if 2 * counts[p] > len(split)}
                shared = len(split) > 1 and 0 < len(core) < len(term_parts)
                if len(core) in (0, len(term_parts)) and len(term_parts) > 1:
                    # Nothing or everything shared: the longest word carries the meaning.
                    core = {max(range(len(term_parts)), key=lambda i: len(term_parts[i]))}
                elif not core:
                    core = {0}
                positions = tuple(i for i, (_, content) in enumerate(words[term]) if content)
                function_words = tuple("" if content else key for key, content in words[term])
                renderings.append(Rendering(term, term_parts, frozenset(core), shared,
                                            function_words=function_words, positions=positions))
                for part in term_parts:
                    for piece in _pieces(part):
                        parts._pieces.setdefault(piece, set()).add(concept.id)
            parts.renderings[concept.id] = renderings
        parts._find_bases({c.id: c for c in concepts})
        return parts

    @functools.cached_property
    def words_by_language(self) -> dict[str, set[str]]:
        """The words of the glossary's terms in each language, plain (read once, when a cognate
        is first weighed)."""
        found: dict[str, set[str]] = {}
        for concept in self._concepts:
            for term in concept.terms:
                found.setdefault(canonical_lang(term.lang), set()).update(
                    plain(word) for word in term.text.casefold().split())
        return found

    @functools.cached_property
    def link_words(self) -> frozenset[str]:
        """The function words the language's terms link their words with (casefolded, articles
        as their preposition): how it joins a noun to its complement („de", „des" of
        „mobilisation des masses")."""
        found = set()
        for renderings in self.renderings.values():
            for rendering in renderings:
                between = self._between(rendering.term.text)
                if between is not None:
                    found.update(word for links in between[1] for word in links)
        return frozenset(found)

    def links_as_terms_do(self, word: str) -> bool:
        """Whether a function word is one the language's terms link their words with (a
        contracted article read as its preposition, as `link_words` are)."""
        folded = word.casefold()
        return ARTICLE_FORMS.get(self.analyser.analyzer.lang, {}).get(folded, folded) in self.link_words

    def _spellings(self, concept: Concept, terms: list[Term]) -> None:
        """Other spellings of the concept's terms that the glossary does not list: a term, of
        this language or another, written as one word („Apiserver" for API-Server or 'API
        server'), any term's initials ('VFF' for 'Vietnam Fatherland Front', 'GPMB' for 'giải
        phóng mặt bằng')."""
        own = {x.text for x in terms}
        spelt = {x.casefold() for x in own}
        shortened = set()
        for t in list(terms) + [t for t in concept.terms if t not in terms]:  # the language's own first
            if not t.status.accepted:
                continue
            closed = closed_form(t.text)
            # Any term, of this language too, written as one word where the glossary writes
            # it in two or with a hyphen („Apiserver" for API-Server), unless it lists that too.
            if closed and closed not in spelt and (concept.id, t) not in self.closed.get(closed, ()):
                self.closed.setdefault(closed, []).append((concept.id, t))
            term_lang = canonical_lang(t.lang)
            short = initials(t.text, frozenset() if family(term_lang) in SYLLABLES_APART else function_words(term_lang))
            if short and short not in own and short not in shortened:  # once per concept
                shortened.add(short)
                self.initials.setdefault(short, []).append((concept.id, t))
        for t in terms:
            written = t.text.replace(" ", "")
            if t.status.accepted and len(written) >= MIN_ABBREVIATED + 1 and HAN_RE.search(written):
                self.abbreviable.setdefault((written[0], written[-1]), []).append((concept.id, t))
        for t in terms:
            if t.status.accepted and misspellable(t.text):
                for consonants in heard(t.text)[:1]:
                    self.hangul.setdefault(consonants, []).append((concept.id, t))
        # Any term of one word, of this language or another, misspelt („Kublet" for Kubelet).
        typed = set()
        for t in list(terms) + [t for t in concept.terms if t not in terms]:
            if t.status.accepted and typo_prone(t.text) and t.text.casefold() not in typed:
                typed.add(t.text.casefold())
                self.typos.add(t.text, (concept.id, t))

    def _keep(self, concept: Concept, terms: list[Term], own_word) -> None:
        """The concept's one-word terms in this language that the glossary keeps as they are in
        another language (Node, Service in a Spanish software glossary): a translation of them
        in the text („nodo", „nœud") is a rendering the glossary does not want. Not a word of
        the language's own that another language spells alike (French „profit", as German
        has it; „source"): the words that look like it („projet", „sorte") are no translations."""
        here = {x.lang for x in terms}
        elsewhere: dict[str, set[str]] = {}
        for t in concept.terms:
            if t.lang not in here:
                elsewhere.setdefault(plain(t.text.casefold()), set()).add(canonical_lang(t.lang))
        for term in terms:
            spelt = plain(term.text.casefold())
            if len(spelt) >= MIN_PIECE and spelt.isalpha() and spelt in elsewhere \
                    and not (own_word is not None and own_word(term.text)):
                for first in dict.fromkeys((spelt[:2], hard_c(spelt)[:2])):
                    self.kept.setdefault(first, []).append((concept.id, term))
                self._kept_from[(concept.id, term.text)] = tuple(sorted(elsewhere[spelt]))

    def spellings(self, surface: str) -> list[tuple[str, Term, str]]:
        """Terms of the glossary this word spells otherwise: (concept id, term, signal), the
        signal 'closed' (written as one word), 'initials' or 'misspelt' (a term one letter
        off: „Kublet" for Kubelet, a Hangul term's jamo: 매트릭 for 메트릭)."""
        folded = surface.casefold()
        # With an ending of its own (Apiservers, the genitive); not a name in code, a capital
        # inside it (ServiceAccounts, the API's kind).
        found = [] if _camel_case(surface) else [
            (c, t, "closed") for cut in range(CLOSED_ENDING + 1)
            for c, t in self.closed.get(folded[:len(folded) - cut] if cut else folded, ())]
        if surface.isupper():
            found += [(c, t, "initials") for c, t in self.initials.get(surface, ())]
        found += [(c, t, "abbreviated") for c, t in self.abbreviated(surface)]
        if self.hangul and written_by_sound(surface):
            found += [(c, t, "misspelt") for consonants in heard(surface) for c, t in self.hangul.get(consonants, ())
                      if misspelt(surface, t.text)]
        elif self.typos and not _camel_case(surface):
            # Not a word of the text's language or the term's (Objet, Object's French cognate),
            # nor of English, whose words texts in every language keep in names and code
            # („Compute" of Google Compute Engine is no French „compte" misspelt).
            found += [(c, t, "misspelt") for c, t in self.typos.misspelt(surface)
                      if not any((known := known_word(lang)) is not None and known(surface)
                                 for lang in (self.analyser.analyzer.lang, canonical_lang(t.lang), "en"))]
        return found

    def abbreviated(self, surface: str) -> list[tuple[str, Term]]:
        """The Han terms the text abbreviates (see _abbreviates): (concept id, term)."""
        written = surface.replace(" ", "")
        if not self.abbreviable or len(written) < MIN_ABBREVIATED:
            return []
        return [(c, t) for c, t in self.abbreviable.get((written[0], written[-1]), ())
                if self._abbreviates(written, t.text.replace(" ", ""))]

    def _abbreviates(self, written: str, term: str) -> bool:
        """Whether a word is a term's abbreviation as Chinese makes them: some of its characters,
        in its order, its first and last among them (云服务商 of 云服务提供商, 'cloud service
        provider'), not the term with only function words left out (计划交易 of 计划的交易: grammar)."""
        if len(written) >= len(term) or 2 * len(written) < len(term):
            return False
        left, at = [], 0
        for char in term:
            if at < len(written) and char == written[at]:
                at += 1
            else:
                left.append(char)
        words = self.analyser.function_words
        return at == len(written) and not all(char in words for char in left)

    def first_part_replaced(self, surface: str) -> list[tuple[str, Term, str, str, str]]:
        """In a language that writes compounds as one word, the one-word compound terms this
        word is with its first part replaced by a word a bilingual dictionary gives the same
        sense as the term's („Landräumung" for „Geländeräumung": both „Land" and „Gelände"
        are 'land' in the German–English dictionary), the head kept as it is or inflected:
        (concept id, term, the term's first part, the word's, the sense they share)."""
        analyzer = self.analyser.analyzer
        if not analyzer.compounding or not surface[:1].isalpha():
            return []
        heads = self._heads_of_compounds()
        word = surface.casefold()
        # Most words end as no head does, with or without an ending: three lookups say so.
        if not any(word[len(word) - ending - MIN_COMPOUND_HEAD:len(word) - ending] in self._head_ends
                   for ending in range(CLOSED_ENDING + 1)):
            return []
        found = []
        for cut in range(MIN_PIECE - 1, len(word) - MIN_COMPOUND_HEAD + 1):
            first, rest = word[:cut], word[cut:]
            for head in (rest[:len(rest) - ending] for ending in range(CLOSED_ENDING + 1)):
                for concept_id, term, own_first in heads.get(head, ()):
                    if own_first.casefold() == first or not self._compound_start(surface[:cut]):
                        continue
                    shared = self._same_sense(surface[:cut], own_first)
                    if shared:
                        found.append((concept_id, term, own_first, surface[:cut], shared))
        return found

    def _same_sense(self, one: str, other: str) -> str:
        """A one-word sense a dictionary from the language into the pivot gives both words
        (the first, alphabetically); '' where it gives none to both, or there is no such
        dictionary (looked for once: finding it reads the dictionary folders)."""
        shared = self._senses(one) & self._senses(other)
        return min(shared) if shared else ""

    def _senses(self, word: str, lemma: bool = False) -> set[str]:
        """The one-word senses the dictionary into the pivot gives a word (with `lemma`, its
        lemma's too: the dictionary lists „conter", not „contém")."""
        if self._pivot is None:
            from mtcheck.language.bilingual import lexicon

            self._pivot = lexicon(self.analyser.analyzer.lang, PIVOT)
        if not self._pivot:
            return set()
        forms = [word, word[:1].upper() + word[1:].casefold()]
        lang = self.analyser.analyzer.lang
        if lemma and lang in simplemma_languages():
            forms += [found for form in (word, word.casefold()) if (found := dictionary_lemma(form, lang))]
        return {t.casefold() for form in dict.fromkeys(forms) for t in self._pivot.translations(form) if " " not in t}

    def senses_apart(self, rendering: Rendering, text: str) -> bool:
        """Whether a word of the text stands for a word of the rendering only by a short stem
        both begin with, where the dictionary into the pivot language gives each senses and
        none in common: another word („contém", contains, and „Controlador" beside „conta",
        account, all keyed from cont-), not a form of it (masowa beside masa: both 'mass')."""
        words = [(surface, key) for surface, _, _ in self.analyser.words_of(text)
                 for key, content in (self.analyser.word(surface),) if content]
        own = [(surface, key) for surface, _, _ in self.analyser.words_of(rendering.term.text)
               for key, content in (self.analyser.word(surface),) if content]
        for surface, key in words:
            for own_surface, part in own:
                if key == part or min(len(key), len(part)) >= SHORT_STEM or not related(part, key):
                    continue
                senses, own_senses = self._senses(surface, lemma=True), self._senses(own_surface, lemma=True)
                if senses and own_senses and not senses & own_senses:
                    return True
        return False

    def _heads_of_compounds(self) -> dict[str, list[tuple[str, Term, str]]]:
        if self._compound_heads is None:
            self._compound_heads = {}
            analyzer = self.analyser.analyzer
            for concept_id in sorted(self.renderings):
                for rendering in self.renderings[concept_id]:
                    text = rendering.term.text
                    if len(rendering.parts) != 1 or not text.isalpha():
                        continue
                    folded = text.casefold()
                    for cut in range(MIN_PIECE - 1, len(folded) - MIN_COMPOUND_HEAD + 1):
                        if self._compound_start(text[:cut]) and analyzer.is_known_compound_rest(folded[cut:]):
                            self._compound_heads.setdefault(folded[cut:], []).append(
                                (concept_id, rendering.term, text[:cut]))
                            break
            self._head_ends = {head[-MIN_COMPOUND_HEAD:] for head in self._compound_heads}
        return self._compound_heads

    def cognates(self, surface: str) -> list[tuple[str, Term]]:
        """Kept terms (see _keep) the word looks like a translation of: the same first two
        letters, at least 65% of the letters alike (edit distance; the word as written or its
        stem: conteneurs, conteneur; a hard c as k: kontroler), and neither the term itself nor
        a word made from it (budgétaire from Budget); of several, those it is most like."""
        word = plain(surface.casefold())
        if len(word) < MIN_PIECE or not word.isalpha():
            return []
        hard = hard_c(word)
        terms = list(dict.fromkeys(self.kept.get(word[:2], []) + self.kept.get(hard[:2], [])))
        if not terms:
            return []
        stem = plain(self.analyser.word(surface)[0])
        found = []
        for concept_id, term in terms:
            kept = plain(term.text.casefold())
            if kept.startswith(word) or word.startswith(kept) and not _one_letter_more(word, stem, kept):
                continue
            if any((known := known_word(lang)) is not None and known(surface)
                   or word in self.words_by_language.get(lang, ())
                   for lang in self._kept_from[(concept_id, term.text)]):
                # A word of the language the term is kept from (serving beside Service), or of
                # its terms there (Kubernetes of "Kubernetes API" beside Kubelet).
                continue
            # Spelt with k where the term has a hard c, as many languages write loans
            # („kontroler" for controller), as alike as the same letter.
            alike = max(_alike(word, kept), _alike(hard, hard_c(kept)))
            if _agent_base(word, kept, alike, self._kept_from[(concept_id, term.text)]):
                continue
            # The stem helps an inflected form (nodos: nod) that is still much like the term.
            if alike >= MIN_COGNATE or (alike >= MIN_COGNATE - 0.1 and len(stem) >= MIN_STEM
                                        and _alike(stem, kept) >= MIN_COGNATE):
                found.append((alike, concept_id, term))
        # Of several kept terms, the one it is most like („kontroler": controller, not container).
        best = max((alike for alike, _, _ in found), default=0.0)
        return [(concept_id, term) for alike, concept_id, term in found if alike == best]

    def _find_bases(self, concepts: dict[str, Concept]) -> None:
        """The glossary's own structure: where a term of concept B is a term of concept A plus
        modifiers („geschickte Massenmobilisierung" on „Massenmobilisierung", „mobilisation
        habile des masses" on „mobilisation des masses"), A's words are B's core even if B has
        one term, and A's term with another modifier is a B candidate. Not where B is another
        thing named after A (a commission for mass mobilisation): where the glossary has both in
        a language a part-of-speech tagger reads (English, German, Dutch), B's words beyond A's
        must be adjectives there."""
        # A base's first part is one of the rendering's parts: only those are tried, not every
        # term of the glossary for every other (a 10,000-concept glossary took minutes).
        by_first: dict[str, list[tuple[str, Rendering]]] = {}
        for concept_id, renderings in self.renderings.items():
            for rendering in renderings:
                by_first.setdefault(rendering.parts[0], []).append((concept_id, rendering))
        for concept_id, renderings in self.renderings.items():
            for index, rendering in enumerate(renderings):
                terms = [term for part in dict.fromkeys(rendering.parts) for term in by_first.get(part, ())]
                bases = [(len(other.parts), other_id, other) for other_id, other in terms
                         if other_id != concept_id and len(other.parts) < len(rendering.parts)
                         and _subsequence(other.parts, rendering.parts) is not None
                         and _a_kind_of(concepts.get(concept_id), concepts.get(other_id))]
                if not bases:
                    continue
                _, base_id, base = max(bases, key=lambda b: (b[0], b[1], b[2].term.text))
                core = frozenset(_subsequence(base.parts, rendering.parts))
                renderings[index] = replace(rendering, core=core, shared_core=True, base=base.term,
                                            base_concept=base_id)
                dependents = self.dependents.setdefault(base_id, [])
                if concept_id not in dependents:
                    dependents.append(concept_id)

    def modifier_sides(self, concept_id: str) -> set[str]:
        """Where the terms built on the concept's add their modifiers: 'before' its words,
        'after' them (or among them)."""
        sides = set()
        for dependent in self.dependents.get(concept_id, ()):
            for rendering in self.renderings[dependent]:
                if rendering.base_concept == concept_id and rendering.modifiers:
                    sides.add("before" if max(rendering.modifiers) < min(rendering.core) else "after")
        return sides

    def concepts_related(self, key: str) -> set[str]:
        """Concepts with a part of the word's stem (related), or that begins a compound part."""
        if not self._stems:
            for concept_id, renderings in self.renderings.items():
                for rendering in renderings:
                    for part in rendering.parts:
                        self._stems.setdefault(plain(part)[:MIN_STEM], set()).add(concept_id)
        return set(self._stems.get(plain(key)[:MIN_STEM], ()))

    def contains_variant(self, concept_id: str, keys: list[str]) -> bool:
        """Whether the words hold one of the concept's renderings (as variants_of has it) and
        more: the rendering in a longer phrase, which is another thing or another concept."""
        return any(_covers(rendering.parts, list(chosen), self.analyser.analyzer.compounding)
                   for size in range(2, len(keys)) for chosen in _windows(keys, size)
                   for rendering in self.renderings.get(concept_id, ()))

    def renderings_with(self, key: str) -> tuple[tuple[str, Rendering], ...]:
        """The renderings with a part the word may stand for (the same, a compound with it as
        head, of its stem, or a compound part it may begin), in the glossary's order: the
        renderings a variant may begin at that word (cached per word key)."""
        found = self._with.get(key)
        if found is None:
            compounding = self.analyser.analyzer.compounding
            found = self._with[key] = tuple(
                (concept_id, rendering) for concept_id in sorted(self.concepts_related(key))
                for rendering in self.renderings[concept_id]
                if _may_be_part(rendering.parts, key, compounding))
            if len(self._with) > 100_000:
                self._with.clear()
        return found

    def shape_distance(self, concept_id: str, words: int) -> int:
        """How many words the concept's closest rendering has more or fewer than `words`."""
        return min((abs(len(r.function_words) - words) for r in self.renderings.get(concept_id, ())), default=words)

    def ends_alike(self, concept_id: str, text: str) -> bool:
        """Whether the text's last word ends as the last word of one of the concept's renderings
        does (two letters): of two concepts one source word names, the verb's term and the
        noun's, the one whose grammar the span has („Charger" as „emprunter", not „emprunt")."""
        ending = text.split()[-1].casefold()[-2:] if text.split() else ""
        return len(ending) == 2 and any(r.term.text.split()[-1].casefold().endswith(ending)
                                        for r in self.renderings.get(concept_id, ()))

    def may_be_part(self, rendering: Rendering, key: str) -> bool:
        """Whether the word may stand for one of the rendering's parts, whole or as one of two
        words a compound part is written apart in."""
        return _may_be_part(rendering.parts, key, self.analyser.analyzer.compounding)

    def covers(self, rendering: Rendering, keys: list[str]) -> bool:
        """Whether the keys are the rendering's parts, as variants_of has it."""
        return len(keys) >= 2 and _covers(rendering.parts, keys, self.analyser.analyzer.compounding)

    def is_term(self, part: str) -> bool:
        """Whether a part is by itself a term of some concept (a rendering of one part)."""
        return any(rendering.parts == (part,) for concept_id in self.concepts_sharing([part])
                   for rendering in self.renderings[concept_id])

    def variants_of(self, concept_id: str, keys: list[str]) -> list[Rendering]:
        """The concept's renderings whose parts these word keys are, each once, in another form,
        order or grammar („movilización masiva" for „movilización de masas", „Movilización de
        Masas Hábil" for „movilización hábil de masas", „tömeges mozgósítás" for
        „tömegmozgósítás"), with no other word, in the glossary's order („API del servidor"
        has the words of „API Server" and of „servidor de la API")."""
        if len(keys) < 2:
            return []  # one word of the stem of a one-word term: a form or a derivation, not a rendering
        compounding = self.analyser.analyzer.compounding
        return [rendering for rendering in self.renderings.get(concept_id, ())
                if _covers(rendering.parts, keys, compounding)]

    def reordered(self, rendering: Rendering, keys: list[str]) -> bool:
        """Whether the words stand in another order than the rendering's parts (a compound part
        written as two words stands where its first word does: „tömeges mozgósítás ügyes" has
        „Ügyes tömegmozgósítás" in another order)."""
        compounding = self.analyser.analyzer.compounding

        def position(part: str) -> int:
            found = next((i for i, key in enumerate(keys) if of_part(part, key, compounding)), -1)
            if found < 0:
                found = next((i for i in range(len(keys) - 1) if related_compound(part, keys[i], keys[i + 1])), -1)
            return found
        at = [position(part) for part in rendering.parts]
        return any(b < a for a, b in zip(at, at[1:]) if a >= 0 and b >= 0)

    def respelt_term(self, concept_id: str, text: str) -> bool:
        """Whether the text is one of the concept's terms in this language, rightly spelt where
        the glossary misspells a word of it (see dictionary.respelt): „personnalisée" for
        GnuCash's „Personalisé" is the term, not another rendering (glossary validate reports
        the slip)."""
        lang = self.analyser.analyzer.lang
        content = [key for _, key, is_content in self._words(text) if is_content]
        return any((spelt := respelt_text(rendering.term.text, lang)) is not None
                   and [key for _, key, is_content in self._words(spelt) if is_content] == content
                   for rendering in self.renderings.get(concept_id, ()))

    def term_form(self, concept_id: str, text: str) -> bool:
        """Whether the text is one of the concept's terms in this language with each content
        word changed at its end only and the same function words (see inflected): a form of
        the term the language's analyser did not tell, not another rendering."""
        words = self._words(text)
        shape = self.shape(text)
        content = [surface for surface, _, is_content in words if is_content]
        lang_articles = articles(self.analyser.analyzer.lang)
        return any(tuple(key for key in rendering.function_words if key not in lang_articles) == shape
                   and inflected(self._content_words(rendering.term.text), content)
                   and not self._native_for_kept(concept_id, rendering.term, content)
                   and not self.renumbered(rendering, text)
                   for rendering in self.renderings.get(concept_id, ()))

    def shape(self, text: str) -> tuple[str, ...]:
        """Each word of the text: '' for a content word, a function word's key; articles left
        out, an article more or less being the term's grammar („Comitê Central para a
        Mobilização" for „Comitê Central para Mobilização")."""
        lang_articles = articles(self.analyser.analyzer.lang)
        return tuple("" if content else key for _, key, content in self._words(text)
                     if content or key not in lang_articles)

    def other_words(self, rendering: Rendering, text: str) -> bool:
        """Whether a word of the text has the key of a word of the rendering while the
        language's dictionary knows both as words of their own, neither lemma beginning with
        the other: one stem, two words (French „suivantes", following, and „suivi",
        tracking, both keyed suiv)."""
        lang = self.analyser.analyzer.lang
        if lang not in simplemma_languages():
            return False
        own = {key: word for word, key, content in self._words(rendering.term.text) if content}
        for word, key, content in self._words(text):
            other = own.get(key) if content else None
            if other is None or other.casefold() == word.casefold():
                continue
            if not _one_lemma(folded_lemma(word, lang), folded_lemma(other, lang)):
                return True
        return False

    def head_replaced(self, surface: str, key: str) -> list[tuple[str, Rendering, int]]:
        """The renderings whose head this word may replace: a word formed as the head is, with the
        same affixes around another stem (see affixes): Indonesian „pembersihan" („pem-bersih-an")
        for the head of „pembebasan lahan" („pem-bebas-an"), German „Geländebereinigung" for
        „Geländeräumung" (the compound's first part kept, its head another noun in -ung). A
        translator who names the same process with another action noun keeps the term's shape;
        its modifiers, which tell one concept from another, stay (the caller checks them).
        (Concept id, rendering, the head's part index) each."""
        lang = self.analyser.analyzer.lang
        # A stem shorter than the stemmer trusts says little (peng-ada-an, procurement, is no
        # peng-gusur-an, eviction, of the same thing).
        found_all = affixes_of(surface, key, lang) if len(key) >= MIN_TRUSTED_STEM or hangul(surface) else ()
        if not found_all:
            return []
        if self._heads is None:
            self._heads = {}
            compounding = self.analyser.analyzer.compounding
            head_last = compounding or family(self.analyser.analyzer.lang) in MODIFIERS_FIRST
            for concept_id in sorted(self.renderings):
                for rendering in self.renderings[concept_id]:
                    if len(rendering.parts) < 2 and not compounding:
                        continue
                    if rendering.term.part_of_speech not in ("", "noun", "properNoun"):
                        continue  # another verb is another action („ripristinare rami" beside „creare rami")
                    index = len(rendering.parts) - 1 if head_last else 0
                    head = self._words(rendering.term.text)[rendering.positions[index]][0]
                    for around in affixes_of(head, rendering.parts[index], lang)[:1]:
                        self._heads.setdefault(around[1][-2:], []).append((concept_id, rendering, index, around))
        compounding = self.analyser.analyzer.compounding
        replaced = []
        heads = dict.fromkeys(item for found in found_all for item in self._heads.get(found[1][-2:], ()))
        for concept_id, rendering, index, around in heads:
            if not any(alike(around, found) for found in found_all):
                continue
            part = rendering.parts[index]
            if related(part, key) or is_part(part, key, compounding) or part in key:
                continue  # the head itself, inflected or glued to the word before it: no other word
            if len(rendering.parts) == 1:
                # A compound: its first part kept, the rest another stem („Gelände|bereinig"),
                # each rest a word (not „Besch|reibung" beside „Besch|affung").
                kept = common_prefix(part, key)
                if kept < MIN_PIECE or min(len(part), len(key)) - kept < MIN_STEM \
                        or not self._compound_start(rendering.term.text[:kept]) \
                        or not all(self.analyser.analyzer.is_known_compound_rest(rest.casefold())
                                   for rest in (rendering.term.text[kept:], surface[kept:])):
                    continue
            replaced.append((concept_id, rendering, index))
        return replaced

    def _compound_start(self, piece: str) -> bool:
        """Whether a compound's first letters are a part of its own: a word the dictionary
        knows, and where nouns are written capitalised a noun („Gelände", not the prefix
        „Über" of „Überweisung", whose head „Übersetzung" does not replace)."""
        analyzer = self.analyser.analyzer
        if not analyzer.is_compound_start(piece.casefold()):
            return False
        if family(analyzer.lang) in CAPITALISED_NOUNS:
            lemma = dictionary_lemma(piece[:1].upper() + piece[1:].casefold(), analyzer.lang)
            return bool(lemma) and lemma[:1].isupper()
        return True

    def with_head_replaced(self, concept_id: str, text: str) -> tuple[Rendering, str, str] | None:
        """The concept's rendering that the text is with its head replaced by a word formed as
        it is (see head_replaced), every other word the rendering's own in its place: (the
        rendering, its head, the text's word); None where it is not one."""
        words = self._words(text)
        # Articles as their preposition („défrichement des sites" for „déblaiement du site").
        contracted = ARTICLE_FORMS.get(self.analyser.analyzer.lang, {})
        shape = tuple("" if content else contracted.get(key, key) for _, key, content in words)
        compounding = self.analyser.analyzer.compounding
        for surface, key, content in words:
            if not content:
                continue
            for found_concept, rendering, index in self.head_replaced(surface, key):
                if found_concept != concept_id \
                        or tuple(contracted.get(key, key) for key in rendering.function_words) != shape:
                    continue
                at = rendering.positions[index]
                if words[at][1] != key:
                    continue
                if all(of_part(part, words[position][1], compounding)
                       for i, (part, position) in enumerate(zip(rendering.parts, rendering.positions)) if i != index):
                    return rendering, self._words(rendering.term.text)[at][0], surface
        return None

    def lemmas(self, text: str) -> tuple[str, ...]:
        """The dictionary's lemma of each content word of the text ("" where it does not know
        the word, or has no dictionary of the language)."""
        lang = self.analyser.analyzer.lang
        known = lang in simplemma_languages()
        return tuple(folded_lemma(word, lang) if known else "" for word, _, content in self._words(text) if content)

    def _words(self, text: str) -> list[tuple[str, str, bool]]:
        return [(surface, *self.analyser.word(surface)) for surface, _, _ in self.analyser.words_of(text)]

    def _native_for_kept(self, concept_id: str, term: Term, words: list[str]) -> bool:
        """Whether the words hold a word of the language's own dictionary where the glossary
        keeps the term as another language writes it: Portuguese „serviço" is a translation
        of "Service", not the loanword inflected (English endings: see the engine)."""
        if (concept_id, term.text) not in self._kept_from:
            return False
        known = known_word(self.analyser.analyzer.lang)
        return known is not None and any(known(w) and w.casefold() != term.text.casefold() for w in words)

    def _content_words(self, text: str) -> list[str]:
        return [word for word, _, _ in self.analyser.words_of(text) if self.analyser.word(word)[1]]

    def term_words(self, text: str) -> list[tuple[str, bool]]:
        return [self.analyser.word(word) for word, _, _ in self.analyser.words_of(text)]

    def term_parts(self, text: str) -> tuple[str, ...]:
        return tuple(key for key, content in self.term_words(text) if content)

    def concepts_sharing(self, keys: Iterable[str]) -> set[str]:
        """Concepts with a part that one of these word keys may share."""
        found: set[str] = set()
        for key in keys:
            found |= self._sharing[key]
        return found

    def _concepts_of(self, key: str) -> frozenset[str]:
        return frozenset(c for piece in _pieces(key) for c in self._pieces.get(piece, ()))

    def best_share(self, concept_id: str, keys: list[str], quoted: bool = False) -> Share | None:
        """How the content word keys of a span share the parts of the concept's closest
        rendering; `quoted`: the span is a phrase quoted whole (see share)."""
        best = None
        for rendering in self.renderings.get(concept_id, ()):
            share = self.share(rendering, keys, quoted)
            if share and (best is None or _strength(share) > _strength(best)):
                best = share
        return best

    def contains_rendering(self, concept_id: str, keys: list[str]) -> bool:
        """Whether the words hold every part of one of the concept's renderings whole, or as
        the head of a compound („Parteikomitee für Massenmobilisierung" holds „Komitee für
        Massenmobilisierung")."""
        compounding = self.analyser.analyzer.compounding
        return any(all(any(is_part(part, key, compounding) for key in keys) for part in r.parts)
                   for r in self.renderings.get(concept_id, ()))

    def without_link(self, concept_id: str, text: str) -> tuple[Rendering, str] | None:
        """A rendering of the concept whose content words the text has, one for one and in its
        order, with fewer of the words that link them („fournisseurs cloud" for „fournisseur de
        cloud", „Frente Pátria" for „Frente da Pátria"): (the rendering, the word left out). An
        article left out, or a link word changed, is the sentence's grammar (de la facture, de
        cette facture); a contraction counts as its preposition (da as de)."""
        span = self._linked(text)
        if span is None:
            return None
        keys, links = span
        compounding = self.analyser.analyzer.compounding
        for rendering in self.renderings.get(concept_id, ()):
            if len(rendering.parts) != len(keys) or not all(
                    of_part(part, key, compounding) for part, key in zip(rendering.parts, keys)):
                continue
            own = self._linked(rendering.term.text)
            if own is None or len(links) >= len(own[1]):
                continue
            missing = set(Counter(own[1]) - Counter(links)) - articles(self.analyser.analyzer.lang)
            if missing:
                return rendering, min(missing)
        return None

    def extra_links(self, rendering: Rendering, text: str) -> set[str]:
        """The link words (not articles) between the text's content words that the rendering
        has not between its own. Where the text has the rendering's content words in its
        order, a link word in the place of one of the rendering's is none („mobilização em
        massa" for „mobilização de massas": see relinked), one between two words the rendering
        joins directly is („movilización masiva es hábil", a clause)."""
        span, own = self._linked(text), self._linked(rendering.term.text)
        if span is None:
            return set()
        lang_articles = articles(self.analyser.analyzer.lang)
        placed = self._placed_links(rendering, text)
        if placed is not None:
            # Between two words of the term it is built on, that term's own link words join
            # them as it does („Movilización de Masas Efectiva" on „movilización de masas").
            base = self._linked(rendering.base.text) if rendering.base is not None else None
            based = set(base[1]) if base else set()
            return {word for at, (links, own_links) in enumerate(placed) if not set(own_links) - lang_articles
                    for word in links
                    if not (word in based and at in rendering.core and at + 1 in rendering.core)} - lang_articles
        return set(Counter(span[1]) - Counter(own[1] if own else ())) - lang_articles

    def worded_by_glossary(self, concept: Concept, rendering: Rendering, text: str,
                           concepts: dict[str, Concept]) -> tuple[str, str, Term] | None:
        """Where the text is the rendering with some of its words replaced, each by another
        concept's one-word term whose term in another language is a word of this concept's
        term there („gerenciador de controlador de nuvem" for „gerenciador de controle de
        nuvem": „controlador" is the glossary's 'Controller', a word of "Cloud Controller
        Manager"), the first such word: (the rendering's word, the text's, that other term);
        None where a word is replaced otherwise, or none is. The translator built the term
        from the glossary's own words: another rendering of it, however alike their stems."""
        lang = self.analyser.analyzer.lang
        known = lang in simplemma_languages()

        def lemma_of(word: str) -> str:
            return folded_lemma(word, lang) if known else ""
        own = [(word, key) for word, key, content in self._words(rendering.term.text) if content]
        said = [(word, key) for word, key, content in self._words(text) if content]
        if len(own) != len(said):
            return None
        found = None
        for (word, key), (other, other_key) in zip(own, said):
            if word.casefold() == other.casefold() or key == other_key and _one_lemma(lemma_of(word), lemma_of(other)):
                continue
            lemma = lemma_of(other) or other.casefold()
            named = next((term for other_id, candidate in self._one_part_renderings().get(other_key, ())
                          if other_id != concept.id
                          and (lemma_of(candidate.term.text) or candidate.term.text.casefold()) == lemma
                          for term in concepts[other_id].terms if term.lang != candidate.term.lang
                          and _word_of_term(term, concept)), None)
            if named is None:
                return None
            found = found or (word, other, named)
        return found

    def _one_part_renderings(self) -> dict[str, list[tuple[str, Rendering]]]:
        """The renderings of one part by that part, made when first asked for."""
        if self._one_part is None:
            self._one_part = {}
            for concept_id, renderings in self.renderings.items():
                for rendering in renderings:
                    if len(rendering.parts) == 1:
                        self._one_part.setdefault(rendering.parts[0], []).append((concept_id, rendering))
        return self._one_part

    def compound_phrased(self, rendering: Rendering, text: str) -> bool:
        """Whether the text is a rendering of two nouns joined without a link word (a compound:
        „Cloud-Speicher") written as a phrase, head first and the other noun after link words
        („Speicher in der Cloud"), in a language that capitalises every noun (the other word
        a noun there, not a predicate: „die Mobilisierung ist geschickt" is a clause). The
        genitive's phrase („Mobilisierung der Massen") the matcher takes for the term itself."""
        if family(self.analyser.analyzer.lang) not in CAPITALISED_NOUNS or len(rendering.parts) != 2 \
                or any(rendering.function_words) or len(rendering.function_words) != 2:
            return False
        words = self._words(text)
        content = [i for i, (_, _, is_content) in enumerate(words) if is_content]
        # The two nouns at its ends, one to three link words between them.
        if content != [0, len(words) - 1] or not 2 <= len(words) - 1 <= 4:
            return False
        compounding = self.analyser.analyzer.compounding
        head, modifier = words[content[0]], words[content[1]]
        return modifier[0][:1].isupper() and head[0][:1].isupper() \
            and of_part(rendering.parts[1], head[1], compounding) and of_part(rendering.parts[0], modifier[1], compounding)

    def relinked(self, rendering: Rendering, text: str) -> bool:
        """Whether the text is the rendering's content words in its order with other link
        words in the place of its own, none of them kept („mobilização em massa" for
        „mobilização de massas"): another construction, not the term in another form. A
        determiner beside the rendering's own link word is the sentence's grammar
        („destinataire de cette facture")."""
        placed = self._placed_links(rendering, text)
        lang_articles = articles(self.analyser.analyzer.lang)
        return placed is not None and any(set(links) - lang_articles and set(own_links) - lang_articles
                                          and not set(links) & set(own_links)
                                          for links, own_links in placed)

    def renumbered(self, rendering: Rendering, text: str) -> bool:
        """Whether the text is the rendering's words one for one with its complement in another
        number („movilización de masa" for „movilización de masas"): another phrase, not the
        term in the plural (see complement_renumbered)."""
        own = [word for word, _, _ in self._words(rendering.term.text)]
        return complement_renumbered(self.analyser.analyzer, own, [word for word, _, _ in self._words(text)])

    def governed(self, rendering: Rendering, text: str, novel: tuple[str, ...]) -> bool:
        """Whether the text's new words (`novel`, keys) are words its language's lexicon never
        reads as adjectives, where the words the rendering adds to its base are adjectives:
        „Komitetu Mobilizacji Masowej" names a committee of mass mobilisation, not mass
        mobilisation of a kind, as „Umiejętna mobilizacja mas" is. Told only where a full-form
        lexicon tags words (Polish: Morfeusz 2)."""
        if rendering.base is None:
            return False
        lang = self.analyser.analyzer.lang
        base = {key for _, key, content in self._words(rendering.base.text) if content}
        own = [adjectival(word, lang) for word, key, content in self._words(rendering.term.text)
               if content and key not in base]
        new = [adjectival(word, lang) for word, key, content in self._words(text) if content and key in novel]
        return bool(own and new) and all(a is True for a in own) and all(a is False for a in new)

    def complement(self, text: str) -> Complement | None:
        """The text's complement (see language.complement); None where it has none."""
        return complement(self.analyser.analyzer, [word for word, _, _ in self._words(text)])

    @staticmethod
    def another_phrase(one, other) -> bool:
        """Whether two places' `complement` make them two phrases: one with a bare complement,
        the other with an article before it, in another number („movilización de masa",
        „movilización de las masas"). In one construction the number varies with the sentence
        („fonds de placement", „Fonds de placements"), and an article alone is grammar
        („execução de contêiner", „execução do contêiner")."""
        return one is not None and other is not None and one[0] != other[0] and renumbered(one, other)

    def _placed_links(self, rendering: Rendering, text: str) -> list[tuple[list[str], list[str]]] | None:
        """Where the text has the rendering's content words one for one in its order: the
        link words between each two of them, the text's and the rendering's; else None."""
        span, own = self._between(text), self._between(rendering.term.text)
        if span is None or own is None or not len(span[1]) == len(own[1]) == len(rendering.parts) - 1:
            return None
        compounding = self.analyser.analyzer.compounding
        if not all(of_part(part, key, compounding) for part, key in zip(rendering.parts, span[0])):
            return None
        return list(zip(span[1], own[1]))

    def _between(self, text: str) -> tuple[list[str], list[list[str]]] | None:
        """The content word keys of a text of at least two, and the function words between
        each two of them (casefolded, articles as their preposition)."""
        words = [(surface, *self.analyser.word(surface)) for surface, _, _ in self.analyser.words_of(text)]
        content = [i for i, (_, _, is_content) in enumerate(words) if is_content]
        if len(content) < 2:
            return None
        contracted = ARTICLE_FORMS.get(self.analyser.analyzer.lang, {})
        return [words[i][1] for i in content], [
            [contracted.get(words[i][0].casefold(), words[i][0].casefold()) for i in range(a + 1, b)]
            for a, b in zip(content, content[1:])]

    def _linked(self, text: str) -> tuple[list[str], list[str]] | None:
        """The content word keys of a text of at least two, and the function words between the
        first and the last (casefolded, articles as their preposition)."""
        between = self._between(text)
        return None if between is None else (between[0], [word for links in between[1] for word in links])

    def share(self, rendering: Rendering, keys: list[str], quoted: bool = False) -> Share | None:
        """How the keys share the rendering's parts. A new word beyond the core where the
        rendering has no modifier is a new head (see _head_changed), except after the whole
        core in a phrase quoted whole, in a language whose noun phrases may put modifiers
        after the noun: the quotes say where the name ends, and its head comes first
        („Masowej Mobilizacji Wykwalifikowanych", mass mobilisation of the skilled, beside
        „Skuteczna Mobilizacja Masowa"). Where it keeps only part of the core, the word may
        be in the place of the rest („mobilizace lidu", of the people, for „masová
        mobilizace"): a new head still."""
        compounding = self.analyser.analyzer.compounding
        covered = [0.0] * len(rendering.parts)
        shared: list[str] = []
        novel: list[str] = []
        core_at: list[int] = []
        novel_at: list[int] = []
        for at, key in enumerate(keys):
            hit = explained = False
            for index, part in enumerate(rendering.parts):
                cover = _cover(part, key, compounding)
                if cover:
                    covered[index] = min(1.0, covered[index] + cover)
                    hit = True
                    # The word is the part or a piece of it; a compound with more in it is new.
                    explained = explained or key in part
                    if index in rendering.core:
                        core_at.append(at)
            if hit:
                shared.append(key)
            if not explained:
                novel.append(key)
                novel_at.append(at)
        if not shared:
            return None
        core = _weighted(rendering, covered, rendering.core)
        if core and not (quoted and core >= WHOLE_CORE and family(self.analyser.analyzer.lang) not in MODIFIERS_FIRST) \
                and _head_changed(rendering, core_at, novel_at):
            core = 0.0
        return Share(rendering, core, _weighted(rendering, covered, rendering.modifiers), tuple(shared), tuple(novel),
                     _placed(rendering, core_at, novel_at))


def _placed(rendering: Rendering, core_at: list[int], novel_at: list[int]) -> bool:
    """Whether the new words stand where the rendering has its modifiers: before the core
    („umiejętna mobilizacja mas"), after it, or after its first word when they stand inside
    („mobilisation habile des masses")."""
    modifiers = rendering.modifiers
    if not modifiers or not core_at or not novel_at:
        return True
    if max(modifiers) < min(rendering.core):
        return max(novel_at) < min(core_at)
    return min(novel_at) > min(core_at)


def _head_changed(rendering: Rendering, core_at: list[int], novel_at: list[int]) -> bool:
    """Whether a new word stands beyond the core, on the side where the renderings have no
    modifier: „Kitle Seferberliği Davası" keeps the core of „Becerikli Kitle Seferberliği" but
    names another thing, while „Mobilisierung qualifizierter Massen" only moves the modifier."""
    modifiers = rendering.modifiers
    if not modifiers or not core_at or not novel_at:
        return False
    if max(modifiers) < min(rendering.core):      # modifiers before the core
        return max(novel_at) > max(core_at)
    if min(modifiers) > max(rendering.core):      # modifiers after the core
        return min(novel_at) < min(core_at)
    return False


WHOLE_CORE = 0.8  # the share of the core's letters a span covering all of it covers at least (inflected)
MIN_COGNATE = 0.65  # the share of letters alike that makes a word look like a translation of a kept term
MIN_STEM = 3     # letters of a stem that a derived word must begin with
MAX_SUFFIX = 5   # letters a derived word may add to it (no more than its stem has)


MIN_CLOSED = 6  # letters of a term written as one word: shorter ones are often words of their own


MIN_INITIALS = 3  # letters of an abbreviation: two letters name too many things


def initials(text: str, function: frozenset[str] = frozenset()) -> str | None:
    """A term's initials, capitals: of its capitalised words where it has some ('Vietnam
    Fatherland Front', 'Front de la Patrie du Vietnam' → VFF, FPV), else of all its words but
    the `function` words of its language ('giải phóng mặt bằng' → GPMB; 'code du compte' has
    two, CC); None for fewer than MIN_INITIALS or a term of one word."""
    words = [w for w in text.replace("-", " ").split() if w[:1].isalpha()]
    if any(w[:1].isupper() for w in words):
        words = [w for w in words if w[:1].isupper()]
    else:
        words = [w for w in words if w.casefold() not in function]
    if len(words) < MIN_INITIALS:
        return None
    return "".join(w[0] for w in words).upper()


CLOSED_ENDING = 2  # letters an ending adds to a term written as one word at most


def same_words(lemmas: tuple[str, ...], others: tuple[str, ...]) -> bool:
    """Whether two places of one key are the same words to the dictionary: each word's lemma
    the other's, or one of them unknown, or one lemma beginning with the other (see
    ConceptParts.other_words)."""
    return len(lemmas) == len(others) and all(map(_one_lemma, lemmas, others))


def _one_lemma(a: str, b: str) -> bool:
    """Two words' lemmas are one word's: either unknown (""), or one beginning with the other."""
    return not a or not b or one_lemma(a, b)


def _camel_case(word: str) -> bool:
    """A capital after the first letter of a word not all in capitals: a name in code."""
    return not word.isupper() and any(c.isupper() for c in word[1:])


def closed_form(text: str) -> str | None:
    """A term of several words written as one, case folded ('API server', 'API-Server' →
    'apiserver'); None for a term of one word or a short one."""
    words = [w for w in text.replace("-", " ").replace("\u2011", " ").split() if w]
    closed = "".join(words).casefold()
    if len(words) < 2 or len(closed) < MIN_CLOSED or not closed.isalnum():
        return None
    return closed


@functools.lru_cache(maxsize=262144)
def frame_kept(rendering: Rendering, keys: tuple[str, ...]) -> bool:
    """Whether the words are the rendering's, a name of three words or more written with
    capitals, but words inside it, in their places: the name's frame kept („Vietnami … Front",
    „Front … Vietnam"), not its last or first word („Kitle Seferberliği Davası", the cause, is
    no commission)."""
    words = rendering.term.text.split()
    return 3 <= len(keys) == len(rendering.parts) == len(words) \
        and related(keys[0], rendering.parts[0]) and related(keys[-1], rendering.parts[-1]) \
        and keys != tuple(rendering.parts) \
        and all(w[:1].isupper() for w in words if len(w) > 3)


def related(part: str, key: str) -> bool:
    """Whether two word keys are of one stem: one begins with the other, which has at least
    MIN_STEM letters, and adds at most MAX_SUFFIX (the Polish adjective masowa beside the noun
    mas(a), Spanish masiva beside masas, Czech vlasti beside vlastenecká), accents aside
    (ojczyźniany, ojczyzna)."""
    if part == key:
        return True
    short, long = sorted((plain(part), plain(key)), key=len)
    if len(short) < MIN_STEM or len(long) - len(short) > min(MAX_SUFFIX, len(short)):
        return False
    # The stem whole, or in a long stem but its last letter, where the stemmer kept a letter
    # the other lost (mobilizacj, mobilizak); a short one differing there is another word
    # (profil, profit).
    return long.startswith(short) or (len(short) >= 8 and common_prefix(short, long) == len(short) - 1)


INFLECTION = 2    # letters at a word's end that a form of it may change


def inflected(term_words: list[str], words: list[str]) -> bool:
    """Whether the words are the term's words one for one, in order, each changed at its end
    only (at most INFLECTION letters of each, after more than MIN_STEM in common): the term in
    a form the language's analyser did not tell („отдалеченото хранилище", „отдалечени
    хранилища" for „отдалечено хранилище"), not another rendering of it („movilización
    masiva" for „movilización de masas", „Frontu Ojczyźnianego" for „Front Ojczyzny")."""
    if len(term_words) != len(words):
        return False
    for term_word, word in zip(term_words, words):
        a, b = plain(term_word.casefold()), plain(word.casefold())
        common = common_prefix(a, b)
        if common <= MIN_STEM or max(len(a), len(b)) - common > INFLECTION:
            return False
    return True


@functools.lru_cache(maxsize=65536)
def related_compound(part: str, first: str, second: str) -> bool:
    """Whether two words written apart stand for a compound part: „tömeges mozgósítás" for
    „tömegmozgósítás" (the second word its head, the first's stem its beginning)."""
    if len(second) < MIN_PIECE or not part.endswith(second) or len(part) == len(second):
        return False
    return related(part[:len(part) - len(second)], first)


def echoes(word: str, other: str) -> bool:
    """Whether a target word is a source word again, as written or inflected (normalen for
    normal, standardową for standard, GnuCash for GnuCash): it renders that word."""
    a, b = plain(word.casefold()), plain(other.casefold())
    if a == b:
        return True
    return min(len(a), len(b)) >= MIN_PIECE and a[:MIN_PIECE] == b[:MIN_PIECE] and _alike(a, b) >= MIN_COGNATE


def _one_letter_more(word: str, stem: str, kept: str) -> bool:
    """The term with one letter more, as its translation may be spelt (volumen, volúmenes for
    Volume), not the term with an ending (Volumes) or a suffix (budgétaire for Budget)."""
    return any(len(form) == len(kept) + 1 and form.startswith(kept) and form[-1] != "s" for form in (word, stem))


AGENT_ENDINGS = ("er", "or")  # an agent noun's, which a cognate of it renders too (controlador, contrôleur)


def _agent_base(word: str, kept: str, alike: float, kept_from: tuple[str, ...]) -> bool:
    """Whether a word like a kept agent noun is its base's cognate instead: „controllo",
    „contrôle" are control, not controller — spelt more like the word the noun is made from (a
    word of the language the term is kept from), its final vowel left aside, than like the
    noun."""
    for ending in AGENT_ENDINGS:
        if not kept.endswith(ending) or len(kept) - len(ending) < MIN_PIECE:
            continue
        stem = word[:-1] if word[-1] in "aeiou" else word
        cut = kept[:-len(ending)]
        # control|l|er, serve|r: the consonant doubled, the base's own e
        bases = {cut, cut[:-1] if cut[-1] == cut[-2] else cut, kept[:-1]}
        if any(_alike(stem, base) > alike and any((known := known_word(lang)) is not None and known(base)
                                                  for lang in kept_from) for base in sorted(bases)):
            return True
    return False


def cognate(word: str, other: str) -> bool:
    """Whether two plain words are spelt alike as a translation and its original often are:
    the same first two letters, two thirds of the letters alike (MIN_COGNATE)."""
    return word[:2] == other[:2] and _alike(word, other) >= MIN_COGNATE


def _alike(a: str, b: str) -> float:
    """The share of letters alike: one less the edit distance over the longer length."""
    return 1 - _distance(a, b) / max(len(a), len(b))


def _distance(a: str, b: str) -> int:
    """Levenshtein's edit distance."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
    return row[-1]


_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "Œ": "OE", "Æ": "AE"})


MIN_AFFIX = 3  # letters of a derivation's affixes together: fewer are an inflection's ending


def affixes(surface: str, key: str, lang: str = "") -> tuple[str, str] | None:
    """What a word has around its stem as the language's stemmer cut it off: Indonesian
    „pembebasan" is pem-bebas-an, German „Räumung" raum-ung (both Snowball's). None where the
    stem does not stand in the word as written, or the affixes are too short to be a
    derivation's. A prefix that takes the stem's first sound is written as its morpheme (see
    NASAL_PREFIXES)."""
    word, key = plain(surface.casefold()), plain(key.casefold())  # accents aside on both sides
    at = word.find(key) if key else -1
    if at < 0:
        return None
    around = (word[:at], word[at + len(key):])
    if len(around[0]) + len(around[1]) < MIN_AFFIX or not around[1]:
        return None
    nasal = NASAL_PREFIXES.get(lang)
    return (nasal.get(around[0], around[0]), around[1]) if nasal else around


# Indonesian and Malay peN- and meN- take the nasal of the stem's first sound (Snowball's
# Indonesian stemmer removes them so): pem-bebas-an and peng-gusur-an are one derivation.
_NASALS = ("", "m", "n", "ng", "ny", "nge")
NASAL_PREFIXES = dict.fromkeys(("id", "ms"), {start + "e" + nasal: start + "eN" for start in "pm" for nasal in _NASALS})


def affixes_of(surface: str, key: str, lang: str = "") -> tuple[tuple[str, str], ...]:
    """A word's affixes (see affixes); of a Korean noun, written without a stemmer's cut, the
    last syllable of each reading of it (with its case particle or without: see
    hangul_affixes)."""
    if hangul(surface):
        return hangul_affixes(surface)
    found = affixes(surface, key, lang)
    return (found,) if found is not None else ()


def hangul_affixes(word: str) -> tuple[tuple[str, str], ...]:
    """A Korean noun of Sino-Korean morphemes, a syllable each, ends in one that says what
    kind of thing it is (자 'one who': 공급자 'supplier', 제공자 'provider'; 기 'device'; 성
    '-ness'), as a derivation's suffix does: its last syllable, after two syllables of stem at
    least, the case particle it may end in cut first (제공자와). ('', syllable) for each way
    of reading the word, as it stands first."""
    return tuple(dict.fromkeys(("", form[-1]) for form in without_particle(word) if len(form) >= 3))


def alike(one: tuple[str, str], other: tuple[str, str]) -> bool:
    """Whether two words' affixes (see affixes) are one derivation's: the same prefix, and the
    same suffix or one a longer cut of the other (German „Räumung" raum-ung, „Bereinigung"
    berein-igung: Snowball cuts -igung whole), two letters at least (its last two are what the
    heads are found by)."""
    (prefix, suffix), (other_prefix, other_suffix) = one, other
    shorter, longer = sorted((suffix, other_suffix), key=len)
    return prefix == other_prefix and (shorter == longer or len(shorter) >= 2 and longer.endswith(shorter))


@functools.lru_cache(maxsize=65536)
def hard_c(word: str) -> str:
    """The word with k for each c that sounds so (not before e, i, y; ck one k): how a loan's
    spelling compares across languages that write the sound otherwise (controller,
    kontroler)."""
    return re.sub(r"c(?![eiy])", "k", word.replace("ck", "k"))


@functools.lru_cache(maxsize=65536)
def plain(key: str) -> str:
    """Without accents and ligatures (nœud: noeud)."""
    return "".join(c for c in unicodedata.normalize("NFD", key.translate(_LIGATURES)) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=262144)
def _may_be_part(parts: tuple[str, ...], key: str, compounding: bool) -> bool:
    return any(of_part(part, key, compounding)
               or (len(key) >= MIN_PIECE and part.endswith(key)) or plain(part).startswith(plain(key)[:MIN_STEM])
               for part in parts)


def _windows(keys: list[str], size: int):
    return (keys[i:i + size] for i in range(len(keys) - size + 1))


def _covers(parts: tuple[str, ...], keys: list[str], compounding: bool) -> bool:
    """Whether each part is one of the keys (the same, a compound with it as head, or of its
    stem) or two neighbouring keys written apart, using every key once."""
    if not parts or not (len(parts) <= len(keys) <= len(parts) + 1):
        return False

    def match(part_index: int, used: frozenset[int]) -> bool:
        if part_index == len(parts):
            return len(used) == len(keys)
        part = parts[part_index]
        for at, key in enumerate(keys):
            if at in used:
                continue
            if of_part(part, key, compounding):
                if match(part_index + 1, used | {at}):
                    return True
            if at + 1 < len(keys) and at + 1 not in used and related_compound(part, key, keys[at + 1]):
                if match(part_index + 1, used | {at, at + 1}):
                    return True
        return False

    return match(0, frozenset())


_TAGGED = ("en", "de", "nl")


def _word_of_term(term: Term, concept: Concept) -> bool:
    """Whether the term is a word of one of the concept's terms in its language."""
    folded = term.text.casefold()
    return " " not in folded and any(folded in own.text.casefold().replace("-", " ").split()
                                     for own in concept.terms_in(term.lang))


def _a_kind_of(concept: Concept | None, base: Concept | None) -> bool:
    """Whether the glossary's terms, where a tagger reads them, make `concept` a kind of
    `base` (its words beyond the base's adjectives: skilful mass mobilisation) rather than
    another thing named after it (Mass Mobilisation Commission); True where nothing says. Where
    both are named in such a language and no term of one holds a term of the other, it is no
    kind of it: the rendering that holds the other's term is a translator's choice of words
    („云服务供应商", cloud provider, holds 服务, service)."""
    if concept is None or base is None:
        return True
    from mtcheck.language.tagger import tagger_for

    for lang in _TAGGED:
        terms, known_terms = concept.terms_in(lang), base.terms_in(lang)
        if not terms or not known_terms:
            continue
        inside = [(term, known, at) for term in terms for known in known_terms
                  if (at := term.text.casefold().find(known.text.casefold())) >= 0 and len(known.text) < len(term.text)]
        if not inside:
            return False
        tagger = tagger_for(lang)
        if tagger is None:
            continue
        term, known, inner = inside[0]
        outside = [classes for start, end, classes in tagger.classes(term.text)
                   if classes and (end <= inner or start >= inner + len(known.text))]
        return bool(outside) and all(classes <= {"adjective", "verb"} and "adjective" in classes
                                     for classes in outside)
    return True


def _subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> list[int] | None:
    """The indices in `long` of `short`'s parts, in order, each the part or a word of its stem
    (see related: „Movilización Masiva Efectiva" holds „movilización de masas"), or None."""
    found, at = [], 0
    for part in short:
        while at < len(long) and not related(part, long[at]):
            at += 1
        if at == len(long):
            return None
        found.append(at)
        at += 1
    return found


def _strength(share: Share) -> float:
    return share.core + 0.9 * share.modifier


def _weighted(rendering: Rendering, covered: list[float], indices: Iterable[int]) -> float:
    indices = list(indices)
    letters = sum(len(rendering.parts[i]) for i in indices)
    if not letters:
        return 0.0
    value = sum(covered[i] * len(rendering.parts[i]) for i in indices) / letters
    return value if value >= MIN_COVER else 0.0


def is_part(part: str, key: str, compounding: bool) -> bool:
    """Whether the word `key` is the part, or a compound whose head is the part."""
    return key == part or (compounding and len(part) >= MIN_PIECE and key.endswith(part))


def of_part(part: str, key: str, compounding: bool) -> bool:
    """Whether the word `key` is the part, a compound whose head it is, or a word of its stem
    (see related: masowa beside mas, „Frontjának" keyed front beside „Front" keyed fron)."""
    return is_part(part, key, compounding) or related(part, key)


def _cover(part: str, key: str, compounding: bool) -> float:
    """The share of `part`'s letters that the word `key` stands for."""
    if is_part(part, key, compounding):
        return 1.0           # the part itself, or a compound whose head it is
    if related(part, key):
        return 0.9           # a word of the same stem: masowa beside mas, masiva beside masas
    if len(key) >= MIN_PIECE and key in part:
        return len(key) / len(part)   # a piece of the part, written apart
    if compounding:
        common = _common_suffix(part, key)
        if common >= MIN_PIECE + 1:
            return common / len(part)  # two compounds with the same head
    return 0.0


PIVOT = "en"  # the language bilingual dictionaries pair others with (FreeDict's, mostly)
MIN_ABBREVIATED = 3  # characters of a Han term's abbreviation at least: two match by chance
SHORT_STEM = 5  # letters of a stem below which words beginning with it are often others (cont-)
MIN_COMPOUND_HEAD = 4  # letters of a compound's head whose first part another replaces


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b)):
        if x != y:
            break
        n += 1
    return n


def _pieces(key: str) -> set[str]:
    """What a part is indexed by: itself, and its beginnings and endings of MIN_PIECE letters
    or more, so that a piece or a compound sharing it finds it."""
    if len(key) < MIN_PIECE:
        return {key}
    return {key[:n] for n in range(MIN_PIECE, len(key) + 1)} | {key[-n:] for n in range(MIN_PIECE, len(key) + 1)}
