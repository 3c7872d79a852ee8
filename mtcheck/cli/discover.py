"""`mtcheck discover`: renderings the glossary does not know yet."""
from __future__ import annotations

import sys

import click

from mtcheck.cli.exits import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS
from mtcheck.cli.options import (
    configurable, files_options, output_option, verbose_option,
)
from mtcheck.cli.run import STDIN, Run, check_outputs, console, output_stream
from mtcheck.errors import MtcheckError


@click.command()
@files_options
@click.option("--threshold", type=click.FloatRange(0, 1), default=None,
              help="Score a candidate needs (0 to 1): higher is more precise, lower finds more. Default: 0.5.")
@click.option("--all", "show_all", is_flag=True, help="Also list the candidates below the threshold.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--write-glossary", type=click.Path(dir_okay=False),
              help="Write a copy of the glossary with the candidates added (TBX, CSV or TSV by the name), atomically.")
@click.option("--as", "new_status", type=click.Choice(["deprecated", "admitted"]), default="deprecated",
              show_default=True, help="The status the candidates get in --write-glossary.")
@click.option("--mt-model", help="Turn on the MT signal with this model (hub id or folder) translating into --mt-lang.")
@click.option("--mt-lang", default="en", show_default=True, help="Language the MT signal translates candidates into.")
@click.option("--device", default="auto", show_default=True, help="Device for the MT signal's model.")
@click.option("--allow-pickle", is_flag=True, help="Allow pickle (.bin) weights for --mt-model: trusted models only.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0,
              help="Files read at once, in worker processes (0, the default: one per available core); the "
                   "candidates are the same as with --jobs 1.")
@output_option
@verbose_option
@configurable("glossaries", "demo-glossary", "lang", "source-lang")
def discover(paths, glossaries, demo_glossary, lang, source_lang, threshold, show_all, output_format, write_glossary, new_status,
             mt_model, mt_lang, device, allow_pickle, jobs, output, verbose, config):
    """Find renderings of glossary concepts that the glossary does not know yet.

    Each candidate has a score from its evidence: parts shared with known renderings, the
    places where known renderings stand in the texts, a phrase in another language, quoting,
    and with --mt-model its machine translation. In bilingual files a concept the glossary has
    no term for in the target's language is a candidate too, where the target renders it the
    same way wherever the source says it: a term to add (admitted, in --write-glossary).
    Exits 1 when there are candidates at or above the threshold, 0 when there are none, 2 on
    errors.
    """
    from mtcheck.discovery import DEFAULT_THRESHOLD, Discoverer
    from mtcheck.model import Status
    from mtcheck.parallel import available_cores, in_parallel

    threshold = DEFAULT_THRESHOLD if threshold is None else threshold
    check_outputs(paths, output, write_glossary)
    run = Run(glossaries, lang, verbose, source_lang, demo=demo_glossary)
    run.selection = config.selection()
    backtranslate = _mt_signal(run, mt_model, mt_lang, device, allow_pickle)
    discoverer = Discoverer(run.glossary, threshold=threshold, backtranslate=backtranslate, mt_lang=mt_lang,
                            new_terms=True)
    files = run.files(paths)
    elsewhere = in_parallel(files, jobs or available_cores(), STDIN, split=True)
    if elsewhere:
        _read_in_workers(run, discoverer, files, jobs or available_cores())
    for _path, doc_lang, segments in () if elsewhere else run.documents(paths, files):
        try:
            for segment in segments:
                discoverer.add(segment, doc_lang)
        except MtcheckError as exc:
            run.fail(exc)
    try:
        candidates = discoverer.candidates()
    except MtcheckError as exc:  # the MT signal's model
        run.fail(exc)
        return EXIT_ERROR
    accepted = discoverer.accepted(candidates)
    shown = candidates if show_all else accepted
    if write_glossary and not run.errors:
        from mtcheck.discovery.update import with_candidates
        from mtcheck.glossary import format_for, write_glossary as write

        updated, added = with_candidates(run.glossary, accepted, Status(new_status))
        try:
            write(updated, write_glossary, format_for(write_glossary))
        except MtcheckError as exc:
            run.fail(exc)
        else:
            run.err.print(f"{added} terms added ({new_status}) in {write_glossary}", highlight=False, markup=False)
    with output_stream(output, paths) as stream:
        from mtcheck.report import candidates as report

        if output_format == "json":
            report.write_json(stream or sys.stdout, shown, run.glossary, threshold,
                              mt_model if backtranslate else None, discoverer.translations, run.errors)
        else:
            report.write_text(console(stream), shown, run.glossary, threshold)
    if run.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if accepted else EXIT_CLEAN


def _read_in_workers(run: Run, discoverer, files: list[str], jobs: int) -> None:
    """Each file read by a Discoverer of its own in a worker, a large translation memory or PO
    file in parts (see mtcheck.partition: what discovery reads of a segment needs nothing of
    the segments before it); what each read is merged into `discoverer` in the files' and
    parts' order (Discoverer.merge), which then scores as if it had read them all. A file
    whose part does not read as cut is read whole here."""
    from mtcheck.parallel import in_workers
    from mtcheck.partition import parts_of

    parts = {index: found for index, path in enumerate(files) for found in [parts_of(path, jobs)] if found}
    said: set[str] = set()
    with run.progress(len(files)) as advance:
        for index, result in enumerate(in_workers(run, discoverer, files, jobs, _read_one, parts)):
            results = result if index in parts else [result]  # a file in parts: its parts' results
            if index in parts and any(part[3] is not None for part in result):
                err = run.err  # read_file's capture replaces the run's console for the file
                try:
                    results = [_read_one(run, discoverer, files[index])]
                finally:
                    run.err = err
            for _path, _lang, read, error, messages in results:
                run.retell(messages, said)
                if read:
                    discoverer.merge(read)
                if error is not None:
                    run.fail(error)
            advance()


def _read_one(run: Run, discoverer, item):
    """What a worker does with one file, or one part of a file ((part, language)): read it into
    a Discoverer of its own, and hand back what that read (see Discoverer.state)."""
    from mtcheck.discovery import Discoverer
    from mtcheck.parallel import read_file, read_part

    fresh = Discoverer(discoverer.glossary, matcher=discoverer.matcher, new_terms=discoverer.new_terms)

    def read(path, lang, segments):
        for segment in segments:
            fresh.add(segment, lang)
        yield from ()
    if isinstance(item, tuple):
        path, lang, _, error, said = read_part(run, *item, read)
    else:
        path, lang, _, error, said = read_file(run, item, read)
    return path, lang, fresh.state(), error, said


def _installed(module: str) -> bool:
    """Whether a module can be imported, without importing it (torch takes seconds)."""
    import importlib.util

    if module in sys.modules:
        return sys.modules[module] is not None
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def _mt_signal(run: Run, model: str | None, target_lang: str, device: str, allow_pickle: bool):
    """The MT signal's translate function, or None (said once with --verbose)."""
    missing = [name for name in ("torch", "transformers") if not _installed(name)]
    if missing:
        run.say(f"MT signal off: {' and '.join(missing)} not installed (pip install 'mtcheck[mt]')")
        return None
    if not model:
        run.say("MT signal off: no --mt-model given")
        return None
    from mtcheck.mt.backtranslate import make_backtranslate

    run.say(f"MT signal on: {model}, into {target_lang}")
    options = {"model": model, "device": device, "allow_pickle": allow_pickle, "revision": None, "threads": None,
               "no_cache": False, "cache_dir": None, "beams": 4, "batch_size": 16}
    return make_backtranslate(run.glossary, target_lang, options, run.err)
