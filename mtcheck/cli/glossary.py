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
