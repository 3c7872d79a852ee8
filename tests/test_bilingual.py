"""Bilingual dictionaries in the dict server's format (FreeDict, Debian's dict-freedict-*), and
what discovery makes of them: a rendering that translates a concept's term word for word where
the glossary keeps the term, or wants another rendering."""
from __future__ import annotations

import gzip

import pytest

from mtcheck.language import bilingual
from mtcheck.language.bilingual import lexicon, parse_dictd, untagged
from tests.conftest import run_cli
from tests.test_discovery import candidates_in, flagged_for_commit, gl006_in_po

_BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _b64(number: int) -> str:
    digits = ""
    while True:
        digits = _BASE64[number % 64] + digits
        number //= 64
        if not number:
            return digits


def write_dictionary(folder, name: str, entries: list[tuple[str, str]], compressed: bool = True) -> None:
    """A dictionary as dictfmt writes it: the entries' text, and an index of headword, offset
    and length in base 64, sorted; dictzip's output is a gzip file."""
    data, index = b"", []
    for headword, body in entries:
        raw = body.encode("utf-8")
        index.append(f"{headword}\t{_b64(len(data))}\t{_b64(len(raw))}")
        data += raw
    index.append(f"00databaseinfo\t{_b64(0)}\t{_b64(1)}")
    (folder / f"{name}.index").write_text("\n".join(sorted(index)) + "\n", encoding="utf-8")
    if compressed:
        (folder / f"{name}.dict.dz").write_bytes(gzip.compress(data, mtime=0))
    else:
        (folder / f"{name}.dict").write_bytes(data)


ENG_FRA = [
    ("node", "node /noud/\nnœud\n"),
    ("load", "load /loud/ <n>\ncharge\n"),
    ("balancer", "balancer /bælənsə/ <n>\nrépartiteur\n"),
    ("job", "job /dʒɔb/ <n>\n1. travail\n2. emploi, tâche\n3. poste\n"),
    ("label", "label /leibl/ <v>\nmarquer\n"),
]
FRA_ENG = [
    ("nœud", "nœud /nø/ <n, masc>\nknot, node\n"),
    ("étiquette", "étiquette /etikɛt/ <n, fem>\nlabel, tag\n"),
]


def test_entries_read_as_freedict_writes_them():
    """The first line is the headword; the first line of text and the numbered senses hold the
    translations; examples, notes, cross-references, grammar marks and stress marks are not
    translations; each translation keeps its part of speech."""
    entries = [
        ("node", "node /nˈəʊd/\nKnoten <masc>, Nodus <masc> [med.]\n      \"Tawara's node\"  - Aschoff-Tawara'scher "
                 "Knoten\n see: {nodes}\n\n"),
        ("service", "service /ˈsɜ:vɪs/\nI.  <N> 1.  służba\n 2.  [pocztowa]  usługa\nII.  <V> 3.  obsługiwać\n"),
        ("joke", "joke //d͡ʒoʊk// <n>\n1. candaan\namusing story\n2. lawak, lelucon\n"),
        ("london", "London /ˈlʌndən/ <pn>\n1. Ло́ндон\nin Canada\n"),
        ("skilled", "skilled /skˈɪld/\nFach…\n"),
    ]
    data, index = b"", []
    for headword, body in entries:
        raw = body.encode()
        index.append(f"{headword}\t{_b64(len(data))}\t{_b64(len(raw))}")
        data += raw
    parsed = parse_dictd("\n".join(index).encode(), data)
    assert [untagged(t) for t in parsed["node"]] == ["Knoten", "Nodus"]
    assert parsed["service"] == ("n\x1fsłużba", "n\x1fusługa", "v\x1fobsługiwać")
    assert [untagged(t) for t in parsed["joke"]] == ["candaan", "lawak", "lelucon"]
    assert [untagged(t) for t in parsed["london"]] == ["Лондон"]
    assert "skilled" not in parsed  # a prefix is no translation


def test_both_directions_merged_and_kept_in_the_cache(dictionaries, tmp_path):
    write_dictionary(dictionaries, "freedict-eng-fra", ENG_FRA)
    write_dictionary(dictionaries, "freedict-fra-eng", FRA_ENG, compressed=False)
    words = lexicon("en", "fr-FR")
    assert words.names == ("freedict-eng-fra", "freedict-fra-eng")
    # Read once, kept for both directions.
    assert len(list((tmp_path / "cache" / "dictionaries").glob("*.marisa"))) == 2
    assert words.translations("Node") == ("nœud",)
    assert words.translations("label") == ("marquer", "étiquette")
    assert words.translations("label", "n") == ("étiquette",)  # the noun's, not the verb's
    assert words.translations("tag") == ("étiquette",)         # only in fra-eng
    assert lexicon("fr", "en").translations("étiquette") == ("label", "tag")
    kept = list((tmp_path / "cache" / "dictionaries").glob("*.marisa"))
    assert len(kept) == 2
    # Read back from the cache, the same; a damaged entry is merged again and replaced.
    bilingual._lexicon.cache_clear()  # as a new process would: read from the cache folder
    assert lexicon("en", "fr").translations("label") == ("marquer", "étiquette")
    for entry in kept:
        entry.write_bytes(b"not a trie")
    bilingual._lexicon.cache_clear()  # as a new process would: read from the cache folder
    assert lexicon("en", "fr").translations("job", "n") == ("travail", "emploi", "tâche", "poste")
    # A changed dictionary is read again, not served from the cache.
    write_dictionary(dictionaries, "freedict-eng-fra", ENG_FRA + [("cluster", "cluster <n>\ngrappe\n")])
    bilingual._lexicon.cache_clear()  # as a new process would: read from the cache folder
    assert lexicon("en", "fr").translations("cluster") == ("grappe",)


