"""A baseline: today's findings recorded by fingerprint, so that a run fails only on new ones.

A fingerprint survives lines moving: it hashes the rule, the file's path (from the baseline's
folder), the concept, the text found, the normalised text around it on its line (40
characters either side, whitespace collapsed) and an occurrence counter that tells identical
findings apart. Editing the words next to a finding makes it new; editing elsewhere in the
file, or inserting and deleting lines, does not.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from mtcheck import __version__
from mtcheck.errors import InputError
from mtcheck.model import Finding
from mtcheck.report.paths import readable

FORMAT_VERSION = 1
CONTEXT = 40  # characters either side of the found text that belong to its fingerprint


def context_window(finding: Finding, context_line: str) -> str:
    """The finding's text with up to CONTEXT characters either side, whitespace collapsed.

    `context_line` holds the file's lines from the finding's first to its last line, joined
    with newlines; columns are counted in characters, as in Location.
    """
    loc = finding.location
    start = loc.column - 1
    if loc.end_line == loc.line:
        end = loc.end_column - 1
    else:
        lines = context_line.split("\n")
        end = sum(len(line) + 1 for line in lines[:loc.end_line - loc.line]) + loc.end_column - 1
    start, end = max(0, min(start, len(context_line))), max(0, min(end, len(context_line)))
    return " ".join(context_line[max(0, start - CONTEXT):end + CONTEXT].split())


def fingerprint(finding: Finding, context_line: str, occurrence: int = 0, path: str | None = None) -> str:
    """A finding's identity across runs (32 hex digits), whatever line it moved to.

    `context_line` is the text of the finding's line(s) in the file; `occurrence` counts the
    earlier findings of the same rule, path, concept, text and context (0 for the first);
    `path` is the file as the baseline names it (default: the finding's path, with `/`).
    """
    path = path if path is not None else Path(finding.location.path).as_posix()
    return _digest(finding, path, context_window(finding, context_line), occurrence)


def _digest(finding: Finding, path: str, window: str, occurrence: int) -> str:
    """The hash behind `fingerprint`, for a caller that already has the window (Fingerprints
    needs it for its occurrence key too)."""
    parts = (finding.rule, path, finding.concept or "", finding.text, window, str(occurrence))
    # surrogatepass: a file name that does not decode holds lone surrogates, and has its print too
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


class Fingerprints:
    """Fingerprints of a run's findings: reads each finding's line from its file (forward,
    one file open at a time) and counts occurrences."""

    def __init__(self, root: str | Path):
        """`root`: the folder paths are taken from (the baseline file's)."""
        self.root = os.path.abspath(root)
        self._seen: Counter = Counter()
        self._lines: _LineReader | None = None

    def relative(self, path: str) -> str:
        full = os.path.abspath(path)
        try:
            return Path(os.path.relpath(full, self.root)).as_posix()
        except ValueError:  # another drive
            return Path(full).as_posix()

    def __call__(self, finding: Finding) -> str:
        loc = finding.location
        if self._lines is None or self._lines.path != loc.path:
            if self._lines is not None:
                self._lines.close()
            self._lines = _LineReader(loc.path)
        context = "\n".join(self._lines.line(n) for n in range(loc.line, max(loc.line, loc.end_line) + 1))
        path = self.relative(loc.path)
        window = context_window(finding, context)
        key = (finding.rule, path, finding.concept, finding.text, window)
        occurrence = self._seen[key]
        self._seen[key] += 1
        return _digest(finding, path, window, occurrence)

    def close(self) -> None:
        if self._lines is not None:
            self._lines.close()
            self._lines = None


class _LineReader:
    """Lines of a file by number, read forward; a line before the last one read starts over.

    Findings come sorted by place within each batch, so a file is read about once. Bytes
    that do not decode become U+FFFD: a fingerprint only needs to be the same every time.
    Past the last line, a line is "".
    """

    def __init__(self, path: str):
        self.path = path
        self._lines: Iterator[str] | None = None
        self._number = 0
        self._current = ""

    def line(self, number: int) -> str:
        if self._lines is None or number < self._number:
            from mtcheck.textio import iter_lines

            self.close()
            self._lines, self._number, self._current = iter_lines(self.path, errors="replace"), 0, ""
        while self._number < number:
            try:
                self._current = next(self._lines, "")
            except OSError as exc:  # iter_lines makes only a failed open an InputError
                raise InputError(self.path, f"cannot read: {exc.strerror or exc}") from None
            self._number += 1
        return self._current

    def close(self) -> None:
        if self._lines is not None:
            self._lines.close()
            self._lines = None


class Baseline:
    """The fingerprints of a baseline file; `known` tells whether a finding is one of them."""

    def __init__(self, path: str, fingerprints: Iterable[str]):
        self.path = path
        self.fingerprints = frozenset(fingerprints)
        self.matched: set[str] = set()
        self.count = 0  # findings the baseline held back
        self._prints = Fingerprints(Path(os.path.abspath(path)).parent)

    @classmethod
    def load(cls, path: str) -> Baseline:
        """Read a baseline file; a missing or malformed one is an InputError with its line."""
        from mtcheck.textio import read_text

        if not os.path.lexists(path):
            raise InputError(path, "no such baseline file (write one with --write-baseline)")
        text = read_text(path)
        data = _json(path, text)
        if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
            raise InputError(path, 'not a baseline: expected an object with a "findings" list', 1)
        if type(data.get("version")) is not int or data["version"] != FORMAT_VERSION:  # not true, not 1.0
            raise InputError(path, f"baseline version {data.get('version')!r} is not supported "
                                   f"(this mtcheck reads version {FORMAT_VERSION})", _line_of(text, '"version"'))
        prints = []
        for index, entry in enumerate(data["findings"]):
            value = entry.get("fingerprint") if isinstance(entry, dict) else None
            if not isinstance(value, str) or not value:
                raise InputError(path, f"baseline entry {index + 1} has no fingerprint",
                                 _line_of(text, '"findings"', index))
            prints.append(value)
        return cls(path, prints)

    def known(self, finding: Finding) -> bool:
        value = self._prints(finding)
        if value in self.fingerprints:
            self.matched.add(value)
            self.count += 1
            return True
        return False

    @property
    def gone(self) -> int:
        """Entries of the baseline that no finding of this run matched (fixed since)."""
        return len(self.fingerprints - self.matched)

    def close(self) -> None:
        self._prints.close()


def _json(path: str, text: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(path, f"not a baseline: invalid JSON: {exc.msg}", exc.lineno) from None
    except RecursionError:  # json reads nested arrays and objects by recursion
        raise InputError(path, "not a baseline: arrays or objects nested too deeply") from None
    except ValueError:  # a number of more digits than Python converts
        raise InputError(path, "not a baseline: a number too long to read") from None


def _line_of(text: str, key: str, entry: int | None = None) -> int:
    """The line of a key in JSON text; with `entry`, of that entry of the list after it when
    entries are one a line (as written), else the key's line."""
    at = text.find(key)
    if at < 0:
        return 1
    line = text.count("\n", 0, at) + 1
    if entry is None:
        return line
    rows = text.split("\n")
    if len(rows) > line + entry and rows[line + entry].lstrip().startswith("{"):
        return line + entry + 1
    return line


class BaselineWriter:
    """Collects the findings of a run and writes them as a baseline file (atomically)."""

    def __init__(self, path: str):
        self.path = path
        self._prints = Fingerprints(Path(os.path.abspath(path)).parent)
        self.entries: list[dict] = []

    def add(self, finding: Finding) -> None:
        loc = finding.location
        self.entries.append({"fingerprint": self._prints(finding), "rule": finding.rule,
                             "path": self._prints.relative(loc.path), "line": loc.line, "column": loc.column,
                             "concept": finding.concept, "text": finding.text})

    def write(self) -> None:
        """One entry a line, sorted by place, so that a baseline reviews well in a diff."""
        from mtcheck.textio import atomic_output

        self._prints.close()
        self.entries.sort(key=lambda e: (e["path"], e["line"], e["column"], e["rule"], e["fingerprint"]))
        head = {"version": FORMAT_VERSION, "tool": {"name": "mtcheck", "version": __version__}}
        try:
            with atomic_output(self.path) as stream:
                stream.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "findings": [')
                for number, entry in enumerate(self.entries):
                    # A path that does not decode is shown with U+FFFD; its fingerprint knows it as it is.
                    stream.write(("\n  " if number == 0 else ",\n  ") + readable(json.dumps(entry, ensure_ascii=False)))
                stream.write(("\n" if self.entries else "") + "]}\n")
        except OSError as exc:
            raise InputError(self.path, f"cannot write the baseline: {exc.strerror or exc}") from None
