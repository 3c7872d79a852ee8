"""Glossaries as CSV/TSV.

Three shapes, told apart by the first row:
- one term per row: ``concept,lang,term,status[,type][,options][,note][,part_of_speech]
  [,gender][,number]`` (a note that is only a part of speech, "verb", gives it too; a
  language tag with a region, pt-BR, is kept for writing back), and optionally the
  concept's ``concept_note``, ``concept_definition`` and ``subject_field`` and the row
  language's ``lang_note``
  and ``lang_definition`` (given on any of the concept's or language's rows); a row without
  language and term names only its concept, one without term fields but with a language note
  or definition only that language;
- one concept per row, one column per language (``id,note,en,de,...``): every cell a
  preferred term, several terms in one cell separated by ``|`` (the first preferred);
- no header, two columns ``source,target`` as MT vendors' glossaries have them (DeepL,
  Google): the file does not say the languages, so the caller must.

A bad row stops the reading, or with a `ReadLog` that keeps going is logged and skipped.
"""
from __future__ import annotations

import csv
import io
import re
from collections import defaultdict

from mtcheck.errors import GlossaryError
from mtcheck.glossary.options import (language_code, language_subtags, parse_gender, parse_kind, parse_number,
                                      parse_options, parse_part_of_speech, parse_status, part_of_speech_in_note)
from mtcheck.glossary.readlog import ReadLog
from mtcheck.language import canonical_lang
from mtcheck.model import Concept, Glossary, Origin, Status, Term, TermKind
from mtcheck.textio import read_text

_LONG_REQUIRED = ("concept", "lang", "term")
_TERM_FIELDS = ("term", "status", "type", "options", "note", "part_of_speech", "gender", "number")
# Other names of columns, as headers write them (TBX's data category names among them).
_COLUMN_NAMES = {
    **dict.fromkeys(("pos", "partofspeech", "part of speech", "part-of-speech"), "part_of_speech"),
    **dict.fromkeys(("grammaticalgender", "grammatical gender", "grammatical_gender"), "gender"),
    **dict.fromkeys(("grammaticalnumber", "grammatical number", "grammatical_number"), "number"),
    **dict.fromkeys(("subjectfield", "subject field", "subject", "domain"), "subject_field"),
}
_META = {"id", "concept", "note", "definition"}
# A BCP-47 tag as header cells give them: "de", "nob", "pt-BR", "zh_Hant".
_LANG_CODE = re.compile(r"[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*")


def read_csv(path: str, source_lang: str | None = None, target_lang: str | None = None,
             log: ReadLog | None = None) -> Glossary:
    """Read a glossary in any of the three shapes; the languages are for the headerless one."""
    text = read_text(path, lone_cr=False)
    dialect = "excel-tab" if str(path).lower().endswith((".tsv", ".tab")) or _tabbed(text) else "excel"
    rows = _Rows(path, text, dialect, log or ReadLog())
    try:
        first = next(rows.reader)
    except StopIteration:
        raise GlossaryError(path, "empty glossary file", 1) from None
    except csv.Error as exc:
        raise GlossaryError(path, f"malformed CSV: {exc}", 1) from None
    header = [_COLUMN_NAMES.get(h.strip().lower(), h.strip().lower()) for h in first]
    tags: dict[str, Origin] = {}
    if all(name in header for name in _LONG_REQUIRED):
        return Glossary(tuple(_read_long(path, header, rows, tags)), None, (str(path),), tags)
    if _headerless(header, source_lang, target_lang):
        if not (source_lang and target_lang):
            raise GlossaryError(path, "headerless two-column glossary: give the languages with "
                                      "--source-lang and --target-lang", 1)
        languages = (language_code(source_lang, path, None), language_code(target_lang, path, None))
        rows.pending = first
        concepts = _read_pairs(path, rows, languages)
        return Glossary(tuple(concepts), languages[0], (str(path),))
    return Glossary(tuple(_read_wide(path, first, rows, tags)), None, (str(path),), tags)


