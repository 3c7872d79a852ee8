"""Reading text files: BOM-aware decoding with `path:line` errors, regular files only, and
atomic writes that keep what the file system knows of a file (mode, owner, links)."""
from __future__ import annotations

import codecs
import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import IO, Iterable, Iterator

from mtcheck.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CHUNK = 1 << 20
SNIFF_BYTES = 256  # enough of a file's head to tell UTF-16 and UTF-32 without a byte-order mark


def sniff_encoding(head: bytes) -> tuple[str, int]:
    """The encoding a byte-order mark announces, and the mark's length; without one, UTF-16 or
    UTF-32 where the head's NUL bytes say so (ASCII text in them is half or three quarters
    NULs, in fixed places), else UTF-8."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding, len(bom)
    return _bomless(head), 0


def _bomless(head: bytes) -> str:
    if b"\0" not in head:
        return "utf-8"
    quads = len(head) // 4
    if quads:
        # A code point is at most 0x10FFFF: in UTF-32 its top byte is always zero and the next
        # at most 0x10, whatever the script (ǅ, İ, 中 as well as ASCII).
        starts = range(0, quads * 4, 4)
        if all(head[i + 3] == 0 and head[i + 2] <= 0x10 for i in starts) and any(head[i] or head[i + 1] for i in starts):
            return "utf-32-le"
        if all(head[i] == 0 and head[i + 1] <= 0x10 for i in starts) and any(head[i + 2] or head[i + 3] for i in starts):
            return "utf-32-be"
    pairs = len(head) // 2
    if pairs:
        even = sum(1 for i in range(0, pairs * 2, 2) if head[i] == 0)
        odd = sum(1 for i in range(1, pairs * 2, 2) if head[i] == 0)
        if even == 0 and odd * 2 >= pairs:
            return "utf-16-le"
        if odd == 0 and even * 2 >= pairs:
            return "utf-16-be"
    return "utf-8"


def open_regular(path: str | Path) -> IO[bytes]:
    """`path` opened for reading in binary, if it is a regular file (after symlinks): a FIFO
    would block, a device such as /dev/zero never end. Opened without blocking, then checked,
    so that even a FIFO named here cannot hang the run."""
    path = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise InputError(path, f"cannot read: {_reason(exc)}") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise InputError(path, f"not a regular file ({file_kind(mode)})")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def file_kind(mode: int) -> str:
    """What a file's mode says it is, in words."""
    for test, name in ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "not a plain file"


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "too many levels of symbolic links (a symlink loop?)"
    return exc.strerror or str(exc)


def iter_lines(path: str | Path, encoding: str | None = None, chunk_size: int = _CHUNK,
               errors: str = "strict", lone_cr: bool = True, start: int = 0, first_line: int = 1) -> Iterator[str]:
    """The file's lines without line ends (LF, CRLF or a lone CR end a line; without
    `lone_cr`, as libxml2 numbers XML lines, a lone CR does not), decoded incrementally in
    bounded memory, read `chunk_size` bytes at a time (less for a caller that wants only the
    first lines).

    Undecodable bytes stop with an InputError naming the file and the line; `errors`, a codecs
    error handler, lets a caller that only needs stable text have them replaced instead.
    `start`: from this byte on (a line's first, in an encoding whose line ends are single
    bytes), its line numbered `first_line`.
    """
    path = str(path)
    handle = open_regular(path)
    with handle:
        head = handle.read(SNIFF_BYTES)
        sniffed, skip = sniff_encoding(head)
        encoding = encoding or sniffed
        handle.seek(start or (skip if encoding == sniffed else 0))
        decoder = codecs.getincrementaldecoder(encoding)(errors)
        line_no, pending = first_line, ""
        pieces: list[str] = []  # a line longer than a chunk, joined once when it ends
        while True:
            try:
                chunk = handle.read(chunk_size)
            except OSError as exc:
                raise InputError(path, f"cannot read: {_reason(exc)}", line_no) from None
            try:
                text = decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                done = "".join(pieces) + pending + exc.object[:exc.start].decode(encoding, "replace")
                bad_line = line_no + split_lines(done).count("\n")
                raise InputError(path, f"cannot decode as {encoding} (byte 0x{exc.object[exc.start]:02x})",
                                 bad_line) from None
            if chunk and "\n" not in text and "\r" not in text and not pending.endswith("\r"):
                pieces.append(pending + text if pending else text)
                pending = ""
                continue
            if pieces:
                pending, pieces = "".join(pieces) + pending, []
            text = pending + text
            held = ""
            if "\r" in text:
                if chunk and text.endswith("\r"):
                    text, held = text[:-1], "\r"  # its LF, if any, comes with the next chunk
                text = split_lines(text) if lone_cr else text.replace("\r\n", "\n")
            lines = text.split("\n")
            pending = lines.pop() + held
            line_no += len(lines)
            yield from lines
            if not chunk:
                break
        pending = "".join(pieces) + pending
        if pending:
            yield pending if lone_cr or not pending.endswith("\r") else pending[:-1]


