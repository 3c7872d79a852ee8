"""Plain text and Markdown: one segment per non-empty line, read as a stream."""
from __future__ import annotations

import functools
import re
from typing import Iterator

from mtcheck.model import Segment
from mtcheck.textio import iter_lines

SUFFIXES = (".txt", ".text", ".md", ".markdown")


MARKDOWN_SUFFIXES = (".md", ".markdown")
_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# Segment(line, path, number, lang=lang) without its Python-level __new__: one per line read.
_new_segment = functools.partial(tuple.__new__, Segment)


def read_segments(path: str, lang: str | None = None) -> Iterator[Segment]:
    """Non-empty lines; in Markdown, fenced code blocks are left out (code spans, tags and
    link targets are masked by the matcher in any text)."""
    path = str(path)
    markdown = path.lower().endswith(MARKDOWN_SUFFIXES)
    fence = None
    for number, line in enumerate(iter_lines(path), 1):
        if markdown:
            opening = _FENCE_RE.match(line)
            if fence is None and opening:
                fence = opening.group(1)
                continue
            if fence is not None:
                if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                    fence = None
                continue
        if line and not line.isspace():
            yield _new_segment((line, path, number, 1, None, lang, None, None, None, None))


def sample(path: str, characters: int = 2000) -> str:
    """The start of a file, enough for language identification: 2,000 characters (some 300
    words) tell even Norwegian from Danish, and identification costs per character, per file."""
    out, size = [], 0
    for line in iter_lines(path, chunk_size=4 * characters):  # not a whole megabyte per file
        out.append(line)
        size += len(line)
        if size >= characters:
            break
    return "\n".join(out)
