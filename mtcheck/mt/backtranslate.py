"""The MT signal of discovery: candidate spans translated into a language where the glossary
has the concept, so that the matcher can tell whether they come out as one of its terms."""
from __future__ import annotations

from typing import Callable

from mtcheck.model import Glossary


def make_backtranslate(glossary: Glossary, target_lang: str, options: dict, err) -> Callable[[list[str], str], list[str] | None]:
    """A function translating texts of a language into `target_lang`, with one model per
    source language loaded on first use (`options` as for `mtcheck translate`); the
    glossary is not enforced, since the point is what the model makes of the span."""
    from mtcheck.mt.commands import make_translator

    translators: dict[str, object] = {}

    def backtranslate(texts: list[str], source_lang: str) -> list[str] | None:
        translator = translators.get(source_lang)
        if translator is None:
            translator = translators[source_lang] = make_translator(
                glossary, source_lang, target_lang, {**options, "strategy": "none"}, err)
        return [t.text for t in translator.translate(texts, enforce=False)]

    return backtranslate
