"""Noun lexicons with gender and every case and number form, for fixes that inflect a
replacement and make the words around it agree.

- German: the noun table of `german-nouns` (about 100,000 nouns from the German Wiktionary,
  CC BY-SA 4.0: gender and the eight case and number forms). Optional; it pins an old lxml
  for a parser mtcheck does not use, so it is installed with `pip install --no-deps
  german-nouns`. A compound the table lacks takes its last part's gender and forms
  (Dateiordner: Ordner).
- Polish: Morfeusz 2's generator (the same dictionary as mtcheck.language.fullform).
"""
from __future__ import annotations

import csv
import functools
import importlib.util
import threading
from dataclasses import dataclass, field
from pathlib import Path

CASES = ("nom", "gen", "dat", "acc")
NUMBERS = ("sg", "pl")
_GENDERS = {"m": "masculine", "f": "feminine", "n": "neuter"}
_COLUMNS = {f"{case_name} {number_name}": (case, number)
            for case, case_name in zip(CASES, ("nominativ", "genitiv", "dativ", "akkusativ"))
            for number, number_name in zip(NUMBERS, ("singular", "plural"))}
_MIN_HEAD = 4  # a compound's last part, at least this long, gives its gender and forms
_PLURAL_ENDINGS = ("en", "n", "e", "er", "s", "")  # a glossary's plural term: its singular by these
_LOCK = threading.Lock()


@dataclass(frozen=True)
class Noun:
    """A noun's gender ("" where the lexicon gives several) and its forms by (case, number);
    a cell may hold variants (Passworts, Passwortes), the first the lexicon's main one."""

    lemma: str
    gender: str
    forms: dict[tuple[str, str], tuple[str, ...]] = field(hash=False, compare=False)

    def analyses(self, form: str) -> set[tuple[str, str]]:
        """Every (case, number) the form can be, in any case of letters."""
        folded = form.casefold()
        return {key for key, variants in self.forms.items() if any(v.casefold() == folded for v in variants)}

    def form(self, case: str, number: str) -> str | None:
        variants = self.forms.get((case, number))
        return variants[0] if variants else None


def german_lexicon_installed() -> bool:
    return _german_table_path() is not None


def german_noun(lemma: str) -> Noun | None:
    """The German noun `lemma` (as the glossary writes it), or its compound head's forms with
    the first part kept; None where the lexicon is not installed or has neither."""
    table = _german_table()
    if table is None or not lemma:
        return None
    return _german_noun(lemma)


def german_noun_form(word: str) -> bool | None:
    """Whether the lexicon lists the word as a German noun or its plural (no compound
    guessing); None where the lexicon is not installed."""
    if _german_table() is None:
        return None
    return bool(word) and _listed(word) is not None


@functools.lru_cache(maxsize=4096)
def _german_noun(lemma: str) -> Noun | None:
    found = _listed(lemma)
    if found is not None:
        return found
    for cut in range(2, len(lemma) - _MIN_HEAD + 1):
        head = lemma[cut:]
        noun = _listed(head[:1].upper() + head[1:])
        if noun is not None:
            prefix = lemma[:cut]
            forms = {key: tuple(prefix + v[:1].lower() + v[1:] for v in variants)
                     for key, variants in noun.forms.items()}
            return Noun(lemma, noun.gender, forms)
    return None


def _listed(word: str) -> Noun | None:
    """The noun the table lists as `word`, or whose plural `word` is (Einstellungen)."""
    table = _german_table()
    rows = table.get(word)
    if rows:
        return _noun(word, rows)
    for ending in _PLURAL_ENDINGS:
        if ending and word.endswith(ending):
            stem = word[: -len(ending)]
            for candidate in {stem, stem.replace("ä", "a", 1), stem.replace("ö", "o", 1), stem.replace("ü", "u", 1)}:
                rows = table.get(candidate)
                if rows:
                    noun = _noun(candidate, rows)
                    if ("nom", "pl") in noun.analyses(word):
                        return noun
    return None


def _noun(lemma: str, rows: list[tuple[str, dict]]) -> Noun:
    genders = {gender for gender, _ in rows}
    forms: dict[tuple[str, str], tuple[str, ...]] = {}
    for _, row_forms in rows:  # homographs (der/das Band): forms of both, gender of neither
        for key, variants in row_forms.items():
            forms[key] = tuple(dict.fromkeys(forms.get(key, ()) + variants))
    return Noun(lemma, genders.pop() if len(genders) == 1 else "", forms)


@functools.cache
def _german_table_path() -> Path | None:
    spec = importlib.util.find_spec("german_nouns")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations)), "nouns.csv")
    return path if path.is_file() else None


class _Table:
    """Where each lemma's rows are in the noun table, read when asked for: the whole table
    parsed would hold over 100 MB, its lines 40 MB, for the few nouns a run replaces."""

    def __init__(self, path: Path):
        self.path = path
        offsets: dict[str, list[int]] = {}
        with path.open("rb") as handle:
            header = next(csv.reader([handle.readline().decode("utf-8")]))
            at = handle.tell()
            for line in handle:
                if b"Substantiv" in line:
                    offsets.setdefault(line.split(b",", 1)[0].decode("utf-8"), []).append(at)
                at += len(line)
        self.offsets = offsets
        self.genus = [i for i, name in enumerate(header) if name.startswith("genus")]
        self.columns = [(i, _COLUMNS[name.rstrip("*").strip()]) for i, name in enumerate(header)
                        if name.rstrip("*").strip() in _COLUMNS]
        self.pos = header.index("pos")

    def get(self, lemma: str) -> list[tuple[str, dict]] | None:
        if lemma not in self.offsets:
            return None
        return _parsed(self, lemma) or None

    def lines(self, lemma: str) -> list[str]:
        with _LOCK, self.path.open("rb") as handle:
            found = []
            for offset in self.offsets[lemma]:
                handle.seek(offset)
                found.append(handle.readline().decode("utf-8"))
            return found


@functools.lru_cache(maxsize=4096)
def _parsed(table: _Table, lemma: str) -> list[tuple[str, dict]]:
    rows = []
    for row in csv.reader(table.lines(lemma)):
        if row[0] != lemma or "Substantiv" not in row[table.pos].split(","):
            continue
        genders = {_GENDERS[row[i]] for i in table.genus if i < len(row) and row[i] in _GENDERS}
        forms: dict[tuple[str, str], tuple[str, ...]] = {}
        for i, key in table.columns:
            if i < len(row) and row[i]:
                forms[key] = forms.get(key, ()) + (row[i],)
        if forms:
            rows.append((genders.pop() if len(genders) == 1 else "", forms))
    return rows


@functools.cache
def _german_table() -> _Table | None:
    """The noun table, read once (a fraction of a second) when a German fix first needs it."""
    path = _german_table_path()
    if path is None:
        return None
    return _Table(path)
