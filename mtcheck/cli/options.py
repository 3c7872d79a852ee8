"""The options several commands share, and the configuration file behind them."""
from __future__ import annotations

import click

glossary_option = click.option(
    "--glossary", "-g", "glossaries", multiple=True, type=click.Path(dir_okay=False),
    help="Glossary file (TBX, CSV or TSV); repeatable. Default: the shipped glossary.")
lang_option = click.option("--lang", "-l", help="Language of the texts, the targets of bilingual files (BCP-47). "
                                                  "Default: what the file says, else identified per file.")
source_lang_option = click.option("--source-lang", help="Source language of bilingual files (BCP-47). "
                                                         "Default: what the file says, else identified.")
foreign_langs_option = click.option(
    "--foreign-langs", help="Languages whose terms count as foreign renderings in a text, comma-separated, or "
                            "'all'. Default: the run's source languages (--source-lang, a bilingual file's, the "
                            "glossary's) and English.")
demo_glossary_option = click.option(
    "--demo-glossary", is_flag=True,
    help="Check against the shipped demo glossary (Vietnamese political terms) without naming one; without "
         "it, a run with no glossary named warns, and fails in a pre-commit hook or CI job.")
all_senses_option = click.option(
    "--all-senses", is_flag=True,
    help="In bilingual files, count a target's glossary terms also where the source has no term of their "
         "concept. By default such a word is taken in another sense (German 'haben' where the source says "
         "'have' is not Haben, the credit column).")
no_variants_option = click.option(
    "--no-variants", is_flag=True,
    help="Match terms as the glossary writes them and their inflections only: not as writers vary them "
         "(Cloudspeicher for Cloud-Speicher, Mobilisierung der Massen for Massenmobilisierung, kitlesel "
         "seferberlik for kitle seferberliği, an abbreviation the text defines).")
verbose_option = click.option("--verbose", "-v", is_flag=True, help="Say what is loaded and how each language is matched.")


def mt_options(function):
    from mtcheck.mt.commands import model_options

    return model_options(function)


output_option = click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True),
                              help="Write the report to this file (atomically) instead of stdout.")


def configurable(*keys: str):
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


def language_list(given: str | tuple[str, ...] | None) -> list[str] | None:
    """--foreign-langs "en,vi" or the configuration's list, checked as codes; None: not given."""
    if given is None:
        return None
    codes = [code.strip() for code in (given.split(",") if isinstance(given, str) else given) if code.strip()]
    from mtcheck.config import _LANG_RE

    for code in codes:
        if code.lower() != "all" and not _LANG_RE.match(code):
            raise click.BadParameter(f"{code!r} is not a language code", param_hint="--foreign-langs")
    return codes


def selection(config, exclude: tuple[str, ...], extend_exclude: tuple[str, ...]):
    """The files a run leaves out: the configuration's, with --exclude (instead of its own)
    and --extend-exclude (besides), checked as globs."""
    import re

    from mtcheck.config import _glob_regex

    for option, globs in (("--exclude", exclude), ("--extend-exclude", extend_exclude)):
        for glob in split_globs(globs):
            try:
                _glob_regex(glob)
            except re.error as exc:
                raise click.BadParameter(f"{glob!r} is not a glob: {exc.msg}", param_hint=option) from None
    return config.selection(split_globs(exclude) if exclude else None, split_globs(extend_exclude))


def split_globs(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _stacked(*decorators):
    """The decorators as one, applied in the order listed (the order --help shows them)."""
    def apply(function):
        for decorator in reversed(decorators):
            function = decorator(function)
        return function
    return apply


# What every command over files and folders takes: the paths, the glossary, the languages.
files_options = _stacked(click.argument("paths", nargs=-1, required=True), glossary_option, demo_glossary_option,
                         lang_option, source_lang_option)
# How terms of other languages and other senses count (check, scan).
sense_options = _stacked(foreign_langs_option, all_senses_option, no_variants_option)
