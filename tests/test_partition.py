"""A large translation memory checked in parts by several workers reports what the file
checked whole reports (mtcheck.partition, mtcheck.formats.parts)."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from mtcheck.errors import MtcheckError
from tests.conftest import run_cli

FILLER_SOURCES = ("The commune reviewed the annual plan for {n} households.",
                  "Local authorities discussed the water supply in ward {n}.",
                  "The youth union supported the rice harvest with {n} participants.")
FILLER_TARGETS = ("Die Gemeinde prüfte den Jahresplan für {n} Haushalte.",
                  "Die Behörden besprachen die Wasserversorgung im Bezirk {n}.",
                  "Der Jugendverband unterstützte die Reisernte mit {n} Teilnehmern.")
# (source, target) pairs whose findings depend on what came before in the file.
EARLY = [
    ("The Vietnam Fatherland Front met.", "Die Vaterländische Front Vietnams (VFV) tagte."),
    ("The Vietnam Fatherland Front grew.", "Die Vietnamesische Vaterländische Front wuchs."),
    ("Skilful mass mobilisation matters.", "Die geschickte Massenmobilisierung zählt."),
    ("Local budgets were approved.", "Die Haushalte wurden genehmigt."),
    ("The plan was adopted.", "Der Plan wurde angenommen."),
]
LATER = [
    ("The Vietnam Fatherland Front decided.", "Die VFV entschied."),       # defined in an earlier part
    ("The Vietnam Fatherland Front voted.", "Die VVF stimmte ab."),        # the initialism of a term used
    ("Skilful mass mobilisation helps.", "Die gekonnte Massenmobilisierung hilft."),  # GL002 across parts
    ("Local budgets were approved.", "Die lokalen Haushalte wurden bewilligt."),      # GL005 same source
    ("The budget was adopted.", "Der Plan wurde angenommen."),                       # GL005 same target
    ("Skilful mass mobilisation grows.", "Die fachkundige Massenmobilisierung wächst."),  # GL001
    ("Site clearance began.", "Die site clearance begann."),                          # GL003
    ("Grassroots democracy works.", "Die Volksherrschaft funktioniert."),            # GL004
]


def _pairs(units: int, seed: int):
    """(number, source, target) of each unit: the pairs above early and again and again later,
    between fillers."""
    rng = random.Random(seed)
    for number in range(units):
        if number < len(EARLY):
            source, target = EARLY[number]
        elif number % 7 == 0:
            source, target = LATER[(number // 7) % len(LATER)]
        else:
            which, n = rng.randrange(3), rng.randrange(10, 99_999)
            source, target = FILLER_SOURCES[which].format(n=n), FILLER_TARGETS[which].format(n=n)
        yield number, source, target


def _memory(path, units: int = 400, seed: int = 7, crlf: bool = False, comment: str = "") -> str:
    """A TMX of `units` units: the pairs above early and again and again later, between
    fillers; every third unit has no tuid."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<tmx version="1.4">',
             '  <header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en"'
             ' srclang="en" datatype="plaintext"/>', "  <body>"]
    for number, source, target in _pairs(units, seed):
        tuid = f' tuid="u{number}"' if number % 3 else ""
        if number == units // 2 and comment:
            lines.append(comment)
        lines += [f"    <tu{tuid}>", f'      <tuv xml:lang="en"><seg>{source}</seg></tuv>',
                  f'      <tuv xml:lang="de"><seg>{target}</seg></tuv>', "    </tu>"]
    lines += ["  </body>", "</tmx>", ""]
    path.write_bytes(("\r\n" if crlf else "\n").join(lines).encode("utf-8"))
    return str(path)


@pytest.fixture
def small_parts(monkeypatch):
    """Parts of a few kilobytes, so that a test's file is cut in several."""
    from mtcheck import partition

    monkeypatch.setattr(partition, "MIN_PART_BYTES", 2048)
    monkeypatch.setattr(partition, "MAX_PART_BYTES", 6144)


def _check(path, output, jobs, *args):
    code, _, err = run_cli("check", path, "--demo-glossary", "--lang", "de", "-o", output, "--jobs", jobs, *args)
    return code, output.read_bytes(), err


