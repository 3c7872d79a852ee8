"""Separable verbs: German and Dutch split a verb from its particle in a main clause
("anmelden" → "Melden Sie sich … an", "aanmelden" → "Meld u … aan"), so the glossary's
verb is rendered without ever being written whole."""
from __future__ import annotations

from mtcheck.language.words import tokens

# The particles that separate (a closed class of the grammar), longest first so that
# "zurück" is tried before "zu".
_PARTICLES = {
    "de": ("zusammen", "zurück", "wieder", "weiter", "vorbei", "voran", "heraus", "herein", "hinaus", "hinein",
           "herunter", "hinunter", "durch", "fest", "frei", "hoch", "fort", "nach", "über", "unter", "auf", "aus",
           "bei", "dar", "her", "hin", "los", "mit", "vor", "weg", "ab", "an", "ein", "um", "zu"),
    "nl": ("terug", "samen", "voorbij", "door", "mee", "na", "op", "uit", "aan", "af", "bij", "in", "om", "toe",
           "voor", "weg"),
}
# Endings of the finite forms a split verb takes (melde, meldest, meldet, meldete, melden).
_ENDINGS = {
    "de": ("", "e", "st", "t", "et", "est", "en", "te", "test", "ten", "tet", "ete", "eten"),
    "nl": ("", "t", "en", "de", "te", "den", "ten"),
}
_INFINITIVE = {"de": ("en", "n"), "nl": ("en", "n")}


def split_form(term: str, lang: str) -> tuple[str, str] | None:
    """(particle, stem) of a separable verb term, or None: "anmelden" → ("an", "meld")."""
    particles = _PARTICLES.get(lang)
    if not particles or " " in term.strip() or not term[:1].islower():
        return None  # a verb is one word, written small in the glossary
    word = term.strip().casefold()
    for particle in particles:
        rest = word[len(particle):]
        if word.startswith(particle):
            for ending in _INFINITIVE[lang]:
                if rest.endswith(ending) and len(rest) - len(ending) >= 3:
                    return particle, rest[:-len(ending)]
    return None


def rendered_apart(term: str, text: str, lang: str) -> bool:
    """Whether `text` has the verb `term` split: a finite form of its stem, then its particle
    as a word of its own later in the same sentence."""
    form = split_form(term, lang)
    if form is None:
        return False
    particle, stem = form
    words = [word.casefold() for word, _, _ in tokens(text)]
    endings = _ENDINGS[lang]
    for index, word in enumerate(words):
        if word.startswith(stem) and word[len(stem):] in endings and particle in words[index + 1:]:
            return True
    return False


# The participle's ge- and the infinitive's zu stand between a separable verb's particle and its
# stem (bereit|ge|stellt, an|zu|fordern), ge- before an unseparable one (ge|öffnet).
_PARTICIPLE = {"de": ("ge", "zu"), "nl": ("ge", "te")}
PARTICIPLE_LANGUAGES = frozenset(_PARTICIPLE)


def without_infix(word: str, lang: str) -> list[str]:
    """A German or Dutch verb form without the participle's ge- (or the infinitive's zu, te)
    after its particle or at its start, so that it lines up with the verb it is a form of:
    bereitgestellt → bereitstellt (bereitstellen), geöffnet → öffnet (öffnen), anzufordern →
    anfordern. Every such reading ([] where the word has none): a particle the list here lacks
    still leaves its ge- in the middle of the word."""
    infixes = _PARTICIPLE.get(lang)
    if not infixes:
        return []
    word = word.casefold()
    found = []
    for infix in infixes:
        at = word.find(infix)
        while 0 <= at <= len(word) - len(infix) - 3:
            found.append(word[:at] + word[at + len(infix):])
            at = word.find(infix, at + 1)
    return found


# A present participle is its infinitive with -d and an adjective's ending (anfordernd,
# zusammenführende; Dutch aanvragend, aanvragende), the gerundive the same with the
# infinitive's zu inside a separable verb (zusammenzuführende): longest ending first.
_PRESENT = {"de": ("dem", "den", "der", "des", "de", "d"), "nl": ("de", "d")}
_INFINITIVE_ENDS = {"de": ("en", "ern", "eln"), "nl": ("en",)}
MIN_PRESENT_VERB = 6  # letters of the infinitive: shorter ones end too many other words (Legende)


def present_participle_verbs(word: str, lang: str) -> list[str]:
    """The infinitives a German or Dutch word is the present participle or gerundive of, as
    its form says (zusammenzuführende → zusammenführen, anfordernd → anfordern); [] for a word
    without such an ending. Whether it is one is the dictionary's to say (see the matcher)."""
    endings = _PRESENT.get(lang)
    if not endings:
        return []
    found = []
    for form in (word.casefold(), *without_infix(word, lang)):
        ending = next((e for e in endings if form.endswith(e)), None)
        verb = form[:-len(ending)] if ending else ""
        if len(verb) >= MIN_PRESENT_VERB and verb.endswith(_INFINITIVE_ENDS[lang]) and verb not in found:
            found.append(verb)
    return found


# A past participle is its verb's stem between ge- and -t (weak: gespeichert, gebucht; Dutch
# gewerkt) or -en (strong, where the stem keeps its vowel: geladen, gelesen), with an
# adjective's ending after it where it qualifies a noun (gespeicherte Berichte, gebuchten
# Beträge): longest ending first.
_PAST = {"de": ("tem", "ten", "ter", "tes", "te", "t", "enem", "enen", "ener", "enes", "ene", "en"),
         "nl": ("de", "te", "d", "t", "ene", "en")}
MIN_PAST_STEM = 3  # letters of the stem left: a shorter one is as often another word's (gut, Gen)


def past_participle_verbs(word: str, lang: str) -> list[str]:
    """The infinitives a German or Dutch word is the past participle of, as its form says
    (gespeicherte → speichern, gebuchten → buchen, geladen → laden; with -n and -en both
    tried, one of them no verb); [] for a word without the participle's ge-. Whether it is
    one is the dictionary's to say (see the matcher): a strong verb's changed vowel
    (abgeglichen, abgleichen) is its."""
    endings = _PAST.get(lang)
    if not endings:
        return []
    found = []
    for form in without_infix(word, lang):
        for ending in endings:
            if form.endswith(ending) and len(form) - len(ending) >= MIN_PAST_STEM:
                stem = form[:-len(ending)]
                for verb in (stem + "en", stem + "n"):
                    if verb not in found:
                        found.append(verb)
    return found
