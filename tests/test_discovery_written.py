"""Discovery: how a text writes a rendering beside the term — words a term of another language
glosses in brackets right after them render its concept („缓存(Index)", „marquages (taints en
anglais)"; of two concepts that term names, the one whose grammar they have) — the term with
its words joined otherwise („Addons" for „Add-ons"), and the term rightly spelt where the
glossary misspells it, or writes a qualifier beside it in brackets."""
from __future__ import annotations

import pytest

from mtcheck.glossary import load_glossary
from tests.test_bilingual import write_dictionary
from tests.test_discovery import candidates_in, discovered, gl006_in_po

# ICU's dictionary cuts 缓存 (cache) into two characters; CC-CEDICT's headword joins them again.
CEDICT = "# CC-CEDICT\n緩存 缓存 [huan3 cun2] /cache (computing)/\n"

CHINESE = ("index,en,index,preferred\n"
           "index,zh,暂存区,preferred\n"
           "repository,en,repository,preferred\n"
           "repository,zh,仓库,preferred\n")
FRENCH = ("checkout-noun,en,checkout,preferred,noun\n"
          "checkout-noun,fr,emprunt,preferred,noun\n"
          "checkout-verb,en,checkout,preferred,verb\n"
          "checkout-verb,fr,emprunter,preferred,verb\n")


def glossed_anywhere(found: dict) -> bool:
    """Whether any candidate has a gloss among its evidence."""
    return any("glossed" in {e.signal for e in c.evidence} for c in found.values())


def test_a_term_of_another_language_in_brackets_glosses_the_words_before_it(dictionaries, tmp_path):
    (dictionaries / "cedict_ts.u8").write_text(CEDICT, encoding="utf-8")
    text = "更新 Git 缓存(Index)失败, 重新扫描将自动开始。\n"
    found = candidates_in(tmp_path, CHINESE, "zh", text)
    assert found["缓存"].concept.id == "index" and found["缓存"].score >= 0.5
    assert "glossed" in {e.signal for e in found["缓存"].evidence}


def test_no_gloss_where_the_brackets_hold_more_or_gloss_the_concepts_own_term(dictionaries, tmp_path):
    """„暂存区(Index)" is the glossary's term glossed (as GL003 allows it); „(the index of
    the repository)" explains, it names no one term; „(_H)" is a menu's mnemonic."""
    (dictionaries / "cedict_ts.u8").write_text(CEDICT, encoding="utf-8")
    text = ("更新暂存区(Index)失败。\n"
            "缓存(the index of the repository)已过期。\n"
            "新建科目层次(_H)...\n")
    found = candidates_in(tmp_path, CHINESE, "zh", text)
    assert not glossed_anywhere(found)


def test_of_two_concepts_the_glossing_term_names_the_one_whose_grammar_the_words_have(tmp_path):
    """„Charger (checkout)": 'checkout' is the noun's term and the verb's; „Charger" ends as
    the verb's term „emprunter" does, not as the noun's „emprunt"."""
    glossary = tmp_path / "g.csv"
    glossary.write_text("concept,lang,term,status,part_of_speech\n" + FRENCH, encoding="utf-8")
    found = discovered(load_glossary(glossary), "fr", "Charger (checkout)...\n", everything=True)
    assert found["Charger"].concept.id == "checkout-verb" and found["Charger"].score >= 0.5


TAINT_FR = ("taint,en,Taint,preferred\n"
            "taint,fr,Taint,preferred\n"
            "taint,fr,teinte,admitted\n")


@pytest.mark.parametrize("text", [
    "Le contrôleur crée des marquages (taints en anglais) qui représentent des conditions.\n",
    "Le contrôleur crée des marquages (*taints* en anglais) qui représentent des conditions.\n",
    "Le contrôleur crée des marquages (anglais : taints) qui représentent des conditions.\n",
])
def test_a_gloss_naming_its_language_glosses_the_words_before_it(tmp_path, text):
    """„marquages (taints en anglais)": French keeps „Taint" as its term, so the bracket's
    word is no foreign term; the translator names its language (the CLDR's „anglais"), and
    „marquages" is their rendering of it."""
    found = candidates_in(tmp_path, TAINT_FR, "fr", text)
    assert found["marquages"].concept.id == "taint" and found["marquages"].score >= 0.5
    assert "glossed" in {e.signal for e in found["marquages"].evidence}


