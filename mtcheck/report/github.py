"""GitHub Actions workflow commands: an `::error`, `::warning` or `::notice` line per finding,
which the runner turns into an annotation on the file and line."""
from __future__ import annotations

from pathlib import Path
from typing import IO

from mtcheck.engine import Tally
from mtcheck.model import Finding, Glossary, Severity
from mtcheck.report.paths import portable_path_from, readable

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """A command's message, escaped as the Actions toolkit does (`escapeData`)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (`file=`, `title=`), escaped as the toolkit does (`escapeProperty`):
    also `:` and `,`, which would end the value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding, base: Path | None = None) -> str:
    """One finding as a workflow command line (without the line end)."""
    loc = finding.location
    properties = [("file", portable_path_from(loc.path, base or Path.cwd())), ("line", loc.line)]
    # The runner keeps columns only for an annotation on one line. endColumn is mtcheck's
    # exclusive end, as ruff's GitHub output gives it.
    if loc.end_line == loc.line:
        properties += [("col", loc.column), ("endLine", loc.end_line), ("endColumn", loc.end_column)]
    else:
        properties.append(("endLine", loc.end_line))
    properties.append(("title", f"{finding.rule} {finding.name}"))
    listed = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties)
    return f"::{COMMANDS[finding.severity]} {listed}::{escape_data(finding.message)}"


class GithubFindings:
    """Annotations, written as the findings come; a file that could not be read is an error
    annotation without a place."""

    def __init__(self, out: IO[str], base: Path | None = None):
        self.out = out
        self.base = base or Path.cwd()

    def start(self) -> None:
        pass

    def document(self, path: str | None, lang: str | None, findings: list[Finding]) -> None:
        if findings:
            self.out.write(readable("".join(annotation(f, self.base) + "\n" for f in findings)))

    def end(self, tally: Tally, glossary: Glossary, errors: list[str]) -> None:
        for error in errors:
            self.out.write(readable(f"::error title=mtcheck::{escape_data(error)}\n"))
