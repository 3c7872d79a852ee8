"""Guards against over-matching: a stem or a compound part alone does not make two words one
term; what the language's dictionary tells apart stays apart."""
from __future__ import annotations

import pytest

from mtcheck.engine import Checker
from mtcheck.matching import Matcher
from mtcheck.model import Concept, Glossary, Segment, Status, Term
from mtcheck.rules import ALL_RULES

TERMS = {
    "print": [("de", "drucken"), ("en", "print")],
    "book": [("de", "Buch")],
    "account": [("de", "Konto"), ("pl", "konto")],
    "security": [("de", "Sicherheit")],
    "and": [("de", "And")],
    "preferences": [("de", "Einstellungen"), ("en", "preferences"), ("fr", "préférences")],
    "backup": [("fr", "sauvegarde")],
    "ask": [("fr", "demande")],
    "commodity": [("fr", "produit")],
    "voided": [("fr", "annulé")],
    "stock": [("es", "Existencias")],
    "asset": [("es", "activo")],
    "import": [("es", "importar")],
    "split": [("es", "partida")],
    "order": [("es", "pedido")],
    "access": [("en", "access")],
    "positive": [("en", "positive")],
    "custom": [("en", "custom")],
    "normal": [("de", "normal")],
    "example": [("de", "Beispiel")],
    "ready": [("de", "bereit")],
    "invoice": [("de", "Rechnung"), ("en", "invoice")],
    "transaction": [("de", "Buchung")],
}


def _glossary() -> Glossary:
    return Glossary(tuple(Concept(cid, tuple(Term(text, lang, Status.PREFERRED) for lang, text in terms))
                          for cid, terms in TERMS.items()))


@pytest.fixture(scope="module")
def found():
    matcher = Matcher(_glossary())

    def run(lang: str, text: str) -> list[tuple[str, str]]:
        return [(m.concept.id, m.text) for m in matcher.matches(Segment(text, "t.txt", 1, lang=lang))]
    return run


NOT_THE_TERM = [
    # umlauts tell German words apart: drücken (press) is not drucken (print)
    ("de", "Drücken Sie die Eingabetaste."),
    # a stem the dictionary says belongs to another word
    ("de", "Das Konto muss sich ändern."),
    ("de", "Wählen Sie andere Konten."),
    # verbs are not their nouns, and the other way round
    ("de", "Bitte einstellen."),
    ("fr", "Vous pouvez sauvegarder le fichier."),
    ("fr", "Il faut demander à l'utilisateur."),
    ("fr", "Une erreur s'est produite."),
    ("fr", "Voulez-vous annuler les modifications ?"),
    ("es", "El archivo existente."),
    ("es", "El registro está activado."),
    ("es", "El importe de la factura."),
    ("es", "En la parte superior."),
    ("es", "Debe pedir la contraseña."),
    # English derivations
    ("en", "Accessibility options"),
    ("en", "I prefer the old layout."),
    ("en", "Positioning the window"),
    ("en", "Customer report"),
    # derivational suffixes are no compounds' other part
    ("de", "Normalerweise wird die Datei gespeichert."),
    ("de", "beispielsweise eine Datei"),
    ("de", "die Bereitschaft der Nutzer"),
    # a word that merely ends like the term is not a compound of it
    ("de", "Die Berechnung der Zinsen."),
]


@pytest.mark.parametrize("lang,text", NOT_THE_TERM, ids=[t[:40] for _, t in NOT_THE_TERM])
def test_not_the_term(found, lang, text):
    assert [hit for hit in found(lang, text) if hit[0] != "account"] == []


STILL_THE_TERM = [
    ("de", "Drucken Sie die Rechnung.", [("print", "Drucken"), ("invoice", "Rechnung")]),
    # inflection that umlauts, and inflection the stemmer does not conflate
    ("de", "Alle Bücher und Konten", [("book", "Bücher"), ("account", "Konten")]),
    ("de", "des Kontos", [("account", "Kontos")]),
    ("de", "Die Einstellung der Sicherheit", [("preferences", "Einstellung"), ("security", "Sicherheit")]),
    ("fr", "La sauvegarde et les demandes", [("backup", "sauvegarde"), ("ask", "demandes")]),
    ("fr", "Les produits annulés", [("commodity", "produits"), ("voided", "annulés")]),
    ("es", "Las existencias y los activos", [("stock", "existencias"), ("asset", "activos")]),
    ("es", "Los pedidos y las partidas", [("order", "pedidos"), ("split", "partidas")]),
    ("pl", "w koncie", [("account", "koncie")]),
    # a lemma's forms that share too little of the term's word are not it
    ("pl", "mojej konta", [("account", "konta")]),
    ("en", "The customs and the preferences", [("custom", "customs"), ("preferences", "preferences")]),
    # compounds: the term as first part, and as the head (last part)
    ("de", "Die Rechnungsreihenfolge", [("invoice", "Rechnungsreihenfolge")]),
    ("de", "Ein Beispielsatz", [("example", "Beispielsatz")]),
    ("de", "Öffnen Sie die Systemeinstellungen.", [("preferences", "Systemeinstellungen")]),
    ("de", "Alle Gegenbuchungen", [("transaction", "Gegenbuchungen")]),
]


