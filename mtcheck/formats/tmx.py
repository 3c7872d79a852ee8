"""TMX 1.4 translation memories: streamed unit by unit (bounded memory), editable in memory."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from lxml import etree

from mtcheck.errors import InputError
from mtcheck.formats import splice
from mtcheck.formats.inline import InlineError, flatten, restore
from mtcheck.formats.parts import FilePart, PartMisread, PartStream
from mtcheck.formats.xml import XML_LANG, local, refuse_entities_in, xml_encoding
from mtcheck.formats.xmldoc import XmlTranslationFile
from mtcheck.language import canonical_lang
from mtcheck.formats.xmlplaces import places
from mtcheck.model import PositionMap, Segment
from mtcheck.textio import open_regular

SUFFIXES = (".tmx",)


def _lang_of(tuv: etree._Element) -> str | None:
    return tuv.get(XML_LANG) or tuv.get("lang")  # TMX 1.1 wrote `lang`


class TmxFile:
    """A TMX file. Each unit gives one Segment per language other than the source language."""

    def __init__(self, path: str | Path, source_lang: str | None = None, target_lang: str | None = None,
                 part: FilePart | None = None):
        """`part`: only the units of this part of the file (see mtcheck.formats.parts), read
        with the places and numbers they have in the whole file."""
        self.path = str(path)
        self.source_lang = source_lang
        self.target_lang = target_lang
        self.part = part
        self._editable: XmlTranslationFile | None = None

    def segments(self) -> Iterator[Segment]:
        """Units as they are parsed; each one is dropped from memory once read. Closed before
        its end (a sample read), it closes the file."""
        numbered = self.numbered_segments()
        try:
            for segment, _ in numbered:
                yield segment
        finally:
            numbered.close()

    def numbered_segments(self) -> Iterator[tuple[Segment, int]]:
        """Segments with the number of their <seg> element among all <seg> elements of the
        file (0-based, in document order), which splice_segs finds them by."""
        refuse_entities_in(self.path)
        part = self.part
        # The file opened here, not by the parser, so that a reader stopped early closes it.
        source = PartStream(part) if part is not None else open_regular(self.path)
        context = etree.iterparse(source, events=("start", "end"), resolve_entities=False, no_network=True,
                                  load_dtd=False, huge_tree=False, remove_comments=False)
        source_lang = self.source_lang
        number, seg_count = (part.units_before if part is not None else 0), 0
        seg_numbers: dict[etree._Element, int] = {}
        windows: dict[etree._Element, tuple[str, int, int, int] | None] = {}
        seg_places = _SegPlaces(self.path, part.start if part is not None else 0, part.line if part is not None else 1)
        root_checked = False
        try:
            for event, element in context:
                name = local(element.tag)
                if event == "start":
                    if not root_checked:
                        root_checked = True
                        if name != "tmx":
                            raise InputError(self.path, f"not a TMX file: root element is <{name}>",
                                             element.sourceline)
                    continue
                if name == "seg":
                    seg_numbers[element] = seg_count
                    windows[element] = seg_places.window(element.sourceline)
                    seg_count += 1
                elif name == "header":
                    declared = element.get("srclang")
                    if not source_lang and declared and declared != "*all*":
                        source_lang = declared
                elif name == "tu":
                    number += 1
                    for segment, seg in self._unit(element, number, source_lang, windows):
                        yield segment, seg_numbers.get(seg, -1)  # -1: a <seg> of a nested <tu>, not edited
                    seg_numbers.clear()
                    windows.clear()
                    element.clear()
                    parent = element.getparent()
                    while element.getprevious() is not None:
                        del parent[0]
        except etree.XMLSyntaxError as exc:
            line = exc.position[0] if exc.position else None
            raise InputError(self.path, f"malformed XML: {' '.join(exc.msg.split())}", line) from None
        finally:
            source.close()
        if part is not None and number - part.units_before != part.units:
            raise PartMisread(f"{self.path}: part {part.number + 1} holds {number - part.units_before} units, "
                              f"not {part.units}")

    def _unit(self, unit: etree._Element, number: int, source_lang: str | None,
              windows: dict[etree._Element, tuple[str, int, int, int] | None] | None = None
              ) -> Iterator[tuple[Segment, etree._Element]]:
        variants = _variants(unit)
        if not variants:
            return
        for lang, _ in variants:
            if not lang:
                raise InputError(self.path, "<tuv> without xml:lang", unit.sourceline)
        wanted, source = _source_of(variants, source_lang)
        source_text = flatten(source)[0] if source is not None else None
        source_places = None
        if source_text is not None and windows is not None:
            line, column, source_places = _placed(source, source_text, windows, unit)
            source_places = source_places or PositionMap.plain(source_text, line, column)
        unit_id = unit.get("tuid") or str(number)
        for lang, seg in variants:
            lang = canonical_lang(lang)
            if seg is source or (self.target_lang and lang != canonical_lang(self.target_lang)):
                continue
            text = flatten(seg)[0]
            if text.strip():
                line, column, places = _placed(seg, text, windows or {}, unit)
                yield Segment(text, self.path, line, column,
                              id=unit_id if len(variants) == 2 else f"{unit_id}/{lang}", lang=lang,
                              source=source_text, source_lang=wanted if source is not None else None,
                              places=places, source_places=source_places), seg

    # -- editing: the whole tree in memory ---------------------------------------------------
    def _tree(self) -> XmlTranslationFile:
        if self._editable is None:
            editable = XmlTranslationFile(self.path)
            source_lang = self.source_lang
            header = next((e for e in editable.root if local(e.tag) == "header"), None)
            if not source_lang and header is not None and header.get("srclang") not in (None, "*all*"):
                source_lang = header.get("srclang")
            units = (e for e in editable.root.iter() if local(e.tag) == "tu")
            for number, unit in enumerate(units, 1):
                for segment, seg in self._unit(unit, number, source_lang):
                    editable.remember(segment.id, seg, _source_of(_variants(unit), source_lang)[1])
            self._editable = editable
        return self._editable

    def target_text(self, segment_id: str) -> str:
        return self._tree().target_text(segment_id)

    def tags_inside(self, segment_id: str) -> bool:
        return self._tree().tags_inside(segment_id)

    def formatting_inside(self, segment_id: str) -> bool:
        return self._tree().formatting_inside(segment_id)

    def set_target(self, segment_id: str, text: str) -> None:
        self._tree().set_target(segment_id, text)

    def save(self, path: str | Path | None = None) -> None:
        self._tree().save(path or self.path)


def _variants(unit: etree._Element) -> list[tuple[str | None, etree._Element]]:
    """A unit's (language, <seg>) pairs."""
    return [(lang, seg) for tuv in unit if local(tuv.tag) == "tuv"
            for lang in [_lang_of(tuv)] for seg in tuv if local(seg.tag) == "seg"]


