"""In a bilingual segment a target word counts as a glossary term only where the source has
its concept: otherwise it is mostly the same spelling in another sense (German "haben" where the
source says "have" is not Haben, the credit column; Spanish "debe" is "must", not Debe)."""
from __future__ import annotations

from tests.conftest import run_cli_json

GLOSSARY = (
    "concept,lang,term,status\n"
    "credit,en,Credit,preferred\n"
    "credit,de,Haben,preferred\n"
    "debit,en,Debit,preferred\n"
    "debit,es,Debe,preferred\n"
    "debit,es,Cargo,deprecated\n"
    "mm,en,skilful mass mobilisation,preferred\n"
    "mm,de,Geschickte Massenmobilisierung,preferred\n"
    "mm,de,Fachkundige Massenmobilisierung,deprecated\n"
    "vat,de,Mehrwertsteuer,preferred\n"
)


def _po(tmp_path, lang, pairs):
    entries = "".join(f'msgid "{source}"\nmsgstr "{target}"\n\n' for source, target in pairs)
    path = tmp_path / f"{lang}.po"
    path.write_text(f'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                    + entries, encoding="utf-8")
    return path


def _glossary(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text(GLOSSARY, encoding="utf-8")
    return path


def _scan(path, glossary, *options):
    code, report, err = run_cli_json("scan", path, "-g", glossary, "--source-lang", "en", "--isolated", *options)
    assert code == 0, err
    return [(m["side"], m["text"], m["concept"]) for m in report["matches"]]


def test_a_target_word_of_a_concept_the_source_lacks_is_another_sense(tmp_path):
    path = _po(tmp_path, "de", [("You have no permission.", "Sie haben keine Berechtigung."),
                                ("Credit", "Haben"),
                                ("Total (credit)", "Summe (haben)")])
    glossary = _glossary(tmp_path)
    assert _scan(path, glossary) == [("source", "Credit", "credit"), ("target", "Haben", "credit"),
                                     ("source", "credit", "credit"), ("target", "haben", "credit")]
    # --all-senses counts every one, as in a monolingual text
    assert _scan(path, glossary, "--all-senses") == [("target", "haben", "credit"), *_scan(path, glossary)]


def test_check_reports_no_deprecated_term_where_the_word_has_another_sense(tmp_path):
    path = _po(tmp_path, "es", [("This must not be empty.", "No debe estar vacío. Cargo de la casa."),
                                ("Debit the fee", "Cargo de la tarifa")])
    glossary = _glossary(tmp_path)
    code, report, err = run_cli_json("check", path, "-g", glossary, "--source-lang", "en", "--isolated",
                                     "--select", "GL001")
    assert code == 1, err
    assert [(f["line"], f["text"]) for f in report["findings"]] == [(10, "Cargo")]
    code, report, err = run_cli_json("check", path, "-g", glossary, "--source-lang", "en", "--isolated",
                                     "--select", "GL001", "--all-senses")
    assert [(f["line"], f["text"]) for f in report["findings"]] == [(7, "Cargo"), (10, "Cargo")]


def test_the_configuration_may_count_every_sense(tmp_path):
    path = _po(tmp_path, "de", [("You have no permission.", "Sie haben keine Berechtigung.")])
    glossary = _glossary(tmp_path)
    code, report, err = run_cli_json("scan", path, "-g", glossary, "--source-lang", "en")
    assert code == 0 and report["matches"] == [], err
    (tmp_path / "mtcheck.toml").write_text("all-senses = true\n", encoding="utf-8")
    code, report, err = run_cli_json("scan", path, "-g", glossary, "--source-lang", "en")
    assert code == 0, err
    assert [(m["text"], m["concept"]) for m in report["matches"]] == [("haben", "credit")]


def test_terms_of_several_words_and_concepts_without_a_source_term_still_count(tmp_path):
    # Several words are rarely another sense by chance; a concept the glossary has no English
    # term for cannot be looked for in an English source.
    path = _po(tmp_path, "de", [("The movement grows.", "Die Fachkundige Massenmobilisierung wächst."),
                                ("Price incl. tax", "Preis inkl. Mehrwertsteuer")])
    assert [(m[1], m[2]) for m in _scan(path, _glossary(tmp_path))] == [
        ("Fachkundige Massenmobilisierung", "mm"), ("Mehrwertsteuer", "vat")]


def test_a_monolingual_text_counts_every_word(tmp_path):
    (tmp_path / "a.txt").write_text("Sie haben keine Berechtigung.\n", encoding="utf-8")
    code, report, err = run_cli_json("scan", tmp_path / "a.txt", "-g", _glossary(tmp_path), "--lang", "de",
                                     "--isolated")
    assert code == 0, err
    assert [(m["text"], m["concept"]) for m in report["matches"]] == [("haben", "credit")]


READINGS = (
    "concept,lang,term,status\n"
    "quotes,en,quotes,preferred\n"
    "quotes,es,cotizaciones,preferred\n"
    "price,en,price,preferred\n"
    "price,es,precio,preferred\n"
    "price,es,cotización,admitted\n"
    "reconcile,en,reconcile,preferred\n"
    "reconcile,es,conciliar,preferred\n"
    "reconciled,en,reconciled,preferred\n"
    "reconciled,es,conciliado,preferred\n"
)


def test_a_target_word_is_read_as_the_concept_the_source_has(tmp_path):
    # "cotizaciones" is the quotes' term as written, and the plural of "cotización", a price.
    (tmp_path / "g.csv").write_text(READINGS, encoding="utf-8")
    path = _po(tmp_path, "es", [("View the prices", "Ver las cotizaciones"),
                                ("Get quotes", "Obtener cotizaciones")])
    assert [m for m in _scan(path, tmp_path / "g.csv") if m[0] == "target"] == [
        ("target", "cotizaciones", "price"), ("target", "cotizaciones", "quotes")]


def test_of_two_terms_of_one_lemma_the_closer_form_is_meant(tmp_path):
    # "conciliados" is a form of the verb's lemma too; it is the state "conciliado" in the plural.
    (tmp_path / "g.csv").write_text(READINGS, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Los desgloses conciliados.\n", encoding="utf-8")
    code, report, err = run_cli_json("scan", tmp_path / "a.txt", "-g", tmp_path / "g.csv", "--lang", "es", "--isolated")
    assert code == 0, err
    assert [(m["text"], m["concept"]) for m in report["matches"]] == [("conciliados", "reconciled")]
