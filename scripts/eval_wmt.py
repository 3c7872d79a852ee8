#!/usr/bin/env python3
"""Run a WMT terminology set through mtcheck's missing-term rule (GL004).

A set is a folder of line-aligned files named after its language pair (`deen.de`, `deen.en`,
`deen.term.proper`, and `deen.term.random` where the set has a control): sources, references,
and per segment a JSON array of term pairs keyed by language code. `pair.json`, where present,
names the languages, the file prefix and the term files; otherwise the file names do. Where a
pair also gives the form a text uses (`fr_in_reference`, `en_in_source`), that form is the
pair's term; where it gives a list of targets only, the first found in the reference is.

Builds a glossary in memory from the set's term pairs, checks every source against a target
with GL004 through the library, and prints per term file:

- false alarms: the share of term pairs reported missing when each source is checked against
  its own reference (the references contain their terms, so every report is a false alarm);
  a finding is a pair's when it names the pair's segment and concept;
- detection: the share reported missing when each source is checked against the reference of
  segment (i + N/2) mod N (another text), counting only pairs none of whose concept's target
  terms (renderings, and the forms the set annotates) occurs in that reference, verbatim
  (casefolded substring) or as the same lemmas word by word; the raw share too;
- source recall: the share of pairs whose source term the matcher finds in their own source;
- run time, and why terms were not found, with the most frequent false alarms.

    python scripts/eval_wmt.py PATH/TO/SET [--base-forms] [--json]
        [--concepts stem|surface] [--offset K] [--top 15]

Terms: by default each pair's terms are taken as the set annotates them, which is as they
stand in the texts (Czech "Velkou cenou", instrumental, for "Velká cena"). With
`--base-forms` each term is reduced to a base form word by word with simplemma, the first
letter keeping its case ("Velký cena") and a word in capitals (an abbreviation) kept whole, as
a real glossary lists its terms in their citation form; the source terms too, so source recall is measured on base forms. Lemmas are taken per
word, so a multi-word term loses its adjective agreement (Velký cena, not Velká cena) and the
matcher has to find an inflected phrase from words that do not agree: the harder, realistic
case.

Concepts: with `stem` (the default) source terms that the matcher cannot tell apart (the same
words once casefolded and stemmed: Verletzung, Verletzungen) make one concept; with `surface`
each whitespace/case-distinct source term is a concept, and such near twins compete for the
same span of a source, where only one of them can be found. A concept's renderings are the
target sides of its pairs: the most frequent preferred, the others admitted.

The data is read by path, never copied; its README.md says where it comes from.
"""
from __future__ import annotations

import argparse
import functools
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import NamedTuple

import simplemma

from mtcheck.engine import Checker
from mtcheck.language import GAP_RE, TOKEN_RE, TOKEN_SPLIT_RE, analyzer_for, mask_urls
from mtcheck.matching import Matcher
from mtcheck.model import Concept, Glossary, Segment, Status, Term
from mtcheck.rules import select_rules

GLOSSARIES = ("proper", "random")  # the order term files are reported in, where pair.json does not say

# Why a term the data puts in a text was not found there by the full glossary's matcher.
NOT_VERBATIM = "annotated form not in the text"
INSIDE_WORD = "annotated form only inside a longer word"
PUNCTUATION = "punctuation inside the term"
MISSED = "other matcher miss"
BASE_ONE_WORD = "base form does not match the text's form (one word)"
BASE_WORDS = "base form does not match the text's form (several words)"
SAME_SPAN = "same span went to another concept"
NESTED = "inside a longer term of another concept"
OVERLAP = "overlapped by another term"
FOUND = "found"


class Pair(NamedTuple):
    """One term pair of one segment: the forms the set annotates, the glossary's terms made
    of them (the same, or their base forms), and the concept they went into."""

    segment: int
    source_form: str
    target_form: str
    source: str
    target: str
    concept: str


