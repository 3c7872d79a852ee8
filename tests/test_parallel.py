"""`check --jobs N`: files checked in worker processes, reported exactly as one process reports
them (the same bytes on stdout and stderr, the same exit code), whatever the formats, errors
and inline directives among the files."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest

from tests.conftest import SEEDS

PO = """msgid ""
msgstr ""
"Language: de\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Skilful mass mobilisation"
msgstr "Kluge Massenmobilisierung"

msgid "The Fatherland Front"
msgstr "Die Vaterländische Front"
"""

XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="de" datatype="plaintext" original="a">
    <body>
      <trans-unit id="1"><source>site clearance</source><target>Räumung</target></trans-unit>
      <trans-unit id="2"><source>grassroots democracy</source><target>Basisdemokratie</target></trans-unit>
    </body>
  </file>
</xliff>
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """The seeds, a PO and an XLIFF file, one broken XLIFF file between them, and a seed with an
    inline directive that silences a finding."""
    root = tmp_path_factory.mktemp("many")
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, root / seed.name)
    (root / "b-ui.de.po").write_text(PO, encoding="utf-8")
    (root / "c-bad.xlf").write_text(XLIFF.replace("</body>", ""), encoding="utf-8")
    (root / "d-ui.de.xlf").write_text(XLIFF, encoding="utf-8")
    first = sorted(SEEDS.glob("*.txt"))[0]
    (root / "e-silenced.txt").write_text("<!-- mtcheck: disable -->\n" + first.read_text(encoding="utf-8"),
                                         encoding="utf-8")
    return root


def _check(folder, *args):
    result = subprocess.run([sys.executable, "-m", "mtcheck", "check", str(folder), "--demo-glossary", *args],
                            capture_output=True, timeout=600)
    return result.returncode, result.stdout, result.stderr


@pytest.mark.parametrize("output_format", ["json", "text", "sarif", "junit"])
def test_two_jobs_report_what_one_job_reports(folder, output_format):
    one = _check(folder, "--format", output_format, "--jobs", "1")
    two = _check(folder, "--format", output_format, "--jobs", "2")
    assert one[0] == 2  # the broken file is an error, after every other file was checked
    assert b"c-bad.xlf" in one[2]
    assert one[1].count(b"b-ui.de.po") and one[1].count(b"d-ui.de.xlf")  # the files after it too
    assert two == one


def test_two_jobs_show_the_sentences_one_job_shows(folder):
    """Workers send a finding's sentence back only for the report that shows it (HTML): the
    same report, contexts and all, but for the time and command line it shows."""
    def report(jobs: str) -> bytes:
        html = _check(folder, "--format", "html", "--jobs", jobs)[1]
        return re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ|--jobs \d", b"", html)  # the run's time and command
    one, two = report("1"), report("2")
    assert one.count(b'class="context"') > 50
    assert two == one


def test_the_summary_counts_every_worker_s_files(folder):

    code, out, _ = _check(folder, "--format", "json", "--jobs", "3")
    one = json.loads(_check(folder, "--format", "json", "--jobs", "1")[1])
    summary = json.loads(out)["summary"]
    assert summary == one["summary"] and summary["files"] == 8 and summary["matches"] > 100


def test_consistency_across_the_run_and_one_file_are_judged_in_one_process(folder):
    assert _check(folder, "--consistency", "run", "--format", "json", "--jobs", "2") == \
        _check(folder, "--consistency", "run", "--format", "json", "--jobs", "1")
    seed = sorted(folder.glob("*.txt"))[0]
    assert _check(seed, "--jobs", "4") == _check(seed, "--jobs", "1")


def test_a_baseline_read_or_written_with_two_jobs_as_with_one(folder, tmp_path):
    """Workers write the JSON report's records themselves only where nothing holds a finding
    back: with a baseline every finding comes to the run's process to be judged."""
    readable = tmp_path / "files"
    shutil.copytree(folder, readable, ignore=shutil.ignore_patterns("c-bad.xlf"))  # a baseline needs a clean run
    written = {}
    for jobs in ("1", "2"):
        baseline = tmp_path / f"baseline-{jobs}.json"
        assert _check(readable, "--format", "json", "--jobs", jobs, "--write-baseline", str(baseline))[0] == 0
        written[jobs] = baseline.read_bytes()
    assert written["1"] == written["2"] and len(json.loads(written["1"])["findings"]) > 10
    held = [_check(readable, "--format", "json", "--jobs", jobs, "--baseline", str(tmp_path / "baseline-1.json"))
            for jobs in ("1", "2")]
    assert held[0] == held[1] and json.loads(held[0][1])["summary"]["baselined"] > 10


