"""Fuzz harness: hypothesis strategies of realistic-but-mutated inputs for every reader
family, and the oracles that judge what mtcheck does with them.

Not a test module itself (pytest does not collect it): `tests/test_fuzz.py` runs every family
briefly and deterministically in CI, `scripts/fuzz.py` runs them for as long as asked with
random seeds. Both go through `FAMILIES[name].strategy` and `run_case(case)`.

Inputs: valid seed documents built in code (glossary terms in running text, inline tags,
CR/LF/CRLF mixes, byte-order marks, UTF-16, entities and character references, CDATA,
comments, processing instructions, plurals, contexts, suppression directives), then mutated:
at the structure level (elements, attributes, lines, rows and cells deleted, duplicated,
moved or replaced from a pool of format-specific pieces, deep nesting) and at the byte level
(truncation, duplicated spans, random bytes, control characters, NUL, U+FFFC, encoded lone
surrogates, flipped quotes, broken tags, a different encoding or byte-order mark).

Oracles (a failure raises a `FuzzFailure` subclass named after its signature, so that
hypothesis shrinks each distinct failure on its own):
- reading through the public API raises nothing but `MtcheckError`;
- checking what was read raises nothing but `MtcheckError`;
- `fix_file(..., write=True)` raises nothing but `MtcheckError` (and leaves the file alone
  when it raises); when it succeeds, the file still reads (without any error when the
  original read), a second fix finds no edits and changes no byte, the file mode is kept,
  and nothing outside the edits changes: plain text becomes exactly the original with each
  edited line's edits applied (every other line byte-identical with its line end, the
  byte-order mark and encoding kept); in bilingual files every segment not edited keeps its
  id, source and text, and every line outside the edited targets stays byte-identical;
- a glossary that loads is written as tbx2, tbx3, csv and tsv and each file loads again with
  every (concept id, language, term text, status);
- `mtcheck.cli.main([...])` returns 0, 1 or 2 and never raises (3 is mtcheck's own crash).
"""
from __future__ import annotations

import codecs
import collections
import contextlib
import dataclasses
import io
import os
import re
import stat
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from hypothesis import strategies as st

from mtcheck.errors import MtcheckError

# ------------------------------------------------------------------------------------------------
# The glossary every reader family is checked and fixed against (German deprecated → preferred
# pairs, English, Norwegian and Vietnamese terms for foreign renderings), built in code.

GLOSSARY_ROWS = (
    # concept, lang, term, status, options
    ("skilful-mm", "en", "skilful mass mobilisation", "preferred", ""),
    ("skilful-mm", "en", "skilled mass mobilization", "admitted", ""),
    ("skilful-mm", "en", "smart mass mobilisation", "deprecated", ""),
    ("skilful-mm", "de", "geschickte Massenmobilisierung", "preferred", ""),
    ("skilful-mm", "de", "gekonnte Massenmobilisierung", "admitted", ""),
    ("skilful-mm", "de", "fachkundige Massenmobilisierung", "deprecated", ""),
    ("skilful-mm", "nb", "dyktig massemobilisering", "preferred", ""),
    ("skilful-mm", "nb", "faglært massemobilisering", "deprecated", ""),
    ("skilful-mm", "vi", "Dân vận khéo", "preferred", ""),
    ("grassroots", "en", "grassroots democracy", "preferred", ""),
    ("grassroots", "de", "Basisdemokratie", "preferred", ""),
    ("grassroots", "de", "Graswurzeldemokratie", "deprecated", ""),
    ("grassroots", "nb", "grasrotdemokrati", "preferred", ""),
    ("front", "en", "Fatherland Front", "preferred", ""),
    ("front", "de", "Vaterländische Front", "preferred", ""),
    ("front", "de", "Vaterlandsfront", "deprecated", ""),
    ("front", "vi", "Mặt trận Tổ quốc", "preferred", ""),
    ("front", "vi", "MTTQ", "admitted", "case-sensitive"),
    ("clearance", "en", "site clearance", "preferred", ""),
    ("clearance", "de", "Geländeräumung", "preferred", ""),
    ("clearance", "de", "Flächenfreimachung", "deprecated", ""),
    ("clearance", "de", "Platzräumung", "superseded", ""),
    ("emulation", "en", "emulation movement", "preferred", ""),
    ("emulation", "de", "Wettbewerbsbewegung", "preferred", ""),
    ("emulation", "de", "Nachahmerbewegung", "deprecated", ""),
)


def glossary_csv() -> str:
    lines = ["concept,lang,term,status,options"]
    lines += [",".join(row) for row in GLOSSARY_ROWS]
    return "\n".join(lines) + "\n"


def build_glossary():
    """The harness glossary as mtcheck's model (not through a reader: those are fuzzed)."""
    from mtcheck.model import Concept, Glossary, Status, Term, TermKind

    concepts: dict[str, list] = {}
    for concept, lang, text, status, options in GLOSSARY_ROWS:
        kind = TermKind.ABBREVIATION if text.isupper() else TermKind.FULL
        concepts.setdefault(concept, []).append(
            Term(text, lang, Status(status), kind, case_sensitive="case-sensitive" in options))
    return Glossary(tuple(Concept(cid, tuple(terms)) for cid, terms in concepts.items()), "en")


class _Shared:
    """What every example reuses: the glossary, its CSV file for the CLI, a scratch folder."""

    def __init__(self):
        self._glossary = None
        self._folder: tempfile.TemporaryDirectory | None = None

    @property
    def glossary(self):
        if self._glossary is None:
            self._glossary = build_glossary()
        return self._glossary

    @property
    def folder(self) -> str:
        if self._folder is None:
            self._folder = tempfile.TemporaryDirectory(prefix="mtcheck-fuzz-")
        return self._folder.name

    @property
    def glossary_path(self) -> str:
        path = os.path.join(self.folder, "glossary.csv")
        if not os.path.exists(path):
            Path(path).write_text(glossary_csv(), encoding="utf-8")
        return path


SHARED = _Shared()

# ------------------------------------------------------------------------------------------------
# Text pools.

GERMAN = (
    "Die Fachkundige Massenmobilisierung wächst.",
    "Modelle der „fachkundigen Massenmobilisierung“ in der Vaterlandsfront.",
    "Die Bewegung „Skilled Mass Mobilization“ und die smart mass mobilisation.",
    "Die Graswurzeldemokratie und die Flächenfreimachung der Nachahmerbewegung.",
    "Das MTTQ und die Fatherland Front (Vaterländische Front).",
    "24.254 fachkundigen Massenmobilisierungsmodellen und FACHKUNDIGE MASSENMOBILISIERUNG",
    "Die Bewegung „Dân vận khéo“ („Geschickte Massenmobilisierung“) der Vaterlandsfronten.",
    "Basisdemokratie, Geländeräumung, geschickte Massenmobilisierung: alles gut.",
    "Die Platzräumung der Vaterlandsfront ist eine Flächenfreimachung.",
    "ǅ İstanbul ß ẞ ﬁ Straße – die grassroots democracy der site clearance.",
    "Die fachkundige\u00a0Massenmobilisierung und die Fachkundige  Massenmobilisierung.",
    "Vaterlandsfront-Mitglieder, Vaterlandsfront's und die Vaterlandsfront!",
    "Die skilful mass mobilisation (geschickte Massenmobilisierung) der Wettbewerbsbewegung.",
)
ENGLISH = (
    "The skilful mass mobilisation movement.",
    "Grassroots democracy and site clearance.",
    "The Fatherland Front (MTTQ) and the emulation movement.",
    "Smart mass mobilisation is deprecated.",
    "Dân vận khéo, the skilled mass mobilization.",
)
NORWEGIAN = ("Bevegelsen «Faglært massemobilisering» og dyktig massemobilisering.",)
TERMS = tuple(row[2] for row in GLOSSARY_ROWS)

LANGS = ("de", "de-DE", "de_DE", "DE", "en", "nb", "no", "vi", "tr", "", "x", "zz-Latn-ZZ-1234567",
         "i-klingon", "de-DE-u-co-phonebk", " de ", "*all*", "\u00e4", "de\x00", "123", "en-US")

# Pieces to insert: control characters, NUL, U+FFFC, BOMs, line separators, combining marks.
JUNK_TEXT = ("\x00", "\x01", "\x07", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x85", "\u2028", "\u2029",
             "\ufffc", "\ufffd", "\ufeff", "\u200b", "\u200d", "\u202e", "\u0301", "\U0001F600", "\r", "\n",
             "\r\n", "\t", " ", "İ", "ß", "ﬁ", "ǅ", "&", "<", ">", '"', "'", "]]>", "%s", "{0}", "\\", "|",
             ",", ";", "#", "`", "```", "<!--", "-->")
JUNK_BYTES = (b"\x00", b"\xff", b"\xfe", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xed\xbf\xbf",
              b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\xd8", b"\xd8\x00", b"\x80", b"\xc0\xaf",
              b"\xf4\x90\x80\x80", b"\r", b"\n", b"\x00\n", b"\n\x00")

# ------------------------------------------------------------------------------------------------
# Cases.


@dataclass
class Case:
    """One input: a file (name and bytes) and how it is used (languages, mode, CLI call)."""

    family: str
    name: str
    data: bytes
    lang: str | None = None            # --lang / the fixer's language (None: what the file says)
    source_lang: str | None = None     # --source-lang (glossaries: of a headerless two-column file)
    target_lang: str | None = None     # glossaries: of a headerless two-column file
    mode: int = 0o640
    cli: tuple[str, ...] = ()          # the CLI call, {path} and {glossary} filled in

    def __repr__(self) -> str:  # what hypothesis prints: a Python expression that rebuilds the case
        fields = ", ".join(f"{f.name}={getattr(self, f.name)!r}" if f.name != "mode"
                           else f"mode={self.mode:#o}" for f in dataclasses.fields(self))
        return f"Case({fields})"


@dataclass(frozen=True)
class Family:
    name: str
    kind: str                # "plain", "bilingual" or "glossary"
    strategy: st.SearchStrategy
    description: str


# ------------------------------------------------------------------------------------------------
# Building blocks of the strategies.


def _newlines(draw, text: str) -> str:
    """LF, CRLF, CR or a mix of them."""
    style = draw(st.sampled_from(("\n", "\r\n", "\r", "mixed", "\n", "\r\n")))
    if style != "mixed":
        return text.replace("\n", style) if style != "\n" else text
    r = draw(st.randoms(use_true_random=False))
    parts = text.split("\n")
    return "".join(part + (r.choice(("\n", "\r\n", "\r")) if i < len(parts) - 1 else "")
                   for i, part in enumerate(parts))


