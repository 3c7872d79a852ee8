"""Every way machine translation can fail on bad input ends as one line on stderr and exit 2:
damaged model folders, devices, option values, paths taken for hub ids, a hub that cannot be
reached or never answers, a broken translation cache, a language a multilingual model has no
code for, an output that would replace an input. Models are the tiny real Marian model of the
tests (tests/marian.py), copied and damaged, and tiny random M2M100 models built here; the
"hub" is a socket on this machine."""
from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")
pytest.importorskip("sentencepiece")

from tests.conftest import ROOT, run_cli  # noqa: E402

SENTENCE = "Grassroots democracy.\n"
# Hub settings a developer's shell may hold; each test says what it wants.
HUB_VARIABLES = ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_ENDPOINT", "HF_HUB_ETAG_TIMEOUT",
                 "HF_HUB_DOWNLOAD_TIMEOUT", "HF_HUB_CACHE", "HUGGINGFACE_HUB_CACHE", "HF_HOME")


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


def damaged_copy(tiny_model, tmp_path, name, damage) -> Path:
    folder = tmp_path / name
    shutil.copytree(tiny_model, folder)
    damage(folder)
    return folder


# -- damaged safetensors weights -------------------------------------------------------------

def _weights(folder: Path) -> Path:
    return folder / "model.safetensors"


def _split(data: bytes) -> tuple[dict, bytes]:
    """A safetensors file as (its JSON header, the tensor bytes after it)."""
    size = struct.unpack("<Q", data[:8])[0]
    return json.loads(data[8:8 + size]), data[8 + size:]


def _join(header: dict, body: bytes) -> bytes:
    blob = json.dumps(header).encode()
    blob += b" " * (-len(blob) % 8)
    return struct.pack("<Q", len(blob)) + blob + body


