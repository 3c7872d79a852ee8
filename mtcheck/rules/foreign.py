"""GL003 foreign-rendering."""
from __future__ import annotations

import re
from typing import Iterable

from mtcheck.lang import match_case
from mtcheck.model import Finding, Match, Severity, TermKind
from mtcheck.rules.base import Rule

# "rydding av tomter (GPMB)": the original name glossed in brackets after the rendering.
_OPENS_GLOSS = re.compile(r"""[\s"'„“”«»‚‘’]*[(\[][\s"'„“”«»‚‘’]*\Z""")


class ForeignRendering(Rule):
    """A term of another language stands in the text instead of the text's own term.

    Untranslated leaks ("Skilled Mass Mobilization" in a German text) and the source
    language's own term left in the target are reported with the text language's preferred
    term. A foreign term in brackets right after the text's own rendering of the same concept
    is a gloss and is not reported.

    Bad (de):  die Bewegung „Skilled Mass Mobilization“
    Good (de): die Bewegung „Geschickte Massenmobilisierung“
    Good (nb): rydding av tomter (GPMB)
    """

    id = "GL003"
    name = "foreign-rendering"
    severity = Severity.ERROR

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._previous: Match | None = None

    def on_match(self, match: Match) -> Iterable[Finding]:
        previous, self._previous = self._previous, match
        if not match.foreign or self._is_gloss(previous, match):
            return
        lang = self.document.lang
        preferred = match.concept.preferred(lang)
        suggestion = None
        if preferred is not None:
            # An abbreviation's capitals say nothing about how to write the full term.
            keeps_case = match.term.kind is not TermKind.FULL or match.term.case_sensitive
            suggestion = preferred.text if keeps_case else match_case(match.text, preferred.text, lang)
        message = f"'{match.text}' is the {match.term.lang} term for '{self.label(match)}' in a {lang} text"
        message += f"; use '{suggestion}'" if suggestion else f"; the glossary has no {lang} term for it"
        yield self.finding(match, message, [suggestion] if suggestion else [], term=match.term.text,
                           term_lang=match.term.lang)

    @staticmethod
    def _is_gloss(previous: Match | None, match: Match) -> bool:
        if previous is None or previous.foreign or previous.segment is not match.segment:
            return False
        if previous.concept.id != match.concept.id:
            return False
        between = match.segment.text[previous.end:match.start]
        return bool(_OPENS_GLOSS.match(between))
