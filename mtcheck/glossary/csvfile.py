"""Glossaries as CSV/TSV.

Two shapes, told apart by the header:
- one term per row: ``concept,lang,term,status[,type][,options][,note]``;
- one concept per row, one column per language (``id,note,en,de,...``): every cell a
  preferred term, several terms in one cell separated by ``|`` (the first preferred).
"""
from __future__ import annotations

import csv
import io

from mtcheck.errors import GlossaryError
from mtcheck.glossary.options import parse_options
from mtcheck.lang import canonical_lang
from mtcheck.model import Concept, Glossary, Origin, Status, Term, TermKind
from mtcheck.textio import read_text

_LONG_REQUIRED = ("concept", "lang", "term")
_KINDS = {k.value.lower(): k for k in TermKind} | {"short": TermKind.SHORT, "full": TermKind.FULL}
_META = {"id", "concept", "note", "definition"}


def read_csv(path: str) -> Glossary:
    text = read_text(path)
    dialect = "excel-tab" if str(path).lower().endswith((".tsv", ".tab")) or _tabbed(text) else "excel"
    rows = csv.reader(io.StringIO(text, newline=""), dialect=dialect)
    try:
        header = [h.strip().lower() for h in next(rows)]
    except StopIteration:
        raise GlossaryError(path, "empty glossary file", 1) from None
    except csv.Error as exc:
        raise GlossaryError(path, f"malformed CSV: {exc}", 1) from None
    if all(name in header for name in _LONG_REQUIRED):
        concepts = _read_long(path, header, rows)
    else:
        concepts = _read_wide(path, header, rows)
    return Glossary(tuple(concepts), None, (str(path),))


def _tabbed(text: str) -> bool:
    first = text.split("\n", 1)[0]
    return "\t" in first and "," not in first


def _records(path, header, rows):
    """(line, cells) for each non-empty row, with the row's width checked."""
    while True:
        try:
            cells = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:
            raise GlossaryError(path, f"malformed CSV: {exc}", rows.line_num) from None
        if not any(c.strip() for c in cells):
            continue
        if cells[0].lstrip().startswith("#"):
            continue
        if len(cells) != len(header):
            raise GlossaryError(path, f"expected {len(header)} fields, found {len(cells)}", rows.line_num)
        yield rows.line_num, [c.strip() for c in cells]


def _read_long(path, header, rows) -> list[Concept]:
    column = {name: i for i, name in enumerate(header)}
    terms: dict[str, list[Term]] = {}
    notes: dict[str, str] = {}
    origins: dict[str, Origin] = {}
    for line, cells in _records(path, header, rows):
        get = lambda name: cells[column[name]] if name in column else ""  # noqa: E731
        concept_id, lang = get("concept"), get("lang")
        if not concept_id:
            raise GlossaryError(path, "missing concept id", line)
        if not lang:
            raise GlossaryError(path, "missing language code", line)
        status_text = get("status").lower() or "admitted"
        try:
            status = Status(status_text)
        except ValueError:
            known = ", ".join(s.value for s in Status)
            raise GlossaryError(path, f"unknown status {status_text!r} (known: {known})", line) from None
        kind_text = get("type").lower()
        if kind_text and kind_text not in _KINDS:
            raise GlossaryError(path, f"unknown term type {kind_text!r}", line)
        options = parse_options(get("options"), path, line)
        origin = Origin(str(path), line)
        origins.setdefault(concept_id, origin)
        if get("concept_note"):
            notes[concept_id] = get("concept_note")
        terms.setdefault(concept_id, []).append(Term(
            get("term"), canonical_lang(lang), status, _KINDS.get(kind_text, TermKind.FULL),
            note=get("note"), origin=origin, **options))
    return [Concept(cid, tuple(ts), notes.get(cid, ""), origin=origins[cid]) for cid, ts in terms.items()]


def _read_wide(path, header, rows) -> list[Concept]:
    languages = [(i, canonical_lang(name)) for i, name in enumerate(header) if name not in _META]
    for i, name in languages:
        if not name.isalpha() or not 2 <= len(name) <= 3:
            raise GlossaryError(path, f"column {header[i]!r} is not a language code", 1)
    id_column = header.index("id") if "id" in header else header.index("concept") if "concept" in header else None
    note_column = header.index("note") if "note" in header else None
    concepts = []
    for line, cells in _records(path, header, rows):
        origin = Origin(str(path), line)
        terms = []
        for i, lang in languages:
            for n, text in enumerate(t.strip() for t in cells[i].split("|") if t.strip()):
                status = Status.PREFERRED if n == 0 else Status.ADMITTED
                terms.append(Term(text, lang, status, origin=origin))
        concept_id = cells[id_column] if id_column is not None and cells[id_column] else f"row-{line}"
        concepts.append(Concept(concept_id, tuple(terms), cells[note_column] if note_column is not None else "",
                                origin=origin))
    return concepts
