"""A PO file's `Language:` header, as gettext tools write it: a code (de, pt_BR, sr@latin) or
an English language name (German)."""
from __future__ import annotations

import pytest

from mtcheck.formats.po import PoFile

ENTRY = '\nmsgid "The skilful mass mobilisation"\nmsgstr "Die Geschickte Massenmobilisierung"\n'


def po(tmp_path, language: str):
    path = tmp_path / "messages.po"
    path.write_text(f'msgid ""\nmsgstr ""\n"Language: {language}\\n"\n' + ENTRY, encoding="utf-8")
    return PoFile(path)


@pytest.mark.parametrize("header, lang", [("German", "de"), ("French", "fr"), ("pt_BR", "pt"), ("zh_CN", "zh"),
                                          ("sr@latin", "sr"), ("de", "de"), ("Norwegian Bokmål", "nb")])
def test_the_language_header_names_or_codes_the_language(tmp_path, header, lang):
    document = po(tmp_path, header)
    assert [s.lang for s in document.segments()] == [lang]
    assert document.warnings == []


def test_an_unknown_language_header_is_a_warning_and_is_kept(tmp_path):
    document = po(tmp_path, "Elvish of the West")
    assert [s.lang for s in document.segments()] == ["elvish of the west"]
    [warning] = document.warnings
    assert warning.startswith(f"{document.path}:3: ") and "Elvish of the West" in warning


def test_a_language_name_is_checked_as_that_language(tmp_path, cli_json):
    path = po(tmp_path, "German").path
    _, report, err = cli_json("scan", path, "--isolated")
    assert {m["lang"] for m in report["matches"]} == {"en", "de"}
    assert "warning" not in err
