"""Core records: terms, concepts, glossaries, matches and findings (stdlib only)."""
from __future__ import annotations

import array
import bisect
import dataclasses
import enum
import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple


class Severity(enum.IntEnum):
    """How bad a finding is; ordered so that `--fail-on` can compare."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __init__(self, value: int):
        # A plain attribute: read for every finding counted and reported, where a property
        # (and Enum's own `name`) costs Python calls.
        self.label = self._name_.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r} (use error, warning or info)") from None


class Status(enum.Enum):
    """A term's normative status, with TBX's meanings."""

    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"
    SUPERSEDED = "superseded"

    def __init__(self, value: str):
        # A plain attribute: read for every match, where a property costs a Python call.
        self.accepted = value in ("preferred", "admitted")


class TermKind(enum.Enum):
    """TBX termType, reduced to what the rules need: short forms are no inconsistency."""

    FULL = "fullForm"
    SHORT = "shortForm"
    ABBREVIATION = "abbreviation"


def _fields_set(self) -> dict:
    """A glossary record's pickled state: its fields that differ from their defaults, which
    unpickling leaves to the class's (a glossary of 10,000 concepts and 70,000 terms is read
    back from the glossary cache a quarter faster), and nothing derived (cached properties)."""
    defaults = _DEFAULTS.get(type(self))
    if defaults is None:
        defaults = _DEFAULTS[type(self)] = {f.name: f.default for f in dataclasses.fields(self)}
    return {name: value for name, value in self.__dict__.items() if name in defaults
            and not (value is defaults[name] or type(value) is type(defaults[name]) and value == defaults[name])}


_DEFAULTS: dict[type, dict[str, object]] = {}


@dataclass(frozen=True)
class Origin:
    """Where a glossary record was read from, for `path:line: message`."""

    path: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True)
class Term:
    text: str
    lang: str
    status: Status = Status.ADMITTED
    kind: TermKind = TermKind.FULL
    case_sensitive: bool = False
    exact: bool = False
    note: str = ""
    origin: Origin | None = None
    # Matching in any case, also where the term is written in capitals ("case-insensitive"):
    # without either option, the way the term is written decides (see matching).
    case_insensitive: bool = False
    # TBX's partOfSpeech (noun, verb, adjective, adverb, properNoun, other), "" where unknown:
    # "balance" the noun and "balance" the verb are two concepts' terms.
    part_of_speech: str = ""
    # TBX's grammaticalGender (masculine, feminine, neuter, other) and grammaticalNumber
    # (singular, plural, dual, mass, other), "" where the glossary is silent: what a fix must
    # know to make the words around a replaced term agree with it.
    gender: str = ""
    number: str = ""
    # The language tag's subtags after the language ("BR" of pt-BR, "Hant" of zh-Hant): the
    # term is matched as its language (`lang`) and written back with its tag whole.
    region: str = ""

    __getstate__ = _fields_set

    @property
    def lang_tag(self) -> str:
        """The language tag as the glossary writes it: pt-BR, zh-Hant, de."""
        return f"{self.lang}-{self.region}" if self.region else self.lang


@dataclass(frozen=True)
class Concept:
    id: str
    terms: tuple[Term, ...]
    note: str = ""
    origin: Origin | None = None
    # TBX gives definitions and notes to the concept and to each language: `definitions` by
    # language, "" for the concept's own; `lang_notes` by language (the concept's own stay in
    # `note`). Several in one place are joined with newlines. Out of the hash: dicts have none.
    definitions: Mapping[str, str] = field(default_factory=dict, hash=False)
    lang_notes: Mapping[str, str] = field(default_factory=dict, hash=False)
    # TBX's subjectField ("finance", "IT"), "" where none is given.
    subject_field: str = ""

    __getstate__ = _fields_set

    @property
    def definition(self) -> str:
        """The concept-level definition, else the first language's."""
        return self.definitions.get("") or next(iter(self.definitions.values()), "")

    def terms_in(self, lang: str) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.lang == lang)

    def preferred(self, lang: str) -> Term | None:
        """The preferred term in `lang`, else the first accepted one, else None."""
        return self._preferred.get(lang)

    @functools.cached_property
    def _preferred(self) -> dict[str, Term]:
        chosen: dict[str, Term] = {}
        for term in self.terms:
            if not term.status.accepted or not term.text.strip():
                continue
            current = chosen.get(term.lang)
            if current is None or (term.status is Status.PREFERRED and current.status is not Status.PREFERRED):
                chosen[term.lang] = term
        return chosen


