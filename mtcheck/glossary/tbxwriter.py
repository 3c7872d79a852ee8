"""Write a glossary as TBX-Basic: v2 (martif/termEntry/langSet/tig) or v3 (DCA style,
conceptEntry/langSec/termSec), keeping everything `read_tbx` reads back."""
from __future__ import annotations

import re

from lxml import etree

from mtcheck.errors import GlossaryError
from mtcheck.formats.xml import XML_LANG
from mtcheck.glossary.options import format_options
from mtcheck.glossary.tbx import OPTIONS_TYPE
from mtcheck.model import Concept, Glossary, Origin, Status, Term, TermKind
from mtcheck.textio import atomic_output

# TBX v3's namespace as its schemas (TBX Core RNG) and LTAC's samples write it; the reader
# also takes "urn:iso:std:iso:30042:ed:3.0" and any other.
TBX3_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
_STATUS = {status: f"{status.value}Term-admn-sts" for status in Status}
# The two versions name the same levels differently; the data categories are the same.
_LEVELS = {2: ("termEntry", "langSet", "tig"), 3: ("conceptEntry", "langSec", "termSec")}
# Characters XML 1.0 cannot hold, not even as character references.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_LINE_BREAK = re.compile("[\r\n]")


def write_tbx(glossary: Glossary, path: str, version: int = 3) -> None:
    """Write `glossary` to `path` (atomically) as TBX `version` 2 or 3."""
    for concept in glossary:
        _check_writable(concept, path)
    root = _document(glossary, version, path)
    text = etree.tostring(root, encoding="unicode", pretty_print=True)
    with atomic_output(path) as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(text)


def _document(glossary: Glossary, version: int, path: str) -> etree._Element:
    if version == 3:
        root = etree.Element(f"{{{TBX3_NAMESPACE}}}tbx", nsmap={None: TBX3_NAMESPACE}, type="TBX-Basic", style="dca")
    else:
        root = etree.Element("martif", type="TBX-Basic")
    # The main language is required; a glossary that does not say one gets its first language.
    root.set(XML_LANG, glossary.source_lang or next(iter(glossary.languages), "en"))
    make = _Maker(root)
    header = make(root, "tbxHeader" if version == 3 else "martifHeader")
    make(make(make(header, "fileDesc"), "sourceDesc"), "p", "Written by mtcheck")
    if version == 2:
        make(make(header, "encodingDesc"), "p", "TBXBasicXCSV02.xcs", type="XCSURI")
    body = make(make(root, "text"), "body")
    for concept in glossary:
        _concept(make, body, concept, _LEVELS[version])
    return root


def _check_writable(concept: Concept, path: str) -> None:
    """Refuse what TBX cannot hold, or what `read_tbx` would read back otherwise, saying where
    it was read."""
    fields = [("concept id", concept.id, concept.origin), ("note", concept.note, concept.origin)]
    fields += [("definition", text, concept.origin) for text in concept.definitions.values()]
    fields += [("note", text, concept.origin) for text in concept.lang_notes.values()]
    for term in concept.terms:
        where = term.origin or concept.origin
        if _LINE_BREAK.search(term.text):
            # The reader takes a line break in a term for wrapped XML and reads a space.
            raise GlossaryError(path, f"concept {concept.id!r} cannot be written as TBX: term {term.text!r} "
                                      f"({_described(term.lang, where)}) has a line break, which a TBX term "
                                      "cannot keep")
        fields += [("language code", term.lang, where), ("term", term.text, where), ("note", term.note, where)]
    for what, text, where in fields:
        found = _NOT_XML.search(text)
        if found:
            raise GlossaryError(path, f"concept {concept.id!r} cannot be written as XML: {what} {text!r} "
                                      f"({_described(None, where)}) has a character XML cannot hold "
                                      f"({found.group()!r})")


def _described(lang: str | None, where: Origin | None) -> str:
    """"de, read at g.csv:3": what the parentheses after a value say about it."""
    return ", ".join(filter(None, (lang, f"read at {where}" if where else None))) or "in the glossary"


class _Maker:
    """Makes child elements in the root's namespace, with text and attributes."""

    def __init__(self, root: etree._Element):
        namespace = etree.QName(root).namespace
        self.prefix = f"{{{namespace}}}" if namespace else ""

    def __call__(self, parent: etree._Element, name: str, text: str | None = None, **attrs: str) -> etree._Element:
        element = etree.SubElement(parent, self.prefix + name, attrs)
        if text is not None:
            element.text = text
        return element


def _concept(make: _Maker, body: etree._Element, concept: Concept, levels: tuple[str, str, str]) -> None:
    concept_tag, lang_tag, term_tag = levels
    entry = make(body, concept_tag, **({"id": concept.id} if concept.id else {}))
    if concept.subject_field:
        make(entry, "descrip", concept.subject_field, type="subjectField")
    _descriptions(make, entry, concept.definitions.get(""), concept.note)
    for lang in _languages(concept):
        # One section per language tag as written: pt-BR and pt-PT terms stay apart.
        tags = dict.fromkeys(term.lang_tag for term in concept.terms_in(lang)) or {lang: None}
        for index, tag in enumerate(tags):
            lang_set = make(entry, lang_tag)
            lang_set.set(XML_LANG, tag)
            if index == 0:
                _descriptions(make, lang_set, concept.definitions.get(lang), concept.lang_notes.get(lang))
            for term in concept.terms_in(lang):
                if term.lang_tag == tag:
                    _term(make, make(lang_set, term_tag), term)


def _languages(concept: Concept) -> list[str]:
    """Languages with terms, then those with only a definition or note (TBX wants terms, but
    keeping the text matters more)."""
    found = [t.lang for t in concept.terms] + list(concept.definitions) + list(concept.lang_notes)
    return [lang for lang in dict.fromkeys(found) if lang]


def _descriptions(make: _Maker, parent: etree._Element, definition: str | None, note: str | None) -> None:
    # The reader joins several definitions or notes with newlines; write them apart again.
    for text in _lines(definition):
        make(parent, "descrip", text, type="definition")
    for text in _lines(note):
        make(parent, "note", text)


def _term(make: _Maker, group: etree._Element, term: Term) -> None:
    make(group, "term", term.text)
    make(group, "termNote", _STATUS[term.status], type="administrativeStatus")
    if term.kind is not TermKind.FULL:
        make(group, "termNote", term.kind.value, type="termType")
    if term.part_of_speech:
        make(group, "termNote", term.part_of_speech, type="partOfSpeech")
    if term.gender:
        make(group, "termNote", term.gender, type="grammaticalGender")
    if term.number:
        make(group, "termNote", term.number, type="grammaticalNumber")
    options = format_options(term.case_sensitive, term.exact, term.case_insensitive)
    if options:
        make(group, "termNote", options, type=OPTIONS_TYPE)
    for text in _lines(term.note):
        make(group, "note", text)


def _lines(text: str | None) -> list[str]:
    return [line for line in (text or "").split("\n") if line.strip()]
