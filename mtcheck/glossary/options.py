"""Fields of a glossary as users write them: per-term match options ("case-sensitive",
"case-insensitive", "exact") and language codes."""
from __future__ import annotations

import re

from mtcheck.errors import GlossaryError
from mtcheck.lang import canonical_lang
from mtcheck.model import Origin

_OPTIONS = {"case-sensitive": "case_sensitive", "case-insensitive": "case_insensitive", "exact": "exact"}
# A BCP-47 tag, leniently: "de", "pt-BR", "zh_Hant", "x-klingon"; never spaces or controls.
_LANGUAGE_CODE = re.compile(r"[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*")


def parse_options(text: str, path: str, line: int | None) -> dict[str, bool]:
    options = {}
    for word in text.replace(",", " ").split():
        name = _OPTIONS.get(word.strip().lower())
        if name is None:
            known = ", ".join(_OPTIONS)
            raise GlossaryError(path, f"unknown term option {word!r} (known: {known})", line)
        options[name] = True
    if options.get("case_sensitive") and options.get("case_insensitive"):
        raise GlossaryError(path, "a term is either case-sensitive or case-insensitive, not both", line)
    return options


def format_options(case_sensitive: bool, exact: bool, case_insensitive: bool = False) -> str:
    return " ".join(n for n, on in (("case-sensitive", case_sensitive), ("case-insensitive", case_insensitive),
                                    ("exact", exact)) if on)


def language_code(code: str, path: str, line: int | None, seen: dict | None = None) -> str:
    """The canonical form of a language code read from a glossary, or a GlossaryError;
    `seen` records each tag as written with where it was first read."""
    if not _LANGUAGE_CODE.fullmatch(code.strip()):
        raise GlossaryError(path, f"{code!r} is not a language code", line)
    if seen is not None and code.strip() not in seen:
        seen[code.strip()] = Origin(str(path), line)
    return canonical_lang(code)
