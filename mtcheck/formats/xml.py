"""XML parsing with external entities, DTD loading and network access turned off."""
from __future__ import annotations

from lxml import etree

from mtcheck.errors import InputError


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
        huge_tree=False, remove_blank_text=False,
    )


def parse_xml(path: str, error: type[InputError] = InputError) -> etree._ElementTree:
    """Parse `path`; refuse entity declarations (XXE, billion laughs) with `path:line`."""
    try:
        tree = etree.parse(str(path), _parser())
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if exc.position else None
        raise error(path, f"malformed XML: {exc.msg}", line) from None
    except OSError as exc:
        raise error(path, f"cannot read: {exc.strerror or exc}") from None
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise error(path, "XML entity declarations are not allowed (possible XXE or entity bomb)",
                    _line_of(path, b"<!ENTITY"))
    return tree


def parse_xml_bytes(data: bytes, path: str, error: type[InputError] = InputError) -> etree._ElementTree:
    """Parse a file's bytes (read once, kept by the caller for writing back)."""
    refuse_entities(data[:_PROLOG], path, error)
    try:
        root = etree.fromstring(data, _parser(), base_url=None)
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if exc.position else None
        raise error(path, f"malformed XML: {exc.msg}", line) from None
    return root.getroottree()


def refuse_entities(head: bytes, path: str, error: type[InputError] = InputError) -> None:
    """Entity declarations sit in the prolog, before the root element: refuse them there,
    before any parser could expand them."""
    from mtcheck.textio import sniff_encoding

    encoding, skip = sniff_encoding(head[:4])
    text = head[skip:].decode(encoding, "ignore") if skip else head.decode("latin-1")
    at = text.find("<!ENTITY")
    if at >= 0:
        raise error(path, "XML entity declarations are not allowed (possible XXE or entity bomb)",
                    text.count("\n", 0, at) + 1)


_PROLOG = 1 << 20


def _line_of(path: str, needle: bytes) -> int | None:
    with open(path, "rb") as handle:
        head = handle.read(1 << 16)
    at = head.find(needle)
    return head.count(b"\n", 0, at) + 1 if at >= 0 else None


def local(tag: object) -> str:
    """An element's name without its namespace ('' for comments and processing instructions)."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def text_of(element: etree._Element) -> str:
    """All text inside an element, inline markup flattened, whitespace collapsed."""
    return " ".join("".join(element.itertext()).split())


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
