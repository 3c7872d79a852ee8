"""`mtcheck scan`: every glossary match, a concordance."""
from __future__ import annotations

import sys

import click

from mtcheck.cli.exits import EXIT_CLEAN, EXIT_ERROR
from mtcheck.cli.options import (
    configurable, files_options, language_list, output_option, sense_options, verbose_option,
)
from mtcheck.cli.run import STDIN, Run, check_outputs, console, output_stream
from mtcheck.errors import MtcheckError


@click.command()
@files_options
@sense_options
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@output_option
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0,
              help="Files read at once, in worker processes (0, the default: one per available core); the "
                   "listing is the same as with --jobs 1.")
@verbose_option
@configurable("glossaries", "demo-glossary", "lang", "source-lang", "foreign-langs", "all-senses", "no-variants")
def scan(paths, glossaries, demo_glossary, lang, source_lang, foreign_langs, all_senses, no_variants, output_format, output,
         jobs, verbose, config):
    """List every glossary match (a concordance: concept, term, status)."""
    from mtcheck.engine import Checker
    from mtcheck.lifetime import batch_collection
    from mtcheck.parallel import available_cores, in_parallel

    check_outputs(paths, output)
    run = Run(glossaries, lang, verbose, source_lang, demo=demo_glossary)
    run.selection = config.selection()
    checker = Checker(run.glossary, [], foreign_langs=language_list(foreign_langs), source_lang=source_lang,
                      source_support=not all_senses, variants=not no_variants)
    with output_stream(output, paths) as stream, batch_collection():
        if output_format == "json":
            from mtcheck.report.jsonreport import JsonMatches

            reporter = JsonMatches(stream or sys.stdout)
        else:
            from mtcheck.report.text import TextMatches

            reporter = TextMatches(console(stream))
        reporter.start()
        files = run.files(paths)
        jobs = jobs or available_cores()
        elsewhere = in_parallel(files, jobs, STDIN, split=True)
        if elsewhere:
            _scan_in_workers(run, checker, files, jobs, reporter)
        for path, doc_lang, segments in () if elsewhere else run.documents(paths, files):
            try:
                for side, match, outer in _concordance(checker, segments, doc_lang):
                    reporter.match(match, side, outer)
            except MtcheckError as exc:
                run.fail(exc)
        reporter.end(run.errors)
    return EXIT_ERROR if run.errors else EXIT_CLEAN


def _scan_in_workers(run: Run, checker, files: list[str], jobs: int, reporter) -> None:
    """The files' matches listed as one process lists them: each file read in a worker, a
    large translation memory or PO file in parts (see _part_work), its matches sent back as
    numbers (see parallel.MatchCodec) and listed here in the files' order."""
    from mtcheck.parallel import MatchCodec, in_workers
    from mtcheck.partition import parts_of

    codec = MatchCodec(checker.glossary)
    parts = {index: found for index, path in enumerate(files) for found in [parts_of(path, jobs)] if found}
    said: set[str] = set()
    with run.progress(len(files)) as advance:
        for index, result in enumerate(in_workers(run, checker, files, jobs, _scanned(codec), parts,
                                                  _part_work(codec), _joined)):
            for path, lang, (segments, rows), error, messages in result if index in parts else [result]:
                run.retell(messages, said)
                for side, match, outer in rows:
                    reporter.match(codec.decoded(match, segments), side,
                                   None if outer is None else codec.decoded(outer, segments))
                if error is not None:
                    run.fail(error)
            advance()


class _Numbered:
    """The segments a worker's matches stand in, numbered as they are first met."""

    def __init__(self):
        self.segments: list = []
        self._numbers: dict[int, int] = {}

    def __call__(self, segment) -> int:
        found = self._numbers.get(id(segment))
        if found is None:
            found = self._numbers[id(segment)] = len(self.segments)
            self.segments.append(segment)
        return found


def _encoded(codec, number, rows):
    for side, match, outer in rows:
        yield (side, codec.encoded(match, number(match.segment)),
               None if outer is None else codec.encoded(outer, number(outer.segment)))


def _scanned(codec):
    """What a worker does with one file: its concordance, matches as numbers, segments apart."""
    from mtcheck.parallel import read_file

    def work(run, checker, path):
        number = _Numbered()
        path, lang, rows, error, said = read_file(
            run, path, lambda path, lang, document: _encoded(codec, number, _concordance(checker, document, lang)))
        return path, lang, (number.segments, rows), error, said
    return work


