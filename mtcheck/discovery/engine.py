"""Find spans that likely render a glossary concept without being one of its terms.

Candidates come from quoted stretches (names are quoted); words that share a core or a
modifier of a concept's known renderings (intelligente Massenmobilisierung, with the core of
„geschickte Massenmobilisierung"); a known rendering's words in another form, grammar or
order (movilización masiva for „movilización de masas"), or with its head replaced by a word
formed as it is („pembersihan lahan" for „pembebasan lahan"); another concept's term with another
word where the glossary builds this concept's term on it; translations of a term the glossary
keeps as in another language (nodo for Node); in a bilingual segment whose target lacks the
source term's concept, the target's words that stand there (see source, gaps); and known terms of
another language left untranslated. A bilingual segment's target words render only a concept
its source says. Each candidate is scored against the concepts it may
render by independent signals, combined as a noisy-or so that one strong or several weak ones
make a candidate:

- shared parts with a known rendering (core, modifiers; pieces and compound heads count),
  a variant of it, or the glossary's structure;
- the slot: the words around it, where known renderings of the concept stand in the texts
  (never the candidate's own places);
- span-level language identification: a phrase in another language of the glossary;
- being quoted or written like a name, more so where the concept's known renderings are quoted;
- for an unquoted span, a modifier that ends like the concept's modifiers do in the texts;
- what the first round learned: a word shared with a candidate already accepted for the
  concept (a second round rescores with these and with the accepted candidates' slots);
- optionally the MT model: the span translated into a language where the glossary has the
  concept comes out as one of its terms there.

The signals' weights are fixed (mtcheck.discovery.scoring; learned ones can replace them) and
said in each candidate's evidence; one threshold sets the trade-off between precision and
recall. Ties are broken in one order, so that every run gives the same candidates.
"""
from __future__ import annotations

import bisect
import functools
from collections import Counter
from dataclasses import replace
from typing import Callable, Iterable, Iterator, TypeVar

from mtcheck.abbreviations import bracketed, initialism
from mtcheck.discovery.candidate import Candidate, Evidence, Occurrence
from mtcheck.discovery.evidence import EvidenceReader
from mtcheck.discovery.gaps import REWORDED
from mtcheck.discovery.grouping import aligned_apart, listed_apart, longest_first, named_apart, same_words_groups
from mtcheck.discovery.lists import item_concepts, list_items, list_marks
from mtcheck.discovery.lexical import DictionaryRenderings
from mtcheck.discovery.parts import ConceptParts, Rendering, frame_kept, of_part, related
from mtcheck.discovery.reading import LanguageState, Learned, Own, Span
from mtcheck.discovery.scoring import Scorer, features, noisy_or
from mtcheck.discovery.slots import Slots
from mtcheck.discovery.source import SourceReader
from mtcheck.discovery.text import (CAPITALISED_NOUNS, MAX_NAME_WORDS, QUOTE_MARKS, Analysed, TextAnalyser, capital_names,
                                   elided, gloss_language_named, named_as_names_are, respaced)
from mtcheck.discovery.variants import cuts_a_term, variant_spans
from mtcheck.language import GLOSS_CLOSING, GLOSS_OPENING, analyzer_for, canonical_lang, family, mask_protected
from mtcheck.language.bilingual import installed
from mtcheck.language.dictionary import articles
from mtcheck.matching import Matcher
from mtcheck.model import Concept, Glossary, Match, Segment

DEFAULT_THRESHOLD = 0.5

MIN_FOREIGN = 0.6   # the language identifier's probability for a span in another language
T = TypeVar("T")
MAX_SPANS = 500_000  # candidate places remembered per run: memory stays bounded
MAX_ABBREVIATED_WORDS = 4  # words a segmenter may cut a term's abbreviation into


# Translates texts of one language into the MT signal's language; None where it cannot.
Backtranslate = Callable[[list[str], str], "list[str] | None"]


