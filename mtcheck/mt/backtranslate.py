"""The MT signal of discovery: candidate spans translated into a language where the glossary
has the concept, so that the matcher can tell whether they come out as one of its terms."""
from __future__ import annotations

from typing import Callable

from mtcheck.model import Glossary


def make_backtranslate(glossary: Glossary, target_lang: str, options: dict, err) -> Callable[[list[str], str], list[str]]:
    """A function translating texts of a language into `target_lang` (`options` as for
    `mtcheck translate`), with one Translator per source language, built on first use; they
    share one loaded model (loaded once, on first use, per model name) and one cache. The
    glossary is not enforced, since the point is what the model makes of the span."""
    from mtcheck.mt.commands import build_translator, load_translation_model, open_cache
    from mtcheck.mt.languages import default_model

    options = {**options, "strategy": "none"}
    models: dict[str, object] = {}      # model name -> LoadedModel
    translators: dict[str, object] = {}  # source language -> Translator
    cache = open_cache(options)

    def backtranslate(texts: list[str], source_lang: str) -> list[str]:
        translator = translators.get(source_lang)
        if translator is None:
            # Without a model option the default depends on the pair; with one, all share it.
            name = options["model"] or default_model(source_lang, target_lang)
            loaded = models.get(name)
            if loaded is None:
                loaded = models[name] = load_translation_model(name, options)
            translator = translators[source_lang] = build_translator(
                loaded, glossary, source_lang, target_lang, options, cache)
        return [t.text for t in translator.translate(texts, enforce=False)]

    return backtranslate