def test_parts_read_the_segments_of_the_whole_file(tmp_path):
    """Each part parses on its own to the whole file's segments there: texts, ids (a unit
    without a tuid numbered as in the file), lines and columns, with LF or CRLF line ends."""
    from mtcheck.formats.parts import tmx_parts
    from mtcheck.formats.tmx import TmxFile

    for crlf in (False, True):
        path = _memory(tmp_path / f"m{crlf}.tmx", crlf=crlf)
        parts = tmx_parts(path, 4096)
        assert parts is not None and len(parts) >= 5
        whole = [_plain(s) for s in TmxFile(path).segments()]
        cut = [_plain(s) for part in parts for s in TmxFile(path, part=part).segments()]
        assert cut == whole
        assert {s[4] for s in whole if s[4]} >= {"1", "u1"}  # ids of both kinds


def _plain(segment) -> tuple:
    places = segment.places
    return (segment.text, segment.line, segment.column, segment.source, segment.id,
            None if places is None else segment.locate(0, len(segment.text)))


@pytest.mark.parametrize("output_format", ["json", "text"])
def test_a_memory_in_parts_reports_what_it_reports_whole(tmp_path, small_parts, output_format):
    """Abbreviations defined in one part and used in another, the first translation of a
    source in another part, renderings counted across parts: the report of two workers, each
    checking parts, is the one-process report, byte for byte."""
    from mtcheck.partition import parts_of

    path = _memory(tmp_path / "memory.tmx")
    assert len(parts_of(path, 2)) >= 4
    one = _check(path, tmp_path / "one", "1", "--format", output_format)
    two = _check(path, tmp_path / "two", "2", "--format", output_format)
    assert two == one
    if output_format == "json":
        assert {"GL001", "GL002", "GL003", "GL004", "GL005"} <= {f["rule"] for f in json.loads(one[1])["findings"]}


def test_what_a_part_learns_from_the_parts_before_it_decides_its_findings(tmp_path, small_parts):
    """The findings that depend on earlier parts are there: no missing term where an earlier
    part defined the abbreviation the segment uses, GL005 naming the first translation from
    another part, GL002 counting the renderings of every part."""
    path = _memory(tmp_path / "memory.tmx")
    findings = json.loads(_check(path, tmp_path / "two", "2", "--format", "json")[1])["findings"]
    missing = [f for f in findings if f["rule"] == "GL004"]
    assert missing and {f["text"] for f in missing} == {"Grassroots democracy"}  # not the VFV, VVF units
    same_source = [f for f in findings if f["rule"] == "GL005" and f["data"]["kind"] == "same-source"]
    assert len(same_source) > 5 and {f["data"]["other_segment"] for f in same_source} == {"4"}  # no tuid: 4th
    across = [f for f in findings if f["rule"] == "GL002" and f["text"] == "gekonnte Massenmobilisierung"]
    assert len(across) == 1 and across[0]["data"]["counts"] == {"geschickte Massenmobilisierung": 1,
                                                                "gekonnte Massenmobilisierung": 7}


def test_a_streamed_report_in_parts_is_the_whole_file_s(tmp_path, small_parts, monkeypatch):
    """A file with more findings than a file holds back is streamed; its parts' findings, and
    GL002's at the end, come in the same order."""
    from mtcheck import engine

    monkeypatch.setattr(engine, "HELD_FINDINGS", 40)
    path = _memory(tmp_path / "memory.tmx")
    for output_format in ("json", "text"):
        one = _check(path, tmp_path / "one", "1", "--format", output_format)
        two = _check(path, tmp_path / "two", "2", "--format", output_format)
        assert two == one


def test_the_first_segments_a_file_remembers_are_the_same_in_parts(tmp_path, small_parts, monkeypatch):
    """GL005 remembers a file's first sources and translations up to a bound; in parts, the
    run's process takes each part's first ones into the file's table in order, so that the
    same ones are remembered and a later segment is compared only where one process compares it."""
    from mtcheck.rules import translation

    path = _memory(tmp_path / "memory.tmx")
    for remembered in (3, 60):  # the first three sources (not the budgets' 4th), or all
        monkeypatch.setattr(translation, "REMEMBERED", remembered)
        one = _check(path, tmp_path / "one", "1", "--format", "json")
        two = _check(path, tmp_path / "two", "2", "--format", "json")
        assert two == one
        assert any(f["rule"] == "GL005" for f in json.loads(one[1])["findings"]) == (remembered == 60)


