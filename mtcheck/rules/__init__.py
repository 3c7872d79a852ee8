"""Rules: one module each, with a stable id, a name, a default severity and a docstring."""
from __future__ import annotations

from mtcheck.rules.base import Document, Rule
from mtcheck.rules.deprecated import DeprecatedRendering
from mtcheck.rules.foreign import ForeignRendering
from mtcheck.rules.inconsistent import InconsistentRendering
from mtcheck.rules.missing import MissingTerm
from mtcheck.rules.translation import InconsistentTranslation
from mtcheck.rules.unknown import UnknownRendering

ALL_RULES: tuple[type[Rule], ...] = (DeprecatedRendering, InconsistentRendering, ForeignRendering, MissingTerm,
                                     InconsistentTranslation, UnknownRendering)


def select_rules(select: list[str] | None = None, ignore: list[str] | None = None) -> list[type[Rule]]:
    """Rules by id or name; `select` keeps only those, `ignore` drops them. Unknown names raise."""
    def resolve(names: list[str]) -> set[type[Rule]]:
        chosen = set()
        for name in names:
            matches = [r for r in ALL_RULES if name.upper() in (r.id, "ALL") or name.lower() == r.name
                       or (name.isalpha() and r.id.startswith(name.upper()))]
            if not matches:
                known = ", ".join(f"{r.id} ({r.name})" for r in ALL_RULES)
                raise ValueError(f"unknown rule {name!r}; known rules: {known}")
            chosen.update(matches)
        return chosen

    rules = list(ALL_RULES)
    if select:
        wanted = resolve(select)
        rules = [r for r in rules if r in wanted]
    if ignore:
        dropped = resolve(ignore)
        rules = [r for r in rules if r not in dropped]
    return rules


__all__ = ["ALL_RULES", "Document", "Rule", "select_rules"]
