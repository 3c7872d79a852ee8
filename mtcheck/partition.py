"""One large translation memory (TMX), XLIFF or PO file checked in parts by several workers, and reported as the file
checked whole, byte for byte (see mtcheck.formats.parts for where a file is cut).

A part is checked as check_batches checks a file; what a file carries from one segment to the
next is handed from part to part:
- GL005 compares each segment with the first segment of its source, and of its translation, in
  the file. A part's worker remembers the first ones of its own and every segment's keys, and
  sends its first ones (PartSummary); the run's process, taking the parts in order as the
  file's table, tells each which of them a part before it had first, or the file's table had
  no room for (PartEntry), and the worker judges its segments then.
- An abbreviation a document defines counts to its end. The run's process hands each part the
  abbreviations the parts before it defined; the worker reads again, with them, the segments
  where they can change a finding: where it found a missing term, read an abbreviation, or met
  a definition.
- GL002 judges at the file's end: the parts' states are merged in their order (Rule.merge) and
  judged in the run's process.
- GL003 reports a foreign term with its own segment's findings (only its segment can gloss it),
  so no part waits for the next.
A part's segments stand in the file one after another (checked as they are read), and each
segment's findings lie within it, so the parts' sorted findings one after another are the
file's in check_batches' order; the findings made at the file's end follow them, or are sorted
in where the file holds no more than check_batches holds back (HELD_FINDINGS).

Only the rules whose state within a file this module hands on split a file (PART_RULES), and
only with consistency judged per file. A part that does not read as cut (mtcheck.formats.parts)
or stops on an error has the file checked whole instead, so that the report and the error are
a whole file's.
"""
from __future__ import annotations

import itertools
from typing import Callable, NamedTuple

from mtcheck import engine
from mtcheck.abbreviations import Abbreviations
from mtcheck.engine import Checker, Tally, _overriding
from mtcheck.model import Finding, Match, Rendered, Segment, without_sentences
from mtcheck.rules import Document
from mtcheck.rules.inconsistent import InconsistentRendering
from mtcheck.rules.missing import MissingTerm
from mtcheck.rules import translation
from mtcheck.rules.translation import InconsistentTranslation, here_records, keys_of

# The rules whose state within a file is handed from part to part (see the module's documentation).
PART_RULES = frozenset({"GL001", "GL002", "GL003", "GL004", "GL005"})
CUT_KINDS = ("tmx", "po", "xliff")  # the kinds of file mtcheck.formats.parts can cut
MIN_PART_BYTES = 4 << 20
MAX_PART_BYTES = 64 << 20  # a worker holds a part's segments until the parts before it are known


def splits(checker: Checker) -> bool:
    """Whether the checker's files can be checked in parts."""
    return rules_split(checker.rules, checker.scope)


def rules_split(rules, scope: str) -> bool:
    """Whether files checked with these rules, consistency judged within `scope`, can be
    checked in parts."""
    return scope == "file" and all(rule.id in PART_RULES for rule in rules)


