from __future__ import annotations

import contextlib
import io
import json
import os
from pathlib import Path

import pytest

from mtcheck.cli import main
from mtcheck.engine import Checker
from mtcheck.glossary import load_glossary
from mtcheck.glossary.shipped import shipped_glossary
from mtcheck.matching import Matcher
from mtcheck.model import Segment
from mtcheck.rules import ALL_RULES

ROOT = Path(__file__).resolve().parent.parent
# The tests run mtcheck as a user at a terminal would, also on a CI machine: a hook's or CI's
# environment changes what `check` does without a glossary (tests that need it set it).
for _automation in ("CI", "PRE_COMMIT"):
    os.environ.pop(_automation, None)
# Most tests check against the shipped demo glossary on purpose (test_demo_glossary.py does not).
os.environ["MTCHECK_DEMO_GLOSSARY"] = "1"


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config):
    """Everything the tests write stays in the checkout: temporary folders (pytest's numbered
    ones, which it prunes to the last three, and those of the programs the tests start, a
    browser's profile say), settings and caches go to .pytest-tmp."""
    import tempfile

    scratch = ROOT / ".pytest-tmp"
    scratch.mkdir(exist_ok=True)
    os.environ["TMPDIR"] = str(scratch)
    tempfile.tempdir = None  # gettempdir() reads TMPDIR again
    # Programs the tests start keep their settings and caches there too (Chromium writes
    # ~/.config/chromium and dconf's ~/.cache/dconf otherwise).
    for variable, folder in (("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache")):
        os.environ[variable] = str(scratch / folder)
    # Bilingual dictionaries installed on the machine (Debian's dict-freedict-*) would change
    # what discovery finds: the tests see none but those they make.
    (scratch / "no-dictionaries").mkdir(exist_ok=True)
    os.environ["MTCHECK_DICTIONARIES"] = str(scratch / "no-dictionaries")
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def glossary():
    return load_glossary(shipped_glossary())


@pytest.fixture(scope="session")
def matcher(glossary):
    return Matcher(glossary)


@pytest.fixture
def find(matcher):
    """(concept, found text) pairs of a text in a language."""
    def run(lang: str, text: str) -> list[tuple[str, str]]:
        return [(m.concept.id, m.text) for m in matcher.matches(Segment(text, "t.txt", 1, lang=lang))]
    return run


@pytest.fixture
def lint(glossary):
    """Findings of a text (one segment per line) under the shipped glossary."""
    def run(lang: str, text: str, rules=ALL_RULES):
        checker = Checker(glossary, rules)
        segments = [Segment(line, "t.txt", n, lang=lang) for n, line in enumerate(text.split("\n"), 1)]
        return checker.check("t.txt", segments, lang)
    return run


@pytest.fixture
def lint_pairs(glossary):
    """Findings of (source, target) pairs, one bilingual segment each."""
    def run(source_lang: str, lang: str, pairs, rules=ALL_RULES):
        checker = Checker(glossary, rules)
        segments = [Segment(target, "t.xlf", n, id=str(n), lang=lang, source=source, source_lang=source_lang)
                    for n, (source, target) in enumerate(pairs, 1)]
        return checker.check("t.xlf", segments, lang)
    return run


def run_cli(*args) -> tuple[int, str, str]:
    """Run the CLI in-process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


def run_cli_json(*args) -> tuple[int, dict, str]:
    code, out, err = run_cli(*args, "--format", "json")
    return code, json.loads(out), err


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def cli_json():
    return run_cli_json


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory):
    """A real, untrained Marian model with a sentencepiece vocabulary of the seed texts."""
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    pytest.importorskip("sentencepiece")
    from tests.marian import save_random_marian

    lines = [line for path in sorted(SEEDS.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    dimensions = {"d_model": 32, "encoder_layers": 1, "decoder_layers": 1, "encoder_attention_heads": 2,
                  "decoder_attention_heads": 2, "encoder_ffn_dim": 64, "decoder_ffn_dim": 64,
                  "max_position_embeddings": 256}
    folder, _, _ = save_random_marian(tmp_path_factory.mktemp("tiny-marian"), lines, dimensions,
                                      vocab_size=1000, model_type="unigram")
    return folder


@pytest.fixture(scope="module")
def cluster():
    """A local Dask cluster of two worker processes, as a real one is reached: by address."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=50) as local:
        yield local.scheduler_address


@pytest.fixture
def dictionaries(tmp_path, monkeypatch):
    """A folder of dictionaries named by MTCHECK_DICTIONARIES, and a cache of its own."""
    folder = tmp_path / "dictd"
    folder.mkdir()
    monkeypatch.setenv("MTCHECK_DICTIONARIES", str(folder))
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    return folder
