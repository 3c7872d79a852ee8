"""The HTML report: its markup (escaping, languages, one finding per record), then the page as a
person sees it, rendered by a real headless Chromium (Debian's, driven by Playwright)."""
from __future__ import annotations

import os
import shutil
from collections import Counter
from pathlib import Path

import pytest
from conftest import SEEDS
from lxml import html as lxml_html
from lxml.etree import XPath

from mtcheck.model import excerpt

SEED_002 = SEEDS / "002_05a2dbefffaaf20c.txt"


def _css(element, selector: str) -> list:
    """Elements by a simple selector: `tag.class` or `.class`, each step a descendant."""
    path = "."
    for step in selector.split():
        tag, _, cls = step.partition(".")
        test = f"[contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')]" if cls else ""
        path += f"//{tag or '*'}{test}"
    return XPath(path)(element)


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


# --- the markup --------------------------------------------------------------------------------

def test_one_finding_per_record_with_its_text_marked(seeds_report):
    page, report = seeds_report
    tree = lxml_html.fromstring(page.read_text(encoding="utf-8"))
    items = _css(tree, "li.finding")
    assert len(items) == len(report["findings"])
    for item, finding in zip(items, report["findings"]):
        place = f"{finding['path']}:{finding['line']}:{finding['column']}"
        assert place in item.text_content()
        assert _css(item, ".rule code")[0].text == finding["rule"]
        assert finding["severity"] in item.get("class").split()
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
    assert "<script" not in lower and "<img" not in lower and "@import" not in lower and "url(" not in lower
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in out
    tree = lxml_html.fromstring(out)
    assert not tree.xpath("//script | //img | //link | //iframe | //object | //@src")
    assert all(href.startswith("#") for href in tree.xpath("//@href"))
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
    assert not _css(tree, "li.finding")
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


def _open(browser, page_path: Path, width: int, height: int):
    page = browser.new_page(viewport={"width": width, "height": height})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(page_path.as_uri())
    page.wait_for_load_state("load")
    assert requests == [page_path.as_uri()], "the page loads nothing but itself"
    return page


def test_findings_and_renderings_are_visible_in_chromium(browser, seeds_report):
    page_path, report = seeds_report
    summary = report["summary"]
    page = _open(browser, page_path, 1280, 900)
    try:
        # The summary, at the top of the first screen.
        verdict = page.locator(".verdict")
        assert verdict.is_visible() and verdict.bounding_box()["y"] < 900
        errors, warnings = summary["by_severity"]["error"], summary["by_severity"]["warning"]
        assert f"{errors} errors to fix before publishing, {warnings} warnings to review" in verdict.inner_text()
        tiles = page.locator(".tile").all_inner_texts()
        assert any(t.split() == [str(summary["files"]), "files", "checked"] for t in tiles)
        assert page.locator(".worst li").first.is_visible()

        # The table of renderings: every row of the JSON summary, visible, with status and count.
        table = page.locator("table.renderings")
        assert table.is_visible()
        rows = table.locator("tbody tr:not(.group)")
        shown = rows.evaluate_all(f"""rows => rows.map(row => [({_VISIBLE_JS})(row),
            ...[...row.cells].map(cell => cell.innerText.trim())])""")
        assert all(row[0] for row in shown)
        assert Counter(tuple(row[1:]) for row in shown) == Counter(
            (r["term"], _status(r), str(r["count"])) for r in summary["renderings"])
        groups = table.locator("tr.group th").all_inner_texts()
        assert any("Dân vận khéo" in g and "de" in g.split() for g in groups)

        # Every finding, visible, its text marked in its sentence, the suggestion beside it.
        items = page.locator("li.finding")
        shown = items.evaluate_all(f"""items => items.map(item => {{
            const visible = {_VISIBLE_JS}; const mark = item.querySelector('mark');
            return {{visible: visible(item), text: item.innerText,
                     mark: mark ? mark.innerText : null, markVisible: mark ? visible(mark) : null,
                     markBackground: mark ? getComputedStyle(mark).backgroundColor : null,
                     fixes: [...item.querySelectorAll('.fix ins')].filter(visible).map(i => i.innerText)}}; }})""")
        assert len(shown) == len(report["findings"])
        for item, finding in zip(shown, report["findings"]):
            assert item["visible"]
            assert f"{finding['path']}:{finding['line']}:{finding['column']}" in item["text"]
            assert finding["rule"] in item["text"] and finding["name"] in item["text"]
            if item["mark"] is not None:
                assert item["mark"] == finding["text"] and item["markVisible"]
                assert item["markBackground"] not in ("rgba(0, 0, 0, 0)", "transparent")
            assert item["fixes"] == finding["suggestions"]

        # One finding as a translator reads it: sentence left, suggestion right.
        item = items.filter(has=page.locator("mark", has_text="Fachkundige Massenmobilisierung")).first
        item.scroll_into_view_if_needed()
        assert item.is_visible()
        context, fix = item.locator("p.context").bounding_box(), item.locator(".fix").bounding_box()
        assert fix["x"] >= context["x"] + context["width"]
        assert item.locator(".fix ins").inner_text() == "Geschickte Massenmobilisierung"
        assert "002_05a2dbefffaaf20c.txt:20:273" in item.inner_text()
    finally:
        page.close()


def test_page_reads_on_a_phone(browser, seeds_report):
    page_path, _ = seeds_report
    page = _open(browser, page_path, 375, 812)
    try:
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), "no sideways scrolling"
        assert page.locator(".scroll").evaluate_all("els => els.every(e => e.scrollWidth <= e.clientWidth)"), \
            "the tables fit the screen"
        assert page.locator("table.renderings td.count").first.is_visible()
        item = page.locator("li.finding").first
        item.scroll_into_view_if_needed()
        context, fix = item.locator("p.context").bounding_box(), item.locator(".fix").bounding_box()
        assert fix["y"] >= context["y"] + context["height"], "the suggestion goes below the sentence"
        assert context["x"] + context["width"] <= 375
    finally:
        page.close()