@dataclass(frozen=True)
class Glossary:
    concepts: tuple[Concept, ...]
    source_lang: str | None = None
    origins: tuple[str, ...] = ()
    # Each language tag as the files write it ("pt-BR", "zh_TW"), with where it was first
    # read: terms are matched by the language alone, and `glossary validate` says what merges.
    tags: Mapping[str, Origin] = field(default_factory=dict, hash=False, compare=False)

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts)

    def __len__(self) -> int:
        return len(self.concepts)

    @functools.cached_property
    def languages(self) -> tuple[str, ...]:
        # Kept once read: discovery asks it for every quoted span (a glossary never changes).
        return tuple(dict.fromkeys(t.lang for c in self.concepts for t in c.terms))

    def label(self, concept: Concept) -> str:
        """A human name for a concept: its preferred term in the glossary's main language."""
        term = self.label_term(concept)
        return term.text if term is not None else concept.id

    def label_term(self, concept: Concept) -> Term | None:
        """The term `label` names a concept by (its language tells a report how to mark it up)."""
        for lang in filter(None, (self.source_lang, "en")):
            term = concept.preferred(lang)
            if term:
                return term
        return next((t for t in concept.terms if t.text.strip()), None)

    @classmethod
    def merge(cls, glossaries: list[Glossary]) -> Glossary:
        """Several glossaries as one; concept ids stay as their files give them."""
        if len(glossaries) == 1:
            return glossaries[0]
        source = next((g.source_lang for g in glossaries if g.source_lang), None)
        return cls(
            concepts=tuple(c for g in glossaries for c in g.concepts),
            source_lang=source,
            origins=tuple(o for g in glossaries for o in g.origins),
            tags={tag: origin for g in reversed(glossaries) for tag, origin in g.tags.items()},
        )


class Location(NamedTuple):
    """A place a user can jump to: 1-based line and column, end exclusive, in characters.

    (A named tuple, like Match: immutable, and made for every finding at a fraction of a
    frozen dataclass's cost.)"""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    segment: str | None = None


class PositionMap:
    """Where each character of a text stands in its file, for a text that is not one verbatim
    stretch of the file: a string written over several lines, escapes (`\\"` in PO, `&amp;`
    in XML, `""` in CSV), inline tags, CDATA. Runs of characters that map one to one onto
    consecutive columns of one line are stored once each, sorted: (text index, line, column,
    end line, end column), the end being where the run's last character ends in the file (an
    escape's one character is a run as wide as the escape). Positions are found by bisection."""

    __slots__ = ("length", "indexes", "lines", "columns", "end_lines", "end_columns", "_starts")

    def __init__(self, length: int, indexes: array.array, lines: array.array, columns: array.array,
                 end_lines: array.array, end_columns: array.array):
        self.length = length
        self.indexes, self.lines, self.columns = indexes, lines, columns
        self.end_lines, self.end_columns = end_lines, end_columns
        self._starts: list[tuple[int, int]] | None = None

    @classmethod
    def build(cls, length: int, runs: list[tuple[int, int, int, int, int]]) -> PositionMap:
        """A map of a text of `length` characters from its runs, in text order, the first at 0."""
        columns = [array.array("q") for _ in range(5)]
        for run in runs:
            for column, value in zip(columns, run):
                column.append(value)
        return cls(length, *columns)

    @classmethod
    def plain(cls, text: str, line: int, column: int) -> PositionMap:
        """The map of a text written verbatim from (line, column), its line feeds ending lines."""
        runs, start = [], 0
        for number, piece in enumerate(text.split("\n")):
            width = len(piece) + (1 if start + len(piece) < len(text) else 0)
            first = column if number == 0 else 1
            if width:
                runs.append((start, line + number, first, line + number, first + width))
            start += width
        return cls.build(len(text), runs or [(0, line, column, line, column)])

    @property
    def line(self) -> int:
        return self.lines[0]

    @property
    def column(self) -> int:
        return self.columns[0]

    def _run_length(self, run: int) -> int:
        following = self.indexes[run + 1] if run + 1 < len(self.indexes) else self.length
        return following - self.indexes[run]

    def start(self, index: int) -> tuple[int, int]:
        """Where the character at `index` starts (the text's end: where its last one ends)."""
        run = max(0, bisect.bisect_right(self.indexes, index) - 1)
        within = index - self.indexes[run]
        if within >= self._run_length(run) and within > 0:
            return self.end_lines[run], self.end_columns[run]
        return self.lines[run], self.columns[run] + within

    def end(self, index: int) -> tuple[int, int]:
        """Where the character before `index` ends (end exclusive)."""
        if index <= 0:
            return self.start(0)
        run = max(0, bisect.bisect_right(self.indexes, index - 1) - 1)
        within = index - self.indexes[run]
        if within >= self._run_length(run):
            return self.end_lines[run], self.end_columns[run]
        return self.lines[run], self.columns[run] + within

    def offset(self, line: int, column: int) -> int:
        """The text index at a file position: a start or an end that `start`/`end` gave."""
        if self._starts is None:
            self._starts = list(zip(self.lines, self.columns))
        run = max(0, bisect.bisect_right(self._starts, (line, column)) - 1)
        length = self._run_length(run)
        if (line, column) >= (self.end_lines[run], self.end_columns[run]):
            return self.indexes[run] + length
        if line != self.lines[run] or self.end_columns[run] - self.columns[run] != length:
            return self.indexes[run] + (1 if (line, column) > (self.lines[run], self.columns[run]) else 0)
        return self.indexes[run] + column - self.columns[run]


