#!/usr/bin/env python3
"""Run the WMT 2023 terminology test set (German→English) through mtcheck's missing-term rule.

Builds a glossary in memory from the test set's term pairs, checks every German source against
an English target with GL004 (missing-term) through the library, and prints:

- false alarms: the share of term pairs reported missing when each source is checked against
  its own reference (the references contain their terms, so every report is a false alarm);
  a finding is a pair's when it names the pair's segment and concept;
- detection: the share reported missing when each source is checked against the reference of
  segment (i + N/2) mod N (another abstract), counting only pairs none of whose concept's
  English renderings occurs in that reference (casefolded substring); the raw share too;
- the same for the control pairs (`deen.term.random`);
- source recall: the share of pairs whose German term the matcher finds in their own source;
- run time, and why terms were not found, with the most frequent false alarms.

    python scripts/eval_wmt23.py PATH/TO/wmt23-terminology-deen [--json]
        [--concepts stem|surface] [--offset K] [--top 15]

Concepts: with `stem` (the default) German terms that the matcher cannot tell apart (the same
words once casefolded and stemmed: Verletzung, Verletzungen) make one concept; with `surface`
each whitespace/case-distinct German term is a concept, and such near twins compete for the
same span of a source, where only one of them can be found. A concept's English renderings
are the English sides of its pairs: the most frequent preferred, the others admitted.

The data is read by path, never copied; its README.md says where it comes from.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import NamedTuple

from mtcheck.engine import Checker
from mtcheck.lang import GAP_RE, TOKEN_RE, TOKEN_SPLIT_RE, analyzer_for, mask_urls
from mtcheck.matching import Matcher
from mtcheck.model import Concept, Glossary, Segment, Status, Term
from mtcheck.rules import select_rules

SOURCE_LANG, TARGET_LANG = "de", "en"
GLOSSARIES = ("proper", "random")
PATH = "wmt23"  # the file name findings carry

# Why a term the data puts in a text was not found there by the full glossary's matcher.
NOT_VERBATIM = "not verbatim in the text"
PUNCTUATION = "punctuation inside the term"
MISSED = "other matcher miss"
SAME_SPAN = "same span went to another concept"
NESTED = "inside a longer term of another concept"
OVERLAP = "overlapped by another term"
FOUND = "found"


class Pair(NamedTuple):
    """One term pair of one segment, and the concept it went into."""

    segment: int
    de: str
    en: str
    concept: str


class Corpus(NamedTuple):
    sources: list[str]
    references: list[str]
    terms: dict[str, list[list[dict]]]  # glossary name -> per segment, its term pairs


def read_lines(path: Path) -> list[str]:
    # The last line has no newline: split, not splitlines, keeps the count at 2,963.
    return path.read_text(encoding="utf-8").rstrip("\n").split("\n")


def read_corpus(folder: Path) -> Corpus:
    sources = read_lines(folder / "deen.de")
    references = read_lines(folder / "deen.en")
    terms = {name: [json.loads(line) for line in read_lines(folder / f"deen.term.{name}")] for name in GLOSSARIES}
    sizes = {len(sources), len(references), *(len(t) for t in terms.values())}
    if len(sizes) != 1:
        raise SystemExit(f"{folder}: files are not line-aligned ({sorted(sizes)} lines)")
    return Corpus(sources, references, terms)


# -- the glossary -----------------------------------------------------------------------------

def squeeze(text: str) -> str:
    return " ".join(text.split())


def concept_key(term: str, grouping: str) -> tuple[str, ...]:
    """What makes German terms one concept: their words casefolded, and stemmed for `stem`."""
    if grouping == "surface":
        return (term.casefold(),)
    analyzer = analyzer_for(SOURCE_LANG)
    words = TOKEN_RE.findall(mask_urls(term))
    return tuple(analyzer.keys([analyzer.base(w) for w in words])) or (term.casefold(),)


def build_glossary(term_lists: list[list[dict]], grouping: str) -> tuple[Glossary, list[Pair]]:
    """One concept per German term (see `grouping`), numbered in order of first appearance."""
    ids: dict[tuple[str, ...], str] = {}
    german: dict[str, Counter] = defaultdict(Counter)
    english: dict[str, Counter] = defaultdict(Counter)
    pairs = []
    for segment, items in enumerate(term_lists):
        for item in items:
            de, en = squeeze(item[SOURCE_LANG]), squeeze(item[TARGET_LANG])
            concept = ids.setdefault(concept_key(de, grouping), f"wmt23-{len(ids) + 1:05d}")
            german[concept][de] += 1
            english[concept][en] += 1
            pairs.append(Pair(segment, de, en, concept))
    concepts = tuple(Concept(cid, _terms(german[cid], SOURCE_LANG) + _terms(english[cid], TARGET_LANG))
                     for cid in ids.values())
    return Glossary(concepts, source_lang=SOURCE_LANG), pairs


def _terms(counts: Counter, lang: str) -> tuple[Term, ...]:
    """Distinct spellings (case aside), the most frequent first and preferred."""
    spellings: dict[str, str] = {}
    totals: Counter = Counter()
    for text, count in counts.most_common():  # ties keep first appearance
        folded = text.casefold()
        spellings.setdefault(folded, text)
        totals[folded] += count
    return tuple(Term(spellings[folded], lang, Status.PREFERRED if rank == 0 else Status.ADMITTED)
                 for rank, (folded, _) in enumerate(totals.most_common()))


# -- checking and diagnosing ------------------------------------------------------------------

def missing(checker: Checker, sources: list[str], targets: list[str]) -> set[tuple[int, str]]:
    """(segment, concept) of every GL004 finding, each source checked against its target."""
    segments = [Segment(text=target, path=PATH, line=i + 1, id=str(i), lang=TARGET_LANG,
                        source=source, source_lang=SOURCE_LANG)
                for i, (source, target) in enumerate(zip(sources, targets))]
    return {(int(f.location.segment), f.concept) for f in checker.check(PATH, segments, TARGET_LANG)
            if f.rule == "GL004"}


def concepts_in(matcher: Matcher, texts: list[str], lang: str) -> list[set[str]]:
    """Per text, the concepts found in it in its own language (what GL004 expects of a source)."""
    language = matcher.for_language(lang)
    return [{m.concept.id for m in language.matches(Segment(text, PATH, i + 1, lang=lang)) if not m.foreign}
            for i, text in enumerate(texts)]


def occurs(term: str, text: str) -> bool:
    return term.casefold() in text.casefold()


def cut_by_punctuation(term: str) -> bool:
    """Whether punctuation that ends a term in a text (comma, bracket, slash, period,
    apostrophe) stands between the term's own words."""
    pieces = TOKEN_SPLIT_RE.split(mask_urls(term))
    return any(gap and not GAP_RE.fullmatch(gap) for gap in pieces[2:-1:2])


