"""Inline markup of XML translation files as flat text, and back.

A target such as ``Press <g id="1">O</g>K<x id="2"/>.`` is read as the text ``Press OK￼.``.
Formatting and annotation (``<g>``, ``<bpt>``/``<ept>``, ``<it>``, ``<pc>``, ``<hi>``,
``<mrk>``) is no word boundary: its tags add nothing to the text, and the native code inside
``<bpt>``, ``<ept>`` and ``<it>`` is never seen. A standalone placeholder (``<x/>``, ``<ph>``,
``<bx/>``, ``<ex/>``, ``<sc/>``, ``<ec/>``, a comment) becomes one PLACEHOLDER, which no
term is matched across. Each text slot (an element's ``.text`` or ``.tail``) is one stretch of
the flat text, so an edited text is written back edit by edit into the slot it falls in,
every tag kept where it was.
"""
from __future__ import annotations

import re

from dataclasses import dataclass

from lxml import etree

from mtcheck.formats.textedits import edits_between, one_edit
from mtcheck.formats.xml import local
from mtcheck.language import PLACEHOLDER

# Elements whose content is translatable text (the rest hold native code or nothing).
TEXT_ELEMENTS = frozenset({"g", "mrk", "pc", "hi", "sub"})
# Formatting that may fall inside a word: its tags are no word boundary. (<sub> is another
# text, not formatting; the empty-element forms stand for code a reader cannot see.)
FORMATTING = frozenset({"g", "mrk", "pc", "hi", "bpt", "ept", "it"})


def marks(name: str) -> int:
    """How many placeholders one tag of the element named `name` stands for in the flat text."""
    return 0 if name in FORMATTING else 1


@dataclass(frozen=True)
class Slot:
    element: etree._Element
    attribute: str  # "text" or "tail"
    start: int      # where its content stands in the flat text
    end: int


class InlineError(ValueError):
    """An edited text cannot be written back keeping the inline tags of the original."""


class _Flat:
    def __init__(self):
        self.pieces: list[str] = []
        self.slots: list[Slot] = []
        self.length = 0

    def add(self, piece: str) -> None:
        self.pieces.append(piece)
        self.length += len(piece)

    def slot(self, element: etree._Element, attribute: str) -> None:
        content = getattr(element, attribute) or ""
        self.slots.append(Slot(element, attribute, self.length, self.length + len(content)))
        self.add(content)


def flatten(element: etree._Element) -> tuple[str, list[Slot]]:
    """The element's translatable text (PLACEHOLDER for each standalone tag) and its slots."""
    flat = _Flat()
    flat.slot(element, "text")
    _walk(element, flat)
    return "".join(flat.pieces), flat.slots


def tags_inside(element: etree._Element) -> bool:
    """Whether an inline tag stands inside the element's text, not only before or after it
    all. (A tag stands wherever two slots meet.)"""
    text, slots = flatten(element)
    return any(text[:slot.end].strip(PLACEHOLDER) and text[slot.end:].strip(PLACEHOLDER) for slot in slots[:-1])


def formatting_inside(element: etree._Element) -> bool:
    """Whether a paired formatting tag (<g>, <pc>: no placeholder in the flat text) begins or
    ends inside the element's text: a new translation could not say where it goes. Standalone
    tags and placeholders (<x/>, <ph>) leave their mark in the text and can be kept."""
    text, slots = flatten(element)
    return any(PLACEHOLDER not in text[slot.end:after.start] and text[:slot.end].strip(PLACEHOLDER)
               and text[slot.end:].strip(PLACEHOLDER) for slot, after in zip(slots, slots[1:]))


def _walk(parent: etree._Element, flat: _Flat) -> None:
    for child in parent:
        name = local(child.tag) if isinstance(child.tag, str) else None
        boundary = PLACEHOLDER * (marks(name) if name else 1)  # a comment: one opaque mark
        flat.add(boundary)
        if name in TEXT_ELEMENTS:
            flat.slot(child, "text")
            _walk(child, flat)
            flat.add(boundary)
        flat.slot(child, "tail")


