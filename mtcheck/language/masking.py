"""Markup, placeholders and code masked out of prose: what no term is found in or across."""
from __future__ import annotations

import functools
import re

URL_RE = re.compile(r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.-]+", re.IGNORECASE)
# How a URL without a scheme starts: the expression ignores case, and these are the cases met.
_WWW = ("www.", "WWW.", "Www.")

# What stands for an inline tag of a translation file, and what masks code in a text: a
# character that is neither a word nor a gap, so no term is found inside or across it.
PLACEHOLDER = "\ufffc"
# A file name's extension: a full stop and a lowercase letter (not "Ende.Die", "z.B.").
_FILE_TRIGGERS = tuple("." + letter for letter in "abcdefghijklmnopqrstuvwxyz")
_FILE_TRIGGERS_SET = frozenset(_FILE_TRIGGERS)
# Where a path starts: its slash after a space or bracket (a text that starts with one: see
# mask_protected), not the slash of "und/oder".
_PATH_TRIGGERS = (" /", "\n/", "\t/", "(/", "[/", '"/', "'/", "~/", "./")
# What mask_protected masks, each with the strings one of which it cannot match without.
_PROTECTED = (
    (("://", *_WWW, "@"), URL_RE.pattern),
    # Elements whose content is code, input or output (HTML, DocBook, Mallard), tags included.
    (("<",), r"<(?P<code_element>code|input|output|cmd|sys|var|file|kbd|samp|tt|pre|screen|literal"
             r"|filename|command|userinput|computeroutput|programlisting|envar|option|replaceable"
             r"|systemitem|varname|function|constant)(?:\s[^<>]*)?>[^<]*(?:<(?!/?(?P=code_element)[\s/>])[^<]*)*"
             r"</(?P=code_element)\s*>"),
    (("<",), r"</?[A-Za-z_][\w:.-]*(?:\s[^<>]*)?/?>"),             # HTML/XML tags, itstool's <_:media-1/>
    (("&lt;",), r"(?-i:&lt;[/!?]?[A-Za-z_][^<>\n]*?&gt;)"),               # escaped XML samples
    (("{",), r"\{\{[^{}]*\}\}|\{[\w.:!\[\]-]*\}"),               # {{ var }}, {name}, {0}
    (("%",), r"%(?:\([\w.-]+\))?[-+#0]*(?:\d+|\*)?(?:\.\d+)?[hlLqjzt]*[diouxXeEfFgGcrsa%](?![^\W\d_])"),  # printf
    (("&",), r"&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);"),              # character references left in text
    (("<",), r"<!--(?:.*?-->|.*)"),  # comments; one left open runs to the line's end (and
                                     # is tried once, not again from every later "<!--")
    # reStructuredText (Sphinx) roles: the role of a reference to prose (:term:`…`, :ref:`…`) is
    # markup and its text prose (a <target> after it is masked as a tag); any other role's
    # text is code (:class:`Foo`, :func:`open`, :pep:`8`), masked whole.
    ((":`",), r"(?<![\w`]):(?:term|ref|doc|abbr|dfn|guilabel|menuselection|numref|emphasis|strong|title-reference):"
              r"`(?P<prose>[^`<\n]*?)\s*(?:<[^<>`\n]*>)?`"),
    ((":`",), r"(?<![\w`]):(?:[A-Za-z][\w.+-]*:)+`[^`\n]*`"),
    (("``",), r"``[^`\n]+?``"),                                   # reST literals, Markdown double-backtick spans
    (("`",), r"`[^`\n]+`"),                                       # Markdown code spans
    (("](",), r"(?<=\])\([^()\s]*\)"),                            # Markdown link targets
    (("=",), r"(?m:^[ \t]*[A-Za-z][\w.@\[\]-]*=\S*[ \t]*$)"),   # key=value lines (desktop files, INI), not "N=374 patients"
    (("$ ",), r"(?m:^[ \t]*\$ .*)"),                                # command lines after a shell prompt
    (("$",), r"\$\{?[A-Za-z_]\w*\}?"),                            # shell and template variables: $REVISION, ${name}
    (("--",), r"(?<![\w-])--[A-Za-z][\w-]*(?:=\S*)?"),            # long options
    # paths of two parts or more, after a space or an opening bracket: /usr/bin, ~/.local/ (not 10 °/20 °)
    (_PATH_TRIGGERS, r"(?<![^\s(\[\"'])(?:~|\.{1,2})?/[\w.@%+-]*[^\W\d_][\w.@%+-]*/[\w.@%+-/]*"),
    (_FILE_TRIGGERS, r"(?-i:(?<![\w.])[\w-]+(?:\.[\w-]+)*\.[a-z][a-z0-9]{0,7}(?![\w.]))"),  # file names: x1.desktop
)
_PROTECTED_TRIGGERS = tuple(dict.fromkeys(t for triggers, _ in _PROTECTED for t in triggers))
# Each trigger with the character of it that prose has least: "/" of "://", "]" of "](".
_RAREST = {"://": "/", "](": "]", "WWW.": "W", "Www.": "W", **{t: "/" for t in _PATH_TRIGGERS}}
_TRIGGER_GATES = tuple((t, _RAREST.get(t, t[0])) for t in _PROTECTED_TRIGGERS
                       if t not in _FILE_TRIGGERS and t not in _PATH_TRIGGERS)
