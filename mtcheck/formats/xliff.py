"""XLIFF 1.2 (trans-unit/source/target) and 2.0 (unit/segment/source/target), read and written back."""
from __future__ import annotations

import copy
from pathlib import Path
from typing import Iterator

from lxml import etree

from mtcheck.errors import InputError
from mtcheck.formats.inline import flatten
from mtcheck.formats.parts import PartMisread
from mtcheck.formats.xml import XML_LANG, local
from mtcheck.formats.xmldoc import XmlTranslationFile
from mtcheck.language import canonical_lang
from mtcheck.model import PositionMap, Segment

SUFFIXES = (".xlf", ".xliff", ".sdlxliff", ".mxliff", ".mqxliff")


class XliffFile(XmlTranslationFile):
    """An XLIFF file; `segments()` yields one Segment per translated unit (or 2.0 segment)."""

    def __init__(self, path: str | Path, source_lang: str | None = None, target_lang: str | None = None,
                 part=None):
        """`part`: only the units of this part of the file (see mtcheck.formats.parts), read
        with the file's head and tail around them, at the file's lines."""
        super().__init__(path, part)
        if local(self.root.tag) != "xliff":
            raise InputError(self.path, f"not an XLIFF file: root element is <{local(self.root.tag)}>",
                             self.root.sourceline)
        self.version = "2" if (self.root.get("version") or "").startswith("2") else "1"
        self.source_lang = source_lang
        self.target_lang = target_lang
        self._units = 0  # read so far
        self._segments = list(self._read())
        if part is not None and self._units != part.units:
            raise PartMisread(f"{self.path}: part {part.number + 1} holds {self._units} units, not {part.units}")

    def segments(self) -> Iterator[Segment]:
        return iter(self._segments)

    def _read(self) -> Iterator[Segment]:
        if self.version == "2":
            yield from self._read_v2()
        else:
            yield from self._read_v1()

    def _read_v1(self) -> Iterator[Segment]:
        for index, file_element in enumerate(_children_named(self.root, "file")):
            source_lang = self.source_lang or file_element.get("source-language")
            target_lang = self.target_lang or file_element.get("target-language")
            # A part's first <file> may have begun before it: its units before the part count.
            before = self.part.units_before if self.part is not None and index == 0 else 0
            for number, unit in enumerate(_descendants_named(file_element, "trans-unit"), before + 1):
                self._units += 1
                if unit.get("translate") == "no":
                    continue
                unit_id = unit.get("id") or f"{file_element.get('original', '')}#{number}"
                yield from self._segment(unit_id, _child(unit, "source"), _child(unit, "target"),
                                         source_lang, target_lang)

    def _read_v2(self) -> Iterator[Segment]:
        source_lang = self.source_lang or self.root.get("srcLang")
        target_lang = self.target_lang or self.root.get("trgLang")
        for file_element in _children_named(self.root, "file"):
            for unit in _descendants_named(file_element, "unit"):
                self._units += 1
                if unit.get("translate") == "no":
                    continue
                segments = [s for s in unit if local(s.tag) == "segment"]
                for number, segment in enumerate(segments, 1):
                    segment_id = unit.get("id", "")
                    if len(segments) > 1:
                        segment_id += "/" + (segment.get("id") or str(number))
                    yield from self._segment(segment_id, _child(segment, "source"), _child(segment, "target"),
                                             source_lang, target_lang)

    def _segment(self, segment_id, source, target, source_lang, target_lang) -> Iterator[Segment]:
        if target is None:
            return  # untranslated: nothing to check
        text = self.remember(segment_id, target, source)
        if not text.strip():
            return
        lang = target.get(XML_LANG) or target_lang
        if not lang:
            raise InputError(self.path, "no target language: the file names none; give --lang", target.sourceline)
        source_text = flatten(source)[0] if source is not None else None
        line, column, target_places = self.placed(target, text)
        source_places = None
        if source_text is not None:
            source_line, source_column, source_places = self.placed(source, source_text)
            source_places = source_places or PositionMap.plain(source_text, source_line, source_column)
        yield Segment(text, self.path, line, column, id=segment_id,
                      lang=canonical_lang(lang), source=source_text,
                      source_lang=canonical_lang(source_lang) if source_lang else None,
                      places=target_places, source_places=source_places)

    def set_target_like_source(self, segment_id: str, pieces: list[str], review: bool = False) -> None:
        """Replace a target with the source's inline tags (paired ones too) around new texts,
        one per text between the source's tags; with `review`, as set_target."""
        element, source, contents = self._like_source(segment_id, pieces)  # refused before anything changes
        if review:
            self._keep_for_review(element)
        self._rebuild(element, source, contents)

    def set_target(self, segment_id: str, text: str, review: bool = False) -> None:
        """Replace a target; with `review`, mark it for review and keep the old one as an
        alternative (1.2: alt-trans; 2.0: a candidate of the Translation Candidates module)."""
        element, slots, contents = self._respelled(segment_id, text)  # refused before anything changes
        if review:
            self._keep_for_review(element)
        self._write_target(element, slots, contents)

    def _keep_for_review(self, target: etree._Element) -> None:
        """Mark a target for review and keep a copy of it as an alternative."""
        previous = copy.deepcopy(target)
        previous.tail = None
        if self.version == "2":
            self._keep_v2(target, previous)
        else:
            self._keep_v1(target, previous)

    def _keep_v1(self, target: etree._Element, previous: etree._Element) -> None:
        unit = target.getparent()
        self.will_edit(unit)
        namespace = etree.QName(unit).namespace
        alt = etree.SubElement(unit, f"{{{namespace}}}alt-trans" if namespace else "alt-trans",
                               {"origin": "mtcheck:previous"})
        alt.append(previous)
        target.set("state", "needs-review-translation")
        target.set("state-qualifier", "mt-suggestion")

    def _keep_v2(self, target: etree._Element, previous: etree._Element) -> None:
        segment = target.getparent()
        unit = segment.getparent()
        self.will_edit(unit)
        matches = next((c for c in unit if c.tag == f"{{{MATCHES_NS}}}matches"), None)
        if matches is None:
            matches = etree.Element(f"{{{MATCHES_NS}}}matches", nsmap={"mtc": MATCHES_NS})
            unit.insert(0, matches)
        namespace = etree.QName(segment).namespace
        match = etree.SubElement(matches, f"{{{MATCHES_NS}}}match", {"origin": "mtcheck:previous", "ref": f"#{segment.get('id', '')}"})
        source = _child(segment, "source")
        if source is not None:
            copied = copy.deepcopy(source)
            copied.tail = None
            match.append(copied)
        else:
            etree.SubElement(match, f"{{{namespace}}}source")
        match.append(previous)
        segment.set("state", "translated")
        segment.set("subState", "mtcheck:needs-review")


MATCHES_NS = "urn:oasis:names:tc:xliff:matches:2.0"


def _children_named(element: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in element if local(c.tag) == name]


def _descendants_named(element: etree._Element, name: str) -> Iterator[etree._Element]:
    return (e for e in element.iter() if local(e.tag) == name)


def _child(element: etree._Element, name: str) -> etree._Element | None:
    return next((c for c in element if local(c.tag) == name), None)
