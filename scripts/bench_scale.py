#!/usr/bin/env python3
"""Benchmark `mtcheck check` across cores and machines: wall time and throughput of the whole
command (glossary load and compile included) with `--jobs N` and on a local Dask cluster of N
worker processes (`--scheduler`), whether every run reports the same bytes, and the start-up
time with the glossary cache cold and warm.

    python scripts/bench_scale.py [--megabytes 100] [--concepts 10000] [--jobs 1,2] [--dask 1,2]
                                  [--tmx UNITS] [--po UNITS] [--xliff UNITS] [--repeat 1] [--workdir DIR]

The corpus and glossary are bench_check's (the seed articles repeated as 1 MB documents in
their languages; the shipped concepts plus synthetic ones with terms in de, nb, tr, en and vi),
checked with `--format json`. --tmx UNITS also checks bench_tmx's translation memory of that
many units with one process, with --jobs N and on a local cluster of N (N: the last of --dask,
else 2), and compares the reports; --po UNITS the same units as a PO file (each with its own
msgctxt, inline tags left out), --xliff UNITS as an XLIFF 1.2 file. --dask needs mtcheck[cluster].
"""
from __future__ import annotations

import argparse
import hashlib
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bench_check import build_corpus, build_glossary  # noqa: E402


def run(corpus: Path, glossary: Path, jobs: int, output: Path, extra: tuple[str, ...] = (),
        env: dict | None = None) -> float:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mtcheck", "check", str(corpus), "-g", str(glossary),
                             "--format", "json", "--quiet", "--jobs", str(jobs), "-o", str(output), *extra],
                            capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    if result.returncode not in (0, 1):
        raise SystemExit(f"mtcheck failed ({result.returncode}): {result.stderr.strip()}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=int, default=100)
    parser.add_argument("--concepts", type=int, default=10_000)
    parser.add_argument("--jobs", default="1,2", help="comma-separated job counts")
    parser.add_argument("--dask", default="", help="comma-separated worker counts of a local Dask cluster")
    parser.add_argument("--tmx", type=int, default=0, help="also compare local and Dask on a TMX of this many units")
    parser.add_argument("--po", type=int, default=0, help="also compare local and Dask on a PO file of this many units")
    parser.add_argument("--xliff", type=int, default=0, help="also compare local and Dask on an XLIFF of this many units")
    parser.add_argument("--repeat", type=int, default=1, help="runs per job count (the fastest is shown)")
    parser.add_argument("--workdir", help="where the corpus and glossary are built (default: a temporary folder)")
    args = parser.parse_args()
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="mtcheck-bench-scale-"))
    workdir.mkdir(parents=True, exist_ok=True)
    corpus = build_corpus(workdir, args.megabytes)
    glossary = build_glossary(workdir, args.concepts)
    size = sum(f.stat().st_size for f in corpus.iterdir()) / 1e6
    print(f"{size:.0f} MB in {len(list(corpus.iterdir()))} files, {args.concepts:,} concepts, "
          f"{os.cpu_count()} CPUs ({len(os.sched_getaffinity(0))} available)")
    print("| run | seconds | MB/s | speed-up | median of paired speed-ups | report |")
    print("|---:|---:|---:|---:|---:|---|")
    base_seconds, base_digest, base_times = None, None, None
    # One run first, untimed, so that every timed run finds the glossary loaded and compiled
    # in the cache folder, as every run after a user's first does.
    run(corpus, glossary, 1, workdir / "warm-up.json")
    rows = [(f"--jobs {j}", int(j), ()) for j in args.jobs.split(",") if j]
    clusters = [int(n) for n in args.dask.split(",") if n] if args.dask else []
    # The --jobs rows in turns (1, 2, 1, 2, ...): on a machine whose speed drifts, each turn's
    # runs meet the same spell, and the median of the turns' ratios says what the pairs say.
    local = {label: [] for label, _, _ in rows}
    for _ in range(args.repeat):
        for label, jobs, _ in rows:
            local[label].append(run(corpus, glossary, jobs, _report(workdir, label)))
    for label, jobs, extra in rows + [(f"Dask, {n} workers", n, ("dask",)) for n in clusters]:
        output = _report(workdir, label)
        if extra:
            with local_cluster(jobs) as address:
                run(corpus, glossary, 1, output, ("--scheduler", address))  # workers build the setup once
                times = [run(corpus, glossary, 1, output, ("--scheduler", address)) for _ in range(args.repeat)]
        else:
            times = local[label]
        seconds = min(times)
        digest = hashlib.sha256(output.read_bytes()).hexdigest()
        if base_seconds is None:
            base_seconds, base_digest, base_times = seconds, digest, times
        same = "same as the first" if digest == base_digest else "DIFFERENT"
        paired = f"{statistics.median(b / t for b, t in zip(base_times, times)):.2f}x" if not extra else "-"
        print(f"| {label} | {seconds:.1f} | {size / seconds:.1f} | {base_seconds / seconds:.2f}x | {paired} | {same} |",
              flush=True)
    startup(workdir, glossary)
    if args.tmx:
        compare_memory(workdir, args.tmx, clusters[-1] if clusters else 2, "tmx")
    if args.po:
        compare_memory(workdir, args.po, clusters[-1] if clusters else 2, "po")
    if args.xliff:
        compare_memory(workdir, args.xliff, clusters[-1] if clusters else 2, "xlf")


def _report(workdir: Path, label: str) -> Path:
    return workdir / f"report-{label.replace(' ', '').replace(',', '')}.json"


def local_cluster(workers: int):
    """A local Dask cluster of `workers` processes, one thread each: its scheduler's address."""
    import contextlib

    from distributed import LocalCluster

    @contextlib.contextmanager
    def started():
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=50) as cluster:
            yield cluster.scheduler_address
    return started()


