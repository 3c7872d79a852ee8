"""The glossary's own lint: problems that make matching ambiguous or suggestions wrong."""
from __future__ import annotations

from dataclasses import dataclass

from mtcheck.lang import analyzer_for, tokens
from mtcheck.model import Concept, Glossary, Origin, Status, Term


@dataclass(frozen=True)
class Problem:
    origin: Origin | None
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}" if self.origin else self.message


def validate(glossary: Glossary) -> list[Problem]:
    """Duplicate concept ids, empty terms, contradictory statuses, terms shared by concepts."""
    problems: list[Problem] = []
    seen_ids: dict[str, Concept] = {}
    owners: dict[tuple[str, str], tuple[Concept, Term]] = {}
    for concept in glossary:
        first = seen_ids.setdefault(concept.id, concept)
        if first is not concept:
            problems.append(Problem(concept.origin, f"duplicate concept id {concept.id!r} (first at {first.origin})"))
        problems.extend(_concept_problems(concept))
        for term in concept.terms:
            form = _form(term)
            if not form:
                continue
            owner = owners.setdefault((term.lang, form), (concept, term))
            if owner[0] is not concept and owner[0].id != concept.id:
                problems.append(Problem(term.origin or concept.origin,
                                        f"term {term.text!r} ({term.lang}) is in concepts {owner[0].id!r} "
                                        f"and {concept.id!r}"))
    problems.sort(key=lambda p: (p.origin.path if p.origin else "", (p.origin.line or 0) if p.origin else 0))
    return problems


def _concept_problems(concept: Concept) -> list[Problem]:
    problems = []
    by_form: dict[tuple[str, str], list[Term]] = {}
    preferred: dict[str, list[Term]] = {}
    for term in concept.terms:
        where = term.origin or concept.origin
        if not term.text.strip():
            problems.append(Problem(where, f"empty term in concept {concept.id!r} ({term.lang})"))
            continue
        by_form.setdefault((term.lang, _form(term)), []).append(term)
        if term.status is Status.PREFERRED:
            preferred.setdefault(term.lang, []).append(term)
    for (lang, _), terms in by_form.items():
        statuses = {t.status for t in terms}
        if any(s.accepted for s in statuses) and any(not s.accepted for s in statuses):
            accepted = next(t for t in terms if t.status.accepted)
            rejected = next(t for t in terms if not t.status.accepted)
            problems.append(Problem(rejected.origin or concept.origin,
                                    f"term {rejected.text!r} ({lang}) is both {accepted.status.value} and "
                                    f"{rejected.status.value} in concept {concept.id!r}"))
    for lang, terms in preferred.items():
        if len(terms) > 1:
            names = ", ".join(repr(t.text) for t in terms)
            problems.append(Problem(terms[1].origin or concept.origin,
                                    f"concept {concept.id!r} has {len(terms)} preferred terms in {lang}: {names}"))
    return problems


def _form(term: Term) -> str:
    """A term's words folded the way its language matches them."""
    analyzer = analyzer_for(term.lang)
    return " ".join(analyzer.fold(w) for w, _, _ in tokens(term.text))
