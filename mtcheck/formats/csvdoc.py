"""Bilingual CSV/TSV: a row per segment, columns named by language code (``en,de``) or
``source,target``, with an optional ``id`` column. Edits replace only the target cells'
text in the file; every other byte stays as it was."""
from __future__ import annotations

import bisect
import csv
import io
import re
from pathlib import Path
from typing import Iterator, NamedTuple

from mtcheck.errors import InputError
from mtcheck.language import canonical_lang
from mtcheck.formats.positions import Runs
from mtcheck.model import PositionMap, Segment
from mtcheck.textio import atomic_output, read_bytes, sniff_encoding

SUFFIXES = (".csv", ".tsv")
_ID_NAMES = ("id", "key", "segment", "tuid", "name")
_LANG_RE = re.compile(r"^[a-z]{2,3}(?:[_-][a-z0-9]{2,8})*$", re.IGNORECASE)
# Line ends as the csv module counts them (it reads with newline="").
_LINE_END_RE = re.compile(r"\r\n|\r|\n")
_UNQUOTED_RE = {delimiter: re.compile(f"[^{delimiter}\r\n]*") for delimiter in (",", "\t")}


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
        self._delimiter = csv.get_dialect(self.dialect).delimiter
        self._line_starts = [0] + [found.end() for found in _LINE_END_RE.finditer(self.text)]
        self._edits: dict[int, tuple[int, int, str]] = {}  # row: (start, end, new cell text) in the file
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
            line, column = self._position(self._target_cell(number).text_start)
            source = row[self.source_column]
            yield Segment(text, self.path, line, column, id=self._id(number), lang=lang,
                          source=source, source_lang=source_lang,
                          places=self._places(text, self._target_cell(number)),
                          source_places=self._places(source, self._cell(number, self.source_column), always=True))

    def _target_cell(self, number: int) -> _Cell:
        return self._cell(number, self.target_column)

    def _cell(self, number: int, column: int) -> _Cell:
        row_start = self._line_starts[self.line_numbers[number] - 1]
        return _locate_cell(self.text, row_start, column, self._delimiter)

    def _places(self, value: str, cell: _Cell, always: bool = False) -> PositionMap | None:
        """Where each character of a cell's value stands: None where the value is written as
        it is on one line (unless `always`). A doubled quote is one character; a cell the
        csv module reads otherwise than it is spelled (text after its closing quote) is
        placed at its start."""
        line, column = self._position(cell.text_start)
        raw = self.text[cell.text_start:cell.end - 1 if cell.quoted else cell.end]
        if not always and raw == value and "\r" not in raw:
            return None
        if raw.replace('""', '"') != value if cell.quoted else raw != value:
            return PositionMap.plain(value, line, column) if always else None
        runs = Runs()
        for number, piece in enumerate(raw.split('""') if cell.quoted else [raw]):
            if number:
                runs.wide(line, column, line, column + 2)
                column += 2
            line, column = runs.spelled(piece, line, column)
        return runs.build(*self._position(cell.text_start))

    def _position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (code points) of an offset in the text."""
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def _id(self, number: int) -> str:
        row = self.rows[number]
        if self.id_column is not None and self.id_column < len(row) and row[self.id_column].strip():
            return row[self.id_column].strip()
        return str(self.line_numbers[number])

    def target_text(self, segment_id: str) -> str:
        return self.rows[self._row(segment_id)][self.target_column]

    def set_target(self, segment_id: str, text: str) -> None:
        number = self._row(segment_id)
        if len(self.rows[number]) <= self.target_column:
            raise InputError(self.path, f"segment {segment_id!r} has no target cell", self.line_numbers[number])
        cell = self._target_cell(number)
        self._edits[number] = (cell.start, cell.end, _quoted(text, self._delimiter, cell.quoted))
        self.rows[number][self.target_column] = text
        self.changed = True

    def _row(self, segment_id: str) -> int:
        found = [number for number in range(1, len(self.rows)) if self._id(number) == segment_id]
        if not found:
            raise InputError(self.path, f"no segment {segment_id!r}")
        if len(found) > 1:
            # An edit meant for one of the rows could land in the other.
            raise InputError(self.path, f"duplicate id {segment_id!r} (first at line {self.line_numbers[found[0]]})",
                             self.line_numbers[found[1]])
        return found[0]

    def serialize(self) -> bytes:
        """The file's bytes with the edited cells replaced; the original where none was."""
        text = self.text
        for start, end, cell in sorted(self._edits.values(), reverse=True):
            text = text[:start] + cell + text[end:]
        return self._bom + text.encode(self._encoding) if self._edits else self._raw

    def save(self, path: str | Path | None = None) -> None:
        data = self.serialize()
        with atomic_output(str(path or self.path), binary=True) as stream:
            stream.write(data)


class _Cell(NamedTuple):
    start: int       # offset of the cell in the text, its opening quote included
    end: int         # offset past the cell, before the delimiter or line end
    text_start: int  # offset of the cell's first character of text
    quoted: bool


def _locate_cell(text: str, row_start: int, index: int, delimiter: str) -> _Cell:
    """Where the index-th cell of the row starting at row_start stands."""
    start = row_start
    for _ in range(index):
        start = _cell_end(text, start, delimiter) + 1
    quoted = text.startswith('"', start)
    return _Cell(start, _cell_end(text, start, delimiter), start + 1 if quoted else start, quoted)


def _cell_end(text: str, start: int, delimiter: str) -> int:
    """Read the way the csv module reads a cell: a quoted one runs to its closing quote
    (doubled quotes are text), then, like an unquoted one, to the delimiter or the line end."""
    position = _past_closing_quote(text, start + 1) if text.startswith('"', start) else start
    return _UNQUOTED_RE[delimiter].match(text, position).end()


def _past_closing_quote(text: str, position: int) -> int:
    while True:
        quote = text.find('"', position)
        if quote < 0:
            return len(text)
        if not text.startswith('"', quote + 1):
            return quote + 1
        position = quote + 2


def _quoted(value: str, delimiter: str, quoted: bool) -> str:
    """A cell's text as the csv module writes it; quoted when it was, or when it must be."""
    if quoted or any(c in value for c in (delimiter, '"', "\r", "\n")):
        return '"' + value.replace('"', '""') + '"'
    return value
