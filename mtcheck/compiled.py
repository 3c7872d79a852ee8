"""Compiled glossaries kept in the cache folder, so that a run after the first (and every
worker) starts matching without compiling again: a language's matcher and the table of every
term by its words are written as built-in types with marshal, which reads them back several
times faster than compiling takes (see LanguageMatcher.state).

An entry is keyed by the loaded glossary's own key (its files' bytes, see
mtcheck.glossary.cache), what was compiled (the table of foreign terms, or one language with
its options), the source of the modules that compile, the versions of the lexicons they ask
(a new simplemma changes lemmas) and the Python that wrote it (marshal's format is its own). A
glossary that was not loaded through the cache has no key and is compiled every time. Entries
are written atomically; the folder keeps the most recently used few. A file that cannot be
read back is ignored and replaced.
"""
from __future__ import annotations

import functools
import hashlib
import marshal
import mmap
import os
import re
import sys
from pathlib import Path
from typing import Callable, TypeVar

from mtcheck.cachedir import collector_paused, store, subfolder, touch
from mtcheck.model import Glossary

KEEP = 16   # entries kept: a few glossaries in a few languages, bounded on disk
FOLDER = "compiled"
T = TypeVar("T")
# The distributions whose data or code decide what a compiled matcher holds (daachorse: the
# automaton is kept as its own bytes).
LEXICONS = ("daachorse", "simplemma", "snowballstemmer", "PyStemmer", "HanTa", "morfeusz2", "icu4py", "german-nouns",
            "stop-words")


def cached(glossary: Glossary, what: str, restore: Callable[[dict], T], build: Callable[[], T]) -> T:
    """`restore(state)` of the state kept for `what` of this glossary, else `build()`, whose
    `state()` is then kept for the next run (only where there is somewhere to keep it)."""
    entry = _entry(glossary, what)
    if entry is None:
        return build()
    state = _load(entry)
    if state is not None:
        try:
            return restore(state)
        except (KeyError, IndexError, TypeError, ValueError):
            pass  # an entry of another shape: built again and replaced
    made = build()
    _store(entry, made.state())
    return made


def kept(glossary: Glossary, what: str) -> bool:
    """Whether the cache folder keeps `what` of this glossary (a run reads it back, not compiles)."""
    entry = _entry(glossary, what)
    return entry is not None and entry.is_file()


def _load(entry: Path) -> dict | None:
    if not entry.is_file():
        return None
    try:
        # Read where the file lies (mapped), not copied into one more bytes object first.
        with open(entry, "rb") as stream, mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ) as mapped, \
                collector_paused():
            state = marshal.loads(mapped)
    except (OSError, EOFError, ValueError, TypeError):
        return None  # damaged or foreign: compiled again and replaced
    if not isinstance(state, dict):
        return None
    touch(entry)
    return state


def _store(entry: Path, state: dict) -> None:
    """Written atomically, the KEEP most recent kept."""
    try:
        data = marshal.dumps(state)
    except ValueError:
        return  # no entry: the next run compiles again
    store(entry, data, KEEP)


def _entry(glossary: Glossary, what: str) -> Path | None:
    from mtcheck.glossary.cache import fingerprint

    loaded = fingerprint(glossary)
    if loaded is None:
        return None
    folder = subfolder(FOLDER)
    if folder is None:
        return None
    digest = hashlib.sha256("\0".join((loaded, what, _code_fingerprint())).encode("utf-8", "surrogateescape"))
    return folder / f"{digest.hexdigest()[:32]}.marshal"


@functools.cache
def _code_fingerprint() -> str:
    """mtcheck's version, the source of the modules that compile, the lexicons' versions and
    the Python version."""
    import mtcheck
    from mtcheck.cachedir import code_fingerprint

    package = Path(mtcheck.__file__).parent
    compiling = ("matching.py", "termtable.py", "automaton.py", "leaks.py", "model.py")
    sources = [package / name for name in compiling] + sorted((package / "language").rglob("*.py"))
    return code_fingerprint(sources, sys.version, *_installed_versions(LEXICONS))


def _installed_versions(names: tuple[str, ...]) -> list[str]:
    """"name=version" of each distribution ("name=-" where none is installed), read off the
    names of the metadata folders on the import path (NAME-VERSION.dist-info), the first
    found as Python would import it: importlib.metadata says the same, and importing it
    takes 20 ms, a tenth of a warm start."""
    wanted = {_normalized(name) for name in names}
    found: dict[str, str] = {}
    for folder in sys.path:
        try:
            with os.scandir(folder or ".") as entries:
                for entry in entries:
                    if entry.name.endswith(".dist-info"):
                        name, _, version = entry.name.removesuffix(".dist-info").partition("-")
                        key = _normalized(name)
                        if key in wanted:
                            found.setdefault(key, version)
        except OSError:
            continue  # a zip file or a folder gone: nothing installed there
    return [f"{name}={found.get(_normalized(name), '-')}" for name in names]


def _normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).casefold()
