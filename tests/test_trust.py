"""Findings a user can trust with a real termbase: an inconsistent rendering said once per file,
a term shared by concepts never given to one of them by chance, glossaries in any Unicode form,
and `glossary validate` naming what would surprise a user."""
from __future__ import annotations

import pytest

from tests.conftest import run_cli, run_cli_json

GLOSSARY = (
    "concept,lang,term,status\n"
    "mm,en,skilful mass mobilisation,preferred\n"
    "mm,de,Geschickte Massenmobilisierung,preferred\n"
    "mm,de,Gekonnte Massenmobilisierung,admitted\n"
)
TEXT = ("Die Geschickte Massenmobilisierung wächst.\n"
        "Die Gekonnte Massenmobilisierung wächst.\n"
        "Die Bewegung heißt gekonnte Massenmobilisierung.\n"
        "Wieder die Gekonnte Massenmobilisierung.\n")


def _files(tmp_path, glossary=GLOSSARY, **texts):
    path = tmp_path / "g.csv"
    path.write_text(glossary, encoding="utf-8")
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    return path


# -- GL002 once per rendering and file ----------------------------------------------------------
def test_an_inconsistent_rendering_is_one_finding_per_file_with_every_place(tmp_path):
    glossary = _files(tmp_path, a=TEXT)
    code, report, err = run_cli_json("check", tmp_path / "a.txt", "-g", glossary, "--lang", "de", "--select", "GL002")
    assert code == 1, err
    finding, = report["findings"]
    assert (finding["line"], finding["column"], finding["text"]) == (2, 5, "Gekonnte Massenmobilisierung")
    assert "(3x)" in finding["message"] and "'Geschickte Massenmobilisierung' (1x)" in finding["message"]
    assert [(p["line"], p["column"], p["end_column"], p["text"]) for p in finding["data"]["places"]] == [
        (2, 5, 33, "Gekonnte Massenmobilisierung"), (3, 20, 48, "gekonnte Massenmobilisierung"),
        (4, 12, 40, "Gekonnte Massenmobilisierung")]


def test_across_a_run_each_file_has_its_own_finding(tmp_path):
    glossary = _files(tmp_path, a=TEXT, b="Die Gekonnte Massenmobilisierung.\n")
    code, report, err = run_cli_json("check", tmp_path / "a.txt", tmp_path / "b.txt", "-g", glossary, "--lang", "de",
                                     "--select", "GL002", "--consistency", "run")
    assert code == 1, err
    assert [(f["path"].rsplit("/", 1)[-1], len(f["data"]["places"])) for f in report["findings"]] == [
        ("a.txt", 3), ("b.txt", 1)]


def test_a_directive_silences_its_place_and_the_finding_moves_to_the_next(tmp_path):
    text = TEXT.replace("Die Gekonnte Massenmobilisierung wächst.",
                        "Die Gekonnte Massenmobilisierung wächst. <!-- mtcheck: ignore GL002 -->")
    glossary = _files(tmp_path, a=text)
    code, report, err = run_cli_json("check", tmp_path / "a.txt", "-g", glossary, "--lang", "de", "--select", "GL002",
                                     "--warn-unused-ignores")
    assert code == 1, err
    finding, = report["findings"]
    assert (finding["line"], finding["text"]) == (3, "gekonnte Massenmobilisierung")
    assert [p["line"] for p in finding["data"]["places"]] == [3, 4]
    every = TEXT.replace("\n", " <!-- mtcheck: ignore GL002 -->\n")
    (tmp_path / "a.txt").write_text(every, encoding="utf-8")
    code, report, err = run_cli_json("check", tmp_path / "a.txt", "-g", glossary, "--lang", "de", "--select", "GL002")
    assert code == 0 and report["findings"] == [], err


