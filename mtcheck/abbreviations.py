"""Abbreviations a text defines for a glossary term, and initialisms of a term it has used:
"die Vaterländische Front (VF) … die VF" — after the definition, "VF" is the concept too.

A definition is a match followed by its abbreviation in brackets ("Vaterländische Front
(VF)"), or an abbreviation followed by the match in brackets ("VF (Vaterländische Front)"):
the abbreviation starts with the term's first letter and is written mostly in capitals. An
initialism of a term of three words or more (VVF for "Vietnamesische Vaterländische Front")
counts once the text has used the term. Both count from there to the end of the document,
as a reader takes them.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator

from mtcheck.language import TOKEN_RE
from mtcheck.model import Match, Segment

_SHORT = r"[^\W\d_][\w&.-]{0,9}"
_AFTER = re.compile(rf"\s*\(\s*({_SHORT})\s*\)")  # "Front (VF)"
_BEFORE = re.compile(rf"({_SHORT})\s*\(\s*$")  # "VF (" before the match, ")" after it
_CLOSING = re.compile(r"\s*\)")
_LOOK_BACK = 16  # characters before a match where "VF (" may stand: an abbreviation, a bracket
_LONGEST_SPAN = 1000  # characters: no match is longer, so no earlier one can reach past it
MIN_INITIALISM = 3  # letters of an initialism counted without a definition: two are too often something else


def _abbreviation(candidate: str, full: str) -> bool:
    """Whether `candidate` can abbreviate `full`: its first letter, written mostly in capitals."""
    letters = [c for c in candidate if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return (len(letters) >= 2 and capitals >= 2 and capitals * 2 >= len(letters)
            and candidate[0].casefold() == full[:1].casefold())


def _overlaps(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted `spans` (matches are short: the span
    before `end` and a few before it are all that can reach)."""
    index = bisect.bisect_left(starts, end) - 1
    while index >= 0:
        span_start, span_end = spans[index]
        if span_end > start:
            return True
        if start - span_start > _LONGEST_SPAN:
            return False
        index -= 1
    return False


def _initialism(words: list[str]) -> str:
    return "".join(word[0] for word in words).upper()


def bracketed(text: str, match: Match) -> Iterator[tuple[str, int, int]]:
    """The abbreviations a text defines for a match, in brackets beside it ("Vaterländische
    Front (VF)", "VF (Vaterländische Front)"): (abbreviation, start, end)."""
    after = _AFTER.match(text, match.end)
    if after and _abbreviation(after.group(1), match.text):
        yield after.group(1), after.start(1), after.end(1)
    before = _BEFORE.search(text, max(0, match.start - _LOOK_BACK), match.start)
    if before and _CLOSING.match(text, match.end) and _abbreviation(before.group(1), match.text):
        yield before.group(1), before.start(1), before.end(1)


def initialism(match: Match) -> str | None:
    """The initialism a match's use makes count from there on (a term of three words or more),
    or None."""
    words = TOKEN_RE.findall(match.text)
    return _initialism(words) if len(words) >= MIN_INITIALISM else None


class Abbreviations:
    """What one document has defined so far, by abbreviation: the concept and term it stands for."""

    def __init__(self, defined: dict[str, Match] | None = None, events: list | None = None) -> None:
        """`defined`: what the document defined before (a part of a file: the parts before
        it); `events`: a list that each definition is appended to, as (abbreviation,
        whether an initialism, match)."""
        self.defined: dict[str, Match] = dict(defined or {})
        self.events = events
        self._pattern: re.Pattern | None = None

    def read(self, segment: Segment, matches: list[Match]) -> list[Match]:
        """The abbreviations of the segment's text, as matches of their concept, in text order:
        those defined before it, and those it defines after their definition; learns them."""
        taken = [(m.start, m.end) for m in matches]
        since: dict[str, int] = {}  # an abbreviation this segment defines: from where it counts
        for match in sorted(matches, key=lambda m: m.start):
            if match.foreign:
                continue
            for abbreviation, start, end in bracketed(segment.text, match):
                self._define(abbreviation, match)
                taken.append((start, end))  # the definition's own brackets
                since.setdefault(abbreviation, end)
            initials = initialism(match)
            if initials is not None and initials not in self.defined:
                self._define(initials, match, initialism=True)
                since.setdefault(initials, match.end)
        if not self.defined:
            return []
        taken.sort()
        starts = [start for start, _ in taken]
        return [found for found in self._occurrences(segment)
                if found.start >= since.get(found.text, 0) and not _overlaps(taken, starts, found.start, found.end)]

    def _define(self, abbreviation: str, match: Match, initialism: bool = False) -> None:
        self.defined[abbreviation] = match
        self._pattern = None
        if self.events is not None:
            self.events.append((abbreviation, initialism, match))

    def _occurrences(self, segment: Segment) -> Iterable[Match]:
        if self._pattern is None:
            names = sorted(self.defined, key=len, reverse=True)
            self._pattern = re.compile(r"(?<![\w&.-])(" + "|".join(map(re.escape, names)) + r")(?![\w&-])")
        for found in self._pattern.finditer(segment.text):
            defining = self.defined[found.group(1)]
            kind = "initialism" if found.group(1) == _initialism(TOKEN_RE.findall(defining.text)) else "abbreviation"
            yield Match(segment, found.start(), found.end(), defining.concept, defining.term, False, "", (), kind)
