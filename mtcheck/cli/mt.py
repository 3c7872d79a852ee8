"""The machine-translation commands: `translate`, `retranslate` and `score`."""
from __future__ import annotations


import click

from mtcheck.cli.exits import EXIT_CLEAN
from mtcheck.cli.options import (
    glossary_option, lang_option, mt_options, output_option, source_lang_option, verbose_option,
)
from mtcheck.cli.run import Run


@click.command()
@click.argument("input_path", metavar="[INPUT]", default="-")
@click.option("--from", "source_lang", required=True, help="Language of the input (BCP-47).")
@click.option("--to", "target_lang", required=True, help="Language to translate into (BCP-47).")
@glossary_option
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@output_option
@verbose_option
@mt_options
def translate(input_path, source_lang, target_lang, glossaries, output_format, output, verbose, **options):
    """Translate text (a line per segment; `-` or nothing: stdin) with the glossary enforced."""
    from mtcheck.mt.commands import run_translate

    run = Run(glossaries, target_lang, verbose, source_lang)
    return run_translate(run, input_path, source_lang, target_lang, output, output_format, options)


@click.command()
@click.argument("path", type=click.Path(dir_okay=False))
@glossary_option
@lang_option
@source_lang_option
@click.option("--source", type=click.Path(dir_okay=False), help="Line-aligned source of a plain-text file.")
@click.option("--all", "everything", is_flag=True, help="Re-translate every segment, not only those with findings.")
@click.option("--in-place", is_flag=True, help="Replace PATH (atomically) instead of writing PATH.retranslated.EXT.")
@click.option("--reference", type=click.Path(dir_okay=False), help="Reference translations, one line per segment, to score against.")
@click.option("--no-diff", is_flag=True, help="Leave out the side-by-side table.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@output_option
@verbose_option
@mt_options
def retranslate(path, glossaries, lang, source_lang, source, everything, in_place, reference, no_diff,
                output_format, output, verbose, **options):
    """Re-translate the segments of a file that have findings, and write the file back.

    XLIFF gets the new target marked for review with the old one kept as an alternative, PO
    a fuzzy flag, plain text (with --source) a new file. Exit 1 when a new segment still lacks
    a preferred term or holds a deprecated one.
    """
    from mtcheck.mt.commands import run_retranslate

    run = Run(glossaries, lang, verbose, source_lang)
    return run_retranslate(run, path, source, everything, output, in_place, reference, output_format,
                           not no_diff, options)


@click.command()
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
    from mtcheck.language import canonical_lang
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