def test_a_cut_that_is_no_unit_s_start_has_the_file_checked_whole(tmp_path, small_parts):
    """A comment whose line opens a <tu> is cut at: that part does not read as counted, and
    the file is checked whole, with the same report."""
    comment = "    <!--\n    <tu> a unit left out\n    -->"
    path = _memory(tmp_path / "memory.tmx", comment=comment)
    one = _check(path, tmp_path / "one", "1", "--format", "json")
    two = _check(path, tmp_path / "two", "2", "--format", "json")
    assert two == one and json.loads(one[1])["findings"]


def test_a_malformed_part_reports_the_whole_file_s_error(tmp_path, small_parts):
    path = _memory(tmp_path / "memory.tmx")
    text = Path(path).read_text(encoding="utf-8")
    cut = text.index("<tu", len(text) * 3 // 4)
    broken = tmp_path / "broken.tmx"
    broken.write_text(text[:cut] + "<tu><tuv></tu>" + text[cut:], encoding="utf-8")
    one = _check(str(broken), tmp_path / "one", "1", "--format", "json")
    two = _check(str(broken), tmp_path / "two", "2", "--format", "json")
    assert one[0] == 2 and "malformed XML" in one[2]
    assert two == one


def test_a_foreign_term_is_reported_with_its_own_segment(lint):
    """GL003 reports a foreign term that nothing in its segment glosses with that segment's
    findings, not when the next match comes (which may be in another block, or part)."""
    from mtcheck.model import Segment
    from mtcheck.rules import Document
    from mtcheck.rules.foreign import ForeignRendering
    from mtcheck.glossary import load_glossary
    from mtcheck.glossary.shipped import shipped_glossary
    from mtcheck.engine import Checker

    checker = Checker(load_glossary(shipped_glossary()), [ForeignRendering])
    segments = [Segment("Die Skilled Mass Mobilization wächst.", "a.txt", 1, lang="de"),
                Segment("Die geschickte Massenmobilisierung hilft.", "a.txt", 2, lang="de")]
    matcher = checker.matcher.for_language("de")
    rule = ForeignRendering(Document("a.txt", "de", checker.glossary))
    first, second = (matcher.matches(segment) for segment in segments)
    assert [f.text for f in rule.on_matches(first)] == ["Skilled Mass Mobilization"]
    assert list(rule.on_matches(second)) == [] and list(rule.on_end()) == []


@pytest.mark.parametrize("kind", ["tmx", "po", "xliff"])
def test_a_dask_cluster_checks_a_memory_in_parts_as_one_process_does(tmp_path, small_parts, cluster, kind):
    """On a cluster each part is begun in one task and finished, once the parts before it are
    known, in another on the worker holding it: the report is the one-process report."""
    path = {"tmx": _memory, "po": _catalog, "xliff": _xliff}[kind](tmp_path / f"ui.de.{kind}")
    for output_format in ("json", "text"):
        one = _check(path, tmp_path / "one", "1", "--format", output_format)
        remote = run_cli("check", path, "--demo-glossary", "--lang", "de", "-o", tmp_path / "remote",
                         "--scheduler", cluster, "--format", output_format)
        assert (remote[0], (tmp_path / "remote").read_bytes(), remote[2]) == one


def test_a_part_whose_worker_is_gone_is_begun_again_where_it_is_finished(tmp_path):
    """The task that finishes a part on a worker that did not begin it (that one gone) begins
    it again there: the same result."""
    from mtcheck import cluster as dask_runner
    from mtcheck.formats.parts import tmx_parts
    from mtcheck.partition import SplitFile
    from mtcheck.rules import DEFAULT_RULES

    path = _memory(tmp_path / "memory.tmx")
    parts = tmx_parts(path, 6144)
    setup = dask_runner.Setup((), True, "de", None, tuple(DEFAULT_RULES), (), "file", None, True, True)
    split = SplitFile(path, len(parts))
    entries = [entry for part in parts
               for _, _, entry in split.summarized(dask_runner._begin_part_task("r", part, "de", setup))]
    kept = [dask_runner._finish_part_task("r", part, "de", entry, setup) for part, entry in zip(parts, entries)]
    again = [dask_runner._finish_part_task("gone", part, "de", entry, setup) for part, entry in zip(parts, entries)]
    assert not dask_runner._BEGUN
    assert [(r.count, [f.to_record() for f in r.findings]) for r in again] == \
        [(r.count, [f.to_record() for f in r.findings]) for r in kept]
    assert sum(r.count for r in kept) > 10


def test_a_foreign_term_s_finding_shows_its_own_segment_s_source(tmp_path):
    """A foreign term that ends a segment is reported beside that segment's source, not the
    source of the segment whose match came next."""
    po = tmp_path / "ui.de.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "We praise skilful mass mobilisation"\nmsgstr "Wir loben die Skilled Mass Mobilization"\n\n'
                  'msgid "The Vietnam Fatherland Front met"\nmsgstr "Die Vaterländische Front Vietnams tagte"\n',
                  encoding="utf-8")
    code, out, _ = run_cli("check", po, "--demo-glossary", "--format", "json", "--select", "GL003", "--jobs", "1")
    foreign = json.loads(out)["findings"]
    assert [(f["text"], f["source"]) for f in foreign] == [
        ("Skilled Mass Mobilization", "We praise skilful mass mobilisation")]


