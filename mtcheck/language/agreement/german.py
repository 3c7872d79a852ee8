"""German: the noun phrase around a replaced noun made to agree with its gender, case and number.

The found noun phrase is read right to left: the term's words, adjectives, a determiner (the
article, a der-word such as dieser, an ein-word such as kein or mein), a preposition or a
preposition fused with the article (im, zur). Every (case, number) the found words allow
together is tried; where all of them give one text, the fix is safe ("in ein anderes
Verzeichnis": only the accusative, so "in einen anderen Ordner"); where they differ ("das
Verzeichnis": nominative or accusative, so der or den Ordner) or a gender or form is unknown,
it is unsafe. Genders and forms come from the glossary and the noun lexicon
(mtcheck.language.nouns); adjective and determiner endings are the grammar's closed tables.
"""
from __future__ import annotations

import re

from mtcheck.language.agreement import (
    Applicability, Proposal, carried, cased_like, display, hidden_before, joined, keep_spacing, same_head,
    sentence_after, words_before,
)
from mtcheck.language.nouns import CASES, NUMBERS, Noun, german_noun
from mtcheck.model import Term

M, F, N = "masculine", "feminine", "neuter"
_SLOTS = [(case, number) for number in NUMBERS for case in CASES]  # singular first, nominative first

# Endings by (gender or "pl", case). Definite article: d + ending, but das for the neuter.
_DER_WORD = {(M, "nom"): "er", (M, "acc"): "en", (M, "dat"): "em", (M, "gen"): "es",
             (F, "nom"): "e", (F, "acc"): "e", (F, "dat"): "er", (F, "gen"): "er",
             (N, "nom"): "es", (N, "acc"): "es", (N, "dat"): "em", (N, "gen"): "es",
             ("pl", "nom"): "e", ("pl", "acc"): "e", ("pl", "dat"): "en", ("pl", "gen"): "er"}
_EIN_WORD = {**_DER_WORD, (M, "nom"): "", (N, "nom"): "", (N, "acc"): ""}
_ARTICLE = {key: {"er": "der", "en": "den", "em": "dem", "es": "des", "e": "die"}[ending]
            for key, ending in _DER_WORD.items()}
_ARTICLE[(N, "nom")] = _ARTICLE[(N, "acc")] = "das"
# Adjective endings after a der-word (weak), an ein-word (mixed), and alone (strong).
_WEAK = {key: "en" for key in _DER_WORD} | {(M, "nom"): "e", (F, "nom"): "e", (F, "acc"): "e",
                                           (N, "nom"): "e", (N, "acc"): "e"}
_MIXED = {**_WEAK, (M, "nom"): "er", (N, "nom"): "es", (N, "acc"): "es"}
_STRONG = {**_DER_WORD, (M, "gen"): "en", (N, "gen"): "en"}
_DER_STEMS = ("dies", "jen", "jed", "welch", "manch", "solch", "all", "jeglich")
_EIN_STEMS = ("ein", "kein", "mein", "dein", "sein", "ihr", "unser", "euer", "eur")
# Prepositions and the cases they take; fused with the article, the article they hold.
_PREPOSITIONS = {
    **dict.fromkeys(("durch", "für", "gegen", "ohne", "um", "bis"), {"acc"}),
    **dict.fromkeys(("aus", "bei", "mit", "nach", "seit", "von", "zu", "gegenüber", "ab"), {"dat"}),
    **dict.fromkeys(("in", "an", "auf", "über", "unter", "vor", "hinter", "neben", "zwischen"), {"acc", "dat"}),
    **dict.fromkeys(("wegen", "während", "trotz", "statt", "anstatt", "innerhalb", "außerhalb"), {"gen", "dat"}),
}
_FUSED = {"im": ("in", "dem"), "ins": ("in", "das"), "am": ("an", "dem"), "ans": ("an", "das"),
          "zum": ("zu", "dem"), "zur": ("zu", "der"), "vom": ("von", "dem"), "beim": ("bei", "dem"),
          "aufs": ("auf", "das"), "ums": ("um", "das"), "durchs": ("durch", "das"), "fürs": ("für", "das")}
