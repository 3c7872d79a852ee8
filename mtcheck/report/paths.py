"""How machine reports name a file: relative to the working folder where it lies inside it."""
from __future__ import annotations

import functools
import os
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath


def portable_path(path: str, base: Path | None = None) -> str:
    """`path` relative to `base` (default: the working folder) where it lies inside it,
    normalised, with forward slashes; a path outside it as given (absolute stays absolute)."""
    pure = PurePath(path)
    if pure.is_absolute():
        try:
            return pure.relative_to(base or Path.cwd()).as_posix()
        except ValueError:
            return pure.as_posix()
    return PurePath(os.path.normpath(path)).as_posix()


@functools.lru_cache(maxsize=4096)
def portable_path_from(path: str, base: Path) -> str:
    """portable_path against a fixed base, remembered: a report names each file once per finding."""
    return portable_path(path, base)


def is_inside(relative: str) -> bool:
    """Whether a path from portable_path stays below its base ('a/b', not '../a' or '/a')."""
    pure = PurePosixPath(relative)
    return not pure.is_absolute() and not PureWindowsPath(relative).drive and ".." not in pure.parts[:1]
