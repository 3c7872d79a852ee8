"""The `mtcheck` command: parse options, call the library, map errors to exit codes."""
from __future__ import annotations

import contextlib
import os
import sys
from typing import IO, Iterator

import click

from mtcheck import __version__
from mtcheck.errors import MtcheckError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERNAL = 0, 1, 2, 3


def _split(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _console(stream: IO[str] | None = None, stderr: bool = False):
    from rich.console import Console

    if stream is not None:
        return Console(file=stream, force_terminal=False, no_color=True, width=10_000, soft_wrap=True)
    return Console(stderr=stderr, highlight=False, soft_wrap=True)


@contextlib.contextmanager
def _output(path: str | None, inputs: tuple[str, ...] = ()) -> Iterator[IO[str] | None]:
    """stdout (None; `-` says so too), or a file written atomically: never one of `inputs`,
    a folder or a device."""
    from mtcheck.textio import atomic_output, check_output_path, is_stdout

    if path is None or is_stdout(path):
        yield None
        return
    check_output_path(path, inputs)
    with atomic_output(path) as stream:
        yield stream


class _Run:
    """State of one `check` or `scan` run shared by its helpers."""

    def __init__(self, glossaries: tuple[str, ...], lang: str | None, verbose: bool, source_lang: str | None = None):
        from mtcheck.glossary import load_glossaries
        from mtcheck.glossary.shipped import shipped_glossary

        self.lang = lang
        self.source_lang = source_lang
        self.quiet = False
        self.verbose = verbose
        self.err = _console(stderr=True)
        paths = list(glossaries) or [str(shipped_glossary())]
        # A headerless two-column glossary takes its languages from the run's.
        self.glossary = load_glossaries(paths, source_lang, lang)
        self.errors: list[str] = []
        self._described: set[str] = set()
        self.selection = None  # include/exclude globs of the configuration (mtcheck.config.FileSelection)
        self.say(f"glossary: {', '.join(paths)} ({len(self.glossary)} concepts, "
                 f"languages {', '.join(self.glossary.languages)})")

    def say(self, message: str) -> None:
        if self.verbose:
            self.err.print(message, highlight=False, markup=False)

    def fail(self, error: MtcheckError) -> None:
        if str(error) in self.errors:
            return  # --fix reads every file twice: an error is said once
        self.errors.append(str(error))
        self.err.print(f"error: {error}", style="red", highlight=False, markup=False)

    def documents(self, paths: tuple[str, ...]):
        """(path, lang, segments) for every file, errors reported and skipped; a path that
        cannot be checked is an error, or a warning where a folder holds it."""
        from mtcheck.formats import bilingual_kind
        from mtcheck.formats.discover import discover

        warned = vars(self).setdefault("_warned", set())  # --fix reads every file twice: a warning is said once

        def report(problem):
            if problem.error:
                self.fail(problem.as_error())
            elif str(problem) not in warned:
                warned.add(str(problem))
                self.err.print(f"warning: {problem}", markup=False, highlight=False)

        files = list(discover(list(paths), report, self.selection))
        with self._progress(len(files)) as advance:
            for path in files:
                try:
                    if bilingual_kind(path):
                        yield self._bilingual(path)
                    else:
                        yield self._plain(path)
                except MtcheckError as exc:
                    self.fail(exc)
                advance()

    @contextlib.contextmanager
    def _progress(self, total: int):
        """A progress bar over the files, on a terminal only: never in CI logs or pipes."""
        if self.quiet or total < 2 or not self.err.is_terminal or os.environ.get("CI"):
            yield lambda: None
            return
        from rich.progress import Progress

        with Progress(console=self.err, transient=True) as progress:
            task = progress.add_task("checking", total=total)
            yield lambda: progress.advance(task)

    def _plain(self, path: str):
        from mtcheck.formats import plaintext

        lang = self._language(path, lambda: plaintext.sample(path))
        return path, lang, plaintext.read_segments(path, lang)

    def _bilingual(self, path: str):
        """A bilingual file; languages it does not name are identified from its first segments."""
        import itertools

        from mtcheck.formats import open_bilingual

        document = open_bilingual(path, source_lang=self.source_lang, target_lang=self.lang)
        for warning in getattr(document, "warnings", ()):
            self.err.print(f"warning: {warning}", markup=False, highlight=False)
        segments = iter(document.segments())
        head = list(itertools.islice(segments, 200))
        declared = document.target_lang or next((s.lang for s in head if s.lang), None)
        lang = self._language(path, lambda: "\n".join(s.text for s in head), declared)
        source_lang = None
        if any(s.source and not s.source_lang for s in head):
            source_lang = self._language(path, lambda: "\n".join(s.source or "" for s in head), None, "source")
        return path, lang, _with_languages(itertools.chain(head, segments), lang, source_lang)

    def _language(self, path: str, sample, declared: str | None = None, side: str = "text") -> str:
        from mtcheck.lang import analyzer_for, canonical_lang
        from mtcheck.langid import detect_language

        if declared or (self.lang and side == "text"):
            lang = canonical_lang(declared or self.lang)
        else:
            lang, probability = detect_language(sample())
            self.say(f"{path}: detected {'source ' if side == 'source' else ''}language {lang} (p={probability:.2f})")
        if lang not in self._described:
            self._described.add(lang)
            self.say(analyzer_for(lang).describe())
        return lang


def _with_languages(segments, lang: str, source_lang: str | None):
    """Segments with the file's languages filled in where the file left them out."""
    for segment in segments:
        if segment.lang is None or (source_lang and segment.source is not None and segment.source_lang is None):
            segment = segment._replace(lang=segment.lang or lang, source_lang=segment.source_lang or source_lang)
        yield segment


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mtcheck")
def cli() -> None:
    """Check translations against a multilingual glossary."""


_glossary_option = click.option(
    "--glossary", "-g", "glossaries", multiple=True, type=click.Path(dir_okay=False),
    help="Glossary file (TBX, CSV or TSV); repeatable. Default: the shipped glossary.")
_lang_option = click.option("--lang", "-l", help="Language of the texts, the targets of bilingual files (BCP-47). "
                                                  "Default: what the file says, else identified per file.")
_source_lang_option = click.option("--source-lang", help="Source language of bilingual files (BCP-47). "
                                                         "Default: what the file says, else identified.")
_foreign_langs_option = click.option(
    "--foreign-langs", help="Languages whose terms count as foreign renderings in a text, comma-separated, or "
                            "'all'. Default: the run's source languages (--source-lang, a bilingual file's, the "
                            "glossary's) and English.")
_all_senses_option = click.option(
    "--all-senses", is_flag=True,
    help="In bilingual files, count a target's glossary terms also where the source has no term of their "
         "concept. By default such a word is taken in another sense (German 'haben' where the source says "
         "'have' is not Haben, the credit column).")
_verbose_option = click.option("--verbose", "-v", is_flag=True, help="Say what is loaded and how each language is matched.")
def _mt_options(function):
    from mtcheck.mt.commands import model_options

    return model_options(function)


_output_option = click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True),
                              help="Write the report to this file (atomically) instead of stdout.")