# -- a term of several concepts ---------------------------------------------------------------
SHARED = (
    "concept,lang,term,status\n"
    "file,en,file,preferred\n"
    "file,de,Datei,preferred\n"
    "database,en,database,preferred\n"
    "database,de,Datenbank,preferred\n"
    "database,de,Datei,admitted\n"
    "split,en,split,preferred\n"
    "split,de,Teilbuchung,preferred\n"
    "split,de,Buchung,superseded\n"
    "transaction,en,transaction,preferred\n"
    "transaction,de,Buchung,preferred\n"
    "old,en,ledger,preferred\n"
    "old,de,Journal,preferred\n"
    "old,de,Hauptbuch,deprecated\n"
    "older,en,general ledger,preferred\n"
    "older,de,Grundbuch,preferred\n"
    "older,de,Hauptbuch,deprecated\n"
)


def _xliff(tmp_path, pairs) -> str:
    units = "".join(f'<trans-unit id="u{n}"><source>{s}</source><target>{t}</target></trans-unit>\n'
                    for n, (s, t) in enumerate(pairs, 1))
    path = tmp_path / "t.xlf"
    path.write_text('<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">\n<file source-language="en" '
                    f'target-language="de" datatype="plaintext"><body>\n{units}</body></file></xliff>\n',
                    encoding="utf-8")
    return path


def _scan(*args):
    code, report, err = run_cli_json("scan", *args)
    assert code == 0, err
    return [(m["text"], m["concept"], m.get("ambiguous_with")) for m in report["matches"] if "within" not in m]


def test_a_shared_term_is_listed_under_every_concept_where_nothing_decides(tmp_path):
    glossary = _files(tmp_path, SHARED, a="Die Datei ist da.\n")
    assert _scan(tmp_path / "a.txt", "-g", glossary, "--lang", "de") == [
        ("Datei", "file", ["database"]), ("Datei", "database", ["file"])]


def test_the_source_decides_which_concept_a_shared_term_renders(tmp_path):
    glossary = _files(tmp_path, SHARED)
    path = _xliff(tmp_path, [("Open the file.", "Die Datei öffnen."),
                             ("Open the database.", "Die Datei öffnen."),
                             # Both in the source; "Datenbank" renders the database, so "Datei" is the file.
                             ("The database is on a read-only file system.", "Die Datenbank liegt auf einer Datei."),
                             ("Nothing here.", "Eine Datei.")])
    found = _scan(path, "-g", glossary, "--source-lang", "en")
    target = [m for m in found if m[0] in ("Datei", "Datenbank")]
    # The last source has neither: its "Datei" is no rendering of either (see test_source_support).
    assert target == [("Datei", "file", None), ("Datei", "database", None), ("Datenbank", "database", None),
                      ("Datei", "file", None)]
    found = _scan(path, "-g", glossary, "--source-lang", "en", "--all-senses")
    assert [m for m in found if m[0] == "Datei"][-2:] == [("Datei", "file", ["database"]), ("Datei", "database", ["file"])]


def test_a_term_deprecated_for_one_concept_and_accepted_for_another_is_no_finding(tmp_path):
    glossary = _files(tmp_path, SHARED, a="Die Buchung wurde gespeichert.\n")
    code, report, err = run_cli_json("check", tmp_path / "a.txt", "-g", glossary, "--lang", "de", "--select", "GL001")
    assert code == 0 and report["findings"] == [], err
    # The source says which: a split, where "Buchung" is superseded.
    path = _xliff(tmp_path, [("Delete the split.", "Die Buchung löschen."),
                             ("Delete the transaction.", "Die Buchung löschen.")])
    code, report, err = run_cli_json("check", path, "-g", glossary, "--source-lang", "en", "--select", "GL001")
    assert code == 1, err
    finding, = report["findings"]
    assert (finding["line"], finding["concept"], finding["suggestions"]) == (3, "split", ["Teilbuchung"])


