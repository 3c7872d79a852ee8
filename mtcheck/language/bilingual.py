"""Bilingual dictionaries: the words a word or phrase of one language is translated by in
another, as FreeDict's dictionaries give them.

FreeDict (freedict.org) is the largest open collection of bilingual dictionaries, kept for
decades and packaged by Debian (`apt-get install dict-freedict-eng-fra` …) in the dict
server's format: `freedict-eng-fra.index` (headword, offset and length in base 64) beside
`freedict-eng-fra.dict.dz` (the entries, gzip-compressed). Both directions of a pair are read
where both are installed (eng-fra and fra-eng): a dictionary of one direction misses many of
the other's words.

The folders searched are those `MTCHECK_DICTIONARIES` names (separated like PATH), else the
dict server's own (/usr/share/dictd, /usr/local/share/dictd). Where no dictionary of a pair is
there, its lexicon is empty and whatever asks it goes without (the same results as before it
was installed). A dictionary read once is kept in mtcheck's cache folder, keyed by its files'
size and time and this module's source.
"""
from __future__ import annotations

import functools
import gzip
import hashlib
import os
import re
import unicodedata
from pathlib import Path

from mtcheck.language.codes import canonical_lang

FOLDERS = ("/usr/share/dictd", "/usr/local/share/dictd")
MAX_WORDS = 4  # a translation longer than this is an explanation, not a rendering
FOLDER = "dictionaries"  # in the cache folder
KEEP = 24

_BASE64 = {c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}
# A sense's number ("2.", "II. <N> 3."): each numbered line holds that sense's translations.
_NUMBERED_RE = re.compile(r"^(?:[IVX]+\.\s*)?(?:<[^>]*>\s*)?\d+\.\s+")
_MARKUP_RE = re.compile(r"<[^>]*>|\[[^\]]*\]|\([^)]*\)|\{[^}]*\}|/[^/]*/|\*[^*]*\*")
_MARKER_RE = re.compile(r"^(?:[IVX]+|[a-z])\.\s+")  # a sense's letter or roman number left inside a line
_POS_RE = re.compile(r"<\s*([A-Za-z]+)")
_TAG = "\x1f"  # between a translation's part of speech and its text
# Lines that are not translations: cross-references, notes, examples.
_NOT_TRANSLATIONS = ('"', "see:", "Synonym:", "Note:", "-", "Syn:", "Ant:")
# Stress marks FreeDict writes on Cyrillic words (Ло́ндон), which the words' spelling has not.
_STRESS_RE = re.compile("(?<=[\u0400-\u04ff])[\u0300\u0301]")


def folders() -> list[Path]:
    named = os.environ.get("MTCHECK_DICTIONARIES")
    return [Path(p) for p in (named.split(os.pathsep) if named else FOLDERS) if p]


class Lexicon:
    """The translations of words of one language (`source`) in another (`target`)."""

    def __init__(self, source: str, target: str, entries, names: tuple[str, ...]):
        self.source, self.target = source, target
        self._entries = entries  # headword -> translations (a dict, or a trie of joined ones)
        self.names = names  # the dictionaries it was read from

    def __bool__(self) -> bool:
        return bool(self.names)

    def parts_of_speech(self, phrase: str) -> frozenset[str]:
        """The parts of speech the dictionaries mark a word's translations with ('v': it is a
        verb in one of its senses); empty where they do not say."""
        return frozenset(kind for kind, _ in self._tagged(phrase) if kind)

    def _tagged(self, phrase: str) -> list[tuple[str, str]]:
        found = self._entries.get(_headword(phrase))
        if not found:
            return []
        if not isinstance(found, tuple):
            found = found[0].decode("utf-8").split("\t")  # a trie's values: one, joined
        return [(kind, text) for kind, _, text in (item.partition(_TAG) for item in found)]

    def translations(self, phrase: str, pos: str | None = None) -> tuple[str, ...]:
        """What the dictionaries give for a word or phrase (its case folded), in their order;
        with `pos` ('n' noun, 'v' verb, 'a' adjective, 'r' adverb), only the translations of
        that part of speech and those of entries that do not say."""
        texts = []
        for kind, text in self._tagged(phrase):
            if (pos is None or kind in ("", pos)) and text not in texts:
                texts.append(text)
        return tuple(texts)