_FUSING = {value: key for key, value in _FUSED.items() if key in ("im", "ins", "am", "ans", "zum", "zur", "vom", "beim")}
_ADJECTIVE_ENDINGS = ("en", "em", "er", "es", "e")
# Pronouns that may point back to the replaced noun: a new gender would leave them wrong.
_PRONOUNS = {M: {"er", "ihn", "ihm", "sein", "seine", "seinen", "seinem", "seiner", "seines", "der", "den", "dem",
                 "dessen", "welcher", "welchen"},
             F: {"sie", "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres", "die", "deren", "welche"},
             N: {"es", "ihm", "sein", "seine", "seinen", "seinem", "seiner", "seines", "das", "dem", "dessen",
                 "welches"}}


def propose(text: str, start: int, end: int, found: Term, preferred: Term, lang: str, compound: str = "") -> Proposal:
    found_words, new_words = found.text.split(), preferred.text.split()
    found_head, new_head = _head(found_words), _head(new_words)
    if found_head is None or new_head is None or not all(map(_plain, found_words + new_words)):
        return carried(text, start, end, found, preferred, lang, compound)
    if (found_words[found_head][:1].isupper()) != (new_words[new_head][:1].isupper()):
        # German writes nouns with a capital: a verb or adjective replaced by a noun, or back.
        return display(text, start, end, preferred, "the terms are different parts of speech")
    if compound == "first" and same_head(found.text, preferred.text, lang):
        return carried(text, start, end, found, preferred, lang, compound)  # one noun: one linking element
    if compound == "first":
        # The first part of a compound: its linking element depends on the new word (Verzeichnisname).
        return _unsafe(carried(text, start, end, found, preferred, lang, compound),
                       "the compound's linking element may change")
    span = text[start:end].split()
    if len(span) != len(found_words):
        return _unsafe(carried(text, start, end, found, preferred, lang, compound), "the found words differ from the term's")
    old_noun, new_noun = german_noun(found_words[found_head]), german_noun(new_words[new_head])
    old_gender = found.gender or (old_noun.gender if old_noun else "")
    new_gender = preferred.gender or (new_noun.gender if new_noun else "")
    found_form, prefix = span[found_head], ""
    if compound == "last":  # the term is the compound's last part (Systemverzeichnis): the head
        cut = _head_cut(found_form, found_words[found_head])
        if cut is None or len(found_words) > 1:
            return _unsafe(carried(text, start, end, found, preferred, lang, compound), "the compound is not clear")
        prefix, found_form = found_form[:cut], found_form[cut:].capitalize()
    phrase = _Phrase.read(text, start)
    def fitting(noun):
        return [slot for slot in _slots(noun, found_form, found.number) if phrase.allows(slot, old_gender)
                and _term_adjectives_allow(span[:found_head], phrase, slot, old_gender)]

    slots = fitting(old_noun)
    if not slots and old_noun is not None and not any(number == "sg" for _, number in old_noun.forms):
        slots = fitting(None)  # the lexicon lists only the plural (Accounts): its singular is unknown
    if not slots:
        return _unsafe(carried(text, start, end, found, preferred, lang, compound),
                       "the words around the term do not tell its case")
    told = [slot for slot in slots if slot[0] in _clause_cases(text, phrase.start or start, end)]
    slots = told or slots
    if preferred.number == "plural" and any(number == "sg" for _, number in slots):
        return _unsafe(carried(text, start, end, found, preferred, lang, compound),
                       "the new term is plural: the verb may need to agree")
    outcomes: dict[str, tuple[int, str, str]] = {}
    for slot in slots:
        made = _made(text, start, end, phrase, new_words, new_head, new_noun, new_gender, slot, prefix)
        if made is not None:
            outcomes.setdefault(made[1], made)
    if not outcomes:
        return _unsafe(carried(text, start, end, found, preferred, lang, compound),
                       f"no form of '{preferred.text}' is known for this place")
    (phrase_start, replacement, suggestion), *others = outcomes.values()
    phrase_start, replacement = _trimmed(text, phrase_start, start, replacement)
    if hidden_before(text, phrase.start or start) and (phrase.adjectives or found_head > 0) \
            and not phrase.determiner and not phrase.fused:
        # "Diese %i unversionierten Dateien": the determiner may stand behind the
        # placeholder, and the adjective's ending alone does not tell the case.
        return Proposal(suggestion, phrase_start, end, replacement, Applicability.UNSAFE,
                        "a placeholder before the phrase may hide its determiner")
    if others:
        return Proposal(suggestion, phrase_start, end, replacement, Applicability.UNSAFE,
                        "the case is not certain: " + " or ".join(f"'{r}'" for _, r, _ in outcomes.values()))
    if old_gender != new_gender and _points_back(sentence_after(text, end), old_gender):
        return Proposal(suggestion, phrase_start, end, replacement, Applicability.UNSAFE,
                        "a pronoun later in the sentence may refer to the replaced word")
    return Proposal(suggestion, phrase_start, end, replacement, Applicability.SAFE)


