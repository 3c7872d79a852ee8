"""The HTML report for translators: one self-contained page, the summary first.

Findings arrive file by file and the summary needs all of them, so the findings' markup is
spooled (to disk past a few megabytes) and written after the summary at the end; memory
holds counts only. No script, no network asset, no web font: the page reads the same
offline, attached to a mail or opened from a CI artifact.
"""
from __future__ import annotations

import html
import os
import re
import shutil
import tempfile
from collections import Counter
from typing import IO

from mtcheck import __version__
from mtcheck.engine import Tally
from mtcheck.lang import PLACEHOLDER
from mtcheck.model import Concept, Finding, Glossary, Severity
from mtcheck.report.paths import readable

SHOWN = 10_000  # findings shown on the page; a page with more is no longer read by a person
WORST = 5  # concepts named in the summary

_SEVERITIES = sorted(Severity, reverse=True)
_SPOOL = 4 << 20


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


_TAGS = re.compile(PLACEHOLDER + "+")


def _text(text: str) -> str:
    """Escaped text, with each run of inline-tag placeholders shown as a small tag mark."""
    return _TAGS.sub('<span class="tag" title="inline tag or code">tag</span>', _e(text))


def _lang(lang: str | None) -> str:
    return f' lang="{_e(lang)}"' if lang else ""


def _label(glossary: Glossary, concept: Concept | None, concept_id: str) -> tuple[str, str | None]:
    """A concept's human name (Glossary.label) and the language it is in."""
    term = glossary.label_term(concept) if concept is not None else None
    return (term.text, term.lang) if term is not None else (concept_id, None)


