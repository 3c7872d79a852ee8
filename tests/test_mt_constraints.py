"""Glossary enforcement holds by construction: over random tiny models of several
architectures, vocabulary kinds and sizes, seeds and batch sizes, every required term the
model's vocabulary can write is present and no deprecated rendering is left; a term it cannot
write (a word vocabulary without it) is reported as such, never counted as found."""
from __future__ import annotations

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")
pytest.importorskip("sentencepiece")

from conftest import SEEDS  # noqa: E402

from mtcheck.glossary import load_glossary  # noqa: E402
from mtcheck.glossary.shipped import shipped_glossary  # noqa: E402

DIMENSIONS = {"d_model": 32, "encoder_layers": 1, "decoder_layers": 1, "encoder_attention_heads": 2,
              "decoder_attention_heads": 2, "encoder_ffn_dim": 64, "decoder_ffn_dim": 64,
              "max_position_embeddings": 256}
SOURCES = [
    "Phong trào Dân vận khéo được triển khai rộng rãi.",
    "Dân vận khéo",
    "Các mô hình Dân vận khéo và phong trào thi đua yêu nước đã lan tỏa trong toàn tỉnh, góp phần xây dựng "
    "Mặt trận Tổ quốc Việt Nam.",
    "Mặt trận Tổ quốc Việt Nam",
    "DÂN VẬN KHÉO",
]
# (architecture, sentencepiece model type, vocabulary size, seed): letters, pieces of every
# size up to 8,000, and a vocabulary of whole words that lacks some terms' words.
MODELS = [("marian", "char", 150, 1), ("marian", "bpe", 300, 2), ("marian", "unigram", 1000, 3),
          ("marian", "unigram", 3000, 4), ("marian", "word", 500, 5), ("marian", "bpe", 8000, 8),
          ("m2m100", "unigram", 1000, 6), ("m2m100", "bpe", 400, 7)]


def _lines():
    return [line for path in sorted(SEEDS.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


@pytest.fixture(scope="module", params=MODELS, ids=lambda m: "-".join(map(str, m)))
def random_model(request, tmp_path_factory):
    from tests.marian import save_random_m2m100, save_random_marian

    architecture, kind, size, seed = request.param
    build = save_random_marian if architecture == "marian" else save_random_m2m100
    folder, _, _ = build(tmp_path_factory.mktemp(f"{architecture}-{kind}-{size}"), _lines(), DIMENSIONS, seed=seed,
                         vocab_size=size, model_type=kind, hard_vocab_limit=False)
    from mtcheck.mt.loader import load_model

    return load_model(str(folder), device="cpu")


@pytest.mark.parametrize("batch_size", [1, 8, 32])
def test_every_writable_required_term_is_present_and_no_banned_one(random_model, batch_size):
    from mtcheck.mt.translator import Translator

    glossary = load_glossary(shipped_glossary())
    translator = Translator(random_model, glossary, "vi", "de", beams=4, batch_size=batch_size)
    translations = translator.translate(SOURCES * 2)
    required = unwritable = 0
    for translation in translations:
        assert translation.banned_found == [], translation.text
        for (_, term), present in zip(translation.required, translation.present):
            if term in translation.unwritable:
                assert not present  # reported, never counted as found
                unwritable += 1
                continue
            required += 1
            assert present, (term, translation.text)
    assert required + unwritable >= len(SOURCES)  # the check ran on real requirements
    # Only a vocabulary of whole words lacks the terms' words: the others can write them all.
    assert (unwritable > 0) == (random_model.name.count("word") > 0)


def test_the_summary_names_the_terms_the_model_cannot_write():
    from mtcheck.mt.commands import term_summary, translation_record
    from mtcheck.mt.translator import Translation

    translation = Translation("Dân vận khéo", "x", [("dan-van-kheo", "geschickte Massenmobilisierung")], [False], [],
                              "force", unwritable=["geschickte Massenmobilisierung"])
    assert term_summary([translation]).endswith(
        "; the model's vocabulary cannot write 'geschickte Massenmobilisierung'")
    assert translation_record(translation)["unwritable"] == ["geschickte Massenmobilisierung"]


@pytest.fixture(scope="module", params=[("char", 150, 11), ("unigram", 1000, 12), ("bpe", 400, 13)],
                ids=lambda m: "-".join(map(str, m)))
def ct2_model(request, tmp_path_factory):
    """A random Marian model run by CTranslate2, converted into a cache of the test's own."""
    pytest.importorskip("ctranslate2")
    import os

    from tests.marian import save_random_marian

    from mtcheck.mt.ct2 import load_ct2
    from mtcheck.mt.loader import load_model

    kind, size, seed = request.param
    folder, _, _ = save_random_marian(tmp_path_factory.mktemp(f"ct2-{kind}"), _lines(), DIMENSIONS, seed=seed,
                                      vocab_size=size, model_type=kind, hard_vocab_limit=False)
    os.environ["MTCHECK_CACHE_DIR"] = str(tmp_path_factory.mktemp("ct2-cache"))
    try:
        return load_ct2(load_model(str(folder), device="cpu"), "int8")
    finally:
        del os.environ["MTCHECK_CACHE_DIR"]


@pytest.mark.parametrize("batch_size", [1, 8, 32])
def test_ct2_holds_the_glossary_by_construction(ct2_model, batch_size):
    """CTranslate2 has no scoring hook: deprecated renderings are suppressed, the n-best list
    reranked, and a missing term forced in through a target prefix."""
    from mtcheck.mt.translator import Translator

    glossary = load_glossary(shipped_glossary())
    translations = Translator(ct2_model, glossary, "vi", "de", beams=4, batch_size=batch_size).translate(SOURCES * 2)
    assert ct2_model.backend == "ct2"
    for translation in translations:
        assert translation.banned_found == [], translation.text
        assert all(translation.present), (translation.required, translation.text)
    assert sum(len(t.present) for t in translations) >= len(SOURCES)


def test_the_ct2_conversion_is_made_once_and_named_by_the_model(tmp_path, monkeypatch):
    pytest.importorskip("ctranslate2")
    from tests.marian import save_random_marian

    from mtcheck.mt.ct2 import ct2_folder
    from mtcheck.mt.loader import load_model

    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    folder, _, _ = save_random_marian(tmp_path / "m", _lines(), DIMENSIONS, vocab_size=300, model_type="bpe")
    loaded = load_model(str(folder), device="cpu")
    converted = ct2_folder(loaded, "default")
    assert (converted / "model.bin").is_file() and converted.parent == tmp_path / "cache" / "ct2"
    stamp = (converted / "model.bin").stat().st_mtime_ns
    assert ct2_folder(loaded, "default") == converted and (converted / "model.bin").stat().st_mtime_ns == stamp
    assert not [p for p in converted.parent.iterdir() if p.name.startswith(".converting-")]  # no half conversion left
