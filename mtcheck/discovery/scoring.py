"""The signals' weights, and a candidate's score from its evidence by a logistic regression
whose weights are learned from annotated texts (scripts/train_discovery.py writes them).

Without learned weights the Discoverer combines the signals' own weights as a noisy-or; with
them, each signal gives one feature, its strength between 0 and 1 (the evidence's weight over
the signal's full weight), and two features describe the span itself."""
from __future__ import annotations

import json
import math
from typing import Sequence

# Full weight of each signal: what the evidence says at full strength (its message shows it).
SIGNALS = {
    "untranslated": 0.9,   # a known term of the concept in another language
    "variant": 0.6,        # a known rendering's words in another form or grammar
    "reordered": 0.45,     # a known rendering's words in another order
    "aligned": 0.75,        # where a bilingual segment's target lacks the source term's concept (times strength)
    "cognate": 0.55,       # looks like a translation of a one-word term the glossary keeps as in another language
    "structure": 0.3,      # another concept's term, on which a known rendering is built, with another modifier
    "titled": 0.3,         # an unquoted span written like a name, as a structure candidate's modifier makes it
    "core": 0.45,          # shares the core of a known rendering
    "modifier": 0.4,       # shares a modifier of a known rendering
    "slot": 0.4,           # stands where renderings of the concept stand (times specificity)
    "foreign": 0.35,       # in another language of the glossary (times its probability)
    "quoted": 0.1,         # quoted like a name
    "quoted_like_known": 0.2,  # more, times the share of the concept's known renderings that are quoted
    "inflected": 0.15,     # an unquoted span's modifier ends like the concept's modifiers in the texts
    "learned": 0.35,       # shares a word with a candidate accepted for the concept
    "mt": 0.7,             # machine-translated, it comes out as a term of the concept
    "closed": 0.6,         # a term of the concept in another language written as one word
    "initials": 0.6,       # a term's initials where the glossary does not list them
    "lexicon": 0.6,        # a bilingual dictionary's translation of the concept's term in another language
    "misspelt": 0.6,       # a term one letter off (a Hangul term: a vowel, a consonant in the next syllable)
    "abbreviated": 0.6,    # a Han term abbreviated to some of its characters, its first and last among them
    "formed": 0.3,         # a known rendering with its head replaced by a word formed as it is
    "glossed": 0.7,        # a term of the concept in another language glosses it in brackets
    "listed": 0.3,         # one of a kept term's many senses, named in a list beside the glossary's terms
    "respaced": 0.6,       # the term with its words joined otherwise (written as one word, or apart)
}
# What the span itself looks like; and the signals' own noisy-or as log-odds (`combined`), so
# that learned weights correct the signals' weights rather than replace them.
SHAPE = ("repeated", "words", "combined")
_CLIP = 0.999


def noisy_or(evidence: Sequence) -> float:
    """The signals' weights combined: one strong signal or several weak ones make a candidate."""
    left = 1.0
    for item in evidence:
        left *= 1.0 - item.weight
    return 1.0 - left


def features(evidence: Sequence, occurrences: int, words: int) -> list[float]:
    """The feature vector: each signal's strength, then the shape and the combined score."""
    strength = dict.fromkeys(SIGNALS, 0.0)
    for item in evidence:
        full = SIGNALS.get(item.signal)
        if full:
            strength[item.signal] = max(strength[item.signal], min(1.0, item.weight / full))
    combined = min(_CLIP, max(1.0 - _CLIP, noisy_or(evidence)))
    return [strength[s] for s in SIGNALS] + [float(occurrences > 1), min(words, 5) / 5,
                                             math.log(combined / (1.0 - combined))]


def feature_names() -> list[str]:
    return list(SIGNALS) + list(SHAPE)


class Scorer:
    """Weights over the features; score = logistic(intercept + weights · features)."""

    def __init__(self, weights: dict[str, float], intercept: float):
        self.weights = [weights.get(name, 0.0) for name in feature_names()]
        self.intercept = intercept

    def score(self, vector: Sequence[float]) -> float:
        z = self.intercept + sum(w * x for w, x in zip(self.weights, vector))
        return round(1.0 / (1.0 + math.exp(-z)), 3)


    @classmethod
    def load(cls, path) -> Scorer:
        """Weights as scripts/train_discovery.py writes them (JSON: weights, intercept)."""
        with open(path, encoding="utf-8") as stream:
            data = json.load(stream)
        return cls(data["weights"], data["intercept"])
