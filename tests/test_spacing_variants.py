"""A term is found however writers space it: a term of two or three words closed up into one
(Cloud-Speicher: Cloudspeicher, data base: database) where the language closes compounds up,
and a one-word term opened with a hyphen or a space where its second part is a word of the
language (subaccount: sub-account, Massenmobilisierung: Massen-Mobilisierung)."""
from __future__ import annotations

import pytest

from mtcheck.matching import Matcher
from mtcheck.model import Concept, Glossary, Segment, Status, Term
from tests.conftest import run_cli_json

TERMS = [("cloud", "de", "Cloud-Speicher"), ("mm", "de", "Massenmobilisierung"), ("account", "de", "Konto"),
         ("sub", "en", "subaccount"), ("db", "en", "data base"), ("kitle", "tr", "kitle seferberliği"),
         ("user", "fr", "compte utilisateur")]


@pytest.fixture(scope="module")
def matcher():
    return Matcher(Glossary(tuple(Concept(cid, (Term(text, lang, Status.PREFERRED),)) for cid, lang, text in TERMS)))


@pytest.mark.parametrize("lang,text,expected", [
    ("de", "Der Cloudspeicher ist voll.", [("Cloudspeicher", "cloud")]),
    ("de", "Die Größe des Cloudspeichers.", [("Cloudspeichers", "cloud")]),
    ("de", "Der Cloud Speicher ist voll.", [("Cloud Speicher", "cloud")]),
    ("de", "Die Massen-Mobilisierung wächst.", [("Massen-Mobilisierung", "mm")]),
    ("de", "Der Stand des Kontos.", [("Kontos", "account")]),  # a variant's word takes no term's form
    ("en", "Include sub-account balances.", [("sub-account", "sub")]),
    ("en", "Open the database.", [("database", "db")]),
    # languages that do not close compounds up keep their terms' spacing
    ("tr", "kitleseferberliği", []),
    ("fr", "compteutilisateur", []),
])
def test_spacing_variants(matcher, lang, text, expected):
    found = matcher.for_language(lang).matches(Segment(text, "t.txt", 1, lang=lang))
    assert [(m.text, m.concept.id) for m in found] == expected


def _scan(tmp_path, terms: str, text: str, lang: str, *options: str, name: str = "t.txt") -> list[dict]:
    """`scan`'s JSON matches of `text` against a glossary of `terms` (CSV rows)."""
    glossary = tmp_path / "g.csv"
    glossary.write_text("concept,lang,term,status\n" + terms, encoding="utf-8")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    code, report, err = run_cli_json("scan", path, "-g", glossary, "--lang", lang, *options)
    assert code == 0, err
    return report["matches"]


def test_a_compound_term_is_found_as_its_phrase_and_a_phrase_term_as_its_compound(tmp_path):
    matches = _scan(tmp_path, "mm,de,Massenmobilisierung,preferred\n"
                              "bs,de,Sicherheit der Bank,preferred\n"
                              "tb,de,Tracking-Branch,preferred\n",
                    "Die Mobilisierung der Massen ist wichtig, die Mobilisierung von Massen auch.\n"
                    "Die Banksicherheit und die Banksicherheiten sind hoch.\n"
                    "Zwei Trackingbranches.\n"
                    "Die Massen sind da, die Bank ist zu.\n", "de", "--isolated")
    assert [(m["text"], m["concept"], m.get("variant")) for m in matches] == [
        ("Mobilisierung der Massen", "mm", "phrase"), ("Mobilisierung von Massen", "mm", "phrase"),
        ("Banksicherheit", "bs", "compound"), ("Banksicherheiten", "bs", "compound"),
        ("Trackingbranches", "tb", "closed up")]


def test_a_turkish_modifier_is_found_as_its_derived_adjective(tmp_path):
    matches = _scan(tmp_path, "mm,tr,kitle seferberliği,preferred\nip,tr,parti komitesi,preferred\n",
                    "Kitlesel seferberlik çalışmaları sürüyor. Kitle seferberliği önemlidir.\n"
                    "Kitlesel seferberliğin hedefleri belli. Kitlesel bir hareket başladı.\n", "tr", "--isolated")
    assert [(m["text"], m.get("variant")) for m in matches] == [
        ("Kitlesel seferberlik", "derivation"), ("Kitle seferberliği", None),
        ("Kitlesel seferberliğin", "derivation")]


def test_no_variants_matches_terms_as_written_and_inflected_only(tmp_path):
    config = tmp_path / "mtcheck.toml"
    config.write_text("no-variants = true\n", encoding="utf-8")

    def texts(*options):
        matches = _scan(tmp_path, "mm,de,Massenmobilisierung,preferred\nvf,de,Vaterländische Front,preferred\n",
                        "Die Mobilisierung der Massen, die Massen-Mobilisierung und die Massenmobilisierungen.\n"
                        "Die Vaterländische Front (VF) tagte; die VF wählte.\n", "de", *options)
        return [m["text"] for m in matches]

    every = ["Mobilisierung der Massen", "Massen-Mobilisierung", "Massenmobilisierungen", "Vaterländische Front", "VF"]
    assert texts("--isolated") == every
    assert texts("--isolated", "--no-variants") == ["Massenmobilisierungen", "Vaterländische Front"]
    assert texts("--config", config) == ["Massenmobilisierungen", "Vaterländische Front"]