def test_a_term_deprecated_for_several_concepts_names_each_and_is_not_fixed(tmp_path):
    glossary = _files(tmp_path, SHARED, a="Das Hauptbuch ist da.\n")
    code, report, err = run_cli_json("check", tmp_path / "a.txt", "-g", glossary, "--lang", "de", "--select", "GL001")
    assert code == 1, err
    finding, = report["findings"]
    assert finding["suggestions"] == ["Journal", "Grundbuch"]
    assert finding["data"]["concepts"] == ["old", "older"] and "also a term of 'general ledger'" in finding["message"]
    code, _, err = run_cli("check", tmp_path / "a.txt", "-g", glossary, "--lang", "de", "--select", "GL001", "--fix")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "Das Hauptbuch ist da.\n"


def test_a_shared_term_is_no_inconsistent_rendering(tmp_path):
    glossary = _files(tmp_path, SHARED, a="Die Datenbank. Die Datei. Die Datei.\n")
    code, report, err = run_cli_json("check", tmp_path / "a.txt", "-g", glossary, "--lang", "de", "--select", "GL002")
    assert code == 0 and report["findings"] == [], err


def test_of_two_terms_that_fold_alike_the_one_written_as_found_is_taken(tmp_path):
    glossary = _files(tmp_path, "concept,lang,term,status\n"
                                "account,en,user account,preferred\n"
                                "account,fr,compte d'utilisateur,deprecated\n"
                                "account,fr,compte utilisateur,preferred\n",
                      a="Créez un compte utilisateur.\n", b="Créez un compte d'utilisateur.\n")
    for name, expected in (("a", []), ("b", [("compte d'utilisateur", ["compte utilisateur"])])):
        code, report, err = run_cli_json("check", tmp_path / f"{name}.txt", "-g", glossary, "--lang", "fr",
                                         "--select", "GL001")
        assert [(f["text"], f["suggestions"]) for f in report["findings"]] == expected, err


# -- NFC everywhere ---------------------------------------------------------------------------
def test_a_term_written_in_decomposed_unicode_matches_composed_and_decomposed_text(tmp_path):
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Dân vận khéo")
    glossary = _files(tmp_path, f"concept,lang,term,status\nmm,vi,{nfd},preferred\nmm,de,Geschickte "
                                "Massenmobilisierung,preferred\n",
                      a="Phong trào Dân vận khéo.\n", b=unicodedata.normalize("NFD", "Phong trào Dân vận khéo.\n"))
    assert nfd != "Dân vận khéo"
    for name in ("a", "b"):
        found = _scan(tmp_path / f"{name}.txt", "-g", glossary, "--lang", "vi")
        assert [(unicodedata.normalize("NFC", text), concept) for text, concept, _ in found] == [("Dân vận khéo", "mm")]


# -- glossary validate --------------------------------------------------------------------------
def test_validate_names_collisions_rejected_only_languages_and_bad_tags_with_a_summary(tmp_path):
    import unicodedata

    path = tmp_path / "g.csv"
    path.write_text("concept,lang,term,status\n"
                    "account,fr,compte utilisateur,preferred\n"
                    "account,fr,compte d'utilisateur,deprecated\n"       # 3: folds like line 2
                    f"mm,vi,{unicodedata.normalize('NFD', 'Dân vận')},preferred\n"
                    "mass,vi,Dân vận,preferred\n"                       # 5: the same in NFC, another concept
                    "front,de,Vaterländische Front,deprecated\n"        # 6: nothing accepted in de
                    "front,english,Fatherland Front,preferred\n",       # 7: a name, not a tag
                    encoding="utf-8")
    code, out, err = run_cli("glossary", "validate", path)
    assert code == 1, err
    lines = out.splitlines()
    assert lines[:-1] == [
        f"{path}:3: deprecated \"compte d'utilisateur\" and preferred 'compte utilisateur' (fr) match the same text "
        "in concept 'account'",
        f"{path}:5: term 'Dân vận' (vi) is in concepts 'mm' and 'mass': the text or its source must tell them apart",
        f"{path}:6: concept 'front' has deprecated terms in de but no accepted one: its findings can suggest nothing",
        f"{path}:7: 'english' is no BCP 47 language tag (a language is 2 or 3 letters: 'de', 'gsw'); its terms "
        "match only text said to be in it",
    ]
    assert lines[-1] == ("4 problems in 1 glossary: 1 colliding terms, 1 language tags, 1 no accepted term, "
                         "1 shared by concepts")


