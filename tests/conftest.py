from __future__ import annotations

import contextlib
import io
import json
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
    sentencepiece = pytest.importorskip("sentencepiece")
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    work = tmp_path_factory.mktemp("tiny-marian")
    lines = [line for path in sorted(SEEDS.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter(lines), model_prefix=str(work / "spm"), vocab_size=1000, model_type="unigram",
        character_coverage=1.0, pad_id=-1, bos_id=-1, eos_id=1, unk_id=2, minloglevel=2)
    processor = sentencepiece.SentencePieceProcessor(model_file=str(work / "spm.model"))
    vocab = {"<pad>": 0}
    for index in range(processor.get_piece_size()):
        vocab.setdefault(processor.id_to_piece(index), len(vocab))
    (work / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    tokenizer = MarianTokenizer(str(work / "spm.model"), str(work / "spm.model"), str(work / "vocab.json"))
    config = MarianConfig(
        vocab_size=len(tokenizer), d_model=32, encoder_layers=1, decoder_layers=1, encoder_attention_heads=2,
        decoder_attention_heads=2, encoder_ffn_dim=64, decoder_ffn_dim=64, max_position_embeddings=256,
        pad_token_id=tokenizer.pad_token_id, eos_token_id=tokenizer.eos_token_id,
        decoder_start_token_id=tokenizer.pad_token_id, forced_eos_token_id=tokenizer.eos_token_id)
    torch.manual_seed(0)
    model = MarianMTModel(config)
    folder = work / "model"
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder
