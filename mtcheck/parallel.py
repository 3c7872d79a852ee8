"""Files checked (or scanned) in worker processes (`--jobs`), their results handed back in the
files' order.

Each worker is a fork of the run's process: it starts with the run's glossary and rules,
and checks whole files, one at a time, as the run would; files of one language go to one
worker where that balances, so that each compiles only its languages' matchers. What a file gives
(its findings in batches, the counts of its tally, an error that stopped it, what it said on
the standard error) comes back to the run's process, which reports files in the order a
single process would: the report is the same byte for byte. Consistency across files
(`--consistency run`) is a reduce: each file's rules hand their state back with its findings
and the run's process merges them in the files' order, to judge at the end as one process
would (see Rule.merge); where a rule's state cannot be merged, the run is one process.
"""
from __future__ import annotations

import io
import multiprocessing
import os
from typing import Callable, Iterator, NamedTuple

from mtcheck.engine import Checker, Tally
from mtcheck.errors import MtcheckError
from mtcheck.model import Finding, Rendered, without_sentences


class FileResult(NamedTuple):
    path: str
    lang: str | None             # None: the file could not be read at all
    batches: list[list[Finding] | Rendered]
    tally: Tally
    error: MtcheckError | None   # what stopped it, after the batches before
    said: str                    # its messages on the standard error, in order
    run_state: dict | None = None  # with consistency across the run: its rules' states (Checker.take_run_state)


def available_cores() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def parallel_possible() -> bool:
    """Whether worker processes can start as forks (what keeps the compiled glossary)."""
    return "fork" in multiprocessing.get_all_start_methods()


def in_parallel(files: list[str], jobs: int, stdin: str = "-", split: bool = False) -> bool:
    """Whether files are worth reading in worker processes: not with one job, standard input
    among them, or no fork, nor for one file unless it is to be `split` in parts and large
    enough (see mtcheck.partition)."""
    if jobs < 2 or stdin in files or not parallel_possible() or not files:
        return False
    if len(files) >= 2:
        return True
    from mtcheck.partition import may_cut

    return split and may_cut(files[0], jobs)


# What a forked worker works with: set in the run's process just before the workers start.
_WORK: tuple[object, Checker, object, tuple | None] | None = None
# The cost of compiling a language's matcher, in bytes of text checked in the same time, per
# concept of the glossary (10,000 concepts: about 13 MB, 1.3 s at 10 MB/s on one core).
COMPILE_BYTES_PER_CONCEPT = 1300
# Reading it back from the cache folder (see mtcheck.compiled): about 0.15 s for 10,000 concepts.
READ_BYTES_PER_CONCEPT = 200


def check_files(run, checker: Checker, files: list[str], jobs: int, sentences: bool = True,
                render: Callable[[list[Finding]], bytes] | None = None, gate=None) -> Iterator[FileResult]:
    """The files' results in their order. Files go to `jobs` workers by language where that
    balances: each worker compiles the matchers of its files' languages, so that languages
    spread over workers are compiled in parallel instead of in each (see plan). Without
    `sentences`, findings come back without the sentence they stand in (Finding.sentence),
    which only a report showing context reads: sending it doubles what a finding costs.

    With `render` (a report whose findings are records written one after another, JSON),
    a worker sends a file's batches as the report's bytes (Rendered) wherever `gate` lets
    every finding of the file through (no baseline, no directive in the file): the run's
    process then writes them as they come instead of unpickling and rendering every finding,
    which was most of its work and kept a core from the workers."""
    from mtcheck.partition import PartSummary, parts_of, splits as rules_split

    def work(run, checker: Checker, path: str) -> FileResult:
        return check_file(run, checker, path, sentences, render, gate)

    def begin(run, checker: Checker, item) -> tuple[PartSummary, object]:
        part, lang = item
        begun = begin_part(run, checker, part, lang)
        return begun.summary if begun is not None else PartSummary(part.number, -1, {}, failed=True), begun

    def finish(run, checker: Checker, item, begun, entry):
        part, _ = item
        passes = render is not None and gate is not None and gate.passes_all(part.path)
        return finish_part(run, checker, begun, part, entry, render if passes else None, sentences)
    parts = {index: found for index, path in enumerate(files)
             for found in [parts_of(path, jobs) if rules_split(checker) else None] if found}
    return in_workers(run, checker, files, jobs, work, parts, (begin, finish))


