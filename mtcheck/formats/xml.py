"""XML parsing with external entities, DTD loading and network access turned off."""
from __future__ import annotations

import codecs
import io
import re
from typing import IO
from xml.parsers import expat

from lxml import etree

from mtcheck.errors import InputError


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
        huge_tree=False, remove_blank_text=False,
    )


def parse_xml(path: str, error: type[InputError] = InputError) -> etree._ElementTree:
    """Parse `path`; refuse entity declarations (XXE, billion laughs) with `path:line`. The
    file is read as bytes first: lxml reports bad bytes read from a file name without a line."""
    from mtcheck.textio import read_bytes

    try:
        data = read_bytes(path)
    except InputError as exc:
        raise error(exc.path, exc.detail, exc.line) from None
    tree = parse_xml_bytes(data, path, error)
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise error(path, "XML entity declarations are not allowed (possible XXE or entity bomb)")
    return tree


def parse_xml_bytes(data: bytes, path: str, error: type[InputError] = InputError) -> etree._ElementTree:
    """Parse a file's bytes (read once, kept by the caller for writing back)."""
    refuse_entities(data, path, error)
    try:
        root = etree.fromstring(data, _parser(), base_url=None)
    except etree.XMLSyntaxError as exc:
        raise error(path, f"malformed XML: {one_line(exc.msg)}", _position(exc)) from None
    return root.getroottree()


def one_line(message: str) -> str:
    """libxml2's messages can hold line breaks: an error is one line."""
    return " ".join(str(message).split())


def _position(exc: etree.XMLSyntaxError) -> int | None:
    return exc.position[0] if exc.position and exc.position[0] else None


class _RootReached(Exception):
    """The prolog is over: no entity can be declared after the root element starts."""


def refuse_entities(data: bytes, path: str, error: type[InputError] = InputError) -> None:
    """Refuse entity declarations before any parser could expand them, wherever the prolog
    puts them (after a comment of any length) and in any encoding (UTF-16 without a
    byte-order mark too): expat reads the prolog up to the root element."""
    _refuse(io.BytesIO(data), path, error)


def refuse_entities_in(path: str, error: type[InputError] = InputError) -> None:
    """refuse_entities for a file, reading only as far as its root element."""
    from mtcheck.textio import open_regular

    try:
        stream = open_regular(path)
    except InputError as exc:
        raise error(exc.path, exc.detail, exc.line) from None
    with stream:
        _refuse(stream, path, error)


def _refuse(stream: IO[bytes], path: str, error: type[InputError]) -> None:
    try:
        _read_prolog(stream, path, error, None)
    except LookupError:  # expat asks Python's codecs for an encoding it does not know itself
        raise error(path, f"unknown encoding {xml_encoding(_head(stream))[0]!r}") from None
    except ValueError:  # a multi-byte encoding expat does not know: read as UTF-8 instead
        stream.seek(0)
        codec, bom = xml_encoding(stream.read(256))
        stream.seek(bom)
        try:
            decoder = codecs.getincrementaldecoder(codec)("replace")
        except LookupError:
            raise error(path, f"unknown encoding {codec!r}") from None
        _read_prolog(_Transcoded(stream, decoder), path, error, "UTF-8")


def _head(stream: IO[bytes]) -> bytes:
    stream.seek(0)
    return stream.read(256)


def _read_prolog(stream, path: str, error: type[InputError], encoding: str | None) -> None:
    parser = expat_parser(encoding)

    def declared(name, *_):
        raise error(path, "XML entity declarations are not allowed (possible XXE or entity bomb)",
                    parser.CurrentLineNumber)

    def root(name, attributes):
        raise _RootReached

    parser.EntityDeclHandler = declared
    parser.StartElementHandler = root
    try:
        feed(parser, stream, 1 << 16)
    except _RootReached:
        return
    except expat.ExpatError as exc:
        raise error(path, f"malformed XML: {expat.ErrorString(exc.code)}", exc.lineno) from None


def expat_parser(encoding: str | None = None):
    """An expat parser that reads no external or parameter entity."""
    parser = expat.ParserCreate(encoding)
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    return parser


def feed(parser, stream: IO[bytes], chunk_size: int = 1 << 20) -> None:
    """A whole stream through an expat parser, a chunk at a time."""
    while chunk := stream.read(chunk_size):
        parser.Parse(chunk, False)
    parser.Parse(b"", True)


class _Transcoded:
    """A byte stream read through a decoder and handed on as UTF-8."""

    def __init__(self, stream: IO[bytes], decoder):
        self.stream, self.decoder = stream, decoder

    def read(self, size: int) -> bytes:
        chunk = self.stream.read(size)
        return self.decoder.decode(chunk, final=not chunk).encode("utf-8")


_DECLARED_RE = re.compile(r"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def xml_encoding(head: bytes) -> tuple[str, int]:
    """The encoding of an XML file (byte-order mark, else the NUL bytes of UTF-16 or UTF-32,
    else the declaration, else UTF-8) and the mark's length."""
    from mtcheck.textio import sniff_encoding

    codec, bom = sniff_encoding(head)
    if bom or codec != "utf-8":
        return codec, bom
    declared = _DECLARED_RE.match(head.decode("latin-1"))
    return (declared.group(1).lower() if declared else "utf-8"), 0


def local(tag: object) -> str:
    """An element's name without its namespace ('' for comments and processing instructions)."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def text_of(element: etree._Element) -> str:
    """All text inside an element, inline markup flattened, whitespace collapsed."""
    return " ".join("".join(element.itertext()).split())


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
