"""Fields of a glossary as users write them: term statuses and types (mtcheck's words and
TBX's), per-term match options ("case-sensitive", "case-insensitive", "exact") and language
codes."""
from __future__ import annotations

import re

from mtcheck.errors import GlossaryError
from mtcheck.language import canonical_lang
from mtcheck.model import Origin, Status, TermKind

_OPTIONS = {"case-sensitive": "case_sensitive", "case-insensitive": "case_insensitive", "exact": "exact"}
# A BCP-47 tag, leniently: "de", "pt-BR", "zh_Hant", "x-klingon"; never spaces or controls.
_LANGUAGE_CODE = re.compile(r"[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*")


# Every spelling of a status the README documents, by status: mtcheck's word, TBX-Basic's
# administrativeStatus and the older normativeAuthorization values. Compared in any case and
# without spaces, hyphens or underscores, so "preferredTerm-admn-sts" and "Preferred Term" agree.
STATUS_SPELLINGS = {
    Status.PREFERRED: ("preferred", "preferredTerm-admn-sts", "preferredTerm", "standardizedTerm",
                       "standardizedTerm-admn-sts"),
    Status.ADMITTED: ("admitted", "admittedTerm-admn-sts", "admittedTerm", "legalTerm", "regulatedTerm"),
    Status.DEPRECATED: ("deprecated", "deprecatedTerm-admn-sts", "deprecatedTerm"),
    Status.SUPERSEDED: ("superseded", "supersededTerm-admn-sts", "supersededTerm"),
}
# Term types: the README's words ("full form"), TBX's termType values and short forms of them.
KIND_SPELLINGS = {
    TermKind.FULL: ("full form", "fullForm", "full"),
    TermKind.SHORT: ("short form", "shortForm", "short"),
    TermKind.ABBREVIATION: ("abbreviation", "acronym", "initialism"),
}


# Parts of speech: TBX's partOfSpeech picklist, then other spellings glossaries use.
PART_OF_SPEECH_SPELLINGS = {
    "noun": ("noun", "n", "n.", "substantive", "substantiv"),
    "verb": ("verb", "v", "v.", "vb"),
    "adjective": ("adjective", "adj", "adj.", "a."),
    "adverb": ("adverb", "adv", "adv."),
    "properNoun": ("properNoun", "proper noun", "pn"),
    "other": ("other",),
}


# Genders and numbers: TBX's grammaticalGender and grammaticalNumber picklists, then the
# abbreviations dictionaries and glossaries write.
GENDER_SPELLINGS = {
    "masculine": ("masculine", "m", "m.", "masc", "masc.", "maskulin", "masculin", "masculino", "maskulinum"),
    "feminine": ("feminine", "f", "f.", "fem", "fem.", "feminin", "féminin", "femenino", "femininum"),
    "neuter": ("neuter", "n", "n.", "neut", "neut.", "neutrum", "neutral"),
    "other": ("other", "common", "c"),
}
NUMBER_SPELLINGS = {
    "singular": ("singular", "sg", "sg.", "sing", "sing."),
    "plural": ("plural", "pl", "pl.", "plur", "plur."),
    "dual": ("dual", "du"),
    "mass": ("mass", "uncountable"),
    "other": ("other",),
}


def _folded(text: str) -> str:
    return re.sub(r"[\s_-]+", "", text).casefold()


_STATUSES = {_folded(spelling): status for status, spellings in STATUS_SPELLINGS.items() for spelling in spellings}
_PARTS_OF_SPEECH = {_folded(spelling): part for part, spellings in PART_OF_SPEECH_SPELLINGS.items()
                    for spelling in spellings}
# A note that is nothing but one of these names says the part of speech, as glossaries without
# a column for it write it ("balance, to" made "balance" with the note "verb").
_NOTE_PARTS = {_folded(spelling): part for part, spellings in PART_OF_SPEECH_SPELLINGS.items()
               for spelling in spellings[:1] + tuple(s for s in spellings[1:] if len(s) > 3)}
_GENDERS = {_folded(spelling): value for value, spellings in GENDER_SPELLINGS.items() for spelling in spellings}
_NUMBERS = {_folded(spelling): value for value, spellings in NUMBER_SPELLINGS.items() for spelling in spellings}
_KINDS = {_folded(spelling): kind for kind, spellings in KIND_SPELLINGS.items() for spelling in spellings}


def parse_status(text: str, path: str, line: int | None, field: str = "status") -> Status:
    """The status a glossary writes in any documented spelling; the error lists them all."""
    status = _STATUSES.get(_folded(text))
    if status is None:
        raise GlossaryError(path, f"unknown {field} {text!r} (valid: {_spellings(STATUS_SPELLINGS)})", line)
    return status


