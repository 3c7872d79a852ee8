"""French and Spanish: the article and the adjectives next to a replaced noun made to agree
with its gender and number (les anciennes options → les anciens paramètres; la carpeta
nueva → el directorio nuevo).

Number is read off the found noun (its term's form or a plural ending); genders come from the
glossary, else from the article the text puts before the found noun. An adjective is put in
the masculine from its dictionary lemma (simplemma), in the feminine only where the lemma
shows it (French -e, Spanish -o/-a); anything else is unsafe. Italian, Portuguese and Catalan
have their articles here for foreign terms; their nouns are left to mtcheck.language.agreement.carry.
"""
from __future__ import annotations

import functools
import re

from mtcheck.language.agreement import (
    Applicability, Proposal, carried, cased_like, joined, keep_spacing, words_after, words_before,
)
from mtcheck.language.plurals import regular_plural
from mtcheck.model import Term

M, F = "masculine", "feminine"
# Articles and determiners: form -> (gender or "", number). "" where the form has both genders.
ARTICLES = {
    "fr": {"le": (M, "sg"), "la": (F, "sg"), "l": ("", "sg"), "les": ("", "pl"), "un": (M, "sg"), "une": (F, "sg"),
           "des": ("", "pl"), "du": (M, "sg"), "au": (M, "sg"), "aux": ("", "pl"), "ce": (M, "sg"), "cet": (M, "sg"),
           "cette": (F, "sg"), "ces": ("", "pl"), "mon": ("", "sg"), "ma": (F, "sg"), "mes": ("", "pl"),
           "son": ("", "sg"), "sa": (F, "sg"), "ses": ("", "pl"), "ton": ("", "sg"), "ta": (F, "sg"),
           "tes": ("", "pl"), "notre": ("", "sg"), "nos": ("", "pl"), "votre": ("", "sg"), "vos": ("", "pl"),
           "leur": ("", "sg"), "leurs": ("", "pl"), "aucun": (M, "sg"), "aucune": (F, "sg"), "chaque": ("", "sg")},
    "es": {"el": (M, "sg"), "la": (F, "sg"), "los": (M, "pl"), "las": (F, "pl"), "un": (M, "sg"), "una": (F, "sg"),
           "unos": (M, "pl"), "unas": (F, "pl"), "del": (M, "sg"), "al": (M, "sg"), "este": (M, "sg"),
           "esta": (F, "sg"), "estos": (M, "pl"), "estas": (F, "pl"), "ese": (M, "sg"), "esa": (F, "sg"),
           "esos": (M, "pl"), "esas": (F, "pl"), "ningún": (M, "sg"), "ninguna": (F, "sg"),
           "nuestro": (M, "sg"), "nuestra": (F, "sg"), "nuestros": (M, "pl"), "nuestras": (F, "pl")},
    "it": {"il": (M, "sg"), "lo": (M, "sg"), "la": (F, "sg"), "i": (M, "pl"), "gli": (M, "pl"), "le": (F, "pl"),
           "un": (M, "sg"), "uno": (M, "sg"), "una": (F, "sg")},
    "pt": {"o": (M, "sg"), "a": (F, "sg"), "os": (M, "pl"), "as": (F, "pl"), "um": (M, "sg"), "uma": (F, "sg")},
    "ca": {"el": (M, "sg"), "la": (F, "sg"), "els": (M, "pl"), "les": (F, "pl"), "un": (M, "sg"), "una": (F, "sg")},
}
# The same determiner in another gender and number: (lang, form) -> {(gender, number): form}.
_PARADIGMS = {
    "fr": [{(M, "sg"): "le", (F, "sg"): "la", (M, "pl"): "les", (F, "pl"): "les"},
           {(M, "sg"): "un", (F, "sg"): "une", (M, "pl"): "des", (F, "pl"): "des"},
           {(M, "sg"): "du", (F, "sg"): "de la", (M, "pl"): "des", (F, "pl"): "des"},
           {(M, "sg"): "au", (F, "sg"): "à la", (M, "pl"): "aux", (F, "pl"): "aux"},
           {(M, "sg"): "ce", (F, "sg"): "cette", (M, "pl"): "ces", (F, "pl"): "ces"},
           {(M, "sg"): "mon", (F, "sg"): "ma", (M, "pl"): "mes", (F, "pl"): "mes"},
           {(M, "sg"): "son", (F, "sg"): "sa", (M, "pl"): "ses", (F, "pl"): "ses"},
           {(M, "sg"): "ton", (F, "sg"): "ta", (M, "pl"): "tes", (F, "pl"): "tes"},
           {(M, "sg"): "notre", (F, "sg"): "notre", (M, "pl"): "nos", (F, "pl"): "nos"},
           {(M, "sg"): "votre", (F, "sg"): "votre", (M, "pl"): "vos", (F, "pl"): "vos"},
           {(M, "sg"): "leur", (F, "sg"): "leur", (M, "pl"): "leurs", (F, "pl"): "leurs"},
           {(M, "sg"): "aucun", (F, "sg"): "aucune"}, {(M, "sg"): "chaque", (F, "sg"): "chaque"}],
    "es": [{(M, "sg"): "el", (F, "sg"): "la", (M, "pl"): "los", (F, "pl"): "las"},
           {(M, "sg"): "un", (F, "sg"): "una", (M, "pl"): "unos", (F, "pl"): "unas"},
           {(M, "sg"): "del", (F, "sg"): "de la", (M, "pl"): "de los", (F, "pl"): "de las"},
           {(M, "sg"): "al", (F, "sg"): "a la", (M, "pl"): "a los", (F, "pl"): "a las"},
           {(M, "sg"): "este", (F, "sg"): "esta", (M, "pl"): "estos", (F, "pl"): "estas"},
           {(M, "sg"): "ese", (F, "sg"): "esa", (M, "pl"): "esos", (F, "pl"): "esas"},
           {(M, "sg"): "ningún", (F, "sg"): "ninguna"},
           {(M, "sg"): "nuestro", (F, "sg"): "nuestra", (M, "pl"): "nuestros", (F, "pl"): "nuestras"}],
}
_FR_ELIDED = {"le": "l'", "la": "l'", "ce": "cet", "ma": "mon", "ta": "ton", "sa": "son", "de la": "de l'",
              "à la": "à l'", "du": "de l'", "au": "à l'"}
