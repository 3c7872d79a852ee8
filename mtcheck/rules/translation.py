"""GL005 inconsistent-translation."""
from __future__ import annotations

from typing import Iterable

from mtcheck.model import Finding, Match, Segment, Severity
from mtcheck.rules.base import Rule


def _key(text: str) -> int:
    # Whitespace runs and case do not make two segments different; a 64-bit hash keeps the
    # state of a million-segment memory small.
    return hash(" ".join(text.casefold().split()))


REMEMBERED = 500_000  # distinct sources (and targets) per file
SHOWN = 200  # characters of the other segment's text a finding quotes


class InconsistentTranslation(Rule):
    """The same source segment is translated in two ways, or two different source segments
    share one translation, within a file (as Xbench and Okapi report them).

    Segments are compared with whitespace and case ignored. The first translation seen is
    the reference; each later segment that departs from it is reported, naming the segment
    it departs from. In bounded memory: a file's first 500,000 distinct sources and targets
    are remembered, and later segments are compared with those. The finding quotes the other
    translation (or the other source), so that a translator sees both.

    Bad (vi→de):  "Dân vận khéo" → "Geschickte Massenmobilisierung" … "Dân vận khéo" → "Kluge Mobilisierung"
    Good (vi→de): "Dân vận khéo" → "Geschickte Massenmobilisierung" … "dân vận khéo" → "Geschickte  Massenmobilisierung"
    """

    id = "GL005"
    name = "inconsistent-translation"
    severity = Severity.WARNING
    mergeable = False  # a segment is judged against those of the documents before it
    bilingual_only = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # source key -> (target key, segment id, line, target);  target key -> (source key, segment id, line, source)
        self._by_source: dict[int, tuple[int, str | None, int, str]] = {}
        self._by_target: dict[int, tuple[int, str | None, int, str]] = {}

    def on_segment(self, segment: Segment, source: list[Match], target: list[Match],
                   rendered: set[str]) -> Iterable[Finding]:
        if not segment.source or not segment.source.strip() or not segment.text.strip():
            return []
        source_key, target_key = _key(segment.source), _key(segment.text)
        findings = []
        here = (target_key, segment.id, segment.line, segment.text[:SHOWN + 1])
        first = self._remember(self._by_source, source_key, here)
        if first is not here and first[0] != target_key:
            findings.append(self.finding_at(
                segment.locate(0, len(segment.text)),
                f"the same source is translated differently in segment {_name(first)}: {_quoted(first[3])}",
                text=segment.text, context=segment.whole(), other_segment=first[1], other_line=first[2],
                other_translation=first[3][:SHOWN], kind="same-source"))
        here = (source_key, segment.id, segment.line, segment.source[:SHOWN + 1])
        first = self._remember(self._by_target, target_key, here)
        if first is not here and first[0] != source_key:
            findings.append(self.finding_at(
                segment.locate(0, len(segment.text)),
                f"the same translation stands for a different source in segment {_name(first)}: {_quoted(first[3])}",
                text=segment.text, context=segment.whole(), other_segment=first[1], other_line=first[2],
                other_source=first[3][:SHOWN], kind="same-target"))
        return findings

    @staticmethod
    def _remember(table: dict, key: int, record: tuple) -> tuple:
        known = table.get(key)
        if known is None and len(table) < REMEMBERED:
            table[key] = record
        return known or record


def _quoted(text: str) -> str:
    """The other segment's text on one line, cut at SHOWN characters (it was kept one longer,
    to tell)."""
    cut = len(text) > SHOWN
    text = " ".join(text[:SHOWN].split())
    return f"'{text}…'" if cut else f"'{text}'"


def _name(record: tuple[int, str | None, int, str]) -> str:
    return f"{record[1]} (line {record[2]})" if record[1] else f"at line {record[2]}"