class HtmlFindings:
    """A findings reporter (start, document, end) that writes one HTML page."""

    def __init__(self, out: IO[str]):
        self.out = out
        self.spool: IO[str] | None = None
        self.section: tuple[bool, str] | None = None
        self.sections = 0
        self.shown = 0
        self.total = 0
        self.files: dict[str, dict] = {}  # path -> {"lang", "anchor", "counts"}
        self.concepts: dict[str, Counter] = {}  # concept id -> findings by severity label
        self.concept_langs: dict[str, set[str]] = {}
        self.rule_names: dict[str, str] = {}

    def start(self) -> None:
        # Held open from start() to end(), which closes it.
        self.spool = tempfile.SpooledTemporaryFile(max_size=_SPOOL, mode="w+", encoding="utf-8")  # noqa: SIM115

    def document(self, path: str | None, lang: str | None, findings: list[Finding]) -> None:
        """One batch of findings: of the file `path`, or (path None) of the whole run."""
        for finding in findings:
            where = finding.location.path
            self.total += 1
            self.rule_names.setdefault(finding.rule, finding.name)
            severity = finding.severity.label
            entry = self.files.get(where)
            if entry is None:
                entry = self.files[where] = {"lang": lang or finding.lang, "anchor": None, "counts": Counter()}
            entry["counts"][severity] += 1
            if finding.concept:
                self.concepts.setdefault(finding.concept, Counter())[severity] += 1
                if finding.lang:
                    self.concept_langs.setdefault(finding.concept, set()).add(finding.lang)
            if self.shown >= SHOWN:
                continue
            self.shown += 1
            key = (path is None, where)
            if key != self.section:
                self._open_section(key, entry, lang or finding.lang)
            self.spool.write(readable(self._finding(finding)))

    def _open_section(self, key: tuple[bool, str], entry: dict, lang: str | None) -> None:
        if self.section is not None:
            self.spool.write("</ol></section>\n")
        self.section = key
        self.sections += 1
        anchor = f"file-{self.sections}"
        if entry["anchor"] is None:
            entry["anchor"] = anchor
        across = key[0]
        note = ' <span class="note">consistency across all files of the run</span>' if across else ""
        lang_note = f' <span class="note">language {_e(lang)}</span>' if lang and not across else ""
        self.spool.write(f'<section class="file" id="{anchor}"><h3><code>{_e(readable(key[1]))}</code>{lang_note}'
                         f'{note}</h3>\n<ol class="findings">\n')

    def _finding(self, finding: Finding) -> str:
        loc = finding.location
        severity = finding.severity.label
        place = f"{loc.path}:{loc.line}:{loc.column}"
        segment = f' <span class="segment">segment {_e(loc.segment)}</span>' if loc.segment else ""
        found_lang = finding.data.get("term_lang") if finding.data else None
        if finding.context:
            text, start, end = finding.context, finding.context_start, finding.context_end
            marked = f'<mark{_lang(found_lang)}>{_text(text[start:end])}</mark>' if end > start else ""
            sentence = _text(text[:start]) + marked + _text(text[end:])
        else:
            sentence = f'<mark{_lang(found_lang)}>{_text(finding.text)}</mark>' if finding.text else ""
        if finding.suggestions:
            fix = "".join(f'<ins{_lang(finding.lang)}>{_e(s)}</ins> ' for s in finding.suggestions)
            fix = f'<div class="fix"><span class="label">Suggestion</span> {fix.strip()}</div>'
        else:
            fix = '<div class="fix"><span class="label">Suggestion</span> <span class="none">none</span></div>'
        concept = f' <span class="concept">concept <code>{_e(finding.concept)}</code></span>' if finding.concept else ""
        return (f'<li class="finding {severity}">'
                f'<div class="meta"><span class="sev {severity}">{severity}</span> '
                f'<span class="rule"><code>{_e(finding.rule)}</code> {_e(finding.name)}</span> '
                f'<span class="where"><code>{_e(place)}</code>{segment}</span>{concept}</div>'
                f'<div class="body"><p class="context"{_lang(finding.lang)}>{sentence}</p>{fix}</div>'
                f'<p class="message">{_e(finding.message)}</p></li>\n')

    def end(self, tally: Tally, glossary: Glossary, errors: list[str]) -> None:
        if self.section is not None:
            self.spool.write("</ol></section>\n")
        def write(text: str) -> None:
            self.out.write(readable(text))

        write(_HEAD.replace("{title}", _e(f"mtcheck report: {_plural(self.total, 'finding')}")))
        write(f'<header><h1>Terminology check</h1><p class="sub">mtcheck {_e(__version__)} · glossary '
              f'{_e(", ".join(os.path.basename(o) for o in glossary.origins) or "—")} · {_plural(len(glossary), "concept")}</p>'
              '<nav><a href="#summary">Summary</a> <a href="#renderings">Renderings by concept</a> '
              '<a href="#findings">Findings</a></nav></header>\n<main>\n')
        write(self._summary(tally, glossary, errors))
        write(_renderings(tally, glossary))
        write('<section id="findings"><h2>Findings</h2>\n')
        if self.total == 0:
            write('<p class="empty">No findings.</p>\n')
        elif self.shown < self.total:
            write(f'<p class="note">Showing the first {self.shown:,} of {self.total:,} findings; '
                  'the JSON report (<code>--format json</code>) has them all.</p>\n')
        if self.spool is not None:
            self.spool.seek(0)
            shutil.copyfileobj(self.spool, self.out)
            self.spool.close()
        write("</section>\n</main>\n</body>\n</html>\n")

    def _summary(self, tally: Tally, glossary: Glossary, errors: list[str]) -> str:
        counts = {s.label: tally.findings.get(s.label, 0) for s in _SEVERITIES}
        total = sum(counts.values())
        with_findings = len(self.files)
        files = _plural(tally.documents, "file")
        if counts["error"]:
            verdict, headline = "bad", (f"{_plural(counts['error'], 'error')} to fix before publishing"
                                         + (f", {_plural(counts['warning'], 'warning')} to review" if counts["warning"] else ""))
        elif counts["warning"]:
            verdict, headline = "warn", f"No errors; {_plural(counts['warning'], 'warning')} to review"
        elif total:
            verdict, headline = "ok", f"No errors or warnings; {_plural(counts['info'], 'note')}"
        else:
            verdict, headline = "ok", "No findings: the texts use the glossary's terms"
        detail = f"{with_findings:,} of {files} checked {'has' if with_findings == 1 else 'have'} findings" \
            if total else f"{files} checked"
        if errors:
            detail += f"; {_plural(len(errors), 'file')} could not be read"
        parts = ['<section id="summary"><h2 class="visually-hidden">Summary</h2>',
                 f'<p class="verdict {verdict}">{_e(headline)}.<span class="detail">{_e(detail)}.</span></p>',
                 '<div class="tiles">']
        for label, count, kind in (("files checked", tally.documents, "files"), ("errors", counts["error"], "error"),
                                   ("warnings", counts["warning"], "warning"), ("info", counts["info"], "info"),
                                   ("term matches", tally.matches, "matches")):
            parts.append(f'<div class="tile {kind}"><span class="n">{count:,}</span> {label}</div>')
        parts.append("</div>")
        parts.append('<p class="legend"><span class="sev error">error</span> fix before publishing: a deprecated, '
                     'foreign or missing term. <span class="sev warning">warning</span> review: a concept or a '
                     'source rendered in more than one way. <span class="sev info">info</span> for your '
                     'information.</p>')
        if errors:
            parts.append('<div class="errors"><h3>Files that could not be read</h3><ul>'
                         + "".join(f"<li><code>{_e(e)}</code></li>" for e in errors) + "</ul></div>")
        parts.append('<div class="columns">')
        parts.append(self._worst(tally, glossary))
        parts.append(self._files())
        parts.append("</div>")
        if tally.by_rule:
            rules = " · ".join(f"<code>{_e(rule)}</code> {_e(self.rule_names.get(rule, ''))} {count:,}"
                               for rule, count in sorted(tally.by_rule.items()))
            parts.append(f'<p class="rules">By rule: {rules}</p>')
        parts.append("</section>\n")
        return "".join(parts)

    def _worst(self, tally: Tally, glossary: Glossary) -> str:
        if not self.concepts:
            return ""
        concepts = {c.id: c for c in glossary}
        ranked = sorted(self.concepts.items(),
                        key=lambda kv: (*(-kv[1].get(s.label, 0) for s in _SEVERITIES), kv[0]))[:WORST]
        bad: dict[str, list[tuple[int, str, str, str, str | None]]] = {}
        for (concept_id, lang, term, status, foreign), count in tally.renderings.items():
            if foreign or status in ("deprecated", "superseded"):
                bad.setdefault(concept_id, []).append((-count, lang, term, status, foreign))
        items = []
        for concept_id, counts in ranked:
            label, label_lang = _label(glossary, concepts.get(concept_id), concept_id)
            found = ", ".join(_plural(counts[s.label], s.label) for s in _SEVERITIES if counts.get(s.label))
            langs = ", ".join(sorted(self.concept_langs.get(concept_id, ())))
            renderings = "".join(f'<li><span{_lang(foreign or lang)}>{_e(term)}</span> {_status(status, foreign)} '
                                 f'<span class="note">{_e(lang)}, {-negative:,}×</span></li>'
                                 for negative, lang, term, status, foreign in sorted(bad.get(concept_id, []))[:3])
            items.append(f'<li><strong{_lang(label_lang)}>{_e(label)}</strong> <span class="note">'
                         f'{_e(concept_id)}{" · " + _e(langs) if langs else ""}</span><br>{_e(found)}'
                         + (f'<ul class="worst-renderings">{renderings}</ul>' if renderings else "") + "</li>")
        return ('<div class="worst"><h3>Concepts with the most findings</h3><ol>' + "".join(items) + "</ol></div>")

    def _files(self) -> str:
        if not self.files:
            return ""
        rows = []
        for path, entry in self.files.items():
            counts = entry["counts"]
            name = f'<a href="#{entry["anchor"]}"><code>{_e(path)}</code></a>' if entry["anchor"] else f"<code>{_e(path)}</code>"
            rows.append(f'<tr><td class="path">{name}</td><td>{_e(entry["lang"] or "")}</td>'
                        + "".join(f'<td class="count">{counts.get(s.label, 0):,}</td>' for s in _SEVERITIES) + "</tr>")
        return ('<div class="files"><h3>Files with findings</h3><div class="scroll"><table><thead><tr><th>file</th>'
                '<th>lang</th><th class="count">errors</th><th class="count">warnings</th><th class="count">info</th>'
                f'</tr></thead><tbody>{"".join(rows)}</tbody></table></div></div>')


