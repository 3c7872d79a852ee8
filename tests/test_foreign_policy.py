"""Foreign renderings a user can trust: only terms of the likely leak languages, never an
ordinary word of the text's language, never a short word, never a name the text's language
writes the same."""
import pytest

from mtcheck.engine import Checker
from mtcheck.matching import Matcher
from mtcheck.model import Concept, Glossary, Segment, Status, Term
from mtcheck.rules import select_rules

DAN_VAN = Concept("dan-van", (
    Term("dân vận", "vi", Status.PREFERRED), Term("mass mobilization", "en"), Term("Massenmobilisierung", "de"),
    Term("massemobilisering", "nb"), Term("kitle seferberliği", "tr")))
GLOSSARY = Glossary((DAN_VAN,), source_lang="vi")
TEXT = "Massenmobilisierung, massemobilisering, kitle seferberliği und mass mobilization"


def foreign(glossary, lang, text, langs=None):
    matcher = Matcher(glossary).for_language(lang, None if langs is None else frozenset(langs))
    return [(m.text, m.term.lang) for m in matcher.matches(Segment(text, "t", 1, lang=lang)) if m.foreign]


def test_only_the_terms_of_the_leak_languages_are_foreign():
    assert foreign(GLOSSARY, "de", TEXT, {"en"}) == [("mass mobilization", "en")]
    assert foreign(GLOSSARY, "de", TEXT, {"nb", "tr"}) == [("massemobilisering", "nb"), ("kitle seferberliği", "tr")]
    assert len(foreign(GLOSSARY, "de", TEXT)) == 3  # the matcher alone: every language


def test_a_run_takes_its_source_languages_and_english_by_default():
    def reported(segment, glossary=GLOSSARY, **options):
        checker = Checker(glossary, select_rules(["GL003"]), **options)
        return [f.data["term"] for f in checker.check("t.txt", [segment], "de")]

    text = TEXT + " und dân vận khéo"
    assert reported(Segment(text, "t.txt", 1, lang="de")) == ["mass mobilization", "dân vận"]  # en, the glossary's vi
    # a bilingual file's source language leaks too
    bilingual = Segment(text, "t.xlf", 1, lang="de", source="massemobilisering", source_lang="nb")
    assert reported(bilingual) == ["massemobilisering", "mass mobilization", "dân vận"]
    assert reported(Segment(text, "t.txt", 1, lang="de"), source_lang="tr") == [
        "kitle seferberliği", "mass mobilization", "dân vận"]
    assert reported(Segment(text, "t.txt", 1, lang="de"), foreign_langs=["nb"]) == ["massemobilisering"]


@pytest.mark.parametrize("lang,text,term,term_lang", [
    ("es", "los lotes de la cuenta", "Los", "de"),             # Spanish article, German "Los" (lot)
    ("fr", "le journal des opérations", "Journal", "de"),      # French "journal", German register
    ("fr", "ma facture", "Ma", "pl"),                           # French "ma", Polish "Ma" (credit)
    ("de", "die Mobilisierung in der Front", "in", "vi"),       # German "in", Vietnamese "in" (print)
    ("cs", "vláda se na to dívá", "se", "en"),                  # Czech "se"
])
def test_an_ordinary_word_of_the_text_language_is_not_foreign(lang, text, term, term_lang):
    glossary = Glossary((Concept("c", (Term(term, term_lang), Term("Massenmobilisierung", "de" if lang != "de" else "nb"))),))
    assert foreign(glossary, lang, text, {term_lang}) == []


def test_a_word_the_text_language_does_not_know_is_foreign():
    glossary = Glossary((Concept("account", (Term("konto", "pl"), Term("account", "en"))),))
    assert foreign(glossary, "pl", "Nowe account w banku", {"en"}) == [("account", "en")]


def test_a_short_word_is_too_common_to_be_foreign_unless_written_in_capitals():
    glossary = Glossary((
        Concept("people", (Term("dân", "vi"), Term("Volk", "de"))),
        Concept("pos", (Term("POS", "en"), Term("punkt sprzedaży", "pl"))),
        Concept("gap", (Term("gpm", "en"), Term("luka", "pl"))),
    ))
    assert foreign(glossary, "de", "das Dân im Lande", {"vi"}) == []
    assert foreign(glossary, "pl", "Terminal POS i gpm", {"en"}) == [("POS", "en")]
    dan_van = Glossary((DAN_VAN,))
    assert foreign(dan_van, "de", "die Dân vận der Front", {"vi"}) == [("Dân vận", "vi")]  # several words


def test_a_name_written_the_same_in_the_text_language_is_not_foreign():
    glossary = Glossary((
        Concept("gnucash", (Term("GnuCash", "en"), Term("GnuCash", "de"))),
        Concept("irc", (Term("Internet Relay Chat", "en"), Term("Internet Relay Chat", "de"))),
    ))
    assert foreign(glossary, "de", "GnuCash und Internet Relay Chat", {"en"}) == []