def test_no_dictionary_no_lexicon(dictionaries):
    write_dictionary(dictionaries, "freedict-eng-fra", ENG_FRA)
    assert not lexicon("en", "de")
    assert lexicon("en", "de").translations("node") == ()


KEPT = ("node,en,Node,preferred\nnode,fr,Node,preferred\n"
        "lb,en,Load Balancer,preferred\nlb,fr,Load Balancer,preferred\n"
        "job,en,Job,preferred\njob,fr,Job,preferred\n"
        "label,en,Label,preferred\nlabel,fr,Label,preferred\n")
TEXT = ("Chaque nœud exécute les conteneurs ; un noeud peut tomber.\n"
        "Le répartiteur de charge envoie le trafic aux nœuds.\n"
        "Ce travail demande un emploi du temps ; marquer les objets aide.\n")


def test_a_dictionary_translation_of_a_kept_term_is_a_rendering(dictionaries, tmp_path):
    """„nœud" where the glossary keeps "Node" translates it, and „répartiteur de charge" translates
    "Load Balancer" word for word; 'travail' is one of a dozen senses of "job" and 'marquer'
    the verb "to label": no renderings of those concepts."""
    assert not any(c.score >= 0.5 for c in candidates_in(tmp_path, KEPT, "fr", TEXT).values())
    write_dictionary(dictionaries, "freedict-eng-fra", ENG_FRA)
    found = {form: c for form, c in candidates_in(tmp_path, KEPT, "fr", TEXT).items() if c.score >= 0.5}
    # In any form, and written out as many do ('noeud').
    assert {form: c.concept.id for form, c in found.items()} == {"nœud": "node", "noeud": "node",
                                                                 "répartiteur de charge": "lb"}
    assert sorted(o.text for o in found["nœud"].occurrences) == ["nœud", "nœuds"]
    lexical = next(e for e in found["nœud"].evidence if e.signal == "lexicon")
    assert lexical.detail == "a translation of the en term 'Node', which the glossary keeps as it is (freedict-eng-fra)"


def test_a_term_the_language_has_as_a_word_of_its_own_is_not_kept(dictionaries, tmp_path):
    """The French glossary's „options" is spelt as the English term is, but it is a French
    word, not the English one kept: „alternatives", which the dictionary also gives for
    'options', is another word of the text, not a rendering of the concept. „Node" is kept
    (French has no such word), and „nœud" translates it."""
    write_dictionary(dictionaries, "freedict-eng-fra", ENG_FRA + [("options", "options <n>\nalternatives\n")])
    glossary = KEPT + "options,en,options,preferred\noptions,fr,options,preferred\n"
    text = TEXT + "Les alternatives sont nombreuses.\nD'autres alternatives existent, comme les options.\n"
    found = {form: c.concept.id for form, c in candidates_in(tmp_path, glossary, "fr", text).items() if c.score >= 0.5}
    assert found.get("nœud") == "node" and "alternatives" not in found


def test_a_translation_of_a_kept_loanword_is_found_once_per_place(dictionaries, tmp_path):
    """„serviço" where a Portuguese glossary keeps "Service": the matcher does not take it for
    the loanword (they stem alike), the dictionary and the spelling both say it translates the
    term, and each place is one occurrence of the candidate, however many signals found it."""
    write_dictionary(dictionaries, "freedict-eng-por", [("service", "service /sɜːvɪs/\nserviço\n")])
    second = "Cada serviço tem um nome e dois serviços têm portas."
    found = candidates_in(tmp_path, "service,en,Service,preferred\nservice,pt,Service,preferred\n", "pt",
                          f"O serviço expõe os pods.\n{second}\n")
    service = found["serviço"]
    assert service.concept.id == "service" and service.score >= 0.5
    assert {e.signal for e in service.evidence} >= {"lexicon", "cognate"}
    places = [(o.location.line, o.location.column) for o in service.occurrences]
    assert sorted(places) == [(1, 3), (2, second.index("serviço ") + 1), (2, second.index("serviços") + 1)]


def test_a_term_the_glossary_renders_names_the_sense(dictionaries, tmp_path):
    """Where the glossary's own term is one of the dictionary's translations ('tâche' for
    "job"), the others are the word's other senses, not renderings of the concept."""
    write_dictionary(dictionaries, "freedict-eng-fra", ENG_FRA)
    found = candidates_in(tmp_path, "job,en,job,preferred\njob,fr,tâche,preferred\n", "fr",
                          "Ce travail est long.\nUn autre travail attend.\nLa tâche est finie.\n")
    assert not any(c.score >= 0.5 for c in found.values())


def test_gl006_in_a_bilingual_file_only_where_the_source_has_the_term(dictionaries, tmp_path):
    """In a PO file a target word the dictionary gives for the source's term is its rendering;
    the same word where the source does not have the term is not."""
    write_dictionary(dictionaries, "freedict-eng-fra", ENG_FRA)
    findings = gl006_in_po(tmp_path, "node,en,Node,preferred\nnode,fr,Node,preferred\n", "fr",
                           [("Add a node", "Ajouter un nœud"), ("Remove the node", "Supprimer le nœud"),
                            ("Tie a knot", "Faire un nœud")])
    assert sorted(f["line"] for f in findings) == [7, 10]
    assert all("nœud" in f["message"] for f in findings)