def _trimmed(text: str, phrase_start: int, start: int, replacement: str) -> tuple[int, str]:
    """The replacement without the words before the term that stay as they are."""
    kept = 0
    original = text[phrase_start:start]
    while kept < len(original) and kept < len(replacement) and original[kept] == replacement[kept]:
        kept += 1
    # Back to the start of a word: an edit replaces whole words.
    while kept > 0 and not original[kept - 1].isspace() and original[kept - 1] not in "„“«»\"'":
        kept -= 1
    return phrase_start + kept, replacement[kept:]


def _unsafe(proposal: Proposal, reason: str) -> Proposal:
    if proposal.applicability is Applicability.DISPLAY:
        return proposal
    return Proposal(proposal.suggestion, proposal.start, proposal.end, proposal.replacement, Applicability.UNSAFE,
                    reason, proposal.citation)


def _head(words: list[str]) -> int | None:
    """The noun a term is about: its first capitalised word that is not an adjective before
    another capitalised word ("geschickte Massenmobilisierung", "Fachkundige
    Massenmobilisierung", "Sicherheit des Systems"); the last word where none is capitalised."""
    for index, word in enumerate(words):
        if not word[:1].isupper():
            continue
        last = index == len(words) - 1
        if last or not (word.lower().endswith(_ADJECTIVE_ENDINGS) and words[index + 1][:1].isupper()):
            return index
    return len(words) - 1 if words else None


def takes(determiner: str, suggestion: str, preferred: Term | None) -> bool:
    """Whether `determiner` is a form the noun of `suggestion` takes in some case and number:
    "die" before Basisdemokratie (feminine) stays right whatever the foreign word was."""
    words = suggestion.split()
    head = _head(words)
    if head is None:
        return False
    noun = german_noun(words[head]) if _plain(words[head]) else None
    gender = (preferred.gender if preferred else "") or (noun.gender if noun else "")
    if not gender:
        return False
    lower = determiner.lower()
    if lower in _FUSED:
        return any(_ARTICLE.get(_key(gender, slot)) == _FUSED[lower][1] for slot in _SLOTS if slot[1] == "sg")
    kind = _determiner(lower)
    if kind is None:
        return False
    phrase = _Phrase()
    phrase.kind, phrase.stem = kind
    return any(phrase._determiner_form(_key(gender, slot)) == lower for slot in _SLOTS if slot[1] == "sg")


def _plain(word: str) -> bool:
    """A word of letters (and hyphens): a term with quotes or numbers is left to `carried`."""
    return word.replace("-", "").isalpha()


def _slots(noun: Noun | None, form: str, number: str) -> list[tuple[str, str]]:
    """The (case, number) slots the found form can fill: the lexicon's, else every case of
    the glossary's number (of both numbers where it gives none)."""
    if noun is None:
        return [slot for slot in _SLOTS if not number or slot[1] == ("pl" if number == "plural" else "sg")]
    found = noun.analyses(form)
    if not found:  # a form the lexicon lacks (its entry may be partial): any case of the number
        return _slots(None, form, number)
    return [slot for slot in _SLOTS if slot in found]