def parse_kind(text: str, path: str, line: int | None) -> TermKind:
    """The term type a glossary writes in any documented spelling; the error lists them all."""
    kind = known_kind(text)
    if kind is None:
        raise GlossaryError(path, f"unknown term type {text!r} (valid: {_spellings(KIND_SPELLINGS)})", line)
    return kind


def known_kind(text: str) -> TermKind | None:
    """The term type `text` spells, None for one mtcheck does not know (TBX has more)."""
    return _KINDS.get(_folded(text))


def parse_part_of_speech(text: str, path: str, line: int | None) -> str:
    """TBX's partOfSpeech value for any documented spelling; the error lists them all."""
    part = known_part_of_speech(text)
    if not part:
        raise GlossaryError(path, f"unknown part of speech {text!r} (valid: {_spellings(PART_OF_SPEECH_SPELLINGS)})",
                            line)
    return part


def known_part_of_speech(text: str) -> str:
    """TBX's partOfSpeech value for `text`, "" for one mtcheck does not know (TBX allows more)."""
    return _PARTS_OF_SPEECH.get(_folded(text), "")


def parse_gender(text: str, path: str, line: int | None) -> str:
    """TBX's grammaticalGender value for any documented spelling; the error lists them all."""
    return _parse_picklist(text, _GENDERS, GENDER_SPELLINGS, "grammatical gender", path, line)


def parse_number(text: str, path: str, line: int | None) -> str:
    """TBX's grammaticalNumber value for any documented spelling; the error lists them all."""
    return _parse_picklist(text, _NUMBERS, NUMBER_SPELLINGS, "grammatical number", path, line)


def known_gender(text: str) -> str:
    return _GENDERS.get(_folded(text), "")


def known_number(text: str) -> str:
    return _NUMBERS.get(_folded(text), "")


def _parse_picklist(text: str, known: dict[str, str], spellings: dict, field: str, path: str, line: int | None) -> str:
    value = known.get(_folded(text))
    if value is None:
        raise GlossaryError(path, f"unknown {field} {text!r} (valid: {_spellings(spellings)})", line)
    return value


def part_of_speech_in_note(note: str) -> str:
    """The part of speech a note names and says nothing else ("verb", "Noun."), else ""."""
    return _NOTE_PARTS.get(_folded(note.rstrip(".")), "") if len(note) < 16 else ""


def _spellings(spellings: dict) -> str:
    """"preferred (or preferredTerm-admn-sts, ...), admitted (...)": each value with its other
    spellings, so that a message shows what each one means."""
    return ", ".join(f"{first} (or {', '.join(others)})" if others else first
                     for first, *others in spellings.values())


def parse_options(text: str, path: str, line: int | None) -> dict[str, bool]:
    options = {}
    for word in text.replace(",", " ").split():
        name = _OPTIONS.get(word.strip().lower())
        if name is None:
            known = ", ".join(_OPTIONS)
            raise GlossaryError(path, f"unknown term option {word!r} (known: {known})", line)
        options[name] = True
    if options.get("case_sensitive") and options.get("case_insensitive"):
        raise GlossaryError(path, "a term is either case-sensitive or case-insensitive, not both", line)
    return options


def format_options(case_sensitive: bool, exact: bool, case_insensitive: bool = False) -> str:
    return " ".join(n for n, on in (("case-sensitive", case_sensitive), ("case-insensitive", case_insensitive),
                                    ("exact", exact)) if on)


def language_code(code: str, path: str, line: int | None, seen: dict | None = None) -> str:
    """The canonical form of a language code read from a glossary, or a GlossaryError;
    `seen` records each tag as written with where it was first read."""
    if not _LANGUAGE_CODE.fullmatch(code.strip()):
        raise GlossaryError(path, f"{code!r} is not a language code", line)
    if seen is not None and code.strip() not in seen:
        seen[code.strip()] = Origin(str(path), line)
    return canonical_lang(code)


def language_subtags(code: str) -> str:
    """What a language tag says after its language, in BCP 47's casing ("pt_br" -> "BR",
    "zh-hant-tw" -> "Hant-TW"), "" for a bare language; an alias that names a variety on its
    own ("no" for Norwegian Bokmål) has none."""
    parts = code.strip().replace("_", "-").split("-")[1:]
    cased = []
    for part in parts:
        if len(part) == 4 and part.isalpha():
            cased.append(part.title())        # script: Hant, Latn
        elif len(part) == 2 and part.isalpha() or part.isdigit():
            cased.append(part.upper())        # region: BR, 419
        else:
            cased.append(part.lower())        # variant, extension
    return "-".join(cased)
