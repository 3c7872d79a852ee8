"""The HTML report: its markup (escaping, languages, one finding per record, the run's date and
command, the source beside a bilingual finding, its size), then the page as a person sees it,
rendered by a real headless Chromium (Debian's, driven by Playwright): the findings on the first
screen, the filters, the page without scripts."""
from __future__ import annotations

import os
import re
import shutil
import sys
from collections import Counter
from pathlib import Path

import pytest
from conftest import SEEDS
from lxml import html as lxml_html
from lxml.etree import XPath

from mtcheck.model import excerpt
from mtcheck.report import html as html_report

SEED_002 = SEEDS / "002_05a2dbefffaaf20c.txt"
DATE = re.compile(r"<time>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ</time>")
_FINDINGS = XPath("//section[contains(concat(' ', normalize-space(@class), ' '), ' file ')]/ol/li")


def _css(element, selector: str) -> list:
    """Elements by a simple selector: `tag.class` or `.class`, each step a descendant."""
    path = "."
    for step in selector.split():
        tag, _, cls = step.partition(".")
        test = f"[contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')]" if cls else ""
        path += f"//{tag or '*'}{test}"
    return XPath(path)(element)


def _findings(tree) -> list:
    """The findings' items, in page order."""
    return _FINDINGS(tree)


def _file_of(item) -> str:
    """The file a finding is in: its section's heading."""
    return item.getparent().getparent().find("h3/code").text


def _message_of(tree, item) -> str:
    """A finding's message: its own, or the one it links to (a long message said before)."""
    link = item.find("a")
    if link is not None:
        return tree.get_element_by_id(link.get("href")[1:]).text_content()
    return _css(item, "p.message")[0].text_content()


def _status(rendering: dict) -> str:
    return f"foreign ({rendering['foreign_lang']})" if rendering["foreign_lang"] else rendering["status"]


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory) -> tuple[Path, dict]:
    """The seeds' HTML report on disk, and their JSON report to check it against."""
    from conftest import run_cli, run_cli_json

    page = tmp_path_factory.mktemp("html") / "report.html"
    code, _, err = run_cli("check", SEEDS, "--format", "html", "-o", page)
    assert code == 1, err
    _, report, _ = run_cli_json("check", SEEDS)
    return page, report


GLOSSARY = ("concept,lang,term,status\nfolder,en,folder,preferred\nfolder,de,Ordner,preferred\n"
            "folder,de,Verzeichnis,deprecated\nfile,en,file,preferred\nfile,de,Datei,preferred\n")
UNITS = [("Save the file to a folder.", "Speichern Sie die Datei."),  # GL004: "folder" not rendered
         ("Open the folder.", "Den Ordner öffnen."),
         ("Open the folder.", "Ordner aufmachen."),  # GL005: u2 translated it otherwise
         ("Copy the file into the folder.", "Kopieren Sie die Datei in das Verzeichnis."),  # GL001
         ("Close the window.", "Den Ordner öffnen.")]  # GL005: u2's translation of another source


@pytest.fixture(scope="module")
def bilingual_report(tmp_path_factory) -> tuple[Path, dict]:
    """The HTML and JSON reports of an XLIFF file whose findings show their source."""
    from conftest import run_cli, run_cli_json

    folder = tmp_path_factory.mktemp("bilingual")
    units = "".join(f'<trans-unit id="u{n}"><source>{s}</source><target>{t}</target></trans-unit>\n'
                    for n, (s, t) in enumerate(UNITS, 1))
    (folder / "t.xlf").write_text('<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">\n'
                                  '<file source-language="en" target-language="de" datatype="plaintext"><body>\n'
                                  f'{units}</body></file></xliff>\n', encoding="utf-8")
    (folder / "g.csv").write_text(GLOSSARY, encoding="utf-8")
    args = ("check", folder / "t.xlf", "-g", folder / "g.csv", "--isolated")
    code, _, err = run_cli(*args, "--format", "html", "-o", folder / "report.html")
    assert code == 1, err
    _, report, _ = run_cli_json(*args)
    assert sorted(f["rule"] for f in report["findings"]) == ["GL001", "GL004", "GL005", "GL005"]
    return folder / "report.html", report


