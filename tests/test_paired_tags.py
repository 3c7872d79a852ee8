"""Paired formatting tags are no word boundary: a term whose words a <g>, <bpt>/<ept>, <it>,
<pc>, <hi> or <mrk> splits is found, and --fix keeps each tag where it was; standalone
placeholders (<x/>, <ph>, <bx/>, <ex/>, <sc/>, <ec/>) still end a word."""
from __future__ import annotations

import pytest

from mtcheck.formats import open_bilingual
from mtcheck.formats.edit import fix_file
from mtcheck.formats.inline import InlineError
from mtcheck.language import PLACEHOLDER

XLIFF12 = ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">\n'
           '<file source-language="en" target-language="de" datatype="plaintext" original="a.txt"><body>\n'
           '<trans-unit id="u1"><source>The skilful mass mobilisation movement.</source>\n'
           '<target>Die Bewegung {target}.</target></trans-unit>\n'
           '</body></file></xliff>\n')

XLIFF20 = ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="de">\n'
           '<file id="f"><unit id="1"><segment id="s1"><source>The skilful mass mobilisation movement.</source>\n'
           '<target>Die Bewegung {target}.</target></segment></unit></file></xliff>\n')

TMX = ('<?xml version="1.0" encoding="UTF-8"?>\n'
       '<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x" '
       'adminlang="en" srclang="en" datatype="plaintext"/>\n<body>\n'
       '<tu tuid="a"><tuv xml:lang="en"><seg>The skilful mass mobilisation movement.</seg></tuv>\n'
       '<tuv xml:lang="de"><seg>Die Bewegung {target}.</seg></tuv></tu>\n'
       '</body></tmx>\n')

PAIRED = [
    (XLIFF12, "a.xlf", 'Geschickte <g id="1">Massenmobilisierung</g>'),
    (XLIFF12, "a.xlf", 'Geschickte <g id="1">Massen</g>mobilisierung'),
    (XLIFF12, "a.xlf", 'Geschickte Massen<bpt id="1">&lt;b&gt;</bpt>mobilisierung<ept id="1">&lt;/b&gt;</ept>'),
    (XLIFF12, "a.xlf", 'Geschickte <it id="1" pos="open">&lt;i&gt;</it>Massenmobilisierung'),
    (XLIFF12, "a.xlf", '<mrk mtype="term">Geschickte</mrk> Massenmobilisierung'),
    (XLIFF20, "b.xlf", 'Geschickte <pc id="1">Massen</pc>mobilisierung'),
    (XLIFF20, "b.xlf", '<mrk id="m1" type="term">Geschickte Massen</mrk>mobilisierung'),
    (TMX, "a.tmx", 'Geschickte <bpt i="1">&lt;b&gt;</bpt>Massenmobilisierung<ept i="1">&lt;/b&gt;</ept>'),
    (TMX, "a.tmx", 'Geschickte <hi type="b">Massen</hi>mobilisierung'),
    (TMX, "a.tmx", 'Geschickte <it pos="begin">&lt;i&gt;</it>Massenmobilisierung'),
]

STANDALONE = [
    (XLIFF12, "a.xlf", 'Geschickte Massen<x id="1"/>mobilisierung'),
    (XLIFF12, "a.xlf", 'Geschickte Massen<ph id="1">&lt;br/&gt;</ph>mobilisierung'),
    (XLIFF12, "a.xlf", 'Geschickte Massen<bx id="1"/>mobilisierung<ex id="1"/>'),
    (XLIFF20, "b.xlf", 'Geschickte Massen<ph id="1"/>mobilisierung'),
    (XLIFF20, "b.xlf", 'Geschickte Massen<sc id="1"/>mobilisierung<ec startRef="1"/>'),
    (TMX, "a.tmx", 'Geschickte Massen<ph x="1">&lt;br/&gt;</ph>mobilisierung'),
]


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def target_text(path) -> str:
    return next(iter(open_bilingual(str(path), "en", "de").segments())).text


@pytest.mark.parametrize("template, name, target", PAIRED)
def test_a_term_split_by_a_paired_tag_is_found_at_its_place_and_not_missing(tmp_path, cli_json, template,
                                                                           name, target):
    text = template.format(target=target)
    path = write(tmp_path, name, text)
    assert target_text(path) == "Die Bewegung Geschickte Massenmobilisierung."  # the code is no text
    _, report, _ = cli_json("scan", path, "--lang", "de", "--source-lang", "en", "--isolated")
    found = [m for m in report["matches"] if m.get("side") != "source" and "within" not in m]
    assert [m["text"] for m in found] == ["Geschickte Massenmobilisierung"]
    # The place spans the tags: from the first word's start to the last word's end.
    line = text.splitlines()[found[0]["line"] - 1]
    assert found[0]["line"] == found[0]["end_line"]
    spelled = line[found[0]["column"] - 1:found[0]["end_column"] - 1]
    assert spelled.startswith("Geschickte") and spelled.endswith("mobilisierung")
    _, report, _ = cli_json("check", path, "--lang", "de", "--source-lang", "en", "--isolated", "--select", "GL004")
    assert report["findings"] == []


