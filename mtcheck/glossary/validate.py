"""The glossary's own lint: problems that make matching ambiguous or suggestions wrong."""
from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass

from mtcheck.glossary.langtags import tag_problem
from mtcheck.language import ARTICLE_FORMS, analyzer_for, canonical_lang, known_word, tokens
from mtcheck.language.dictionary import respelt
from mtcheck.model import Concept, Glossary, Origin, Status, Term


@dataclass(frozen=True)
class Problem:
    origin: Origin | None
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}" if self.origin else self.message


def validate(glossary: Glossary) -> list[Problem]:
    """Duplicate concept ids, empty terms, contradictory statuses, terms that match the same
    text (folded, elided, in NFC) in one concept or several, a language with only rejected
    terms, language codes that are no BCP 47 tag, words the language's dictionary has only
    with a slip mended."""
    problems = _bad_tags(glossary)
    seen_ids: dict[str, Concept] = {}
    owners: dict[tuple[str, str], tuple[Concept, Term]] = {}
    for concept in glossary:
        first = seen_ids.setdefault(concept.id, concept)
        if first is not concept:
            problems.append(Problem(concept.origin, f"duplicate concept id {concept.id!r} (first at {first.origin})"))
        problems.extend(_concept_problems(concept))
        for term in concept.terms:
            form = _form(term)
            if not form:
                continue
            owner = owners.setdefault((term.lang, form), (concept, term))
            if owner[0] is not concept and owner[0].id != concept.id:
                same = "" if owner[1].text == term.text else f", matching the same text as {owner[1].text!r}"
                problems.append(Problem(term.origin or concept.origin,
                                        f"term {term.text!r} ({term.lang}{same}) is in concepts {owner[0].id!r} "
                                        f"and {concept.id!r}: the text or its source must tell them apart"))
    problems.extend(_merged_tags(glossary))
    problems.extend(_misspelt(glossary))
    problems.sort(key=lambda p: (p.origin.path if p.origin else "", (p.origin.line or 0) if p.origin else 0))
    return problems


def _misspelt(glossary: Glossary) -> list[Problem]:
    """Accepted terms with a word the language's dictionary lacks where it has the word with two
    letters side by side swapped or one letter doubled (Polish „zakmnij": zamknij; French
    „Personalisé": Personnalisé): a typo there keeps the term from matching the text's
    spelling, so every text that renders the concept rightly is reported as missing it."""
    problems = []
    for concept in glossary:
        for term in concept.terms:
            lang = canonical_lang(term.lang)
            if not term.status.accepted or known_word(lang) is None:
                continue
            # A word the concept's terms in other languages have is kept as they write it
            # ("reflog" in a German glossary): no slip.
            kept = {w.casefold() for other in concept.terms if other.lang != term.lang for w, _, _ in tokens(other.text)}
            for word, _, _ in tokens(term.text):
                if word.casefold() in kept:
                    continue
                spelt = respelt(word, lang)
                if spelt is not None:
                    problems.append(Problem(term.origin or concept.origin,
                                            f"term {term.text!r} ({term.lang}) in concept {concept.id!r}: "
                                            f"{word!r} is not in the dictionary, {spelt!r} is: a misspelling?"))
                    break
    return problems


def _bad_tags(glossary: Glossary) -> list[Problem]:
    """Each language tag as the files write it that is no BCP 47 tag, once, where first read."""
    problems = []
    for tag, origin in _written_tags(glossary).items():
        reason = tag_problem(tag)
        if reason:
            problems.append(Problem(origin, f"{tag!r} is no BCP 47 language tag ({reason}); its terms match only "
                                            "text said to be in it"))
    return problems


def _written_tags(glossary: Glossary) -> dict[str, Origin | None]:
    """The tags as written, from the readers; a glossary built otherwise has only its terms'."""
    if glossary.tags:
        return dict(glossary.tags)
    tags: dict[str, Origin | None] = {}
    for concept in glossary:
        for term in concept.terms:
            tags.setdefault(term.lang, term.origin or concept.origin)
    return tags


