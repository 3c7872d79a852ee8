"""Where mtcheck keeps what it derives once and reuses (the decompressed language model, the
lemmatizer's dictionaries as tries).

`MTCHECK_CACHE_DIR` names the folder. Otherwise, inside a virtual environment, the cache lives
in that environment (`var/cache/mtcheck` under it): it goes when the environment goes, a new
environment never adds a copy to a folder shared by all of them, and running mtcheck from an
environment in a project's folder writes nothing outside that folder. Elsewhere it is the
user's cache folder (platformdirs). Losing the cache costs time, never results.
"""
from __future__ import annotations

import contextlib
import gc
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


def subfolder(name: str) -> Path | None:
    """The cache folder's `name` folder, made if need be; None where it cannot be (no cache,
    the same results)."""
    folder = cache_folder() / name
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


def keep_newest(folder: Path, pattern: str, count: int) -> None:
    """Of the files matching `pattern`, keep the `count` most recently used (written or
    touched), so that a cache stays bounded on disk."""
    try:
        entries = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    except OSError:
        return
    for stale in entries[count:]:
        try:
            stale.unlink()
        except OSError:
            pass


def store(entry: Path, data: bytes, keep: int) -> None:
    """Write an entry atomically, then keep the `keep` most recently used entries of its kind
    (its suffix) in its folder; where it cannot be written, nothing (the next run makes it
    again)."""
    from mtcheck.errors import MtcheckError
    from mtcheck.textio import atomic_output

    try:
        with atomic_output(entry, binary=True) as stream:
            stream.write(data)
    except (OSError, MtcheckError):
        return
    keep_newest(entry.parent, f"*{entry.suffix}", keep)


def touch(entry: Path) -> None:
    """Mark an entry used (see keep_newest)."""
    try:
        os.utime(entry)
    except OSError:
        pass


def code_fingerprint(sources: list[Path], *also: str) -> str:
    """A digest of mtcheck's version, the source of the modules a cached thing comes from and
    whatever else it depends on: a changed mtcheck is never served an old entry."""
    import hashlib

    import mtcheck

    digest = hashlib.sha256(mtcheck.__version__.encode())
    for source in sources:
        try:
            digest.update(source.read_bytes())
        except OSError:
            digest.update(source.name.encode())
    for item in also:
        digest.update(b"\0" + item.encode())
    return digest.hexdigest()


@contextlib.contextmanager
def collector_paused():
    """The cyclic garbage collector held off while a cached glossary or matcher is read back:
    that makes hundreds of thousands of containers, none of them garbage, which the collector
    would otherwise walk again and again as they are made (a third of the reading time)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
