"""Discovery by a bilingual dictionary: a word that fits a term's word only by its spelling, or
by a stem too short to tell two words apart, is no rendering of it where the dictionary knows
the word as something else."""
from __future__ import annotations

from mtcheck.discovery import Discoverer
from mtcheck.glossary import load_glossary
from mtcheck.model import Segment
from tests.test_bilingual import write_dictionary
from tests.test_discovery import candidates_in, flagged_in

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


def test_a_phrase_that_begins_with_another_concepts_term_may_translate_a_kept_term(tmp_path, dictionaries):
    """„conteneur" is the glossary's French term for container; „conteneur runtime" begins with
    it and translates "Container Runtime", which the glossary keeps in English, word for word
    (the unknown 'runtime' kept): a rendering of the runtime, not only a container."""
    glossary = ("container,en,container,preferred\ncontainer,fr,conteneur,preferred\n"
                "container-runtime,en,Container Runtime,preferred\ncontainer-runtime,fr,Container Runtime,preferred\n")
    write_dictionary(dictionaries, "freedict-eng-fra", [("container", "container /kənteinə/ <n>\nconteneur\n")])
    text = ("Le conteneur runtime démarre les conteneurs.\nLe conteneur runtime arrête les conteneurs.\n"
            "Le Container Runtime lance les conteneurs.\n")
    assert ("conteneur runtime", "container-runtime") in flagged_in(tmp_path, glossary, "fr", text)


def test_a_phrase_after_a_term_goes_on_with_its_next_words_only(tmp_path, dictionaries):
    """„der Node Controller den Cloud-Anbieter": 'Controller' (the glossary's, kept) and
    'Cloud' translate "Cloud Controller Manager" but its head, in any order, but „den" stands
    between them — a clause's subject and object, no phrase of the name."""
    glossary = ("controller,en,Controller,preferred\ncontroller,de,Controller,preferred\n"
                "ccm,en,Cloud Controller Manager,preferred\nccm,de,Cloud-Controller-Manager,preferred\n")
    write_dictionary(dictionaries, "freedict-eng-deu", [
        ("cloud", "cloud /klaʊd/ <n>\nCloud, Wolke\n"), ("controller", "controller /kəntrəʊlə/ <n>\nController\n"),
        ("manager", "manager /mænɪdʒə/ <n>\nManager, Leiter\n")])
    text = ("Ist die Maschine krank, fragt der Node Controller den Cloud-Anbieter, ob sie läuft.\n"
            "Danach fragt der Node Controller den Cloud-Anbieter, ob sie gelöscht ist.\n")
    assert not any(form.startswith("Controller") for form in candidates_in(tmp_path, glossary, "de", text))


def test_a_terms_own_words_are_no_translation_of_it(tmp_path, dictionaries):
    """Where the glossary has no German term for "Service Account", `discover` proposes a
    rendering a dictionary gives („Dienstkonto", 'service' and 'account' joined), but not
    "Service Account" itself, though the dictionary gives 'Service' and 'Account' as German
    too: the English term left as it is, not translated."""
    path = tmp_path / "g.csv"
    path.write_text("concept,lang,term,status\nservice,en,Service,preferred\nservice,de,Service,preferred\n"
                    "service-account,en,Service Account,preferred\n", encoding="utf-8")
    write_dictionary(dictionaries, "freedict-eng-deu", [
        ("account", "account /əkaʊnt/ <n>\nAccount, Konto\n"), ("service", "service /sɜːvɪs/ <n>\nService, Dienst\n")])
    discoverer = Discoverer(load_glossary(path), new_terms=True)
    lines = ["Jedes Service Account Token läuft ab.", "Das Service Account Token wird erneuert.",
             "Ein Dienstkonto wird erstellt.", "Jedes Dienstkonto läuft ab."]
    for number, line in enumerate(lines, 1):
        discoverer.add(Segment(line, "t.txt", number, lang="de"))
    found = {(c.form, c.concept.id) for c in discoverer.accepted()}
    assert ("Dienstkonto", "service-account") in found
    assert not any(form.startswith("Service") for form, _ in found)