def installed() -> tuple[str, ...]:
    """The dictionaries installed now, each with its size and time: what a lexicon read
    before is valid for."""
    found = []
    for folder in folders():
        try:
            found += [f"{p}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in sorted(folder.glob("*"))
                      if p.name.endswith(".index") or _cedict(p)]
        except OSError:
            continue
    return tuple(found)


def lexicon(source: str, target: str) -> Lexicon:
    """The lexicon from `source` to `target` (any code: "en", "eng", "en-US"), from the
    dictionaries of both directions that are installed; empty where none is. Merged once,
    it is kept in the cache folder as a trie that opens without reading it whole."""
    return _lexicon(canonical_lang(source), canonical_lang(target), installed())


@functools.lru_cache(maxsize=64)
def _lexicon(source: str, target: str, _installed: tuple[str, ...]) -> Lexicon:
    forward, backward = _dictionaries(source, target), _dictionaries(target, source)
    paths = forward + backward
    if not paths:
        return Lexicon(source, target, {}, ())
    names = tuple(p.name.removesuffix(".index") if not _cedict(p) else "CC-CEDICT" for p in paths)
    entry = _entry(source, target, paths)
    if entry is not None:
        trie = _open_trie(entry)
        if trie is not None:
            return Lexicon(source, target, trie, names)
    there, back = [parse_file(p) for p in forward], [parse_file(p) for p in backward]
    merged = merge(there, back)
    if entry is not None:
        _store(entry, merged)
        # The other direction from the same reading: discovery asks for both.
        other = _entry(target, source, backward + forward)
        if other is not None and not other.is_file():
            _store(other, merge(back, there))
    return Lexicon(source, target, merged, names)


def merge(forward: list[dict[str, tuple[str, ...]]], backward: list[dict[str, tuple[str, ...]]]) \
        -> dict[str, tuple[str, ...]]:
    """One direction's entries, then the other direction's turned round (the French words
    under which fra-eng gives 'node' are translations of 'node')."""
    entries: dict[str, list[str]] = {}
    for parsed in forward:
        for headword, translated in parsed.items():
            known = entries.setdefault(headword, [])
            known.extend(t for t in translated if t not in known)
    for parsed in backward:
        for headword, translated in parsed.items():
            for translation in translated:
                pos, _, text = translation.partition(_TAG)
                known = entries.setdefault(_headword(text), [])
                if tagged(pos, headword) not in known:
                    known.append(tagged(pos, headword))
    return {k: tuple(v) for k, v in entries.items() if v}


def _dictionaries(source: str, target: str) -> list[Path]:
    """Installed dictionaries from `source` to `target`, the first of each name found: the
    dict server's (`eng-fra.index`) and CC-CEDICT (Chinese–English, `cedict_ts.u8`)."""
    found: dict[str, Path] = {}
    for folder in folders():
        try:
            files = sorted(folder.glob("*-*.index")) + sorted(p for p in folder.glob("*") if _cedict(p))
        except OSError:
            continue
        for path in files:
            if path.name in found:
                continue
            if _cedict(path):
                pair = ["zho", "eng"]
            else:
                pair = path.name.removesuffix(".index").split("-")
                if len(pair) < 2 or _data_file(path) is None:
                    continue
            if _language_of(pair[-2]) == source and _language_of(pair[-1]) == target:
                found[path.name] = path
    return [found[name] for name in sorted(found)]


def _cedict(path: Path) -> bool:
    """CC-CEDICT's file, as MDBG gives it (cedict_1_0_ts_utf-8_mdbg.txt) or renamed (cedict_ts.u8)."""
    name = path.name.casefold()
    return name.startswith("cedict") and name.endswith((".u8", ".txt")) and path.is_file()


