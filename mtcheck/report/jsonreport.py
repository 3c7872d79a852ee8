"""The JSON contract: one object, findings streamed as they come, the summary last."""
from __future__ import annotations

from typing import IO

import orjson

from mtcheck import __version__
from mtcheck.engine import Tally
from mtcheck.model import Finding, Glossary, Match

SCHEMA_VERSION = 1


def _dump(record: dict) -> str:
    # orjson: a report can hold hundreds of thousands of findings, and the standard library's
    # encoder takes nine times as long over them.
    return orjson.dumps(record).decode()


class JsonFindings:
    """`{"version", "tool", "findings": [...], "summary": {...}}`, written incrementally."""

    def __init__(self, out: IO[str]):
        self.out = out
        self.count = 0

    def start(self) -> None:
        self.out.write(f'{{"version": {SCHEMA_VERSION}, "tool": {{"name": "mtcheck", "version": "{__version__}"}},'
                       ' "findings": [')

    def document(self, path: str, lang: str, findings: list[Finding]) -> None:
        if not findings:
            return
        # One string and one write per batch: findings come by the hundred thousand.
        body = b",\n  ".join(map(orjson.dumps, map(Finding.to_record, findings))).decode()
        self.out.write(("\n  " if self.count == 0 else ",\n  ") + body)
        self.count += len(findings)

    def end(self, tally: Tally, glossary: Glossary, errors: list[str]) -> None:
        summary = summary_record(tally, glossary, errors)
        self.out.write(("\n" if self.count else "") + '], "summary": ' + _dump(summary) + "}\n")


def summary_record(tally: Tally, glossary: Glossary, errors: list[str]) -> dict:
    concepts = {c.id: c for c in glossary}
    renderings = [
        {"concept": concept, "label": glossary.label(concepts[concept]) if concept in concepts else concept,
         "lang": lang, "term": term, "status": status, "foreign_lang": foreign, "count": count}
        for (concept, lang, term, status, foreign), count in sorted(
            tally.renderings.items(), key=lambda kv: (kv[0][0], kv[0][1], -kv[1], kv[0][2]))
    ]
    return {
        "files": tally.documents,
        "segments": tally.segments,
        "matches": tally.matches,
        "findings": sum(tally.findings.values()),
        "by_severity": {k: tally.findings.get(k, 0) for k in ("error", "warning", "info")},
        "by_rule": dict(sorted(tally.by_rule.items())),
        "suppressed": tally.suppressed,
        "baselined": tally.baselined,
        "renderings": renderings,
        "errors": errors,
    }


def match_record(match: Match) -> dict:
    loc = match.location
    return {
        "path": loc.path, "line": loc.line, "column": loc.column, "end_line": loc.end_line,
        "end_column": loc.end_column, "segment": loc.segment, "concept": match.concept.id,
        "lang": match.segment.lang, "text": match.text, "term": match.term.text,
        "term_lang": match.term.lang, "status": match.term.status.value, "foreign": match.foreign,
        "compound": match.compound,
    }


class JsonMatches:
    """`{"version", "matches": [...]}` for `scan`, written incrementally."""

    def __init__(self, out: IO[str]):
        self.out = out
        self.count = 0

    def start(self) -> None:
        self.out.write(f'{{"version": {SCHEMA_VERSION}, "matches": [')

    def match(self, match: Match) -> None:
        self.out.write(("\n  " if self.count == 0 else ",\n  ") + _dump(match_record(match)))
        self.count += 1

    def end(self, errors: list[str]) -> None:
        self.out.write(("\n" if self.count else "") + '], "errors": ' + _dump(errors) + "}\n")
