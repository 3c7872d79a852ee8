#!/usr/bin/env python3
"""Benchmark `mtcheck check` on TMX translation memories of up to a million units: time and peak memory.

Writes TMX files of 10,000, 100,000 and 1,000,000 units (en source, de target, optionally a tr
target too), streamed to disk unit by unit. The targets are real German sentences from the
seed articles (000, 002, 003); the sources are synthetic English sentences, a share of which
hold glossary terms ("skilful mass mobilisation", "grassroots democracy", "site clearance" …).
Source and target are not translations of each other: only the glossary terms are aligned on
purpose, half of the time, so that GL004 missing-term fires on the other half. A number
carried from source to target (as in real memories) keeps most units distinct; a pool of
repeated sources whose targets sometimes vary makes GL005 inconsistent-translation fire. A
share of the units has inline codes (<bpt>/<ept> around words, <ph>).

Each file is checked by `mtcheck check FILE --lang de --format json -o REPORT` as a child
process, once with every rule and once with `--ignore GL005` (which keeps a hash per distinct
segment), and one markdown table is printed: units, file size, seconds, segments/s, MB/s,
the child's peak RSS and the findings by rule.

    python scripts/bench_tmx.py [--sizes 10000,100000,1000000] [--turkish] [--workdir DIR]
                                [--profile UNITS] [--fix]

--fix instead runs `mtcheck check COPY --lang de --fix --select GL001` on a copy of each file
(the fix is streamed: the file is planned a batch of units at a time and the edited <seg>
elements spliced into a copy) and prints time, peak RSS, the lines that changed (a fix adds
none) and the deprecated renderings left.

--profile UNITS also runs the check of the UNITS file in-process under tracemalloc and prints
what grew between 10% and 100% of the segments, by allocation site, with the sizes of the
matcher's caches and the rules' state at the end.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_check import MB, run_measured  # noqa: E402  (scripts/ is on sys.path when run as a script)

from mtcheck.glossary import load_glossary
from mtcheck.glossary.shipped import shipped_glossary
from mtcheck.matching import Matcher

GERMAN_SEEDS = ("000", "002", "003")
TURKISH_SEEDS = ("004",)
TERM_SHARE = 0.4       # units whose source holds a glossary term
RENDERED_SHARE = 0.5   # of those, units whose target renders the term (GL004 fires on the rest)
REPEATED_SHARE = 0.08  # units whose source comes from a small pool of repeated sources
VARIANT_SHARE = 0.25   # of those, units that translate the repeated source differently (GL005)
POOL_SIZE = 500
BOLD_SHARE = 0.15      # units with <bpt>/<ept> around the source's object and the target's number
PH_SHARE = 0.10        # units with a <ph> at the end of both sides

_SUBJECTS = ("The provincial party committee", "The district people's committee", "Local authorities",
             "The commune", "Officials at all levels", "The steering committee", "Residents of the hamlet",
             "The city", "Party members in the ward", "The youth union", "The women's union", "Delegates")
_VERBS = ("promoted", "reviewed", "discussed", "strengthened", "implemented", "evaluated", "supported",
          "reported on", "praised", "called for")
# English glossary terms (preferred and admitted ones) with their concept ids.
_TERMS = (("skilful mass mobilisation", "dan-van-kheo"), ("skilled mass mobilization", "dan-van-kheo"),
          ("mass mobilisation work", "dan-van"), ("grassroots democracy", "dan-chu-o-co-so"),
          ("site clearance", "giai-phong-mat-bang"), ("land clearance", "giai-phong-mat-bang"),
          ("the emulation movement", "phong-trao-thi-dua"), ("the Mass Mobilisation Commission", "ban-dan-van"),
          ("the Vietnam Fatherland Front", "mat-tran-to-quoc"))
_PLAIN = ("the new road project", "local budgets", "the annual plan", "public health services",
          "school renovations", "flood protection", "the rice harvest", "rural electrification",
          "the housing programme", "tax collection", "vocational training", "the water supply")
_TAILS = ("for {n} households", "in ward {n}", "with {n} participants", "at a cost of {n} million dong")


def seed_sentences(prefixes: tuple[str, ...]) -> list[str]:
    """Distinct sentences of the seed articles whose names start with `prefixes`."""
    sentences: dict[str, None] = {}
    for prefix in prefixes:
        for path in sorted((ROOT / "seeds").glob(f"{prefix}_*.txt")):
            for line in path.read_text(encoding="utf-8").splitlines():
                for sentence in re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜİÇŞ„\"])", line.strip()):
                    if len(sentence) >= 30 and sentence[-1] in ".!?“\"":
                        sentences[sentence] = None
    return list(sentences)


def by_concept(sentences: list[str], lang: str) -> dict[str, list[str]]:
    """Sentences indexed by every concept they render (nested terms included)."""
    matcher = Matcher(load_glossary(shipped_glossary())).for_language(lang)
    index: dict[str, list[str]] = {}
    for sentence in sentences:
        for concept in matcher.concepts(sentence):
            index.setdefault(concept, []).append(sentence)
    return index


class UnitMaker:
    """Source and target texts, as TMX <seg> content, for one unit after another."""

    def __init__(self, seed: int, turkish: bool):
        self.rng = random.Random(seed)
        self.german = seed_sentences(GERMAN_SEEDS)
        self.rendering = by_concept(self.german, "de")
        self.turkish = seed_sentences(TURKISH_SEEDS) if turkish else []
        rng = self.rng
        # Repeated sources: each with its usual translation and, sometimes, another one.
        self.pool = [(self._english(rng.choice(_PLAIN), ""), rng.choice(self.german)) for _ in range(POOL_SIZE)]

    def _english(self, thing: str, tail: str, bold: bool = False) -> str:
        rng = self.rng
        if bold:
            thing = f'<bpt i="1" x="1">&lt;b&gt;</bpt>{escape(thing)}<ept i="1">&lt;/b&gt;</ept>'
        else:
            thing = escape(thing)
        return f"{escape(rng.choice(_SUBJECTS))} {escape(rng.choice(_VERBS))} {thing}{tail}."

    def unit(self) -> tuple[str, str, str | None]:
        """(source, target, Turkish target or None) as escaped XML content."""
        rng = self.rng
        ph = '<ph x="2">&lt;br/&gt;</ph>' if rng.random() < PH_SHARE else ""
        turkish = escape(rng.choice(self.turkish)) + ph if self.turkish else None
        if rng.random() < REPEATED_SHARE:
            source, target = rng.choice(self.pool)
            if rng.random() < VARIANT_SHARE:
                target = rng.choice(self.german)
            return source + ph, escape(target) + ph, turkish
        bold = rng.random() < BOLD_SHARE
        number = f"{rng.randint(10, 999_999):,}"
        german_number = number.replace(",", ".")
        if bold:
            german_number = f'<bpt i="1" x="1">&lt;b&gt;</bpt>{german_number}<ept i="1">&lt;/b&gt;</ept>'
        if rng.random() < TERM_SHARE:
            term, concept = rng.choice(_TERMS)
            rendered = self.rendering.get(concept)
            target = rng.choice(rendered) if rendered and rng.random() < RENDERED_SHARE else rng.choice(self.german)
        else:
            term, target = rng.choice(_PLAIN), rng.choice(self.german)
        source = self._english(term, " " + rng.choice(_TAILS).format(n=number), bold)
        target = f"{escape(target[:-1])} (Nr. {german_number}){target[-1]}"
        return source + ph, target + ph, turkish


def write_tmx(path: Path, units: int, turkish: bool, seed: int = 1) -> Path:
    """A TMX file of `units` units, written as it is made: memory does not grow with `units`."""
    maker = UnitMaker(seed, turkish)
    with open(path, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
                  '  <header creationtool="mtcheck-bench" creationtoolversion="1" segtype="sentence" '
                  'o-tmf="none" adminlang="en" srclang="en" datatype="plaintext"/>\n  <body>\n')
        for number in range(1, units + 1):
            source, target, turkish_target = maker.unit()
            out.write(f'    <tu tuid={quoteattr(f"u{number}")}>\n'
                      f'      <tuv xml:lang="en"><seg>{source}</seg></tuv>\n'
                      f'      <tuv xml:lang="de"><seg>{target}</seg></tuv>\n')
            if turkish_target is not None:
                out.write(f'      <tuv xml:lang="tr"><seg>{turkish_target}</seg></tuv>\n')
            out.write("    </tu>\n")
        out.write("  </body>\n</tmx>\n")
    return path


def report_summary(report: Path) -> dict:
    """The summary that ends a JSON report, read from the file's tail (the findings may be GBs)."""
    with open(report, "rb") as handle:
        handle.seek(0, 2)
        handle.seek(max(0, handle.tell() - (4 << 20)))
        tail = handle.read().decode("utf-8", "ignore")
    at = tail.rfind('"summary": ')
    return json.loads(tail[at + len('"summary": '):].rstrip().removesuffix("}"))