@functools.lru_cache(maxsize=None)
def _language_of(code: str) -> str:
    """A dictionary file's language (ISO 639-3 in FreeDict's names: 'fra', 'nor') as mtcheck
    names languages, by pycountry's tables."""
    import pycountry

    language = pycountry.languages.get(alpha_3=code.lower())
    if language is None:
        language = pycountry.languages.get(bibliographic=code.lower())
    return canonical_lang(getattr(language, "alpha_2", None) or code)


def _data_file(index: Path) -> Path | None:
    stem = index.name.removesuffix(".index")
    for name in (f"{stem}.dict.dz", f"{stem}.dict"):
        if (index.parent / name).is_file():
            return index.parent / name
    return None


def parse_file(index: Path) -> dict[str, tuple[str, ...]]:
    if _cedict(index):
        return parse_cedict(index.read_text(encoding="utf-8", errors="replace"))
    data = _data_file(index)
    if data is None:
        return {}
    return parse_dictd(index.read_bytes(), _decompressed(data))


def _entry(source: str, target: str, paths: list[Path]) -> Path | None:
    """Where the merged lexicon is kept: keyed by its dictionaries' files (size, time) and
    this module's source."""
    from mtcheck.cachedir import subfolder

    stamp = [source, target, _source_digest()]
    try:
        for index in paths:
            for path in ((index,) if _cedict(index) else (index, _data_file(index))):
                status = path.stat()
                stamp.append(f"{path.resolve()}:{status.st_size}:{status.st_mtime_ns}")
    except (OSError, TypeError):
        return None
    folder = subfolder(FOLDER)
    if folder is None:
        return None
    digest = hashlib.sha256("\0".join(stamp).encode("utf-8", "surrogateescape")).hexdigest()
    return folder / f"{source}-{target}-{digest[:24]}.marisa"


def _open_trie(entry: Path):
    from mtcheck.cachedir import touch

    if not entry.is_file():
        return None
    try:
        import marisa_trie

        trie = marisa_trie.BytesTrie()
        trie.mmap(str(entry))
    except Exception:  # noqa: BLE001 - a damaged entry of the cache: merged again and replaced
        return None
    touch(entry)
    return trie


def _store(entry: Path, merged: dict[str, tuple[str, ...]]) -> None:
    from mtcheck.cachedir import store

    try:
        import marisa_trie

        data = marisa_trie.BytesTrie((k, "\t".join(v).encode("utf-8")) for k, v in merged.items()).tobytes()
    except (ImportError, ValueError):
        return  # merged again next time
    store(entry, data, KEEP)


def _decompressed(data: Path) -> bytes:
    raw = data.read_bytes()
    # dictzip is gzip with an index of its chunks: any gzip reader reads it whole.
    return gzip.decompress(raw) if data.name.endswith(".dz") else raw


@functools.cache
def _source_digest() -> str:
    from mtcheck.cachedir import code_fingerprint

    return code_fingerprint([Path(__file__)])


def parse_dictd(index: bytes, data: bytes) -> dict[str, tuple[str, ...]]:
    """The dict server's format read: each headword (case folded) with the translations its
    entries give, in order, each marked with its part of speech (see `tagged`), without
    grammar marks, notes, examples and cross-references."""
    entries: dict[str, list[str]] = {}
    seen: set[tuple[str, int]] = set()
    for line in index.decode("utf-8", "replace").splitlines():
        fields = line.split("\t")
        if len(fields) < 3 or not fields[0].strip() or fields[0].startswith("00database"):
            continue
        try:
            offset, length = _number(fields[1]), _number(fields[2])
        except KeyError:
            continue  # not base 64: a damaged line
        headword = _headword(fields[0])
        if (headword, offset) in seen:
            continue
        seen.add((headword, offset))
        body = data[offset:offset + length].decode("utf-8", "replace")
        translated = entries.setdefault(headword, [])
        translated.extend(t for t in translations(body) if t not in translated)
    return {headword: tuple(translated) for headword, translated in entries.items() if translated}


