"""The HTML report for reviewers: one self-contained page, the findings first.

Findings arrive file by file and the summary above them needs all of them, so the findings'
markup is spooled (to disk past a few megabytes) and written after the summary at the end;
memory holds counts only. No network asset, no web font: the page reads the same offline,
attached to a mail or opened from a CI artifact. A small inline script adds filters (by
severity, rule, file and concept); without it the page shows every finding.
"""
from __future__ import annotations

import base64
import functools
import hashlib
import html
import os
import re
import shlex
import shutil
import sys
import tempfile
from collections import Counter
from datetime import datetime, timezone
from typing import IO

from mtcheck import __version__
from mtcheck.engine import Tally
from mtcheck.language import PLACEHOLDER
from mtcheck.model import CONTEXT_REACH, Concept, Finding, Glossary, Severity, excerpt
from mtcheck.report.paths import readable

SHOWN = 10_000  # findings shown on the page; a page with more is no longer read by a person
WORST = 5  # concepts named in the overview
WORST_FILES = 10  # files named in the overview; the file filter lists them all
SOURCE_SHOWN = 2 * CONTEXT_REACH  # characters of a bilingual finding's source text shown at most

_SEVERITIES = sorted(Severity, reverse=True)
_REPEATED = 40  # characters from which a message said before is a link to it (a link costs 20)
_SECTION_END = "</ol></section>\n"
_SPOOL = 4 << 20


def _e(text: object) -> str:
    """Escaped as element text: quotes are harmless there, and messages are full of them."""
    return html.escape(str(text), quote=False)


def _attr(text: object) -> str:
    """Escaped as an attribute value (always written in double quotes)."""
    return html.escape(str(text), quote=True)


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


_TAGS = re.compile(PLACEHOLDER + "+")


def _text(text: str) -> str:
    """Escaped text, with each run of inline-tag placeholders shown as a small tag mark."""
    return _TAGS.sub('<span class="tag" title="inline tag or code">tag</span>', _e(text))


def _lang(lang: str | None) -> str:
    return f' lang="{_attr(lang)}"' if lang else ""


def _label(glossary: Glossary, concept: Concept | None, concept_id: str) -> tuple[str, str | None]:
    """A concept's human name (Glossary.label) and the language it is in."""
    term = glossary.label_term(concept) if concept is not None else None
    return (term.text, term.lang) if term is not None else (concept_id, None)


