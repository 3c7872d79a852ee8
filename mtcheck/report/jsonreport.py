"""The JSON contract: one object, findings streamed as they come, the summary last."""
from __future__ import annotations

import codecs
from typing import IO

import orjson

from mtcheck import __version__
from mtcheck.engine import Tally
from mtcheck.model import Finding, Glossary, Match, Rendered
from mtcheck.report.paths import readable_values

SCHEMA_VERSION = 1


# Between two records of a batch dumped in one call, one per line in the report. Its JSON
# cannot occur inside a record: there, every quote character is escaped.
_RECORD_BREAK = "\x00mtcheck record break\x00"
_RECORD_BREAK_JSON = b"," + orjson.dumps(_RECORD_BREAK) + b","
_RECORDS_AT_ONCE = 1000


def _records(records: list[dict]) -> bytes:
    """The records as JSON, one per line: orjson dumps a list several times faster than
    it dumps its items one by one."""
    spaced: list = [_RECORD_BREAK] * (2 * len(records) - 1)
    spaced[0::2] = records
    return _json(spaced)[1:-1].replace(_RECORD_BREAK_JSON, b",\n  ")


def _dump(record: dict) -> str:
    return _json(record).decode()


def _json(value: object) -> bytes:
    # orjson: a report can hold hundreds of thousands of findings, and the standard library's
    # encoder takes nine times as long over them.
    try:
        return orjson.dumps(value)
    except TypeError:  # a lone surrogate, from a file name that does not decode: written as U+FFFD
        return orjson.dumps(readable_values(value))


class JsonFindings:
    """`{"version", "tool", "findings": [...], "summary": {...}}`, written incrementally."""

    def __init__(self, out: IO[str]):
        self.out = out
        self.count = 0

    def start(self) -> None:
        self.out.write(f'{{"version": {SCHEMA_VERSION}, "tool": {{"name": "mtcheck", "version": "{__version__}"}},'
                       ' "findings": [')

    def document(self, path: str, lang: str, findings: list[Finding]) -> None:
        # A thousand at a time: a file's end can bring a hundred thousand findings at once.
        for first in range(0, len(findings), _RECORDS_AT_ONCE):
            some = findings[first:first + _RECORDS_AT_ONCE]
            self._append(self.records(some), len(some))

    @staticmethod
    def records(findings: list[Finding]) -> bytes:
        """The findings' records as `document` writes them, for a worker to make (see
        mtcheck.parallel.check_files)."""
        return _records(list(map(Finding.to_record, findings)))

    def rendered(self, path: str, lang: str, batch: Rendered) -> None:
        """A batch `records` made: the same bytes `document` writes for its findings."""
        self._append(batch.data, batch.count)

    def _append(self, records: bytes, count: int) -> None:
        self._write((b"\n  " if self.count == 0 else b",\n  ") + records)
        self.count += count

    def _write(self, data: bytes) -> None:
        """UTF-8 bytes, past the text layer where the stream is UTF-8: a report can be large."""
        buffer = getattr(self.out, "buffer", None)
        if buffer is None or codecs.lookup(getattr(self.out, "encoding", None) or "ascii").name != "utf-8":
            self.out.write(data.decode())
            return
        self.out.flush()
        buffer.write(data)

    def end(self, tally: Tally, glossary: Glossary, errors: list[str]) -> None:
        summary = summary_record(tally, glossary, errors)
        self.out.write(("\n" if self.count else "") + '], "summary": ' + _dump(summary) + "}\n")


def summary_record(tally: Tally, glossary: Glossary, errors: list[str]) -> dict:
    concepts = {c.id: c for c in glossary}
    renderings = [
        {"concept": concept, "label": glossary.label(concepts[concept]) if concept in concepts else concept,
         "lang": lang, "term": term, "status": status, "foreign_lang": foreign, "count": count}
        for (concept, lang, term, status, foreign), count in tally.sorted_renderings()
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
        "other_sense": tally.unsupported,
        "renderings": renderings,
        "errors": errors,
    }


def match_record(match: Match, side: str = "target", outer: Match | None = None) -> dict:
    loc = match.location
    record = {
        "path": loc.path, "line": loc.line, "column": loc.column, "end_line": loc.end_line,
        "end_column": loc.end_column, "segment": loc.segment, "concept": match.concept.id,
        "lang": match.segment.lang, "text": match.text, "term": match.term.text,
        "term_lang": match.term.lang, "status": match.term.status.value, "foreign": match.foreign,
        "compound": bool(match.compound), "side": side,
    }
    if match.compound:  # which part of the compound the term is
        record["compound_part"] = match.compound
    if match.variant:  # how the text varies the term's spelling
        record["variant"] = match.variant
    if match.alternatives:  # a term of several concepts, which the source did not decide
        record["ambiguous_with"] = [concept.id for concept, _ in match.alternatives]
    if outer is not None:  # a term inside another concept's match ("account" in "account hierarchy")
        record["within"] = {"concept": outer.concept.id, "text": outer.text}
    return record


class JsonMatches:
    """`{"version", "matches": [...]}` for `scan`, written incrementally."""

    def __init__(self, out: IO[str]):
        self.out = out
        self.count = 0

    def start(self) -> None:
        self.out.write(f'{{"version": {SCHEMA_VERSION}, "matches": [')

    def match(self, match: Match, side: str = "target", outer: Match | None = None) -> None:
        self.out.write(("\n  " if self.count == 0 else ",\n  ") + _dump(match_record(match, side, outer)))
        self.count += 1

    def end(self, errors: list[str]) -> None:
        self.out.write(("\n" if self.count else "") + '], "errors": ' + _dump(errors) + "}\n")
