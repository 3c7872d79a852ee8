"""Match precision and recall of `mtcheck scan` on a judged terminology dev set, per language
and side, with every wrong match and every miss listed with the judge's reason.

    python scripts/eval_terminology.py DATASET [--langs de,fr] [--show 40] [--json OUT] [--with=--all-senses]
        [--findings]

DATASET is a folder laid out like the GnuCash dev set (texts/NAME.LANG.po,
glossary/*.csv, gold/LANG.jsonl, entries.jsonl and its reference scorer score.py, which this
script imports for reading the PO files and mapping reported positions, so that the numbers
are the reference scorer's). With --findings, `check` runs too and its findings are judged by
the same gold (see judged_findings). Needs nothing of the tests; the tests never need it.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path


def load_scorer(folder: Path):
    spec = importlib.util.spec_from_file_location("dev_score", folder / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def wrong_matches(scorer, lang: str, mtcheck: list[str]) -> list[tuple]:
    """(entry id, side, concept, matched text, the judge's reason) of each wrong match."""
    import subprocess

    folder = scorer.HERE
    po = _texts(folder, lang)
    entries = scorer.parse_po(po)
    ids = {(e["msgctxt"], e["msgid"]): e["id"] for e in map(json.loads, (folder / "entries.jsonl").open(encoding="utf-8"))}
    gold = [json.loads(line) for line in (folder / "gold" / f"{lang}.jsonl").open(encoding="utf-8") if line.strip()]
    by = defaultdict(list)
    for g in gold:
        by[(g["id"], g["side"], g["concept"])].append(g)
    glossary = next((folder / "glossary").glob("*.csv"))
    cmd = [*mtcheck, "scan", str(po), "--glossary", str(glossary), "--lang", lang.replace("_", "-"),
           "--source-lang", "en", "--format", "json", "--isolated"]
    out = subprocess.run(cmd, capture_output=True, text=True)
    wrong = []
    for m in json.loads(out.stdout)["matches"]:
        located = scorer.locate(entries, m, Counter())
        if located is None:
            continue
        entry, side, (s, e) = located
        eid = ids.get((entry.msgctxt, entry.msgid.text))
        spans = by.get((eid, side, m["concept"]), [])
        if any(g["verdict"] == "yes" and g["start"] < e and s < g["end"] for g in spans):
            continue
        no = [g for g in spans if g["verdict"] == "no" and g["start"] < e and s < g["end"]]
        if no:
            wrong.append((eid, side, m["concept"], m.get("text"), m.get("term"), no[0]["reason"]))
    return wrong


def judged_findings(scorer, lang: str, mtcheck: list[str]) -> tuple[Counter, list[tuple]]:
    """`mtcheck check`'s findings on one language's texts, judged by the gold: a missing-term
    finding (GL004) is right when its source term is a gold occurrence of the concept and the
    target has no gold rendering of it that is a glossary term (the translation says it
    otherwise, or not at all); wrong when the source word is judged another sense, or the target
    renders the concept with a glossary term in a form not found. A finding of a target match
    (GL001-GL003) is right when the match is a gold occurrence of its concept, wrong when it is
    a rejected candidate. Anything else is unjudged. Returns the counts by verdict and the
    wrong findings (entry id, rule, concept, text, why)."""
    import subprocess

    folder = scorer.HERE
    po = _texts(folder, lang)
    entries = scorer.parse_po(po)
    ids = {(e["msgctxt"], e["msgid"]): e["id"] for e in map(json.loads, (folder / "entries.jsonl").open(encoding="utf-8"))}
    by = defaultdict(list)
    for g in (json.loads(line) for line in (folder / "gold" / f"{lang}.jsonl").open(encoding="utf-8") if line.strip()):
        by[(g["id"], g["side"], g["concept"])].append(g)
    glossary = next((folder / "glossary").glob("*.csv"))
    cmd = [*mtcheck, "check", str(po), "--glossary", str(glossary), "--lang", lang.replace("_", "-"),
           "--source-lang", "en", "--format", "json", "--isolated"]
    findings = json.loads(subprocess.run(cmd, capture_output=True, text=True).stdout)["findings"]
    counts: Counter = Counter()
    wrong = []
    for f in findings:
        if f["rule"] == "GL004":  # placed on the whole target; its text is the source term
            entry = next((e for e in entries if e.first_line <= f["line"] and
                          (e.index + 1 == len(entries) or f["line"] < entries[e.index + 1].first_line)), None)
            at = entry.msgid.text.lower().find(f["text"].lower()) if entry else -1
            if at < 0:
                counts["unjudged"] += 1
                continue
            eid, (s, e) = ids.get((entry.msgctxt, entry.msgid.text)), (at, at + len(f["text"]))
            spans = by.get((eid, "source", f["concept"]), [])
            rendered = [g for g in by.get((eid, "target", f["concept"]), []) if g["verdict"] == "yes" and g["glossary_term"]]
            if any(g["verdict"] == "yes" and g["start"] < e and s < g["end"] for g in spans):
                verdict, why = ("wrong", f"rendered as {rendered[0]['text']!r}") if rendered else ("right", "")
            elif any(g["verdict"] == "no" and g["start"] < e and s < g["end"] for g in spans):
                verdict, why = "wrong", "the source word in another sense"
            else:
                verdict, why = "unjudged", ""
        else:
            located = scorer.locate(entries, f, Counter())
            if located is None:
                counts["unjudged"] += 1
                continue
            entry, side, (s, e) = located
            eid = ids.get((entry.msgctxt, entry.msgid.text))
            spans = by.get((eid, side, f["concept"]), [])
            if any(g["verdict"] == "yes" and g["start"] < e and s < g["end"] for g in spans):
                verdict, why = "right", ""
            elif any(g["verdict"] == "no" and g["start"] < e and s < g["end"] for g in spans):
                verdict, why = "wrong", "the target word in another sense"
            else:
                verdict, why = "unjudged", ""
        counts[verdict] += 1
        if verdict == "wrong":
            wrong.append((eid, f["rule"], f["concept"], f["text"], why))
    return counts, wrong


def _texts(folder: Path, lang: str) -> Path:
    """The dataset's PO file of a language: texts/NAME.LANG.po."""
    found = sorted((folder / "texts").glob(f"*.{lang}.po"))
    if len(found) != 1:
        sys.exit(f"{folder / 'texts'}: expected one *.{lang}.po, found {len(found)}")
    return found[0]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--mtcheck", default=f"{sys.executable} -m mtcheck", help="the command to run")
    parser.add_argument("--with", dest="options", action="append", default=[],
                        help="an option to add to each scan (e.g. --with=--all-senses); repeatable")
    parser.add_argument("--langs", help="comma-separated; default: the dataset scorer's languages")
    parser.add_argument("--show", type=int, default=30, help="wrong matches and misses listed per language")
    parser.add_argument("--json", help="write the reference scorer's numbers to this file")
    parser.add_argument("--findings", action="store_true",
                        help="also run `check` and judge its findings by the gold (see judged_findings)")
    args = parser.parse_args(argv)
    scorer = load_scorer(args.dataset.resolve())
    mtcheck = args.mtcheck.split()
    if args.options:  # the reference scorer builds the command line: the options go after it
        mtcheck = [sys.executable, "-c", "import sys; from mtcheck.cli import main; "
                   f"sys.argv = ['mtcheck', *sys.argv[1:], *{args.options!r}]; main()"]
    langs = args.langs.split(",") if args.langs else list(scorer.LANGS)
    print(f"{'lang':6} {'side':6} {'matches':>7} {'hits':>5} {'wrong':>5} {'precision':>9} {'gold':>5} {'found':>5} {'recall':>7}")
    results = {}
    for lang in langs:
        res = results[lang] = scorer.score_lang(mtcheck, lang, args.show)
        for side in ("source", "target"):
            r = res[side]
            print(f"{lang:6} {side:6} {r['matches']:7} {r['hits']:5} {r['wrong']:5} {scorer.pct(r['precision']):>9} "
                  f"{r['gold_yes']:5} {r['found']:5} {scorer.pct(r['recall']):>7}")
    for lang in langs:
        print(f"\n== {lang}")
        for eid, side, concept, text, term, reason in wrong_matches(scorer, lang, mtcheck)[:args.show]:
            print(f"  wrong {side} {eid} {concept}: {text!r} (term {term!r}): {reason}")
        for side in ("source", "target"):
            for eid, concept, text in results[lang][side]["missed_examples"][:args.show]:
                print(f"  missed {side} {eid} {concept}: {text!r}")
    if args.findings:
        print(f"\n{'lang':6} {'findings':>8} {'right':>5} {'wrong':>5} {'unjudged':>8} {'right of judged':>15}")
        every: Counter = Counter()
        wrong_by_lang = {}
        for lang in langs:
            counts, wrong_by_lang[lang] = judged_findings(scorer, lang, mtcheck)
            every.update(counts)
            results[lang]["findings"] = dict(counts)
            _findings_row(lang, counts)
        _findings_row("all", every)
        for lang in langs:
            for eid, rule, concept, text, why in wrong_by_lang[lang][:args.show]:
                print(f"  wrong finding {lang} {eid} {rule} {concept}: {text!r}: {why}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


def _findings_row(lang: str, counts: Counter) -> None:
    judged = counts["right"] + counts["wrong"]
    share = f"{100 * counts['right'] / judged:.1f}%" if judged else "n/a"
    print(f"{lang:6} {sum(counts.values()):8} {counts['right']:5} {counts['wrong']:5} {counts['unjudged']:8} {share:>15}")


if __name__ == "__main__":
    sys.exit(main())