def _headerless(header: list[str], source_lang: str | None, target_lang: str | None) -> bool:
    """Whether a first row of two cells is a source/target pair rather than a header.

    Short words ("sun,sol") look like language codes too, so a header needs codes of two
    letters, with a subtag, or a known three-letter alias; when the caller names the
    languages, only those two make a header.
    """
    if len(header) != 2 or any(name in _META for name in header):
        return False
    if not all(_LANG_CODE.fullmatch(name) and (len(name) == 2 or len(canonical_lang(name)) < len(name))
               for name in header):
        return True
    if not (source_lang and target_lang):
        return False
    return {canonical_lang(name) for name in header} != {canonical_lang(source_lang), canonical_lang(target_lang)}


def _tabbed(text: str) -> bool:
    first = text.split("\n", 1)[0]
    return "\t" in first and "," not in first


class _Rows:
    """The csv reader of a glossary's text, and its lines as the reader counts them (to tell
    a comment, a line starting with an unquoted #, from a quoted cell starting with one)."""

    def __init__(self, path: str, text: str, dialect: str, log: ReadLog):
        self.path = path
        self.log = log
        self.lines = io.StringIO(text, newline="").readlines()
        self.reader = csv.reader(io.StringIO(text, newline=""), dialect=dialect)
        self.pending: list[str] | None = None  # a first row that holds data, not names

    def records(self, width: int):
        """(line, cells) for each row that holds data, with the row's width checked; a bad
        row goes to the log."""
        while True:
            start = 0 if self.pending is not None else self.reader.line_num  # index of the row's first line
            try:
                cells = self._next_row()
            except StopIteration:
                return
            except csv.Error as exc:
                self.log.error(GlossaryError(self.path, f"malformed CSV: {exc}", self.reader.line_num))
                if self.reader.line_num == start:
                    return  # the reader is stuck: no row after this one can be read
                continue
            if not any(c.strip() for c in cells) or self._comment(start):
                continue
            if len(cells) != width:
                self.log.error(GlossaryError(self.path, f"expected {width} fields, found {len(cells)}", start + 1))
                continue
            yield start + 1, [c.strip() for c in cells]

    def each(self, width: int, read_row) -> None:
        """`read_row(line, cells)` for each record; an error in one goes to the log, and with
        a log that keeps going, the rows after it are still read."""
        for line, cells in self.records(width):
            try:
                read_row(line, cells)
            except GlossaryError as exc:
                self.log.error(exc)

    def _next_row(self) -> list[str]:
        if self.pending is None:
            return next(self.reader)
        row, self.pending = self.pending, None
        return row

    def _comment(self, index: int) -> bool:
        return index < len(self.lines) and self.lines[index].lstrip(" \t").startswith("#")


def _read_long(path, header, rows, tags: dict[str, Origin]) -> list[Concept]:
    concepts = _LongConcepts(path, header, tags)
    rows.each(len(header), concepts.add)
    return concepts.built()


class _LongConcepts:
    """The concepts of a one-term-per-row file as its rows give them: a concept's note and
    definition, and a language's, may be given on any of their rows."""

    def __init__(self, path: str, header: list[str], tags: dict[str, Origin]):
        self.path, self.header, self.tags = path, header, tags
        self.terms: dict[str, list[Term]] = {}
        self.notes: dict[str, str] = {}
        self.definitions: dict[str, dict[str, str]] = {}
        self.lang_notes: dict[str, dict[str, str]] = {}
        self.origins: dict[str, Origin] = {}
        self.subjects: dict[str, str] = {}

    def add(self, line: int, cells: list[str]) -> None:
        """One row, read whole before anything is kept: a bad row adds no concept or term."""
        get = defaultdict(str, zip(self.header, cells)).__getitem__  # a missing column reads as empty
        concept_id, lang = get("concept"), get("lang")
        if not concept_id:
            raise GlossaryError(self.path, "missing concept id", line)
        has_term = any(get(name) for name in _TERM_FIELDS)
        if not lang and has_term:
            raise GlossaryError(self.path, "missing language code", line)
        region = language_subtags(lang) if lang else ""
        lang = language_code(lang, self.path, line, self.tags) if lang else ""
        # A row with a language note or definition but no term fields names only its language.
        names_a_term = lang and (has_term or not (get("lang_definition") or get("lang_note")))
        term = _long_term(self.path, line, lang, get, region) if names_a_term else None
        self.origins.setdefault(concept_id, Origin(str(self.path), line))
        self.terms.setdefault(concept_id, [])
        if get("concept_note"):
            self.notes[concept_id] = get("concept_note")
        if get("subject_field"):
            self.subjects[concept_id] = get("subject_field")
        if get("concept_definition"):
            self.definitions.setdefault(concept_id, {})[""] = get("concept_definition")
        if lang and get("lang_definition"):
            self.definitions.setdefault(concept_id, {})[lang] = get("lang_definition")
        if lang and get("lang_note"):
            self.lang_notes.setdefault(concept_id, {})[lang] = get("lang_note")
        if term is not None:
            self.terms[concept_id].append(term)

    def built(self) -> list[Concept]:
        return [Concept(cid, tuple(ts), self.notes.get(cid, ""), self.origins[cid],
                        definitions=self.definitions.get(cid, {}), lang_notes=self.lang_notes.get(cid, {}),
                        subject_field=self.subjects.get(cid, ""))
                for cid, ts in self.terms.items()]