def test_a_term_of_the_texts_language_in_brackets_glosses_nothing_without_a_language_named(tmp_path):
    """„marquages (taints)" and „marquages (taints en français)": the glossary's French term
    in brackets, or said to be French, explains; it names no rendering of another language.
    Nor does a bracket that holds more than the term („(anglais : taints et tolérances)")."""
    text = ("Le contrôleur crée des marquages (taints) qui représentent des conditions.\n"
            "Le contrôleur crée des marquages (taints en français) qui représentent des conditions.\n"
            "Le contrôleur crée des marquages (anglais : taints et tolérances) qui représentent des conditions.\n")
    found = candidates_in(tmp_path, TAINT_FR, "fr", text)
    assert not glossed_anywhere(found)


def test_a_gloss_proposes_a_rendering_of_a_concept_without_a_term_as_a_new_term(tmp_path):
    """The glossary has 'taint' in English only: „Markierungen (*taints* in Englisch)" and
    „Markierungen (taints)" say what the text calls it; discover proposes it (new terms),
    GL006 has nothing to hold it against."""
    from mtcheck.discovery import Discoverer
    from mtcheck.model import Segment
    glossary = tmp_path / "g.csv"
    glossary.write_text("concept,lang,term,status\ntaint,en,Taint,preferred\nnode,en,Node,preferred\n"
                        "node,de,Node,preferred\n", encoding="utf-8")
    text = ["Der Controller erstellt automatisch Markierungen (*taints* in Englisch) für den Node.",
            "Dann betrachtet er die Markierungen (taints) des Nodes."]
    for new_terms in (True, False):
        discoverer = Discoverer(load_glossary(glossary), new_terms=new_terms)
        for number, line in enumerate(text, 1):
            discoverer.add(Segment(line, "t.txt", number, lang="de"))
        found = {c.form: c for c in discoverer.accepted()}
        assert ("Markierungen" in found and found["Markierungen"].concept.id == "taint") is new_terms


@pytest.mark.parametrize("term, written, lang, how", [
    ("Add-ons", "Addons", "de", "written as one word"),
    ("Add-ons", "Addon", "de", "written as one word"),
    ("런타임클래스", "런타임 클래스", "ko", "written apart"),
    ("E-Mail", "E Mail", "de", "joined otherwise"),
    ("Tracking-Branch", "Tracking-Branches", "de", None),     # an inflection, joined as the term
    ("geschickte Massenmobilisierung", "geschickten Massenmobilisierung", "de", None),
    ("API 服务器", "API服务器", "zh", None),                    # a space beside Chinese is typography
    ("Add-ons", "Anzeigen", "de", None),                       # other letters
    ("Add-on Manager", "Addon-Verwaltung", "de", None),        # the term's start only: another phrase
    # German writes a compound's hyphen before a capital or leaves it out: one spelling.
    ("Tracking-Branch", "Trackingbranch", "de", None),
    ("Massenmobilisierung", "Massen-Mobilisierung", "de", None),
    ("Tracking-Branch", "Trackingbranch", "fr", "written as one word"),
])
def test_how_a_place_joins_the_terms_words(term, written, lang, how):
    from mtcheck.discovery.text import respaced
    assert respaced(term, written, lang) == how


def test_the_term_with_its_words_joined_otherwise_is_a_rendering_the_glossary_does_not_spell(tmp_path):
    """„Addons" and 런타임 클래스 are the matcher's 'Add-ons' and 런타임클래스 (it reads a term
    however its words are joined); the glossary spells them otherwise, which discovery says."""
    glossary = ("addons,en,Add-ons,preferred\naddons,de,Add-ons,preferred\n"
                "runtime-class,en,RuntimeClass,preferred\nruntime-class,ko,런타임클래스,preferred\n")
    german = candidates_in(tmp_path, glossary, "de", "Addons sind Pods und Dienste.\nDie Add-ons laufen.\n")
    assert german["Addons"].concept.id == "addons" and german["Addons"].score >= 0.5
    signals = {e.signal for e in german["Addons"].evidence}
    assert "respaced" in signals and "closed" not in signals  # one fact, said once
    assert "Add-ons" not in german
    korean = candidates_in(tmp_path, glossary, "ko", "파드 오버헤드는 런타임 클래스에서 정의된다.\n"
                                                      "런타임클래스는 노드에서 정의된다.\n")
    found = [c for form, c in korean.items() if form.startswith("런타임 클래스")]
    assert found and found[0].concept.id == "runtime-class" and found[0].score >= 0.5
    assert not any(form.startswith("런타임클래스") for form in korean)


