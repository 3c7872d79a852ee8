"""lint(segments) -> findings: runs the matcher and the rules over one document at a time."""
from __future__ import annotations

import itertools
import operator
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from mtcheck.abbreviations import Abbreviations
from mtcheck.leaks import LeakPolicy
from mtcheck.language import canonical_lang, family
from mtcheck.matching import LanguageMatcher, Matcher
from mtcheck.model import Concept, Finding, Glossary, Match, Segment, Severity
from mtcheck.rules import Document, Rule

# What a match is counted as: an enum member's `_value_` is a plain attribute, read in C.
_RENDERING = operator.attrgetter("concept.id", "term.text", "term.status._value_", "term.lang", "foreign")
HELD_FINDINGS = 20_000  # findings of one file sorted together before streaming starts
# Segments searched in one pass: enough to spread the cost of a pass, few enough for memory.
BLOCK_SEGMENTS = 512
BLOCK_CHARACTERS = 1 << 17


@dataclass
class Tally:
    """What a run found, as counts: enough for summaries and tables, bounded in size."""

    documents: int = 0
    segments: int = 0
    matches: int = 0
    findings: Counter = field(default_factory=Counter)       # by severity label
    by_rule: Counter = field(default_factory=Counter)        # by rule id
    suppressed: int = 0     # findings an inline directive silenced (not in `findings`)
    baselined: int = 0      # findings the baseline already held (not in `findings`)
    unsupported: int = 0    # target matches set aside: their concept is not in the source
    # Matches by text language, counted by _RENDERING: plain strings, so counted in C.
    _matches_by_lang: dict[str, Counter] = field(default_factory=dict)

    def add_matches(self, matches: list[Match], lang: str) -> None:
        self.matches += len(matches)
        counts = self._matches_by_lang.get(lang)
        if counts is None:
            counts = self._matches_by_lang[lang] = Counter()
        counts.update(map(_RENDERING, matches))

    @property
    def renderings(self) -> Counter:
        """Matches by (concept, text language, term, status, the term's language if foreign)."""
        renderings: Counter = Counter()
        for lang, counts in self._matches_by_lang.items():
            for (concept, term, status, term_lang, foreign), count in counts.items():
                renderings[(concept, lang, term, status, term_lang if foreign else None)] += count
        return renderings

    def sorted_renderings(self) -> list[tuple[tuple[str, str, str, str, str | None], int]]:
        """`renderings` as reports list them: by concept and language, the most found first."""
        return sorted(self.renderings.items(), key=lambda kv: (kv[0][0], kv[0][1], -kv[1], kv[0][2]))

    def add_finding(self, finding: Finding) -> None:
        self.findings[finding.severity.label] += 1
        self.by_rule[finding.rule] += 1

    def merge(self, other: Tally) -> None:
        """Add another tally's counts (a worker's, for one file) to these."""
        self.documents += other.documents
        self.segments += other.segments
        self.matches += other.matches
        self.findings.update(other.findings)
        self.by_rule.update(other.by_rule)
        self.suppressed += other.suppressed
        self.baselined += other.baselined
        self.unsupported += other.unsupported
        for lang, counts in other._matches_by_lang.items():
            self._matches_by_lang.setdefault(lang, Counter()).update(counts)

    def remove_finding(self, finding: Finding) -> None:
        """Take back a counted finding that will not be reported after all."""
        for counter, key in ((self.findings, finding.severity.label), (self.by_rule, finding.rule)):
            counter[key] -= 1
            if counter[key] <= 0:
                del counter[key]


