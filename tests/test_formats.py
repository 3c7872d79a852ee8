"""Bilingual files: reading, inline markup, write-back, safety, and the bilingual rules on them."""
from __future__ import annotations

import codecs

import pytest
from lxml import etree

from mtcheck.formats import open_bilingual
from mtcheck.formats.inline import InlineError
from mtcheck.language import PLACEHOLDER
from tests.conftest import SEEDS

XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
  <file source-language="en" target-language="de" datatype="plaintext" original="a.txt">
    <body>
      <trans-unit id="u1">
        <source>The <g id="1">skilful mass mobilisation</g> movement<x id="2"/>.</source>
        <target>Die Bewegung <g id="1">Geschickte Massenmobilisierung</g><x id="2"/>.</target>
      </trans-unit>
      <group id="grp">
        <trans-unit id="u2">
          <source>Skilful mass mobilisation <ph id="3">&lt;br/&gt;</ph> matters.</source>
          <target>Das <bpt id="4">&lt;b&gt;</bpt>ist<ept id="4">&lt;/b&gt;</ept> wichtig.</target>
        </trans-unit>
      </group>
      <trans-unit id="u3">
        <source>Untranslated.</source>
      </trans-unit>
      <trans-unit id="u4">
        <source>Mass mobilisation</source>
        <target>Fachkundige <g id="5">Massen</g>mobilisierung <ph id="6">Massenmobilisierung</ph></target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""

XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>\r
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="vi" trgLang="nb"\r
 xmlns:gls="urn:oasis:names:tc:xliff:glossary:2.0">\r
 <file id="f1">\r
  <unit id="1">\r
   <gls:glossary><gls:glossEntry><gls:term>Dân vận khéo</gls:term>\r
    <gls:translation>Faglært massemobilisering</gls:translation></gls:glossEntry></gls:glossary>\r
   <segment id="s1">\r
    <source>Phong trào <pc id="p1">Dân vận khéo</pc>.</source>\r
    <target>Bevegelsen <pc id="p1">Faglært massemobilisering</pc>.</target>\r
   </segment>\r
   <segment id="s2">\r
    <source>Công tác dân vận<ph id="ph1"/>.</source>\r
    <target>Massemobiliseringsarbeidet<ph id="ph1"/> <mrk id="m1" type="term">dyktig</mrk> gjøres.</target>\r
   </segment>\r
  </unit>\r
 </file>\r
</xliff>\r
"""

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/>
  <body>
    <tu tuid="a">
      <tuv xml:lang="en"><seg>The <bpt i="1">&lt;b&gt;</bpt>skilful mass mobilisation<ept i="1">&lt;/b&gt;</ept> movement.</seg></tuv>
      <tuv xml:lang="de"><seg>Die <bpt i="1">&lt;b&gt;</bpt>Fachkundige Massenmobilisierung<ept i="1">&lt;/b&gt;</ept>.</seg></tuv>
      <tuv xml:lang="tr"><seg>Nitelikli <hi>Kitle</hi> Seferberliği hareketi.</seg></tuv>
    </tu>
    <tu tuid="b">
      <tuv xml:lang="en"><seg>Grassroots democracy.</seg></tuv>
      <tuv xml:lang="de"><seg>Die Demokratie <ph x="1">&lt;img/&gt;</ph> an der Basis.</seg></tuv>
      <tuv xml:lang="tr"><seg>Tabanda demokrasi.</seg></tuv>
    </tu>
  </body>
</tmx>
"""

PO = r'''# German translation.
msgid ""
msgstr ""
"Language: de\n"
"Content-Type: text/plain; charset=UTF-8\n"

#: a.py:1
#, python-format
msgid "Skilful mass mobilisation in %(city)s"
msgstr "Geschickte Massenmobilisierung in %(city)s"

#: a.py:2
msgid "Mass mobilisation <b>commission</b>"
msgstr "Fachkundige <b>Massen</b>mobilisierung {name}"

#: a.py:3
msgctxt "menu"
msgid "Grassroots democracy"
msgid_plural "Grassroots democracies"
msgstr[0] "Basisdemokratie"
msgstr[1] "Demokratie"

#~ msgid "old"
#~ msgstr "Fachkundige Massenmobilisierung"
'''


def write(tmp_path, name, text, encoding="utf-8", newline=""):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def segments(path, **languages):
    return list(open_bilingual(path, **languages).segments())


