"""Language identification: the cached model decides as py3langid's own loading does."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

from conftest import SEEDS
from mtcheck.langid import identifier, load_model

MODEL = MODEL_DIR / MODEL_FILE


@pytest.fixture(scope="module")
def reference() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _samples() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    return [text[start:start + size] for text in texts for start, size in ((0, 8000), (500, 300), (2000, 60))]


def test_cached_model_decides_as_the_shipped_one(tmp_path, reference):
    first = load_model(MODEL, tmp_path)
    cached = list(tmp_path.iterdir())
    assert len(cached) == 1 and cached[0].stat().st_size > 10_000_000  # written on the first load
    second = load_model(MODEL, tmp_path)
    for model in (first, second):
        decider = identifier(model)
        assert [decider.classify(text) for text in _samples()] == [reference.classify(text) for text in _samples()]
    assert {lang for lang, _ in map(reference.classify, _samples())} >= {"de", "no", "tr"}


def test_damaged_or_unwritable_cache_costs_nothing_but_time(tmp_path, reference):
    load_model(MODEL, tmp_path)
    (cached,) = tmp_path.iterdir()
    cached.write_bytes(cached.read_bytes()[:1000])  # cut short
    assert identifier(load_model(MODEL, tmp_path)).classify(_samples()[0]) == reference.classify(_samples()[0])
    assert cached.stat().st_size > 10_000_000  # written again
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    model = load_model(MODEL, blocked / "cache")
    assert identifier(model).classify(_samples()[3]) == reference.classify(_samples()[3])
    if os.geteuid() != 0:  # root writes anywhere
        readonly = tmp_path / "readonly"
        readonly.mkdir(mode=0o500)
        assert identifier(load_model(MODEL, readonly)).classify(_samples()[6]) == reference.classify(_samples()[6])
        assert list(readonly.iterdir()) == []


def test_one_copy_per_model_and_the_copies_of_other_versions_go(tmp_path, reference):
    stale = tmp_path / "langid-4586720-1796425863786362899.npz"  # a copy an earlier version left
    stale.write_bytes(b"old")
    load_model(MODEL, tmp_path)
    # The same model installed again elsewhere (another environment): the same copy serves it.
    again = tmp_path / "again" / MODEL.name
    again.parent.mkdir()
    again.write_bytes(MODEL.read_bytes())
    load_model(again, tmp_path)
    assert [p.name for p in tmp_path.glob("langid-*.bin")] == [next(tmp_path.glob("langid-*.bin")).name]
    assert not stale.exists()


def test_the_cache_lives_in_the_virtual_environment(tmp_path, monkeypatch):
    import sys

    from mtcheck.cachedir import cache_folder

    monkeypatch.delenv("MTCHECK_CACHE_DIR", raising=False)
    monkeypatch.setattr(sys, "prefix", str(tmp_path / "venv"))
    monkeypatch.setattr(sys, "base_prefix", "/usr")
    assert cache_folder() == tmp_path / "venv" / "var" / "cache" / "mtcheck"
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_folder() == tmp_path / "mine"
    monkeypatch.delenv("MTCHECK_CACHE_DIR")
    monkeypatch.setattr(sys, "prefix", "/usr")
    from platformdirs import user_cache_dir

    assert cache_folder() == Path(user_cache_dir("mtcheck"))