@functools.cache
def run_date() -> str:
    """When this run started, in UTC (ISO 8601). A process is one run: like the command line,
    the date is the process's, so every page a run writes carries the same one."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def command_line(argv: list[str]) -> str:
    """The command as the user typed it, quoted for a shell where needed: `mtcheck <args>`,
    whatever the program was started as (`python -m mtcheck`, a wrapper script)."""
    return shlex.join(["mtcheck", *argv[1:]])


class HtmlFindings:
    """A findings reporter (start, document, end) that writes one HTML page. `command` and
    `date` head the page; by default the process's command line and `run_date()`."""

    def __init__(self, out: IO[str], command: str | None = None, date: str | None = None):
        self.out = out
        self.command = command if command is not None else command_line(sys.argv)
        self.date = date
        self.spool: IO[str] | None = None
        self.section: tuple[bool, str] | None = None
        self.sections = 0
        self.shown = 0
        self.total = 0
        self.files: dict[str, dict] = {}  # path -> {"lang", "anchor", "counts"}
        self.concepts: dict[str, Counter] = {}  # concept id -> findings by severity label
        self.concept_langs: dict[str, set[str]] = {}
        self.rule_names: dict[str, str] = {}
        self.messages: dict[str, int] = {}  # a long message -> n, its first place on the page (id "m<n>")

    def start(self) -> None:
        self.date = self.date or run_date()
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
            self.spool.write(readable(_finding(finding, self._message(finding.message))))

    def _open_section(self, key: tuple[bool, str], entry: dict, lang: str | None) -> None:
        """A file's findings go under one heading that names it: each finding gives only its
        line and column."""
        if self.section is not None:
            self.spool.write(_SECTION_END)
        self.section = key
        self.sections += 1
        anchor = f"f{self.sections}"
        if entry["anchor"] is None:
            entry["anchor"] = anchor
        across = key[0]
        note = ' <span class="note">consistency across all files of the run</span>' if across else ""
        lang_note = f" <small>{_e(lang)}</small>" if lang and not across else ""
        self.spool.write(f'<section class="file" id="{anchor}"><h3><code>{_e(readable(key[1]))}</code>{lang_note}'
                         f'{note}</h3><ol>\n')

    def _message(self, message: str) -> str:
        """A finding's message; a long one already on the page, a link to it: a big run says
        the same few things thousands of times. The script writes it out in each finding again."""
        if len(message) < _REPEATED:
            return f'<p class="message">{_e(message)}</p>'
        first = self.messages.get(message)
        if first is None:
            first = self.messages[message] = len(self.messages) + 1
            return f'<p class="message" id="m{first}">{_e(message)}</p>'
        return f'<a href="#m{first}"></a>'

    def end(self, tally: Tally, glossary: Glossary, errors: list[str]) -> None:
        if self.section is not None:
            self.spool.write(_SECTION_END)

        def write(text: str) -> None:
            self.out.write(readable(text))

        write(_HEAD.replace("{title}", _e(f"mtcheck report: {_plural(self.total, 'finding')}")))
        write(self._header(glossary))
        write(self._summary(tally, errors))
        write('<section id="findings"><h2>Findings</h2>\n')
        if self.total == 0:
            write('<p class="empty">No findings.</p>\n')
        else:
            write(_FILTERS)
        if self.shown < self.total:
            write(f'<p class="note">Showing the first {self.shown:,} of {self.total:,} findings; '
                  'the JSON report (<code>--format json</code>) has them all.</p>\n')
        if self.spool is not None:
            self.spool.seek(0)
            shutil.copyfileobj(self.spool, self.out)
            self.spool.close()
        write("</section>\n")
        write(self._overview(tally, glossary))
        write(_renderings(tally, glossary))
        write(f"</main>\n<script>{_SCRIPT}</script>\n</body>\n</html>\n")

    def _header(self, glossary: Glossary) -> str:
        """The title, the run (its date, the only thing that differs between two runs of the
        same command, and its command line), and the tool and glossary."""
        origins = ", ".join(os.path.basename(o) for o in glossary.origins) or "—"
        return (f'<header><h1>Terminology check</h1>'
                f'<p class="run"><time>{_e(self.date or run_date())}</time> <code>{_e(self.command)}</code></p>'
                f'<p class="sub">mtcheck {_e(__version__)} · glossary {_e(origins)} · '
                f'{_plural(len(glossary), "concept")}</p>'
                '<nav><a href="#findings">Findings</a> <a href="#overview">Concepts and files</a> '
                '<a href="#renderings">Renderings by concept</a></nav></header>\n<main>\n')

    def _summary(self, tally: Tally, errors: list[str]) -> str:
        """The verdict, the counts and the severities' meaning: a few lines above the findings."""
        counts = {s.label: tally.findings.get(s.label, 0) for s in _SEVERITIES}
        verdict, headline = _verdict(counts)
        with_findings = len(self.files)
        files = _plural(tally.documents, "file")
        detail = f"{with_findings:,} of {files} checked {'has' if with_findings == 1 else 'have'} findings" \
            if sum(counts.values()) else f"{files} checked"
        if errors:
            detail += f"; {_plural(len(errors), 'file')} could not be read"
        parts = ['<section id="summary"><h2 class="visually-hidden">Summary</h2>',
                 f'<p class="verdict {verdict}">{_e(headline)}. <span class="detail">{_e(detail)}.</span></p>',
                 '<ul class="tiles">']
        for label, count, kind in (("files checked", tally.documents, "files"), ("errors", counts["error"], "error"),
                                   ("warnings", counts["warning"], "warning"), ("info", counts["info"], "info"),
                                   ("term matches", tally.matches, "matches")):
            parts.append(f'<li class="tile {kind}"><span class="n">{count:,}</span> {label}</li>')
        parts.append("</ul>")
        if tally.by_rule:
            rules = " · ".join(f"<code>{_e(rule)}</code> {_e(self.rule_names.get(rule, ''))} {count:,}"
                               for rule, count in sorted(tally.by_rule.items()))
            parts.append(f'<p class="rules">By rule: {rules}</p>')
        parts.append(_SEVERITY_LEGEND)
        if errors:
            parts.append('<div class="errors"><h3>Files that could not be read</h3><ul>'
                         + "".join(f"<li><code>{_e(e)}</code></li>" for e in errors) + "</ul></div>")
        parts.append("</section>\n")
        return "".join(parts)

    def _overview(self, tally: Tally, glossary: Glossary) -> str:
        """The concepts and the files with the most findings, below the findings."""
        if not self.files:
            return ""
        return ('<section id="overview"><h2>Concepts and files with the most findings</h2><div class="columns">'
                + self._worst(tally, glossary) + self._worst_files() + "</div></section>\n")

    def _worst(self, tally: Tally, glossary: Glossary) -> str:
        if not self.concepts:
            return ""
        concepts = {c.id: c for c in glossary}
        ranked = sorted(self.concepts.items(), key=lambda kv: (*_worst_first(kv[1]), kv[0]))[:WORST]
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
        return '<div class="worst"><h3>Concepts</h3><ol>' + "".join(items) + "</ol></div>"

    def _worst_files(self) -> str:
        """The files with the most findings, worst first; a big run's full list is the file
        filter's (a table of a thousand files would outweigh their findings)."""
        ranked = sorted(self.files.items(), key=lambda kv: (*_worst_first(kv[1]["counts"]), kv[0]))
        rows = []
        for path, entry in ranked[:WORST_FILES]:
            counts = entry["counts"]
            name = f'<a href="#{entry["anchor"]}"><code>{_e(path)}</code></a>' if entry["anchor"] else f"<code>{_e(path)}</code>"
            rows.append(f'<tr><td class="path">{name}</td><td>{_e(entry["lang"] or "")}</td>'
                        + "".join(f'<td class="count">{counts.get(s.label, 0):,}</td>' for s in _SEVERITIES) + "</tr>")
        more = len(ranked) - WORST_FILES
        note = f'<p class="note">{_plural(more, "more file")} with findings: choose one in the file filter.</p>' \
            if more > 0 else ""
        return ('<div class="files"><h3>Files</h3><div class="scroll"><table><thead><tr><th>file</th>'
                '<th>lang</th><th class="count">errors</th><th class="count">warnings</th><th class="count">info</th>'
                f'</tr></thead><tbody>{"".join(rows)}</tbody></table></div>{note}</div>')