def why_unfound(matcher: Matcher, term: str, lang: str, text: str) -> tuple[str, str]:
    """Why the full glossary's matcher misses `term` in `text`, and the term that took its place.

    The term is matched alone first: found alone, it lost its span to another term.
    """
    if not occurs(term, text):
        return NOT_VERBATIM, ""
    alone = Matcher(Glossary((Concept("alone", (Term(term, lang),)),))).for_language(lang).find(text)
    if not alone:
        return (PUNCTUATION if cut_by_punctuation(term) else MISSED), ""
    start, end, _ = alone[0]
    for other_start, other_end, entry in matcher.for_language(lang).find(text):
        if other_start < end and start < other_end:
            taker = f"{entry.term.text} = {matcher.glossary.label(entry.concept)}"
            if (other_start, other_end) == (start, end):
                return SAME_SPAN, taker
            return (NESTED if other_start <= start and end <= other_end else OVERLAP), taker
    return FOUND, ""


# -- measuring --------------------------------------------------------------------------------

class Run(NamedTuple):
    """One glossary checked against the true references and against others."""

    glossary: Glossary
    pairs: list[Pair]
    checker: Checker
    own: set[tuple[int, str]]
    crossed: set[tuple[int, str]]
    others: list[str]
    seconds: dict[str, float]


