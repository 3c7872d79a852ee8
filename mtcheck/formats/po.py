"""gettext PO files through polib; edits are spliced into the original text so that every
other entry, comment and header line stays byte for byte as it was."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

import polib

from mtcheck.errors import InputError
from mtcheck.lang import canonical_lang
from mtcheck.model import Segment
from mtcheck.textio import atomic_output, read_bytes, sniff_encoding

SUFFIXES = (".po", ".pot")
_CHARSET_RE = re.compile(rb"charset=([\w.:-]+)", re.IGNORECASE)
_SYNTAX_LINE_RE = re.compile(r"line (\d+)")
_MSGSTR_RE = re.compile(r"^msgstr(?:\[(\d+)\])?\s")
_LANG_DIR_RE = re.compile(r"^[a-z]{2,3}(?:[_-][A-Za-z]{2,4})?$")


class PoFile:
    """A PO file: one Segment per translated msgstr (plural forms each their own)."""

    def __init__(self, path: str | Path, source_lang: str | None = None, target_lang: str | None = None):
        self.path = str(path)
        raw = read_bytes(self.path)
        self.encoding, bom = _encoding(raw)
        try:
            self.text = raw[bom:].decode(self.encoding)
        except UnicodeDecodeError as exc:
            line = raw[bom:bom + exc.start].count(b"\n") + 1
            raise InputError(self.path, f"cannot decode as {self.encoding} (byte 0x{exc.object[exc.start]:02x})",
                             line) from None
        self._bom = raw[:bom]
        try:
            self.catalog = polib.pofile(self.text, wrapwidth=0)
        except (OSError, ValueError) as exc:
            found = _SYNTAX_LINE_RE.search(str(exc))
            raise InputError(self.path, f"malformed PO: {exc}", int(found.group(1)) if found else None) from None
        self.lines = self.text.split("\n")
        # gettext's msgids are English unless the file says otherwise.
        self.source_lang = source_lang or self.catalog.metadata.get("X-Source-Language") or "en"
        self.target_lang = target_lang or self.catalog.metadata.get("Language") or _lang_from_path(self.path)
        self._entries: dict[str, tuple[polib.POEntry, int | None]] = {}
        self.changed = False

    def segments(self) -> Iterator[Segment]:
        lang = canonical_lang(self.target_lang) if self.target_lang else None
        source_lang = canonical_lang(self.source_lang) if self.source_lang else None
        for entry in self.catalog:
            if entry.obsolete or not entry.msgid:
                continue
            base_id = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
            forms = sorted(entry.msgstr_plural.items()) if entry.msgid_plural else [(None, entry.msgstr)]
            for index, text in forms:
                segment_id = base_id if index is None else f"{base_id}[{index}]"
                self._entries[segment_id] = (entry, index)
                if not text.strip():
                    continue
                source = entry.msgid if not index else entry.msgid_plural
                line, column = self._msgstr_position(entry, index)
                yield Segment(text, self.path, line, column, id=segment_id.replace("\x04", "|"), lang=lang,
                              source=source, source_lang=source_lang)

    def _msgstr_position(self, entry: polib.POEntry, index: int | None) -> tuple[int, int]:
        """Line of the msgstr keyword (1-based) and the column of its text's first character."""
        start, end = self._msgstr_block(entry, index)
        first = self.lines[start]
        if first.rstrip().endswith('""') and end > start + 1:
            return start + 2, 2  # msgstr "" then continuation lines
        return start + 1, first.index('"') + 2

    def _msgstr_block(self, entry: polib.POEntry, index: int | None) -> tuple[int, int]:
        """0-based [start, end) lines of an entry's msgstr (or msgstr[index]) in the text."""
        line = max(entry.linenum - 1, 0)
        while line < len(self.lines):
            found = _MSGSTR_RE.match(self.lines[line])
            if found and (index is None or found.group(1) == str(index)):
                end = line + 1
                while end < len(self.lines) and self.lines[end].lstrip().startswith('"'):
                    end += 1
                return line, end
            line += 1
        raise InputError(self.path, f"msgstr of {entry.msgid!r} not found", entry.linenum)

    # -- editing ----------------------------------------------------------------------------------
    def target_text(self, segment_id: str) -> str:
        entry, index = self._entry(segment_id)
        return entry.msgstr if index is None else entry.msgstr_plural[index]

    def set_target(self, segment_id: str, text: str, fuzzy: bool = False) -> None:
        entry, index = self._entry(segment_id)
        start, end = self._msgstr_block(entry, index)
        keyword = "msgstr" if index is None else f"msgstr[{index}]"
        self.lines[start:end] = _format(keyword, text)
        if index is None:
            entry.msgstr = text
        else:
            entry.msgstr_plural[index] = text
        if fuzzy and "fuzzy" not in entry.flags:
            entry.flags.append("fuzzy")
            self._flag_fuzzy(entry)
        self.changed = True
        self._reparse_lines()

    def _flag_fuzzy(self, entry: polib.POEntry) -> None:
        # polib's linenum is the entry's first line (its comments); the flags line is among
        # those comments: add to it, or add one right before msgctxt/msgid.
        first = max(entry.linenum - 1, 0)
        keyword = first
        while keyword < len(self.lines) and not self.lines[keyword].startswith(("msgid ", "msgctxt ")):
            keyword += 1
        for number in range(first, keyword):
            if self.lines[number].startswith("#,"):
                self.lines[number] += ", fuzzy"
                return
        self.lines.insert(keyword, "#, fuzzy")

    def _reparse_lines(self) -> None:
        # Line numbers move after an edit: parse the edited text again to keep them right.
        self.text = "\n".join(self.lines)
        self.catalog = polib.pofile(self.text, wrapwidth=0)
        ids = list(self._entries)
        self._entries.clear()
        for _ in self.segments():
            pass
        missing = [i for i in ids if i not in self._entries]
        if missing:
            raise InputError(self.path, f"edit lost entries {missing[:3]}")

    def _entry(self, segment_id: str) -> tuple[polib.POEntry, int | None]:
        if not self._entries:
            for _ in self.segments():
                pass
        key = segment_id.replace("|", "\x04") if segment_id not in self._entries else segment_id
        try:
            return self._entries[key]
        except KeyError:
            raise InputError(self.path, f"no entry {segment_id!r}") from None

    def save(self, path: str | Path | None = None) -> None:
        with atomic_output(str(path or self.path), binary=True) as stream:
            stream.write(self._bom + self.text.encode(self.encoding))


