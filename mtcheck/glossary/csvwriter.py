"""Write a glossary as CSV/TSV: one term per row, which keeps everything `read_csv` reads
back, or headerless source/target pairs for MT vendors, which keep only the renderings."""
from __future__ import annotations

from collections.abc import Iterator

from mtcheck.errors import GlossaryError
from mtcheck.glossary.options import format_options, language_code
from mtcheck.model import Concept, Glossary, TermKind
from mtcheck.textio import atomic_output

LONG_COLUMNS = ("concept", "lang", "term", "status", "type", "options", "note",
                "concept_note", "concept_definition", "lang_note", "lang_definition")


def write_long(glossary: Glossary, path: str, tabs: bool = False) -> None:
    """One term per row, with every column, so that nothing the model holds is lost."""
    with atomic_output(path) as out:
        writer = _Writer(out, tabs)
        writer.writerow(LONG_COLUMNS)
        for concept in glossary:
            writer.writerows(_long_rows(concept))


def _long_rows(concept: Concept) -> Iterator[list[str]]:
    # Concept fields ride on the concept's first row, language fields on the language's first.
    concept_fields = [concept.note, concept.definitions.get("", "")]
    languages = dict.fromkeys([t.lang for t in concept.terms] + list(concept.definitions) + list(concept.lang_notes))
    languages.pop("", None)
    for lang in languages:
        lang_fields = [concept.lang_notes.get(lang, ""), concept.definitions.get(lang, "")]
        # A language with a note or definition but no term still gets its row.
        for term in concept.terms_in(lang) or (None,):
            term_fields = ["", "", "", "", ""] if term is None else [
                term.text, term.status.value, "" if term.kind is TermKind.FULL else term.kind.value,
                format_options(term.case_sensitive, term.exact, term.case_insensitive), term.note]
            yield [concept.id, lang, *term_fields, *concept_fields, *lang_fields]
            concept_fields = lang_fields = ["", ""]
    if not languages:
        yield [concept.id, "", "", "", "", "", "", *concept_fields, "", ""]


def write_pairs(glossary: Glossary, path: str, source_lang: str | None, target_lang: str | None,
                tabs: bool = False) -> None:
    """Headerless `source,target` rows: every accepted source term with the preferred target.

    Lossy by design: statuses, notes, definitions and deprecated terms are left out. Only a
    glossary of exactly the two languages is written, so that nothing is dropped silently.
    """
    source, target = _pair_languages(glossary, path, source_lang, target_lang)
    written: set[str] = set()
    with atomic_output(path) as out:
        writer = _Writer(out, tabs)
        for concept in glossary:
            rendering = concept.preferred(target)
            if rendering is None:
                continue
            sources = sorted((t for t in concept.terms_in(source) if t.status.accepted and t.text.strip()),
                             key=lambda t: t is not concept.preferred(source))
            for term in sources:
                # MT vendors refuse a source term given twice; the first concept keeps it.
                if term.text not in written:
                    written.add(term.text)
                    writer.writerow([term.text, rendering.text])


def _pair_languages(glossary: Glossary, path: str, source_lang: str | None,
                    target_lang: str | None) -> tuple[str, str]:
    languages = set(glossary.languages)
    source = language_code(source_lang, path, None) if source_lang else glossary.source_lang
    others = sorted(languages - {source})
    target = language_code(target_lang, path, None) if target_lang else others[0] if len(others) == 1 else None
    if not source or not target:
        raise GlossaryError(path, "two-column pairs need the languages: give --source-lang and --target-lang")
    if languages != {source, target}:
        found = ", ".join(glossary.languages) or "none"
        raise GlossaryError(path, f"two-column pairs hold exactly two languages, {source} and {target}; "
                                  f"the glossary has {found}")
    return source, target


class _Writer:
    """Rows as the csv module writes them, with two more cells quoted so that `read_csv`
    reads back what was written: one holding a CR (the csv module leaves it bare, and a bare
    CR ends a row), and a first cell starting with # (unquoted, that makes a comment line)."""

    def __init__(self, out, tabs: bool):
        self.out = out
        self.delimiter = "\t" if tabs else ","

    def writerow(self, cells) -> None:
        quoted = [self._cell(text, first=number == 0) for number, text in enumerate(cells)]
        self.out.write(self.delimiter.join(quoted) + "\n")

    def writerows(self, rows) -> None:
        for cells in rows:
            self.writerow(cells)

    def _cell(self, text: str, first: bool) -> str:
        if any(c in text for c in (self.delimiter, '"', "\r", "\n")) or (first and text.lstrip().startswith("#")):
            return '"' + text.replace('"', '""') + '"'
        return text
