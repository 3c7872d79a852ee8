"""Fixes that keep the sentence grammatical: the replaced noun inflected for case and number,
the article, determiners and adjectives made to agree with its gender; a fix that cannot be
sure is unsafe (applied only with --unsafe-fixes), one that would change the part of speech
is only shown. Each row: the sentence, after --fix, after --fix --unsafe-fixes."""
from __future__ import annotations

import json

import pytest
from conftest import run_cli

from mtcheck.language.nouns import german_lexicon_installed

GLOSSARY = """concept,lang,term,status,part_of_speech,gender,number
dir,en,directory,preferred,noun,,
dir,de,Ordner,preferred,noun,masculine,
dir,de,Verzeichnis,deprecated,noun,neuter,
dir,fr,dossier,preferred,noun,masculine,
dir,fr,répertoire,deprecated,noun,masculine,
dir,es,carpeta,preferred,noun,feminine,
dir,es,directorio,deprecated,noun,masculine,
account,en,account,preferred,noun,,
account,de,Benutzerkonto,preferred,noun,neuter,
account,de,Account,deprecated,noun,masculine,
password,en,password,preferred,noun,,
password,de,Passwort,preferred,noun,neuter,
password,de,Kennwort,deprecated,noun,neuter,
option,en,option,preferred,noun,,
option,fr,paramètre,preferred,noun,masculine,
option,fr,option,deprecated,noun,feminine,
configure,en,configure,preferred,verb,,
configure,de,Konfiguration,preferred,noun,feminine,
configure,de,einstellen,deprecated,verb,,
"""

ROWS = {
    "de": [
        ("Das Verzeichnis ist leer.", "Der Ordner ist leer.", None),
        ("Verschieben Sie die Datei in ein anderes Verzeichnis.",
         "Verschieben Sie die Datei in einen anderen Ordner.", None),
        ("Der Name des Verzeichnisses ist zu lang.", "Der Name des Ordners ist zu lang.", None),
        ("Im Verzeichnis liegen keine Dateien.", "Im Ordner liegen keine Dateien.", None),
        ("Wählen Sie ein Verzeichnis aus.", "Wählen Sie einen Ordner aus.", None),
        ("Die Verzeichnisse sind leer.", "Die Ordner sind leer.", None),
        ("Öffnen Sie das Verzeichnis.", "Öffnen Sie den Ordner.", None),
        ("Der Account wurde gesperrt.", "Das Benutzerkonto wurde gesperrt.", None),
        ("Melden Sie sich mit Ihrem Account an.", "Melden Sie sich mit Ihrem Benutzerkonto an.", None),
        ("Das Kennwort ist falsch.", "Das Passwort ist falsch.", None),
        ("Die Kennwörter stimmen nicht überein.", "Die Passwörter stimmen nicht überein.", None),
        ("Der Inhalt des Systemverzeichnisses wird angezeigt.", "Der Inhalt des Systemordners wird angezeigt.", None),
        ("Geben Sie das Kennwort des Accounts ein.", "Geben Sie das Passwort des Benutzerkontos ein.", None),
        # Nominative or accusative: not sure, so only with --unsafe-fixes.
        ("Ein Verzeichnis mit diesem Namen existiert bereits.", None,
         "Ein Ordner mit diesem Namen existiert bereits."),
        ("Das Verzeichnis enthält keine Dateien.", None, "Der Ordner enthält keine Dateien."),
        # A verb replaced by a noun: shown, never applied.
        ("Sie können den Wert hier einstellen.", None, None),
    ],
    "fr": [
        ("Le répertoire est vide.", "Le dossier est vide.", None),
        ("Copiez les répertoires.", "Copiez les dossiers.", None),
        ("Ouvrez le répertoire de travail.", "Ouvrez le dossier de travail.", None),
        ("Modifiez les anciennes options.", "Modifiez les anciens paramètres.", None),
        ("Modifiez l'option.", "Modifiez le paramètre.", None),
        ("Choisissez une option.", "Choisissez un paramètre.", None),
        ("Enregistrez cette option.", "Enregistrez ce paramètre.", None),
        # A participle later agrees with the old gender: unsafe.
        ("Cette option est désactivée.", None, "Ce paramètre est désactivée."),
    ],
    "es": [
        ("Abra el directorio.", "Abra la carpeta.", None),
        ("Seleccione un directorio.", "Seleccione una carpeta.", None),
        ("Cree un directorio nuevo.", "Cree una carpeta nueva.", None),
        ("Los directorios ocultos no se muestran.", "Las carpetas ocultas no se muestran.", None),
        ("Copie este directorio.", "Copie esta carpeta.", None),
        ("El nombre del directorio es demasiado largo.", None, "El nombre de la carpeta es demasiado largo."),
    ],
}


