"""What a bilingual segment's source says, and where its target leaves a term of it unsaid: the
source's terms (those the matcher reads, and those said in other words), the concepts the
target renders with none of its terms, and the runs of target words left free for them (the
gaps, see gaps.py), with what tells the runs apart: the source's other words rendered again,
as a dictionary translates them, or as a compound of two of their translations."""
from __future__ import annotations

import bisect
import functools
from dataclasses import replace
from typing import Callable

from mtcheck.discovery.gaps import Gap
from mtcheck.discovery.gaps import runs as gap_runs
from mtcheck.discovery.lexical import word_translations
from mtcheck.discovery.lists import Item, item_span, items_in_place, list_items, list_marks
from mtcheck.discovery.parts import MIN_STEM, MODIFIERS_FIRST, ConceptParts, echoes, plain, related
from mtcheck.discovery.reading import LanguageState
from mtcheck.discovery.text import CAPITALISED_NOUNS, Analysed, TextAnalyser, common_prefix, elided
from mtcheck.discovery.variants import variant_spans
from mtcheck.language import MIN_COMPOUND_REST, analyzer_for, canonical_lang, family, mask_protected, words_of
from mtcheck.language.dictionary import respelt_text
from mtcheck.language.tagger import tagger_for
from mtcheck.matching import LanguageMatcher, Matcher, WordCache
from mtcheck.model import Concept, Glossary, Match, Segment, Term
from mtcheck.resemblance import plain_words, resembles_a_term

_OPEN_CLASSES = frozenset({"noun", "verb", "adjective", "adverb"})

STEM_SHARED = 0.65  # of the shorter word: a word sharing this much of its start with a term's word is its form


