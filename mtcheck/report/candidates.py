"""What `mtcheck discover` prints: candidates grouped by concept and language, as text or JSON."""
from __future__ import annotations

import json
from itertools import groupby
from typing import IO

from mtcheck import __version__
from mtcheck.discovery import Candidate
from mtcheck.model import Glossary
from mtcheck.report.paths import readable

EXAMPLES = 3  # contexts shown per candidate in text


def candidate_record(candidate: Candidate, glossary: Glossary, threshold: float,
                     translation: str | None = None) -> dict:
    preferred = candidate.concept.preferred(candidate.lang)
    record = {
        "concept": candidate.concept.id,
        "label": glossary.label(candidate.concept),
        "lang": candidate.lang,
        "written_in": candidate.span_lang,
        "text": candidate.form,
        "forms": dict(candidate.forms.most_common()),
        "count": candidate.count,
        "score": candidate.score,
        "accepted": candidate.score >= threshold,
        "untranslated": candidate.untranslated,
        "preferred": preferred.text if preferred else None,
        "evidence": [{"signal": e.signal, "weight": e.weight, "detail": e.detail} for e in candidate.evidence],
        "occurrences": [
            {"path": o.location.path, "line": o.location.line, "column": o.location.column,
             "end_line": o.location.end_line, "end_column": o.location.end_column, "segment": o.location.segment,
             "text": o.text, "context": o.context.text}
            for o in candidate.occurrences
        ],
    }
    if translation is not None:
        record["mt"] = translation
    return record


def write_json(out: IO[str], candidates: list[Candidate], glossary: Glossary, threshold: float, mt: str | None,
               translations: dict, errors: list[str]) -> None:
    accepted = [c for c in candidates if c.score >= threshold]
    document = {
        "version": 1,
        "tool": {"name": "mtcheck", "version": __version__},
        "threshold": threshold,
        "mt_signal": mt,
        "candidates": [candidate_record(c, glossary, threshold, translations.get((c.span_lang, c.keys)))
                       for c in candidates],
        "summary": {"candidates": len(accepted), "below_threshold": len(candidates) - len(accepted),
                    "concepts": len({c.concept.id for c in accepted}), "errors": errors},
    }
    out.write(readable(json.dumps(document, ensure_ascii=False, indent=1)) + "\n")


def write_text(console, candidates: list[Candidate], glossary: Glossary, threshold: float) -> None:
    """Per concept and language: each candidate with its score, count, evidence and contexts."""
    def group(candidate: Candidate):
        return glossary.label(candidate.concept), candidate.concept.id, candidate.lang

    for (label, concept_id, lang), members in groupby(candidates, key=group):
        members = list(members)
        preferred = members[0].concept.preferred(lang)
        heading = f"{label} ({concept_id}), {lang}"
        if preferred is not None:
            heading += f": the glossary's term is '{preferred.text}'"
        else:
            heading += f": no {lang} term in the glossary yet"
        console.print(heading, style="bold", highlight=False, markup=False)
        for candidate in members:
            mark = "" if candidate.score >= threshold else "  (below the threshold)"
            written = f" [{candidate.span_lang}]" if candidate.span_lang != lang else ""
            forms = ", ".join(f"{text} ×{n}" for text, n in candidate.forms.most_common())
            console.print(f"  {candidate.score:.2f}  {candidate.form}{written}  ×{candidate.count}{mark}",
                          highlight=False, markup=False)
            if len(candidate.forms) > 1:
                console.print(f"        forms: {forms}", highlight=False, markup=False, style="dim")
            for evidence in candidate.evidence:
                console.print(f"        + {evidence.weight:.2f} {evidence.detail}", highlight=False, markup=False)
            for occurrence in candidate.occurrences[:EXAMPLES]:
                loc = occurrence.location
                where = f"{readable(loc.path)}:{loc.line}:{loc.column}" + (f" [{loc.segment}]" if loc.segment else "")
                console.print(f"        {where}: {occurrence.context.text}", highlight=False, markup=False,
                              style="dim")
    accepted = [c for c in candidates if c.score >= threshold]
    console.print(f"{len(accepted)} candidates for {len({c.concept.id for c in accepted})} concepts "
                  f"(threshold {threshold:.2f})", highlight=False, markup=False)