def test_a_worker_done_early_takes_the_files_others_have_not_begun():
    """Of another worker's files it takes the last not begun, one of a language whose matcher
    it has loaded first; of another language only while enough is left to be worth compiling
    its matcher."""
    import multiprocessing

    from mtcheck import parallel

    class Results(list):
        put = list.append
    plan_ = [[0, 1], [2, 3, 4, 5]]
    languages = ["de", "de", "de", "tr", "de", "tr"]
    taken = multiprocessing.Array("b", 6)
    taken[2] = 1  # the other worker has begun its first
    parallel._WORK = (None, None, lambda run, checker, path: path, None)
    try:
        results = Results()
        parallel._worker(0, plan_, languages, [100] * 6, {"de": 10, "tr": 10}, list("abcdef"), results, taken)
        assert results == [(0, "a"), (1, "b"), (4, "e"), (5, "f"), (3, "d")]
        taken = multiprocessing.Array("b", 6)
        taken[2] = 1
        results = Results()
        parallel._worker(0, plan_, languages, [100] * 6, {"de": 10, "tr": 1000}, list("abcdef"), results, taken)
        assert results == [(0, "a"), (1, "b"), (4, "e")]  # Turkish: not worth its matcher
        assert list(taken) == [1, 1, 1, 0, 1, 0]
    finally:
        parallel._WORK = None


def test_a_worker_goes_on_with_other_files_while_a_part_waits_for_the_parts_before_it():
    """A part begun is summarized to the run's process and finished when its entry comes
    (mtcheck.partition); meanwhile the worker checks what else it has."""
    import multiprocessing

    from mtcheck import parallel
    from mtcheck.partition import PartSummary

    class Results(list):
        put = list.append

    class Inbox:  # the entry comes once the file after the part is checked
        def empty(self):
            return not any(index == 1 for index, _ in results)

        def get(self):
            return 0, "entry"
    begin = lambda run, checker, item: (PartSummary(0, -1, {}), f"kept {item}")  # noqa: E731
    finish = lambda run, checker, item, kept, entry: f"{kept} with {entry}"  # noqa: E731
    parallel._WORK = (None, None, lambda run, checker, path: path, (begin, finish))
    try:
        results = Results()
        parallel._worker(0, [[0, 1], []], ["de"] * 2, [100] * 2, {"de": 10}, ["p0", "f1"], results,
                         multiprocessing.Array("b", 2), [0, -1], [Inbox()])
        assert results == [(0, PartSummary(0, 0, {})), (1, "f1"), (0, "kept p0 with entry")]
    finally:
        parallel._WORK = None


def test_an_input_error_comes_back_whole_from_a_worker():
    """A worker hands its errors back pickled: an error that could not be rebuilt would stop
    the pool (the run would hang)."""
    import pickle

    from mtcheck.errors import GlossaryError, InputError

    for error in (InputError("a.xlf", "malformed XML", 8), GlossaryError("g.tbx", "no terms")):
        back = pickle.loads(pickle.dumps(error))
        assert type(back) is type(error) and str(back) == str(error) and back.line == error.line


def test_a_language_s_files_go_to_one_worker_unless_they_are_more_than_its_share():
    """Each worker compiles the matchers of its files' languages: a language kept together is
    compiled once; a language with most of the work is shared out."""
    from mtcheck.parallel import plan

    langs = ["de", "nb", "de", "de", "tr"] * 20
    workers = plan(langs, [1_000_000] * 100, 2, 13_000_000)
    assert sorted(sorted({langs[i] for i in w}) for w in workers) == [["de"], ["nb", "tr"]]
    assert sorted(i for w in workers for i in w) == list(range(100)) and all(w == sorted(w) for w in workers)
    alone = plan(["de"] * 10, [1] * 10, 2, 0)
    assert [len(w) for w in alone] == [5, 5]
    # A matcher read back from the cache costs less than one compiled: then sharing German
    # out ends the run sooner, as its parts and the other languages' files balance.
    warm = plan(langs, [1_000_000] * 100, 2, {"de": 5_000_000, "nb": 5_000_000, "tr": 5_000_000})
    assert sorted(sorted({langs[i] for i in w}) for w in warm) == [["de", "nb"], ["de", "tr"]]