def _truncate(folder):
    data = _weights(folder).read_bytes()
    _weights(folder).write_bytes(data[:len(data) // 2])


def _garbage_header(folder):
    _weights(folder).write_bytes(b"\xff" * 8 + b"not a safetensors header" * 40)


def _empty(folder):
    _weights(folder).write_bytes(b"")


def _header_length_only(folder):
    _weights(folder).write_bytes(_weights(folder).read_bytes()[:12])


def _wrong_dtype(folder):
    header, body = _split(_weights(folder).read_bytes())
    name = next(k for k, v in header.items() if k != "__metadata__" and v["dtype"] == "F32")
    header[name]["dtype"] = "F64"  # twice the bytes the offsets hold
    _weights(folder).write_bytes(_join(header, body))


def _wrong_shape(folder):
    import torch
    from safetensors.torch import load_file, save_file

    tensors = load_file(str(_weights(folder)))
    name = next(k for k, v in tensors.items() if v.dim() == 2)
    tensors[name] = torch.zeros(3, 5)
    save_file(tensors, str(_weights(folder)), metadata={"format": "pt"})


def _missing_tensors(folder):
    from safetensors.torch import load_file, save_file

    tensors = load_file(str(_weights(folder)))
    kept = {k: v for k, v in tensors.items() if "layers.0.fc1" not in k}
    assert len(kept) < len(tensors)
    save_file(kept, str(_weights(folder)), metadata={"format": "pt"})


def _folder_for_weights(folder):
    _weights(folder).unlink()
    _weights(folder).mkdir()


@pytest.mark.parametrize("damage", [_truncate, _garbage_header, _empty, _header_length_only, _wrong_dtype,
                                    _wrong_shape, _missing_tensors], ids=lambda f: f.__name__.strip("_"))
def test_damaged_safetensors_weights_are_one_line(tiny_model, cache_dir, tmp_path, damage):
    folder = damaged_copy(tiny_model, tmp_path, "damaged", damage)
    code, _, err = translate(folder)
    assert_one_line_error(code, err, f"model {folder}:", "model.safetensors")


def test_a_folder_where_the_weights_file_should_be_is_one_line(tiny_model, cache_dir, tmp_path):
    folder = damaged_copy(tiny_model, tmp_path, "odd", _folder_for_weights)
    code, _, err = translate(folder)
    assert_one_line_error(code, err, f"model {folder}:")


# -- devices ---------------------------------------------------------------------------------

def _has_cuda() -> bool:
    import torch

    return torch.cuda.is_available()


def _has_mps() -> bool:
    import torch

    return torch.backends.mps.is_available()


@pytest.mark.parametrize("device, says", [
    ("bogus", "not a device"),
    ("CPU", "not a device"),
    ("cuda:x", "not a device"),
    ("", "not a device"),
    ("meta", "not supported"),
    pytest.param("cuda", "no cuda device", marks=pytest.mark.skipif("_has_cuda()")),
    pytest.param("cuda:99", "no cuda device", marks=pytest.mark.skipif("_has_cuda()")),
    pytest.param("mps", "no mps device", marks=pytest.mark.skipif("_has_mps()")),
])
def test_an_unknown_or_absent_device_is_one_line(tiny_model, cache_dir, device, says):
    code, _, err = translate(tiny_model, "--device", device)
    assert_one_line_error(code, err, f"device {device or repr('')}: {says}")


@pytest.mark.skipif("not _has_cuda()")
def test_a_cuda_index_past_the_last_gpu_is_one_line(tiny_model, cache_dir):
    import torch

    wanted = f"cuda:{torch.cuda.device_count()}"
    code, _, err = translate(tiny_model, "--device", wanted)
    assert_one_line_error(code, err, f"device {wanted}:", "no such cuda device")


def test_cpu_as_device_still_translates(tiny_model, cache_dir):
    code, out, err = translate(tiny_model, "--device", "cpu")
    assert code in (0, 1), err
    assert out.strip()


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


# -- paths are never hub ids -----------------------------------------------------------------

class _Hub:
    """A stand-in hub on this machine: records each request line, answers as the hub does for a
    repository that does not exist (401 with X-Error-Code: RepoNotFound)."""

    def __init__(self):
        self.requests: list[str] = []
        self.server = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.server.getsockname()[1]}"
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while True:
            try:
                connection, _ = self.server.accept()
            except OSError:
                return
            with connection:
                head = b""
                while b"\r\n\r\n" not in head:
                    chunk = connection.recv(4096)
                    if not chunk:
                        break
                    head += chunk
                self.requests.append(head.split(b"\r\n", 1)[0].decode("latin-1"))
                connection.sendall(b"HTTP/1.1 401 Unauthorized\r\nX-Error-Code: RepoNotFound\r\n"
                                   b"Content-Length: 0\r\nConnection: close\r\n\r\n")

    def close(self):
        _stop_listening(self.server)
        self.thread.join(5)


def _stop_listening(server: socket.socket) -> None:
    """Close a listening socket and wake the thread blocked in its accept(): close() alone
    leaves it blocked until the join gives up."""
    try:
        server.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    server.close()


@pytest.fixture
def local_hub(monkeypatch):
    """The stand-in hub as the endpoint of every hub call of this process."""
    import huggingface_hub.constants

    hub = _Hub()
    for variable in HUB_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("HF_ENDPOINT", hub.url)
    monkeypatch.setattr(huggingface_hub.constants, "ENDPOINT", hub.url)  # both read HF_ENDPOINT on import
    monkeypatch.setattr(huggingface_hub.constants, "HUGGINGFACE_CO_URL_TEMPLATE",
                        hub.url + "/{repo_id}/resolve/{revision}/{filename}")
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", False)
    yield hub
    hub.close()


@pytest.mark.parametrize("name", ["models/opus-mt-de-en", "./mdl", "mdl/", "my-model/", "models/de-en/main",
                                  "../mdl", "~/no-such-mtcheck-model", "models\\opus-mt-de-en", "/no/such/model"])
def test_a_mistyped_local_folder_is_never_sent_to_the_hub(cache_dir, tmp_path, monkeypatch, local_hub, name):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "models").mkdir()  # the folder is there, the model in it is not
    code, _, err = translate(name)
    assert_one_line_error(code, err, f"model {name}: no such folder")
    assert local_hub.requests == []


@pytest.mark.parametrize("name", ["some org/model", "-org/model", "org/model.git", "org/mo--del", "a" * 97])
def test_a_name_that_is_neither_a_folder_nor_a_hub_id_is_one_line(cache_dir, tmp_path, monkeypatch, local_hub,
                                                                  name):
    monkeypatch.chdir(tmp_path)
    code, _, err = translate(name)
    assert_one_line_error(code, err, f"model {name}: ", "no such folder", "not a hub id")
    assert local_hub.requests == []


def test_a_hub_id_goes_to_the_hub_and_a_missing_one_is_one_line(cache_dir, tmp_path, monkeypatch, local_hub):
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.chdir(tmp_path)
    code, _, err = translate("some-org/some-model")
    assert_one_line_error(code, err, "model some-org/some-model: not found on the hub")
    assert any(r.startswith("HEAD /some-org/some-model/") for r in local_hub.requests), local_hub.requests


# -- a hub that cannot be reached, or never answers --------------------------------------------

