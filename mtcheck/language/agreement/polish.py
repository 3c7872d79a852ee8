"""Polish: the replaced noun put in the found form's case and number, and the adjectives,
pronouns and numerals beside it (which Morfeusz 2 tags as adjectives: nowy, ten, mój) in the
new noun's gender, all by Morfeusz 2's analyser and generator (mtcheck[lexicons]).

"w nowym katalogu" → "w nowym folderze"; "Nowa kartoteka" → "Nowy folder". Where the found
form has several cases that give different texts, or a past-tense verb or adjective later in
the sentence agreed with the old gender, the fix is unsafe. Without Morfeusz, mtcheck.language.agreement.carry.
"""
from __future__ import annotations

import functools
import threading

from mtcheck.language.agreement import (
    Applicability, Proposal, carried, cased_like, joined, keep_spacing, sentence_after, words_after, words_before,
)
from mtcheck.model import Term

_LOCK = threading.Lock()


@functools.cache
def _morfeusz():
    try:
        import morfeusz2
    except ImportError:
        return None
    return morfeusz2.Morfeusz(expand_tags=False)


class _Reading:
    """One analysis: lemma, part of speech and the numbers, cases and genders its tag allows."""

    def __init__(self, lemma: str, tag: str):
        self.lemma = lemma.split(":", 1)[0]
        self.tag = tag
        parts = tag.split(":")
        self.pos = parts[0]
        self.numbers = set(parts[1].split(".")) if len(parts) > 1 and parts[1] in ("sg", "pl", "sg.pl") else set()
        rest = parts[2:] if self.numbers else parts[1:]
        cases = {"nom", "gen", "dat", "acc", "inst", "loc", "voc"}
        self.cases = set(rest[0].split(".")) if rest and set(rest[0].split(".")) <= cases else set()
        rest = rest[1:] if self.cases else rest
        genders = {"m1", "m2", "m3", "f", "n"}
        self.genders = set(rest[0].split(".")) if rest and set(rest[0].split(".")) <= genders else set()

    def allows(self, number: str, case: str, gender: str) -> bool:
        return number in self.numbers and (not self.cases or case in self.cases) and gender in self.genders


@functools.lru_cache(maxsize=65536)
def _readings(word: str) -> tuple[_Reading, ...]:
    analyser = _morfeusz()
    with _LOCK:
        found = analyser.analyse(word.lower())
    return tuple(_Reading(lemma, tag) for _, _, (_, lemma, tag, *_) in found if not tag.startswith("ign"))


@functools.lru_cache(maxsize=16384)
def _forms(lemma: str) -> tuple[tuple[str, _Reading], ...]:
    analyser = _morfeusz()
    with _LOCK:
        generated = analyser.generate(lemma)
    return tuple((form, _Reading(lemma_, tag)) for form, lemma_, tag, *_ in generated)


def _form(lemma: str, pos: str, number: str, case: str, gender: str | None, like: str = "") -> tuple[str, bool] | None:
    """The form of `lemma` in a slot, and whether it is the only one: where the dictionary has
    several (folderu, foldera; swoje, swe), the one ending as `like` does, else the longest,
    not sure."""
    found = [form for form, reading in _forms(lemma)
             if reading.pos == pos and number in reading.numbers and case in reading.cases
             and (gender is None or gender in reading.genders) and (pos != "adj" or _positive(reading))]
    found = list(dict.fromkeys(found))
    if not found:
        return None
    if len(found) == 1:
        return found[0], True
    shared = [_shared_ending(form, like) for form in found]
    best = max(shared)
    if best and shared.count(best) == 1:
        return found[shared.index(best)], True
    return max(found, key=len), False


def _shared_ending(form: str, like: str) -> int:
    count = 0
    for a, b in zip(reversed(form.lower()), reversed(like.lower())):
        if a != b:
            break
        count += 1
    return count


def _positive(reading: _Reading) -> bool:
    """The positive degree (nowy, not nowszy or najnowszy)."""
    return reading.tag.endswith(":pos")