class _Phrase:
    """The words before a noun that agree with it: a preposition, a determiner, adjectives."""

    def __init__(self):
        self.preposition: str | None = None
        self.fused: re.Match | None = None         # im, zur: a preposition with its article
        self.determiner: re.Match | None = None
        self.kind = ""                             # "article", "der", "ein", "" (none)
        self.stem = ""
        self.adjectives: list[re.Match] = []

    @classmethod
    def read(cls, text: str, start: int) -> _Phrase:
        phrase = cls()
        words = words_before(text, start, limit=5)
        while words and _adjective(words[-1].group()):
            phrase.adjectives.insert(0, words.pop())
        if words:
            word = words[-1].group()
            lower = word.lower()
            if lower in _FUSED:
                phrase.fused, phrase.kind = words.pop(), "article"
                phrase.preposition = _FUSED[lower][0]
                return phrase
            kind = _determiner(lower)
            if kind:
                phrase.determiner = words.pop()
                phrase.kind, phrase.stem = kind
                if words and words[-1].group().lower() in _PREPOSITIONS:
                    phrase.preposition = words[-1].group().lower()
                return phrase
            if lower in _PREPOSITIONS:
                phrase.preposition = lower
        return phrase

    @property
    def start(self) -> int | None:
        first = self.fused or self.determiner or (self.adjectives[0] if self.adjectives else None)
        return first.start() if first else None

    def allows(self, slot: tuple[str, str], gender: str) -> bool:
        case = slot[0]
        if self.preposition and case not in _PREPOSITIONS.get(self.preposition, {case}):
            return False
        genders = [gender] if gender else [M, F, N]
        if self.fused is not None:
            article = _FUSED[self.fused.group().lower()][1]
            return any(_ARTICLE.get(_key(g, slot)) == article for g in genders)
        if self.determiner is not None:
            written = self.determiner.group().lower()
            if not any(self._determiner_form(_key(g, slot)) == written for g in genders):
                return False
        table = self.adjective_endings
        for adjective in self.adjectives:
            if not any(adjective.group().lower().endswith(table[_key(g, slot)]) for g in genders):
                return False
        return True

    @property
    def adjective_endings(self) -> dict:
        """Weak after the article or a der-word, mixed after an ein-word, strong alone."""
        return {"article": _WEAK, "der": _WEAK, "ein": _MIXED, "": _STRONG}[self.kind]

    def _determiner_form(self, key) -> str | None:
        if self.kind == "article":
            return _ARTICLE.get(key)
        ending = (_DER_WORD if self.kind == "der" else _EIN_WORD).get(key)
        if ending is None or (self.stem == "ein" and key[0] == "pl"):
            return None
        if self.stem in ("euer", "eur"):
            return ("eur" if ending else "euer") + ending  # eure, euren; euer
        return self.stem + ending


def _key(gender: str, slot: tuple[str, str]) -> tuple[str, str]:
    case, number = slot
    return ("pl", case) if number == "pl" else (gender, case)


def _determiner(word: str) -> tuple[str, str] | None:
    if word in ("der", "die", "das", "den", "dem", "des"):
        return "article", "d"
    for stems, kind, endings in ((_DER_STEMS, "der", ("er", "e", "es", "en", "em")),
                                 (_EIN_STEMS, "ein", ("", "e", "en", "em", "er", "es"))):
        for stem in stems:
            if word.startswith(stem) and word[len(stem):] in endings:
                return kind, stem
    if word.startswith("eur") and word[3:] in ("e", "en", "em", "er", "es"):
        return "ein", "euer"
    return None


def _adjective(word: str) -> bool:
    """A word that can be an inflected attributive adjective: lower case, with an adjective
    ending, and neither a determiner nor a preposition."""
    lower = word.lower()
    return word[:1].islower() and lower.endswith(_ADJECTIVE_ENDINGS) and len(lower) > 3 \
        and _determiner(lower) is None and lower not in _PREPOSITIONS and lower not in _FUSED \
        and lower not in ("eine", "einer", "keine", "oder", "aber", "sehr", "wieder", "immer", "bitte", "hier",
                          "sie", "wie", "wir", "ihr", "unter", "über", "hinter", "nie", "diese", "jede")


def _term_adjectives_allow(found: list[str], phrase: _Phrase, slot, gender) -> bool:
    """Whether the adjectives inside the found term fit the slot (fachkundigen: not nominative
    after nothing)."""
    table = phrase.adjective_endings
    genders = [gender] if gender else [M, F, N]
    for word in found:
        word = word[:1].lower() + word[1:]
        if word.endswith(_ADJECTIVE_ENDINGS) and not any(word.endswith(table[_key(g, slot)]) for g in genders):
            return False
    return True


