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


def sample(path: str, characters: int = 8000) -> str:
    """The start of a file, enough for language identification."""
    out, size = [], 0
    for line in iter_lines(path):
        out.append(line)
        size += len(line)
        if size >= characters:
            break
    return "\n".join(out)