class _Recorded(dict):
    """Abbreviations by language, for a part: each one records what it defines (see
    mtcheck.partition: the parts after it need them)."""

    def __init__(self):
        super().__init__()
        self.events: dict[str, list] = {}

    def setdefault(self, lang, default=None):
        if lang not in self:
            from mtcheck.abbreviations import Abbreviations

            self[lang] = Abbreviations(events=self.events.setdefault(lang, []))
        return self[lang]


def _part_work(codec):
    """A part of a file, listed as the file whole lists it. Begun: its concordance with what
    the part defines itself (its abbreviations, sent to the run's process), its segments' matches
    kept. Finished, once the abbreviations the parts before it defined are known: listed
    again with them, where there are any (from the kept matches: nothing is searched again)."""
    from mtcheck.model import Segment
    from mtcheck.parallel import read_part
    from mtcheck.partition import PartSummary, reduced

    def _sent(match) -> tuple:
        """A defining match as the other processes read it back (see _received): its words, and
        its concept and term by number (MatchCodec), so that it names this glossary's own."""
        short = reduced(match)
        return short.segment.text, short.segment.path, short.segment.line, codec.encoded(short, 0)

    def _received(sent: tuple):
        text, path, line, code = sent
        return codec.decoded(code, [Segment(text, path, line)])

    def begin(run, checker, item):
        part, lang = item
        number, recorded, kept, sources = _Numbered(), _Recorded(), [], {}

        def read(path, lang, document):
            return _encoded(codec, number, _concordance(checker, document, lang, recorded, kept, sources))
        path, lang, rows, error, said = read_part(run, part, lang, read)
        if error is not None:
            return PartSummary(part.number, -1, {}, failed=True), None
        summary = PartSummary(part.number, -1, {segment_lang: ([], [], [(a, i, _sent(m)) for a, i, m in events])
                                                for segment_lang, events in recorded.events.items()})
        return summary, (path, lang, number, rows, said, kept, sources)

    def finish(run, checker, item, begun, entry):
        if begun is None:
            return None
        path, lang, number, rows, said, kept, sources = begun
        defined = {segment_lang: before for segment_lang, (_, _, before) in entry.langs.items() if before}
        if defined:
            from mtcheck.abbreviations import Abbreviations

            again = {segment_lang: Abbreviations({a: _received(sent) for a, sent in before.items()})
                     for segment_lang, before in defined.items()}
            rows = list(_encoded(codec, number, _concordance(checker, (k[1] for k in kept), lang, again, kept,
                                                             sources, listed_again=True)))
        return path, lang, (number.segments, rows), None, said
    return begin, finish


def _joined(run, checker, split, lang, results, work) -> list:
    """A file's parts' results in order; the file read whole here where a part failed."""
    if split.failed or any(result is None for result in results):
        err = run.err  # read_file's capture replaces the run's console for the file
        try:
            return [work(run, checker, split.path)]
        finally:
            run.err = err
    return results


def _concordance(checker, segments, lang: str, abbreviations: dict | None = None, kept: list | None = None,
                 sources: dict | None = None, listed_again: bool = False):
    """(side, match, the match it stands inside or None) of every match, nested terms included:
    a bilingual segment's source matches before its target's
    (once for a source that several targets share, as a TMX unit's languages do).
    `abbreviations`, `kept`: see Checker.concordance; `sources`: each segment's source matches,
    kept (by the segment's id) to be listed again; `listed_again`: the kept segments listed
    again with `abbreviations` (Checker.concordance_again), their sources from `sources`."""
    import collections

    read: collections.deque = collections.deque()
    listed_source = None

    def passed():
        for segment in segments:
            read.append(segment)
            yield segment

    def source_rows(segment):
        if sources is None:
            return checker.source_concordance(segment)
        if id(segment) not in sources:
            sources[id(segment)] = checker.source_concordance(segment)
        return sources[id(segment)]

    def sources_up_to(segment):
        nonlocal listed_source
        while read:
            earlier = read.popleft()
            if earlier.source is not None and earlier.source_lang:
                place = (earlier.source, earlier.source_places.line, earlier.source_places.column) \
                    if earlier.source_places is not None else (earlier.source, earlier.id)
                if place != listed_source:
                    listed_source = place
                    yield from (("source", match, outer) for match, outer in source_rows(earlier))
            if earlier is segment:
                return

    listed = checker.concordance_again(passed(), kept, abbreviations) if listed_again \
        else checker.concordance(passed(), lang, abbreviations=abbreviations, kept=kept)
    current = None
    for match, outer in listed:
        if match.segment is not current:  # its source before its first match (the next would pass it)
            current = match.segment
            yield from sources_up_to(current)
        yield "target", match, outer
    yield from sources_up_to(None)
