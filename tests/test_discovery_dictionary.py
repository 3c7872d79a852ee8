"""Discovery by a bilingual dictionary: a word that fits a term's word only by its spelling, or
by a stem too short to tell two words apart, is no rendering of it where the dictionary knows
the word as something else."""
from __future__ import annotations

from tests.test_bilingual import write_dictionary
from tests.test_discovery import flagged_in

GERMAN = ("principal-payment,en,principal payment,preferred\n"
          "principal-payment,de,Tilgung,preferred\n")
FRENCH = ("principal-payment,en,principal payment,preferred\n"
          "principal-payment,fr,remboursement du principal,preferred\n")


def test_a_word_the_dictionary_knows_otherwise_is_no_spelling_of_the_terms(tmp_path, dictionaries):
    """„Patienten" is spelt much like 'payment', which the dictionary translates otherwise; it
    is a word of its own ('patient'), so „ersten Patienten" renders no principal payment once
    the dictionary has it (before, it may be the term's word as German spells it). „erste
    Zahlung" does, word for word."""
    write_dictionary(dictionaries, "freedict-eng-deu", [
        ("principal", "principal /prinsəpl/ <adj>\nerster, wichtigster\n"),
        ("payment", "payment /peimənt/ <n>\nZahlung, Bezahlung\n")])
    text = ("Die ersten Patienten kamen am Montag.\nDie ersten Patienten gingen am Freitag.\n"
            "Die erste Zahlung kam am Montag.\nDie erste Zahlung ging am Freitag.\n")
    before = flagged_in(tmp_path, GERMAN, "de", text)
    assert {("ersten Patienten", "principal-payment"), ("erste Zahlung", "principal-payment")} <= before
    write_dictionary(dictionaries, "freedict-deu-eng", [("patient", "Patient <n>\npatient\n")])
    after = flagged_in(tmp_path, GERMAN, "de", text)
    assert ("ersten Patienten", "principal-payment") not in after
    assert ("erste Zahlung", "principal-payment") in after


def test_a_short_stem_shared_with_a_translation_is_no_form_of_it(tmp_path, dictionaries):
    """French „pays" (country) and „paye" (pay) share three letters, as a stemmer cuts them:
    „pays principaux" is no principal payment. „payes principales" is, a form of the
    dictionary's own word; so is „règlements principaux", whose lemma the dictionary gives."""
    write_dictionary(dictionaries, "freedict-eng-fra", [
        ("principal", "principal /prinsəpl/ <adj>\nprincipal\n"),
        ("payment", "payment /peimənt/ <n>\npaye, règlement\n")])
    write_dictionary(dictionaries, "freedict-fra-eng", [("pays", "pays <n, masc>\ncountry, land\n")])
    text = ("Les pays principaux votent.\nLes pays principaux signent.\n"
            "Les payes principales tombent.\nLes payes principales montent.\n"
            "Les règlements principaux tombent.\nLes règlements principaux montent.\n")
    found = flagged_in(tmp_path, FRENCH, "fr", text)
    assert not any(form.startswith("pays") for form, _ in found)
    assert {("payes principales", "principal-payment"),
            ("règlements principaux", "principal-payment")} <= found


def test_a_names_adjective_is_the_name_as_the_dictionary_has_it(tmp_path, dictionaries):
    """„vietnamesisch" is 'Vietnamese' in the dictionary, the name's adjective: „Vietnamesische
    Vaterlandsfront" renders Vietnam Fatherland Front word for word."""
    glossary = ("vff,en,Vietnam Fatherland Front,preferred\n"
                "vff,de,Vaterländische Front Vietnams,preferred\n")
    write_dictionary(dictionaries, "freedict-eng-deu", [
        ("fatherland", "fatherland /fɑːðəlænd/ <n>\nVaterland\n"), ("front", "front /frʌnt/ <n>\nFront\n"),
        ("vietnam", "Vietnam /vjetnæm/ <n>\nVietnam\n")])
    write_dictionary(dictionaries, "freedict-deu-eng", [("vietnamesisch", "vietnamesisch <adj>\nVietnamese\n")])
    text = "Die Vietnamesische Vaterlandsfront tagt.\nDie Vietnamesische Vaterlandsfront wählt.\n"
    assert ("Vietnamesische Vaterlandsfront", "vff") in flagged_in(tmp_path, glossary, "de", text)


def test_a_things_term_is_not_the_dictionarys_verb_for_the_whole_phrase(tmp_path, dictionaries):
    """The dictionary gives 'sign off' as the verb „Schluss machen", whose noun alone, „Schlüsse"
    (conclusions), is no sign-off; the glossary gives no part of speech, so the term names a
    thing. 'load balancer' is the noun „Lastverteiler" in the same dictionary, a rendering."""
    glossary = ("sign-off,en,sign off,preferred\nsign-off,de,Freigabe,preferred\n"
                "load-balancer,en,load balancer,preferred\nload-balancer,de,Lastausgleich,preferred\n")
    write_dictionary(dictionaries, "freedict-eng-deu", [
        ("sign off", "sign off /saɪn ɒf/ <v>\nSchluss machen\n"),
        ("load balancer", "load balancer /ləʊd bælənsə/ <n>\nLastverteiler\n")])
    text = ("Die Schlüsse sind klar.\nDie Schlüsse sind falsch.\n"
            "Der Lastverteiler läuft.\nDer Lastverteiler steht.\n")
    found = flagged_in(tmp_path, glossary, "de", text)
    assert ("Lastverteiler", "load-balancer") in found
    assert not any(concept == "sign-off" for _, concept in found)