def test_a_dask_cluster_reports_what_one_process_reports(folder, cluster):
    for output_format in ("json", "text"):
        local = _check(folder, "--format", output_format, "--jobs", "1")
        remote = _check(folder, "--format", output_format, "--scheduler", cluster)
        assert remote == local


def test_verbose_says_with_two_jobs_and_on_a_cluster_what_one_job_says(folder, cluster):
    """Each language described once, after the first file of it, whichever worker met it
    first (the run's process reads the files' languages before the workers start, quietly)."""
    one = _check(folder, "--format", "json", "--jobs", "1", "--verbose")
    said = one[2].decode().splitlines()
    described = [line.split(":")[0] for line in said if re.match(r"[a-z]{2,3}: ", line)]
    assert sorted(described) == ["de", "nb", "tr"]
    assert _check(folder, "--format", "json", "--jobs", "2", "--verbose") == one
    assert _check(folder, "--format", "json", "--scheduler", cluster, "--verbose") == one
    scanned = [subprocess.run([sys.executable, "-m", "mtcheck", "scan", str(folder), "--demo-glossary", "--verbose",
                               "--jobs", jobs], capture_output=True, timeout=600) for jobs in ("1", "2")]
    assert scanned[0].stderr.count(b"\nde: ") == 1 and scanned[1].stderr == scanned[0].stderr


def test_the_python_api_runs_on_a_cluster(folder, cluster):

    from distributed import Client

    from mtcheck.cluster import Setup, check_on
    from mtcheck.rules import DEFAULT_RULES

    # The seeds: inline directives are the reporting side's (the run's gate), not a worker's.
    files = sorted(str(p) for p in folder.glob("0*.txt"))
    setup = Setup((), True, None, None, tuple(DEFAULT_RULES), (), "file", None, True, True)
    with Client(cluster) as client:
        results = list(check_on(client, setup, files))
    assert [r.path for r in results] == files and all(r.error is None for r in results)
    local = json.loads(_check(folder, "--format", "json", "--jobs", "1")[1])
    by_file = {}
    for finding in local["findings"]:
        by_file[finding["path"]] = by_file.get(finding["path"], 0) + 1
    assert {r.path: sum(map(len, r.batches)) for r in results if sum(map(len, r.batches))} == \
        {path: count for path, count in by_file.items() if path in files}


def test_an_unreachable_scheduler_is_one_line_and_exit_2(folder):
    pytest.importorskip("distributed")
    code, out, err = _check(folder, "--scheduler", "tcp://127.0.0.1:9", "--format", "json")
    assert code == 2 and b"scheduler tcp://127.0.0.1:9" in err and len(err.strip().splitlines()) <= 2


@pytest.mark.parametrize("output_format", ["json", "text"])
def test_scan_with_two_jobs_lists_what_one_job_lists(folder, output_format):
    """`scan --jobs 2`: each file's matches found in a worker and listed here, in order, source
    matches of the bilingual files before their targets', the broken file an error between."""
    def scan(jobs):
        result = subprocess.run([sys.executable, "-m", "mtcheck", "scan", str(folder), "--demo-glossary",
                                 "--format", output_format, "--jobs", jobs], capture_output=True, timeout=600)
        return result.returncode, result.stdout, result.stderr
    one, two = scan("1"), scan("2")
    assert one[0] == 2 and b"c-bad.xlf" in one[2]
    assert one[1].count(b"Vaterl") and one[1].count(b"Fatherland Front")  # target and source matches
    assert two == one


def _german(tmp_path, texts: dict[str, str]):
    folder = tmp_path / "de"
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


CROSS_FILE = {  # one concept rendered two ways, each file consistent in itself
    "a.de.txt": "Die geschickte Massenmobilisierung wächst.\nDie geschickte Massenmobilisierung hilft.\n",
    "b.de.txt": "Die gekonnte Massenmobilisierung wächst.\n",
    "c.de.txt": "Die geschickte Massenmobilisierung bleibt.\nSie ist ein Vorbild.\n",
}


