"""Inline suppressions: directives in the checked files that silence findings, and those that
silence nothing reported as GL000 unused-ignore.

Directives, each `mtcheck:` then `ignore`, `disable` or `enable` and optional rule ids or
names (comma- or space-separated; none means every rule):

- plain text and Markdown, as HTML comments: `<!-- mtcheck: ignore GL001 -->` alone on a line
  silences the next non-blank line, after text on a line that line itself;
  `<!-- mtcheck: disable GL001,GL002 -->` silences from there to `<!-- mtcheck: enable -->`
  (or `enable GL001` for one rule; no `enable`: to the end of the file). Directives in fenced
  code blocks are examples, not directives. The matcher masks HTML comments, so a directive
  never matches a term.
- PO: a translator comment `# mtcheck: ignore GL001` silences the entry (all plural forms).
- XLIFF: a note `<note>mtcheck: ignore GL004</note>` silences its unit (1.2 `trans-unit`,
  2.0 `unit`, its `notes`), or every unit of an enclosing `group`.

The engine and the rules know nothing of files: a run reads a file's directives only when
the file has a finding (or unused directives are to be reported), after the rules are done.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from mtcheck.model import Finding, Location, Severity
from mtcheck.rules.base import Rule

_DIRECTIVE_START_RE = re.compile(r"\s*mtcheck:", re.IGNORECASE)
_BODY_RE = re.compile(r"^mtcheck:\s*(\S*)\s*(.*)$", re.IGNORECASE | re.DOTALL)
_NAMES_RE = re.compile(r"[\s,]+")
_PO_COMMENT_RE = re.compile(r"^#(?:[ \t]+(.*))?$")
ACTIONS = ("ignore", "disable", "enable")
_MARKER = b"mtcheck"
_MARKERS = (_MARKER, _MARKER.decode().encode("utf-16-le"), _MARKER.decode().encode("utf-16-be"))


class UnusedIgnore(Rule):
    """An mtcheck directive that suppresses nothing, or cannot be understood.

    Reported with `--warn-unused-ignores` (or `warn-unused-ignores = true`), at the
    directive: the finding it was written for is gone, or it names an unknown rule or action.
    A directive for a rule that the run does not select is not judged.

    Bad (de):  <!-- mtcheck: ignore GL001 --> above a line with no deprecated rendering
    Good (de): <!-- mtcheck: ignore GL001 --> above „Fachkundige Massenmobilisierung“ in a quotation
    """

    id = "GL000"
    name = "unused-ignore"
    severity = Severity.WARNING


@dataclass(eq=False)
class Directive:
    """One directive as written: where, what it does, for which rules, and what it silenced."""

    path: str
    line: int
    column: int
    text: str                          # `mtcheck: ignore GL001`, as written
    action: str | None                 # ignore, disable, enable; None: not understood
    rules: frozenset[str] | None       # rule ids; None: every rule
    unknown: tuple[str, ...] = ()      # names that are no rule
    problem: str | None = None         # why it cannot work here
    used: set[str] = field(default_factory=set)

    @property
    def location(self) -> Location:
        return Location(self.path, self.line, self.column, self.line, self.column + len(self.text))

    def covers(self, rule: str) -> bool:
        return self.rules is None or rule in self.rules


def known_rules() -> tuple[type[Rule], ...]:
    """Every rule a directive or the configuration can name: the checking rules and GL000."""
    from mtcheck.rules import ALL_RULES

    return (*ALL_RULES, UnusedIgnore)


def rule_named(name: str) -> type[Rule] | None:
    """The rule with this id or name (case does not matter), else None."""
    return next((r for r in known_rules() if name.upper() == r.id or name.lower() == r.name), None)


def parse_directive(path: str, line: int, column: int, text: str) -> Directive:
    """A directive from its text (`mtcheck: disable GL001, GL002`)."""
    text = " ".join(text.split())
    found = _BODY_RE.match(text)
    action = found.group(1).lower() if found else ""
    if action not in ACTIONS:
        return Directive(path, line, column, text, None, None,
                         problem=f"unknown action {action!r} (use {', '.join(ACTIONS)})")
    names = [n for n in _NAMES_RE.split(found.group(2)) if n]
    if not names or any(n.lower() == "all" for n in names):
        return Directive(path, line, column, text, action, None)
    rules, unknown = set(), []
    for name in names:
        rule = rule_named(name)
        if rule is None:
            unknown.append(name)
        else:
            rules.add(rule.id)
    return Directive(path, line, column, text, action, frozenset(rules), tuple(unknown))


@dataclass
class _Range:
    start: tuple[int, int]     # (line, column), inclusive
    end: tuple[int, int]       # exclusive
    rules: frozenset[str] | None
    directive: Directive


class FileDirectives:
    """The directives of one file and what each one covers."""

    def __init__(self, path: str):
        self.path = path
        self.directives: list[Directive] = []
        self.ranges: list[_Range] = []
        self.by_segment: dict[str, list[Directive]] = {}

    def suppress(self, finding: Finding) -> bool:
        """Whether a directive covers the finding; the directives that do take note."""
        loc = finding.location
        hit = False
        for directive in self.by_segment.get(loc.segment, ()) if self.by_segment else ():
            if directive.covers(finding.rule):
                directive.used.add(finding.rule)
                hit = True
        if self.ranges:
            place = (loc.line, loc.column)
            for scope in self.ranges:
                if scope.start <= place < scope.end and (scope.rules is None or finding.rule in scope.rules):
                    scope.directive.used.add(finding.rule)
                    hit = True
        return hit


_NONE = FileDirectives("")  # a file without directives: shared, never changed


def read_directives(path: str) -> FileDirectives:
    """The directives of a file, by its kind; none for kinds that have no place for them."""
    from mtcheck.formats import bilingual_kind, plaintext

    from mtcheck.textio import read_bytes

    suffix = Path(path).suffix.lower()
    kind = "text" if suffix in plaintext.SUFFIXES else bilingual_kind(path)
    if kind not in ("text", "po", "xliff"):
        return _NONE
    raw = read_bytes(path).lower()  # lowers ASCII letters, in UTF-16 as well
    markers = _MARKERS if b"\x00" in raw else _MARKERS[:1]  # the marker in UTF-16 has NUL bytes
    if not any(marker in raw for marker in markers):
        return _NONE  # most files: no need to read them again
    readers = {"text": _text_directives, "po": _po_directives, "xliff": _xliff_directives}
    return readers[kind](path)


def _text_directives(path: str) -> FileDirectives:
    """HTML-comment directives of plain text and Markdown, read line by line."""
    from mtcheck.formats import plaintext

    found = FileDirectives(path)
    pending: list[Directive] = []     # `ignore` alone on its line: waits for the next line
    open_ranges: list[list] = []      # [directive, rules, start] of a `disable` not yet ended
    for segment in plaintext.read_segments(path):
        line = segment.text
        comments = _directive_comments(line) if "<!--" in line else []
        if not comments:
            if pending:
                found.ranges.extend(_Range((segment.line, 0), (segment.line + 1, 0), d.rules, d) for d in pending)
                pending = []
            continue
        alone = not _without(line, comments).strip()
        for comment in comments:
            directive = parse_directive(path, segment.line, comment.text_start + 1, comment.text)
            found.directives.append(directive)
            place = (segment.line, comment.start + 1)
            if directive.action == "ignore":
                if alone:
                    pending.append(directive)
                else:
                    found.ranges.append(_Range((segment.line, 0), (segment.line + 1, 0), directive.rules, directive))
            elif directive.action == "disable":
                open_ranges.append([directive, directive.rules, place])
            elif directive.action == "enable":
                open_ranges = _enable(found, open_ranges, directive.rules, place)
        if not alone and pending:
            found.ranges.extend(_Range((segment.line, 0), (segment.line + 1, 0), d.rules, d) for d in pending)
            pending = []
    end = (float("inf"), 0)
    found.ranges.extend(_Range(start, end, rules, directive) for directive, rules, start in open_ranges)
    return found if found.directives else _NONE


@dataclass(frozen=True)
class _Comment:
    start: int        # of `<!--`
    end: int          # after `-->`
    text_start: int   # of `mtcheck:`
    text: str         # from `mtcheck:` to before `-->`, trailing blanks left out


def _directive_comments(line: str) -> list[_Comment]:
    """The HTML comments of a line that hold a directive: `<!--`, blanks, `mtcheck:`, up to
    the first `-->`. One pass over the line, each `-->` looked for once, so that a long
    line of `<!--` without an end costs no more than its length."""
    comments = []
    start, end = line.find("<!--"), -1
    while start >= 0:
        if end < start + 4:  # else the `-->` found last is still the first after this `<!--`
            end = line.find("-->", start + 4)
            if end < 0:
                break
        directive = _DIRECTIVE_START_RE.match(line, start + 4, end)
        if directive:
            text_start = directive.end() - len("mtcheck:")
            comments.append(_Comment(start, end + 3, text_start, line[text_start:end].rstrip()))
            start = line.find("<!--", end + 3)
        else:  # a `<!--` inside this comment may begin a directive
            start = line.find("<!--", start + 4)
    return comments


def _without(line: str, comments: list[_Comment]) -> str:
    """The line with its directive comments cut out."""
    kept, at = [], 0
    for comment in comments:
        kept.append(line[at:comment.start])
        at = comment.end
    kept.append(line[at:])
    return "".join(kept)


def _enable(found: FileDirectives, open_ranges: list[list], rules: frozenset[str] | None,
            place: tuple[int, int]) -> list[list]:
    """End the open `disable` ranges for `rules` (None: all) at `place`; what stays open."""
    from mtcheck.rules import ALL_RULES

    still_open = []
    for directive, disabled, start in open_ranges:
        found.ranges.append(_Range(start, place, disabled, directive))
        if rules is not None:
            remaining = (disabled if disabled is not None else frozenset(r.id for r in ALL_RULES)) - rules
            if remaining:
                still_open.append([directive, frozenset(remaining), place])
    return still_open


def _po_directives(path: str) -> FileDirectives:
    """`# mtcheck: ignore …` translator comments: each silences its entry."""
    from mtcheck.formats.po import PoFile

    document = PoFile(path)
    found = FileDirectives(path)
    for entry in document.catalog:
        if entry.obsolete or not entry.msgid or "mtcheck" not in entry.tcomment.lower():
            continue
        base = f"{entry.msgctxt}|{entry.msgid}" if entry.msgctxt else entry.msgid
        ids = [base] + [f"{base}[{index}]" for index in sorted(entry.msgstr_plural)]
        number = max(entry.linenum - 1, 0)
        while number < len(document.lines) and not document.lines[number].startswith(("msgid ", "msgctxt ")):
            comment = _PO_COMMENT_RE.match(document.lines[number])
            body = (comment.group(1) or "") if comment else ""
            if _BODY_RE.match(body):
                column = document.lines[number].index(body) + 1
                directive = parse_directive(path, number + 1, column, body)
                if directive.action not in (None, "ignore"):
                    directive.problem = f"'{directive.action}' works in text files; a PO entry takes 'ignore'"
                    directive.action = None
                found.directives.append(directive)
                if directive.action == "ignore":
                    for segment_id in ids:
                        found.by_segment.setdefault(segment_id, []).append(directive)
            number += 1
    return found if found.directives else _NONE


def _xliff_directives(path: str) -> FileDirectives:
    """`<note>mtcheck: ignore …</note>` in a unit (or an enclosing group): silences it."""
    from mtcheck.formats.xliff import XliffFile
    from mtcheck.formats.xml import local

    document = XliffFile(path)
    found = FileDirectives(path)
    by_note: dict[object, Directive] = {}
    for segment in document.segments():
        # The reader's own map from segment id to target element: ids are never recomputed here.
        element = document._target(segment.id)[0]
        for holder in element.iterancestors():
            if local(holder.tag) not in ("trans-unit", "unit", "group"):
                continue
            for note in _notes(holder, local):
                directive = by_note.get(note)
                if directive is None:
                    directive = by_note[note] = _note_directive(document, path, note)
                    if directive is not None:
                        found.directives.append(directive)
                if directive is not None and directive.action == "ignore":
                    found.by_segment.setdefault(segment.id, []).append(directive)
    found.directives.sort(key=lambda d: (d.line, d.column))
    return found if found.directives else _NONE


def _notes(holder, local) -> Iterator:
    for child in holder:
        name = local(child.tag) if isinstance(child.tag, str) else ""
        if name == "note":
            yield child
        elif name == "notes":
            yield from (n for n in child if isinstance(n.tag, str) and local(n.tag) == "note")


def _note_directive(document, path: str, note) -> Directive | None:
    text = " ".join("".join(note.itertext()).split())
    if not _BODY_RE.match(text):
        return None
    directive = parse_directive(path, note.sourceline or 1, document.column(note), text)
    if directive.action not in (None, "ignore"):
        directive.problem = f"'{directive.action}' works in text files; an XLIFF note takes 'ignore'"
        directive.action = None
    return directive


class Suppressions:
    """The directives of a run's files, read as findings need them, and what they silenced."""

    def __init__(self, enabled: Iterable[str] = (), report_unused: bool = False,
                 severity: Severity | None = None):
        """`enabled`: the ids of the rules that run (a directive for another rule is not
        judged); `report_unused`: read every file's directives, for `unused()`."""
        self.enabled = frozenset(enabled)
        self.report_unused = report_unused
        self.severity = severity or UnusedIgnore.severity
        self.count = 0
        self._files: dict[str, FileDirectives] = {}

    def document(self, path: str) -> None:
        """A file the run checks (read now when unused directives are to be reported)."""
        if self.report_unused:
            self._directives(path)

    def has_directives(self, path: str) -> bool:
        return bool(self._directives(path).directives)

    def suppressed(self, finding: Finding) -> bool:
        if finding.rule == UnusedIgnore.id:
            return False
        if self._directives(finding.location.path).suppress(finding):
            self.count += 1
            return True
        return False

    def narrowed(self, finding: Finding) -> Finding | None:
        """The finding without the places directives silence: None when they silence all.
        A finding that stands for several places (GL002 lists a rendering's every place in
        `data["places"]`) is judged place by place, and moves to the first left."""
        places = finding.data.get("places") if finding.rule != UnusedIgnore.id else None
        if not places:
            return None if self.suppressed(finding) else finding
        directives = self._directives(finding.location.path)
        path = finding.location.path
        kept = [place for place in places if not directives.suppress(dataclasses.replace(
            finding, location=Location(path, place["line"], place["column"], place["end_line"],
                                       place["end_column"], place.get("segment"))))]
        if not kept:
            self.count += 1
            return None
        if len(kept) == len(places):
            return finding
        first = kept[0]
        return dataclasses.replace(
            finding, location=Location(path, first["line"], first["column"], first["end_line"],
                                       first["end_column"], first.get("segment")),
            text=first["text"], data={**finding.data, "places": kept},
            sentence=finding.sentence if kept[0] is places[0] else None)

    def _directives(self, path: str) -> FileDirectives:
        found = self._files.get(path)
        if found is None:
            found = self._files[path] = read_directives(path)
        return found

    def unused(self) -> list[Finding]:
        """GL000 findings: directives that silenced nothing or cannot work."""
        findings = []
        for found in self._files.values():
            for directive in found.directives:
                message = self._judge(directive)
                if message:
                    findings.append(Finding(
                        rule=UnusedIgnore.id, name=UnusedIgnore.name, severity=self.severity, message=message,
                        location=directive.location, lang=None, text=directive.text))
        findings.sort(key=Finding.sort_key)
        return findings

    def _judge(self, directive: Directive) -> str | None:
        quoted = f"'{directive.text}'"
        if directive.action is None:
            return f"{quoted} is not understood: {directive.problem}"
        if directive.unknown:
            names = ", ".join(repr(n) for n in directive.unknown)
            return f"{quoted} names no known rule: {names}"
        if directive.action == "enable":
            return None
        if directive.rules is None:
            return None if directive.used else f"{quoted} suppresses nothing: remove it"
        idle = sorted((directive.rules & self.enabled) - directive.used)
        if not idle:
            return None
        return f"{quoted} suppresses no {', '.join(idle)} finding: remove {'it' if len(idle) == len(directive.rules) else ', '.join(idle)}"
