"""`mtcheck score`: sacrebleu's corpus scores, WMT-style term success, and its input errors."""
from __future__ import annotations

import json

import pytest
from conftest import SEEDS, run_cli

from mtcheck.mt.score import corpus_scores, term_success, wmt_terms

# German sentences from seeds/ (000, 002) as references, each hypothesis an edited translation.
REFERENCES = [
    "Die Massenmobilisierungsarbeit muss sich eng an den Anforderungen der Umsetzung lokaler politischer Aufgaben orientieren.",
    "Die Massenmobilisierungsarbeit trägt zur Stärkung des großen Blocks der nationalen Einheit bei.",
    "Ziel der „geschickten Massenmobilisierung“ ist es, die große Kraft des Volkes beim Aufbau und der Entwicklung der Hauptstadt zu fördern.",
    "„Geschickte Massenmobilisierung“ breitet sich in allen Lebensbereichen aus",
    "Provinzparteisekretär Hoang Trung Dung und Delegierte, die an der Konferenz teilnehmen.",
]
HYPOTHESES = [
    "Die Arbeit der Massenmobilisierung muss sich an den Anforderungen bei der Umsetzung lokaler politischer Aufgaben orientieren.",
    "Die Massenmobilisierungsarbeit trägt zur Stärkung der nationalen Einheit bei.",
    "Das Ziel der „Skilled Mass Mobilization“ ist es, die große Kraft des Volkes beim Aufbau der Hauptstadt zu fördern.",
    "Die geschickte Massenmobilisierung breitet sich in allen Lebensbereichen aus",
    "Provinzparteisekretär Hoang Trung Dung und Delegierte nehmen an der Konferenz teil.",
]
WORK = {"en": "mass mobilisation work", "de": "Massenmobilisierungsarbeit"}
SKILFUL = {"en": "skilful mass mobilisation", "de": "geschickte Massenmobilisierung"}
# Per segment, as found (exact / lemma): work -/- | work +/+, unity -/+ | skilful -/- |
# skilful +/+, area of life -/+ | none.
TERMS = [
    [WORK],
    [WORK, {"en": "national unity", "de": "nationale Einheit"}],
    [SKILFUL],
    [SKILFUL, {"en": "area of life", "de": "Lebensbereich"}],
    [],
]


@pytest.fixture
def sacrebleu():
    return pytest.importorskip("sacrebleu")


@pytest.fixture
def files(tmp_path):
    """Writes line-aligned files; returns their paths."""
    def write(name: str, lines: list[str]) -> str:
        path = tmp_path / name
        path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        return str(path)
    return write


@pytest.fixture
def corpus(files):
    return files("hyp.de", HYPOTHESES), files("ref.de", REFERENCES)


@pytest.fixture
def terms_file(files):
    return files("terms.jsonl", [json.dumps(row, ensure_ascii=False) for row in TERMS])