class Discoverer:
    """Collects the candidate places of a run's texts, then scores them against the glossary."""

    def __init__(self, glossary: Glossary, matcher: Matcher | None = None, threshold: float = DEFAULT_THRESHOLD,
                 backtranslate: Backtranslate | None = None, mt_lang: str | None = None,
                 scorer: Scorer | None = None, new_terms: bool = False):
        self.glossary = glossary
        # Also a concept the glossary has no term for in the text's language, where a
        # bilingual segment's source says it: the rendering the target gives it is a term to
        # propose (`discover`), not a deviation from one (GL006 reports those only).
        self.new_terms = new_terms
        self.scorer = scorer  # learned weights (scripts/train_discovery.py); None: the signals' own
        self._matcher = matcher
        self.threshold = threshold
        self.backtranslate = backtranslate
        self.mt_lang = canonical_lang(mt_lang) if mt_lang else None
        self._concepts = {c.id: c for c in glossary}
        self._reader = EvidenceReader(glossary, self._concepts, self._parts, self._renders, self.mt_lang)
        self._languages: dict[str, LanguageState] = {}
        self._source = SourceReader(glossary, self._concepts, lambda: self.matcher, self._parts)
        self._spans = 0
        self._said: tuple[str, frozenset[str]] | None = None  # what the source of the segment read says
        # What the MT signal made of each candidate: (written in, keys) -> translation.
        self.translations: dict[tuple[str, tuple[str, ...]], str] = {}

    @property
    def matcher(self) -> Matcher:
        if self._matcher is None:
            self._matcher = Matcher(self.glossary)
        return self._matcher

    # -- collecting --------------------------------------------------------------------------
    def add(self, segment: Segment, lang: str | None = None, matches: list[Match] | None = None) -> None:
        """A segment's target text; `matches` are the matcher's, when the caller has them."""
        lang = canonical_lang(segment.lang or lang or "")
        if not lang or not segment.text.strip():
            return
        state = self._language(lang)
        if matches is None:
            matches = self.matcher.for_language(lang).matches(segment)
        masked = mask_protected(segment.text)
        surfaces = [word for word, _, _ in state.analyser.words_of(masked)]
        state.counts.update(surfaces)
        source_keys = self._source.keys(segment.source, segment.source_lang) if segment.source else set()
        if segment.source:
            word = state.analyser.word
            state.gaps.read({key for key, content in map(word, surfaces) if content}, source_keys)
        missing, in_source, said, spoken, reworded = self._source.missing(segment, lang, matches, self.new_terms)
        self._said = (canonical_lang(segment.source_lang or ""), frozenset(in_source)) if segment.source else None
        if segment.source:
            state.gaps.rendered.update(in_source & {m.concept.id for m in matches})
        # Most segments hold nothing to look at: no term, no quote, no core of a rendering.
        if not matches and not missing and not any(mark in masked for mark in QUOTE_MARKS) \
                and not any(state.trigger(word) for word in surfaces):
            return
        analysed = state.analyser.analyse(segment.text, masked)
        if not analysed.words:
            return
        # A target that is its source as it stands (a string left untranslated) is not written in
        # the text's language: its words render a term only as the source's words left as they
        # are (a gap, below) or as another language's terms (GL003's), never read as the text's
        # language's words („data format", English, is no Polish „format daty" reordered).
        verbatim = segment.source is not None and segment.text.strip() == segment.source.strip()
        if missing:
            # A target term whose concept the source lacks explains no source word: it may be
            # the missing concept's rendering (科目, another concept's term, for "account").
            self._source.add_gaps(state, lang, segment, analysed, [m for m in matches if m.concept.id in in_source
                                                      or any(c.id in in_source for c, _ in m.alternatives)], missing,
                           said, spoken, source_keys)
        starts = [w.start for w in analysed.words]
        names = [(f, s) for f, s in analysed.quotes if s - f <= MAX_NAME_WORDS]
        covered: list[tuple[int, int, Match]] = []
        glossed = _glossed_foreign(matches)
        for match in matches:
            first = bisect.bisect_left(starts, match.start)
            stop = bisect.bisect_left(starts, match.end)
            if stop <= first:
                continue
            covered.append((first, stop, match))
            context = analysed.window(first, stop)
            in_quotes = any(f <= first and stop <= s for f, s in names)
            state.slots.add_rendering(match.concept.id, context, in_quotes)
            if match.foreign and match.concept.terms_in(lang) and match not in glossed:
                keys = self._parts(match.term.lang).term_parts(match.term.text)
                self._remember(state, Span(match.term.lang, keys, self._occurrence(segment, analysed, first, stop,
                                                                                   context, in_quotes),
                                            (match.concept, match.term), 1.0))
        native = [(first, stop, m) for first, stop, m in covered if not m.foreign]
        for first, stop, match in native:
            _note_abbreviations(state, segment, match)
            # The term with its words joined otherwise than the glossary joins them: the
            # matcher reads it as the term, the glossary spells it another way.
            if (how := respaced(match.term.text, match.text, lang)) is not None:
                self._mark(lang, state, segment, analysed, first, stop, frozenset(),
                           respaced=(match.concept.id, match.term, how))
        if verbatim:
            return

        def inner(first: int, stop: int) -> frozenset[str]:
            return frozenset(m.concept.id for f, s, m in native if first <= f and s <= stop)
        for first, stop, match in covered:
            named = _other_languages(match, lang)
            if match not in glossed and (match.foreign and (match.concept.terms_in(lang) or self.new_terms) or named):
                found = self._glossed_by(analysed, first, stop, match, native, lang, named)
                if found is not None:
                    self._remember_glossed(lang, state, segment, analysed, *found, inner(*found), match)
        quoted = set()
        for first, stop in analysed.quotes:
            if stop - first > MAX_NAME_WORDS or not any(w.content for w in analysed.words[first:stop]):
                continue
            if any(f <= first and stop <= s for f, s, _ in covered):
                continue  # a known rendering, quoted
            quoted.add((first, stop))
            context = analysed.window(first, stop)
            span_lang, probability = self._span_language(lang, analysed, first, stop, covered)
            if span_lang != lang and segment.source \
                    and _stretch(analysed, first, stop).casefold() in segment.source.casefold():
                continue  # the source's own words, kept as they stand (a hook's, a command's name)
            keys = self._keys(lang, span_lang, analysed, first, stop)
            self._remember(state, Span(span_lang, keys, self._occurrence(segment, analysed, first, stop, context, True),
                                        None, probability, inner(first, stop),
                                        named=_named(analysed, first, stop, lang, quoted=not segment.source),
                                        quoted_name=not segment.source))
        made = set(quoted)  # each stretch of words remembered once
        for index, word in enumerate(analysed.words):
            if not word.content or any(f <= index < s_ for f, s_, _ in covered) or (index, index + 1) in quoted:
                continue
            # A term written otherwise: as one word („Apiserver" for 'API server'), or as its
            # initials, unless they stand in brackets after a term, defining them.
            spellings = state.parts.spellings(word.text)
            spelt = {signal for _, _, signal in spellings}
            # Not in brackets after a term: the initials it defines, or its own concept's term in
            # another language glossing it („插件（Addons）": GL003 allows the gloss).
            if spelt and not (spelt == {"initials"} and _defined(analysed, index, covered)) \
                    and not _defined(analysed, index, covered, {c for c, _, _ in spellings}):
                made.add((index, index + 1))
                self._remember_unquoted(lang, state, segment, analysed, index, index + 1, frozenset(), ())
            # A compound term with its first part replaced by one of the same sense.
            elif state.parts.first_part_replaced(word.text):
                made.add((index, index + 1))
                self._remember_unquoted(lang, state, segment, analysed, index, index + 1, frozenset(), ())
            # A translation of a term the glossary keeps as it is in another language.
            # A proper name (capitalised inside a sentence) translates nothing.
            elif state.parts.cognates(word.text) \
                    and not (word.text[:1].isupper() and _named(analysed, index, index + 1, lang)):
                made.add((index, index + 1))
                self._remember_unquoted(lang, state, segment, analysed, index, index + 1, frozenset(), ())
        if state.parts.abbreviable:
            for first, stop in self._abbreviated_spans(state, analysed, covered):
                if (first, stop) not in made:
                    made.add((first, stop))
                    self._remember_unquoted(lang, state, segment, analysed, first, stop, frozenset(), ())
        variants = list(variant_spans(state.parts, state.variant_pairs, analysed, native))
        # In a bilingual segment only what the source says and the target's terms miss.
        eligible = {m.concept.id for m in missing} if segment.source else None
        for first, stop in self._dictionary_spans(state, analysed, covered, eligible):
            state.translations_seen[state.lexical.keys_of(_stretch(analysed, first, stop))] += 1
            if (first, stop) not in made:
                made.add((first, stop))
                self._remember_unquoted(lang, state, segment, analysed, first, stop, inner(first, stop), ())
        if not segment.source:
            for first, stop, listed in self._listed_spans(state, analysed, covered):
                self._mark(lang, state, segment, analysed, first, stop, inner(first, stop), listed=listed)
        for first, stop, inserted in self._inserted_in_names(lang, state, segment, analysed, native):
            self._mark(lang, state, segment, analysed, first, stop, inner(first, stop), inserted=inserted)
        for first, stop, concept_id in variants:
            if (first, stop) not in made:
                made.add((first, stop))
                self._remember_unquoted(lang, state, segment, analysed, first, stop, inner(first, stop), ())
            if concept_id in reworded:
                # The source says the term here, and these are its words in another order or
                # form: what the target has for it („zaplanowaną transakcję" for "Scheduled
                # Transaction", whose term is „Transakcja zaplanowana"), as a gap's only words.
                self._mark(lang, state, segment, analysed, first, stop, inner(first, stop), aligned=(
                    concept_id, REWORDED, 1, 1, reworded[concept_id], "the term's words in another order or form"))
        for first, stop in self._formed_spans(state, analysed, native):
            if (first, stop) not in made:
                made.add((first, stop))
                self._remember_unquoted(lang, state, segment, analysed, first, stop, inner(first, stop), ())
        anchors = [(f, s_, m.concept.id) for f, s_, m in native] + variants
        for first, stop, modifiers in self._built_on(state, analysed, native, anchors, lang):
            if (first, stop) in made or any(f <= first and stop <= s_ for f, s_ in quoted):
                continue
            made.add((first, stop))
            self._remember_unquoted(lang, state, segment, analysed, first, stop, inner(first, stop), modifiers)
        for first, stop, modifiers in self._part_spans(state, analysed, native):
            if (first, stop) in made or any(f <= first and stop <= s for f, s in quoted):
                continue
            context = analysed.window(first, stop)
            keys = tuple(w.key for w in analysed.words[first:stop] if w.content)
            self._remember(state, Span(lang, keys, self._occurrence(segment, analysed, first, stop, context, False),
                                        None, 0.0, inner(first, stop), modifiers, _named(analysed, first, stop, lang),
                                        in_name=_in_name(state, segment, analysed, first, lang)))
        for first, stop, match in native:
            # How the concept's modifiers are inflected in these texts ('geschickten', 'Bekwame').
            parts = state.parts.renderings.get(match.concept.id, ())
            modifier_keys = {r.parts[i] for r in parts for i in r.modifiers}
            for word in analysed.words[first:stop]:
                if word.key in modifier_keys:
                    state.endings.setdefault(match.concept.id, Counter())[word.text[-1:].casefold()] += 1

    @staticmethod
    def _abbreviated_spans(state: LanguageState, analysed: Analysed, covered) -> Iterator[tuple[int, int]]:
        """Runs of words that stand together and abbreviate a Han term (see parts.spellings):
        the segmenter cuts 云服务商 into 云, 服务 and 商, none of them the abbreviation."""
        words = analysed.words
        for first in range(len(words)):
            for stop in range(first + 2, min(first + MAX_ABBREVIATED_WORDS, len(words)) + 1):
                if any(f < stop and first < s for f, s, _ in covered) or not analysed.joined(first, stop):
                    break
                if state.parts.abbreviated(_stretch(analysed, first, stop)):
                    yield first, stop

    def _align(self, lang: str, state: LanguageState) -> None:
        """The gaps' chosen spans, remembered as candidates of their concept (once per run)."""
        if state.aligned_done:
            return
        state.aligned_done = True
        self._said = None  # a gap's run renders the concept its source says: its own mark

        def text_of(place, span) -> str:
            return _stretch(place[1], span[0], span[1])

        def translates(concept_id: str, place, span) -> bool:
            return state.lexical.rendering(concept_id, text_of(place, span)) is not None  # a sense sure without the gap

        def lemmas(place, span) -> tuple[str, ...]:
            return state.parts.lemmas(text_of(place, span))

        for gap, (segment, analysed), (first, stop, keys), strength, support, total in state.gaps.aligned(
                translates if state.lexical else None, lemmas):
            context = analysed.window(first, stop)
            occurrence = self._occurrence(segment, analysed, first, stop, context, False)
            how = "the item of the target's list in the place of the source's" if gap.listed == (first, stop, keys) \
                else "the source's word kept" if (first, stop, keys) in gap.echoed else None
            aligned = (gap.concept, strength, support, total, gap.source_text, how)
            self._remember_marked(state, Span(lang, keys, occurrence, None, 0.0, aligned=aligned), "aligned")

    def _part_spans(self, state: LanguageState, analysed: Analysed, native: list[tuple[int, int, Match]]):
        """Unquoted spans shaped like a known rendering around a word that is its core: the
        same number of words, content words where it has content words and its function words
        where it has them („intelligenten Massenmobilisierung" like „geschickte
        Massenmobilisierung"; not „Demokratie und die Stärke" like „Demokratie an der Basis").
        Only a core that several renderings share is trusted this far, or one the glossary's
        structure shows: where a term is another concept's term plus modifiers, that concept's
        term found in the text with other modifiers („Massenmobilisierung" is mass
        mobilisation, „intelligente Massenmobilisierung" may be skilful mass mobilisation).
        Otherwise a word that is another concept's known term, a modifier, or a lone term's
        longest word make candidates only when quoted — except a name's frame: a phrase written
        as a name whose first and last words are a name-term's, words inside it replaced
        („Vietnami Hazafias Front" beside „Vietnami Hazai Front"; see parts.frame_kept)."""
        words, parts = analysed.words, state.parts
        compounding = parts.analyser.analyzer.compounding
        seen = set()
        for index, word in enumerate(words):
            if not word.content:
                continue
            inside = {m.concept.id for f, s, m in native if f <= index < s}
            for concept_id in sorted(parts.concepts_sharing([word.key])):
                for rendering in parts.renderings[concept_id]:
                    if not rendering.shared_core and len(rendering.parts) < 3 \
                            or inside and rendering.base_concept not in inside:
                        continue
                    for position in rendering.core if rendering.shared_core else (0,):
                        if not of_part(rendering.parts[position], word.key, compounding):
                            continue
                        first = index - rendering.positions[position]
                        stop = first + len(rendering.function_words)
                        if (first, stop) not in seen and _shaped_like(analysed, first, rendering, compounding) \
                                and (rendering.shared_core or _framed(analysed, first, stop, rendering, parts)) \
                                and not cuts_a_term(native, first, stop):
                            seen.add((first, stop))
                            yield first, stop, tuple(words[first + rendering.positions[i]].text
                                                     for i in rendering.modifiers)

    def _dictionary_spans(self, state: LanguageState, analysed: Analysed, covered: list[tuple[int, int, Match]],
                          eligible: set[str] | None):
        """Unquoted phrases whose content words translate, by a bilingual dictionary, a term of
        a concept in another language (see DictionaryRenderings); none that cuts into a term
        the matcher found or is one."""
        lexical = state.lexical
        if not lexical or eligible is not None and not eligible:
            return
        words = analysed.words
        known = [w.content and bool(lexical.concepts_with(w.text)) for w in words]
        for first, word in enumerate(words):
            if not word.content or not any(known[first:first + 2 * lexical.longest]):
                continue
            content, translated = 0, False
            # A phrase that begins with the matcher's term goes on with the words right after
            # it, no link word between („conteneur runtime"; not „Controller den Cloud", a
            # clause's subject and object).
            opened = max((s for f, s, m in covered if f == first and not m.compound), default=None)
            for stop in range(first + 1, len(words) + 1):
                if not analysed.joined(first, stop) or content >= lexical.longest:
                    break
                if not words[stop - 1].content:
                    if opened is not None and stop > opened:
                        break
                    continue
                content += 1
                translated = translated or known[stop - 1]
                if not translated:
                    continue  # no word yet that the dictionaries give for a term
                # A word the matcher read as a term and more (Container|laufzeit: the compound's
                # first part) may still translate another concept whole.
                parts_of = {m.concept.id for f, s, m in covered if m.compound and (f, s) == (first, stop)}
                if any(f < stop and first < s and not (first <= f and s <= stop) for f, s, m in covered):
                    break  # a phrase cutting into the matcher's term
                if any((f, s) == (first, stop) and not m.compound for f, s, m in covered):
                    continue  # the matcher's term itself; a longer phrase may hold it whole
                concepts = lexical.concepts_rendered(analysed.text[word.start:words[stop - 1].end],
                                                     left_out=True) - parts_of
                if eligible is not None:
                    concepts &= eligible
                if concepts:
                    yield first, stop

    def _listed_spans(self, state: LanguageState, analysed: Analysed, covered: list[tuple[int, int, Match]]):
        """The word of a list's item next to its joints that one of the many senses a dictionary
        gives a kept term renders, where every other item holds a term of the glossary next to
        its joints (see lists.item_concepts): „einen Node, einen Pod oder einen Dienst", „Pods
        und Dienste". Named among the glossary's terms, it is a thing of their kind, the term's
        sense („Dienst", not the „notwendigen Dienste" a node runs, nor those „und" joins to a
        clause: „… Dienste und wird von den Master-Komponenten verwaltet"). (first, stop, (the
        concepts, the other items' concepts)) each."""
        lexical = state.lexical
        # Nothing to look for in a list where no term has many senses: no list read.
        marks = list_marks(state.analyser.analyzer.lang) if lexical and lexical.has_senses else None
        if marks is None:
            return
        words = analysed.words
        tokens = [(w.text, w.start, w.end) for w in words]
        terms = [(words[f].start, words[s - 1].end, frozenset({m.concept.id})) for f, s, m in covered]
        for items in list_items(analysed.text, tokens, marks):
            if len(items) < 2:
                continue
            holding = item_concepts(items, tokens, terms)
            for number, (first, stop) in enumerate(items):
                if holding[number] or not all(h for other, h in enumerate(holding) if other != number):
                    continue
                content = [i for i in range(first, stop) if words[i].content]
                if not content:
                    continue
                # The first item may begin, the last end with words outside the list.
                at = content[-1] if number == 0 else content[0]
                concepts = frozenset(c for c in lexical.concepts_in_senses(words[at].text)
                                     if lexical.rendering(c, words[at].text, True) is not None)
                if concepts:
                    beside = tuple(sorted(set().union(*(h for other, h in enumerate(holding) if other != number))))
                    yield at, at + 1, (concepts, beside)

    def _inserted_in_names(self, lang: str, state: LanguageState, segment: Segment, analysed: Analysed,
                           native: list[tuple[int, int, Match]]):
        """A term that is a name — its every content word capitalised, in a language that writes
        with capitals — written as a name with one more word inside it („Frente Comunal da
        Pátria" for „Frente da Pátria"): a name changed, where a common term takes a modifier
        as grammar („gestión eficaz de contenedores"). (first, stop, (concept id, term, the
        word inside)) each; the matcher finds the places (see LanguageMatcher.gapped)."""
        starts = [w.start for w in analysed.words]
        for start, end, entry in self.matcher.for_language(lang).gapped(segment.text):
            first, stop = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
            words = analysed.words[first:stop]
            own = {surface: key for surface, _, _ in state.analyser.words_of(entry.term.text)
                   for key, content in [state.analyser.word(surface)] if content}
            content = [w for w in words if w.content]
            if entry.foreign or len(own) < 2 or not all(w[:1].isupper() for w in own) \
                    or not all(w.text[:1].isupper() for w in content) \
                    or any(f < stop and first < s_ and m.concept.id == entry.concept.id for f, s_, m in native):
                continue
            added = [w.text for w in content if w.key not in own.values()]
            if len(added) == 1:
                yield first, stop, (entry.concept.id, entry.term, added[0])

    def _glossed_by(self, analysed: Analysed, first: int, stop: int, match: Match,
                    native: list[tuple[int, int, Match]], lang: str,
                    named: tuple[str, ...]) -> tuple[int, int] | None:
        """The words a term of another language glosses, standing alone in brackets right after
        them („缓存(Index)", „Charger (checkout)"), or with its language's name („Markierungen
        (*taints* in Englisch)", „marquages (taints en anglais)", „(Englisch: taints)"; the
        CLDR's names, see gloss_language_named): as many content words before the bracket as
        the term has words there (three at most), in one phrase. None where the brackets hold
        more, or the words are the concept's own term (glossed, as GL003 allows). A term the
        text's language shares with another (French „Taint") glosses only with that language
        named; `named`: the languages its words are a term of (see _other_languages)."""
        words, text = analysed.words, analysed.text
        if first == 0:
            return None
        closed = GLOSS_CLOSING.match(text[words[stop - 1].end:words[stop].start] if stop < len(words)
                                     else text[words[stop - 1].end:])
        if GLOSS_OPENING.fullmatch(text, words[first - 1].end, words[first].start):
            opening = first
            if not (closed and match.foreign) and not any(
                    gloss_language_named(text, words[stop - 1].end, lang, other) is not None for other in named):
                return None
        else:
            # The language named before the term, the bracket closing right after it.
            bracket = next((at for other in named if (at := gloss_language_named(text, words[first].start, lang, other,
                                                                                  before=True)) is not None), None)
            if bracket is None or not closed:
                return None
            opening = bisect.bisect_left([w.start for w in words], bracket)
        wanted = min(3, stop - first)
        start, content = opening, 0
        while start > 0 and content < wanted and (start == opening or analysed.joined(start - 1, opening)):
            start -= 1
            content += words[start].content
        if content == 0 or not words[start].content:
            return None
        if any(f < opening and start < s and m.concept.id == match.concept.id for f, s, m in native):
            return None
        return start, opening

    def _remember_glossed(self, lang: str, state: LanguageState, segment: Segment, analysed: Analysed, first: int,
                          stop: int, inner: frozenset[str], match: Match) -> None:
        keys = tuple(w.key for w in analysed.words[first:stop] if w.content)
        occurrence = self._occurrence(segment, analysed, first, stop, analysed.window(first, stop), False)
        # The term's concept, or another the same term names (checkout the noun and the verb).
        glossed = (frozenset({match.concept.id} | {c.id for c, _ in match.alternatives}), match.term)
        self._remember_marked(state, Span(lang, keys, occurrence, None, 0.0, inner, (),
                                           _named(analysed, first, stop, lang), glossed=glossed), "glossed")

    def _formed_spans(self, state: LanguageState, analysed: Analysed, native: list[tuple[int, int, Match]]):
        """A known rendering with its head replaced by a word formed as it is, its other words
        its own (see ConceptParts.head_replaced): „pembersihan lahan" for „pembebasan lahan"."""
        words, parts = analysed.words, state.parts
        for index, word in enumerate(words):
            if not word.content:
                continue
            for concept_id, rendering, head in parts.head_replaced(word.text, word.key):
                first = index - rendering.positions[head]
                stop = first + len(rendering.function_words)
                if first < 0 or stop > len(words) or not analysed.joined(first, stop) \
                        or cuts_a_term(native, first, stop) \
                        or any(f < stop and first < s and m.concept.id == concept_id for f, s, m in native):
                    continue
                if parts.with_head_replaced(concept_id, _stretch(analysed, first, stop)) is not None:
                    yield first, stop

    def _built_on(self, state: LanguageState, analysed: Analysed, native: list[tuple[int, int, Match]],
                  anchors: list[tuple[int, int, str]], lang: str):
        """A concept's rendering (the matcher's, or a variant) with one more content word beside
        it, where the glossary builds other concepts' terms on it with a modifier: „skutecznej
        mobilizacji masowej" beside „umiejętna mobilizacja mas" on „mobilizacja mas"."""
        words, parts = analysed.words, state.parts
        for first, stop, concept_id in sorted(anchors):
            sides = parts.modifier_sides(concept_id)
            if not sides:
                continue
            for side, start, end, extra in _beside(words, first, stop):
                # The other side only for a name (machine translation reorders names' words).
                if (side not in sides and not _named(analysed, start, end, lang)) or not analysed.joined(start, end) \
                        or cuts_a_term(native, start, end):
                    continue
                if any(f <= extra < s for f, s, _ in native):
                    continue  # another term beside it, not a modifier
                yield start, end, (words[extra].text,)

    def _remember_unquoted(self, lang: str, state: LanguageState, segment: Segment, analysed: Analysed, first: int,
                           stop: int, inner: frozenset[str], modifiers: tuple[str, ...]) -> None:
        context = analysed.window(first, stop)
        keys = tuple(w.key for w in analysed.words[first:stop] if w.content)
        named = _named(analysed, first, stop, lang)
        self._remember(state, Span(lang, keys, self._occurrence(segment, analysed, first, stop, context, False),
                                    None, 0.0, inner, modifiers, named,
                                    in_name=_in_name(state, segment, analysed, first, lang)))

    # -- helpers for collecting ---------------------------------------------------------------
    def _language(self, lang: str) -> LanguageState:
        state = self._languages.get(lang)
        if state is None:
            analyzer = analyzer_for(lang)
            state = self._languages[lang] = LanguageState(self._parts(lang), Slots(analyzer.compounding),
                                                      _dictionary_renderings(self.glossary, lang, self.new_terms))
        return state

    def _parts(self, lang: str) -> ConceptParts:
        return _concept_parts(self.glossary, lang)

    def _keys(self, lang: str, span_lang: str, analysed: Analysed, first: int, stop: int) -> tuple[str, ...]:
        words = analysed.words[first:stop]
        if span_lang == lang:
            return tuple(w.key for w in words if w.content)
        analyser = self._parts(span_lang).analyser
        return tuple(key for key, content in (analyser.word(w.text) for w in words) if content)

    def _occurrence(self, segment: Segment, analysed: Analysed, first: int, stop: int, context: list[str],
                    quoted: bool) -> Occurrence:
        start, end = analysed.words[first].start, analysed.words[stop - 1].end
        start += elided(analysed.words[first])
        return Occurrence(segment.locate(start, end), segment.text[start:end], segment.sentence(start, end),
                          tuple(context), quoted)

    def _span_language(self, lang: str, analysed: Analysed, first: int, stop: int,
                       covered: list[tuple[int, int, Match]]) -> tuple[str, float]:
        """The language a quoted stretch is written in, among the text's and the glossary's:
        the language of the terms found in most of it, else the identifier's choice."""
        foreign = Counter()
        for f, s, match in covered:
            if match.foreign and first <= f and s <= stop:
                foreign[match.term.lang] += s - f
        if foreign:
            other, words = foreign.most_common(1)[0]
            if 2 * words >= stop - first:
                return other, 1.0
        if stop - first < 2:
            return lang, 0.0  # one word says too little
        text = _stretch(analysed, first, stop)
        # English too: untranslated English is the commonest leak in machine-translated text.
        ranked = _span_identifier(tuple(sorted({lang, "en", *self.glossary.languages})))(text)
        if not ranked:
            return lang, 0.0
        best, probability = ranked[0]
        if family(best) == family(lang) or probability < MIN_FOREIGN:
            return lang, 0.0
        return best, probability

    def _mark(self, lang: str, state: LanguageState, segment: Segment, analysed: Analysed, first: int, stop: int,
              inner: frozenset[str], **mark) -> None:
        """The words[first:stop] of a segment read, with one mark (`aligned=…`, `listed=…`)."""
        name, = mark  # the one mark's name
        occurrence = self._occurrence(segment, analysed, first, stop, analysed.window(first, stop), False)
        keys = tuple(w.key for w in analysed.words[first:stop] if w.content)
        self._remember_marked(state, Span(lang, keys, occurrence, None, 0.0, inner,
                                           named=_named(analysed, first, stop, lang),
                                           in_name=_in_name(state, segment, analysed, first, lang), **mark), name)

    def _remember_marked(self, state: LanguageState, span: Span, mark: str) -> None:
        """A span with a mark (`aligned`, `glossed`, `listed`): where its place was read already
        (a dictionary's translation, say) it is one place, now marked too, if it was not yet."""
        same = state.spans.get((span.span_lang, span.keys), [])
        at = next((i for i, s in enumerate(same) if s.occurrence.location == span.occurrence.location), None)
        if at is None:
            self._remember(state, span)
        elif not getattr(same[at], mark):
            same[at] = same[at]._replace(**{mark: getattr(span, mark)})

    def _remember(self, state: LanguageState, span: Span) -> None:
        if self._spans >= MAX_SPANS:
            return
        if self._said is not None and span.said is None:
            span = span._replace(said=self._said)
        self._spans += 1
        state.spans.setdefault((span.span_lang, span.keys), []).append(span)

    # -- reading in several processes ----------------------------------------------------------
    def state(self) -> dict:
        """What this Discoverer read, to be merged into another's (see merge): its places,
        counts, slots and gaps per language."""
        found = {}
        for lang, state in self._languages.items():
            slots = state.slots
            # The slots' word counts are made from `counts` when scoring (count_words): not sent.
            found[lang] = (state.spans, state.counts, (slots.known, slots.quoting), state.endings,
                           state.gaps, state.translations_seen, state.abbreviated)
        return found

    def merge(self, read: dict) -> None:
        """Take in what another Discoverer read (its `state`), as if read here after what
        this one read: documents read in several processes, merged in their order, score as
        one process reading them all would."""
        for lang, (spans, counts, (known, quoting), endings, gaps, translations, abbreviated) in read.items():
            state = self._language(lang)
            for key, places in spans.items():
                room = max(0, MAX_SPANS - self._spans)
                if room:
                    state.spans.setdefault(key, []).extend(places[:room])
                    self._spans += min(room, len(places))
            state.counts.update(counts)
            for concept_id, words in known.items():
                mine = state.slots.known.setdefault(concept_id, {})
                for word, count in words.items():
                    mine[word] = mine.get(word, 0) + count
            for concept_id, (quoted, places) in quoting.items():
                quoted_before, places_before = state.slots.quoting.get(concept_id, (0, 0))
                state.slots.quoting[concept_id] = (quoted_before + quoted, places_before + places)
            for concept_id, letters in endings.items():
                state.endings.setdefault(concept_id, Counter()).update(letters)
            state.gaps.merge(gaps)
            state.translations_seen.update(translations)
            for place, defined in abbreviated.items():  # read after this one's: this one's come first
                if len(state.abbreviated) < MAX_ABBREVIATIONS:
                    state.abbreviated.setdefault(place, defined)

    # -- scoring ----------------------------------------------------------------------------
    def candidates(self) -> list[Candidate]:
        """Every candidate with a score, best first within each concept; those at or above
        the threshold are the accepted ones (see `accepted`)."""
        found: list[Candidate] = []
        for lang, state in self._languages.items():
            state.count_words()
            self._align(lang, state)
            groups = [group for spans in state.spans.values() for words in self._as_same_words(lang, spans)
                      for named in named_apart(words) for listed in listed_apart(named)
                      for group in aligned_apart(listed)]
            first = [self._score(lang, state, spans, {}) for spans in groups]
            translations = self._translations(lang, [c for c in first if c])
            if translations:  # the MT signal rescores the first round
                self.translations.update(translations)
                first = [self._score(lang, state, spans, {}, translations) for spans in groups]
            accepted = [c for c in first if c and c.score >= self.threshold]
            # Second round: what the accepted candidates teach about the concept, learned on a
            # copy of the slots so that the texts' own stay as read and a next call scores alike.
            second = replace(state, slots=state.slots.copy())
            learned: Learned = {}
            own: Own = {}
            for candidate in accepted:
                places = own.setdefault((candidate.span_lang, candidate.keys), {}).setdefault(candidate.concept.id, [])
                for occurrence in candidate.occurrences:
                    second.slots.add_rendering(candidate.concept.id, occurrence.slot_words)
                    places.append(occurrence.slot_words)
                if not candidate.untranslated:
                    share = self._parts(candidate.span_lang).best_share(candidate.concept.id, list(candidate.keys))
                    novel = share.novel if share else candidate.keys
                    words = learned.setdefault((candidate.concept.id, candidate.span_lang), {})
                    for key in novel:
                        words.setdefault(key, set()).add(candidate.keys)
            for spans in groups:
                candidate = self._score(lang, second, spans, learned, translations,
                                        own.get((spans[0].span_lang, spans[0].keys), {}))
                if candidate:
                    found.append(candidate)
        found = longest_first(found, self.threshold)
        found.sort(key=lambda c: (self.glossary.label(c.concept).casefold(), c.concept.id, c.lang, -c.score, c.form,
                                  c.span_lang, c.keys))
        return found

    def accepted(self, candidates: Iterable[Candidate] | None = None) -> list[Candidate]:
        """Those of `candidates` at or above the threshold, in their order: pass what
        `candidates()` gave to score only once; without them it is called here."""
        return [c for c in (self.candidates() if candidates is None else candidates) if c.score >= self.threshold]

    def _score(self, lang: str, state: LanguageState, spans: list[Span], learned: Learned,
               translations: dict[tuple[str, tuple[str, ...]], str] | None = None,
               own: dict[str, list[tuple[str, ...]]] | None = None) -> Candidate | None:
        span_lang, keys = spans[0].span_lang, spans[0].keys
        known = next((s.known for s in spans if s.known), None)
        parts = self._parts(span_lang)
        concepts = parts.concepts_sharing(keys) | {c for c, _ in parts.cognates(spans[0].occurrence.text)} \
            | {s.aligned[0] for s in spans if s.aligned} | {c for s in spans if s.glossed for c in s.glossed[0]} \
            | {c for s in spans if s.listed for c in s.listed[0]} | {s.inserted[0] for s in spans if s.inserted} \
            | {s.respaced[0] for s in spans if s.respaced}
        for span in spans:
            concepts |= state.slots.concepts_near(span.occurrence.slot_words)
        if known:
            concepts.add(known[0].id)
        if span_lang == lang:
            concepts |= state.lexical.concepts_rendered(spans[0].occurrence.text, left_out=True)
            concepts |= {c for c, _, _ in parts.spellings(spans[0].occurrence.text)}
            concepts |= {c for c, *_ in parts.first_part_replaced(spans[0].occurrence.text)}
        concepts |= {concept for (concept, lang_), words in learned.items()
                     if lang_ == span_lang and any(k in words for k in keys)}
        best, best_rank = None, (0.0, 0)
        for concept_id in sorted(concepts):  # in one order: of equal ranks the first is kept
            concept = self._concepts[concept_id]
            if not concept.terms_in(lang) and not known and not (
                    self.new_terms and (any(s.aligned and s.aligned[0] == concept_id
                                            or s.glossed and concept_id in s.glossed[0] for s in spans)
                                        or span_lang == lang and _proposed_by_dictionary(state, concept_id, spans))):
                continue  # nothing to render it as in this text's language (see new_terms)
            # A bilingual segment's target renders what its source says, nothing else (where
            # the glossary can tell: the concept has a term in the source's language).
            placed = [s for s in _not_abbreviated(state, spans, concept_id, lang)
                      if s.said is None or concept_id in s.said[1] or not concept.terms_in(s.said[0])]
            if span_lang == lang and len(texts := {s.occurrence.text for s in placed}) > 1:
                # Where some places are the concept's own term in another form, so are those
                # with their function words (their other endings the analyser's to tell); the
                # places with other link words are another phrase („Comitê Central de
                # Mobilização de Massas" beside „Comitê Central para a Mobilização de Massas").
                formed = {parts.shape(text) for text in sorted(texts) if parts.term_form(concept_id, text)}
                if formed:
                    placed = [s for s in placed if parts.shape(s.occurrence.text) not in formed]
            if any(s.in_name for s in placed) and not named_as_names_are(concept, lang, state.analyser):
                # A thing's rendering in another thing's name is that name's word: the name is
                # not the translator's to change (the concept that is a name is named in names).
                placed = [s for s in placed if not s.in_name]
            if not placed:
                continue
            evidence = self._reader.evidence(lang, state, placed, concept, parts, known, learned, translations,
                                             (own or {}).get(concept_id, []))
            if not evidence:
                continue
            score = self._combined(evidence, placed)
            # Of equal scores, the concept whose renderings have the span's number of words, then
            # the one whose renderings end as it does.
            text = placed[0].occurrence.text
            rank = (score, -parts.shape_distance(concept_id, len(text.split())), parts.ends_alike(concept_id, text))
            if best is None or rank > best_rank:
                best_rank = rank
                best = Candidate(concept, lang, span_lang, keys, [s.occurrence for s in placed], evidence, score,
                                 known[1] if known and known[0].id == concept_id else None)
        return best

    def _combined(self, evidence: list[Evidence], spans: list[Span]) -> float:
        """The learned model's score where the Discoverer has one, else the signals' weights
        combined as a noisy-or: one strong signal or several weak ones make a candidate."""
        if self.scorer is None:
            return round(noisy_or(evidence), 3)
        return self.scorer.score(self.features(evidence, spans))

    @staticmethod
    def features(evidence: list[Evidence], spans: list) -> list[float]:
        """The scorer's features of a candidate's evidence and places (spans or occurrences)."""
        texts = [getattr(s, "occurrence", s).text for s in spans]
        return features(evidence, len(spans), max(len(t.split()) for t in texts))

    def _as_same_words(self, lang: str, spans: list[Span]) -> list[list[Span]]:
        """See same_words_groups; a span in another language than the text's as it is."""
        if spans[0].span_lang != lang:
            return [spans]
        parts = self._parts(lang)
        return same_words_groups(spans, lambda text: (parts.lemmas(text), parts.complement(text)),
                                 parts.another_phrase)

    # -- the MT signal -------------------------------------------------------------------------
    def _translations(self, lang: str, candidates: list[Candidate]) -> dict[tuple[str, tuple[str, ...]], str]:
        if not self.backtranslate or not self.mt_lang:
            return {}
        wanted = [c for c in candidates if c.span_lang == lang and c.span_lang != self.mt_lang and not c.untranslated]
        if not wanted:
            return {}
        outputs = self.backtranslate([c.form for c in wanted], lang)
        if not outputs:
            return {}
        return {(c.span_lang, c.keys): text for c, text in zip(wanted, outputs)}

    def _renders(self, text: str, concept: Concept) -> bool:
        segment = Segment(text, "<mt>", 1, lang=self.mt_lang)
        return any(m.concept.id == concept.id for m in self.matcher.for_language(self.mt_lang).matches(segment))