def parts_of(path: str, jobs: int):
    """The parts a translation memory is checked in by `jobs` workers, or None: four per
    worker where it is large enough, each of MIN_PART_BYTES to MAX_PART_BYTES."""
    import os

    from mtcheck.formats import bilingual_kind
    from mtcheck.formats.parts import file_parts

    if not may_cut(path, jobs):
        return None
    try:
        size = os.path.getsize(path)
        return file_parts(path, bilingual_kind(path), max(MIN_PART_BYTES, min(MAX_PART_BYTES, size // (4 * jobs))))
    except (OSError, ValueError):
        return None  # read whole, where its error is reported


def may_cut(path: str, jobs: int) -> bool:
    """Whether the file is a translation memory, XLIFF or PO file large enough to be cut for
    `jobs` workers (without reading it: parts_of finds where)."""
    import os

    from mtcheck.formats import bilingual_kind

    try:
        return jobs >= 2 and bilingual_kind(path) in CUT_KINDS and os.path.getsize(path) >= 2 * MIN_PART_BYTES
    except OSError:
        return False


class PartSummary(NamedTuple):
    """What the parts after a part need of it, by language: its own first segments of each
    source and translation [(key, record)], in order, and the abbreviations it defined
    [(abbreviation, whether an initialism, the match, its segment reduced to its text)]."""

    number: int
    worker: int
    langs: dict[str, tuple[list, list, list]]
    failed: bool = False


class PartEntry(NamedTuple):
    """What the parts before a part leave it, by language: the GL005 records of its first
    segments that a part before had (None: the file's table had no room left), of sources and
    of translations, and the abbreviations defined before it."""

    langs: dict[str, tuple[dict, dict, dict]]


class PartResult(NamedTuple):
    findings: list[Finding] | Rendered  # sorted by place, GL002's judgement of the file left out
    count: int
    tally: Tally
    rendering: dict  # language -> GL002's state (Rule.run_state)
    said: str
    failed: bool = False


class _DeferredTranslation(InconsistentTranslation):
    """GL005 in a part: remembers each segment's keys and the part's first segments, to judge
    once the parts before it are known."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.compared: list[tuple[Segment, int, int, bool, bool]] = []

    def on_segment(self, segment, source, target, rendered):
        keys = keys_of(segment)
        if keys is None:
            return []
        source_key, target_key = keys
        by_source, by_target = here_records(segment, source_key, target_key)
        first_source = self._by_source.setdefault(source_key, by_source)
        first_target = self._by_target.setdefault(target_key, by_target)
        self.compared.append((segment, source_key, target_key, first_source is by_source, first_target is by_target))
        return []

    def judge(self, source_refs: dict, target_refs: dict) -> list[Finding]:
        found = []
        for segment, source_key, target_key, first_of_source, first_of_target in self.compared:
            first_source = source_refs[source_key] if source_key in source_refs else \
                None if first_of_source else self._by_source[source_key]
            first_target = target_refs[target_key] if target_key in target_refs else \
                None if first_of_target else self._by_target[target_key]
            found.extend(f.beside(segment.source) for f in
                         self.judged(segment, source_key, target_key, first_source, first_target))
        return found


class _Reread(NamedTuple):
    """A segment whose missing terms the abbreviations defined before the part can change."""

    segment: Segment
    target: list[Match]
    also_rendered: set[str]
    missing: list[int]  # its GL004 findings' places in the part's findings


class _Language:
    """A part's rules for one language, and what it keeps for the exchange."""

    def __init__(self, checker: Checker, path: str, lang: str):
        document = Document(path, lang, checker.glossary)
        self.rules = [(_DeferredTranslation if rule is InconsistentTranslation else rule)(
            document, checker.severities.get(rule.id)) for rule in checker.rules]
        for rule in self.rules:
            if isinstance(rule, InconsistentRendering):
                rule.context_limit = float("inf")  # bounded by the glossary: the run's process applies the limit
        self.hooked = (_overriding(self.rules, "on_match", "on_matches"), _overriding(self.rules, "on_text"))
        self.translation = next((r for r in self.rules if isinstance(r, _DeferredTranslation)), None)
        self.missing = next((r for r in self.rules if isinstance(r, MissingTerm)), None)
        self.events: list = []
        self.abbreviations = Abbreviations(events=self.events)
        self.reread: list[_Reread] = []


def begin_part(checker: Checker, path: str, lang: str, segments, number: int) -> PartWork:
    """A part checked as far as it can be without the parts before it (see PartWork)."""
    checker.tally = tally = Tally()
    tally.documents += number == 0  # the file is counted once
    languages: dict[str, _Language] = {}
    findings: list[Finding] = []
    last_place = (0, 0)
    for segment_lang, block, block_matches in checker._matched_blocks(segments, lang):
        tally.segments += len(block)
        state = languages.get(segment_lang)
        if state is None:
            state = languages[segment_lang] = _Language(checker, path, segment_lang)
        match_rules, text_rules = state.hooked
        for segment in block:
            if (segment.line, segment.column) <= last_place:
                from mtcheck.formats.parts import PartMisread

                raise PartMisread(f"{path}: segments out of order at line {segment.line}")
            last_place = (segment.line, segment.column)
        if text_rules or any(segment.source is not None for segment in block):
            for segment, target_matches in zip(block, block_matches):
                read = segment.source is not None and checker.matcher.variants
                defined = len(state.events)
                shortened = state.abbreviations.read(segment, target_matches) if read else []
                also = {m.concept.id for m in shortened}
                start = len(findings)
                findings.extend(checker._check_segment(segment, segment_lang, target_matches, state.rules,
                                                       match_rules, text_rules, also_rendered=also))
                if read and state.missing is not None:
                    missing = [i for i in range(start, len(findings)) if findings[i].rule == MissingTerm.id]
                    if missing or shortened or len(state.events) > defined:
                        state.reread.append(_Reread(segment, target_matches, also, missing))
        else:
            matches = list(itertools.chain.from_iterable(block_matches))
            if matches:
                tally.add_matches(matches, segment_lang)
                for rule in match_rules:
                    findings.extend(rule.on_matches(matches))
    return PartWork(checker, number, tally, languages, findings)


class PartWork:
    """A part checked but for what the parts before it decide: its `summary` for the run's
    process, then `finish` with the PartEntry made of it. Holds the part's segments (GL005
    judges them at the end): a part is at most MAX_PART_BYTES of the file."""

    def __init__(self, checker: Checker, number: int, tally: Tally, languages: dict[str, _Language],
                 findings: list[Finding]):
        self.checker, self.tally, self.languages, self.findings = checker, tally, languages, findings
        self.said = ""  # what opening the file said on the standard error (its first part says it)
        self.summary = PartSummary(number, -1, {lang: (
            list(state.translation._by_source.items()) if state.translation else [],
            list(state.translation._by_target.items()) if state.translation else [],
            [(abbreviation, initialism, reduced(match)) for abbreviation, initialism, match in state.events])
            for lang, state in languages.items()})

    def finish(self, entry: PartEntry, render: Callable[[list[Finding]], bytes] | None = None,
               sentences: bool = True) -> PartResult:
        checker, tally, languages, findings = self.checker, self.tally, self.languages, self.findings
        dropped: set[int] = set()
        for lang, state in languages.items():
            source_refs, target_refs, defined_before = entry.langs.get(lang, ({}, {}, {}))
            if defined_before and state.reread:
                findings.extend(_reread(checker, lang, state, defined_before, findings, dropped))
            if state.translation is not None:
                findings.extend(state.translation.judge(source_refs, target_refs))
                state.translation.compared = []
        if dropped:
            findings = [f for i, f in enumerate(findings) if i not in dropped]
        for state in languages.values():
            for rule in state.rules:
                if not isinstance(rule, InconsistentRendering):
                    findings.extend(rule.on_end())  # none: GL003 reports with each segment (kept for a rule that may)
        findings.sort(key=Finding.sort_key)
        for finding in findings:
            tally.add_finding(finding)
        rendering = {lang: rule.run_state(sentences) for lang, state in languages.items()
                     for rule in state.rules if isinstance(rule, InconsistentRendering)}
        self.findings, self.languages = [], {}
        count = len(findings)
        if render is not None and count > engine.HELD_FINDINGS:
            return PartResult(Rendered.of(findings, render), count, tally, rendering, "")
        if not sentences:
            without_sentences(findings)
        return PartResult(findings, count, tally, rendering, "")


def _reread(checker: Checker, lang: str, state: _Language, defined_before: dict, findings: list[Finding],
            dropped: set[int]) -> list[Finding]:
    """The missing-term findings of the segments kept for it, read again with the
    abbreviations the parts before defined; those they replace are put in `dropped`."""
    abbreviations = Abbreviations(defined_before)
    found = []
    for kept in state.reread:
        also = {m.concept.id for m in abbreviations.read(kept.segment, kept.target)}
        if also == kept.also_rendered:
            continue
        segment = kept.segment
        source = checker._source_matches(segment)
        rendered = checker.matcher.for_language(lang).concepts(segment.text) | also if source else set()
        dropped.update(kept.missing)
        found.extend(f.beside(segment.source) for f in state.missing.on_segment(segment, source, kept.target, rendered))
    state.reread = []
    return found


def reduced(match: Match) -> Match:
    """A defining match as another process needs it: its concept, term and words."""
    text = match.text
    return match._replace(segment=Segment(text, match.segment.path, match.segment.line), start=0, end=len(text))


class SplitFile:
    """The run's process's side of a file checked in parts: the parts' summaries taken in
    order into the file's tables (what GL005 remembers, the abbreviations defined), each
    part's entry made from them, and the parts' results put together as check_batches gives
    the file whole."""

    def __init__(self, path: str, count: int):
        self.path = path
        self.count = count
        self._summaries: dict[int, PartSummary] = {}
        self._next = 0
        self._tables: dict[str, tuple[dict, dict, dict]] = {}
        self.failed = False

    def summarized(self, summary: PartSummary) -> list[tuple[int, int, PartEntry]]:
        """(part, its worker, its entry) for every part whose parts before are now known."""
        self._summaries[summary.number] = summary
        self.failed |= summary.failed
        ready = []
        while self._next in self._summaries:
            summary = self._summaries.pop(self._next)
            ready.append((self._next, summary.worker, self._entry(summary)))
            self._next += 1
        return ready

    def _entry(self, summary: PartSummary) -> PartEntry:
        langs = {}
        for lang, (sources, targets, definitions) in summary.langs.items():
            by_source, by_target, abbreviations = self._tables.setdefault(lang, ({}, {}, {}))
            before = dict(abbreviations)
            for abbreviation, initialism, match in definitions:
                if not (initialism and abbreviation in before):  # an initialism is not defined again
                    abbreviations[abbreviation] = match
            langs[lang] = (_taken_in(by_source, sources), _taken_in(by_target, targets), before)
        return PartEntry(langs)

    def result(self, checker: Checker, results: list[PartResult]):
        """The file's (batches, tally) from its parts' results, in their order."""
        tally = Tally()
        judges: dict[str, InconsistentRendering] = {}
        for result in results:
            tally.merge(result.tally)
            for lang, state in result.rendering.items():
                judge = judges.get(lang)
                if judge is None:
                    severity = checker.severities.get(InconsistentRendering.id)
                    judge = judges[lang] = InconsistentRendering(Document(self.path, lang, checker.glossary), severity)
                judge.merge(state)
        at_end = sorted((f for judge in judges.values() for f in judge.on_end()), key=Finding.sort_key)
        for finding in at_end:
            tally.add_finding(finding)
        if sum(result.count for result in results) <= engine.HELD_FINDINGS:
            everything = [f for result in results for f in result.findings] + at_end
            batches = [sorted(everything, key=Finding.sort_key)] if everything else []
        else:
            batches = [result.findings for result in results if result.count] + ([at_end] if at_end else [])
        return batches, tally


def _taken_in(table: dict, firsts: list[tuple[int, tuple]]) -> dict:
    """A part's first segments taken into the file's table in order, as GL005 would have:
    what the part must compare with instead of its own (the earlier record, or None where the
    table was full)."""
    refs = {}
    for key, record in firsts:
        known = table.get(key)
        if known is not None:
            refs[key] = known
        elif len(table) < translation.REMEMBERED:
            table[key] = record
        else:
            refs[key] = None
    return refs
