#!/usr/bin/env python3
"""Fuzz mtcheck for a given time per reader family, with the strategies and oracles of
tests/fuzzing.py (the same properties CI runs briefly in tests/test_fuzz.py).

    python scripts/fuzz.py --family po --minutes 30 [--out fuzz-out]
    python scripts/fuzz.py --family all --minutes 5 --keep-going

Families: plain (text, Markdown), xliff (1.2, 2.0), tmx, po (PO, POT), csv (bilingual CSV,
TSV), glossary (TBX v2/v3, CSV, TSV, headerless pairs); `all` runs each for --minutes.

Hypothesis runs in batches, each with a fresh random seed and in a forked process of its own,
until the time is up; a progress line per batch gives examples/s, how the inputs fared (read
or refused, fixed or not) and the batch's peak memory. A batch process that dies (a segfault,
the OOM killer, --memory-limit) is a failure too, reported with the example it was running.
A failing property is shrunk to a minimal example, written to --out as

    <family>-<signature>.input.<ext>  the input file, byte for byte
    <family>-<signature>.py           a script that replays it through the harness
    <family>-<signature>.failure.txt  the failure message and traceback

and the run stops with exit status 1 (with --keep-going: a known signature counts as passing
from then on and the run goes on to find others; the exit status is 1 at the end). Failing
examples are also kept in a hypothesis example database under --out, replayed first on the
next run with the same --out.
"""
from __future__ import annotations

import argparse
import collections
import multiprocessing
import pickle
import random
import re
import resource
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import seed as seeded  # noqa: E402
from hypothesis.database import DirectoryBasedExampleDatabase  # noqa: E402

from tests.fuzzing import FAMILIES, FuzzFailure, reproducer, run_case  # noqa: E402

BATCH_SECONDS = 30  # a batch's target length; each batch is a child process with a seed of its own


