"""A large translation memory or PO file cut into parts that parse on their own, so that
several workers can check one file (see mtcheck.partition).

A TMX part is a run of whole units that starts on a line whose first tag opens a <tu>. Read
alone, it is the file's head (the XML declaration, <tmx>, <header> and <body>: what stands
before the first unit), as many line ends as bring the part to its own first line, the part's
bytes, and the file's tail (</body></tmx>): libxml2 numbers every element's line as in the
whole file, and the units before the part are counted, so that a unit without a tuid is
numbered as in the whole file. A cut that is not where this finds it (a "<tu" in a comment)
shows when the part is read: its units are not the ones counted, or it is not well-formed; the
file is then checked whole.

An XLIFF part is a run of whole units (<trans-unit>, or <unit> in XLIFF 2), read as a TMX part
is: the file's head (declaration, <xliff>, <file>, <header>, <body>), line ends, its units, the
file's tail. Only a file of one <file> and no <group> is cut: a part must stand in the same
elements as the units before it, and those would have to be carried into it.

A PO part is a run of whole entries that starts on a line opening an entry (a comment or a
keyword) after an empty line. Read alone, it is the file's header entry (what gives its charset
and language, where the file begins with one), its lines numbered as the whole file's, and its
bytes. Its entries are counted beforehand too: a cut inside an entry (an empty line between a
msgid and its msgstr) does not parse, and the file is checked whole.
"""
from __future__ import annotations

import codecs
import mmap
import os
import re
from typing import NamedTuple

_UNIT = re.compile(rb"<(?:[\w.-]+:)?tu[\s/>]")
_UNIT_LINE = re.compile(rb"\n[ \t]*<(?:[\w.-]+:)?tu[\s/>]")
_BODY_END = re.compile(rb"</(?:[\w.-]+:)?body\s*>")
_TAIL_BYTES = 1 << 16  # where </body> is looked for: the file's last bytes
_PADDING_CHUNK = 1 << 20
_XLIFF_UNIT = re.compile(rb"<(?:[\w.-]+:)?(?:trans-unit|unit)[\s/>]")
_XLIFF_UNIT_LINE = re.compile(rb"\n[ \t]*<(?:[\w.-]+:)?(?:trans-unit|unit)[\s/>]")
_XLIFF_FILE = re.compile(rb"<(?:[\w.-]+:)?file[\s/>]")
_XLIFF_GROUP = re.compile(rb"<(?:[\w.-]+:)?group[\s/>]")
_XLIFF_ENDS = (re.compile(rb"</(?:[\w.-]+:)?body\s*>"), re.compile(rb"</(?:[\w.-]+:)?file\s*>"))  # 1.2, 2.0
# An entry's first line after an empty line, and a msgid (live or obsolete) starting a line.
_PO_ENTRY = re.compile(rb"\n[ \t\r]*\n(?=#|msgctxt[ \t\"]|msgid[ \t\"])")
_PO_MSGID = re.compile(rb"^(?:#~[ \t]*)?msgid[ \t\"]", re.MULTILINE)
_PO_MSGSTR = re.compile(rb"^[ \t]*msgstr", re.MULTILINE)


class PartMisread(Exception):
    """A part did not read as its cut said: the file is to be read whole."""


class FilePart(NamedTuple):
    path: str
    number: int       # 0-based, in file order
    count: int        # parts of the file
    start: int        # bytes [start, end) of the file
    end: int
    line: int         # the line `start` begins
    units_before: int  # units (<tu>, PO entries) before `start`
    units: int        # units in the part: what reading it must find
    head_end: int     # the head: bytes [0, head_end)
    head_line: int    # the line the head ends on
    tail_start: int   # the tail: bytes [tail_start, size)

    @property
    def size(self) -> int:
        return self.end - self.start


def file_parts(path: str, kind: str, part_bytes: int) -> list[FilePart] | None:
    """The parts of a file of this kind ('tmx', 'po'), or None (see tmx_parts, po_parts)."""
    cutters = {"tmx": tmx_parts, "po": po_parts, "xliff": xliff_parts}
    return cutters[kind](path, part_bytes) if kind in cutters else None


