"""Compounds: the languages that write them as one word, their linking elements, and the
derivational suffixes that are no compound's part."""
from __future__ import annotations

# Languages that write compounds as one word, with the linking elements between parts.
COMPOUND_LINKERS = {
    "de": ("", "s", "es", "n", "en", "e", "er"),
    "nb": ("", "s", "e"), "nn": ("", "s", "e"), "da": ("", "s", "e"), "sv": ("", "s", "a", "u"),
    "nl": ("", "s", "en", "e"), "is": ("", "s", "a"), "fi": ("",), "af": ("", "s", "e"),
}
MIN_COMPOUND_REST = 3  # letters after the term in a compound: "Massenmobilisierungs|arbeit"
# A part after the term that the dictionary does not know is taken only from this length on
# (a compound's own compound: "…|vorschriftensammlung"); a shorter one is a suffix ("-ität").
MIN_UNKNOWN_REST = 8
# Derivational suffixes: a word that is the term and one of these (with an inflection ending of
# up to two letters) is a derivation, not a compound — normalerweise, beispielsweise,
# Bereitschaft. Several are words too (Weise, Schaft), so the dictionary does not tell.
DERIVATIONAL_SUFFIXES = {
    "de": ("weise", "schaft", "heit", "keit", "lich", "isch", "ung", "bar", "sam", "haft", "tum", "nis",
           "chen", "lein", "ling", "ität", "ismus", "artig", "mäßig", "los"),
    "nl": ("wijs", "schap", "heid", "lijk", "isch", "ing", "baar", "zaam", "achtig", "loos", "dom", "nis"),
    "sv": ("vis", "skap", "het", "lig", "isk", "ning", "bar", "sam", "aktig", "lös", "dom"),
    "da": ("vis", "skab", "hed", "lig", "isk", "ning", "bar", "som", "agtig", "løs", "dom"),
    "nb": ("vis", "skap", "het", "lig", "isk", "ning", "bar", "som", "aktig", "løs", "dom"),
    "nn": ("vis", "skap", "heit", "leg", "isk", "ning", "bar", "sam", "aktig", "laus", "dom"),
}
# The words that join a compound's parts when it is written as a phrase, head first: German
# Massenmobilisierung is "Mobilisierung der Massen", Dutch massamobilisatie "mobilisatie van de
# massa", Norwegian massemobilisering "mobilisering av massene".
PHRASE_LINKS = {
    "de": (("der",), ("des",), ("von",), ("von", "der"), ("von", "den")),
    "nl": (("van",), ("van", "de"), ("van", "het")),
    "nb": (("av",), ("for",)), "nn": (("av",), ("for",)), "da": (("af",), ("for",)),
    "sv": (("av",), ("för",)),
}
