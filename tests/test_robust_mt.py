"""Every way machine translation can fail on bad input ends as one line on stderr and exit 2:
option values, a broken translation cache, an output that would replace an input. The model is
the tiny real Marian model of the tests (tests/marian.py)."""
from __future__ import annotations

import json
import sqlite3
import sys

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")
pytest.importorskip("sentencepiece")

from tests.conftest import run_cli  # noqa: E402

SENTENCE = "Grassroots democracy.\n"


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "translation-cache"
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(folder))
    return folder


def translate(model, *args, text=SENTENCE, into="de"):
    """`mtcheck translate` in this process from English, `text` on stdin: (code, stdout, stderr)."""
    import io

    stdin = sys.stdin
    sys.stdin = io.StringIO(text)
    try:
        return run_cli("translate", "--from", "en", "--to", into, "--model", model, *args)
    finally:
        sys.stdin = stdin


def assert_one_line_error(code, err, *fragments):
    assert code == 2, err
    assert err.strip().count("\n") == 0, err
    assert err.startswith("error: "), err
    for fragment in fragments:
        assert fragment in err, err


# -- counts below one ------------------------------------------------------------------------

@pytest.mark.parametrize("option, value", [("--threads", "-1"), ("--threads", "0"), ("--beams", "0"),
                                           ("--batch-size", "0"), ("--batch-size", "-4")])
def test_a_count_below_one_is_a_usage_error(tiny_model, cache_dir, option, value):
    import torch

    threads = torch.get_num_threads()
    code, out, err = translate(tiny_model, option, value)
    assert code == 2 and out == "", err
    [message] = [line for line in err.splitlines() if line.lower().startswith("error")]
    assert option in message and value in message
    assert torch.get_num_threads() == threads  # refused before anything was set


# -- a broken translation cache -------------------------------------------------------------------

def test_a_file_as_cache_folder_is_one_line(tiny_model, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(blocker))
    code, _, err = translate(tiny_model)
    assert_one_line_error(code, err, "translation cache", "--no-cache")


@pytest.mark.parametrize("content", [b"this is not a database" * 100, b"SQLite format 3\x00" + b"\xff" * 200])
def test_a_garbage_cache_database_is_one_line(tiny_model, cache_dir, content):
    cache_dir.mkdir()
    (cache_dir / "translations.sqlite3").write_bytes(content)
    code, _, err = translate(tiny_model)
    assert_one_line_error(code, err, "translation cache", str(cache_dir / "translations.sqlite3"), "--no-cache")


def test_a_cache_table_of_another_shape_is_one_line(tiny_model, cache_dir):
    cache_dir.mkdir()
    with sqlite3.connect(cache_dir / "translations.sqlite3") as db:
        db.execute("CREATE TABLE translations (key TEXT PRIMARY KEY)")
    code, _, err = translate(tiny_model)
    assert_one_line_error(code, err, "translation cache", "--no-cache")


def test_a_cache_database_as_a_folder_is_one_line(tiny_model, cache_dir):
    (cache_dir / "translations.sqlite3").mkdir(parents=True)
    code, _, err = translate(tiny_model)
    assert_one_line_error(code, err, "translation cache")


# -- where translations are written ----------------------------------------------------------------

def _aligned_pair(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("Fachkundige Massenmobilisierung.\n", encoding="utf-8")
    source = tmp_path / "a.en.txt"
    source.write_text("Skilful mass mobilisation.\n", encoding="utf-8")
    return target, source


@pytest.mark.parametrize("output", ["source", "reference", "folder"])
def test_retranslate_never_writes_over_an_input_or_into_a_folder(tmp_path, cache_dir, output):
    target, source = _aligned_pair(tmp_path)
    reference = tmp_path / "ref.txt"
    reference.write_text("Geschickte Massenmobilisierung.\n", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    chosen = {"source": source, "reference": reference, "folder": tmp_path / "folder"}[output]
    before = {p: p.read_bytes() for p in (target, source, reference)}
    # A model that cannot load: the output is refused before it is even looked for.
    code, _, err = run_cli("retranslate", target, "--source", source, "--source-lang", "en", "--lang", "de",
                           "--reference", reference, "--model", tmp_path / "no-model", "-o", chosen)
    assert_one_line_error(code, err, str(chosen))
    assert "no such folder" not in err
    assert {p: p.read_bytes() for p in before} == before


def test_retranslate_in_place_may_replace_its_own_file_only(tiny_model, tmp_path, cache_dir):
    target, source = _aligned_pair(tmp_path)
    code, _, err = run_cli("retranslate", target, "--source", source, "--source-lang", "en", "--lang", "de",
                           "--model", tiny_model, "--in-place", "--no-diff")
    assert code in (0, 1), err
    assert "Fachkundige" not in target.read_text(encoding="utf-8")
    assert source.read_text(encoding="utf-8") == "Skilful mass mobilisation.\n"


def test_retranslate_to_standard_output_is_one_line(tmp_path, cache_dir):
    target, source = _aligned_pair(tmp_path)
    code, _, err = run_cli("retranslate", target, "--source", source, "--source-lang", "en", "--lang", "de",
                           "--model", tmp_path / "no-model", "-o", "-")
    assert_one_line_error(code, err, "retranslate writes a file")


def test_translate_never_writes_over_its_input(tmp_path, cache_dir):
    text = tmp_path / "in.txt"
    text.write_text("Grassroots democracy.\n", encoding="utf-8")
    code, _, err = run_cli("translate", text, "--from", "en", "--to", "de", "--model", tmp_path / "no-model",
                           "-o", text)
    assert_one_line_error(code, err, str(text), "input")
    assert text.read_text(encoding="utf-8") == "Grassroots democracy.\n"


def test_translate_with_dash_as_output_writes_standard_output(tiny_model, tmp_path, cache_dir, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = translate(tiny_model, "-o", "-")
    assert code in (0, 1), err
    assert out.strip() and not (tmp_path / "-").exists()