def _shaped_like(analysed: Analysed, first: int, rendering: Rendering, compounding: bool) -> bool:
    """Whether the words from `first` on have the rendering's shape: as many words, content
    words where it has them and its own function words elsewhere, joined as one name, with at
    least half of its parts and not all of them."""
    words = analysed.words
    stop = first + len(rendering.function_words)
    if first < 0 or stop > len(words) or stop - first < 2:
        return False
    same = sum(of_part(part, words[first + i].key, compounding) for i, part in zip(rendering.positions, rendering.parts))
    return (len(rendering.parts) <= 2 * same < 2 * len(rendering.parts)
            and all(words[first + i].key == function if function else words[first + i].content
                    for i, function in enumerate(rendering.function_words))
            and analysed.joined(first, stop))


def _framed(analysed: Analysed, first: int, stop: int, rendering: Rendering, parts: ConceptParts) -> bool:
    """Whether the words from `first` to `stop` keep the frame of the rendering, a name (see
    parts.frame_kept), and are written as one, every content word capitalised; not where a
    word they replace is another concept's term, what the name is about („Központi Katonai
    Bizottság", the military commission, for „Központi Tömegmozgósítási Bizottság", the one
    for mass mobilisation)."""
    content = [w for w in analysed.words[first:stop] if w.content]
    keys = tuple(w.key for w in content)
    return all(w.text[:1].isupper() for w in content) and frame_kept(rendering, keys) \
        and not any(parts.is_term(part) for part, key in zip(rendering.parts, keys) if not related(part, key))