LINES = ["Die Fachkundige Massenmobilisierung wächst.", "Die geschickte Massenmobilisierung ist wichtig.",
         "Die gekonnte Massenmobilisierung ist gut."]


def _many_files(folder: Path, count: int) -> Path:
    """`count` small German files in `folder`, each with a GL001 and a GL002 finding."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (folder / f"doc{number:04d}.txt").write_text("\n".join(LINES) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def many_files_report(tmp_path_factory) -> tuple[Path, dict]:
    """A run over 40 files: the HTML report on disk, and the JSON report."""
    from conftest import run_cli, run_cli_json

    folder = _many_files(tmp_path_factory.mktemp("many") / "docs", 40)
    page = folder.parent / "report.html"
    code, _, err = run_cli("check", folder, "--lang", "de", "--format", "html", "-o", page)
    assert code == 1, err
    _, report, _ = run_cli_json("check", folder, "--lang", "de")
    return page, report


# --- the markup --------------------------------------------------------------------------------

def test_one_finding_per_record_with_its_text_marked(seeds_report):
    page, report = seeds_report
    tree = lxml_html.fromstring(page.read_text(encoding="utf-8"))
    items = _findings(tree)
    assert len(items) == len(report["findings"])
    for item, finding in zip(items, report["findings"]):
        assert _file_of(item) == finding["path"]  # the file once, in its section's heading
        meta = _css(item, "p.meta")[0]
        assert f"line {finding['line']}:{finding['column']}" in meta.text_content()
        assert meta.find("strong").text == f"{finding['rule']} {finding['name']}"
        assert meta.find("b").text == finding["severity"] == item.get("class")
        assert [c.text for c in meta.findall("code")] == ([finding["concept"]] if finding["concept"] else [])
        assert _message_of(tree, item) == finding["message"]
        context = _css(item, "p.context")[0]
        assert context.get("lang") == finding["lang"]
        marks = _css(context, "mark")
        if finding["rule"] in ("GL004", "GL005"):  # about the whole target: nothing to mark
            assert not marks
        else:
            assert [m.text_content() for m in marks] == [finding["text"]]
        assert [i.text_content() for i in _css(item, ".fix ins")] == finding["suggestions"]
        if finding["rule"] == "GL003":
            assert marks[0].get("lang") == finding["data"]["term_lang"]


def test_sentence_is_shown_around_the_finding(seeds_report):
    page, _ = seeds_report
    tree = lxml_html.fromstring(page.read_text(encoding="utf-8"))
    context = next(p for p in _css(tree, "p.context")
                   if [m.text_content() for m in _css(p, "mark")] == ["Fachkundige Massenmobilisierung"])
    sentence = context.text_content()
    # A long sentence of seed 002, line 20: cut at words on both sides, about 160 characters each.
    assert sentence.startswith("…für Massenmobilisierung und der Anweisungen")
    assert "die Nachahmungsbewegung „Fachkundige Massenmobilisierung“ jedes Jahr" in sentence
    assert sentence.endswith("sowie den…") and len(sentence) <= 31 + 2 * 160 + 2
    line = SEED_002.read_text(encoding="utf-8").split("\n")[19]
    assert sentence.strip("…") in line


def test_excerpt_is_the_sentence_bounded():
    text = "Das ist gut. Hier steht z. B. die „Fachkundige Massenmobilisierung“ im Satz. Danach mehr."
    start = text.index("Fachkundige")
    context, first, last = excerpt(text, start, start + 31)
    assert context == "Hier steht z. B. die „Fachkundige Massenmobilisierung“ im Satz."
    assert context[first:last] == "Fachkundige Massenmobilisierung"
    long = "wort " * 200 + "Ziel " + "wort " * 200
    start = long.index("Ziel")
    context, first, last = excerpt(long, start, start + 4, reach=50)
    assert context.startswith("…") and context.endswith("…") and len(context) <= 4 + 2 * 50 + 2
    assert context[first:last] == "Ziel"


def test_a_kept_sentence_is_the_excerpt_of_the_whole_text():
    # Findings keep only a window of their segment; it must give what the whole text gives,
    # for a span at every word of the seeds (sentence ends, initials, quotes, long lines).
    import re

    from mtcheck.model import Segment

    compared = 0
    for path in sorted(SEEDS.glob("*.txt")):
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
            segment = Segment(line, str(path), number)
            for word in re.finditer(r"\w+(?: \w+)?", line):
                start, end = word.span()
                assert segment.sentence(start, end).excerpt == excerpt(line, start, end), (path.name, number, start)
                compared += 1
    assert compared > 4_000


def test_findings_carry_their_sentence(lint, monkeypatch):
    from mtcheck.rules import inconsistent

    text = ("Die geschickte Massenmobilisierung wirkt. Die gekonnte Massenmobilisierung ist gut.\n"
            "Dann kam die fachkundige Massenmobilisierung. Die gekonnte Massenmobilisierung auch.")
    findings = {(f.rule, f.location.line): f for f in lint("de", text)}
    deprecated, inconsistent_first = findings["GL001", 2], findings["GL002", 1]
    assert deprecated.context == "Dann kam die fachkundige Massenmobilisierung."
    assert deprecated.context[deprecated.context_start:deprecated.context_end] == deprecated.text
    assert inconsistent_first.context == "Die gekonnte Massenmobilisierung ist gut."
    assert "context" not in deprecated.to_record()  # the JSON contract is unchanged
    assert len(inconsistent_first.data["places"]) == 2  # one finding for the rendering's two places
    monkeypatch.setattr(inconsistent, "HELD_CONTEXTS", 0)  # GL002 keeps a bounded number of sentences
    held = [f for f in lint("de", text) if f.rule == "GL002"]
    assert [bool(f.context) for f in held] == [False]


def test_text_is_escaped_and_nothing_is_loaded(cli, tmp_path):
    text = tmp_path / "böse.txt"
    text.write_text('<script>alert("x")</script> Die „Fachkundige Massenmobilisierung“ & «Skilled Mass '
                    'Mobilization» <img src="https://example.org/x.png"> İSTANBUL ıi\n', encoding="utf-8")
    code, out, _ = cli("check", text, "--lang", "de", "--format", "html")
    assert code == 1
    lower = out.lower()
    # One script, the page's own filters, inline; the text's is text.
    assert lower.count("<script") == 1 and "<img" not in lower and "@import" not in lower and "url(" not in lower
    assert '&lt;script&gt;alert("x")&lt;/script&gt;' in out and "&lt;img src=" in out
    tree = lxml_html.fromstring(out)
    assert not tree.xpath("//img | //link | //iframe | //object | //@src")
    assert [s.text for s in tree.xpath("//script")] == [html_report._SCRIPT]
    assert all(href.startswith("#") for href in tree.xpath("//@href"))
    policy = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "default-src 'none'" in policy and "script-src 'sha256-" in policy and "unsafe" not in policy
    sentence = _css(tree, "p.context")[0].text_content()
    assert '<script>alert("x")</script>' in sentence and "İSTANBUL ıi" in sentence
    assert {m.text_content() for m in _css(tree, "mark")} == {"Fachkundige Massenmobilisierung",
                                                                   "Skilled Mass Mobilization"}
    assert tree.get("lang") == "en"


def test_clean_text_says_so(cli, tmp_path):
    text = tmp_path / "clean.txt"
    text.write_text("Die geschickte Massenmobilisierung ist wichtig.\n", encoding="utf-8")
    code, out, _ = cli("check", text, "--lang", "de", "--format", "html")
    assert code == 0
    tree = lxml_html.fromstring(out)
    assert "No findings" in _css(tree, ".verdict")[0].text_content()
    assert not _findings(tree) and not tree.xpath("//form")  # nothing to filter
    assert _css(tree, "table.renderings")


def test_consistency_across_the_run_has_its_own_sections(cli, tmp_path):
    (tmp_path / "a.txt").write_text("Die geschickte Massenmobilisierung ist wichtig.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Die gekonnte Massenmobilisierung ist wichtig.\n", encoding="utf-8")
    code, out, _ = cli("check", tmp_path, "--lang", "de", "--consistency", "run", "--format", "html")
    assert code == 1
    tree = lxml_html.fromstring(out)
    sections = _css(tree, "section.file")
    assert sections and "across all files" in sections[-1].text_content()
    assert "gekonnte" in _css(sections[-1], "mark")[0].text_content()


def test_the_page_names_its_run(cli, tmp_path, monkeypatch):
    _many_files(tmp_path / "my docs", 1)
    monkeypatch.setattr(sys, "argv", ["/usr/bin/pytest", "-q"])  # the host's: the run is what main() was given
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli("check", "my docs", "--lang", "de", "--format", "html")
    assert code == 1
    tree = lxml_html.fromstring(out)
    run = _css(tree, "header p.run")[0]
    assert run.find("code").text == "mtcheck check 'my docs' --lang de --format html"  # as typed, quoted
    date = run.find("time").text
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", date)
    assert out.count(date[:16]) == 1, "the date is in one place"
    assert _file_of(_findings(tree)[0]) == "my docs/doc0000.txt"  # paths as given


def test_the_same_run_gives_the_same_page_but_for_its_date(cli, tmp_path, monkeypatch):
    folder = _many_files(tmp_path / "docs", 3)
    pages = []
    for date in ("2030-01-02T03:04:05Z", "2031-06-07T08:09:10Z"):
        monkeypatch.setattr(html_report, "run_date", lambda date=date: date)
        code, out, _ = cli("check", folder, "--lang", "de", "--format", "html")
        assert code == 1 and out.count(date) == 1
        pages.append(out)
    assert pages[0] != pages[1]
    assert DATE.sub("<time>DATE</time>", pages[0]) == DATE.sub("<time>DATE</time>", pages[1])


def test_the_findings_come_before_the_overview_and_renderings(seeds_report):
    page, _ = seeds_report
    text = page.read_text(encoding="utf-8")
    order = [text.index(marker) for marker in ('<section id="summary">', 'id="filters"', '<section class="file"',
                                               '<section id="overview">', '<section id="renderings">')]
    assert order == sorted(order)


def test_a_bilingual_finding_shows_its_source(bilingual_report):
    page, report = bilingual_report
    tree = lxml_html.fromstring(page.read_text(encoding="utf-8"))
    for item, finding in zip(_findings(tree), report["findings"]):
        source, = _css(item, "p.source")
        texts = [p.get("class") for p in item.findall("p")]
        assert texts.index("source") < texts.index("context"), "the source above the target"
        assert source.text_content() == finding["source"]
        if finding["rule"] == "GL004":  # the source term that the target lacks, marked
            assert [m.text for m in source.findall("mark")] == [finding["text"]] == ["folder"]
        if finding["rule"] == "GL005":
            kind, = (k for k in ("other_translation", "other_source") if k in finding["data"])
            other, = _css(item, "p." + kind.replace("_", "-"))
            assert other.text_content() == finding["data"][kind]
            assert other.get("data-where") == f"segment {finding['data']['other_segment']}, line " \
                                              f"{finding['data']['other_line']}"
    kinds = [k for f in report["findings"] for k in ("other_translation", "other_source") if k in f.get("data", {})]
    assert sorted(kinds) == ["other_source", "other_translation"]


def test_a_long_source_is_cut(lint_pairs):
    from mtcheck.report.html import CONTEXT_REACH, SOURCE_SHOWN, _source

    source = "Và nhiều lời nữa. " * 30 + "Dân vận khéo. " + "Và nhiều lời nữa. " * 30
    findings = {f.rule: f for f in lint_pairs("vi", "de", [(source, "Ein langer Satz."),
                                                            (source, "Die Fachkundige Massenmobilisierung.")])}
    # A missing term: its source term marked, in its sentence.
    shown = lxml_html.fromstring(_source(findings["GL004"]))
    assert shown.text_content() == "Dân vận khéo." and shown.find("mark").text == "Dân vận khéo"
    # Any other finding: the source segment, cut after SOURCE_SHOWN characters.
    shown = lxml_html.fromstring(_source(findings["GL001"])).text_content()
    assert shown.endswith("…") and source.startswith(shown[:-1] + " ")  # cut between words
    assert SOURCE_SHOWN - 20 < len(shown) <= SOURCE_SHOWN + 1 and SOURCE_SHOWN == 2 * CONTEXT_REACH


def test_a_repeated_message_is_written_once(many_files_report):
    page, report = many_files_report
    text = page.read_text(encoding="utf-8")
    tree = lxml_html.fromstring(text)
    messages = Counter(f["message"] for f in report["findings"])
    assert len(messages) == 2 and set(messages.values()) == {40}
    for message in messages:
        assert text.count(html_report._e(message)) == 1
    assert [_message_of(tree, item) for item in _findings(tree)] == [f["message"] for f in report["findings"]]


def test_a_big_run_stays_small(cli, tmp_path, monkeypatch):
    # Each finding is written as what differs between findings: files of two findings each once
    # made a page of 930 bytes a finding, most of it labels, paths and messages said again.
    monkeypatch.chdir(tmp_path)
    _many_files(tmp_path / "docs", 300)
    code, out, _ = cli("check", "docs", "--lang", "de", "--format", "html")
    assert code == 1
    assert len(_findings(lxml_html.fromstring(out))) == 600
    assert len(out.encode("utf-8")) / 600 < 450


# --- the page in a real browser ------------------------------------------------------------------

def _chromium() -> str | None:
    for name in (os.environ.get("MTCHECK_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def _unavailable(reason: str) -> None:
    # CI installs Chromium (.ci/run) and sets MTCHECK_REQUIRE_BROWSER, so that a broken install
    # fails there instead of skipping quietly.
    if os.environ.get("MTCHECK_REQUIRE_BROWSER"):
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed: pip install -e '.[test]'")
    executable = _chromium()
    if executable is None:
        _unavailable("no Chromium on PATH: apt-get install chromium (Debian), or set MTCHECK_CHROMIUM")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable)
        yield launched
        launched.close()


# For each element: is it rendered with a box, not hidden, and inside the page?
_VISIBLE_JS = """el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
  return r.width > 0 && r.height > 0 && s.visibility === 'visible' && s.display !== 'none'
    && parseFloat(s.opacity) > 0 && el.checkVisibility({opacityProperty: true, visibilityProperty: true})
    && r.right > 0 && r.left < document.documentElement.scrollWidth; }"""


def _open(browser, page_path: Path, width: int, height: int, scripts: bool = True):
    context = browser.new_context(viewport={"width": width, "height": height}, java_script_enabled=scripts)
    page = context.new_page()
    requests: list[str] = []
    problems: list[str] = []  # a script error, or the page's policy refusing its own style or script
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(page_path.as_uri())
    page.wait_for_load_state("load")
    assert requests == [page_path.as_uri()], "the page loads nothing but itself"
    assert problems == []
    return page


def _close(page) -> None:
    context = page.context
    page.close()
    context.close()


# Each finding on the page: whether it is shown, and what a reader sees of it.
_ITEMS_JS = f"""items => items.map(item => {{
    const visible = {_VISIBLE_JS}; const mark = item.querySelector('.context mark');
    const message = item.querySelector('.message');
    return {{visible: visible(item), text: item.innerText,
             file: item.closest('section.file').querySelector('h3 code').innerText,
             message: message && visible(message) ? message.innerText : null,
             mark: mark ? mark.innerText : null, markVisible: mark ? visible(mark) : null,
             markBackground: mark ? getComputedStyle(mark).backgroundColor : null,
             fixes: [...item.querySelectorAll('.fix ins')].filter(visible).map(i => i.innerText)}}; }})"""


def _shown(page) -> list[dict]:
    return page.locator("section.file > ol > li").evaluate_all(_ITEMS_JS)


def test_findings_and_renderings_are_visible_in_chromium(browser, seeds_report):
    page_path, report = seeds_report
    summary = report["summary"]
    page = _open(browser, page_path, 1280, 800)
    try:
        # The summary, at the top of the first screen.
        verdict = page.locator(".verdict")
        assert verdict.is_visible() and verdict.bounding_box()["y"] < 400
        errors, warnings = summary["by_severity"]["error"], summary["by_severity"]["warning"]
        assert f"{errors} errors to fix before publishing, {warnings} warnings to review" in verdict.inner_text()
        tiles = page.locator(".tile").all_inner_texts()
        assert any(t.split() == [str(summary["files"]), "files", "checked"] for t in tiles)

        # Every finding, visible, its text marked in its sentence, the suggestion beside it,
        # and its message (a repeated one written out again by the script).
        shown = _shown(page)
        assert len(shown) == len(report["findings"])
        for item, finding in zip(shown, report["findings"]):
            assert item["visible"] and item["file"] == finding["path"]
            assert f"line {finding['line']}:{finding['column']}" in item["text"]
            assert f"{finding['rule']} {finding['name']}" in item["text"]
            assert item["message"] == finding["message"]
            if item["mark"] is not None:
                assert item["mark"] == finding["text"] and item["markVisible"]
                assert item["markBackground"] not in ("rgba(0, 0, 0, 0)", "transparent")
            assert item["fixes"] == finding["suggestions"]

        # One finding as a translator reads it: sentence left, suggestion right.
        items = page.locator("section.file > ol > li")
        item = items.filter(has=page.locator("mark", has_text="Fachkundige Massenmobilisierung")).first
        item.scroll_into_view_if_needed()
        assert item.is_visible()
        context, fix = item.locator("p.context").bounding_box(), item.locator(".fix").bounding_box()
        assert fix["x"] >= context["x"] + context["width"]
        assert item.locator(".fix ins").inner_text() == "Geschickte Massenmobilisierung"
        assert "line 20:273" in item.inner_text()
        assert page.evaluate("el => el.closest('section.file').querySelector('h3 code').innerText",
                             item.element_handle()).endswith("002_05a2dbefffaaf20c.txt")

        # Below the findings: the concepts with most findings, and the table of renderings:
        # every row of the JSON summary, visible, with status and count.
        assert page.locator(".worst li").first.is_visible()
        table = page.locator("table.renderings")
        assert table.is_visible()
        assert table.bounding_box()["y"] > items.last.bounding_box()["y"]
        rows = table.locator("tbody tr:not(.group)")
        shown = rows.evaluate_all(f"""rows => rows.map(row => [({_VISIBLE_JS})(row),
            ...[...row.cells].map(cell => cell.innerText.trim())])""")
        assert all(row[0] for row in shown)
        assert Counter(tuple(row[1:]) for row in shown) == Counter(
            (r["term"], _status(r), str(r["count"])) for r in summary["renderings"])
        groups = table.locator("tr.group th").all_inner_texts()
        assert any("Dân vận khéo" in g and "de" in g.split() for g in groups)
    finally:
        _close(page)


@pytest.mark.parametrize("report", ["seeds_report", "many_files_report"])
def test_the_first_finding_is_on_the_first_screen(browser, report, request):
    page_path, _ = request.getfixturevalue(report)
    page = _open(browser, page_path, 1280, 800)
    try:
        first = page.locator("section.file > ol > li").first
        box = first.bounding_box()
        assert first.is_visible() and box["y"] + 60 < 800, box  # its rule and its sentence, at least
        filters = page.locator("#filters")
        assert filters.is_visible() and filters.bounding_box()["y"] < box["y"]
    finally:
        _close(page)


def _visible_findings(page) -> list[dict]:
    return [item for item in _shown(page) if item["visible"]]


def _choose(page, name: str, value: str) -> None:
    page.locator(f"#filters select[name={name}]").select_option(value)


def test_a_filter_shows_only_the_chosen_findings(browser, many_files_report):
    page_path, report = many_files_report
    findings = report["findings"]
    page = _open(browser, page_path, 1280, 800)
    try:
        output = page.locator("#filters output")
        assert output.inner_text() == f"All {len(findings)} findings shown"
        rules = page.locator("#filters select[name=rule] option").all_inner_texts()
        assert rules == ["all rules", "GL001 deprecated-rendering (40)", "GL002 inconsistent-rendering (40)"]

        _choose(page, "rule", "GL002")
        shown = _visible_findings(page)
        assert [(s["file"], s["text"].split("line ")[1].split()[0]) for s in shown] == [
            (f["path"], f"{f['line']}:{f['column']}") for f in findings if f["rule"] == "GL002"]
        assert all("GL002 inconsistent-rendering" in s["text"] for s in shown)
        assert output.inner_text() == f"40 of {len(findings)} findings shown"

        page.locator("#filters button[type=reset]").click()
        # the form's fields reset after its reset event: wait for the page to have shown it
        page.locator("#filters output", has_text=f"All {len(findings)} findings shown").wait_for()
        assert len(_visible_findings(page)) == len(findings)

        _choose(page, "severity", "error")
        assert [s["message"] for s in _visible_findings(page)] == [
            f["message"] for f in findings if f["severity"] == "error"]

        chosen = findings[7]["path"]
        _choose(page, "severity", "")
        _choose(page, "file", chosen)
        shown = _visible_findings(page)
        assert {s["file"] for s in shown} == {chosen} and len(shown) == sum(f["path"] == chosen for f in findings)
        sections = page.locator("section.file").evaluate_all(f"els => els.filter({_VISIBLE_JS}).length")
        assert sections == 1, "the other files' headings go too"
        first = page.locator("section.file > ol > li:visible").first
        assert first.bounding_box()["y"] < 800

        _choose(page, "severity", "warning")  # filters combine
        assert [s["text"].split()[1] for s in _visible_findings(page)] == ["GL002"]
    finally:
        _close(page)


def test_without_scripts_the_page_shows_every_finding(browser, many_files_report):
    page_path, report = many_files_report
    page = _open(browser, page_path, 1280, 800, scripts=False)
    try:
        assert not page.locator("#filters").is_visible(), "no controls that would do nothing"
        shown = _shown(page)
        assert len(shown) == len(report["findings"]) and all(item["visible"] for item in shown)
        assert page.locator("section.file > ol > li").first.bounding_box()["y"] < 800
        again = page.locator("section.file > ol > li > a").first  # a message said above: a link to it
        assert again.is_visible()
        assert page.evaluate("el => getComputedStyle(el, '::before').content", again.element_handle()) \
            == '"same message as above"'
        again.click()
        assert page.evaluate("location.hash") == again.get_attribute("href")
    finally:
        _close(page)


def test_a_bilingual_finding_shows_its_source_in_chromium(browser, bilingual_report):
    page_path, report = bilingual_report
    page = _open(browser, page_path, 1280, 800)
    try:
        items = page.locator("section.file > ol > li")
        assert items.count() == len(report["findings"])
        for index, finding in enumerate(report["findings"]):
            item = items.nth(index)
            source, target = item.locator("p.source"), item.locator("p.context")
            assert source.is_visible() and source.inner_text().endswith(finding["source"])
            label = page.evaluate("el => getComputedStyle(el, '::before').content", source.element_handle())
            assert label == '"source"'
            assert source.bounding_box()["y"] + source.bounding_box()["height"] <= target.bounding_box()["y"]
            for kind, words in (("other_translation", "other translation"), ("other_source", "other source")):
                if kind in finding.get("data", {}):
                    other = item.locator("p." + kind.replace("_", "-"))
                    assert other.is_visible() and other.inner_text().endswith(finding["data"][kind])
                    label = page.evaluate("el => getComputedStyle(el, '::before').content", other.element_handle())
                    data = finding["data"]
                    assert label == f'"{words} (segment {data["other_segment"]}, line {data["other_line"]})"'
        missing = items.filter(has_text="GL004").locator("p.source mark")
        assert missing.inner_text() == "folder" and missing.is_visible()
    finally:
        _close(page)


def test_page_reads_on_a_phone(browser, seeds_report):
    page_path, _ = seeds_report
    page = _open(browser, page_path, 375, 812)
    try:
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), "no sideways scrolling"
        assert page.locator(".scroll").evaluate_all("els => els.every(e => e.scrollWidth <= e.clientWidth)"), \
            "the tables fit the screen"
        assert page.locator("table.renderings td.count").first.is_visible()
        item = page.locator("section.file > ol > li").first
        item.scroll_into_view_if_needed()
        context, fix = item.locator("p.context").bounding_box(), item.locator(".fix").bounding_box()
        assert fix["y"] >= context["y"] + context["height"], "the suggestion goes below the sentence"
        assert context["x"] + context["width"] <= 375
        filters = page.locator("#filters").bounding_box()
        assert filters["x"] + filters["width"] <= 375
    finally:
        _close(page)
