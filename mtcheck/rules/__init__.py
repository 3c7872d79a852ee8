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
# What runs unless rules are selected: GL006 reads every segment's words a second time and
# reports likelihoods, not certainties, so a quality gate opts in (`--select ALL` or by id).
DEFAULT_RULES: tuple[type[Rule], ...] = tuple(r for r in ALL_RULES if r.default)


def select_rules(select: list[str] | None = None, ignore: list[str] | None = None) -> list[type[Rule]]:
    """Rules by id or name; `select` keeps only those (from all rules; 'ALL' is every one),
    else the default rules; `ignore` drops them. Unknown names raise."""
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

    rules = list(DEFAULT_RULES)
    if select:
        wanted = resolve(select)
        rules = [r for r in ALL_RULES if r in wanted]
    if ignore:
        dropped = resolve(ignore)
        rules = [r for r in rules if r not in dropped]
    return rules


__all__ = ["ALL_RULES", "DEFAULT_RULES", "Document", "Rule", "select_rules"]