def test_validate_says_which_region_tags_are_matched_as_one_language(tmp_path):
    path = tmp_path / "g.tbx"
    path.write_text('<martif type="TBX"><text><body>\n<termEntry id="file">\n<langSet xml:lang="pt-BR"><tig><term>arquivo'
                    '</term></tig></langSet>\n<langSet xml:lang="pt-PT"><tig><term>ficheiro</term></tig></langSet>\n'
                    '<langSet xml:lang="zh-TW"><tig><term>檔案</term></tig></langSet>\n<langSet xml:lang="zh_CN"><tig>'
                    '<term>文件</term></tig></langSet>\n<langSet xml:lang="de"><tig><term>Datei</term></tig></langSet>\n'
                    '<langSet xml:lang="DE"><tig><term>Datei</term></tig></langSet>\n</termEntry>\n</body></text></martif>\n',
                    encoding="utf-8")
    code, out, err = run_cli("glossary", "validate", path)
    assert code == 1, err
    assert out.splitlines() == [
        f"{path}:4: language tags 'pt-BR', 'pt-PT' are matched as one language, 'pt': their terms apply to text in "
        "any of them",
        f"{path}:6: language tags 'zh-TW', 'zh_CN' are matched as one language, 'zh': their terms apply to text in "
        "any of them",
        "2 problems in 1 glossary: 2 merged language tags"]


def test_a_foreign_term_of_several_concepts_suggests_each_ones_term_and_is_not_fixed(tmp_path):
    glossary = _files(tmp_path, "concept,lang,term,status\n"
                                "move,en,skilful mass mobilisation,preferred\nmove,de,Geschickte Massenmobilisierung,"
                                "preferred\nwork,en,skilful mass mobilisation,preferred\nwork,de,Geschickte "
                                "Massenarbeit,preferred\n",
                      a="Die skilful mass mobilisation wächst.\n")
    code, report, err = run_cli_json("check", tmp_path / "a.txt", "-g", glossary, "--lang", "de", "--select", "GL003")
    assert code == 1, err
    finding, = report["findings"]
    assert finding["suggestions"] == ["Geschickte Massenmobilisierung", "Geschickte Massenarbeit"]
    assert finding["data"]["concepts"] == ["move", "work"]
    run_cli("check", tmp_path / "a.txt", "-g", glossary, "--lang", "de", "--fix")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "Die skilful mass mobilisation wächst.\n"


# -- a separable verb split in a main clause ---------------------------------------------------
@pytest.mark.parametrize("target, missing", [
    ("Bitte melden Sie sich an, um fortzufahren.", False),
    ("Melde dich mit deinem Konto an.", False),
    ("Bitte anmelden, um fortzufahren.", False),
    ("Bitte melden Sie den Fehler.", True),                  # no particle: another verb
    ("Senden Sie die Meldung an uns.", True),                # a noun of the stem, not the verb
])
def test_a_separable_verb_split_in_a_main_clause_is_rendered(tmp_path, target, missing):
    glossary = _files(tmp_path, "concept,lang,term,status\nsign-in,en,sign in,preferred\n"
                                "sign-in,de,anmelden,preferred\n")
    path = _xliff(tmp_path, [("Please sign in to continue.", target)])
    code, report, err = run_cli_json("check", path, "-g", glossary, "--source-lang", "en", "--select", "GL004")
    assert [f["concept"] for f in report["findings"]] == (["sign-in"] if missing else []), err