def _encode(text: str, encoding: str, bom: bool, errors: str = "replace") -> bytes:
    codec = codecs.lookup(encoding).name
    if codec == "utf-8":
        return (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8", "surrogatepass")
    if codec in ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"):
        base = {"utf-16": "utf-16-le", "utf-32": "utf-32-le"}.get(codec, codec)
        marks = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
                 "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}
        return (marks[base] if bom else b"") + text.encode(base, "surrogatepass")
    return text.encode(encoding, errors)


def _xml_escape(text: str, style: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if style == "decimal":
        return "".join(f"&#{ord(c)};" if ord(c) > 127 else c for c in text)
    if style == "hex":
        return "".join(f"&#x{ord(c):X};" if ord(c) > 127 else c for c in text)
    if style == "named":
        return text.replace('"', "&quot;").replace("'", "&apos;")
    if style == "cdata":
        return "<![CDATA[" + text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">") \
            .replace("]]>", "]]]]><![CDATA[>") + "]]>"
    return text


def _inline(draw, text: str, tags: tuple[tuple[str, str], ...], singles: tuple[str, ...]) -> str:
    """XML-escaped text with inline markup at word boundaries: paired tags around spans of
    words, nested or apart (terms cut by tags too), standalone codes between words, escapes
    of several kinds."""
    style = draw(st.sampled_from(("plain", "plain", "decimal", "hex", "named", "cdata")))
    words = text.split(" ")
    spans: list[tuple[int, int, str, str]] = []
    points: dict[int, list[str]] = collections.defaultdict(list)
    for n in range(draw(st.integers(0, 3))):
        if tags and draw(st.booleans()):
            start = draw(st.integers(0, len(words) - 1))
            end = draw(st.integers(start, len(words) - 1))
            if all((end < s or e < start or (s <= start and end <= e) or (start <= s and e <= end))
                   and (s, e) != (start, end) for s, e, _, _ in spans):
                open_tag, close_tag = draw(st.sampled_from(tags))
                spans.append((start, end, open_tag.format(n=n + 1), close_tag))
        elif singles:
            points[draw(st.integers(0, len(words)))].append(draw(st.sampled_from(singles)).format(n=n + 1))
    # A paired tag inside a word (<g>Massen</g>mobilisierung): formatting, no word boundary.
    cut: dict[int, tuple[int, str, str]] = {}
    if tags and _rarely(draw, 2):
        at = draw(st.integers(0, len(words) - 1))
        if len(words[at]) > 1:
            open_tag, close_tag = draw(st.sampled_from(tags))
            cut[at] = (draw(st.integers(1, len(words[at]) - 1)), open_tag.format(n=9), close_tag)
    out = []
    for i, word in enumerate(words):
        opening = "".join(o for s, e, o, _ in sorted(spans, key=lambda span: -span[1]) if s == i)
        closing = "".join(c for s, e, _, c in sorted(spans, key=lambda span: -span[0]) if e == i)
        if i in cut:
            k, open_tag, close_tag = cut[i]
            spelled = open_tag + _xml_escape(word[:k], style) + close_tag + _xml_escape(word[k:], style)
        else:
            spelled = _xml_escape(word, style)
        out.append("".join(points[i]) + opening + spelled + closing)
    return " ".join(out) + "".join(points[len(words)])


def _rarely(draw, n: int) -> bool:
    """True once in n + 1 (False is the simpler choice, toward which hypothesis shrinks)."""
    return draw(st.integers(0, n)) == n


def _mostly(draw, n: int) -> bool:
    """True but once in n + 1."""
    return draw(st.integers(0, n)) < n


_XML_ENCODINGS = (("UTF-8", "utf-8", False), ("UTF-8", "utf-8", True), ("utf-8", "utf-8", False),
                  ("UTF-16", "utf-16", True), ("UTF-16", "utf-16-be", True), ("ISO-8859-1", "latin-1", False),
                  (None, "utf-8", False), (None, "utf-16", True), ("windows-1252", "cp1252", False))


def _xml_document(draw, body: str, doctype: str | None = None) -> bytes:
    """An XML document: declaration (or none) naming its encoding, the body, optional comments
    and processing instructions around the root, line ends of any kind."""
    declared, encoding, bom = draw(st.sampled_from(_XML_ENCODINGS))
    head = f'<?xml version="1.0" encoding="{declared}"?>\n' if declared else ""
    if draw(st.booleans()):
        head += "<!-- generated by the mtcheck fuzz harness -->\n"
    if doctype and draw(st.booleans()):
        head += doctype + "\n"
    if draw(st.booleans()):
        head += '<?xml-stylesheet type="text/xsl" href="x.xsl"?>\n'
    text = _newlines(draw, head + body + ("\n" if draw(st.booleans()) else ""))
    errors = "xmlcharrefreplace"
    return _encode(text, encoding, bom, errors)


# ------------------------------------------------------------------------------------------------
# Seeds, family by family (each a strategy of (file name, text-level document, bytes)).

MARKDOWN_LINES = ("```", "~~~", "````python", "    Vaterlandsfront im Code", "> Die Vaterlandsfront zitiert.",
                  "<!-- mtcheck: ignore GL001 -->", "<!-- mtcheck: disable GL003 -->", "<!-- mtcheck: enable -->",
                  "<!-- mtcheck: ignore -->", "<!-- mtcheck: bogus GL999 -->", "<!-- mtcheck:", "-->",
                  "[Vaterlandsfront](https://example.org/Vaterlandsfront)", "`Vaterlandsfront` im Code-Span",
                  "| Flächenfreimachung | Vaterlandsfront |", "|---|---|", "---", "# Fachkundige Massenmobilisierung",
                  "\t", "   ", "", "<b>Flächenfreimachung</b> und <i>Vaterlands</i>front",
                  "* Liste: die Graswurzeldemokratie", "1. die Nachahmerbewegung",
                  "<!-- mtcheck: ignore GL001 --> Die Vaterlandsfront.", "![Vaterlandsfront](bild.png)")


@st.composite
def plain_cases(draw) -> Case:
    markdown = draw(st.booleans())
    name = draw(st.sampled_from(("a.md", "b.markdown", "README.MD"))) if markdown else \
        draw(st.sampled_from(("a.txt", "b.text", "c.TXT")))
    lines = []
    for _ in range(draw(st.integers(1, 8))):
        pool = draw(st.sampled_from(("de", "de", "en", "nb", "md")))
        lines.append(draw(st.sampled_from({"de": GERMAN, "en": ENGLISH, "nb": NORWEGIAN,
                                           "md": MARKDOWN_LINES}[pool])))
    text = "\n".join(lines) + ("\n" if draw(st.booleans()) else "")
    text = _mutate_text(draw, text, _LINE_MUTATIONS, MARKDOWN_LINES + GERMAN)
    text = _newlines(draw, text) if "\r" not in text else text
    encoding, bom = draw(st.sampled_from((("utf-8", False), ("utf-8", True), ("utf-16-le", True),
                                          ("utf-16-be", True), ("utf-32-le", True), ("latin-1", False),
                                          ("utf-8", False), ("utf-16-le", False))))
    data = _mutate_bytes(draw, _encode(text, encoding, bom))
    return Case("plain", name, data, **_usage(draw, "plain"))


XLIFF12_TAGS = (('<g id="{n}">', "</g>"), ('<mrk mtype="term" mid="{n}">', "</mrk>"),
                ('<g id="{n}" ctype="bold">', "</g>"))
XLIFF12_SINGLES = ('<x id="{n}"/>', '<bx id="{n}"/>', '<ex id="{n}"/>', '<ph id="{n}">&lt;br/&gt;</ph>',
                   '<bpt id="{n}">&lt;b&gt;</bpt>', '<ept id="{n}">&lt;/b&gt;</ept>',
                   '<it id="{n}" pos="open">&lt;i&gt;</it>', '<ph id="{n}">Vaterlandsfront</ph>',
                   '<ph id="{n}"><sub>Vaterlandsfront</sub></ph>', "<!-- c -->", "<?pi x?>")
XLIFF20_TAGS = (('<pc id="p{n}">', "</pc>"), ('<mrk id="m{n}" type="term">', "</mrk>"),
                ('<pc id="p{n}" canCopy="no">', "</pc>"))
XLIFF20_SINGLES = ('<ph id="ph{n}"/>', '<sc id="s{n}"/>', '<ec startRef="s{n}"/>', '<sm id="sm{n}"/>',
                   '<em startRef="sm{n}"/>', '<cp hex="0001"/>', '<cp hex="FFFC"/>', '<ph id="ph{n}" dataRef="d1"/>',
                   "<!-- c -->", "<?pi x?>")
TMX_TAGS = (("<hi>", "</hi>"), ('<hi x="{n}">', "</hi>"))
TMX_SINGLES = ('<bpt i="{n}">&lt;b&gt;</bpt>', '<ept i="{n}">&lt;/b&gt;</ept>', '<ph x="{n}">&lt;img/&gt;</ph>',
               '<it pos="begin">&lt;i&gt;</it>', '<ut>{{x}}</ut>', '<ph><sub>Vaterlandsfront</sub></ph>',
               "<!-- c -->", "<?pi x?>")

XML_POOL = ('<x id="9"/>', "</g>", '<g id="9">', "<target>", "</target>", "<source>", "</source>",
            "<![CDATA[", "]]>", "<!--", "-->", "<?pi?>", "&amp;", "&#0;", "&#xD800;", "&#x1F600;", "&#65532;",
            "&nbsp;", "&undefined;", "&", "<", ">", '<target xml:lang="de">Vaterlandsfront</target>',
            "<note>mtcheck: ignore GL001</note>", '<trans-unit id="u1"><source>x</source>'
            "<target>Vaterlandsfront</target></trans-unit>",
            '<unit id="1"><segment><source>x</source><target>Vaterlandsfront</target></segment></unit>',
            '<tu><tuv xml:lang="de"><seg>Vaterlandsfront</seg></tuv></tu>', '<seg>Flächenfreimachung</seg>',
            '<!DOCTYPE x [<!ENTITY e "Vaterlandsfront">]>', "&e;", "<mrk mtype=\"seg\" mid=\"1\">", "</mrk>",
            '<ph id="1">', "</ph>", "<sub>", "</sub>", "<seg-source>", "</seg-source>", 'xml:space="preserve"')


@st.composite
def xliff_cases(draw) -> Case:
    version = draw(st.sampled_from(("1.2", "2.0")))
    units = []
    count = draw(st.integers(1, 4))
    target_lang = draw(st.sampled_from(("de", "de", "de-DE", "nb", "")))
    for n in range(1, count + 1):
        target = draw(st.sampled_from(GERMAN))
        source = draw(st.sampled_from(ENGLISH))
        note = draw(st.sampled_from(("", "", "<note>mtcheck: ignore GL001</note>", "<note>a note</note>")))
        if version == "1.2":
            src = _inline(draw, source, XLIFF12_TAGS, XLIFF12_SINGLES)
            tgt = _inline(draw, target, XLIFF12_TAGS, XLIFF12_SINGLES)
            lang = draw(st.sampled_from(("", "", ' xml:lang="de"')))
            state = draw(st.sampled_from(("", ' state="translated"', ' state="needs-review-translation"')))
            translate = draw(st.sampled_from(("", "", ' translate="no"')))
            space = draw(st.sampled_from(("", ' xml:space="preserve"')))
            parts = [f'    <trans-unit id="u{n}"{translate}{space}>', f"      <source>{src}</source>"]
            if draw(st.booleans()):
                parts.append(f'      <seg-source><mrk mtype="seg" mid="1">{src}</mrk></seg-source>')
            if _mostly(draw, 5):
                parts.append(f"      <target{lang}{state}>{tgt}</target>")
            if note:
                parts.append(f"      {note}")
            if _rarely(draw, 4):
                parts.append(f'      <alt-trans><target xml:lang="de">{_xml_escape(target, "plain")}</target>'
                             "</alt-trans>")
            parts.append("    </trans-unit>")
            unit = "\n".join(parts)
            if _rarely(draw, 3):
                unit = f'    <group id="g{n}">\n{unit}\n    </group>'
        else:
            segments = []
            for s in range(1, draw(st.integers(1, 2)) + 1):
                src = _inline(draw, source, XLIFF20_TAGS, XLIFF20_SINGLES)
                tgt = _inline(draw, draw(st.sampled_from(GERMAN)), XLIFF20_TAGS, XLIFF20_SINGLES)
                target_part = f"<target>{tgt}</target>" if _mostly(draw, 5) else ""
                kind = draw(st.sampled_from(("segment", "segment", "segment", "ignorable")))
                segments.append(f'      <{kind} id="s{s}"><source>{src}</source>{target_part}</{kind}>')
            notes = f"      <notes>{note}</notes>\n" if note else ""
            data = '      <originalData><data id="d1">&lt;br/&gt;</data></originalData>\n' \
                if draw(st.booleans()) else ""
            translate = draw(st.sampled_from(("", "", ' translate="no"')))
            unit = f'    <unit id="{n}"{translate}>\n{notes}{data}' + "\n".join(segments) + "\n    </unit>"
        units.append(unit)
    body = "\n".join(units)
    if version == "1.2":
        tl = f' target-language="{target_lang}"' if target_lang else ""
        document = ('<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">\n'
                    f'  <file source-language="en"{tl} datatype="plaintext" original="a.txt">\n'
                    "  <header><note>header note</note></header>\n"
                    f"  <body>\n{body}\n  </body>\n  </file>\n</xliff>")
    else:
        tl = f' trgLang="{target_lang}"' if target_lang else ""
        document = (f'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en"{tl}\n'
                    ' xmlns:gls="urn:oasis:names:tc:xliff:glossary:2.0">\n'
                    f' <file id="f1">\n{body}\n </file>\n</xliff>')
    document = _mutate_text(draw, document, _XML_MUTATIONS, XML_POOL)
    data = _mutate_bytes(draw, _xml_document(draw, document))
    name = draw(st.sampled_from(("a.xlf", "a.xliff", "a.sdlxliff", "a.mqxliff", "A.XLF")))
    return Case("xliff", name, data, **_usage(draw, "bilingual"))


@st.composite
def tmx_cases(draw) -> Case:
    units = []
    for n in range(1, draw(st.integers(1, 4)) + 1):
        tuvs = []
        attr = draw(st.sampled_from(("xml:lang", "xml:lang", "lang")))
        tuvs.append(f'<tuv {attr}="{draw(st.sampled_from(("en", "EN-US", "en")))}">'
                    f"<seg>{_inline(draw, draw(st.sampled_from(ENGLISH)), TMX_TAGS, TMX_SINGLES)}</seg></tuv>")
        for lang in draw(st.lists(st.sampled_from(("de", "de-DE", "nb", "tr", "de")), min_size=1, max_size=3)):
            pool = NORWEGIAN if lang == "nb" else GERMAN
            seg = _inline(draw, draw(st.sampled_from(pool)), TMX_TAGS, TMX_SINGLES)
            prop = '<prop type="x-note">mtcheck: ignore GL001</prop>' if _rarely(draw, 5) else ""
            tuvs.append(f'<tuv xml:lang="{lang}">{prop}<seg>{seg}</seg></tuv>')
        tuid = draw(st.sampled_from((f' tuid="t{n}"', "", ' tuid="dup"')))
        note = "<note>a note</note>" if draw(st.booleans()) else ""
        units.append(f"    <tu{tuid}>{note}\n      " + "\n      ".join(tuvs) + "\n    </tu>")
    srclang = draw(st.sampled_from(("en", "en", "*all*", "EN-US", "")))
    document = ('<tmx version="1.4">\n'
                '  <header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en"'
                f' srclang="{srclang}" datatype="plaintext"/>\n'
                "  <body>\n" + "\n".join(units) + "\n  </body>\n</tmx>")
    document = _mutate_text(draw, document, _XML_MUTATIONS, XML_POOL)
    data = _mutate_bytes(draw, _xml_document(draw, document, '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'))
    return Case("tmx", draw(st.sampled_from(("a.tmx", "B.TMX"))), data, **_usage(draw, "bilingual"))


PO_POOL = ('msgid ""', 'msgstr ""', '"Fachkundige Massenmobilisierung"', 'msgid_plural "x"',
           'msgstr[0] "Vaterlandsfront"', 'msgstr[9] "y"', 'msgstr[1] ""', 'msgctxt "ctx"', "#, fuzzy",
           "#, python-format", '#~ msgid "a"', '#~ msgstr "Vaterlandsfront"', '#| msgid "old"',
           "# mtcheck: ignore GL001", "# mtcheck: disable", '"Language: xx\\n"', '"Language: \\n"',
           '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"', '"Content-Type: text/plain; charset=ISO-8859-1\\n"',
           '"Content-Type: text/plain; charset=UTF-16\\n"', '"Content-Type: text/plain; charset=bogus\\n"',
           '"\\', 'msgstr "unterminated', '"\\x41\\u00e4\\101\\q"', "msgid", "msgstr", '""', "#", "#:",
           '#: a.py:1', 'msgid "Vaterlandsfront"', 'msgstr "Die Vaterlandsfront"', '"\\"', "\\", "\t",
           'msgid "dup"\nmsgstr "Vaterlandsfront"', 'msgstr "a" "b"')


@st.composite
def po_cases(draw) -> Case:
    charset = draw(st.sampled_from(("UTF-8", "UTF-8", "utf-8", "ISO-8859-1", "CHARSET", "latin-1")))
    language = draw(st.sampled_from(("de", "de_DE", "", "nb", "x")))
    header = ['# German translation.', 'msgid ""', 'msgstr ""']
    if language:
        header.append(f'"Language: {language}\\n"')
    header.append(f'"Content-Type: text/plain; charset={charset}\\n"')
    if draw(st.booleans()):
        header.append('"Plural-Forms: nplurals=2; plural=(n != 1);\\n"')
    entries = ["\n".join(header)]
    for n in range(1, draw(st.integers(1, 5)) + 1):
        target = _po_escape(draw(st.sampled_from(GERMAN)))
        source = _po_escape(draw(st.sampled_from(ENGLISH)))
        lines = []
        if draw(st.booleans()):
            lines.append(f"#: a.py:{n}")
        if _rarely(draw, 4):
            lines.append("# mtcheck: ignore GL001")
        flags = draw(st.sampled_from(("", "#, fuzzy", "#, python-format", "#, fuzzy, c-format")))
        if flags:
            lines.append(flags)
        if _rarely(draw, 4):
            lines.append(f'#| msgid "{source}"')
        if _rarely(draw, 3):
            lines.append(f'msgctxt "{draw(st.sampled_from(("menu", "", "a|b", "x")))}"')
        shape = draw(st.sampled_from(("simple", "simple", "wrapped", "plural", "obsolete", "empty")))
        if shape == "simple":
            lines += [f'msgid "{source}"', f'msgstr "{target}"']
        elif shape == "wrapped":
            cut = len(target) // 2
            while cut and target[cut - 1] == "\\":
                cut -= 1
            lines += ['msgid ""', f'"{source}"', 'msgstr ""', f'"{target[:cut]}"', f'"{target[cut:]}\\n"']
        elif shape == "plural":
            lines += [f'msgid "{source}"', f'msgid_plural "{source}s"']
            for k in range(draw(st.integers(1, 3))):
                lines.append(f'msgstr[{k}] "{_po_escape(draw(st.sampled_from(GERMAN)))}"')
        elif shape == "obsolete":
            lines += [f'#~ msgid "{source}"', f'#~ msgstr "{target}"']
        else:
            lines += [f'msgid "{source}"', 'msgstr ""']
        entries.append("\n".join(lines))
    text = "\n\n".join(entries) + "\n"
    text = _mutate_text(draw, text, _LINE_MUTATIONS, PO_POOL)
    text = _newlines(draw, text) if _rarely(draw, 3) else text
    encoding = {"ISO-8859-1": "latin-1", "latin-1": "latin-1"}.get(charset, "utf-8")
    if _rarely(draw, 5):
        encoding = draw(st.sampled_from(("utf-16-le", "latin-1", "utf-8")))
    data = _mutate_bytes(draw, _encode(text, encoding, _rarely(draw, 4)))
    return Case("po", draw(st.sampled_from(("de.po", "messages.pot", "de/LC_MESSAGES/x.po", "nb.PO"))), data,
                **_usage(draw, "bilingual"))


def _po_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")


CSV_POOL = ('"', '""', ",", "\t", "\n", "\r", "\r\n", '"a,b"', '"x""y"', "source,target", "id,en,de",
            "en,de,fr", "key,de,de", "de,en", "id", "ID,EN,DE", "x,y", "source\ttarget", ",,,", '"\n"')


@st.composite
def csv_cases(draw) -> Case:
    tabs = draw(st.booleans())
    sep = "\t" if tabs else ","
    header = draw(st.sampled_from((["id", "en", "de"], ["source", "target"], ["key", "en-US", "de-DE", "fr"],
                                   ["en", "de"], ["ID", "Source", "Target"], ["tuid", "en", "nb"],
                                   ["id", "de", "en"])))
    rows = [header]
    for n in range(1, draw(st.integers(1, 5)) + 1):
        row = []
        for column in header:
            low = column.lower()
            if low in ("id", "key", "tuid"):
                row.append(draw(st.sampled_from((f"u{n}", "", "dup", f" u{n} "))))
            elif low in ("en", "en-us", "source"):
                row.append(draw(st.sampled_from(ENGLISH)))
            elif low == "nb":
                row.append(draw(st.sampled_from(NORWEGIAN)))
            else:
                text = draw(st.sampled_from(GERMAN))
                if _rarely(draw, 4):
                    text = text.replace(" ", "\n", 1)  # a cell over two lines
                row.append(text)
        rows.append(row)
    out = io.StringIO(newline="")
    import csv

    quoting = draw(st.sampled_from((csv.QUOTE_MINIMAL, csv.QUOTE_ALL)))
    csv.writer(out, delimiter=sep, quoting=quoting, lineterminator="\n").writerows(rows)
    text = out.getvalue()
    if _rarely(draw, 3):
        text = text.replace("\n", "\r\n")
    text = _mutate_text(draw, text, _LINE_MUTATIONS + _CHAR_MUTATIONS, CSV_POOL)
    encoding, bom = draw(st.sampled_from((("utf-8", False), ("utf-8", True), ("utf-16-le", True),
                                          ("utf-8", False), ("utf-16-be", True), ("latin-1", False))))
    data = _mutate_bytes(draw, _encode(text, encoding, bom))
    name = ("a.tsv" if tabs else "a.csv") if _mostly(draw, 5) else ("a.csv" if tabs else "A.TSV")
    return Case("csv", name, data, **_usage(draw, "bilingual"))


TBX_STATUSES = ("preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts",
                "supersededTerm-admn-sts")
GLOSSARY_POOL = TBX_STATUSES + ("bestTerm", "", "case-sensitive exact", "case-sensitive", "exact", "abbreviation",
                                "fullForm", "shortForm", "acronym", "preferred", "deprecated", "admitted",
                                "superseded", "PREFERRED", " preferred ", "favourite", "loud", "de", "en", "nb",
                                "no", "x", "a", "|", "a|b||c", "dvk", "concept", "lang", "term", "status",
                                "options", "type", "note", "concept_note", "lang_definition", "id",
                                "<termNote type=\"administrativeStatus\">", "</termNote>", "<term>", "</term>",
                                '<termEntry id="a">', "</termEntry>", '<langSet xml:lang="de">', "</langSet>",
                                "<tig>", "</tig>", "<ntig><termGrp>", "</termGrp></ntig>", '<conceptEntry id="a">',
                                '<langSec xml:lang="de">', "<termSec>", "</termSec>", "<descrip type=\"definition\">",
                                "</descrip>", "<note>", "</note>", "<![CDATA[", "]]>", "&#0;", "&#xFFFC;", "&amp;")


def _tbx_term(draw, text: str, status: str, v3: bool) -> str:
    term = _xml_escape(text, draw(st.sampled_from(("plain", "plain", "decimal", "hex", "cdata"))))
    notes = []
    if status:
        notes.append(f'<termNote type="administrativeStatus">{status}</termNote>')
    if _rarely(draw, 4):
        notes.append(f'<termNote type="termType">{draw(st.sampled_from(("abbreviation", "shortForm", "fullForm")))}'
                     "</termNote>")
    if _rarely(draw, 4):
        notes.append(f'<termNote type="x-mtcheck-match">{draw(st.sampled_from(("case-sensitive", "exact")))}'
                     "</termNote>")
    if _rarely(draw, 4):
        notes.append("<note>a term note, &quot;quoted&quot;</note>")
    if v3:
        return f"<termSec><term>{term}</term>{''.join(notes)}</termSec>"
    if _rarely(draw, 3):
        return f"<ntig><termGrp><term>{term}</term>{''.join(notes)}</termGrp></ntig>"
    return f"<tig><term>{term}</term>{''.join(notes)}</tig>"


_STATUS_TBX = {"preferred": TBX_STATUSES[0], "admitted": TBX_STATUSES[1], "deprecated": TBX_STATUSES[2],
               "superseded": TBX_STATUSES[3]}


@st.composite
def glossary_cases(draw) -> Case:
    shape = draw(st.sampled_from(("tbx2", "tbx3", "csv", "tsv", "wide", "pairs")))
    rows = draw(st.lists(st.sampled_from(GLOSSARY_ROWS), min_size=1, max_size=8))
    source_lang = target_lang = None
    if shape in ("tbx2", "tbx3"):
        v3 = shape == "tbx3"
        by_concept: dict[str, dict[str, list[str]]] = {}
        for concept, lang, text, status, _ in rows:
            by_concept.setdefault(concept, {}).setdefault(lang, []).append(
                _tbx_term(draw, text, _STATUS_TBX[status] if _mostly(draw, 6) else "", v3))
        entries = []
        for concept, langs in by_concept.items():
            lang_word, term_entry = ("langSec", "conceptEntry") if v3 else ("langSet", "termEntry")
            definition = '<descrip type="definition">A definition.</descrip>' if draw(st.booleans()) else ""
            parts = [f'<{lang_word} xml:lang="{lang}">' + "".join(terms) + f"</{lang_word}>"
                     for lang, terms in langs.items()]
            entries.append(f'   <{term_entry} id="{concept}">{definition}\n    ' + "\n    ".join(parts)
                           + f"\n   </{term_entry}>")
        body = "\n".join(entries)
        if v3:
            namespace = draw(st.sampled_from(("urn:iso:std:iso:30042:ed:3.0", "urn:iso:std:iso:30042:ed-2")))
            document = (f'<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="{namespace}">\n'
                        " <tbxHeader><fileDesc><sourceDesc><p>fuzz</p></sourceDesc></fileDesc></tbxHeader>\n"
                        f" <text><body>\n{body}\n </body></text>\n</tbx>")
        else:
            document = ('<martif type="TBX-Basic" xml:lang="en">\n'
                        " <martifHeader><fileDesc><sourceDesc><p>fuzz</p></sourceDesc></fileDesc></martifHeader>\n"
                        f" <text><body>\n{body}\n </body></text>\n</martif>")
        document = _mutate_text(draw, document, _XML_MUTATIONS, GLOSSARY_POOL + XML_POOL)
        doctype = '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">' if not v3 else None
        data = _mutate_bytes(draw, _xml_document(draw, document, doctype))
        name = draw(st.sampled_from(("g.tbx", "g.TBX", "g.xml", "g.tbxm")))
    else:
        import csv

        out = io.StringIO(newline="")
        tabs = shape == "tsv" or (shape in ("wide", "pairs") and draw(st.booleans()))
        writer = csv.writer(out, delimiter="\t" if tabs else ",", lineterminator="\n")
        if shape in ("csv", "tsv"):
            columns = draw(st.sampled_from((("concept", "lang", "term", "status"),
                                            ("concept", "lang", "term", "status", "options"),
                                            ("concept", "lang", "term", "status", "type", "options", "note"),
                                            ("Concept", "Lang", "Term"),
                                            ("concept", "lang", "term", "status", "concept_note",
                                             "lang_definition"))))
            writer.writerow(columns)
            for concept, lang, text, status, options in rows:
                values = {"concept": concept, "lang": lang, "term": text, "status": status, "options": options,
                          "type": "", "note": "a, note", "concept_note": "concept note", "lang_definition": ""}
                writer.writerow([values.get(c.lower(), "") for c in columns])
        elif shape == "wide":
            langs = list(dict.fromkeys(lang for _, lang, _, _, _ in rows))
            writer.writerow(["id", "note", *langs])
            by_concept: dict[str, dict[str, list[str]]] = {}
            for concept, lang, text, _, _ in rows:
                by_concept.setdefault(concept, {}).setdefault(lang, []).append(text)
            for concept, terms in by_concept.items():
                writer.writerow([concept, "", *("|".join(terms.get(lang, ())) for lang in langs)])
        else:  # headerless pairs: the languages come from the caller
            source_lang, target_lang = "en", "de"
            pairs = [(a[2], b[2]) for a in rows for b in GLOSSARY_ROWS
                     if a[0] == b[0] and a[1] == "en" and b[1] == "de"][:8] or [("site clearance", "Geländeräumung")]
            writer.writerows(pairs)
        text = out.getvalue()
        text = _mutate_text(draw, text, _LINE_MUTATIONS + _CHAR_MUTATIONS, GLOSSARY_POOL + CSV_POOL)
        encoding, bom = draw(st.sampled_from((("utf-8", False), ("utf-8", True), ("utf-16-le", True),
                                              ("utf-8", False), ("utf-16-be", True), ("latin-1", False))))
        data = _mutate_bytes(draw, _encode(text, encoding, bom))
        suffixes = {"csv": (".csv",), "tsv": (".tsv", ".tab"), "wide": (".tsv" if tabs else ".csv", ".txt"),
                    "pairs": (".tsv" if tabs else ".csv",)}[shape]
        name = "g" + draw(st.sampled_from(suffixes))
    usage = _usage(draw, "glossary")
    if shape == "pairs" or _rarely(draw, 5):
        usage["source_lang"], usage["target_lang"] = source_lang or "en", target_lang or "de"
    return Case("glossary", name, data, **usage)


_CLI_FORMATS = ("text", "json", "sarif", "junit", "github", "html")


def _usage(draw, kind: str) -> dict:
    """The languages a case is read, checked and fixed in, its file mode, and its CLI call."""
    usage = {"mode": draw(st.sampled_from((0o640, 0o600, 0o664, 0o755)))}
    if kind == "glossary":
        usage["lang"] = draw(st.sampled_from(("de", "de", "en", "nb")))
        call = draw(st.sampled_from(("validate", "convert", "check")))
        if call == "validate":
            usage["cli"] = ("glossary", "validate", "{path}")
        elif call == "convert":
            usage["cli"] = ("glossary", "convert", "{path}", "{out}",
                            "--to", draw(st.sampled_from(("tbx2", "tbx3", "csv", "tsv", "pairs-csv", "pairs-tsv"))),
                            "--source-lang", "en", "--target-lang", "de")
        else:
            usage["cli"] = ("check", "{text}", "-g", "{path}", "--lang", "de", "--isolated", "-q", "--verbose")
        return usage
    usage["lang"] = draw(st.sampled_from(("de", "de", None, "de-DE", "nb")))
    if kind == "bilingual" and _rarely(draw, 3):
        usage["source_lang"] = draw(st.sampled_from(("en", "vi")))
    command = draw(st.sampled_from(("check", "check", "fix", "diff", "scan")))
    args = [command if command != "fix" and command != "diff" else "check", "{path}", "-g", "{glossary}",
            "--isolated", "--verbose"]  # --verbose: an internal error (exit 3) prints its traceback
    if usage["lang"]:
        args += ["--lang", usage["lang"]]
    if usage.get("source_lang"):
        args += ["--source-lang", usage["source_lang"]]
    if command == "fix":
        args.append("--fix")
    elif command == "diff":
        args.append("--diff")
    if command == "scan":
        args += ["--format", draw(st.sampled_from(("text", "json")))]
    else:
        args += ["--format", draw(st.sampled_from(_CLI_FORMATS))]
        if draw(st.booleans()):
            args += ["--select", "ALL"]
    usage["cli"] = tuple(args)
    return usage


# ------------------------------------------------------------------------------------------------
# Mutations. Text-level ones see the document before it is encoded; byte-level ones after.


def _span(draw, length: int) -> tuple[int, int]:
    start = draw(st.integers(0, length))
    end = draw(st.integers(start, min(length, start + draw(st.sampled_from((1, 4, 16, 64, 1024))))))
    return start, end


def _m_delete(draw, text, pool):
    a, b = _span(draw, len(text))
    return text[:a] + text[b:]


def _m_duplicate(draw, text, pool):
    a, b = _span(draw, len(text))
    at = draw(st.integers(0, len(text)))
    return text[:at] + text[a:b] * draw(st.sampled_from((1, 2, 50))) + text[at:]


def _m_insert_pool(draw, text, pool):
    """A piece of the format inserted, mostly right after a tag or at a line start."""
    places = [m.end() for m in re.finditer(r">|\n", text)]
    at = draw(st.sampled_from(places)) if places and _mostly(draw, 3) else draw(st.integers(0, len(text)))
    return text[:at] + draw(st.sampled_from(pool)) + text[at:]


def _m_insert_junk(draw, text, pool):
    at = draw(st.integers(0, len(text)))
    junk = draw(st.one_of(st.sampled_from(JUNK_TEXT), st.sampled_from(TERMS), st.text(max_size=6)))
    return text[:at] + junk + text[at:]


def _m_insert_surrogate(draw, text, pool):
    at = draw(st.integers(0, len(text)))
    return text[:at] + chr(draw(st.integers(0xD800, 0xDFFF))) + text[at:]


def _m_flip_quote(draw, text, pool):
    places = [m.start() for m in re.finditer("[\"']", text)]
    if not places:
        return text
    at = draw(st.sampled_from(places))
    return text[:at] + draw(st.sampled_from(("'", '"', "", "“", '""'))) + text[at + 1:]


def _m_break_tag(draw, text, pool):
    places = [m.start() for m in re.finditer("[<>/]", text)]
    if not places:
        return text
    at = draw(st.sampled_from(places))
    return text[:at] + draw(st.sampled_from(("", "<", ">", " ", "<<", "&"))) + text[at + 1:]


def _m_nest(draw, text, pool):
    """Deep nesting at a random place: inline tags, quotes, brackets or list markers."""
    at = draw(st.integers(0, len(text)))
    depth = draw(st.sampled_from((8, 100, 255, 256, 1000, 5000)))
    opening, closing = draw(st.sampled_from((('<g id="1">', "</g>"), ('<pc id="1">', "</pc>"), ("<hi>", "</hi>"),
                                             ("<sub>", "</sub>"), ('<mrk mtype="x">', "</mrk>"), ("> ", ""),
                                             ("[", "]"), ("(", ")"), ('"', '"'), ("<!--", "-->"))))
    return text[:at] + opening * depth + "Vaterlandsfront" + closing * depth + text[at:]


_TAG_RE = re.compile(r"<[^<>]*>")
_ELEMENT_RE = re.compile(r"<(trans-unit|unit|segment|tu|tuv|seg|source|target|file|group|note|termEntry|conceptEntry|"
                         r"langSet|langSec|tig|ntig|termSec|term|termNote|body|header|g|pc|mrk|ph|bpt|ept|hi)\b"
                         r"[^>]*>.*?</\1>", re.DOTALL)
_ATTRIBUTE_RE = re.compile(r"""([\w:.-]+)=("[^"<]*"|'[^'<]*')""")
_CONTENT_RE = re.compile(r">([^<]+)<")
ATTRIBUTE_VALUES = LANGS + ("u1", "u2", "1", "dup", "", "2.0", "1.2", "2.1", "1.4", "no", "yes", "translated",
                            "preserve", "&amp;", "&#0;", "&#x41;", "&lt;", "a b", "x" * 300, "urn:unknown",
                            "urn:oasis:names:tc:xliff:document:1.2", "urn:oasis:names:tc:xliff:document:2.0",
                            "urn:iso:std:iso:30042:ed-2", "administrativeStatus", "termType", "x-mtcheck-match")


def _m_tag(draw, text, pool):
    """A whole tag deleted, duplicated, moved or renamed."""
    tags = list(_TAG_RE.finditer(text))
    if not tags:
        return text
    tag = draw(st.sampled_from(tags))
    action = draw(st.sampled_from(("delete", "duplicate", "move", "rename")))
    rest = text[:tag.start()] + text[tag.end():]
    if action == "delete":
        return rest
    if action == "duplicate":
        return text[:tag.end()] + tag.group() + text[tag.end():]
    if action == "move":
        at = draw(st.integers(0, len(rest)))
        return rest[:at] + tag.group() + rest[at:]
    name = draw(st.sampled_from(("g", "x", "target", "source", "seg", "tuv", "mrk", "pc", "term", "note", "sub",
                                 "trans-unit", "unit", "segment", "langSet", "tig", "a:b", "x:target")))
    renamed = re.sub(r"^(</?)[\w:.-]+", lambda m: m.group(1) + name, tag.group())
    return text[:tag.start()] + renamed + text[tag.end():]


def _m_element(draw, text, pool):
    """A whole element (with its content) deleted, duplicated or moved: duplicate ids, units
    without targets, targets out of place."""
    elements = list(_ELEMENT_RE.finditer(text))
    if not elements:
        return text
    element = draw(st.sampled_from(elements))
    action = draw(st.sampled_from(("delete", "duplicate", "duplicate", "move")))
    rest = text[:element.start()] + text[element.end():]
    if action == "delete":
        return rest
    if action == "duplicate":
        return text[:element.end()] + element.group() + text[element.end():]
    at = draw(st.integers(0, len(rest)))
    return rest[:at] + element.group() + rest[at:]


def _m_attribute(draw, text, pool):
    attributes = list(_ATTRIBUTE_RE.finditer(text))
    if not attributes:
        return text
    attribute = draw(st.sampled_from(attributes))
    action = draw(st.sampled_from(("value", "value", "delete", "duplicate")))
    if action == "delete":
        return text[:attribute.start()] + text[attribute.end():]
    if action == "duplicate":
        return text[:attribute.end()] + " " + attribute.group() + text[attribute.end():]
    value = draw(st.sampled_from(ATTRIBUTE_VALUES))
    return text[:attribute.start(2) + 1] + value + text[attribute.end(2) - 1:]


def _m_content(draw, text, pool):
    """The text between two tags replaced: a term, a pool piece, junk."""
    contents = list(_CONTENT_RE.finditer(text))
    if not contents:
        return text
    content = draw(st.sampled_from(contents))
    new = draw(st.one_of(st.sampled_from(TERMS), st.sampled_from(pool), st.sampled_from(JUNK_TEXT),
                         st.sampled_from(GERMAN), st.text(max_size=8)))
    return text[:content.start(1)] + new + text[content.end(1):]


def _m_line(draw, text, pool):
    """A line deleted, duplicated, swapped with another or replaced with a pool line."""
    lines = text.split("\n")
    i = draw(st.integers(0, len(lines) - 1))
    action = draw(st.sampled_from(("delete", "duplicate", "swap", "insert", "replace")))
    if action == "delete":
        del lines[i]
    elif action == "duplicate":
        lines.insert(i, lines[i])
    elif action == "swap":
        j = draw(st.integers(0, len(lines) - 1))
        lines[i], lines[j] = lines[j], lines[i]
    elif action == "insert":
        lines.insert(i, draw(st.sampled_from(pool)))
    else:
        lines[i] = draw(st.sampled_from(pool))
    return "\n".join(lines)


def _m_long_line(draw, text, pool):
    at = draw(st.integers(0, len(text)))
    return text[:at] + draw(st.sampled_from(GERMAN)) * draw(st.sampled_from((20, 500))) + text[at:]


_COMMON_MUTATIONS = (_m_delete, _m_duplicate, _m_insert_pool, _m_insert_junk, _m_insert_surrogate, _m_flip_quote,
                     _m_nest, _m_long_line)
_XML_MUTATIONS = _COMMON_MUTATIONS + (_m_break_tag, _m_tag, _m_tag, _m_element, _m_element, _m_attribute,
                                      _m_attribute, _m_content, _m_content)
_LINE_MUTATIONS = _COMMON_MUTATIONS + (_m_line, _m_line, _m_line, _m_break_tag)
_CHAR_MUTATIONS = (_m_insert_pool, _m_flip_quote)


def _mutate_text(draw, text: str, mutations, pool) -> str:
    """None to a few structure-aware mutations of a document's text (a third of the cases stay
    valid, so that the fixer's oracles see real fixes)."""
    for _ in range(draw(st.sampled_from((0, 0, 0, 1, 1, 2, 3, 5)))):
        text = draw(st.sampled_from(mutations))(draw, text, pool)
    return text


def _mutate_bytes(draw, data: bytes) -> bytes:
    """None to a few byte-level mutations: truncation, spans, junk bytes, byte-order marks,
    a different encoding."""
    for _ in range(draw(st.sampled_from((0, 0, 0, 0, 1, 1, 2)))):
        action = draw(st.sampled_from(("truncate", "delete", "duplicate", "junk", "byte", "bom", "transcode",
                                       "newlines")))
        if action == "truncate":
            data = data[:draw(st.integers(0, len(data)))]
        elif action == "delete":
            a, b = _span(draw, len(data))
            data = data[:a] + data[b:]
        elif action == "duplicate":
            a, b = _span(draw, len(data))
            at = draw(st.integers(0, len(data)))
            data = data[:at] + data[a:b] + data[at:]
        elif action == "junk":
            at = draw(st.integers(0, len(data)))
            data = data[:at] + draw(st.one_of(st.sampled_from(JUNK_BYTES), st.binary(max_size=6))) + data[at:]
        elif action == "byte" and data:
            at = draw(st.integers(0, len(data) - 1))
            data = data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1:]
        elif action == "bom":
            bom = draw(st.sampled_from((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE,
                                        codecs.BOM_UTF32_LE, b"")))
            stripped = data
            for mark in (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF8, codecs.BOM_UTF16_LE,
                         codecs.BOM_UTF16_BE):
                if data.startswith(mark):
                    stripped = data[len(mark):]
                    break
            data = bom + stripped
        elif action == "transcode":
            text = data.decode("utf-8", "surrogateescape")
            target = draw(st.sampled_from(("utf-16-le", "utf-16-be", "latin-1", "utf-32-le", "cp1252")))
            data = text.encode(target, "replace")
        elif action == "newlines":
            data = data.replace(b"\n", draw(st.sampled_from((b"\r\n", b"\r", b"\n\r", b"\r\r\n"))))
    return data


