"""Files checked on a Dask cluster (`check --scheduler ADDRESS`, or `check_on` from Python),
their results reported in the files' order as one process would: the same report.

Each task checks one file by its path, so the workers must see the files (and the glossary)
at the same paths: a shared or copied file system. A worker builds the run's glossary and
rules once per setup (`Setup`) and keeps them for the next task; what a task hands back is
what a local worker's does (mtcheck.parallel.FileResult). Needs the `cluster` extra
(`pip install 'mtcheck[cluster]'`: Dask distributed).
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Iterator

from mtcheck.errors import MtcheckError
from mtcheck.parallel import FileResult


@dataclass(frozen=True)
class Setup:
    """What a worker needs to check as the run does."""

    glossaries: tuple[str, ...]
    demo: bool
    lang: str | None
    source_lang: str | None
    rules: tuple[type, ...]
    severities: tuple[tuple[str, object], ...]
    scope: str
    foreign_langs: tuple[str, ...] | None
    source_support: bool
    variants: bool
    sentences: bool = True  # findings sent back with their sentence: only a report showing context needs it
    render: bool = False    # JSON records written in the worker where the file holds no directive (no baseline)
    verbose: bool = False   # the workers say what they load and identify, as the run's process would


def connect(address: str):
    """A Dask client of the scheduler at `address`; a one-line error where it cannot be had."""
    try:
        from distributed import Client
    except ImportError:
        raise MtcheckError("--scheduler needs Dask distributed: pip install 'mtcheck[cluster]'") from None
    try:
        return Client(address, timeout="10s", set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise MtcheckError(f"scheduler {address}: cannot connect ({' '.join(str(exc).split())})") from None


def check_on(client, setup: Setup, files: list[str], checker=None) -> Iterator[FileResult]:
    """The files' results in their order, each file one task on the client's cluster, or,
    a large translation memory, one task for each of its parts and one more to finish each
    (see _parted). `checker`: the run's, where the caller has one (a file checked in parts
    is judged at its end here, GL002 over its parts; else one is built for it)."""
    parts = _parts(client, setup, files)
    futures: list = []
    run_id = uuid.uuid4().hex  # names the parts this run leaves on the workers between their two tasks
    for index, path in enumerate(files):
        if index in parts:
            lang = client.submit(_language_task, path, setup, pure=False, key=f"mtcheck-{run_id}-{index}-lang",
                                 priority=1)
            # Begun in the parts' order: each part's entry waits for the parts before it.
            futures.append((lang, [client.submit(_begin_part_task, run_id, part, lang, setup, pure=False,
                                                 key=f"mtcheck-{run_id}-{index}-{part.number}",
                                                 priority=-part.number)
                                   for part in parts[index]]))
        else:
            futures.append(client.submit(_check_task, path, setup, pure=False, key=f"mtcheck-{run_id}-{index}"))
    try:
        for index, future in enumerate(futures):
            yield _parted(client, setup, checker, run_id, files[index], parts[index], *future) if index in parts \
                else future.result()
    finally:
        client.cancel([f for future in futures for f in (future[1] + [future[0]] if isinstance(future, tuple)
                                                           else [future])])


def _parts(client, setup: Setup, files: list[str]) -> dict[int, list]:
    """The files checked in parts (see mtcheck.partition), by index: as many parts as make two
    a worker, where the file is large enough and the client sees it."""
    from mtcheck.partition import parts_of, rules_split

    if not rules_split(setup.rules, setup.scope):
        return {}
    workers = max(2, len(client.scheduler_info().get("workers", {})))
    return {index: found for index, path in enumerate(files) for found in [parts_of(path, workers)] if found}


def _parted(client, setup: Setup, checker, run_id: str, path: str, parts: list, lang, begun: list) -> FileResult:
    """A file checked in parts: each part's summary taken in order into the file's tables,
    each part finished on the worker that began it (which holds its segments; begun again
    elsewhere where that worker is gone), the results put together; the file checked whole
    in one task where a part failed."""
    from mtcheck.parallel import FileResult
    from mtcheck.partition import SplitFile

    split = SplitFile(path, len(parts))
    finished = []
    for future in begun:
        for number, _, entry in split.summarized(future.result()):
            holder = list(client.who_has([begun[number]]).get(begun[number].key, ()))
            finished.append((holder, (_finish_part_task, run_id, parts[number], lang, entry, setup),
                             f"{begun[number].key}-finish"))
            finished[-1] += (_finishing(client, *finished[-1]),)
    results = [_finished(client, *task) for task in finished]
    if split.failed or any(result.failed for result in results):
        return client.submit(_check_task, path, setup, pure=False, key=f"mtcheck-{run_id}-{path}-whole").result()
    language = lang.result()
    batches, tally = split.result(checker if checker is not None else _built(setup)[1], results)
    return FileResult(path, language, batches, tally, None, "".join(result.said for result in results))


def _finishing(client, holder: list[str], task: tuple, key: str):
    """A part's second task, on the worker holding the part (`holder`), before the parts not
    yet begun (a worker would otherwise begin every part it has and hold them all); anywhere
    where no worker holds it."""
    return client.submit(*task, pure=False, key=key, workers=holder or None, allow_other_workers=not holder,
                         priority=2)


def _finished(client, holder: list[str], task: tuple, key: str, future):
    """The second task's result; where the worker holding the part has left the cluster
    before running it, the task again anywhere (the part is begun again there)."""
    while True:
        try:
            return future.result(timeout=2)
        except TimeoutError:
            pass
        if holder and not set(holder) & set(client.scheduler_info().get("workers", {})):
            client.cancel([future])
            holder, future = [], _finishing(client, [], task, key + "-again")


# Per worker process: the run and checker of each setup met, built once.
_BUILT: dict[Setup, tuple[object, object]] = {}
# Per worker process: the parts begun and not yet finished, by (run, path, part number).
_BEGUN: dict[tuple[str, str, int], object] = {}


def _built(setup: Setup):
    built = _BUILT.get(setup)
    if built is None:
        built = _BUILT[setup] = _build(setup)
    return built


def _render(setup: Setup):
    if not setup.render:
        return None
    from mtcheck.report.jsonreport import JsonFindings

    return JsonFindings.records


def _check_task(path: str, setup: Setup) -> FileResult:
    from mtcheck.parallel import check_file

    run, checker, gate = _built(setup)
    return check_file(run, checker, path, sentences=setup.sentences, render=_render(setup), gate=gate)


def _language_task(path: str, setup: Setup) -> str | None:
    """The file's language as the run reads it (None: it cannot be opened)."""
    from mtcheck.parallel import read_file

    run, _, _ = _built(setup)
    return read_file(run, path, lambda path, lang, segments: ())[1]


