"""Loaded glossaries kept in the cache folder: the same glossary as a fresh load, never an old
one for a changed file, a moved file or a changed mtcheck, and a damaged entry replaced."""
from __future__ import annotations

import pytest

from mtcheck.glossary import load_glossaries

CSV = "concept,lang,term,status\nfront,en,Fatherland Front,preferred\nfront,de,Vaterländische Front,preferred\n"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(folder))
    return folder / "glossaries"


def test_a_warm_load_is_the_fresh_load(tmp_path, cache):
    path = tmp_path / "g.csv"
    path.write_text(CSV, encoding="utf-8")
    first = load_glossaries([path])
    assert len(list(cache.glob("*.pickle"))) == 1
    assert load_glossaries([path]) == first == load_glossaries([path], cache=False)


def test_a_changed_glossary_is_never_served_from_the_cache(tmp_path, cache):
    path = tmp_path / "g.csv"
    path.write_text(CSV, encoding="utf-8")
    assert [t.text for c in load_glossaries([path]) for t in c.terms][1] == "Vaterländische Front"
    # Same size, one letter changed: the content, not the size or the time, decides.
    path.write_text(CSV.replace("Vaterländische", "Vaterlandische"), encoding="utf-8")
    assert [t.text for c in load_glossaries([path]) for t in c.terms][1] == "Vaterlandische Front"
    # The same bytes elsewhere: terms say where they stand.
    moved = tmp_path / "other.csv"
    moved.write_text(CSV, encoding="utf-8")
    assert {t.origin.path for c in load_glossaries([moved]) for t in c.terms} == {str(moved)}
    # The languages a run gives a glossary are part of what it is.
    assert load_glossaries([moved], "en", "de") == load_glossaries([moved], "en", "de", cache=False)


def test_a_changed_mtcheck_is_never_served_an_old_entry(tmp_path, cache, monkeypatch):
    import mtcheck.glossary.cache as glossary_cache

    path = tmp_path / "g.csv"
    path.write_text(CSV, encoding="utf-8")
    load_glossaries([path])
    monkeypatch.setattr(glossary_cache, "_code_fingerprint", lambda: "another mtcheck")
    load_glossaries([path])
    assert len(list(cache.glob("*.pickle"))) == 2


def test_a_damaged_entry_is_replaced(tmp_path, cache):
    path = tmp_path / "g.csv"
    path.write_text(CSV, encoding="utf-8")
    fresh = load_glossaries([path])
    [entry] = cache.glob("*.pickle")
    entry.write_bytes(b"not a pickle")
    assert load_glossaries([path]) == fresh
    assert entry.read_bytes() != b"not a pickle"


def test_the_cache_keeps_a_few_entries(tmp_path, cache):
    from mtcheck.glossary.cache import KEEP

    for number in range(KEEP + 3):
        path = tmp_path / f"g{number}.csv"
        path.write_text(CSV, encoding="utf-8")
        load_glossaries([path])
    assert len(list(cache.glob("*.pickle"))) == KEEP


def test_a_record_pickled_without_its_defaults_reads_back_whole():
    """The cache pickles a term or concept without the fields at their defaults: reading it
    back gives every field, set or not, and nothing derived."""
    import dataclasses
    import pickle

    from mtcheck.model import Concept, Origin, Status, Term, TermKind

    every = Term("Konto", "de", Status.DEPRECATED, TermKind.ABBREVIATION, True, True, "a note", Origin("g.tbx", 7),
                 True, "noun", "neuter", "singular", "AT")
    plain = Term("account", "en")
    concept = Concept("account", (every, plain), "note", Origin("g.tbx", 3), {"": "a definition"}, {"de": "n"},
                      "finance")
    assert concept.preferred("en") is plain  # a cached property, now in the instance
    back = pickle.loads(pickle.dumps(concept))
    assert back == concept and hash(back) == hash(concept)
    for original, read in zip(concept.terms, back.terms):
        assert dataclasses.astuple(read) == dataclasses.astuple(original)
    assert "_preferred" not in vars(back) and back.preferred("en") == plain
    assert set(vars(pickle.loads(pickle.dumps(plain)))) == {"text", "lang"}


def test_a_warm_load_leaves_the_garbage_collector_as_it_found_it(tmp_path, cache):
    import gc

    path = tmp_path / "g.csv"
    path.write_text(CSV, encoding="utf-8")
    load_glossaries([path])
    assert gc.isenabled()
    load_glossaries([path])  # read back from the cache, the collector held off meanwhile
    assert gc.isenabled()
    gc.disable()
    try:
        load_glossaries([path])
        assert not gc.isenabled()  # a caller's own choice kept
    finally:
        gc.enable()
    cache.joinpath(next(cache.iterdir()).name).write_bytes(b"not a pickle")
    assert [t.text for c in load_glossaries([path]) for t in c.terms][1] == "Vaterländische Front"
    assert gc.isenabled()  # a damaged entry does not leave it off either