# ------------------------------------------------------------------------------------------------
# Oracles.


class FuzzFailure(AssertionError):
    """A broken oracle; each distinct signature gets its own subclass (see `failure`)."""

    signature = "fuzz"


_FAILURE_CLASSES: dict[str, type[FuzzFailure]] = {}


def failure(signature: str, message: str, base: type[FuzzFailure] = FuzzFailure) -> FuzzFailure:
    cls = _FAILURE_CLASSES.get(signature)
    if cls is None:
        slug = re.sub(r"\W+", "_", signature).strip("_")[:120]
        cls = type(f"FuzzFailure_{slug}", (base,), {"signature": signature})
        _FAILURE_CLASSES[signature] = cls
    return cls(f"[{signature}] {message}")


def _where(exc: BaseException) -> str:
    """Where an exception comes from: the innermost mtcheck frame (and the innermost frame, when
    the error is raised outside mtcheck, by lxml, polib or the standard library)."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if f"{os.sep}mtcheck{os.sep}" in f.filename]
    place = ""
    if ours:
        place = f"mtcheck/{ours[-1].filename.rsplit(os.sep + 'mtcheck' + os.sep, 1)[1]}:{ours[-1].lineno}"
    if frames and (not ours or frames[-1] is not ours[-1]):
        inner = frames[-1]
        place += ("<" if place else "") + f"{Path(inner.filename).name}:{inner.name}"
    return place or "?"


def _crash(step: str, family: str, exc: BaseException) -> FuzzFailure:
    detail = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)[-6:])
    return failure(f"{family}:{step}:{type(exc).__name__}@{_where(exc)}",
                   f"{step} raised {type(exc).__name__}: {exc!s:.300}\n{detail}")


def _guard(step: str, family: str, call: Callable):
    """(result, None), or (None, the MtcheckError it raised); anything else is a failure."""
    _STEP[0] = f"{family}:{step}"
    try:
        result = call(), None
    except MtcheckError as exc:
        result = None, exc
    except (KeyboardInterrupt, FuzzFailure):
        raise
    except BaseException as exc:  # noqa: BLE001 - RecursionError, SystemExit, MemoryError too
        _raise_timeout()
        raise _crash(step, family, exc) from exc
    _raise_timeout()
    return result


def _read_bilingual(path: str, lang: str | None, source_lang: str | None):
    """(segments, file language) as `mtcheck check` reads a bilingual file; without --lang and a
    language named by the file, German stands in for the identified language."""
    from mtcheck.formats import open_bilingual
    from mtcheck.language import canonical_lang

    document = open_bilingual(path, source_lang=source_lang, target_lang=lang)
    segments = list(document.segments())
    declared = document.target_lang or next((s.lang for s in segments[:200] if s.lang), None)
    file_lang = canonical_lang(declared or lang or "de")
    source = None
    if any(s.source and not s.source_lang for s in segments[:200]):
        source = "en"
    filled = [s._replace(lang=s.lang or file_lang, source_lang=s.source_lang or source)
              if s.lang is None or (source and s.source is not None and s.source_lang is None) else s
              for s in segments]
    return filled, file_lang


def _read_plain(path: str, lang: str | None):
    from mtcheck.formats import plaintext

    return list(plaintext.read_segments(path, lang or "de")), lang or "de"


def _check(path: str, segments, lang: str, glossary) -> int:
    from mtcheck.engine import Checker
    from mtcheck.rules import ALL_RULES

    checker = Checker(glossary, ALL_RULES)
    found = sum(len(batch) for batch in checker.check_batches(path, iter(segments), lang))
    return found + len(checker.finish())


def _write(path: str, data: bytes, mode: int) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)
    os.chmod(path, mode)


_LINE_END_RE = re.compile(r"\r\n|\r|\n")


def _lines(text: str) -> list[str]:
    """Lines, each with its line end: LF, CRLF or a lone CR ends a line (the last one may have
    none)."""
    lines, start = [], 0
    for end in _LINE_END_RE.finditer(text):
        lines.append(text[start:end.end()])
        start = end.end()
    return lines + [text[start:]]


class ExampleTimeout(FuzzFailure):
    """An example that ran past its time limit (a hang, or a blow-up in time)."""


# The timeout of the running example, once its time is up: code under test that catches every
# Exception (the CLI's last resort, a fallback) must not turn it into an exit code or a pass.
_TIMEOUTS: list[FuzzFailure] = []


def _raise_timeout() -> None:
    if _TIMEOUTS:
        raise _TIMEOUTS[0]


@contextlib.contextmanager
def time_limit(seconds: float | None):
    """Raise a FuzzFailure, named after the innermost mtcheck frame, when the block runs past
    `seconds`, and again every second until it gets out (main thread on Unix only; elsewhere
    no limit)."""
    import signal
    import threading

    _TIMEOUTS.clear()
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        if not _ARMED or frame is None or frame.f_code in _QUIET_CODES or frame.f_code is own_code \
                or frame.f_code.co_filename == contextlib.__file__:
            return  # disarmed, or in the cleanup that disarms it: raising there would leave it armed
        if not _TIMEOUTS:
            place, inner = "?", frame
            while inner is not None:
                if f"{os.sep}mtcheck{os.sep}" in inner.f_code.co_filename:
                    place = f"mtcheck/{inner.f_code.co_filename.rsplit(os.sep + 'mtcheck' + os.sep, 1)[1]}:" \
                            f"{inner.f_code.co_name}"
                    break
                inner = inner.f_back
            _TIMEOUTS.append(failure(f"{_STEP[0]}:timeout", f"the example ran longer than {seconds} s "
                                                              f"(stopped in {place})", ExampleTimeout))
        raise _TIMEOUTS[0]

    import sys

    own_code = sys._getframe().f_code
    previous = signal.signal(signal.SIGALRM, expire)
    _ARMED.append(True)
    signal.setitimer(signal.ITIMER_REAL, seconds, 1.0)
    try:
        yield
    finally:
        _disarm()
        signal.signal(signal.SIGALRM, previous)
    _raise_timeout()  # swallowed somewhere and the block ended anyway


_ARMED: list[bool] = []  # non-empty while a time limit runs
# The step running (family:read, family:fix, ...): a timeout's signature, so that one slow
# step is one failure wherever the clock happens to stop it.
_STEP = ["?"]


def _disarm() -> None:
    import signal

    _ARMED.clear()
    if hasattr(signal, "setitimer"):
        signal.setitimer(signal.ITIMER_REAL, 0)


def run_case(case: Case, timeout: float | None = None, strict: bool = False) -> dict:
    """Every oracle of the case's family; raises a FuzzFailure, else returns what happened.

    `timeout`: seconds the whole case may take. `strict`: also fail when a file that reads
    cannot be fixed (an MtcheckError from fix_file where reading raised none)."""
    import gc

    try:
        with time_limit(timeout), tempfile.TemporaryDirectory(prefix="mtcheck-case-") as folder:
            if case.family == "glossary":
                outcome = _run_glossary(case, folder)
            else:
                outcome = _run_document(case, folder)
    finally:
        _disarm()  # whatever way the block was left
        # mtcheck compiles every glossary under gc.freeze() (mtcheck.lifetime.long_lived): in
        # one CLI run that is right, in a process that compiles one per example it keeps each
        # one, and whatever else was alive then, from the collector for good (some 70 kB per
        # Checker of this glossary). Handed back after every example.
        gc.unfreeze()
    if strict and outcome.get("read") == "ok" and outcome.get("fix") == "error":
        raise failure(f"{case.family}:fix:refuses-readable-file",
                      f"the file reads, but fix_file raised: {outcome.get('fix_error')}")
    return outcome


_QUIET_CODES = (run_case.__code__, _disarm.__code__)


def _run_document(case: Case, folder: str) -> dict:
    family = case.family
    glossary = SHARED.glossary
    plain = family == "plain"
    path = os.path.join(folder, "read", case.name)
    _write(path, case.data, case.mode)
    outcome = {"read": "ok", "fix": "none"}

    def read(where: str):
        return _read_plain(where, case.lang) if plain else _read_bilingual(where, case.lang, case.source_lang)

    found, error = _guard("read", family, lambda: read(path))
    lang = case.lang or "de"
    if error is not None:
        outcome["read"] = "error"
    else:
        segments, lang = found
        outcome["segments"] = len(segments)
        _guard("check", family, lambda: _check(path, segments, lang, glossary))
    _cli_oracle(case, folder, {"path": os.path.join(folder, "cli", case.name), "glossary": SHARED.glossary_path})
    _fix_oracles(case, os.path.join(folder, "fix", case.name), lang, glossary, read, error is None, outcome)
    return outcome


def _fix_oracles(case: Case, path: str, lang: str, glossary, read, original_reads: bool, outcome: dict) -> None:
    from mtcheck.formats.edit import fix_file

    family = case.family
    plain = family == "plain" or case.family == "glossary"
    data = Path(path).read_bytes() if os.path.exists(path) else case.data
    _write(path, data, case.mode)
    source_lang = None if plain else case.source_lang
    result, error = _guard("fix", family, lambda: fix_file(path, glossary, lang, source_lang, write=True))
    if error is not None:
        outcome["fix"], outcome["fix_error"] = "error", str(error)
        if Path(path).read_bytes() != data:
            raise failure(f"{family}:fix:error-but-written", f"fix_file raised {error} but changed the file")
        return
    after = Path(path).read_bytes()
    count = getattr(result, "count", len(result.edits))  # a streamed fix (TMX) keeps no edits, only their count
    outcome["fix"] = f"{count} edits" if count else "nothing"
    if not result.changed and after != data:
        raise failure(f"{family}:fix:unchanged-but-written", "fix_file reported no change but the bytes differ")
    if result.changed and after == data:
        raise failure(f"{family}:fix:changed-but-not-written", "fix_file reported a change but wrote nothing")
    if after != data and not count:
        raise failure(f"{family}:fix:written-without-edits", "fix_file changed the file but reports no edits")
    # The fixed file still reads: without any error when the original read.
    reread, reread_error = _guard("read-after-fix", family, lambda: read(path))
    if reread_error is not None and original_reads:
        raise failure(f"{family}:fix:fixed-file-unreadable", f"the fixed file no longer reads: {reread_error}")
    # Nothing outside the edits changed.
    _STEP[0] = f"{family}:fix-oracles"
    if result.edits and plain:
        _plain_outside_edits(family, data, after, result.edits)
    elif after != data and reread is not None and original_reads:
        before_segments, _ = read_original(case, read)
        if result.edits:
            edited = list({e.segment.id: e.segment for e in result.edits}.values())
        else:  # a streamed fix: the segments whose text changed
            edited = [a for a, b in zip(before_segments, reread[0]) if a.text != b.text]
        _bilingual_outside_edits(family, before_segments, reread[0], {s.id for s in edited})
        _bilingual_bytes_outside_edits(family, data, after, edited)
        if family in ("xliff", "tmx"):
            _tags_kept(family, data, after)
    # Fixing twice is fixing once.
    again, again_error = _guard("second-fix", family, lambda: fix_file(path, glossary, lang, source_lang, write=True))
    if again_error is not None:
        raise failure(f"{family}:fix:second-fix-fails", f"a second fix raised {again_error}")
    if again.edits or getattr(again, "count", 0) or Path(path).read_bytes() != after:
        raise failure(f"{family}:fix:second-fix-changes",
                      f"a second fix made {len(again.edits)} more edits: "
                      f"{[(e.segment.line, e.old, e.new) for e in again.edits][:5]}")
    # Checked last: every fix that writes would fail here first, hiding the failures above.
    mode = stat.S_IMODE(os.stat(path).st_mode)
    if mode != case.mode:
        raise failure(f"{family}:fix:mode-changed", f"file mode {case.mode:#o} became {mode:#o}")


def _tags_kept(family: str, data: bytes, after: bytes) -> None:
    """A fix changes text only: the fixed file has every element, comment and processing
    instruction of the original, in the same order, with the same attributes."""
    from mtcheck.formats.xml import parse_xml_bytes

    def outline(raw: bytes) -> list:
        root = parse_xml_bytes(raw, "fuzz").getroot()
        return [(node.tag if isinstance(node.tag, str) else str(node.tag), sorted(node.attrib.items())
                 if isinstance(node.tag, str) else None) for node in root.iter()]

    before, fixed = outline(data), outline(after)
    if before != fixed:
        raise failure(f"{family}:fix:tags-changed", f"the fix changed the markup: {_first_difference(before, fixed)}")


def read_original(case: Case, read):
    with tempfile.TemporaryDirectory(prefix="mtcheck-orig-") as folder:
        path = os.path.join(folder, case.name)
        _write(path, case.data, case.mode)
        return read(path)


def _line_spans(text: str, separators: re.Pattern) -> list[tuple[int, int, int]]:
    """(start, end of content, end with the line end) of each line."""
    spans, start = [], 0
    for end in separators.finditer(text):
        spans.append((start, end.start(), end.end()))
        start = end.end()
    return spans + [(start, len(text), len(text))]


def _plain_outside_edits(family: str, data: bytes, after: bytes, edits) -> None:
    """The fixed file is the original with each edited line's edits applied and nothing else:
    every other line byte-identical with its line end, each edited line keeps its line end,
    the byte-order mark and the encoding stay.

    The edited segments are found at their line numbers counting LF, CRLF and CR as line
    ends, or, failing that, counting LF and CRLF only (a lone CR inside a line, or ending the
    file); segments at neither places are a failure of their own."""
    from mtcheck import fix, textio
    from mtcheck.textio import sniff_encoding

    encoding, skip = sniff_encoding(data[:getattr(textio, "SNIFF_BYTES", 4)])
    if after[:skip] != data[:skip]:
        raise failure(f"{family}:fix:bom-changed", f"byte-order mark {data[:skip]!r} became {after[:skip]!r}")
    try:
        before = data[skip:].decode(encoding)
    except UnicodeDecodeError:
        return  # read with another encoding than the oracle guesses: nothing to compare with
    try:
        fixed = after[skip:].decode(encoding)
    except UnicodeDecodeError as exc:
        raise failure(f"{family}:fix:encoding-changed", f"the fixed file is not {encoding} any more: {exc}") from exc
    groups = [(group[0].segment, group) for group in fix.by_segment(edits).values()]
    replacements = None
    for separators in (_LINE_END_RE, re.compile(r"\r?\n|\r\Z")):  # CR ends a line, or not
        spans = _line_spans(before, separators)
        places = [spans[segment.line - 1] if segment.line <= len(spans) else None for segment, _ in groups]
        if all(place is not None and before[place[0]:place[1]] == segment.text
               for place, (segment, _) in zip(places, groups)):
            replacements = [(place[0], place[1], fix.apply(segment.text, group))
                            for place, (segment, group) in zip(places, groups)]
            break
    if replacements is None:
        segment = next(segment for segment, _ in groups)
        raise failure(f"{family}:read:segment-not-at-its-line",
                      f"segments are not at their lines, e.g. {segment.text[:80]!r} at line {segment.line}")
    expected, at = [], 0
    for start, end, text in sorted(replacements):
        expected += [before[at:start], text]
        at = end
    expected = "".join(expected) + before[at:]
    if fixed == expected:
        return
    old_lines, new_lines = _lines(expected), _lines(fixed)
    if len(old_lines) != len(new_lines):
        raise failure(f"{family}:fix:line-count-changed",
                      f"{len(_lines(before))} lines became {len(new_lines)}, expected {len(old_lines)}: "
                      f"{before[:200]!r} became {fixed[:200]!r}")
    edited_lines = {number for number, (start, _, end) in enumerate(_line_spans(expected, _LINE_END_RE))
                    if any(a <= end and start <= b for a, b in _shifted(replacements))}
    for number, (want, got) in enumerate(zip(old_lines, new_lines)):
        if want != got:
            kind = "edited-line-wrong" if number in edited_lines else "unedited-line-changed"
            raise failure(f"{family}:fix:{kind}", f"line {number + 1} became {got!r}, expected {want!r}")


def _shifted(replacements) -> list[tuple[int, int]]:
    """Where the replacements lie in the expected text."""
    out, shift = [], 0
    for start, end, text in sorted(replacements):
        out.append((start + shift, start + shift + len(text)))
        shift += len(text) - (end - start)
    return out


def _bilingual_outside_edits(family: str, before, after, edited: set[str]) -> None:
    """The same segments in the same order, with the same ids and sources; those not edited
    with the same text."""
    old = [(s.id, s.source, s.lang) for s in before]
    new = [(s.id, s.source, s.lang) for s in after]
    if old != new:
        raise failure(f"{family}:fix:segments-changed",
                      f"segments (id, source, lang) changed: {_first_difference(old, new)}")
    for a, b in zip(before, after):
        if a.id not in edited and a.text != b.text:
            raise failure(f"{family}:fix:unedited-segment-changed",
                          f"segment {a.id!r} was not edited but {a.text!r} became {b.text!r}")


_CLOSING = {"xliff": re.compile(r"</(?:[\w.-]+:)?target\s*>"), "tmx": re.compile(r"</(?:[\w.-]+:)?seg\s*>")}


def _byte_texts(data: bytes) -> list[tuple[str, int, str]]:
    """(encoding, length of the byte-order mark, text) of the ways a file can be decoded with
    every byte kept: Latin-1 for the ASCII-compatible encodings (a byte per character, line
    ends where they are), UTF-16 and UTF-32 where they decode; what mtcheck sniffs first. A
    byte-order mark is kept as its Latin-1 characters."""
    from mtcheck import textio
    from mtcheck.textio import sniff_encoding

    sniffed, skip = sniff_encoding(data[:getattr(textio, "SNIFF_BYTES", 4)])
    wide = ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
    first = sniffed if sniffed in wide else "latin-1"
    out = []
    for encoding in dict.fromkeys((first, *wide, "latin-1")):
        cut = skip if encoding == sniffed else 0
        try:
            out.append((encoding, cut, data[:cut].decode("latin-1") + data[cut:].decode(encoding)))
        except UnicodeDecodeError:
            continue
    return out


_TARGET_START = {"xliff": re.compile(r"<(?:[\w.-]+:)?target\b"), "tmx": re.compile(r"<(?:[\w.-]+:)?seg\b")}
_LF_RE = re.compile(r"\r?\n")


def _target_lines(family: str, lines: list[str], segment) -> tuple[int, int] | None:
    """0-based first and last line of a segment's target in the file's lines, when its line
    number points at it (XML: from the target's start tag to its end tag; PO: the msgstr
    keyword and its continuation lines; CSV: the lines of the target cell)."""
    start = segment.line - 1
    if not 0 <= start < len(lines):
        return None
    end = start
    if family in _CLOSING:
        if not _TARGET_START[family].search(lines[start]):
            return None
        while end < len(lines) - 1 and not _CLOSING[family].search(lines[end]):
            end += 1
        if any("<![CDATA[" in line for line in lines[start:end + 1]):
            # A closing tag inside a CDATA section is text: the target runs on over the lines
            # its text has (`<![CDATA[a</seg>` + a line break + `b]]></seg>`).
            end = min(len(lines) - 1, max(end, start + segment.text.count("\n")))
    elif family == "po":
        # Strings (and blank lines between them: whitespace between PO strings is no matter)
        # back to the msgstr keyword.
        while start > 0 and (lines[start].lstrip().startswith('"') or not lines[start].strip()):
            start -= 1
        if not lines[start].lstrip().startswith("msgstr"):
            return None
        following = end + 1
        while following < len(lines) and (lines[following].lstrip().startswith('"') or not lines[following].strip()):
            if lines[following].lstrip().startswith('"'):
                end = following  # a string, after blank lines or not: still the msgstr's
            following += 1
    else:
        first = _LINE_END_RE.split(segment.text, 1)[0][:20]
        # The lines are decoded byte for byte (see _byte_text): UTF-8 text shows as Latin-1.
        # Quotes are compared away: a cell's text has them undoubled, or dropped where a
        # malformed cell has one in its middle ("D"ie).
        forms = {first, first.encode("utf-8", "surrogatepass").decode("latin-1")}
        if not any(form.replace('"', "") in lines[start].replace('"', "") for form in forms):
            return None
        end = min(start + len(_lines(segment.text)) - 1, len(lines) - 1)
        if end == len(lines) - 2 and not lines[-1]:
            end += 1  # the cell may run to the end of the file (an unterminated quote)
    return start, end


def _edited_windows(family: str, text: str, segments) -> set[int]:
    """0-based lines of the original file (LF, CRLF and CR ending lines) that edits may touch:
    the edited targets' own lines. A segment's line number may count LF (and CRLF) only, as
    libxml2 and mtcheck's PO reader do, or CR as well, as the csv module does: the first way,
    the reader's own first, under which every edited segment's line number points at its
    target is taken."""
    lines = _lines(text)
    # The reader's own convention first: repeated rows can put a target at the wrong line's
    # number under the other one too.
    for separators in (_LINE_END_RE, _LF_RE) if family == "csv" else (_LF_RE, _LINE_END_RE):
        spans = _line_spans(text, separators)
        base = [text[start:end] for start, _, end in spans]
        found = [_target_lines(family, base, segment) for segment in segments]
        if all(found):
            break
    else:
        missing = next(segment for segment, place in zip(segments, found) if not place)
        raise failure(f"{family}:read:segment-not-at-its-line",
                      f"segment {missing.id!r} ({missing.text[:60]!r}) is said to be at line {missing.line}, "
                      f"which does not hold its target")
    ranges = [(spans[start][0], spans[end][2]) for start, end in found]
    allowed, offset = set(), 0
    for number, line in enumerate(lines):
        if any((a < offset + len(line) and offset < b) or (not line and a <= offset <= b) for a, b in ranges):
            allowed.add(number)
        offset += len(line)
    return allowed


def _bilingual_bytes_outside_edits(family: str, data: bytes, after: bytes, segments) -> None:
    """Every line of the original outside the edited targets' lines is in the fixed file,
    byte for byte, with its line end, in the same order."""
    import difflib

    # The decoding under which every edited target is where its segment says; the fixed
    # file decoded the same way (or it changed encoding: every line differs).
    located = None
    for encoding, cut, before_text in _byte_texts(data):
        try:
            allowed = _edited_windows(family, before_text, segments)
        except FuzzFailure as exc:
            located = located or exc
            continue
        break
    else:
        raise located
    try:
        after_text = after[:cut].decode("latin-1") + after[cut:].decode(encoding)
    except UnicodeDecodeError as exc:
        raise failure(f"{family}:fix:encoding-changed", f"the fixed file is not {encoding} any more: {exc}") from exc
    before_lines, after_lines = _lines(before_text), _lines(after_text)
    matcher = difflib.SequenceMatcher(None, before_lines, after_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if i1 == i2:  # an insertion: next to an edited line, or it is a change outside
            if i1 - 1 in allowed or i1 in allowed:
                continue
            outside = [min(i1, len(before_lines) - 1)]
        else:
            outside = [i for i in range(i1, i2) if i not in allowed]
        if outside:
            raise failure(f"{family}:fix:unedited-bytes-changed",
                          f"line {outside[0] + 1} is outside the edited targets (lines "
                          f"{sorted(i + 1 for i in allowed)[:12]}) but changed: "
                          f"{''.join(before_lines[i1:i2])[:300]!r} became {''.join(after_lines[j1:j2])[:300]!r}")


def _first_difference(old: list, new: list) -> str:
    for i, (a, b) in enumerate(zip(old, new)):
        if a != b:
            return f"#{i}: {a!r} became {b!r}"
    return f"{len(old)} segments became {len(new)}"


def _cli_oracle(case: Case, folder: str, places: dict[str, str]) -> None:
    """`mtcheck.cli.main` returns 0, 1 or 2 and raises nothing."""
    from mtcheck.cli import main

    if not case.cli:
        return
    for key in ("path", "text"):
        if key in places and not os.path.exists(places[key]):
            _write(places[key], case.data if key == "path" else places.get("text_data", b""), case.mode)
    args = [part.format(**places) for part in case.cli]
    _STEP[0] = f"{case.family}:cli-" + "-".join(part for part in case.cli[:2] if not part.startswith("{"))
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), _no_ci():
            code = main(args)
    except (KeyboardInterrupt, FuzzFailure):
        raise
    except BaseException as exc:  # noqa: BLE001
        words = [part for part in case.cli[:2] if not part.startswith("{")]
        _raise_timeout()
        raise _crash("cli-" + "-".join(words), case.family, exc) from exc
    _raise_timeout()
    if code not in (0, 1, 2):
        words = "-".join(part for part in case.cli[:2] if not part.startswith("{"))
        raise failure(f"{case.family}:cli-{words}:exit-{code}{_cli_crash_place(err.getvalue())}",
                      f"mtcheck {' '.join(args)} exited {code}: {err.getvalue()[-1500:]}")
    if code == 2 and "Traceback" in err.getvalue():
        raise failure(f"{case.family}:cli:traceback", err.getvalue()[-1000:])


_TRACEBACK_FRAME_RE = re.compile(r'File "([^"]*)", line (\d+)')
_INTERNAL_RE = re.compile(r"internal error \((\w+)")


def _cli_crash_place(stderr: str) -> str:
    """':Type@mtcheck/file.py:line' of the crash the CLI reported (its traceback, printed with
    --verbose, else the type in its one-line message), for the failure's signature."""
    kind = _INTERNAL_RE.search(stderr)
    place = ""
    if "Traceback" in stderr:
        frames = [(f, n) for f, n in _TRACEBACK_FRAME_RE.findall(stderr.rsplit("Traceback", 1)[1])
                  if f"{os.sep}mtcheck{os.sep}" in f]
        if frames:
            path, line = frames[-1]
            place = f"@mtcheck/{path.rsplit(os.sep + 'mtcheck' + os.sep, 1)[1]}:{line}"
    return f":{kind.group(1) if kind else 'crash'}{place}"


