"""Bilingual CSV/TSV: a row per segment, columns named by language code (``en,de``) or
``source,target``, with an optional ``id`` column."""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Iterator

from mtcheck.errors import InputError
from mtcheck.lang import canonical_lang
from mtcheck.model import Segment
from mtcheck.textio import atomic_output, read_bytes, sniff_encoding

SUFFIXES = (".csv", ".tsv")
_ID_NAMES = ("id", "key", "segment", "tuid", "name")
_LANG_RE = re.compile(r"^[a-z]{2,3}(?:[_-][a-z0-9]{2,8})*$", re.IGNORECASE)


class CsvFile:
    def __init__(self, path: str | Path, source_lang: str | None = None, target_lang: str | None = None):
        self.path = str(path)
        raw = read_bytes(self.path)
        encoding, bom = sniff_encoding(raw[:4])
        try:
            self.text = raw[bom:].decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(self.path, f"cannot decode as {encoding} (byte 0x{exc.object[exc.start]:02x})",
                             raw[bom:bom + exc.start].count(b"\n") + 1) from None
        self._raw, self._encoding, self._bom = raw, encoding, raw[:bom]
        first = self.text.split("\n", 1)[0]
        self.dialect = "excel-tab" if self.path.lower().endswith(".tsv") or ("\t" in first and "," not in first) \
            else "excel"
        self.rows, self.line_numbers = self._parse()
        if not self.rows:
            raise InputError(self.path, "empty file", 1)
        header = [h.strip() for h in self.rows[0]]
        names = [h.lower() for h in header]
        self.id_column = next((names.index(n) for n in _ID_NAMES if n in names), None)
        if "source" in names and "target" in names:
            self.source_column, self.target_column = names.index("source"), names.index("target")
            self.source_lang, self.target_lang = source_lang, target_lang
        else:
            langs = [i for i, name in enumerate(header) if i != self.id_column and _LANG_RE.match(name)]
            if len(langs) < 2:
                raise InputError(self.path, "bilingual CSV needs a header: source,target or two language codes "
                                            "(e.g. id,en,de)", 1)
            self.source_column, self.target_column = langs[0], langs[1]
            self.source_lang = source_lang or header[langs[0]]
            self.target_lang = target_lang or header[langs[1]]
        self.changed = False

    def _parse(self) -> tuple[list[list[str]], list[int]]:
        reader = csv.reader(io.StringIO(self.text, newline=""), dialect=self.dialect)
        rows, lines, line = [], [], 1
        try:
            for row in reader:
                rows.append(row)
                lines.append(line)
                line = reader.line_num + 1
        except csv.Error as exc:
            raise InputError(self.path, f"malformed CSV: {exc}", reader.line_num) from None
        return rows, lines

    def segments(self) -> Iterator[Segment]:
        lang = canonical_lang(self.target_lang) if self.target_lang else None
        source_lang = canonical_lang(self.source_lang) if self.source_lang else None
        width = max(self.source_column, self.target_column) + 1
        for number in range(1, len(self.rows)):
            row = self.rows[number]
            if not any(cell.strip() for cell in row):
                continue
            if len(row) < width:
                raise InputError(self.path, f"expected at least {width} fields, found {len(row)}",
                                 self.line_numbers[number])
            text = row[self.target_column]
            if not text.strip():
                continue
            yield Segment(text, self.path, self.line_numbers[number], 1, id=self._id(number), lang=lang,
                          source=row[self.source_column], source_lang=source_lang)

    def _id(self, number: int) -> str:
        row = self.rows[number]
        if self.id_column is not None and self.id_column < len(row) and row[self.id_column].strip():
            return row[self.id_column].strip()
        return str(self.line_numbers[number])

    def target_text(self, segment_id: str) -> str:
        return self.rows[self._row(segment_id)][self.target_column]

    def set_target(self, segment_id: str, text: str) -> None:
        self.rows[self._row(segment_id)][self.target_column] = text
        self.changed = True

    def _row(self, segment_id: str) -> int:
        for number in range(1, len(self.rows)):
            if self._id(number) == segment_id:
                return number
        raise InputError(self.path, f"no segment {segment_id!r}")

    def save(self, path: str | Path | None = None) -> None:
        with atomic_output(str(path or self.path), binary=True) as stream:
            if not self.changed:
                stream.write(self._raw)
                return
            out = io.StringIO(newline="")
            terminator = "\r\n" if "\r\n" in self.text else "\n"
            csv.writer(out, dialect=self.dialect, lineterminator=terminator).writerows(self.rows)
            stream.write(self._bom + out.getvalue().encode(self._encoding))
