"""The edits that turn one text into another, as (start, end, replacement) in the old text, so
that a writer can place each one where it belongs (formats.inline: in the slot of one tag).

Texts are compared word by word; only words and placeholders anchor two edits apart (a space
or a comma in common does not cut one replaced phrase in two), and each edit is then trimmed
to the characters it really changes.
"""
from __future__ import annotations

import difflib
import os
import re

from mtcheck.language import PLACEHOLDER

_TOKEN_RE = re.compile(r"\w+|\s+|.", re.S)
_ANCHOR_RE = re.compile(r"\w|" + PLACEHOLDER)
_DIFF_LIMIT = 1_000  # tokens; beyond it the changed stretch is taken as one edit (a diff is quadratic)


def one_edit(old: str, new: str) -> tuple[int, int, str] | None:
    """The one edit, between what the texts share at both ends, that makes `new` of `old`
    (None where they are the same): in linear time."""
    if old == new:
        return None
    head = _common_prefix(old, new)
    tail = min(_common_prefix(old[head:][::-1], new[head:][::-1]), len(old) - head, len(new) - head)
    return head, len(old) - tail, new[head:len(new) - tail]


def edits_between(old: str, new: str) -> list[tuple[int, int, str]]:
    """Disjoint edits, in text order, that make `new` of `old`."""
    if old == new:
        return []
    head = _common_prefix(old, new)
    tail = min(_common_prefix(old[head:][::-1], new[head:][::-1]), len(old) - head, len(new) - head)
    # Whole words: the diff below compares words, so the stretch starts and ends between words.
    while head and _is_word(old[head - 1]):
        head -= 1
    while tail and _is_word(old[len(old) - tail]):
        tail -= 1
    old_middle, new_middle = old[head:len(old) - tail], new[head:len(new) - tail]
    edits = []
    for i1, i2, j1, j2 in _changed_stretches(old_middle, new_middle):
        edits.append(_trimmed(old, head + i1, head + i2, new_middle[j1:j2]))
    return edits


def _changed_stretches(old: str, new: str) -> list[tuple[int, int, int, int]]:
    """Character spans (old start, old end, new start, new end) that differ, joined across
    what the two share unless that holds a word or a placeholder."""
    old_tokens, new_tokens = _TOKEN_RE.findall(old), _TOKEN_RE.findall(new)
    if len(old_tokens) + len(new_tokens) > _DIFF_LIMIT:
        return [(0, len(old), 0, len(new))]
    old_at, new_at = _offsets(old_tokens), _offsets(new_tokens)
    stretches: list[list[int]] = []
    pending_gap = False  # what was shared since the last stretch anchors nothing
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False).get_opcodes():
        if tag == "equal":
            pending_gap = not any(_ANCHOR_RE.search(token) for token in old_tokens[i1:i2])
            continue
        span = [old_at[i1], old_at[i2], new_at[j1], new_at[j2]]
        if stretches and pending_gap:
            stretches[-1][1], stretches[-1][3] = span[1], span[3]
        else:
            stretches.append(span)
    return [tuple(s) for s in stretches]


def _trimmed(old: str, start: int, end: int, replacement: str) -> tuple[int, int, str]:
    """The edit without the characters it leaves as they were at either end."""
    removed = old[start:end]
    head = _common_prefix(removed, replacement)
    tail = min(_common_prefix(removed[head:][::-1], replacement[head:][::-1]), len(removed) - head)
    return start + head, end - tail, replacement[head:len(replacement) - tail]


def _offsets(tokens: list[str]) -> list[int]:
    offsets, at = [0], 0
    for token in tokens:
        at += len(token)
        offsets.append(at)
    return offsets


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _common_prefix(a: str, b: str) -> int:
    return len(os.path.commonprefix((a, b)))