def test_a_part_s_second_task_moves_when_the_worker_holding_the_part_leaves():
    """The second task of a part is pinned to the worker holding the part; where that worker
    leaves the cluster first, the task is given to any worker (which begins the part again)."""
    pytest.importorskip("distributed")
    from mtcheck import cluster as dask_runner

    class Future:
        def __init__(self, result):
            self.value = result

        def result(self, timeout=None):
            if self.value is None:
                raise TimeoutError
            return self.value

    class Client:
        submitted: list = []

        def submit(self, *task, workers=None, allow_other_workers=False, **_):
            self.submitted.append((workers, allow_other_workers))
            return Future(None if workers else "finished elsewhere")

        def scheduler_info(self):
            return {"workers": {"tcp://other:1": {}}}  # the holder has left

        def cancel(self, futures):
            pass
    client = Client()
    first = dask_runner._finishing(client, ["tcp://gone:1"], ("task",), "key")
    assert dask_runner._finished(client, ["tcp://gone:1"], ("task",), "key", first) == "finished elsewhere"
    assert client.submitted == [(["tcp://gone:1"], False), (None, True)]


def _catalog(path, entries: int = 400, seed: int = 7, crlf: bool = False, header: bool = True,
             broken: range = range(0)) -> str:
    """A PO file of the pairs above early and again later, between fillers, with what PO files
    hold besides: translator comments and references (and an empty line inside one entry's
    comments), contexts (a source said twice), strings over several lines, plural forms, an
    untranslated entry, obsolete entries. `broken`: these entries with an empty line between
    their msgctxt and msgid, and none after them."""
    lines = ['# German translation.', '', '#, fuzzy'] if header else []
    if header:
        lines += ['msgid ""', 'msgstr ""', '"Project-Id-Version: t 1\\n"', '"Language: de\\n"',
                  '"Content-Type: text/plain; charset=UTF-8\\n"', '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"', '']
    for number, source, target in _pairs(entries, seed):
        lines += [f"# Translator note {number}", *([""] if number % 50 == 3 else []), f"#: src/file.c:{number}"]
        if number % 11 == 5:
            lines += [f'msgctxt "u{number}"', f'msgid "{source}"', f'msgid_plural "{source}s"',
                      f'msgstr[0] "{target}"', f'msgstr[1] "{target}"', ""]
            continue
        lines.append(f'msgctxt "u{number}"')
        if number in broken:
            lines.append("")
        lines += _po_string("msgid", source, split=number % 5 == 2)
        lines += ['msgstr ""'] if number % 13 == 6 else _po_string("msgstr", target, split=number % 5 == 2)
        if number not in broken:
            lines.append("")
        if number % 97 == 50:
            lines += [f'#~ msgid "Old {number}"', f'#~ msgstr "Alt {number}"', ""]
    path.write_bytes(("\r\n" if crlf else "\n").join(lines).encode("utf-8"))
    return str(path)


def _po_string(keyword: str, text: str, split: bool) -> list[str]:
    """A PO string on one line, or `split` over two after an empty one."""
    half = len(text) // 2
    return [f'{keyword} ""', f'"{text[:half]}"', f'"{text[half:]}"'] if split else [f'{keyword} "{text}"']


