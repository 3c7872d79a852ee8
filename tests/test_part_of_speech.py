"""A glossary's part of speech: read and written in every format, and where one word is the term
of a noun concept and of a verb concept ("commit" the thing, "commit" the action), the word's
part of speech in its sentence tells which one the text means."""
from __future__ import annotations

import pytest

from mtcheck.glossary import load_glossary
from tests.conftest import run_cli, run_cli_json

pytest.importorskip("HanTa")  # the tagger comes with mtcheck[lexicons], and with the test extra

GLOSSARY = (
    "concept,lang,term,status,note,part_of_speech\n"
    "commit-noun,en,commit,preferred,,noun\n"
    "commit-noun,de,Commit,preferred,,noun\n"
    "commit-verb,en,commit,preferred,verb,\n"  # a note that only names it says it too
    "commit-verb,de,committen,preferred,,verb\n"
    "merge-noun,en,merge,preferred,,noun\n"
    "merge-verb,en,merge,preferred,,verb\n"
    "balance-noun,en,balance,preferred,,noun\n"
    "balance-verb,en,balance,preferred,,verb\n"
    "reconcile,en,reconcile,preferred,,verb\n"
)


def _glossary(tmp_path, text=GLOSSARY):
    path = tmp_path / "g.csv"
    path.write_text(text, encoding="utf-8")
    return path


def _scan(tmp_path, lines, *options):
    text = tmp_path / "t.txt"
    text.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, report, err = run_cli_json("scan", text, "-g", _glossary(tmp_path), "--lang", "en", "--isolated", *options)
    assert code == 0, err
    return [(m["line"], m["text"], m["concept"]) for m in report["matches"]]


def test_the_words_part_of_speech_tells_the_noun_concept_from_the_verb_concept(tmp_path):
    assert _scan(tmp_path, ["Create the initial commit.",
                            "You must commit the changes first.",
                            "Cannot find HEAD commit:",
                            "Merged branch into HEAD.",
                            "Include sub-account balances in the printed balance?"]) == [
        (1, "commit", "commit-noun"),
        (2, "commit", "commit-verb"),
        (3, "commit", "commit-noun"),
        (4, "Merged", "merge-verb"),
        (5, "balances", "balance-noun"),
        (5, "balance", "balance-noun")]


def test_a_word_of_one_concept_is_never_dropped_for_its_part_of_speech(tmp_path):
    # "reconcile" used as a modifier is still the glossary's only reconcile: the tagger's
    # word does not outweigh the glossary's.
    assert _scan(tmp_path, ["You have made changes to this reconcile window."]) == [(1, "reconcile", "reconcile")]


def test_all_senses_lists_every_concept_the_word_may_stand_for(tmp_path):
    assert _scan(tmp_path, ["Create the initial commit."], "--all-senses") == [
        (1, "commit", "commit-noun"), (1, "commit", "commit-verb")]


def test_part_of_speech_is_read_from_the_column_its_other_names_and_a_note(tmp_path):
    glossary = load_glossary(_glossary(tmp_path))
    assert {(c.id, t.lang): t.part_of_speech for c in glossary for t in c.terms} == {
        ("commit-noun", "en"): "noun", ("commit-noun", "de"): "noun", ("commit-verb", "en"): "verb",
        ("commit-verb", "de"): "verb", ("merge-noun", "en"): "noun", ("merge-verb", "en"): "verb",
        ("balance-noun", "en"): "noun", ("balance-verb", "en"): "verb", ("reconcile", "en"): "verb"}
    other = _glossary(tmp_path, "concept,lang,term,Part of Speech,note\n"
                                "a,en,file,Noun,\n"
                                "b,en,open,v,\n"
                                "c,en,close,,to close a file (verb)\n")
    assert [t.part_of_speech for c in load_glossary(other) for t in c.terms] == ["noun", "verb", ""]


def test_an_unknown_part_of_speech_is_a_one_line_error_naming_file_and_line(tmp_path):
    path = _glossary(tmp_path, "concept,lang,term,part_of_speech\na,en,file,noun\nb,en,save,verbish\n")
    code, out, err = run_cli("glossary", "validate", path)
    assert code != 0
    assert f"{path}:3: unknown part of speech 'verbish' (valid: noun (or " in err