class Corpus(NamedTuple):
    name: str
    source_lang: str
    target_lang: str
    sources: list[str]
    references: list[str]
    terms: dict[str, list[list[dict]]]  # term file name -> per segment, its term pairs


def read_lines(path: Path) -> list[str]:
    # The last line may lack its newline: split, not splitlines, keeps the count (2,963).
    return path.read_text(encoding="utf-8").rstrip("\n").split("\n")


def describe_set(folder: Path) -> tuple[str, str, str, list[str]]:
    """(source language, target language, file prefix, term file names): from pair.json, else
    from the file names, whose prefix is the two language codes (deen.de, deen.en)."""
    facts = folder / "pair.json"
    if facts.is_file():
        pair = json.loads(facts.read_text(encoding="utf-8"))
        return pair["src"], pair["tgt"], pair["prefix"], list(pair["glossaries"])
    for proper in sorted(folder.glob("*.term.proper")):
        prefix = proper.name.split(".")[0]
        langs = [p.suffix[1:] for p in folder.glob(f"{prefix}.*") if p.suffix[1:] and p.suffix[1:] in prefix]
        for src in langs:
            for tgt in langs:
                if src + tgt == prefix:
                    names = [n for n in GLOSSARIES if (folder / f"{prefix}.term.{n}").is_file()]
                    return src, tgt, prefix, names
    raise SystemExit(f"{folder}: no pair.json, and no PREFIX.term.proper next to PREFIX.SRC and PREFIX.TGT")


def read_corpus(folder: Path) -> Corpus:
    src, tgt, prefix, names = describe_set(folder)
    sources = read_lines(folder / f"{prefix}.{src}")
    references = read_lines(folder / f"{prefix}.{tgt}")
    terms = {name: [json.loads(line) for line in read_lines(folder / f"{prefix}.term.{name}")] for name in names}
    sizes = {len(sources), len(references), *(len(t) for t in terms.values())}
    if len(sizes) != 1:
        raise SystemExit(f"{folder}: files are not line-aligned ({sorted(sizes)} lines)")
    return Corpus(folder.resolve().name, src, tgt, sources, references, terms)


# -- terms and their base forms ---------------------------------------------------------------

def squeeze(text: str) -> str:
    return " ".join(text.split())


def annotated(item: dict, lang: str, where: str, text: str) -> str:
    """A pair's term in `lang` as the text uses it: the `{lang}_in_{where}` form where the set
    gives one, else the term, or of a list of terms the first the text contains."""
    value = item.get(f"{lang}_in_{where}") or item[lang]
    if isinstance(value, list):
        value = next((v for v in value if occurs(squeeze(v), text)), value[0])
    return squeeze(value)


@functools.lru_cache(maxsize=None)
def lemma(word: str, lang: str) -> str:
    return simplemma.lemmatize(word, lang=lang)


def base_word(word: str, lang: str) -> str:
    """The word's lemma with the word's first letter's case; the word itself where it is in
    capitals (an abbreviation: MM is no form of milimetr) or the lemma differs in case only."""
    found = lemma(word, lang)
    if not found or found.casefold() == word.casefold() or (len(word) > 1 and word.isupper()):
        return word
    first = found[0].upper() if word[0].isupper() else found[0].lower()
    return first + found[1:]


def base_form(term: str, lang: str) -> str:
    """The term with each word reduced to its lemma, the spaces and punctuation between kept."""
    pieces = TOKEN_SPLIT_RE.split(term)
    pieces[1::2] = [base_word(word, lang) for word in pieces[1::2]]
    return "".join(pieces)


def lemma_string(text: str, lang: str) -> str:
    """The text's words as casefolded lemmas, each closed by a separator, for finding the
    lemmas of a term in a row (see `lemmas_occur`)."""
    return "".join(f"{lemma(w, lang).casefold()}\x1f" for w in TOKEN_RE.findall(mask_urls(text)))


def lemmas_occur(term: str, lemmatized_text: str, lang: str) -> bool:
    words = lemma_string(term, lang)
    return bool(words) and f"\x1f{words}" in f"\x1f{lemmatized_text}"


