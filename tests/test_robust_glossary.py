"""Glossaries with awkward data: terms that look like format strings, ids that look like
comments, tabs and newlines in terms; and glossary files that cannot be read, each refused
with one line naming the file and line."""
from __future__ import annotations

import pytest

from tests.conftest import run_cli, run_cli_json


# -- GL006 on terms with braces ----------------------------------------------------------------
def test_unknown_rendering_message_keeps_braces_of_terms_and_text(tmp_path):
    glossary = tmp_path / "braces.csv"
    glossary.write_text("concept,lang,term,status\nmob,en,skilful {mass} mobilisation,preferred\n"
                        "mob,de,Geschickte Massenmobilisierung,preferred\n", encoding="utf-8")
    text = tmp_path / "t.txt"
    text.write_text("Die Bewegung „Geschickte Massenmobilisierung“ wächst.\n"
                    "Der Wettbewerb „Geschickte Massenmobilisierung“ beginnt.\n"
                    "Die Bewegung „Kluge} Massenmobilisierung“ wächst.\n", encoding="utf-8")
    code, report, err = run_cli_json("check", text, "-g", glossary, "--lang", "de", "--select", "GL006")
    assert code == 1, err
    finding, = report["findings"]
    assert finding["text"] == "Kluge} Massenmobilisierung"
    assert finding["message"].startswith("'Kluge} Massenmobilisierung' may render 'skilful {mass} mobilisation'")
    assert finding["message"].endswith("the glossary's term is 'Geschickte Massenmobilisierung'")