def _verdict(counts: dict[str, int]) -> tuple[str, str]:
    """The summary's tone (bad, warn, ok) and its headline."""
    if counts["error"]:
        return "bad", (f"{_plural(counts['error'], 'error')} to fix before publishing"
                       + (f", {_plural(counts['warning'], 'warning')} to review" if counts["warning"] else ""))
    if counts["warning"]:
        return "warn", f"No errors; {_plural(counts['warning'], 'warning')} to review"
    if counts["info"]:
        return "ok", f"No errors or warnings; {_plural(counts['info'], 'note')}"
    return "ok", "No findings: the texts use the glossary's terms"


def _worst_first(counts: Counter) -> tuple[int, ...]:
    return tuple(-counts.get(s.label, 0) for s in _SEVERITIES)


def _finding(finding: Finding, message: str) -> str:
    """One finding's item. Only what differs between findings is written out: its file is the
    section's heading, and labels ("source", "suggestion") come from the style sheet, so that a
    run of thousands of findings stays a page a browser opens quickly."""
    loc = finding.location
    segment = f" segment {_e(loc.segment)}" if loc.segment else ""
    concept = f" <code>{_e(finding.concept)}</code>" if finding.concept else ""
    fix = ""
    if finding.suggestions:
        # Only a safe fix is shown as the answer; an unsafe one or one only shown says why.
        kind = finding.fix.applicability if finding.fix is not None else ""
        why = f'<small>{_e(finding.fix.reason)}</small>' if kind and kind != "safe" and finding.fix.reason else ""
        fix = (f'<p class="fix"{f" data-fix={chr(34)}{kind}{chr(34)}" if kind else ""}{_lang(finding.lang)}>'
               + " ".join(f"<ins>{_e(s)}</ins>" for s in finding.suggestions) + why + "</p>")
    return (f'<li class="{finding.severity.label}"><p class="meta"><b>{finding.severity.label}</b> '
            f'<strong>{_e(finding.rule)} {_e(finding.name)}</strong> line {loc.line}:{loc.column}{segment}{concept}</p>'
            f'{_source(finding)}<p class="context"{_lang(finding.lang)}>{_target(finding)}</p>{_other(finding)}'
            f'{fix}{message}</li>\n')


