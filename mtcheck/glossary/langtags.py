"""Language tags checked as BCP 47 (RFC 5646) has them, for `glossary validate`: the language
subtag a known ISO 639 code, the subtags after it well-formed and in their order."""
from __future__ import annotations

import functools
import re

# Tags from before RFC 4646 that the grammar does not cover; the IANA registry keeps them.
_GRANDFATHERED = {
    "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak", "i-klingon", "i-lux", "i-mingo", "i-navajo", "i-pwn",
    "i-tao", "i-tay", "i-tsu", "sgn-be-fr", "sgn-be-nl", "sgn-ch-de", "en-gb-oed",
}
# ISO 639-1 codes withdrawn from the standard that the IANA registry still holds (deprecated,
# but valid): Indonesian, Hebrew, Yiddish, Javanese, Moldavian.
_WITHDRAWN = {"in", "iw", "ji", "jw", "mo"}
# The subtags that may follow the language, in their order: how many of each, and their shape.
_SLOTS = (
    ("extended language", 3, re.compile(r"[a-z]{3}", re.IGNORECASE)),
    ("script", 1, re.compile(r"[a-z]{4}", re.IGNORECASE)),
    ("region", 1, re.compile(r"[a-z]{2}|[0-9]{3}", re.IGNORECASE)),
    ("variant", None, re.compile(r"[a-z0-9]{5,8}|[0-9][a-z0-9]{3}", re.IGNORECASE)),
)
_EXTENSION = re.compile(r"[a-z0-9]{2,8}", re.IGNORECASE)
_PRIVATE = re.compile(r"[a-z0-9]{1,8}", re.IGNORECASE)
_SINGLETON = re.compile(r"[0-9a-wy-z]", re.IGNORECASE)
_LANGUAGE_SHAPE = re.compile(r"[a-z]{2,3}", re.IGNORECASE)


def tag_problem(tag: str) -> str | None:
    """Why `tag` is no BCP 47 language tag, in words, or None for a valid one. An underscore
    counts as a hyphen (locale names write "pt_BR"), letters in any case."""
    subtags = tag.strip().replace("_", "-").split("-")
    if "-".join(subtags).lower() in _GRANDFATHERED:
        return None
    if "" in subtags:
        return "it has an empty subtag"
    language, rest = subtags[0].lower(), subtags[1:]
    if language == "x":
        return _private_use_problem(rest)
    if not _LANGUAGE_SHAPE.fullmatch(language):
        return "a language is 2 or 3 letters: 'de', 'gsw'"
    if not _known_language(language):
        return f"{subtags[0]!r} is no ISO 639 language code"
    return _subtags_problem(rest)


def _subtags_problem(subtags: list[str]) -> str | None:
    """The first subtag after the language that is out of shape or out of order."""
    slot, used = 0, 0
    for index, subtag in enumerate(subtags):
        if len(subtag) == 1:
            return _extensions_problem(subtags[index:])
        while slot < len(_SLOTS) and not (_SLOTS[slot][2].fullmatch(subtag) and used != _SLOTS[slot][1]):
            slot, used = slot + 1, 0
        if slot == len(_SLOTS):
            return f"{subtag!r} is no extended language, script, region or variant subtag where it stands"
        used += 1
    return None


def _extensions_problem(subtags: list[str]) -> str | None:
    """Extensions ("u-co-phonebk") and private use ("x-…"), which end a tag."""
    index = 0
    while index < len(subtags):
        singleton = subtags[index]
        if singleton.lower() == "x":
            return _private_use_problem(subtags[index + 1:])
        if not _SINGLETON.fullmatch(singleton):
            return f"{singleton!r} is no extension subtag where it stands"
        length = 0
        while index + 1 + length < len(subtags) and _EXTENSION.fullmatch(subtags[index + 1 + length]):
            length += 1
        if not length:
            return f"extension {singleton!r} has no subtag of 2 to 8 letters or digits after it"
        index += 1 + length
    return None


def _private_use_problem(subtags: list[str]) -> str | None:
    if not subtags:
        return "private use 'x' has no subtag after it"
    bad = next((s for s in subtags if not _PRIVATE.fullmatch(s)), None)
    return f"{bad!r} is no private-use subtag (1 to 8 letters or digits)" if bad else None


def _known_language(code: str) -> bool:
    # qaa-qtz are reserved for local use, as BCP 47 allows.
    return code in _iso_639_codes() or code in _WITHDRAWN or "qaa" <= code <= "qtz"


@functools.cache
def _iso_639_codes() -> frozenset[str]:
    """ISO 639-1, -2 (both forms), -3 and -5 (language families), as pycountry has them."""
    import pycountry  # only `glossary validate` needs its tables

    codes = {getattr(language, field, None) for language in pycountry.languages
             for field in ("alpha_2", "alpha_3", "bibliographic")}
    codes.update(family.alpha_3 for family in pycountry.language_families)
    codes.discard(None)
    return frozenset(codes)