# -- the glossary -----------------------------------------------------------------------------

def concept_key(term: str, lang: str, grouping: str) -> tuple[str, ...]:
    """What makes source terms one concept: their words casefolded, and stemmed for `stem`."""
    if grouping == "surface":
        return (term.casefold(),)
    analyzer = analyzer_for(lang)
    words = TOKEN_RE.findall(mask_urls(term))
    return tuple(analyzer.keys([analyzer.base(w) for w in words])) or (term.casefold(),)


def build_glossary(corpus: Corpus, name: str, grouping: str, base_forms: bool) -> tuple[Glossary, list[Pair]]:
    """One concept per source term (see `grouping`), numbered in order of first appearance."""
    src, tgt = corpus.source_lang, corpus.target_lang
    ids: dict[tuple[str, ...], str] = {}
    sources: dict[str, Counter] = defaultdict(Counter)
    targets: dict[str, Counter] = defaultdict(Counter)
    pairs = []
    for segment, items in enumerate(corpus.terms[name]):
        for item in items:
            source_form = annotated(item, src, "source", corpus.sources[segment])
            target_form = annotated(item, tgt, "reference", corpus.references[segment])
            source = base_form(source_form, src) if base_forms else source_form
            target = base_form(target_form, tgt) if base_forms else target_form
            concept = ids.setdefault(concept_key(source, src, grouping), f"{corpus.name}-{len(ids) + 1:05d}")
            sources[concept][source] += 1
            targets[concept][target] += 1
            pairs.append(Pair(segment, source_form, target_form, source, target, concept))
    concepts = tuple(Concept(cid, _terms(sources[cid], src) + _terms(targets[cid], tgt)) for cid in ids.values())
    return Glossary(concepts, source_lang=src), pairs


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

def missing(checker: Checker, corpus: Corpus, targets: list[str]) -> set[tuple[int, str]]:
    """(segment, concept) of every GL004 finding, each source checked against its target."""
    segments = [Segment(text=target, path=corpus.name, line=i + 1, id=str(i), lang=corpus.target_lang,
                        source=source, source_lang=corpus.source_lang)
                for i, (source, target) in enumerate(zip(corpus.sources, targets))]
    return {(int(f.location.segment), f.concept)
            for f in checker.check(corpus.name, segments, corpus.target_lang) if f.rule == "GL004"}


def concepts_in(matcher: Matcher, texts: list[str], lang: str) -> list[set[str]]:
    """Per text, the concepts found in it in its own language (what GL004 expects of a source)."""
    language = matcher.for_language(lang)
    return [{m.concept.id for m in language.matches(Segment(text, "text", i + 1, lang=lang)) if not m.foreign}
            for i, text in enumerate(texts)]


def occurs(term: str, text: str) -> bool:
    return term.casefold() in text.casefold()


def cut_by_punctuation(term: str) -> bool:
    """Whether punctuation that ends a term in a text (comma, bracket, slash, period,
    apostrophe) stands between the term's own words."""
    pieces = TOKEN_SPLIT_RE.split(mask_urls(term))
    return any(gap and not GAP_RE.fullmatch(gap) for gap in pieces[2:-1:2])


def found_alone(term: str, lang: str, text: str) -> tuple[int, int] | None:
    """Where a glossary of the term alone finds it in the text."""
    hits = Matcher(Glossary((Concept("alone", (Term(term, lang),)),))).for_language(lang).find(text)
    return hits[0][:2] if hits else None


