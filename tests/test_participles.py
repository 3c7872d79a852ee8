"""German and Dutch verb forms with the participle's ge- or the infinitive's zu inside them are
forms of the glossary's verb: "geöffnet" renders "öffnen", "bereitgestellt" "bereitstellen",
"aangevraagd" "aanvragen" — and no other word that merely contains the verb's letters."""
from __future__ import annotations

import pytest

from mtcheck.matching import Matcher
from mtcheck.model import Concept, Glossary, Segment, Status, Term

TERMS = {
    "de": ["Öffnen", "bereitstellen", "abbrechen", "anfordern", "einstellen", "Einstellungen", "hoch", "speichern",
           "buchen", "nachbessern", "schichten"],
    "nl": ["openen", "opslaan", "aanvragen"],
}


@pytest.fixture(scope="module")
def matcher():
    concepts = tuple(Concept(f"{lang}-{term.casefold()}", (Term(term, lang, Status.PREFERRED),))
                     for lang, terms in TERMS.items() for term in terms)
    return Matcher(Glossary(concepts))


@pytest.mark.parametrize("lang,text,expected", [
    ("de", "Die Datei wurde geöffnet.", [("geöffnet", "de-öffnen")]),
    ("de", "Die Änderungen wurden für den Commit bereitgestellt.", [("bereitgestellt", "de-bereitstellen")]),
    ("de", "Der Vorgang wurde abgebrochen.", [("abgebrochen", "de-abbrechen")]),  # a strong verb's vowel changes
    ("de", "Es gibt nichts anzufordern.", [("anzufordern", "de-anfordern")]),
    ("de", "Die Objekte wurden angefordert.", [("angefordert", "de-anfordern")]),
    ("de", "Der Wert ist eingestellt.", [("eingestellt", "de-einstellen")]),  # the verb, not Einstellungen
    ("de", "Die Frage wurde gestellt.", []),  # stellen is not bereitstellen
    # a short irregular word: two letters shared with its lemma are enough where they are half of it
    ("de", "Eine hohe Dosis, ein hoher Wert.", [("hohe", "de-hoch"), ("hoher", "de-hoch")]),
    # A participle the dictionary knows as an adjective of its own, or not at all, as its form
    # says: ge-, the stem, -t and the adjective's ending.
    ("de", "Gespeicherte Berichte, die gebuchten Beträge.", [("Gespeicherte", "de-speichern"),
                                                             ("gebuchten", "de-buchen")]),
    ("de", "Nachgebesserte Beschreibung", [("Nachgebesserte", "de-nachbessern")]),
    ("de", "Eine Geschichte aus dem Gebirge.", []),  # ge- and -te, no participle of schichten
    ("nl", "Het bestand is geopend.", [("geopend", "nl-openen")]),
    ("nl", "De wijzigingen zijn opgeslagen.", [("opgeslagen", "nl-opslaan")]),
    ("nl", "Er is niets aangevraagd.", [("aangevraagd", "nl-aanvragen")]),
])
def test_participles_are_forms_of_their_verb(matcher, lang, text, expected):
    found = matcher.for_language(lang).matches(Segment(text, "t.txt", 1, lang=lang))
    assert [(m.text, m.concept.id) for m in found] == expected
