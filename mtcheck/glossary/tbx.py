"""TBX termbases (ISO 30042): v2 martif/termEntry/langSet/(n)tig and v3 conceptEntry/langSec/termSec."""
from __future__ import annotations

import re

from lxml import etree

from mtcheck.errors import GlossaryError
from mtcheck.formats.xml import XML_LANG, local, parse_xml
from mtcheck.glossary.options import language_code, parse_options
from mtcheck.model import Concept, Glossary, Origin, Status, Term, TermKind

# administrativeStatus (TBX-Basic) and normativeAuthorization (older TBX) values.
_STATUS = {
    "preferredterm-admn-sts": Status.PREFERRED, "preferredterm": Status.PREFERRED,
    "standardizedterm": Status.PREFERRED, "standardizedterm-admn-sts": Status.PREFERRED,
    "admittedterm-admn-sts": Status.ADMITTED, "admittedterm": Status.ADMITTED,
    "legalterm": Status.ADMITTED, "regulatedterm": Status.ADMITTED,
    "deprecatedterm-admn-sts": Status.DEPRECATED, "deprecatedterm": Status.DEPRECATED,
    "supersededterm-admn-sts": Status.SUPERSEDED, "supersededterm": Status.SUPERSEDED,
}
_KIND = {
    "fullform": TermKind.FULL, "shortform": TermKind.SHORT, "abbreviation": TermKind.ABBREVIATION,
    "acronym": TermKind.ABBREVIATION, "initialism": TermKind.ABBREVIATION,
}
_STATUS_TYPES = {"administrativeStatus", "normativeAuthorization"}
_CONCEPTS = {"termEntry", "conceptEntry"}
_LANGUAGES = {"langSet", "langSec"}
_TERM_GROUPS = {"tig", "ntig", "termSec"}
# Custom data category for mtcheck's match options, e.g. "case-sensitive exact".
OPTIONS_TYPE = "x-mtcheck-match"
# A line break with the indentation around it, as in TBX wrapped by hand: one space.
_WRAP = re.compile(r"[ \t]*[\r\n][ \t\r\n]*")


def read_tbx(path: str) -> Glossary:
    tree = parse_xml(path, GlossaryError)
    root = tree.getroot()
    if local(root.tag) not in ("martif", "tbx"):
        raise GlossaryError(path, f"not a TBX file: root element is <{local(root.tag)}>", root.sourceline)
    tags: dict[str, Origin] = {}
    main_lang = root.get(XML_LANG)
    main_lang = language_code(main_lang, path, root.sourceline, tags) if main_lang else None
    concepts = []
    for number, entry in enumerate(e for e in root.iter() if _local(e.tag) in _CONCEPTS):
        concepts.append(_concept(path, entry, number + 1, tags))
    return Glossary(tuple(concepts), main_lang, (str(path),), tags)


def _concept(path: str, entry: etree._Element, number: int, tags: dict[str, Origin]) -> Concept:
    concept_id = (entry.get("id") or "").strip() or f"entry-{number}"
    notes, terms = [], []
    definitions: dict[str, list[str]] = {}
    lang_notes: dict[str, list[str]] = {}
    for child in entry:
        name = _local(child.tag)
        if name in _LANGUAGES:
            lang = _lang_of(path, child, tags)
            terms.extend(_term(path, group, lang) for group in child if _local(group.tag) in _TERM_GROUPS)
            _descriptions(child, definitions.setdefault(lang, []), lang_notes.setdefault(lang, []))
        elif name == "note":
            notes.append(_text(child))
        elif name in ("descrip", "descripGrp"):
            definitions.setdefault("", []).extend(_definitions(child))
    return Concept(concept_id, tuple(terms), _joined(notes), Origin(str(path), entry.sourceline),
                   definitions=_by_lang(definitions), lang_notes=_by_lang(lang_notes))


def _descriptions(lang_set: etree._Element, definitions: list[str], notes: list[str]) -> None:
    """The definitions and notes a langSet/langSec gives beside its terms."""
    for child in lang_set:
        name = _local(child.tag)
        if name == "note":
            notes.append(_text(child))
        elif name in ("descrip", "descripGrp"):
            definitions.extend(_definitions(child))


def _definitions(element: etree._Element) -> list[str]:
    return [_text(node) for node in element.iter()
            if local(node.tag) == "descrip" and node.get("type") == "definition"]


def _joined(texts: list[str]) -> str:
    return "\n".join(t for t in texts if t)


def _by_lang(texts: dict[str, list[str]]) -> dict[str, str]:
    return {lang: joined for lang, found in texts.items() if (joined := _joined(found))}


def _lang_of(path: str, lang_set: etree._Element, tags: dict[str, Origin]) -> str:
    code = lang_set.get(XML_LANG) or lang_set.get("lang")
    if not code:
        raise GlossaryError(path, f"<{local(lang_set.tag)}> without xml:lang", lang_set.sourceline)
    return language_code(code, path, lang_set.sourceline, tags)


def _term(path: str, group: etree._Element, lang: str) -> Term:
    status, kind, options, notes = Status.ADMITTED, TermKind.FULL, {}, []
    term_element = None
    # tig and termSec hold the term and its notes; ntig nests them one level down in termGrp.
    nodes = [n for child in group for n in ((child, *child) if _local(child.tag) == "termGrp" else (child,))]
    for node in nodes:
        name = _local(node.tag)
        if name == "term":
            term_element = node
            continue
        if name not in ("termNote", "note", *_STATUS_TYPES, "termType"):
            continue
        kind_attr = node.get("type")
        value = _text(node)
        if (name == "termNote" and kind_attr in _STATUS_TYPES) or name in _STATUS_TYPES:
            status = _STATUS.get(value.lower().replace(" ", ""))
            if status is None:
                raise GlossaryError(path, f"unknown {kind_attr or name} {value!r}", node.sourceline)
        elif (name == "termNote" and kind_attr == "termType") or name == "termType":
            kind = _KIND.get(value.lower(), TermKind.FULL)
        elif name == "termNote" and kind_attr == OPTIONS_TYPE:
            options = parse_options(value, path, node.sourceline)
        elif name == "note":
            notes.append(value)
    if term_element is None:
        raise GlossaryError(path, f"<{_local(group.tag)}> without <term>", group.sourceline)
    return Term(_text(term_element), lang, status, kind, note=_joined(notes),
                origin=Origin(str(path), term_element.sourceline), **options)


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