READY = """
import sys, time
start = time.perf_counter()
from mtcheck.glossary import load_glossaries
from mtcheck.language import analyzer_for
from mtcheck.matching import Matcher
analyzer_for("de")  # German's stemmer and lemmatizer, imported whatever the glossary (35 ms)
imported = time.perf_counter()
matcher = Matcher(load_glossaries([sys.argv[1]]))
loaded = time.perf_counter()
matcher.for_language("de")
print(imported - start, loaded - imported, time.perf_counter() - loaded)
"""


def startup(workdir: Path, glossary: Path) -> None:
    """`check` of a one-line file with an empty cache folder (cold) and again (warm); and the
    glossary alone, loaded and compiled for German, in a fresh process, cold and warm."""
    tiny = workdir / "one-line.de.txt"
    tiny.write_text("Die Massenmobilisierung geht weiter.\n", encoding="utf-8")
    cache = Path(tempfile.mkdtemp(prefix="mtcheck-cache-"))
    env = {**os.environ, "MTCHECK_CACHE_DIR": str(cache)}
    output = workdir / "one-line.json"
    cold = run(tiny, glossary, 1, output, env=env)
    warm = min(run(tiny, glossary, 1, output, env=env) for _ in range(3))
    print(f"\nstart-up, `check` of one line with this glossary: cold cache {cold:.2f} s, warm {warm:.2f} s")
    cache = Path(tempfile.mkdtemp(prefix="mtcheck-cache-"))
    env = {**os.environ, "MTCHECK_CACHE_DIR": str(cache)}
    times = []
    for _ in range(8):
        result = subprocess.run([sys.executable, "-c", READY, str(glossary)], capture_output=True, text=True,
                                env=env, check=True)
        times.append([float(x) for x in result.stdout.split()])
    cold_ready, warm = times[0], sorted(times[1:], key=lambda t: t[1] + t[2])
    warm_ready = warm[0]
    print(f"glossary ready (loaded, compiled for German), in a fresh process: cold {cold_ready[1]:.2f} + "
          f"{cold_ready[2]:.2f} s, warm {warm_ready[1]:.2f} + {warm_ready[2]:.2f} = {warm_ready[1] + warm_ready[2]:.2f} s "
          f"at best, {statistics.median(t[1] + t[2] for t in warm):.2f} s the median of {len(warm)} "
          f"(imports before, mtcheck's and German's analyser: {warm_ready[0]:.2f} s)")


def compare_memory(workdir: Path, units: int, workers: int, kind: str) -> None:
    """One translation memory (TMX) or PO file of `units` units (checked in parts where it is
    large enough): with one process, with `--jobs workers`, and on a local Dask cluster of
    `workers`."""
    from bench_tmx import write_tmx

    memory = workdir / f"memory-{units}.{kind}"
    if not memory.exists():
        {"tmx": write_tmx, "po": write_po, "xlf": write_xliff}[kind](memory, units, False)
    shipped = ROOT / "glossaries" / "dan-van.tbx"
    one, local, remote = (workdir / f"{kind}-{name}.json" for name in ("one", "local", "dask"))
    one_s = run(memory, shipped, 1, one, ("--lang", "de"))
    local_s = run(memory, shipped, workers, local, ("--lang", "de"))
    with local_cluster(workers) as address:
        remote_s = run(memory, shipped, 1, remote, ("--lang", "de", "--scheduler", address))
    reports = [path.read_bytes() for path in (one, local, remote)]
    same = "the same" if reports[1:] == reports[:1] * 2 else "DIFFERENT"
    print(f"\n{units:,}-unit {kind.upper()} ({memory.stat().st_size / 1e6:.0f} MB): one process {one_s:.1f} s, "
          f"--jobs {workers} {local_s:.1f} s ({one_s / local_s:.2f}x), Dask ({workers} workers) {remote_s:.1f} s "
          f"({one_s / remote_s:.2f}x); reports {same} ({one.stat().st_size / 1e6:.1f} MB)")


INLINE = re.compile(r"<(bpt|ept|ph)\b[^>]*>.*?</\1>")  # bench_tmx's inline tags, with their content


def write_xliff(path: Path, units: int, turkish: bool, seed: int = 1) -> Path:
    """bench_tmx's units as an XLIFF 1.2 file (English to German), inline tags as <x/>."""
    from bench_tmx import UnitMaker

    maker = UnitMaker(seed, turkish)
    with open(path, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
                  'xmlns="urn:oasis:names:tc:xliff:document:1.2">\n  <file original="memory" '
                  'source-language="en" target-language="de" datatype="plaintext">\n    <body>\n')
        for number in range(1, units + 1):
            source, target, _ = maker.unit()
            out.write(f'      <trans-unit id="u{number}">\n        <source>{INLINE.sub("<x/>", source)}</source>\n'
                      f'        <target>{INLINE.sub("<x/>", target)}</target>\n      </trans-unit>\n')
        out.write("    </body>\n  </file>\n</xliff>\n")
    return path


def write_po(path: Path, units: int, turkish: bool, seed: int = 1) -> Path:
    """bench_tmx's units as a PO file (German), each with its own msgctxt (a source may come
    again with another translation), inline tags left out; written as it is made."""
    import html

    from bench_tmx import UnitMaker

    def quoted(content: str) -> str:
        text = html.unescape(INLINE.sub("", content))
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    maker = UnitMaker(seed, turkish)
    with open(path, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as out:
        out.write('msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n')
        for number in range(1, units + 1):
            source, target, _ = maker.unit()
            out.write(f'#: memory:{number}\nmsgctxt "u{number}"\nmsgid {quoted(source)}\nmsgstr {quoted(target)}\n\n')
    return path


if __name__ == "__main__":
    main()
