"""Exact positions: for every match of every format, the file's text at the reported line and
columns (unescaped as the format escapes it) is the matched text, whatever the file does with
multi-line strings, escapes, entities, CDATA, CRLF, tabs and astral characters."""
from __future__ import annotations

import html
import re

import pytest

from mtcheck.model import PositionMap, Segment

# Line ends as each reader counts lines: PO ends a line at LF (a stray CR belongs to its line);
# the other formats at CRLF, CR or LF.
_ANY_LINE_END = re.compile(r"\r\n|\r|\n")
_PO_LINE_END = re.compile(r"\r?\n")

PLAIN = ("Eins.\r\n\t😀 Die\tGeschickte Massenmobilisierung.\r"
         "Zwei 😀😀 Fachkundige Massenmobilisierung\n")

MARKDOWN = ("# Titel 😀\r\n\r\n```\r\nGeschickte Massenmobilisierung im Code\r\n```\r\n"
            "\t* Die *Geschickte Massenmobilisierung* 😀 und `Code` Fachkundige Massenmobilisierung\r\n")

PO = ('msgid ""\r\nmsgstr ""\r\n"Language: de\\n"\r\n"Content-Type: text/plain; charset=UTF-8\\n"\r\n\r\n'
      '#: a.c:1\r\n'
      'msgid "The \\"skilful mass mobilisation\\" 😀"\r\n'
      'msgstr "Die \\"Geschickte\\tMassenmobilisierung\\" 😀 ist da."\r\n\r\n'
      '#: a.c:2\r\n'
      'msgid ""\r\n'
      '"A line\\n"\r\n'
      '"\\tof mass "\r\n'
      '"mobilisation and skilful mass mobilisation."\r\n'
      'msgstr ""\r\n'
      '"Eine Zeile\\n"\r\n'
      '"\\t😀 der Fachkundige "\r\n'
      '"Massenmobilisierung und\\\\ der Geschickte Massenmobilisierung."\r\n')

XLIFF12 = ('<?xml version="1.0" encoding="UTF-8"?>\r\n'
           '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">\r\n'
           '<file source-language="en" target-language="de" datatype="plaintext" original="a.txt"><body>\r\n'
           '<trans-unit id="u1">\r\n'
           '  <source>The &amp; 😀 <x id="1"/>skilful&#160;mass mobilisation\r\n\tand mass mobilisation</source>\r\n'
           '  <target\r\n    state="translated">Die &amp; 😀 <x id="1"/>Geschickte&#160;Massenmobilisierung\r\n'
           '\tund <![CDATA[Fachkundige ]]>Massenmobilisierung und\r\n'
           '  &#x1F600; <!-- c --> Massenmobilisierung</target>\r\n'
           '</trans-unit>\r\n'
           '</body></file></xliff>\r\n')

XLIFF20 = ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="de">\n'
           '<file id="f"><unit id="1"><segment id="s1"><source>😀 &quot;mass\tmobilisation&quot;</source>'
           '<target>😀 &quot;Massen&#173;mobilisierung&quot; <ph id="1"/>\tund\n'
           '\t<pc id="2">Geschickte Massenmobilisierung</pc></target></segment>'
           '<segment id="s2"><source>Skilful mass mobilisation</source><target>😀 Fachkundige Massenmobilisierung</target>'
           '</segment></unit></file></xliff>\n')

TMX = ('<?xml version="1.0" encoding="UTF-8"?>\r\n'
       '<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" '
       'adminlang="en" srclang="en" datatype="plaintext"/>\r\n<body>\r\n'
       '<tu tuid="a"><tuv xml:lang="en"><seg>😀 &lt;mass mobilisation&gt;</seg></tuv>'
       '<tuv xml:lang="de"><seg>😀 &lt;b&gt;Geschickte Massenmobilisierung &amp;\r\n'
       '\t<ph x="1">&lt;img/&gt;</ph> Fachkundige <![CDATA[Massenmobilisierung]]></seg></tuv></tu>\r\n'
       '<tu tuid="b"><tuv xml:lang="de"><seg>Die 😀 Massenmobilisierung</seg></tuv>'
       '<tuv xml:lang="en"><seg>\tthe mass mobilisation</seg></tuv></tu>\r\n'
       '</body></tmx>\r\n')

CSV = ('id,en,de\r\n'
       'a,"The ""skilful mass mobilisation""","Die ""Geschickte\tMassenmobilisierung"" 😀\r\n'
       'und Fachkundige\r\nMassenmobilisierung"\r\n'
       'b,mass mobilisation,😀 Massenmobilisierung\r\n')

