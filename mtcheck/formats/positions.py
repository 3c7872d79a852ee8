"""Position maps built by the readers, which know how a text is spelled in its file."""
from __future__ import annotations

import re

from mtcheck.model import PositionMap

# A line end as the readers of CSV and XML count lines (expat counts a lone CR as one too).
LINE_END_RE = re.compile(r"\r\n|\r|\n")


class Runs:
    """The runs of a PositionMap, collected in text order: verbatim stretches and wide
    characters (an escape, an entity, a tag standing for one placeholder)."""

    def __init__(self):
        self.runs: list[tuple[int, int, int, int, int]] = []
        self.index = 0  # the next text index

    def verbatim(self, line: int, column: int, length: int) -> None:
        """`length` characters written as themselves on one line from `column`."""
        if not length:
            return
        runs = self.runs
        if runs:
            last_index, last_line, last_column, end_line, end_column = runs[-1]
            # Joined to the previous run where it goes on from it, one to one, on its line.
            if end_line == last_line == line and end_column == column and \
                    end_column - last_column == self.index - last_index:
                runs[-1] = (last_index, line, last_column, line, column + length)
                self.index += length
                return
        runs.append((self.index, line, column, line, column + length))
        self.index += length

    def wide(self, line: int, column: int, end_line: int, end_column: int) -> None:
        """One character written from (line, column) to (end_line, end_column)."""
        self.runs.append((self.index, line, column, end_line, end_column))
        self.index += 1

    def spelled(self, raw: str, line: int, column: int, normalized: bool = False) -> tuple[int, int]:
        """Text written verbatim but across lines; with `normalized` (XML), each line end is
        one line feed of the text. The position after it."""
        done = 0
        for end in LINE_END_RE.finditer(raw):
            self.verbatim(line, column, end.start() - done)
            column += end.start() - done
            if normalized and end.group() != "\n":
                self.wide(line, column, line + 1, 1)
            else:
                self.verbatim(line, column, len(end.group()))
            line, column, done = line + 1, 1, end.end()
        self.verbatim(line, column, len(raw) - done)
        return line, column + len(raw) - done

    def build(self, line: int, column: int) -> PositionMap:
        """The map; an empty text is placed at (line, column)."""
        return PositionMap.build(self.index, self.runs or [(0, line, column, line, column)])

    def is_plain(self, text: str, line: int, column: int) -> bool:
        """Whether the runs say no more than `text` written verbatim from (line, column), its
        line feeds ending lines: then a segment needs no map."""
        expected_line, expected_column = line, column
        for index, run_line, run_column, end_line, end_column in self.runs:
            if (run_line, run_column) != (expected_line, expected_column) or end_line != run_line \
                    or (index and text[index - 1] != "\n"):
                return False
            expected_line, expected_column = run_line + 1, 1
        return True


def advance(line: int, column: int, raw: str) -> tuple[int, int]:
    """The position after `raw` written from (line, column)."""
    last = None
    breaks = 0
    for last in LINE_END_RE.finditer(raw):
        breaks += 1
    if last is None:
        return line, column + len(raw)
    return line + breaks, len(raw) - last.end() + 1