def run(corpus: Corpus, name: str, grouping: str, offset: int) -> Run:
    """Build, compile and check, timing each step."""
    clock = [time.perf_counter()]
    glossary, pairs = build_glossary(corpus.terms[name], grouping)
    checker = Checker(glossary, select_rules(["GL004"]))
    clock.append(time.perf_counter())
    for lang in (SOURCE_LANG, TARGET_LANG):  # compiled here, else the first check pays for it
        checker.matcher.for_language(lang)
    clock.append(time.perf_counter())
    own = missing(checker, corpus.sources, corpus.references)
    clock.append(time.perf_counter())
    n = len(corpus.sources)
    others = [corpus.references[(i + offset) % n] for i in range(n)]
    crossed = missing(checker, corpus.sources, others)
    clock.append(time.perf_counter())
    steps = ("build", "compile", "check", "check_others")
    seconds = {step: end - start for step, start, end in zip(steps, clock, clock[1:])}
    return Run(glossary, pairs, checker, own, crossed, others, seconds)


def measure(corpus: Corpus, name: str, r: Run, top: int) -> dict:
    """Every number for one glossary."""
    pairs, matcher = r.pairs, r.checker.matcher
    in_source = concepts_in(matcher, corpus.sources, SOURCE_LANG)
    unfound = [p for p in pairs if p.concept not in in_source[p.segment]]
    false_alarms = [p for p in pairs if (p.segment, p.concept) in r.own]
    alarm_causes = [why_unfound(matcher, p.en, TARGET_LANG, corpus.references[p.segment]) for p in false_alarms]
    renderings = {c.id: [t.text for t in c.terms_in(TARGET_LANG)] for c in r.glossary}
    # A pair counts for detection only where the other reference has none of its renderings.
    eligible = [p for p in pairs if not any(occurs(t, r.others[p.segment]) for t in renderings[p.concept])]
    detected = [p for p in eligible if (p.segment, p.concept) in r.crossed]
    eligible_found = [p for p in eligible if p.concept in in_source[p.segment]]
    pair_keys = {(p.segment, p.concept) for p in pairs}
    extra = r.own - pair_keys
    return {
        "glossary": name,
        "concepts": len(r.glossary),
        "pairs": len(pairs),
        "false_alarms": len(false_alarms),
        "false_alarm_rate": len(false_alarms) / len(pairs),
        "false_alarm_causes": _counted(cause for cause, _ in alarm_causes),
        "other_concept_findings": len(extra),
        "other_concept_findings_rendered_verbatim": sum(
            any(occurs(t, corpus.references[s]) for t in renderings[c]) for s, c in extra),
        "detection_raw": sum((p.segment, p.concept) in r.crossed for p in pairs) / len(pairs),
        "detection_eligible": len(eligible),
        "detection_excluded": len(pairs) - len(eligible),
        "detected": len(detected),
        "detection_rate": len(detected) / len(eligible),
        "detection_rate_source_found": sum((p.segment, p.concept) in r.crossed for p in eligible_found)
        / len(eligible_found),
        "source_not_found": len(unfound),
        "source_recall": 1 - len(unfound) / len(pairs),
        "source_not_found_causes": _counted(
            why_unfound(matcher, p.de, SOURCE_LANG, corpus.sources[p.segment])[0] for p in unfound),
        "top_false_alarms": top_cases(false_alarms, alarm_causes, corpus.references)[:top],
        "seconds": r.seconds,
        "segments_per_s": len(corpus.sources) / r.seconds["check"],
    }


def _counted(causes) -> dict[str, int]:
    return dict(Counter(causes).most_common())


def excerpt(text: str, term: str, width: int = 45) -> str:
    """The text around the term's first verbatim occurrence, else its beginning."""
    at = text.casefold().find(term.casefold())
    first = max(0, at - width) if at >= 0 else 0
    last = min(len(text), at + len(term) + width) if at >= 0 else min(len(text), 2 * width)
    return ("…" if first else "") + text[first:last] + ("…" if last < len(text) else "")