_VOWELS = "aeiouyàâäéèêëîïôöùûüœæ"
# A preposition and a masculine article written as one word.
_FUSED = {"fr": {("de", "le"): "du", ("à", "le"): "au", ("de", "les"): "des", ("à", "les"): "aux"},
          "es": {("de", "el"): "del", ("a", "el"): "al"}}
# Words next to a noun that never agree with it: prepositions, conjunctions, relatives (a
# stop-word list would also hold adjectives such as nuevo, which do).
_NOT_AGREEING = {
    "fr": frozenset("et ou de du des à au aux en sur dans par pour avec sans sous vers chez entre que qui dont où "
                    "ne pas plus si comme".split()),
    "es": frozenset("y e o u de del a al en con sin por para sobre bajo entre hacia desde hasta que quien cuyo "
                    "donde no si como".split()),
}
# "tout" and "todo" before the article agree with the noun too.
_TOUT_FORMS = {"fr": {(M, "sg"): "tout", (F, "sg"): "toute", (M, "pl"): "tous", (F, "pl"): "toutes"},
               "es": {(M, "sg"): "todo", (F, "sg"): "toda", (M, "pl"): "todos", (F, "pl"): "todas"}}
_TOUT = {lang: set(forms.values()) for lang, forms in _TOUT_FORMS.items()}


