"""TMX 1.4 translation memories: streamed unit by unit (bounded memory), editable in memory."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from lxml import etree

from mtcheck.errors import InputError
from mtcheck.formats import splice
from mtcheck.formats.inline import InlineError, flatten, restore
from mtcheck.formats.xml import XML_LANG, local, refuse_entities_in, xml_encoding
from mtcheck.formats.xmldoc import XmlTranslationFile
from mtcheck.lang import canonical_lang
from mtcheck.model import Segment
from mtcheck.textio import open_regular

SUFFIXES = (".tmx",)


def _lang_of(tuv: etree._Element) -> str | None:
    return tuv.get(XML_LANG) or tuv.get("lang")  # TMX 1.1 wrote `lang`


class TmxFile:
    """A TMX file. Each unit gives one Segment per language other than the source language."""

    def __init__(self, path: str | Path, source_lang: str | None = None, target_lang: str | None = None):
        self.path = str(path)
        self.source_lang = source_lang
        self.target_lang = target_lang
        self._editable: XmlTranslationFile | None = None

    def segments(self) -> Iterator[Segment]:
        """Units as they are parsed; each one is dropped from memory once read."""
        return (segment for segment, _ in self.numbered_segments())

    def numbered_segments(self) -> Iterator[tuple[Segment, int]]:
        """Segments with the number of their <seg> element among all <seg> elements of the
        file (0-based, in document order), which splice_segs finds them by."""
        refuse_entities_in(self.path)
        context = etree.iterparse(self.path, events=("start", "end"), resolve_entities=False, no_network=True,
                                  load_dtd=False, huge_tree=False, remove_comments=False)
        source_lang = self.source_lang
        number, seg_count = 0, 0
        seg_numbers: dict[etree._Element, int] = {}
        columns: dict[etree._Element, int] = {}
        seg_columns = _SegColumns(self.path)
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
                    columns[element] = seg_columns.column(element.sourceline)
                    seg_count += 1
                elif name == "header":
                    declared = element.get("srclang")
                    if not source_lang and declared and declared != "*all*":
                        source_lang = declared
                elif name == "tu":
                    number += 1
                    for segment, seg in self._unit(element, number, source_lang, columns):
                        yield segment, seg_numbers.get(seg, -1)  # -1: a <seg> of a nested <tu>, not edited
                    seg_numbers.clear()
                    columns.clear()
                    element.clear()
                    parent = element.getparent()
                    while element.getprevious() is not None:
                        del parent[0]
        except etree.XMLSyntaxError as exc:
            line = exc.position[0] if exc.position else None
            raise InputError(self.path, f"malformed XML: {' '.join(exc.msg.split())}", line) from None

    def _unit(self, unit: etree._Element, number: int, source_lang: str | None,
              columns: dict[etree._Element, int] | None = None) -> Iterator[tuple[Segment, etree._Element]]:
        variants = [(lang, seg) for tuv in unit if local(tuv.tag) == "tuv"
                    for lang in [_lang_of(tuv)] for seg in tuv if local(seg.tag) == "seg"]
        if not variants:
            return
        for lang, _ in variants:
            if not lang:
                raise InputError(self.path, "<tuv> without xml:lang", unit.sourceline)
        wanted = canonical_lang(source_lang) if source_lang else canonical_lang(variants[0][0])
        source = next((seg for lang, seg in variants if canonical_lang(lang) == wanted), None)
        source_text = flatten(source)[0] if source is not None else None
        unit_id = unit.get("tuid") or str(number)
        for lang, seg in variants:
            lang = canonical_lang(lang)
            if seg is source or (self.target_lang and lang != canonical_lang(self.target_lang)):
                continue
            text = flatten(seg)[0]
            if text.strip():
                yield Segment(text, self.path, seg.sourceline or unit.sourceline or 1, (columns or {}).get(seg, 1),
                              id=unit_id if len(variants) == 2 else f"{unit_id}/{lang}", lang=lang,
                              source=source_text, source_lang=wanted if source is not None else None), seg

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
                    editable.remember(segment.id, seg)
            self._editable = editable
        return self._editable

    def target_text(self, segment_id: str) -> str:
        return self._tree().target_text(segment_id)

    def set_target(self, segment_id: str, text: str) -> None:
        self._tree().set_target(segment_id, text)

    def save(self, path: str | Path | None = None) -> None:
        self._tree().save(path or self.path)


class _SegColumns:
    """Where each <seg>'s text starts on its line, for findings' columns: the file's lines
    read forward alongside the parser (segs come in document order), the n-th <seg> start
    tag of a line taken for the n-th seg parsed on it."""

    _START = re.compile(r"<(?:[\w.-]+:)?seg(?=[\s/>])")

    def __init__(self, path: str):
        from mtcheck.textio import iter_lines

        self._lines = iter_lines(path, errors="replace", lone_cr=False)  # numbered as libxml2 numbers them
        self._number, self._text, self._seen = 0, "", 0

    def column(self, line: int | None) -> int:
        if not line or line < self._number:
            return 1
        while self._number < line:
            self._text = next(self._lines, "")
            self._number += 1
            self._seen = 0
        start = self._START.search(self._text, self._seen)
        if start is None:
            return 1
        self._seen = start.end()
        end = self._text.find(">", start.end())
        return end + 2 if end >= 0 else 1


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
        restore(slots, new)
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
