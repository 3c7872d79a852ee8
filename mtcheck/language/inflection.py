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


def complement_number(analyzer, words: Sequence[str]) -> tuple[bool | None, ...]:
    """Of the words after a phrase's first complement link (see COMPLEMENT_LINKS), articles
    and links aside, whether each is inflected: the dictionary gives it a lemma other than
    itself (a noun's plural); None where it does not know the word. () where the phrase has no
    link, or the language none to look at."""
    link = COMPLEMENT_LINKS.get(analyzer.lang)
    if link is None:
        return ()
    forms = ARTICLE_FORMS.get(analyzer.lang, {})
    bases = [forms.get(base, base) for base in map(analyzer.base, words)]
    if link not in bases[:-1]:
        return ()
    skipped = articles(analyzer.lang) | {link}
    numbers = []
    for word, base in zip(words[bases.index(link) + 1:], bases[bases.index(link) + 1:]):
        if base in skipped:
            continue
        lemmas = analyzer.lemmas(word, any_case=True)
        numbers.append(None if not lemmas else analyzer.base(word).casefold() not in lemmas)
    return tuple(numbers)


def complement_renumbered(analyzer, term_words: Sequence[str], words: Sequence[str]) -> bool:
    """Whether `words`, a phrase of a term's words, put its complement in another number than
    the term's („movilización de masa" for „movilización de masas"; not „movilización de las
    masas", an article more), as far as the language's dictionary tells. Only a bare
    complement's number is the term's: one with an article („hiérarchie du compte") refers to
    the things at hand, and takes their number („hiérarchie de comptes")."""
    if not bare_complement(analyzer, term_words):
        return False
    return renumbered(complement_number(analyzer, term_words), complement_number(analyzer, words))


def complement_link(analyzer, words: Sequence[str]) -> bool:
    """Whether the phrase has a complement link (see COMPLEMENT_LINKS) before its last word, in
    any of its article forms."""
    link = COMPLEMENT_LINKS.get(analyzer.lang)
    forms = ARTICLE_FORMS.get(analyzer.lang, {})
    return link is not None and link in [forms.get(base, base) for base in map(analyzer.base, words[:-1])]


def bare_complement(analyzer, words: Sequence[str]) -> bool:
    """Whether the phrase's first complement link is the bare preposition, no article after
    it or fused with it („de masas", not „du compte", „des masses", „de la cuenta")."""
    link = COMPLEMENT_LINKS.get(analyzer.lang)
    bases = [analyzer.base(word) for word in words]
    if link not in bases[:-1]:
        return False
    return bases[bases.index(link) + 1] not in articles(analyzer.lang)


def renumbered(own: tuple[bool | None, ...], other: tuple[bool | None, ...]) -> bool:
    """Whether two phrases' complement_number differ where the dictionary knows both words."""
    return len(own) == len(other) and any(a is not None and b is not None and a != b for a, b in zip(own, other))


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