def _format(keyword: str, text: str) -> list[str]:
    """A msgstr in gettext's layout: one line, or "" then one line per embedded newline."""
    pieces = text.splitlines(keepends=True)
    if len(pieces) <= 1:
        return [f'{keyword} "{polib.escape(text)}"']
    return [f'{keyword} ""'] + [f'"{polib.escape(piece)}"' for piece in pieces]


def _encoding(raw: bytes) -> tuple[str, int]:
    encoding, bom = sniff_encoding(raw[:4])
    if bom:
        return encoding, bom
    found = _CHARSET_RE.search(raw[:4096])
    name = found.group(1).decode("ascii", "replace") if found else "utf-8"
    if name.upper() == "CHARSET":  # the template's placeholder
        name = "utf-8"
    try:
        import codecs

        codecs.lookup(name)
    except LookupError:
        name = "utf-8"
    return name, 0


def _lang_from_path(path: str) -> str | None:
    """de from locale/de/LC_MESSAGES/django.po or from de.po."""
    parts = Path(path).parts
    if len(parts) >= 3 and parts[-2] == "LC_MESSAGES" and _LANG_DIR_RE.match(parts[-3]):
        return parts[-3]
    stem = Path(path).stem
    return stem if _LANG_DIR_RE.match(stem) else None
