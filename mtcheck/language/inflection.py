"""What a language's inflection does beyond what its stemmer and dictionary say: which
languages are lemmatized before stemming, which change a stem's vowel, which make superlatives
with a prefix, which keep a term's bare complement in the term's number."""
from __future__ import annotations

from typing import Sequence

from mtcheck.language.dictionary import articles

# Languages whose Snowball stemmer does not conflate common inflections on its own
# (Turkish: komite/komitesi, taban/tabanda, demokrasi/demokrasisi): lemmatize first.
LEMMATIZE_FIRST = {"tr"}

# Slavic languages drop or change a stem's vowel in its forms (Czech den: dne, dnech; pes: psa;
# dům: domu; Polish pies: psa, dzień: dnia), so a form the dictionary gives a lemma for may
# share only its first letter with it; and they make the superlative with a prefix on a
# comparative stem (nejvyšší: vysoký, najlepszy: dobry is the lemma's own business).
VOWEL_ALTERNATING = {"cs", "sk", "pl", "sl", "hr", "sr", "bs", "ru", "uk", "be", "bg", "mk"}
SUPERLATIVE_PREFIX = {"cs": "nej", "sk": "naj", "pl": "naj", "sl": "naj", "hr": "naj", "sr": "naj", "bs": "naj",
                       "hu": "leg"}

# Articles and prepositions fused with them, by the form they all stand for inside a term:
# a multi-word term's function words follow the number and gender of the words around them
# ("hiérarchie du compte", "hiérarchie de comptes"; "Sicherheit des Systems", "Sicherheit der
# Systeme"), so a term is found with any form of its article.
ARTICLE_FORMS = {
    "fr": {"du": "de", "des": "de", "la": "le", "les": "le", "au": "à", "aux": "à"},
    "es": {"del": "de", "al": "a", "la": "el", "los": "el", "las": "el"},
    "it": {"del": "di", "dello": "di", "della": "di", "dei": "di", "degli": "di", "delle": "di",
           "lo": "il", "la": "il", "i": "il", "gli": "il", "le": "il"},
    "pt": {"do": "de", "da": "de", "dos": "de", "das": "de", "a": "o", "os": "o", "as": "o"},
    "de": {"des": "der", "dem": "der", "den": "der", "die": "der", "das": "der"},
    "nl": {"het": "de"},
}


# Verbs whose past participle is not their stem and the regular ending (French -é/-i/-u: the
# conjugation classes of the third group): the infinitive's ending and the participle's, for
# every verb built the same way (ouvrir, couvrir: ouvert, couvert; écrire, décrire: écrit;
# produire, traduire: produit; mettre, soumettre: mis; prendre, comprendre: pris; joindre,
# peindre: joint, peint).
# The participle takes the adjective's endings (French -e, -s, -es; Italian -o, -a, -i, -e).
IRREGULAR_PARTICIPLES = {
    "fr": (("vrir", "vert"), ("frir", "fert"), ("crire", "crit"), ("uire", "uit"), ("mettre", "mis"),
           ("prendre", "pris"), ("indre", "int"), ("faire", "fait"), ("dire", "dit"), ("soudre", "solu"),
           ("clure", "clus"), ("suivre", "suivi"), ("cevoir", "çu"), ("venir", "venu"), ("tenir", "tenu"),
           ("quérir", "quis")),
    # Italian: aprire, coprire: aperto, coperto; fondere, confondere: fuso, confuso; prendere,
    # rendere: preso, reso; chiudere, includere: chiuso, incluso; decidere, dividere: deciso,
    # diviso; scrivere: scritto; leggere, proteggere: letto, protetto; scegliere, togliere:
    # scelto, tolto; mettere: messo; porre: posto; produrre, tradurre: prodotto; fare: fatto.
    "it": (("rire", "erto"), ("fondere", "fuso"), ("ndere", "so"), ("udere", "uso"), ("idere", "iso"),
           ("scrivere", "scritto"), ("ggere", "tto"), ("gliere", "lto"), ("mettere", "messo"), ("porre", "posto"),
           ("durre", "dotto"), ("fare", "fatto")),
}