class SourceReader:
    """Reads bilingual segments' sources for a Discoverer; keeps what it looked up once."""

    def __init__(self, glossary: Glossary, concepts: dict[str, Concept], matcher: Callable[[], Matcher],
                 parts_of: Callable[[str], ConceptParts]):
        self.glossary = glossary
        self._concepts = concepts
        self._matcher = matcher  # the Discoverer's, made when first asked for
        self._parts = parts_of
        self._analysers: dict[str, TextAnalyser] = {}
        # (source, target language) -> a source word -> its translations' keys (None: no dictionary)
        self._words: dict[tuple[str, str], WordCache | None] = {}
        self._pairs: dict[str, dict] = {}  # a source language -> variant_spans' cache
        self._namesakes: dict[str, dict[str, set[str]]] = {}  # a language -> a term, folded -> its concepts
        self._respelt: dict[tuple[str, str], LanguageMatcher | None] = {}  # (concept id, language): _respelt_matcher
        self._last: tuple[tuple[str, str], Analysed] | None = None  # see _analysed

    @property
    def matcher(self) -> Matcher:
        return self._matcher()

    def missing(self, segment: Segment, lang: str, matches: list[Match], new_terms: bool) \
            -> tuple[list[Match], set[str], list[tuple[int, int, str]], list[tuple[int, int, frozenset[str]]],
                     dict[str, str]]:
        """A bilingual segment's source terms whose concept the target renders with none of its
        terms (once per concept), where the glossary has the concept in the target's language
        (or, with `new_terms`, has it at all: see Discoverer); the concepts the source has;
        where the source says the missing concepts (each time); where it says each term, with
        the concepts the term may be; and the concepts whose term the target has in a form the
        matcher did not take (the term's words in another order, say), with the source's words
        for each."""
        if not segment.source or not segment.source_lang:
            return [], set(), [], [], {}
        source_lang = canonical_lang(segment.source_lang)
        source = Segment(segment.source, segment.path, segment.line, lang=source_lang)
        rendered = {m.concept.id for m in matches} | {c.id for m in matches for c, _ in m.alternatives}
        missing, seen, in_source, places, spoken, reworded = [], set(), set(), [], [], {}
        compounding = analyzer_for(lang).compounding
        words = None
        readings = None  # every concept the target's matched words can be (asked at most once)
        for match in self._matches(source, source_lang):
            # (And the concepts of the same source word in another part of speech: a target term
            # of one renders the other, see below.)
            may_be = {match.concept.id} | {c.id for c, _ in match.alternatives} | self._namesakes_of(match.term, source_lang)
            in_source |= may_be
            if not match.concept.terms_in(lang):
                # Of a word two concepts share ('remote': the adjective, the remote repository)
                # the one the target's language has a term for, where only one has.
                targets = [(c, t) for c, t in match.alternatives if c.terms_in(lang)]
                if len(targets) == 1:
                    match = match._replace(concept=targets[0][0], term=targets[0][1], alternatives=())
            concept = match.concept
            places.append((match.start, match.end, concept.id))
            spoken.append((match.start, match.end, frozenset(may_be | {concept.id})))
            # Rendered: the concept, another the source word may be, or the concept of the same
            # source word in another part of speech ("stage" the verb and the noun; „в
            # индекса", in the index, for 'staged'; „ao submeter", to commit, for "Commit
            # failed"): a translator's choice of grammar, not another rendering.
            if concept.id in seen or not (new_terms or concept.terms_in(lang)) \
                    or rendered & ({concept.id} | {c.id for c, _ in match.alternatives}
                                   | self._namesakes_of(match.term, source_lang)):
                continue
            words = plain_words(segment.text) if words is None else words
            if _kept_whole(segment.source, match.start, match.end, segment.text):
                continue  # inside a name the target keeps as the source writes it („git-pull")
            if resembles_a_term(concept, lang, words, compounding, segment.text) or _stem_shared(concept, lang, words):
                reworded.setdefault(concept.id, match.text)
                continue  # a form of the concept's own term the matcher did not take
            respelt_terms = self._respelt_matcher(concept, lang)
            if respelt_terms is not None and respelt_terms.matches(segment):
                continue  # the term as the dictionary spells it, where the glossary has a slip
            if readings is None:
                target = self.matcher.for_language(lang)
                readings = {c.id for m in matches for c, _, _ in target.readings(m.text)}
            if concept.id in readings:
                continue  # a matched word is its term too: „cotações", the quotes' term and price's „cotação"
            seen.add(concept.id)
            missing.append(match)
        return missing, in_source, [(start, end, concept) for start, end, concept in places if concept in seen], \
            spoken, reworded

    def _matches(self, source: Segment, source_lang: str) -> list[Match]:
        """The source's terms as the matcher reads them, and the terms it says in other words:
        a term's words in another order or form, with only function words between them ("the
        owner of this Invoice" for 'invoice owner', "Check for and repair" for 'check and
        repair'; see variant_spans), each the concept's preferred term in another form. Every
        word of a term, none more: a source says more than its target, and a term read into it
        that it does not say opens a gap that takes another word's rendering ("levels in the
        account" lacks the 'top' of 'top level account', which a stop list holds)."""
        matches = self.matcher.for_language(source_lang).matches(source)
        parts = self._parts(source_lang)
        analysed = self._analysed(source.text, source_lang)
        starts = [w.start for w in analysed.words]
        native = [(bisect.bisect_left(starts, m.start), bisect.bisect_left(starts, m.end), m) for m in matches]
        pairs = self._pairs.setdefault(source_lang, {})
        reworded = []
        for first, stop, concept_id in variant_spans(parts, pairs, analysed, native):
            concept = self._concepts[concept_id]
            term = concept.preferred(source_lang)
            words = analysed.words[first:stop]
            keys = {word.key for word in words}
            content = sum(word.content for word in words)
            if term is not None and any(len(rendering.parts) == content
                                        and all(key in keys for key in rendering.function_words if key)
                                        and not _head_moved(rendering, words, source_lang)
                                        for rendering in parts.renderings.get(concept_id, ())):
                reworded.append(Match(source, analysed.words[first].start, analysed.words[stop - 1].end, concept, term,
                                      variant="reworded"))
        if not reworded:
            return matches
        return sorted(matches + reworded, key=lambda m: (m.start, m.end))

    def _respelt_matcher(self, concept: Concept, lang: str) -> LanguageMatcher | None:
        """A matcher of the concept's terms in `lang` as the language's dictionary spells them,
        where a word of one has a slip (see dictionary.respelt: GnuCash's Polish „zakmnij" for
        „zamknij", whose participle „zamknięta" the matcher then reads); None where none has.
        Made the first time the concept is missing from a target, so that a large glossary's
        terms are not all looked up."""
        key = (concept.id, lang)
        if key not in self._respelt:
            terms = tuple(replace(term, text=spelt) for term in concept.terms_in(lang)
                          if term.status.accepted and (spelt := respelt_text(term.text, lang)) is not None)
            self._respelt[key] = Matcher(Glossary((replace(concept, terms=terms),))).for_language(lang) \
                if terms else None
        return self._respelt[key]

    def _namesakes_of(self, term: Term, lang: str) -> set[str]:
        """The other concepts with a term of this text in this language (the glossary's
        "commit [noun]" and "commit [verb]")."""
        by_text = self._namesakes.get(lang)
        if by_text is None:
            by_text = self._namesakes[lang] = {}
            for concept in self.glossary:
                for other in concept.terms_in(lang):
                    by_text.setdefault(other.text.casefold(), set()).add(concept.id)
        return by_text.get(term.text.casefold(), set())

    def _analyser(self, lang: str) -> TextAnalyser:
        """The analyser of a bilingual segment's source language, made once."""
        analyser = self._analysers.get(lang)
        if analyser is None:
            analyser = self._analysers[lang] = TextAnalyser(analyzer_for(lang))
        return analyser

    def keys(self, text: str, lang: str | None) -> set[str]:
        """The keys of the content words of a bilingual segment's source (or of a term in it)."""
        return {word.key for word in self._analysed(text, canonical_lang(lang or "")).words if word.content}

    def _analysed(self, text: str, lang: str) -> Analysed:
        """The text's words, read once where the same source is asked for in turn (its keys,
        then its terms said in other words)."""
        if self._last is None or self._last[0] != (lang, text):
            self._last = ((lang, text), self._analyser(lang).analyse(text))
        return self._last[1]

    def add_gaps(self, state: LanguageState, lang: str, segment: Segment, analysed: Analysed, matches: list[Match],
                  missing: list[Match], said: list[tuple[int, int, str]],
                  spoken: list[tuple[int, int, frozenset[str]]], source_keys: set[str]) -> None:
        starts = [w.start for w in analysed.words]
        # A term that is part of a compound leaves the word free: its other part may render the
        # missing term („Diskontbetrag" for "Discount Amount", 'amount' its head).
        covered = [(bisect.bisect_left(starts, m.start), bisect.bisect_left(starts, m.end)) for m in matches
                   if not m.compound]
        # A target word that is one of the source's other words again renders that word (not
        # the missing term said a second time: „cada registro … cada registro" for "register").
        others = [word for word, start, end in words_of(segment.source)
                  if not any(first < end and start < stop for first, stop, _ in said)]
        covered += [(index, index + 1) for index, word in enumerate(analysed.words)
                    if word.content and any(echoes(word.text, other) for other in others)]
        # So is a word the dictionary gives for one of them, and no other word of the source
        # („Zeilen" for 'Lines' in "Unstage Lines From Commit", a string that leaves 'Commit'
        # unsaid).
        translated = self._translations(state, segment.source_lang, lang, others)
        given = _among(translated)
        covered += [(index, index + 1) for index, word in enumerate(analysed.words)
                    if word.content and given(state.lexical.key(word.text))]
        target_keys = {state.lexical.key(word.text) for word in analysed.words if word.content}
        # And so is a compound whose parts the dictionary gives for them („Firmenbericht" for
        # "company report": 'company' is „Firma", 'report' „Bericht"); its parts are words
        # the target has.
        compounded = _compounded(state.analyser.analyzer, state.lexical.key, translated, given) if translated else None
        if compounded is not None:
            for index, word in enumerate(analysed.words):
                if word.content and (parts := compounded(word.text)):
                    covered.append((index, index + 1))
                    target_keys.update(parts)
        # A source word rendered so in this target is linked: it competes for no run („source"
        # of "Quote Source Information" is „source" in „la source du cours", so „cours" is
        # the quote's, however often 'source' and „cours" stand together).
        linked = self.keys(" ".join(
            other for other in others
            if any(echoes(word.text, other) for word in analysed.words if word.content)
            or _any_among(self._translations(state, segment.source_lang, lang, [other]), target_keys)),
            segment.source_lang) if others else set()
        # So is a source term whose concept the target has a term of („commit": „Eintragung").
        rendered = {match.concept.id for match in matches}
        linked |= self.keys(" ".join(segment.source[start:end] for start, end, concepts in spoken
                                     if concepts & rendered), segment.source_lang)
        accounted = None  # whether the target renders every other source word: asked at most once
        found = gap_runs(analysed.words, covered, analysed.joined)
        slashed = None  # runs that a slash may join, for a term written so ("Liability/Equity")
        listed = self._listed(lang, segment, analysed, matches, spoken) if len(spoken) > 1 else {}
        for match in missing:
            if "/" in match.text and slashed is None:
                slashed = gap_runs(analysed.words, covered, analysed.slashed)
            spans = [s for s in (slashed if "/" in match.text else found)
                     if not _no_noun_for_a_noun(match.concept, lang, analysed.words[s[0]:s[1]])]
            if not spans:
                continue
            item = listed.get(match.concept.id)
            in_item = item_span(spans, item) if item else None
            whole = [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]
            # As many words as the source says it with, or as its preferred term has where the
            # source says it shorter ('remote' for „remote repository": „dépôt distant").
            preferred = match.concept.preferred(match.term.lang)
            source_words = max(1, len(match.text.split()), len(preferred.text.split()) if preferred else 0)
            # The target's free words are one short run: that is the rendering (a UI label).
            sole = len(whole) == 1 and len(whole[0][2]) <= source_words + 1 and len(missing) == 1
            others = tuple(sorted(source_keys - linked - self.keys(match.text, segment.source_lang)))
            times = sum(1 for _, _, concept in said if concept == match.concept.id)
            alone = all(match.start <= start and end <= match.end for _, start, end in words_of(segment.source))
            if not alone and len(whole) == 1 and _as_written(match, segment) \
                    and (accounted := accounted if accounted is not None else
                         self._all_accounted(state, segment, analysed, matches, said, spoken, lang, target_keys)):
                # Only the term as written: a form of it may be a word of another sense ("Clear
                # All" for the state "cleared", „Tout effacer"). And a word the dictionary gives
                # for the source's word may be that word in another sense ("saving" the file).
                given = self._translations(state, segment.source_lang, lang, match.text.split())
                first, stop, _ = whole[0]
                alone = not any(state.lexical.key(word.text) in given
                                for word in analysed.words[first:stop] if word.content)
            echoed = tuple(s for s in spans if _echoes_term(analysed.words[s[0]:s[1]], match.text))
            gap = Gap(match.concept.id, match.text, source_words, tuple(spans), sole, others, times, alone, in_item,
                      echoed)
            state.gaps.add(gap, (segment, analysed))

    def _all_accounted(self, state: LanguageState, segment: Segment, analysed: Analysed, matches: list[Match],
                       said: list[tuple[int, int, str]], spoken: list[tuple[int, int, frozenset[str]]],
                       lang: str, target_keys: set[str]) -> bool:
        """Whether the target renders every content word of the source but the missing term's:
        each is in a source term whose concept the target has a term of, or the target has
        it again, or a word the dictionary gives for it („Cuadre de Asiento" for "Rebalance
        Transaction": 'Transaction' is „Asiento", so „Cuadre" is left for 'Rebalance'). Then
        the target's one free run renders the term as surely as a label's only words do.
        `target_keys`: the target's content words, as keys."""
        source_lang = canonical_lang(segment.source_lang or "")
        analyser = self._analyser(source_lang)
        rendered = {m.concept.id for m in matches} | {c.id for m in matches for c, _ in m.alternatives}
        source = mask_protected(segment.source)
        # A long stop list holds words that say something ("Keep", "order", "now"): where a tagger
        # reads one as a noun, verb, adjective or adverb here, it too must be rendered.
        said_open = _open_class_words(source_lang, source)
        for word, start, end in analyser.words_of(source):
            if any(first < end and start < stop for first, stop, _ in said):
                continue
            if not analyser.word(word)[1] and not any(first < end and start < stop for first, stop in said_open):
                continue
            if any(first < end and start < stop and concepts & rendered for first, stop, concepts in spoken):
                continue
            if any(echoes(target.text, word) for target in analysed.words if target.content):
                continue
            if not _any_among(self._translations(state, segment.source_lang, lang, [word]), target_keys):
                return False
        return True

    def _listed(self, lang: str, segment: Segment, analysed: Analysed, matches: list[Match],
                spoken: list[tuple[int, int, frozenset[str]]]) -> dict[str, Item]:
        """The target's list item in the place of the source's item that says each concept,
        where both say lists that line up (see lists.items_in_place)."""
        source_lang = canonical_lang(segment.source_lang or "")
        source_marks, marks = list_marks(source_lang), list_marks(lang)
        if source_marks is None or marks is None:
            return {}
        analyser = self._analyser(source_lang)
        source_words = analyser.words_of(mask_protected(segment.source))
        source_lists = list_items(segment.source, source_words, source_marks)
        if not source_lists:
            return {}
        words = [(w.text, w.start, w.end) for w in analysed.words]
        rendered = [(m.start, m.end, frozenset({m.concept.id} | {c.id for c, _ in m.alternatives})) for m in matches]
        return items_in_place(source_lists, source_words, spoken, list_items(analysed.text, words, marks), words,
                              rendered)

    def _translations(self, state: LanguageState, source_lang: str | None, lang: str,
                             words: list[str]) -> set[str]:
        """The keys of the one-word translations a bilingual dictionary gives for these source
        words (none without one): the dictionary opened once per pair of languages, each word
        looked up once."""
        if not source_lang:
            return set()
        source = canonical_lang(source_lang)
        translated = self._words.get((source, lang), False)
        if translated is False:
            from mtcheck.language.bilingual import lexicon

            words_lexicon, keys_of = lexicon(source, lang), state.lexical.translation_keys
            translated = self._words[(source, lang)] = WordCache(lambda word: frozenset(
                keys[0] for translation in word_translations(words_lexicon, word, source)
                if len(keys := keys_of(translation)) == 1)) if words_lexicon else None
        return set().union(*(translated[word] for word in words)) if translated is not None else set()