def _configurable(*keys: str):
    """Adds --config and --isolated; fills the options named by configuration `keys` from the
    configuration where the command line left them at their defaults, and hands the command
    the Config itself as `config`."""
    import functools

    def decorate(function):
        @functools.wraps(function)
        def command(config_path, isolated, **params):
            from click.core import ParameterSource

            from mtcheck.config import load_settings

            ctx = click.get_current_context()
            if config_path and isolated:
                raise click.UsageError("--config and --isolated exclude each other")
            config = load_settings(params["paths"], config_path, isolated)
            given = {name for name in params if ctx.get_parameter_source(name) is not ParameterSource.DEFAULT}
            choices = {p.name: p.type.choices for p in ctx.command.params if isinstance(p.type, click.Choice)}
            params = config.options(params, given, choices, keys)
            if params.get("verbose") and config.path:
                click.echo(f"configuration: {config.path}", err=True)
            for warning in config.warnings:
                click.echo(f"warning: {warning}", err=True)
            return function(config=config, **params)

        command = click.option("--isolated", is_flag=True, help="Ignore all configuration files.")(command)
        return click.option("--config", "config_path", type=click.Path(dir_okay=False),
                            help="Use this configuration file (mtcheck.toml, or pyproject.toml with "
                                 "[tool.mtcheck]) instead of the one found upward from the paths.")(command)
    return decorate


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_glossary_option
@_lang_option
@_source_lang_option
@_foreign_langs_option
@_all_senses_option
@click.option("--format", "output_format", type=click.Choice(["text", "json", "html", "sarif", "junit", "github"]),
              default="text", show_default=True)