# Runs in a child: wraps TmxFile.segments so that at 10% and at 100% of the segments, while
# Checker.check is still running, it measures what the run holds (found through check's own
# frame) and takes a tracemalloc snapshot; then prints the growth between the two.
_PROFILER = r'''
import collections, enum, gc, sys, tracemalloc, types
path, units, *argv = sys.argv[1:]
units = int(units)
tracemalloc.start(4)
from mtcheck import cli, engine, matching, model, rules
from mtcheck.formats import tmx
# Shared, constant objects (the glossary, the compiled matcher) are not counted.
SHARED = (model.Concept, model.Term, model.Glossary, rules.Document, enum.Enum, type, types.MethodType,
          types.FunctionType, types.BuiltinFunctionType, matching.LanguageMatcher, engine.Checker)
def deep_size(roots, seen):
    total, stack = 0, list(roots)
    while stack:
        item = stack.pop()
        if id(item) in seen or isinstance(item, SHARED):
            continue
        seen.add(id(item))
        total += sys.getsizeof(item)
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset)):
            stack.extend(item)
        if hasattr(item, "__dict__"):
            stack.append(item.__dict__)
    return total
def holdings():
    frame = sys._getframe()
    while frame.f_code is not engine.Checker.check.__code__:
        frame = frame.f_back
    checker, run_rules = frame.f_locals["self"], frame.f_locals["rules_by_lang"]
    seen, sizes, counts = set(), {}, {}
    for lang, m in checker.matcher._by_lang.items():
        caches = (m._spans, m._native_chunks, m._foreign_chunks, m._native_words, m._foreign_words)
        sizes[f"matcher {lang}: chunk and word caches"] = deep_size(caches, seen)
        counts[f"matcher {lang}: chunk and word caches"] = f"{len(m._spans):,} chunks, {len(m._native_words):,} words"
    for lang, rule_list in run_rules.items():
        for rule in rule_list:
            state = {k: v for k, v in vars(rule).items() if k not in ("document", "effective_severity")}
            label = f"{rule.id} {rule.name} state ({lang})"
            sizes[label] = deep_size(state.values(), seen)
            counts[label] = ", ".join(f"{k} {len(v):,}" + (f" ({sum(map(len, v.values())):,} matches)"
                                                            if k == "_held" else "")
                                      for k, v in state.items() if hasattr(v, "__len__"))
    findings = frame.f_locals["findings"]
    sizes["findings held by Checker.check until the file ends"] = deep_size([findings], seen)
    counts["findings held by Checker.check until the file ends"] = f"{len(findings):,} findings"
    return sizes, counts
measured = {}
original_segments = tmx.TmxFile.segments
def segments(self):
    for number, segment in enumerate(original_segments(self), 1):
        if number in (units // 10, units):
            gc.collect()
            measured[number] = (tracemalloc.take_snapshot(), *holdings())
        yield segment
tmx.TmxFile.segments = segments
code = cli.main(["check", path, *argv])
(first, first_sizes, _), (last, last_sizes, counts) = measured[units // 10], measured[units]
grown = sum(s.size_diff for s in last.compare_to(first, "filename"))
span = units - units // 10
print(f"traced memory grew by {grown / 2**20:.1f} MiB from segment {units // 10:,} to {units:,} "
      f"({grown / span:,.0f} bytes a segment); peak traced {tracemalloc.get_traced_memory()[1] / 2**20:.1f} MiB "
      f"(exit {code}). What the run holds at the last segment:")
print("| held by | at 10% | at 100% | bytes per segment | entries at 100% |")
print("|---|---:|---:|---:|---|")
for label, size in sorted(last_sizes.items(), key=lambda kv: -kv[1]):
    before = first_sizes.get(label, 0)
    print(f"| {label} | {before / 2**20:.1f} MiB | {size / 2**20:.1f} MiB | {(size - before) / span:,.0f} | "
          f"{counts[label]} |")
held = sum(last_sizes.values()) - sum(first_sizes.values())
print(f"| all of these | | | {held / span:,.0f} | (of {grown / span:,.0f} traced) |")
by_site = collections.defaultdict(lambda: [0, 0])
for stat in last.compare_to(first, "traceback"):
    frames = [f for f in stat.traceback if "/mtcheck/" in f.filename]
    key = " <- ".join(f"{f.filename.rsplit('/mtcheck/', 1)[-1]}:{f.lineno}" for f in reversed(frames[-2:]))
    by_site[key or str(stat.traceback[-1])][0] += stat.size_diff
    by_site[key or str(stat.traceback[-1])][1] += stat.count_diff
print("growth by allocation site (innermost mtcheck frame <- its caller):")
for key, (size, count) in sorted(by_site.items(), key=lambda kv: -kv[1][0])[:12]:
    print(f"  {size / 2**20:8.1f} MiB {count:+10,} blocks  {key}")
'''


