#!/usr/bin/env python3
"""Measure GL006 / `discover` on annotated texts: precision and recall of wrong renderings,
per data set and language, with the files of a language read together and each file alone.

    python scripts/eval_discovery.py ROOT [ROOT ...] [--threshold 0.5] [--show N]

A ROOT is a folder `<lang>/` or a folder of them (`news/fr`, `news`), each holding
`glossary.csv` (concept,lang,term,status), `texts/*.txt` (one paragraph a line) and
`gold.jsonl` (and, for a bilingual text, `texts/NAME.src` with the source of each line): one line per occurrence of a wrong rendering, {"file", "start", "end", "text",
"concept", "kind"}: a span rendering a glossary concept without being one of its terms in the
language; kinds `variant` and `foreign-other` are GL006's, `foreign-known` (a term of another
language left untranslated) is GL003's and neither counted nor held against it.

A found place is right when it overlaps a gold span of the same concept; recall counts the
gold spans of GL006's kinds that a found place of their concept overlaps. Where only some lines
of a text were annotated (a whole PO file read as a translator checks it, a sample of its
entries judged), `judged_lines.json` ({"texts/NAME.txt": [line, ...]}, 1-based) names them:
places on other lines are read but neither right nor wrong.
"""
from __future__ import annotations

import argparse
import bisect
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mtcheck.discovery import Discoverer  # noqa: E402
from mtcheck.glossary import load_glossary  # noqa: E402
from mtcheck.language import canonical_lang  # noqa: E402
from mtcheck.model import Segment  # noqa: E402

COUNTED = ("variant", "foreign-other")


@dataclass
class Text:
    path: Path
    name: str
    content: str
    line_starts: list[int]
    sources: list[str] | None = None  # texts/NAME.src: the source of each line, line for line


@dataclass
class Dataset:
    folder: Path
    lang: str
    glossary: object
    texts: list[Text]
    gold: list[dict]
    judged: dict[str, set[int]] | None = None  # file -> annotated lines, where not all are

    def counts(self, place: "Place", texts: list[Text]) -> bool:
        """Whether a found place stands on an annotated line."""
        if self.judged is None or place.file not in self.judged:
            return True
        text = next(t for t in texts if t.name == place.file)
        return bisect.bisect_right(text.line_starts, place.start) in self.judged[place.file]

    @property
    def label(self) -> str:
        return f"{self.folder.parent.name}/{self.folder.name}"


@dataclass
class Place:
    """A found place: the candidate it belongs to and where it is."""
    file: str
    start: int
    end: int
    concept: str
    text: str
    candidate: object = field(repr=False, default=None)


def datasets(roots: list[str]) -> list[Dataset]:
    found = []
    for root in map(Path, roots):
        folders = [root] if (root / "glossary.csv").is_file() else sorted(
            p for p in root.glob("**/") if (p / "glossary.csv").is_file())
        for folder in folders:
            texts = []
            for path in sorted((folder / "texts").glob("*.txt")):
                content = path.read_text(encoding="utf-8")
                starts, at = [], 0
                for line in content.split("\n"):
                    starts.append(at)
                    at += len(line) + 1
                source = path.with_suffix(".src")
                sources = source.read_text(encoding="utf-8").split("\n") if source.exists() else None
                texts.append(Text(path, f"texts/{path.name}", content, starts, sources))
            gold_file = folder / "gold.jsonl"
            gold = [json.loads(line) for line in gold_file.read_text(encoding="utf-8").splitlines() if line.strip()] \
                if gold_file.exists() else []
            judged_file = folder / "judged_lines.json"
            judged = {name: set(lines) for name, lines in json.loads(judged_file.read_text(encoding="utf-8")).items()} \
                if judged_file.exists() else None
            found.append(Dataset(folder, canonical_lang(folder.name.replace("_", "-")),
                                 load_glossary(folder / "glossary.csv"), texts, gold, judged))
    return found


def discover(dataset: Dataset, texts: list[Text], threshold: float, **options) -> tuple[Discoverer, list]:
    """Every candidate (scored) of the texts read together."""
    discoverer = Discoverer(dataset.glossary, threshold=threshold, **options)
    for text in texts:
        for number, line in enumerate(text.content.split("\n"), 1):
            if line.strip():
                source = text.sources[number - 1] if text.sources and number <= len(text.sources) else None
                discoverer.add(Segment(line, text.name, number, lang=dataset.lang, source=source,
                                       source_lang="en" if source else None), dataset.lang)
    return discoverer, discoverer.candidates()


