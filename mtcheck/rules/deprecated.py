"""GL001 deprecated-rendering."""
from __future__ import annotations

from typing import Iterable

from mtcheck.language.agreement.carry import inflect_like
from mtcheck.model import Finding, Match, Severity
from mtcheck.rules.base import Rule

_MAX_SAID = 10_000  # messages kept per file: bounded however varied the text


class DeprecatedRendering(Rule):
    """A deprecated or superseded term of the text's language is used.

    The glossary marks the term as one not to use; the finding suggests the preferred
    term, inflected like the text where the language allows.

    Bad (de):  Modelle der „Fachkundigen Massenmobilisierung“
    Good (de): Modelle der „Geschickten Massenmobilisierung“
    """

    id = "GL001"
    name = "deprecated-rendering"
    severity = Severity.ERROR

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # What was said of each term found in each form: the same few come back again and again.
        self._said: dict[tuple[int, str, bool], tuple[str, tuple[str, ...], dict]] = {}

    def on_matches(self, matches: list[Match]) -> Iterable[Finding]:
        return [finding for match in matches if not (match.foreign or match.term.status.accepted)
                for finding in self.on_match(match)]

    def on_match(self, match: Match) -> Iterable[Finding]:
        if match.foreign or match.term.status.accepted:
            return ()
        if any(term.status.accepted for _, term in match.alternatives):
            return ()  # a term of several concepts, accepted for one of them: it may mean that one
        text = match.text
        key = (id(match.term), text, match.compound)  # the term lives as long as the glossary, past this rule
        said = self._said.get(key)
        if said is None:
            if len(self._said) >= _MAX_SAID:
                self._said.clear()
            said = self._said[key] = self._say(match, text)
        message, suggestions, data = said
        fix = location = None
        if match.alternatives:
            message, suggestions, data = self._said_of_several(match, text, message, suggestions, data)
        elif suggestions:
            # Where it stands: inflected for this place, the words that agree with it adjusted.
            location = match.location
            suggestion, fix, citation = self.replacement(match, match.concept.preferred(self.document.lang),
                                                         location=location)
            if suggestion != suggestions[0] or citation:
                message = message.replace(f"use '{suggestions[0]}'", f"use '{suggestion}'" + (
                    " (its citation form)" if citation and suggestion.casefold() != text.casefold() and
                    fix.applicability != "safe" else ""), 1)
                suggestions = (suggestion,)
            if len(fix.edits) == 1 and fix.edits[0].text == text and fix.applicability == "safe":
                fix = None
        return [self.made(location or match.location, message, match.concept.id, text, suggestions, data,
                          match.segment.sentence(match.start, match.end), fix)]

    def _said_of_several(self, match: Match, text: str, message: str, suggestions: tuple[str, ...],
                         data: dict) -> tuple[str, tuple[str, ...], dict]:
        """A deprecated term of several concepts: each one's own term suggested (so no fix
        picks one of them), and every concept named."""
        others = [self._say(match._replace(concept=concept, term=term, alternatives=()), text)
                  for concept, term in match.alternatives]
        every = tuple(dict.fromkeys([*suggestions, *(s for _, said, _ in others for s in said)]))
        labels = ", ".join(f"'{self.document.glossary.label(c)}'" for c, _ in match.alternatives)
        concepts = [match.concept.id, *(c.id for c, _ in match.alternatives)]
        return f"{message}; it is also a term of {labels}", every, {**data, "concepts": concepts}

    def _say(self, match: Match, text: str) -> tuple[str, tuple[str, ...], dict]:
        preferred = match.concept.preferred(self.document.lang)
        suggestion = None
        if preferred is not None:
            suggestion = inflect_like(text, match.term.text, preferred.text, self.document.analyzer,
                                      compound=match.compound)
        message = f"'{text}' is a {match.term.status.value} rendering of '{self.label(match)}'"
        message += f"; use '{suggestion}'" if suggestion else f" and the glossary has no accepted {self.document.lang} term"
        if match.term.note:
            message += f" ({match.term.note})"
        return (message, (suggestion,) if suggestion else (),
                {"term": match.term.text, "status": match.term.status.value})
