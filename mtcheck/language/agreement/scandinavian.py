"""Norwegian Bokmål, Swedish and Danish: the found noun's definiteness and number moved onto
the new noun by its gender (mappen → katalogen, mappene → katalogene, et dokument → en fil;
Swedish mappen → katalogen, filen → dokumentet), the indefinite article and the definite
determiner before it (en/ei/et, en/ett, den/det) made to agree. Swedish and Danish plurals
follow declension classes no rule tells: they are left to a person (unsafe).

Genders come from the glossary (`grammaticalGender`); without one, a fix that must know it is
unsafe. Unsafe too: an indefinite neuter plural (hus, passord, but dokumenter), an adjective
between article and noun or after a copula when the noun goes to or from the neuter (ny: nytt),
a pronoun later in the sentence when the gender changes. A feminine takes -a where the text
wrote -a, else -en, and keeps the article en where the text wrote it (both are Bokmål).
"""
from __future__ import annotations

from mtcheck.language.agreement import (
    Applicability, Proposal, carried, cased_like, joined, keep_spacing, sentence_after, words_before,
)
from mtcheck.model import Term

M, F, N = "masculine", "feminine", "neuter"
_TABLES = {
    "nb": {"articles": {"en": (M, "indef"), "ei": (F, "indef"), "et": (N, "indef"), "den": ("", "def"),
                        "det": (N, "def"), "denne": ("", "def"), "dette": (N, "def")},
           "indefinite": {M: "en", F: "ei", N: "et"}, "definite": {M: "den", F: "den", N: "det"},
           "demonstrative": {M: "denne", F: "denne", N: "dette"},
           "pronouns": {"den", "det", "som"}, "copulas": {"er", "var", "blir", "ble", "vært", "bli"}},
    "sv": {"articles": {"en": (M, "indef"), "ett": (N, "indef"), "den": ("", "def"), "det": (N, "def"),
                        "denna": ("", "def"), "detta": (N, "def")},
           "indefinite": {M: "en", F: "en", N: "ett"}, "definite": {M: "den", F: "den", N: "det"},
           "demonstrative": {M: "denna", F: "denna", N: "detta"},
           "pronouns": {"den", "det", "som"}, "copulas": {"är", "var", "blir", "blev", "varit"}},
    "da": {"articles": {"en": (M, "indef"), "et": (N, "indef"), "den": ("", "def"), "det": (N, "def"),
                        "denne": ("", "def"), "dette": (N, "def")},
           "indefinite": {M: "en", F: "en", N: "et"}, "definite": {M: "den", F: "den", N: "det"},
           "demonstrative": {M: "denne", F: "denne", N: "dette"},
           "pronouns": {"den", "det", "som"}, "copulas": {"er", "var", "bliver", "blev", "været"}},
}