def _target(finding: Finding) -> str:
    """The finding's sentence with its text marked (the text alone when it has no sentence)."""
    found_lang = finding.data.get("term_lang") if finding.data else None
    if not finding.context:
        return f'<mark{_lang(found_lang)}>{_text(finding.text)}</mark>' if finding.text else ""
    text, start, end = finding.context, finding.context_start, finding.context_end
    marked = f'<mark{_lang(found_lang)}>{_text(text[start:end])}</mark>' if end > start else ""
    return _text(text[:start]) + marked + _text(text[end:])


def _source(finding: Finding) -> str:
    """The source text of a bilingual finding: a missing term's source term marked in its
    sentence, any other finding's source segment (its start, when long)."""
    if finding.source is None:
        return ""
    source = finding.source
    term = finding.text if finding.data and "source_term" in finding.data else ""
    at = source.find(term) if term else -1
    if at >= 0:
        shown, start, end = excerpt(source, at, at + len(term))
        body = _text(shown[:start]) + f"<mark>{_text(shown[start:end])}</mark>" + _text(shown[end:])
    else:
        body = _text(_bounded(source, SOURCE_SHOWN))
    return f'<p class="source">{body}</p>'


def _bounded(text: str, limit: int) -> str:
    """`text`, or its first `limit` characters cut at a space and marked with '…'."""
    if len(text) <= limit:
        return text
    space = text.rfind(" ", 0, limit)
    return text[:space if space > 0 else limit] + "\u2026"


def _other(finding: Finding) -> str:
    """For an inconsistent translation (GL005): the other translation of the same source, or
    the other source of the same translation, that the finding departs from."""
    data = finding.data or {}
    for key, lang in (("other_translation", finding.lang), ("other_source", None)):
        if key in data:
            where = f"line {data.get('other_line')}"
            if data.get("other_segment"):
                where = f"segment {data['other_segment']}, {where}"
            return (f'<p class="{key.replace("_", "-")}"{_lang(lang)} data-where="{_attr(where)}">'
                    f'{_text(str(data[key]))}</p>')
    return ""


def _status(status: str, foreign: str | None) -> str:
    """A rendering's status as a badge: its own, or foreign with the language it belongs to."""
    if foreign:
        return f'<span class="st foreign" title="{_attr(status)} in {_attr(foreign)}">foreign ({_e(foreign)})</span>'
    return f'<span class="st {_attr(status)}">{_e(status)}</span>'


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
            parts.append(f'<tr class="{_attr("foreign" if foreign else status)}">'
                         f'<td class="term"{_lang(foreign or lang)}>{_e(term)}</td><td>{_status(status, foreign)}</td>'
                         f'<td class="count">{count:,}</td></tr>')
        parts.append("</tbody>\n")
    parts.append("</table></div></section>\n")
    return "".join(parts)


_LEGEND = ('<p class="legend"><span class="st preferred">preferred</span> the term to use · '
           '<span class="st admitted">admitted</span> acceptable · <span class="st deprecated">deprecated</span> '
           'replace it · <span class="st foreign">foreign</span> another language\'s term left in the text</p>')

_SEVERITY_LEGEND = ('<p class="legend"><b class="sev error">error</b> fix before publishing: a deprecated, '
                    'foreign or missing term. <b class="sev warning">warning</b> review: a concept or a source '
                    'rendered in more than one way. <b class="sev info">info</b> for your information.</p>')

