"""Load a seq2seq translation model from the Hugging Face hub or a local folder, safely.

Weights come from safetensors unless the caller allows pickle checkpoints (which can run
code); remote code is never trusted. A name is a local folder or a hub id, never a guess
between them: something written as a path is not sent to the hub. The hub is asked once,
with a short timeout, before transformers is; when it cannot be reached the model comes
from the hub cache, or the failure is one line that says what to do.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mtcheck.errors import MtcheckError

WEIGHT_SUFFIXES = (".safetensors", ".bin", ".pt", ".pth")
# Seconds huggingface_hub waits for the hub, unless the user set these: its own defaults let
# an unreachable hub hold a run for a minute and more. Read when huggingface_hub is imported.
HUB_TIMEOUTS = {"HF_HUB_ETAG_TIMEOUT": "5", "HF_HUB_DOWNLOAD_TIMEOUT": "10"}
RETRY_PAUSE_SECONDS = 1.0
DEVICES = "auto, cpu, cuda, cuda:N or mps"
TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "vocab.json", "vocab.txt", "merges.txt")
TOKENIZER_SUFFIXES = (".spm", ".model")


class ModelError(MtcheckError):
    """A model that cannot be found, loaded or used."""

    def __init__(self, model: str, message: str):
        super().__init__(f"model {model}: {message}")


class DeviceError(MtcheckError):
    """A --device that is not a device, or not one this machine has."""

    def __init__(self, device: str, message: str):
        super().__init__(f"device {device or repr(device)}: {message}")


@dataclass
class LoadedModel:
    name: str
    revision: str      # hub commit, or a digest of a local folder's files
    family: str        # "marian", "nllb", "m2m100" or "seq2seq"
    tokenizer: Any
    model: Any
    device: str
    backend: str = "transformers"   # or "ct2": `model` is a ctranslate2.Translator
    config: Any = None              # the model's configuration where `model` has none (ct2)

    @property
    def max_length(self) -> int:
        config = self.config if self.config is not None else self.model.config
        return int(getattr(config, "max_position_embeddings", 512) or 512)


def load_model(name: str, device: str = "auto", allow_pickle: bool = False, revision: str | None = None,
               threads: int | None = None) -> LoadedModel:
    if threads is not None and threads < 1:
        raise ValueError(f"threads must be at least 1, not {threads}")
    _default_hub_timeouts()
    try:
        import torch
        import transformers
    except ImportError:
        raise ModelError(name, "machine translation needs the mt extra: pip install 'mtcheck[mt]'") from None
    _quiet(transformers)
    device = resolve_device(device, torch)  # before the slow part
    folder = model_folder(name)
    if folder is not None:
        _check_folder(name, folder)
    cache_only = folder is not None or _cache_only(name, revision)
    source = str(folder) if folder is not None else name
    options = dict(revision=revision, trust_remote_code=False, local_files_only=cache_only)
    if threads:
        torch.set_num_threads(threads)
    config = _load_config(name, source, options, transformers)
    tokenizer = _load_tokenizer(name, source, folder, options, transformers)
    model = _load_weights(name, source, folder, config, options, allow_pickle, transformers)
    model.eval()
    model = _on_device(name, model, device, torch)
    return LoadedModel(name, _revision(model, folder), _family(model, tokenizer), tokenizer, model, device)


# huggingface_hub's daily telemetry request waits up to 3 s on a hub that does not answer, and
# says which tools run where: off unless the user turns it on.
HUB_DEFAULTS = {**HUB_TIMEOUTS, "HF_HUB_DISABLE_TELEMETRY": "1"}


def _default_hub_timeouts() -> None:
    for variable, value in HUB_DEFAULTS.items():
        os.environ.setdefault(variable, value)


def _quiet(transformers) -> None:
    """No progress bars and no warnings: a failure is reported once, as one line."""
    import huggingface_hub.utils

    transformers.utils.logging.set_verbosity_error()
    transformers.utils.logging.disable_progress_bar()
    huggingface_hub.utils.logging.set_verbosity_error()


# -- devices ------------------------------------------------------------------------------------

def resolve_device(wanted: str, torch) -> str:
    """The torch device `wanted` names ("auto": the GPU when there is one); DeviceError when it
    is no device, or not one this machine has."""
    if wanted == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    try:
        device = torch.device(wanted)
    except (RuntimeError, ValueError, TypeError):
        raise DeviceError(wanted, f"not a device; use {DEVICES}") from None
    if device.type == "cpu":
        return "cpu"
    if device.type == "cuda":
        return _cuda_device(wanted, device, torch)
    if device.type == "mps":
        if not torch.backends.mps.is_available():
            raise DeviceError(wanted, "no mps device here (mps is the GPU of Apple silicon)")
        return "mps"
    raise DeviceError(wanted, f"not supported; use {DEVICES}")


def _cuda_device(wanted: str, device, torch) -> str:
    if not torch.cuda.is_available():
        raise DeviceError(wanted, "no cuda device here, or torch was built without cuda")
    count = torch.cuda.device_count()
    if device.index is not None and device.index >= count:
        raise DeviceError(wanted, f"no such cuda device: this machine has {count} (cuda:0 to cuda:{count - 1})")
    return str(device)


def _on_device(name: str, model, device: str, torch):
    try:
        if device.startswith("cuda"):
            return model.to(device, dtype=torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16)
        return model.to(device)
    except (RuntimeError, AssertionError) as exc:  # out of memory, a driver that fails
        raise ModelError(name, f"cannot be moved to {device}: {_reason(exc)}") from None


# -- local folder or hub id -----------------------------------------------------------------------

def model_folder(name: str) -> Path | None:
    """The local folder `name` names, or None when it is a hub id. A name written as a path
    (./m, ~/m, /m, m/, a/b/c, a\\b, or owner/name where `owner` is a folder here) is never a hub
    id: a mistyped folder must fail here, not be looked up on the network."""
    path = Path(name).expanduser()
    if path.is_dir():
        return path
    if path.exists():
        raise ModelError(name, "a local model is a folder (config.json, weights, tokenizer files), not a file")
    if _written_as_path(name):
        raise ModelError(name, "no such folder")
    if not is_hub_id(name):
        raise ModelError(name, "no such folder, and not a hub id (owner/name: letters, digits, -, _ and .)")
    return None


def _written_as_path(name: str) -> bool:
    separators = {"/", "\\", os.sep, os.altsep} - {None}
    if name.startswith((".", "~", *separators)) or name.endswith(tuple(separators)):
        return True
    if any(s in name for s in separators - {"/"}) or name.count("/") > 1:
        return True
    owner, slash, _ = name.partition("/")
    return bool(slash) and Path(owner).expanduser().is_dir()


def is_hub_id(name: str) -> bool:
    """`name` or `owner/name` as the hub allows them (letters, digits, -, _ and ., 96 at most)."""
    from huggingface_hub.utils import HFValidationError, validate_repo_id

    try:
        validate_repo_id(name)
    except HFValidationError:
        return False
    return True


def _check_folder(name: str, folder: Path) -> None:
    """What can be told from the files before transformers reads them, said plainly."""
    try:
        files = {path.name: path for path in folder.iterdir()}
    except OSError as exc:
        raise ModelError(name, f"cannot read the folder: {_reason(exc)}") from None
    if not files:
        raise ModelError(name, "empty folder")
    if "config.json" not in files:
        raise ModelError(name, "no config.json: not a transformers model folder")
    _check_config_file(name, files["config.json"])
    if not any(n in TOKENIZER_FILES or n.endswith(TOKENIZER_SUFFIXES) for n in files):
        raise ModelError(name, "no tokenizer files (tokenizer.json, or sentencepiece .spm or .model files)")
    if not any(n.endswith(WEIGHT_SUFFIXES) for n in files):
        raise ModelError(name, "no weights file (model.safetensors)")
    for path in sorted(p for n, p in files.items() if n.endswith(".safetensors")):
        _check_safetensors(name, path)


def _check_config_file(name: str, path: Path) -> None:
    from transformers import CONFIG_MAPPING

    try:
        values = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ModelError(name, f"config.json cannot be read as JSON: {_reason(exc)}") from None
    if not isinstance(values, dict):
        raise ModelError(name, "config.json is not a JSON object")
    kind = values.get("model_type")
    if not isinstance(kind, str) or not kind:
        raise ModelError(name, "config.json names no model_type")
    if kind not in CONFIG_MAPPING:
        import transformers

        raise ModelError(name, f"config.json: model type {kind} is unknown to transformers {transformers.__version__}")


def _check_safetensors(name: str, path: Path) -> None:
    """Open the file's header: a truncated, empty or garbled file fails here, by name."""
    from safetensors import SafetensorError, safe_open

    try:
        with safe_open(str(path), "pt") as handle:
            handle.keys()
    except (SafetensorError, OSError) as exc:
        raise ModelError(name, f"{path.name} is damaged ({_reason(exc)}); copy or download it again") from None