class Checker:
    """A glossary, compiled once, and the rules to run over documents."""

    def __init__(self, glossary: Glossary, rules: Iterable[type[Rule]],
                 severities: Mapping[str, Severity] | None = None, scope: str = "file",
                 foreign_langs: Iterable[str] | None = None, source_lang: str | None = None,
                 source_support: bool = True, variants: bool = True):
        """`scope` is where consistency is judged: within each "file", or across the "run".
        `foreign_langs`: whose terms are foreign renderings ("all": every language's); by
        default the run's source languages (`source_lang`, the glossary's, a bilingual
        file's) and English. `source_support`: in a bilingual segment, a target term counts
        only where the source has its concept (see _supported), and a term the glossary gives
        a part of speech only where the word has it (see LanguageMatcher); False: everywhere.
        `variants`: terms also as writers vary them (spacing, compound and phrase, derivation,
        abbreviations the text defines); False: as written and inflected only."""
        if scope not in ("file", "run"):
            raise ValueError(f"unknown consistency scope {scope!r}")
        self.glossary = glossary
        self.matcher = Matcher(glossary, parts_of_speech=source_support, variants=variants)
        self.leaks = LeakPolicy.of(foreign_langs, source_lang, glossary.source_lang)
        self.rules = list(rules)
        self.severities = dict(severities or {})
        self.scope = scope
        self.tally = Tally()
        self._run_rules: dict[str, list[Rule]] = {}
        self.source_support = source_support
        self._has_terms: dict[tuple[str, str], bool] = {}

    def matches(self, segments: Iterable[Segment], lang: str) -> Iterable[Match]:
        """Every match in the segments' targets, in order."""
        for match, _ in self.concordance(segments, lang, nested=False):
            yield match

    def concordance(self, segments: Iterable[Segment], lang: str, nested: bool = True,
                    abbreviations: dict[str, Abbreviations] | None = None,
                    kept: list | None = None) -> Iterable[tuple[Match, Match | None]]:
        """(match, the match it stands inside or None) of every match in the segments' targets,
        in order (what `scan` lists); `nested`: also the terms of other concepts inside the
        matches ("account" in "account hierarchy": see LanguageMatcher.nested), as the rules
        never see them. `abbreviations`: by language, what the document has defined (before
        these segments, and learned from them); `kept`: a list each segment's matches are
        appended to, to be listed again with other abbreviations (see concordance_again)."""
        abbreviations = {} if abbreviations is None else abbreviations
        for segment_lang, block, matches in self._matched_blocks(segments, lang):
            language = self.matcher.for_language(segment_lang)
            defined = abbreviations.get(segment_lang)
            if defined is None:
                defined = abbreviations.setdefault(segment_lang, Abbreviations())
            for segment, segment_matches in zip(block, matches):
                inner = language.nested(segment, segment_matches) if nested else []
                if inner and self.source_support and segment.source and segment.source_lang:
                    inner = self._supported(inner, self.matcher.for_language(segment.source_lang), segment, language)
                # Terms with a word inserted (and below, abbreviations the document defined).
                gapped = language.gapped(segment.text) if self.matcher.variants else None
                if kept is not None:
                    kept.append((segment_lang, segment, segment_matches, inner, gapped))
                yield from _listed(defined, segment, segment_matches, inner, gapped)

    @staticmethod
    def concordance_again(segments: Iterable[Segment], kept: list,
                          abbreviations: dict[str, Abbreviations]) -> Iterable[tuple[Match, Match | None]]:
        """What concordance listed of the kept segments (`segments`: the same ones, each taken
        as it is listed), with `abbreviations` defined before them."""
        for (segment_lang, segment, segment_matches, inner, gapped), _ in zip(kept, segments):
            defined = abbreviations.get(segment_lang)
            if defined is None:
                defined = abbreviations[segment_lang] = Abbreviations()
            yield from _listed(defined, segment, segment_matches, inner, gapped)

    def _matched_blocks(self, segments: Iterable[Segment],
                        lang: str) -> Iterator[tuple[str, list[Segment], list[list[Match]]]]:
        """Consecutive segments of one language, with each one's target matches. Segments are
        searched in blocks, one pass per block and language: most cost nothing beyond that pass."""
        block: list[Segment] = []
        size = 0
        for segment in segments:
            block.append(segment)
            size += len(segment.text)
            if len(block) >= BLOCK_SEGMENTS or size >= BLOCK_CHARACTERS:
                yield from self._matched_block(block, lang)
                block, size = [], 0
        yield from self._matched_block(block, lang)

    def _matched_block(self, block: list[Segment],
                       lang: str) -> Iterator[tuple[str, list[Segment], list[list[Match]]]]:
        for segment_lang, group in itertools.groupby(block, key=lambda segment: segment.lang or lang):
            same_lang = list(group)
            matcher = self.matcher.for_language(segment_lang, self.leaks.languages(same_lang[0].source_lang))
            found = matcher.matches_all(same_lang)
            for index, (segment, matches) in enumerate(zip(same_lang, found)):
                if not matches or not segment.source or not segment.source_lang:
                    continue
                source = self.matcher.for_language(segment.source_lang)
                if any(match.alternatives for match in matches):
                    # A target term several concepts share, decided by the source: "Datei" is
                    # the file where the source says "file" (see _decided); where the source has
                    # both, by its words' part of speech (提交 is the noun where "the commit" is).
                    matches = found[index] = _decided(matches, source.concepts(segment.source),
                                                      self._tagged_source_concepts(segment))
                if self.source_support:
                    found[index] = self._supported(matches, source, segment, matcher)
            yield segment_lang, same_lang, found

    def _supported(self, matches: list[Match], source: LanguageMatcher, segment: Segment,
                   target: LanguageMatcher) -> list[Match]:
        """The target matches whose concept the source text has too (any of its terms, nested
        ones included), or has no term in the source's language for. A target word of a
        concept the source does not have is mostly that word in another sense: German
        "haben" where the source says "have" is not Haben, the credit column."""
        source_concepts = None
        kept = []
        for match in matches:
            if len(match.term.text.split()) == 1 and self._judgeable(match.concept, segment.source_lang):
                if source_concepts is None:
                    source_concepts = source.concepts(segment.source)
                if match.concept.id not in source_concepts:
                    match = self._read_as(match, source_concepts, target)
                    if match is None:
                        self.tally.unsupported += 1
                        continue
            kept.append(match)
        return kept

    @staticmethod
    def _read_as(match: Match, source_concepts: set[str], target: LanguageMatcher) -> Match | None:
        """The match as the concept the source has that its words can stand for as well, if
        any: "cotizaciones" is the quotes' term, and the plural of "cotización", a price; where
        the source says "prices", it is the price."""
        for concept, term, compound in target.readings(match.text):
            if concept.id in source_concepts:
                return match._replace(concept=concept, term=term, compound=compound, alternatives=())
        return None

    def _judgeable(self, concept: Concept, lang: str) -> bool:
        """Whether the concept has a term in `lang` (else the source cannot speak of it)."""
        key = (concept.id, lang)
        known = self._has_terms.get(key)
        if known is None:
            family_ = family(canonical_lang(lang))
            known = self._has_terms[key] = any(family(canonical_lang(t.lang)) == family_ for t in concept.terms)
        return known

    def check(self, path: str, segments: Iterable[Segment], lang: str) -> list[Finding]:
        """All findings of one file, in a stable order (see check_batches)."""
        return [finding for batch in self.check_batches(path, segments, lang) for finding in batch]

    def check_batches(self, path: str, segments: Iterable[Segment], lang: str,
                      hold: int | None = None) -> Iterator[list[Finding]]:
        """The findings of one file, in batches, so that a file of any size is checked in
        bounded memory.

        Up to `hold` (HELD_FINDINGS) findings are held and come out sorted by place. A file with more is
        streamed: the findings held so far, then those of each block of segments as it is
        read, then those the rules give at the end of the file (inconsistent renderings), each
        batch sorted.

        `lang` is the file's language; a segment that names its own (the target languages of
        a TMX) is checked in that one, with its own rule state. A segment with a source text
        is also matched on its source side, for the bilingual rules.
        """
        hold = HELD_FINDINGS if hold is None else hold
        rules_by_lang: dict[str, list[Rule]] = self._run_rules if self.scope == "run" else {}
        hooked_by_lang: dict[str, tuple[list[Rule], list[Rule]]] = {}  # rules with an on_match, an on_text
        held: list[Finding] = []
        streaming = False
        tally = self.tally
        abbreviations: dict[str, Abbreviations] = {}  # by language: what the document has defined
        tally.documents += 1
        for segment_lang, block, block_matches in self._matched_blocks(segments, lang):
            tally.segments += len(block)
            rules = rules_by_lang.get(segment_lang)
            if rules is None:
                document = Document(path, segment_lang, self.glossary)
                rules = rules_by_lang[segment_lang] = [
                    rule(document, self.severities.get(rule.id)) for rule in self.rules]
            hooked = hooked_by_lang.get(segment_lang)
            if hooked is None:
                hooked = hooked_by_lang[segment_lang] = (
                    _overriding(rules, "on_match", "on_matches"), _overriding(rules, "on_text"))
            match_rules, text_rules = hooked
            found: list[Finding] = []
            if text_rules or any(segment.source is not None for segment in block):
                defined = abbreviations.setdefault(segment_lang, Abbreviations())
                for segment, target_matches in zip(block, block_matches):
                    # A target that writes a defined abbreviation renders its concept (no missing term).
                    shortened = defined.read(segment, target_matches) \
                        if segment.source is not None and self.matcher.variants else []
                    found.extend(self._check_segment(segment, segment_lang, target_matches, rules, *hooked,
                                                     also_rendered={m.concept.id for m in shortened}))
            else:  # the rules see only matches: those of the whole block at once
                matches = list(itertools.chain.from_iterable(block_matches))
                if matches:
                    tally.add_matches(matches, segment_lang)
                    for rule in match_rules:
                        found.extend(rule.on_matches(matches))
            if not found:
                continue
            if streaming:
                yield self._sorted(found)
                continue
            held.extend(found)
            if len(held) > hold:
                streaming = True
                yield self._sorted(held)
                held = []
        for rules in rules_by_lang.values():
            for rule in rules:
                held.extend(rule.on_end() if self.scope == "file" else rule.on_document_end())
        if held:
            yield self._sorted(held)

    def take_run_state(self, sentences: bool = True) -> dict[str, list]:
        """What the run's rules learned of the documents checked since the last call, each
        language's rules' states (see Rule.run_state), the rules forgotten: a worker's part of
        a run judged in several processes."""
        states = {lang: [rule.run_state(sentences) for rule in rules] for lang, rules in self._run_rules.items()}
        self._run_rules = {}
        return states

    def merge_run_state(self, path: str, states: dict[str, list]) -> None:
        """A document's take_run_state from another process, taken in as if checked here;
        the documents' states are merged in their order."""
        for lang, rule_states in states.items():
            rules = self._run_rules.get(lang)
            if rules is None:
                document = Document(path, lang, self.glossary)
                rules = self._run_rules[lang] = [rule(document, self.severities.get(rule.id)) for rule in self.rules]
            for rule, state in zip(rules, rule_states):
                if state is not None:
                    rule.merge(state)

    def _check_segment(self, segment: Segment, lang: str, target_matches: list[Match], rules: list[Rule],
                       match_rules: list[Rule], text_rules: list[Rule], also_rendered: set[str] = frozenset()
                       ) -> list[Finding]:
        """What the rules find in one segment, in the order of the hooks: matches, text, then
        the source side of a bilingual segment."""
        found: list[Finding] = []
        if target_matches:
            self.tally.add_matches(target_matches, lang)
            for rule in match_rules:
                found.extend(rule.on_matches(target_matches))
        for rule in text_rules:
            found.extend(rule.on_text(segment, target_matches))
        if segment.source is not None:
            source_matches = self._source_matches(segment)
            # Every concept the target renders, synonyms and nested terms included: a
            # rendering shared by two concepts stands for both.
            rendered = self.matcher.for_language(lang).concepts(segment.text) | also_rendered if source_matches else set()
            for rule in rules:
                found.extend(rule.on_segment(segment, source_matches, target_matches, rendered))
            if found:  # every finding of a bilingual segment shows its source
                found = [finding.beside(segment.source) for finding in found]
        return found

    def finish(self) -> list[Finding]:
        """What the rules have to say at the end of a run (consistency across the run)."""
        findings = [f for rules in self._run_rules.values() for rule in rules for f in rule.on_end()]
        self._run_rules.clear()
        return self._sorted(findings)

    def _sorted(self, findings: list[Finding]) -> list[Finding]:
        findings.sort(key=Finding.sort_key)
        for finding in findings:
            self.tally.add_finding(finding)
        return findings

    def _source_matches(self, segment: Segment, tagged: bool = False) -> list[Match]:
        """Glossary terms of the source language in a segment's source text. `tagged`: a word
        of a noun and a verb concept read as its part of speech there says; the rules take it
        as either (the translation says which: a tagger's guess is no ground for a finding)."""
        if not segment.source_lang or not segment.source.strip():
            return []
        return [m for m in self.matcher.for_language(segment.source_lang).matches(source_segment(segment), tagged)
                if not m.foreign]

    def source_concordance(self, segment: Segment) -> list[tuple[Match, Match | None]]:
        """(match, the match it stands inside or None) of the source side as `scan` lists it,
        with the terms of other concepts inside the matches (see concordance)."""
        matches = self._decided_source(segment)
        inner = self.matcher.for_language(segment.source_lang).nested(source_segment(segment), matches) \
            if matches else []
        return list(_with_outer(matches, inner))

    def source_matches(self, segment: Segment) -> list[Match]:
        """The source side as `scan` lists it: a term several concepts share decided by the
        target (the concept whose term the target has), else listed once as each of them."""
        return [reading for match in self._decided_source(segment)
                for reading in (_every_reading(match) if match.alternatives else (match,))]

    def _tagged_source_concepts(self, segment: Segment) -> list[frozenset[str]] | None:
        """The concepts of each of the source's words as their part of speech reads them, in
        text order, where the checker reads senses (else None)."""
        if not self.source_support:
            return None
        return [frozenset(concept.id for concept, _ in ((match.concept, match.term), *match.alternatives))
                for match in self._source_matches(segment, tagged=True)]

    def _decided_source(self, segment: Segment) -> list[Match]:
        matches = self._source_matches(segment, tagged=True)
        if any(match.alternatives for match in matches) and segment.lang and segment.text.strip():
            matches = _decided(matches, self.matcher.for_language(segment.lang).concepts(segment.text))
        return matches


