"""Language names as files write them ("German", "Norwegian Bokmål") to ISO 639 codes, from
pycountry's copy of the ISO 639-3 tables (names in English)."""
from __future__ import annotations

import functools


@functools.lru_cache(maxsize=64)
def language_code(name: str) -> str | None:
    """The ISO 639-1 code of a language's English name (639-3 where it has none), else None."""
    import pycountry

    try:
        language = pycountry.languages.lookup(name.strip())
    except LookupError:
        return None
    return getattr(language, "alpha_2", None) or language.alpha_3
