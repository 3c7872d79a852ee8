"""Re-translate the segments of a file that have findings (or all), check the result, and
write the file back in its own format."""
from __future__ import annotations

import difflib
import re
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
    # The source's texts between its inline tags, translated: the new target is the source's
    # tags around them (paired formatting tags inside the text); None: the target is `new`.
    structured: list[str] | None = None

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
        if _formatting_inside(document, segment):
            # A paired tag (<g>…</g>) leaves no placeholder in the text: the target is rebuilt
            # with the source's tags, each text between them translated; refused where the
            # format cannot do that.
            if getattr(document, "set_target_like_source", None) is None or not document.source_pieces(segment.id) \
                    or not document.same_tags(segment.id):
                change.skipped = "inline tags inside the text"
            else:
                change.structured = []
        elif segment.text.count(PLACEHOLDER) != (segment.source or "").count(PLACEHOLDER):
            change.skipped = "the target's inline tags are not the source's"
        elif not (segment.source or "").strip():
            change.skipped = "no source text"
        changes.append(change)
    return Plan(path, source_lang, target_lang, segments, changes, document)


def _formatting_inside(document, segment: Segment) -> bool:
    """Whether a paired formatting tag (which leaves no placeholder in the text) stands inside
    the segment's target or source: a new translation would not know where it goes."""
    inside = getattr(document, "formatting_inside", None)
    return inside is not None and segment.id is not None and inside(segment.id)


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
    """Fill in the translations; nothing is written here, so a failure leaves every file as it was.

    Inline tags (their placeholders), markup and format placeholders (%s, {name}, <b>) are never
    given to the model: the text between them is translated piece by piece and the pieces are
    put back around them in the source's order, so each one comes back exactly once and where
    the source has it (what `msgfmt -c` asks of a PO entry's format directives)."""
    todo = [c for c in plan_.changes if not c.skipped]
    # Per change, its texts to put together: the source whole, or the texts between its tags.
    sources = [plan_.document.source_pieces(c.segment.id) if c.structured is not None else [c.segment.source or ""]
               for c in todo]
    pieces = [[protected_pieces(text) for text in texts] for texts in sources]
    texts = list(dict.fromkeys(core for change_parts in pieces for parts in change_parts
                               for kind, (_, core, _) in parts if kind == "text"))
    done = dict(zip(texts, translator.translate(texts))) if texts else {}
    for change, change_parts in zip(todo, pieces):
        translations = [done[core] for parts in change_parts for kind, (_, core, _) in parts if kind == "text"]
        written = ["".join(head + done[core].text + tail if kind == "text" else head + core + tail
                           for kind, (head, core, tail) in parts) for parts in change_parts]
        if change.structured is not None:
            change.structured = written
        change.translation = _joined(change.segment.source or "", "".join(written), translations)


def protected_pieces(text: str) -> list[tuple[str, tuple[str, str, str]]]:
    """The text as ("text", (space before, words, space after)) pieces to translate and
    ("keep", ("", span, "")) pieces that stay as they are: inline tag placeholders, markup,
    format placeholders, URLs; a piece without a letter is kept too."""
    masked = mask_protected(text)
    parts: list[tuple[str, tuple[str, str, str]]] = []
    for match in _RUNS.finditer(masked):
        piece = text[match.start():match.end()]
        if PLACEHOLDER in match.group() or not any(c.isalpha() for c in piece):
            parts.append(("keep", ("", piece, "")))
        else:
            core = piece.strip()
            head = piece[:len(piece) - len(piece.lstrip())]
            tail = piece[len(piece.rstrip()):]
            parts.append(("text", (head, core, tail)))
    return parts


_RUNS = re.compile(f"{PLACEHOLDER}+|[^{PLACEHOLDER}]+")


def _joined(source: str, text: str, translations: list[Translation]) -> Translation:
    """One Translation for a segment translated in pieces: the whole text, every piece's
    required terms and deprecated renderings."""
    if len(translations) == 1 and translations[0].text == text:
        return translations[0]
    return Translation(source, text, [r for t in translations for r in t.required],
                       [p for t in translations for p in t.present], [b for t in translations for b in t.banned_found],
                       "+".join(dict.fromkeys(t.strategy for t in translations)) or "none",
                       all(t.cached for t in translations) if translations else False,
                       [u for t in translations for u in t.unwritable])


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
        if change.structured is not None:
            document.set_target_like_source(change.segment.id, change.structured, review=True)
        elif kind == "XliffFile":
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