@click.option("--select", multiple=True, help="Only these rules (ids or names, comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these rules (ids or names, comma-separated).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default="warning", show_default=True,
              help="Exit 1 when a finding has at least this severity.")
@click.option("--consistency", type=click.Choice(["file", "run"]), default="file", show_default=True,
              help="Judge consistent renderings and translations within each file or across all files of the run.")
@click.option("--no-table", is_flag=True, help="Leave out the table of renderings in text output.")
@click.option("--quiet", "-q", is_flag=True, help="Only the findings: no table, no summary, no progress bar.")
@click.option("--warn-unused-ignores/--no-warn-unused-ignores", default=False,
              help="Report mtcheck directives that suppress nothing (GL000).")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False),
              help="Report and fail on only the findings that this baseline file does not hold.")
@click.option("--write-baseline", "write_baseline", type=click.Path(dir_okay=False),
              help="Record this run's findings in a baseline file (atomically) and exit 0.")
@click.option("--fix", is_flag=True, help="Replace deprecated and foreign renderings with the preferred term where "
                                         "the inflection carries over, then report what is left.")
@click.option("--diff", "show_diff", is_flag=True, help="Print the fixes as a unified diff instead of writing them; "
                                                        "exit 1 when there are any.")
@_output_option
@_verbose_option
@_configurable("glossaries", "lang", "source-lang", "foreign-langs", "all-senses", "fail-on", "consistency", "format",
               "warn-unused-ignores")
def check(paths, glossaries, lang, source_lang, foreign_langs, all_senses, output_format, select, ignore, fail_on, consistency, no_table,
          quiet, warn_unused_ignores, baseline_path, write_baseline, fix, show_diff, output, verbose, config):
    """Check files or folders (recursively) against the glossary."""
    from mtcheck.engine import Checker
    from mtcheck.gate import make_gate
    from mtcheck.lifetime import batch_collection
    from mtcheck.model import Severity

    try:
        rules = config.rules(_split(select), _split(ignore))
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    _check_outputs(paths, output, write_baseline)
    run = _Run(glossaries, lang, verbose, source_lang)
    run.selection = config.selection()
    run.quiet = quiet
    if fix or show_diff:
        changed = _fix(run, paths, not show_diff, _languages(foreign_langs), source_lang, all_senses)
        if show_diff:
            return EXIT_ERROR if run.errors else (EXIT_FINDINGS if changed else EXIT_CLEAN)
    checker = Checker(run.glossary, rules, config.severities, scope=consistency,
                      foreign_langs=_languages(foreign_langs), source_lang=source_lang, source_support=not all_senses)
    gate = make_gate(checker.tally, [r.id for r in rules], config.severities, warn_unused_ignores, baseline_path,
                     write_baseline)
    threshold = Severity.parse(fail_on)
    worst = None
    with _output(output, paths) as stream, batch_collection():
        reporter = _findings_reporter(output_format, stream, not (no_table or quiet), quiet)
        reporter.start()
        for path, doc_lang, segments in run.documents(paths):
            try:
                gate.document(path)
                for findings in checker.check_batches(path, segments, doc_lang):
                    findings = gate.filter(findings)
                    if not findings:
                        continue
                    reporter.document(path, doc_lang, findings)
                    for finding in findings:
                        worst = max(worst or finding.severity, finding.severity)
                reporter.document(path, doc_lang, [])  # the file is done: JUnit lists clean files too
            except MtcheckError as exc:
                run.fail(exc)
                continue
        findings = gate.filter(checker.finish()) + gate.finish()
        if findings:
            reporter.document(None, None, findings)
            worst = max([worst or findings[0].severity, *(f.severity for f in findings)])
        reporter.end(checker.tally, run.glossary, run.errors)
    gate.close(write=not run.errors)
    if run.errors:
        return EXIT_ERROR
    if write_baseline:
        run.say(f"baseline: {len(gate.writer.entries)} findings written to {write_baseline}")
        return EXIT_CLEAN
    if gate.baseline is not None:
        run.say(f"baseline: {gate.baseline.count} findings held back by {baseline_path}, "
                f"{gate.baseline.gone} of its entries match nothing now")
    return EXIT_FINDINGS if worst is not None and worst >= threshold else EXIT_CLEAN


