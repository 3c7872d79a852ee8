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


# -- glossary convert keeps awkward data -------------------------------------------------------
def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


# (concept id, language, term, status), as they must come out of every format.
AWKWARD = [
    ("#one", "en", "tab\there", "preferred"),
    ("#one", "de", 'Komma, "Zitat"', "preferred"),
    ("#one", "de", "#hashtag", "deprecated"),
    ("# two", "de", "10\u00a0km  weit", "admitted"),
    ("a,b", "vi", "Dân vận khéo", "preferred"),
    ('q"uote', "en", "x\ty\tz", "admitted"),
    ("ünï", "tr", "Nitelikli Kitle Seferberliği", "superseded"),
    ("=1+1", "en", "=SUM(A1)", "preferred"),
    ("|pipe|", "en", "a|b; c", "preferred"),
]


def _awkward_tbx() -> str:
    entries = []
    for concept_id in dict.fromkeys(row[0] for row in AWKWARD):
        lang_sets = "".join(
            f'<langSet xml:lang="{lang}"><tig><term>{_escaped(term)}</term>'
            f'<termNote type="administrativeStatus">{status}Term-admn-sts</termNote></tig></langSet>\n'
            for cid, lang, term, status in AWKWARD if cid == concept_id)
        entries.append(f'<termEntry id="{_escaped(concept_id)}">\n{lang_sets}</termEntry>\n')
    # A term wrapped over lines, as people indent TBX by hand, reads as one line.
    entries.append('<termEntry id="wrapped"><langSet xml:lang="de"><tig><term>\n    zwei\n    Zeilen\n  </term>'
                   '</tig></langSet></termEntry>\n')
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<martif xml:lang="en"><text><body>\n{"".join(entries)}' \
           '</body></text></martif>\n'


def _tuples(path) -> list[tuple[str, str, str, str]]:
    from mtcheck.glossary import load_glossary

    return sorted((c.id, t.lang, t.text, t.status.value) for c in load_glossary(path) for t in c.terms)


EXPECTED = sorted(AWKWARD + [("wrapped", "de", "zwei Zeilen", "admitted")])


@pytest.mark.parametrize("middle, to", [("g.csv", "csv"), ("g.tsv", "tsv"), ("g.tbx", "tbx2")])
def test_tbx_round_trip_keeps_ids_terms_and_statuses(tmp_path, middle, to):
    source = tmp_path / "in.tbx"
    source.write_text(_awkward_tbx(), encoding="utf-8")
    assert _tuples(source) == EXPECTED
    assert run_cli("glossary", "convert", source, tmp_path / middle, "--to", to)[0] == 0
    assert _tuples(tmp_path / middle) == EXPECTED
    back = tmp_path / "back.tbx"
    assert run_cli("glossary", "convert", tmp_path / middle, back)[0] == 0
    assert _tuples(back) == EXPECTED


def test_csv_round_trip_of_the_same_data_is_byte_for_byte_stable(tmp_path):
    source = tmp_path / "in.tbx"
    source.write_text(_awkward_tbx(), encoding="utf-8")
    run_cli("glossary", "convert", source, tmp_path / "one.csv")
    run_cli("glossary", "convert", tmp_path / "one.csv", tmp_path / "two.csv")
    assert (tmp_path / "one.csv").read_bytes() == (tmp_path / "two.csv").read_bytes()


