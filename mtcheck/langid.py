"""Offline language identification for texts that do not say their language.

py3langid ships its model LZMA-compressed, and decompressing it takes most of a second on
every run. The decompressed model is kept in mtcheck's cache folder (see mtcheck.cachedir)
after the first run and is memory-mapped from there (milliseconds; forked workers share its
pages); one copy per model, the copies of earlier versions removed; a cache folder that
cannot be written or read costs speed, never results.
"""
from __future__ import annotations

import contextlib
import functools
import json
from array import array
from pathlib import Path

from mtcheck.language import canonical_lang

# What load_model gives, in its order: naive Bayes tables, then the tokenizer's automaton.
_FIELDS = ("ptc", "pc", "classes", "nextmove", "row", "output")
_HEADER = 4096  # bytes before the first array, the header's place


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
    from py3langid import modelio

    cached = None
    if cache is not None:
        cached = cache / f"langid-{_fingerprint(path)}.bin"
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):  # absent or damaged
            return _mapped(cached)
    model = modelio.load_model(path)
    if cached is not None:
        from mtcheck.cachedir import prune

        with contextlib.suppress(OSError):
            _store(cached, model)
            prune(cache, "langid-*", cached)
    return model


def _mapped(cached: Path) -> tuple:
    """The model's arrays read in place from the file (memory-mapped: 68 MB, read as the
    identifier touches them, and shared by forked workers): a header of their places, then
    each array's bytes."""
    import mmap

    import numpy as np

    with open(cached, "rb") as handle:
        mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    size = int.from_bytes(mapped[:8], "little")
    header = json.loads(mapped[8:8 + size])
    if set(header) != set(_FIELDS) or mapped.size() != header["output"][0] + _nbytes(header["output"]):
        raise ValueError("not a whole model")
    arrays = {name: np.frombuffer(mapped, dtype=dtype, count=int(np.prod(shape)), offset=offset).reshape(shape)
              for name, (offset, dtype, shape) in header.items()}
    # The tokenizer indexes its table a byte at a time: a memoryview's items are Python ints,
    # as fast to read as the stdlib array the loader gives.
    nextmove = memoryview(arrays["nextmove"])
    return (arrays["ptc"], arrays["pc"], arrays["classes"].tolist(), nextmove, arrays["row"].tolist(),
            arrays["output"].tolist())


def _nbytes(place: list) -> int:
    import numpy as np

    _, dtype, shape = place
    return int(np.prod(shape)) * np.dtype(dtype).itemsize


def _fingerprint(path: Path) -> str:
    """The model file's content, hashed (4.5 MB: milliseconds): a reinstall of the same
    version finds its cached copy; another version makes a new one."""
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _store(target: Path, model: tuple) -> None:
    import numpy as np

    from mtcheck.textio import atomic_output

    ptc, pc, classes, nextmove, row, output = model
    arrays = dict(zip(_FIELDS, (np.ascontiguousarray(ptc), np.ascontiguousarray(pc), np.array(classes),
                                _to_numpy(nextmove), _to_numpy(row), np.asarray(output, dtype=np.int64))))
    header, offset = {}, _HEADER
    for name, values in arrays.items():
        header[name] = [offset, values.dtype.str, list(values.shape)]
        offset += -(-values.nbytes // 64) * 64  # each array aligned
    text = json.dumps(header).encode()
    target.parent.mkdir(parents=True, exist_ok=True)
    with atomic_output(target, binary=True) as handle:
        handle.write(len(text).to_bytes(8, "little") + text)
        at = 8 + len(text)  # within _HEADER: six arrays' places take a few hundred bytes
        for name, values in arrays.items():
            handle.write(b"\0" * (header[name][0] - at))
            handle.write(values.tobytes())
            at = header[name][0] + values.nbytes


def _to_numpy(values: array):
    import numpy as np

    return np.frombuffer(values, dtype=f"u{values.itemsize}")
