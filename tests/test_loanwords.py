"""English words written as they sound in Korean and Japanese (mtcheck.language.loanwords),
and discovery finding a term so written."""
import json

import pytest

from mtcheck.language.loanwords import heard, sounds_like, spoken
from tests.conftest import run_cli

# Loanwords as Korean and Japanese write them, with the English word.
LOANWORDS = [("서버", "server"), ("클라우드", "cloud"), ("컨테이너", "container"), ("스케줄러", "scheduler"),
             ("프로바이더", "provider"), ("매니저", "manager"), ("오브젝트", "object"), ("클러스터", "cluster"),
             ("컨트롤러", "controller"), ("네임스페이스", "namespace"), ("셀렉터", "selector"),
             ("디플로이먼트", "deployment"), ("데몬셋", "daemonset"), ("サーバー", "server"),
             ("クラスター", "cluster"), ("コンテナ", "container")]


@pytest.mark.parametrize("written, english", LOANWORDS)
def test_a_loanword_sounds_like_its_english_word(written, english):
    assert sounds_like(written, english)


@pytest.mark.parametrize("written, english", [("공급자", "provider"), ("문서", "server"), ("클라우드", "container"),
                                              ("컨테이너", "controller"), ("サーバー", "cluster")])
def test_a_native_word_or_another_loanword_does_not(written, english):
    assert not sounds_like(written, english)


def test_a_particle_after_the_noun_is_heard_apart():
    """서버는, 서버에서: the noun with its particle sounds like the noun."""
    assert sounds_like("서버는", "server") and sounds_like("서버에서", "server")
    assert heard("서버는") == ("SPN", "SP")


def test_silent_letters_and_an_r_after_a_vowel_are_not_heard():
    assert spoken("server") == ("S", "P")   # the r's after vowels, as 서버 drops them
    assert spoken("node") == ("N", "T")     # the silent e
    assert spoken("API") == ("P",)
    assert spoken("서버") == ()             # not English letters


def check_json(tmp_path, glossary: str, lang: str, text: str) -> list[dict]:
    (tmp_path / "g.csv").write_text("concept,lang,term,status\n" + glossary, encoding="utf-8")
    (tmp_path / f"t.{lang}.md").write_text(text, encoding="utf-8")
    code, out, err = run_cli("check", tmp_path / f"t.{lang}.md", "-g", tmp_path / "g.csv", "--lang", lang,
                             "--select", "GL006", "--format", "json")
    assert code in (0, 1), err
    return json.loads(out)["findings"]


GLOSSARY = ("kube-apiserver,en,API server,preferred\nkube-apiserver,ko,kube-apiserver,preferred\n"
            "kube-apiserver,ja,kube-apiserver,preferred\ntaint,en,Taint,preferred\ntaint,ko,Taint,preferred\n"
            "node,en,node,preferred\nnode,ko,노드,preferred\nnode,ja,ノード,preferred\n")


def test_a_term_half_kept_half_written_as_it_sounds_is_a_rendering_in_korean(tmp_path):
    """The glossary keeps 'kube-apiserver' in Korean; the text says 'API 서버' (API kept, server
    written as it sounds): a rendering of the concept, whatever particle follows. A word of a
    one-word term's few consonants (된다 sounds like 'taint') is not."""
    findings = check_json(tmp_path, GLOSSARY, "ko", "기본적으로, API 서버는 인증서를 확인하지 않는다.\n"
                          "노드는 API 서버에 등록된다. 작업이 완료된다.\n")
    assert [(f["text"], f["concept"]) for f in findings] == [("API 서버는", "kube-apiserver"),
                                                             ("API 서버에", "kube-apiserver")]
    assert all("written as they sound" in f["message"] and f["suggestions"] == ["kube-apiserver"] for f in findings)


def test_and_in_japanese_with_or_without_a_space(tmp_path):
    pytest.importorskip("icu4py")
    findings = check_json(tmp_path, GLOSSARY, "ja", "ノードはAPIサーバーに登録されます。\nAPI サーバーはリクエストを検証します。\n")
    assert [(f["text"], f["concept"]) for f in findings] == [("APIサーバー", "kube-apiserver"),
                                                             ("API サーバー", "kube-apiserver")]


def test_a_one_word_term_written_as_it_sounds_in_katakana_with_enough_consonants(tmp_path):
    """The glossary keeps 'Controller' and 'Node' in English: „コントローラー" (four consonants,
    in the script Japanese keeps for loanwords) renders the controller; a word of two, as
    'node' has, sounds like too many others („ノート", a note, n-t as well) to say so."""
    pytest.importorskip("icu4py")
    glossary = ("controller,en,Controller,preferred\ncontroller,ja,Controller,preferred\n"
                "node,en,Node,preferred\nnode,ja,Node,preferred\n")
    findings = check_json(tmp_path, glossary, "ja", "コントローラーはクラスターの状態を監視します。\n"
                          "コントローラーがノートを作成します。ノートは共有されます。\n")
    assert [(f["text"], f["concept"]) for f in findings] == [("コントローラー", "controller")] * 2
