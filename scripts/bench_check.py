#!/usr/bin/env python3
"""Benchmark `mtcheck check` against `grep -F -i -o -f TERMS` and a regex-per-term baseline.

Builds corpora of 1, 10 and 100 MB by repeating the seed articles (as 1 MB documents, each in
one seed's language) and glossaries of 100 and 10,000 concepts (the shipped concepts plus
synthetic ones, each with terms in de, nb, tr, en and vi), then prints one table: throughput,
peak memory and glossary compile time of mtcheck, and the same corpus through grep and through
one Python regex per term, with ratios.

    python scripts/bench_check.py [--sizes 1,10,100] [--concepts 100,10000] [--workdir DIR]
"""
from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mtcheck.engine import BLOCK_SEGMENTS  # noqa: E402
from mtcheck.glossary import load_glossary  # noqa: E402
from mtcheck.glossary.shipped import shipped_glossary  # noqa: E402
from mtcheck.matching import Matcher  # noqa: E402

MB = 1_000_000
DOCUMENT_SIZE = MB
SEED_LANGS = {"000": "de", "001": "nb", "002": "de", "003": "de", "004": "tr"}
# Closed syllables, three or four to a word: pronounceable, and unlike the seeds' real words,
# so that the synthetic terms cost what a large glossary costs without matching by accident.
_SYLLABLES = [c + v + e for c in "bdfgklmnprstvz" for v in "aeiou" for e in "kmnrtx"]

# Measures its child's peak resident memory: ru_maxrss of RUSAGE_CHILDREN is that one child's.
_RSS_WRAPPER = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
                "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(r.returncode)")


def build_corpus(directory: Path, megabytes: int) -> Path:
    """`megabytes` MB of seed text as 1 MB documents, each repeating one seed."""
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    target = directory / f"corpus-{megabytes}mb"
    target.mkdir(parents=True, exist_ok=True)
    written = 0
    index = 0
    while written < megabytes * MB:
        seed = seeds[index % len(seeds)]
        text = seed.read_text(encoding="utf-8")
        size = min(DOCUMENT_SIZE, megabytes * MB - written)
        repeats = max(1, size // len(text.encode("utf-8")))
        body = ("\n".join([text] * repeats)).encode("utf-8")
        (target / f"doc{index:04d}_{seed.stem[:3]}.txt").write_bytes(body)
        written += len(body)
        index += 1
    return target


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(3, 4)))


def build_glossary(directory: Path, concepts: int, seed: int = 1) -> Path:
    """The shipped glossary's concepts plus synthetic ones, as one TBX file."""
    from xml.sax.saxutils import escape

    rng = random.Random(seed)
    shipped = shipped_glossary().read_text(encoding="utf-8")
    head, tail = shipped.rsplit("    </body>", 1)
    entries = []
    statuses = ("preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts")
    real = len(load_glossary(shipped_glossary()))
    for number in range(max(0, concepts - real)):
        langs = []
        for lang in ("de", "nb", "tr", "en", "vi"):
            count = 3 if lang == "de" else 1
            tigs = []
            for status in statuses[:count]:
                words = [_word(rng) for _ in range(rng.randint(1, 3))]
                if lang == "de":
                    words[-1] = words[-1].capitalize()
                tigs.append(f'<tig><term>{escape(" ".join(words))}</term>'
                            f'<termNote type="administrativeStatus">{status}</termNote></tig>')
            langs.append(f'<langSet xml:lang="{lang}">{"".join(tigs)}</langSet>')
        entries.append(f'      <termEntry id="synthetic-{number}">{"".join(langs)}</termEntry>\n')
    path = directory / f"glossary-{concepts}.tbx"
    path.write_text(head + "".join(entries) + "    </body>" + tail, encoding="utf-8")
    return path


def terms_file(glossary_path: Path, directory: Path) -> Path:
    glossary = load_glossary(glossary_path)
    terms = sorted({t.text for c in glossary for t in c.terms if t.text.strip()})
    path = directory / f"{glossary_path.stem}.terms"
    path.write_text("\n".join(terms) + "\n", encoding="utf-8")
    return path


def matching_mb_per_s(matcher: Matcher, corpus: Path) -> float:
    """Steady-state MB/s of the matcher alone (no rules, no report), in this process: lines
    searched in blocks, as `check` searches them."""
    seconds = size = 0.0
    for path in sorted(corpus.iterdir()):
        find_all = matcher.for_language(SEED_LANGS[path.stem.rsplit("_", 1)[1]]).find_all
        lines = path.read_text(encoding="utf-8").split("\n")
        size += path.stat().st_size
        start = time.perf_counter()
        for first in range(0, len(lines), BLOCK_SEGMENTS):
            find_all(lines[first:first + BLOCK_SEGMENTS])
        seconds += time.perf_counter() - start
    return size / MB / seconds