def fix_table(workdir: Path, unit_counts: list[int], turkish: bool, mtcheck: str) -> None:
    """Time and peak memory of --fix on a copy of each TMX, and what it changed."""
    print("| units | file MB | fix + check seconds | peak RSS | lines changed (of) | GL001 before → after |")
    print("|---:|---:|---:|---:|---:|---|", flush=True)
    for units in unit_counts:
        path = workdir / f"bench-{units}.tmx"
        if not path.exists():
            write_tmx(path.with_suffix(".part"), units, turkish).rename(path)
        copy = workdir / f"fix-{units}.tmx"
        shutil.copyfile(path, copy)
        check = [mtcheck, "check", str(copy), "--lang", "de", "--select", "GL001", "--format", "json", "-o"]
        run_measured([*check, str(workdir / "before.json")])
        seconds, rss = run_measured([*check[:3], "--fix", *check[3:], str(workdir / "after.json")])
        before, after = (report_summary(workdir / name)["findings"] for name in ("before.json", "after.json"))
        changed, lines = changed_lines(path, copy)
        print(f"| {units:,} | {path.stat().st_size / MB:.1f} | {seconds:.1f} | {rss / 1024:.0f} MiB | "
              f"{changed:,} ({lines:,}) | {before:,} → {after:,} |", flush=True)
        copy.unlink()


