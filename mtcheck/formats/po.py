"""gettext PO files, read by a parser that knows the line and column of every string; edits
are spliced into the original text so that every other entry, comment and header line, and
every line end, stays byte for byte as it was."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from mtcheck.errors import InputError
from mtcheck.formats.langnames import language_code
from mtcheck.formats.parts import FilePart, PartMisread
from mtcheck.language import canonical_lang
from mtcheck.formats.positions import Runs
from mtcheck.model import PositionMap, Segment
from mtcheck.textio import atomic_output, read_bytes, sniff_encoding

SUFFIXES = (".po", ".pot")
_CHARSET_RE = re.compile(rb"charset=([\w.:-]+)", re.IGNORECASE)
_LANG_DIR_RE = re.compile(r"^[a-z]{2,3}(?:[_-][A-Za-z]{2,4})?$")
# A language code as gettext writes one: ll, ll_CC, ll-Scrp, with an @modifier (sr@latin).
_LANG_CODE_RE = re.compile(r"^[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*(?:@[A-Za-z0-9]+)?$")
# Only LF (alone or after CR) ends a line, or CR in a file without any LF (old Mac files):
# a stray CR, a form feed or U+2028 is a character of its line, as it is to gettext.
_LF_END_RE = re.compile(r"(\r?\n)")
_KEYWORD_RE = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)(?=[\s\"]|$)")
_STRING_RE = re.compile(r'"((?:[^"\\]|\\.)*)"')
_ESCAPE_RE = re.compile(r"\\(?:([0-7]{1,3})|x([0-9A-Fa-f]+)|(.))")
_UNESCAPED = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v",
              "\\": "\\", '"': '"', "'": "'", "?": "?"}
_ESCAPED = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\a": "\\a",
                          "\b": "\\b", "\f": "\\f", "\v": "\\v"})


@dataclass
class PoString:
    """One keyword's string: the lines it spans and each quoted piece's place and value."""

    keyword: str                 # msgctxt, msgid, msgid_plural, msgstr, msgstr[1] …
    start: int                   # 0-based line of the keyword
    keyword_column: int          # 0-based index of the keyword in that line
    pieces: list[tuple[int, int, int, str]] = field(default_factory=list)  # line, quote, past quote, value

    @property
    def end(self) -> int:
        return self.pieces[-1][0] + 1

    @property
    def value(self) -> str:
        return "".join(piece[3] for piece in self.pieces)


@dataclass
class PoEntry:
    """A message: its comments, flags and strings, with the places they stand in the file."""

    linenum: int                 # 1-based first line, comments included
    obsolete: bool = False
    complete: bool = False          # a msgstr has been read: a comment or msgid after it starts the next entry
    tcomment: str = ""
    flags: list[str] = field(default_factory=list)
    flags_line: int | None = None   # 0-based line of the first "#," line
    previous_line: int | None = None  # 0-based line of the first "#|" line
    strings: dict[str, PoString] = field(default_factory=dict)
    values: dict[str, str] = field(default_factory=dict)  # what each string says now, edits included

    @property
    def msgctxt(self) -> str | None:
        return self.values.get("msgctxt")

    @property
    def msgid(self) -> str:
        return self.values.get("msgid", "")

    @property
    def msgid_plural(self) -> str:
        return self.values.get("msgid_plural", "")

    @property
    def msgstr(self) -> str:
        return self.values.get("msgstr", "")

    @property
    def msgstr_plural(self) -> dict[int, str]:
        return {int(k[7:-1]): v for k, v in self.values.items() if k.startswith("msgstr[")}

    @property
    def keyword_line(self) -> int:
        """0-based line of msgctxt, or of msgid where there is none."""
        return min(self.strings[k].start for k in ("msgctxt", "msgid") if k in self.strings)


class PoFile:
    """A PO file: one Segment per translated msgstr (plural forms each their own)."""

    def __init__(self, path: str | Path, source_lang: str | None = None, target_lang: str | None = None,
                 part: FilePart | None = None):
        """`part`: only the entries of this part of the file (see mtcheck.formats.parts), read
        after the file's header entry, at the file's lines; such a file is read, not edited."""
        self.path = str(path)
        if part is None:
            raw = read_bytes(self.path)
            self.encoding, bom = _encoding(raw)
        else:
            raw, bom = _part_bytes(part), 0
            with open(self.path, "rb") as handle:
                self.encoding, _ = _encoding(handle.read(4096))
        try:
            text = raw[bom:].decode(self.encoding)
        except UnicodeDecodeError as exc:
            line = raw[bom:bom + exc.start].count(b"\n") + 1
            raise InputError(self.path, f"cannot decode as {self.encoding} (byte 0x{exc.object[exc.start]:02x})",
                             line) from None
        self._bom = raw[:bom]
        self.lines, self._ends = _split_lines(text)
        self._newline = next((end for end in self._ends if end), "\n")
        if part is not None and part.number > 0:
            self.lines = _PartLines(self.lines, part)
        self.catalog = _Parser(self.path, self.lines).parse()
        if part is not None:
            _check_units(self.path, self.catalog, part)
        self.metadata = _metadata(self.catalog)
        # gettext's msgids are English unless the file says otherwise.
        self.source_lang = source_lang or self.metadata.get("X-Source-Language") or "en"
        self.warnings: list[str] = []  # problems that do not stop the file being read
        self.target_lang = target_lang or self._header_language() or _lang_from_path(self.path)
        self._entries, self._duplicates = self._index()
        self._replaced: dict[int, tuple[int, list[str]]] = {}  # first line: (past last line, new lines)
        self._edited_lines: dict[int, str] = {}
        self._inserted: dict[int, list[str]] = {}  # new lines before a line
        self.changed = False

    def _header_language(self) -> str | None:
        """The `Language:` header as a code: gettext writes a code (de, pt_BR, sr@latin), but
        many files name the language in English (German); a value that is neither is kept as
        it is, with a warning."""
        value = self.metadata.get("Language", "").strip()
        if not value or _LANG_CODE_RE.match(value):
            return value.split("@")[0] or None
        code = language_code(value)
        if code is None:
            line = next((piece[0] + 1 for entry in self.catalog if not entry.msgid and "msgstr" in entry.strings
                         for piece in entry.strings["msgstr"].pieces if piece[3].startswith("Language:")), None)
            self.warnings.append(f"{self.path}:{line}: Language header {value!r} is neither a language code nor a "
                                 "language name; taken as it is" if line else
                                 f"{self.path}: Language header {value!r} is neither a language code nor a "
                                 "language name; taken as it is")
            return value
        return code

    def _index(self) -> tuple[dict[str, tuple[PoEntry, str]], dict[str, tuple[int, int]]]:
        """Each msgstr by segment id; and for an id that two entries have, both their lines."""
        entries: dict[str, tuple[PoEntry, str]] = {}
        duplicates: dict[str, tuple[int, int]] = {}
        for entry, keyword, segment_id in self._msgstrs():
            if segment_id in entries:
                first = entries[segment_id][0]
                duplicates.setdefault(segment_id, (first.keyword_line + 1, entry.keyword_line + 1))
            else:
                entries[segment_id] = (entry, keyword)
        return entries, duplicates

    def _msgstrs(self) -> Iterator[tuple[PoEntry, str, str]]:
        """(entry, msgstr keyword, segment id) of every live entry's translations."""
        for entry in self.catalog:
            if entry.obsolete or not entry.msgid:
                continue
            base_id = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
            plural = bool(entry.msgid_plural)
            keywords = [k for k in entry.strings if k.startswith("msgstr") and k.startswith("msgstr[") == plural]
            for keyword in sorted(keywords, key=_plural_index):
                yield entry, keyword, base_id if keyword == "msgstr" else f"{base_id}[{keyword[7:-1]}]"

    def segments(self) -> Iterator[Segment]:
        lang = canonical_lang(self.target_lang) if self.target_lang else None
        source_lang = canonical_lang(self.source_lang) if self.source_lang else None
        for entry, keyword, segment_id in self._msgstrs():
            text = entry.values[keyword]
            if not text.strip():
                continue
            source_keyword = "msgid" if _plural_index(keyword) <= 0 else "msgid_plural"
            string = entry.strings[keyword]
            line, column = _text_position(string)
            yield Segment(text, self.path, line, column, id=segment_id.replace("\x04", "|"), lang=lang,
                          source=entry.values[source_keyword], source_lang=source_lang,
                          places=_places(string, self.lines),
                          source_places=_places(entry.strings[source_keyword], self.lines, always=True))

    # -- editing ----------------------------------------------------------------------------------
    def target_text(self, segment_id: str) -> str:
        entry, keyword = self._entry(segment_id)
        return entry.values[keyword]

    def set_target(self, segment_id: str, text: str, fuzzy: bool = False) -> None:
        entry, keyword = self._entry(segment_id)
        string = entry.strings[keyword]
        self._check_encodable(text, string.start + 1)
        self._replaced[string.start] = (string.end, self._spliced(string, text))
        entry.values[keyword] = text
        if fuzzy and "fuzzy" not in entry.flags:
            entry.flags.append("fuzzy")
            self._flag_fuzzy(entry)
        self.changed = True

    def _spliced(self, string: PoString, text: str) -> list[str]:
        """The string's new lines, with the indentation before its keyword and whatever
        follows its last closing quote (spaces, a stray CR) kept."""
        lines = _format(string.keyword, text)
        lines[0] = self.lines[string.start][:string.keyword_column] + lines[0]
        last_line, _, past_quote, _ = string.pieces[-1]
        lines[-1] += self.lines[last_line][past_quote:]
        return lines

    def _check_encodable(self, text: str, line: int) -> None:
        try:
            text.encode(self.encoding)
        except UnicodeEncodeError as exc:
            raise InputError(self.path, f"{exc.object[exc.start]!r} cannot be written in the file's encoding "
                                        f"{self.encoding}", line) from None

    def _flag_fuzzy(self, entry: PoEntry) -> None:
        # Add to the entry's flags line, or add one where gettext puts it: after the other
        # comments, before the previous-msgid (#|) lines and the msgctxt/msgid line.
        if entry.flags_line is not None:
            line = entry.flags_line
            self._edited_lines[line] = self._edited_lines.get(line, self.lines[line]) + ", fuzzy"
            return
        before = entry.previous_line if entry.previous_line is not None else entry.keyword_line
        self._inserted.setdefault(before, []).append("#, fuzzy")

    def _entry(self, segment_id: str) -> tuple[PoEntry, str]:
        key = segment_id.replace("|", "\x04") if segment_id not in self._entries else segment_id
        if key not in self._entries:
            raise InputError(self.path, f"no entry {segment_id!r}")
        if key in self._duplicates:
            # Two entries with one id: an edit meant for one could land in the other.
            first, again = self._duplicates[key]
            raise InputError(self.path, f"duplicate message definition (first at line {first})", again)
        return self._entries[key]

    @property
    def text(self) -> str:
        """The file's text with the edits made so far."""
        out = []
        number = 0
        while number < len(self.lines):
            for inserted in self._inserted.get(number, ()):
                out.append(inserted + self._ends[number])
            if number in self._replaced:
                past, new_lines = self._replaced[number]
                out.extend(self._with_ends(new_lines, number, past))
                number = past
                continue
            out.append(self._edited_lines.get(number, self.lines[number]) + self._ends[number])
            number += 1
        return "".join(out)

    def _with_ends(self, new_lines: list[str], first: int, past: int) -> list[str]:
        """The block's last line keeps its end (or its lack of one); the others take the end
        of the block's first line."""
        inner = self._ends[first] or self._newline
        return [line + inner for line in new_lines[:-1]] + [new_lines[-1] + self._ends[past - 1]]

    def serialize(self) -> bytes:
        return self._bom + self.text.encode(self.encoding)

    def save(self, path: str | Path | None = None) -> None:
        data = self.serialize()
        with atomic_output(str(path or self.path), binary=True) as stream:
            stream.write(data)


