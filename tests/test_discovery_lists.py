"""Lists in bilingual segments: a target list of as many items as the source's, lined up by the
terms both render in place, says which words render the term the target leaves out."""
from __future__ import annotations

import pytest

from mtcheck.discovery.lists import list_items, list_marks
from mtcheck.language import words_of
from tests.test_bilingual import write_dictionary
from tests.test_discovery import candidates_in, gl006_in_po

pytest.importorskip("babel")

GLOSSARY = ("equity,en,Equity,preferred\nequity,es,Patrimonio,preferred\n"
            "trading,en,Trading,preferred\ntrading,es,Negociación,preferred\n"
            "liability,en,Liabilities,preferred\nliability,es,Pasivos,preferred\n"
            "income,en,Income,preferred\nincome,es,Ingresos,preferred\n"
            "total,en,Total,preferred\ntotal,es,Total,preferred\n")
FILLER = [("Open the report", "Abrir el informe")]


def items_of(text: str, lang: str) -> list[list[str]]:
    words = words_of(text)
    return [[" ".join(w[0] for w in words[first:stop]) for first, stop in items]
            for items in list_items(text, words, list_marks(lang))]


def test_list_marks_are_the_languages_own():
    """The CLDR's list patterns: German joins the last item with „und" or „oder", Chinese
    separates items with 、 and joins the last with 和 or 或."""
    assert {"und", "oder"} <= list_marks("de").conjunctions and "," in list_marks("de").separators
    assert {"和", "或"} <= list_marks("zh").conjunctions and "、" in list_marks("zh").separators


def test_a_list_is_its_short_items_and_a_comma_alone_joins_no_two():
    assert items_of("Total Equity, Trading, and Liabilities", "en") == [["Total Equity", "Trading", "Liabilities"]]
    # The conjunction joins the last two items: a comma after them begins something else.
    assert items_of("Addons sind Pods und Dienste, die Clusterfunktionen implementieren.", "de") == [
        ["Addons sind Pods", "Dienste"]]
    assert items_of("Total des capitaux, mouvements, dettes", "fr") == [["Total des capitaux", "mouvements", "dettes"]]
    # Two items need the conjunction; a clause between commas is no item.
    assert items_of("If you proceed, you may not be able to save any changes.", "en") == []
    assert items_of("Wenn Sie fortfahren, gehen die Änderungen verloren, die Sie gemacht haben.", "de") == []


def test_the_item_in_the_place_of_the_sources_renders_its_term(tmp_path):
    """"Total Equity, Trading, and Liabilities" → „Total Beneficio, Mercantil y Pasivos":
    „Pasivos" renders Liabilities in its place, so the lists line up, and the first two items
    render Equity and Trading, seen once each, beside other words („Total")."""
    findings = gl006_in_po(tmp_path, GLOSSARY, "es", [
        ("Total Equity, Trading, and Liabilities", "Total Beneficio, Mercantil y Pasivos")] + FILLER)
    assert sorted((f["text"], f["concept"]) for f in findings) == [("Beneficio", "equity"), ("Mercantil", "trading")]
    assert all("the item of the target's list in the place of the source's" in f["message"] for f in findings)


def test_lists_that_do_not_line_up_say_nothing(tmp_path):
    """„Ingresos" is in its place, but „Pasivos" renders the source's third item in the second
    place: the target orders its items otherwise, and its first item need not render the first."""
    findings = gl006_in_po(tmp_path, GLOSSARY, "es", [
        ("Equity, Trading, Liabilities, and Income", "Beneficio, Pasivos, Mercantil y Ingresos")] + FILLER)
    assert findings == []


KEPT_SERVICE = ("node,en,Node,preferred\nnode,de,Knoten,preferred\npod,en,Pod,preferred\npod,de,Pod,preferred\n"
                "service,en,Service,preferred\nservice,de,Service,preferred\n")
ENG_DEU = [("service", "service /sɜːvɪs/ <n>\n1. Dienst\n2. Bedienung\n3. Dienstleistung\n4. Gottesdienst\n")]


def test_a_sense_named_among_the_glossarys_terms_renders_the_kept_term(dictionaries, tmp_path):
    """„Dienst" is one of four senses the dictionary gives "Service", which the glossary keeps
    as it is: on its own it renders nothing. Named in a list whose every other item is a term
    next to the list's joints („einem Knoten, einem Pod oder einem Dienst", „Pods und Dienste,
    die …": the relative clause after the last item is no item) it is a thing of their kind,
    the term's sense; the node's „notwendigen Dienste" elsewhere are not, nor are they where
    „und" joins them to a clause („notwendigen Dienste und wird von den Master-Komponenten
    verwaltet": a verb next to the joint, no term)."""
    write_dictionary(dictionaries, "freedict-eng-deu", ENG_DEU)
    text = ("Der Apiserver verbindet sich mit einem Knoten, einem Pod oder einem Dienst.\n"
            "Jeder Knoten enthält die für Pods notwendigen Dienste.\n"
            "Addons sind Pods und Dienste, die Clusterfunktionen implementieren.\n"
            "Jeder Knoten enthält die notwendigen Dienste und wird von den Master-Komponenten verwaltet.\n")
    found = {form: c for form, c in candidates_in(tmp_path, KEPT_SERVICE, "de", text).items() if c.score >= 0.5}
    assert {form: c.concept.id for form, c in found.items()} == {"Dienst": "service"}
    assert [o.location.line for o in found["Dienst"].occurrences] == [1, 3]
    listed = next(e for e in found["Dienst"].evidence if e.signal == "listed")
    assert listed.detail.startswith("named in a list beside the terms 'Node', 'Pod'")
