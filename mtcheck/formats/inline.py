"""Inline markup of XML translation files as placeholders, and back.

A target such as ``Press <g id="1">OK</g><x id="2"/>.`` is read as the text
``Press ￼OK￼￼.``: every tag boundary becomes one PLACEHOLDER, which no term is matched
across, and code inside tags (``<ph>``, ``<bpt>`` …) is never seen. The text pieces between
placeholders map one to one onto the element's text slots (``.text`` and ``.tail``), so an
edited text is written back into the same tree, every tag kept as it was.
"""
from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from mtcheck.formats.xml import local
from mtcheck.lang import PLACEHOLDER

# Elements whose content is translatable text (the rest hold native code or nothing).
TEXT_ELEMENTS = frozenset({"g", "mrk", "pc", "hi", "sub"})


def marks(name: str) -> int:
    """How many placeholders one tag of the element named `name` stands for in the flat text."""
    return 1


@dataclass(frozen=True)
class Slot:
    element: etree._Element
    attribute: str  # "text" or "tail"


class InlineError(ValueError):
    """An edited text does not keep the placeholders of the original."""


def flatten(element: etree._Element) -> tuple[str, list[Slot]]:
    """The element's translatable text with PLACEHOLDER for each tag boundary, and its slots."""
    pieces: list[str] = [element.text or ""]
    slots = [Slot(element, "text")]
    _walk(element, pieces, slots)
    return "".join(pieces), slots


def _walk(parent: etree._Element, pieces: list[str], slots: list[Slot]) -> None:
    for child in parent:
        if isinstance(child.tag, str) and local(child.tag) in TEXT_ELEMENTS:
            pieces.append(PLACEHOLDER)
            pieces.append(child.text or "")
            slots.append(Slot(child, "text"))
            _walk(child, pieces, slots)
            pieces.append(PLACEHOLDER)
        else:
            pieces.append(PLACEHOLDER)  # code, comment or empty tag: one opaque mark
        pieces.append(child.tail or "")
        slots.append(Slot(child, "tail"))


def restore(slots: list[Slot], text: str) -> None:
    """Write an edited flat text back into its slots; the placeholders must all be there.

    Every placeholder is followed by exactly one slot (a text element's inside or a tag's
    tail), so the text's pieces between placeholders are the slots' new contents.
    """
    parts = text.split(PLACEHOLDER)
    if len(parts) != len(slots):
        raise InlineError(f"the text has {len(parts) - 1} inline tag placeholders where the original has "
                          f"{len(slots) - 1}")
    for slot, part in zip(slots, parts):
        setattr(slot.element, slot.attribute, part or None)
