"""Accepted candidates as new terms in a copy of the glossary, for a terminologist to review."""
from __future__ import annotations

import dataclasses
from typing import Iterable

from mtcheck.discovery.candidate import Candidate
from mtcheck.model import Glossary, Status, Term


def with_candidates(glossary: Glossary, candidates: Iterable[Candidate], status: Status = Status.DEPRECATED) -> tuple[Glossary, int]:
    """The glossary with each candidate added to its concept as a term of `status` in the
    language it is written in (admitted where the concept has no term there yet), with its
    score and evidence as the term's note; terms of another language left untranslated are
    known already and not added. Also the number added."""
    added: dict[str, list[Term]] = {}
    for candidate in candidates:
        if candidate.untranslated:
            continue
        evidence = "; ".join(e.detail for e in candidate.evidence)
        forms = ", ".join(f"{text} ×{n}" for text, n in candidate.forms.most_common(5))
        note = f"found by mtcheck discover (score {candidate.score:.2f}; {forms}): {evidence}"
        # Where the glossary has no term in the language, the rendering is a term proposed,
        # not one to avoid: a deprecated term with nothing to use instead helps no one.
        new_term = not candidate.concept.terms_in(candidate.span_lang)
        added.setdefault(candidate.concept.id, []).append(
            Term(candidate.form, candidate.span_lang, Status.ADMITTED if new_term else status,
                 note=("proposed: no term in this language; " if new_term else "") + note))
    concepts = []
    count = 0
    for concept in glossary:
        new = [t for t in added.get(concept.id, ())
               if not any(t.lang == old.lang and t.text.casefold() == old.text.casefold() for old in concept.terms)]
        count += len(new)
        concepts.append(dataclasses.replace(concept, terms=concept.terms + tuple(new)) if new else concept)
    return dataclasses.replace(glossary, concepts=tuple(concepts)), count