_SENTENCE_START = frozenset(".!?:;…\"'«»„“”‘’([{-–—•*#|")


def _stretch(analysed: Analysed, first: int, stop: int) -> str:
    """The text from the first word's start to the last one's end."""
    return analysed.text[analysed.words[first].start:analysed.words[stop - 1].end]


def _named(analysed: Analysed, first: int, stop: int, lang: str, quoted: bool = False) -> bool:
    """Written like a name: capitalised inside a sentence (not after a full stop or an opening
    mark), in a text not in capitals („la Mobilisation de masse qualifiée", „Movilización de
    Masas Hábil"); where every noun is capitalised, its first word an adjective."""
    words = analysed.words[first:stop]
    if not words[0].text[:1].isupper() or all(w.text.isupper() for w in words):
        return False
    if not quoted:  # a quoted stretch begins after its mark, wherever it stands
        before = analysed.text[:words[0].start].rstrip()
        if first == 0 or not before or before[-1] in _SENTENCE_START:
            return False
    content = [w for w in words if w.content]
    if family(lang) not in CAPITALISED_NOUNS and len(content) > 2 \
            and any(w.text[:1].isupper() for w in content[1:-1]) and not content[-1].text[:1].isupper():
        # Written in title case up to a word in small letters: the name ends before it
        # („El Departamento de Movilización de Masas recibe el Orden").
        return False
    return family(lang) not in CAPITALISED_NOUNS or capital_names(words[0].text, lang)