_CEDICT_RE = re.compile(r"^(\S+) (\S+) \[[^\]]*\] /(.*)/\s*$")
# Glosses that say where a word belongs, not what it means.
_NOT_GLOSSES = ("CL:", "variant of", "old variant", "see ", "surname ", "abbr. for", "used in", "erhua variant",
                "Japanese variant", "also written", "also pr.")


def parse_cedict(text: str) -> dict[str, tuple[str, ...]]:
    """CC-CEDICT's lines („傳統 传统 [chuan2 tong3] /tradition/traditional/"): each word, simplified
    and traditional, with its English glosses, a gloss "to …" marked as a verb."""
    entries: dict[str, list[str]] = {}
    for line in text.splitlines():
        found = _CEDICT_RE.match(line)
        if not found:
            continue  # a comment or a damaged line
        glosses = []
        for gloss in found.group(3).split("/"):
            if gloss.startswith(_NOT_GLOSSES):
                continue
            for piece in _MARKUP_RE.sub(" ", gloss).split(";"):
                piece = " ".join(piece.split()).strip(" .,:!?")
                pos = ""
                if piece.startswith("to "):
                    pos, piece = "v", piece[3:]
                if piece and len(piece.split()) <= MAX_WORDS and any(ch.isalpha() for ch in piece):
                    glosses.append(tagged(pos, piece))
        for headword in dict.fromkeys((found.group(2), found.group(1))):
            known = entries.setdefault(_headword(headword), [])
            known.extend(g for g in glosses if g not in known)
    return {headword: tuple(glosses) for headword, glosses in entries.items() if glosses}


def translations(body: str) -> list[str]:
    """The translations of one entry, tagged with their part of speech: its first line is the
    headword (with pronunciation and part of speech); then the first line of text and every
    numbered line hold translations, separated by commas or semicolons (a line's own part of
    speech, "II. <V> 1.", replaces the headword's); other lines explain or exemplify."""
    found = []
    first = True
    lines = body.split("\n")
    pos = _part_of_speech(lines[0])
    for line in lines[1:]:
        text = line.strip()
        if not text:
            continue
        numbered = _NUMBERED_RE.match(text)
        if not (first or numbered):
            continue
        first = False
        if numbered:
            pos = _part_of_speech(numbered.group()) or pos
            text = text[numbered.end():]
        if text.startswith(_NOT_TRANSLATIONS):
            continue
        for piece in re.split(r"[,;]|\s\d+\.(?:\s|$)", _MARKUP_RE.sub(" ", text)):
            piece = _MARKER_RE.sub("", " ".join(piece.split()).strip(" .:!?"))
            if not piece or piece.startswith("…") or piece.endswith(("…", "...")) \
                    or len(piece.split()) > MAX_WORDS \
                    or not any(ch.isalpha() for ch in piece):
                continue
            piece = tagged(pos, unicodedata.normalize("NFC", _STRESS_RE.sub("", piece)))
            if piece not in found:
                found.append(piece)
    return found


def tagged(pos: str, text: str) -> str:
    """A translation as kept: its part of speech ('n', 'v', 'a', 'r', 'o', '' unknown) first."""
    return f"{pos}{_TAG}{text}"


def untagged(translation: str) -> str:
    return translation.partition(_TAG)[2]


def _part_of_speech(text: str) -> str:
    """The first grammar mark of a headword line or a sense's number: <n>, <n, masc>, <N>,
    <pn> (a name), <v>, <Adj>, <adv>; '' where it has none."""
    mark = _POS_RE.search(text)
    if not mark:
        return ""
    name = mark.group(1).lower()
    if name in ("n", "pn", "noun", "nm", "nf", "masc", "fem", "neut") or name.startswith("n") and name != "num":
        return "n"
    if name.startswith("v"):
        return "v"
    if name.startswith("adj") or name == "a":
        return "a"
    if name.startswith("adv"):
        return "r"
    return "o"


def _headword(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _number(text: str) -> int:
    value = 0
    for char in text.strip():
        value = value * 64 + _BASE64[char]
    return value
