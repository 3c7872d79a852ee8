"""What every rule shares: an id, a name, a default severity, and how it sees a document."""
from __future__ import annotations

import functools
import inspect
import re
from dataclasses import dataclass
from typing import ClassVar, Iterable

from mtcheck.language import Analyzer, analyzer_for
from mtcheck.model import Excerpt, Finding, Fix, FixEdit, Glossary, Location, Match, Segment, Sentence, Severity, Term


@dataclass(frozen=True)
class Document:
    """The file being checked: its path, its language and the glossary in force."""

    path: str
    lang: str
    glossary: Glossary

    @property
    def analyzer(self) -> Analyzer:
        return analyzer_for(self.lang)


class Rule:
    """A rule sees the matches of one document in text order, then the document's end.

    A new instance is made for every document, so a rule may keep per-document state.
    """

    id: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    default: ClassVar[bool] = True   # runs when no rules are selected

    def __init__(self, document: Document, severity: Severity | None = None):
        self.document = document
        self.effective_severity = severity or self.severity

    def on_match(self, match: Match) -> Iterable[Finding]:
        return ()

    def on_matches(self, matches: list[Match]) -> Iterable[Finding]:
        """The matches of one segment, or of several in a row, in text order: on_match for
        each, unless a rule can pass over most of them at once."""
        return [finding for match in matches for finding in self.on_match(match)]

    def on_segment(self, segment: Segment, source: list[Match], target: list[Match],
                   rendered: set[str]) -> Iterable[Finding]:
        """A bilingual segment, after its target matches went through on_match; `rendered`
        holds the ids of every concept the target renders (overlaps and synonyms included)."""
        return ()

    def on_text(self, segment: Segment, matches: list[Match]) -> Iterable[Finding]:
        """Every segment with its target matches, after on_match; only rules that read the
        text itself (not just the matches) need it."""
        return ()

    def on_end(self) -> Iterable[Finding]:
        return ()

    # Judging consistency across a run (`--consistency run`), one instance sees every
    # document of its language. Where documents are checked in several processes, each
    # document's instance hands its state back (`run_state`) and the run's instance takes it
    # in, in the documents' order (`merge`), to judge at the end as one instance would have.
    # A rule whose verdicts on a document depend on the documents before it cannot be split
    # (see splits).
    mergeable: ClassVar[bool] = True
    bilingual_only: ClassVar[bool] = False  # judges only bilingual segments

    @classmethod
    def splits(cls, bilingual: bool) -> bool:
        """Whether a run of documents (some `bilingual`) can be judged in several processes."""
        return cls.mergeable or (cls.bilingual_only and not bilingual)

    def on_document_end(self) -> Iterable[Finding]:
        """A document ends within a run: what cannot reach into the next one."""
        return ()

    def run_state(self, sentences: bool = True) -> object:
        """What this instance learned of one document, for `merge`; None: nothing to merge.
        Without `sentences`, no sentence is kept for a finding's context."""
        return None

    def merge(self, state: object) -> None:
        """Take in the run_state of a document checked elsewhere, as if this instance had seen it."""

    @classmethod
    def summary(cls) -> str:
        """The documentation's first sentence, whole however it wraps (a blank line ends the
        first paragraph, a full stop before a space or the end the sentence)."""
        paragraph = " ".join(inspect.getdoc(cls).split("\n\n", 1)[0].split())
        end = re.search(r"\.(?=\s|$)", paragraph)
        sentence = paragraph[:end.end()] if end else paragraph
        tail = paragraph[end.end():].strip() if end else ""
        # A parenthesis right after the sentence belongs to it ("(with --warn-unused-ignores)").
        if tail.startswith("(") and ")" in tail:
            sentence += " " + tail[:tail.index(")") + 1]
        return sentence

    @classmethod
    def documentation(cls) -> str:
        return inspect.getdoc(cls)

    def finding(self, match: Match, message: str, suggestions: Iterable[str] = (), fix: Fix | None = None,
                **data) -> Finding:
        return self.made(match.location, message, match.concept.id, match.text, _suggestions(suggestions),
                         _data(data), match.segment.sentence(match.start, match.end), fix)

    def finding_at(self, location: Location, message: str, concept: str | None = None, text: str = "",
                   suggestions: Iterable[str] = (), context: Excerpt | Sentence | None = None, **data) -> Finding:
        """A finding about a place rather than a match (a whole segment, say); `context` is
        its sentence, from Segment.excerpt, for reports that show it."""
        return self.made(location, message, concept, text, _suggestions(suggestions), _data(data), context)

    def made(self, location: Location, message: str, concept: str | None, text: str, suggestions: tuple[str, ...],
             data: dict, context: Excerpt | Sentence | None, fix: Fix | None = None) -> Finding:
        """A finding from parts in their final form: for rules that make many alike and reuse
        what they said (findings and their data are never changed)."""
        return Finding.made(
            rule=self.id, name=self.name, severity=self.effective_severity, message=message, location=location,
            lang=self.document.lang, concept=concept, text=text, suggestions=suggestions, data=data, sentence=context,
            fix=fix,
        )

    def label(self, match: Match) -> str:
        return self.document.glossary.label(match.concept)

    def replacement(self, match: Match, preferred: Term, foreign: str | None = None,
                    location: Location | None = None) -> tuple[str, Fix, bool]:
        """The preferred term as it should stand where `match` is (inflected, the words that
        agree with it adjusted: mtcheck.language.agreement), the fix that puts it there, and
        whether the suggestion is only the citation form. `foreign`: the match is a foreign
        term, to be replaced by this text (the citation form, capitalised); `location`: the
        match's, where the caller has it."""
        found = match.term
        proposal = _proposal(match.segment.text, match.start, match.end, _grammar(found), _grammar(preferred),
                             self.document.lang, match.compound, foreign)
        # Mostly the fix replaces just the found words: their place is the finding's own.
        edits = tuple(FixEdit(location if location is not None and (start, end) == (match.start, match.end)
                              else match.segment.locate(start, end), new)
                      for start, end, new in proposal.edits())
        fix = Fix(proposal.applicability.value, edits, proposal.reason)
        return proposal.suggestion, fix, proposal.citation


def _grammar(term: Term) -> tuple[str, str, str, str, str]:
    """What a proposal reads of a term: a small key (a Term hashes every field each time)."""
    return term.text, term.lang, term.part_of_speech, term.gender, term.number


# A translation memory repeats its segments: the same term in the same text is proposed once.
@functools.lru_cache(maxsize=8192)
def _proposal(text: str, start: int, end: int, found: tuple, preferred: tuple, lang: str, compound: str,
              foreign: str | None):
    from mtcheck.language.agreement import propose, propose_foreign

    found_term, preferred_term = (Term(t, lg, part_of_speech=p, gender=g, number=n) for t, lg, p, g, n in (found, preferred))
    if foreign is not None:
        return propose_foreign(text, start, end, foreign, lang, preferred_term)
    return propose(text, start, end, found_term, preferred_term, lang, compound)


def _suggestions(suggestions: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(s for s in suggestions if s))


def _data(data: dict) -> dict:
    return {k: v for k, v in data.items() if v is not None}
