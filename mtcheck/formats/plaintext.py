"""Plain text and Markdown: one segment per non-empty line, read as a stream."""
from __future__ import annotations

from typing import Iterator

from mtcheck.model import Segment
from mtcheck.textio import iter_lines

SUFFIXES = (".txt", ".text", ".md", ".markdown")


def read_segments(path: str, lang: str | None = None) -> Iterator[Segment]:
    for number, line in enumerate(iter_lines(path), 1):
        if line.strip():
            yield Segment(line, str(path), number, lang=lang)


def sample(path: str, lines: int = 200) -> str:
    """The start of a file, for language identification."""
    out = []
    for n, line in enumerate(iter_lines(path)):
        if n >= lines:
            break
        out.append(line)
    return "\n".join(out)