# -- scripts without spaces ---------------------------------------------------------------------
def test_terms_are_found_inside_runs_of_chinese_and_japanese_characters(tmp_path):
    glossary = _files(tmp_path, "concept,lang,term,status\nbudget,en,budget,preferred\nbudget,zh-CN,预算,preferred\n"
                                "options,en,options,preferred\noptions,zh-CN,选项,preferred\n"
                                "file,en,file,preferred\nfile,ja,ファイル,preferred\n",
                      zh="打开预算选项。\n", ja="ファイルを開く。\n")
    assert [(text, concept) for text, concept, _ in _scan(tmp_path / "zh.txt", "-g", glossary, "--lang", "zh-CN")] == [
        ("预算", "budget"), ("选项", "options")]
    assert [(text, concept) for text, concept, _ in _scan(tmp_path / "ja.txt", "-g", glossary, "--lang", "ja")] == [
        ("ファイル", "file")]
    path = _xliff(tmp_path, [("Budget Options", "预算选项")])
    path.write_text(path.read_text(encoding="utf-8").replace('target-language="de"', 'target-language="zh-CN"'),
                    encoding="utf-8")
    code, report, err = run_cli_json("check", path, "-g", glossary, "--source-lang", "en", "--select", "GL004")
    assert code == 0 and report["findings"] == [], err


def test_term_words_of_one_lemma_are_one_word_whatever_their_stems(tmp_path):
    # The stemmer keys "podział" and "podziału" apart; the dictionary gives both the lemma
    # "podział", so a third form of it matches the one-word term, not only the other term.
    glossary = _files(tmp_path, "concept,lang,term,status\nsplit,en,split,preferred\nsplit,pl,podział,preferred\n"
                                "split-editor,en,split editor,preferred\nsplit-editor,pl,edytor podziału,preferred\n",
                      a="Transakcje z podziałami.\n", b="Otwórz edytor podziału.\n")
    assert [(t, c) for t, c, _ in _scan(tmp_path / "a.txt", "-g", glossary, "--lang", "pl")] == [("podziałami", "split")]
    assert [(t, c) for t, c, _ in _scan(tmp_path / "b.txt", "-g", glossary, "--lang", "pl")] == [
        ("edytor podziału", "split-editor")]


def test_a_shared_source_term_is_decided_by_the_target_and_never_missing_for_one_of_its_concepts(tmp_path):
    glossary = _files(tmp_path, "concept,lang,term,status\n"
                                "currency,en,currency,preferred\ncurrency,de,Währung,preferred\n"
                                "currency-account,en,currency,preferred\ncurrency-account,de,Devisenkonto,preferred\n")
    path = _xliff(tmp_path, [("Open the currency account.", "Das Devisenkonto öffnen."),
                             ("The currency of the locale.", "Die Währung des Gebietsschemas."),
                             ("The currency.", "Die Sache.")])
    code, report, err = run_cli_json("scan", path, "-g", glossary, "--source-lang", "en")
    assert code == 0, err
    source = [(m["line"], m["concept"], m.get("ambiguous_with")) for m in report["matches"] if m["side"] == "source" and "within" not in m]
    assert source == [(3, "currency-account", None), (4, "currency", None),
                      (5, "currency", ["currency-account"]), (5, "currency-account", ["currency"])]
    code, report, err = run_cli_json("check", path, "-g", glossary, "--source-lang", "en", "--select", "GL004")
    # Rendered as either concept: no finding; rendered as neither: one, naming the first concept's term.
    assert [(f["line"], f["concept"]) for f in report["findings"]] == [(5, "currency")], err


def test_validate_reports_terms_that_differ_only_in_the_form_of_an_article(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("concept,lang,term,status\n"
                    "account,es,cuenta de usuario,preferred\n"
                    "account,es,cuenta del usuario,deprecated\n", encoding="utf-8")
    code, out, err = run_cli("glossary", "validate", path)
    assert code == 1, err
    assert out.splitlines()[0] == (f"{path}:3: deprecated 'cuenta del usuario' and preferred 'cuenta de usuario' (es) "
                                   "match the same text in concept 'account'")