def run_translate_process(tmp_path, model, endpoint, extra_env=None, timeout=30):
    """`python -m mtcheck translate` in a fresh process with an empty hub cache and the hub at
    `endpoint`; (code, stderr, seconds). A run past `timeout` fails the test: it hung."""
    env = {k: v for k, v in os.environ.items() if k not in HUB_VARIABLES}
    env.update(HF_HOME=str(tmp_path / "hf"), HF_ENDPOINT=endpoint, MTCHECK_CACHE_DIR=str(tmp_path / "mt-cache"),
               NO_PROXY="127.0.0.1,localhost", no_proxy="127.0.0.1,localhost", **(extra_env or {}))
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "mtcheck", "translate", "--from", "en", "--to", "de",
                           "--model", str(model)], input=SENTENCE, capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=timeout)
    return done.returncode, done.stderr, time.monotonic() - start


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def silent_hub():
    """A hub that accepts connections and never says a word."""
    server = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []

    def accept():
        while True:
            try:
                held.append(server.accept()[0])
            except OSError:
                return

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}", held
    _stop_listening(server)
    thread.join(5)
    for connection in held:
        connection.close()


def test_an_unreachable_hub_fails_fast_in_one_whole_line(tmp_path):
    code, err, seconds = run_translate_process(tmp_path, "some-org/some-model", f"http://127.0.0.1:{_closed_port()}")
    print(f"closed port: {seconds:.1f} s")
    assert_one_line_error(code, err, "model some-org/some-model: not in the local cache",
                          "could not be reached", "connection refused")
    assert err.rstrip().endswith("give a local model folder, or download the model once where the hub can be reached")


def test_a_hub_that_never_answers_fails_within_the_timeout(tmp_path, silent_hub):
    endpoint, connections = silent_hub
    code, err, seconds = run_translate_process(tmp_path, "some-org/some-model", endpoint)
    print(f"silent hub: {seconds:.1f} s")
    assert_one_line_error(code, err, "model some-org/some-model: not in the local cache",
                          "could not be reached", "no answer")
    assert connections  # it did ask, and gave up


def test_offline_mode_says_whole_what_is_missing_and_what_to_do(cache_dir, monkeypatch, tmp_path):
    for variable in HUB_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    code, _, err = translate("Helsinki-NLP/opus-mt-en-de")
    assert_one_line_error(code, err, "model Helsinki-NLP/opus-mt-en-de: not in the local cache",
                          "HF_HUB_OFFLINE")
    assert err.rstrip().endswith("give a local model folder, or download the model once with offline mode off")


def _as_hub_cache(tiny_model, hf_home: Path, repo: str) -> None:
    """The tiny model laid out as huggingface_hub caches a download of `repo`."""
    commit = "0123456789abcdef0123456789abcdef01234567"
    root = hf_home / "hub" / f"models--{repo.replace('/', '--')}"
    shutil.copytree(tiny_model, root / "snapshots" / commit)
    (root / "refs").mkdir()
    (root / "refs" / "main").write_text(commit)


def test_a_cached_hub_model_loads_when_the_hub_cannot_be_reached(tiny_model, tmp_path):
    _as_hub_cache(tiny_model, tmp_path / "hf", "mtcheck-tests/tiny-marian")
    code, err, _ = run_translate_process(tmp_path, "mtcheck-tests/tiny-marian", f"http://127.0.0.1:{_closed_port()}")
    assert code in (0, 1), err
    assert "1 segments translated" in err


# -- folders that hold no translation model, a broken cache, a failing generation ---------------

def _drop(*names):
    def damage(folder):
        for name in names:
            (folder / name).unlink()
    damage.__name__ = "without_" + "_".join(n.split(".")[0] for n in names)
    return damage


def _config(text):
    def damage(folder):
        (folder / "config.json").write_text(text, encoding="utf-8")
    damage.__name__ = "config_" + text[:12]
    return damage


def _config_changed(**changes):
    def damage(folder):
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        (folder / "config.json").write_text(json.dumps({**config, **changes}), encoding="utf-8")
    damage.__name__ = "config_" + "_".join(map(str, changes.values()))
    return damage


def _empty_folder(folder):
    shutil.rmtree(folder)
    folder.mkdir()


_BERT = {"model_type": "bert", "vocab_size": 99, "hidden_size": 8, "num_hidden_layers": 1,
         "num_attention_heads": 2, "intermediate_size": 16}