def in_workers(run, checker: Checker, files: list[str], jobs: int, work, parts: dict | None = None,
               part_work: tuple | None = None, joined=None) -> Iterator:
    """`work(run, checker, path)` of each file, in forked workers planned as check_files
    says, the results in the files' order. `parts`: files checked in parts (by their index:
    their mtcheck.formats.parts.FilePart list); `part_work`: (begin, finish) for each part,
    `begin(run, checker, (part, the file's language))` giving its PartSummary, sent to the
    run's process, and what the worker keeps, and `finish(run, checker, item, kept, entry)`
    its PartResult once the run's process sends its PartEntry (see mtcheck.partition); a
    worker goes on with other items between the two. The parts' results are put together
    as the file's: by `joined(run, checker, split file, language, results, work)` (check's
    by default). Without `part_work`, parts need nothing of each other: each is an item of
    its own, `work(run, checker, (part, the file's language))`, and a file in parts gives the
    list of its parts' results, in order, for the caller to put together."""
    global _WORK
    from mtcheck.partition import PartSummary, SplitFile

    parts = parts or {}
    file_languages = _languages(run, files, {index: found[0] for index, found in parts.items()})
    # The items the workers take: each file, or each part of a file checked in parts.
    items: list[tuple[int, object]] = [(index, part) for index in range(len(files))
                                       for part in (parts.get(index) or [None])]
    languages = [file_languages[index] for index, _ in items]
    sizes = [part.size if part is not None else _size(files[index]) for index, part in items]
    concepts = len(checker.glossary)
    costs = {lang: (READ_BYTES_PER_CONCEPT if lang and checker.matcher.kept(lang) else COMPILE_BYTES_PER_CONCEPT)
             * concepts for lang in dict.fromkeys(languages)}
    plan_ = plan(languages, sizes, min(jobs, len(items)), costs)
    work_items = [files[index] if part is None else (part, file_languages[index]) for index, part in items]
    _WORK = (run, checker, work, part_work)
    context = multiprocessing.get_context("fork")
    results = context.SimpleQueue()
    taken = context.Array("b", len(items))  # which items a worker has begun: each is checked once
    part_numbers = [part.number if part is not None else -1 for _, part in items]
    # Entries go to a worker through a queue with a feeder thread: the run's process never
    # waits on a worker busy with another part (which might be waiting to send it a result).
    inboxes = [context.Queue() for _ in plan_] if parts and part_work else []
    workers = [context.Process(target=_worker, args=(number, plan_, languages, sizes, costs, work_items, results,
                                                     taken, part_numbers, inboxes), daemon=True)
               for number in range(len(plan_))]
    split = {index: SplitFile(files[index], len(found)) for index, found in parts.items()}
    first_item = {}
    for number, (index, _) in enumerate(items):
        first_item.setdefault(index, number)
    try:
        for worker in workers:
            worker.start()
        waiting: dict[int, object] = {}

        def receive(number: int) -> object:
            while number not in waiting:
                got, result = results.get()
                if isinstance(result, BaseException):
                    raise result
                if isinstance(result, PartSummary):
                    index = items[got][0]
                    for part_number, worker, entry in split[index].summarized(result):
                        inboxes[worker].put((first_item[index] + part_number, entry))
                    continue
                waiting[got] = result
            return waiting.pop(number)
        for index in range(len(files)):
            if index not in split:
                yield receive(first_item[index])
                continue
            found = [receive(first_item[index] + number) for number in range(split[index].count)]
            yield (joined or _joined)(run, checker, split[index], file_languages[index], found, work) \
                if part_work else found
    finally:
        _WORK = None
        for worker in workers:
            if worker.is_alive():
                worker.terminate()
            worker.join()
        for inbox in inboxes:
            inbox.cancel_join_thread()  # what a stopped worker did not read is not waited for