def test_po_parts_read_the_segments_of_the_whole_file(tmp_path):
    """Each part of a PO file, read after the file's header entry, gives the whole file's
    segments there: texts, ids, sources, languages, lines and columns, places of strings over
    several lines; with LF or CRLF line ends, with and without a header."""
    from mtcheck.formats.parts import po_parts
    from mtcheck.formats.po import PoFile

    for crlf, header in ((False, True), (True, True), (False, False)):
        path = _catalog(tmp_path / f"m{crlf}{header}.po", crlf=crlf, header=header)
        parts = po_parts(path, 4096)
        assert parts is not None and len(parts) >= 5
        assert (parts[0].head_end > 0) == header
        whole = [_plain(s) + (s.lang, s.source_lang) for s in PoFile(path).segments()]
        cut = [_plain(s) + (s.lang, s.source_lang) for part in parts for s in PoFile(path, part=part).segments()]
        assert cut == whole
        assert {s[-2] for s in whole} == ({"de"} if header else {None})


@pytest.mark.parametrize("output_format", ["json", "text"])
def test_a_po_file_in_parts_reports_what_it_reports_whole(tmp_path, small_parts, output_format):
    """Abbreviations, the first translation of a source, renderings counted: across the parts
    of a PO file as across a memory's, the two workers' report is the one-process report."""
    from mtcheck.partition import parts_of

    path = _catalog(tmp_path / "ui.de.po")
    assert len(parts_of(path, 2)) >= 4
    one = _check(path, tmp_path / "one", "1", "--format", output_format)
    two = _check(path, tmp_path / "two", "2", "--format", output_format)
    assert two == one
    if output_format == "json":
        findings = json.loads(one[1])["findings"]
        assert {"GL001", "GL002", "GL003", "GL004", "GL005"} <= {f["rule"] for f in findings}
        assert not [f for f in findings if f["rule"] == "GL004" and f["text"] != "Grassroots democracy"]


def test_a_po_part_cut_inside_an_entry_has_the_file_checked_whole(tmp_path, small_parts):
    """An empty line between a msgctxt and its msgid looks like a place to cut: a part cut
    there does not read as counted, and the file is checked whole, with the same report."""
    from mtcheck.formats.parts import PartMisread
    from mtcheck.formats.po import PoFile
    from mtcheck.partition import parts_of

    path = _catalog(tmp_path / "ui.de.po", broken=range(100, 400))
    misread = 0
    for part in parts_of(path, 2):
        try:
            PoFile(path, part=part)
        except (PartMisread, MtcheckError):
            misread += 1
    assert misread
    one = _check(path, tmp_path / "one", "1", "--format", "json")
    two = _check(path, tmp_path / "two", "2", "--format", "json")
    assert two == one and json.loads(one[1])["findings"]


def test_a_po_file_in_parts_is_told_its_language_as_when_whole(tmp_path, small_parts):
    """A PO file naming no language is identified from its first segments, as the whole file
    would be, though its first part holds fewer of them: the same report."""
    from mtcheck.partition import parts_of

    path = _catalog(tmp_path / "catalog.po", header=False)
    assert len(parts_of(path, 2)) >= 4
    one, two = (run_cli("check", path, "--demo-glossary", "--format", "json", "--jobs", jobs) for jobs in "12")
    assert two == one
    findings = json.loads(one[1])["findings"]
    assert findings and {f["lang"] for f in findings} == {"de"}


def _same_with_two_jobs(tmp_path, kind: str, command: tuple[str, ...], expected: str):
    """A large memory, PO or XLIFF file (`kind`), and a PO file one of whose parts does not
    read as cut, each cut in four parts at least: the command's output (JSON and text) with
    `--jobs 2` is one process's, which holds `expected`. The first file's path."""
    from mtcheck.partition import parts_of

    path = {"tmx": _memory, "po": _catalog, "xliff": _xliff}[kind](tmp_path / f"ui.de.{kind}")
    broken = _catalog(tmp_path / "broken.de.po", broken=range(100, 400))
    for target in (path, broken):
        assert len(parts_of(target, 2)) >= 4
        for output_format in ("json", "text"):
            one, two = (run_cli(command[0], target, "--demo-glossary", "--lang", "de", *command[1:], "--format",
                                output_format, "--jobs", jobs) for jobs in "12")
            assert two == one
            assert expected in one[1]
    return path


