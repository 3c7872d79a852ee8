#!/usr/bin/env python3
"""Learn weights for GL006 / `discover` from annotated texts and evaluate them leaving one
language out.

    python scripts/train_discovery.py ROOT [ROOT ...] [--l2 1.0] [--out weights.json]

The data sets are those of scripts/eval_discovery.py (a folder per language with
glossary.csv, texts/*.txt and gold.jsonl). Every candidate the signals make (scored with the
signals' fixed weights, so that nothing is left out) becomes one example: its features
(mtcheck.discovery.scoring) and whether its places are wrong renderings of its concept in the
gold, weighted by its number of places. A logistic regression with an L2 penalty is fitted by
Newton's method, its intercept then moved so that the default threshold falls where the
training places reach --precision (0.9) with the most recall, less --bound (1) standard
errors (Wilson's lower bound). Leave-one-language-out: for each language, the weights learned from the
others are run through the whole pipeline on that language's texts, read together and each
file alone, and precision and recall of the places at the default threshold are reported.
With --out, the weights learned from every language are written there with those numbers
(mtcheck.discovery.scoring.Scorer.load reads them).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from eval_discovery import COUNTED, datasets, discover, overlaps, places_of, ratio, score  # noqa: E402

from mtcheck.discovery import DEFAULT_THRESHOLD, Discoverer  # noqa: E402
from mtcheck.discovery.scoring import Scorer, feature_names  # noqa: E402



def examples(dataset) -> tuple[list[list[float]], list[int], list[int]]:
    """Features, labels and weights of every candidate the signals make in the data set."""
    _, candidates = discover(dataset, dataset.texts, 0.0)
    gold = [g for g in dataset.gold if g.get("kind", "variant") in COUNTED]
    xs, ys, ws = [], [], []
    for candidate in candidates:
        if candidate.untranslated or not candidate.evidence:
            continue
        # Only places on annotated lines say anything (see eval_discovery's judged_lines.json).
        places = [p for p in places_of(candidate, dataset.texts) if dataset.counts(p, dataset.texts)]
        if not places:
            continue
        right = sum(any(overlaps(p, g) and g["concept"] == p.concept for g in gold) for p in places)
        xs.append(Discoverer.features(candidate.evidence, candidate.occurrences))
        ys.append(int(2 * right >= len(places)))
        ws.append(len(places))
    return xs, ys, ws


def prior_weights(anchored: bool) -> np.ndarray:
    """Where the L2 penalty pulls the weights: nowhere (zeros), or, `anchored`, to the signals'
    own noisy-or (the `combined` feature's weight 1), so that what is learned corrects it."""
    prior = np.zeros(len(feature_names()))
    if anchored:
        prior[feature_names().index("combined")] = 1.0
    return prior


def fit(xs, ys, ws, l2: float, prior: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    """Weighted logistic regression, L2 on the weights' distance from `prior` (not on the
    intercept), Newton's method."""
    x = np.hstack([np.ones((len(xs), 1)), np.asarray(xs, dtype=float)])
    y, w = np.asarray(ys, dtype=float), np.asarray(ws, dtype=float)
    centre = np.concatenate([[0.0], prior if prior is not None else np.zeros(x.shape[1] - 1)])
    beta = centre.copy()
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 1e-6
    for _ in range(100):
        p = 1 / (1 + np.exp(-x @ beta))
        gradient = x.T @ (w * (p - y)) + penalty * (beta - centre)
        hessian = (x * (w * p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-9:
            break
    return beta[1:], float(beta[0])


def scorer_of(coefficients: np.ndarray, intercept: float) -> Scorer:
    return Scorer(dict(zip(feature_names(), map(float, coefficients))), intercept)


def calibrated(xs, ys, ws, coefficients: np.ndarray, intercept: float, precision: float,
               bound: float = 1.0) -> float:
    """The intercept moved so that the default threshold (0.5) falls where the training
    candidates' places reach `precision` with the most recall (else the best F1): few
    positives pull a plain fit's scores below 0.5 everywhere. The precision read at each cut is
    its Wilson lower bound `bound` standard errors down (0: the training places' own): the
    deepest cut whose places just reach the target stands on its last few candidates, and held
    out it falls short (one candidate more in the training moved it)."""
    z = np.asarray(xs, dtype=float) @ coefficients + intercept
    y, w = np.asarray(ys), np.asarray(ws, dtype=float)
    order = np.argsort(-z)
    right = np.cumsum((w * y)[order])
    found = np.cumsum(w[order])
    total = max(1.0, float((w * y).sum()))
    precisions, recalls = right / found, right / total
    ok = np.flatnonzero(wilson_lower(precisions, found, bound) >= precision)
    if ok.size:
        best = ok[np.argmax(recalls[ok])]
    else:
        f1 = 2 * precisions * recalls / np.maximum(precisions + recalls, 1e-9)
        best = int(np.argmax(f1))
    # Halfway to the next candidate's score, so that the chosen one is in.
    cut = z[order][best] if best + 1 >= len(order) else (z[order][best] + z[order][best + 1]) / 2
    return intercept - float(cut)


def wilson_lower(precisions: np.ndarray, counts: np.ndarray, z: float) -> np.ndarray:
    """The Wilson score interval's lower end for proportions observed over `counts` trials."""
    if z <= 0:
        return precisions
    spread = z * np.sqrt(precisions * (1 - precisions) / counts + z * z / (4 * counts * counts))
    return (precisions + z * z / (2 * counts) - spread) / (1 + z * z / counts)


def evaluate(dataset, scorer: Scorer) -> dict[str, dict]:
    together = score(dataset, dataset.texts, DEFAULT_THRESHOLD, scorer=scorer)
    alone = {"gold": 0, "found": 0, "right": 0, "covered": 0}
    for text in dataset.texts:
        one = score(dataset, [text], DEFAULT_THRESHOLD, scorer=scorer)
        for key in alone:
            alone[key] += one[key]
    return {"together": {k: together[k] for k in alone}, "alone": alone}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("roots", nargs="+")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--precision", type=float, default=0.9,
                        help="the training places' precision the default threshold is set at (the most recall there)")
    parser.add_argument("--bound", type=float, default=1.0,
                        help="standard errors below the training precision that must reach --precision "
                             "(Wilson's lower bound; 0: the precision itself)")
    parser.add_argument("--anchored", action="store_true",
                        help="pull the weights to the signals' own noisy-or (see prior_weights), not to zero")
    parser.add_argument("--no-calibration", action="store_true", help="keep the fitted intercept")
    parser.add_argument("--out", help="write the weights learned from all languages to this JSON file")
    args = parser.parse_args()
    prior = prior_weights(args.anchored)

    def learned(xs, ys, ws) -> tuple[np.ndarray, float]:
        coefficients, intercept = fit(xs, ys, ws, args.l2, prior)
        if not args.no_calibration:
            intercept = calibrated(xs, ys, ws, coefficients, intercept, args.precision, args.bound)
        return coefficients, intercept
    sets = datasets(args.roots)
    by_lang = defaultdict(list)
    data = {}
    for dataset in sets:
        by_lang[dataset.lang].append(dataset)
        data[dataset.label] = examples(dataset)
    print(f"{sum(len(d[0]) for d in data.values())} candidates from {len(sets)} data sets in {len(by_lang)} languages")
    print("| held out | data sets | wrong renderings | together: precision | recall | each file alone: precision "
          "| recall |")
    print("|---|---|---:|---:|---:|---:|---:|")
    results = {}
    for lang in sorted(by_lang):
        train = [d for d in sets if d.lang != lang]
        xs, ys, ws = (sum((data[d.label][i] for d in train), []) for i in range(3))
        scorer = scorer_of(*learned(xs, ys, ws))
        totals = {"together": [0, 0, 0, 0], "alone": [0, 0, 0, 0]}
        for dataset in by_lang[lang]:
            result = evaluate(dataset, scorer)
            for mode in totals:
                for i, key in enumerate(("gold", "found", "right", "covered")):
                    totals[mode][i] += result[mode][key]
        t, a = totals["together"], totals["alone"]
        results[lang] = {"data_sets": [d.label for d in by_lang[lang]], "wrong_renderings": t[0],
                         "together": {"precision": ratio(t[2], t[1]), "recall": ratio(t[3], t[0])},
                         "alone": {"precision": ratio(a[2], a[1]), "recall": ratio(a[3], a[0])}}
        print(f"| {lang} | {', '.join(d.label for d in by_lang[lang])} | {t[0]} | {ratio(t[2], t[1])} | "
              f"{ratio(t[3], t[0])} | {ratio(a[2], a[1])} | {ratio(a[3], a[0])} |", flush=True)
    xs, ys, ws = (sum((data[d.label][i] for d in sets), []) for i in range(3))
    coefficients, intercept = learned(xs, ys, ws)
    weights = {name: round(float(c), 4) for name, c in zip(feature_names(), coefficients)}
    print("weights from all languages:", json.dumps(weights), "intercept", round(intercept, 4))
    if args.out:
        document = {"model": "logistic regression over the features of mtcheck.discovery.scoring",
                    "weights": weights, "intercept": round(intercept, 4), "l2": args.l2,
                    "anchored": args.anchored, "calibrated": None if args.no_calibration else args.precision,
                    "bound": None if args.no_calibration else args.bound,
                    "trained_on": {label: {"candidates": len(d[0]), "positive": sum(d[1])} for label, d in data.items()},
                    "leave_one_language_out": results}
        out = Path(args.out)
        tmp = out.with_name(out.name + ".tmp")
        tmp.write_text(json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        tmp.replace(out)
        print(f"written: {out}")


if __name__ == "__main__":
    main()
