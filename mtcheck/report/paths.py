"""How machine reports name a file: relative to the working folder where it lies inside it."""
from __future__ import annotations

import functools
import os
import re
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath


# A byte of a file name that does not decode is kept by Python as a lone surrogate, which
# UTF-8 output and JSON cannot hold.
_UNDECODABLE = re.compile("[\ud800-\udfff]")


def readable(text: str) -> str:
    """`text` with each lone surrogate made U+FFFD, as an undecodable byte is shown elsewhere."""
    return _UNDECODABLE.sub("\ufffd", text)


def readable_values(value: object) -> object:
    """`value` (JSON data) with `readable` strings, keys included."""
    if isinstance(value, str):
        return readable(value)
    if isinstance(value, dict):
        return {readable_values(k): readable_values(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [readable_values(v) for v in value]
    return value


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
