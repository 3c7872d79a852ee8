"""lint(segments) -> findings: runs the matcher and the rules over one document at a time."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from mtcheck.matching import Matcher
from mtcheck.model import Finding, Glossary, Match, Segment, Severity
from mtcheck.rules import Document, Rule


@dataclass
class Tally:
    """What a run found, as counts: enough for summaries and tables, bounded in size."""

    documents: int = 0
    segments: int = 0
    matches: int = 0
    findings: Counter = field(default_factory=Counter)       # by severity label
    by_rule: Counter = field(default_factory=Counter)        # by rule id
    renderings: Counter = field(default_factory=Counter)     # (concept, lang, term, status, foreign)

    def add_match(self, match: Match, lang: str) -> None:
        self.matches += 1
        self.renderings[(match.concept.id, lang, match.term.text, match.term.status.value,
                         match.term.lang if match.foreign else None)] += 1

    def add_finding(self, finding: Finding) -> None:
        self.findings[finding.severity.label] += 1
        self.by_rule[finding.rule] += 1


class Checker:
    """A glossary, compiled once, and the rules to run over documents."""

    def __init__(self, glossary: Glossary, rules: Iterable[type[Rule]],
                 severities: Mapping[str, Severity] | None = None):
        self.glossary = glossary
        self.matcher = Matcher(glossary)
        self.rules = list(rules)
        self.severities = dict(severities or {})
        self.tally = Tally()

    def matches(self, segments: Iterable[Segment], lang: str) -> Iterable[Match]:
        """Every match in the segments, in order (the concordance behind `scan`)."""
        matcher = self.matcher.for_language(lang)
        for segment in segments:
            yield from matcher.matches(segment)

    def check(self, path: str, segments: Iterable[Segment], lang: str) -> list[Finding]:
        """All findings of one document, in a stable order."""
        document = Document(path, lang, self.glossary)
        rules = [rule(document, self.severities.get(rule.id)) for rule in self.rules]
        findings: list[Finding] = []
        tally = self.tally
        tally.documents += 1
        matcher = self.matcher.for_language(lang)
        for segment in segments:
            tally.segments += 1
            for match in matcher.matches(segment):
                tally.add_match(match, lang)
                for rule in rules:
                    findings.extend(rule.on_match(match))
        for rule in rules:
            findings.extend(rule.on_end())
        findings.sort(key=Finding.sort_key)
        for finding in findings:
            tally.add_finding(finding)
        return findings