FILES = {
    "a.txt": (PLAIN, {"Geschickte Massenmobilisierung", "Fachkundige Massenmobilisierung"}),
    "a.md": (MARKDOWN, {"Geschickte Massenmobilisierung", "Fachkundige Massenmobilisierung"}),
    "de.po": (PO, {'Geschickte\tMassenmobilisierung', "Fachkundige Massenmobilisierung",
                   "Geschickte Massenmobilisierung"}),
    "a.xlf": (XLIFF12, {"Geschickte\u00a0Massenmobilisierung", "Fachkundige Massenmobilisierung",
                        "Massenmobilisierung"}),
    "b.xlf": (XLIFF20, {"Massen\u00admobilisierung", "Geschickte Massenmobilisierung",
                        "Fachkundige Massenmobilisierung"}),
    "a.tmx": (TMX, {"Geschickte Massenmobilisierung", "Fachkundige Massenmobilisierung",
                    "Massenmobilisierung"}),
    "a.csv": (CSV, {"Geschickte\tMassenmobilisierung", "Fachkundige\r\nMassenmobilisierung", "Massenmobilisierung"}),
}


def _raw_between(text: str, line_end: re.Pattern, match: dict) -> str:
    """The file's text from (line, column) to (end_line, end_column), line ends included."""
    starts = [0] + [found.end() for found in line_end.finditer(text)]
    start = starts[match["line"] - 1] + match["column"] - 1
    end = starts[match["end_line"] - 1] + match["end_column"] - 1
    assert 0 <= start <= end <= len(text)
    # A column past its line's end would run into the next line.
    assert match["column"] - 1 <= len(line_end.split(text[starts[match["line"] - 1]:], 1)[0])
    return text[start:end]


_PO_ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "r": "\r"}


def _unescape(name: str, raw: str) -> str:
    if name.endswith(".po"):
        joined = re.sub(r'"[ \t]*\r?\n[ \t]*"', "", raw)  # continuation lines
        return re.sub(r"\\(.)", lambda m: _PO_ESCAPES[m.group(1)], joined)
    if name.endswith((".xlf", ".tmx")):
        raw = raw.replace("\r\n", "\n")
        raw = raw.replace("<![CDATA[", "").replace("]]>", "")  # the test's CDATA holds no markup
        return html.unescape(re.sub(r"<[^>]*>", "", raw))
    if name.endswith(".csv"):
        return raw.replace('""', '"')
    return raw


def _file_text_at(name: str, text: str, match: dict) -> str:
    line_end = _PO_LINE_END if name.endswith(".po") else _ANY_LINE_END
    return _unescape(name, _raw_between(text, line_end, match))


@pytest.mark.parametrize("name", sorted(FILES))
def test_every_match_is_at_its_file_position(tmp_path, cli_json, name):
    text, expected = FILES[name]
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    code, report, err = cli_json("scan", path, "--lang", "de", "--source-lang", "en", "--isolated")
    assert code == 0, err
    matches = report["matches"]
    assert expected <= {m["text"] for m in matches}
    for match in matches:
        # In XML a standalone tag is one placeholder of the text; the file holds the tag.
        at = _file_text_at(name, text, match)
        assert at == match["text"].replace("\ufffc", ""), match


@pytest.mark.parametrize("name", ["de.po", "a.xlf", "b.xlf", "a.tmx", "a.csv"])
def test_offset_inverts_locate_in_every_segment(tmp_path, name):
    from mtcheck.formats import open_bilingual

    path = tmp_path / name
    path.write_bytes(FILES[name][0].encode("utf-8"))
    for segment in open_bilingual(str(path), "en", "de").segments():
        for start in range(len(segment.text) + 1):
            location = segment.locate(start, start)
            assert segment.offset(location.line, location.column) == start, (segment.text, start)
        for start in range(len(segment.text)):
            location = segment.locate(start, start + 1)
            assert segment.offset(location.end_line, location.end_column) == start + 1, (segment.text, start)


def test_a_plain_segment_needs_no_map():
    segment = Segment("Die Geschickte Massenmobilisierung", "a.txt", 3, 5)
    assert segment.places is None
    assert tuple(segment.locate(4, 14))[1:5] == (3, 9, 3, 19)
    assert segment.offset(3, 19) == 14


def test_a_map_places_runs_and_wide_characters():
    # 'a"b' written as "a\"b" from column 2 of line 1, then 'cd' on line 2 from column 2.
    places = PositionMap.build(5, [(0, 1, 2, 1, 3), (1, 1, 3, 1, 5), (2, 1, 5, 1, 6), (3, 2, 2, 2, 4)])
    segment = Segment('a"bcd', "de.po", 1, 2, places=places)
    assert tuple(segment.locate(1, 2))[1:5] == (1, 3, 1, 5)      # the escape: two characters
    assert tuple(segment.locate(2, 3))[1:5] == (1, 5, 1, 6)      # the end of the first line
    assert tuple(segment.locate(2, 5))[1:5] == (1, 5, 2, 4)
    assert segment.offset(2, 3) == 4