def test_a_term_with_a_modifier_inserted_inside_is_found(tmp_path):
    terms = "sec,de,Sicherheit des Systems,preferred\nmm,en,skilled mass mobilization,preferred\n"
    german = ("Die Sicherheit des neuen Systems ist hoch, die Sicherheit des Systems auch.\n"
              "Die Sicherheit des und Systems.\n")
    english = "The skilled mass popular mobilization, and the skilled mass, mobilization.\n"

    def found(text, lang, *options):
        return [(m["text"], m.get("variant")) for m in _scan(tmp_path, terms, text, lang, "--isolated", *options)
                if "within" not in m]

    assert found(german, "de") == [("Sicherheit des neuen Systems", "inserted"), ("Sicherheit des Systems", None)]
    assert found(english, "en") == [("skilled mass popular mobilization", "inserted")]
    assert found(german, "de", "--no-variants") == [("Sicherheit des Systems", None)]


def test_a_term_is_found_with_any_form_of_its_article():
    matcher = Matcher(Glossary((Concept("ah", (Term("hiérarchie du compte", "fr", Status.PREFERRED),
                                               Term("Sicherheit des Systems", "de", Status.PREFERRED),
                                               Term("cuenta del usuario", "es", Status.PREFERRED))),)))

    def found(text, lang):
        return [m.text for m in matcher.matches(Segment(text, "t", 1, 1), lang)]

    assert found("La hiérarchie de comptes et la hiérarchie des comptes.", "fr") == [
        "hiérarchie de comptes", "hiérarchie des comptes"]
    assert found("Die Sicherheit der Systeme und die Sicherheit dem Systeme.", "de") == [
        "Sicherheit der Systeme", "Sicherheit dem Systeme"]
    assert found("La cuenta de usuario.", "es") == ["cuenta de usuario"]
    assert found("La hiérarchie par comptes.", "fr") == []  # another preposition is another phrase


def test_a_bare_complement_keeps_the_terms_number():
    """A Romance term's complement without an article („movilización de masas", „gestion de
    conteneurs") is in the term's number: the head takes the sentence's number, the complement
    does not. One with an article refers to the things at hand and takes their number (above:
    „hiérarchie du compte", „hiérarchie de comptes")."""
    matcher = Matcher(Glossary((Concept("mm", (Term("movilización de masas", "es", Status.PREFERRED),
                                               Term("gestion de conteneurs", "fr", Status.PREFERRED),
                                               Term("conta de serviço", "pt", Status.PREFERRED))),)))

    def found(text, lang):
        return [m.text for m in matcher.matches(Segment(text, "t", 1, 1), lang)]

    assert found("Las movilizaciones de masas y la movilización de masa.", "es") == ["movilizaciones de masas"]
    assert found("Les gestions de conteneurs, la gestion de conteneur.", "fr") == ["gestions de conteneurs"]
    assert found("As contas de serviço e a conta de serviços.", "pt") == ["contas de serviço"]


def test_a_bare_singular_complement_for_a_terms_plural_with_an_article_is_a_kind():
    """„mobilisation des masses" mobilises the masses; „mobilisation de masse", its complement
    bare and in the singular, is mobilisation of a kind (mass-scale), another phrase. The term
    with its complement bare in the plural, or with an article in either number, stays the term
    (the article's complement takes the sentence's number: „hiérarchie de comptes")."""
    matcher = Matcher(Glossary((Concept("mm", (Term("mobilisation des masses", "fr", Status.PREFERRED),
                                               Term("mobilização das massas", "pt", Status.PREFERRED))),)))

    def found(text, lang):
        return [m.text for m in matcher.matches(Segment(text, "t", 1, 1), lang)]

    assert found("La mobilisation de masse, la mobilisation de masses, la mobilisation des masses.", "fr") == [
        "mobilisation de masses", "mobilisation des masses"]
    assert found("A mobilização de massa e a mobilização da massa.", "pt") == ["mobilização da massa"]


def test_a_complement_is_read_after_the_first_link_word_in_any_of_its_forms():
    """„gestión del sistema de archivos": the complement begins at „del", the link with its
    article fused, so it is no bare complement, whatever link follows inside it."""
    from mtcheck.language import analyzer_for, complement

    spanish = analyzer_for("es")
    assert complement(spanish, ["movilización", "de", "masas"]) == (True, (True,))
    assert complement(spanish, ["movilización", "de", "las", "masas"]) == (False, (True,))
    assert complement(spanish, ["gestión", "del", "sistema", "de", "archivos"]) == (False, (False, True))
    assert complement(spanish, ["movilización", "masiva"]) is None


@pytest.mark.parametrize("lang,term,text,expected", [
    # "&" between two words of a name and the language's "and" are one name written two ways
    ("en", "Profit & Loss", "The Profit and Loss report, the Profit & Loss one; profit, loss.",
     [("Profit and Loss", "spelled out"), ("Profit & Loss", "")]),
    ("en", "drag and drop", "Drag & drop it, or drag and drop it.", [("Drag & drop", "ampersand"), ("drag and drop", "")]),
    ("de", "Gewinn & Verlust", "Gewinn und Verlust, Gewinn & Verlust.",
     [("Gewinn und Verlust", "spelled out"), ("Gewinn & Verlust", "")]),
    # another language's "and" is not this one's, nor is another word
    ("de", "Gewinn & Verlust", "Gewinn and Verlust, Gewinn oder Verlust.", []),
])
def test_an_ampersand_and_the_languages_and_are_one_name(lang, term, text, expected):
    glossary = Glossary((Concept("c", (Term(term, lang, Status.PREFERRED),)),))
    found = Matcher(glossary).matches(Segment(text, "t.txt", 1, lang=lang))
    assert [(m.text, m.variant) for m in found] == expected