class _Parser:
    """gettext's PO grammar, line by line; any line it cannot place is an InputError naming it."""

    def __init__(self, path: str, lines: list[str]):
        self.path = path
        self.lines = lines
        self.entries: list[PoEntry] = []
        self.entry: PoEntry | None = None
        self.string: PoString | None = None  # the string continuation lines extend

    def parse(self) -> list[PoEntry]:
        numbered = self.lines.numbered() if isinstance(self.lines, _PartLines) else enumerate(self.lines)
        for number, line in numbered:
            self._line(number, line)
        self._close()
        return self.entries

    def _fail(self, message: str, number: int) -> InputError:
        return InputError(self.path, message, number + 1)

    def _line(self, number: int, line: str) -> None:
        body = line.lstrip()
        obsolete = body.startswith("#~") and not body.startswith("#~|")
        if obsolete:
            body = body[2:].lstrip()
        if not body or (obsolete and body.startswith("#")):
            return
        if body.startswith("#"):
            self._comment(number, body)
        elif body.startswith('"'):
            self._continuation(number, line, body, obsolete)
        else:
            self._keyword(number, line, body, obsolete)

    def _start_entry_if_due(self, number: int, obsolete: bool) -> PoEntry:
        if self.entry is None or self.entry.complete:
            self._close()
            self.entry = PoEntry(number + 1, obsolete)
        return self.entry

    def _comment(self, number: int, body: str) -> None:
        self.string = None
        entry = self._start_entry_if_due(number, False)
        kind = body[:2]
        if kind == "#,":
            entry.flags.extend(flag.strip() for flag in body[2:].split(",") if flag.strip())
            if entry.flags_line is None:
                entry.flags_line = number
        elif kind == "#|":
            if entry.previous_line is None:
                entry.previous_line = number
        elif kind not in ("#.", "#:", "#~"):
            comment = body.lstrip("#")
            comment = comment[1:] if comment.startswith(" ") else comment
            entry.tcomment = f"{entry.tcomment}\n{comment}" if entry.tcomment else comment

    def _keyword(self, number: int, line: str, body: str, obsolete: bool) -> None:
        found = _KEYWORD_RE.match(body)
        if not found:
            raise self._fail("expected a keyword, a quoted string or a comment", number)
        keyword = found.group(1)
        keyword_column = len(line) - len(body)
        if not body[found.end():].lstrip().startswith('"'):
            raise self._fail(f"expected a quoted string after {keyword}", number)
        entry = self._entry_for(keyword, number, obsolete)
        self.string = entry.strings[keyword] = PoString(keyword, number, keyword_column)
        entry.complete = entry.complete or keyword.startswith("msgstr")
        self._piece(number, line, line.index('"', keyword_column + found.end()))

    def _entry_for(self, keyword: str, number: int, obsolete: bool) -> PoEntry:
        """The entry a keyword belongs to, after the checks that keep entries apart."""
        if keyword in ("msgctxt", "msgid"):
            entry = self._start_entry_if_due(number, obsolete)
            if "msgid" in entry.strings:
                raise self._fail("msgid without msgstr", entry.strings["msgid"].start)
        else:
            entry = self.entry
            if entry is None or "msgid" not in entry.strings:
                raise self._fail(f"{keyword} without msgid", number)
            if keyword == "msgid_plural" and entry.complete:
                raise self._fail("msgid_plural after msgstr", number)
        if keyword in entry.strings:
            raise self._fail(f"duplicate {keyword}", number)
        if entry.strings and entry.obsolete != obsolete:
            raise self._fail("obsolete (#~) and live lines mixed in one entry", number)
        entry.obsolete = obsolete
        return entry

    def _continuation(self, number: int, line: str, body: str, obsolete: bool) -> None:
        if self.string is None:
            raise self._fail("quoted string without a keyword", number)
        if self.entry.obsolete != obsolete:
            raise self._fail("obsolete (#~) and live lines mixed in one entry", number)
        self._piece(number, line, len(line) - len(body))

    def _piece(self, number: int, line: str, quote: int) -> None:
        found = _STRING_RE.match(line, quote)
        if not found:
            raise self._fail("unterminated string", number)
        if line[found.end():].strip():
            raise self._fail("text after the closing quote", number)
        value = _unescape(found.group(1), self.path, number + 1)
        self.string.pieces.append((number, quote, found.end(), value))

    def _close(self) -> None:
        entry = self.entry
        if entry is None or not entry.strings:
            return  # comments at the end of the file belong to no entry
        if not entry.complete:
            raise self._fail("msgid without msgstr", entry.strings["msgid"].start if "msgid" in entry.strings
                             else entry.linenum - 1)
        entry.values = {keyword: string.value for keyword, string in entry.strings.items()}
        self.entries.append(entry)


