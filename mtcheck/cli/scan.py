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
        elsewhere = in_parallel(files, jobs, STDIN)
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
    """The files' matches listed as one process lists them: each file read in a worker, its
    matches sent back as numbers (see parallel.MatchCodec) and listed here in the files' order."""
    from mtcheck.parallel import MatchCodec, in_workers

    codec = MatchCodec(checker.glossary)
    said: set[str] = set()
    with run.progress(len(files)) as advance:
        for result in in_workers(run, checker, files, jobs, _scanned(codec)):
            path, lang, (segments, rows), error, messages = result
            run.retell(messages, said)
            for side, match, outer in rows:
                reporter.match(codec.decoded(match, segments), side,
                               None if outer is None else codec.decoded(outer, segments))
            if error is not None:
                run.fail(error)
            advance()


def _scanned(codec):
    """What a worker does with one file: its concordance, matches as numbers, segments apart."""
    from mtcheck.parallel import read_file

    def work(run, checker, path):
        segments: list = []
        numbers: dict[int, int] = {}

        def number(segment) -> int:
            found = numbers.get(id(segment))
            if found is None:
                found = numbers[id(segment)] = len(segments)
                segments.append(segment)
            return found

        def read(path, lang, document):
            for side, match, outer in _concordance(checker, document, lang):
                yield (side, codec.encoded(match, number(match.segment)),
                       None if outer is None else codec.encoded(outer, number(outer.segment)))
        path, lang, rows, error, said = read_file(run, path, read)
        return path, lang, (segments, rows), error, said
    return work


def _concordance(checker, segments, lang: str):
    """(side, match, the match it stands inside or None) of every match, nested terms included:
    a bilingual segment's source matches before its target's
    (once for a source that several targets share, as a TMX unit's languages do)."""
    import collections

    read: collections.deque = collections.deque()
    listed_source = None

    def passed():
        for segment in segments:
            read.append(segment)
            yield segment

    def sources_up_to(segment):
        nonlocal listed_source
        while read:
            earlier = read.popleft()
            if earlier.source is not None and earlier.source_lang:
                place = (earlier.source, earlier.source_places.line, earlier.source_places.column) \
                    if earlier.source_places is not None else (earlier.source, earlier.id)
                if place != listed_source:
                    listed_source = place
                    yield from (("source", match, outer) for match, outer in checker.source_concordance(earlier))
            if earlier is segment:
                return

    for match, outer in checker.concordance(passed(), lang):
        yield from sources_up_to(match.segment)
        yield "target", match, outer
    yield from sources_up_to(None)