def source_segment(segment: Segment) -> Segment:
    """A bilingual segment's source text as a segment of its own, at its own place in the file
    where the reader knows it (else at the target's)."""
    places = segment.source_places
    line, column = (places.line, places.column) if places is not None else (segment.line, segment.column)
    return Segment(segment.source, segment.path, line, column, segment.id, segment.source_lang, places=places)


def _decided(matches: list[Match], other_side: set[str], read_there: list[frozenset[str]] | None = None
             ) -> list[Match]:
    """Matches of terms several concepts share, decided by the concepts the other side of the
    segment has: those of the candidates stay (one: decided); none: every candidate stays.
    Where several stay, a concept this side already renders in words of its own is not what
    the shared term stands for ("Datenbank" for database, so "Datei" is the file); then the
    concepts the other side's words are read as by their part of speech (`read_there`, in text
    order): where both sides have as many of them, the n-th such shared term here as the n-th
    of those words there ("Cannot merge … any type of merge": 合并 first the verb, then the
    noun); else as any of them."""
    rendered = {match.concept.id for match in matches if not match.alternatives}
    meant_by_match = []
    for match in matches:
        meant = []
        if match.alternatives:
            candidates = [(match.concept, match.term), *match.alternatives]
            meant = [pair for pair in candidates if pair[0].id in other_side]
            if len(meant) > 1:
                meant = [pair for pair in meant if pair[0].id not in rendered] or meant
        meant_by_match.append(meant)
    # Shared terms here by the concepts they may be, to line them up with the words there.
    here = Counter(frozenset(pair[0].id for pair in meant) for meant in meant_by_match if len(meant) > 1)
    seen: Counter = Counter()
    decided = []
    for match, meant in zip(matches, meant_by_match):
        if len(meant) > 1 and read_there:
            ids = frozenset(pair[0].id for pair in meant)
            there = [read & ids for read in read_there if read & ids]
            if there and len(there) == here[ids]:
                nth = there[seen[ids]]
                seen[ids] += 1
                meant = [pair for pair in meant if pair[0].id in nth]
            elif there:
                read = frozenset().union(*there)
                meant = [pair for pair in meant if pair[0].id in read] or meant
        if meant:
            (concept, term), *others = meant
            match = match._replace(concept=concept, term=term, alternatives=tuple(others))
        decided.append(match)
    return decided