# -- the hub ------------------------------------------------------------------------------------

def _cache_only(name: str, revision: str | None) -> bool:
    """Whether transformers must take the hub model `name` from the hub cache alone: in
    offline mode, or when the hub cannot be reached (and the cache has it). ModelError when the
    hub says there is no such model, or neither hub nor cache has it."""
    if _offline():
        if not _cached(name, revision):
            raise ModelError(name, "not in the local cache, and offline mode is on (HF_HUB_OFFLINE); "
                                   "give a local model folder, or download the model once with offline mode off")
        return True
    problem = _ask_hub(name, revision)
    if problem is None:
        return False
    if _cached(name, revision):
        return True
    from huggingface_hub import constants

    raise ModelError(name, f"not in the local cache, and the hub at {constants.ENDPOINT} could not be reached "
                           f"({problem}); give a local model folder, or download the model once where the hub "
                           "can be reached")


def _offline() -> bool:
    from huggingface_hub import constants

    flags = (os.environ.get("HF_HUB_OFFLINE"), os.environ.get("TRANSFORMERS_OFFLINE"))
    return constants.HF_HUB_OFFLINE or any((flag or "").upper() in ("1", "ON", "YES", "TRUE") for flag in flags)


def _cached(name: str, revision: str | None) -> bool:
    from huggingface_hub import try_to_load_from_cache

    return isinstance(try_to_load_from_cache(name, "config.json", revision=revision), str)