def compile_seconds(glossary_path: Path, langs: tuple[str, ...]) -> tuple[float, list[float], Matcher]:
    """Seconds to load the glossary, and to compile it for each of `langs` in turn.

    The analyzers' own data (lemmatizer dictionaries) is loaded before timing: it is paid
    once per process whatever the glossary.
    """
    from mtcheck.language import analyzer_for

    for lang in langs:
        analyzer_for(lang).key("warmup")
    start = time.perf_counter()
    matcher = Matcher(load_glossary(glossary_path))
    load = time.perf_counter() - start
    compiles = []
    for lang in langs:
        start = time.perf_counter()
        matcher.for_language(lang)
        compiles.append(time.perf_counter() - start)
    return load, compiles, matcher


def run_measured(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of a command that exits 0 (clean) or 1 (findings)."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", _RSS_WRAPPER, *command], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}): {result.stderr[-2000:]}")
    return elapsed, int(result.stdout.strip().splitlines()[-1])


def regex_baseline_mb_per_s(glossary_path: Path, corpus: Path, budget_s: float = 20.0) -> tuple[float, bool]:
    """MB/s of one compiled regex per term over the corpus; a sample when it would take too long."""
    glossary = load_glossary(glossary_path)
    patterns = [re.compile(r"(?<!\w)" + re.escape(t.text) + r"(?!\w)", re.IGNORECASE)
                for c in glossary for t in c.terms if t.text.strip()]
    done, start, sampled = 0, time.perf_counter(), False
    for path in sorted(corpus.iterdir()):
        for line in path.read_text(encoding="utf-8").split("\n"):
            for pattern in patterns:
                for _ in pattern.finditer(line):
                    pass
            done += len(line.encode("utf-8")) + 1
            if time.perf_counter() - start > budget_s:
                sampled = True
                break
        if sampled:
            break
    return done / MB / (time.perf_counter() - start), sampled


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,10,100", help="corpus sizes in MB")
    parser.add_argument("--concepts", default="100,10000", help="glossary sizes in concepts")
    parser.add_argument("--workdir", help="keep corpora and glossaries here (default: a temporary folder)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    concept_counts = [int(c) for c in args.concepts.split(",")]
    workdir = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="mtcheck-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    mtcheck = shutil.which("mtcheck") or str(Path(sys.executable).parent / "mtcheck")
    grep = shutil.which("grep")

    corpora = {size: build_corpus(workdir, size) for size in sizes}
    print(f"corpora: {', '.join(f'{s} MB' for s in sizes)} (1 MB documents of the seeds: de, nb, tr)")
    print("| concepts | corpus | check MB/s | matching MB/s | peak RSS | load + compile (de, nb, tr) | grep -F MB/s | "
          "regex/term MB/s | mtcheck / grep | mtcheck / regex |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for concepts in concept_counts:
        glossary_path = build_glossary(workdir, concepts)
        terms = terms_file(glossary_path, workdir)
        load_s, compile_s, matcher = compile_seconds(glossary_path, ("de", "nb", "tr"))
        for size in sizes:
            corpus = corpora[size]
            report = workdir / "report.json"
            seconds, rss = run_measured([mtcheck, "check", str(corpus), "-g", str(glossary_path),
                                         "--format", "json", "-o", str(report)])
            mt_rate = size / seconds
            match_rate = matching_mb_per_s(matcher, corpus)
            grep_rate = None
            if grep:
                start = time.perf_counter()
                # The C locale: byte-wise and ASCII-only -i, grep's fastest path. In a UTF-8
                # locale, GNU grep -F -i with 70,000 patterns takes minutes per megabyte.
                # Output goes to a pipe: with stdout on /dev/null grep stops at the first match.
                subprocess.run([grep, "-r", "-F", "-i", "-o", "-f", str(terms), str(corpus)],
                               stdout=subprocess.PIPE, check=False, env={**os.environ, "LC_ALL": "C"})
                grep_rate = size / (time.perf_counter() - start)
            regex_rate, sampled = regex_baseline_mb_per_s(glossary_path, corpus)
            regex_text = f"{regex_rate:.3f}{' (sample)' if sampled else ''}"
            compile_text = ", ".join(f"{c:.2f}" for c in compile_s)
            print(f"| {concepts:,} | {size} MB | {mt_rate:.1f} | {match_rate:.1f} | {rss / 1024:.0f} MiB | {load_s:.2f} s + {compile_text} s | "
                  f"{grep_rate:.1f} | {regex_text} | {mt_rate / grep_rate:.2f} | {mt_rate / regex_rate:.0f}x |",
                  flush=True)
    if not args.workdir:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
