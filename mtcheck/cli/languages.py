"""`mtcheck languages`: how each language is matched, and what it falls back to."""
from __future__ import annotations

import json

import click

from mtcheck.cli.exits import EXIT_CLEAN


@click.command()
@click.argument("codes", nargs=-1)
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def languages(codes, output_format):
    """List how the words of each language are matched (stemmer, lemmatizer, dictionary guards,
    compounds) and fixed, or of the languages CODES; a language not listed is matched exactly."""
    from mtcheck.language import analyzer_for, canonical_lang, known_languages

    chosen = [canonical_lang(code) for code in codes] or known_languages()
    rows = [(lang, analyzer_for(lang).capabilities(), analyzer_for(lang).fixes()) for lang in chosen]
    if output_format == "json":
        click.echo(json.dumps({"version": 1, "languages": [{"lang": lang, "matching": parts, "fixes": fixes}
                                                           for lang, parts, fixes in rows]},
                              ensure_ascii=False, indent=1))
        return EXIT_CLEAN
    width = max((len(lang) for lang, _, _ in rows), default=2)
    for lang, parts, fixes in rows:
        click.echo(f"{lang:<{width}}  {', '.join(parts)}")
        click.echo(f"{'':<{width}}  {fixes}")
    return EXIT_CLEAN