def test_the_term_rightly_spelt_where_the_glossary_misspells_it(tmp_path):
    """The glossary's „Personalisé" lacks an n: „personnalisée" is its term, rightly spelt and
    inflected (glossary validate reports the slip), while „sur mesure" is another rendering."""
    from tests.test_discovery import gl006_in_po
    findings = gl006_in_po(tmp_path, "custom,en,custom,preferred\ncustom,fr,Personalisé,preferred\n", "fr", [
        ("Custom", "Personnalisée"),
        ("Custom", "Personnalisé"),
        ("Custom", "Sur mesure"),
        ("Custom", "Sur mesure"),
    ])
    found = {f["text"] for f in findings}
    assert found and not any("ersonnalis" in text for text in found)


def test_a_form_of_the_rightly_spelt_term_renders_it(tmp_path):
    """The glossary's Polish „zakmnij" has two letters swapped: „zamknięta", the participle of
    „zamknij" the matcher reads as the term once it is rightly spelt, renders 'close' where the
    source says "closed", and is no other rendering of it (Morfeusz 2 reads the participle as
    its verb's)."""
    pytest.importorskip("morfeusz2")
    from tests.test_discovery import gl006_in_po
    findings = gl006_in_po(tmp_path, "close,en,close,preferred\nclose,pl,zakmnij,preferred\n"
                                     "window,en,window,preferred\nwindow,pl,okno,preferred\n", "pl", [
        ("(closed)", "(zamknięta)"),
        ("Close the window", "Zamknij okno"),
        ("Open the window", "Otwórz okno"),
    ])
    assert findings == []


def test_a_terms_qualifier_translates_to_no_rendering(tmp_path, dictionaries):
    """The words of "(a Pod onto a node)" say which sense of "schedule" the glossary means and
    are no words of the term: „Pods no nó" (Pods on the node), which the dictionary gives for
    them, renders no scheduling."""
    glossary = ("sched,en,schedule (a Pod onto a node),preferred\nsched,pt,alocação,preferred\n"
                "node,en,node,preferred\nnode,pt,nó,preferred\npod,en,Pod,preferred\npod,pt,Pod,preferred\n")
    write_dictionary(dictionaries, "freedict-eng-por", [
        ("schedule", "schedule <v>\nagendar\n"), ("node", "node <n>\nnó\n"), ("onto", "onto <prep>\nno, em\n"),
        ("pod", "pod <n>\nvagem\n")])
    text = "Os Pods no nó estão prontos.\nOs Pods em um nó esperam.\nA alocação de Pods é rápida.\n"
    assert not any(c.concept.id == "sched" for c in candidates_in(tmp_path, glossary, "pt", text).values())


RUNTIME = ("container,en,Container,preferred\ncontainer,es,contenedor,preferred\n"
           "container-runtime,en,Container Runtime,preferred\ncontainer-runtime,es,Container Runtime,preferred\n"
           "container-runtime,es,entorno de ejecución de un contenedor,admitted\n")


def test_another_concepts_term_and_a_word_more_that_translate_this_concepts_term(dictionaries, tmp_path):
    """„runtime de contenedores" is the container's term and a word more, which is mostly the
    container with a word beside it; but it is every word of "Container Runtime" too, its
    'Container' as the glossary translates it, its 'Runtime' (no dictionary's word) kept as a
    translator keeps it: the container runtime, not a container. „contenedores de Kubernetes"
    translates no term and stays the container's."""
    write_dictionary(dictionaries, "freedict-eng-spa", [("box", "box <n>\n1. caja\n")])
    text = ("El runtime de contenedores ejecuta los contenedores.\n"
            "Kubernetes usa el runtime de contenedores en cada nodo.\n"
            "Los contenedores de Kubernetes se ejecutan en el nodo.\n")
    found = {form: c.concept.id for form, c in candidates_in(tmp_path, RUNTIME, "es", text).items() if c.score >= 0.5}
    assert found == {"runtime de contenedores": "container-runtime"}