def _languages(given: str | tuple[str, ...] | None) -> list[str] | None:
    """--foreign-langs "en,vi" or the configuration's list, checked as codes; None: not given."""
    if given is None:
        return None
    codes = [code.strip() for code in (given.split(",") if isinstance(given, str) else given) if code.strip()]
    from mtcheck.config import _LANG_RE

    for code in codes:
        if code.lower() != "all" and not _LANG_RE.match(code):
            raise click.BadParameter(f"{code!r} is not a language code", param_hint="--foreign-langs")
    return codes


def _check_outputs(inputs: tuple[str, ...], *outputs: str | None) -> None:
    """Refuse, before any work, output paths that would replace an input or cannot hold a file."""
    from mtcheck.textio import check_output_path, is_stdout

    for output in outputs:
        if output is not None and not is_stdout(output):
            check_output_path(output, inputs)


def _fix(run: _Run, paths: tuple[str, ...], write: bool, foreign_langs: list[str] | None,
         source_lang: str | None, all_senses: bool = False) -> int:
    """Fix (or, without `write`, print the diff of fixing) every file; the number changed."""
    from mtcheck.fix import Fixer, unified_diff
    from mtcheck.formats.edit import fix_file

    fixer = Fixer(run.glossary, foreign_langs, source_lang, not all_senses)  # compiled once, not once per file
    changed = edits = 0
    for path, lang, _ in run.documents(paths):
        try:
            result = fix_file(path, run.glossary, lang, run.source_lang, write=write, fixer=fixer)
        except MtcheckError as exc:
            run.fail(exc)
            continue
        if result.changed:
            changed += 1
            edits += result.count
            if not write:
                click.echo(unified_diff(path, result.before, result.after), nl=False)
    verb = "fixed" if write else "would fix"
    run.err.print(f"{verb} {edits} finding{'s' if edits != 1 else ''} in {changed} file{'s' if changed != 1 else ''}",
                  highlight=False, markup=False)
    return changed


def _findings_reporter(output_format: str, stream: IO[str] | None, table: bool, quiet: bool = False):
    if output_format == "json":
        from mtcheck.report.jsonreport import JsonFindings

        return JsonFindings(stream or sys.stdout)
    if output_format == "html":
        from mtcheck.report.html import HtmlFindings

        return HtmlFindings(stream or sys.stdout)
    if output_format in ("sarif", "junit", "github"):
        from mtcheck.report import github, junit, sarif

        reporters = {"sarif": sarif.SarifFindings, "junit": junit.JUnitFindings, "github": github.GithubFindings}
        return reporters[output_format](stream or sys.stdout)
    from mtcheck.report.text import TextFindings

    return TextFindings(_console(stream), table, summary=not quiet)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_glossary_option