def _unescape(text: str, path: str, line: int) -> str:
    if "\\" not in text:
        return text

    def replace(found: re.Match) -> str:
        octal, hexadecimal, other = found.groups()
        if other is not None:
            if other not in _UNESCAPED:
                raise InputError(path, f"unknown escape sequence \\{other}", line)
            return _UNESCAPED[other]
        try:
            return chr(int(octal, 8) if octal else int(hexadecimal, 16))
        except (ValueError, OverflowError):
            raise InputError(path, f"escape sequence out of range: {found.group()}", line) from None

    return _ESCAPE_RE.sub(replace, text)


def _format(keyword: str, text: str) -> list[str]:
    """A string in gettext's layout: one line, or "" then one line per embedded newline."""
    pieces = re.findall(r"[^\n]*\n|[^\n]+", text)
    if len(pieces) <= 1:
        return [f'{keyword} "{text.translate(_ESCAPED)}"']
    return [f'{keyword} ""'] + [f'"{piece.translate(_ESCAPED)}"' for piece in pieces]


def _split_lines(text: str) -> tuple[list[str], list[str]]:
    """The lines and each one's end ('' for a last line without one)."""
    pattern = _LF_END_RE if "\n" in text or "\r" not in text else re.compile(r"(\r)")
    parts = pattern.split(text)
    return parts[0::2], parts[1::2] + [""]