# The preposition a Romance language links a term's complement with (its article forms are
# the same word inside a term, see ARTICLE_FORMS): the complement's number is the term's own,
# not agreement's. „movilizaciones de masas" is the term „movilización de masas" in the
# plural; „movilización de masa" is another phrase, as the glossaries that list „mobilisation
# de masse" beside „mobilisation des masses" say.
COMPLEMENT_LINKS = {"fr": "de", "es": "de", "pt": "de", "it": "di", "ca": "de"}


# A phrase's complement, as `complement` reads it: whether it is bare, and whether each of its
# words is inflected (None where the dictionary does not know the word).
Complement = tuple[bool, tuple[bool | None, ...]]


def complement(analyzer, words: Sequence[str]) -> Complement | None:
    """The complement after a phrase's first link word (see COMPLEMENT_LINKS; any of its article
    forms): whether it is bare — the link itself, no article after it or fused with it („de
    masas"; not „du compte", „des masses", „de la cuenta") — and, articles and links aside,
    whether each of its words is inflected: the dictionary gives it a lemma other than itself
    (a noun's plural), None where it does not know the word. None where the phrase has no link
    (or nothing after it but articles), or the language none to look at."""
    link = COMPLEMENT_LINKS.get(analyzer.lang)
    if link is None:
        return None
    forms = ARTICLE_FORMS.get(analyzer.lang, {})
    bases = [analyzer.base(word) for word in words]
    linked = [forms.get(base, base) for base in bases]
    if link not in linked[:-1]:
        return None
    at = linked.index(link)
    own_articles = articles(analyzer.lang)
    numbers = []
    for word, base in zip(words[at + 1:], linked[at + 1:]):
        if base in own_articles or base == link:
            continue
        lemmas = analyzer.lemmas(word, any_case=True)
        numbers.append(None if not lemmas else analyzer.base(word).casefold() not in lemmas)
    if not numbers:
        return None
    return bases[at] == link and bases[at + 1] not in own_articles, tuple(numbers)


def renumbered(own: Complement | None, other: Complement | None) -> bool:
    """Whether two phrases' complements differ in number where the dictionary knows both words."""
    if own is None or other is None or len(own[1]) != len(other[1]):
        return False
    return any(a is not None and b is not None and a != b for a, b in zip(own[1], other[1]))


def complement_renumbered(analyzer, term_words: Sequence[str], words: Sequence[str]) -> bool:
    """Whether `words`, a phrase of a term's words, put its complement in another number than
    the term's („movilización de masa" for „movilización de masas"; not „movilización de las
    masas", an article more), as far as the language's dictionary tells (see complement_changed)."""
    return complement_changed(complement(analyzer, term_words), complement(analyzer, words))


def complement_changed(own: Complement | None, other: Complement | None) -> bool:
    """Whether a phrase's complement (`other`) makes it another phrase than a term's (`own`):
    a bare complement keeps the term's number; one with an article takes the sentence's,
    except where the phrase says it bare and in the singular for the term's plural: a kind
    then, not the things at hand („mobilisation de masse", mass-scale, for „mobilisation des
    masses", of the masses)."""
    if own is None or other is None:
        return False
    if own[0]:
        return renumbered(own, other)
    return other[0] and len(own[1]) == len(other[1]) \
        and any(mine is True and theirs is False for mine, theirs in zip(own[1], other[1]))


def irregular_participles(verb: str, lang: str) -> tuple[str, ...]:
    """The past participle of an infinitive whose class makes it irregularly, with the
    adjective's endings (ouvrir: ouvert, ouverte, ouverts, ouvertes; aprire: aperto, aperta,
    aperti, aperte); () for another word."""
    verb = verb.casefold()
    for infinitive, participle in IRREGULAR_PARTICIPLES.get(lang, ()):
        if verb.endswith(infinitive):
            stem = verb[:-len(infinitive)] + participle
            if lang == "it":  # -o, -a, -i, -e
                return (stem, stem[:-1] + "a", stem[:-1] + "i", stem[:-1] + "e")
            return (stem, stem + "e", stem + "s" if not stem.endswith("s") else stem, stem + "es")
    return ()
