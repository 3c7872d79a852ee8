"""Compiled glossaries kept in the cache folder: a matcher read back finds what a fresh compile
finds, a changed glossary or a changed mtcheck is compiled again, a damaged entry is replaced,
and a glossary not loaded from files is compiled every time."""
from __future__ import annotations

import dataclasses

import pytest

import mtcheck.compiled as compiled
from mtcheck.glossary import load_glossaries
from mtcheck.matching import LanguageMatcher, Matcher
from mtcheck.model import Segment

CSV = """concept,lang,term,status,part of speech
account,en,account,preferred,noun
account,de,Konto,preferred,
account,nb,konto,preferred,
balance,en,balance,preferred,noun
balance,de,Saldo,preferred,
balance,de,Kontostand,admitted,
cloud,en,cloud storage,preferred,
cloud,de,Cloud-Speicher,preferred,
mass,en,mass mobilisation,preferred,
mass,de,Massenmobilisierung,preferred,
mass,nb,massemobilisering,preferred,
front,en,Fatherland Front,preferred,
front,de,Vaterländische Front,preferred,
front,vi,Mặt trận Tổ quốc,preferred,
"""
TEXTS = {
    "de": ["Der Kontostand des Unterkontos und die Konten der Massen-Mobilisierung.",
           "Die Cloudspeicher und der Cloud Speicher; the Fatherland Front, Mặt trận Tổ quốc.",
           "Im Saldo der Vaterländischen Front stehen alle Salden."],
    "nb": ["Kontoen og massemobiliseringen til Fatherland Front."],
    "en": ["The balances of each account; the account balance and cloud storage.",
           "Accounts balance the books."],
}


@pytest.fixture
def glossary_file(tmp_path, monkeypatch):
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "g.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


def found(matcher: Matcher) -> dict[str, list]:
    return {lang: [[(m.start, m.end, m.concept.id, m.term.text, m.foreign, m.compound, m.variant,
                     tuple(c.id for c, _ in m.alternatives))
                    for m in matcher.for_language(lang).matches(Segment(text, "t", 1, lang=lang))]
                   for text in texts]
            for lang, texts in TEXTS.items()}


def compiles(monkeypatch) -> list[str]:
    """The languages compiled from the glossary's terms from now on."""
    calls: list[str] = []
    original = LanguageMatcher._compile

    def counted(self, prepared, foreign):
        calls.append(self.lang)
        return original(self, prepared, foreign)
    monkeypatch.setattr(LanguageMatcher, "_compile", counted)
    return calls


def test_a_matcher_read_back_finds_what_a_fresh_compile_finds(glossary_file, tmp_path, monkeypatch):
    first = found(Matcher(load_glossaries([glossary_file])))
    assert any(first.values()) and len(list((tmp_path / "cache" / "compiled").glob("*.marshal"))) == 4
    calls = compiles(monkeypatch)
    warm = found(Matcher(load_glossaries([glossary_file])))
    assert calls == []  # every language read back, none compiled
    fresh = found(Matcher(dataclasses.replace(load_glossaries([glossary_file], cache=False))))
    assert warm == first == fresh
    assert calls == ["de", "nb", "en"]  # a glossary not loaded from the cache is compiled


def test_a_changed_glossary_is_compiled_again(glossary_file, monkeypatch):
    found(Matcher(load_glossaries([glossary_file])))
    glossary_file.write_text(CSV.replace("Saldo", "Salda"), encoding="utf-8")
    calls = compiles(monkeypatch)
    matcher = Matcher(load_glossaries([glossary_file]))
    texts = [m.text for m in matcher.for_language("de").matches(Segment("Der Salda und der Saldo.", "t", 1, lang="de"))]
    assert texts == ["Salda"] and calls == ["de"]


def test_a_changed_mtcheck_is_compiled_again(glossary_file, monkeypatch):
    found(Matcher(load_glossaries([glossary_file])))
    monkeypatch.setattr(compiled, "_code_fingerprint", lambda: "another mtcheck")
    calls = compiles(monkeypatch)
    found(Matcher(load_glossaries([glossary_file])))
    assert calls == ["de", "nb", "en"]


def test_a_damaged_entry_is_replaced(glossary_file, tmp_path, monkeypatch):
    first = found(Matcher(load_glossaries([glossary_file])))
    entries = sorted((tmp_path / "cache" / "compiled").glob("*.marshal"))
    for entry in entries:
        entry.write_bytes(b"\x00not marshal")
    calls = compiles(monkeypatch)
    assert found(Matcher(load_glossaries([glossary_file]))) == first
    assert calls == ["de", "nb", "en"]
    assert all(entry.read_bytes() != b"\x00not marshal" for entry in entries)


def test_the_folder_keeps_a_bounded_number_of_entries(glossary_file, tmp_path, monkeypatch):
    monkeypatch.setattr(compiled, "KEEP", 3)
    found(Matcher(load_glossaries([glossary_file])))
    assert len(list((tmp_path / "cache" / "compiled").glob("*.marshal"))) == 3


def test_an_entry_whose_automaton_is_damaged_is_compiled_again(glossary_file, tmp_path, monkeypatch):
    """The automata are kept as their own bytes, checked as they are read back."""
    import marshal

    import mtcheck.automaton

    if mtcheck.automaton.daachorse is None:
        pytest.skip("only daachorse's automaton is kept as bytes")

    first = found(Matcher(load_glossaries([glossary_file])))
    for entry in (tmp_path / "cache" / "compiled").glob("*.marshal"):
        state = marshal.loads(entry.read_bytes())
        table = state.get("native", state)
        table["automaton"] = table["automaton"][:len(table["automaton"]) // 2]
        entry.write_bytes(marshal.dumps(state))
    calls = compiles(monkeypatch)
    assert found(Matcher(load_glossaries([glossary_file]))) == first
    assert calls == ["de", "nb", "en"]


def test_where_daachorse_is_missing_ahocorasick_rs_finds_the_same(glossary_file, tmp_path, monkeypatch):
    """Linux on ARM has no daachorse wheel: there ahocorasick-rs's automaton is built at every
    start (the cache keeps none of it), with the same hits; an entry written so is read back
    where daachorse is installed, its automaton built from the patterns."""
    import mtcheck.automaton

    with_daachorse = found(Matcher(dataclasses.replace(load_glossaries([glossary_file], cache=False))))
    monkeypatch.setattr(mtcheck.automaton, "daachorse", None)
    assert found(Matcher(load_glossaries([glossary_file]))) == with_daachorse  # compiled and kept
    assert found(Matcher(load_glossaries([glossary_file]))) == with_daachorse  # read back
    monkeypatch.undo()
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    calls = compiles(monkeypatch)
    assert found(Matcher(load_glossaries([glossary_file]))) == with_daachorse
    assert calls == []  # the entries without automata read back, not compiled