def _text_position(string: PoString) -> tuple[int, int]:
    """1-based line and column of the string's first character: for `msgstr ""` followed by
    continuation lines, that of the first continuation line."""
    pieces = string.pieces
    line, quote, _, _ = pieces[1] if len(pieces) > 1 and not pieces[0][3] else pieces[0]
    return line + 1, quote + 2


def _places(string: PoString, lines: list[str], always: bool = False) -> PositionMap | None:
    """Where each character of a string's value stands in the file: None where the value is
    one piece without escapes, whose characters stand one to one from its start (unless
    `always`)."""
    pieces = [piece for piece in string.pieces if piece[3]]
    if not always and len(pieces) == 1 and "\\" not in lines[pieces[0][0]][pieces[0][1]:pieces[0][2]]:
        return None
    runs = Runs()
    for number, quote, past_quote, _ in pieces:
        raw = lines[number][quote + 1:past_quote - 1]
        line, first = number + 1, quote + 2  # 1-based, past the opening quote
        done = 0
        for escape in _ESCAPE_RE.finditer(raw):
            runs.verbatim(line, first + done, escape.start() - done)
            runs.wide(line, first + escape.start(), line, first + escape.end())
            done = escape.end()
        runs.verbatim(line, first + done, len(raw) - done)
    return runs.build(*_text_position(string))