@contextlib.contextmanager
def _no_ci():
    """No progress bar decisions hang on the environment the harness runs in."""
    saved = os.environ.get("CI")
    os.environ["CI"] = "1"
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("CI", None)
        else:
            os.environ["CI"] = saved


# ------------------------------------------------------------------------------------------------
# Glossaries: load, lint, check and fix with what loaded, convert, and the round trip.

ROUND_TRIP_FORMATS = (("tbx2", ".tbx"), ("tbx3", ".tbx"), ("csv", ".csv"), ("tsv", ".tsv"))


def term_records(glossary) -> collections.Counter:
    return collections.Counter((c.id, t.lang, t.text, t.status.value) for c in glossary for t in c.terms)


def _sample_text(glossary, lang: str) -> str:
    """Text in `lang` with the glossary's terms in it, in running text and inflected."""
    lines = list(GERMAN[:3])
    for concept in list(glossary)[:20]:
        for term in concept.terms[:6]:
            if "\n" in term.text or "\r" in term.text:
                continue
            lines.append(f"Die {term.text} wächst, der {term.text}en und „{term.text.upper()}“.")
    return "\n".join(lines) + "\n"


def _run_glossary(case: Case, folder: str) -> dict:
    from mtcheck.glossary import load_glossary, write_glossary
    from mtcheck.glossary.validate import validate

    family = case.family
    path = os.path.join(folder, case.name)
    _write(path, case.data, case.mode)
    outcome = {"read": "ok"}
    glossary, error = _guard("load", family, lambda: load_glossary(path, case.source_lang, case.target_lang))
    text_path = os.path.join(folder, "text", "t.txt")
    places = {"path": path, "out": os.path.join(folder, "out", "converted.tbx"), "text": text_path}
    os.makedirs(os.path.dirname(places["out"]), exist_ok=True)
    if error is not None:
        outcome["read"] = "error"
        places["text_data"] = "\n".join(GERMAN).encode()
        _write(text_path, places["text_data"], case.mode)
        _cli_oracle(case, folder, places)
        return outcome
    outcome["concepts"] = len(glossary)
    _guard("validate", family, lambda: validate(glossary))
    expected = term_records(glossary)
    for fmt, suffix in ROUND_TRIP_FORMATS:
        out = os.path.join(folder, "round", fmt + suffix)
        os.makedirs(os.path.dirname(out), exist_ok=True)
        _, written = _guard(f"write-{fmt}", family, lambda: write_glossary(glossary, out, fmt))
        if written is not None:
            outcome[f"write-{fmt}"] = "error"
            continue
        again, again_error = _guard(f"reload-{fmt}", family, lambda: load_glossary(out))
        if again_error is not None:
            raise failure(f"glossary:round-trip-{fmt}:unreadable",
                          f"the {fmt} file written does not load: {again_error}")
        got = term_records(again)
        if got != expected:
            lost, gained = expected - got, got - expected
            raise failure(f"glossary:round-trip-{fmt}:terms-changed",
                          f"lost {sorted(lost)[:4]}, gained {sorted(gained)[:4]}")
    lang = case.lang or "de"
    text = _sample_text(glossary, lang).encode("utf-8")
    places["text_data"] = text
    _write(text_path, text, case.mode)
    _cli_oracle(case, folder, places)
    _guard("check", family, lambda: _check(text_path, _sample_segments(text, lang), lang, glossary))
    _write(text_path, text, case.mode)
    _fix_oracles(case, text_path, lang, glossary, lambda where: _read_plain(where, lang), True, outcome)
    return outcome