def _echoes_term(words, term: str) -> bool:
    """Whether a run's content words are the source term's words again, as written or
    inflected, each word of the one a word of the other („l'index" for "index"; not „balance"
    alone for "Trial Balance")."""
    kept = [word.text[elided(word):] for word in words if word.content]
    term_words = [word for word, _, _ in words_of(term)]
    return bool(kept) and all(any(echoes(word, term_word) for term_word in term_words) for word in kept) \
        and all(any(echoes(word, term_word) for word in kept) for term_word in term_words)


def _head_moved(rendering, words, lang: str) -> bool:
    """Whether the words say the term's words in another order with nothing between them, in
    a language that puts modifiers first, so that another word is the head: "Linked
    Document" is a document, not a 'document link' ("the owner of this Invoice" is the
    'invoice owner')."""
    return family(lang) in MODIFIERS_FIRST and all(word.content for word in words) \
        and len(rendering.parts) > 1 and words[-1].key != rendering.parts[-1]


def _kept_whole(source: str, start: int, end: int, target: str) -> bool:
    """Whether the source term at start:end is part of a longer token (joined by hyphens, dots,
    slashes: a command's or a file's name, "git-pull") that the target has as it stands."""
    first, stop = start, end
    while first > 0 and not source[first - 1].isspace():
        first -= 1
    while stop < len(source) and not source[stop].isspace():
        stop += 1
    token = source[first:stop].strip(".,:;!?()[]{}'\"«»„“”‘’")
    return len(token) > end - start and token.casefold() in target.casefold()


