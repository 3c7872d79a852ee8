"""Bilingual XML files held as one tree: targets edited in place and written back unchanged
elsewhere (declaration, doctype, line ends and encoding kept)."""
from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from mtcheck.errors import InputError
from mtcheck.formats.inline import Slot, flatten, restore
from mtcheck.formats.xml import parse_xml_bytes
from mtcheck.textio import atomic_output, read_bytes, sniff_encoding

_DECLARATION_RE = re.compile(r"^<\?xml[^>]*\?>")


class XmlTranslationFile:
    """Common ground of XLIFF and TMX: the parsed tree, its targets by segment id, saving."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        self.raw = read_bytes(self.path)
        self.tree = parse_xml_bytes(self.raw, self.path)
        self.root = self.tree.getroot()
        self._targets: dict[str, tuple[etree._Element, list[Slot]]] = {}
        self._lines: list[str] | None = None
        self.changed = False

    # -- reading helpers ------------------------------------------------------------------------
    def remember(self, segment_id: str, target: etree._Element) -> str:
        """Flatten a target element and remember it for editing; returns its flat text."""
        text, slots = flatten(target)
        self._targets[segment_id] = (target, slots)
        return text

    def column(self, element: etree._Element) -> int:
        """1-based column where the element's text starts, when its start tag is on its line."""
        if self._lines is None:
            self._lines = self.raw.decode(self.tree.docinfo.encoding or "utf-8", "replace").splitlines()
        line = element.sourceline or 0
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
        """Replace a target's text; its inline tags must come back as the same placeholders."""
        element, slots = self._target(segment_id)
        restore(slots, text)
        self._targets[segment_id] = (element, flatten(element)[1])
        self.changed = True

    def _target(self, segment_id: str) -> tuple[etree._Element, list[Slot]]:
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
        if not self.changed:
            return self.raw
        codec, bom_length = sniff_encoding(self.raw[:4])
        if not bom_length:
            codec = self.tree.docinfo.encoding or "utf-8"
        original = self.raw[bom_length:].decode(codec, "replace")
        # lxml keeps neither the declaration's spelling nor the blank space around the root:
        # both are taken from the original, so that only edited targets differ.
        declaration = _DECLARATION_RE.match(original)
        head = declaration.group() if declaration else ""
        rest = original[len(head):]
        after_head = rest[:len(rest) - len(rest.lstrip())]
        trailing = original[len(original.rstrip()):]
        body = etree.tostring(self.tree, encoding="unicode")
        text = head + after_head + body + trailing
        if "\r\n" in original:
            text = text.replace("\r\n", "\n").replace("\n", "\r\n")
        return self.raw[:bom_length] + text.encode(codec, "xmlcharrefreplace")
