"""Linter-style text: `path:line:col: severity ID message` (and the source text under a bilingual
finding), coloured on a terminal, then a table."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from mtcheck.engine import Tally
from mtcheck.model import Finding, Glossary, Match, Severity
from mtcheck.report.paths import readable

_ANSI = {Severity.ERROR: "\x1b[1;31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}


class TextFindings:
    def __init__(self, console: Console, table: bool = True, summary: bool = True, show_fixes: bool = False):
        self.console = console
        self.table = table
        self.summary = summary
        self.show_fixes = show_fixes

    def start(self) -> None:
        pass

    def document(self, path: str, lang: str, findings: list[Finding]) -> None:
        # One write per document: rich decides on colour, but rendering thousands of lines
        # one by one through it would cost more than checking them.
        color = self.console.color_system is not None
        lines = []
        for finding in findings:
            loc = finding.location
            where = f"{loc.path}:{loc.line}:{loc.column}:"
            rule = f"{finding.severity.label} {finding.rule}"
            if color:
                where, rule = f"\x1b[1m{where}\x1b[0m", f"{_ANSI[finding.severity]}{rule}\x1b[0m"
            segment = f" [{loc.segment}]" if loc.segment else ""
            lines.append(f"{where} {rule}{segment} {finding.message}\n")
            if finding.source is not None:  # a translator acts on source and target side by side
                lines.append(f"    source: {_one_line(finding.source)}\n")
            if self.show_fixes and finding.fix is not None:
                fix = finding.fix
                edits = "; ".join(f"{e.location.line}:{e.location.column}-{e.location.end_line}:"
                                  f"{e.location.end_column} -> {_one_line(e.text)!r}" for e in fix.edits)
                why = f" ({fix.reason})" if fix.reason else ""
                lines.append(f"    fix ({fix.applicability}){why}: {edits}\n")
        if lines:
            self.console.file.write(readable("".join(lines)))

    def end(self, tally: Tally, glossary: Glossary, errors: list[str]) -> None:
        if not self.summary:
            return
        if self.table and tally.renderings:
            self.console.print()
            self.console.print(renderings_table(tally, glossary))
        total = sum(tally.findings.values())
        parts = [f"{tally.findings[s.label]} {s.label}{'s' if tally.findings[s.label] != 1 else ''}"
                 for s in sorted(Severity, reverse=True) if tally.findings.get(s.label)]
        detail = f" ({', '.join(parts)})" if parts else ""
        summary = f"{total} finding{'s' if total != 1 else ''}{detail} in {tally.documents} file" \
                  f"{'s' if tally.documents != 1 else ''}, {tally.matches} term match{'es' if tally.matches != 1 else ''}"
        if tally.unsupported:
            summary += f" ({tally.unsupported} more in another sense: the source has not their concept)"
        if errors:
            summary += f", {len(errors)} file{'s' if len(errors) != 1 else ''} could not be read"
        self.console.print(Text(summary, style="bold"), highlight=False)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def renderings_table(tally: Tally, glossary: Glossary) -> Table:
    """Per concept and language: each rendering found, its status and how often."""
    concepts = {c.id: c for c in glossary}
    table = Table(title="Renderings by concept", title_justify="left", show_lines=False)
    for name, justify in (("concept", "left"), ("lang", "left"), ("rendering", "left"),
                          ("status", "left"), ("count", "right")):
        table.add_column(name, justify=justify)
    previous = None
    for (concept_id, lang, term, status, foreign), count in tally.sorted_renderings():
        label = glossary.label(concepts[concept_id]) if concept_id in concepts else concept_id
        status_text = f"{status}, {foreign} (foreign)" if foreign else status
        style = "red" if foreign or status in ("deprecated", "superseded") else None
        first = (concept_id, lang) != previous
        table.add_row(label if first else "", lang if first else "", term, status_text, str(count), style=style)
        previous = (concept_id, lang)
    return table


class TextMatches:
    def __init__(self, console: Console):
        self.console = console

    def start(self) -> None:
        pass

    def match(self, match: Match, side: str = "target", outer: Match | None = None) -> None:
        loc = match.location
        line = Text()
        line.append(f"{readable(loc.path)}:{loc.line}:{loc.column}:", style="bold")
        if side == "source":  # a bilingual file's source text; the target side goes unnamed
            line.append(" source", style="cyan")
        line.append(f" {match.concept.id} ")
        line.append(f"'{match.text}'", style="green")
        origin = f"{match.term.lang} " if match.foreign else ""
        line.append(f" = {origin}'{match.term.text}' ({match.term.status.value})")
        if match.variant:
            line.append(f" [{match.variant}]")
        if outer is not None:
            line.append(f" within '{outer.text}' ({outer.concept.id})")
        self.console.print(line, soft_wrap=True, highlight=False)

    def end(self, errors: list[str]) -> None:
        pass


class Statistics:
    """`check --statistics`: how many findings each rule has, the most first, then the summary
    line; no finding is listed."""

    def __init__(self, console: Console):
        self.console = console
        self.counts: dict[str, list] = {}  # rule -> [count, name, severity]

    def start(self) -> None:
        pass

    def document(self, path: str | None, lang: str | None, findings: list[Finding]) -> None:
        for finding in findings:
            entry = self.counts.setdefault(finding.rule, [0, finding.name, finding.severity.label])
            entry[0] += 1

    def end(self, tally: Tally, glossary: Glossary, errors: list[str]) -> None:
        rows = sorted(self.counts.items(), key=lambda item: (-item[1][0], item[0]))
        width = max((len(str(count)) for _, (count, _, _) in rows), default=1)
        lines = [f"{count:>{width}}  {rule}  {name}  ({severity})\n" for rule, (count, name, severity) in rows]
        self.console.file.write(readable("".join(lines)))
        TextFindings(self.console, table=False).end(tally, glossary, errors)