# Hidden until the script fills the lists from the findings on the page and shows it: without
# the script, the controls would do nothing.
_FILTERS = """<form id="filters" class="filters" hidden aria-label="Filter the findings">
<strong>Filter</strong>
<select name="severity" aria-label="Severity"><option value="">all severities</option></select>
<select name="rule" aria-label="Rule"><option value="">all rules</option></select>
<select name="file" aria-label="File"><option value="">all files</option></select>
<select name="concept" aria-label="Concept"><option value="">all concepts</option></select>
<button type="reset">Show all</button>
<output aria-live="polite"></output>
</form>
"""

# Reads each finding's severity, rule, file and concept from its markup (no second copy of
# them in data), fills the filter lists with their counts, and hides what a filter leaves out.
_SCRIPT = """
(() => {
  "use strict";
  for (const link of document.querySelectorAll("section.file > ol > li > a")) {
    const message = document.getElementById(link.getAttribute("href").slice(1)).cloneNode(true);
    message.removeAttribute("id");
    link.replaceWith(message);
  }
  const form = document.getElementById("filters");
  const items = [...document.querySelectorAll("section.file > ol > li")];
  if (!form || !items.length) return;
  const text = (element) => (element ? element.textContent : "");
  const names = new Map();
  const facts = items.map((item) => {
    const name = text(item.querySelector(".meta strong"));
    const rule = name.split(" ")[0];
    names.set(rule, name);
    return {item, severity: item.className, rule, concept: text(item.querySelector(".meta code")),
            file: text(item.closest("section.file").querySelector("h3 code"))};
  });
  const rank = {error: 0, warning: 1, info: 2};
  const byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  const orders = {severity: (a, b) => rank[a] - rank[b], rule: byText, file: null, concept: byText};
  const labels = {rule: (value) => names.get(value)};
  const keys = Object.keys(orders);
  const number = (count) => count.toLocaleString("en");
  for (const key of keys) {
    const select = form.elements.namedItem(key);
    const counts = new Map();
    for (const fact of facts) {
      if (fact[key]) counts.set(fact[key], (counts.get(fact[key]) || 0) + 1);
    }
    const values = [...counts.keys()];
    if (orders[key]) values.sort(orders[key]);
    for (const value of values) {
      select.add(new Option(`${labels[key] ? labels[key](value) : value} (${number(counts.get(value))})`, value));
    }
    select.hidden = values.length === 0;
  }
  const sections = [...document.querySelectorAll("section.file")];
  const shown = form.querySelector("output");
  const apply = () => {
    const wanted = keys.map((key) => [key, form.elements.namedItem(key).value]).filter(([, value]) => value);
    let count = 0;
    for (const fact of facts) {
      const match = wanted.every(([key, value]) => fact[key] === value);
      fact.item.hidden = !match;
      if (match) count += 1;
    }
    for (const section of sections) section.hidden = !section.querySelector("ol > li:not([hidden])");
    shown.textContent = wanted.length ? `${number(count)} of ${number(facts.length)} findings shown`
      : `All ${number(facts.length)} findings shown`;
  };
  const findings = document.getElementById("findings");
  const update = () => {  // and back to the first finding shown, from wherever the reader was
    apply();
    if (findings.getBoundingClientRect().top < 0) findings.scrollIntoView();
  };
  form.addEventListener("change", update);
  form.addEventListener("reset", () => setTimeout(update));
  form.addEventListener("submit", (event) => event.preventDefault());
  form.hidden = false;
  apply();
})();
"""

