"""Scripts with combining marks (Hindi, Tamil: a vowel sign is part of its word) and scripts
written without spaces between words (Thai, Khmer: ICU's dictionaries cut the words), matched
word by word as every other language is."""
from __future__ import annotations

import pytest

from mtcheck.glossary import load_glossary
from mtcheck.language import split_words
from mtcheck.matching import Matcher
from mtcheck.model import Segment
from tests.conftest import run_cli

GLOSSARY = (
    "concept,lang,term,status\n"
    "database,th,ฐานข้อมูล,preferred\n"
    "root,th,ราก,preferred\n"
    "user-account,th,บัญชีผู้ใช้,preferred\n"
    "user-account,th,แอคเคาท์ผู้ใช้,deprecated\n"
    "database,km,មូលដ្ឋានទិន្នន័យ,preferred\n"
    "account,hi,खाता,preferred\n"
    "account,ta,கணக்கு,preferred\n"
)


def _found(tmp_path, lang, text):
    path = tmp_path / "g.csv"
    path.write_text(GLOSSARY, encoding="utf-8")
    return [(m.text, m.concept.id) for m in Matcher(load_glossary(path)).matches(Segment(text, "t", 1, 1), lang)]


@pytest.mark.parametrize("lang, text, expected", [
    ("hi", "मेरा खाता बंद कर दिया गया है।", [("खाता", "account")]),
    ("hi", "मैंने उसे एक खत लिखा।", []),  # खत (a letter) shares the consonants of खाता, not the word
    ("ta", "உங்கள் கணக்கு மூடப்பட்டது.", [("கணக்கு", "account")]),
])
def test_a_vowel_sign_is_part_of_its_word(tmp_path, lang, text, expected):
    assert _found(tmp_path, lang, text) == expected


icu = pytest.importorskip("icu4py")  # mtcheck[lexicons]: without it a run of Thai is one word


@pytest.mark.parametrize("lang, text, expected", [
    ("th", "ระบบจัดการฐานข้อมูลและบัญชีผู้ใช้", [("ฐานข้อมูล", "database"), ("บัญชีผู้ใช้", "user-account")]),
    ("th", "กรุณาลงชื่อเข้าใช้แอคเคาท์ผู้ใช้ของคุณ", [("แอคเคาท์ผู้ใช้", "user-account")]),
    # ราก (root) inside the word ฐานราก (foundation) is no root; ข้อมูล before ฐาน is no database
    ("th", "โครงสร้างฐานรากของอาคาร", []),
    ("th", "ข้อมูลฐานราก", []),
    ("km", "ប្រព័ន្ធគ្រប់គ្រងមូលដ្ឋានទិន្នន័យថ្មី", [("មូលដ្ឋានទិន្នន័យ", "database")]),
])
def test_words_of_a_script_without_spaces_are_cut_by_its_dictionary(tmp_path, lang, text, expected):
    assert _found(tmp_path, lang, text) == expected


def test_the_cut_keeps_every_character_in_place():
    text = "ระบบจัดการฐานข้อมูล, และบัญชี"
    pieces = split_words(text)
    assert "".join(pieces) == text
    assert pieces[1::2] == ["ระบบ", "จัดการ", "ฐาน", "ข้อมูล", "และ", "บัญชี"]


def test_a_deprecated_thai_rendering_is_reported_at_its_place(tmp_path):
    glossary = tmp_path / "g.csv"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    text = tmp_path / "t.txt"
    text.write_text("ระบบจัดการฐานข้อมูล\nกรุณาลงชื่อเข้าใช้แอคเคาท์ผู้ใช้ของคุณ\n", encoding="utf-8")
    code, out, _ = run_cli("check", text, "-g", glossary, "--lang", "th", "--isolated", "--format", "text")
    assert code == 1
    assert f"{text}:2:19: error GL001 'แอคเคาท์ผู้ใช้' is a deprecated rendering" in out
    assert run_cli("languages", "th")[1].splitlines()[0] == \
        "th  no stemmer or lemmatizer: exact matching, ICU word segmentation"


def test_without_the_lexicons_a_run_is_one_word_and_languages_says_what_to_install(tmp_path, monkeypatch):
    import mtcheck.language.segmenter
    import mtcheck.language.tagger

    monkeypatch.setattr(mtcheck.language.segmenter, "word_breaker", lambda: None)
    monkeypatch.setattr(mtcheck.language.tagger, "_hanta", lambda: None)
    monkeypatch.setattr(mtcheck.language.tagger, "_loaded", lambda lang: None)
    assert run_cli("languages", "th", "en")[1].splitlines()[::2] == [
        "th  no stemmer or lemmatizer: exact matching, no word segmenter (a run of letters is one word): "
        "install mtcheck[lexicons]",
        "en  Snowball english stemmer, simplemma dictionary guards (lemmas, ordinary words), "
        "no part-of-speech tagger: install mtcheck[lexicons]"]
    assert _found(tmp_path, "th", "ระบบจัดการฐานข้อมูล") == []
    assert _found(tmp_path, "th", "ฐานข้อมูล ใหม่") == [("ฐานข้อมูล", "database")]


def test_discovery_reads_the_words_of_a_thai_run_as_the_matcher_does():
    from mtcheck.discovery.text import TextAnalyser
    from mtcheck.language import analyzer_for

    analysed = TextAnalyser(analyzer_for("th")).analyse("ระบบจัดการฐานข้อมูล")
    assert [word.text for word in analysed.words] == ["ระบบ", "จัดการ", "ฐาน", "ข้อมูล"]
