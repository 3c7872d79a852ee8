"""Per-term match options as users write them: "case-sensitive", "exact"."""
from __future__ import annotations

from mtcheck.errors import GlossaryError

_OPTIONS = {"case-sensitive": "case_sensitive", "exact": "exact"}


def parse_options(text: str, path: str, line: int | None) -> dict[str, bool]:
    options = {}
    for word in text.replace(",", " ").split():
        name = _OPTIONS.get(word.strip().lower())
        if name is None:
            known = ", ".join(_OPTIONS)
            raise GlossaryError(path, f"unknown term option {word!r} (known: {known})", line)
        options[name] = True
    return options


def format_options(case_sensitive: bool, exact: bool) -> str:
    return " ".join(n for n, on in (("case-sensitive", case_sensitive), ("exact", exact)) if on)