@pytest.mark.parametrize("lang,text,expected", STILL_THE_TERM, ids=[t[:40] for _, t, _ in STILL_THE_TERM])
def test_still_the_term(found, lang, text, expected):
    assert found(lang, text) == expected


def test_a_compound_with_the_term_as_head_renders_it():
    """GL004: the source's term rendered as the last part of a target compound is rendered."""
    checker = Checker(_glossary(), ALL_RULES)
    pairs = [("Open the system preferences.", "Öffnen Sie die Systemeinstellungen."),
             ("Open the preferences.", "Öffnen Sie das Fenster.")]
    segments = [Segment(target, "t.xlf", n, id=str(n), lang="de", source=source, source_lang="en")
                for n, (source, target) in enumerate(pairs, 1)]
    missing = [f for f in checker.check("t.xlf", segments, "de") if f.rule == "GL004"]
    assert [f.location.segment for f in missing] == ["2"]


SYMBOLS = {"c": "C", "cpp": "C++", "csharp": "C#", "tcp": "TCP/IP", "none": "(none)", "net": ".NET",
           "ip": "Internet Protocol (IP)", "pl": "Profit & Loss", "save": "Save As…", "button": 'the "OK" button',
           "word": "Microsoft® Word"}


@pytest.mark.parametrize("text,expected", [
    # a word with "+" or "#" after it is another word: the language C is not in C++ or C#
    ("Write it in C++ or in C#, not in C.", [("cpp", "C++"), ("csharp", "C#"), ("c", "C")]),
    # the symbols between the words are the term's: "TCP, IP" is two words listed
    ("Both TCP, IP and TCP/IP run.", [("tcp", "TCP/IP")]),
    ("A profit, loss and Profit & Loss.", [("pl", "Profit & Loss")]),
    # around the words: brackets and a leading dot are written too, and taken in
    ("Pick (none) or none.", [("none", "(none)")]),
    ("Use .NET, not the net.", [("net", ".NET")]),
    ("the Internet Protocol (IP) and the Internet Protocol.", [("ip", "Internet Protocol (IP)")]),
    # what a sentence writes around a term is not the term's: the ellipsis of a menu item
    ("Use Save As to keep it.", [("save", "Save As")]),
    # quotation marks are the writer's: any pair stands for the term's
    ("Press the „OK“ button.", [("button", "the „OK“ button")]),
    # the marks of a name's owner are the writer's to leave out or add
    ("Open Microsoft Word or Microsoft® Word™.", [("word", "Microsoft Word"), ("word", "Microsoft® Word")]),
])
def test_a_terms_symbols_are_written_as_the_term_writes_them(text, expected):
    glossary = Glossary(tuple(Concept(cid, (Term(term, "en", Status.PREFERRED),)) for cid, term in SYMBOLS.items()))
    found = Matcher(glossary).matches(Segment(text, "t.txt", 1, lang="en"))
    assert [(m.concept.id, m.text) for m in found] == expected


def test_a_fix_replaces_the_term_with_its_symbols(cli, tmp_path):
    """The deprecated „Internet Protocol (IP)" is replaced whole, its closing bracket too: no
    stray bracket after the preferred term."""
    glossary = tmp_path / "g.csv"
    glossary.write_text("concept,lang,term,status\nip,en,Internet Protocol (IP),deprecated\nip,en,IP,preferred\n",
                        encoding="utf-8")
    text = tmp_path / "t.txt"
    text.write_text("We route over the Internet Protocol (IP) daily.\n", encoding="utf-8")
    cli("check", "--glossary", str(glossary), "--lang", "en", "--fix", str(text))
    assert text.read_text(encoding="utf-8") == "We route over the IP daily.\n"


@pytest.mark.parametrize("lang,terms,text,expected", [
    # a hyphenated word the dictionary knows whole is a word of its own, not its parts
    ("en", ["mail", "log", "time"], "Send an e-mail, log-in in real-time, read the mail and the log on time.",
     ["mail", "log", "time"]),
    ("fr", ["ciel"], "Un arc-en-ciel dans le ciel.", ["ciel"]),
    # one it does not know is words joined: a web page is a page
    ("en", ["page"], "Open the web-page.", ["page"]),
    # in a language that compounds, a hyphen joins a compound's parts: each is a word, as in „Nettoverlust"
    ("de", ["netto", "Verlust"], "Der Netto-Verlust steigt.", ["Netto", "Verlust"]),
])
def test_a_hyphenated_word_the_dictionary_knows_is_one_word(lang, terms, text, expected):
    glossary = Glossary(tuple(Concept(term, (Term(term, lang, Status.PREFERRED),)) for term in terms))
    assert [m.text for m in Matcher(glossary).matches(Segment(text, "t.txt", 1, lang=lang))] == expected