def test_a_term_of_another_language_spelt_otherwise_glossing_its_concepts_term(tmp_path):
    """„插件（Addons）": the English term "Add-ons", written as one word, in full-width brackets
    after the concept's own Chinese term glosses it, as GL003 allows; the same word standing
    alone in a sentence is the term written otherwise. In brackets after another concept's
    term it glosses nothing of its own."""
    glossary = ("addons,en,Add-ons,preferred\naddons,zh,插件,preferred\n"
                "cluster,en,cluster,preferred\ncluster,zh,集群,preferred\n")
    text = "插件（Addons）\n集群使用 Addons 实现功能。\n集群（Addons）\n"
    found = candidates_in(tmp_path, glossary, "zh", text)
    assert {form: sorted(o.location.line for o in c.occurrences) for form, c in found.items()} == {"Addons": [2, 3]}


def test_a_word_of_one_stem_with_a_dictionarys_translation_renders_that_source_word(dictionaries, tmp_path):
    """"Display the subtotals?" → „Wyświetlać sumy częściowe?": the dictionary gives 'display'
    as the noun „wyświetlacz", the string has the verb „Wyświetlać", of one stem with it; so
    'Display' is rendered, and „sumy częściowe" is all the target has left for 'subtotals',
    as for a label that is the term alone. A word of another stem leaves two runs, and
    nothing says which."""
    write_dictionary(dictionaries, "freedict-eng-pol", [("display", "display <n>\n1. wyświetlacz\n")])
    glossary = "subtotal,en,subtotal,preferred\nsubtotal,pl,podsuma,preferred\n"
    found = gl006_in_po(tmp_path, glossary, "pl", [("Display the subtotals?", "Wyświetlać sumy częściowe?")])
    assert [(f["text"], f["concept"]) for f in found] == [("sumy częściowe", "subtotal")]
    assert gl006_in_po(tmp_path, glossary, "pl", [("Display the subtotals?", "Pokazać sumy częściowe?")]) == []


def test_a_compound_of_the_dictionarys_words_for_two_source_words_renders_them(dictionaries, tmp_path):
    """"Subtotals of the company report" → „Teilsummen des Firmenberichts": the dictionary
    gives „Firma" for 'company' and „Bericht" for 'report', and „Firmenberichts" is the two as
    one compound; so „Teilsummen" is all the target has left for 'subtotals'. A compound whose
    head is no word the dictionary gives („Firmenkontos") leaves two runs, and nothing says
    which."""
    write_dictionary(dictionaries, "freedict-eng-deu", [("company", "company <n>\n1. Firma\n"),
                                                        ("report", "report <n>\n1. Bericht\n")])
    glossary = "subtotal,en,subtotal,preferred\nsubtotal,de,Zwischensumme,preferred\n"
    found = gl006_in_po(tmp_path, glossary, "de", [("Subtotals of the company report",
                                                     "Teilsummen des Firmenberichts")])
    assert [(f["text"], f["concept"]) for f in found] == [("Teilsummen", "subtotal")]
    assert gl006_in_po(tmp_path, glossary, "de", [("Subtotals of the company report",
                                                   "Teilsummen des Firmenkontos")]) == []


def test_a_compound_whose_head_is_a_term_leaves_its_other_part_to_a_missing_term(tmp_path):
    """"Discount Amount" → „Diskontbetrag": the matcher reads 'amount' („Betrag") as the
    compound's head; its other part is what the target has for 'discount', whose term is
    „Rabatt", so the word is the candidate. Where the compound's first part is the term
    („Rabattbetrag") nothing is missing."""
    glossary = ("discount,en,discount,preferred\ndiscount,de,Rabatt,preferred\n"
                "amount,en,amount,preferred\namount,de,Betrag,preferred\n")
    found = gl006_in_po(tmp_path, glossary, "de", [("Discount Amount", "Diskontbetrag")])
    assert [(f["text"], f["concept"]) for f in found] == [("Diskontbetrag", "discount")]
    assert gl006_in_po(tmp_path, glossary, "de", [("Discount Amount", "Rabattbetrag")]) == []
