"""`mtcheck check`: findings of every file, reported in one format, and the quality gate."""
from __future__ import annotations

import sys
from typing import IO

import click

from mtcheck.cli.exits import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS
from mtcheck.cli.options import (
    configurable, files_options, language_list, output_option, selection, sense_options, verbose_option,
)
from mtcheck.cli.run import STDIN, Run, check_outputs, console, output_stream, split_values
from mtcheck.errors import MtcheckError
from mtcheck.model import Rendered, Severity
from mtcheck.report.text import Statistics


@click.command()
@files_options
@sense_options
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
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, also apply the fixes that may need a "
                                                     "person's eye (a case or gender mtcheck is not sure of).")
@click.option("--show-fixes", is_flag=True, help="Show each finding's fix and whether it is safe, unsafe or only "
                                                  "shown.")
@click.option("--diff", "show_diff", is_flag=True, help="Print the fixes as a unified diff instead of writing them; "
                                                        "exit 1 when there are any.")
@click.option("--statistics", is_flag=True, help="Print how many findings each rule has instead of the findings.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even with findings (2 still means an error).")
@click.option("--exclude", multiple=True, help="Globs of files and folders to leave out, relative to the current "
                                               "folder; replaces the configuration's `exclude` (comma-separated, "
                                               "repeatable).")
@click.option("--extend-exclude", multiple=True, help="Globs to leave out as well as the configuration's `exclude`.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0,
              help="Files checked at once, in worker processes (0, the default: one per available core); the "
                   "report is the same as with --jobs 1.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Check the files on a Dask cluster (tcp://HOST:8786; needs mtcheck[cluster]); its workers must "
                   "see the files at the same paths. The report is the same as a local run's.")
@click.option("--stdin-filename", help="The name of the text read from `-` (standard input): its format comes "
                                       "from its ending, and reports name it. Default: `-`, plain text.")
@output_option
@verbose_option
@configurable("glossaries", "demo-glossary", "lang", "source-lang", "foreign-langs", "all-senses", "no-variants",
              "fail-on", "consistency", "format", "warn-unused-ignores")
def check(paths, glossaries, demo_glossary, lang, source_lang, foreign_langs, all_senses, no_variants, output_format,
          select, ignore,
          fail_on, consistency, no_table, quiet, warn_unused_ignores, baseline_path, write_baseline, fix, unsafe_fixes,
          show_fixes, show_diff,
          statistics, exit_zero, exclude, extend_exclude, jobs, scheduler, stdin_filename, output, verbose, config):
    """Check files or folders (recursively) against the glossary."""
    from mtcheck.engine import Checker
    from mtcheck.gate import make_gate
    from mtcheck.lifetime import batch_collection

    try:
        rules = config.rules(split_values(select), split_values(ignore))
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    if STDIN in paths and (fix or show_diff or baseline_path or write_baseline):
        raise click.UsageError("--fix, --diff and baselines are about files: not standard input (-)")
    if statistics and output_format != "text":
        raise click.UsageError("--statistics is a text report: not with --format " + output_format)
    if scheduler and (STDIN in paths or fix or show_diff):
        raise click.UsageError("--scheduler checks files one by one: not standard input (-), --fix or --diff")
    check_outputs(paths, output, write_baseline)
    run = Run(glossaries, lang, verbose, source_lang, demo=demo_glossary, gate=True)
    run.selection = selection(config, exclude, extend_exclude)
    run.stdin_filename = stdin_filename
    run.quiet = quiet
    if jobs == 0:
        from mtcheck.parallel import available_cores

        jobs = available_cores()
    if fix or show_diff:
        changed = _fix(run, paths, not show_diff, language_list(foreign_langs), source_lang, all_senses, no_variants,
                       unsafe_fixes)
        if show_diff:
            return EXIT_ERROR if run.errors else (EXIT_FINDINGS if changed else EXIT_CLEAN)
    checker = Checker(run.glossary, rules, config.severities, scope=consistency,
                      foreign_langs=language_list(foreign_langs), source_lang=source_lang, source_support=not all_senses,
                      variants=not no_variants)
    gate = make_gate(checker.tally, [r.id for r in rules], config.severities, warn_unused_ignores, baseline_path,
                     write_baseline)
    threshold = Severity.parse(fail_on)
    worst = None
    files = run.files(paths)
    if scheduler and consistency == "run" and not _splits(rules, files):
        raise click.UsageError("--scheduler with --consistency run: GL006, and GL005 on bilingual files, judge "
                               "files by the files before them, in one process")
    with output_stream(output, paths) as stream, batch_collection():
        reporter = (Statistics(console(stream)) if statistics else
                    _findings_reporter(output_format, stream, not (no_table or quiet), quiet, threshold, show_fixes))
        reporter.start()

        def report(path: str, doc_lang: str, findings) -> None:
            nonlocal worst
            if isinstance(findings, Rendered):  # written in a worker, none held back (see check_files)
                if findings.count:
                    reporter.rendered(run.shown.get(path, path), doc_lang, findings)
                    worst = max(worst or findings.worst, findings.worst)
                return
            findings = run.displayed(gate.filter(findings))
            if findings:
                reporter.document(run.shown.get(path, path), doc_lang, findings)
                for finding in findings:
                    worst = max(worst or finding.severity, finding.severity)

        results = None  # files checked elsewhere: on a cluster, in worker processes
        if scheduler:
            results = _on_cluster(scheduler, checker, glossaries, demo_glossary, lang, source_lang, rules, config,
                                  consistency, foreign_langs, all_senses, no_variants, files, output_format == "html",
                                  output_format == "json" and baseline_path is None and write_baseline is None,
                                  run.verbose)
        elif _in_parallel(files, jobs, consistency, rules):
            from mtcheck.parallel import check_files

            # Only the HTML report shows a finding's sentence: others need not send it back;
            # the JSON report's records the workers write themselves.
            results = check_files(run, checker, files, jobs, sentences=output_format == "html",
                                  render=getattr(reporter, "records", None), gate=gate)
        if results is not None:
            _report_results(run, checker, gate, reporter, report, files, results)
        for path, doc_lang, segments in run.documents(paths, files) if results is None else ():
            try:
                gate.document(path)
                for findings in checker.check_batches(path, segments, doc_lang):
                    report(path, doc_lang, findings)
                reporter.document(run.shown.get(path, path), doc_lang, [])  # the file is done: JUnit lists clean files too
            except MtcheckError as exc:
                run.fail(exc)
                continue
        findings = run.displayed(gate.filter(checker.finish()) + gate.finish())
        if findings:
            reporter.document(None, None, findings)
            worst = max([worst or findings[0].severity, *(f.severity for f in findings)])
        reporter.end(checker.tally, run.glossary, run.errors)
    gate.close(write=not run.errors)
    if run.errors:
        return EXIT_ERROR
    if write_baseline:
        written = len(gate.writer.entries)
        run.tell(f"baseline: {written} finding{'s' if written != 1 else ''} written to {write_baseline}")
        return EXIT_CLEAN
    if gate.baseline is not None:
        held, gone = gate.baseline.count, gate.baseline.gone
        run.tell(f"baseline: {held} finding{'s' if held != 1 else ''} held back by {baseline_path}; "
                 f"{gone} of its entries match nothing now")
    return EXIT_FINDINGS if worst is not None and worst >= threshold and not exit_zero else EXIT_CLEAN