def test_check_names_the_dictionary_in_its_evidence(dictionaries, tmp_path):
    write_dictionary(dictionaries, "freedict-eng-fra", ENG_FRA)
    glossary = tmp_path / "g.csv"
    glossary.write_text("concept,lang,term,status\n" + KEPT, encoding="utf-8")
    text = tmp_path / "doc.fr.txt"
    text.write_text(TEXT, encoding="utf-8")
    code, out, _ = run_cli("check", text, "-g", glossary, "--select", "GL006", "--lang", "fr")
    assert code == 1
    assert "nœud" in out and "freedict-eng-fra" in out


def test_a_word_of_the_same_stem_as_a_translation_in_a_phrase(dictionaries, tmp_path):
    """Of a term of several words, a word of one stem with a translation counts: the Czech
    adjective „frontový" for the noun 'front' („Frontový výbor" for Front Committee)."""
    write_dictionary(dictionaries, "freedict-eng-ces", [("front", "front <n>\nfront\n"),
                                                        ("committee", "committee <n>\nvýbor\n")])
    found = candidates_in(tmp_path, "fc,en,Front Committee,preferred\nfc,cs,komise fronty,preferred\n", "cs",
                          "Frontový výbor zasedal včera.\nNa schůzi přišel i starosta.\n")
    assert "lexicon" in {e.signal for e in found["Frontový výbor"].evidence}
    assert found["Frontový výbor"].concept.id == "fc" and found["Frontový výbor"].score >= 0.5


def _in_german(dictionaries, tmp_path, entries: list[tuple[str, str]], glossary: str, text: str) -> dict:
    """The candidates in a German text with an English–German dictionary of these entries."""
    write_dictionary(dictionaries, "freedict-eng-deu", entries)
    return candidates_in(tmp_path, glossary, "de", text)


FATHERLAND_FRONT = [("fatherland", "fatherland <n>\nVaterland\n"), ("front", "front <n>\nFront\n"),
                    ("Vietnam", "Vietnam <n>\nVietnam\n")]
VFF = "vff,en,Vietnam Fatherland Front,preferred\nvff,de,Vaterländische Front Vietnams,preferred\n"


def _rendered_and_not(found: dict, form: str, concept_id: str, other: str) -> None:
    """`form` is accepted for the concept by the dictionary's evidence; no form holding `other` is."""
    assert found[form].concept.id == concept_id and found[form].score >= 0.5
    assert "lexicon" in {e.signal for e in found[form].evidence}
    assert not any(c.score >= 0.5 for text, c in found.items() if other in text)


def test_a_name_may_stand_as_its_adjective(dictionaries, tmp_path):
    """„Vietnamesische Vaterlandsfront" renders "Vietnam Fatherland Front": the name the
    dictionary writes as it is (Vietnam) stands as its adjective (vietnamesisch), as the
    known rendering „Vaterländische Front Vietnams" has it as a genitive. A word that only
    begins with the name and goes on far („Vietnamesischsprachige") is no adjective of it."""
    found = _in_german(dictionaries, tmp_path, FATHERLAND_FRONT, VFF,
                       "Die Vietnamesische Vaterlandsfront tagte gestern.\n"
                       "Die Vietnamesischsprachige Vaterlandsfront tagte auch.\n")
    _rendered_and_not(found, "Vietnamesische Vaterlandsfront", "vff", "sprachige")


def test_a_name_cut_short_of_its_head_is_a_rendering_where_it_recurs(dictionaries, tmp_path):
    """„Vietnamské vlasti" ('of the Vietnamese fatherland') translates every word of "Vietnam
    Fatherland Front" but its head: where a text names the concept so again and again, it is a
    rendering; once, the words may mean the fatherland itself. A name shortened to its head
    („Vietnamská fronta", 'Fatherland' left out) is a short form, not this."""
    write_dictionary(dictionaries, "freedict-eng-ces", [("fatherland", "fatherland <n>\nvlast\n"),
                                                       ("front", "front <n>\nfronta\n"),
                                                       ("Vietnam", "Vietnam <n>\nVietnam\n")])
    glossary = "vff,en,Vietnam Fatherland Front,preferred\nvff,cs,Vietnamská vlastenecká fronta,preferred\n"
    recurring = candidates_in(tmp_path, glossary, "cs",
                              "Předseda výboru Vietnamské vlasti promluvil.\n"
                              "Sjezd Vietnamské vlasti se konal v Hanoji.\n"
                              "Vietnamská fronta zasedala dvakrát a Vietnamská fronta jednala.\n")
    cut = recurring["Vietnamské vlasti"]
    assert cut.concept.id == "vff" and cut.score >= 0.5
    assert any(e.signal == "lexicon" and "without its 'Front'" in e.detail for e in cut.evidence)
    assert all(c.score < 0.5 for form, c in recurring.items() if "fronta" in form)
    once = candidates_in(tmp_path, glossary, "cs", "Bránili socialistické Vietnamské vlasti.\n")
    assert all(c.score < 0.5 for c in once.values())


def test_part_of_a_known_rendering_that_translates_the_whole_term_is_a_rendering(dictionaries, tmp_path):
    """„execução do contêiner" is part of the known rendering „agente de execução de contêiner"
    and, without a dictionary, its short form; but the dictionary says it translates all of
    "Container Runtime" ('runtime': execução), so it renders the concept otherwise („o tempo
    de execução do contêiner")."""
    glossary = ("runtime,en,Container Runtime,preferred\n"
                "runtime,pt,agente de execução de contêiner,preferred\n")
    text = ("O tempo de execução do contêiner inicia os pods.\n"
            "Cada nó tem um tempo de execução de contêiner.\n"
            "O agente de execução de contêiner é configurável.\n")
    assert not any(c.score >= 0.5 for c in candidates_in(tmp_path, glossary, "pt", text).values())
    write_dictionary(dictionaries, "freedict-eng-por", [("runtime", "runtime <n>\nexecução\n"),
                                                       ("container", "container <n>\nrecipiente\n")])
    found = [c for c in candidates_in(tmp_path, glossary, "pt", text).values() if c.score >= 0.5]
    assert [(c.concept.id, sorted(o.text for o in c.occurrences)) for c in found] == [
        ("runtime", ["execução de contêiner", "execução do contêiner"])]
    assert "lexicon" in {e.signal for e in found[0].evidence}


