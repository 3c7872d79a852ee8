"""Glossaries: load TBX or CSV/TSV into the core model, write them back, and lint them."""
from __future__ import annotations

import dataclasses
import unicodedata
from pathlib import Path

from mtcheck.errors import GlossaryError
from mtcheck.glossary.qualifiers import split_qualifier
from mtcheck.glossary.readlog import ReadLog
from mtcheck.lifetime import long_lived
from mtcheck.model import Glossary, Term

# What `write_glossary` writes: TBX v2 (martif) and v3 (TBX-Basic DCA), one term per row as
# CSV or TSV, and the headerless source/target pairs of MT vendors' glossaries (lossy).
WRITE_FORMATS = ("tbx2", "tbx3", "csv", "tsv", "pairs-csv", "pairs-tsv")
PAIR_FORMATS = ("pairs-csv", "pairs-tsv")
_FORMAT_BY_SUFFIX = {".tbx": "tbx3", ".tbxm": "tbx3", ".xml": "tbx3", ".csv": "csv", ".tsv": "tsv", ".tab": "tsv"}


def load_glossary(path: str | Path, source_lang: str | None = None, target_lang: str | None = None,
                  log: ReadLog | None = None) -> Glossary:
    """Read one glossary file; the format comes from its extension (TBX, CSV or TSV).

    The languages are needed only for a headerless two-column CSV/TSV, which does not say them.
    An error in a record stops the reading, unless `log` keeps going: then the error is kept
    there and the record skipped.
    """
    path = Path(path)
    log = log or ReadLog()
    if not path.is_file():
        raise GlossaryError(str(path), "no such glossary file")
    suffix = path.suffix.lower()
    if suffix in (".tbx", ".xml", ".tbxm"):
        from mtcheck.glossary.tbx import read_tbx

        return _checked(read_tbx(str(path), log), str(path), log)
    if suffix in (".csv", ".tsv", ".tab", ".txt"):
        from mtcheck.glossary.csvfile import read_csv

        return _checked(read_csv(str(path), source_lang, target_lang, log), str(path), log)
    raise GlossaryError(str(path), f"unknown glossary format {suffix!r} (use .tbx, .csv or .tsv)")


# The longest term a glossary may hold, in characters. Real terms are words or names (IATE's
# longest run to a few hundred characters); a term of pages is a broken file (a quote left
# open swallows the rows after it), and every finding would quote it and every fix write it.
LONGEST_TERM = 1000


def _checked(glossary: Glossary, path: str, log: ReadLog) -> Glossary:
    """The glossary as read, its terms in NFC (as texts are matched: a term written in
    decomposed form would never match) and without a qualifier in parentheses (see
    qualifiers), refused where a term runs to pages (or, with a log that keeps going, without
    such terms)."""
    too_long = [(concept, term) for concept in glossary for term in concept.terms if len(term.text) > LONGEST_TERM]
    for concept, term in too_long:
        log.error(_too_long(path, concept, term))
    if too_long:
        dropped = {id(term) for _, term in too_long}
        glossary = dataclasses.replace(glossary, concepts=tuple(
            dataclasses.replace(c, terms=tuple(t for t in c.terms if id(t) not in dropped)) for c in glossary))
    if all(unicodedata.is_normalized("NFC", term.text) and split_qualifier(term.text) is None
           for concept in glossary for term in concept.terms):
        return glossary
    return dataclasses.replace(glossary, concepts=tuple(
        dataclasses.replace(concept, terms=_as_matched(concept.terms)) for concept in glossary))


def _as_matched(terms: tuple[Term, ...]) -> tuple[Term, ...]:
    """The terms in NFC and without a qualifier in parentheses (kept as the start of the note;
    see qualifiers), each (text, language) once."""
    found, seen = [], set()
    for term in terms:
        if not unicodedata.is_normalized("NFC", term.text):
            term = dataclasses.replace(term, text=unicodedata.normalize("NFC", term.text))
        qualified = split_qualifier(term.text)
        if qualified is not None:
            text, qualifier = qualified
            note = f"({qualifier})" + (f" {term.note}" if term.note else "")
            term = dataclasses.replace(term, text=text, note=note)
        if (term.text, term.lang_tag) not in seen:
            seen.add((term.text, term.lang_tag))
            found.append(term)
    return tuple(found)


def _too_long(path: str, concept, term) -> GlossaryError:
    line = term.origin.line if term.origin else concept.origin.line if concept.origin else None
    name = concept.id if len(concept.id) <= 40 else concept.id[:39] + "\u2026"
    return GlossaryError(path, f"a term of {len(term.text):,} characters (language {term.lang}, "
                               f"concept {name!r}); a term has at most {LONGEST_TERM:,}: "
                               "is a quote left open, or a text in a term's cell?", line)


def load_glossaries(paths: list[str | Path], source_lang: str | None = None,
                    target_lang: str | None = None, cache: bool = True) -> Glossary:
    """The glossaries at `paths` as one; `cache`: kept loaded in the cache folder for the next
    run (see mtcheck.glossary.cache)."""
    with long_lived():
        if not cache:
            return _merged(paths, source_lang, target_lang)
        from mtcheck.glossary.cache import cached_load

        return cached_load(list(paths), source_lang, target_lang, _merged)


def _merged(paths: list[str | Path], source_lang: str | None, target_lang: str | None) -> Glossary:
    return Glossary.merge([load_glossary(p, source_lang, target_lang) for p in paths])


def format_for(path: str | Path) -> str:
    """The format a file name asks for: .tbx is TBX v3, .csv and .tsv one term per row."""
    suffix = Path(path).suffix.lower()
    if suffix not in _FORMAT_BY_SUFFIX:
        raise GlossaryError(str(path), "cannot tell the glossary format from the file name "
                                       f"(give --to: {', '.join(WRITE_FORMATS)})")
    return _FORMAT_BY_SUFFIX[suffix]


def write_glossary(glossary: Glossary, path: str | Path, fmt: str, source_lang: str | None = None,
                   target_lang: str | None = None) -> list[str]:
    """Write `glossary` to `path` atomically; the languages choose the two columns of pairs.

    Returns what the format could not hold, each as counted words ("2 notes"); empty when
    nothing was left out.
    """
    try:
        return _write(glossary, str(path), fmt, source_lang, target_lang)
    except OSError as exc:
        raise GlossaryError(str(path), f"cannot write: {exc.strerror or exc}") from None


def _write(glossary: Glossary, path: str, fmt: str, source_lang: str | None, target_lang: str | None) -> list[str]:
    if fmt in ("tbx2", "tbx3"):
        from mtcheck.glossary.tbxwriter import write_tbx

        write_tbx(glossary, path, version=int(fmt[-1]))
        return []
    if fmt in ("csv", "tsv"):
        from mtcheck.glossary.csvwriter import write_long

        return write_long(glossary, path, tabs=fmt == "tsv")
    if fmt in PAIR_FORMATS:
        from mtcheck.glossary.csvwriter import pair_languages, write_pairs

        languages = pair_languages(glossary, fmt, source_lang, target_lang)
        return write_pairs(glossary, path, languages, tabs=fmt == "pairs-tsv")
    raise ValueError(f"unknown glossary format {fmt!r}")