def _begin_part_task(run_id: str, part, lang: str | None, setup: Setup):
    from mtcheck.parallel import begin_part
    from mtcheck.partition import PartSummary

    run, checker, _ = _built(setup)
    work = begin_part(run, checker, part, lang) if lang is not None else None
    if work is None:
        return PartSummary(part.number, -1, {}, failed=True)
    _BEGUN[(run_id, part.path, part.number)] = work
    return work.summary


def _finish_part_task(run_id: str, part, lang: str | None, entry, setup: Setup):
    from mtcheck.parallel import begin_part, finish_part

    run, checker, gate = _built(setup)
    work = _BEGUN.pop((run_id, part.path, part.number), None)
    if work is None and lang is not None:  # begun on a worker that is gone: again here
        work = begin_part(run, checker, part, lang)
    render = _render(setup) if gate.passes_all(part.path) else None
    return finish_part(run, checker, work, part, entry, render, setup.sentences)


def _build(setup: Setup):
    from mtcheck.cli.run import Run
    from mtcheck.engine import Checker
    from mtcheck.gate import make_gate

    run = Run(setup.glossaries, setup.lang, False, setup.source_lang, demo=setup.demo or not setup.glossaries)
    run.verbose = setup.verbose  # from the first file on: the run's process said what glossary it loaded
    checker = Checker(run.glossary, setup.rules, dict(setup.severities), scope=setup.scope,
                      foreign_langs=list(setup.foreign_langs) if setup.foreign_langs is not None else None,
                      source_lang=setup.source_lang, source_support=setup.source_support, variants=setup.variants)
    # What holds findings back in a file (its directives), for the worker to know where it
    # may write the report's records itself (see mtcheck.parallel.check_files).
    gate = make_gate(checker.tally, [rule.id for rule in setup.rules], dict(setup.severities))
    return run, checker, gate
