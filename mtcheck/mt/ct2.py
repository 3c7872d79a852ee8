"""The CTranslate2 backend: the same model, converted once with CTranslate2's own converter into
mtcheck's cache, run by CTranslate2 (int8 or float32 on the CPU, float16 or bfloat16 on a GPU).

CTranslate2 has no per-step hook that can change scores, so the glossary is enforced in the ways
it offers: deprecated renderings suppressed (`suppress_sequences`), the n-best list reranked by
the same matcher as `check`, and a required term still missing forced in through a target
prefix: the best translation up to the place the source term has in its sentence, then the
term, and the model goes on from there. A prefix is kept as it is, so the term is there by
construction. Optional: `pip install ctranslate2`.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from mtcheck.mt.loader import LoadedModel, ModelError

COMPUTE_TYPES = ("default", "int8", "int8_float32", "float32", "float16", "bfloat16", "int8_float16")


def ct2_folder(loaded: LoadedModel, quantization: str) -> Path:
    """The converted model in the cache (converted on first use, atomically)."""
    from mtcheck.cachedir import cache_folder

    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in loaded.name)[-60:]
    folder = cache_folder() / "ct2" / f"{safe}-{loaded.revision[:16]}-{quantization}"
    if (folder / "model.bin").is_file():
        return folder
    try:
        from ctranslate2.converters import TransformersConverter
    except ImportError:
        raise ModelError(loaded.name, "the ct2 backend needs CTranslate2: pip install ctranslate2") from None
    folder.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder.parent, prefix=".converting-") as work:
        source = Path(work, "source")
        # The converter reads a model folder: the one loaded, as loaded (weights and tokenizer).
        loaded.model.save_pretrained(source)
        loaded.tokenizer.save_pretrained(source)
        target = Path(work, "model")
        try:
            TransformersConverter(str(source)).convert(str(target), quantization=None if quantization == "default"
                                                       else quantization)
        except Exception as exc:  # the converter raises what its model code raises
            raise ModelError(loaded.name, f"CTranslate2 cannot convert it: {' '.join(str(exc).split())}") from None
        try:
            target.rename(folder)
        except OSError:
            if not (folder / "model.bin").is_file():  # another run converted it meanwhile
                raise
    return folder


def load_ct2(loaded: LoadedModel, compute_type: str = "default", threads: int | None = None) -> LoadedModel:
    """`loaded` (a transformers model) as a CTranslate2 model with the same tokenizer."""
    import ctranslate2

    if compute_type not in COMPUTE_TYPES:
        raise ValueError(f"unknown compute type {compute_type!r}")
    device = "cuda" if loaded.device.startswith("cuda") else "cpu"
    folder = ct2_folder(loaded, "default")
    try:
        translator = ctranslate2.Translator(str(folder), device=device, compute_type=compute_type,
                                            intra_threads=threads or 0)
    except (RuntimeError, ValueError) as exc:
        raise ModelError(loaded.name, f"CTranslate2 cannot run it here: {' '.join(str(exc).split())}") from None
    # The translation cache tells the backends apart: int8 decoding may choose other words.
    return LoadedModel(loaded.name, f"{loaded.revision}+ct2-{compute_type}", loaded.family, loaded.tokenizer, translator,
                       loaded.device, backend="ct2", config=loaded.model.config)
