"""`scan` lists a term of another concept inside a match as well ("account" in "account
hierarchy", "branch" in "tracking branch"), marked `within` the match; the rules judge the
longest match only, and characters that are words are not cut up (交易 in 子交易)."""
from __future__ import annotations

from tests.conftest import run_cli_json

GLOSSARY = ("concept,lang,term,status\n"
            "account,en,account,preferred\naccount,de,Konto,preferred\naccount,zh,科目,preferred\n"
            "hierarchy,en,account hierarchy,preferred\nhierarchy,de,Kontenhierarchie,preferred\n"
            "branch,en,branch,preferred\nbranch,de,Zweig,preferred\nbranch,de,Ast,deprecated\n"
            "tracking,en,tracking branch,preferred\ntracking,de,Ast der Verfolgung,preferred\n"
            "split,zh,子交易,preferred\ntransaction,zh,交易,preferred\n")


def _scan(tmp_path, name, text, *args):
    (tmp_path / "g.csv").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / name).write_text(text, encoding="utf-8")
    code, report, err = run_cli_json("scan", tmp_path / name, "-g", tmp_path / "g.csv", "--isolated", *args)
    assert code == 0, err
    return [(m["text"], m["concept"], m.get("within")) for m in report["matches"]]


def test_a_term_inside_another_concepts_match_is_listed_within_it(tmp_path):
    found = _scan(tmp_path, "a.txt", "Open the account hierarchy of the tracking branch.\n", "--lang", "en")
    assert found == [("account hierarchy", "hierarchy", None),
                     ("account", "account", {"concept": "hierarchy", "text": "account hierarchy"}),
                     ("tracking branch", "tracking", None),
                     ("branch", "branch", {"concept": "tracking", "text": "tracking branch"})]


def test_words_of_characters_are_not_cut_up(tmp_path):
    assert _scan(tmp_path, "a.txt", "删除子交易。\n", "--lang", "zh") == [("子交易", "split", None)]


def test_the_rules_judge_the_longest_match(tmp_path):
    (tmp_path / "g.csv").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Der Ast der Verfolgung.\n", encoding="utf-8")
    code, report, err = run_cli_json("check", tmp_path / "a.txt", "-g", tmp_path / "g.csv", "--lang", "de",
                                     "--isolated")
    assert (code, report["findings"]) == (0, []), err  # "Ast" inside the preferred term is no deprecated rendering
    assert ("Ast", "branch", {"concept": "tracking", "text": "Ast der Verfolgung"}) in _scan(
        tmp_path, "a.txt", "Der Ast der Verfolgung.\n", "--lang", "de")


def test_each_source_is_listed_before_its_own_target_s_matches(tmp_path):
    """A bilingual file: each unit's source matches, then its target's, unit after unit, also
    where a target has two matches (the second once listed every later source before it)."""
    po = ('msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
          'msgid "The account hierarchy"\nmsgstr "Die Kontenhierarchie und das Konto"\n\n'
          'msgid "The branch"\nmsgstr "Der Zweig"\n\n'
          'msgid "Another account"\nmsgstr "Ein anderes Konto"\n')
    (tmp_path / "g.csv").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "ui.de.po").write_text(po, encoding="utf-8")
    code, report, err = run_cli_json("scan", tmp_path / "ui.de.po", "-g", tmp_path / "g.csv", "--isolated")
    assert code == 0, err
    listed = [(m["side"], m["text"]) for m in report["matches"]]
    assert listed == [("source", "account hierarchy"), ("source", "account"), ("target", "Kontenhierarchie"),
                      ("target", "Konten"), ("target", "Konto"), ("source", "branch"), ("target", "Zweig"),
                      ("source", "account"), ("target", "Konto")]