@_lang_option
@_source_lang_option
@_foreign_langs_option
@_all_senses_option
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_output_option
@_verbose_option
@_configurable("glossaries", "lang", "source-lang", "foreign-langs", "all-senses")
def scan(paths, glossaries, lang, source_lang, foreign_langs, all_senses, output_format, output, verbose, config):
    """List every glossary match (a concordance: concept, term, status)."""
    from mtcheck.engine import Checker
    from mtcheck.lifetime import batch_collection

    _check_outputs(paths, output)
    run = _Run(glossaries, lang, verbose, source_lang)
    run.selection = config.selection()
    checker = Checker(run.glossary, [], foreign_langs=_languages(foreign_langs), source_lang=source_lang,
                      source_support=not all_senses)
    with _output(output, paths) as stream, batch_collection():
        if output_format == "json":
            from mtcheck.report.jsonreport import JsonMatches

            reporter = JsonMatches(stream or sys.stdout)
        else:
            from mtcheck.report.text import TextMatches

            reporter = TextMatches(_console(stream))
        reporter.start()
        for path, doc_lang, segments in run.documents(paths):
            try:
                for side, match in _concordance(checker, segments, doc_lang):
                    reporter.match(match, side)
            except MtcheckError as exc:
                run.fail(exc)
        reporter.end(run.errors)
    return EXIT_ERROR if run.errors else EXIT_CLEAN


