"""Markup, placeholders and code are not prose: no term is found inside them, and positions
stay exact. UI mnemonics inside a word do not block its match."""
from __future__ import annotations

import pytest

from mtcheck.language import PLACEHOLDER, mask_protected
from mtcheck.matching import Matcher
from mtcheck.model import Concept, Glossary, Segment, Status, Term

TERMS = {
    "media": [("en", "media")],
    "desktop": [("en", "desktop")],
    "application": [("en", "application")],
    "help": [("en", "help")],
    "glossary": [("en", "glossary")],
    "account": [("de", "Konto"), ("en", "account")],
    "bank": [("de", "Bank")],
    "file": [("de", "Datei")],
    "description": [("de", "Beschreibung"), ("pl", "Opis"), ("en", "Description")],
    "date": [("de", "Datum")],
    "account-hierarchy": [("de", "Kontenhierarchie"), ("en", "account hierarchy")],
}


@pytest.fixture(scope="module")
def found():
    matcher = Matcher(Glossary(tuple(Concept(cid, tuple(Term(text, lang, Status.PREFERRED) for lang, text in terms))
                                     for cid, terms in TERMS.items())))

    def run(lang: str, text: str) -> list[tuple[str, str]]:
        matches = matcher.matches(Segment(text, "t.txt", 1, lang=lang))
        for m in matches:  # the reported place holds the reported text
            assert text[m.start:m.end] == m.text
        return [(m.concept.id, m.text) for m in matches]
    return run


MASKED = [
    # PO placeholders of itstool (Mallard/DocBook in PO files)
    ("en", "<_:media-1/> Click the media button.", [("media", "media")]),
    # text inside code and input elements
    ("de", "Geben Sie <input>Konto</input> ein, um ein Konto anzulegen.", [("account", "Konto")]),
    ("en", "Run <code>gnucash --help</code> for help.", [("help", "help")]),
    # escaped XML samples
    ("de", "Fügen Sie &lt;bank name=\"x\"/&gt; in die Datei ein.", [("file", "Datei")]),
    # file names and paths
    ("en", "Copy myapplication1.desktop to your desktop.", [("desktop", "desktop")]),
    ("en", "Save it in ~/.local/share/applications/ for the application.", [("application", "application")]),
    # key=value lines
    ("en", "Type=Application\nIcon=desktop\nThe application starts.", [("application", "application")]),
    ("en", "N=374 applications", [("application", "applications")]),
    # command lines and their options
    ("en", "$ mtcheck check --glossary terms.csv docs\nThe glossary is read first.", [("glossary", "glossary")]),
    ("en", "Use --help or read the help.", [("help", "help")]),
    # reStructuredText (Sphinx) roles: code roles whole; the text of a reference to prose stays prose
    ("en", "Pass an :class:`application` object to :func:`help`; see the :term:`application "
           "<app-glossary>` entry.", [("application", "application")]),
    # reStructuredText literals: double backticks, prose between two of them stays prose
    ("en", "Calls ``help`` with the desktop application and ``media``.", [("desktop", "desktop"),
                                                                           ("application", "application")]),
    # a reference's text is prose, its role, target and closing backtick are not
    ("en", "Raises an :ref:`help event <auditing>` ``os.utime`` with the application ``path``.",
     [("help", "help"), ("application", "application")]),
    # shell and template variables
    ("en", "The hook gets $MEDIA and ${desktop}; the media stay.", [("media", "media")]),
]


@pytest.mark.parametrize("lang,text,expected", MASKED, ids=[t[:40] for _, t, _ in MASKED])
def test_markup_and_code_are_not_prose(found, lang, text, expected):
    assert found(lang, text) == expected


PROSE = [
    # what looks a little like code but is prose: every term found
    ("de", "Soll/Haben der Bank und die Datei, z.B. das Konto.", [("bank", "Bank"), ("file", "Datei"), ("account", "Konto")]),
    ("en", "The application=the desktop? No: help, media.", [("application", "application"), ("desktop", "desktop"),
                                                            ("help", "help"), ("media", "media")]),
    ("de", "Ende.Die Datei ist 5 < 6 und 7 > 3 groß; Bank & Konto.", [("file", "Datei"), ("bank", "Bank"), ("account", "Konto")]),
    ("en", "help - media", [("help", "help"), ("media", "media")]),
    ("en", "US$ 5 for the application, $5 for help.", [("application", "application"), ("help", "help")]),
]


@pytest.mark.parametrize("lang,text,expected", PROSE, ids=[t[:40] for _, t, _ in PROSE])
def test_prose_is_not_masked(found, lang, text, expected):
    assert found(lang, text) == expected


def test_masking_keeps_every_position():
    for _, text, _ in MASKED + PROSE:
        masked = mask_protected(text)
        assert len(masked) == len(text)
        assert all(m == t or m == PLACEHOLDER for m, t in zip(masked, text))


MNEMONICS = [
    ("de", "Be_schreibung", [("description", "Be_schreibung")]),
    ("de", "&Datei öffnen", [("file", "Datei")]),
    ("de", "_Datum", [("date", "Datum")]),
    ("de", "Konten_hierarchie", [("account-hierarchy", "Konten_hierarchie")]),
    ("pl", "Op_is", [("description", "Op_is")]),
    ("en", "Descri_ption", [("description", "Descri_ption")]),
    ("de", "Dat&ei", [("file", "Dat&ei")]),
    # before a word of a term of several words: the word's, not punctuation between them
    ("en", "New Account _Hierarchy...", [("account-hierarchy", "Account _Hierarchy")]),
    ("en", "Account &Hierarchy", [("account-hierarchy", "Account &Hierarchy")]),
]


def test_a_marker_standing_alone_is_punctuation(found):
    assert found("en", "Account & Hierarchy") == [("account", "Account")]


@pytest.mark.parametrize("lang,text,expected", MNEMONICS, ids=[t for _, t, _ in MNEMONICS])
def test_mnemonics_inside_a_word_do_not_block_its_match(found, lang, text, expected):
    assert found(lang, text) == expected


def test_identifiers_joined_by_underscores_are_one_word(found):
    """snake_case names are code: their pieces are no terms."""
    assert found("en", "set media_help_desktop to 1") == []


def test_a_mnemonic_appended_to_a_cjk_label_is_not_part_of_its_word():
    from mtcheck.language import tokens

    assert [w for w, _, _ in tokens("描述_P")] == ["描", "述", "P"]  # each CJK character a word
    assert [w for w, _, _ in tokens("Descri_ption")] == ["Descri_ption"]


def test_a_term_written_like_a_file_name_is_found_where_the_text_writes_it():
    """„Node.js" and „Booking.com" look like file names, which are masked as code; a glossary
    that holds them names things, found in prose as the glossary writes them. Inside a URL or
    a path the mask stays, and a file name that is no term stays masked."""
    glossary = Glossary((Concept("node", (Term("Node.js", "en", Status.PREFERRED),)),
                         Concept("booking", (Term("Booking.com", "en", Status.PREFERRED),)),
                         Concept("setup", (Term("setup", "en", Status.PREFERRED),))))
    text = ("Install Node.js, then book on booking.com; see https://example.org/Node.js "
            "and /opt/app/node.js, and run setup.py now.")
    found = Matcher(glossary).matches(Segment(text, "t.txt", 1, lang="en"))
    assert [(m.concept.id, m.text, m.start) for m in found] == [
        ("node", "Node.js", 8), ("booking", "booking.com", 30)]