def propose(text: str, start: int, end: int, found: Term, preferred: Term, lang: str, compound: str = "") -> Proposal:
    if lang not in _PARADIGMS or compound:
        return carried(text, start, end, found, preferred, lang, compound)
    found_text = text[start:end]
    elided = re.match(r"(?i)(?:l|d)['’]", found_text) if lang == "fr" else None
    elided_article = None
    if elided and not re.match(r"(?i)(?:l|d)['’]", found.text):
        # The matcher takes an elided article with its noun (l'option): it is the article here.
        elided_article = re.compile(r"[^\W\d_]").match(text, start)
        start += elided.end()
        found_text = text[start:end]
    found_words, new_words = found_text.split(), preferred.text.split()
    term_words = found.text.split()
    if len(found_words) != len(term_words) or not all(w.replace("-", "").replace("'", "").isalpha()
                                                      for w in term_words + new_words):
        return carried(text, start, end, found, preferred, lang, compound)
    number = _number(found_words[0], term_words[0], lang, found.number)
    if number is None:
        return carried(text, start, end, found, preferred, lang, compound)
    new_plural = preferred.number == "plural"
    if new_plural and number == "sg":
        return Proposal(preferred.text, start, end, preferred.text, Applicability.UNSAFE,
                        "the new term is plural: the verb may need to agree", citation=True)
    head = new_words[0] if number == "sg" or new_plural else _plural(new_words[0], lang)
    if head is None:
        return Proposal(preferred.text, start, end, preferred.text, Applicability.UNSAFE,
                        f"the plural of '{new_words[0]}' is not certain", citation=True)
    rest = new_words[1:] if number == "sg" or new_plural else [_plural(w, lang) or w for w in new_words[1:]]
    term_text = keep_spacing(found_text, cased_like(found_text, " ".join([head, *rest])))
    before = [_unelided(text, word) for word in words_before(text, start, limit=2)]
    after = words_after(text, end, limit=1)
    article = before[-1] if before and before[-1].group().lower().rstrip("'’") in ARTICLES[lang] else None
    if elided_article is not None:
        article = elided_article
    adjective_before = None
    if article is None and len(before) == 2 and before[0].group().lower() in ARTICLES[lang]:
        article, adjective_before = before[0], before[1]
    old_gender = found.gender or (ARTICLES[lang][article.group().lower().rstrip("'’")][0] if article else "")
    new_gender = preferred.gender
    pieces = [(start, end, term_text)]
    unsure = ""
    if old_gender and new_gender and old_gender == new_gender:
        pass  # nothing around the noun changes
    elif not new_gender:
        if article is not None or _agreeing(after, lang):
            unsure = f"the gender of '{preferred.text}' is not known"
    else:
        if article is not None:
            form = _article(article.group(), new_gender, number, head, lang)
            if form is None:
                unsure = f"'{article.group()}' has no certain form for '{head}'"
            else:
                gap = _elision_gap(text, article)
                if form.endswith("'"):  # l'option: the space after the article goes too
                    gap = len(text[article.end():start]) - len(text[article.end():start].lstrip())
                elif gap:
                    form += " "   # l'option -> le paramètre
                article_start = article.start()
                preposition = words_before(text, article.start(), limit=1)
                fused = _FUSED.get(lang, {}).get((preposition[0].group().lower(), form.strip().lower())) \
                    if preposition else None
                if fused:  # de la branche -> du rameau, a la carpeta -> al directorio
                    article_start, form = preposition[0].start(), cased_like(preposition[0].group(), fused) + \
                        (" " if form.endswith(" ") else "")
                elif preposition and preposition[0].group().lower() in _TOUT.get(lang, ()):
                    # toutes les branches -> tous les rameaux: the predeterminer agrees too
                    new = _TOUT_FORMS[lang].get((new_gender, number))
                    if new is None:
                        unsure = f"'{preposition[0].group()}' may need to agree with '{head}'"
                    else:
                        pieces.append((preposition[0].start(), preposition[0].end(),
                                       cased_like(preposition[0].group(), new)))
                pieces.append((article_start, article.end() + gap, form))
        for adjective in [a for a in (adjective_before, *(after[:1])) if a is not None]:
            if adjective.group().lower() in _NOT_AGREEING[lang] or adjective.group().lower() in ARTICLES[lang]:
                continue  # "et", "du": no adjective
            form = _adjective(adjective.group(), new_gender, number, lang)
            if form is None:
                if _agreeing([adjective], lang):
                    unsure = f"'{adjective.group()}' may need to agree with '{head}'"
            else:
                pieces.append((adjective.start(), adjective.end(), form))
    if not unsure and old_gender != new_gender and _agrees_later(text, phrase_end_of(pieces), lang):
        unsure = "a word later in the sentence may agree with the replaced noun"
    if not unsure and old_gender != new_gender and _agreeing_in_clause(text, phrase_end_of(pieces), old_gender, lang,
                                                                      {a.start() for a in after[:1]}):
        unsure = "a participle or adjective later in the clause may agree with the replaced noun"
    if not unsure and old_gender != new_gender and _gendered_further_before(text, min(p[0] for p in pieces), lang):
        unsure = "a determiner further before may agree with the replaced noun (une ou plusieurs)"
    phrase_start, phrase_end, replacement = joined(text, pieces)
    applicability = Applicability.UNSAFE if unsure else Applicability.SAFE
    return Proposal(term_text, phrase_start, phrase_end, replacement, applicability, unsure)