def _made(text, start, end, phrase: _Phrase, new_words, new_head, new_noun, new_gender, slot,
          prefix: str) -> tuple[int, str, str] | None:
    """The phrase rewritten for the new noun in one (case, number), or None where a form is
    unknown."""
    case, number = slot
    key = _key(new_gender, slot) if new_gender else None
    agreeing = phrase.fused or phrase.determiner or phrase.adjectives or new_head > 0
    if key is None and agreeing:
        return None  # the new noun's gender is unknown, and words must agree with it
    if new_noun is not None:
        head_form = new_noun.form(case, number)
        if head_form is None:
            return None
    elif number == "sg" and case != "gen" and new_words[new_head]:
        head_form = new_words[new_head]  # the citation form serves the singular but for the genitive
    else:
        return None
    table = phrase.adjective_endings
    pieces: list[tuple[int, int, str]] = []  # (start, end, new text) in the original text
    if phrase.fused is not None:
        preposition = _FUSED[phrase.fused.group().lower()][0]
        article = _ARTICLE[key]
        fused = _FUSING.get((preposition, article))
        new = fused if fused else f"{preposition} {article}"
        pieces.append((phrase.fused.start(), phrase.fused.end(), cased_like(phrase.fused.group(), new)))
    elif phrase.determiner is not None:
        form = phrase._determiner_form(key)
        if form is None:
            return None
        pieces.append((phrase.determiner.start(), phrase.determiner.end(), cased_like(phrase.determiner.group(), form)))
    for adjective in phrase.adjectives:
        word = adjective.group()
        stem = _stem(word)
        if stem is None:
            return None
        pieces.append((adjective.start(), adjective.end(), cased_like(word, stem + table[key])))
    # The term itself: its adjectives take the same endings, its head the noun's form.
    new_term = []
    for index, word in enumerate(new_words):
        if index < new_head:
            stem = _stem(word)
            if stem is None or key is None:
                return None
            new_term.append(stem + table[key])
        elif index == new_head:
            new_term.append(head_form)
        else:
            new_term.append(word)
    found_text = text[start:end]
    term_text = " ".join(new_term)
    if prefix:  # the compound keeps its first part: Systemverzeichnis, Systemordner
        term_text = prefix + term_text[:1].lower() + term_text[1:]
    else:
        term_text = keep_spacing(found_text, cased_like(found_text, term_text))
    pieces.append((start, end, term_text))
    phrase_start, _, replacement = joined(text, pieces, end)
    return phrase_start, replacement, term_text


def _head_cut(word: str, head: str) -> int | None:
    """Where a compound's last part, the term `head` in some form, starts in `word`."""
    folded, stem = word.casefold(), head.casefold()
    for length in range(len(stem), max(2, len(stem) - 3), -1):
        at = folded.rfind(stem[:length])
        if at > 0:
            return at
    return None


def _stem(adjective: str) -> str | None:
    """An attributive adjective without its ending (anderes: ander; geschickte: geschickt)."""
    lower = adjective
    for ending in _ADJECTIVE_ENDINGS:
        if lower.endswith(ending) and len(lower) > len(ending) + 1:
            return adjective[: -len(ending)]
    return None


# Forms of sein, werden and bleiben: the noun phrase beside one is in the nominative ("Das
# Verzeichnis ist leer", "Der Account wurde gesperrt").
_COPULAS = {"ist", "sind", "war", "waren", "wird", "werden", "wurde", "wurden", "bleibt", "bleiben", "blieb",
            "sei", "seien", "wäre", "wären", "bin", "bist", "seid"}
# Subjects other than the noun phrase: with one in the clause (and no copula) the phrase is
# no nominative ("Öffnen Sie das Verzeichnis", "Es gibt kein Verzeichnis").
_SUBJECTS = {"ich", "du", "wir", "ihr", "man"}
_CASES_ALL = frozenset(CASES)


def _clause_cases(text: str, start: int, end: int) -> frozenset[str]:
    """The cases the clause leaves a noun phrase at text[start:end]: only the nominative beside
    a copula; no nominative where another subject is there; else any."""
    left = max(text.rfind(mark, 0, start) for mark in ".,;:!?\n")
    right = min([at for at in (text.find(mark, end) for mark in ".,;:!?\n") if at >= 0] or [len(text)])
    before = re.findall(r"\w+", text[left + 1:start])
    after = re.findall(r"\w+", text[end:right])
    if (after and after[0].lower() in _COPULAS) or (before and before[-1].lower() in _COPULAS):
        return frozenset({"nom"})
    words = before + after
    if any(w.lower() in _COPULAS for w in words):
        return _CASES_ALL
    # "Sie" after the clause's first word is the polite subject (at its start it may be "she").
    sie = "Sie" in before[1:] + after
    gibt = any(a.lower() == "es" and b.lower() == "gibt" or a.lower() == "gibt" and b.lower() == "es"
               for a, b in zip(words, words[1:]))
    if sie or gibt or any(w.lower() in _SUBJECTS for w in words):
        return _CASES_ALL - {"nom"}
    return _CASES_ALL


def _points_back(rest: str, gender: str) -> bool:
    if not gender:
        return True
    words = {w.lower() for w in re.findall(r"\w+", rest)}
    return bool(words & _PRONOUNS.get(gender, set()))


