"""Safe fixes: deprecated and foreign renderings replaced by the preferred term, inflected
and capitalised like what was found, only where the rule has exactly one suggestion."""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Callable, Iterable

from mtcheck.engine import Checker
from mtcheck.lang import tokens
from mtcheck.model import Finding, Glossary, Segment
from mtcheck.rules.deprecated import DeprecatedRendering
from mtcheck.rules.foreign import ForeignRendering

FIXABLE_RULES = (DeprecatedRendering, ForeignRendering)


@dataclass(frozen=True)
class Edit:
    segment: Segment
    start: int          # offsets in the segment's text
    end: int
    old: str
    new: str
    rule: str


def fixable(finding: Finding) -> bool:
    return finding.rule in {r.id for r in FIXABLE_RULES} and len(finding.suggestions) == 1 \
        and finding.suggestions[0] != finding.text


def plan(glossary: Glossary, path: str, segments: list[Segment], lang: str,
         keep: Callable[[Finding], bool] = lambda finding: True) -> list[Edit]:
    """The edits that would fix a file's fixable findings (those `keep` lets through: a
    suppressed finding is not fixed)."""
    checker = Checker(glossary, FIXABLE_RULES)
    by_place = {(s.id, s.line): s for s in segments}
    edits: list[Edit] = []
    concepts = {c.id: c for c in glossary}
    for finding in (f for batch in checker.check_batches(path, segments, lang) for f in batch):
        if not fixable(finding) or not keep(finding):
            continue
        preferred = concepts[finding.concept].preferred(lang) if finding.concept in concepts else None
        term = str(finding.data.get("term", ""))
        if preferred is None or not unambiguous(finding.text, term, finding.suggestions[0], preferred.text):
            continue
        segment = _segment_of(finding, segments, by_place)
        if segment is None:
            continue
        start = segment.offset(finding.location.line, finding.location.column)
        end = segment.offset(finding.location.end_line, finding.location.end_column)
        if segment.text[start:end] != finding.text:
            continue  # never edit what is not exactly what was found
        edits.append(Edit(segment, start, end, finding.text, finding.suggestions[0], finding.rule))
    return edits


def unambiguous(found: str, term: str, suggestion: str, preferred: str) -> bool:
    """Whether a suggestion keeps what the found text says: the found text is its term's
    citation form, or every word's ending (case, number, a compound's tail) is carried over.
    "Nachahmerbewegungen" → "Wettbewerbsbewegung" loses the plural, so it is left alone."""
    if found.casefold() == term.casefold():
        return True
    words = [w for w, _, _ in tokens(found)], [w for w, _, _ in tokens(term)], \
        [w for w, _, _ in tokens(suggestion)], [w for w, _, _ in tokens(preferred)]
    if len({len(w) for w in words}) != 1:
        return False
    return all(_ending(f, t) == _ending(s, p) for f, t, s, p in zip(*words))


def _ending(surface: str, base: str) -> str:
    surface_folded, base_folded = surface.casefold(), base.casefold()
    shared = 0
    for a, b in zip(surface_folded, base_folded):
        if a != b:
            break
        shared += 1
    return surface_folded[shared:] + "|" + str(len(base_folded) - shared)


def _segment_of(finding: Finding, segments: list[Segment], by_place: dict) -> Segment | None:
    location = finding.location
    if location.segment is not None:
        found = [s for s in segments if s.id == location.segment]
        return found[0] if len(found) == 1 else None
    return next((s for s in segments if s.line <= location.line <= s.line + s.text.count("\n")), None)


def apply(text: str, edits: Iterable[Edit]) -> str:
    """`text` with the edits made, right to left; an edit overlapping another is dropped."""
    result, limit = text, len(text) + 1
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        if edit.end > limit:
            continue
        result = result[:edit.start] + edit.new + result[edit.end:]
        limit = edit.start
    return result


def by_segment(edits: list[Edit]) -> dict[int, list[Edit]]:
    grouped: dict[int, list[Edit]] = {}
    for edit in edits:
        grouped.setdefault(id(edit.segment), []).append(edit)
    return grouped


def unified_diff(path: str, old: str, new: str) -> str:
    return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                        fromfile=f"a/{path}", tofile=f"b/{path}"))