# -- reading ------------------------------------------------------------------------------------
def test_xliff12_reads_units_with_languages_ids_lines_and_placeholders(tmp_path):
    # A standalone tag (<x/>, <ph>) is a placeholder; a paired one (<g>, <bpt>/<ept>) is no
    # word boundary and leaves nothing in the text.
    found = segments(write(tmp_path, "a.xlf", XLIFF12))
    assert [s.id for s in found] == ["u1", "u2", "u4"]  # u3 has no target
    first = found[0]
    assert (first.lang, first.source_lang, first.line) == ("de", "en", 7)
    assert first.text == f"Die Bewegung Geschickte Massenmobilisierung{PLACEHOLDER}."
    assert first.source == f"The skilful mass mobilisation movement{PLACEHOLDER}."
    # code inside <ph>/<bpt>/<ept> is not text
    assert "br" not in found[1].source and "<b>" not in found[1].text
    assert found[1].text == "Das ist wichtig."
    assert found[2].text.count(PLACEHOLDER) == 1 and "Massenmobilisierung" not in found[2].text.split(PLACEHOLDER)[-1]


def test_xliff20_reads_segments_and_ignores_the_glossary_module(tmp_path):
    found = segments(write(tmp_path, "b.xlf", XLIFF20))
    assert [(s.id, s.lang, s.source_lang) for s in found] == [("1/s1", "nb", "vi"), ("1/s2", "nb", "vi")]
    assert found[0].text == "Bevegelsen Faglært massemobilisering."
    assert all("Faglært" not in s.source for s in found)


def test_tmx_gives_one_segment_per_target_language(tmp_path):
    found = segments(write(tmp_path, "m.tmx", TMX))
    assert [(s.id, s.lang) for s in found] == [("a/de", "de"), ("a/tr", "tr"), ("b/de", "de"), ("b/tr", "tr")]
    assert all(s.source_lang == "en" for s in found)
    assert found[0].text == "Die Fachkundige Massenmobilisierung."
    assert found[1].text == "Nitelikli Kitle Seferberliği hareketi."


def test_po_reads_msgstr_lines_plurals_and_skips_obsolete(tmp_path):
    found = segments(write(tmp_path, "de.po", PO))
    assert [(s.id, s.line) for s in found] == [
        ("Skilful mass mobilisation in %(city)s", 10), ("Mass mobilisation <b>commission</b>", 14),
        ("menu|Grassroots democracy[0]", 20), ("menu|Grassroots democracy[1]", 21)]
    assert found[0].lang == "de" and found[0].source_lang == "en"
    assert found[3].source == "Grassroots democracies"


def test_bilingual_csv_with_language_header(tmp_path):
    path = write(tmp_path, "pairs.csv", 'id,en,de\nx1,Skilful mass mobilisation,"Fachkundige Massenmobilisierung, ja"\n'
                                         'x2,Mass mobilisation,\n')
    found = segments(path)
    assert [(s.id, s.lang, s.source_lang, s.text, s.line) for s in found] == [
        ("x1", "de", "en", "Fachkundige Massenmobilisierung, ja", 2)]