def places_of(candidate, texts: list[Text]) -> list[Place]:
    by_name = {t.name: t for t in texts}
    places = []
    for occurrence in candidate.occurrences:
        loc = occurrence.location
        text = by_name[loc.path]
        start = text.line_starts[loc.line - 1] + loc.column - 1
        end = text.line_starts[loc.end_line - 1] + loc.end_column - 1
        places.append(Place(loc.path, start, end, candidate.concept.id, occurrence.text, candidate))
    return places


def overlaps(place: Place, gold: dict) -> bool:
    return place.file == gold["file"] and place.start < gold["end"] and gold["start"] < place.end


def judge(place: Place, gold: list[dict]) -> str:
    """'right', 'excused' (a GL003 span or another kind not counted) or 'wrong'."""
    hits = [g for g in gold if overlaps(place, g) and g["concept"] == place.concept]
    if any(g.get("kind", "variant") in COUNTED for g in hits):
        return "right"
    return "excused" if hits else "wrong"


def score(dataset: Dataset, texts: list[Text], threshold: float, **options) -> dict:
    _, candidates = discover(dataset, texts, threshold, **options)
    names = {t.name for t in texts}
    gold = [g for g in dataset.gold if g["file"] in names]
    counted = [g for g in gold if g.get("kind", "variant") in COUNTED]
    found = [p for c in candidates if c.score >= threshold and not c.untranslated for p in places_of(c, texts)
             if dataset.counts(p, texts)]
    verdicts = [(p, judge(p, gold)) for p in found]
    right = [p for p, v in verdicts if v == "right"]
    wrong = [p for p, v in verdicts if v == "wrong"]
    covered = [g for g in counted if any(overlaps(p, g) and p.concept == g["concept"] for p in found)]
    return {"gold": len(counted), "found": len(right) + len(wrong), "right": len(right), "wrong": wrong,
            "covered": len(covered), "missed": [g for g in counted if g not in covered]}


def ratio(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}" if b else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("roots", nargs="+")
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--show", type=int, default=0, help="list this many false alarms and misses per data set")
    parser.add_argument("--by-language", action="store_true", help="also the totals of each language's data sets")
    parser.add_argument("--new-terms", action="store_true",
                        help="as `discover` reads bilingual files: also a concept the glossary has no term for in "
                             "the target's language (GL006, the default here, leaves those out)")
    args = parser.parse_args()
    options = {"new_terms": True} if args.new_terms else {}
    languages: dict[str, list[int]] = {}
    print("| data set | texts | wrong renderings | together: precision | recall | each file alone: precision | "
          "recall |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    totals = {"together": [0, 0, 0, 0], "alone": [0, 0, 0, 0]}
    for dataset in datasets(args.roots):
        together = score(dataset, dataset.texts, args.threshold, **options)
        alone = {"gold": 0, "found": 0, "right": 0, "covered": 0, "wrong": [], "missed": []}
        for text in dataset.texts:
            one = score(dataset, [text], args.threshold, **options)
            for key in alone:
                alone[key] += one[key]
        for mode, r in (("together", together), ("alone", alone)):
            for i, key in enumerate(("gold", "found", "right", "covered")):
                totals[mode][i] += r[key]
        language = languages.setdefault(dataset.lang.split("-")[0], [0] * 8)
        for i, key in enumerate(("gold", "found", "right", "covered")):
            language[i] += together[key]
            language[4 + i] += alone[key]
        print(f"| {dataset.label} | {len(dataset.texts)} | {together['gold']} | "
              f"{ratio(together['right'], together['found'])} | {ratio(together['covered'], together['gold'])} | "
              f"{ratio(alone['right'], alone['found'])} | {ratio(alone['covered'], alone['gold'])} |", flush=True)
        if args.show:
            for place in together["wrong"][:args.show]:
                print(f"    false alarm: {place.file}: '{place.text}' as {place.concept} "
                      f"({place.candidate.score:.2f}: {', '.join(e.signal for e in place.candidate.evidence)})")
            for gold in together["missed"][:args.show]:
                print(f"    missed: {gold['file']}: '{gold['text']}' ({gold['concept']}, {gold.get('kind')})")
    if args.by_language:
        print("\n| language | wrong renderings | together: precision | recall | each file alone: precision | recall |")
        print("|---|---:|---:|---:|---:|---:|")
        for lang, (gold, found, right, covered, _, found1, right1, covered1) in sorted(languages.items()):
            print(f"| {lang} | {gold} | {ratio(right, found)} | {ratio(covered, gold)} | {ratio(right1, found1)} | "
                  f"{ratio(covered1, gold)} |")
    for mode, (gold, found, right, covered) in totals.items():
        print(f"all, {mode}: precision {ratio(right, found)} % of {found}, recall {ratio(covered, gold)} % of {gold}")


if __name__ == "__main__":
    main()