def _fixed(tmp_path, lang: str, *options: str) -> list[str]:
    glossary = tmp_path / "g.csv"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    path = tmp_path / f"{lang}.txt"
    path.write_text("\n".join(row[0] for row in ROWS[lang]) + "\n", encoding="utf-8")
    code, _, err = run_cli("check", str(path), "-g", str(glossary), "--lang", lang, "--fix", *options)
    assert code in (0, 1) and "Traceback" not in err
    return path.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("lang", sorted(ROWS))
def test_safe_fixes_are_grammatical_and_unsure_ones_wait(tmp_path, lang):
    if lang == "de" and not german_lexicon_installed():
        pytest.skip("the German noun lexicon (german-nouns) is not installed")
    after = _fixed(tmp_path, lang)
    assert after == [safe if safe is not None else text for text, safe, _ in ROWS[lang]]


@pytest.mark.parametrize("lang", sorted(ROWS))
def test_unsafe_fixes_apply_the_best_guess(tmp_path, lang):
    if lang == "de" and not german_lexicon_installed():
        pytest.skip("the German noun lexicon (german-nouns) is not installed")
    after = _fixed(tmp_path, lang, "--unsafe-fixes")
    assert after == [unsafe or safe or text for text, safe, unsafe in ROWS[lang]]


def test_fixed_text_has_nothing_left_to_fix(tmp_path):
    for lang in ROWS:
        _fixed(tmp_path, lang)
        again = (tmp_path / f"{lang}.txt").read_text(encoding="utf-8")
        _fixed_again = _fixed_file(tmp_path, lang)
        assert _fixed_again == again


def _fixed_file(tmp_path, lang):
    path = tmp_path / f"{lang}.txt"
    run_cli("check", str(path), "-g", str(tmp_path / "g.csv"), "--lang", lang, "--fix")
    return path.read_text(encoding="utf-8")


def test_json_and_sarif_carry_the_fix_with_its_applicability(tmp_path):
    glossary = tmp_path / "g.csv"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    path = tmp_path / "es.txt"
    path.write_text("Abra el directorio.\nSus valores se pueden einstellen.\n", encoding="utf-8")
    _, out, _ = run_cli("check", str(path), "-g", str(glossary), "--lang", "es", "--format", "json")
    [finding] = [f for f in json.loads(out)["findings"] if f["rule"] == "GL001"]
    assert finding["fix"] == {"applicability": "safe", "edits": [
        {"line": 1, "column": 6, "end_line": 1, "end_column": 19, "text": "la carpeta"}]}
    _, out, _ = run_cli("check", str(path), "-g", str(glossary), "--lang", "es", "--format", "sarif")
    [result] = [r for r in json.loads(out)["runs"][0]["results"] if r["ruleId"] == "GL001"]
    [change] = result["fixes"][0]["artifactChanges"]
    assert change["replacements"] == [{"deletedRegion": {"startLine": 1, "startColumn": 6, "endLine": 1,
                                                         "endColumn": 19}, "insertedContent": {"text": "la carpeta"}}]
    code, out, _ = run_cli("check", str(path), "-g", str(glossary), "--lang", "es", "--show-fixes")
    assert "    fix (safe): 1:6-1:19 -> 'la carpeta'" in out
