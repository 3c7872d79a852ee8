"""A bilingual finding shows its source text (text, JSON), and an inconsistent translation
quotes the other one: without them a translator cannot act."""
from __future__ import annotations

from tests.conftest import run_cli, run_cli_json

GLOSSARY = "concept,lang,term,status\nfolder,en,folder,preferred\nfolder,de,Ordner,preferred\n"


def _xliff(tmp_path, pairs):
    units = "".join(f'<trans-unit id="u{n}"><source>{s}</source><target>{t}</target></trans-unit>\n'
                    for n, (s, t) in enumerate(pairs, 1))
    path = tmp_path / "t.xlf"
    path.write_text('<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">\n<file source-language="en" '
                    f'target-language="de" datatype="plaintext"><body>\n{units}</body></file></xliff>\n',
                    encoding="utf-8")
    (tmp_path / "g.csv").write_text(GLOSSARY, encoding="utf-8")
    return path


def test_a_missing_term_shows_the_source_in_json_and_text(tmp_path):
    path = _xliff(tmp_path, [("Save the file to a folder.", "Speichern Sie die Datei.")])
    code, report, err = run_cli_json("check", path, "-g", tmp_path / "g.csv", "--isolated", "--select", "GL004")
    assert code == 1, err
    finding, = report["findings"]
    assert (finding["source"], finding["text"]) == ("Save the file to a folder.", "folder")
    code, out, err = run_cli("check", path, "-g", tmp_path / "g.csv", "--isolated", "--select", "GL004", "--no-table")
    lines = out.splitlines()
    assert lines[0].startswith(f"{path}:3:") and " error GL004 [u1] " in lines[0]
    assert lines[1] == "    source: Save the file to a folder."


def test_a_monolingual_finding_has_no_source(tmp_path):
    (tmp_path / "g.csv").write_text(GLOSSARY + "folder,de,Verzeichnis,deprecated\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Das Verzeichnis ist leer.\n", encoding="utf-8")
    code, report, err = run_cli_json("check", tmp_path / "a.txt", "-g", tmp_path / "g.csv", "--lang", "de",
                                     "--isolated")
    assert code == 1, err
    assert [("source" in f, f["rule"]) for f in report["findings"]] == [(False, "GL001")]


def test_an_inconsistent_translation_quotes_the_other(tmp_path):
    path = _xliff(tmp_path, [("Open the folder.", "Den Ordner öffnen."), ("Open the folder.", "Ordner aufmachen.")])
    code, report, err = run_cli_json("check", path, "-g", tmp_path / "g.csv", "--isolated", "--select", "GL005")
    assert code == 1, err
    finding, = report["findings"]
    assert finding["data"]["other_translation"] == "Den Ordner öffnen."
    assert finding["message"].endswith("in segment u1 (line 3): 'Den Ordner öffnen.'")
    assert finding["source"] == "Open the folder."