def _status(status: str, foreign: str | None) -> str:
    """A rendering's status as a badge: its own, or foreign with the language it belongs to."""
    if foreign:
        return f'<span class="st foreign" title="{_e(status)} in {_e(foreign)}">foreign ({_e(foreign)})</span>'
    return f'<span class="st {_e(status)}">{_e(status)}</span>'


def _renderings(tally: Tally, glossary: Glossary) -> str:
    """Per concept and language: each rendering found, its status and how often."""
    concepts = {c.id: c for c in glossary}
    groups: dict[tuple[str, str], list[tuple[str, str, str | None, int]]] = {}
    for (concept_id, lang, term, status, foreign), count in tally.sorted_renderings():
        groups.setdefault((concept_id, lang), []).append((term, status, foreign, count))
    parts = ['<section id="renderings"><h2>Renderings by concept and language</h2>', _LEGEND]
    if not groups:
        parts.append('<p class="empty">No glossary term was found in the texts.</p></section>\n')
        return "".join(parts)
    parts.append('<div class="scroll"><table class="renderings"><thead><tr><th scope="col">rendering</th>'
                 '<th scope="col">status</th><th scope="col" class="count">count</th></tr></thead>\n')
    for (concept_id, lang), rows in groups.items():
        label, label_lang = _label(glossary, concepts.get(concept_id), concept_id)
        parts.append(f'<tbody><tr class="group"><th scope="rowgroup" colspan="3"><span{_lang(label_lang)}>{_e(label)}'
                     f'</span> <span class="lang">{_e(lang)}</span> <span class="note">{_e(concept_id)}</span></th></tr>')
        for term, status, foreign, count in rows:
            parts.append(f'<tr class="{_e("foreign" if foreign else status)}">'
                         f'<td class="term"{_lang(foreign or lang)}>{_e(term)}</td><td>{_status(status, foreign)}</td>'
                         f'<td class="count">{count:,}</td></tr>')
        parts.append("</tbody>\n")
    parts.append("</table></div></section>\n")
    return "".join(parts)