def _merged_tags(glossary: Glossary) -> list[Problem]:
    """Tags that differ in more than case and separator but name one matching language:
    pt-BR and pt, zh-TW and zh-CN (two scripts) are matched as one."""
    by_lang: dict[str, dict[str, tuple[str, Origin]]] = {}
    for tag, origin in glossary.tags.items():
        by_lang.setdefault(canonical_lang(tag), {}).setdefault(tag.replace("_", "-").lower(), (tag, origin))
    problems = []
    for lang, tags in sorted(by_lang.items()):
        if len(tags) > 1:
            written = sorted(tags.values(), key=lambda t: (t[1].path, t[1].line or 0))
            names = ", ".join(repr(tag) for tag, _ in written)
            problems.append(Problem(written[1][1], f"language tags {names} are matched as one language, {lang!r}: "
                                                   "their terms apply to text in any of them"))
    return problems


def _concept_problems(concept: Concept) -> list[Problem]:
    problems = []
    by_form: dict[tuple[str, str], list[Term]] = {}
    preferred: dict[str, list[Term]] = {}
    for term in concept.terms:
        where = term.origin or concept.origin
        if not term.text.strip():
            problems.append(Problem(where, f"empty term in concept {concept.id!r} ({term.lang})"))
            continue
        by_form.setdefault((term.lang, _form(term)), []).append(term)
        if term.status is Status.PREFERRED:
            preferred.setdefault(term.lang, []).append(term)
    for (lang, _), terms in by_form.items():
        statuses = {t.status for t in terms}
        if any(s.accepted for s in statuses) and any(not s.accepted for s in statuses):
            accepted = next(t for t in terms if t.status.accepted)
            rejected = next(t for t in terms if not t.status.accepted)
            if accepted.text == rejected.text or accepted.text.casefold() == rejected.text.casefold():
                said = f"term {rejected.text!r} ({lang}) is both {accepted.status.value} and {rejected.status.value}"
            else:
                said = (f"{rejected.status.value} {rejected.text!r} and {accepted.status.value} {accepted.text!r} "
                        f"({lang}) match the same text")
            problems.append(Problem(rejected.origin or concept.origin, f"{said} in concept {concept.id!r}"))
    languages = {t.lang for t in concept.terms if t.text.strip()}
    for lang in sorted(languages):
        statuses = [t.status for t in concept.terms if t.lang == lang and t.text.strip()]
        if not any(s.accepted for s in statuses):
            where = next(t.origin for t in concept.terms if t.lang == lang) or concept.origin
            problems.append(Problem(where, f"concept {concept.id!r} has {statuses[0].value} terms in {lang} but no "
                                           "accepted one: its findings can suggest nothing"))
    for lang, terms in preferred.items():
        if len(terms) > 1:
            names = ", ".join(repr(t.text) for t in terms)
            problems.append(Problem(terms[1].origin or concept.origin,
                                    f"concept {concept.id!r} has {len(terms)} preferred terms in {lang}: {names}"))
    return problems


def _form(term: Term) -> str:
    """A term's words as its language matches them: folded, without what an apostrophe
    elides or adds ("d'utilisateur" is "utilisateur"), any form of an article as one ("du
    compte", "des comptes"), in NFC."""
    analyzer = analyzer_for(term.lang)
    articles = ARTICLE_FORMS.get(analyzer.lang, {})
    bases = (analyzer.base(w) for w, _, _ in tokens(unicodedata.normalize("NFC", term.text)))
    return " ".join(articles.get(base, base) for base in bases)


def summary(problems: list[Problem], files: int, errors: int = 0) -> str:
    """The last line of `glossary validate`: how many errors (records that could not be read)
    and problems, and the problems by kind."""
    glossaries = f"{files} glossar{'y' if files == 1 else 'ies'}"
    if not problems and not errors:
        return f"no problems in {glossaries}"
    counted = [f"{n} {word}{'s' if n != 1 else ''}" for n, word in ((errors, "error"), (len(problems), "problem")) if n]
    kinds = Counter(_kind(p.message) for p in problems)
    said = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"{', '.join(counted)} in {glossaries}" + (f": {said}" if said else "")


_KINDS = (("is in concepts", "shared by concepts"), ("match the same text", "colliding terms"),
          ("is both", "contradictory statuses"), ("preferred terms in", "several preferred"),
          ("but no accepted one", "no accepted term"), ("empty term", "empty terms"),
          ("duplicate concept id", "duplicate ids"), ("no BCP 47", "language tags"),
          ("matched as one language", "merged language tags"), ("a misspelling?", "possible misspellings"))


def _kind(message: str) -> str:
    return next((kind for marker, kind in _KINDS if marker in message), "other")