def why_unfound(matcher: Matcher, term: str, form: str, lang: str, text: str) -> tuple[str, str]:
    """Why the full glossary's matcher misses `term` in `text`, where the set says `form`
    stands, and the term that took its place.

    The term is matched alone first: found alone, it lost its span to another term; not found
    alone while the annotated form is, its base form is what fails.
    """
    if not occurs(form, text):
        return NOT_VERBATIM, ""
    if not re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text, re.IGNORECASE):
        return INSIDE_WORD, ""
    alone = found_alone(term, lang, text)
    if alone is None:
        if term != form and found_alone(form, lang, text):
            return (BASE_WORDS if len(TOKEN_RE.findall(form)) > 1 else BASE_ONE_WORD), ""
        return (PUNCTUATION if cut_by_punctuation(form) else MISSED), ""
    start, end = alone
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
    others: list[int]  # per segment, the segment whose reference it is checked against
    seconds: dict[str, float]


def run(corpus: Corpus, name: str, grouping: str, base_forms: bool, offset: int) -> Run:
    """Build, compile and check, timing each step."""
    clock = [time.perf_counter()]
    glossary, pairs = build_glossary(corpus, name, grouping, base_forms)
    checker = Checker(glossary, select_rules(["GL004"]))
    clock.append(time.perf_counter())
    for lang in (corpus.source_lang, corpus.target_lang):  # compiled here, else the first check pays for it
        checker.matcher.for_language(lang)
    clock.append(time.perf_counter())
    own = missing(checker, corpus, corpus.references)
    clock.append(time.perf_counter())
    n = len(corpus.sources)
    others = [(i + offset) % n for i in range(n)]
    crossed = missing(checker, corpus, [corpus.references[j] for j in others])
    clock.append(time.perf_counter())
    steps = ("build", "compile", "check", "check_others")
    seconds = {step: end - start for step, start, end in zip(steps, clock, clock[1:])}
    return Run(glossary, pairs, checker, own, crossed, others, seconds)