_PATH_OPENERS = frozenset(t[0] for t in _PATH_TRIGGERS)
_LITERAL_TRIGGERS = tuple(t for t in _PROTECTED_TRIGGERS if t not in _FILE_TRIGGERS)
# The file triggers at once: prose has a full stop in every sentence, a lowercase letter
# right after one seldom; one scan instead of one per letter.
_FILE_TRIGGER_RE = re.compile(r"\.(?=[a-z])")


@functools.lru_cache(maxsize=None)
def _protected_re(present: frozenset[str]) -> re.Pattern:
    """One expression of what can match in a text with the `present` triggers, in the order
    of _PROTECTED, so it masks what the whole would: a text with a per cent sign alone is
    not scanned for URLs, tags and e-mail addresses at every word."""
    return re.compile("|".join(pattern for triggers, pattern in _PROTECTED if present.intersection(triggers)),
                      re.IGNORECASE)


def mask_urls(text: str) -> str:
    """Blank out URLs and e-mail addresses (same length) so that slugs never match."""
    if "://" not in text and "@" not in text and not any(www in text for www in _WWW):
        return text
    return URL_RE.sub(lambda m: " " * len(m.group()), text)


def masking_triggers(text: str) -> list[int]:
    """Where `text` has something that starts what mask_protected masks: to mask only the
    texts of a batch that need it. Each trigger is looked for with str.find, which skips
    through text far faster than a regular expression's scan; a longer trigger only where its
    rarest character is, as one character is found faster still."""
    found = []
    for trigger, rarest in _TRIGGER_GATES:
        if rarest not in text:
            continue
        at = text.find(trigger)
        while at >= 0:
            found.append(at)
            at = text.find(trigger, at + 1)
    if "." in text:
        found.extend(m.start() for m in _FILE_TRIGGER_RE.finditer(text))
    # A path's trigger is a slash after one of a few characters: each slash is found, and
    # the character before it looked at, instead of a scan of the text per trigger.
    at = text.find("/")
    while at >= 0:
        if at == 0 or text[at - 1] in _PATH_OPENERS:
            found.append(max(at - 1, 0))
        at = text.find("/", at + 1)
    return found


def mask_protected(text: str) -> str:
    """URLs, e-mail addresses, markup tags and placeholders (%s, %(name)s, {name}) replaced
    by PLACEHOLDER runs of the same length: never matched, never matched across."""
    present = frozenset(trigger for trigger in _LITERAL_TRIGGERS if trigger in text)  # each checked in C
    if "." in text and _FILE_TRIGGER_RE.search(text):
        present |= _FILE_TRIGGERS_SET
    if text[:1] == "/":
        present |= {" /"}
    if not present:
        return text
    return _protected_re(present).sub(_masked, text)


def written_like_code(texts) -> re.Pattern | None:
    """The terms among `texts` that mask_protected would mask whole, as one pattern (any case,
    each a token of its own); None where there is none. A glossary that names a thing whose
    name looks like a file ("Node.js", "Booking.com") wants it found."""
    masked = sorted({t for t in texts if mask_protected(t) != t}, key=lambda t: (-len(t), t))
    if not masked:
        return None
    return re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, masked)) + r")(?![\w])", re.IGNORECASE)


def unmasking(text: str, masked: str, terms: re.Pattern | None) -> str:
    """`masked` (mask_protected(text)) with each of `terms` given back its text where a mask
    covers that term and nothing more: inside a longer URL or path it stays masked."""
    if terms is None or masked == text:
        return masked
    for found in terms.finditer(text):
        start, end = found.span()
        if PLACEHOLDER in masked[start:end] and masked[start - 1:start] != PLACEHOLDER \
                and masked[end:end + 1] != PLACEHOLDER:
            masked = masked[:start] + text[start:end] + masked[end:]
    return masked


def _masked(found: re.Match) -> str:
    """The found markup as placeholders, but for the prose it holds (a reST reference's text)."""
    start, end = found.span()
    prose = found.groupdict().get("prose")
    if not prose:
        return PLACEHOLDER * (end - start)
    prose_start, prose_end = found.span("prose")
    return PLACEHOLDER * (prose_start - start) + prose + PLACEHOLDER * (end - prose_end)
