"""Bilingual XML files held as one tree: targets edited in the tree, and only the edited
elements written back into the original bytes (formats.splice), the rest byte for byte."""
from __future__ import annotations

import copy

import io
import re
from pathlib import Path

from lxml import etree

from mtcheck.errors import InputError
from mtcheck.formats import splice
from mtcheck.formats.inline import InlineError, fill, flatten, formatting_inside, respelled, tags_inside
from mtcheck.formats.parts import PartStream
from mtcheck.formats.xml import parse_xml_bytes, xml_encoding
from mtcheck.formats.xmlplaces import places, start_tag_at
from mtcheck.model import PositionMap
from mtcheck.textio import atomic_output, read_bytes


class XmlTranslationFile:
    """Common ground of XLIFF and TMX: the parsed tree, its targets by segment id, saving."""

    def __init__(self, path: str | Path, part=None):
        """`part`: only that part of the file (see mtcheck.formats.parts), parsed with the file's
        head and tail around it and its lines numbered as the file's; such a file is read, not
        edited."""
        self.path = str(path)
        self.part = part
        if part is None:
            self.raw = read_bytes(self.path)
            self._region, self._first_line = self.raw, 1  # the bytes positions are read in
        else:
            self.raw = _read_all(PartStream(part))
            self._region, self._first_line = _region_of(part), part.line
        self.tree = parse_xml_bytes(self.raw, self.path)
        self.root = self.tree.getroot()
        self._targets: dict[str, tuple[etree._Element, etree._Element | None]] = {}  # target, source
        self._lines: list[str] | None = None
        self._doc: str | None = None  # the file's text, for positions
        self._line_starts: list[int] = []
        self._ordinals: dict[etree._Element, int] | None = None
        # Elements edited (or about to be), each with lxml's spelling of its inside before the
        # edit, and every element's number in document order, taken before the first edit.
        self._edited: dict[etree._Element, str] = {}
        self._numbers: dict[etree._Element, int] | None = None

    @property
    def changed(self) -> bool:
        return bool(self._edited)

    # -- reading helpers ------------------------------------------------------------------------
    def remember(self, segment_id: str, target: etree._Element, source: etree._Element | None = None) -> str:
        """Flatten a target element and remember it (and its source) for editing; returns its
        flat text."""
        self._targets[segment_id] = (target, source)
        return flatten(target)[0]

    def tags_inside(self, segment_id: str) -> bool:
        """Whether an inline tag stands inside the target's or its source's text, not only
        around the whole: a new translation of the text would not know where it goes."""
        return any(element is not None and tags_inside(element) for element in self._target(segment_id))

    def formatting_inside(self, segment_id: str) -> bool:
        """Whether a paired formatting tag stands inside the target's or its source's text
        (standalone tags and placeholders leave a mark a re-translation keeps)."""
        return any(element is not None and formatting_inside(element) for element in self._target(segment_id))

    def placed(self, element: etree._Element, flat: str) -> tuple[int, int, PositionMap | None]:
        """Where an element's flat text starts (1-based line and column) and, where it is not
        written as it is, its map."""
        line = element.sourceline or 1
        if self._doc is None:
            self._read_doc()
        qualified = f"{element.prefix}:{etree.QName(element).localname}" if element.prefix else \
            etree.QName(element).localname
        found = None
        base = self._first_line - 1  # lines before the bytes read for positions (a part's)
        if base < line <= base + len(self._line_starts):
            # The start tag ends on the element's line; it starts there too unless it is long.
            for first in range(line, max(base, line - 8), -1):
                index = first - base
                line_text = self._doc[self._line_starts[index - 1]:self._line_starts[index] - 1
                                      if index < len(self._line_starts) else len(self._doc)]
                ordinal = self._ordinal(element, qualified) if first == line else 0
                at = start_tag_at(line_text, qualified, ordinal)
                if at is not None:
                    found = places(flat, self._doc, self._line_starts[index - 1] + at, first, at + 1)
                    break
        return found if found is not None else (line, self.column(element), None)

    def _read_doc(self) -> None:
        codec, bom = xml_encoding(self.raw[:256])
        bom = bom if self._region is self.raw else 0
        try:
            self._doc = self._region[bom:].decode(codec)
        except (LookupError, UnicodeDecodeError):
            self._doc = self._region[bom:].decode(self.tree.docinfo.encoding or "utf-8", "replace")
        self._line_starts = [0] + [found.end() for found in re.finditer("\n", self._doc)]

    def _ordinal(self, element: etree._Element, qualified: str) -> int:
        """How many elements of the same name start tags before this one on its line (libxml2
        gives each element the line its start tag ends on)."""
        if self._ordinals is None:
            self._ordinals = {}
            seen: dict[tuple[int | None, str], int] = {}
            for other in self.root.iter(etree.Element):
                key = (other.sourceline, other.tag)
                self._ordinals[other] = seen.get(key, 0)
                seen[key] = seen.get(key, 0) + 1
        return self._ordinals.get(element, 0)

    def column(self, element: etree._Element) -> int:
        """1-based column where the element's text starts, when its start tag is on its line."""
        if self._lines is None:
            self._lines = self._region.decode(self.tree.docinfo.encoding or "utf-8", "replace").splitlines()
        line = (element.sourceline or 0) - (self._first_line - 1)
        if not 0 < line <= len(self._lines):
            return 1
        text = self._lines[line - 1]
        name = element.prefix + ":" + etree.QName(element).localname if element.prefix else \
            etree.QName(element).localname
        at = text.find("<" + name)
        end = text.find(">", at) if at >= 0 else -1
        return end + 2 if end >= 0 else 1

    # -- editing --------------------------------------------------------------------------------

    def target_text(self, segment_id: str) -> str:
        return flatten(self._target(segment_id)[0])[0]

    def set_target(self, segment_id: str, text: str) -> None:
        """Replace a target's text, each edit in the text between the tags it falls between;
        InlineError, nothing changed, where an edit cannot keep the tags (inline.respelled)."""
        self._write_target(*self._respelled(segment_id, text))

    def source_pieces(self, segment_id: str) -> list[str] | None:
        """The texts between the source's inline tags (its slots), in order; None without a
        source."""
        source = self._target(segment_id)[1]
        if source is None:
            return None
        text, slots = flatten(source)
        return [text[slot.start:slot.end] for slot in slots]

    def same_tags(self, segment_id: str) -> bool:
        """Whether target and source hold the same inline tags (by name and id, in any order):
        only then may the target be rebuilt with the source's."""
        target, source = self._target(segment_id)
        if source is None:
            return False

        def tags(element):
            return sorted((etree.QName(e).localname, e.get("id") or "") for e in element.iter(etree.Element)
                          if e is not element)
        return tags(target) == tags(source)

    def _like_source(self, segment_id: str, pieces: list[str]) -> tuple[etree._Element, list, dict[int, str]]:
        """The target rebuilt with the source's inline tags, its slots holding `pieces` (one
        per source slot): what `set_target_like_source` writes."""
        element, source = self._target(segment_id)
        if source is None or len(pieces) != len(flatten(source)[1]):
            raise InlineError("the pieces do not fit the source's tags")
        return element, source, {n: piece for n, piece in enumerate(pieces)}

    def _rebuild(self, element: etree._Element, source: etree._Element, contents: dict[int, str]) -> None:
        self.will_edit(element)
        for child in list(element):
            element.remove(child)
        element.text = source.text
        for child in source:
            element.append(copy.deepcopy(child))
        _, slots = flatten(element)
        fill(slots, contents)

    def _respelled(self, segment_id: str, text: str):
        element = self._target(segment_id)[0]
        old, slots = flatten(element)
        return element, slots, respelled(slots, old, text)

    def _write_target(self, element: etree._Element, slots, contents: dict[int, str]) -> None:
        self.will_edit(element)
        fill(slots, contents)

    def will_edit(self, element: etree._Element) -> None:
        """Note an element before it is changed, so that saving rewrites just its inside."""
        if self._numbers is None:
            self._numbers = {e: n for n, e in enumerate(self.root.iter(etree.Element))}  # no comments, PIs
        if element not in self._edited:
            self._edited[element] = splice.inner_xml(element)

    def _target(self, segment_id: str) -> tuple[etree._Element, etree._Element | None]:
        try:
            return self._targets[segment_id]
        except KeyError:
            raise InputError(self.path, f"no segment {segment_id!r}") from None

    def save(self, path: str | Path | None = None) -> None:
        """Write the file (atomically); unchanged, it is copied byte for byte."""
        out = str(path or self.path)
        with atomic_output(out, binary=True) as stream:
            stream.write(self.serialize())

    def serialize(self) -> bytes:
        """The file's bytes with the edited elements rewritten; the original where none was."""
        if not self._edited:
            return self.raw
        codec, _ = xml_encoding(self.raw[:256])
        outermost = {self._numbers[e]: e for e in self._edited if not any(a in self._edited for a in e.iterancestors())}
        spans, count = splice.element_spans(io.BytesIO(self.raw), outermost, self.path)
        if count != len(self._numbers) or len(spans) != len(outermost):
            raise InputError(self.path, "cannot write back: the file's elements could not be matched")
        default_end = splice.line_end_of(self.raw.decode(codec, "replace"), "\n")
        stream, pieces, done = io.BytesIO(self.raw), [], 0
        for number in sorted(outermost):
            element = outermost[number]
            original, end = splice.element_text(stream, spans[number], codec)
            pieces += [self.raw[done:spans[number].start], self._rewrite(element, original, default_end).encode(codec, "xmlcharrefreplace")]
            done = end
        pieces.append(self.raw[done:])
        return b"".join(pieces)

    def _rewrite(self, element: etree._Element, original: str, default_end: str) -> str:
        text = splice.rewrite_element(original, element, self._edited[element],
                                      splice.line_end_of(original, default_end))
        if text is None:
            raise InputError(self.path, "cannot write the edited element back faithfully; the file is left as it is",
                             element.sourceline)
        return text


def _region_of(part) -> bytes:
    """A part's bytes and the file's tail after them: where its elements' positions are read."""
    with open(part.path, "rb") as handle:
        handle.seek(part.start)
        region = handle.read(part.end - part.start)
        if part.number < part.count - 1:
            handle.seek(part.tail_start)
            region += handle.read()
    return region


def _read_all(stream: PartStream) -> bytes:
    try:
        return b"".join(iter(lambda: stream.read(1 << 20), b""))
    finally:
        stream.close()
