"""`scan` of a bilingual file lists the source side's matches too, each at the source text's
own place in the file, with its side named."""
from __future__ import annotations

import pytest

from mtcheck.engine import Checker
from mtcheck.formats import open_bilingual
from tests.test_positions import FILES, _file_text_at

BILINGUAL = ["de.po", "a.xlf", "b.xlf", "a.tmx", "a.csv"]


@pytest.mark.parametrize("name", BILINGUAL)
def test_scan_lists_source_matches_at_the_source_text(tmp_path, cli_json, name):
    text = FILES[name][0]
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    code, report, err = cli_json("scan", path, "--lang", "de", "--source-lang", "en", "--isolated")
    assert code == 0, err
    sides = {m["side"] for m in report["matches"]}
    assert sides == {"source", "target"}
    for match in report["matches"]:
        assert match["lang"] == ("en" if match["side"] == "source" else "de"), match
        assert _file_text_at(name, text, match) == match["text"].replace("\ufffc", ""), match
    sources = [m["text"].lower() for m in report["matches"] if m["side"] == "source"]
    assert any("mass" in t and "mobilisation" in t for t in sources)


def test_a_source_several_targets_share_is_listed_once(tmp_path, cli_json):
    tmx = ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en" creationtool="t" '
           'creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext"/><body>\n'
           '<tu><tuv xml:lang="en"><seg>Skilful mass mobilisation.</seg></tuv>\n'
           '<tuv xml:lang="de"><seg>Geschickte Massenmobilisierung.</seg></tuv>\n'
           '<tuv xml:lang="nb"><seg>Faglært massemobilisering.</seg></tuv></tu>\n</body></tmx>\n')
    path = tmp_path / "m.tmx"
    path.write_text(tmx, encoding="utf-8")
    _, report, _ = cli_json("scan", path, "--isolated")
    source = [(m["line"], m["column"], m["text"]) for m in report["matches"] if m["side"] == "source" and "within" not in m]
    assert source == [(3, 29, "Skilful mass mobilisation")]


def test_the_bilingual_rules_see_the_source_at_its_place(tmp_path, glossary):
    path = tmp_path / "de.po"
    path.write_bytes(FILES["de.po"][0].encode("utf-8"))
    checker = Checker(glossary, [])
    segment = next(s for s in open_bilingual(str(path), "en", "de").segments() if s.source.startswith("A line"))
    [match] = [m for m in checker.source_matches(segment) if m.text == "skilful mass mobilisation"]
    assert (match.location.line, match.location.column) == (14, 19)


def test_the_text_report_names_the_source_side(tmp_path, cli):
    path = tmp_path / "de.po"
    path.write_bytes(FILES["de.po"][0].encode("utf-8"))
    _, out, _ = cli("scan", path, "--lang", "de", "--isolated")
    assert any(" source " in line and "skilful mass mobilisation" in line for line in out.splitlines())
    assert not any(" source " in line and "Massenmobilisierung" in line for line in out.splitlines())