def _in_name(state: LanguageState, segment: Segment, analysed: Analysed, first: int, lang: str) -> bool:
    """Whether a place of a running text (not a bilingual segment's target, which renders what
    its source says) is the complement of a name (see _name_complement)."""
    return not segment.source and _name_complement(analysed, first, lang, state.parts)


def _name_complement(analysed: Analysed, first: int, lang: str, parts: ConceptParts) -> bool:
    """Whether the words from `first` on are the complement of a name („la Journée nationale de
    mobilisation de masse", „"Dia de Mobilização em Massa de todo o país""): after a word
    written as a name (capitalised inside a sentence; or opening a quoted stretch in which they
    are capitalised too), at most one word in small letters, and a word the glossary's terms
    link theirs with (ConceptParts.link_words), an article or not. Not in a language that
    capitalises every noun."""
    words = analysed.words
    if family(lang) in CAPITALISED_NOUNS or first < 2:
        return False
    # One link word, an article after it or not („de la"), and one the glossary's terms link
    # their words with: a preposition, not a verb of the stop list („podem usar"), nor a
    # conjunction that joins two terms.
    at = first - 1
    if words[at].content:
        return False
    if words[at].text.casefold().rstrip("'’") in articles(lang) and at > 0 and not words[at - 1].content:
        at -= 1
    linked = words[at].text.casefold()
    marks = list_marks(lang)
    if at < 1 or not parts.links_as_terms_do(linked) or marks and linked in marks.conjunctions:
        return False
    at -= 1
    if words[at].content and words[at].text[:1].islower() and at > 0:
        at -= 1  # an adjective of the name („nationale")
    head = words[at]
    if not head.content or not head.text[:1].isupper() or head.text.isupper() or not analysed.joined(at, first + 1):
        return False
    if _named(analysed, at, at + 1, lang):
        return True
    return words[first].text[:1].isupper() and any(f == at and first < s for f, s in analysed.quotes)


