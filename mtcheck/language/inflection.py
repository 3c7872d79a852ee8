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
