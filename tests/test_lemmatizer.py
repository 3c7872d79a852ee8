"""The Turkish lemmatizer reads simplemma's dictionaries as MARISA tries cached in mtcheck's cache folder."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import SEEDS

from mtcheck.language import TOKEN_RE, analyzer_for, lemmatizer

TURKISH_SEED = SEEDS / "004_6a72a35fca063047.txt"


def test_cached_tries_give_the_shipped_dictionaries_lemmas():
    import simplemma

    fold = analyzer_for("tr").base
    words = sorted({fold(w) for w in TOKEN_RE.findall(TURKISH_SEED.read_text(encoding="utf-8"))})
    assert len(words) > 400
    assert [lemmatizer()(w, lang="tr") for w in words] == [simplemma.lemmatize(w, lang="tr") for w in words]


def _check(cache_home) -> tuple[int, dict, str]:
    env = {**os.environ, "MTCHECK_CACHE_DIR": str(cache_home)}
    result = subprocess.run([sys.executable, "-m", "mtcheck", "check", str(TURKISH_SEED), "--format", "json"],
                            capture_output=True, text=True, env=env, timeout=300)
    return result.returncode, json.loads(result.stdout), result.stderr


def test_the_cache_is_built_once_and_an_unwritable_one_changes_nothing(tmp_path):
    code, report, err = _check(tmp_path / "cache")
    assert code == 1 and err == ""
    assert list((tmp_path / "cache").rglob("tr.dic"))
    again = _check(tmp_path / "cache")
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be")
    unwritable = _check(blocked)
    assert again == unwritable == (code, report, "")
    assert report["summary"]["by_rule"]["GL001"] > 0
