"""Language codes as users and files write them, reduced to the primary subtag mtcheck keys
its analysers by."""
from __future__ import annotations

# ISO 639 aliases users and tools write; Norwegian "no" means Bokmål in practice.
_ALIASES = {
    "no": "nb", "nob": "nb", "nno": "nn", "deu": "de", "ger": "de", "tur": "tr", "vie": "vi",
    "eng": "en", "fra": "fr", "fre": "fr", "spa": "es", "ita": "it", "por": "pt", "nld": "nl",
    "dut": "nl", "dan": "da", "swe": "sv", "fin": "fi", "rus": "ru", "aze": "az", "iw": "he",
    "in": "id", "ji": "yi",
}

# Families whose members are not foreign to each other (Bokmål and Nynorsk).
_FAMILY = {"nb": "no", "nn": "no"}


def canonical_lang(code: str) -> str:
    """A BCP-47 tag reduced to the lowercase primary language subtag, aliases resolved."""
    primary = code.strip().replace("_", "-").split("-")[0].lower()
    return _ALIASES.get(primary, primary)


def family(lang: str) -> str:
    return _FAMILY.get(lang, lang)
