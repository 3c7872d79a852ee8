"""`mtcheck glossary`: validate and convert glossary files."""
from __future__ import annotations


import click

from mtcheck.cli.exits import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS
from mtcheck.errors import MtcheckError


@click.group()
def glossary() -> None:
    """Work with glossary files."""


@glossary.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
def validate(files):
    """Lint glossary files: each problem as `path:line: message`, then a summary line.

    A record that cannot be read (a bad row, a term without a language) is an error on stderr,
    and the file is read on past it, so that every such error is reported at once.
    """
    from mtcheck.glossary.validate import summary

    problems, errors = [], 0
    for path in files:
        found, failed = _validate_file(path)
        for error in failed:
            click.echo(f"error: {_one_line(str(error))}", err=True)
        for problem in found:
            click.echo(str(problem))
        problems.extend(found)
        errors += len(failed)
    click.echo(summary(problems, len(files), errors))
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if problems else EXIT_CLEAN


def _validate_file(path: str) -> tuple[list, list[MtcheckError]]:
    """The problems of the part of `path` that could be read, and the errors of the rest."""
    from mtcheck.glossary import load_glossary
    from mtcheck.glossary.readlog import ReadLog
    from mtcheck.glossary.validate import validate as validate_glossary

    log = ReadLog(keep_going=True)
    try:
        loaded = load_glossary(path, log=log)
    except MtcheckError as exc:  # the file as a whole: not found, not XML, no header
        return [], [*log.errors, exc]
    return validate_glossary(loaded), list(log.errors)


def _one_line(text: str) -> str:
    return " ".join(text.splitlines())


@glossary.command()
@click.argument("source", metavar="IN", type=click.Path(dir_okay=False))
@click.argument("target", metavar="OUT", type=click.Path(dir_okay=False))
@click.option("--to", "output_format", type=click.Choice(["tbx2", "tbx3", "csv", "tsv", "pairs-csv", "pairs-tsv"]),
              help="Format of OUT. Default: from its extension (.tbx: tbx3, .csv: csv, .tsv: tsv).")
@click.option("--source-lang", help="Source language (BCP-47): of a headerless two-column IN, and the first "
                                    "column of pairs output (required there if IN has more than two languages).")
@click.option("--target-lang", help="Target language (BCP-47): of a headerless two-column IN, and the second "
                                    "column of pairs output (required there if IN has more than two languages).")
def convert(source, target, output_format, source_lang, target_lang):
    """Convert a glossary between TBX v2/v3, CSV/TSV and two-column pairs.

    TBX and CSV/TSV (one term per row) keep everything mtcheck reads: concepts, terms with
    status, type, match options and notes, and the notes and definitions of concepts and
    languages. pairs-csv and pairs-tsv are lossy: headerless `source,target` rows as MT
    vendors (DeepL, Google) take them, each accepted source term with the concept's preferred
    target term, from a glossary of any number of languages. What OUT cannot hold (other
    languages, notes, TBX data categories mtcheck does not read) is counted in one warning
    line on stderr. OUT is replaced only when the whole file is written.
    """
    from mtcheck.glossary import format_for, load_glossary, write_glossary
    from mtcheck.glossary.readlog import ReadLog

    output_format = output_format or format_for(target)
    log = ReadLog(count_unread=True)
    loaded = load_glossary(source, source_lang, target_lang, log)
    left_out = write_glossary(loaded, target, output_format, source_lang, target_lang) + log.unread_words()
    if left_out:
        click.echo(f"warning: {target}: {output_format} leaves out {', '.join(left_out)}", err=True)
    return EXIT_CLEAN
