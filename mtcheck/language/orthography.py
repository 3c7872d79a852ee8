"""Spelling conventions the fold of a word needs: optional accents, what an apostrophe cuts."""
from __future__ import annotations

# Accents that these orthographies treat as optional (komité = komite).
OPTIONAL_ACCENTS = {
    lang: str.maketrans("éèêóòôà", "eeeoooa") for lang in ("nb", "nn", "da", "sv")
}

# Where an apostrophe cuts a word: Turkish and English suffixes follow it, French elides before it.
APOSTROPHE_SUFFIX = {"tr", "az", "en"}
APOSTROPHE_ELISION = {"fr", "it", "ca"}