def _noun(word: str) -> _Reading | None:
    """The noun reading of a term's word in the nominative (its citation form)."""
    for reading in _readings(word):
        if reading.pos == "subst" and "nom" in reading.cases:
            return reading
    return None


def propose(text: str, start: int, end: int, found: Term, preferred: Term, lang: str, compound: str = "") -> Proposal:
    if _morfeusz() is None or compound:
        return carried(text, start, end, found, preferred, lang, compound)
    found_text = text[start:end]
    span, term_words, new_words = found_text.split(), found.text.split(), preferred.text.split()
    old_head, new_head = _head(term_words), _head(new_words)
    if len(span) != len(term_words) or old_head is None or new_head is None:
        return carried(text, start, end, found, preferred, lang, compound)
    old_noun, new_noun = _noun(term_words[old_head]), _noun(new_words[new_head])
    old_gender, new_gender = next(iter(sorted(old_noun.genders))), next(iter(sorted(new_noun.genders)))
    slots = {(number, case) for reading in _readings(span[old_head])
             if reading.pos == "subst" and reading.lemma == old_noun.lemma
             for number in reading.numbers for case in reading.cases}
    if not slots:
        return carried(text, start, end, found, preferred, lang, compound)
    if any(case != "voc" for _, case in slots):
        slots = {slot for slot in slots if slot[1] != "voc"}  # a vocative addresses someone: not a UI noun
    # Words beside the phrase that agree with the old noun: adjectives, pronouns, numerals.
    before = words_before(text, start, limit=2)
    after = words_after(text, end, limit=1)
    agreeing = [w for w in [*before, *after] if _agrees(w.group(), slots, old_gender)]
    for word in agreeing:
        slots = {slot for slot in slots if any(r.pos == "adj" and r.allows(*slot, old_gender)
                                              for r in _readings(word.group()))}
    # A verb right after the noun that agrees with it in number makes it its subject:
    # "Kartoteki są puste" (plural, so nominative, not the genitive singular).
    verb = words_after(text, end, limit=1)
    numbers = {n for r in _readings(verb[0].group()) if r.pos in ("fin", "praet", "bedzie") for n in r.numbers} \
        if verb else set()
    if len(numbers) == 1:
        number = next(iter(numbers))
        slots = {slot for slot in slots if slot == (number, "nom")} or slots
    preposition = _preposition_before(text, start, agreeing)
    if preposition:
        slots = {slot for slot in slots if slot[1] in _PREPOSITIONS[preposition]} or slots
    outcomes: dict[str, tuple] = {}
    for number, case in sorted(slots, key=_slot_order):
        made = _made(text, start, end, span, new_words, new_head, new_noun, new_gender, agreeing, number, case,
                     old_head)
        if made is not None:
            outcomes.setdefault(made[2], made)
    if not outcomes:
        return Proposal(preferred.text, start, end, preferred.text, Applicability.UNSAFE,
                        f"no form of '{preferred.text}' is known for this place", citation=True)
    (phrase_start, phrase_end, replacement, suggestion, sure), *others = outcomes.values()
    if others:
        return Proposal(suggestion, phrase_start, phrase_end, replacement, Applicability.UNSAFE,
                        "the case is not certain: " + " or ".join(f"'{o[2]}'" for o in outcomes.values()))
    if not sure:
        return Proposal(suggestion, phrase_start, phrase_end, replacement, Applicability.UNSAFE,
                        "the dictionary has more than one form for this place")
    number = sorted(slots, key=_slot_order)[0][0]
    if old_gender != new_gender and _agrees_later(sentence_after(text, end), number, old_gender, new_gender):
        return Proposal(suggestion, phrase_start, phrase_end, replacement, Applicability.UNSAFE,
                        "a verb or adjective later in the sentence agrees with the replaced noun")
    return Proposal(suggestion, phrase_start, phrase_end, replacement, Applicability.SAFE)