class Segment(NamedTuple):
    """A piece of text to check, with where it starts in its file (a named tuple, as a run
    makes one for every line or unit it reads). `places` maps a text that is not written
    verbatim in its file; `source_places` says where the source text stands (bilingual
    files)."""

    text: str
    path: str
    line: int
    column: int = 1
    id: str | None = None
    lang: str | None = None
    source: str | None = None
    source_lang: str | None = None
    places: PositionMap | None = None
    source_places: PositionMap | None = None

    def offset(self, line: int, column: int) -> int:
        """The index in `text` of a file position inside the segment (the inverse of locate)."""
        if self.places is not None:
            return self.places.offset(line, column)
        if line == self.line:
            return column - self.column
        index = -1
        for _ in range(line - self.line):
            index = self.text.index("\n", index + 1)
        return index + column

    def excerpt(self, start: int, end: int) -> Excerpt:
        """The sentence around text[start:end], bounded (see `excerpt`)."""
        return excerpt(self.text, start, end)

    def whole(self) -> Excerpt:
        """The segment's text as the context of a finding about the whole segment: nothing in
        it is marked."""
        return self.excerpt(0, len(self.text))._replace(end=0)

    def sentence(self, start: int, end: int) -> Sentence:
        """The same sentence, cut out when first asked for. Only the stretch `excerpt` can
        look at is kept, so that holding many costs little whatever the segment's length."""
        low, high = max(0, start - _SENTENCE_WINDOW), min(len(self.text), end + _SENTENCE_WINDOW)
        return Sentence(self.text[low:high], start - low, end - low)

    def locate(self, start: int, end: int) -> Location:
        """Map a character span of `text` to a file location (handles embedded newlines)."""
        places = self.places
        if places is not None:
            return Location(self.path, *places.start(start), *places.end(end), self.id)
        if len(self.text) < _LONG_TEXT:
            line, col = _advance(self.line, self.column, self.text, 0, start)
            end_line, end_col = _advance(line, col, self.text, start, end)
        else:  # a long segment has many matches: counting from its start for each is quadratic
            line, col = _position(self.line, self.column, _line_breaks(self.text), start)
            end_line, end_col = _position(self.line, self.column, _line_breaks(self.text), end)
        return Location(self.path, line, col, end_line, end_col, self.id)


CONTEXT_REACH = 160  # characters of a finding's sentence shown at most on each side of its text
# What `excerpt` reads around a span: the reach, and a few characters beyond it to tell whether
# the text goes on and to judge a sentence end (an initial before it, quotes after it).
_SENTENCE_WINDOW = CONTEXT_REACH + 16

# The end of a sentence: its punctuation and closing quotes, then space; or a line break.
_SENTENCE_END = re.compile(r"[.!?…。！？]+[\"'»«“”„‘’›‹)\]]*\s+|\n")
_OPENING = "\"'«»„“‚‘‹›(["


class Excerpt(NamedTuple):
    """A finding's sentence, with the span of the finding's text within it (code points)."""

    text: str
    start: int
    end: int


class Sentence:
    """The sentence around a span of a text, cut out (see `excerpt`) only when first asked for:
    most reports never show it, and a run can have hundreds of thousands of findings."""

    __slots__ = ("_text", "_start", "_end", "_excerpt")

    def __init__(self, text: str, start: int, end: int):
        self._text, self._start, self._end = text, start, end
        self._excerpt: Excerpt | None = None

    @property
    def excerpt(self) -> Excerpt:
        if self._excerpt is None:
            self._excerpt = excerpt(self._text, self._start, self._end)
            self._text = ""  # the excerpt is all that is needed now
        return self._excerpt


