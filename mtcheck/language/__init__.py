"""Everything mtcheck knows about languages, in one place: one module per analyser, and the
registry that assembles them per language (`analyzer_for`). The matcher, the rules and the
fixes consume analyses through the names below; adding or improving a language touches this
package only.

- codes: language codes and families (nb and nn are not foreign to each other)
- words: where words start and end in any script, and the folds that compare them
- segmenter: ICU's words for Thai, Lao, Myanmar and Khmer (optional)
- masking: markup, placeholders and code masked out of prose
- snowball: the Snowball stemmers
- dictionary: simplemma's lemma dictionaries, and function words
- fullform: full-form lexicons with every lemma of a form (Polish: Morfeusz 2; optional)
- tagger: part of speech (HanTa; optional)
- compounds: compounding languages, linking elements, derivational suffixes
- separable: German and Dutch separable verbs and participles
- inflection: lemmatize-first languages, stem vowel alternations, superlative prefixes
- derivation: derived forms writers use for a term's words (Turkish kitle: kitlesel)
- orthography: optional accents, apostrophes
- nouns: noun lexicons with gender and case forms (German: german-nouns; Polish: Morfeusz 2)
- agreement: a term replaced in running text, inflected, with the words that agree with it
  (one module per language family; carry: the found word's ending carried over)
- analyzer: the Analyzer of one language, the registry, and what `mtcheck languages` shows
"""
from mtcheck.language.analyzer import Analyzer, analyzer_for, known_languages
from mtcheck.language.codes import canonical_lang, family
from mtcheck.language.compounds import MIN_COMPOUND_REST, PHRASE_LINKS
from mtcheck.language.derivation import derived_modifiers
from mtcheck.language.dictionary import articles, dictionary_factory, function_words, known_word, lemmatizer
from mtcheck.language.inflection import (ARTICLE_FORMS, COMPLEMENT_LINKS, Complement, complement, complement_changed, complement_renumbered,
                                        irregular_participles, renumbered)
from mtcheck.language.masking import PLACEHOLDER, URL_RE, mask_protected, mask_urls, masking_triggers
from mtcheck.language.segmenter import SEGMENTED_LANGUAGES
from mtcheck.language.separable import (PARTICIPLE_LANGUAGES, past_participle_verbs, present_participle_verbs,
                                        rendered_apart, without_infix)
from mtcheck.language.tagger import TERM_CLASSES, Tagger, fits, tagger_for
from mtcheck.language.words import (
    CHARACTER_WORDS, CJK, GAP_RE, GLOSS_CLOSING, GLOSS_OPENING, TOKEN_RE, TOKEN_SPLIT_RE, match_case, neutral_fold, nfc_with_offsets, split_words,
    tokens, unmarked, upper, without_accents, words_of,
)

__all__ = [
    "ARTICLE_FORMS", "COMPLEMENT_LINKS", "Complement", "complement", "complement_changed", "complement_renumbered", "renumbered", "Analyzer", "analyzer_for", "known_languages", "canonical_lang", "family", "MIN_COMPOUND_REST", "PHRASE_LINKS",
    "articles", "dictionary_factory", "function_words", "known_word", "lemmatizer", "PLACEHOLDER", "URL_RE", "mask_protected",
    "mask_urls", "masking_triggers", "SEGMENTED_LANGUAGES", "CHARACTER_WORDS", "CJK", "GAP_RE", "GLOSS_CLOSING", "GLOSS_OPENING", "TOKEN_RE", "TOKEN_SPLIT_RE",
    "match_case", "neutral_fold", "nfc_with_offsets", "split_words", "tokens", "unmarked", "upper", "without_accents",
    "words_of",
    "derived_modifiers", "PARTICIPLE_LANGUAGES", "irregular_participles", "past_participle_verbs", "present_participle_verbs", "rendered_apart", "without_infix", "TERM_CLASSES", "Tagger", "fits", "tagger_for",
]
