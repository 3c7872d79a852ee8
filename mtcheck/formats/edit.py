"""Applying text edits to files of any supported format, written back atomically, every byte
outside the edits as it was."""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from mtcheck import fix
from mtcheck.errors import InputError
from mtcheck.formats import bilingual_kind, open_bilingual, plaintext
from mtcheck.formats.inline import InlineError
from mtcheck.model import Glossary
from mtcheck.textio import SNIFF_BYTES, atomic_output, read_bytes, read_text, sniff_encoding

_LINE_END_RE = re.compile(r"(\r\n|\r|\n)")  # the line ends textio.iter_lines splits at
_TMX_BATCH = 2000  # segments planned at a time when a TMX is streamed


@dataclass
class FileFix:
    path: str
    before: str
    after: str
    edits: list[fix.Edit]
    count: int = field(default=-1)  # edits made; a streamed file keeps none in `edits`
    streamed: bool = False          # written without its texts kept: `before` and `after` are empty

    def __post_init__(self):
        if self.count < 0:
            self.count = len(self.edits)

    @property
    def changed(self) -> bool:
        return self.count > 0 if self.streamed else self.before != self.after


def fix_file(path: str, glossary: Glossary, lang: str, source_lang: str | None = None,
             write: bool = True, fixer: fix.Fixer | None = None) -> FileFix:
    """Fix one file's fixable findings, those its suppression directives leave; with
    `write`, replace the file (atomically). A run fixing many files passes one `fixer`, so
    that the glossary is compiled once."""
    from mtcheck.suppress import read_directives

    directives = read_directives(path)
    keep = lambda finding: not directives.suppress(finding)  # noqa: E731
    fixer = fixer or fix.Fixer(glossary)
    kind = bilingual_kind(path)
    if kind == "tmx":
        return _fix_tmx(path, glossary, lang, source_lang, write, keep, fixer)
    if kind:
        return _fix_bilingual(path, glossary, lang, source_lang, write, keep, fixer)
    return _fix_plain(path, glossary, lang, write, keep, fixer)


def _fix_plain(path: str, glossary: Glossary, lang: str, write: bool, keep, fixer: fix.Fixer) -> FileFix:
    """Plain text: each edited line rewritten, its own line end kept; every other byte too."""
    raw = read_bytes(path)
    encoding, skip = sniff_encoding(raw[:SNIFF_BYTES])
    try:
        before = raw[skip:].decode(encoding)
    except UnicodeDecodeError:
        read_text(path)  # raises the error with the file's line
        raise
    segments = list(plaintext.read_segments(path, lang))
    edits = fix.plan(glossary, path, segments, lang, keep, fixer)
    if not edits:
        return FileFix(path, before, before, [])
    pieces = _LINE_END_RE.split(before)  # line, end, line, end, …, last line
    for group in fix.by_segment(edits).values():
        segment = group[0].segment
        index = 2 * (segment.line - 1)
        if index >= len(pieces) or pieces[index] != segment.text:
            raise InputError(path, "the file changed while it was fixed; nothing written", segment.line)
        pieces[index] = fix.apply(segment.text, group)
    after = "".join(pieces)
    if write and after != before:
        with atomic_output(path, binary=True) as stream:
            stream.write(raw[:skip] + after.encode(encoding))
    return FileFix(path, before, after, edits)


def _fix_bilingual(path: str, glossary: Glossary, lang: str, source_lang: str | None, write: bool,
                   keep, fixer: fix.Fixer) -> FileFix:
    document = open_bilingual(path, source_lang=source_lang, target_lang=lang)
    segments = list(document.segments())
    edits = fix.plan(glossary, path, segments, lang, keep, fixer)
    made: list[fix.Edit] = []
    for group in fix.by_segment(edits).values():
        segment = group[0].segment
        try:
            document.set_target(segment.id, fix.apply(segment.text, group))
        except InlineError:
            continue  # a target whose text holds the placeholder character itself: left as it is
        made += group
    before = read_bytes(path)
    if not made:
        return FileFix(path, _text(before), _text(before), [])
    after = document.serialize()
    if write:
        with atomic_output(path, binary=True) as stream:
            stream.write(after)
    return FileFix(path, _text(before), _text(after), made)


def _fix_tmx(path: str, glossary: Glossary, lang: str, source_lang: str | None, write: bool,
             keep, fixer: fix.Fixer) -> FileFix:
    """A TMX, streamed: units planned a batch at a time, then the edited <seg> elements
    spliced into a copy of the file, so that memory grows with the edits, not the file."""
    from mtcheck.formats.tmx import TmxFile, splice_segs

    document = TmxFile(path, source_lang=source_lang, target_lang=lang)
    planned: dict[int, tuple[str, str]] = {}  # a <seg>'s number: its text and the fixed text
    batch: list[tuple] = []

    def plan_batch() -> None:
        segments = [segment for segment, _ in batch]
        numbers = {id(segment): number for segment, number in batch}
        for group in fix.by_segment(fix.plan(glossary, path, segments, lang, keep, fixer)).values():
            segment = group[0].segment
            if numbers[id(segment)] >= 0:
                planned[numbers[id(segment)]] = (segment.text, fix.apply(segment.text, group), len(group))
        batch.clear()

    for item in document.numbered_segments():
        batch.append(item)
        if len(batch) >= _TMX_BATCH:
            plan_batch()
    plan_batch()
    if not planned:
        return FileFix(path, "", "", [])
    if write:
        with atomic_output(path, binary=True) as out:
            count = splice_segs(path, planned, out)
        return FileFix(path, "", "", [], count, streamed=True)
    out = io.BytesIO()
    count = splice_segs(path, planned, out)
    return FileFix(path, _text(read_bytes(path)), _text(out.getvalue()), [], count)


def _text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")