def _joined(run, checker: Checker, split, lang: str, results: list, work) -> FileResult:
    """A file checked in parts, as its FileResult; checked whole here where a part failed."""
    if split.failed or any(result.failed for result in results):
        tally, err = checker.tally, run.err  # the run's, which check_file sets aside for its own
        try:
            return work(run, checker, split.path)
        finally:
            checker.tally, run.err = tally, err
    batches, tally = split.result(checker, results)
    return FileResult(split.path, lang, batches, tally, None, "".join(result.said for result in results))


def plan(languages: list[str | None], sizes: list[int], jobs: int,
         compile_cost: int | dict[str | None, int]) -> list[list[int]]:
    """Which files (indexes, in order) each worker checks. A language's files stay together,
    so that its matcher is compiled once, unless sharing them out ends the run sooner: each
    language's files are cut into the number of even parts (at most `jobs`) that makes the
    busiest worker's work least, found by trying one part more or fewer for a language at a
    time, from as many parts as shares of the work it makes. A part costs its bytes and its
    language's compile cost (`compile_cost`, or its value for the language: a matcher read
    from the cache costs less than one compiled). The parts go, largest first, each to the
    worker with the least work so far."""
    groups: dict[str | None, list[int]] = {}
    for index, lang in enumerate(languages):
        groups.setdefault(lang, []).append(index)

    def cost(lang: str | None) -> int:
        return compile_cost if isinstance(compile_cost, int) else compile_cost.get(lang, 0)
    total = sum(sizes) + sum(map(cost, groups))
    share = max(1, total // jobs)
    counts = {lang: max(1, min(jobs, len(indexes), round((sum(sizes[i] for i in indexes) + cost(lang)) / share)))
              for lang, indexes in groups.items()}
    best = _assigned(groups, counts, sizes, cost, jobs)
    improved = True
    while improved:
        improved = False
        for lang, indexes in groups.items():
            for count in (counts[lang] + 1, counts[lang] - 1):
                if not 1 <= count <= min(jobs, len(indexes)):
                    continue
                tried = _assigned(groups, {**counts, lang: count}, sizes, cost, jobs)
                if tried[0] < best[0]:
                    best, counts[lang], improved = tried, count, True
    return [sorted(indexes) for indexes in best[1] if indexes]


def _assigned(groups: dict, counts: dict, sizes: list[int], cost, jobs: int) -> tuple[int, list[list[int]]]:
    """(the busiest worker's work, each worker's files) with each language cut in counts[lang] parts."""
    parts: list[tuple[int, list[int]]] = []
    for lang, indexes in groups.items():
        count = counts[lang]
        for number in range(count):
            chunk = indexes[number::count]
            parts.append((sum(sizes[i] for i in chunk) + cost(lang), chunk))
    load = [0] * jobs
    assigned: list[list[int]] = [[] for _ in range(jobs)]
    for work, chunk in sorted(parts, key=lambda part: (-part[0], part[1][0])):
        worker = min(range(jobs), key=lambda w: (load[w], w))
        load[worker] += work
        assigned[worker].extend(chunk)
    return max(load), assigned


def _languages(run, files: list[str], first_parts: dict | None = None) -> list[str | None]:
    """Each file's language as the run reads it, said nothing of (the workers say it); a file
    checked in parts opened as its first part (`first_parts`, by index), not read whole."""
    from mtcheck.formats.parts import PartMisread

    run.remember_languages()  # for the workers, which would identify them again
    with run.unheard():
        languages = []
        for index, path in enumerate(files):
            try:
                try:
                    languages.append(run.open(path, (first_parts or {}).get(index))[1])
                except PartMisread:  # the file is checked whole (see _joined): its language so too
                    languages.append(run.open(path)[1])
            except MtcheckError:
                languages.append(None)
        return languages


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _worker(number: int, plan_: list[list[int]], languages: list[str | None], sizes: list[int],
            costs: dict[str | None, int], items: list, results, taken, parts: list[int] | None = None,
            inboxes: list | None = None) -> None:
    """The items the plan gives this worker, then, while others still have items not begun,
    theirs: last first, of a language it has read first (its matcher is loaded), a part of a
    file, or of another language only while what is left is worth compiling its matcher for.
    The plan counts bytes; a language checks at its own speed (Turkish slower than German), and
    a worker done early would otherwise wait for the others. `parts`: each item's part number,
    -1 for a whole file. A part is begun, its summary sent, and finished when its entry comes
    (see in_workers), between other items: a worker waits for the parts before its own only
    when nothing is left to begin."""
    run, checker, work, part_work = _WORK
    read: set[str | None] = set()
    parts = parts or [-1] * len(items)
    held: dict[int, object] = {}  # parts begun, waiting for their entries: what each worker keeps

    def take(index: int) -> bool:
        with taken.get_lock():
            if taken[index]:
                return False
            taken[index] = 1
            return True

    def finish_held(wait: bool) -> None:
        while held and (wait or not inboxes[number].empty()):
            index, entry = inboxes[number].get()
            results.put((index, part_work[1](run, checker, items[index], held.pop(index), entry)))

    def stolen() -> int | None:
        others = [i for other, indexes in enumerate(plan_) if other != number for i in reversed(indexes)]
        while True:
            left = [i for i in others if not taken[i]]
            index = next((i for i in left if languages[i] in read or parts[i] >= 0), None)
            if index is None:
                # Another language: its matcher costs as much as checking `costs` bytes,
                # worth it only while the others have twice that left.
                remaining = sum(sizes[i] for i in left)
                index = next((i for i in left if remaining > 2 * costs.get(languages[i], 0)), None)
            if index is None:
                return None
            if take(index):
                return index
    queue = iter(plan_[number])
    index = None
    try:
        while True:
            finish_held(False)
            index = next((i for i in queue if take(i)), None)
            if index is None:
                index = stolen()
                if index is None:
                    finish_held(True)
                    return
            read.add(languages[index])
            item = items[index]
            if parts[index] < 0 or part_work is None:
                results.put((index, work(run, checker, item)))
            else:
                summary, held[index] = part_work[0](run, checker, item)
                results.put((index, summary._replace(worker=number)))
    except BaseException as exc:  # noqa: BLE001 - the run's process raises it
        results.put((index, RuntimeError(f"checking {items[index]} failed in a worker: {exc!r}")))


def check_file(run, checker: Checker, path: str, sentences: bool = True,
               render: Callable[[list[Finding]], bytes] | None = None, gate=None) -> FileResult:
    """One file checked as the run would, what it says on the standard error kept (the run's
    and the checker's own state are this process's: a worker's). With consistency across the
    run, the rules' states come back with it, for the run's process to judge (see
    Checker.merge_run_state). Without `sentences`, findings come back without the sentence
    they stand in; with `render`, as the report's bytes where `gate` holds none back (see
    check_files)."""
    checker.tally = Tally()
    path, lang, batches, error, said = read_file(run, path, lambda path, lang, segments: checker.check_batches(
        path, segments, lang))
    state = checker.take_run_state(sentences) if checker.scope == "run" else None
    if render is not None and gate is not None and gate.passes_all(path):
        batches = [Rendered.of(batch, render) for batch in batches if batch]
    elif not sentences:
        for batch in batches:
            without_sentences(batch)
    return FileResult(path, lang, batches, checker.tally, error, said, state)


def read_part(run, part, lang: str, read) -> tuple[str, str | None, list, MtcheckError | None, str]:
    """One part of a file, as read_file reads a file: the first part opened as the run opens a
    file (what that says kept), the others at their place in it; a part that does not read as
    cut is an error (its file is then read whole)."""
    from mtcheck.cli.run import _with_languages
    from mtcheck.formats import open_bilingual
    from mtcheck.formats.parts import PartMisread

    if part.number == 0:
        try:
            return read_file(run, part.path, read, part)
        except PartMisread as exc:
            return part.path, lang, [], MtcheckError(str(exc)), ""
    got: list = []
    try:
        document = open_bilingual(part.path, source_lang=run.source_lang, target_lang=run.lang, part=part)
        got.extend(read(part.path, lang, _with_languages(document.segments(), lang, None)))
    except PartMisread as exc:
        return part.path, lang, got, MtcheckError(str(exc)), ""
    except MtcheckError as exc:
        return part.path, lang, got, _sendable(exc), ""
    return part.path, lang, got, None, ""


def begin_part(run, checker: Checker, part, lang: str):
    """The part's mtcheck.partition.PartWork, or None where it cannot be read as cut or
    stops on an error. The first part keeps what opening the file said (`said`)."""
    from mtcheck.partition import begin_part as begun

    _, _, got, error, said = read_part(run, part, lang, lambda path, lang, segments: [
        begun(checker, path, lang, segments, part.number)])
    if error is not None or not got:
        return None
    got[0].said = said
    return got[0]


def finish_part(run, checker: Checker, work, part, entry, render=None, sentences: bool = True):
    """The part's PartResult, from its PartWork (None: failed) and PartEntry."""
    from mtcheck.partition import PartResult

    if work is not None:
        try:
            return work.finish(entry, render, sentences)._replace(said=work.said)
        except MtcheckError:
            pass
    return PartResult([], 0, Tally(), {}, "", failed=True)


def splits(rules, files: list[str]) -> bool:
    """Whether a run judging consistency across its files can check them in several
    processes: every rule's state merges (see Rule.splits)."""
    from mtcheck.formats import bilingual_kind

    bilingual = None
    for rule in rules:
        if not rule.mergeable:
            if bilingual is None:
                bilingual = any(bilingual_kind(path) for path in files)
            if not rule.splits(bilingual):
                return False
    return True


def read_file(run, path: str, read, part=None) -> tuple[str, str | None, list, MtcheckError | None, str]:
    """(path, language, what `read(path, lang, segments)` yields, the error that stopped it,
    what was said on the standard error): a file opened and read as the run would, in a
    worker (None for the language: the file could not be opened). `part`: the file's first
    part, opened as Run.open opens it."""
    from rich.console import Console

    said = io.StringIO()
    run.err = Console(file=said, highlight=False, soft_wrap=True, width=10_000, no_color=True)
    run.describe_afresh()
    got: list = []
    try:
        path, lang, segments = run.open(path, part)
    except MtcheckError as exc:
        return path, None, got, _sendable(exc), said.getvalue()
    try:
        for item in read(path, lang, segments):
            got.append(item)
    except MtcheckError as exc:
        return path, lang, got, _sendable(exc), said.getvalue()
    return path, lang, got, None, said.getvalue()


class MatchCodec:
    """Matches sent between processes as numbers: their segment by its number in a list sent
    along, their concept and term by the term's place among the glossary's (concept, term)
    pairs, which both processes hold (a match pickled whole would carry its concept's every
    term)."""

    def __init__(self, glossary):
        from mtcheck.termtable import readings_of

        self.readings = readings_of(glossary)
        self._number = {id(term): number for number, (_, term) in enumerate(self.readings)}

    def encoded(self, match, segment_number: int) -> tuple:
        number = self._number
        return (segment_number, match.start, match.end, number[id(match.term)], match.foreign, match.compound,
                tuple(number[id(t)] for _, t in match.alternatives), match.variant)

    def decoded(self, saved: tuple, segments: list):
        from mtcheck.model import Match

        segment, start, end, reading, foreign, compound, alternatives, variant = saved
        readings = self.readings
        return Match(segments[segment], start, end, *readings[reading], foreign, compound,
                     tuple(readings[number] for number in alternatives), variant)


def _sendable(error: MtcheckError) -> MtcheckError:
    """The error, or one with its message where it would not come back whole from a worker
    (a result that cannot be unpickled would stop the pool)."""
    import pickle

    try:
        pickle.loads(pickle.dumps(error))
    except Exception:  # noqa: BLE001 - any failure means: send the message alone
        return MtcheckError(str(error))
    return error