def test_a_compound_the_matcher_reads_as_its_first_part_may_translate_another_term(dictionaries, tmp_path):
    """„Containerlaufzeit" begins with the term Container, and the matcher reads it so (a
    compound with the term as its first part); the dictionary reads it whole as "Container
    Runtime" ('runtime': Laufzeit), which the glossary keeps in English: a rendering of that."""
    found = _in_german(dictionaries, tmp_path, [("runtime", "runtime <n>\nLaufzeit\n"),
                                                ("container", "container <n>\nBehälter, Container\n")],
                       "container,en,Container,preferred\ncontainer,de,Container,preferred\n"
                       "runtime,en,Container Runtime,preferred\nruntime,de,Container Runtime,preferred\n",
                       "Die Containerlaufzeit startet jeden Container.\n")
    assert found["Containerlaufzeit"].concept.id == "runtime" and found["Containerlaufzeit"].score >= 0.5
    assert "lexicon" in {e.signal for e in found["Containerlaufzeit"].evidence}


def test_a_word_the_dictionary_gives_for_another_source_word_renders_that_word(dictionaries, tmp_path):
    """"Unstage Lines From Commit" → „Zeilen aus der Bereitstellung herausnehmen" leaves 'Commit'
    unsaid; „Zeilen" is what the dictionary gives for 'Lines', so it renders that word, not
    the commit. A word that renders no other source word („Eintragung") still renders it."""
    write_dictionary(dictionaries, "freedict-eng-deu", [("line", "line <n>\nZeile, Linie\n")])
    flagged = flagged_for_commit(tmp_path, [
        ("Unstage Lines From Commit", "Zeilen aus der Bereitstellung herausnehmen"),
        ("Stage Line For Commit", "Zeile zur Bereitstellung hinzufügen")])
    assert "Eintragung" in flagged and not flagged & {"Zeile", "Zeilen"}


def test_a_compound_whose_last_part_the_stemmer_cut_short(dictionaries, tmp_path):
    """„Steuerungsebene" is 'control' and 'plane' in one word (Steuerung|s|Ebene), whose key
    the stemmer leaves as „steuerungseb": the last part's ending cut with the compound's. One
    word that joins two of the term's translations is a phrase, as strong as two words; a word
    that only begins with a translation („Steuerungsgerät", a control unit) is none."""
    found = _in_german(dictionaries, tmp_path, [("control", "control <n>\nSteuerung\n"),
                                                ("plane", "plane <n>\nEbene\n")],
                       "cp,en,Control Plane,preferred\ncp,de,Control Plane,preferred\n",
                       "Die Komponenten stellen die Steuerungsebene bereit.\nDas Steuerungsgerät blinkt.\n")
    _rendered_and_not(found, "Steuerungsebene", "cp", "Steuerungsgerät")


def test_a_compound_of_two_translations_in_a_language_that_writes_them_as_one_word(dictionaries, tmp_path):
    """German „Vaterlandsfront" is 'fatherland' and 'front' in one word (Vaterland|s|Front):
    „Vaterlandsfront Vietnams" translates "Vietnam Fatherland Front" where the glossary says
    „Vaterländische Front Vietnams". A word whose end is a translation but whose beginning is
    none („Einheitsfront") is no compound of the term's words."""
    found = _in_german(dictionaries, tmp_path, FATHERLAND_FRONT, VFF,
                       "Die Vaterlandsfront Vietnams tagte gestern.\nDie Einheitsfront Vietnams tagte auch.\n")
    _rendered_and_not(found, "Vaterlandsfront Vietnams", "vff", "Einheitsfront")


def test_the_known_rendering_in_another_order_is_no_stronger_for_the_dictionary(dictionaries, tmp_path):
    """„wenn die Massenmobilisierung geschickt ist" has the words of „geschickte
    Massenmobilisierung" in another order (a predicate, not a name): that the dictionary
    translates them as the term adds nothing, and it stays below the threshold."""
    found = _in_german(dictionaries, tmp_path, [("skilful", "skilful <adj>\ngeschickt\n"), ("mass", "mass <n>\nMasse\n"),
                                                ("mobilisation", "mobilisation <n>\nMobilisierung\n")],
                       "dvk,en,skilful mass mobilisation,preferred\ndvk,de,geschickte Massenmobilisierung,preferred\n",
                       "Wenn die Massenmobilisierung geschickt ist, gelingt alles.\n")
    reordered = found["Massenmobilisierung geschickt"]
    assert [e.signal for e in reordered.evidence] == ["reordered"] and reordered.score < 0.5


def test_where_modifiers_come_first_the_rendering_reordered_is_no_stronger_for_the_dictionary(dictionaries,
                                                                                             tmp_path):
    """Hungarian, which does not join its compounds as the analyser reads them, puts every
    modifier first as German does: „ha a tömeges mozgósítás ügyes" is a clause, and that the
    dictionary gives its words for "skillful mass mobilisation" adds nothing."""
    write_dictionary(dictionaries, "freedict-eng-hun", [("skillful", "skillful <adj>\nügyes\n"),
                                                        ("mass", "mass <adj>\ntömeges\n"),
                                                        ("mobilisation", "mobilisation <n>\nmozgósítás\n")])
    found = candidates_in(tmp_path, "dvk,en,skillful mass mobilisation,preferred\ndvk,hu,Ügyes tömegmozgósítás,"
                          "preferred\n", "hu", "Ha a tömeges mozgósítás ügyes, minden sikeres lesz.\n")
    reordered = found["tömeges mozgósítás ügyes"]
    assert [e.signal for e in reordered.evidence] == ["reordered"] and reordered.score < 0.5


