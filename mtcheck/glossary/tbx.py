"""TBX termbases (ISO 30042): v2 martif/termEntry/langSet/(n)tig and v3 conceptEntry/langSec/termSec.

A bad term or language section stops the reading, or with a `ReadLog` that keeps going is
logged and skipped; a file that is no well-formed XML gives the parser's one error.
"""
from __future__ import annotations

import re

from lxml import etree

from mtcheck.errors import GlossaryError
from mtcheck.formats.xml import XML_LANG, local, parse_xml
from mtcheck.glossary.options import (known_gender, known_kind, known_number, known_part_of_speech, language_code,
                                      language_subtags, parse_gender, parse_number, parse_options, parse_status)
from mtcheck.glossary.readlog import ReadLog
from mtcheck.model import Concept, Glossary, Origin, Status, Term, TermKind

# administrativeStatus (TBX-Basic) and normativeAuthorization (older TBX) hold the status.
_STATUS_TYPES = {"administrativeStatus", "normativeAuthorization"}
_CONCEPTS = {"termEntry", "conceptEntry"}
_LANGUAGES = {"langSet", "langSec"}
_TERM_GROUPS = {"tig", "ntig", "termSec"}
# Custom data category for mtcheck's match options, e.g. "case-sensitive exact".
OPTIONS_TYPE = "x-mtcheck-match"
# A line break with the indentation around it, as in TBX wrapped by hand: one space.
_WRAP = re.compile(r"[ \t]*[\r\n][ \t\r\n]*")


def read_tbx(path: str, log: ReadLog | None = None) -> Glossary:
    log = log or ReadLog()
    tree = parse_xml(path, GlossaryError)
    root = tree.getroot()
    if local(root.tag) not in ("martif", "tbx"):
        raise GlossaryError(path, f"not a TBX file: root element is <{local(root.tag)}>", root.sourceline)
    tags: dict[str, Origin] = {}
    main_lang = _main_lang(path, root, tags, log)
    concepts = []
    for number, entry in enumerate(e for e in root.iter() if _local(e.tag) in _CONCEPTS):
        concepts.append(_concept(path, entry, number + 1, tags, log))
        if log.count_unread:
            log.unread.update(_unread(entry, _read_beside_terms))
    return Glossary(tuple(concepts), main_lang, (str(path),), tags)


def _main_lang(path: str, root: etree._Element, tags: dict[str, Origin], log: ReadLog) -> str | None:
    code = root.get(XML_LANG)
    try:
        return language_code(code, path, root.sourceline, tags) if code else None
    except GlossaryError as exc:
        log.error(exc)
        return None


def _concept(path: str, entry: etree._Element, number: int, tags: dict[str, Origin], log: ReadLog) -> Concept:
    concept_id = (entry.get("id") or "").strip() or f"entry-{number}"
    notes, terms, subjects = [], [], []
    definitions: dict[str, list[str]] = {}
    lang_notes: dict[str, list[str]] = {}
    for child in entry:
        name = _local(child.tag)
        if name in _LANGUAGES:
            try:
                lang = _lang_of(path, child, tags)
            except GlossaryError as exc:
                log.error(exc)
                continue  # the section's terms have no language to be read in
            terms.extend(_terms(path, child, lang, log, language_subtags(_written_lang(child))))
            _descriptions(child, definitions.setdefault(lang, []), lang_notes.setdefault(lang, []), subjects)
        elif name == "note":
            notes.append(_text(child))
        elif name in ("descrip", "descripGrp"):
            definitions.setdefault("", []).extend(_definitions(child))
            subjects.extend(_subject_fields(child))
    return Concept(concept_id, tuple(terms), _joined(notes), Origin(str(path), entry.sourceline),
                   definitions=_by_lang(definitions), lang_notes=_by_lang(lang_notes),
                   subject_field="; ".join(dict.fromkeys(s for s in subjects if s)))


def _terms(path: str, lang_set: etree._Element, lang: str, log: ReadLog, region: str = "") -> list[Term]:
    terms = []
    for group in lang_set:
        if _local(group.tag) in _TERM_GROUPS:
            try:
                terms.append(_term(path, group, lang, region))
            except GlossaryError as exc:
                log.error(exc)
    return terms


def _descriptions(lang_set: etree._Element, definitions: list[str], notes: list[str], subjects: list[str]) -> None:
    """The definitions, notes and subject fields a langSet/langSec gives beside its terms."""
    for child in lang_set:
        name = _local(child.tag)
        if name == "note":
            notes.append(_text(child))
        elif name in ("descrip", "descripGrp"):
            definitions.extend(_definitions(child))
            subjects.extend(_subject_fields(child))


def _subject_fields(element: etree._Element) -> list[str]:
    """The subject fields of a descrip or the descrips of a descripGrp."""
    return [_text(node) for node in element.iter() if local(node.tag) == "descrip" and node.get("type") == "subjectField"]


def _definitions(element: etree._Element) -> list[str]:
    return [_text(node) for node in element.iter()
            if local(node.tag) == "descrip" and node.get("type") == "definition"]


def _joined(texts: list[str]) -> str:
    return "\n".join(t for t in texts if t)


def _by_lang(texts: dict[str, list[str]]) -> dict[str, str]:
    return {lang: joined for lang, found in texts.items() if (joined := _joined(found))}


def _written_lang(lang_set: etree._Element) -> str:
    return lang_set.get(XML_LANG) or lang_set.get("lang") or ""


def _lang_of(path: str, lang_set: etree._Element, tags: dict[str, Origin]) -> str:
    code = _written_lang(lang_set)
    if not code:
        raise GlossaryError(path, f"<{local(lang_set.tag)}> without xml:lang", lang_set.sourceline)
    return language_code(code, path, lang_set.sourceline, tags)