def _sacrebleu_scores(sacrebleu, hypotheses, references):
    """(name, score, signature) of each metric, by sacrebleu's own API."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    expected = []
    for corpus_score, metric in ((sacrebleu.corpus_bleu, BLEU()), (sacrebleu.corpus_chrf, CHRF()),
                                 (sacrebleu.corpus_ter, TER())):
        result = corpus_score(hypotheses, [references])
        metric.corpus_score(hypotheses, [references])
        expected.append((result.name, result.score, str(metric.get_signature())))
    return expected


def test_references_are_seed_sentences():
    seed_lines = {line for path in SEEDS.glob("*.txt") for line in path.read_text(encoding="utf-8").splitlines()}
    assert set(REFERENCES) <= seed_lines


# -- corpus scores ---------------------------------------------------------------------------

def test_json_scores_equal_sacrebleu(sacrebleu, corpus):
    code, out, err = run_cli("score", *corpus, "--format", "json")
    assert (code, err) == (0, "")
    report = json.loads(out)
    assert report["version"] == 1 and report["terms"] is None
    got = [(s["metric"], s["score"], s["signature"]) for s in report["scores"]]
    assert got == _sacrebleu_scores(sacrebleu, HYPOTHESES, REFERENCES)
    assert [name for name, _, _ in got] == ["BLEU", "chrF2", "TER"]
    for _, value, signature in got:
        assert 0 < value < 100  # edited hypotheses: neither nothing nor everything in common
        assert signature.startswith("nrefs:1|") and signature.endswith(f"|version:{sacrebleu.__version__}")
    assert "tok:13a" in got[0][2] and "nc:6|nw:0" in got[1][2] and "tok:tercom" in got[2][2]


def test_text_scores_are_an_aligned_block(sacrebleu, corpus):
    code, out, _ = run_cli("score", *corpus)
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 3
    for line, (name, value, signature) in zip(lines, _sacrebleu_scores(sacrebleu, HYPOTHESES, REFERENCES)):
        assert line.split() == [name, f"{value:.2f}", signature]
    assert len({line.index("nrefs:") for line in lines}) == 1


def test_identical_texts_score_perfectly(sacrebleu):
    scores = {s.name: s.value for s in corpus_scores(REFERENCES, REFERENCES)}
    assert scores == {"BLEU": pytest.approx(100), "chrF2": pytest.approx(100), "TER": 0}


def test_core_refuses_what_sacrebleu_would_get_wrong():
    with pytest.raises(ValueError, match="2 hypotheses but 1 references"):
        corpus_scores(["a", "b"], ["a"])
    with pytest.raises(ValueError, match="nothing to score"):
        corpus_scores([], [])


# -- term success ----------------------------------------------------------------------------

TERM_CASES = [
    # lang, required term, hypothesis, found exactly (WMT regex), found by lemma
    ("de", "Massenmobilisierung", "Die Ziele der Massenmobilisierungen wurden erreicht.", False, True),
    ("de", "Massenmobilisierung", "Die Massenmobilisierungsarbeit muss sich eng an den Anforderungen orientieren.",
     False, True),
    ("de", "geschickte Massenmobilisierung", "Ziel der „geschickten Massenmobilisierung“ ist es", False, True),
    ("de", "nationale Einheit", "trägt zur Stärkung der nationalen Einheit bei.", False, True),
    ("de", "massenmobilisierung", "„Geschickte Massenmobilisierung“ breitet sich aus", True, True),
    ("de", "Massenmobilisierungsarbeit", "Die Arbeit der Massenmobilisierung muss sich orientieren.", False, False),
    ("de", "Massenmobilisierung", "Die Mobilisierung der Massen", False, False),
    ("tr", "seferberlik", "2023 yılında kitle seferberliği çalışmalarında üstün başarı gösteren kişiler",
     False, True),
    ("tr", "kitle seferberliği", "İl Parti Komitesi Kitle Seferberlik Komisyonu Başkanları", False, True),
    ("tr", "İl Parti Komitesi", "il parti komitesinin kararı", False, True),
    ("tr", "Yönlendirme Komitesi", "hareketi Yönlendirme Komitesi'nin 2023'teki performansı", True, True),
    ("en", "mass mobilisation", "Mass mobilisations spread across the province.", False, True),
    ("en", "mobilisation", "the demobilisation of troops", False, False),
]


@pytest.mark.parametrize(("lang", "term", "hypothesis", "exact", "lemma"), TERM_CASES)
def test_term_found_exactly_or_by_lemma(lang, term, hypothesis, exact, lemma):
    success = term_success([hypothesis], [[term]], lang)
    assert (success.exact.found, success.lemma.found, success.exact.total) == (int(exact), int(lemma), 1)


def test_term_counts_over_a_corpus():
    term_lists = [[entry["de"] for entry in row] for row in TERMS]
    success = term_success(HYPOTHESES, term_lists, "de")
    assert (success.exact.found, success.exact.total) == (2, 6)
    assert (success.lemma.found, success.lemma.total) == (4, 6)
    assert success.lemma.rate == pytest.approx(4 / 6)
    # A term listed twice for a segment counts twice; nothing required is no rate at all.
    twice = term_success(["kitle seferberliği"], [["seferberlik", "seferberlik"]], "tr")
    assert (twice.exact.found, twice.lemma.found, twice.lemma.total) == (0, 2, 2)
    assert term_success(["x"], [[]], "de").exact.rate is None


def test_term_success_needs_one_list_per_hypothesis():
    with pytest.raises(ValueError, match="1 hypotheses but 2 term lists"):
        term_success(["x"], [[], []], "de")


def test_wmt_term_line():
    assert wmt_terms('[{"de-DE": "Blutdruck", "EN": "blood pressure"}]') == [{"de": "Blutdruck", "en": "blood pressure"}]
    assert wmt_terms("[]") == []
    for line in ('{"de": "x"}', "[1]", '[{"de": 1}]', "[{"):
        with pytest.raises(ValueError):
            wmt_terms(line)


def test_cli_terms_target_language_from_references(sacrebleu, corpus, terms_file):
    code, out, err = run_cli("score", *corpus, "--terms", terms_file, "--format", "json")
    assert (code, err) == (0, "")
    assert json.loads(out)["terms"] == {
        "lang": "de",
        "exact": {"found": 2, "total": 6, "rate": pytest.approx(2 / 6)},
        "lemma": {"found": 4, "total": 6, "rate": pytest.approx(4 / 6)},
    }
    code, out, _ = run_cli("score", *corpus, "--terms", terms_file)
    assert code == 0
    exact, lemma = out.splitlines()[-2:]
    assert exact.split()[:4] == ["terms", "exact", "33.33", "2/6"]
    assert lemma.split()[:4] == ["terms", "lemma", "66.67", "4/6"]


def test_cli_lang_picks_the_terms(sacrebleu, corpus, terms_file):
    code, out, _ = run_cli("score", *corpus, "--terms", terms_file, "--lang", "en", "--format", "json")
    assert code == 0
    terms = json.loads(out)["terms"]
    assert terms["lang"] == "en" and terms["lemma"] == {"found": 0, "total": 6, "rate": 0.0}


def test_cli_asks_for_lang_when_no_key_is_the_references_language(sacrebleu, corpus, files):
    terms = files("terms.jsonl", ['[{"en": "mass mobilisation", "nb": "massemobilisering"}]', *["[]"] * 4])
    code, out, err = run_cli("score", *corpus, "--terms", terms)
    assert (code, out) == (2, "")
    assert err == f"error: {terms}: terms in en, nb, references in de: give the target language with --lang\n"


# -- input errors ----------------------------------------------------------------------------

def test_line_count_mismatch_names_both_files(sacrebleu, files):
    hyp, ref = files("hyp.de", HYPOTHESES), files("ref.de", REFERENCES[:4])
    code, out, err = run_cli("score", hyp, ref)
    assert (code, out) == (2, "")
    assert err == f"error: {hyp}: 5 lines, but {ref} has 4: the files must be line-aligned\n"


def test_terms_line_count_mismatch(sacrebleu, corpus, files):
    terms = files("terms.jsonl", ["[]"] * 6)
    code, out, err = run_cli("score", *corpus, "--terms", terms)
    assert (code, out) == (2, "")
    assert err == f"error: {corpus[0]}: 5 lines, but {terms} has 6: the files must be line-aligned\n"


@pytest.mark.parametrize(("bad_line", "message"), [
    ('[{"de": "Massenmobilisierung"', "not JSON: Expecting ',' delimiter"),
    ('{"de": "Massenmobilisierung"}', "expected a JSON array of {language: term} objects"),
    ('["Massenmobilisierung"]', 'expected an object of {language: term} strings, not "Massenmobilisierung"'),
    ('[{"en": "mass mobilisation"}]', "no de term in a term pair"),
])
def test_bad_terms_line_gives_path_and_line(sacrebleu, corpus, files, bad_line, message):
    terms = files("terms.jsonl", ["[]", "[]", bad_line, "[]", "[]"])
    code, out, err = run_cli("score", *corpus, "--terms", terms, "--lang", "de")
    assert (code, out) == (2, "")
    assert err.startswith(f"error: {terms}:3: {message}")
    assert err.count("\n") == 1


def test_undecodable_hypothesis_gives_path_and_line(sacrebleu, corpus, tmp_path):
    hyp = tmp_path / "latin1.de"
    hyp.write_bytes("\n".join(HYPOTHESES[:2]).encode() + "\nDie Stärkung\n".encode("latin-1") + b"x\ny\n")
    code, out, err = run_cli("score", hyp, corpus[1])
    assert (code, out) == (2, "")
    assert err == f"error: {hyp}:3: cannot decode as utf-8 (byte 0xe4)\n"


def test_empty_files_are_an_input_error(sacrebleu, files):
    hyp, ref = files("hyp.de", []), files("ref.de", [])
    code, out, err = run_cli("score", hyp, ref)
    assert (code, out, err) == (2, "", f"error: {hyp}: no lines to score\n")