def _beside(words: list, first: int, stop: int):
    """The spans of words[first:stop] with one more content word before or after it, directly
    or over one function word („Comité de" + „mobilisation de masse"): (side, start, stop,
    the content word's index)."""
    for side, step, edge in (("before", -1, first - 1), ("after", 1, stop)):
        for extra in (edge, edge + step):
            if not 0 <= extra < len(words) or not words[extra].content:
                continue
            if extra != edge and words[edge].content:
                break
            yield (side, extra, stop, extra) if side == "before" else (side, first, extra + 1, extra)
            break


def _defined(analysed: Analysed, index: int, covered: list[tuple[int, int, Match]],
             concepts: set[str] | None = None) -> bool:
    """Whether the word stands in brackets right after a term the matcher found (of one of
    `concepts`, where given): „Mặt trận Tổ quốc Việt Nam (MTTQVN)" defines an abbreviation,
    as GL003 allows a gloss."""
    text, word = analysed.text, analysed.words[index]
    if index == 0 or not GLOSS_CLOSING.match(text, word.end):
        return False
    return any(s == index and GLOSS_OPENING.fullmatch(text, analysed.words[s - 1].end, word.start)
               and (concepts is None or m.concept.id in concepts) for _, s, m in covered)


MAX_ABBREVIATIONS = 100_000  # abbreviations remembered per language and run: memory stays bounded


