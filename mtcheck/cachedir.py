"""Where mtcheck keeps what it derives once and reuses (the decompressed language model, the
lemmatizer's dictionaries as tries).

`MTCHECK_CACHE_DIR` names the folder. Otherwise, inside a virtual environment, the cache lives
in that environment (`var/cache/mtcheck` under it): it goes when the environment goes, a new
environment never adds a copy to a folder shared by all of them, and running mtcheck from an
environment in a project's folder writes nothing outside that folder. Elsewhere it is the
user's cache folder (platformdirs). Losing the cache costs time, never results.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

ENVIRONMENT_CACHE = ("var", "cache", "mtcheck")


def cache_folder() -> Path:
    named = os.environ.get("MTCHECK_CACHE_DIR")
    if named:
        return Path(named)
    if sys.prefix != sys.base_prefix:  # a virtual environment
        return Path(sys.prefix, *ENVIRONMENT_CACHE)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("mtcheck"))


def prune(folder: Path, pattern: str, keep: Path) -> None:
    """Remove what matches `pattern` in `folder` (files, or folders with their files) other
    than `keep`: versions of one cached thing that an upgrade left behind."""
    import shutil

    try:
        for stale in folder.glob(pattern):
            if stale == keep:
                continue
            if stale.is_dir() and not stale.is_symlink():
                shutil.rmtree(stale, ignore_errors=True)
            else:
                stale.unlink(missing_ok=True)
    except OSError:
        pass
