"""Which files a run checks: named files as given, folders searched for known kinds.

Only regular files are checked: a FIFO would block the run, a device such as /dev/zero never
end. What a folder holds that cannot be checked (a FIFO, socket or device, a broken symbolic
link, a loop of them) is skipped with a warning; a named path that cannot be checked, and a
folder that cannot be read, are errors. Symbolic links to folders are followed, and each
folder is walked once, so a link back to a folder above ends in a warning, not a loop.
"""
from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from mtcheck.errors import InputError
from mtcheck.formats import plaintext, po, tmx, xliff
from mtcheck.textio import file_kind

# CSV and TSV files are checked when named, not found in folders: they are as often glossaries.
KNOWN_SUFFIXES = plaintext.SUFFIXES + xliff.SUFFIXES + tmx.SUFFIXES + po.SUFFIXES


@dataclass(frozen=True)
class Problem:
    """A path that is not checked: an error fails the run, a warning only says so."""

    path: str
    message: str
    error: bool

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"

    def as_error(self) -> InputError:
        return InputError(self.path, self.message)


class Selection(Protocol):
    """The include/exclude globs of a configuration (mtcheck.config.FileSelection)."""

    def accepts(self, path: str, named: bool = False) -> bool: ...

    def excludes(self, path: str) -> bool: ...


def discover(paths: list[str], report: Callable[[Problem], None],
             selection: Selection | None = None) -> Iterator[str]:
    """Files in argument order; a folder's files sorted, hidden entries skipped; a file named
    twice (or found again in a folder given too) is checked once. Each path that is not
    checked goes to `report`, in the same order. `selection` leaves out files found in
    folders (and named ones, where it says so) and folders it excludes are not walked."""
    walker = _Walker(report, selection)
    for given in paths:
        yield from walker.named(str(Path(given)))


class _Walker:
    def __init__(self, report: Callable[[Problem], None], selection: Selection | None):
        self.report = report
        self.selection = selection
        self.files: set[str] = set()                # real paths of the files found so far
        self.folders: set[tuple[int, int]] = set()  # (device, inode) of the folders walked

    def named(self, path: str) -> Iterator[str]:
        try:
            status = os.stat(path)
        except OSError as exc:
            self.report(Problem(path, _unreachable(path, exc), error=True))
            return
        if stat.S_ISDIR(status.st_mode):
            yield from self._folder(path, status)
        elif not stat.S_ISREG(status.st_mode):
            self.report(Problem(path, f"not a regular file ({file_kind(status.st_mode)})", error=True))
        elif (self.selection is None or self.selection.accepts(path, named=True)) and self._first_time(path):
            yield path

    def _first_time(self, path: str) -> bool:
        real = os.path.realpath(path)
        if real in self.files:
            return False
        self.files.add(real)
        return True

    def _folder(self, top: str, status: os.stat_result) -> Iterator[str]:
        """The files below `top`, sorted by path as a whole; problems reported in that order."""
        if _identity(status) in self.folders:
            return  # walked already under another name: its files are in the run
        self.folders.add(_identity(status))
        found: list[tuple[str, Problem | None]] = []  # (path, None) for a file to check
        stack = [(top, {_identity(status): top})]     # a folder, and the folders above it by identity
        while stack:
            folder, above = stack.pop()
            subfolders = []
            for entry in self._entries(folder, found):
                looked = _look(entry)
                if looked is _FILE:
                    found.append((entry.path, None))
                elif isinstance(looked, Problem):
                    found.append((entry.path, looked))
                elif looked is not _SKIP:
                    subfolder = self._subfolder(entry, looked, above, found)
                    if subfolder is not None:
                        subfolders.append(subfolder)
            stack.extend(reversed(subfolders))  # walked in name order: a folder found twice keeps its first name
        for path, problem in sorted(found, key=lambda item: item[0]):
            if not self._selected(path, problem):
                continue
            if problem is not None:
                self.report(problem)
            elif self._first_time(path):
                yield path

    def _selected(self, path: str, problem: Problem | None) -> bool:
        """Whether the configuration's globs keep a file, or a problem found in a folder. A
        folder that cannot be read may hold files `include` wants: only `exclude` drops it."""
        if self.selection is None:
            return True
        if problem is not None and problem.error:
            return not self.selection.excludes(path)
        return self.selection.accepts(path)

    def _entries(self, folder: str, found: list) -> list[os.DirEntry]:
        """The entries of a folder by name, hidden ones left out."""
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as exc:
            found.append((folder, Problem(folder, f"cannot read the folder: {_reason(exc)}", error=True)))
            return []
        return [entry for entry in entries if not entry.name.startswith(".")]

    def _subfolder(self, entry: os.DirEntry, status: os.stat_result, above: dict, found: list):
        """(path, folders above it) of a folder to walk; None for one walked already, or
        excluded, or a loop (reported)."""
        identity = _identity(status)
        if identity in above:
            what = "symbolic link loop" if entry.is_symlink() else "folder loop"
            found.append((entry.path, Problem(entry.path, f"{what} (back to {above[identity]}), skipped", error=False)))
            return None
        if identity in self.folders or (self.selection is not None and self.selection.excludes(entry.path)):
            return None
        self.folders.add(identity)
        return entry.path, {**above, identity: entry.path}


_FILE, _SKIP = "a file to check", "nothing to check"


def _look(entry: os.DirEntry) -> str | os.stat_result | Problem:
    """_FILE, a folder's status, a Problem, or _SKIP: what an entry is, after symbolic links.
    Only folders and symbolic links cost a system call; a file's type comes with its entry."""
    known = entry.name.lower().endswith(KNOWN_SUFFIXES)
    try:
        if not entry.is_symlink():
            if entry.is_file(follow_symlinks=False):
                return _FILE if known else _SKIP
            if entry.is_dir(follow_symlinks=False):
                return entry.stat(follow_symlinks=False)
            if not known:
                return _SKIP
        status = entry.stat()
    except OSError as exc:
        return _unfollowed(entry, exc, known)
    if stat.S_ISDIR(status.st_mode):
        return status
    if not known:
        return _SKIP
    if stat.S_ISREG(status.st_mode):
        return _FILE
    return Problem(entry.path, f"not a regular file ({file_kind(status.st_mode)}), skipped", error=False)


def _unfollowed(entry: os.DirEntry, exc: OSError, known: bool) -> Problem | str:
    """A symbolic link that leads nowhere: worth a warning where it is named as a file the
    run would check. Any other failure may hide a folder: an error."""
    if exc.errno == errno.ELOOP:
        return Problem(entry.path, "symbolic link loop, skipped", error=False) if known else _SKIP
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return Problem(entry.path, "broken symbolic link, skipped", error=False) if known else _SKIP
    return Problem(entry.path, f"cannot read: {_reason(exc)}", error=True)


def _unreachable(path: str, exc: OSError) -> str:
    """Why a named path cannot be looked at."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return "broken symbolic link" if os.path.islink(path) else "no such file or directory"
    return f"cannot read: {_reason(exc)}"


def _identity(status: os.stat_result) -> tuple[int, int]:
    return status.st_dev, status.st_ino


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