def _plural_index(keyword: str) -> int:
    return int(keyword[7:-1]) if keyword.startswith("msgstr[") else -1


def _metadata(entries: list[PoEntry]) -> dict[str, str]:
    """The header entry's `Key: value` lines."""
    header = next((e for e in entries if not e.obsolete and not e.msgid and e.msgctxt is None), None)
    metadata: dict[str, str] = {}
    for line in (header.msgstr.split("\n") if header else ()):
        key, colon, value = line.partition(":")
        if colon and key.strip():
            metadata[key.strip()] = value.strip()
    return metadata


class _PartLines:
    """A part's lines where the whole file has them: the header entry's first, the part's from
    its own first line on, empty lines between (not held)."""

    def __init__(self, lines: list[str], part: FilePart):
        self.head = lines[:part.head_line - 1]  # the header ends where its next entry begins
        self.first = part.line - 1
        self.rest = lines[part.head_line - 1:]

    def __len__(self) -> int:
        return self.first + len(self.rest)

    def __getitem__(self, number: int) -> str:
        if number < len(self.head):
            return self.head[number]
        return self.rest[number - self.first] if number >= self.first else ""

    def numbered(self) -> Iterator[tuple[int, str]]:
        yield from enumerate(self.head)
        yield from enumerate(self.rest, self.first)


