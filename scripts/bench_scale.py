#!/usr/bin/env python3
"""Benchmark `mtcheck check --jobs N`: wall time and throughput of the whole command (glossary
load and compile included) on a corpus of 1 MB files, and whether every N reports the same.

    python scripts/bench_scale.py [--megabytes 100] [--concepts 10000] [--jobs 1,2] [--repeat 1] [--workdir DIR]

The corpus and glossary are bench_check's (the seed articles repeated as 1 MB documents in
their languages; the shipped concepts plus synthetic ones with terms in de, nb, tr, en and vi),
checked with `--format json --lang`-free detection off: each file's language comes from its name.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bench_check import build_corpus, build_glossary  # noqa: E402


def run(corpus: Path, glossary: Path, jobs: int, output: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mtcheck", "check", str(corpus), "-g", str(glossary),
                             "--format", "json", "--quiet", "--jobs", str(jobs), "-o", str(output)],
                            capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode not in (0, 1):
        raise SystemExit(f"mtcheck failed ({result.returncode}): {result.stderr.strip()}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=int, default=100)
    parser.add_argument("--concepts", type=int, default=10_000)
    parser.add_argument("--jobs", default="1,2", help="comma-separated job counts")
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
    print("| jobs | seconds | MB/s | speed-up | report |")
    print("|---:|---:|---:|---:|---|")
    base_seconds, base_digest = None, None
    for jobs in (int(j) for j in args.jobs.split(",")):
        output = workdir / f"report-{jobs}.json"
        seconds = min(run(corpus, glossary, jobs, output) for _ in range(args.repeat))
        digest = hashlib.sha256(output.read_bytes()).hexdigest()
        if base_seconds is None:
            base_seconds, base_digest = seconds, digest
        same = "same as the first" if digest == base_digest else "DIFFERENT"
        print(f"| {jobs} | {seconds:.1f} | {size / seconds:.1f} | {base_seconds / seconds:.2f}x | {same} |", flush=True)


if __name__ == "__main__":
    main()
