"""What a language's inflection does beyond what its stemmer and dictionary say: which
languages are lemmatized before stemming, which change a stem's vowel, which make superlatives
with a prefix."""
from __future__ import annotations

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