@pytest.mark.parametrize("kind", ["tmx", "po", "xliff"])
def test_discover_reads_a_large_file_in_parts_as_one_process_does(tmp_path, small_parts, monkeypatch, kind):
    """discover reads a memory or PO file in parts, each in a worker, what they read merged in
    order: the same candidates, JSON and text, as one process; a part that does not read as
    cut has the file read whole, with the same output."""
    import importlib

    discover_command = importlib.import_module("mtcheck.cli.discover")
    read = discover_command._read_one
    log = tmp_path / "read.log"

    def logged(run, discoverer, item):  # the workers are forked: they log to a file
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(f"part {item[0].number}\n" if isinstance(item, tuple) else "file\n")
        return read(run, discoverer, item)
    monkeypatch.setattr(discover_command, "_read_one", logged)
    _same_with_two_jobs(tmp_path, kind, ("discover", "--all"), "Volksherrschaft")
    logged_parts = log.read_text(encoding="utf-8").split("\n")
    assert "part 3" in logged_parts and "file" in logged_parts  # the broken file read whole too


@pytest.mark.parametrize("kind", ["tmx", "po", "xliff"])
def test_scan_lists_a_large_file_in_parts_as_one_process_does(tmp_path, small_parts, monkeypatch, kind):
    """scan lists a memory or PO file in parts, each in a worker: an abbreviation defined in
    an early part („Vaterländische Front Vietnams (VFV)") is listed where a later part uses it,
    as one process lists it, in JSON and text; a part that does not read as cut has the file
    listed whole, the same."""
    import importlib

    scan_command = importlib.import_module("mtcheck.cli.scan")
    log = tmp_path / "parts.log"  # the parts begun, logged by the forked workers
    made = scan_command._part_work

    def logged(codec):
        begin, finish = made(codec)

        def logged_begin(run, checker, item):
            with open(log, "a", encoding="utf-8") as handle:
                handle.write(f"part {item[0].number}\n")
            return begin(run, checker, item)
        return logged_begin, finish
    monkeypatch.setattr(scan_command, "_part_work", logged)
    path = _same_with_two_jobs(tmp_path, kind, ("scan",), "VFV")
    assert "part 3" in log.read_text(encoding="utf-8").split("\n")
    if kind != "po":  # the abbreviation used in later parts is listed as the concept
        listed = json.loads(run_cli("scan", path, "--demo-glossary", "--lang", "de", "--format", "json",
                                    "--jobs", "2")[1])
        uses = [m for m in listed["matches"] if m["text"] == "VFV"]
        assert len([m for m in uses if m["line"] > 300]) >= 3  # in parts after the first


