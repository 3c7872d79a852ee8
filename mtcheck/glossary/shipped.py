"""The glossary that ships with mtcheck (the `glossaries/` folder, installed as package data)."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

SHIPPED_NAME = "dan-van.tbx"


def shipped_glossary() -> Path:
    """Path of the default glossary, in a source checkout or an installed package."""
    checkout = Path(__file__).resolve().parents[2] / "glossaries" / SHIPPED_NAME
    if checkout.is_file():
        return checkout
    return Path(str(resources.files("mtcheck.shipped").joinpath(SHIPPED_NAME)))