# Term-level data categories a fix needs (TBX's names; as elements in older TBX).
_GRAMMAR = {"grammaticalGender": "gender", "grammaticalNumber": "number"}
_GRAMMAR_VALUES = {"gender": known_gender, "number": known_number}
_GRAMMAR_PARSERS = {"gender": parse_gender, "number": parse_number}


def _term(path: str, group: etree._Element, lang: str, region: str = "") -> Term:
    status, kind, options, notes, part = Status.ADMITTED, TermKind.FULL, {}, [], ""
    grammar: dict[str, str] = {}
    term_element = None
    # tig and termSec hold the term and its notes; ntig nests them one level down in termGrp.
    nodes = [n for child in group for n in ((child, *child) if _local(child.tag) == "termGrp" else (child,))]
    for node in nodes:
        name = _local(node.tag)
        if name == "term":
            term_element = node
            continue
        if name not in ("termNote", "note", *_STATUS_TYPES, "termType", "partOfSpeech", *_GRAMMAR):
            continue
        kind_attr = node.get("type")
        value = _text(node)
        if (name == "termNote" and kind_attr in _STATUS_TYPES) or name in _STATUS_TYPES:
            status = parse_status(value, path, node.sourceline, field=kind_attr or name)
        elif (name == "termNote" and kind_attr == "termType") or name == "termType":
            # TBX has more types (variant, phrase...); they match as full forms do.
            kind = known_kind(value) or TermKind.FULL
        elif name == "termNote" and kind_attr == OPTIONS_TYPE:
            options = parse_options(value, path, node.sourceline)
        elif (name == "termNote" and kind_attr == "partOfSpeech") or name == "partOfSpeech":
            part = known_part_of_speech(value)
        elif (field := _GRAMMAR.get(kind_attr if name == "termNote" else name)) is not None:
            # TBX-Basic's picklists are closed: another value is an error, as in CSV.
            grammar[field] = _GRAMMAR_PARSERS[field](value, path, node.sourceline)
        elif name == "note":
            notes.append(value)
    if term_element is None:
        raise GlossaryError(path, f"<{_local(group.tag)}> without <term>", group.sourceline)
    return Term(_text(term_element), lang, status, kind, note=_joined(notes),
                origin=Origin(str(path), term_element.sourceline), part_of_speech=part, region=region,
                **grammar, **options)


# Elements that only group others: what they hold is read (or not) for itself.
_TERM_LEVEL = _TERM_GROUPS | {"termGrp"}


def _unread(element: etree._Element, read) -> list[str]:
    """The data categories under `element` that the model has no place for, by name
    ("partOfSpeech", "subjectField", "transacGrp"): `read(name, node)` says what is read
    where `element` stands; a termType mtcheck does not know is named with its value."""
    found = []
    for child in element:
        name = _local(child.tag)
        if not name:
            continue  # a comment or processing instruction
        if name in _LANGUAGES:
            found += _unread(child, _read_beside_terms)
        elif name in _TERM_LEVEL:
            found += _unread(child, _read_in_terms)
        elif name == "descripGrp":
            # A definition's group: its definition is read where definitions are, never its source.
            found += _unread(child, _read_described if read is _read_beside_terms else _read_nothing)
        elif not read(name, child):
            found.append(_category(name, child))
    return found


def _category(name: str, node: etree._Element) -> str:
    kind = node.get("type")
    if kind == "termType" or name == "termType":
        return f"termType {_text(node)!r}"
    return kind or name


def _read_beside_terms(name: str, node: etree._Element) -> bool:
    """What the reader keeps of a concept and a language: notes, definitions, subject fields."""
    return name == "note" or _read_definition(name, node) or _subject_field(name, node)


def _subject_field(name: str, node: etree._Element) -> bool:
    return name == "descrip" and node.get("type") == "subjectField"


def _read_definition(name: str, node: etree._Element) -> bool:
    return name == "descrip" and node.get("type") == "definition"


def _read_described(name: str, node: etree._Element) -> bool:
    return _read_definition(name, node) or _subject_field(name, node)


def _read_nothing(name: str, node: etree._Element) -> bool:
    return False


def _read_in_terms(name: str, node: etree._Element) -> bool:
    """What the reader keeps of a term: its text, notes, status, a type it knows, options."""
    if name in ("term", "note") or name in _STATUS_TYPES:
        return True
    kind = node.get("type") if name == "termNote" else name
    if kind == "termType":
        return known_kind(_text(node)) is not None
    if kind == "partOfSpeech":
        return bool(known_part_of_speech(_text(node)))
    if kind in _GRAMMAR:
        return bool(_GRAMMAR_VALUES[_GRAMMAR[kind]](_text(node)))
    return name == "termNote" and (kind in _STATUS_TYPES or kind == OPTIONS_TYPE)


_LOCAL_NAMES: dict[object, str] = {}


def _local(tag: object) -> str:
    name = _LOCAL_NAMES.get(tag)
    if name is None:
        name = _LOCAL_NAMES[tag] = local(tag)
    return name


def _text(node: etree._Element) -> str:
    """The element's text, inline markup flattened, as written but for the line breaks and
    indentation of wrapped XML: tabs, runs of spaces and no-break spaces are the term's own."""
    text = (node.text or "") if len(node) == 0 else "".join(node.itertext())
    # Stripped of white space as Unicode has it (a no-break space, U+0085), as CSV cells are:
    # a term reads the same from either format.
    return _WRAP.sub(" ", text.strip())
