#!/usr/bin/env python3
"""Precision and recall of `mtcheck discover` on the seeds, as the tests judge them.

The glossary is the shipped one with 'Dân vận khéo' reduced to its preferred and admitted
terms; the gold list is the renderings of that concept in the seed articles 001 (Norwegian)
and 002 (German) that the reduced glossary does not know (tests/test_discovery.py). Also the
same on the Dutch text of the tests, from a Dutch-only glossary entry. Prints one table per
threshold; with --mt-model the MT signal is on.

    python scripts/eval_discover.py [--thresholds 0.3,0.4,0.5,0.6,0.7] [--mt-model PATH_OR_HUB_ID]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mtcheck.glossary import load_glossary, write_glossary  # noqa: E402
from mtcheck.glossary.shipped import shipped_glossary  # noqa: E402
from tests.conftest import SEEDS, run_cli  # noqa: E402
from tests.test_discovery import (  # noqa: E402
    CONCEPT, DUTCH, DUTCH_GLOSSARY, UNKNOWN_IN_DUTCH, UNKNOWN_IN_SEEDS, accepted_only, precision_recall,
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--thresholds", default="0.3,0.4,0.5,0.6,0.7")
    parser.add_argument("--mt-model")
    parser.add_argument("--mt-lang", default="en")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="mtcheck-eval-discover-"))
    reduced = work / "reduced.tbx"
    write_glossary(accepted_only(load_glossary(shipped_glossary()), CONCEPT), reduced, "tbx3")
    dutch = work / "nieuws.nl.txt"
    dutch.write_text(DUTCH, encoding="utf-8")
    dutch_glossary = work / "nl.csv"
    dutch_glossary.write_text(DUTCH_GLOSSARY, encoding="utf-8")
    mt = ["--mt-model", args.mt_model, "--mt-lang", args.mt_lang] if args.mt_model else []
    print(f"MT signal: {args.mt_model or 'off'}")
    print("| corpus | threshold | precision | recall | missed | wrong | seconds |")
    print("|---|---:|---:|---:|---|---|---:|")
    for name, command, gold in (("seeds (001 nb, 002 de)", ["discover", SEEDS, "-g", reduced], UNKNOWN_IN_SEEDS),
                                ("Dutch test text", ["discover", dutch, "-g", dutch_glossary, "-l", "nl"],
                                 UNKNOWN_IN_DUTCH)):
        for threshold in args.thresholds.split(","):
            start = time.perf_counter()
            code, out, err = run_cli(*command, "--format", "json", "--threshold", threshold, *mt)
            seconds = time.perf_counter() - start
            if code == 2:
                print(err, file=sys.stderr)
                return 2
            precision, recall, missed, wrong = precision_recall(json.loads(out)["candidates"], gold)
            print(f"| {name} | {threshold} | {precision:.0%} | {recall:.0%} | "
                  f"{'; '.join(m[1] for m in missed) or '–'} | {'; '.join(w[1] for w in wrong) or '–'} | {seconds:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