# Prepositions and the cases they govern.
_PREPOSITIONS = {
    **dict.fromkeys(("w", "we", "na", "o", "po"), {"loc", "acc"}),
    **dict.fromkeys(("do", "od", "ode", "dla", "bez", "beze", "u", "wobec", "według", "obok", "podczas", "spod",
                     "zza", "koło", "około", "oprócz", "wśród", "z", "ze"), {"gen"}),
    **dict.fromkeys(("przez", "przeze"), {"acc"}),
    "przy": {"loc"}, "ku": {"dat"}, "dzięki": {"dat"},
    **dict.fromkeys(("przed", "pod", "nad", "za", "między", "poza"), {"inst", "acc"}),
}
_PREPOSITIONS["z"] = _PREPOSITIONS["ze"] = {"gen", "inst"}


def _preposition_before(text: str, start: int, agreeing) -> str | None:
    """The preposition before the noun phrase (its adjectives included), lower case."""
    first = min([start, *(w.start() for w in agreeing)])
    before = words_before(text, first, limit=1)
    word = before[0].group().lower() if before else ""
    return word if word in _PREPOSITIONS else None


def _slot_order(slot: tuple[str, str]) -> tuple[int, int]:
    order = ("nom", "acc", "gen", "loc", "dat", "inst", "voc")
    return (slot[0] != "sg", order.index(slot[1]) if slot[1] in order else 9)


def _head(words: list[str]) -> int | None:
    """A term's noun: its first word with a noun reading and no adjective reading, else its
    first word with a noun reading ("nowy folder": folder; "konto użytkownika": konto)."""
    nouns = [i for i, w in enumerate(words) if _noun(w) is not None]
    plain = [i for i in nouns if not any(r.pos == "adj" for r in _readings(words[i]))]
    return (plain or nouns or [None])[0]


def _agrees(word: str, slots, gender: str) -> bool:
    return any(r.pos == "adj" and any(r.allows(number, case, gender) for number, case in slots)
               for r in _readings(word))


def _made(text, start, end, span, new_words, new_head, new_noun, new_gender, agreeing, number, case, old_head):
    made = _form(new_noun.lemma, "subst", number, case, None, span[old_head])
    if made is None:
        return None
    head_form, sure = made
    words = []
    for index, word in enumerate(new_words):
        if index == new_head:
            words.append(head_form)
        elif index < new_head:  # the term's own adjectives before its noun
            made = _adjective(word, number, case, new_gender)
            if made is None:
                return None
            words.append(made[0])
            sure = sure and made[1]
        else:
            words.append(word)  # a genitive or other complement keeps its form
    found_text = text[start:end]
    term_text = keep_spacing(found_text, cased_like(found_text, " ".join(words)))
    pieces = [(start, end, term_text)]
    for word in agreeing:
        made = _adjective(word.group(), number, case, new_gender)
        if made is None:
            return None
        sure = sure and made[1]
        pieces.append((word.start(), word.end(), cased_like(word.group(), made[0])))
    phrase_start, phrase_end, replacement = joined(text, pieces)
    return phrase_start, phrase_end, replacement, term_text, sure


def _adjective(word: str, number: str, case: str, gender: str) -> tuple[str, bool] | None:
    lemmas = {r.lemma for r in _readings(word) if r.pos == "adj" and _positive(r)}
    if len(lemmas) != 1:
        return None
    return _form(lemmas.pop(), "adj", number, case, gender, word)


def _agrees_later(rest: str, number: str, old: str, new: str) -> bool:
    """A past-tense verb, participle or adjective later in the sentence that takes the old
    gender's form but not the new one's (był/była, pusty/pusta)."""
    for word in rest.split():
        word = word.strip(".,;:!?\"'()")
        if not word:
            continue
        for reading in _readings(word):
            if reading.pos in ("praet", "adj", "ppas", "winien") and number in reading.numbers \
                    and old in reading.genders and new not in reading.genders:
                return True
    return False
