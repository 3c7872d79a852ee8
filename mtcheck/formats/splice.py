"""Writing edited XML elements back into the original bytes, so that everything outside the
edited elements stays as it was: declaration, doctype and its internal subset, comments,
quoting, character references, CDATA, empty-tag spelling, attribute order, line ends.

lxml keeps none of these when it serializes a tree, and gives no byte offsets; the standard
library's expat parser does (`CurrentByteIndex`), so a streaming expat pass finds where each
wanted element starts and ends, counted in document order as lxml counts its elements. Only
the inside of an edited element is replaced, and within it only what the edit changed where
the original spelling can be mapped (verified by parsing the result).
"""
from __future__ import annotations

import difflib
import os
import re
from typing import IO, Iterable, NamedTuple
from xml.parsers import expat

from lxml import etree

from mtcheck.errors import InputError
from mtcheck.formats.xml import expat_parser, feed

_START_TAG_RE = re.compile(r"""<[^\s/>]+(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(/?)>""")
_END_TAG_RE = re.compile(r"</[^>]*>")
_TRANSPLANT_LIMIT = 4_000  # characters; a character diff is quadratic, and beyond it costs too much


class Span(NamedTuple):
    """Byte offsets of an element in its file: its start tag's `<` and its end tag's `<`
    (for an empty-element tag, the end of that tag)."""
    start: int
    end_tag: int


def element_spans(stream: IO[bytes], wanted: Iterable[int], path: str,
                  only: str | None = None) -> tuple[dict[int, Span], int]:
    """The spans of the elements numbered `wanted` (0-based, in document order; with `only`,
    counting just the elements of that local name), read from `stream` in bounded memory,
    and the number of elements counted."""
    wanted = set(wanted)
    parser = expat_parser()
    spans: dict[int, Span] = {}
    open_elements: list[tuple[int, int]] = []
    count = 0

    def start(name, attributes):
        nonlocal count
        if only is None or name.rpartition(":")[2] == only:
            open_elements.append((count, parser.CurrentByteIndex))
            count += 1

    def end(name):
        if only is None or name.rpartition(":")[2] == only:
            number, at = open_elements.pop()
            if number in wanted:
                spans[number] = Span(at, parser.CurrentByteIndex)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        feed(parser, stream)
    except expat.ExpatError as exc:
        raise InputError(path, f"cannot write back: {expat.ErrorString(exc.code)}", exc.lineno) from None
    except LookupError:
        raise InputError(path, "cannot write back: unknown encoding") from None
    except ValueError:  # expat reads no multi-byte encoding but UTF-8 and UTF-16
        raise InputError(path, "cannot write back a file in this encoding byte for byte; "
                               "convert it to UTF-8 to fix it") from None
    return spans, count


def element_text(stream: IO[bytes], span: Span, codec: str) -> tuple[str, int]:
    """An element's whole text, start tag to end tag, from its span, and the byte offset
    where it ends. (For an empty-element tag, expat's end is where the tag ends.)"""
    stream.seek(span.start)
    body = stream.read(span.end_tag - span.start).decode(codec)
    opening = _START_TAG_RE.match(body)
    if opening is not None and opening.group(1) and opening.end() == len(body):
        return body, span.end_tag
    tail = stream.read(1024).decode(codec, "ignore")
    closing = _END_TAG_RE.match(tail)
    end_tag = closing.group() if closing else ""
    return body + end_tag, span.end_tag + len(end_tag.encode(codec))


def split_element(text: str) -> tuple[str, str, str]:
    """An element's text as its start tag, its inside and its end tag ('' when empty)."""
    opening = _START_TAG_RE.match(text)
    if opening is None:
        raise ValueError("no start tag")
    if opening.group(1):
        return text[:opening.end()], "", ""
    closing = text.rfind("</")
    return text[:opening.end()], text[opening.end():closing], text[closing:]


def inner_xml(element: etree._Element) -> str:
    """What lxml writes between an element's start and end tags (namespaces declared on the
    element itself, as its serialization's root, so none are repeated inside)."""
    return split_element(etree.tostring(element, encoding="unicode", with_tail=False))[1]


def rewritten(original: str, before: str | None, after: str, line_end: str) -> str:
    """An element's original text with its inside changed from `before` to `after` (lxml's
    serializations of the inside, unedited and edited): the changed stretches are carried
    into the original spelling where they map onto it one to one; otherwise (or with no
    `before`) the inside is `after`, in the original's line ends."""
    start_tag, inside, end_tag = split_element(original)
    if not end_tag:  # an empty-element tag that now has content
        name = start_tag[1:].split(None, 1)[0].rstrip("/>")
        start_tag, end_tag = start_tag[:-2].rstrip() + ">", f"</{name}>"
    carried = None if before is None else _transplant(inside, before, after, line_end)
    return start_tag + (carried if carried is not None else _line_ends(after, line_end)) + end_tag