def _stem_shared(concept: Concept, lang: str, words) -> bool:
    """Whether the text has, for each word of one of the concept's terms, a word sharing most of
    its start with it (seven tenths of the shorter, six letters at least): a form GL004's
    stricter test does not take, as a verb of the other aspect is (Bulgarian „преустанови"
    beside „преустановявам"). In a language that writes compounds as one word, not where one
    of the two is a compound whose shared start is only its first part („Zwischen|salden"
    beside „Zwischen|summe", „Buchungs|sätze" beside „Buchung", „Rechnung" beside
    „Rechnungs|empfänger"): its head is another word."""
    analyzer = analyzer_for(lang)

    def form_of(term_word: str, other: str) -> bool:
        shared = common_prefix(term_word, other)
        return shared >= max(6, STEM_SHARED * min(len(term_word), len(other))) \
            and not (analyzer.compounding and (_other_head(analyzer, term_word, other, shared)
                                               or _other_head(analyzer, other, term_word, shared)))

    for term in concept.terms:
        if term.lang != lang or not term.status.accepted:
            continue
        spelt = plain_words(term.text).words
        term_words = [w for w in spelt if len(w) >= 6]
        if term_words and len(term_words) == len(spelt) and all(
                any(form_of(w, other) for other in words.words) for w in term_words):
            return True
    return False


