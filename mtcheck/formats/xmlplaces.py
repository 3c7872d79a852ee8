"""Where the flat text of an XML element (formats.inline) stands in its file: its spelling
read again from the element's start tag, character references, entities, CDATA, tags and
line ends included, into a PositionMap. Lines are numbered as libxml2 numbers them: a line
feed ends a line, a lone CR does not."""
from __future__ import annotations

import re

from mtcheck.formats.inline import TEXT_ELEMENTS, marks
from mtcheck.formats.positions import Runs
from mtcheck.language import PLACEHOLDER
from mtcheck.model import PositionMap

_START_TAG_RE = re.compile(r"""<([^\s/>!?]+)(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(/?)>""")
_END_TAG_RE = re.compile(r"</[^>]*>")
_TEXT_RE = re.compile(r"[^<&\r\n]+")
_REFERENCE_RE = re.compile(r"&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|([A-Za-z]+));")
_PREDEFINED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}


def _advance(line: int, column: int, raw: str) -> tuple[int, int]:
    breaks = raw.count("\n")
    if not breaks:
        return line, column + len(raw)
    return line + breaks, len(raw) - raw.rfind("\n")


class _Scan:
    """One element's inside read from its spelling, mirroring inline.flatten."""

    def __init__(self, doc: str, line: int, column: int):
        self.doc, self.line, self.column = doc, line, column
        self.pieces: list[str] = []
        self.runs = Runs()

    def _mark(self, start: int, end: int, count: int = 1) -> None:
        """A tag, comment or code standing for `count` placeholders (the first as wide as it;
        none: it stands between two characters)."""
        end_line, end_column = _advance(self.line, self.column, self.doc[start:end])
        if count:
            self.runs.wide(self.line, self.column, end_line, end_column)
        for _ in range(count - 1):
            self.runs.wide(end_line, end_column, end_line, end_column)
        self.pieces.append(PLACEHOLDER * count)
        self.line, self.column = end_line, end_column

    def _skip(self, start: int, end: int) -> None:
        self.line, self.column = _advance(self.line, self.column, self.doc[start:end])

    def read(self, start: int) -> tuple[int, int] | None:
        """Read from the element's start tag at `start`; the position where its text starts,
        or None where the spelling is not what the scanner knows."""
        doc = self.doc
        tag = _START_TAG_RE.match(doc, start)
        if tag is None:
            return None
        self._skip(start, tag.end())
        text_start = (self.line, self.column)
        if tag.group(2):
            return text_start
        depth = 0  # text elements (inline.TEXT_ELEMENTS) open inside the element
        at = tag.end()
        while True:
            if at >= len(doc):
                return None
            char = doc[at]
            if char == "<":
                if doc.startswith("<!--", at):
                    end = doc.find("-->", at)
                    if end < 0:
                        return None
                    self._mark(at, end + 3)
                    at = end + 3
                elif doc.startswith("<![CDATA[", at):
                    end = doc.find("]]>", at)
                    if end < 0:
                        return None
                    self._skip(at, at + 9)
                    self._text(doc[at + 9:end])
                    self._skip(end, end + 3)
                    at = end + 3
                elif doc.startswith("<?", at):
                    end = doc.find("?>", at)
                    if end < 0:
                        return None
                    self._mark(at, end + 2)
                    at = end + 2
                elif doc.startswith("</", at):
                    closing = _END_TAG_RE.match(doc, at)
                    if closing is None:
                        return None
                    if not depth:
                        return text_start
                    depth -= 1
                    self._mark(at, closing.end(), marks(closing.group()[2:-1].strip().rpartition(":")[2]))
                    at = closing.end()
                else:
                    child = _START_TAG_RE.match(doc, at)
                    if child is None:
                        return None
                    name = child.group(1).rpartition(":")[2]
                    if name in TEXT_ELEMENTS:
                        if child.group(2):  # an empty text element: its start and its end
                            self._mark(at, child.end(), 2 * marks(name))
                        else:
                            depth += 1
                            self._mark(at, child.end(), marks(name))
                        at = child.end()
                    else:
                        end = child.end() if child.group(2) else _past_element(doc, child.end())
                        if end is None:
                            return None
                        self._mark(at, end, marks(name))
                        at = end
            elif char == "&":
                reference = _REFERENCE_RE.match(doc, at)
                if reference is None:
                    return None
                hexadecimal, decimal, name = reference.groups()
                if name is not None and name not in _PREDEFINED:
                    return None
                try:
                    self.pieces.append(_PREDEFINED[name] if name else chr(int(hexadecimal, 16) if hexadecimal
                                                                          else int(decimal)))
                except (ValueError, OverflowError):
                    return None
                self.runs.wide(self.line, self.column, self.line, self.column + len(reference.group()))
                self.column += len(reference.group())
                at = reference.end()
            else:
                found = _TEXT_RE.match(doc, at)
                end = found.end() if found else at + (2 if doc.startswith("\r\n", at) else 1)
                self._text(doc[at:end])
                at = end

    def _text(self, raw: str) -> None:
        """Character data: verbatim, but CRLF and a lone CR are each one line feed."""
        done = 0
        for found in re.finditer(r"\r\n?|\n", raw):
            self.runs.verbatim(self.line, self.column, found.start() - done)
            self.column += found.start() - done
            if found.group() == "\n":
                self.runs.verbatim(self.line, self.column, 1)
                self.line, self.column = self.line + 1, 1
            elif found.group() == "\r\n":
                self.runs.wide(self.line, self.column, self.line + 1, 1)
                self.line, self.column = self.line + 1, 1
            else:
                self.runs.wide(self.line, self.column, self.line, self.column + 1)
                self.column += 1
            done = found.end()
        self.runs.verbatim(self.line, self.column, len(raw) - done)
        self.column += len(raw) - done
        self.pieces.append(raw.replace("\r\n", "\n").replace("\r", "\n"))