def split_lines(text: str) -> str:
    """`text` with every line end (CRLF, lone CR) made LF: the lines iter_lines numbers."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def read_text(path: str | Path, lone_cr: bool = True) -> str:
    """The whole file as one string with `\\n` line ends (without `lone_cr`, a lone CR is
    kept as a character: a CSV cell can hold one)."""
    return "\n".join(iter_lines(path, lone_cr=lone_cr))


def read_bytes(path: str | Path) -> bytes:
    with open_regular(path) as handle:
        try:
            return handle.read()
        except OSError as exc:
            raise InputError(str(path), f"cannot read: {_reason(exc)}") from None


# -- writing ---------------------------------------------------------------------------------------

STDOUT = "-"
_STDOUT_ALIASES = ("/dev/stdout", "/dev/fd/1", "/proc/self/fd/1")


def is_stdout(path: str | None) -> bool:
    """Whether an output path means standard output: `-`, or /dev/stdout spelled out."""
    return path is not None and (path == STDOUT or path in _STDOUT_ALIASES)


def check_output_path(path: str | Path, inputs: Iterable[str | Path] = ()) -> None:
    """Refuse an output path that would destroy or never hold what is written: one of the
    run's inputs (or a file inside an input folder), a directory, a device, FIFO or socket."""
    path = str(path)
    real = os.path.realpath(path)
    try:
        mode = os.stat(real).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise InputError(path, f"cannot write: {_reason(exc)}") from None
    if mode is not None and not stat.S_ISREG(mode):
        hint = "; give - for standard output" if stat.S_ISCHR(mode) else ""
        raise InputError(path, f"cannot write the output to {file_kind(mode)}{hint}")
    for given in inputs:
        given_real = os.path.realpath(str(given))
        if real == given_real:
            raise InputError(path, "is an input of this run: the output would replace it")
        if mode is not None and os.path.isdir(given_real) and real.startswith(given_real.rstrip(os.sep) + os.sep):
            from mtcheck.formats.discover import KNOWN_SUFFIXES

            if real.lower().endswith(KNOWN_SUFFIXES) and not os.path.basename(real).startswith("."):
                raise InputError(path, f"is a file this run checks (in {given}): the output would replace it")


@contextlib.contextmanager
def atomic_output(path: str | Path, binary: bool = False) -> Iterator[IO]:
    """A stream (text, or bytes) that replaces `path` only when the block ends without an error.

    It writes to a temporary file in the same folder and renames it into place, so readers
    never see a half-written file and a failed run leaves the old one as it was. A symlink is
    followed (its target is written); an existing file keeps its mode and owner; a file that
    is read-only, has other hard links (a rename would split them) or is not a regular file
    is refused, untouched.
    """
    target = Path(os.path.realpath(str(path)))
    previous = _replaceable(str(path), target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=str(target.parent))
    except OSError as exc:
        raise InputError(str(path), f"cannot write: {_reason(exc)}") from None
    try:
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="\n")) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if previous is None:
            os.chmod(tmp, 0o666 & ~_umask())
        else:
            _keep_attributes(tmp, previous, str(path))
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS, errno.EACCES,
                         errno.EPERM):
            raise InputError(str(path), f"cannot write: {_reason(exc)}; the file is as it was") from None
        raise
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _replaceable(given: str, target: Path) -> os.stat_result | None:
    """The existing file's status (None when there is none yet), if replacing it is safe."""
    try:
        status = os.stat(target)
    except FileNotFoundError:
        if not target.parent.is_dir():
            raise InputError(given, "cannot write: no such directory") from None
        return None
    except OSError as exc:
        raise InputError(given, f"cannot write: {_reason(exc)}") from None
    if not stat.S_ISREG(status.st_mode):
        raise InputError(given, f"cannot write to {file_kind(status.st_mode)}")
    if not status.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise InputError(given, "read-only file, left as it is")
    if status.st_nlink > 1:
        raise InputError(given, f"has {status.st_nlink} hard links, which replacing it would split; "
                                "left as it is")
    return status


def _keep_attributes(tmp: str, previous: os.stat_result, given: str) -> None:
    """The replaced file's permission bits and owner on the new one; an owner that cannot be
    kept (another user's file, without the right to give it away) refuses the write."""
    os.chmod(tmp, stat.S_IMODE(previous.st_mode))
    current = os.stat(tmp)
    if (current.st_uid, current.st_gid) != (previous.st_uid, previous.st_gid):
        try:
            os.chown(tmp, previous.st_uid, previous.st_gid)
        except PermissionError:
            if current.st_uid != previous.st_uid:
                raise InputError(given, "owned by another user, whom a new file could not be given to; "
                                        "left as it is") from None
            # Same owner, a group we are not in: the group is all that changes, as with an editor.


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
