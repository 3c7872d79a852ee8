"""Files checked on a Dask cluster (`check --scheduler ADDRESS`, or `check_on` from Python),
their results reported in the files' order as one process would: the same report.

Each task checks one file by its path, so the workers must see the files (and the glossary)
at the same paths: a shared or copied file system. A worker builds the run's glossary and
rules once per setup (`Setup`) and keeps them for the next task; what a task hands back is
what a local worker's does (mtcheck.parallel.FileResult). Needs the `cluster` extra
(`pip install 'mtcheck[cluster]'`: Dask distributed).
"""
from __future__ import annotations

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


def check_on(client, setup: Setup, files: list[str]) -> Iterator[FileResult]:
    """The files' results in their order, each file one task on the client's cluster."""
    futures = client.map(_check_task, files, setup=setup, pure=False, key=[f"mtcheck-{i}" for i in range(len(files))])
    try:
        for future in futures:
            yield future.result()
    finally:
        client.cancel(futures)


# Per worker process: the run and checker of each setup met, built once.
_BUILT: dict[Setup, tuple[object, object]] = {}


def _check_task(path: str, setup: Setup) -> FileResult:
    from mtcheck.parallel import check_file

    built = _BUILT.get(setup)
    if built is None:
        built = _BUILT[setup] = _build(setup)
    run, checker, gate = built
    render = None
    if setup.render:
        from mtcheck.report.jsonreport import JsonFindings

        render = JsonFindings.records
    return check_file(run, checker, path, sentences=setup.sentences, render=render, gate=gate)


def _build(setup: Setup):
    from mtcheck.cli.run import Run
    from mtcheck.engine import Checker
    from mtcheck.gate import make_gate

    run = Run(setup.glossaries, setup.lang, False, setup.source_lang, demo=setup.demo or not setup.glossaries)
    checker = Checker(run.glossary, setup.rules, dict(setup.severities), scope=setup.scope,
                      foreign_langs=list(setup.foreign_langs) if setup.foreign_langs is not None else None,
                      source_lang=setup.source_lang, source_support=setup.source_support, variants=setup.variants)
    # What holds findings back in a file (its directives), for the worker to know where it
    # may write the report's records itself (see mtcheck.parallel.check_files).
    gate = make_gate(checker.tally, [rule.id for rule in setup.rules], dict(setup.severities))
    return run, checker, gate