def _concordance(checker, segments, lang: str):
    """(side, match) of every match: a bilingual segment's source matches before its target's
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
                    yield from (("source", match) for match in checker.source_matches(earlier))
            if earlier is segment:
                return

    for match in checker.matches(passed(), lang):
        yield from sources_up_to(match.segment)
        yield "target", match
    yield from sources_up_to(None)


@cli.command()
@click.argument("input_path", metavar="[INPUT]", default="-")
@click.option("--from", "source_lang", required=True, help="Language of the input (BCP-47).")
@click.option("--to", "target_lang", required=True, help="Language to translate into (BCP-47).")
@_glossary_option
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_output_option
@_verbose_option
@_mt_options
def translate(input_path, source_lang, target_lang, glossaries, output_format, output, verbose, **options):
    """Translate text (a line per segment; `-` or nothing: stdin) with the glossary enforced."""
    from mtcheck.mt.commands import run_translate

    run = _Run(glossaries, target_lang, verbose, source_lang)
    return run_translate(run, input_path, source_lang, target_lang, output, output_format, options)


@cli.command()
@click.argument("path", type=click.Path(dir_okay=False))
@_glossary_option
@_lang_option
@_source_lang_option
@click.option("--source", type=click.Path(dir_okay=False), help="Line-aligned source of a plain-text file.")
@click.option("--all", "everything", is_flag=True, help="Re-translate every segment, not only those with findings.")
@click.option("--in-place", is_flag=True, help="Replace PATH (atomically) instead of writing PATH.retranslated.EXT.")
@click.option("--reference", type=click.Path(dir_okay=False), help="Reference translations, one line per segment, to score against.")
@click.option("--no-diff", is_flag=True, help="Leave out the side-by-side table.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_output_option
@_verbose_option
@_mt_options
def retranslate(path, glossaries, lang, source_lang, source, everything, in_place, reference, no_diff,
                output_format, output, verbose, **options):
    """Re-translate the segments of a file that have findings, and write the file back.

    XLIFF gets the new target marked for review with the old one kept as an alternative, PO
    a fuzzy flag, plain text (with --source) a new file. Exit 1 when a new segment still lacks
    a preferred term or holds a deprecated one.
    """
    from mtcheck.mt.commands import run_retranslate

    run = _Run(glossaries, lang, verbose, source_lang)
    return run_retranslate(run, path, source, everything, output, in_place, reference, output_format,
                           not no_diff, options)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_glossary_option
@_lang_option
@_source_lang_option
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
@_output_option
@_verbose_option
@_configurable("glossaries", "lang", "source-lang")
def discover(paths, glossaries, lang, source_lang, threshold, show_all, output_format, write_glossary, new_status,
             mt_model, mt_lang, device, allow_pickle, output, verbose, config):
    """Find renderings of glossary concepts that the glossary does not know yet.

    Each candidate has a score from its evidence: parts shared with known renderings, the
    places where known renderings stand in the texts, a phrase in another language, quoting,
    and with --mt-model its machine translation. Exits 1 when there are candidates at or
    above the threshold, 0 when there are none, 2 on errors.
    """
    from mtcheck.discovery import DEFAULT_THRESHOLD, Discoverer
    from mtcheck.model import Status

    threshold = DEFAULT_THRESHOLD if threshold is None else threshold
    _check_outputs(paths, output, write_glossary)
    run = _Run(glossaries, lang, verbose, source_lang)
    run.selection = config.selection()
    backtranslate = _mt_signal(run, mt_model, mt_lang, device, allow_pickle)
    discoverer = Discoverer(run.glossary, threshold=threshold, backtranslate=backtranslate, mt_lang=mt_lang)
    for _path, doc_lang, segments in run.documents(paths):
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
    with _output(output, paths) as stream:
        from mtcheck.report import candidates as report

        if output_format == "json":
            report.write_json(stream or sys.stdout, shown, run.glossary, threshold,
                              mt_model if backtranslate else None, discoverer.translations, run.errors)
        else:
            report.write_text(_console(stream), shown, run.glossary, threshold)
    if run.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if accepted else EXIT_CLEAN


def _installed(module: str) -> bool:
    """Whether a module can be imported, without importing it (torch takes seconds)."""
    import importlib.util

    if module in sys.modules:
        return sys.modules[module] is not None
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def _mt_signal(run: _Run, model: str | None, target_lang: str, device: str, allow_pickle: bool):
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


@cli.command()
@click.argument("rule_ids", nargs=-1)
def rules(rule_ids):
    """List the rules, or show the full documentation of the named ones."""
    from mtcheck.rules import ALL_RULES, select_rules
    from mtcheck.suppress import UnusedIgnore

    if rule_ids:
        wanted = [r for r in rule_ids if r.upper() != UnusedIgnore.id and r.lower() != UnusedIgnore.name]
        try:
            chosen = select_rules(wanted) if wanted else []
        except ValueError as exc:
            raise click.UsageError(str(exc)) from None
        if len(wanted) < len(rule_ids):
            chosen = [UnusedIgnore, *chosen]
        for rule in chosen:
            click.echo(f"{rule.id} {rule.name} [{rule.severity.label}]\n")
            click.echo(rule.documentation() + "\n")
        return EXIT_CLEAN
    click.echo(f"{UnusedIgnore.id}  {UnusedIgnore.name:<24} {UnusedIgnore.severity.label:<8} "
               f"{UnusedIgnore.summary()} (with --warn-unused-ignores)")
    for rule in ALL_RULES:
        opt_in = "" if rule.default else " (opt-in: --select)"
        click.echo(f"{rule.id}  {rule.name:<24} {rule.severity.label:<8} {rule.summary()}{opt_in}")
    return EXIT_CLEAN


@cli.group()
def glossary() -> None:
    """Work with glossary files."""


@glossary.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
def validate(files):
    """Lint glossary files: each problem as `path:line: message`, then a summary line."""
    from mtcheck.glossary import load_glossary
    from mtcheck.glossary.validate import summary, validate as validate_glossary

    problems, failed = [], False
    for path in files:
        try:
            found = validate_glossary(load_glossary(path))
        except MtcheckError as exc:
            click.echo(f"error: {exc}", err=True)
            failed = True
            continue
        for problem in found:
            click.echo(str(problem))
        problems.extend(found)
    if not failed or problems:
        click.echo(summary(problems, len(files)))
    if failed:
        return EXIT_ERROR
    return EXIT_FINDINGS if problems else EXIT_CLEAN


@glossary.command()
@click.argument("source", metavar="IN", type=click.Path(dir_okay=False))
@click.argument("target", metavar="OUT", type=click.Path(dir_okay=False))
@click.option("--to", "output_format", type=click.Choice(["tbx2", "tbx3", "csv", "tsv", "pairs-csv", "pairs-tsv"]),
              help="Format of OUT. Default: from its extension (.tbx: tbx3, .csv: csv, .tsv: tsv).")
@click.option("--source-lang", help="Source language (BCP-47): of a headerless two-column IN, and the first "
                                    "column of pairs output.")
@click.option("--target-lang", help="Target language (BCP-47): of a headerless two-column IN, and the second "
                                    "column of pairs output.")
def convert(source, target, output_format, source_lang, target_lang):
    """Convert a glossary between TBX v2/v3, CSV/TSV and two-column pairs.

    TBX and CSV/TSV (one term per row) keep everything mtcheck reads: concepts, terms with
    status, type, match options and notes, and the notes and definitions of concepts and
    languages. pairs-csv and pairs-tsv are lossy: headerless `source,target` rows as MT
    vendors (DeepL, Google) take them, each accepted source term with the preferred target
    term; only a glossary of exactly those two languages is written. OUT is replaced only
    when the whole file is written.
    """
    from mtcheck.glossary import format_for, load_glossary, write_glossary

    output_format = output_format or format_for(target)
    loaded = load_glossary(source, source_lang, target_lang)
    write_glossary(loaded, target, output_format, source_lang, target_lang)
    return EXIT_CLEAN


@cli.command()
@click.argument("hypotheses", metavar="HYP", type=click.Path(dir_okay=False))
@click.argument("references", metavar="REF", type=click.Path(dir_okay=False))
@click.option("--terms", "terms_path", type=click.Path(dir_okay=False),
              help="Required terms, WMT style: per line of HYP, a JSON array of {language: term} objects.")
@click.option("--lang", "-l", help="Target language (BCP-47): which terms of --terms to look for and how to match "
                                   "them. Default: the language of REF, identified.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def score(hypotheses, references, terms_path, lang, output_format):
    """Score translations HYP against references REF, line by line: BLEU, chrF and TER with
    their sacrebleu signatures; with --terms, the share of required terms found as written
    and in any inflected form or compound."""
    import json

    from mtcheck.mt.score import corpus_scores, term_success

    hyps = _aligned_lines(hypotheses)
    refs = _aligned_lines(references, hypotheses, len(hyps))
    scores = corpus_scores(hyps, refs)
    terms = None
    if terms_path:
        lang, term_lists = _required_terms(terms_path, hypotheses, len(hyps), lang, refs)
        terms = term_success(hyps, term_lists, lang)
    if output_format == "json":
        record = {"version": 1, "scores": [s.to_record() for s in scores],
                  "terms": None if terms is None else terms.to_record()}
        click.echo(json.dumps(record, ensure_ascii=False, indent=1))
        return EXIT_CLEAN
    rows = [(s.name, f"{s.value:6.2f}", s.signature) for s in scores]
    if terms is not None:
        for kind, count, how in (("exact", terms.exact, "as written (case aside)"),
                                 ("lemma", terms.lemma, "in any inflected form or compound")):
            rate = "   n/a" if count.rate is None else f"{100 * count.rate:6.2f}"
            rows.append((f"terms {kind}", rate, f"{count.found}/{count.total} {terms.lang} terms {how}"))
    width = max(len(name) for name, _, _ in rows)
    for name, value, note in rows:
        click.echo(f"{name:<{width}}  {value}  {note}")
    return EXIT_CLEAN


def _aligned_lines(path: str, first: str | None = None, count: int | None = None) -> list[str]:
    """The lines of a text file; as many as `first` has, when given."""
    from mtcheck.errors import InputError
    from mtcheck.textio import iter_lines

    lines = list(iter_lines(path))
    if first is None and not lines:
        raise InputError(path, "no lines to score")
    if count is not None and len(lines) != count:
        raise InputError(first, f"{count} lines, but {path} has {len(lines)}: the files must be line-aligned")
    return lines


def _required_terms(path: str, hypotheses: str, count: int, lang: str | None,
                    references: list[str]) -> tuple[str, list[list[str]]]:
    """The target language and each segment's required target terms, from a WMT terms file."""
    from mtcheck.errors import InputError
    from mtcheck.lang import canonical_lang
    from mtcheck.mt.score import wmt_terms
    from mtcheck.textio import iter_lines

    rows = []
    for number, line in enumerate(iter_lines(path), 1):
        try:
            rows.append(wmt_terms(line))
        except ValueError as exc:
            raise InputError(path, str(exc), number) from None
    if len(rows) != count:
        raise InputError(hypotheses, f"{count} lines, but {path} has {len(rows)}: the files must be line-aligned")
    keys = sorted({code for row in rows for entry in row for code in entry})
    if lang:
        lang = canonical_lang(lang)
    elif len(keys) == 1:
        lang = keys[0]
    else:
        # The references are in the target language: the other keys are the source's.
        from mtcheck.langid import detect_language

        lang, _ = detect_language("\n".join(references[:500]))
        if keys and lang not in keys:
            raise InputError(path, f"terms in {', '.join(keys)}, references in {lang}: give the target "
                                   f"language with --lang")
    term_lists = []
    for number, row in enumerate(rows, 1):
        terms = [entry.get(lang) for entry in row]
        if any(term is None or not term.strip() for term in terms):
            raise InputError(path, f"no {lang} term in a term pair", number)
        term_lists.append(terms)
    return lang, term_lists


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit code: 0 clean, 1 findings, 2 usage or input error, 3 an
    error of mtcheck itself. Every failure is one line on stderr."""
    args = sys.argv[1:] if argv is None else list(argv)
    try:
        result = cli.main(args=args, prog_name="mtcheck", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("error: aborted", err=True)
        return EXIT_ERROR
    except click.ClickException as exc:
        click.echo(f"error: {_usage_line(exc)}", err=True)
        return EXIT_ERROR
    except MtcheckError as exc:
        click.echo(f"error: {_one_line(str(exc))}", err=True)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_ERROR
    except KeyboardInterrupt:
        click.echo("error: interrupted", err=True)
        return EXIT_ERROR
    except RecursionError:
        click.echo("error: input nested too deeply to read", err=True)
        return EXIT_ERROR
    except MemoryError:
        click.echo("error: out of memory", err=True)
        return EXIT_ERROR
    except Exception as exc:  # noqa: BLE001 - the boundary: a bug must not look like findings (exit 1)
        if "--verbose" in args or "-v" in args:
            import traceback

            traceback.print_exc()
        detail = _one_line(f"{type(exc).__name__}: {exc}")
        click.echo(f"error: internal error ({detail}); please report it with the command that caused it "
                   f"(--verbose shows the traceback)", err=True)
        return EXIT_INTERNAL
    return result if isinstance(result, int) else EXIT_CLEAN


def _one_line(text: str) -> str:
    """A message on one line: libraries' messages can hold line breaks."""
    return " ".join(text.splitlines()) if ("\n" in text or "\r" in text) else text


def _usage_line(exc: click.ClickException) -> str:
    """click's usage error (three lines: usage, hint, error) as one line with the hint."""
    message = _one_line(exc.format_message())
    context = getattr(exc, "ctx", None)
    if isinstance(exc, click.UsageError) and context is not None:
        return f"{message} (see '{context.command_path} --help')"
    return message
