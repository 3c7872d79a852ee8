"""Machine translation with a tiny real Marian model the tests build themselves: a
sentencepiece model trained on the seeds, a small random MarianConfig, save_pretrained, and
the same loading path as users take (`--model FOLDER`)."""
from __future__ import annotations

import json
import shutil

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")
pytest.importorskip("sentencepiece")

from mtcheck.glossary.shipped import shipped_glossary  # noqa: E402
from mtcheck.glossary import load_glossary  # noqa: E402
from tests.conftest import run_cli  # noqa: E402

SOURCES = [
    "The skilful mass mobilisation movement spreads in Hanoi.",
    "Skilful Mass Mobilisation models in every ward.",
    "Grassroots democracy and site clearance go together.",
    "The Mass Mobilisation Commission met the Fatherland Front.",
    "The emulation movement of skilful mass mobilisation.",
    "Mass mobilisation work is praised.",
]


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(folder))
    return folder


def translate_json(model, sources, *args, tmp_path=None, lang=("en", "de")):
    import io
    import sys

    stdin = sys.stdin
    sys.stdin = io.StringIO("\n".join(sources) + "\n")
    try:
        code, out, err = run_cli("translate", "--from", lang[0], "--to", lang[1], "--model", model,
                                 "--format", "json", *args)
    finally:
        sys.stdin = stdin
    assert code in (0, 1), err
    return code, json.loads(out)["translations"], err


@pytest.mark.parametrize("strategy", ["auto", "force"])
def test_constrained_output_has_every_required_term_and_no_banned_one(tiny_model, cache_dir, strategy):
    code, translations, err = translate_json(tiny_model, SOURCES, "--strategy", strategy)
    required = [term for t in translations for term in t["terms"]]
    assert len(required) >= 8  # the sources hold glossary concepts
    assert all(term["present"] for term in required), translations
    assert all(t["deprecated_left"] == [] for t in translations)
    assert code == 0 and "100%" in err
    # Checked independently of the translator: the matcher finds each preferred term.
    from mtcheck.matching import Matcher
    from mtcheck.model import Segment

    matcher = Matcher(load_glossary(shipped_glossary())).for_language("de")
    for t in translations:
        found = {(m.concept.id, m.term.status.value) for m in matcher.matches(Segment(t["text"], "o", 1, lang="de"))}
        assert {(term["concept"], "preferred") for term in t["terms"]} <= found
        assert not any(status in ("deprecated", "superseded") for _, status in found)


def test_unconstrained_output_misses_terms_that_constraints_add(tiny_model, cache_dir):
    _, free, _ = translate_json(tiny_model, SOURCES, "--strategy", "none")
    assert not all(term["present"] for t in free for term in t["terms"])


def test_a_deprecated_rendering_the_model_would_write_is_banned(tiny_model, cache_dir, tmp_path):
    from mtcheck.language import TOKEN_RE

    empty = tmp_path / "empty.csv"
    empty.write_text("concept,lang,term,status\n", encoding="utf-8")
    _, free, _ = translate_json(tiny_model, SOURCES[:3], "-g", empty, "--strategy", "none")
    words = [w for t in free for w in TOKEN_RE.findall(t["text"]) if len(w) > 3]
    assert words
    banned = tmp_path / "banned.csv"
    banned.write_text("concept,lang,term,status\n" + "".join(f"w{i},de,{w},deprecated\n" for i, w in enumerate(set(words[:5]))),
                      encoding="utf-8")
    _, constrained, _ = translate_json(tiny_model, SOURCES[:3], "-g", banned, "--strategy", "none")
    for t in constrained:
        found = {w.lower() for w in TOKEN_RE.findall(t["text"])}
        assert not found & {w.lower() for w in words[:5]}, t["text"]


def test_second_run_is_served_from_the_cache(tiny_model, cache_dir):
    _, first, _ = translate_json(tiny_model, SOURCES)
    assert not any(t["cached"] for t in first)
    _, second, err = translate_json(tiny_model, SOURCES)
    assert all(t["cached"] for t in second) and f"({len(SOURCES)} from the cache)" in err
    assert [t["text"] for t in first] == [t["text"] for t in second]
    _, third, _ = translate_json(tiny_model, SOURCES, "--no-cache")
    assert not any(t["cached"] for t in third)


def test_batches_keep_input_order(tiny_model, cache_dir):
    _, one_by_one, _ = translate_json(tiny_model, SOURCES, "--batch-size", "1", "--no-cache")
    _, batched, _ = translate_json(tiny_model, SOURCES, "--batch-size", "4", "--no-cache")
    assert [t["source"] for t in batched] == SOURCES
    # Padding changes a random model's scores a little, so compare what must not change.
    assert [[x["concept"] for x in t["terms"]] for t in batched] == [[x["concept"] for x in t["terms"]] for t in one_by_one]


