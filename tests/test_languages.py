"""`mtcheck languages` says per language how it is matched and what it falls back to; `--verbose`
says it for each language a run meets."""
from __future__ import annotations

import json

from tests.conftest import SEEDS, run_cli


def test_each_language_says_how_it_is_matched():
    code, out, _ = run_cli("languages", "de", "vi", "zh", "tr", "cs")
    assert code == 0
    assert out.splitlines()[::2] == [
        "de  Snowball german stemmer, simplemma dictionary guards (lemmas, ordinary words), compounds, participles, "
        "compound and phrase variants, any form of an article, HanTa part-of-speech tagger (a glossary's noun and "
        "verb told apart)",
        "vi  no stemmer or lemmatizer: exact matching",
        "zh  no stemmer or lemmatizer: exact matching, characters as words",
        "tr  simplemma lemmatizer, Snowball turkish stemmer, derived modifiers",
        "cs  Snowball czech stemmer, simplemma dictionary guards (lemmas, ordinary words), stem vowel changes, "
        "superlatives (nej-)"]
    # Under each, how a fix makes the words around a replaced term agree.
    assert out.splitlines()[1::2] == [
        "    fixes: articles, adjectives and case forms from german-nouns",
        "    fixes: the found word's ending carried over",
        "    fixes: the found word's ending carried over",
        "    fixes: suffixes in vowel harmony",
        "    fixes: the found word's ending carried over; a gender change is unsafe"]


def test_every_known_language_is_listed():
    code, out, _ = run_cli("languages", "--format", "json")
    listed = {entry["lang"]: entry["matching"] for entry in json.loads(out)["languages"]}
    assert code == 0 and {"de", "nl", "cs", "pl", "tr", "fr", "es", "nb", "zh", "ja"} <= set(listed)
    assert all(parts for parts in listed.values())


def test_a_run_says_it_with_verbose():
    code, _, err = run_cli("check", SEEDS / "004_6a72a35fca063047.txt", "--verbose", "--no-table")
    assert "tr: simplemma lemmatizer, Snowball turkish stemmer" in err