def test_consistency_across_the_run_is_merged_from_the_workers(tmp_path):
    """With --consistency run, each worker hands back what its files' rules saw and the run's
    process merges it in the files' order: renderings inconsistent across files are reported
    as one process reports them."""
    folder = _german(tmp_path, CROSS_FILE)
    for output_format in ("json", "text"):
        one = _check(folder, "--lang", "de", "--consistency", "run", "--format", output_format, "--jobs", "1")
        two = _check(folder, "--lang", "de", "--consistency", "run", "--format", output_format, "--jobs", "2")
        assert two == one
    report = json.loads(_check(folder, "--lang", "de", "--consistency", "run", "--format", "json", "--jobs", "2")[1])
    across = [f for f in report["findings"] if f["rule"] == "GL002"]
    assert [(f["path"].rsplit("/", 1)[-1], f["text"]) for f in across] == [("b.de.txt", "gekonnte Massenmobilisierung")]
    assert across[0]["data"]["counts"] == {"geschickte Massenmobilisierung": 3, "gekonnte Massenmobilisierung": 1}


def test_a_run_merged_from_documents_judges_as_one_checker(tmp_path):
    """Checker.take_run_state in each of three checkers (a worker's), merged in order into a
    fourth: the run's end says what one checker that saw the three says."""
    from mtcheck.engine import Checker
    from mtcheck.glossary import load_glossary
    from mtcheck.glossary.shipped import shipped_glossary
    from mtcheck.model import Segment
    from mtcheck.rules import DEFAULT_RULES

    glossary = load_glossary(shipped_glossary())

    def segments(name):
        return [Segment(line, name, number, lang="de") for number, line in
                enumerate(CROSS_FILE[name].splitlines(), 1)]
    one = Checker(glossary, DEFAULT_RULES, scope="run")
    for name in CROSS_FILE:
        list(one.check_batches(name, segments(name), "de"))
    merged = Checker(glossary, DEFAULT_RULES, scope="run")
    for name in CROSS_FILE:
        worker = Checker(glossary, DEFAULT_RULES, scope="run")
        list(worker.check_batches(name, segments(name), "de"))
        merged.merge_run_state(name, worker.take_run_state())
    expected = one.finish()
    assert expected and [f.to_record() for f in merged.finish()] == [f.to_record() for f in expected]


def test_a_foreign_term_at_a_file_s_end_is_reported_in_that_file(tmp_path):
    """Across a run, a foreign term that ends one file and a bracketed word that begins the
    next are two documents: the finding belongs to the first, and a worker that checked only
    the first reports it (it is not left pending for a file the worker never sees)."""
    folder = _german(tmp_path, {"a.de.txt": "Wir feiern die Skilled Mass Mobilization\n",
                                "b.de.txt": "(geschickte Massenmobilisierung) ist das Ziel.\n"})
    for jobs in ("1", "2"):
        report = json.loads(_check(folder, "--lang", "de", "--consistency", "run", "--format", "json",
                                   "--select", "GL003", "--jobs", jobs)[1])
        assert [f["path"].rsplit("/", 1)[-1] for f in report["findings"]] == ["a.de.txt"]


def test_a_dask_cluster_judges_consistency_across_the_run(tmp_path, cluster):
    folder = _german(tmp_path, CROSS_FILE)
    local = _check(folder, "--lang", "de", "--consistency", "run", "--format", "json", "--jobs", "1")
    remote = _check(folder, "--lang", "de", "--consistency", "run", "--format", "json", "--scheduler", cluster)
    assert remote == local and b"GL002" in local[1]
    # Discovery learns from every file at once: no cluster for it.
    code, out, err = _check(folder, "--lang", "de", "--consistency", "run", "--select", "GL006", "--scheduler", cluster)
    assert code == 2 and not out and b"in one process" in err


def _discover(folder, *args):
    result = subprocess.run([sys.executable, "-m", "mtcheck", "discover", str(folder), "--demo-glossary", "--all",
                             *args], capture_output=True, timeout=600)
    return result.returncode, result.stdout, result.stderr