def _note_abbreviations(state: LanguageState, segment: Segment, match: Match) -> None:
    """What a matched term defines in its document from here on, as GL004 reads it: an
    abbreviation in brackets beside it, and its initialism (a term of three words or more).
    The first place each is defined in a document is kept."""
    if len(state.abbreviated) >= MAX_ABBREVIATIONS:
        return
    location = match.location
    defined = [abbreviation for abbreviation, _, _ in bracketed(segment.text, match)]
    initials = initialism(match)
    if initials is not None:
        defined.append(initials)
    for abbreviation in defined:
        state.abbreviated.setdefault((location.path, abbreviation),
                                     (match.concept.id, location.end_line, location.end_column))


def _proposed_by_dictionary(state: LanguageState, concept_id: str, spans: list[Span]) -> bool:
    """Whether a dictionary's translation of a concept's term is a term to propose for it: one
    that recurs, for the words of a large glossary's terms meet by chance once („Aktivität im
    gesamten" for 'activity aggregate'); or, once, one word made whole of translations of the
    term's several words („Dienstkonto" for "Service Account"), which chance does not make."""
    text = spans[0].occurrence.text
    translated = state.lexical.rendering(concept_id, text)
    if translated is None:
        return False
    return len(spans) > 1 or translated.compounded(state.lexical.keys_of(text)[0])