def test_csv_comment_is_an_unquoted_hash_and_a_quoted_one_is_data(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text('concept,lang,term,status\n# a comment,en,x,preferred\n  #also,en,y,preferred\n'
                    '"#kept",en,z,preferred\n', encoding="utf-8")
    assert _tuples(path) == [("#kept", "en", "z", "preferred")]


def test_pairs_keep_a_source_term_that_starts_with_a_hash(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text('concept,lang,term,status\nc,en,#hashtag,preferred\nc,de,#Hashtag,preferred\n'
                      'd,en,"line\rbreak",preferred\nd,de,zwei,preferred\n', encoding="utf-8")
    pairs = tmp_path / "pairs.csv"
    assert run_cli("glossary", "convert", source, pairs, "--to", "pairs-csv", "--source-lang", "en")[0] == 0
    from mtcheck.glossary import load_glossary

    back = load_glossary(pairs, "en", "de")
    assert [[t.text for t in c.terms] for c in back] == [["#hashtag", "#Hashtag"], ["line\rbreak", "zwei"]]


def test_a_term_with_a_line_break_is_refused_for_tbx_naming_where_it_was_read(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text('concept,lang,term,status\nc,en,x,preferred\nc,de,"zwei\nZeilen",preferred\n', encoding="utf-8")
    target = tmp_path / "out.tbx"
    code, _, err = run_cli("glossary", "convert", source, target)
    assert code == 2 and not target.exists()
    assert err.strip() == (f"error: {target}: concept 'c' cannot be written as TBX: term 'zwei\\nZeilen' (de, read "
                           f"at {source}:3) has a line break, which a TBX term cannot keep")


def test_a_control_character_is_refused_for_tbx_naming_where_it_was_read(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text('concept,lang,term,status\nc,en,x,preferred\nc\x01d,de,y,preferred\n', encoding="utf-8")
    target = tmp_path / "out.tbx"
    code, _, err = run_cli("glossary", "convert", source, target)
    assert code == 2
    assert err.strip() == (f"error: {target}: concept 'c\\x01d' cannot be written as XML: concept id 'c\\x01d' (read "
                           f"at {source}:3) has a character XML cannot hold ('\\x01')")


# -- language codes ----------------------------------------------------------------------------
@pytest.mark.parametrize("name, content, line, code", [
    ("g.csv", "concept,lang,term,status\nc,en,x,preferred\nc,d\x01e,y,preferred\n", 3, "d\\x01e"),
    ("g.csv", "concept,lang,term,status\nc,d e,y,preferred\n", 2, "d e"),
    ("g.tbx", '<martif xml:lang="en"><text><body>\n<termEntry>\n<langSet xml:lang="d e"><tig><term>y</term></tig>'
              '</langSet></termEntry></body></text></martif>\n', 3, "d e"),
    ("g.tbx", '<martif xml:lang="e/n"><text><body></body></text></martif>\n', 1, "e/n"),
])
def test_a_bad_language_code_is_one_line_with_file_and_line(tmp_path, name, content, line, code):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    for target in ("out.tbx", "out.csv"):
        status, out, err = run_cli("glossary", "convert", path, tmp_path / target)
        assert status == 2 and err.strip() == f"error: {path}:{line}: '{code}' is not a language code", err
        assert "Traceback" not in out + err


def test_a_bad_language_code_for_headerless_pairs_is_refused(tmp_path):
    path = tmp_path / "pairs.csv"
    path.write_text("sun,Sonne\n", encoding="utf-8")
    code, _, err = run_cli("glossary", "convert", path, tmp_path / "o.tbx", "--source-lang", "en",
                           "--target-lang", "d\x01e")
    assert code == 2 and err.strip() == f"error: {path}: 'd\\x01e' is not a language code"


# -- malformed glossary files ------------------------------------------------------------------
@pytest.mark.parametrize("name, content, line, message", [
    ("g.csv", 'concept,lang,term,status\nc,en,"open\n', 2, "expected 4 fields, found 3"),
    ("g.csv", "concept,lang,term,status\nc,en,x\n", 2, "expected 4 fields, found 3"),
    ("g.csv", "concept,lang,term,status\nc,en,x,y\n", 2, "unknown status 'y'"),
    ("g.csv", "concept,lang,term,status,options\nc,en,x,preferred,loud\n", 2, "unknown term option 'loud'"),
    ("g.tsv", "id\ten\tde\na\tx\n", 2, "expected 3 fields, found 2"),
    ("g.tsv", "id\ten\t\x01\na\tx\ty\n", 1, "column '\\x01' is not a language code"),
    ("g.csv", "concept,lang,term,status\n\xff\n", 2, "cannot decode"),
    ("g.tbx", "<html/>", 1, "not a TBX file: root element is <html>"),
    ("g.tbx", '<martif><text><body><termEntry>\n<langSet><tig><term>y</term></tig></langSet></termEntry>'
              '</body></text></martif>', 2, "<langSet> without xml:lang"),
    ("g.tbx", '<martif><text><body><termEntry>\n<langSet xml:lang="de"><tig>\n<note>n</note></tig></langSet>'
              '</termEntry></body></text></martif>', 2, "<tig> without <term>"),
    ("g.tbx", "<martif>" + "<x>" * 300 + "</x>" * 300 + "</martif>", 1, "malformed XML"),
    ("g.tbx", "", 1, "malformed XML"),
])
def test_malformed_glossary_is_one_line_with_file_and_line(tmp_path, name, content, line, message):
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8").replace(b"\xc3\xbf", b"\xff"))
    code, out, err = run_cli("glossary", "convert", path, tmp_path / "out.csv")
    assert code == 2 and err.startswith(f"error: {path}:{line}: {message}"), err
    assert "Traceback" not in out + err and len(err.strip().splitlines()) == 1


def test_a_wide_column_of_letters_that_is_no_language_code_is_refused(tmp_path):
    source = tmp_path / "wide.csv"
    source.write_text("\u3f3fid,note,en\nskilful-mm,,skilful mass mobilisation\n", encoding="utf-8")
    code, _, err = run_cli("glossary", "validate", source)
    assert code == 2 and "is not a language code" in err


# -- a term of pages -----------------------------------------------------------------------
PAGE = " ".join(["Die Bewegung wächst in der Provinz weiter."] * 40)  # 1,679 characters


@pytest.mark.parametrize("name, content, line", [
    # A quote left open: the cell runs on over the rows after it, up to the next quote.
    ("g.tsv", 'id\ten\tde\nfront\tFatherland Front\tVaterlandsfront\n'
              'mm\tskilful mass mobilisation\t"Geschickte Massenmobilisierung\n'
              + "".join(f"x{n}\t{PAGE}\tSatz {n}\n" for n in range(3)) + 'end\ta\t"b\n', 3),
    ("g.csv", f"concept,lang,term,status\nmm,en,skilful mass mobilisation,preferred\nmm,de,{PAGE},preferred\n", 3),
    ("g.tbx", '<martif><text><body><termEntry id="mm">\n<langSet xml:lang="de">\n'
              f'<tig><term>{PAGE}</term></tig></langSet></termEntry></body></text></martif>', 3),
])
def test_a_term_of_pages_is_refused_naming_file_and_line(tmp_path, name, content, line):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    text = tmp_path / "t.txt"
    text.write_text("Die Bewegung „Geschickte Massenmobilisierung“ wächst.\n", encoding="utf-8")
    for args in (("check", text, "-g", path, "--lang", "de"), ("glossary", "validate", path),
                 ("glossary", "convert", path, tmp_path / "out.csv")):
        code, out, err = run_cli(*args)
        assert code == 2, (args, out, err)
        assert err.startswith(f"error: {path}:{line}: a term of "), err
        assert "at most 1,000" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "out.csv").exists()


def test_a_term_of_a_thousand_characters_is_still_a_term(tmp_path):
    term = ("Massenmobilisierung " * 60)[:1000].strip()
    path = tmp_path / "g.csv"
    path.write_text(f"concept,lang,term,status\nmm,de,{term},preferred\nmm,en,skilful mass mobilisation,preferred\n",
                    encoding="utf-8")
    text = tmp_path / "t.txt"
    text.write_text("The skilful mass mobilisation grows.\n", encoding="utf-8")
    code, report, err = run_cli_json("check", text, "-g", path, "--lang", "de", "--select", "GL003")
    assert code == 1, err
    finding, = report["findings"]
    assert finding["suggestions"] == [term]