def _source_of(variants: list, source_lang: str | None) -> tuple[str, etree._Element | None]:
    """The source language of a unit (the declared one, else its first variant's) and its <seg>."""
    wanted = canonical_lang(source_lang) if source_lang else canonical_lang(variants[0][0])
    return wanted, next((seg for lang, seg in variants if canonical_lang(lang) == wanted), None)


def _placed(seg: etree._Element, text: str, windows: dict, unit: etree._Element) -> tuple[int, int, PositionMap | None]:
    """Where a seg's text starts, and its map where it is not written as it is."""
    window = windows.get(seg)
    found = places(text, *window) if window is not None else None
    return found if found is not None else (seg.sourceline or unit.sourceline or 1, 1, None)


class _SegPlaces:
    """Where each <seg> stands in the file, for positions: the file's lines read forward
    alongside the parser (segs come in document order), the n-th <seg> start tag of a line
    taken for the n-th seg parsed on it, and the lines from there to its end tag kept."""

    _START = re.compile(r"<(?:[\w.-]+:)?seg(?=[\s/>])")
    _END = re.compile(r"</(?:[\w.-]+:)?seg\s*>")

    def __init__(self, path: str, start: int = 0, first_line: int = 1):
        from mtcheck.textio import iter_lines

        # numbered as libxml2 numbers them; a part's from its first line (`start`, a byte offset)
        self._lines = iter_lines(path, errors="replace", lone_cr=False, start=start, first_line=first_line)
        self._first = first_line   # the number of the first line held
        self._held: list[str] = []
        self._line, self._seen = 0, 0  # the last seg's line, and where its start tag was found

    def _line_text(self, number: int) -> str | None:
        while self._first + len(self._held) <= number:
            line = next(self._lines, None)
            if line is None:
                return None
            self._held.append(line)
        return self._held[number - self._first]

    def window(self, line: int | None) -> tuple[str, int, int, int] | None:
        """(text from the seg's line on, where its start tag is in it, line, column), or None."""
        if not line or line < self._line:
            return None
        if line > self._line:
            dropped = min(len(self._held), max(0, line - self._first))
            del self._held[:dropped]
            self._first += dropped
            self._line, self._seen = line, 0
        text = self._line_text(line)
        if text is None:
            return None
        start = self._START.search(text, self._seen)
        if start is None:
            return None
        self._seen = start.end()
        lines, number = [text], line
        while not self._END.search(lines[-1], start.end() if number == line else 0):
            number += 1
            following = self._line_text(number)
            if following is None:
                break
            lines.append(following)
        return "\n".join(lines), start.start(), line, start.start() + 1


def splice_segs(path: str, planned: dict[int, tuple[str, str, int]], out) -> int:
    """Copy a TMX to `out` with the planned <seg> elements (by number: their text as read
    and the new text) rewritten, streamed, every other byte as it was; the edits made.
    A <seg> that does not read back as planned is left as it is."""
    with open_regular(path) as stream:
        codec, _ = xml_encoding(stream.read(256))
        stream.seek(0)
        spans, _ = splice.element_spans(stream, planned, path, only="seg")
        stream.seek(0)
        default_end = splice.line_end_of(stream.read(1 << 16).decode(codec, "ignore"), "\n")
        done = made = 0
        for number in sorted(spans):
            span = spans[number]
            original, end = splice.element_text(stream, span, codec)
            old, new, edits = planned[number]
            replacement = _rewritten_seg(original, old, new, splice.line_end_of(original, default_end))
            if replacement is None:
                continue
            _copy(stream, out, done, span.start)
            out.write(replacement.encode(codec, "xmlcharrefreplace"))
            done, made = end, made + edits
        _copy(stream, out, done, None)
    return made


def _rewritten_seg(original: str, old: str, new: str, line_end: str) -> str | None:
    element = splice.parse_element(original)
    if element is None:
        return None
    text, slots = flatten(element)
    if text != old:
        return None
    before = splice.inner_xml(element)
    try:
        restore(slots, text, new)
    except InlineError:
        return None
    return splice.rewrite_element(original, element, before, line_end, {})


def _copy(stream, out, start: int, stop: int | None) -> None:
    stream.seek(start)
    left = None if stop is None else stop - start
    while left is None or left > 0:
        chunk = stream.read(1 << 20 if left is None else min(left, 1 << 20))
        if not chunk:
            break
        out.write(chunk)
        if left is not None:
            left -= len(chunk)