class Run:
    """One family's fuzzing: counts, the failures found, where they are written.

    Every batch runs in a forked child process, so that what a batch leaves behind (mtcheck
    keeps a lemmatizer dictionary of some 100 MB per language it meets, for good) goes with
    it, and a crash (a segfault in a C library, the kernel's OOM killer) is a failure with the
    example that caused it, not the end of the run."""

    def __init__(self, family: str, out: Path, keep_going: bool, strict: bool, timeout: float,
                 memory_limit: int = 0):
        self.family = family
        self.out = out
        self.keep_going = keep_going
        self.strict = strict
        self.timeout = timeout
        self.memory_limit = memory_limit
        self.examples = 0
        self.outcomes: collections.Counter = collections.Counter()
        self.failures: dict[str, str] = {}  # signature: its first message line
        self.peak_mb = 0

    def property(self, batch: int, seed: int, last: dict):
        database = DirectoryBasedExampleDatabase(str(self.out / ".hypothesis"))
        current = self.out / f".current-{self.family}.pickle"

        @settings(max_examples=batch, deadline=None, database=database, derandomize=False,
                  report_multiple_bugs=True, print_blob=False, suppress_health_check=list(HealthCheck))
        @seeded(seed)
        @given(case=FAMILIES[self.family].strategy)
        def fuzz(case):
            self.examples += 1
            current.write_bytes(pickle.dumps(case))  # what a crash of the process leaves behind
            try:
                outcome = run_case(case, timeout=self.timeout, strict=self.strict)
            except FuzzFailure as exc:
                if self.keep_going and exc.signature in self.failures:
                    self.outcomes["known failure"] += 1
                    return
                last[exc.signature] = (case, exc)
                raise
            except Exception as exc:  # a bug of the harness itself: reported the same way
                last[f"harness:{type(exc).__name__}"] = (case, exc)
                raise
            self.outcomes[f"read {outcome.get('read')}"] += 1
            fix = outcome.get("fix", "none")
            self.outcomes["fix " + ("edits" if fix.endswith("edits") else fix)] += 1

        return fuzz

    def batch(self, size: int, seed: int, result: Path) -> None:
        """In the child: one batch; what it found goes to `result` (a pickle)."""
        if self.memory_limit:
            resource.setrlimit(resource.RLIMIT_AS, (self.memory_limit << 20, self.memory_limit << 20))
        self.examples, self.outcomes = 0, collections.Counter()
        last: dict = {}
        unrecorded = None
        try:
            self.property(size, seed, last)()
        except KeyboardInterrupt:
            raise
        except BaseException:  # noqa: BLE001 - one failure, or an ExceptionGroup of several
            if not any(s not in self.failures for s in last):
                unrecorded = traceback.format_exc()  # a failure hypothesis saw but the property did not record
        new = {}
        for signature, (case, error) in last.items():
            if signature not in self.failures:
                self.write(signature, case, error)
                new[signature] = str(error).splitlines()[0][:300] if str(error) else type(error).__name__
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        result.write_bytes(pickle.dumps({"examples": self.examples, "outcomes": self.outcomes, "new": new,
                                         "unrecorded": unrecorded, "peak_mb": peak}))

    def go(self, seconds: float, rng: random.Random) -> bool:
        """Fuzz for `seconds`; False once a new failure stops the run."""
        context = multiprocessing.get_context("fork")
        self.out.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        deadline = started + seconds
        size = 25
        while time.monotonic() < deadline:
            seed = rng.getrandbits(64)
            result = self.out / f".batch-{self.family}.pickle"
            result.unlink(missing_ok=True)
            batch_start = time.monotonic()
            child = context.Process(target=self.batch, args=(size, seed, result))
            child.start()
            child.join()
            if result.exists():
                found = pickle.loads(result.read_bytes())
            else:  # the child died: its last example is the reproducer
                found = {"examples": 0, "outcomes": {}, "unrecorded": None, "peak_mb": 0,
                         "new": self.crashed(child.exitcode)}
            self.examples += found["examples"]
            self.outcomes.update(found["outcomes"])
            self.peak_mb = max(self.peak_mb, found["peak_mb"])
            self.failures.update(found["new"])
            if found["unrecorded"]:
                print(found["unrecorded"], flush=True)
                return False
            spent = time.monotonic() - batch_start
            rate = found["examples"] / spent if spent else 0.0
            self.report(started, seed, rate)
            if found["new"] and not self.keep_going:
                return False
            left = deadline - time.monotonic()
            size = max(5, min(5000, int(rate * min(BATCH_SECONDS, left)) or 5))
        return True

    def crashed(self, exitcode: int | None) -> dict[str, str]:
        signature = f"{self.family}:process-died:{'signal ' + str(-exitcode) if exitcode and exitcode < 0 else exitcode}"
        current = self.out / f".current-{self.family}.pickle"
        case = pickle.loads(current.read_bytes()) if current.exists() else None
        if signature in self.failures or case is None:
            return {}
        message = f"the fuzzing process died (exit code {exitcode}) on this example"
        self.write(signature, case, RuntimeError(message))
        return {signature: message}

    def report(self, started: float, seed: int | None = None, rate: float | None = None) -> None:
        elapsed = time.monotonic() - started
        overall = self.examples / elapsed if elapsed else 0.0
        parts = [f"[{self.family}] {elapsed:6.0f} s", f"{self.examples} examples", f"{overall:.1f}/s"]
        if rate is not None:
            parts.append(f"batch {rate:.1f}/s seed {seed:#x}")
        parts.append(", ".join(f"{k}: {v}" for k, v in sorted(self.outcomes.items())))
        parts.append(f"failures: {len(self.failures)}")
        parts.append(f"batch peak {self.peak_mb} MB")
        print(" | ".join(parts), flush=True)

    def write(self, signature: str, case, error: BaseException) -> None:
        self.out.mkdir(parents=True, exist_ok=True)
        slug = re.sub(r"[^\w.-]+", "_", signature).strip("_")[:150]
        stem = self.out / f"{self.family}-{slug}"
        suffix = "".join(Path(getattr(case, "name", "case.bin")).suffixes[-1:]) or ".bin"
        Path(f"{stem}.input{suffix}").write_bytes(getattr(case, "data", b""))
        Path(f"{stem}.py").write_text(reproducer(case, error), encoding="utf-8")
        detail = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        Path(f"{stem}.failure.txt").write_text(f"{signature}\n\n{case!r}\n\n{detail}", encoding="utf-8")
        print(f"FAILURE {signature}\n  {str(error).splitlines()[0][:300]}\n  reproducer: {stem}.py", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--family", required=True, choices=[*FAMILIES, "all"])
    parser.add_argument("--minutes", type=float, default=1.0, help="Time per family (default 1).")
    parser.add_argument("--out", default="fuzz-out", help="Folder for reproducers and the example database.")
    parser.add_argument("--keep-going", action="store_true",
                        help="After a failure, go on looking for failures with other signatures.")
    parser.add_argument("--strict", action="store_true",
                        help="Also fail where a file that reads cannot be fixed (an MtcheckError from fix_file).")
    parser.add_argument("--timeout", type=float, default=10.0,
                        help="Seconds one example may take (default 10; an example takes some 10-100 ms, and a "
                             "timeout is shrunk by running its candidates to the limit).")
    parser.add_argument("--seed", type=int, help="Seed of the batch seeds (default: random).")
    parser.add_argument("--memory-limit", type=int, default=0, metavar="MB",
                        help="Address-space limit of each batch's process (default: none).")
    args = parser.parse_args(argv)

    rng = random.Random(args.seed) if args.seed is not None else random.SystemRandom()
    families = list(FAMILIES) if args.family == "all" else [args.family]
    out = Path(args.out)
    failed = False
    summary = []
    for family in families:
        run = Run(family, out, args.keep_going, args.strict, args.timeout, args.memory_limit)
        started = time.monotonic()
        go_on = run.go(args.minutes * 60, rng)
        elapsed = time.monotonic() - started
        summary.append(f"{family:9} {run.examples:8} examples {run.examples / max(elapsed, 1e-9):8.1f}/s "
                       f"{len(run.failures)} failure signatures" + "".join(f"\n    {s}" for s in run.failures))
        failed = failed or bool(run.failures)
        if not go_on:
            break
    print("\n".join(["", "summary:", *summary]))
    if failed:
        print(f"reproducers in {out}/")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
