"""Glossaries as CSV/TSV.

Three shapes, told apart by the first row:
- one term per row: ``concept,lang,term,status[,type][,options][,note]``, and optionally the
  concept's ``concept_note`` and ``concept_definition`` and the row language's ``lang_note``
  and ``lang_definition`` (given on any of the concept's or language's rows); a row without
  language and term names only its concept, one without term fields but with a language note
  or definition only that language;
- one concept per row, one column per language (``id,note,en,de,...``): every cell a
  preferred term, several terms in one cell separated by ``|`` (the first preferred);
- no header, two columns ``source,target`` as MT vendors' glossaries have them (DeepL,
  Google): the file does not say the languages, so the caller must.
"""
from __future__ import annotations

import csv
import io
import re
from collections import defaultdict

from mtcheck.errors import GlossaryError
from mtcheck.glossary.options import language_code, parse_options
from mtcheck.lang import canonical_lang
from mtcheck.model import Concept, Glossary, Origin, Status, Term, TermKind
from mtcheck.textio import read_text

_LONG_REQUIRED = ("concept", "lang", "term")
_TERM_FIELDS = ("term", "status", "type", "options", "note")
_KINDS = {k.value.lower(): k for k in TermKind} | {"short": TermKind.SHORT, "full": TermKind.FULL}
_META = {"id", "concept", "note", "definition"}
# A BCP-47 tag as header cells give them: "de", "nob", "pt-BR", "zh_Hant".
_LANG_CODE = re.compile(r"[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*")


def read_csv(path: str, source_lang: str | None = None, target_lang: str | None = None) -> Glossary:
    """Read a glossary in any of the three shapes; the languages are for the headerless one."""
    text = read_text(path, lone_cr=False)
    dialect = "excel-tab" if str(path).lower().endswith((".tsv", ".tab")) or _tabbed(text) else "excel"
    rows = _Rows(path, text, dialect)
    try:
        first = next(rows.reader)
    except StopIteration:
        raise GlossaryError(path, "empty glossary file", 1) from None
    except csv.Error as exc:
        raise GlossaryError(path, f"malformed CSV: {exc}", 1) from None
    header = [h.strip().lower() for h in first]
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
    for name in first:
        if name.strip().lower() not in _META:
            tags.setdefault(name.strip(), Origin(str(path), 1))
    return Glossary(tuple(_read_wide(path, header, rows)), None, (str(path),), tags)


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

    def __init__(self, path: str, text: str, dialect: str):
        self.path = path
        self.lines = io.StringIO(text, newline="").readlines()
        self.reader = csv.reader(io.StringIO(text, newline=""), dialect=dialect)
        self.pending: list[str] | None = None  # a first row that holds data, not names

    def records(self, width: int):
        """(line, cells) for each row that holds data, with the row's width checked."""
        while True:
            start = 0 if self.pending is not None else self.reader.line_num  # index of the row's first line
            try:
                cells = self._next_row()
            except StopIteration:
                return
            except csv.Error as exc:
                raise GlossaryError(self.path, f"malformed CSV: {exc}", self.reader.line_num) from None
            if not any(c.strip() for c in cells) or self._comment(start):
                continue
            if len(cells) != width:
                raise GlossaryError(self.path, f"expected {width} fields, found {len(cells)}", start + 1)
            yield start + 1, [c.strip() for c in cells]

    def _next_row(self) -> list[str]:
        if self.pending is None:
            return next(self.reader)
        row, self.pending = self.pending, None
        return row

    def _comment(self, index: int) -> bool:
        return index < len(self.lines) and self.lines[index].lstrip(" \t").startswith("#")


def _read_long(path, header, rows, tags: dict[str, Origin]) -> list[Concept]:
    terms: dict[str, list[Term]] = {}
    notes: dict[str, str] = {}
    definitions: dict[str, dict[str, str]] = {}
    lang_notes: dict[str, dict[str, str]] = {}
    origins: dict[str, Origin] = {}
    for line, cells in rows.records(len(header)):
        get = defaultdict(str, zip(header, cells)).__getitem__  # a missing column reads as empty
        concept_id, lang = get("concept"), get("lang")
        if not concept_id:
            raise GlossaryError(path, "missing concept id", line)
        origins.setdefault(concept_id, Origin(str(path), line))
        terms.setdefault(concept_id, [])
        if get("concept_note"):
            notes[concept_id] = get("concept_note")
        if get("concept_definition"):
            definitions.setdefault(concept_id, {})[""] = get("concept_definition")
        has_term = any(get(name) for name in _TERM_FIELDS)
        if not lang:
            if has_term:
                raise GlossaryError(path, "missing language code", line)
            continue  # the concept alone, e.g. one without terms
        lang = language_code(lang, path, line, tags)
        if get("lang_definition"):
            definitions.setdefault(concept_id, {})[lang] = get("lang_definition")
        if get("lang_note"):
            lang_notes.setdefault(concept_id, {})[lang] = get("lang_note")
        if has_term or not (get("lang_definition") or get("lang_note")):
            terms[concept_id].append(_long_term(path, line, lang, get))
    return [Concept(cid, tuple(ts), notes.get(cid, ""), origins[cid], definitions=definitions.get(cid, {}),
                    lang_notes=lang_notes.get(cid, {}))
            for cid, ts in terms.items()]


def _long_term(path, line, lang, get) -> Term:
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
    return Term(get("term"), lang, status, _KINDS.get(kind_text, TermKind.FULL), note=get("note"),
                origin=Origin(str(path), line), **options)


def _read_wide(path, header, rows) -> list[Concept]:
    languages = [(i, canonical_lang(name)) for i, name in enumerate(header) if name not in _META]
    for i, name in languages:
        # What every reader accepts (language_code): "㼿id" is letters, but no language code.
        if not name.isalpha() or not 2 <= len(name) <= 3 or not name.isascii():
            raise GlossaryError(path, f"column {header[i]!r} is not a language code", 1)
    id_column = header.index("id") if "id" in header else header.index("concept") if "concept" in header else None
    note_column = header.index("note") if "note" in header else None
    definition_column = header.index("definition") if "definition" in header else None
    concepts = []
    for line, cells in rows.records(len(header)):
        origin = Origin(str(path), line)
        terms = []
        for i, lang in languages:
            for n, text in enumerate(t.strip() for t in cells[i].split("|") if t.strip()):
                status = Status.PREFERRED if n == 0 else Status.ADMITTED
                terms.append(Term(text, lang, status, origin=origin))
        concept_id = cells[id_column] if id_column is not None and cells[id_column] else f"row-{line}"
        definition = cells[definition_column] if definition_column is not None else ""
        concepts.append(Concept(concept_id, tuple(terms), cells[note_column] if note_column is not None else "",
                                origin=origin, definitions={"": definition} if definition else {}))
    return concepts


def _read_pairs(path, rows, languages: tuple[str, str]) -> list[Concept]:
    """One concept per row: the source term and the target term, both preferred."""
    concepts = []
    for line, cells in rows.records(2):
        origin = Origin(str(path), line)
        for text, side in zip(cells, ("source", "target")):
            if not text:
                raise GlossaryError(path, f"empty {side} term", line)
        terms = tuple(Term(text, lang, Status.PREFERRED, origin=origin) for text, lang in zip(cells, languages))
        concepts.append(Concept(f"row-{line}", terms, origin=origin))
    return concepts
