"""Applying the rules' fixes: deprecated and foreign renderings replaced by the preferred
term, inflected and capitalised like what was found, with the words that agree with it
(mtcheck.language.agreement). `--fix` applies the safe ones, `--unsafe-fixes` the unsafe ones
too; a fix only shown is never applied."""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Callable, Iterable

from mtcheck.engine import Checker
from mtcheck.language.agreement import keep_spacing
from mtcheck.model import Finding, Glossary, Segment
from mtcheck.rules.deprecated import DeprecatedRendering
from mtcheck.rules.foreign import ForeignRendering

FIXABLE_RULES = (DeprecatedRendering, ForeignRendering)
_FIXABLE_IDS = frozenset(r.id for r in FIXABLE_RULES)


@dataclass(frozen=True)
class Edit:
    segment: Segment
    start: int          # offsets in the segment's text
    end: int
    old: str
    new: str
    rule: str


class Fixer:
    """The glossary compiled once for fixing, shared by every file of a run. Reuse is safe:
    with the checker's default file scope, rule state lives only inside each check."""

    def __init__(self, glossary: Glossary, foreign_langs: Iterable[str] | None = None,
                 source_lang: str | None = None, source_support: bool = True, variants: bool = True,
                 unsafe: bool = False):
        """`foreign_langs`, `source_lang`, `source_support`, `variants`: as `check` has them (a
        target word in another sense than its concept's is no rendering to fix); `unsafe`:
        apply unsafe fixes too (`--unsafe-fixes`)."""
        self.glossary = glossary
        self.unsafe = unsafe
        self.checker = Checker(glossary, FIXABLE_RULES, foreign_langs=foreign_langs, source_lang=source_lang,
                               source_support=source_support, variants=variants)
        self.concepts = {c.id: c for c in glossary}


def fixable(finding: Finding, unsafe: bool = False) -> bool:
    """Whether `--fix` applies the finding's fix (with `unsafe`, as `--unsafe-fixes` does)."""
    if finding.rule not in _FIXABLE_IDS or finding.fix is None:
        return False
    return finding.fix.applicability == "safe" or (unsafe and finding.fix.applicability == "unsafe")


def plan(glossary: Glossary, path: str, segments: list[Segment], lang: str,
         keep: Callable[[Finding], bool] = lambda finding: True, fixer: Fixer | None = None,
         unsafe: bool = False) -> list[Edit]:
    """The edits that would fix a file's fixable findings (those `keep` lets through: a
    suppressed finding is not fixed; with `unsafe`, unsafe fixes too). Pass a run's `fixer`
    to compile the glossary once."""
    if fixer is None:
        fixer = Fixer(glossary)
    places = _Places(segments)
    edits: list[Edit] = []
    for finding in (f for batch in fixer.checker.check_batches(path, segments, lang) for f in batch):
        if not fixable(finding, unsafe or fixer.unsafe) or not keep(finding):
            continue
        segment = places.segment_of(finding)
        if segment is None:
            continue
        start = segment.offset(finding.location.line, finding.location.column)
        end = segment.offset(finding.location.end_line, finding.location.end_column)
        if segment.text[start:end] != finding.text:
            continue  # never edit what is not exactly what was found
        made = []
        for edit in finding.fix.edits:
            place = edit.location
            edit_start = segment.offset(place.line, place.column)
            edit_end = segment.offset(place.end_line, place.end_column)
            if edit_start is None or edit_end is None or not 0 <= edit_start <= edit_end <= len(segment.text):
                made = []
                break  # a fix that does not fit its segment is not made at all
            old = segment.text[edit_start:edit_end]
            new = edit.text if (edit_start, edit_end) != (start, end) else keep_spacing(old, edit.text)
            made.append(Edit(segment, edit_start, edit_end, old, new, finding.rule))
        edits += made
    return edits


class _Places:
    """A file's segments by id and by line, each map built once, when first needed: looking
    every finding up in the whole list would cost findings × segments."""

    def __init__(self, segments: list[Segment]):
        self.segments = segments
        self._by_id: dict[str, Segment | None] | None = None
        self._by_line: dict[int, Segment] | None = None

    def segment_of(self, finding: Finding) -> Segment | None:
        """The segment with the finding's id (none if two share it), else the first segment
        covering the finding's line."""
        location = finding.location
        if location.segment is not None:
            if self._by_id is None:
                self._by_id = {}
                for segment in self.segments:
                    if segment.id is not None:
                        # An id given twice names no one segment.
                        self._by_id[segment.id] = None if segment.id in self._by_id else segment
            return self._by_id.get(location.segment)
        if self._by_line is None:
            self._by_line = {}
            for segment in self.segments:
                for line in range(segment.line, segment.line + segment.text.count("\n") + 1):
                    self._by_line.setdefault(line, segment)
        return self._by_line.get(location.line)


def apply(text: str, edits: Iterable[Edit]) -> str:
    """`text` with the edits made; of edits that overlap, the one further right is kept.
    Built from pieces in one pass: a string cut and joined again per edit was quadratic on a
    long line with thousands of edits."""
    kept, limit = [], len(text) + 1
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        if edit.end <= limit:
            kept.append(edit)
            limit = edit.start
    pieces, done = [], 0
    for edit in reversed(kept):
        pieces += [text[done:edit.start], edit.new]
        done = edit.end
    pieces.append(text[done:])
    return "".join(pieces)


def by_segment(edits: list[Edit]) -> dict[int, list[Edit]]:
    grouped: dict[int, list[Edit]] = {}
    for edit in edits:
        grouped.setdefault(id(edit.segment), []).append(edit)
    return grouped


def unified_diff(path: str, old: str, new: str) -> str:
    return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                        fromfile=f"a/{path}", tofile=f"b/{path}"))