def _not_abbreviated(state: LanguageState, spans: list[Span], concept_id: str, lang: str) -> list[Span]:
    """The spans that are no abbreviation their document defined for the concept before them:
    „VFV" after „Vaterländische Front Vietnams (VFV)" is the concept (GL004 reads it so), not
    a rendering the glossary does not know. Another language's initials are, after their
    gloss in brackets as before it (see _foreign_initials)."""
    if not state.abbreviated:
        return spans
    kept = []
    for span in spans:
        location = span.occurrence.location
        defined = state.abbreviated.get((location.path, span.occurrence.text))
        if defined is None or defined[0] != concept_id or (location.line, location.column) < defined[1:] \
                or _foreign_initials(state, lang, span.occurrence.text):
            kept.append(span)
    return kept


def _foreign_initials(state: LanguageState, lang: str, text: str) -> bool:
    """Whether a word is the initials of a term of another language only: „Vietnamské
    vlastenecké fronty (VFF)" glosses the name with the English name's initials in a Czech
    text (as GL003 allows a foreign term in brackets), and „systému VFF" then uses a foreign
    rendering, where „(VVF)" would define its own abbreviation."""
    terms = [term for _, term in state.parts.initials.get(text, ())] if text.isupper() else []
    return bool(terms) and not any(family(canonical_lang(term.lang)) == family(lang) for term in terms)


def _other_languages(match: Match, lang: str) -> tuple[str, ...]:
    """The languages other than the text's whose term of the concept the match's words are:
    the term's own where it is foreign, else those whose term is written as the text's is."""
    if match.foreign:
        return (canonical_lang(match.term.lang),)
    written = match.term.text.casefold()
    return tuple(sorted({canonical_lang(t.lang) for t in match.concept.terms
                         if t.text.casefold() == written and canonical_lang(t.lang) != lang}))


def _glossed_foreign(matches: list[Match]) -> list[Match]:
    """Foreign terms glossed in brackets by the concept's own rendering, or glossing it
    ("rydding av tomter (GPMB)"): allowed, as GL003 allows them."""
    from mtcheck.rules.foreign import glossed

    return [m for i, m in enumerate(matches) if m.foreign and (
        (i > 0 and glossed(matches[i - 1], m, True)) or (i + 1 < len(matches) and glossed(m, matches[i + 1], False)))]


_MADE: dict[tuple, tuple[Glossary, object]] = {}  # (what, id of a glossary, language, ...) -> (it, what was made)


def _per_glossary(key: tuple, glossary: Glossary, make: Callable[[], T]) -> T:
    """What `make` makes of a glossary, made once per glossary and key (each file of a
    `check` run has its own Discoverer); the few most recent kept."""
    entry = _MADE.get(key)
    if entry is None or entry[0] is not glossary:
        if len(_MADE) > 64:
            _MADE.clear()
        entry = _MADE[key] = (glossary, make())
    return entry[1]


def _concept_parts(glossary: Glossary, lang: str) -> ConceptParts:
    """The parts of a glossary's renderings in one language."""
    return _per_glossary(("parts", id(glossary), lang), glossary,
                         lambda: ConceptParts.build(glossary, lang, TextAnalyser(analyzer_for(lang))))


def _dictionary_renderings(glossary: Glossary, lang: str, new_terms: bool = False) -> DictionaryRenderings:
    """The glossary's dictionary renderings in one language; made again where dictionaries
    were installed or updated meanwhile. `new_terms`: of the concepts without a term in the
    language too."""
    return _per_glossary(("lexical", id(glossary), lang, installed(), new_terms), glossary,
                         lambda: DictionaryRenderings.build(glossary, lang, _concept_parts(glossary, lang).analyser,
                                                            new_terms))


@functools.lru_cache(maxsize=8)
def _span_identifier(languages: tuple[str, ...]):
    """A language identifier restricted to the text's and the glossary's languages: on a few
    words that choice is reliable where an open one is not."""
    from mtcheck.langid import _identifier

    identifier = _identifier()  # the one file-level identification uses: its model loads once
    known = set(identifier.nb_classes)
    chosen = {("no" if lang in ("nb", "nn") and lang not in known else lang) for lang in languages} & known
    if len(chosen) < 2:
        return lambda text: []

    def rank(text: str) -> list[tuple[str, float]]:
        # The full ranking restricted to the chosen languages, renormalised among them.
        ranked = [(lang, float(p)) for lang, p in identifier.rank(text) if lang in chosen]
        total = sum(p for _, p in ranked) or 1.0
        return [(canonical_lang(lang), p / total) for lang, p in ranked[:2]]

    return rank