def _listed(defined: Abbreviations, segment: Segment, matches: list[Match], inner: list[Match],
            gapped: list | None) -> Iterator[tuple[Match, Match | None]]:
    """A segment's concordance: its matches, with the abbreviations the document defined and
    the terms with a word inserted where variants are read (`gapped` not None)."""
    if gapped is not None:
        shortened = defined.read(segment, matches)
        matches = _with_gapped(matches, segment, gapped)
        if shortened:
            matches = sorted(matches + shortened, key=lambda m: (m.start, -m.end))
    return _with_outer(matches, inner)


def _with_gapped(matches: list[Match], segment: Segment, gapped: list) -> list[Match]:
    """The matches with the terms found with a word inserted (see LanguageMatcher.gapped): each
    where it overlaps no match that reaches beyond it, taking the place of those inside it."""
    if not gapped:
        return matches
    for start, end, entry in gapped:
        if any(m.start < end and start < m.end and (m.start < start or m.end > end) for m in matches):
            continue
        matches = [m for m in matches if not (start <= m.start and m.end <= end)]
        matches.append(Match(segment, start, end, entry.concept, entry.term, False, "", (), entry.variant))
    return sorted(matches, key=lambda m: (m.start, -m.end))


def _with_outer(matches: list[Match], inner: list[Match]) -> Iterator[tuple[Match, Match | None]]:
    """Matches and the nested ones, in text order (each outer match before what is inside it),
    every reading of a shared term listed."""
    outer_spans = [(m.start, m.end, m) for m in matches]
    listed = [(m.start, -m.end, 0, m, None) for m in matches]
    for match in inner:
        outer = next(m for start, end, m in outer_spans if start <= match.start and match.end <= end)
        listed.append((match.start, -match.end, 1, match, outer))
    if inner:
        listed.sort(key=lambda item: item[:3])
    for _, _, _, match, outer in listed:
        if match.alternatives:
            for reading in _every_reading(match):
                yield reading, outer
        else:
            yield match, outer


def _every_reading(match: Match) -> Iterator[Match]:
    """A match of a term several concepts share, once as each of them (a concordance lists it
    under every concept it may stand for, each naming the others)."""
    readings = [(match.concept, match.term), *match.alternatives]
    for index, (concept, term) in enumerate(readings):
        yield match._replace(concept=concept, term=term, alternatives=tuple(readings[:index] + readings[index + 1:]))


def _overriding(rules: list[Rule], *hooks: str) -> list[Rule]:
    """The rules that do something in one of `hooks` (most leave most hooks alone)."""
    return [rule for rule in rules if any(getattr(type(rule), hook) is not getattr(Rule, hook) for hook in hooks)]