_STYLE = """
:root { --ink: #1c1c1c; --muted: #505050; --line: #d4d4d8; --panel: #f4f5f7;
  --error: #b3261e; --warning: #8a5300; --warning-bg: #ffd54f; --info: #0b57d0; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Liberation Sans", sans-serif; }
header, main { max-width: 74rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: .8rem; display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 1.2rem; }
header h1 { flex: 1 0 auto; }
header .run, header .sub { flex: 1 0 100%; }
h1 { font-size: 1.5rem; margin: 0; }
h2 { font-size: 1.3rem; margin: 1.5rem 0 .5rem; padding-bottom: .2rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
code { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: .9em; overflow-wrap: anywhere; }
a { color: #0b4fa8; }
.sub, .note { color: var(--muted); }
.run, .sub { margin: .1rem 0 0; overflow-wrap: anywhere; font-size: .92rem; }
.run time { font-variant-numeric: tabular-nums; margin-right: .6rem; }
.run code { background: var(--panel); padding: .05rem .35rem; border-radius: .25rem; }
.note { font-size: .85rem; font-weight: normal; margin-left: .4rem; }
nav { display: flex; flex-wrap: wrap; gap: .3rem 1rem; font-size: .92rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.verdict { margin: .8rem 0 .5rem; padding: .5rem .9rem; border-left: .45rem solid; border-radius: .3rem;
  font-size: 1.1rem; font-weight: 650; }
.verdict .detail { font-size: .95rem; font-weight: normal; color: var(--ink); }
.verdict.bad { border-color: var(--error); background: #fdeceb; }
.verdict.warn { border-color: #c77700; background: #fff5df; }
.verdict.ok { border-color: #1b7f3b; background: #e6f4ea; }
.tiles { display: flex; flex-wrap: wrap; gap: .4rem; list-style: none; padding: 0; margin: 0; }
.tile { background: var(--panel); border: 1px solid var(--line); border-radius: .4rem; padding: .1rem .6rem; color: var(--muted); }
.tile .n { font-size: 1.15rem; font-weight: 700; color: var(--ink); font-variant-numeric: tabular-nums; }
.tile.error .n { color: var(--error); }
.tile.warning .n { color: var(--warning); }
.tile.info .n { color: var(--info); }
.legend, .rules { font-size: .88rem; color: var(--muted); margin: .4rem 0; }
.columns { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0 2rem; }
.worst ol { padding-left: 1.4rem; margin: 0; }
.worst > ol > li { margin-bottom: .5rem; }
.worst-renderings { list-style: none; padding: 0; margin: .1rem 0 0; font-size: .9rem; }
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
.st, .sev, .meta > b { display: inline-block; padding: 0 .4rem; border-radius: .25rem; font-size: .8rem; font-weight: 650; white-space: nowrap; }
.st.preferred { background: #dff2e4; color: #14532d; }
.st.admitted { background: #e4ecfa; color: #0b3d91; }
.st.deprecated, .st.superseded { background: #fde3df; color: #8c1d18; }
.st.foreign { background: #ffedd2; color: #6b3700; }
.sev, .meta > b { text-transform: uppercase; letter-spacing: .03em; }
.sev.error, li.error .meta > b { background: var(--error); color: #fff; }
.sev.warning, li.warning .meta > b { background: var(--warning-bg); color: #3b2a00; }
.sev.info, li.info .meta > b { background: var(--info); color: #fff; }
.filters { position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; align-items: center; gap: .4rem .75rem;
  margin: .5rem 0; padding: .45rem .8rem; background: #eaf1fb; border: 1px solid #a9bfe3; border-radius: .4rem;
  box-shadow: 0 2px 4px rgba(0, 0, 0, .08); font-size: .88rem; }
.filters select { min-width: 0; max-width: 13rem; font: inherit; font-weight: normal; padding: .1rem .2rem; }
.filters button { font: inherit; padding: .1rem .6rem; }
.filters output { color: var(--muted); margin-left: auto; }
section.file { scroll-margin-top: 4rem; }
section.file h3 small { font-size: .85rem; font-weight: normal; color: var(--muted); margin-left: .4rem; }
section.file h3 small::before { content: "language "; }
section.file h3 { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 .2rem; margin: 1.1rem 0 .3rem; }
section.file > ol { list-style: none; padding: 0; margin: 0; }
/* A finding: its place and rule on top; its texts left, the suggestion right; the message below. */
section.file > ol > li { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); column-gap: 1rem;
  border: 1px solid var(--line); border-left: .4rem solid var(--error); border-radius: .35rem;
  padding: .45rem .8rem; margin: .45rem 0; }
section.file > ol > li.warning { border-left-color: #e0a800; }
section.file > ol > li.info { border-left-color: var(--info); }
section.file > ol > li > * { grid-column: 1; margin: .35rem 0 0; }
section.file > ol > li > :is(.meta, .message) { grid-column: 1 / -1; }
section.file > ol > li > .fix { grid-column: 2; grid-row: 2 / span 3; align-self: start; }
.meta { margin: 0; display: flex; flex-wrap: wrap; align-items: baseline; gap: .2rem .8rem; font-size: .9rem; color: var(--muted); }
.meta strong { color: var(--ink); font-weight: 600; }
.meta code::before { content: "concept "; font-family: system-ui, sans-serif; }
.source, .context, .other-translation, .other-source { padding: .35rem .65rem; background: var(--panel);
  border-radius: .3rem; white-space: pre-wrap; overflow-wrap: anywhere; hyphens: auto; }
.source, .other-translation, .other-source { background: #eef2f8; }
.source::before, .source + .context::before, .other-translation::before, .other-source::before, .fix::before {
  display: block; font-size: .72rem; font-weight: 600; text-transform: uppercase; letter-spacing: .04em;
  color: var(--muted); white-space: normal; }
.source::before { content: "source"; }
.source + .context::before { content: "target"; }
.other-translation::before { content: "other translation (" attr(data-where) ")"; }
.other-source::before { content: "other source (" attr(data-where) ")"; }
.fix::before { content: "suggestion"; }
.fix[data-fix="safe"]::before { content: "suggestion (safe fix)"; }
.fix[data-fix="unsafe"]::before { content: "suggestion (unsafe fix: check it)"; }
.fix[data-fix="display"]::before { content: "suggestion (not a fix)"; }
.fix:is([data-fix="unsafe"], [data-fix="display"]) ins { background: #fff4d6; color: #4a3200; border-color: #e0a800; }
.fix small { display: block; font-size: .8rem; color: var(--muted); }
.source mark { box-shadow: none; }
mark { background: #ffe24d; color: #000; padding: 0 .12em; border-radius: .15em; box-shadow: inset 0 -.16em 0 var(--error); }
li.warning mark { box-shadow: inset 0 -.16em 0 #c77700; }
li.info mark { box-shadow: inset 0 -.16em 0 var(--info); }
ins { text-decoration: none; display: inline-block; margin: .1rem 0; padding: .05rem .4rem; border-radius: .25rem;
  background: #dff2e4; color: #0f3d1f; border: 1px solid #6fbf86; font-weight: 600; }
section.file > ol > li > a { grid-column: 1 / -1; font-size: .88rem; }
section.file > ol > li > a::before { content: "same message as above"; }
.message { display: block; font-size: .88rem; color: var(--muted); overflow-wrap: anywhere; }
.tag { display: inline-block; padding: 0 .2rem; margin: 0 .1rem; border: 1px solid #8a8a92; border-radius: .2rem;
  font: .7rem/1.3 ui-monospace, "DejaVu Sans Mono", monospace; color: var(--muted); vertical-align: middle; }
.empty { font-style: italic; }
@media (max-width: 44rem) {
  .columns { grid-template-columns: minmax(0, 1fr); }
  section.file > ol > li { display: block; }
  h1 { font-size: 1.3rem; }
  .verdict { font-size: 1rem; }
  .filters { position: static; }
  .filters select { max-width: 100%; }
  th, td { padding: .25rem .35rem; }
  table { font-size: .88rem; }
  td.term { overflow-wrap: anywhere; }
}
@media print { nav, .filters { display: none; } section.file > ol > li { break-inside: avoid; } }
"""


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


# The page may load nothing and run only its own style and script: text from the checked
# files is escaped, and this holds even if something slipped through.
_POLICY = (f"default-src 'none'; style-src {_csp_hash(_STYLE)}; script-src {_csp_hash(_SCRIPT)}; "
           "base-uri 'none'; form-action 'none'")

_HEAD = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="generator" content="mtcheck">
<title>{{title}}</title>
<style>{_STYLE}</style>
</head>
<body>
"""