def tmx_parts(path: str, part_bytes: int) -> list[FilePart] | None:
    """The file in parts of about `part_bytes` each, or None where it cannot be cut (too
    small, an encoding whose line ends are not single bytes, no unit starting a line, no
    </body> at its end)."""
    size = os.path.getsize(path)
    if size < 2 * part_bytes:
        return None
    with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        if not _single_byte_lines(data[:256]):
            return None
        first = _UNIT.search(data)
        tail = _last(_BODY_END, data, max(0, size - _TAIL_BYTES))
        if first is None or tail is None or tail < first.start():
            return None
        head_end, tail_start = first.start(), tail
        cuts = [0]
        for number in range(1, -(-size // part_bytes)):
            found = _UNIT_LINE.search(data, max(number * part_bytes, cuts[-1] + 1), tail_start)
            if found is None:
                break
            cut = found.start() + 1
            if cut > cuts[-1] and cut > head_end:
                cuts.append(cut)
        return _cut(path, data, cuts, head_end, tail_start, lambda chunk: chunk.count(b"<tu") - chunk.count(b"<tuv"))


def xliff_parts(path: str, part_bytes: int) -> list[FilePart] | None:
    """An XLIFF file of one <file> and no <group> in parts of about `part_bytes` each (at lines
    that open a unit), or None where it cannot be cut."""
    size = os.path.getsize(path)
    if size < 2 * part_bytes:
        return None
    with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        if not _single_byte_lines(data[:256]):
            return None
        first = _XLIFF_UNIT.search(data)
        tail = next((found for found in (_last(end, data, max(0, size - _TAIL_BYTES)) for end in _XLIFF_ENDS)
                     if found is not None), None)
        if first is None or tail is None or tail < first.start() or _XLIFF_GROUP.search(data) \
                or len(_XLIFF_FILE.findall(data, 0, first.start())) != 1 or _XLIFF_FILE.search(data, first.start()):
            return None
        head_end, tail_start = first.start(), tail
        cuts = [0]
        for number in range(1, -(-size // part_bytes)):
            found = _XLIFF_UNIT_LINE.search(data, max(number * part_bytes, cuts[-1] + 1), tail_start)
            if found is None:
                break
            if found.start() + 1 > max(cuts[-1], head_end):
                cuts.append(found.start() + 1)
        return _cut(path, data, cuts, head_end, tail_start, lambda chunk: len(_XLIFF_UNIT.findall(chunk)))


def po_parts(path: str, part_bytes: int) -> list[FilePart] | None:
    """A PO file in parts of about `part_bytes` each, or None where it cannot be cut (too
    small, a byte order mark or an encoding whose line ends are not single bytes, no entry
    after an empty line). Each part after the first is read after the file's header entry."""
    from mtcheck.formats.po import header_end, po_encoding

    size = os.path.getsize(path)
    if size < 2 * part_bytes:
        return None
    with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        encoding, bom = po_encoding(data[:4096])
        if bom or not _ascii_lines(encoding, "\nmsgid"):
            return None
        first = _PO_MSGSTR.search(data)
        entry = _PO_ENTRY.search(data, first.end()) if first is not None else None
        if entry is None:
            return None
        head_end = header_end(data[:entry.end()], encoding)
        cuts = [0]
        for number in range(1, -(-size // part_bytes)):
            found = _PO_ENTRY.search(data, max(number * part_bytes, cuts[-1] + 1))
            if found is None:
                break
            if found.end() > max(cuts[-1], head_end):
                cuts.append(found.end())
        return _cut(path, data, cuts, head_end, size, lambda chunk: len(_PO_MSGID.findall(chunk)))


def _cut(path: str, data, cuts: list[int], head_end: int, tail_start: int, count_units) -> list[FilePart] | None:
    """The parts between the cuts (their first is 0), with the units each holds."""
    if len(cuts) < 2:
        return None
    cuts = cuts + [len(data)]
    head_line = 1 + data[:head_end].count(b"\n")
    parts, line, units = [], 1, 0
    for number, (start, end) in enumerate(zip(cuts, cuts[1:])):
        chunk = data[start:end]
        inside = count_units(chunk)
        parts.append(FilePart(path, number, len(cuts) - 1, start, end, line, units, inside, head_end, head_line,
                              tail_start))
        line += chunk.count(b"\n")
        units += inside
    return parts


def _single_byte_lines(head: bytes) -> bool:
    """Whether the file's encoding writes line ends and tags in single ASCII bytes."""
    from mtcheck.formats.xml import xml_encoding

    codec, _ = xml_encoding(head)
    return _ascii_lines(codec, "\n<tu>")


def _ascii_lines(codec: str, sample: str) -> bool:
    try:
        return sample.encode(codecs.lookup(codec).name) == sample.encode("ascii")
    except (LookupError, UnicodeError):
        return False


def _last(pattern: re.Pattern, data, start: int) -> int | None:
    found = None
    for found in pattern.finditer(data, start):
        pass
    return found.start() if found is not None else None


class PartStream:
    """A part's bytes as a document of their own (see the module's documentation), read as a
    file is."""

    def __init__(self, part: FilePart):
        self.part = part
        self._handle = open(part.path, "rb")
        self._pieces = iter(self._planned())
        self._piece = b""

    def _planned(self):
        part, handle = self.part, self._handle
        if part.number > 0:
            yield from _ranges(handle, 0, part.head_end)
            padding = part.line - part.head_line
            while padding > 0:
                yield b"\n" * min(padding, _PADDING_CHUNK)
                padding -= _PADDING_CHUNK
        yield from _ranges(handle, part.start, part.end)
        if part.number < part.count - 1:
            yield from _ranges(handle, part.tail_start, None)

    def read(self, size: int = -1) -> bytes:
        while not self._piece:
            self._piece = next(self._pieces, None)
            if self._piece is None:
                self._piece = b""
                return b""
        if size < 0 or size >= len(self._piece):
            piece, self._piece = self._piece, b""
            return piece
        piece, self._piece = self._piece[:size], self._piece[size:]
        return piece

    def close(self) -> None:
        self._handle.close()


def _ranges(handle, start: int, end: int | None, chunk: int = 1 << 20):
    handle.seek(start)
    left = None if end is None else end - start
    while left is None or left > 0:
        data = handle.read(chunk if left is None else min(chunk, left))
        if not data:
            return
        if left is not None:
            left -= len(data)
        yield data