# Auxiliaries and pronouns after which a participle, an adjective or a pronoun may agree with
# the noun: with a new gender they may be wrong.
_LATER = {"fr": frozenset("est sont était étaient sera seront été fut il elle ils elles le la les lui un une celui celle "
                          "ceux celles lequel laquelle lesquels lesquelles".split()),
          "es": frozenset("es son está están estaba estaban fue fueron era eran sido será serán lo la los las uno una él "
                          "ella ellos ellas el cual la cual".split())}


_ELIDED = re.compile(r"(?i)(?:d|l|qu|j|n|s|jusqu|lorsqu|puisqu)['’]")


def _unelided(text: str, word: re.Match) -> re.Match:
    """A word without an elided word before it ("d'une": "une"), as a match in the text."""
    elided = _ELIDED.match(word.group())
    if not elided or elided.end() == len(word.group()):
        return word
    return re.compile(r"\S+").match(text, word.start() + elided.end(), word.end())


# Endings of a participle or an adjective in each gender (supprimées, activado).
_GENDER_ENDINGS = {"fr": {F: ("ée", "ées"), M: ("é", "és")},
                   "es": {F: ("ada", "adas", "ida", "idas"), M: ("ado", "ados", "ido", "idos")}}


def _agreeing_in_clause(text: str, end: int, gender: str, lang: str, seen: set[int]) -> bool:
    """A word later in the clause that looks like a participle or adjective in the old gender
    ("les branches de suivi supprimées"), other than the one next to the noun already made to
    agree."""
    stop = re.search(r"[,.;:!?()\n]", text[end:])
    clause_end = end + stop.start() if stop else len(text)
    endings = _GENDER_ENDINGS.get(lang, {}).get(gender, ())
    for word in re.finditer(r"[^\W\d_]+", text[end:clause_end]):
        if end + word.start() in seen:
            continue
        lower = word.group().lower()
        if lower.endswith(endings) and lower not in _NOT_AGREEING[lang]:
            return True
        if gender == F and lower not in _NOT_AGREEING[lang] and lower.endswith(("e", "es") if lang == "fr" else ("a", "as")):
            lemma = _lemmatize(lower, lang)
            if lemma != lower and _inflects_to(lemma, lower, lang):
                return True
    return False


# Words through which a determiner further before still belongs to the noun: "une ou
# plusieurs branches", "uno o varios directorios".
_THROUGH = {"fr": frozenset("ou et plusieurs deux trois".split()),
            "es": frozenset("o u y e varios varias dos tres".split())}


def _gendered_further_before(text: str, start: int, lang: str) -> bool:
    """A gendered article or determiner before the phrase, reached through a conjunction or a
    number word ("une ou plusieurs branches")."""
    for word in reversed(words_before(text, start, limit=3)):
        lower = word.group().lower().rstrip("'’")
        said = ARTICLES[lang].get(lower)
        if said and said[0]:
            return True
        if lower not in _THROUGH.get(lang, ()):
            return False
    return False


def phrase_end_of(pieces) -> int:
    return max(end for _, end, _ in pieces)


def _agrees_later(text: str, end: int, lang: str) -> bool:
    from mtcheck.language.agreement import sentence_after

    words = {w.lower() for w in sentence_after(text, end).replace("'", " ").split()}
    return bool(words & _LATER.get(lang, frozenset()))


def takes(determiner: str, suggestion: str, lang: str, preferred: Term | None) -> bool:
    """Whether an article before a foreign term fits the new term's gender."""
    gender = preferred.gender if preferred else ""
    said = ARTICLES[lang].get(determiner.lower().rstrip("'’"))
    if said is None or not gender:
        return False
    return said[0] in ("", gender)


def _number(found: str, term: str, lang: str, term_number: str) -> str | None:
    """"pl" where the found noun is its term's plural, "sg" where it is the term as written."""
    if found.casefold() == term.casefold():
        return "pl" if term_number == "plural" else "sg"
    if _plural(term.casefold(), lang) == found.casefold():
        return "pl"
    return None


