"""Which files a run checks: named files as given, folders searched for known kinds."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

from mtcheck.errors import InputError
from mtcheck.formats import plaintext, po, tmx, xliff

# CSV and TSV files are checked when named, not found in folders: they are as often glossaries.
KNOWN_SUFFIXES = plaintext.SUFFIXES + xliff.SUFFIXES + tmx.SUFFIXES + po.SUFFIXES


def discover(paths: list[str]) -> Iterator[str]:
    """Files in argument order; a folder's files sorted, hidden entries skipped; a file named
    twice (or found again in a folder given too) is checked once."""
    seen: set[Path] = set()

    def first_time(name: str) -> bool:
        resolved = Path(name).resolve()
        if resolved in seen:
            return False
        seen.add(resolved)
        return True

    for given in paths:
        path = Path(given)
        if path.is_file():
            if first_time(str(path)):
                yield str(path)
        elif path.is_dir():
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(os.path.join(root, f) for f in files
                             if not f.startswith(".") and f.lower().endswith(KNOWN_SUFFIXES))
            yield from (name for name in sorted(found) if first_time(name))
        else:
            raise InputError(given, "no such file or directory")