def top_cases(false_alarms: list[Pair], causes: list[tuple[str, str]], references: list[str]) -> list[dict]:
    """False alarms grouped by (German, English) term, the most frequent first, with the first case's
    reference, cause and the term that took the English term's place."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, pair in enumerate(false_alarms):
        groups[pair.de.casefold(), pair.en.casefold()].append(index)
    ranked = sorted(groups.values(), key=lambda group: (-len(group), group[0]))
    cases = []
    for group in ranked:
        pair, (cause, taker) = false_alarms[group[0]], causes[group[0]]
        cases.append({"count": len(group), "de": pair.de, "en": pair.en, "segment": pair.segment + 1,
                      "cause": cause, "taken_by": taker, "reference": excerpt(references[pair.segment], pair.en)})
    return cases


# -- output -----------------------------------------------------------------------------------

def print_report(results: list[dict], settings: dict) -> None:
    print(f"WMT 2023 terminology de→en, {settings['segments']:,} segments; one concept per German term "
          f"({settings['concepts']}); detection: source i against reference (i + {settings['offset']}) mod N")
    print()
    print("| glossary | concepts | pairs | false alarms | detection | detection, raw | excluded | "
          "detection, source term found | source recall | other-concept findings |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(f"| {r['glossary']} | {r['concepts']:,} | {r['pairs']:,} | "
              f"{r['false_alarms']:,} = {r['false_alarm_rate']:.2%} | "
              f"{r['detected']:,}/{r['detection_eligible']:,} = {r['detection_rate']:.2%} | "
              f"{r['detection_raw']:.2%} | {r['detection_excluded']:,} | {r['detection_rate_source_found']:.2%} | "
              f"{r['source_recall']:.2%} ({r['source_not_found']:,} missed) | {r['other_concept_findings']:,} "
              f"({r['other_concept_findings_rendered_verbatim']:,} rendered verbatim) |")
    print()
    print("| glossary | build | compile (de + en) | check | segments/s | check against others |")
    print("|---|---:|---:|---:|---:|---:|")
    for r in results:
        s = r["seconds"]
        print(f"| {r['glossary']} | {s['build']:.2f} s | {s['compile']:.2f} s | {s['check']:.2f} s | "
              f"{r['segments_per_s']:,.0f} | {s['check_others']:.2f} s |")
    for r in results:
        print()
        print(f"{r['glossary']}, why the English term of a false alarm was not found: {_listed(r['false_alarm_causes'])}")
        print(f"{r['glossary']}, why a German term was not found in its source: {_listed(r['source_not_found_causes'])}")
    print()
    print(f"Most frequent false alarms ({results[0]['glossary']}; 'taken by' = matched term = its concept):")
    print("| n | German term | English term | cause | taken by | reference (segment) |")
    print("|---:|---|---|---|---|---|")
    for case in results[0]["top_false_alarms"]:
        print(f"| {case['count']} | {case['de']} | {case['en']} | {case['cause']} | {case['taken_by']} | "
              f"{case['reference']} ({case['segment']}) |")


def _listed(counts: dict[str, int]) -> str:
    return "; ".join(f"{cause} {n:,}" for cause, n in counts.items()) or "none"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path, help="the wmt23-terminology-deen folder")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    parser.add_argument("--concepts", choices=("stem", "surface"), default="stem",
                        help="which German terms make one concept (default: stem)")
    parser.add_argument("--offset", type=int, help="detection checks source i against reference i + OFFSET "
                                                   "(default: half the segment count)")
    parser.add_argument("--top", type=int, default=15, help="false-alarm cases to list")
    args = parser.parse_args(argv)
    corpus = read_corpus(args.path)
    offset = args.offset if args.offset is not None else len(corpus.sources) // 2
    if offset % len(corpus.sources) == 0:
        parser.error("--offset must not pair a segment with its own reference")
    results = [measure(corpus, name, run(corpus, name, args.concepts, offset), args.top) for name in GLOSSARIES]
    settings = {"segments": len(corpus.sources), "concepts": args.concepts, "offset": offset}
    if args.json:
        print(json.dumps({"settings": settings, "results": results}, ensure_ascii=False, indent=2))
    else:
        print_report(results, settings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
