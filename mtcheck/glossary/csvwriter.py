"""Write a glossary as CSV/TSV: one term per row, which keeps everything `read_csv` reads
back, or headerless source/target pairs for MT vendors, which keep only the renderings.

Each writer returns what its format could not hold, in counted words, for `glossary convert`
to say: nothing is dropped silently.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from mtcheck.errors import GlossaryError
from mtcheck.glossary.options import format_options, language_code
from mtcheck.model import Concept, Glossary, Term, TermKind
from mtcheck.textio import atomic_output

LONG_COLUMNS = ("concept", "lang", "term", "status", "type", "options", "note", "part_of_speech", "gender",
                "number", "concept_note", "concept_definition", "lang_note", "lang_definition", "subject_field")


def write_long(glossary: Glossary, path: str, tabs: bool = False) -> list[str]:
    """One term per row, with every column, so that nothing the model holds is lost but a
    main language other than the first (TBX's xml:lang; a TBX written back takes the first)."""
    with atomic_output(path) as out:
        writer = _Writer(out, tabs)
        writer.writerow(LONG_COLUMNS)
        for concept in glossary:
            writer.writerows(_long_rows(concept))
    main = glossary.source_lang
    return [f"the main language {main!r}"] if main and main != next(iter(glossary.languages), main) else []


def _long_rows(concept: Concept) -> Iterator[list[str]]:
    # Concept fields ride on the concept's first row, language fields on the language's first.
    concept_fields = [concept.note, concept.definitions.get("", "")]
    subject = [concept.subject_field]
    languages = dict.fromkeys([t.lang for t in concept.terms] + list(concept.definitions) + list(concept.lang_notes))
    languages.pop("", None)
    for lang in languages:
        lang_fields = [concept.lang_notes.get(lang, ""), concept.definitions.get(lang, "")]
        # A language with a note or definition but no term still gets its row.
        for term in concept.terms_in(lang) or (None,):
            term_fields = [""] * 8 if term is None else [
                term.text, term.status.value, "" if term.kind is TermKind.FULL else term.kind.value,
                format_options(term.case_sensitive, term.exact, term.case_insensitive), term.note,
                term.part_of_speech, term.gender, term.number]
            yield [concept.id, lang if term is None else term.lang_tag, *term_fields, *concept_fields, *lang_fields,
                   *subject]
            concept_fields = lang_fields = ["", ""]
            subject = [""]
    if not languages:
        yield [concept.id, "", *[""] * 8, *concept_fields, "", "", *subject]


def write_pairs(glossary: Glossary, path: str, languages: tuple[str, str], tabs: bool = False) -> list[str]:
    """Headerless `source,target` rows, as DeepL's and Google's glossary uploads take them:
    every accepted source term, the concept's preferred one first, with the concept's
    preferred target term (else its first admitted one).

    Lossy by design: other languages, deprecated and superseded terms, other target terms,
    notes, definitions and match options are left out; the words returned count them.
    """
    pairing = _Pairing(*languages)
    for concept in glossary:
        pairing.add(concept)
    with atomic_output(path) as out:
        _Writer(out, tabs).writerows(pairing.rows)
    return pairing.left_out(glossary)


def pair_languages(glossary: Glossary, fmt: str, source_lang: str | None,
                   target_lang: str | None) -> tuple[str, str]:
    """The source and target language of a pairs file: as given, or where the glossary has
    only two languages, the one not given (the source: the glossary's main language). Errors
    name the glossary read, as the languages are a question about it."""
    where = ", ".join(glossary.origins) or "glossary"
    found = glossary.languages
    said = f"{len(found)} language{'s' if len(found) != 1 else ''}: {', '.join(found) or 'none'}"
    given = {}
    for option, value in (("--source-lang", source_lang), ("--target-lang", target_lang)):
        if value:
            given[option] = language_code(value, where, None)
            if given[option] not in found:
                raise GlossaryError(where, f"{option} {value}: the glossary has no terms in {given[option]!r} "
                                           f"(it has {said})")
    source, target = given.get("--source-lang"), given.get("--target-lang")
    if len(found) <= 2:
        main = glossary.source_lang if glossary.source_lang in found and glossary.source_lang != target else None
        source = source or main or _the_other(found, target)
        target = target or _the_other(found, source)
    missing = [option for option, code in (("--source-lang", source), ("--target-lang", target)) if not code]
    if missing:
        raise GlossaryError(where, f"{fmt} holds one language pair: give {' and '.join(missing)} "
                                   f"(the glossary has {said})")
    if source == target:
        raise GlossaryError(where, f"{fmt} needs two languages; --source-lang and --target-lang are both {source!r}")
    return source, target


def _the_other(languages: tuple[str, ...], lang: str | None) -> str | None:
    others = [other for other in languages if other != lang]
    return others[0] if lang and len(others) == 1 else None


class _Pairing:
    """The rows of a pairs file, concept by concept, and a count of what they leave out."""

    def __init__(self, source: str, target: str):
        self.source, self.target = source, target
        self.rows: list[list[str]] = []
        self.paired: set[str] = set()
        self.dropped: Counter[str] = Counter()

    def add(self, concept: Concept) -> None:
        sources = [t for t in concept.terms_in(self.source) if t.text.strip()]
        targets = [t for t in concept.terms_in(self.target) if t.text.strip()]
        rendering, preferred = concept.preferred(self.target), concept.preferred(self.source)
        if rendering is None or preferred is None:
            self.dropped["unpaired concepts"] += bool(sources or targets)
            return
        self.dropped["other targets"] += len(targets) - 1
        self.dropped["match options"] += _has_options(rendering)
        for term in sorted(sources, key=lambda t: t is not preferred):
            if not term.status.accepted:
                self.dropped["rejected sources"] += 1
            elif term.text in self.paired:
                # MT vendors refuse a source term given twice; the first concept keeps it.
                self.dropped["repeated sources"] += 1
            else:
                self.paired.add(term.text)
                self.rows.append([term.text, rendering.text])
                self.dropped["match options"] += _has_options(term)

    def left_out(self, glossary: Glossary) -> list[str]:
        """What the pairs leave out, each kind counted, in the order a reader cares about."""
        others = Counter(t.lang for c in glossary for t in c.terms
                         if t.lang not in (self.source, self.target) and t.text.strip())
        notes = sum(bool(c.note) + sum(map(bool, c.lang_notes.values())) + sum(bool(t.note) for t in c.terms)
                    for c in glossary)
        definitions = sum(sum(map(bool, c.definitions.values())) for c in glossary)
        source, target, dropped = self.source, self.target, self.dropped
        words = [
            (sum(others.values()), f"term in other languages ({', '.join(sorted(others))})",
             f"terms in other languages ({', '.join(sorted(others))})"),
            (dropped["unpaired concepts"], f"concept without an accepted {source} and {target} term",
             f"concepts without an accepted {source} and {target} term"),
            (dropped["rejected sources"], f"deprecated or superseded {source} term",
             f"deprecated or superseded {source} terms"),
            (dropped["other targets"], f"{target} term other than its concept's preferred one",
             f"{target} terms other than their concept's preferred one"),
            (dropped["repeated sources"], f"{source} term already paired by an earlier concept",
             f"{source} terms already paired by an earlier concept"),
            (notes, "note", "notes"), (definitions, "definition", "definitions"),
            (dropped["match options"], "term's match options", "terms' match options"),
        ]
        return [f"{count} {one if count == 1 else many}" for count, one, many in words if count]


def _has_options(term: Term) -> bool:
    return term.case_sensitive or term.case_insensitive or term.exact


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