def excerpt(text: str, start: int, end: int, reach: int = CONTEXT_REACH) -> Excerpt:
    """The sentence of `text` around [start, end), at most `reach` characters each side of the
    span, cut at a space and marked with '…' where it is cut; a span longer than twice `reach`
    is itself cut there, with nothing after it."""
    low = max(0, start - reach)
    begin = low
    for boundary in _SENTENCE_END.finditer(text, low, start):
        if _is_break(text, boundary):
            begin = boundary.end()
    head = tail = ""
    if begin == low and low > 0:
        space = text.find(" ", low, start)
        begin, head = (space + 1 if space >= 0 else low), "\u2026"
    before = head + text[begin:start].lstrip()
    if end - start > 2 * reach:
        space = text.rfind(" ", start, start + 2 * reach)
        shown = text[start:space if space > start else start + 2 * reach]
        return Excerpt(before + shown + "\u2026", len(before), len(before) + len(shown))
    high = min(len(text), end + reach)
    finish = high
    for boundary in _SENTENCE_END.finditer(text, end, high):
        if _is_break(text, boundary):
            finish = boundary.start() + len(boundary.group().rstrip())
            break
    if finish == high and high < len(text):
        space = text.rfind(" ", end, high)
        finish, tail = (space if space >= 0 else high), "\u2026"
    return Excerpt(before + text[start:finish].rstrip() + tail, len(before), len(before) + end - start)


def _is_break(text: str, boundary: re.Match) -> bool:
    """Whether a sentence ends at `boundary`: not after an initial or a one-letter abbreviation
    ("z. B. die", "J. Smith"), and only before what can start a sentence."""
    at = boundary.start()
    if text.startswith(". ", at) and at >= 1 and text[at - 1].isalpha() and (at < 2 or not text[at - 2].isalpha()):
        return False
    index = boundary.end()
    while index < len(text) and text[index] in _OPENING:
        index += 1
    return index >= len(text) or text[index].isupper() or text[index].isdigit()


_LONG_TEXT = 4096


@functools.lru_cache(maxsize=4)
def _line_breaks(text: str) -> array.array:
    """Where `text`'s line feeds are. Cached by the text: a str keeps its hash, and the
    segment being reported is the same object each time."""
    return array.array("q", (m.start() for m in re.finditer("\n", text)))


def _position(line: int, col: int, breaks: array.array, index: int) -> tuple[int, int]:
    """The line and column of `index` in a text starting at (line, col) with these breaks."""
    before = bisect.bisect_left(breaks, index)
    if not before:
        return line, col + index
    return line + before, index - breaks[before - 1]


def _advance(line: int, col: int, text: str, start: int, end: int) -> tuple[int, int]:
    breaks = text.count("\n", start, end)
    if not breaks:
        return line, col + (end - start)
    return line + breaks, end - text.rfind("\n", start, end)


class Match(NamedTuple):
    """One occurrence of a glossary term in a segment (a named tuple: a run makes one for
    every term it finds, and a frozen dataclass costs three times as much to make)."""

    segment: Segment
    start: int
    end: int
    concept: Concept
    term: Term
    foreign: bool = False
    # "" or the part of a compound the term is: "first" (Konto|stand) or "last" (Unter|konten).
    compound: str = ""
    # Other (concept, term) pairs the same words stand for as well ("Datei": file and
    # database), where neither the glossary nor the source text tells which is meant.
    alternatives: tuple[tuple[Concept, Term], ...] = ()
    # How the text varies the term, "" where it writes the term (inflected or not): "closed
    # up" (Cloudspeicher for Cloud-Speicher), "opened up" (sub-account for subaccount), "spelled
    # out" (Profit and Loss for Profit & Loss), "ampersand" (the other way round).
    variant: str = ""

    @property
    def text(self) -> str:
        return self.segment.text[self.start:self.end]

    @property
    def location(self) -> Location:
        return self.segment.locate(self.start, self.end)


class FixEdit(NamedTuple):
    """One replacement of a fix: the text at `location` becomes `text`."""

    location: Location
    text: str


@dataclass(frozen=True)
class Fix:
    """How to mend a finding, as data: its edits and whether `--fix` may apply them ("safe"),
    only `--unsafe-fixes` ("unsafe"), or nothing but a person reading it ("display")."""

    applicability: str
    edits: tuple[FixEdit, ...]
    reason: str = ""    # why it is not safe

    def to_record(self) -> dict:
        record: dict = {"applicability": self.applicability}
        if self.reason:
            record["reason"] = self.reason
        record["edits"] = [{"line": e.location.line, "column": e.location.column, "end_line": e.location.end_line,
                            "end_column": e.location.end_column, "text": e.text} for e in self.edits]
        return record