def _sample_segments(text: bytes, lang: str):
    from mtcheck.model import Segment

    return [Segment(line, "t.txt", n, lang=lang) for n, line in enumerate(text.decode().split("\n"), 1) if line]


# Inputs that broke an oracle once, small and fixed: CI runs them every time, whatever the
# strategies draw. (family, name, data); read, checked, fixed and run through the CLI in German.
_FIX_CLI = ("check", "{path}", "-g", "{glossary}", "--isolated", "--verbose", "--lang", "de", "--fix")
_SLOW_TARGET = "Die Platzr\u00e4umung der Vaterlandsfront ist eine Fl\u00e4chenfreimachung. " * 120
KNOWN_INPUTS = (
    # fix_file made the file 0644 (atomic write without the old mode)
    ("plain", "mode.txt", "Die Fachkundige Massenmobilisierung w\u00e4chst.".encode()),
    # a lone CR ending the file was dropped by the fix
    ("plain", "cr-end.txt", "Die Fachkundige Massenmobilisierung w\u00e4chst.\r".encode()),
    # LF lines, then a CRLF: the fix split at CRLF only (IndexError, or lines merged and lost)
    ("plain", "mixed.txt", b"x\nx\r\nDie Fachkundige Massenmobilisierung w\xc3\xa4chst.\n"),
    ("plain", "cr-lf.md", b"Die Fachkundige Massenmobilisierung.\rDie Vaterlandsfront.\nDie Vaterlandsfront.\n"),
    # a relative namespace URI: lxml's C14N fails in the splice (C14NError)
    ("xliff", "relative-ns.xlf", b'<xliff xmlns="de" version="1.2"><file source-language="en" target-language="de">'
                                 b'<body><trans-unit id="u1"><source>x</source><target>Die Fachkundige '
                                 b'Massenmobilisierung.</target></trans-unit></body></file></xliff>'),
    # a long target with CDATA: the splice's character diff takes cubic time
    ("xliff", "slow-splice.xlf", ('<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file '
                                  'source-language="en" target-language="de"><body><trans-unit id="u1"><source>x'
                                  '</source><target><![CDATA[Die]]> ' + _SLOW_TARGET + '</target></trans-unit>'
                                  '</body></file></xliff>').encode()),
    # an encoding name Python does not know in the declaration: expat's LookupError
    ("tmx", "unknown-encoding.tmx", b'<?xml version="1.0" encoding="ATF-8"?><tmx version="1.4"><body/></tmx>'),
    # blank lines between a msgstr's strings
    ("po", "blank.po", b'msgid ""\nmsgstr ""\n"Language: de\\n"\n\nmsgid "x"\nmsgstr ""\n\t\n"Die Fachkundige Masse"\n'
                       b'"nmobilisierung."\n'),
    # a CR inside a term in a quoted cell: the fix drops it, and the line-numbered ids after it move
    ("csv", "cr-in-cell.csv", b'id,en,de\nu1,x,"Die Fachkundige\r Massenmobilisierung."\n,y,Die Vaterlandsfront.\n'),
    # a quoted cell left open to the end of the file
    ("csv", "open-quote.csv", b'source,target\nx,"Vaterlandsfront-Mitglieder, die Vaterlandsfront!\n'),
    # a wide CSV glossary took a column named by non-ASCII letters for a language, which the
    # tbx and csv files it converted to then refused
    ("glossary", "odd-language.csv", "\u3f3fid,note,en\nc1,,skilful mass mobilisation\n".encode()),
    # a term of white space Unicode knows (U+0085) was a term in TBX and none in CSV
    ("glossary", "nel.tbx", '<martif type="TBX"><text><body><termEntry id="mm"><langSet xml:lang="en"><tig><term>'
                            '\u0085</term></tig><tig><term>skilful mass mobilisation</term></tig></langSet>'
                            '</termEntry></body></text></martif>'.encode()),
    # a CDATA section holding "</seg>" and line breaks: the target runs on to the lines after
    ("tmx", "cdata-lines.tmx", '<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>x</seg>'
                               '</tuv>\n<tuv xml:lang="de"><seg><![CDATA[Die Fachkundige Massenmobilisierung</seg>'
                               '\n</tu>\n]]>.</seg></tuv></tu>\n</body></tmx>\n'.encode()),
    # UTF-32 without a byte-order mark whose sniffed head gains a character beyond Latin-1 when
    # fixed (the fixed file was read as UTF-8)
    ("plain", "utf32.txt", ("Grassroots democracy and site clearance.\n<!-- mtcheck: enable -->\u01c5 \u0130stanbul "
                            "\u00df \u1e9e \ufb01 Stra\u00dfe \u2013 die grassroots democracy der site clearance."
                            + "Die Fachkundige Massenmobilisierung w\u00e4chst.\n" * 5 + "Die Fachkundige "
                            "Massenmobilisierung w\u00e4chst.").encode("utf-32-le")),
)
KNOWN_CASES = tuple(Case(family, name, data, lang="de", cli=_FIX_CLI if family != "glossary" else
                          ("glossary", "convert", "{path}", "{out}", "--to", "tbx2"))
                    for family, name, data in KNOWN_INPUTS)

FAMILIES: dict[str, Family] = {
    "plain": Family("plain", "plain", plain_cases(), "plain text and Markdown"),
    "xliff": Family("xliff", "bilingual", xliff_cases(), "XLIFF 1.2 and 2.0"),
    "tmx": Family("tmx", "bilingual", tmx_cases(), "TMX 1.4"),
    "po": Family("po", "bilingual", po_cases(), "gettext PO and POT"),
    "csv": Family("csv", "bilingual", csv_cases(), "bilingual CSV and TSV"),
    "glossary": Family("glossary", "glossary", glossary_cases(), "glossaries: TBX v2/v3, CSV, TSV, pairs"),
}


def reproducer(case: Case, error: BaseException | None = None) -> str:
    """A standalone Python script that replays a case through the harness."""
    lines = ['"""Reproducer written by scripts/fuzz.py."""',
             "import sys",
             f"sys.path.insert(0, {str(Path(__file__).resolve().parent.parent)!r})",
             "from tests.fuzzing import Case, run_case",
             "",
             f"case = {case!r}"]
    if error is not None:
        lines += ["", "# Failure: " + str(error).splitlines()[0][:500]]
    lines += ["", "run_case(case)", ""]
    return "\n".join(lines)
