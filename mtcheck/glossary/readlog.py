"""What reading a glossary file met besides its concepts: errors in records a reader could
skip, and data the model has no place for."""
from __future__ import annotations

from collections import Counter

from mtcheck.errors import GlossaryError


class ReadLog:
    """Kept by a reader while it reads one file.

    By default the first error in a record stops the reading, as `check` and `convert` want:
    a glossary read in part would check or convert wrongly without a word. With `keep_going`,
    the reader keeps the error here, skips the record and reads on, so that `glossary
    validate` can report every bad row of a file at once. `unread` counts what the file holds
    that the model does not (TBX data categories such as partOfSpeech), for `glossary
    convert` to say what it leaves out.
    """

    def __init__(self, keep_going: bool = False, count_unread: bool = False):
        self.keep_going = keep_going
        self.count_unread = count_unread
        self.errors: list[GlossaryError] = []
        self.unread: Counter[str] = Counter()

    def error(self, error: GlossaryError) -> None:
        """Stop on `error`, or keep it and let the reader skip the record it is about."""
        if not self.keep_going:
            raise error
        self.errors.append(error)

    def unread_words(self) -> list[str]:
        """What `unread` counted, in words: "3 TBX data categories mtcheck does not read
        (2 partOfSpeech, 1 subjectField)", the most frequent first."""
        if not self.unread:
            return []
        total = sum(self.unread.values())
        kinds = sorted(self.unread.items(), key=lambda kv: (-kv[1], kv[0]))
        named = ", ".join(f"{count} {name}" for name, count in kinds[:_NAMED_KINDS])
        more = f", {len(kinds) - _NAMED_KINDS} more kinds" if len(kinds) > _NAMED_KINDS else ""
        return [f"{total} TBX data categor{'y' if total == 1 else 'ies'} mtcheck does not read ({named}{more})"]


# How many kinds of unread data a warning names; it stays one readable line.
_NAMED_KINDS = 6
