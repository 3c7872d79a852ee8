"""Offline language identification for texts that do not say their language."""
from __future__ import annotations

import functools

from mtcheck.lang import canonical_lang


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """The most probable language of `text` (canonical code) and its probability."""
    lang, probability = _identifier().classify(text)
    return canonical_lang(lang), float(probability)