def test_retranslate_a_text_file_with_its_source(tiny_model, cache_dir, tmp_path):
    target = tmp_path / "article.txt"
    target.write_text("Die Fachkundige Massenmobilisierung wächst.\nDas ist gut.\n"
                      "Die Bewegung „Skilled Mass Mobilization“ in Hanoi.\n", encoding="utf-8")
    source = tmp_path / "article.en.txt"
    source.write_text("The skilful mass mobilisation grows.\nThat is good.\n"
                      "The Skilful Mass Mobilisation movement in Hanoi.\n", encoding="utf-8")
    code, out, err = run_cli("retranslate", target, "--source", source, "--source-lang", "en", "--lang", "de",
                             "--model", tiny_model, "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    assert [s["line"] for s in report["segments"]] == [1, 3]  # only lines with findings
    written = (tmp_path / "article.retranslated.txt").read_text(encoding="utf-8").splitlines()
    assert written[1] == "Das ist gut."
    assert "Fachkundige" not in written[0] and "geschickte massenmobilisierung" in written[0].lower()
    assert {s["metric"] for s in report["scores"]} == {"BLEU", "chrF2", "TER"}
    assert target.read_text(encoding="utf-8").startswith("Die Fachkundige")  # the input is kept


def test_retranslate_an_xliff_keeps_the_old_target_for_review(tiny_model, cache_dir, tmp_path):
    from tests.test_formats import _xliff

    pairs = [("The skilful mass mobilisation movement.", "Die Bewegung Fachkundige Massenmobilisierung."),
             ("Grassroots democracy.", "Basisdemokratie.")]
    path = tmp_path / "a.xlf"
    path.write_text(_xliff(pairs, "en"), encoding="utf-8")
    out = tmp_path / "out.xlf"
    code, _, err = run_cli("retranslate", path, "--model", tiny_model, "-o", out, "--no-diff")
    assert code == 0, err
    from lxml import etree

    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    tree = etree.parse(str(out))
    unit = tree.find(".//x:trans-unit[@id='1']", ns)
    assert unit.find("x:target", ns).get("state") == "needs-review-translation"
    assert unit.find("x:alt-trans/x:target", ns).text == "Die Bewegung Fachkundige Massenmobilisierung."
    assert tree.find(".//x:trans-unit[@id='2']/x:target", ns).text == "Basisdemokratie."
    code, report, _ = run_cli("check", out, "--format", "json", "--select", "GL001,GL004")
    assert json.loads(report)["findings"] == []


def test_missing_broken_and_pickle_only_models(tiny_model, cache_dir, tmp_path, monkeypatch):
    code, _, err = run_cli("translate", "--from", "en", "--to", "de", "--model", tmp_path / "nothing")
    assert code == 2 and err.strip().count("\n") == 0 and "no such folder" in err
    broken = tmp_path / "broken"
    shutil.copytree(tiny_model, broken)
    (broken / "config.json").write_text("{not json", encoding="utf-8")
    code, _, err = run_cli("translate", "--from", "en", "--to", "de", "--model", broken)
    assert code == 2 and err.startswith("error: model ")
    # A pickle-only checkpoint loads only when asked for.
    import torch
    from transformers import MarianMTModel

    pickled = tmp_path / "pickled"
    shutil.copytree(tiny_model, pickled)
    (pickled / "model.safetensors").unlink()
    torch.save(MarianMTModel.from_pretrained(tiny_model).state_dict(), pickled / "pytorch_model.bin")
    code, _, err = run_cli("translate", "--from", "en", "--to", "de", "--model", pickled)
    assert code == 2 and "--allow-pickle" in err
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("Grassroots democracy.\n"))
    code, out, err = run_cli("translate", "--from", "en", "--to", "de", "--model", pickled, "--allow-pickle")
    assert code == 0 and "asisdemokratie" in out.lower()


def test_offline_hub_id_fails_fast(cache_dir, monkeypatch, tmp_path):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    code, _, err = run_cli("translate", "--from", "en", "--to", "de", "--model", "Helsinki-NLP/opus-mt-en-de")
    assert code == 2 and "HF_HUB_OFFLINE" in err


def test_nothing_is_written_when_the_model_fails(tmp_path, cache_dir):
    target = tmp_path / "a.txt"
    target.write_text("Fachkundige Massenmobilisierung.\n", encoding="utf-8")
    source = tmp_path / "a.en.txt"
    source.write_text("Skilful mass mobilisation.\n", encoding="utf-8")
    out = tmp_path / "out.txt"
    out.write_text("previous\n", encoding="utf-8")
    code, _, _ = run_cli("retranslate", target, "--source", source, "--source-lang", "en", "--lang", "de",
                         "--model", tmp_path / "missing-model", "-o", out)
    assert code == 2 and out.read_text(encoding="utf-8") == "previous\n"


def test_backtranslate_loads_its_model_once_for_every_source_language(tiny_model, cache_dir, monkeypatch):
    import mtcheck.mt.loader
    from mtcheck.mt.backtranslate import make_backtranslate
    from mtcheck.mt.commands import make_translator

    glossary = load_glossary(shipped_glossary())
    options = {"model": str(tiny_model), "device": "cpu", "allow_pickle": False, "revision": None, "threads": None,
               "no_cache": True, "cache_dir": None, "beams": 2, "batch_size": 4, "strategy": "none"}
    texts = {"en": SOURCES[:3], "vi": ["Dân vận khéo.", "Dân chủ ở cơ sở."]}
    # What one Translator per language, each with its own model, makes of the texts.
    expected = {lang: [t.text for t in make_translator(glossary, lang, "de", options, None).translate(ts, enforce=False)]
                for lang, ts in texts.items()}

    loads = []
    real = mtcheck.mt.loader.load_model
    monkeypatch.setattr(mtcheck.mt.loader, "load_model", lambda *a, **k: loads.append(a) or real(*a, **k))
    backtranslate = make_backtranslate(glossary, "de", options, None)
    assert backtranslate(texts["en"], "en") == expected["en"]
    assert backtranslate(texts["vi"], "vi") == expected["vi"]
    assert backtranslate(texts["en"], "en") == expected["en"]  # the first Translator still works
    assert len(loads) == 1