def _the_one_rendering(found: dict, form: str, concept_id: str) -> None:
    """`form` is accepted for the concept by the dictionary's evidence, and nothing else is."""
    assert found[form].concept.id == concept_id and found[form].score >= 0.5
    assert "lexicon" in {e.signal for e in found[form].evidence}
    assert not any(c.score >= 0.5 for other, c in found.items() if other != form)


def test_a_half_translated_term_with_a_word_spelt_alike(dictionaries, tmp_path):
    """„runtime de conteneurs" renders 'Container Runtime', which a French glossary keeps: the
    word the dictionary does not know kept as it is, the other spelt as French spells it
    („conteneurs"; the small dictionary gives only „bac"). The English term left as it is is
    GL003's, no candidate here."""
    write_dictionary(dictionaries, "freedict-eng-fra", [("container", "container <n>\nbac\n")])
    found = candidates_in(tmp_path, "cr,en,Container Runtime,preferred\ncr,fr,Container Runtime,preferred\n", "fr",
                          "Chaque nœud exécute un runtime de conteneurs.\nLe Container Runtime démarre.\n")
    _the_one_rendering(found, "runtime de conteneurs", "cr")


def test_an_acronym_stays_as_it_is_in_a_translated_term(dictionaries, tmp_path):
    """„serveur API" translates 'API server': the acronym written as it is, the other word by
    the dictionary; „API" alone is no translation of it."""
    write_dictionary(dictionaries, "freedict-eng-fra", [("server", "server <n>\nserveur\n")])
    found = candidates_in(tmp_path, "api,en,API server,preferred\napi,fr,kube-apiserver,preferred\n", "fr",
                          "Le serveur API valide chaque requête.\nL'API REST répond.\n")
    _the_one_rendering(found, "serveur API", "api")


def test_a_word_the_dictionary_lacks_spelt_as_the_language_spells_it(dictionaries, tmp_path):
    """„serveur API" translates 'API server' where the dictionary has no 'server' (FreeDict's
    English–French has none): a word it does not know may be spelt alike, as it may be kept;
    the English term itself is the matcher's (GL003), and a word merely beginning alike
    („serre", a greenhouse) is none."""
    write_dictionary(dictionaries, "freedict-eng-fra", [("request", "request <n>\nrequête\n")])
    found = candidates_in(tmp_path, "api,en,API server,preferred\napi,fr,kube-apiserver,preferred\n", "fr",
                          "Le serveur API valide chaque requête.\nLa serre API est chaude.\n"
                          "L'API server répond.\n")
    _the_one_rendering(found, "serveur API", "api")


def test_another_sense_of_the_source_word_where_a_gap_chose_it(dictionaries, tmp_path):
    """'discount' has three translations and the glossary's German term is one of them: alone
    none of the others is a rendering, but where the source says 'discount' and the target
    has 'Rabatt' instead of „Nachlass", the dictionary backs what the gap found."""
    glossary = ("discount,en,discount,preferred\ndiscount,de,Nachlass,preferred\n"
                "invoice,en,invoice,preferred\ninvoice,de,Rechnung,preferred\n")
    pairs = [("Edit the discount", "Rabatt ändern"), ("Delete the discount rules", "Rabatt Regeln löschen"),
             ("Edit the invoice", "Rechnung ändern"), ("Price with reduction", "Preis mit Rabatt"),
             ("Rebates", "Rabatte"), ("Allow a reduction", "Rabatt erlauben")]
    without = gl006_in_po(tmp_path, glossary, "de", pairs)
    write_dictionary(dictionaries, "freedict-eng-deu",
                     [("discount", "discount <n>\n1. Rabatt\n2. Nachlass\n3. Skonto\n")])
    (tmp_path / "with").mkdir()
    found = gl006_in_po(tmp_path / "with", glossary, "de", pairs)
    assert [f["line"] for f in found] == [f["line"] for f in without] == [7, 10]
    assert "a translation of the en term 'discount' (freedict-eng-deu)" in found[0]["message"]
    assert "freedict" not in without[0]["message"]
    # Monolingual, where no gap chose it, 'Rabatt' is one of the word's senses: nothing.
    assert not any(c.score >= 0.5 for c in candidates_in(tmp_path, glossary, "de",
                                                         "Der Rabatt gilt.\nEin Rabatt hilft.\n").values())


def test_the_dictionary_chooses_among_a_gap_s_runs_where_nothing_else_does(dictionaries, tmp_path):
    """The source has two terms the target renders with none of the glossary's, each once: no
    second sighting says which words are which, but the dictionary translates one of them
    („Nœuds" for the Node the glossary keeps), and that run stands for it; the other stays
    unsaid. Alone, once, the dictionary's word stays below the threshold."""
    glossary = "node,en,node,preferred\nnode,fr,Node,preferred\npod,en,pod,preferred\npod,fr,Pod,preferred\n"
    write_dictionary(dictionaries, "freedict-eng-fra", [("node", "node <n>\nnœud\n")])
    found = gl006_in_po(tmp_path, glossary, "fr", [("Nodes and pods", "Nœuds et capsules")])
    assert [(f["text"], f["concept"]) for f in found] == [("Nœuds", "node")]
    assert "the source has 'Nodes'" in found[0]["message"] and "freedict-eng-fra" in found[0]["message"]
    alone = candidates_in(tmp_path, glossary, "fr", "Les nœuds et les capsules.\n")
    assert not any(c.score >= 0.5 for c in alone.values())


