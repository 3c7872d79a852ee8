"""A term's qualifier: the words in parentheses that some glossaries write after a term to say
which sense they mean ("schedule (a Pod onto a node)", "bank (finance)", "Konto (Buchhaltung)",
„账户（会计）").
A text never writes them beside the term, so they are no words of it: the term is matched,
translated and suggested without them, and they are kept as the start of its note.

An abbreviation in brackets ("Internet Protocol (IP)": one word in capitals) is not a qualifier:
a text writes it as the glossary does, and the term stays as written.
"""
from __future__ import annotations

import re

# The term, a space, then one bracketed stretch at its very end with no bracket inside; or
# in full-width brackets, which Chinese and Japanese write without a space („账户（会计）").
_QUALIFIED_RE = re.compile(r"(?P<term>.*?\w.*?)(?:\s+\((?P<qualifier>[^()（）]*\w[^()（）]*)\)"
                           r"|\s*（(?P<wide>[^()（）]*\w[^()（）]*)）)\s*")


def split_qualifier(text: str) -> tuple[str, str] | None:
    """(term, qualifier) where `text` ends with a qualifier in parentheses; None where it has
    none or the bracketed word is an abbreviation (one word in capitals: "(IP)", "(VFF)")."""
    found = _QUALIFIED_RE.fullmatch(text)
    if found is None:
        return None
    qualifier = (found.group("qualifier") or found.group("wide")).strip()
    if " " not in qualifier and qualifier.isupper():
        return None
    return found.group("term").strip(), qualifier