def measure(corpus: Corpus, name: str, r: Run, lemmatized: list[str], top: int) -> dict:
    """Every number for one glossary; `lemmatized`: each reference's `lemma_string`."""
    pairs, matcher = r.pairs, r.checker.matcher
    src, tgt, references = corpus.source_lang, corpus.target_lang, corpus.references
    in_source = concepts_in(matcher, corpus.sources, src)
    unfound = [p for p in pairs if p.concept not in in_source[p.segment]]
    false_alarms = [p for p in pairs if (p.segment, p.concept) in r.own]
    alarm_causes = [why_unfound(matcher, p.target, p.target_form, tgt, references[p.segment]) for p in false_alarms]
    renderings = {c.id: [t.text for t in c.terms_in(tgt)] for c in r.glossary}
    forms: dict[str, set[str]] = defaultdict(set)  # per concept, its renderings and annotated forms
    for p in pairs:
        forms[p.concept].update((p.target, p.target_form))

    def present(concept: str, segment: int) -> bool:
        return any(occurs(t, references[segment]) or lemmas_occur(t, lemmatized[segment], tgt)
                   for t in forms[concept])

    # A pair counts for detection only where the other reference has none of its concept's terms.
    eligible = [p for p in pairs if not present(p.concept, r.others[p.segment])]
    detected = [p for p in eligible if (p.segment, p.concept) in r.crossed]
    eligible_found = [p for p in eligible if p.concept in in_source[p.segment]]
    extra = r.own - {(p.segment, p.concept) for p in pairs}
    return {
        "set": corpus.name,
        "glossary": name,
        "concepts": len(r.glossary),
        "pairs": len(pairs),
        "false_alarms": len(false_alarms),
        "false_alarm_rate": len(false_alarms) / len(pairs),
        "false_alarm_causes": _counted(cause for cause, _ in alarm_causes),
        "other_concept_findings": len(extra),
        "other_concept_findings_rendered_verbatim": sum(
            any(occurs(t, references[s]) for t in renderings[c]) for s, c in extra),
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
            why_unfound(matcher, p.source, p.source_form, src, corpus.sources[p.segment])[0] for p in unfound),
        "top_false_alarms": top_cases(false_alarms, alarm_causes, references)[:top],
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
    """False alarms grouped by (source, target) term, the most frequent first, with the first
    case's annotated form, reference, cause and the term that took the target term's place."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, pair in enumerate(false_alarms):
        groups[pair.source.casefold(), pair.target.casefold()].append(index)
    ranked = sorted(groups.values(), key=lambda group: (-len(group), group[0]))
    cases = []
    for group in ranked:
        pair, (cause, taker) = false_alarms[group[0]], causes[group[0]]
        cases.append({"count": len(group), "source": pair.source, "target": pair.target,
                      "target_form": pair.target_form, "segment": pair.segment + 1, "cause": cause,
                      "taken_by": taker, "reference": excerpt(references[pair.segment], pair.target_form)})
    return cases


# -- output -----------------------------------------------------------------------------------

def print_report(results: list[dict], settings: dict) -> None:
    src, tgt = settings["source_lang"], settings["target_lang"]
    terms = "base forms (simplemma, word by word)" if settings["base_forms"] else "as annotated"
    print(f"{settings['set']} {src}→{tgt}, {settings['segments']:,} segments; terms {terms}; "
          f"one concept per {src} term ({settings['concepts']}); "
          f"detection: source i against reference (i + {settings['offset']}) mod N")
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
    print(f"| glossary | build | compile ({src} + {tgt}) | check | segments/s | check against others |")
    print("|---|---:|---:|---:|---:|---:|")
    for r in results:
        s = r["seconds"]
        print(f"| {r['glossary']} | {s['build']:.2f} s | {s['compile']:.2f} s | {s['check']:.2f} s | "
              f"{r['segments_per_s']:,.0f} | {s['check_others']:.2f} s |")
    for r in results:
        print()
        print(f"{r['glossary']}, why the {tgt} term of a false alarm was not found: {_listed(r['false_alarm_causes'])}")
        print(f"{r['glossary']}, why a {src} term was not found in its source: {_listed(r['source_not_found_causes'])}")
    print()
    print(f"Most frequent false alarms ({results[0]['glossary']}; 'taken by' = matched term = its concept):")
    print(f"| n | {src} term | {tgt} term | annotated | cause | taken by | reference (segment) |")
    print("|---:|---|---|---|---|---|---|")
    for case in results[0]["top_false_alarms"]:
        print(f"| {case['count']} | {case['source']} | {case['target']} | {case['target_form']} | {case['cause']} | "
              f"{case['taken_by']} | {case['reference']} ({case['segment']}) |")


def _listed(counts: dict[str, int]) -> str:
    return "; ".join(f"{cause} {n:,}" for cause, n in counts.items()) or "none"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path, help="the set's folder (wmt23-terminology-deen, wmt23dev-en-cs, …)")
    parser.add_argument("--base-forms", action="store_true",
                        help="reduce every term to its base form word by word (simplemma) before building the glossary")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    parser.add_argument("--concepts", choices=("stem", "surface"), default="stem",
                        help="which source terms make one concept (default: stem)")
    parser.add_argument("--offset", type=int, help="detection checks source i against reference i + OFFSET "
                                                   "(default: half the segment count)")
    parser.add_argument("--top", type=int, default=15, help="false-alarm cases to list")
    args = parser.parse_args(argv)
    corpus = read_corpus(args.path)
    offset = args.offset if args.offset is not None else len(corpus.sources) // 2
    if offset % len(corpus.sources) == 0:
        parser.error("--offset must not pair a segment with its own reference")
    lemmatized = [lemma_string(text, corpus.target_lang) for text in corpus.references]
    results = [measure(corpus, name, run(corpus, name, args.concepts, args.base_forms, offset), lemmatized, args.top)
               for name in corpus.terms]
    settings = {"set": corpus.name, "source_lang": corpus.source_lang, "target_lang": corpus.target_lang,
                "segments": len(corpus.sources), "base_forms": args.base_forms, "concepts": args.concepts,
                "offset": offset}
    if args.json:
        print(json.dumps({"settings": settings, "results": results}, ensure_ascii=False, indent=2))
    else:
        print_report(results, settings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
