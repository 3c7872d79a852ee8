"""Loaded glossaries kept in the cache folder, so that a run (and every worker, every
pre-commit call) after the first does not parse its TBX or CSV again.

An entry is keyed by what the loaded glossary depends on: each file's bytes and path (terms
remember where they stand), the languages the run gives a headerless file, and mtcheck's
glossary code (its version and the source of the modules that read and hold glossaries), so
that a changed glossary or a changed mtcheck is never served an old entry. Entries are
written atomically; the folder keeps the most recently used few. The cache holds only what
mtcheck wrote itself (pickle): a file that cannot be read back is ignored and replaced.
"""
from __future__ import annotations

import functools
import hashlib
import os
import pickle
from pathlib import Path

from mtcheck.cachedir import code_fingerprint, collector_paused, store, subfolder, touch
from mtcheck.model import Glossary

KEEP = 8  # entries kept: a few glossaries in turn, bounded on disk
FOLDER = "glossaries"


def cached_load(paths: list[str | Path], source_lang: str | None, target_lang: str | None, load) -> Glossary:
    """`load(paths, source_lang, target_lang)`'s glossary, from the cache where it holds it."""
    try:
        key = _key(paths, source_lang, target_lang)
    except OSError:
        return load(paths, source_lang, target_lang)  # a file that cannot be read: load says how
    folder = subfolder(FOLDER)
    entry = folder / f"{key}.pickle" if folder else None
    if entry is not None and entry.is_file():
        try:
            with open(entry, "rb") as stream, collector_paused():
                glossary = pickle.load(stream)
            if isinstance(glossary, Glossary):
                touch(entry)
                return _marked(glossary, key)
        except Exception:  # noqa: BLE001 - a damaged or foreign entry: load again, replace it
            pass
    glossary = load(paths, source_lang, target_lang)
    if entry is not None:
        _store(entry, glossary)
    return _marked(glossary, key)


def fingerprint(glossary: Glossary) -> str | None:
    """The key a glossary was loaded under (what its files were), or None for one made
    otherwise: what its compiled matchers are kept under (see mtcheck.compiled)."""
    return glossary.__dict__.get(_KEY)


_KEY = "_cache_key"


def _marked(glossary: Glossary, key: str) -> Glossary:
    # Outside the dataclass's fields: no comparison or copy sees it, and a glossary made
    # from this one (replace, merge) has none.
    object.__setattr__(glossary, _KEY, key)
    return glossary


def _key(paths: list[str | Path], source_lang: str | None, target_lang: str | None) -> str:
    digest = hashlib.sha256()
    digest.update(_code_fingerprint().encode())
    digest.update(repr((source_lang, target_lang)).encode())
    for path in paths:
        resolved = os.path.realpath(path)
        digest.update(resolved.encode("utf-8", "surrogateescape") + b"\0")
        with open(resolved, "rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
        digest.update(b"\0")
    return digest.hexdigest()[:32]


@functools.cache
def _code_fingerprint() -> str:
    """mtcheck's version and the source of the modules a loaded glossary comes from."""
    import mtcheck.glossary as package
    import mtcheck.model as model

    return code_fingerprint([Path(model.__file__)] + sorted(Path(package.__file__).parent.glob("*.py")))


def _store(entry: Path, glossary: Glossary) -> None:
    """Write the entry atomically, then keep only the KEEP most recently used."""
    try:
        data = pickle.dumps(glossary, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, RecursionError):
        return  # no entry: the next run loads the file again
    store(entry, data, KEEP)