def _part_bytes(part: FilePart) -> bytes:
    """The file's header entry (for a part after the first) and the part's bytes."""
    with open(part.path, "rb") as handle:
        head = handle.read(part.head_end) if part.number > 0 else b""
        handle.seek(part.start)
        return head + handle.read(part.end - part.start)


def _check_units(path: str, catalog: list[PoEntry], part: FilePart) -> None:
    """A part reads the entries its cut counted (see mtcheck.formats.parts), or none of it is used."""
    first = part.line - 1
    read = sum(1 for entry in catalog if "msgid" in entry.strings and entry.strings["msgid"].start >= first)
    if read != part.units:
        raise PartMisread(f"{path}: part {part.number + 1} holds {read} entries, not {part.units}")


def header_end(head: bytes, encoding: str) -> int:
    """Where the file's header entry ends, given its bytes up to the next entry: there, or 0
    where the first entry is no header."""
    try:
        entries = _Parser("", _split_lines(head.decode(encoding))[0]).parse()
    except (UnicodeDecodeError, InputError):
        return 0
    header = entries[0] if len(entries) == 1 else None
    return len(head) if header is not None and not header.msgid and header.msgctxt is None \
        and not header.obsolete else 0


def po_encoding(raw: bytes) -> tuple[str, int]:
    """The encoding a PO file's first bytes declare (UTF-8 where none), and its byte order
    mark's length."""
    return _encoding(raw)


def _encoding(raw: bytes) -> tuple[str, int]:
    encoding, bom = sniff_encoding(raw[:4])
    if bom:
        return encoding, bom
    found = _CHARSET_RE.search(raw[:4096])
    name = found.group(1).decode("ascii", "replace") if found else "utf-8"
    # The template's placeholder "CHARSET", unknown names and codecs that are no text
    # encodings (rot13, base64) read as UTF-8.
    try:
        b"x".decode(name)  # empty input would not reach the codec's check
    except LookupError:
        name = "utf-8"
    except UnicodeDecodeError:
        pass  # a text encoding that needs more than one byte
    return name, 0


def _lang_from_path(path: str) -> str | None:
    """de from locale/de/LC_MESSAGES/django.po or from de.po."""
    parts = Path(path).parts
    if len(parts) >= 3 and parts[-2] == "LC_MESSAGES" and _LANG_DIR_RE.match(parts[-3]):
        return parts[-3]
    stem = Path(path).stem
    return stem if _LANG_DIR_RE.match(stem) else None