_LEGEND = ('<p class="legend"><span class="st preferred">preferred</span> the term to use · '
           '<span class="st admitted">admitted</span> acceptable · <span class="st deprecated">deprecated</span> '
           'replace it · <span class="st foreign">foreign</span> another language\'s term left in the text</p>')

_HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="generator" content="mtcheck">
<title>{title}</title>
<style>
:root { --ink: #1c1c1c; --muted: #505050; --line: #d4d4d8; --panel: #f4f5f7;
  --error: #b3261e; --warning: #8a5300; --warning-bg: #ffd54f; --info: #0b57d0; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Liberation Sans", sans-serif; }
header, main { max-width: 74rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1rem; }
h1 { font-size: 1.6rem; margin: 0; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; padding-bottom: .2rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
code { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: .9em; overflow-wrap: anywhere; }
a { color: #0b4fa8; }
.sub, .note { color: var(--muted); }
.sub { margin: .2rem 0 .5rem; overflow-wrap: anywhere; }
.note { font-size: .85rem; font-weight: normal; margin-left: .4rem; }
nav { display: flex; flex-wrap: wrap; gap: .3rem 1rem; font-size: .95rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.verdict { margin: 1rem 0 .75rem; padding: .75rem 1rem; border-left: .45rem solid; border-radius: .3rem;
  font-size: 1.2rem; font-weight: 650; }
.verdict .detail { display: block; font-size: .95rem; font-weight: normal; color: var(--ink); }
.verdict.bad { border-color: var(--error); background: #fdeceb; }
.verdict.warn { border-color: #c77700; background: #fff5df; }
.verdict.ok { border-color: #1b7f3b; background: #e6f4ea; }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr)); gap: .5rem; }
.tile { background: var(--panel); border: 1px solid var(--line); border-radius: .4rem; padding: .4rem .7rem; color: var(--muted); }
.tile .n { display: block; font-size: 1.8rem; font-weight: 700; line-height: 1.15; color: var(--ink); }
.tile.error .n { color: var(--error); }
.tile.warning .n { color: var(--warning); }
.tile.info .n { color: var(--info); }
.legend { font-size: .9rem; color: var(--muted); }
.columns { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0 2rem; }
.worst ol { padding-left: 1.4rem; margin: 0; }
.worst > ol > li { margin-bottom: .5rem; }
.worst-renderings { list-style: none; padding: 0; margin: .1rem 0 0; font-size: .9rem; }
.rules { font-size: .9rem; color: var(--muted); }
.errors { border: 1px solid var(--error); border-radius: .3rem; padding: 0 1rem; background: #fdeceb; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .55rem; border-bottom: 1px solid var(--line); }
thead th { background: var(--panel); font-size: .85rem; color: var(--muted); font-weight: 600; }
tr.group th { padding-top: .9rem; font-size: 1rem; border-bottom: 2px solid #9a9aa2; }
tr.group .lang { display: inline-block; margin-left: .3rem; padding: 0 .35rem; border: 1px solid #9a9aa2;
  border-radius: .25rem; font-size: .8rem; font-weight: 600; }
table.renderings { max-width: 52rem; }
table.renderings td:not(.term), table.renderings thead th:not(:first-child) { width: 1%; white-space: nowrap; }
td.term { overflow-wrap: break-word; hyphens: auto; }
.count { text-align: right; font-variant-numeric: tabular-nums; }
td.path { overflow-wrap: anywhere; }
.st, .sev { display: inline-block; padding: 0 .4rem; border-radius: .25rem; font-size: .8rem; font-weight: 650; white-space: nowrap; }
.st.preferred { background: #dff2e4; color: #14532d; }
.st.admitted { background: #e4ecfa; color: #0b3d91; }
.st.deprecated, .st.superseded { background: #fde3df; color: #8c1d18; }
.st.foreign { background: #ffedd2; color: #6b3700; }
.sev { text-transform: uppercase; letter-spacing: .03em; }
.sev.error { background: var(--error); color: #fff; }
.sev.warning { background: var(--warning-bg); color: #3b2a00; }
.sev.info { background: var(--info); color: #fff; }
section.file h3 { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 .2rem; margin-top: 1.6rem; }
ol.findings { list-style: none; padding: 0; margin: 0; }
li.finding { border: 1px solid var(--line); border-left: .4rem solid var(--error); border-radius: .35rem;
  padding: .55rem .8rem; margin: .55rem 0; }
li.finding.warning { border-left-color: #e0a800; }
li.finding.info { border-left-color: var(--info); }
.meta { display: flex; flex-wrap: wrap; align-items: baseline; gap: .2rem .8rem; font-size: .9rem; color: var(--muted); }
.meta .rule code { color: var(--ink); font-weight: 600; }
.body { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); gap: .5rem 1rem; margin-top: .45rem; }
.context { margin: 0; padding: .45rem .65rem; background: var(--panel); border-radius: .3rem; white-space: pre-wrap;
  overflow-wrap: anywhere; hyphens: auto; }
mark { background: #ffe24d; color: #000; padding: 0 .12em; border-radius: .15em; box-shadow: inset 0 -.16em 0 var(--error); }
li.warning mark { box-shadow: inset 0 -.16em 0 #c77700; }
li.info mark { box-shadow: inset 0 -.16em 0 var(--info); }
.fix { align-self: start; }
.fix .label { display: block; font-size: .75rem; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
ins { text-decoration: none; display: inline-block; margin: .1rem 0; padding: .05rem .4rem; border-radius: .25rem;
  background: #dff2e4; color: #0f3d1f; border: 1px solid #6fbf86; font-weight: 600; }
.fix .none { color: var(--muted); font-style: italic; }
.message { margin: .4rem 0 0; font-size: .88rem; color: var(--muted); overflow-wrap: anywhere; }
.tag { display: inline-block; padding: 0 .2rem; margin: 0 .1rem; border: 1px solid #8a8a92; border-radius: .2rem;
  font: .7rem/1.3 ui-monospace, "DejaVu Sans Mono", monospace; color: var(--muted); vertical-align: middle; }
.empty { font-style: italic; }
@media (max-width: 44rem) {
  .columns, .body { grid-template-columns: minmax(0, 1fr); }
  h1 { font-size: 1.35rem; }
  .verdict { font-size: 1.05rem; }
  .tiles { grid-template-columns: repeat(auto-fit, minmax(6.5rem, 1fr)); }
  .tile { padding: .3rem .5rem; font-size: .9rem; }
  .tile .n { font-size: 1.4rem; }
  th, td { padding: .25rem .35rem; }
  table { font-size: .88rem; }
  td.term { overflow-wrap: anywhere; }
}
@media print { nav { display: none; } li.finding { break-inside: avoid; } }
</style>
</head>
<body>
"""