def test_a_verb_terms_translations_are_verbs(dictionaries, tmp_path):
    """A term the glossary gives as a verb is translated by verbs: where the source says
    'reconcile' and the target „Réconcilier" (a word the dictionary gives for it, also a verb)
    in place of the glossary's „rapprocher", the dictionary backs the gap's choice. Verbs are
    left out only of a thing's translations (部署, to deploy and deployment)."""
    glossary = ("reconcile,en,reconcile,preferred,verb\nreconcile,fr,rapprocher,preferred,verb\n"
                "account,en,account,preferred,noun\naccount,fr,compte,preferred,noun\n")
    write_dictionary(dictionaries, "freedict-eng-fra",
                     [("reconcile", "reconcile <v>\n1. réconcilier\n2. concilier\n3. rapprocher\n")])
    write_dictionary(dictionaries, "freedict-fra-eng", [("réconcilier", "réconcilier <v>\nreconcile\n")])
    found = gl006_in_po(tmp_path, glossary, "fr", [("Reconcile the account now?", "Réconcilier le compte maintenant ?"),
                                                  ("Open the account", "Ouvrir le compte")],
                        columns="concept,lang,term,status,part_of_speech")
    assert [(f["text"], f["concept"]) for f in found] == [("Réconcilier", "reconcile")]
    assert "freedict-eng-fra" in found[0]["message"]


CEDICT = """# CC-CEDICT
部署 部署 [bu4 shu3] /to dispose/to deploy/deployment/
容器 容器 [rong2 qi4] /receptacle/(computing) container/
運行 运行 [yun4 xing2] /to be in operation; to run/
運行時 运行时 [yun4 xing2 shi2] /runtime/
折扣 折扣 [zhe2 kou4] /discount/CL:個|个[ge4]/
"""


def test_cc_cedict_read_both_ways(dictionaries):
    (dictionaries / "cedict_ts.u8").write_text(CEDICT, encoding="utf-8")
    english = lexicon("en", "zh-CN")
    assert english.names == ("CC-CEDICT",)
    assert english.translations("discount") == ("折扣",)  # no classifier taken for a gloss
    assert english.translations("container") == ("容器",)
    chinese = lexicon("zh", "en")
    assert chinese.translations("部署") == ("dispose", "deploy", "deployment")
    assert chinese.translations("運行") == chinese.translations("运行") == ("be in operation", "run")
    assert chinese.parts_of_speech("部署") == {"v"} and chinese.parts_of_speech("容器") == frozenset()


def test_chinese_words_icu_cuts_up_are_joined_by_the_dictionary(dictionaries, tmp_path):
    """ICU's dictionary lacks 复位 ('reset') and 服务器 ('server') and cuts them up; with
    CC-CEDICT installed they are words again, and a git-gui translation that says 复位 where
    its glossary says 重置 is found; pieces the dictionary does not join stay as ICU cut them."""
    pytest.importorskip("icu4py")
    from mtcheck.discovery.text import TextAnalyser
    from mtcheck.language import analyzer_for
    from mtcheck.language.segmenter import cut_ideographs

    def words(text: str) -> list[str]:
        return [word for word, _, _ in TextAnalyser(analyzer_for("zh")).words_of(text)]
    assert words("复位当前的改动") == cut_ideographs("复位当前的改动")  # no dictionary: ICU's words
    (dictionaries / "cedict_ts.u8").write_text(
        CEDICT + "復位 复位 [fu4 wei4] /to reset/\n改動 改动 [gai3 dong4] /to alter/\n"
        "服務器 服务器 [fu2 wu4 qi4] /server/\n", encoding="utf-8")
    assert words("复位当前的改动将导致") == ["复位", "当前", "的", "改动", "将", "导致"]
    assert words("API 服务器的网络连接") == ["API", "服务器", "的", "网络", "连接"]
    glossary = "reset,en,Reset,preferred\nreset,zh,重置,preferred\n"
    pairs = [("Reset", "复位"), ("Reset '%s'?", "复位 '%s'?"), ("Resetting '%s' will lose commits", "复位 '%s' 将丢失提交"),
             ("Reset changes?", "是否复位当前改动?")]
    assert {(f["text"], f["concept"]) for f in gl006_in_po(tmp_path, glossary, "zh", pairs)} == {("复位", "reset")}


def test_chinese_translations_of_kept_terms(dictionaries, tmp_path):
    """容器 translates a kept Container; 部署 is also the verb 'to deploy', which a text without
    inflection cannot tell from the noun Deployment; 运行容器 (to run containers) is no
    rendering of Container Runtime, whose 运行时 is one word, not 运行 (to run)."""
    glossary = ("container,en,Container,preferred\ncontainer,zh,Container,preferred\n"
                "deployment,en,Deployment,preferred\ndeployment,zh,Deployment,preferred\n"
                "runtime,en,Container Runtime,preferred\nruntime,zh,容器运行时,preferred\n")
    text = "容器启动了。每个容器都在运行。\n部署应用需要时间。部署完成了。\n节点会运行容器。\n"
    (dictionaries / "cedict_ts.u8").write_text(CEDICT, encoding="utf-8")
    found = {form: c for form, c in candidates_in(tmp_path, glossary, "zh", text).items() if c.score >= 0.5}
    assert {form: c.concept.id for form, c in found.items()} == {"容器": "container"}
    assert "lexicon" in {e.signal for e in found["容器"].evidence}
    assert "CC-CEDICT" in next(e.detail for e in found["容器"].evidence if e.signal == "lexicon")