def respelled(slots: list[Slot], old: str, new: str) -> dict[int, str]:
    """The new contents of the slots (by number) that an edit of the flat text from `old` to
    `new` changes. Raises InlineError, changing nothing, where an edit removes or adds a
    placeholder or spans a tag boundary (no one slot holds it)."""
    if len(slots) == 1:  # no tag: the text is the slot's
        if new.count(PLACEHOLDER) > old.count(PLACEHOLDER):
            raise InlineError("the edited text adds an inline tag placeholder")
        return {} if old == new else {0: new}
    contents: dict[int, str] = {}
    changes: dict[int, list[tuple[int, int, str]]] = {}
    coarse = one_edit(old, new)
    if coarse is None:
        return contents
    # One slot holds everything that changed (the common case, and linear); else edit by edit.
    placed = _slot_of(slots, old, *coarse) is not None and PLACEHOLDER not in coarse[2]
    for start, end, replacement in [coarse] if placed else edits_between(old, new):
        if PLACEHOLDER in replacement:
            raise InlineError("the edited text adds an inline tag placeholder")
        number = _slot_of(slots, old, start, end, replacement)
        pieces = [(start, end, replacement, number)]
        if number is None:
            # Word by word where the words pair up: "Das <g>Verzeichnis</g>" -> "Der <g>Ordner</g>".
            pieces = [(s, e, r, _slot_of(slots, old, s, e, r)) for s, e, r in _word_by_word(old, start, end, replacement)]
            if not pieces or any(n is None for *_, n in pieces):
                raise InlineError("an edit spans an inline tag boundary or a placeholder")
        for piece_start, piece_end, text, slot in pieces:
            changes.setdefault(slot, []).append((piece_start, piece_end, text))
    for number, edits in changes.items():
        slot = slots[number]
        content, pieces, done = old[slot.start:slot.end], [], slot.start
        if content != (getattr(slot.element, slot.attribute) or ""):
            raise InlineError("the text is not the element's text")
        for start, end, replacement in edits:
            pieces += [old[done:start], replacement]
            done = end
        pieces.append(old[done:slot.end])
        contents[number] = "".join(pieces)
    return contents


_PARTS = re.compile(r"\s+|[^\s]+")


def _word_by_word(old: str, start: int, end: int, replacement: str) -> list[tuple[int, int, str]]:
    """An edit as one edit per word, where old and new have their words and spaces in the
    same places and the spaces stay; [] where they do not pair up."""
    old_parts, new_parts = _PARTS.findall(old[start:end]), _PARTS.findall(replacement)
    if len(old_parts) != len(new_parts) or any(a.isspace() != b.isspace() or (a.isspace() and a != b)
                                               for a, b in zip(old_parts, new_parts)):
        return []
    edits, at = [], start
    for a, b in zip(old_parts, new_parts):
        if a != b:
            edits.append((at, at + len(a), b))
        at += len(a)
    return edits


def _slot_of(slots: list[Slot], old: str, start: int, end: int, replacement: str) -> int | None:
    """The slot an edit falls in; an insertion where tags meet joins the word it continues
    (the one before, else the one after), else stays outside the tags there."""
    holding = [n for n, slot in enumerate(slots) if slot.start <= start and end <= slot.end]
    if len(holding) <= 1:
        return holding[0] if holding else None
    if start > 0 and old[start - 1].isalnum() and replacement[:1].isalnum():
        return holding[0]
    if start < len(old) and old[start].isalnum() and replacement[-1:].isalnum():
        return holding[-1]
    return min(holding, key=lambda n: _depth(slots[n]))


def _depth(slot: Slot) -> int:
    """How deep in tags a slot's content stands (an element's text is inside it, its tail not)."""
    return sum(1 for _ in slot.element.iterancestors()) + (slot.attribute == "text")


def fill(slots: list[Slot], contents: dict[int, str]) -> None:
    """Write the slots' new contents (from `respelled`) into the tree."""
    for number, content in contents.items():
        setattr(slots[number].element, slots[number].attribute, content or None)


def restore(slots: list[Slot], old: str, new: str) -> None:
    """Write an edited flat text back into its slots; InlineError (nothing changed) where
    an edit cannot keep the tags."""
    fill(slots, respelled(slots, old, new))
