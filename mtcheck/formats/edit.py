"""Applying text edits to files of any supported format, written back atomically."""
from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from mtcheck import fix
from mtcheck.formats import bilingual_kind, open_bilingual, plaintext
from mtcheck.model import Glossary
from mtcheck.textio import atomic_output, read_bytes


@dataclass
class FileFix:
    path: str
    before: str
    after: str
    edits: list[fix.Edit]

    @property
    def changed(self) -> bool:
        return self.before != self.after


def fix_file(path: str, glossary: Glossary, lang: str, source_lang: str | None = None,
             write: bool = True, fixer: fix.Fixer | None = None) -> FileFix:
    """Fix one file's fixable findings, those its suppression directives leave; with
    `write`, replace the file (atomically). A run fixing many files passes one `fixer`, so
    that the glossary is compiled once."""
    from mtcheck.suppress import read_directives

    directives = read_directives(path)
    keep = lambda finding: not directives.suppress(finding)  # noqa: E731
    if bilingual_kind(path):
        return _fix_bilingual(path, glossary, lang, source_lang, write, keep, fixer)
    raw = read_bytes(path)
    before = _decode(path, raw)
    segments = list(plaintext.read_segments(path, lang))
    edits = fix.plan(glossary, path, segments, lang, keep, fixer)
    newline = "\r\n" if "\r\n" in before else "\n"
    lines = before.split(newline)
    for group in fix.by_segment(edits).values():
        segment = group[0].segment
        lines[segment.line - 1] = fix.apply(segment.text, group)
    after = newline.join(lines)
    if write and after != before:
        from mtcheck.textio import sniff_encoding

        encoding, skip = sniff_encoding(raw[:4])
        with atomic_output(path, binary=True) as stream:
            stream.write(raw[:skip] + after.encode(encoding))
    return FileFix(path, before, after, edits)


def _decode(path: str, raw: bytes) -> str:
    from mtcheck.textio import read_text, sniff_encoding

    encoding, skip = sniff_encoding(raw[:4])
    try:
        return raw[skip:].decode(encoding)
    except UnicodeDecodeError:
        read_text(path)  # raises the error with the file's line
        raise


def _fix_bilingual(path: str, glossary: Glossary, lang: str, source_lang: str | None, write: bool,
                   keep, fixer: fix.Fixer | None = None) -> FileFix:
    document = open_bilingual(path, source_lang=source_lang, target_lang=lang)
    segments = [s for s in document.segments()]
    edits = fix.plan(glossary, path, segments, lang, keep, fixer)
    for group in fix.by_segment(edits).values():
        segment = group[0].segment
        document.set_target(segment.id, fix.apply(segment.text, group))
    before = read_bytes(path)
    if not edits:
        return FileFix(path, _text(before), _text(before), edits)
    # The new file's text, for the diff: written next to the original, then moved or removed.
    folder = str(Path(path).resolve().parent)
    handle, scratch = tempfile.mkstemp(prefix=".mtcheck-fix.", dir=folder)
    os.close(handle)
    try:
        document.save(scratch)
        after = read_bytes(scratch)
        if write:
            os.chmod(scratch, stat.S_IMODE(os.stat(path).st_mode))
            os.replace(scratch, path)
    finally:
        if os.path.exists(scratch):
            os.unlink(scratch)
    return FileFix(path, _text(before), _text(after), edits)


def _text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")