def _hub_timeout() -> float:
    """Seconds to connect, and to wait for each answer: HF_HUB_ETAG_TIMEOUT, as huggingface_hub reads it."""
    try:
        return float(os.environ.get("HF_HUB_ETAG_TIMEOUT") or HUB_TIMEOUTS["HF_HUB_ETAG_TIMEOUT"])
    except ValueError:
        return float(HUB_TIMEOUTS["HF_HUB_ETAG_TIMEOUT"])


def _ask_hub(name: str, revision: str | None) -> str | None:
    """Ask the hub for the model's config.json: None when it has it, else why it could not
    be asked. A failed connection is tried once more; a hub that does not answer in time is not."""
    problem = _ask_hub_once(name, revision)
    if problem is None or problem.startswith("no answer"):
        return problem
    time.sleep(RETRY_PAUSE_SECONDS)
    return _ask_hub_once(name, revision)


def _ask_hub_once(name: str, revision: str | None) -> str | None:
    from huggingface_hub import get_hf_file_metadata, hf_hub_url
    from huggingface_hub.errors import HfHubHTTPError

    timeout = _hub_timeout()
    try:
        get_hf_file_metadata(hf_hub_url(name, "config.json", revision=revision), timeout=timeout)
    except HfHubHTTPError as exc:
        return _hub_refusal(name, revision, exc)
    except Exception as exc:  # the transport's own errors, whichever HTTP library huggingface_hub uses
        if any("Timeout" in cls.__name__ for cls in type(exc).__mro__):
            return f"no answer within HF_HUB_ETAG_TIMEOUT, {timeout:g} s"
        return _reason(exc)
    return None


