"""Glossaries: load TBX or CSV/TSV into the core model, and lint them."""
from __future__ import annotations

from pathlib import Path

from mtcheck.errors import GlossaryError
from mtcheck.model import Glossary



def load_glossary(path: str | Path) -> Glossary:
    """Read one glossary file; the format comes from its extension (TBX, CSV or TSV)."""
    path = Path(path)
    if not path.is_file():
        raise GlossaryError(str(path), "no such glossary file")
    suffix = path.suffix.lower()
    if suffix in (".tbx", ".xml", ".tbxm"):
        from mtcheck.glossary.tbx import read_tbx

        return read_tbx(str(path))
    if suffix in (".csv", ".tsv", ".tab", ".txt"):
        from mtcheck.glossary.csvfile import read_csv

        return read_csv(str(path))
    raise GlossaryError(str(path), f"unknown glossary format {suffix!r} (use .tbx, .csv or .tsv)")


def load_glossaries(paths: list[str | Path]) -> Glossary:
    return Glossary.merge([load_glossary(p) for p in paths])
