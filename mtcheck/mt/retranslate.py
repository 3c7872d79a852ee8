"""Re-translate the segments of a file that have findings (or all), check the result, and
write the file back in its own format."""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from mtcheck.engine import Checker
from mtcheck.errors import InputError
from mtcheck.formats import open_bilingual
from mtcheck.formats import plaintext
from mtcheck.language import PLACEHOLDER, mask_protected
from mtcheck.model import Finding, Glossary, Segment
from mtcheck.mt.translator import Translation, Translator
from mtcheck.textio import atomic_output, iter_lines
from mtcheck.rules import select_rules


@dataclass
class Change:
    segment: Segment
    old: str
    translation: Translation | None   # None: left alone (see `skipped`)
    findings: list[Finding] = field(default_factory=list)
    skipped: str = ""

    @property
    def new(self) -> str:
        return self.translation.text if self.translation else self.old


@dataclass
class Plan:
    path: str
    source_lang: str
    target_lang: str
    segments: list[Segment]
    changes: list[Change]
    document: object | None = None        # an editable bilingual file, or None for plain text


def plan(path: str, glossary: Glossary, *, source: str | None, source_lang: str | None, target_lang: str | None,
         everything: bool) -> Plan:
    """Read and check the file; choose the segments to re-translate."""
    document = None
    if source is None:
        try:
            document = open_bilingual(path, source_lang=source_lang, target_lang=target_lang)
        except ValueError:
            raise InputError(path, "a plain-text file needs its source: --source FILE (line-aligned)") from None
        segments = list(document.segments())
        source_lang = source_lang or next((s.source_lang for s in segments if s.source_lang), None)
        target_lang = target_lang or next((s.lang for s in segments if s.lang), None)
    else:
        segments = _aligned(path, source, source_lang, target_lang)
    if not source_lang or not target_lang:
        raise InputError(path, "languages unknown: give --source-lang and --lang")
    checker = Checker(glossary, select_rules())
    findings = checker.check(path, segments, target_lang)
    by_segment: dict[tuple[int, str | None], list[Finding]] = {}
    for finding in findings:
        by_segment.setdefault((finding.location.line, finding.location.segment), []).append(finding)
    changes = []
    for segment in segments:
        found = [f for (line, sid), fs in by_segment.items() for f in fs
                 if (sid is not None and sid == segment.id) or (sid is None and line == segment.line)]
        if not found and not everything:
            continue
        change = Change(segment, segment.text, None, found)
        if PLACEHOLDER in segment.text.strip(PLACEHOLDER) or PLACEHOLDER in (segment.source or "").strip(PLACEHOLDER) \
                or _formatting_inside(document, segment):
            change.skipped = "inline tags inside the text"
        elif mask_protected(segment.source or "") != (segment.source or "") or mask_protected(segment.text) != segment.text:
            change.skipped = "markup or placeholders in the text"
        elif not (segment.source or "").strip():
            change.skipped = "no source text"
        changes.append(change)
    return Plan(path, source_lang, target_lang, segments, changes, document)


def _formatting_inside(document, segment: Segment) -> bool:
    """Whether a paired formatting tag (which leaves no placeholder in the text) stands inside
    the segment's target or source: a new translation would not know where it goes."""
    tags_inside = getattr(document, "tags_inside", None)
    return tags_inside is not None and segment.id is not None and tags_inside(segment.id)


def _aligned(path: str, source: str, source_lang: str | None, target_lang: str | None) -> list[Segment]:
    """Plain text and its line-aligned source as bilingual segments."""
    sources = list(iter_lines(source))
    targets = list(iter_lines(path))
    if len(sources) != len(targets):
        raise InputError(path, f"{len(targets)} lines, but the source {source} has {len(sources)}")
    return [Segment(s.text, s.path, s.line, id=str(s.line), lang=target_lang, source=sources[s.line - 1],
                    source_lang=source_lang)
            for s in plaintext.read_segments(path, target_lang)]


def translate(plan_: Plan, translator: Translator) -> None:
    """Fill in the translations; nothing is written here, so a failure leaves every file as it was."""
    todo = [c for c in plan_.changes if not c.skipped]
    edges = [_edges(c.segment.source) for c in todo]
    results = translator.translate([core for _, core, _ in edges])
    for change, (head, _, tail), result in zip(todo, edges, results):
        # Tags around the whole segment (<g>…</g>) stay around it.
        old_head, _, old_tail = _edges(change.old)
        result.text = old_head + result.text + old_tail if (head or tail) else result.text
        change.translation = result


def _edges(text: str | None) -> tuple[str, str, str]:
    text = text or ""
    core = text.strip(PLACEHOLDER)
    start = text.find(core) if core else len(text)
    return text[:start], core, text[start + len(core):]


def write(plan_: Plan, output: str) -> None:
    """The re-translated file, in the input's format, written atomically."""
    changed = [c for c in plan_.changes if c.translation and c.new != c.old]
    document = plan_.document
    if document is None:
        lines = list(iter_lines(plan_.path))
        for change in changed:
            lines[change.segment.line - 1] = change.new
        with atomic_output(output) as stream:
            stream.write("\n".join(lines) + "\n")
        return
    kind = type(document).__name__
    for change in changed:
        if kind == "XliffFile":
            document.set_target(change.segment.id, change.new, review=True)
        elif kind == "PoFile":
            document.set_target(change.segment.id, change.new, fuzzy=True)
        else:
            document.set_target(change.segment.id, change.new)
    document.save(output)


def default_output(path: str) -> str:
    target = Path(path)
    return str(target.with_name(f"{target.stem}.retranslated{target.suffix}"))


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """(text, kind) pieces of the new text: kind "same", "added"; and removed old words as "removed"."""
    a, b = old.split(), new.split()
    pieces = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append((" ".join(b[j1:j2]), "same"))
        else:
            if i2 > i1:
                pieces.append((" ".join(a[i1:i2]), "removed"))
            if j2 > j1:
                pieces.append((" ".join(b[j1:j2]), "added"))
    return pieces