def _other_head(analyzer, term_word: str, word: str, shared: int) -> bool:
    """Whether `word` is a compound whose first part lies within the start it shares with
    `term_word` and whose head is not the term word's rest (the head is what a compound
    names)."""
    for cut in range(MIN_COMPOUND_REST, shared + 1):
        head, term_rest = word[cut:], term_word[cut:]
        if analyzer.is_compound_start(word[:cut]) and analyzer.is_compound_rest(head) \
                and common_prefix(head, term_rest) < max(MIN_COMPOUND_REST, STEM_SHARED * min(len(head), len(term_rest))):
            return True
    return False


def _no_noun_for_a_noun(concept: Concept, lang: str, words) -> bool:
    """Where every noun is capitalised (German), whether the words, all in small letters, hold
    no noun while each of the concept's terms there is one: „hinzufügen" (to add), „letzte"
    (last) render no noun "Commit" that a segment left unsaid."""
    if family(lang) not in CAPITALISED_NOUNS:
        return False
    terms = concept.terms_in(lang)
    return bool(terms) and all(t.text[:1].isupper() for t in terms) \
        and not any(w.text[:1].isupper() for w in words if w.content)


def _among(translations: set[str]) -> Callable[[str], bool]:
    """Whether a target word (its key) is one of a source word's translations, or of one stem
    with one: a dictionary gives a word's noun or verb, a translator the other („wyświetlacz",
    a display, for 'Display' where the string says „Wyświetlać", to display). Words of one
    stem begin alike (see related): only those are compared."""
    by_start: dict[str, list[str]] = {}
    for translation in translations:
        by_start.setdefault(plain(translation)[:MIN_STEM], []).append(translation)
    return lambda key: key in translations or any(related(key, translation)
                                                  for translation in by_start.get(plain(key)[:MIN_STEM], ()))