def _transplant(inside: str, before: str, after: str, line_end: str) -> str | None:
    if inside == _line_ends(before, line_end):
        return _line_ends(after, line_end)
    carried = _carry_between_common_ends(inside, before, after, line_end)
    if carried is not None or max(len(inside), len(before)) > _TRANSPLANT_LIMIT:
        return carried
    to_original = _alignment(before, inside)
    result, done = [], 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        o1, o2 = to_original.get(i1), to_original.get(i2)
        if o1 is None or o2 is None or o1 < done or inside[o1:o2] != before[i1:i2]:
            return None
        result += [inside[done:o1], _line_ends(after[j1:j2], line_end)]
        done = o2
    result.append(inside[done:])
    return "".join(result)


def _carry_between_common_ends(inside: str, before: str, after: str, line_end: str) -> str | None:
    """The changed stretch (between what `before` and `after` share at both ends) put into
    `inside` where the words around it are found once there, spelled as in `before`: in
    linear time, whatever the original spells otherwise further away (character references,
    CDATA)."""
    head = _common_prefix(before, after)
    tail = min(_common_prefix(before[head:][::-1], after[head:][::-1]), len(before) - head)
    changed = before[head:len(before) - tail]
    for width in (64, 24, 8, 0):
        left, right = before[max(0, head - width):head], before[len(before) - tail:len(before) - tail + width]
        start = _only(inside, left + changed + right)
        if start is not None:
            start += len(left)
            return inside[:start] + _line_ends(after[head:len(after) - tail], line_end) + inside[start + len(changed):]
    return None


def _only(text: str, part: str) -> int | None:
    """Where `part` occurs in `text`, if it occurs exactly once."""
    at = text.find(part)
    return at if at >= 0 and text.find(part, at + 1) < 0 else None


def _common_prefix(a: str, b: str) -> int:
    return len(os.path.commonprefix((a, b)))


def _alignment(before: str, inside: str) -> dict[int, int]:
    """Offsets of `before` mapped to offsets of `inside` wherever the two agree."""
    mapping: dict[int, int] = {}
    for a, b, size in difflib.SequenceMatcher(None, before, inside, autojunk=False).get_matching_blocks():
        for k in range(size + 1):
            mapping.setdefault(a + k, b + k)
    return mapping


def _line_ends(text: str, line_end: str) -> str:
    return text.replace("\n", line_end) if line_end != "\n" else text


def line_end_of(text: str, default: str) -> str:
    """CRLF when every line end of `text` is one, LF when none is, `default` without any."""
    newlines = text.count("\n")
    if not newlines:
        return default
    return "\r\n" if text.count("\r\n") == newlines else "\n"


def rewrite_element(original: str, element: etree._Element, before: str | None, line_end: str,
                    namespaces: dict | None = None) -> str | None:
    """The edited `element` spelled as close to its `original` text as parses to it: the
    edit carried into the original, else the original tags around lxml's inside; None when
    neither parses to the element (then nothing may be written)."""
    after = inner_xml(element)
    wanted = canonical(element)
    for inside_before in ((before, None) if before is not None else (None,)):
        text = rewritten(original, inside_before, after, line_end)
        parsed = parse_element(text, element.nsmap if namespaces is None else namespaces)
        if parsed is not None and canonical(parsed) == wanted:
            return text
    return None


def canonical(element: etree._Element) -> bytes:
    """An element's canonical form (C14N, comments and tail left out): two spellings of the
    same element give the same bytes. C14N refuses relative namespace URIs (xmlns="de"):
    there, lxml's own serialization of the element stands in."""
    try:
        return etree.tostring(element, method="c14n", exclusive=True, with_comments=False, with_tail=False)
    except etree.C14NError:
        return etree.tostring(element, with_tail=False)


def parse_element(text: str, namespaces: dict | None = None) -> etree._Element | None:
    """An element parsed from its text alone, with the namespaces in scope declared around it."""
    declarations = "".join(f' xmlns{":" + prefix if prefix else ""}="{_escape(uri)}"'
                           for prefix, uri in sorted((namespaces or {}).items(), key=lambda i: i[0] or ""))
    try:
        wrapper = etree.fromstring(f"<w{declarations}>{text}</w>", _fragment_parser())
    except etree.XMLSyntaxError:
        return None
    return wrapper[0] if len(wrapper) == 1 else None


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def _fragment_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