def _in_parallel(files: list[str], jobs: int, consistency: str, rules) -> bool:
    """Whether the files are checked in worker processes (see parallel.in_parallel); with
    consistency across the run, only where the rules' states merge (see parallel.splits)."""
    from mtcheck.parallel import in_parallel

    from mtcheck.partition import rules_split

    return (in_parallel(files, jobs, STDIN, split=rules_split(rules, consistency))
            and (consistency != "run" or _splits(rules, files)))


def _splits(rules, files: list[str]) -> bool:
    """Whether consistency across the run can be judged from files checked elsewhere (see
    parallel.splits); imported only then, so that a one-file check starts without it."""
    from mtcheck.parallel import splits

    return splits(rules, files)


def _on_cluster(scheduler: str, checker, glossaries, demo: bool, lang, source_lang, rules, config, consistency: str,
                foreign_langs, all_senses: bool, no_variants: bool, files: list[str], sentences: bool, render: bool,
                verbose: bool):
    """The files' results from a Dask cluster, in their order (see mtcheck.cluster)."""
    import os

    from mtcheck.cluster import Setup, check_on, connect

    setup = Setup(tuple(os.path.abspath(g) for g in glossaries), demo, lang, source_lang, tuple(rules),
                  tuple(sorted(config.severities.items())), consistency,
                  None if language_list(foreign_langs) is None else tuple(language_list(foreign_langs)),
                  not all_senses, not no_variants, sentences, render, verbose)
    client = connect(scheduler)
    try:
        yield from check_on(client, setup, files, checker)
    finally:
        client.close()


def _report_results(run: Run, checker, gate, reporter, report, files: list[str], results) -> None:
    """Report files checked elsewhere (worker processes, a cluster) in their order, as one
    process would (see mtcheck.parallel)."""
    said: set[str] = set()
    with run.progress(len(files)) as advance:
        for result in results:
            run.retell(result.said, said)
            if result.lang is not None:  # read, perhaps stopped by an error on the way
                checker.tally.merge(result.tally)
                if result.run_state:
                    checker.merge_run_state(result.path, result.run_state)
                gate.document(result.path)
                for findings in result.batches:
                    report(result.path, result.lang, findings)
                if result.error is None:
                    reporter.document(result.path, result.lang, [])
            if result.error is not None:
                run.fail(result.error)
            advance()


def _fix(run: Run, paths: tuple[str, ...], write: bool, foreign_langs: list[str] | None,
         source_lang: str | None, all_senses: bool = False, no_variants: bool = False, unsafe: bool = False) -> int:
    """Fix (or, without `write`, print the diff of fixing) every file; the number changed."""
    from mtcheck.fix import Fixer, unified_diff
    from mtcheck.formats.edit import fix_file

    fixer = Fixer(run.glossary, foreign_langs, source_lang, not all_senses, not no_variants, unsafe)  # compiled once
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


def _findings_reporter(output_format: str, stream: IO[str] | None, table: bool, quiet: bool = False,
                       fail_at: Severity | None = None, show_fixes: bool = False):
    """The reporter of a format; `fail_at`: the severity from which a finding fails the run,
    for the formats that say pass or fail per finding (JUnit)."""
    if output_format == "json":
        from mtcheck.report.jsonreport import JsonFindings

        return JsonFindings(stream or sys.stdout)
    if output_format == "html":
        from mtcheck.report.html import HtmlFindings, command_line

        given = (click.get_current_context().find_root().obj or {}).get("args")
        return HtmlFindings(stream or sys.stdout, command=None if given is None else command_line(["mtcheck", *given]))
    if output_format in ("sarif", "junit", "github"):
        from mtcheck.report import github, junit, sarif

        if output_format == "junit":
            return junit.JUnitFindings(stream or sys.stdout, fail_at=fail_at)
        reporters = {"sarif": sarif.SarifFindings, "github": github.GithubFindings}
        return reporters[output_format](stream or sys.stdout)
    from mtcheck.report.text import TextFindings

    return TextFindings(console(stream), table, summary=not quiet, show_fixes=show_fixes)