def _past_element(doc: str, at: int) -> int | None:
    """Where an element whose start tag ends at `at` ends (past its end tag)."""
    depth = 1
    while depth:
        at = doc.find("<", at)
        if at < 0:
            return None
        for opening, closing in (("<!--", "-->"), ("<![CDATA[", "]]>"), ("<?", "?>")):
            if doc.startswith(opening, at):
                end = doc.find(closing, at)
                if end < 0:
                    return None
                at = end + len(closing)
                break
        else:
            if doc.startswith("</", at):
                closing_tag = _END_TAG_RE.match(doc, at)
                if closing_tag is None:
                    return None
                depth -= 1
                at = closing_tag.end()
            else:
                tag = _START_TAG_RE.match(doc, at)
                if tag is None:
                    return None
                depth += 0 if tag.group(2) else 1
                at = tag.end()
    return at


def places(flat: str, doc: str, start: int, line: int, column: int) -> tuple[int, int, PositionMap | None] | None:
    """Where an element's flat text starts, and its map (None where the text is written as it
    is), read from `doc` at the element's start tag (`start`, at `line` and `column`); None
    where its spelling does not give that text."""
    scan = _Scan(doc, line, column)
    text_start = scan.read(start)
    if text_start is None or "".join(scan.pieces) != flat:
        return None
    if scan.runs.is_plain(flat, *text_start):
        return (*text_start, None)
    return (*text_start, scan.runs.build(*text_start))


def start_tag_at(line_text: str, qualified_name: str, ordinal: int) -> int | None:
    """The index in a line of the `ordinal`-th (0-based) start tag of that name."""
    pattern = re.compile("<" + re.escape(qualified_name) + r"(?=[\s/>])")
    for number, found in enumerate(pattern.finditer(line_text)):
        if number == ordinal:
            return found.start()
    return None
