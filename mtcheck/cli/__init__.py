"""The `mtcheck` command: parse options, call the library, map errors to exit codes. One module
per command; the options they share in `options`, the run's files and languages in `run`."""
from __future__ import annotations

import sys

import click

from mtcheck import __version__
from mtcheck.cli.check import check
from mtcheck.cli.discover import discover
from mtcheck.cli.exits import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, EXIT_INTERNAL
from mtcheck.cli.glossary import glossary
from mtcheck.cli.languages import languages
from mtcheck.cli.mt import retranslate, score, translate
from mtcheck.cli.rules import rules
from mtcheck.cli.scan import scan
from mtcheck.errors import MtcheckError

__all__ = ["EXIT_CLEAN", "EXIT_ERROR", "EXIT_FINDINGS", "EXIT_INTERNAL", "cli", "main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mtcheck")
def cli() -> None:
    """Check translations against a multilingual glossary."""


for _command in (check, scan, discover, translate, retranslate, score, rules, glossary, languages):
    cli.add_command(_command)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit code: 0 clean, 1 findings, 2 usage or input error, 3 an
    error of mtcheck itself. Every failure is one line on stderr."""
    args = sys.argv[1:] if argv is None else list(argv)
    try:
        # The arguments as given, for reports that name their run (the HTML page's command line).
        result = cli.main(args=args, prog_name="mtcheck", standalone_mode=False, obj={"args": args})
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