def test_part_of_speech_survives_every_conversion(tmp_path):
    source = _glossary(tmp_path)
    for fmt in ("tbx3", "tbx2", "csv"):
        out = tmp_path / f"out-{fmt}.{'csv' if fmt == 'csv' else 'tbx'}"
        code, _, err = run_cli("glossary", "convert", source, out, "--to", fmt)
        assert code == 0 and err == "", err
        assert [(t.text, t.part_of_speech) for c in load_glossary(out) for t in c.terms] == \
            [(t.text, t.part_of_speech) for c in load_glossary(source) for t in c.terms], fmt
    tbx = (tmp_path / "out-tbx3.tbx").read_text(encoding="utf-8")
    assert '<termNote type="partOfSpeech">verb</termNote>' in tbx


def test_a_target_term_of_the_noun_and_the_verb_is_read_as_the_source_word_is(tmp_path):
    glossary = _glossary(tmp_path, "concept,lang,term,status,part_of_speech\n"
                                   "commit-noun,en,commit,preferred,noun\n"
                                   "commit-noun,zh-CN,提交,preferred,noun\n"
                                   "commit-verb,en,commit,preferred,verb\n"
                                   "commit-verb,zh-CN,提交,preferred,verb\n")
    po = tmp_path / "zh_CN.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: zh_CN\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "Create the initial commit."\nmsgstr "创建初始提交。"\n\n'
                  'msgid "You must commit the changes first."\nmsgstr "您必须先提交更改。"\n', encoding="utf-8")

    def targets(*options):
        code, report, err = run_cli_json("scan", po, "-g", glossary, "--source-lang", "en", "--isolated", *options)
        assert code == 0, err
        return [(m["line"], m["concept"]) for m in report["matches"] if m["side"] == "target"]

    assert targets() == [(7, "commit-noun"), (10, "commit-verb")]
    assert targets("--all-senses") == [(7, "commit-noun"), (7, "commit-verb"), (10, "commit-noun"), (10, "commit-verb")]


def test_several_shared_target_terms_are_read_in_the_order_of_the_source_words(tmp_path):
    glossary = _glossary(tmp_path, "concept,lang,term,status,part_of_speech\n"
                                   "merge-noun,en,merge,preferred,noun\n"
                                   "merge-noun,zh-CN,合并,preferred,noun\n"
                                   "merge-verb,en,merge,preferred,verb\n"
                                   "merge-verb,zh-CN,合并,preferred,verb\n")
    po = tmp_path / "zh_CN.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: zh_CN\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "You must merge the branch before any other type of merge."\n'
                  'msgstr "您必须先合并分支，然后才能进行任何其他类型的合并。"\n', encoding="utf-8")
    code, report, err = run_cli_json("scan", po, "-g", glossary, "--source-lang", "en", "--isolated")
    assert code == 0, err
    source = 'msgid "You must merge the branch before any other type of merge."'
    target = 'msgstr "您必须先合并分支，然后才能进行任何其他类型的合并。"'
    assert [(m["side"], m["column"], m["concept"]) for m in report["matches"]] == [
        ("source", source.index("merge") + 1, "merge-verb"), ("source", source.rindex("merge") + 1, "merge-noun"),
        ("target", target.index("合并") + 1, "merge-verb"), ("target", target.rindex("合并") + 1, "merge-noun")]


def test_shared_terms_line_up_with_the_source_words_only_where_both_have_as_many():
    from mtcheck.engine import _decided
    from mtcheck.model import Concept, Match, Segment, Status, Term

    noun, verb = (Concept(cid, (Term("合并", "zh-CN", Status.PREFERRED),)) for cid in ("merge-noun", "merge-verb"))
    segment = Segment("合并 … 合并 … 合并", "t", 1, 1, lang="zh-CN")

    def shared(start):
        return Match(segment, start, start + 2, noun, noun.terms[0], alternatives=((verb, verb.terms[0]),))

    both = {"merge-noun", "merge-verb"}
    read = [frozenset({"merge-verb"}), frozenset({"merge-noun"})]
    two = _decided([shared(0), shared(5)], both, read)
    assert [(m.concept.id, m.alternatives) for m in two] == [("merge-verb", ()), ("merge-noun", ())]
    three = _decided([shared(0), shared(5), shared(10)], both, read)  # not as many: each stays either
    assert all({m.concept.id, *(c.id for c, _ in m.alternatives)} == both for m in three)