@pytest.mark.parametrize("damage, says", [
    (_empty_folder, "empty folder"),
    (_drop("config.json"), "no config.json"),
    (_config(""), "config.json"),
    (_config("[1, 2]"), "config.json"),
    (_config('{"model_type": "no-such-architecture"}'), "no-such-architecture"),
    (_config(json.dumps(_BERT)), "not a sequence-to-sequence"),
    (_config_changed(model_type="gpt2"), "not a sequence-to-sequence"),
    (_config_changed(d_model="sixteen"), "config.json"),
    (_drop("source.spm", "target.spm", "vocab.json", "tokenizer_config.json"), "tokenizer"),
    (_drop("source.spm"), "tokenizer"),
    (_drop("model.safetensors"), "no weights file"),
], ids=lambda v: getattr(v, "__name__", None) or v.replace(" ", "-"))
def test_a_folder_that_holds_no_translation_model_is_one_line(tiny_model, cache_dir, tmp_path, damage, says):
    folder = damaged_copy(tiny_model, tmp_path, "model", damage)
    code, _, err = translate(folder)
    assert_one_line_error(code, err, f"model {folder}:", says)


def test_a_tokenizer_that_does_not_fit_the_model_is_one_line(tiny_model, cache_dir, tmp_path):
    def shift_vocabulary(folder):
        vocab = json.loads((folder / "vocab.json").read_text(encoding="utf-8"))
        shifted = {token: i + 100_000 if i > 3 else i for token, i in vocab.items()}
        (folder / "vocab.json").write_text(json.dumps(shifted), encoding="utf-8")

    folder = damaged_copy(tiny_model, tmp_path, "misfit", shift_vocabulary)
    code, _, err = translate(folder, "--no-cache")
    assert_one_line_error(code, err, f"model {folder}:")


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


# -- language codes of multilingual models ---------------------------------------------------------

@pytest.fixture(scope="module")
def tiny_multilingual(tmp_path_factory):
    """Random M2M100 models with an M2M100 and an NLLB-200 tokenizer on one sentencepiece
    vocabulary of the seeds: {"m2m100": folder, "nllb": folder}."""
    import sentencepiece
    import torch
    from transformers import M2M100Config, M2M100ForConditionalGeneration, M2M100Tokenizer, NllbTokenizer

    from tests.conftest import SEEDS

    work = tmp_path_factory.mktemp("tiny-multilingual")
    lines = [line for path in sorted(SEEDS.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter(lines), model_prefix=str(work / "spm"), vocab_size=300, character_coverage=1.0,
        pad_id=-1, bos_id=-1, eos_id=-1, unk_id=0, minloglevel=2)
    processor = sentencepiece.SentencePieceProcessor(model_file=str(work / "spm.model"))
    vocab = {"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3}
    for index in range(processor.get_piece_size()):
        vocab.setdefault(processor.id_to_piece(index), len(vocab))
    (work / "vocab.json").write_text(json.dumps(vocab), encoding="utf-8")
    tokenizers = {"m2m100": M2M100Tokenizer(str(work / "vocab.json"), str(work / "spm.model")),
                  "nllb": NllbTokenizer(vocab_file=str(work / "spm.model"))}
    folders = {}
    for family, tokenizer in tokenizers.items():
        size = max(max(tokenizer.get_vocab().values()), max(getattr(tokenizer, "lang_token_to_id", {0: 0}).values()))
        config = M2M100Config(vocab_size=size + 1, d_model=16, encoder_layers=1, decoder_layers=1,
                              encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=32,
                              decoder_ffn_dim=32, max_position_embeddings=64, pad_token_id=tokenizer.pad_token_id,
                              eos_token_id=tokenizer.eos_token_id, decoder_start_token_id=tokenizer.eos_token_id)
        torch.manual_seed(0)
        folders[family] = work / family
        M2M100ForConditionalGeneration(config).save_pretrained(folders[family])
        tokenizer.save_pretrained(folders[family])
    return folders


@pytest.mark.parametrize("family", ["m2m100", "nllb"])
def test_a_multilingual_model_translates_with_the_glossary(tiny_multilingual, cache_dir, family):
    code, out, err = translate(tiny_multilingual[family], "--no-cache")
    assert code in (0, 1), err
    assert "1 segments translated" in err  # a random model may well say nothing


@pytest.mark.parametrize("family, lang, says", [("m2m100", "xx", "the tokenizer has no language code xx"),
                                                ("nllb", "sw", "no NLLB-200 code known for 'sw'")])
def test_a_language_the_model_has_no_code_for_is_one_line(tiny_multilingual, cache_dir, family, lang, says):
    code, _, err = translate(tiny_multilingual[family], into=lang)
    assert_one_line_error(code, err, f"model {tiny_multilingual[family]}: cannot translate en into {lang}: {says}")


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