def changed_lines(first: Path, second: Path) -> tuple[int, int]:
    """Lines that differ between two files of as many lines, and the lines in all."""
    changed = lines = 0
    with open(first, "rb") as a, open(second, "rb") as b:
        for x, y in zip(a, b, strict=True):
            changed += x != y
            lines += 1
    return changed, lines


def profile(mtcheck_args: list[str], path: Path, units: int) -> None:
    """Run the check in-process under tracemalloc and print what grows with the segments."""
    print(f"\ntracemalloc profile of `mtcheck check {path.name} {' '.join(mtcheck_args)}`:", flush=True)
    subprocess.run([sys.executable, "-c", _PROFILER, str(path), str(units), *mtcheck_args], check=False)


def sizes(text: str) -> Iterator[int]:
    for part in text.split(","):
        yield int(part.replace("_", "").replace("k", "000").replace("M", "000000"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000", help="TMX sizes in units (10k, 1M allowed)")
    parser.add_argument("--turkish", action="store_true", help="give every unit a tr target as well (not checked)")
    parser.add_argument("--workdir", help="keep TMX files and reports here (default: a temporary folder)")
    parser.add_argument("--profile", type=int, metavar="UNITS",
                        help="also profile the check of the UNITS file (one of --sizes) with tracemalloc")
    parser.add_argument("--fix", action="store_true", help="measure --fix on a copy of each file instead")
    args = parser.parse_args()
    if args.profile is not None and args.profile < 10_000:
        parser.error("--profile needs at least 10,000 units (its first measurement is at 10%)")
    workdir = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="mtcheck-bench-tmx-"))
    workdir.mkdir(parents=True, exist_ok=True)
    mtcheck = shutil.which("mtcheck") or str(Path(sys.executable).parent / "mtcheck")
    rule_sets = (("all", []), ("all but GL005", ["--ignore", "GL005"]))
    if args.fix:
        fix_table(workdir, list(sizes(args.sizes)), args.turkish, mtcheck)
        return

    print("| units | rules | file MB | seconds | segments/s | MB/s | peak RSS | findings (by rule) |")
    print("|---:|---|---:|---:|---:|---:|---:|---|", flush=True)
    files = {}
    for units in sizes(args.sizes):
        path = workdir / f"bench-{units}.tmx"
        if not path.exists():
            write_tmx(path.with_suffix(".part"), units, args.turkish).rename(path)
        files[units] = path
        megabytes = path.stat().st_size / MB
        for label, extra in rule_sets:
            report = workdir / f"report-{units}-{'all' if not extra else 'no-gl005'}.json"
            seconds, rss = run_measured([mtcheck, "check", str(path), "--lang", "de", "--format", "json",
                                         "-o", str(report), *extra])
            summary = report_summary(report)
            by_rule = ", ".join(f"{rule} {count:,}" for rule, count in summary["by_rule"].items())
            print(f"| {units:,} | {label} | {megabytes:.1f} | {seconds:.1f} | {summary['segments'] / seconds:,.0f} | "
                  f"{megabytes / seconds:.2f} | {rss / 1024:.0f} MiB | {summary['findings']:,} ({by_rule}) |",
                  flush=True)
    if args.profile:
        path = files.get(args.profile) or write_tmx(workdir / f"bench-{args.profile}.tmx", args.profile, args.turkish)
        profile(["--lang", "de", "--format", "json", "-o", str(workdir / "report-profile.json")], path, args.profile)
    if not args.workdir:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
