"""A term that is a part of a compound another term matches is listed too, as the compound's
nested term (`within` in scan): Konto in Kontostand and Unterkonten, Datum in Buchungsdatum."""
from __future__ import annotations

from tests.conftest import run_cli_json

GLOSSARY = (
    "concept,lang,term,status\n"
    "account,de,Konto,preferred\n"
    "balance,de,Kontostand,preferred\n"
    "subaccount,de,Unterkonto,preferred\n"
    "transaction,de,Buchung,preferred\n"
    "date,de,Datum,preferred\n"
    "hierarchy,de,Kontenhierarchie,preferred\n"
)


def _scan(tmp_path, text):
    glossary = tmp_path / "g.csv"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    path = tmp_path / "t.txt"
    path.write_text(text + "\n", encoding="utf-8")
    code, report, err = run_cli_json("scan", path, "-g", glossary, "--lang", "de", "--isolated")
    assert code == 0, err
    return [(m["text"], m["concept"], (m.get("within") or {}).get("concept")) for m in report["matches"]]


def test_a_term_inside_a_compound_term_is_listed_within_it(tmp_path):
    assert _scan(tmp_path, "Der Kontostand aller Unterkonten wird angezeigt.") == [
        ("Kontostand", "balance", None), ("Konto", "account", "balance"),
        ("Unterkonten", "subaccount", None), ("konten", "account", "subaccount")]


def test_the_first_part_is_read_as_a_word_with_its_linking_element_apart(tmp_path):
    # Buchung|s|datum: the part is Buchung, not "Buchungs"; Konten|hierarchie: Konten, not "Kont"
    assert _scan(tmp_path, "Das Buchungsdatum steht in der Kontenhierarchie.") == [
        ("Buchungsdatum", "transaction", None), ("datum", "date", "transaction"),
        ("Kontenhierarchie", "hierarchy", None), ("Konten", "account", "hierarchy")]


def test_a_part_that_is_the_compounds_own_term_is_not_listed_again(tmp_path):
    assert _scan(tmp_path, "Alle Abschlussbuchungen sind gebucht.") == [
        ("Abschlussbuchungen", "transaction", None)]


def test_scan_says_which_part_of_a_compound_a_term_is_and_how_a_variant_is_spelt(tmp_path):
    glossary = tmp_path / "g.csv"
    glossary.write_text("concept,lang,term,status\n"
                        "account,de,Konto,preferred\n"
                        "settings,de,Einstellungen,preferred\n"
                        "cloud,de,Cloud-Speicher,preferred\n"
                        "mm,de,Massenmobilisierung,preferred\n", encoding="utf-8")
    path = tmp_path / "t.txt"
    path.write_text("Der Kontostand in den Systemeinstellungen, im Cloudspeicher und bei der "
                    "Massen-Mobilisierung.\n", encoding="utf-8")
    code, report, err = run_cli_json("scan", path, "-g", glossary, "--lang", "de", "--isolated")
    assert code == 0, err
    assert [(m["text"], m["compound"], m.get("compound_part"), m.get("variant")) for m in report["matches"]] == [
        ("Kontostand", True, "first", None), ("Systemeinstellungen", True, "last", None),
        ("Cloudspeicher", False, None, "closed up"), ("Massen-Mobilisierung", False, None, "opened up")]
