"""Safe fixes: deprecated and foreign renderings replaced by the preferred term, inflected
and capitalised like what was found, only where the rule has exactly one suggestion."""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Callable, Iterable

from mtcheck.engine import Checker
from mtcheck.language import tokens
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
                 source_lang: str | None = None, source_support: bool = True, variants: bool = True):
        """`foreign_langs`, `source_lang`, `source_support`, `variants`: as `check` has them (a
        target word in another sense than its concept's is no rendering to fix)."""
        self.glossary = glossary
        self.checker = Checker(glossary, FIXABLE_RULES, foreign_langs=foreign_langs, source_lang=source_lang,
                               source_support=source_support, variants=variants)
        self.concepts = {c.id: c for c in glossary}


def fixable(finding: Finding) -> bool:
    return finding.rule in _FIXABLE_IDS and len(finding.suggestions) == 1 \
        and finding.suggestions[0] != finding.text


def plan(glossary: Glossary, path: str, segments: list[Segment], lang: str,
         keep: Callable[[Finding], bool] = lambda finding: True, fixer: Fixer | None = None) -> list[Edit]:
    """The edits that would fix a file's fixable findings (those `keep` lets through: a
    suppressed finding is not fixed). Pass a run's `fixer` to compile the glossary once."""
    if fixer is None:
        fixer = Fixer(glossary)
    places = _Places(segments)
    edits: list[Edit] = []
    concepts = fixer.concepts
    for finding in (f for batch in fixer.checker.check_batches(path, segments, lang) for f in batch):
        if not fixable(finding) or not keep(finding):
            continue
        preferred = concepts[finding.concept].preferred(lang) if finding.concept in concepts else None
        term = str(finding.data.get("term", ""))
        if preferred is None or not unambiguous(finding.text, term, finding.suggestions[0], preferred.text):
            continue
        segment = places.segment_of(finding)
        if segment is None:
            continue
        start = segment.offset(finding.location.line, finding.location.column)
        end = segment.offset(finding.location.end_line, finding.location.end_column)
        if segment.text[start:end] != finding.text:
            continue  # never edit what is not exactly what was found
        edits.append(Edit(segment, start, end, finding.text, keep_spacing(finding.text, finding.suggestions[0]),
                          finding.rule))
    return edits


def keep_spacing(found: str, suggestion: str) -> str:
    """The suggestion with the found text's white space between its words, where both have
    as many words and both put only white space between them: a no-break space, or a line
    break inside a CSV cell or PO string, stays where the translator put it."""
    found_words, suggested_words = tokens(found), tokens(suggestion)
    if len(found_words) != len(suggested_words) or len(found_words) < 2:
        return suggestion
    pieces, done = [], 0
    for (_, _, found_end), (_, found_next, _), (_, _, end), (_, next_start, _) in zip(
            found_words, found_words[1:], suggested_words, suggested_words[1:]):
        found_gap, gap = found[found_end:found_next], suggestion[end:next_start]
        if not (found_gap.isspace() and gap.isspace()):
            continue
        pieces += [suggestion[done:end], found_gap]
        done = next_start
    return "".join(pieces) + suggestion[done:]


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