@pytest.mark.parametrize("template, name, target", STANDALONE)
def test_a_standalone_placeholder_still_ends_a_word(tmp_path, cli_json, template, name, target):
    path = write(tmp_path, name, template.format(target=target))
    assert target_text(path) == f"Die Bewegung Geschickte Massen{PLACEHOLDER}mobilisierung" + \
        (PLACEHOLDER if target.endswith("/>") else "") + "."
    _, report, _ = cli_json("scan", path, "--lang", "de", "--source-lang", "en", "--isolated")
    assert not any("Massenmobilisierung" in m["text"] for m in report["matches"] if m.get("side") != "source")


@pytest.mark.parametrize("template, name, before, after", [
    (XLIFF12, "a.xlf", 'Fachkundige <g id="1">Massenmobilisierung</g>', 'Geschickte <g id="1">Massenmobilisierung</g>'),
    (XLIFF12, "a.xlf", '<g id="1">Fachkundige</g> Massenmobilisierung', '<g id="1">Geschickte</g> Massenmobilisierung'),
    (XLIFF12, "a.xlf", 'Fachkundige <g id="1">Massen</g>mobilisierung<x id="2"/>',
     'Geschickte <g id="1">Massen</g>mobilisierung<x id="2"/>'),
    (XLIFF20, "b.xlf", '<pc id="1">Fachkundige Massen</pc>mobilisierung', '<pc id="1">Geschickte Massen</pc>mobilisierung'),
    (TMX, "a.tmx", '<bpt i="1">&lt;b&gt;</bpt>Fachkundige<ept i="1">&lt;/b&gt;</ept> Massenmobilisierung',
     '<bpt i="1">&lt;b&gt;</bpt>Geschickte<ept i="1">&lt;/b&gt;</ept> Massenmobilisierung'),
    (TMX, "a.tmx", 'Fachkundige <hi>Massen</hi>mobilisierung', 'Geschickte <hi>Massen</hi>mobilisierung'),
])
def test_a_fix_keeps_every_tag_around_its_word(glossary, tmp_path, template, name, before, after):
    path = write(tmp_path, name, template.format(target=before))
    result = fix_file(str(path), glossary, "de")
    assert result.count == 1
    assert path.read_bytes() == template.format(target=after).encode("utf-8")
    assert fix_file(str(path), glossary, "de").count == 0


@pytest.mark.parametrize("template, name", [(XLIFF12, "a.xlf"), (TMX, "a.tmx")])
def test_a_fix_that_cannot_keep_a_tag_on_its_word_is_left_undone(glossary, tmp_path, template, name):
    # "Mobilisierung qualifizierter Massen" becomes "Geschickte Massenmobilisierung": no word of
    # it is the tagged word, so no place for the tag is right.
    text = template.format(target='<g id="1">Mobilisierung</g> qualifizierter Massen' if name == "a.xlf"
                           else '<hi>Mobilisierung</hi> qualifizierter Massen')
    path = write(tmp_path, name, text)
    fix_file(str(path), glossary, "de")
    assert path.read_bytes() == text.encode("utf-8")


def test_an_edit_across_a_tag_boundary_is_refused_before_anything_changes(tmp_path):
    path = write(tmp_path, "a.xlf", XLIFF12.format(target='Fachkundige <g id="1">Massen</g>mobilisierung'))
    document = open_bilingual(str(path))
    list(document.segments())
    with pytest.raises(InlineError):
        document.set_target("u1", "Die Bewegung Massenaufmarsch der Fachkundigen.")
    with pytest.raises(InlineError):  # a placeholder the text did not have
        document.set_target("u1", f"Die Bewegung Fachkundige Massenmobilisierung{PLACEHOLDER}.")
    assert not document.changed
    document.set_target("u1", "Die Bewegung Fachkundige Massenaufmarsch.")
    assert b'Fachkundige <g id="1">Massen</g>aufmarsch.' in document.serialize()


class _Echo:
    """A translator that renders every text as one German sentence."""

    def translate(self, texts):
        from mtcheck.mt.translator import Translation

        return [Translation(text, "Die Bewegung Geschickte Massenmobilisierung.") for text in texts]


def test_a_retranslation_leaves_formatting_inside_and_keeps_it_around_the_whole(glossary, tmp_path):
    pytest.importorskip("torch")
    from mtcheck.mt import retranslate

    inside = write(tmp_path, "inside.xlf", XLIFF12.format(target='Fachkundige <g id="1">Massen</g>mobilisierung'))
    plan = retranslate.plan(str(inside), glossary, source=None, source_lang="en", target_lang="de", everything=True)
    assert [c.skipped for c in plan.changes] == ["inline tags inside the text"]
    around = write(tmp_path, "around.xlf", XLIFF12.replace("<target>Die Bewegung {target}.</target>",
                                                           '<target><g id="1">Die Fachkundige Bewegung.</g></target>'))
    plan = retranslate.plan(str(around), glossary, source=None, source_lang="en", target_lang="de", everything=True)
    assert [c.skipped for c in plan.changes] == [""]
    retranslate.translate(plan, _Echo())
    retranslate.write(plan, str(tmp_path / "out.xlf"))
    written = (tmp_path / "out.xlf").read_text(encoding="utf-8")
    assert '<target state="needs-review-translation" state-qualifier="mt-suggestion"><g id="1">Die Bewegung ' \
           'Geschickte Massenmobilisierung.</g></target>' in written
