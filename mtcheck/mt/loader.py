"""Load a seq2seq translation model from the Hugging Face hub or a local folder, safely.

Weights come from safetensors unless the caller allows pickle checkpoints (which can run
code); remote code is never trusted; `HF_HUB_OFFLINE=1` is honoured by huggingface_hub and
turns every download into a cache lookup.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mtcheck.errors import MtcheckError

WEIGHT_SUFFIXES = (".safetensors", ".bin", ".pt", ".pth")


class ModelError(MtcheckError):
    """A model that cannot be found, loaded or used."""

    def __init__(self, model: str, message: str):
        super().__init__(f"model {model}: {message}")


@dataclass
class LoadedModel:
    name: str
    revision: str      # hub commit, or a digest of a local folder's files
    family: str        # "marian", "nllb", "m2m100" or "seq2seq"
    tokenizer: Any
    model: Any
    device: str

    @property
    def max_length(self) -> int:
        return int(getattr(self.model.config, "max_position_embeddings", 512) or 512)


def load_model(name: str, device: str = "auto", allow_pickle: bool = False, revision: str | None = None,
               threads: int | None = None) -> LoadedModel:
    try:
        import torch
        import transformers
    except ImportError:
        raise ModelError(name, "machine translation needs the mt extra: pip install 'mtcheck[mt]'") from None
    transformers.utils.logging.set_verbosity_error()
    transformers.utils.logging.disable_progress_bar()
    if threads:
        torch.set_num_threads(threads)
    offline = os.environ.get("HF_HUB_OFFLINE", "").lower() in ("1", "true", "yes", "on")
    local = Path(name).expanduser()
    if local.exists() and not local.is_dir():
        raise ModelError(name, "a local model is a folder (config.json, weights, tokenizer files)")
    if not local.exists() and name.startswith(("/", ".", "~")):
        raise ModelError(name, "no such folder")
    source = str(local) if local.is_dir() else name
    options = dict(revision=revision, trust_remote_code=False, local_files_only=offline or local.is_dir())
    try:
        tokenizer = transformers.AutoTokenizer.from_pretrained(source, **options)
        model = transformers.AutoModelForSeq2SeqLM.from_pretrained(
            source, use_safetensors=None if allow_pickle else True, **options)
    except (OSError, ValueError, EnvironmentError, KeyError, RuntimeError, ImportError) as exc:
        raise ModelError(name, _explain(exc, allow_pickle, offline)) from None
    device = _device(device, torch)
    model.eval()
    if device.startswith("cuda"):
        model = model.to(device, dtype=torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16)
    else:
        model = model.to(device)
    return LoadedModel(name, _revision(model, local if local.is_dir() else None), _family(model, tokenizer),
                       tokenizer, model, device)


def _device(wanted: str, torch) -> str:
    if wanted == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if wanted.startswith("cuda") and not torch.cuda.is_available():
        raise ModelError("device", f"{wanted} requested but no CUDA device is available")
    return wanted


def _family(model, tokenizer) -> str:
    kind = getattr(model.config, "model_type", "")
    if kind == "marian":
        return "marian"
    if "nllb" in type(tokenizer).__name__.lower():
        return "nllb"
    if kind == "m2m_100":
        return "m2m100"
    return "seq2seq"


def _revision(model, folder: Path | None) -> str:
    """What identifies these weights in the translation cache."""
    commit = getattr(model.config, "_commit_hash", None)
    if commit and folder is None:
        return str(commit)
    if folder is None:
        return "unknown"
    digest = hashlib.sha256()
    for path in sorted(folder.iterdir()):
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(str(path.stat().st_size).encode())
            with open(path, "rb") as handle:  # the head of each file: cheap, and changes with the weights
                digest.update(handle.read(1 << 20))
    return "sha256:" + digest.hexdigest()[:16]


def _explain(exc: Exception, allow_pickle: bool, offline: bool) -> str:
    text = " ".join(str(exc).split())
    if not allow_pickle and ("safetensors" in text.lower() or "model.safetensors" in text):
        return ("no safetensors weights; pickle checkpoints (.bin) can run code when loaded, so they need "
                "--allow-pickle, for a model you trust")
    if offline:
        text = f"not in the local cache and HF_HUB_OFFLINE is set ({text[:200]})"
    return text[:300]