def _plural(word: str, lang: str) -> str | None:
    """The regular plural, for the languages whose nouns this module makes agree."""
    return regular_plural(word, lang) if lang in ("fr", "es") else None


def _article(written: str, gender: str, number: str, noun: str, lang: str) -> str | None:
    key = written.lower().rstrip("'’")
    for paradigm in _PARADIGMS[lang]:
        if key in paradigm.values() or (lang == "fr" and key == "l" and paradigm.get((M, "sg")) == "le") \
                or (lang == "fr" and key == "cet" and paradigm.get((M, "sg")) == "ce"):
            form = paradigm.get((gender, number))
            if form is None:
                return None
            if lang == "fr" and number == "sg" and noun[:1].lower() in _VOWELS:
                form = _FR_ELIDED.get(form, form)
            elif lang == "fr" and number == "sg" and noun[:1].lower() == "h":
                return None  # h muet or h aspiré: l'hôte, le héros
            return cased_like(written, form)
    return None


def _elision_gap(text: str, article) -> int:
    """An elided article keeps its apostrophe in the text: l'option. It is part of what is replaced."""
    following = text[article.end():article.end() + 1]
    return 1 if following in ("'", "’") else 0


def _agreeing(words, lang: str) -> bool:
    """Whether a word next to the noun looks like an adjective that agrees with it."""
    if not words:
        return False
    word = words[0].group().lower()
    endings = ("e", "es", "s") if lang == "fr" else ("o", "a", "os", "as")
    return word.endswith(endings) and len(word) > 3


def _adjective(word: str, gender: str, number: str, lang: str) -> str | None:
    """The adjective in the new gender and number, from its lemma; None where the lemma does
    not show the form (or the word is no adjective simplemma knows)."""
    lower = word.lower()
    lemma = _lemmatize(lower, lang)
    if not lemma or lemma == lower and not _masculine_singular(lower, lang):
        return None
    if not _inflects_to(lemma, lower, lang):
        return None  # not an inflected form of its lemma: no adjective of the noun
    if lang == "fr":
        base = lemma if gender == M else (lemma if lemma.endswith("e") else None)
        if base is None:
            return None
        if number == "sg":
            form = base
        elif base.endswith(("s", "x")):
            form = base
        elif base.endswith("eau"):
            form = base + "x"  # nouveau: nouveaux
        elif base.endswith("al"):
            return None  # locaux, but finals, banals: not sure
        else:
            form = base + "s"
    else:
        if gender == M:
            base = lemma
        elif lemma.endswith("o"):
            base = lemma[:-1] + "a"
        elif lemma.endswith("e") or lemma[-1:] in "lrnsz" and not lemma.endswith(("or", "ón", "án", "ín")):
            base = lemma
        else:
            return None
        form = base if number == "sg" else (base + "s" if base[-1:] in "aeiou" else (
            base[:-1] + "ces" if base.endswith("z") else base + "es"))
    return cased_like(word, form)


def _masculine_singular(word: str, lang: str) -> bool:
    return not word.endswith(("e", "s") if lang == "fr" else ("a", "s"))


def _inflects_to(lemma: str, form: str, lang: str) -> bool:
    """Whether `form` is `lemma` with an agreement ending (anciennes: ancien; nuevas: nuevo)."""
    if form == lemma:
        return True
    if lang == "fr":
        return any(form == lemma + ending for ending in ("e", "s", "es", "ne", "nes", "le", "les", "te", "tes")) \
            or (lemma.endswith("eux") and form.startswith(lemma[:-1])) or (lemma.endswith("if") and form.startswith(
                lemma[:-1] + "v"))
    return form[:-1] == lemma[:-1] and form[-1:] in "oa" or form in (lemma + "s", lemma + "es") \
        or (lemma.endswith("o") and form[:-2] == lemma[:-1] and form[-2:] in ("os", "as"))


@functools.lru_cache(maxsize=65536)
def _lemmatize(word: str, lang: str) -> str:
    return _lemmatizer()(word, lang=lang)


@functools.cache
def _lemmatizer():
    from mtcheck.language import lemmatizer

    return lemmatizer()
