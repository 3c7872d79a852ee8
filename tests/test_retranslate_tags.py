"""Re-translation keeps inline tags and placeholders: the text between them is translated and
each comes back exactly once, in the source's order; a PO entry still passes `msgfmt -c`."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")

from tests.conftest import run_cli  # noqa: E402

from mtcheck.mt.retranslate import protected_pieces  # noqa: E402

PO = r'''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Language: de\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

#, c-format
msgid "Delete %s files from the skilful mass mobilisation archive?"
msgstr "%s Dateien aus dem Archiv der Fachkundigen Massenmobilisierung löschen?"

#, python-brace-format
msgid "{count} reports on <b>grassroots democracy</b> in %(place)s"
msgstr "{count} Berichte über <b>Demokratie</b> in %(place)s"

#, c-format
msgid "Skilful mass mobilisation: %d of %d done"
msgstr "Fachkundige Massenmobilisierung: %d von %d erledigt"
'''


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(tmp_path / "cache"))


def test_the_pieces_keep_tags_and_placeholders_apart():
    parts = protected_pieces("Delete %s files from <b>the archive</b>?")
    assert [(kind, core) for kind, (_, core, _) in parts] == [
        ("text", "Delete"), ("keep", "%s"), ("text", "files from"), ("keep", "<b>"), ("text", "the archive"),
        ("keep", "</b>"), ("keep", "?")]
    assert "".join(head + core + tail for _, (head, core, tail) in parts) == "Delete %s files from <b>the archive</b>?"


def _old_entries():
    return re.findall(r'^msgid "(.+)"\nmsgstr "(.+)"$', PO, re.M)


def _placeholders(text: str) -> list[str]:
    return re.findall(r"%\(\w+\)s|%[sd]|\{\w+\}|</?b>", text)


def test_a_po_with_placeholders_and_markup_is_retranslated_and_passes_msgfmt(tiny_model, cache_dir, tmp_path):
    from mtcheck.formats import open_bilingual

    path = tmp_path / "de.po"
    path.write_text(PO, encoding="utf-8")
    out = tmp_path / "out.po"
    code, _, err = run_cli("retranslate", path, "--model", tiny_model, "--all", "-o", out, "--no-diff",
                           "--source-lang", "en")
    assert code in (0, 1), err
    entries = [(s.source, s.text) for s in open_bilingual(str(out)).segments() if s.source]
    assert len(entries) == 3
    assert out.read_text(encoding="utf-8").count(", fuzzy") == 3  # re-translated, marked for review
    for msgid, msgstr in entries:
        assert msgstr and msgstr != dict(_old_entries())[msgid]
        # Every placeholder and tag once, in the source's order.
        assert _placeholders(msgstr) == _placeholders(msgid), msgstr
    if shutil.which("msgfmt") is None:
        pytest.skip("gettext's msgfmt is not installed (CI installs it)")
    result = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file source-language="en" target-language="de" datatype="plaintext" original="a"><body>
<trans-unit id="1"><source>Open <x id="1"/> the skilful mass mobilisation archive <ph id="2">%s</ph>.</source><target>Öffnen Sie <x id="1"/> das Archiv der Fachkundigen Massenmobilisierung <ph id="2">%s</ph>.</target></trans-unit>
</body></file></xliff>
"""


XLIFF_NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}


def _retranslated(tmp_path, text: str, model, *options):
    """`retranslate` of an XLIFF text: (its output parsed, what it printed)."""
    from lxml import etree

    path, out = tmp_path / "a.xlf", tmp_path / "out.xlf"
    path.write_text(text, encoding="utf-8")
    code, printed, err = run_cli("retranslate", path, "--model", model, "-o", out, *options)
    assert code in (0, 1), err
    return etree.parse(str(out)), printed


def test_an_xliff_with_placeholders_is_retranslated_with_its_tags_intact(tiny_model, cache_dir, tmp_path):
    from lxml import etree

    tree, _ = _retranslated(tmp_path, XLIFF, tiny_model, "--no-diff")
    ns = XLIFF_NS
    target = tree.find(".//x:trans-unit[@id='1']/x:target", ns)
    assert target.get("state") == "needs-review-translation"  # it was re-translated
    assert [(etree.QName(e).localname, e.get("id"), e.text) for e in target] == [("x", "1", None), ("ph", "2", "%s")]
    # The rest of the file is as it was (the old target kept for review beside it).
    old = tree.find(".//x:trans-unit[@id='1']/x:alt-trans/x:target", ns)
    assert etree.tostring(old, encoding="unicode").count("Fachkundigen") == 1


XLIFF_PAIRED = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file source-language="en" target-language="de" datatype="plaintext" original="a"><body>
<trans-unit id="1"><source>Read about <g id="1">skilful mass mobilisation</g> and <g id="2">grassroots democracy</g> here.</source><target>Lesen Sie hier über <g id="1">Fachkundige Massenmobilisierung</g> und <g id="2">Demokratie</g>.</target></trans-unit>
<trans-unit id="2"><source>Read about <g id="1">skilful mass mobilisation</g> here.</source><target>Lesen Sie hier über <g id="9">Fachkundige Massenmobilisierung</g>.</target></trans-unit>
</body></file></xliff>
"""


def test_paired_tags_inside_are_rebuilt_from_the_source_around_their_translated_texts(tiny_model, cache_dir, tmp_path):
    """A paired formatting tag leaves no mark in the text: the new target takes the source's
    tags, each text between them translated. A target whose tags are not the source's is left
    alone and said so."""
    from lxml import etree

    tree, out_text = _retranslated(tmp_path, XLIFF_PAIRED, tiny_model, "--all")
    ns = XLIFF_NS
    target = tree.find(".//x:trans-unit[@id='1']/x:target", ns)
    assert target.get("state") == "needs-review-translation"
    assert [(etree.QName(e).localname, e.get("id")) for e in target] == [("g", "1"), ("g", "2")]
    assert all(e.text and e.text.strip() for e in target)  # each tag holds a translated text
    assert "Geschickte Massenmobilisierung".casefold() in target[0].text.casefold()  # the glossary in force
    assert tree.find(".//x:trans-unit[@id='2']/x:target", ns).get("state") is None  # g 9 is not the source's g 1
    assert "1 segments re-translated, 1 left alone" in out_text
