"""Random Marian and M2M100 models with a sentencepiece vocabulary trained on given text, saved
as a user's model folder is: what the tests and the MT benchmark load through mtcheck's own
path."""
from __future__ import annotations

import json
from pathlib import Path


def _vocabulary(work: Path, lines: list[str], first: dict[str, int], ids: dict, spm_options: dict):
    """Train sentencepiece on `lines` in `work` (special ids as `ids` say); its pieces as a
    vocabulary after the `first` entries, and the sentencepiece model's path."""
    import sentencepiece

    work.mkdir(parents=True, exist_ok=True)
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter(lines), model_prefix=str(work / "spm"), character_coverage=1.0, minloglevel=2,
        **ids, **spm_options)
    processor = sentencepiece.SentencePieceProcessor(model_file=str(work / "spm.model"))
    vocab = dict(first)
    for index in range(processor.get_piece_size()):
        vocab.setdefault(processor.id_to_piece(index), len(vocab))
    return vocab, work / "spm.model"


def _saved(work: Path, config, model_class, tokenizer, seed: int):
    """A model of `config` with random weights from `seed`, saved with its tokenizer in
    work/model; (folder, model, tokenizer)."""
    import torch

    torch.manual_seed(seed)
    model = model_class(config)
    folder = work / "model"
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder, model, tokenizer


def save_random_marian(work: Path, lines: list[str], dimensions: dict, seed: int = 0, entries: int = 0,
                       **spm_options):
    """Train sentencepiece on `lines` in `work`, build a random MarianMTModel of `dimensions`
    on its vocabulary (one for both sides), save both in `work / "model"`; (folder, model, tokenizer).
    `entries`: fill the vocabulary up to that many entries with pieces the sentencepiece model
    never writes, as an OPUS-MT vocabulary joins two languages' pieces: an output layer of a real
    model's size from text too short to train one."""
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    vocab, spm = _vocabulary(work, lines, {}, dict(pad_id=-1, bos_id=-1, eos_id=1, unk_id=2), spm_options)
    for index in range(len(vocab), entries - 1):
        vocab.setdefault(f"\u2581filler{index}", len(vocab))
    vocab["<pad>"] = len(vocab)  # last, as OPUS-MT's vocabularies have it (CTranslate2 relies on it)
    (work / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    tokenizer = MarianTokenizer(str(spm), str(spm), str(work / "vocab.json"))
    config = MarianConfig(
        vocab_size=len(tokenizer), pad_token_id=tokenizer.pad_token_id, eos_token_id=tokenizer.eos_token_id,
        decoder_start_token_id=tokenizer.pad_token_id, forced_eos_token_id=tokenizer.eos_token_id, **dimensions)
    return _saved(work, config, MarianMTModel, tokenizer, seed)


def save_random_m2m100(work: Path, lines: list[str], dimensions: dict, seed: int = 0, **spm_options):
    """Like save_random_marian, an M2M100 model (NLLB's architecture family: a language token
    forced first) with its own sentencepiece vocabulary and M2M100's language codes."""
    from transformers import M2M100Config, M2M100ForConditionalGeneration, M2M100Tokenizer

    vocab, spm = _vocabulary(work, lines, {"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3},
                             dict(pad_id=1, bos_id=0, eos_id=2, unk_id=3), spm_options)
    (work / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    tokenizer = M2M100Tokenizer(str(work / "vocab.json"), str(spm))
    size = max([*tokenizer.get_vocab().values(), *tokenizer.lang_token_to_id.values()]) + 1
    config = M2M100Config(vocab_size=size, pad_token_id=tokenizer.pad_token_id, eos_token_id=tokenizer.eos_token_id,
                          bos_token_id=tokenizer.bos_token_id, decoder_start_token_id=tokenizer.eos_token_id,
                          **dimensions)
    return _saved(work, config, M2M100ForConditionalGeneration, tokenizer, seed)