def _xliff(path, units: int = 400, version: str = "1.2", seed: int = 7, group: bool = False) -> str:
    """An XLIFF file of the pairs above early and again later, between fillers; in 1.2 every
    third unit without an id (numbered in its file), an inline tag in some. `group`: the units
    in groups of 30 (some empty), in two <file> elements (1.2: the second file translated into
    Swiss German, its header with a note and a comment holding a unit's tag)."""
    if version == "1.2":
        lines = ['<?xml version="1.0" encoding="UTF-8"?>',
                 '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">',
                 '  <file original="ui.txt" source-language="en" target-language="de" datatype="plaintext">',
                 "    <header/>", "    <body>"]
    else:
        lines = ['<?xml version="1.0" encoding="UTF-8"?>',
                 '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="de">',
                 '  <file id="f1">']
    for number, source, target in _pairs(units, seed):
        if group and number % 30 == 0:
            if number:
                lines.append("    </group>")
            if number == 30 * (units // 60):  # about half way
                lines += ["    </body>", "  </file>",
                          '  <file original="two.txt" source-language="en" target-language="de-CH" datatype="plaintext">',
                          "    <header><note>second</note><!-- <trans-unit> in a comment --></header>", "    <body>"] \
                    if version == "1.2" else ["  </file>", '  <file id="f2">']
            lines += [f'    <group id="g{number}">', '    <group id="empty"/>']
        if number % 5 == 4:
            target = target.replace(" ", ' <x id="1"/>', 1)
        if version == "1.2":
            unit_id = f' id="u{number}"' if number % 3 else ""
            lines += [f"      <trans-unit{unit_id}>", f"        <source>{source}</source>",
                      f"        <target>{target}</target>", "      </trans-unit>"]
        else:
            lines += [f'    <unit id="u{number}">', "      <segment>", f"        <source>{source}</source>",
                      f"        <target>{target.replace('<x id=', '<ph id=')}</target>", "      </segment>",
                      "    </unit>"]
    lines += ["    </group>"] if group else []
    if version == "1.2":
        lines += ["    </body>", "  </file>", "</xliff>", ""]
    else:
        lines += ["  </file>", "</xliff>", ""]
    path.write_bytes("\n".join(lines).encode("utf-8"))
    return str(path)


@pytest.mark.parametrize("version", ["1.2", "2.0"])
def test_xliff_parts_read_the_segments_of_the_whole_file(tmp_path, version):
    """Each part of an XLIFF file, read within the file's head and tail, gives the whole
    file's segments there: texts, ids (a 1.2 unit without an id numbered in its file), sources,
    lines, columns and places around inline tags. A file with a <group> is not cut."""
    from mtcheck.formats.parts import xliff_parts
    from mtcheck.formats.xliff import XliffFile

    path = _xliff(tmp_path / f"ui{version}.xlf", version=version)
    parts = xliff_parts(path, 4096)
    assert parts is not None and len(parts) >= 5
    whole = [_plain(s) for s in XliffFile(path).segments()]
    cut = [_plain(s) for part in parts for s in XliffFile(path, part=part).segments()]
    assert cut == whole and len(whole) == 400
    if version == "1.2":
        assert {s[4] for s in whole} >= {"ui.txt#1", "u1"}
    grouped = _xliff(tmp_path / f"grouped{version}.xlf", version=version, group=True)
    parts = xliff_parts(grouped, 4096)
    assert parts is not None and len(parts) >= 5 and any(part.closing for part in parts)
    whole = [_plain(s) + (s.lang,) for s in XliffFile(grouped).segments()]
    cut = [_plain(s) + (s.lang,) for part in parts for s in XliffFile(grouped, part=part).segments()]
    assert cut == whole and len(whole) == 400
    if version == "1.2":
        assert {"ui.txt#1", "two.txt#1"} <= {s[4] for s in whole}


def _misread(path: str, part) -> bool:
    from mtcheck.formats.parts import PartMisread
    from mtcheck.formats.xliff import XliffFile

    try:
        XliffFile(path, part=part)
    except (PartMisread, MtcheckError):
        return True
    return False


def test_an_xliff_part_that_does_not_read_as_cut_has_the_file_checked_whole(tmp_path, small_parts):
    """A comment whose line opens a <trans-unit> is cut at: that part holds other units than
    counted, and the file is checked whole, with the same report."""
    from mtcheck.partition import parts_of

    units = Path(_xliff(tmp_path / "ui.xlf")).read_text(encoding="utf-8").split("      <trans-unit")
    comment = "      <!--\n      <trans-unit> left out\n      -->\n"
    broken = tmp_path / "broken.xlf"
    broken.write_text("".join(unit + (comment if number % 10 == 5 else "") + "      <trans-unit"
                              for number, unit in enumerate(units[:-1])) + units[-1], encoding="utf-8")
    assert any(_misread(str(broken), part) for part in parts_of(str(broken), 2))
    one = _check(str(broken), tmp_path / "one", "1", "--format", "json")
    two = _check(str(broken), tmp_path / "two", "2", "--format", "json")
    assert two == one and json.loads(one[1])["findings"]


@pytest.mark.parametrize("version,group", [("1.2", False), ("2.0", False), ("1.2", True), ("2.0", True)])
def test_an_xliff_file_in_parts_reports_what_it_reports_whole(tmp_path, small_parts, version, group):
    from mtcheck.partition import parts_of

    path = _xliff(tmp_path / "ui.xlf", version=version, group=group)
    assert len(parts_of(path, 2)) >= 4
    for output_format in ("json", "text"):
        one = _check(path, tmp_path / "one", "1", "--format", output_format)
        two = _check(path, tmp_path / "two", "2", "--format", output_format)
        assert two == one
    findings = json.loads(one[1] if output_format == "json" else _check(path, tmp_path / "j", "1", "--format",
                                                                       "json")[1])["findings"]
    assert {"GL001", "GL002", "GL003", "GL004", "GL005"} <= {f["rule"] for f in findings}


def test_a_memory_read_in_part_and_stopped_leaves_no_file_open(tmp_path):
    """A TMX's reader closed after its first segments (the sample a part's language is told
    from) closes the file itself: none is left to the garbage collector to close (which warns)."""
    import gc
    import warnings

    from mtcheck.formats import open_bilingual

    path = _memory(tmp_path / "memory.tmx")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        segments = open_bilingual(path, source_lang="en", target_lang="de").segments()
        assert next(segments).text
        segments.close()
        del segments
        gc.collect()
    assert [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)] == []
