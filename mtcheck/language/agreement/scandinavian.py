"""Norwegian Bokmål: the found noun's definiteness and number moved onto the new noun by its
gender (mappen → katalogen, mappene → katalogene, et dokument → en fil), the indefinite article
and the definite determiner before it (en/ei/et, den/det) made to agree.

Genders come from the glossary (`grammaticalGender`); without one, a fix that must know it is
unsafe. Unsafe too: an indefinite neuter plural (hus, passord, but dokumenter), an adjective
between article and noun or after a copula when the noun goes to or from the neuter (ny: nytt),
a pronoun later in the sentence when the gender changes. A feminine takes -a where the text
wrote -a, else -en, and keeps the article en where the text wrote it (both are Bokmål).
"""
from __future__ import annotations

from mtcheck.language.agreement import (
    Applicability, Proposal, carried, cased_like, keep_spacing, sentence_after, words_before,
)
from mtcheck.model import Term

M, F, N = "masculine", "feminine", "neuter"
_ARTICLES = {"en": (M, "indef"), "ei": (F, "indef"), "et": (N, "indef"), "den": ("", "def"), "det": (N, "def"),
             "denne": ("", "def"), "dette": (N, "def")}
_INDEFINITE = {M: "en", F: "ei", N: "et"}
_DEFINITE = {M: "den", F: "den", N: "det"}
_DEMONSTRATIVE = {M: "denne", F: "denne", N: "dette"}
# Pronouns that may point back to the replaced noun.
_PRONOUNS = {"den", "det", "som"}
_COPULAS = {"er", "var", "blir", "ble", "vært", "bli"}


def propose(text: str, start: int, end: int, found: Term, preferred: Term, lang: str, compound: str = "") -> Proposal:
    if lang != "nb" or compound:
        return carried(text, start, end, found, preferred, lang, compound)
    found_text = text[start:end]
    span, term_words, new_words = found_text.split(), found.text.split(), preferred.text.split()
    if len(span) != len(term_words) or not span or len(new_words) != 1 or len(term_words) != 1:
        return carried(text, start, end, found, preferred, lang, compound)
    form = _form_of(span[0].lower(), term_words[0].lower(), found.gender)
    if form is None:
        return carried(text, start, end, found, preferred, lang, compound)
    definite, number, feminine_a = form
    old_gender, new_gender = found.gender, preferred.gender
    before = words_before(text, start, limit=2)
    article = before[-1] if before and before[-1].group().lower() in _ARTICLES else None
    neuter_changes = (old_gender == N) != (new_gender == N)
    if article is None and len(before) == 2 and before[0].group().lower() in _ARTICLES:
        # An adjective between article and noun: to or from the neuter it changes (ny: nytt).
        if neuter_changes or not old_gender:
            return Proposal(preferred.text, start, end, preferred.text, Applicability.UNSAFE,
                            f"'{before[1].group()}' may need to agree with '{preferred.text}'", citation=True)
        article = before[0]
    if not new_gender and (definite or number == "pl" or article is not None):
        return Proposal(preferred.text, start, end, preferred.text, Applicability.UNSAFE,
                        f"the gender of '{preferred.text}' is not known", citation=True)
    noun = _inflected(new_words[0], new_gender, definite, number, feminine_a)
    if noun is None:
        return Proposal(preferred.text, start, end, preferred.text, Applicability.UNSAFE,
                        f"the form of '{preferred.text}' is not certain here", citation=True)
    term_text = keep_spacing(found_text, cased_like(found_text, noun))
    pieces = [(start, end, term_text)]
    if article is not None and number == "sg":
        kind = _ARTICLES[article.group().lower()][1]
        table = {"indef": _INDEFINITE, "def": _DEMONSTRATIVE if article.group().lower().startswith("de") and
                 article.group().lower().endswith(("nne", "tte")) else _DEFINITE}[kind]
        form = table[new_gender]
        if form == "ei" and article.group().lower() == "en":
            form = "en"  # Bokmål writes feminines with en too: the text's choice stays
        pieces.insert(0, (article.start(), article.end(), cased_like(article.group(), form)))
    phrase_start = pieces[0][0]
    out, cursor = [], phrase_start
    for piece_start, piece_end, new in pieces:
        out += [text[cursor:piece_start], new]
        cursor = piece_end
    out.append(text[cursor:end])
    replacement = "".join(out)
    later = set(sentence_after(text, end).lower().replace(",", " ").split())
    if old_gender != new_gender and number == "sg" and later & _PRONOUNS:
        return Proposal(term_text, phrase_start, end, replacement, Applicability.UNSAFE,
                        "a pronoun later in the sentence may refer to the replaced noun")
    if neuter_changes and number == "sg" and later & _COPULAS:
        return Proposal(term_text, phrase_start, end, replacement, Applicability.UNSAFE,
                        "an adjective after the verb may agree with the replaced noun (tom: tomt)")
    return Proposal(term_text, phrase_start, end, replacement, Applicability.SAFE)


def _form_of(found: str, citation: str, gender: str) -> tuple[bool, str, bool] | None:
    """(definite, number, the feminine -a) of a found form of `citation`."""
    if found == citation:
        return False, "sg", False
    ending = found[len(citation):] if found.startswith(citation) else None
    if ending is None and citation.endswith("e") and found.startswith(citation[:-1]):
        ending = found[len(citation) - 1:]  # side: sida (drops its e)
        ending = {"a": "a", "en": "en", "er": "er", "ene": "ene"}.get(ending, None) if ending else None
        if ending is None:
            return None
    forms = {"en": (True, "sg", False), "n": (True, "sg", False), "a": (True, "sg", True),
             "et": (True, "sg", False), "t": (True, "sg", False), "er": (False, "pl", False),
             "r": (False, "pl", False), "ene": (True, "pl", False), "ne": (True, "pl", False),
             "a_pl": (True, "pl", False)}
    return forms.get(ending)


def _inflected(word: str, gender: str | None, definite: bool, number: str, feminine_a: bool) -> str | None:
    ends_e = word.endswith("e")
    if number == "sg" and not definite:
        return word
    if gender is None:
        return None
    if number == "sg":
        if gender == N:
            return word + ("t" if ends_e else "et")
        if gender == F and feminine_a:
            return (word[:-1] if ends_e else word) + "a"
        return word + ("n" if ends_e else "en")
    if definite:
        return word + ("ne" if ends_e else "ene")
    if gender == N:
        return None  # et hus, flere hus; et passord, flere passord; et dokument, flere dokumenter
    return word + ("r" if ends_e else "er")