def propose(text: str, start: int, end: int, found: Term, preferred: Term, lang: str, compound: str = "") -> Proposal:
    if lang not in _TABLES or compound:
        return carried(text, start, end, found, preferred, lang, compound)
    table = _TABLES[lang]
    articles = table["articles"]
    found_text = text[start:end]
    span, term_words, new_words = found_text.split(), found.text.split(), preferred.text.split()
    if len(span) != len(term_words) or not span or len(new_words) != 1 or len(term_words) != 1:
        return carried(text, start, end, found, preferred, lang, compound)
    form = _form_of(span[0].lower(), term_words[0].lower(), lang)
    if form is None:
        return carried(text, start, end, found, preferred, lang, compound)
    definite, number, feminine_a = form
    old_gender, new_gender = _gender(found.gender, lang), _gender(preferred.gender, lang)
    before = words_before(text, start, limit=2)
    article = before[-1] if before and before[-1].group().lower() in articles else None
    neuter_changes = (old_gender == N) != (new_gender == N)
    if article is None and len(before) == 2 and before[0].group().lower() in articles:
        # An adjective between article and noun: to or from the neuter it changes (ny: nytt).
        if neuter_changes or not old_gender:
            return Proposal(preferred.text, start, end, preferred.text, Applicability.UNSAFE,
                            f"'{before[1].group()}' may need to agree with '{preferred.text}'", citation=True)
        article = before[0]
    if not definite and number == "sg" and old_gender in (N, "") and article is None:
        # A neuter's plural is often its singular (ett dokument, flera dokument; et hus, mange
        # hus): without an article before it the number is not known.
        return Proposal(preferred.text, start, end, preferred.text, Applicability.UNSAFE,
                        f"'{span[0]}' may be a plural", citation=True)
    if not new_gender and (definite or number == "pl" or article is not None):
        return Proposal(preferred.text, start, end, preferred.text, Applicability.UNSAFE,
                        f"the gender of '{preferred.text}' is not known", citation=True)
    noun = _inflected(new_words[0], new_gender, definite, number, feminine_a, lang)
    if noun is None:
        return Proposal(preferred.text, start, end, preferred.text, Applicability.UNSAFE,
                        f"the form of '{preferred.text}' is not certain here", citation=True)
    term_text = keep_spacing(found_text, cased_like(found_text, noun))
    pieces = [(start, end, term_text)]
    if article is not None and number == "sg":
        kind = articles[article.group().lower()][1]
        demonstrative = article.group().lower() in table["demonstrative"].values()
        forms = table["indefinite"] if kind == "indef" else table["demonstrative" if demonstrative else "definite"]
        form = forms[new_gender]
        if form == "ei" and article.group().lower() == "en":
            form = "en"  # Bokmål writes feminines with en too: the text's choice stays
        pieces.insert(0, (article.start(), article.end(), cased_like(article.group(), form)))
    phrase_start, _, replacement = joined(text, pieces, end)
    later = set(sentence_after(text, end).lower().replace(",", " ").split())
    if old_gender != new_gender and number == "sg" and later & table["pronouns"]:
        return Proposal(term_text, phrase_start, end, replacement, Applicability.UNSAFE,
                        "a pronoun later in the sentence may refer to the replaced noun")
    if neuter_changes and number == "sg" and later & table["copulas"]:
        return Proposal(term_text, phrase_start, end, replacement, Applicability.UNSAFE,
                        "an adjective after the verb may agree with the replaced noun (tom: tomt)")
    return Proposal(term_text, phrase_start, end, replacement, Applicability.SAFE)


def _gender(gender: str, lang: str) -> str:
    """Swedish and Danish have a common gender and the neuter: a glossary's masculine,
    feminine or "common" (other) is the common one, read as the masculine's forms."""
    if lang in ("sv", "da") and gender in (M, F, "other"):
        return M
    return gender


def _form_of(found: str, citation: str, lang: str) -> tuple[bool, str, bool] | None:
    """(definite, number, the feminine -a) of a found form of `citation`."""
    if found == citation:
        return False, "sg", False
    ending = found[len(citation):] if found.startswith(citation) else None
    if ending is None and citation.endswith("e") and found.startswith(citation[:-1]) and lang == "nb":
        ending = found[len(citation) - 1:]  # side: sida (drops its e)
        ending = {"a": "a", "en": "en", "er": "er", "ene": "ene"}.get(ending, None) if ending else None
        if ending is None:
            return None
    forms = {"en": (True, "sg", False), "n": (True, "sg", False), "et": (True, "sg", False), "t": (True, "sg", False)}
    if lang == "nb":  # Swedish and Danish plurals follow declension classes
        forms.update({"a": (True, "sg", True), "er": (False, "pl", False), "r": (False, "pl", False),
                      "ene": (True, "pl", False), "ne": (True, "pl", False)})
    return forms.get(ending)


def _inflected(word: str, gender: str | None, definite: bool, number: str, feminine_a: bool,
               lang: str = "nb") -> str | None:
    ends_e = word.endswith("e") if lang != "sv" else word[-1:] in "aeiouyåäö"
    if number == "sg" and not definite:
        return word
    if gender is None or not gender:
        return None
    if number == "sg":
        if gender == N:
            return word + ("t" if ends_e else "et")
        if gender == F and feminine_a:
            return (word[:-1] if ends_e else word) + "a"
        return word + ("n" if ends_e else "en")
    if lang != "nb":
        return None
    if definite:
        return word + ("ne" if ends_e else "ene")
    if gender == N:
        return None  # et hus, flere hus; et passord, flere passord; et dokument, flere dokumenter
    return word + ("r" if ends_e else "er")