def _long_term(path, line, lang, get, region: str = "") -> Term:
    status = parse_status(get("status"), path, line) if get("status") else Status.ADMITTED
    kind = parse_kind(get("type"), path, line) if get("type") else TermKind.FULL
    options = parse_options(get("options"), path, line)
    part = parse_part_of_speech(get("part_of_speech"), path, line) if get("part_of_speech") \
        else part_of_speech_in_note(get("note"))
    gender = parse_gender(get("gender"), path, line) if get("gender") else ""
    number = parse_number(get("number"), path, line) if get("number") else ""
    return Term(get("term"), lang, status, kind, note=get("note"), origin=Origin(str(path), line),
                part_of_speech=part, gender=gender, number=number, region=region, **options)


def _read_wide(path, first: list[str], rows, tags: dict[str, Origin]) -> list[Concept]:
    header = [name.strip().lower() for name in first]
    languages = []
    for i, name in enumerate(header):
        lang = canonical_lang(name)
        if name in _META:
            continue
        # What every reader accepts (language_code): "㼿id" is letters, but no language code.
        if not lang.isalpha() or not 2 <= len(lang) <= 3 or not lang.isascii():
            rows.log.error(GlossaryError(path, f"column {name!r} is not a language code", 1))
            continue  # the column is left out; the others are still read
        tags.setdefault(first[i].strip(), Origin(str(path), 1))
        languages.append((i, lang))
    columns = {name: header.index(name) for name in ("id", "concept", "note", "definition") if name in header}
    id_column = columns.get("id", columns.get("concept"))
    concepts = []

    def read_row(line: int, cells: list[str]) -> None:
        origin = Origin(str(path), line)
        terms = []
        for i, lang in languages:
            for n, text in enumerate(t.strip() for t in cells[i].split("|") if t.strip()):
                status = Status.PREFERRED if n == 0 else Status.ADMITTED
                terms.append(Term(text, lang, status, origin=origin))
        concept_id = cells[id_column] if id_column is not None and cells[id_column] else f"row-{line}"
        definition = cells[columns["definition"]] if "definition" in columns else ""
        concepts.append(Concept(concept_id, tuple(terms), cells[columns["note"]] if "note" in columns else "",
                                origin=origin, definitions={"": definition} if definition else {}))

    rows.each(len(header), read_row)
    return concepts


def _read_pairs(path, rows, languages: tuple[str, str]) -> list[Concept]:
    """One concept per row: the source term and the target term, both preferred."""
    concepts = []

    def read_row(line: int, cells: list[str]) -> None:
        origin = Origin(str(path), line)
        for text, side in zip(cells, ("source", "target")):
            if not text:
                raise GlossaryError(path, f"empty {side} term", line)
        terms = tuple(Term(text, lang, Status.PREFERRED, origin=origin) for text, lang in zip(cells, languages))
        concepts.append(Concept(f"row-{line}", terms, origin=origin))

    rows.each(2, read_row)
    return concepts
