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
        keys = keys_of(segment)
        if keys is None:
            return []
        source_key, target_key = keys
        by_source, by_target = here_records(segment, source_key, target_key)
        first_source = self._remember(self._by_source, source_key, by_source)
        first_target = self._remember(self._by_target, target_key, by_target)
        return self.judged(segment, source_key, target_key, None if first_source is by_source else first_source,
                           None if first_target is by_target else first_target)

    def judged(self, segment: Segment, source_key: int, target_key: int, first_source: tuple | None,
               first_target: tuple | None) -> list[Finding]:
        """A segment against the first segment of its source (`first_source`) and of its
        translation (`first_target`), None where it is the first or none is remembered."""
        findings = []
        if first_source is not None and first_source[0] != target_key:
            findings.append(self.finding_at(
                segment.locate(0, len(segment.text)),
                f"the same source is translated differently in segment {_name(first_source)}: "
                f"{_quoted(first_source[3])}",
                text=segment.text, context=segment.whole(), other_segment=first_source[1],
                other_line=first_source[2], other_translation=first_source[3][:SHOWN], kind="same-source"))
        if first_target is not None and first_target[0] != source_key:
            findings.append(self.finding_at(
                segment.locate(0, len(segment.text)),
                f"the same translation stands for a different source in segment {_name(first_target)}: "
                f"{_quoted(first_target[3])}",
                text=segment.text, context=segment.whole(), other_segment=first_target[1],
                other_line=first_target[2], other_source=first_target[3][:SHOWN], kind="same-target"))
        return findings

    @staticmethod
    def _remember(table: dict, key: int, record: tuple) -> tuple:
        known = table.get(key)
        if known is None and len(table) < REMEMBERED:
            table[key] = record
        return known or record


def keys_of(segment: Segment) -> tuple[int, int] | None:
    """The segment's source and target as compared, or None where it has not both."""
    if not segment.source or not segment.source.strip() or not segment.text.strip():
        return None
    return _key(segment.source), _key(segment.text)


def here_records(segment: Segment, source_key: int, target_key: int) -> tuple[tuple, tuple]:
    """What is remembered of a segment as the first of its source, and of its translation."""
    return ((target_key, segment.id, segment.line, segment.text[:SHOWN + 1]),
            (source_key, segment.id, segment.line, segment.source[:SHOWN + 1]))


def _quoted(text: str) -> str:
    """The other segment's text on one line, cut at SHOWN characters (it was kept one longer,
    to tell)."""
    cut = len(text) > SHOWN
    text = " ".join(text[:SHOWN].split())
    return f"'{text}…'" if cut else f"'{text}'"


def _name(record: tuple[int, str | None, int, str]) -> str:
    return f"{record[1]} (line {record[2]})" if record[1] else f"at line {record[2]}"
