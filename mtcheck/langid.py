"""Offline language identification for texts that do not say their language.

py3langid ships its model LZMA-compressed, and decompressing it takes most of a second on
every run. The decompressed model is kept in mtcheck's cache folder (see mtcheck.cachedir)
after the first run and loads from there in a fraction of that time; one copy per model, the
copies of earlier versions removed; a cache folder that cannot be written or read costs speed,
never results.
"""
from __future__ import annotations

import contextlib
import functools
import zipfile
from array import array
from pathlib import Path

from mtcheck.language import canonical_lang

# What load_model gives, in its order: naive Bayes tables, then the tokenizer's automaton.
_FIELDS = ("ptc", "pc", "classes", "nextmove", "row", "output")
_TYPECODES = {2: "H", 4: "I", 8: "L"}


def detect_language(text: str) -> tuple[str, float]:
    """The most probable language of `text` (canonical code) and its probability."""
    lang, probability = _identifier().classify(text)
    return canonical_lang(lang), float(probability)


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    return identifier(load_model(MODEL_DIR / MODEL_FILE, cache_folder()))


def identifier(model: tuple):
    """py3langid's identifier over a model as load_model gives it, with probabilities."""
    from py3langid.langid import LanguageIdentifier

    ptc, pc, classes, nextmove, row, output = model
    return LanguageIdentifier(ptc, pc, classes, nextmove, output, norm_probs=True, tk_row=row)


def cache_folder() -> Path:
    from mtcheck.cachedir import cache_folder as folder

    return folder()


def load_model(path: Path, cache: Path | None) -> tuple:
    """py3langid's model as its own loader gives it, from `cache` when an earlier run left it
    there (written on the first run)."""
    import numpy as np
    from py3langid import modelio

    cached = None
    if cache is not None:
        cached = cache / f"langid-{_fingerprint(path)}.npz"
        with contextlib.suppress(OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):  # absent or damaged
            with np.load(cached, allow_pickle=False) as data:
                ptc, pc, classes, nextmove, row, output = (data[name] for name in _FIELDS)
                return (ptc, pc, classes.tolist(), _to_array(nextmove), _to_array(row), output.tolist())
    model = modelio.load_model(path)
    if cached is not None:
        from mtcheck.cachedir import prune

        with contextlib.suppress(OSError):
            _store(cached, model)
            prune(cache, "langid-*.npz", cached)
    return model


def _fingerprint(path: Path) -> str:
    """The model file's content, hashed (4.5 MB: milliseconds): a reinstall of the same
    version finds its cached copy; another version makes a new one."""
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _store(target: Path, model: tuple) -> None:
    import numpy as np

    from mtcheck.textio import atomic_output

    ptc, pc, classes, nextmove, row, output = model
    target.parent.mkdir(parents=True, exist_ok=True)
    with atomic_output(target, binary=True) as handle:
        np.savez(handle, ptc=ptc, pc=pc, classes=np.array(classes), nextmove=_to_numpy(nextmove),
                 row=_to_numpy(row), output=np.asarray(output, dtype=np.int64))


def _to_numpy(values: array):
    import numpy as np

    return np.frombuffer(values, dtype=f"u{values.itemsize}")


def _to_array(values) -> array:
    """A NumPy array of unsigned integers as the stdlib array the tokenizer indexes."""
    out = array(_TYPECODES[values.dtype.itemsize])
    out.frombytes(memoryview(values).cast("B"))  # no intermediate copy: the model is 68 MB
    return out