def _hub_refusal(name: str, revision: str | None, exc) -> str:
    """What an HTTP error of the hub means: ModelError when it is about the model, else (an
    overloaded or failing hub) the reason to fall back on the cache."""
    from huggingface_hub.errors import (EntryNotFoundError, GatedRepoError, RepositoryNotFoundError,
                                        RevisionNotFoundError)

    if isinstance(exc, GatedRepoError):
        raise ModelError(name, "gated on the hub: accept its terms on the model page, then log in "
                               "(hf auth login)") from None
    if isinstance(exc, RepositoryNotFoundError):
        raise ModelError(name, "not found on the hub (a private model needs a login: hf auth login)") from None
    if isinstance(exc, RevisionNotFoundError):
        raise ModelError(name, f"revision {revision} not found on the hub") from None
    if isinstance(exc, EntryNotFoundError):
        raise ModelError(name, "no config.json on the hub: not a transformers model") from None
    status = getattr(getattr(exc, "response", None), "status_code", None)
    return f"it answers HTTP {status}" if status else _reason(exc)


# -- loading ------------------------------------------------------------------------------------
# transformers, tokenizers and safetensors raise what they like on files they cannot use
# (TypeError, KeyError, SafetensorError, their own validation errors): every one of them is
# a model that cannot be loaded, so each step turns any exception into one ModelError.

def _load_config(name: str, source: str, options: dict, transformers):
    from transformers.models.auto.modeling_auto import MODEL_FOR_SEQ_TO_SEQ_CAUSAL_LM_MAPPING_NAMES

    try:
        config = transformers.AutoConfig.from_pretrained(source, **options)
    except Exception as exc:
        raise ModelError(name, f"config.json: {_reason(exc)}") from None
    kind = getattr(config, "model_type", "")
    if kind not in MODEL_FOR_SEQ_TO_SEQ_CAUSAL_LM_MAPPING_NAMES:
        raise ModelError(name, f"a {kind or 'model of unknown type'} model is not a sequence-to-sequence "
                               "(translation) model; use one such as Marian (OPUS-MT), NLLB-200 or M2M100")
    return config


def _load_tokenizer(name: str, source: str, folder: Path | None, options: dict, transformers):
    try:
        return transformers.AutoTokenizer.from_pretrained(source, **options)
    except Exception as exc:
        # A missing vocabulary file reaches sentencepiece as a path of None.
        why = "a tokenizer file is missing" if isinstance(exc, TypeError) else _reason(exc)
        raise ModelError(name, f"the tokenizer cannot be loaded: {why}") from None


def _load_weights(name: str, source: str, folder: Path | None, config, options: dict, allow_pickle: bool,
                  transformers):
    from safetensors import SafetensorError

    weights = _weights_label(folder)
    try:
        model, info = transformers.AutoModelForSeq2SeqLM.from_pretrained(
            source, config=config, use_safetensors=None if allow_pickle else True, output_loading_info=True,
            **options)
    except SafetensorError as exc:
        raise ModelError(name, f"{weights} are damaged ({_reason(exc)}); download them again") from None
    except Exception as exc:
        raise ModelError(name, _weights_problem(exc, weights, allow_pickle)) from None
    missing = sorted(info.get("missing_keys") or ())
    if missing:
        # transformers fills them with random numbers: the translations would be noise.
        raise ModelError(name, f"{weights} lack {len(missing)} of the model's tensors (the first: {missing[0]}): "
                               "an incomplete file, or one of another model")
    return model


def _weights_label(folder: Path | None) -> str:
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(WEIGHT_SUFFIXES)) if folder else []
    return f"the weights ({', '.join(names)})" if names else "the weights"


def _weights_problem(exc: Exception, weights: str, allow_pickle: bool) -> str:
    text = _reason(exc)
    if "ignore_mismatched_sizes" in text:
        return f"{weights} do not fit config.json: tensor shapes differ"
    if not allow_pickle and "safetensors" in text.lower():
        return ("no safetensors weights; pickle checkpoints (.bin) can run code when loaded, so they need "
                "--allow-pickle, for a model you trust")
    return text


def _reason(exc: BaseException) -> str:
    """The exception's message, whole, on one line ("[Errno 111] Connection refused": "connection refused")."""
    text = " ".join(str(exc).split())
    if text.startswith("[Errno") and "] " in text:
        text = text.split("] ", 1)[1]
    if not text:
        return type(exc).__name__
    return text[0].lower() + text[1:] if text[1:2].islower() else text


# -- what was loaded ----------------------------------------------------------------------------

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