def test_the_leak_languages_come_from_the_command_line_or_the_configuration(tmp_path, cli, cli_json):
    glossary = tmp_path / "g.csv"
    glossary.write_text("concept,lang,term,status\n"
                        "dan-van,de,Massenmobilisierung,preferred\n"
                        "dan-van,en,mass mobilization,preferred\n"
                        "dan-van,nb,massemobilisering,preferred\n", encoding="utf-8")
    text = tmp_path / "t.txt"
    text.write_text("Die massemobilisering und die mass mobilization.\n", encoding="utf-8")

    def terms(*options):
        code, report, err = cli_json("check", str(text), "-g", str(glossary), "--lang", "de", "--select", "GL003",
                                     *options)
        return [f["data"]["term"] for f in report["findings"]]

    assert terms("--isolated") == ["mass mobilization"]
    assert terms("--isolated", "--foreign-langs", "nb") == ["massemobilisering"]
    assert terms("--isolated", "--foreign-langs", "nb,en") == ["massemobilisering", "mass mobilization"]
    (tmp_path / "mtcheck.toml").write_text('foreign-langs = ["nb"]\n', encoding="utf-8")
    assert terms() == ["massemobilisering"]
    (tmp_path / "mtcheck.toml").write_text('lang = "de"\nforeign-langs = ["nb", "x y"]\n', encoding="utf-8")
    code, _, err = cli("check", str(text), "-g", str(glossary), "--select", "GL003")
    assert code == 2 and "mtcheck.toml:2:" in err and "foreign-langs" in err


def test_fix_fixes_the_foreign_renderings_check_reports(tmp_path):
    """--fix judges foreign renderings by the same languages as the check: --foreign-langs."""
    from tests.conftest import run_cli

    glossary = tmp_path / "g.csv"
    glossary.write_text("concept,lang,term,status\nmm,en,skilful mass mobilisation,preferred\n"
                        "mm,de,Geschickte Massenmobilisierung,preferred\nmm,vi,Dân vận khéo,preferred\n", encoding="utf-8")
    text = tmp_path / "t.txt"
    original = "Die Bewegung Dân vận khéo wächst.\n"
    text.write_text(original, encoding="utf-8")
    code, _, err = run_cli("check", text, "-g", glossary, "--lang", "de", "--fix")
    assert text.read_text(encoding="utf-8") == original, err  # Vietnamese is no likely leak by default
    code, _, err = run_cli("check", text, "-g", glossary, "--lang", "de", "--fix", "--foreign-langs", "vi")
    assert text.read_text(encoding="utf-8") == "Die Bewegung Geschickte Massenmobilisierung wächst.\n", err
    assert code == 0, err


def test_an_english_term_left_in_the_text_in_englishs_plural_is_foreign():
    """„Nodes", „Repositories", „Stashes" left in a German text are the English terms, in
    English's regular plural; not the plural of another language's term („fichiers"), nor of a
    stem under three letters („Bus" is no plural of an English "bu"), nor in an English text,
    whose own terms they are."""
    glossary = Glossary((
        Concept("node", (Term("node", "en", Status.PREFERRED), Term("Knoten", "de"))),
        Concept("repository", (Term("repository", "en", Status.PREFERRED), Term("Archiv", "de"))),
        Concept("stash", (Term("stash", "en", Status.PREFERRED), Term("Zwischenspeicher", "de"))),
        Concept("file", (Term("fichier", "fr", Status.PREFERRED), Term("Datei", "de"))),
        Concept("us", (Term("bu", "en", Status.PREFERRED), Term("Bus", "de"))),
    ))
    text = "Die Nodes und Repositories, die Stashes, die fichiers und ein Bus."
    assert foreign(glossary, "de", text) == [("Nodes", "en"), ("Repositories", "en"), ("Stashes", "en")]
    assert foreign(glossary, "en", "The nodes and repositories.") == []


def test_english_adds_es_for_its_plural_after_a_sibilant_only():
    """„Prefixes", „Mailboxes", „Switches", „Stashes" left in a French text are 'prefix',
    'mailbox', 'switch', 'stash' in English's plural; „selles" (stools) is a French word, no plural of 'sell', which English
    writes „sells"."""
    glossary = Glossary(tuple(
        Concept(en, (Term(en, "en", Status.PREFERRED), Term(fr, "fr")))
        for en, fr in (("prefix", "préfixe"), ("mailbox", "boîte"), ("switch", "commutateur"), ("stash", "remise"),
                       ("sell", "vendre"))))
    text = "Les Prefixes, les Mailboxes, les Switches et les Stashes ; les selles ; il sells."
    assert foreign(glossary, "fr", text) == [("Prefixes", "en"), ("Mailboxes", "en"), ("Switches", "en"),
                                             ("Stashes", "en"), ("sells", "en")]