def test_utf16_and_declared_encodings_are_read(tmp_path):
    utf16 = tmp_path / "u16.xlf"
    utf16.write_bytes(codecs.BOM_UTF16_LE + XLIFF12.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-le"))
    assert segments(utf16)[0].text.startswith("Die Bewegung")
    latin = write(tmp_path, "l1.xlf", XLIFF12.replace("UTF-8", "ISO-8859-1").replace("Bewegung", "Straße"),
                  encoding="iso-8859-1")
    assert segments(latin)[0].text.startswith("Die Straße")


# -- markup is never matched inside or across ---------------------------------------------------
def test_terms_are_not_matched_across_or_inside_inline_tags(tmp_path, cli_json):
    _, report, _ = cli_json("scan", write(tmp_path, "a.xlf", XLIFF12))
    found = {(m["text"], m["line"]) for m in report["matches"] if "within" not in m}
    assert ("Geschickte Massenmobilisierung", 7) in found  # inside <g>: a text element
    # <g id="5">Massen</g>mobilisierung is one word; the <ph> after it holds code, not text
    assert [t for t, line in found if line == 20] == ["Fachkundige Massenmobilisierung"]
    assert all(PLACEHOLDER not in t for t, _ in found)
    _, report, _ = cli_json("scan", write(tmp_path, "de.po", PO))
    texts = [m["text"] for m in report["matches"] if "within" not in m]
    assert "Geschickte Massenmobilisierung" in texts
    assert not any("city" in t or "name" in t for t in texts)
    assert "Massenmobilisierung" not in texts  # <b>Massen</b>mobilisierung is split by a tag


# -- writing back -----------------------------------------------------------------------------
@pytest.mark.parametrize("name, text", [("a.xlf", XLIFF12), ("b.xlf", XLIFF20), ("m.tmx", TMX), ("de.po", PO),
                                        ("p.csv", "en,de\r\nMass mobilisation,Massenmobilisierung\r\n")])
def test_unchanged_file_is_written_back_byte_identical(tmp_path, name, text):
    path = write(tmp_path, name, text)
    document = open_bilingual(path)
    list(document.segments())
    document.save(tmp_path / ("out-" + name))
    assert (tmp_path / ("out-" + name)).read_bytes() == path.read_bytes()


def _c14n_units(path, unit_tag):
    tree = etree.parse(str(path))
    return [etree.tostring(u, method="c14n") for u in tree.iter() if etree.QName(u).localname == unit_tag]


@pytest.mark.parametrize("name, text, segment_id, unit_tag", [
    ("a.xlf", XLIFF12, "u1", "trans-unit"), ("b.xlf", XLIFF20, "1/s1", "segment"), ("m.tmx", TMX, "a/de", "tu")])
def test_editing_one_target_keeps_its_tags_and_every_other_unit(tmp_path, name, text, segment_id, unit_tag):
    path = write(tmp_path, name, text)
    document = open_bilingual(path)
    list(document.segments())
    old = document.target_text(segment_id)
    new = old.replace("Geschickte", "Kluge").replace("Faglært", "Dyktig").replace("Fachkundige", "Geschickte")
    assert new != old
    document.set_target(segment_id, new)
    out = tmp_path / ("out-" + name)
    document.save(out)
    edited = open_bilingual(out)
    assert {s.id: s.text for s in edited.segments()}[segment_id] == new
    before, after = _c14n_units(path, unit_tag), _c14n_units(out, unit_tag)
    changed = [i for i, (a, b) in enumerate(zip(before, after)) if a != b]
    assert len(before) == len(after) and len(changed) == 1
    tags = lambda unit: [e.tag for e in etree.fromstring(unit).iter()]
    assert tags(before[changed[0]]) == tags(after[changed[0]])
    raw = out.read_bytes()
    assert raw.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    assert (b"\r\n" in raw) == (b"\r\n" in path.read_bytes())


def test_an_edit_that_drops_a_tag_is_refused(tmp_path):
    document = open_bilingual(write(tmp_path, "a.xlf", XLIFF12))
    list(document.segments())
    with pytest.raises(InlineError):
        document.set_target("u1", "Die Bewegung Geschickte Massenmobilisierung.")


def test_po_edit_changes_only_that_msgstr(tmp_path):
    path = write(tmp_path, "de.po", PO)
    document = open_bilingual(path)
    list(document.segments())
    document.set_target("Mass mobilisation <b>commission</b>", "Geschickte <b>Massen</b>mobilisierung {name}", fuzzy=True)
    document.save()
    before, after = PO.splitlines(), path.read_text(encoding="utf-8").splitlines()
    assert after[12] == "#, fuzzy" and after[14] == 'msgstr "Geschickte <b>Massen</b>mobilisierung {name}"'
    assert before[:12] == after[:12] and before[12] == after[13] and before[14:] == after[15:]


def test_csv_edit_round_trip(tmp_path):
    path = write(tmp_path, "p.csv", 'id,en,de\na,Mass mobilisation,Massenmobilisierung\nb,"x, y",z\n')
    document = open_bilingual(path)
    document.set_target("a", 'Massen "Mobilisierung"')
    document.save()
    assert path.read_text() == 'id,en,de\na,Mass mobilisation,"Massen ""Mobilisierung"""\nb,"x, y",z\n'


# -- safety -----------------------------------------------------------------------------------
XXE = """<?xml version="1.0"?>
<!DOCTYPE xliff [
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<xliff version="1.2"><file source-language="en" target-language="de"><body>
<trans-unit id="1"><source>a</source><target>&xxe;</target></trans-unit></body></file></xliff>
"""
LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE tmx [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>&lol3;</seg></tuv>
<tuv xml:lang="de"><seg>&lol3;</seg></tuv></tu></body></tmx>
"""


@pytest.mark.parametrize("name, text, line", [("x.xlf", XXE, 3), ("l.tmx", LAUGHS, 3)])
def test_entity_declarations_are_refused_with_path_and_line(tmp_path, cli, name, text, line):
    path = write(tmp_path, name, text)
    code, out, err = cli("check", path, "--format", "json")
    assert code == 2
    assert f"{path}:{line}: XML entity declarations are not allowed" in err
    assert "root:" not in out + err


def test_malformed_file_is_reported_and_the_others_still_checked(tmp_path, cli_json):
    bad = write(tmp_path, "bad.xlf", XLIFF12.replace("</target>\n      </trans-unit>\n      <group", "</trget>\n<group", 1))
    good = write(tmp_path, "good.tmx", TMX)
    code, report, err = cli_json("check", bad, good)
    assert code == 2
    assert f"{bad}:7: malformed XML" in err
    assert {f["path"] for f in report["findings"]} == {str(good)}
    assert report["summary"]["errors"] == [e for e in report["summary"]["errors"] if str(bad) in e] != []


def test_undecodable_po_gives_path_and_line(tmp_path, cli):
    path = tmp_path / "de.po"
    path.write_bytes(PO.encode("utf-8").replace(b"Basisdemokratie", b"Basis\xffdemokratie"))
    code, _, err = cli("check", path)
    assert code == 2 and f"{path}:20: cannot decode as UTF-8" in err


# -- bilingual rules on files ----------------------------------------------------------------
def _seed_sentences():
    """German sentences of the seeds that hold 'Geschickte Massenmobilisierung', and ones without any term."""
    text = (SEEDS / "002_05a2dbefffaaf20c.txt").read_text(encoding="utf-8")
    sentences = [s.strip() for line in text.splitlines() for s in line.split(". ") if s.strip()]
    with_term = [s for s in sentences if "„Geschickte Massenmobilisierung“" in s][:3]
    without = [s for s in sentences if "obilisierung" not in s and "Basis" not in s and "Front" not in s][:3]
    return with_term, without


def _xliff(pairs, source_lang):
    units = "".join(f'<trans-unit id="{n}"><source>{s}</source><target>{t}</target></trans-unit>\n'
                    for n, (s, t) in enumerate(pairs, 1))
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" '
            f'version="1.2"><file source-language="{source_lang}" target-language="de" datatype="plaintext" '
            f'original="seed"><body>\n{units}</body></file></xliff>\n')


@pytest.mark.parametrize("source_lang, source", [("en", "The Skilful Mass Mobilisation movement goes on."),
                                                 ("vi", "Phong trào Dân vận khéo tiếp tục.")])
def test_missing_term_on_seed_sentences(tmp_path, cli_json, source_lang, source):
    with_term, without = _seed_sentences()
    assert len(with_term) == 3 and len(without) == 3
    pairs = [(source, t) for t in with_term] + [(source, t) for t in without]
    path = write(tmp_path, "seed.xlf", _xliff(pairs, source_lang))
    code, report, _ = cli_json("check", path, "--select", "GL004")
    missing = {f["segment"] for f in report["findings"]}
    assert missing == {"4", "5", "6"} and code == 1
    assert all(f["suggestions"] == ["geschickte Massenmobilisierung"] for f in report["findings"])
    assert all(f["concept"] == "dan-van-kheo" for f in report["findings"])


def test_inconsistent_translation_in_a_file(tmp_path, cli_json):
    pairs = [("Dân vận khéo", "Geschickte Massenmobilisierung"), ("Dân vận khéo", "Kluge Mobilisierung"),
             ("dân  vận khéo", "geschickte Massenmobilisierung"), ("Dân vận", "Kluge Mobilisierung")]
    code, report, _ = cli_json("check", write(tmp_path, "c.xlf", _xliff(pairs, "vi")), "--select", "GL005")
    assert code == 1
    assert [(f["segment"], f["data"]["kind"], f["data"]["other_segment"]) for f in report["findings"]] == [
        ("2", "same-source", "1"), ("4", "same-target", "2")]


def test_deprecated_rendering_in_a_target_carries_the_segment_id(tmp_path, cli_json):
    code, report, _ = cli_json("check", write(tmp_path, "m.tmx", TMX), "--select", "GL001")
    assert code == 1
    assert {(f["segment"], f["lang"], f["text"]) for f in report["findings"]} == {
        ("a/de", "de", "Fachkundige Massenmobilisierung"),
        ("a/tr", "tr", "Nitelikli Kitle Seferberliği")}  # <hi>Kitle</hi>: formatting inside the term


def test_markdown_code_is_not_checked(tmp_path, cli_json):
    path = write(tmp_path, "a.md", "# Fachkundige Massenmobilisierung\n\n```text\nFachkundige Massenmobilisierung\n```\n"
                                   "Siehe `Fachkundige Massenmobilisierung` und [Fachkundige Massenmobilisierung]"
                                   "(fachkundige-massenmobilisierung.md).\n<!-- Fachkundige Massenmobilisierung -->\n")
    code, report, _ = cli_json("check", path, "--lang", "de", "--select", "GL001")
    assert code == 1
    assert [(f["line"], f["column"]) for f in report["findings"]] == [(1, 3), (6, 46)]


def test_consistency_across_the_run(tmp_path, cli_json):
    first = write(tmp_path, "a.xlf", _xliff([("Dân vận khéo", "Geschickte Massenmobilisierung")], "vi"))
    second = write(tmp_path, "b.xlf", _xliff([("Dân vận khéo", "Kluge Mobilisierung")], "vi"))
    code, report, _ = cli_json("check", first, second, "--select", "GL005")
    assert code == 0 and report["findings"] == []
    code, report, _ = cli_json("check", first, second, "--select", "GL005", "--consistency", "run")
    assert code == 1 and [(f["path"], f["segment"]) for f in report["findings"]] == [(str(second), "1")]


def test_crlf_lines_read_whole_where_a_pair_is_cut_between_chunks(tmp_path):
    from mtcheck import textio

    first = "a" * (textio._CHUNK - 1)  # its \r ends the first chunk, its \n starts the second
    path = tmp_path / "crlf.txt"
    path.write_bytes(f"{first}\r\nzwei\r\ndrei\r\nalt\rmac\r\n".encode())
    assert list(textio.iter_lines(path)) == [first, "zwei", "drei", "alt", "mac"]


@pytest.mark.parametrize("chunk_size", [1, 4096])
def test_undecodable_bytes_stop_a_read_unless_the_caller_has_them_replaced(tmp_path, chunk_size):
    """The baseline's fingerprints read with errors="replace": same lines, U+FFFD for a bad byte."""
    from mtcheck import textio
    from mtcheck.errors import InputError

    path = tmp_path / "bad.txt"
    path.write_bytes(codecs.BOM_UTF8 + b"eins\r\nzwei \xff drei\r\nvier")
    lines = list(textio.iter_lines(path, chunk_size=chunk_size, errors="replace"))
    assert lines == ["eins", "zwei \ufffd drei", "vier"]
    with pytest.raises(InputError) as caught:
        list(textio.iter_lines(path, chunk_size=chunk_size))
    assert str(caught.value) == f"{path}:2: cannot decode as utf-8 (byte 0xff)"


@pytest.mark.parametrize("chunk_size", [1, 3, 7, 4096])
def test_small_reads_cut_characters_and_line_ends_and_lose_nothing(tmp_path, chunk_size):
    """Language identification reads only a file's start, in small reads: a UTF-8 character
    or a CRLF pair cut between two reads still comes out whole."""
    from mtcheck import textio
    from mtcheck.formats.plaintext import sample

    lines = [f"Zeile {n}: „Geschickte Massenmobilisierung“ – Kitle Seferberliği, ğüşıöç €" for n in range(400)]
    path = tmp_path / "start.txt"
    path.write_bytes("\r\n".join(lines).encode("utf-8"))
    assert list(textio.iter_lines(path, chunk_size=chunk_size)) == lines
    start = sample(str(path), characters=2000)
    assert start == "\n".join(lines[:len(start.split("\n"))]) and len(start) >= 2000


def test_plain_text_segments_are_the_segments_the_constructor_makes(tmp_path):
    """read_segments builds its segments as bare tuples, for speed: they must be the same."""
    from mtcheck.formats.plaintext import read_segments
    from mtcheck.model import Segment

    path = tmp_path / "a.md"
    path.write_text("eins\n\n   \nzwei drei\n```\ncode\n```\nvier\n", encoding="utf-8")
    segments = list(read_segments(path, "de"))
    assert segments == [Segment("eins", str(path), 1, lang="de"), Segment("zwei drei", str(path), 4, lang="de"),
                        Segment("vier", str(path), 8, lang="de")]
    assert all(type(s) is Segment and s.column == 1 and s.source is None for s in segments)