ENG_SPA_ORDER = [("order", "order /ˈɔːdə/ <n>\n1. orden\n2. pedido\n")]
ORDER = "order,en,order,preferred\norder,es,pedido,preferred\ninvoice,en,invoice,preferred\ninvoice,es,factura,preferred\n"
SORTED = [("Keep the normal order", "Mantener el orden normal"), ("Reverse the order", "Invertir el orden")]


def test_a_translator_who_uses_the_term_for_the_word_tells_its_senses_apart(dictionaries, tmp_path):
    """„orden" is the dictionary's other sense of 'order' (the glossary's „pedido" is one of its
    translations). Where the file says „pedido" for 'order' as often as „orden" at least, its
    translator tells the senses apart: „orden" is a sort order, no rendering of the glossary's.
    Where the file never says „pedido", or says „orden" more often, „orden" is its rendering."""
    write_dictionary(dictionaries, "freedict-eng-spa", ENG_SPA_ORDER)
    both = gl006_in_po(tmp_path, ORDER, "es", SORTED + [("Close the order", "Cerrar el pedido"),
                                                         ("Delete the order", "Borrar el pedido")])
    assert both == []
    never = gl006_in_po(tmp_path, ORDER, "es", SORTED + [("Open the invoice", "Abrir la factura")])
    assert [(f["text"], f["concept"]) for f in never] == [("orden", "order")] * 2
    seldom = gl006_in_po(tmp_path, ORDER, "es", SORTED + [("Close the order", "Cerrar el pedido")])
    assert [(f["text"], f["concept"]) for f in seldom] == [("orden", "order")] * 2


def test_a_terms_words_translate_as_the_glossary_translates_them(dictionaries, tmp_path):
    """The dictionary gives 'container' only as a box („caja"); the glossary translates it
    „contenedor" where it is a term of its own. So "Container Runtime", kept as it is, is
    rendered word for word „runtime de los contenedores" (the unknown 'runtime' kept), and the
    evidence says the glossary gave the word. A concept's own terms translate none of its
    words: „Container Runtime" itself is no rendering of its own."""
    write_dictionary(dictionaries, "freedict-eng-spa", [("container", "container /kənˈteɪnə/ <n>\ncaja\n")])
    glossary = ("container,en,Container,preferred\ncontainer,es,contenedor,preferred\n"
                "runtime,en,Container Runtime,preferred\nruntime,es,Container Runtime,preferred\n")
    found = {form: c for form, c in candidates_in(
        tmp_path, glossary, "es", "El runtime de los contenedores ejecuta los pods.\n"
        "Cada Container Runtime ejecuta los contenedores.\n").items() if c.score >= 0.5}
    assert {form: c.concept.id for form, c in found.items()} == {"runtime de los contenedores": "runtime"}
    lexical = next(e for e in found["runtime de los contenedores"].evidence if e.signal == "lexicon")
    assert "the glossary's own terms" in lexical.detail


def test_the_senses_a_file_tells_apart_are_told_apart_when_read_in_parts(dictionaries, tmp_path):
    """Read in two processes merged in order (`--jobs`), the file's „pedido" for 'order' in
    one part still tells the other part's „orden" apart, as one process reading both does."""
    from mtcheck.discovery import Discoverer
    from mtcheck.glossary import load_glossary
    from mtcheck.model import Segment

    write_dictionary(dictionaries, "freedict-eng-spa", ENG_SPA_ORDER)
    path = tmp_path / "g.csv"
    path.write_text("concept,lang,term,status\n" + ORDER, encoding="utf-8")
    glossary = load_glossary(path)
    pairs = [("Close the order", "Cerrar el pedido"), ("Delete the order", "Borrar el pedido")] + SORTED

    def segments(part):
        return [Segment(target, "ui.po", number, lang="es", source=source, source_lang="en")
                for number, (source, target) in part]
    numbered = list(enumerate(pairs, 1))
    one = Discoverer(glossary)
    for segment in segments(numbered):
        one.add(segment)
    merged = Discoverer(glossary)
    for part in (numbered[:2], numbered[2:]):
        reader = Discoverer(glossary, matcher=merged.matcher)
        for segment in segments(part):
            reader.add(segment)
        merged.merge(reader.state())
    assert [c.form for c in one.accepted()] == [c.form for c in merged.accepted()] == []
    alone = Discoverer(glossary)
    for segment in segments(numbered[2:]):
        alone.add(segment)
    assert [c.form for c in alone.accepted()] == ["orden"]


def test_a_dictionary_translation_of_a_term_the_language_lacks_is_a_new_term(dictionaries, tmp_path):
    """A concept with no term in the text's language has nothing to be rendered wrongly
    against (GL006 reports nothing), but where a dictionary translates its English term word
    for word, discover proposes the text's words as its term there („proveedor de la nube"
    for Cloud Provider), in a text that is no translation of a source, where they recur."""
    from mtcheck.discovery import Discoverer
    from mtcheck.glossary import load_glossary
    from mtcheck.model import Segment

    write_dictionary(dictionaries, "freedict-eng-spa", [("cloud", "cloud /klaud/ <n>\nnube\n"),
                                                         ("provider", "provider /prəvaidə/ <n>\nproveedor\n")])
    glossary_path = tmp_path / "g.csv"
    glossary_path.write_text("concept,lang,term,status\ncp,en,Cloud Provider,preferred\n"
                             "node,en,Node,preferred\nnode,es,nodo,preferred\n", encoding="utf-8")
    twice = "El proveedor de la nube crea el nodo.\nCada proveedor de la nube tiene nodos.\n"

    def accepted(new_terms, text=twice):
        discoverer = Discoverer(load_glossary(glossary_path), new_terms=new_terms)
        for number, line in enumerate(text.splitlines(), 1):
            discoverer.add(Segment(line, "t.txt", number, lang="es"))
        return {c.form: c for c in discoverer.accepted()}

    assert accepted(False) == {}
    found = accepted(True)
    assert {form: c.concept.id for form, c in found.items()} == {"proveedor de la nube": "cp"}
    assert len(found["proveedor de la nube"].occurrences) == 2
    assert "lexicon" in {e.signal for e in found["proveedor de la nube"].evidence}
    # Once, the words of a large glossary's term meet by chance as often.
    assert accepted(True, "El proveedor de la nube crea el nodo.\n") == {}


