"""GL003 foreign-rendering."""
from __future__ import annotations

import operator
from typing import Iterable

from mtcheck.language import GLOSS_OPENING, match_case
from mtcheck.model import Finding, Match, Severity, TermKind
from mtcheck.rules.base import Rule

_FOREIGN = operator.attrgetter("foreign")


class ForeignRendering(Rule):
    """A term of another language stands in the text instead of the text's own term.

    Untranslated leaks ("Skilled Mass Mobilization" in a German text) and the source
    language's own term left in the target are reported with the text language's preferred
    term. A foreign term in brackets right after the text's own rendering of the same concept
    is a gloss and is not reported; a foreign term is judged within its segment (only the
    segment can gloss it) and reported with that segment's findings.

    Bad (de):  die Bewegung „Skilled Mass Mobilization“
    Good (de): die Bewegung „Geschickte Massenmobilisierung“
    Good (nb): rydding av tomter (GPMB)
    Good (de): die Bewegung „Dân vận khéo“ („Geschickte Massenmobilisierung“)
    """

    id = "GL003"
    name = "foreign-rendering"
    severity = Severity.ERROR

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._previous: Match | None = None
        self._pending: Match | None = None  # a foreign term that a bracketed rendering may follow

    def on_matches(self, matches: list[Match]) -> Iterable[Finding]:
        if self._pending is None and not any(map(_FOREIGN, matches)):
            self._previous = matches[-1] if matches else self._previous
            return ()  # nothing pending, nothing foreign: most segments
        found = list(super().on_matches(matches))
        if self._pending is not None:
            # Its segment ends here (matches come a segment or a block of segments at a time),
            # and only a match of the same segment glosses it: reported with its segment's
            # findings, so that each segment's findings come together, whatever the blocks.
            found.append(self._report(self._pending))
            self._pending = None
        return found

    def on_match(self, match: Match) -> Iterable[Finding]:
        previous, self._previous = self._previous, match
        pending, self._pending = self._pending, None
        found = [self._report(pending)] if pending is not None and not glossed(pending, match, False) else ()
        if match.foreign and not (previous is not None and glossed(previous, match, True)):
            self._pending = match
        return found

    def on_end(self) -> Iterable[Finding]:
        return [self._report(self._pending)] if self._pending is not None else ()

    def on_document_end(self) -> Iterable[Finding]:
        # A bracketed rendering in the next document glosses nothing of this one.
        found, self._pending, self._previous = self.on_end(), None, None
        return found

    def _report(self, match: Match) -> Finding:
        lang = self.document.lang
        suggestion = self._suggestion(match, match.concept, match.term)
        label = self.label(match)
        if label.casefold() in (match.text.casefold(), match.term.text.casefold()):
            # The concept is named by this very term: "'password' is the en term for 'password'" says nothing.
            message = f"'{match.text}' is the glossary's {match.term.lang} term, left in a {lang} text"
        else:
            message = f"'{match.text}' is the {match.term.lang} term for '{label}' in a {lang} text"
        if match.alternatives:
            # A term of several concepts: each one's own term, so that no fix picks one of them.
            others = [self._suggestion(match, concept, term) for concept, term in match.alternatives]
            suggestions = list(dict.fromkeys(s for s in (suggestion, *others) if s))
            labels = ", ".join(f"'{self.document.glossary.label(c)}'" for c, _ in match.alternatives)
            message += f" or for {labels}"
            message += f"; use {' or '.join(repr(s) for s in suggestions)}" if suggestions else \
                f"; the glossary has no {lang} term for them"
            return self.finding(match, message, suggestions, term=match.term.text, term_lang=match.term.lang,
                                concepts=[match.concept.id, *(c.id for c, _ in match.alternatives)])
        message += f"; use '{suggestion}'" if suggestion else f"; the glossary has no {lang} term for it"
        fix = None
        location = match.location
        if suggestion and suggestion != match.text:
            _, fix, _ = self.replacement(match, match.concept.preferred(lang), foreign=suggestion, location=location)
        return self.made(location, message, match.concept.id, match.text, (suggestion,) if suggestion else (),
                         {"term": match.term.text, "term_lang": match.term.lang},
                         match.segment.sentence(match.start, match.end), fix)

    def _suggestion(self, match: Match, concept, term) -> str | None:
        lang = self.document.lang
        preferred = concept.preferred(lang)
        if preferred is None:
            return None
        # An abbreviation's capitals say nothing about how to write the full term.
        keeps_case = term.kind is not TermKind.FULL or term.case_sensitive
        return preferred.text if keeps_case else match_case(match.text, preferred.text, lang)


def glossed(first: Match, second: Match, own_first: bool) -> bool:
    """Whether one of two neighbouring matches glosses the other in brackets.

    own_first: "rydding av tomter (GPMB)"; otherwise "„Dân vận khéo“ (Geschickte ...)".
    """
    own, foreign = (first, second) if own_first else (second, first)
    if own.foreign or not foreign.foreign or first.segment is not second.segment:
        return False
    if own.concept.id != foreign.concept.id:
        return False
    return bool(GLOSS_OPENING.fullmatch(first.segment.text, first.end, second.start))
