"""Translation files at the edge: each format yields core Segments and, where a fix or a
re-translation must write back, edits targets and saves the file."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator, Protocol

from mtcheck.model import Segment


class TranslationFile(Protocol):
    path: str
    source_lang: str | None
    target_lang: str | None

    def segments(self) -> Iterator[Segment]: ...


class EditableFile(TranslationFile, Protocol):
    def target_text(self, segment_id: str) -> str: ...

    def set_target(self, segment_id: str, text: str) -> None: ...

    def serialize(self) -> bytes: ...

    def save(self, path: str | Path | None = None) -> None: ...


def bilingual_kind(path: str | Path) -> str | None:
    """The bilingual format a file's name says ('xliff', 'tmx', 'po', 'csv'), else None."""
    from mtcheck.formats import csvdoc, po, tmx, xliff

    suffix = Path(path).suffix.lower()
    for name, module in (("xliff", xliff), ("tmx", tmx), ("po", po), ("csv", csvdoc)):
        if suffix in module.SUFFIXES:
            return name
    return None


def open_bilingual(path: str | Path, source_lang: str | None = None,
                   target_lang: str | None = None, part=None) -> TranslationFile:
    """Open a bilingual file by its extension; languages given here override the file's.
    `part`: only this part of a file cut by mtcheck.formats.parts."""
    kind = bilingual_kind(path)
    if kind == "xliff":
        from mtcheck.formats.xliff import XliffFile as cls
    elif kind == "tmx":
        from mtcheck.formats.tmx import TmxFile as cls
    elif kind == "po":
        from mtcheck.formats.po import PoFile as cls
    elif kind == "csv":
        from mtcheck.formats.csvdoc import CsvFile as cls
    else:
        raise ValueError(f"not a bilingual file: {path}")
    if part is not None:
        return cls(path, source_lang=source_lang, target_lang=target_lang, part=part)
    return cls(path, source_lang=source_lang, target_lang=target_lang)