def test_one_word_made_of_the_translations_of_a_terms_words_is_a_new_term_once(dictionaries, tmp_path):
    """Once is enough for one word made whole of translations of each of the term's words
    („Dienstkonto" for "Service Account"): no chance makes it. Not for a word whose last part
    is only a stub of a translation („gekauft", keyed „kaufen": Kauf and the „en" of „Ende",
    for "purchase tail"), which a compound's key may leave of its last part but chance makes
    too."""
    from mtcheck.discovery import Discoverer
    from mtcheck.glossary import load_glossary
    from mtcheck.model import Segment

    write_dictionary(dictionaries, "freedict-eng-deu", [
        ("account", "account /əkaunt/ <n>\nKonto\n"), ("purchase", "purchase /pɜːtʃəs/ <n>\nKauf, gekauft\n"),
        ("service", "service /sɜːvis/ <n>\nDienst\n"), ("tail", "tail /teil/ <n>\nEnde\n")])
    glossary_path = tmp_path / "g.csv"
    glossary_path.write_text("concept,lang,term,status\nsa,en,Service Account,preferred\n"
                             "pt,en,purchase tail,preferred\n", encoding="utf-8")

    def accepted(text):
        discoverer = Discoverer(load_glossary(glossary_path), new_terms=True)
        discoverer.add(Segment(text, "t.txt", 1, lang="de"))
        return {c.form: c.concept.id for c in discoverer.accepted()}

    assert accepted("Der Pod nutzt ein Dienstkonto.") == {"Dienstkonto": "sa"}
    assert accepted("Wir haben Brot gekauft.") == {}


def test_a_word_the_dictionary_gives_another_meaning_is_no_cognate(dictionaries, tmp_path):
    """„tant" looks like "Taint", which a French glossary keeps in English, but a French–English
    dictionary says it means 'so much': a word of its own, no translation of the term; „tains",
    which it gives as 'taint', stays one."""
    glossary = "taint,en,Taint,preferred\ntaint,fr,Taint,preferred\n"
    text = "Le nœud a tant de pods, tant de tains.\nIl y a tant de tains sur les nœuds.\n"

    def cognates():
        return {form for form, c in candidates_in(tmp_path, glossary, "fr", text).items()
                if c.concept.id == "taint" and "cognate" in {e.signal for e in c.evidence}}

    assert cognates() == {"tant", "tains"}
    write_dictionary(dictionaries, "freedict-fra-eng", [("tant", "tant /tɑ̃/ <adv>\nso much, so many\n"),
                                                         ("tain", "tain /tɛ̃/ <n, masc>\ntaint\n")])
    assert cognates() == {"tains"}


def test_a_run_the_dictionary_gives_for_the_source_word_may_be_its_other_sense(dictionaries, tmp_path):
    """"Saving File" → „Guardado rápido de archivo": 'File' is rendered by its term and
    „Guardado rápido" is left for 'Saving', but the dictionary gives „guardado" for 'saving'
    beside the glossary's „ahorro": the word in another sense (saving a file, not money
    saved), so the run is not taken at once as a label's would be. One with no word the
    dictionary gives for it is („Economía rápida")."""
    write_dictionary(dictionaries, "freedict-eng-spa", [("saving", "saving <n>\nahorro, guardado\n")])
    glossary = ("saving,en,saving,preferred\nsaving,es,ahorro,preferred\n"
                "file,en,file,preferred\nfile,es,archivo,preferred\n")
    filler = [("Open the file", "Abrir el archivo")]
    assert gl006_in_po(tmp_path, glossary, "es", [("Saving File", "Guardado rápido de archivo")] + filler) == []
    other = gl006_in_po(tmp_path, glossary, "es", [("Saving File", "Economía rápida de archivo")] + filler)
    assert [(f["text"], f["concept"]) for f in other] == [("Economía rápida", "saving")]


def test_words_of_a_short_stem_the_dictionary_gives_other_senses_are_other_words(dictionaries, tmp_path):
    """„Controlador" and „conta" are both keyed from cont-: „Controlador de serviço" has the
    words of „conta de serviço" in another form by their stems alone. The dictionary gives
    them no sense in common ('controller', 'account'): another word, no rendering of the
    service account. „contas de serviço" is the term in the plural, no rendering either."""
    write_dictionary(dictionaries, "freedict-eng-por", [("account", "account <n>\nconta\n"),
                                                        ("controller", "controller <n>\ncontrolador\n")])
    found = candidates_in(tmp_path, "sa,en,Service Account,preferred\nsa,pt,conta de serviço,preferred\n", "pt",
                          "O Controlador de serviço cria as contas de serviço.\n"
                          "Cada conta de serviço tem um token.\n")
    assert not [form for form, c in found.items() if c.score >= 0.5]
