"""Reading text files: BOM-aware decoding with `path:line` errors, and atomic writes."""
from __future__ import annotations

import codecs
import contextlib
import os
import tempfile
from pathlib import Path
from typing import IO, Iterator

from mtcheck.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CHUNK = 1 << 20


def sniff_encoding(head: bytes) -> tuple[str, int]:
    """The encoding a byte-order mark announces (UTF-8 without one) and the mark's length."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding, len(bom)
    return "utf-8", 0


def iter_lines(path: str | Path, encoding: str | None = None, chunk_size: int = _CHUNK,
               errors: str = "strict") -> Iterator[str]:
    """The file's lines without line ends, decoded incrementally in bounded memory, read
    `chunk_size` bytes at a time (less for a caller that wants only the first lines).

    Undecodable bytes stop with an InputError naming the file and the line; `errors`, a codecs
    error handler, lets a caller that only needs stable text have them replaced instead.
    """
    path = str(path)
    try:
        handle = open(path, "rb")
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    with handle:
        head = handle.read(4)
        sniffed, skip = sniff_encoding(head)
        encoding = encoding or sniffed
        handle.seek(skip if encoding == sniffed else 0)
        decoder = codecs.getincrementaldecoder(encoding)(errors)
        line_no, pending = 1, ""
        while True:
            chunk = handle.read(chunk_size)
            try:
                text = decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                done = pending + exc.object[:exc.start].decode(encoding, "replace")
                bad_line = line_no + done.count("\n")
                raise InputError(path, f"cannot decode as {encoding} (byte 0x{exc.object[exc.start]:02x})",
                                 bad_line) from None
            text = pending + text
            if "\r" in text:
                text = text.replace("\r\n", "\n")  # a pair cut between chunks meets again in `pending`
            lines = text.split("\n")
            pending = lines.pop()
            line_no += len(lines)
            yield from lines
            if not chunk:
                break
        if pending:
            yield pending[:-1] if pending.endswith("\r") else pending


def read_text(path: str | Path) -> str:
    """The whole file as one string with `\\n` line ends."""
    return "\n".join(iter_lines(path))


def read_bytes(path: str | Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None


@contextlib.contextmanager
def atomic_output(path: str | Path, binary: bool = False) -> Iterator[IO]:
    """A stream (text, or bytes) that replaces `path` only when the block ends without an error.

    It writes to a temporary file in the same folder and renames it into place, so readers
    never see a half-written file and a failed run leaves the old one as it was.
    """
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=str(target.parent.resolve()))
    try:
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="\n")) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
