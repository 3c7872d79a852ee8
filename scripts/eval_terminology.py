"""Match precision and recall of `mtcheck scan` on a judged terminology dev set, per language
and side, with every wrong match and every miss listed with the judge's reason.

    python scripts/eval_terminology.py DATASET [--langs de,fr] [--show 40] [--json OUT] [--with=--all-senses]

DATASET is a folder laid out like the GnuCash dev set (texts/gnucash-ui.LANG.po,
glossary/*.csv, gold/LANG.jsonl, entries.jsonl and its reference scorer score.py, which this
script imports for reading the PO files and mapping reported positions, so that the numbers
are the reference scorer's). Needs nothing of the tests; the tests never need it.
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
    po = folder / "texts" / f"gnucash-ui.{lang}.po"
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


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--mtcheck", default=f"{sys.executable} -m mtcheck", help="the command to run")
    parser.add_argument("--with", dest="options", action="append", default=[],
                        help="an option to add to each scan (e.g. --with=--all-senses); repeatable")
    parser.add_argument("--langs", default="de,fr,es,pl,zh_CN")
    parser.add_argument("--show", type=int, default=30, help="wrong matches and misses listed per language")
    parser.add_argument("--json", help="write the reference scorer's numbers to this file")
    args = parser.parse_args(argv)
    scorer = load_scorer(args.dataset.resolve())
    mtcheck = args.mtcheck.split()
    if args.options:  # the reference scorer builds the command line: the options go after it
        mtcheck = [sys.executable, "-c", "import sys; from mtcheck.cli import main; "
                   f"sys.argv = ['mtcheck', *sys.argv[1:], *{args.options!r}]; main()"]
    langs = args.langs.split(",")
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
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
