"""The multi-pattern automaton over code strings that mtcheck.matching searches.

daachorse's character-wise double array where it is installed (its wheels cover Linux on
x86-64, macOS and Windows): built as fast as ahocorasick-rs's fastest kind, searched faster,
and written to bytes and read back, checked, in milliseconds (90,000 patterns: built in
0.12 s, read in 0.002 s), so that a warm start builds none. Elsewhere (Linux on ARM, where
daachorse has no wheel and building it needs Rust) ahocorasick-rs's contiguous NFA, built
again at every start. Both give every overlapping hit as (start, end, pattern index), in the
same order.
"""
from __future__ import annotations

from typing import Callable

try:
    import daachorse
except ImportError:  # no wheel for this platform: the other backend
    daachorse = None


def build(patterns: list[str]):
    """An automaton over `patterns` (distinct, not empty) with `find_overlapping(text)`."""
    if daachorse is not None:
        return daachorse.CharwiseDoubleArrayAhoCorasick(patterns)
    return _Contiguous(patterns)


def to_bytes(automaton) -> bytes | None:
    """What the cache keeps of an automaton: its bytes, or None where its kind has none."""
    if daachorse is not None and isinstance(automaton, daachorse.CharwiseDoubleArrayAhoCorasick):
        return automaton.serialize()
    return None


def restored(data: bytes | None, patterns: Callable[[], list[str]]):
    """The automaton whose bytes `to_bytes` gave, checked as it is read (ValueError where they
    are damaged); built again from `patterns()` where there are none or this backend cannot
    read them."""
    if data is not None and daachorse is not None:
        return daachorse.CharwiseDoubleArrayAhoCorasick.deserialize(data)
    return build(patterns())


class _Contiguous:
    """ahocorasick-rs's automaton, its hits in daachorse's shape."""

    def __init__(self, patterns: list[str]):
        import ahocorasick_rs

        # Of its kinds the fastest to build for tens of thousands of patterns, and faster to
        # search than the kind it picks by itself.
        self._automaton = ahocorasick_rs.AhoCorasick(patterns, matchkind=ahocorasick_rs.MATCHKIND_STANDARD,
                                                     implementation=ahocorasick_rs.Implementation.ContiguousNFA)

    def find_overlapping(self, text: str) -> list[tuple[int, int, int]]:
        return [(start, end, index) for index, start, end
                in self._automaton.find_matches_as_indexes(text, overlapping=True)]

