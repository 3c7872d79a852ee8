"""Corpus scores of translations: BLEU, chrF and TER (sacrebleu), and term success rates.

Nothing here reads files: the CLI reads and aligns them, and turns these functions'
ValueErrors into `path:line` errors.
"""
from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from mtcheck.errors import MtcheckError
from mtcheck.language import canonical_lang
from mtcheck.model import Concept, Glossary, Status, Term


@dataclass(frozen=True)
class Score:
    """One corpus-level metric with the sacrebleu signature that reproduces it."""

    name: str
    value: float
    signature: str

    def to_record(self) -> dict:
        return {"metric": self.name, "score": self.value, "signature": self.signature}


@dataclass(frozen=True)
class TermCount:
    """How many of the required terms the translations contain."""

    found: int
    total: int

    @property
    def rate(self) -> float | None:
        return self.found / self.total if self.total else None

    def to_record(self) -> dict:
        return {"found": self.found, "total": self.total, "rate": self.rate}


@dataclass(frozen=True)
class TermSuccess:
    """Term success by two measures, as the WMT 2023 terminology task reports them.

    `exact`: the term, case aside, as whole words (WMT's `regex`). `lemma`: the term in any
    inflected form or compound, by mtcheck's matching (in the spirit of WMT's `lemma_regex`).
    """

    lang: str
    exact: TermCount
    lemma: TermCount

    def to_record(self) -> dict:
        return {"lang": self.lang, "exact": self.exact.to_record(), "lemma": self.lemma.to_record()}


def corpus_scores(hypotheses: Sequence[str], references: Sequence[str]) -> list[Score]:
    """BLEU, chrF and TER of line-aligned hypotheses against one reference each, with
    sacrebleu's default settings and signatures."""
    if len(hypotheses) != len(references):
        raise ValueError(f"{len(hypotheses)} hypotheses but {len(references)} references")
    if not hypotheses:
        raise ValueError("nothing to score")  # sacrebleu fails on an empty corpus with an IndexError
    try:
        from sacrebleu.metrics import BLEU, CHRF, TER
    except ImportError:
        raise MtcheckError("scoring needs sacrebleu: pip install 'mtcheck[mt]'") from None
    hypotheses, references = list(hypotheses), list(references)
    scores = []
    for metric in (BLEU(), CHRF(), TER()):
        result = metric.corpus_score(hypotheses, [references])
        # The signature knows the number of references only once the metric has run.
        scores.append(Score(result.name, float(result.score), str(metric.get_signature())))
    return scores


def term_success(hypotheses: Sequence[str], term_lists: Sequence[Sequence[str]], target_lang: str) -> TermSuccess:
    """The share of required target terms (term_lists[i] for hypotheses[i]) that occur.

    Each required term counts once per time it is listed. Lemma success includes exact
    success: a term found as written is found whatever the stemmer makes of it.
    """
    if len(hypotheses) != len(term_lists):
        raise ValueError(f"{len(hypotheses)} hypotheses but {len(term_lists)} term lists")
    lang = canonical_lang(target_lang)
    distinct = list(dict.fromkeys(term for terms in term_lists for term in terms))
    blank = next((term for term in distinct if not term.strip()), None)
    if blank is not None:
        raise ValueError(f"blank term {blank!r}")
    concept_ids = {term: str(i) for i, term in enumerate(distinct)}
    matcher = _term_matcher(distinct, lang)
    patterns: dict[str, re.Pattern[str]] = {}
    exact = lemma = total = 0
    for hypothesis, terms in zip(hypotheses, term_lists):
        if not terms:
            continue
        present = matcher.concepts(hypothesis, variants=False)  # the term asked for, not a paraphrase of it
        for term in terms:
            pattern = patterns.get(term)
            if pattern is None:
                pattern = patterns[term] = _whole_words(term)
            found = pattern.search(hypothesis) is not None
            total += 1
            exact += found
            lemma += found or concept_ids[term] in present
    return TermSuccess(lang, TermCount(exact, total), TermCount(lemma, total))


def _term_matcher(terms: list[str], lang: str):
    """The terms as a glossary of one concept each, compiled for the target language."""
    from mtcheck.matching import Matcher

    concepts = tuple(Concept(str(i), (Term(text, lang, Status.PREFERRED),)) for i, text in enumerate(terms))
    return Matcher(Glossary(concepts, source_lang=lang)).for_language(lang)


def _whole_words(term: str) -> re.Pattern[str]:
    # Lookarounds rather than \b: a term may begin or end with punctuation ("Sklerodermie (SSc)").
    return re.compile(rf"(?<!\w){re.escape(term)}(?!\w)", re.IGNORECASE)


def wmt_terms(line: str) -> list[dict[str, str]]:
    """One line of a WMT terminology file: a JSON array of objects that map language codes
    to terms (`[{"de": "Blutdruck", "en": "blood pressure"}]`), the codes made canonical."""
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON: {exc.msg} (column {exc.colno})") from None
    # Bad input data, not a bad argument: ValueError, as for bad JSON.
    if not isinstance(row, list):
        raise ValueError("expected a JSON array of {language: term} objects")  # noqa: TRY004
    entries = []
    for entry in row:
        if not isinstance(entry, dict) or not all(isinstance(v, str) for v in entry.values()):
            shown = json.dumps(entry, ensure_ascii=False)[:60]
            raise ValueError(f"expected an object of {{language: term}} strings, not {shown}")
        entries.append({canonical_lang(code): term for code, term in entry.items()})
    return entries