@dataclass(frozen=True)
class Finding:
    """A rule's verdict on one place: immutable, one record for every output format."""

    rule: str
    name: str
    severity: Severity
    message: str
    location: Location
    lang: str | None
    concept: str | None = None
    text: str = ""
    suggestions: tuple[str, ...] = ()
    data: Mapping[str, object] = field(default_factory=dict)
    # The sentence the finding is in, for reports that show findings in context; not in
    # to_record(). Cut out of its text only when a report asks (most never do).
    sentence: Excerpt | Sentence | None = field(default=None, compare=False, repr=False)
    # The source text of a bilingual segment the finding is in: a translator acts on the two
    # side by side. None in a monolingual text.
    source: str | None = field(default=None, compare=False)
    # How to mend it, where a rule knows (a deprecated or foreign term replaced).
    fix: Fix | None = None

    @classmethod
    def made(cls, rule: str, name: str, severity: Severity, message: str, location: Location, lang: str | None,
             concept: str | None, text: str, suggestions: tuple[str, ...], data: Mapping[str, object],
             sentence: Excerpt | Sentence | None, source: str | None = None, fix: Fix | None = None) -> Finding:
        """Finding(...) with every field given, made with one dictionary update instead of the
        frozen dataclass's twelve setattr calls (a seventh of the time): rules make one for
        each of up to hundreds of thousands of places."""
        finding = object.__new__(cls)
        finding.__dict__.update(rule=rule, name=name, severity=severity, message=message, location=location,
                                lang=lang, concept=concept, text=text, suggestions=suggestions, data=data,
                                sentence=sentence, source=source, fix=fix)
        return finding

    def elsewhere(self, path: str) -> Finding:
        """This finding in a file named `path` (the same text under another name)."""
        finding = object.__new__(Finding)
        finding.__dict__.update(self.__dict__, location=self.location._replace(path=path))
        data = self.data.get("places") if isinstance(self.data, dict) else None
        if data:
            finding.__dict__["data"] = {**self.data, "places": [{**place, "path": path} if "path" in place else place
                                                                for place in data]}
        return finding

    def beside(self, source: str) -> Finding:
        """This finding with the source text of its bilingual segment."""
        finding = object.__new__(Finding)
        finding.__dict__.update(self.__dict__, source=source)
        return finding

    @property
    def context(self) -> str:
        """The finding's sentence (a few hundred characters at most); "" when it has none."""
        return self._excerpt.text if self.sentence is not None else ""

    @property
    def context_start(self) -> int:
        """Where the finding's text starts within `context`."""
        return self._excerpt.start if self.sentence is not None else 0

    @property
    def context_end(self) -> int:
        return self._excerpt.end if self.sentence is not None else 0

    @property
    def _excerpt(self) -> Excerpt:
        sentence = self.sentence
        return sentence.excerpt if isinstance(sentence, Sentence) else sentence

    def sort_key(self) -> tuple:
        loc = self.location
        return (loc.path, loc.line, loc.column, self.rule, loc.end_line, loc.end_column, self.message)

    def to_record(self) -> dict:
        loc = self.location
        record = {
            "rule": self.rule,
            "name": self.name,
            "severity": self.severity.label,
            "path": loc.path,
            "line": loc.line,
            "column": loc.column,
            "end_line": loc.end_line,
            "end_column": loc.end_column,
            "segment": loc.segment,
            "concept": self.concept,
            "lang": self.lang,
            "text": self.text,
            "suggestions": list(self.suggestions),
            "message": self.message,
        }
        if self.source is not None:
            record["source"] = self.source
        if self.data:
            record["data"] = dict(self.data)
        if self.fix is not None:
            record["fix"] = self.fix.to_record()
        return record


class Rendered(NamedTuple):
    """A batch of findings as a report writes them (JSON records), made where they were
    found: a worker process (see mtcheck.parallel.check_files)."""

    data: bytes
    count: int
    worst: Severity

    @classmethod
    def of(cls, findings: list[Finding], render) -> Rendered:
        """The findings as `render` writes them."""
        return cls(render(findings), len(findings), max(f.severity for f in findings))


def without_sentences(findings: Iterable[Finding]) -> None:
    """Drop the sentence each finding stands in, from this process's copies about to be sent
    to another (only a report showing context reads it, and it doubles what a finding costs)."""
    for finding in findings:
        finding.__dict__["sentence"] = None
