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

An XLIFF part is a run of whole units (<trans-unit>, or <unit> in XLIFF 2) that starts on a
line opening one. Read alone, it is the file's prolog, the start tags of the elements open
where it starts (<xliff>, <file>, <body>, <group>: its languages, its file's name), line ends
up to its first line, its bytes, and the end tags of what is open where it ends; a unit
without an id is numbered among its <file>'s as in the whole file.

A PO part is a run of whole entries that starts on a line opening an entry (a comment or a
keyword) after an empty line. Read alone, it is the file's header entry (what gives its charset
and language, where the file begins with one), its lines numbered as the whole file's, and its
bytes. Its entries are counted beforehand too: a cut inside an entry (an empty line between a
msgid and its msgstr) does not parse, and the file is checked whole.
"""
from __future__ import annotations

import codecs
import contextlib
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
_XLIFF_ROOT = re.compile(rb"<(?:[\w.-]+:)?xliff[\s/>]")
# What a part must know of the elements around it: comments and CDATA passed over, the start
# and end tags of the elements that hold units, and the units.
_XLIFF_STRUCTURE = re.compile(
    rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>"
    rb"|<(/?)((?:[\w.-]+:)?(?:xliff|file|body|group|trans-unit|unit))(?=[\s/>])[^>]*?(/?)>", re.DOTALL)
_CONTAINERS = (b"xliff", b"file", b"body", b"group")
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
    opened: tuple = ()    # XLIFF: the start tags (byte ranges) open at `start`, after the head
    closing: bytes = b""  # XLIFF: the end tags of what is open at `end`, after the tail

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
    with _mapped(path, part_bytes) as data:
        if data is None or not _single_byte_lines(data[:256]):
            return None
        size = len(data)
        first = _UNIT.search(data)
        tail = _last(_BODY_END, data, max(0, size - _TAIL_BYTES))
        if first is None or tail is None or tail < first.start():
            return None
        head_end, tail_start = first.start(), tail
        cuts = _cuts(data, _UNIT_LINE, part_bytes, head_end, tail_start)
        return _cut(path, data, cuts, head_end, tail_start, lambda chunk: chunk.count(b"<tu") - chunk.count(b"<tuv"))


def xliff_parts(path: str, part_bytes: int) -> list[FilePart] | None:
    """An XLIFF file (1.2 or 2.0) in parts of about `part_bytes` each, at lines that open a
    unit, or None where it cannot be cut."""
    with _mapped(path, part_bytes) as data:
        if data is None or not _single_byte_lines(data[:256]):
            return None
        size = len(data)
        root, first = _XLIFF_ROOT.search(data), _XLIFF_UNIT.search(data)
        if root is None or first is None:
            return None
        cuts = _cuts(data, _XLIFF_UNIT_LINE, part_bytes, first.start(), size)
        if len(cuts) < 2:
            return None
        cuts.append(size)
        contexts = _xliff_contexts(data, cuts)
        prolog_end = root.start()
        prolog_lines = data[:prolog_end].count(b"\n")
        parts, line = [], 1
        for number, (start, end) in enumerate(zip(cuts, cuts[1:])):
            opened, units_before, _ = contexts[number]
            _, _, units_to_end = contexts[number + 1]
            closing = b"".join(b"</" + name + b">" for _, _, name in reversed(contexts[number + 1][0])) \
                if number + 1 < len(cuts) - 1 else b""
            head_line = 1 + prolog_lines + sum(data[a:b].count(b"\n") for a, b, _ in opened)
            parts.append(FilePart(path, number, len(cuts) - 1, start, end, line, units_before,
                                  units_to_end - contexts[number][2], prolog_end, head_line, size,
                                  tuple((a, b) for a, b, _ in opened), closing))
            line += data[start:end].count(b"\n")
        return parts


def _xliff_contexts(data, cuts: list[int]) -> list[tuple[list, int, int]]:
    """At each cut (sorted; the last the file's size): the start tags open there (start, end,
    name), outermost first; the units before it within the <file> open there; the units
    before it in the file."""
    contexts, stack, in_file, units = [], [], 0, 0
    found = _XLIFF_STRUCTURE.finditer(data)
    tag = next(found, None)
    for cut in cuts:
        while tag is not None and tag.start() < cut:
            closing, name, empty = tag.group(1), tag.group(2), tag.group(3)
            if name is not None:
                local = name.rsplit(b":", 1)[-1]
                if local in (b"trans-unit", b"unit"):
                    if not closing:
                        units += 1
                        in_file += 1
                elif closing:
                    if stack and stack[-1][2] == name:
                        stack.pop()
                elif not empty:
                    stack.append((tag.start(), tag.end(), name))
                    if local == b"file":
                        in_file = 0
            tag = next(found, None)
        contexts.append((list(stack), in_file if any(n.rsplit(b":", 1)[-1] == b"file" for _, _, n in stack) else 0,
                         units))
    return contexts


def po_parts(path: str, part_bytes: int) -> list[FilePart] | None:
    """A PO file in parts of about `part_bytes` each, or None where it cannot be cut (too
    small, a byte order mark or an encoding whose line ends are not single bytes, no entry
    after an empty line). Each part after the first is read after the file's header entry."""
    from mtcheck.formats.po import header_end, po_encoding

    with _mapped(path, part_bytes) as data:
        if data is None:
            return None
        size = len(data)
        encoding, bom = po_encoding(data[:4096])
        if bom or not _ascii_lines(encoding, "\nmsgid"):
            return None
        first = _PO_MSGSTR.search(data)
        entry = _PO_ENTRY.search(data, first.end()) if first is not None else None
        if entry is None:
            return None
        head_end = header_end(data[:entry.end()], encoding)
        cuts = _cuts(data, _PO_ENTRY, part_bytes, head_end, size, at_end=True)
        return _cut(path, data, cuts, head_end, size, lambda chunk: len(_PO_MSGID.findall(chunk)))


@contextlib.contextmanager
def _mapped(path: str, part_bytes: int):
    """The file's bytes, mapped, where it is large enough for two parts at least; else None."""
    if os.path.getsize(path) < 2 * part_bytes:
        yield None
        return
    with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        yield data


def _cuts(data, pattern: re.Pattern, part_bytes: int, after: int, before: int, at_end: bool = False) -> list[int]:
    """0, and about every `part_bytes` the next place `pattern` finds between `after` and
    `before`: its match's end (`at_end`) or the line its match opens (the match begins with
    the line end before it)."""
    cuts = [0]
    for number in range(1, -(-len(data) // part_bytes)):
        found = pattern.search(data, max(number * part_bytes, cuts[-1] + 1), before)
        if found is None:
            break
        cut = found.end() if at_end else found.start() + 1
        if cut > max(cuts[-1], after):
            cuts.append(cut)
    return cuts


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
            for start, end in part.opened:
                yield from _ranges(handle, start, end)
            padding = part.line - part.head_line
            while padding > 0:
                yield b"\n" * min(padding, _PADDING_CHUNK)
                padding -= _PADDING_CHUNK
        yield from _ranges(handle, part.start, part.end)
        if part.number < part.count - 1:
            yield from _ranges(handle, part.tail_start, None)
            if part.closing:
                yield part.closing

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