@pytest.mark.parametrize("output_format", ["json", "text"])
def test_discover_with_two_jobs_finds_what_one_job_finds(folder, output_format):
    """Each file read by a Discoverer of its own in a worker, merged in the files' order: the
    same candidates, scores and evidence (slots and quoting learned across the files)."""
    one = _discover(folder, "--format", output_format, "--jobs", "1")
    two = _discover(folder, "--format", output_format, "--jobs", "2")
    assert one[0] == 2 and b"c-bad.xlf" in one[2]  # the broken file is an error, the others read
    assert two == one


def test_discoverers_merged_in_order_score_as_one(tmp_path):
    from mtcheck.discovery import Discoverer
    from mtcheck.glossary import load_glossary
    from mtcheck.glossary.shipped import shipped_glossary
    from mtcheck.model import Segment

    glossary = load_glossary(shipped_glossary())
    documents = {seed.name: seed.read_text(encoding="utf-8").splitlines() for seed in sorted(SEEDS.glob("*.txt"))[:3]}

    def read(discoverer, name):
        for number, line in enumerate(documents[name], 1):
            if line.strip():
                discoverer.add(Segment(line, name, number), "de" if name.startswith("002") else "nb")
    one = Discoverer(glossary)
    for name in documents:
        read(one, name)
    merged = Discoverer(glossary)
    for name in documents:
        part = Discoverer(glossary, matcher=merged.matcher)
        read(part, name)
        merged.merge(part.state())

    def described(candidates):
        return [(c.concept.id, c.form, c.score, [(e.signal, e.detail) for e in c.evidence],
                 [o.location for o in c.occurrences]) for c in candidates]
    expected = described(one.candidates())
    assert expected and described(merged.candidates()) == expected


def test_gl006_says_the_same_whichever_files_a_process_read_before(tmp_path):
    """A slot word is named by its most frequent spelling in the texts judged („Modelle" or
    „Modellen"), not the first the process met in another file: a file's report is the same
    whichever worker checked it and after which files."""
    from mtcheck.discovery import Discoverer
    from mtcheck.glossary import load_glossary
    from mtcheck.glossary.shipped import shipped_glossary
    from mtcheck.model import Segment

    german = sorted(SEEDS.glob("002*.txt"))[0].read_text(encoding="utf-8").splitlines()

    def candidates(before: list[str]):
        glossary = load_glossary(shipped_glossary())  # as a process of its own loads it
        if before:  # a file read first by the same process, into a discoverer of its own
            other = Discoverer(glossary)
            for number, line in enumerate(before, 1):
                other.add(Segment(line, "other.txt", number), "de")
            other.candidates()
        judged = Discoverer(glossary)
        for number, line in enumerate(german, 1):
            if line.strip():
                judged.add(Segment(line, "a.txt", number), "de")
        return [(c.concept.id, c.form, [(e.signal, e.detail) for e in c.evidence]) for c in judged.candidates()]
    fresh = candidates([])
    assert any("stands near" in detail for _, _, evidence in fresh for _, detail in evidence)
    # Another text that spells the slot words otherwise first.
    respelt = [" ".join(word.lower() if word[:1].isupper() else word.capitalize() for word in line.split())
               for line in german]
    assert candidates(respelt) == fresh



def test_a_file_s_language_is_identified_once_per_run(tmp_path, monkeypatch):
    """The run's process identifies each file's language to plan the workers; a worker forked
    after it opens the file with that language, not identifying it again."""
    import mtcheck.langid
    from mtcheck.cli.run import Run

    identified = []
    original = mtcheck.langid.detect_language

    def counted(text):
        identified.append(text)
        return original(text)
    monkeypatch.setattr(mtcheck.langid, "detect_language", counted)
    path = tmp_path / "a.txt"
    path.write_text("Die geschickte Massenmobilisierung der Vaterländischen Front geht weiter.\n", encoding="utf-8")
    run = Run((), None, False, demo=True)
    assert run.open(str(path))[1] == run.open(str(path))[1] == "de"
    assert len(identified) == 2  # one process alone keeps nothing
    run.remember_languages()  # as the run's process does to plan its workers
    assert run.open(str(path))[1] == run.open(str(path))[1] == "de"
    assert len(identified) == 3