def _compounded(analyzer, key: Callable[[str], str], translations: set[str], given: Callable[[str], bool]) \
        -> Callable[[str], tuple[str, ...]] | None:
    """The keys of a word's two parts where it is a compound both of whose parts are among
    the translations (`given`, see _among): its first part without its linking element, its
    head; () where it is none. None in a language that does not write compounds as one word."""
    if not analyzer.compounding:
        return None
    # A translation's word and its own begin alike: only a word and a head that begin as one
    # does are looked up (the dictionary's test of a compound's parts is the costly one).
    starts = {plain(translation)[:MIN_STEM] for translation in translations}

    def part_given(piece: str) -> str:
        keys = (key(piece[:1].upper() + piece[1:]), key(piece))
        return next((k for k in keys if len(piece) >= MIN_COMPOUND_REST and given(k)), "")

    def compounded(surface: str) -> tuple[str, ...]:
        word = surface.casefold()
        if plain(word)[:MIN_STEM] not in starts:
            return ()
        for cut in range(MIN_COMPOUND_REST, len(word) - MIN_COMPOUND_REST + 1):
            start, rest = word[:cut], word[cut:]
            if not any(plain(rest[len(linker):])[:MIN_STEM] in starts for linker in analyzer.linkers
                       if rest.startswith(linker)) \
                    or not (analyzer.is_compound_start(start) and analyzer.is_known_compound_rest(rest)):
                continue
            first = next(filter(None, (part_given(start[:len(start) - len(linker)] if linker else start)
                                       for linker in analyzer.linkers if start.endswith(linker))), "")
            head = next(filter(None, (part_given(rest[len(linker):])
                                      for linker in analyzer.linkers if rest.startswith(linker))), "")
            if first and head:
                return first, head
        return ()
    return compounded


def _any_among(translations: set[str], keys: set[str]) -> bool:
    """Whether one of the target's words (keys) is among a source word's translations (see
    _among), the words themselves compared first."""
    return bool(translations) and (not translations.isdisjoint(keys) or any(map(_among(translations), keys)))


def _as_written(match: Match, segment: Segment) -> bool:
    """Whether the source says the term as the glossary writes it, or a noun term with an
    ending a tagger reads as the noun's ("subtotals"): another form may be a word of another
    sense ("Clear All" for the state "cleared", "Unstaged" for the verb "unstage")."""
    said, term = match.text.casefold(), match.term.text.casefold()
    if said == term:
        return True
    if not said.startswith(term) or len(said) - len(term) > 2 or match.term.part_of_speech not in ("", "noun"):
        return False
    return any(first <= match.start and match.end <= stop and classes == {"noun"}
               for first, stop, classes in _tagged(canonical_lang(segment.source_lang or ""), segment.source))


def _open_class_words(lang: str, text: str) -> list[tuple[int, int]]:
    """Where a tagger reads a word of the text as a noun, verb, adjective or adverb."""
    return [(start, end) for start, end, classes in _tagged(lang, text) if classes & _OPEN_CLASSES]


@functools.lru_cache(maxsize=65_536)
def _tagged(lang: str, text: str) -> tuple[tuple[int, int, frozenset[str]], ...]:
    """A tagger's classes of the text's words (none without a tagger of the language), once
    per text: a file's sources recur in each of its languages' files."""
    tagger = tagger_for(lang)
    return tuple(tagger.classes(text)) if tagger is not None else ()
