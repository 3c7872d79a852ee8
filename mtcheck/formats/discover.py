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
    """Files in argument order; a folder's files sorted, hidden entries skipped."""
    for given in paths:
        path = Path(given)
        if path.is_file():
            yield str(path)
        elif path.is_dir():
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(os.path.join(root, f) for f in files
                             if not f.startswith(".") and f.lower().endswith(KNOWN_SUFFIXES))
            yield from sorted(found)
        else:
            raise InputError(given, "no such file or directory")
