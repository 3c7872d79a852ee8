"""UTF-32 without a byte-order mark is told by its bytes whatever the script of its first
characters, so a fixed file whose head gains a character beyond Latin-1 still reads."""
from __future__ import annotations

import pytest

from mtcheck.textio import sniff_encoding
from tests.conftest import run_cli


@pytest.mark.parametrize("text", ["Grassroots ǅ İstanbul ä", "中文文本", "ab\U0001F600c", "plain ASCII"])
@pytest.mark.parametrize("encoding", ["utf-32-le", "utf-32-be"])
def test_utf32_without_a_mark_is_told_in_any_script(text, encoding):
    assert sniff_encoding(text.encode(encoding)) == (encoding, 0)


def test_a_fixed_utf32_file_still_reads(tmp_path):
    glossary = tmp_path / "g.csv"
    glossary.write_text("concept,lang,term,status\ngd,en,grassroots democracy,preferred\ngd,de,Basisdemokratie,preferred\n",
                        encoding="utf-8")
    path = tmp_path / "a.txt"
    # After the fix the first 64 characters (the sniffed head) reach "ǅ İstanbul ä".
    text = "Die grassroots democracy und mehr." + " " * 20 + "\nǅ İstanbul ä wächst.\n"
    path.write_bytes(text.encode("utf-32-le"))
    code, _, err = run_cli("check", path, "-g", glossary, "--lang", "de", "--isolated", "--fix", "--no-table")
    assert path.read_bytes().decode("utf-32-le").startswith("Die Basisdemokratie und mehr.")
    code, out, err = run_cli("check", path, "-g", glossary, "--lang", "de", "--isolated", "--no-table")
    assert code == 0 and err == "", err
