"""Nothing lost: fixes change only what they edit, outputs never replace an input, every
failure is one line with exit 2 (3 for mtcheck's own errors), and nothing blocks on a FIFO."""
from __future__ import annotations

import contextlib
import io
import os
import stat

import pytest

from mtcheck import textio
from mtcheck.cli import main
from mtcheck.errors import InputError
from mtcheck.formats import open_bilingual
from mtcheck.formats.edit import fix_file

DEPRECATED, PREFERRED = "Fachkundige Massenmobilisierung", "Geschickte Massenmobilisierung"


def run(*args) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def one_error_line(err: str) -> str:
    """The one error line of a run's stderr (a summary such as "fixed 0 findings" may follow)."""
    errors = [line for line in err.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and "Traceback" not in err and "Usage:" not in err, err
    return errors[0]


# -- plain text ------------------------------------------------------------------------------------

@pytest.mark.parametrize("before, after", [
    ("Eins.\nDie Fachkundige Massenmobilisierung.\r\nZwei.\nDrei.\n",
     "Eins.\nDie Geschickte Massenmobilisierung.\r\nZwei.\nDrei.\n"),
    ("Eins.\r\nZwei.\nDie Fachkundige Massenmobilisierung.\nDrei.\r\n",
     "Eins.\r\nZwei.\nDie Geschickte Massenmobilisierung.\nDrei.\r\n"),
    ("Eins.\rDie Fachkundige Massenmobilisierung.\rDrei.\r",
     "Eins.\rDie Geschickte Massenmobilisierung.\rDrei.\r"),
    ("Eins.\n\n\r\nDie Fachkundige Massenmobilisierung.", "Eins.\n\n\r\nDie Geschickte Massenmobilisierung."),
])
def test_a_fix_keeps_every_other_line_and_each_line_end(glossary, tmp_path, before, after):
    path = tmp_path / "a.txt"
    path.write_bytes(before.encode())
    result = fix_file(str(path), glossary, "de")
    assert result.count == 1
    assert path.read_bytes() == after.encode()
    assert fix_file(str(path), glossary, "de").count == 0


def test_cr_only_lines_are_numbered(tmp_path):
    path = tmp_path / "mac.txt"
    path.write_bytes(b"Eins.\rZwei.\rDie Fachkundige Massenmobilisierung.\r")
    code, out, _ = run("check", str(path), "--lang", "de", "--format", "json", "--select", "GL001")
    assert code == 1 and '"line":3' in out.replace(" ", "")


def test_utf16_without_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes("Die Fachkundige Massenmobilisierung wächst.\n".encode("utf-16-le"))
    assert list(textio.iter_lines(path)) == ["Die Fachkundige Massenmobilisierung wächst."]
    path.write_bytes("Die Fachkundige Massenmobilisierung.\n".encode("utf-16-be"))
    assert list(textio.iter_lines(path)) == ["Die Fachkundige Massenmobilisierung."]
    assert textio.sniff_encoding("Wort\n".encode("utf-32-le")) == ("utf-32-le", 0)
    assert textio.sniff_encoding("Grüße\n".encode()) == ("utf-8", 0)


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o755])
def test_a_fix_keeps_the_file_mode(glossary, tmp_path, mode):
    path = tmp_path / "a.txt"
    path.write_text(f"Die {DEPRECATED}.\n", encoding="utf-8")
    os.chmod(path, mode)
    fix_file(str(path), glossary, "de")
    assert stat.S_IMODE(os.stat(path).st_mode) == mode and PREFERRED in path.read_text(encoding="utf-8")


def test_a_fix_writes_through_a_symlink(glossary, tmp_path):
    target = tmp_path / "real.txt"
    target.write_text(f"Die {DEPRECATED}.\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target.name)
    fix_file(str(link), glossary, "de")
    assert link.is_symlink() and PREFERRED in target.read_text(encoding="utf-8")


def test_a_read_only_or_hard_linked_file_is_refused_untouched(glossary, tmp_path):
    text = f"Die {DEPRECATED}.\n"
    read_only = tmp_path / "ro.txt"
    read_only.write_text(text, encoding="utf-8")
    os.chmod(read_only, 0o444)
    with pytest.raises(InputError, match="read-only"):
        fix_file(str(read_only), glossary, "de")
    assert read_only.read_text(encoding="utf-8") == text
    linked = tmp_path / "linked.txt"
    linked.write_text(text, encoding="utf-8")
    os.link(linked, tmp_path / "other-name.txt")
    code, _, err = run("check", str(linked), "--fix", "--lang", "de")
    assert code == 2 and "hard links" in one_error_line(err)
    assert (tmp_path / "other-name.txt").read_text(encoding="utf-8") == text and os.stat(linked).st_nlink == 2


def test_a_failed_write_leaves_the_file_and_no_scratch_file(glossary, tmp_path, monkeypatch):
    import errno

    path = tmp_path / "a.txt"
    path.write_text(f"Die {DEPRECATED}.\n", encoding="utf-8")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    code, _, err = run("check", str(path), "--fix", "--lang", "de")
    assert code == 2 and "No space left on device" in one_error_line(err)
    assert path.read_text(encoding="utf-8") == f"Die {DEPRECATED}.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


# -- output paths ----------------------------------------------------------------------------------

def test_the_report_never_replaces_a_checked_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(f"Die {DEPRECATED}.\n", encoding="utf-8")
    code, _, err = run("check", str(path), "--lang", "de", "-o", str(path))
    assert code == 2 and "input" in one_error_line(err)
    assert path.read_text(encoding="utf-8") == f"Die {DEPRECATED}.\n"
    code, _, err = run("check", str(tmp_path), "--lang", "de", "-o", str(path))
    assert code == 2 and path.read_text(encoding="utf-8") == f"Die {DEPRECATED}.\n"


def test_outputs_to_folders_devices_and_missing_folders_are_refused(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(f"Die {DEPRECATED}.\n", encoding="utf-8")
    for output in (str(tmp_path), "/dev/null", str(tmp_path / "missing" / "r.json")):
        code, _, err = run("check", str(path), "--lang", "de", "-o", output)
        assert code == 2, output
        one_error_line(err)
    code, _, err = run("check", str(path), "--lang", "de", "--write-baseline", str(tmp_path))
    assert code == 2 and one_error_line(err)


def test_dash_is_stdout_and_a_symlinked_report_is_written_through(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(f"Die {DEPRECATED}.\n", encoding="utf-8")
    code, out, _ = run("check", str(path), "--lang", "de", "--format", "json", "-o", "-")
    assert code == 1 and DEPRECATED in out
    report = tmp_path / "out" / "report.json"
    report.parent.mkdir()
    report.write_text("old", encoding="utf-8")
    link = tmp_path / "report-link.json"
    link.symlink_to(report)
    code, out, _ = run("check", str(path), "--lang", "de", "--format", "json", "-o", str(link))
    assert code == 1 and out == "" and link.is_symlink() and DEPRECATED in report.read_text(encoding="utf-8")


# -- regular files only ----------------------------------------------------------------------------

def test_a_fifo_or_device_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="FIFO"):
        list(textio.iter_lines(fifo))
    code, _, err = run("score", "/dev/zero", "/dev/zero")
    assert code == 2 and "character device" in one_error_line(err)
    code, _, err = run("score", str(fifo), str(fifo))
    assert code == 2 and "FIFO" in one_error_line(err)


# -- the error boundary ----------------------------------------------------------------------------

def test_an_unexpected_error_is_one_line_with_exit_3(tmp_path, monkeypatch):
    from mtcheck import engine

    path = tmp_path / "a.txt"
    path.write_text(f"Die {DEPRECATED}.\n", encoding="utf-8")

    def broken(*args, **kwargs):
        raise RuntimeError("something\nbroke")

    monkeypatch.setattr(engine.Checker, "check_batches", broken)
    code, _, err = run("check", str(path), "--lang", "de")
    assert code == 3 and "internal error" in one_error_line(err) and "something broke" in err
    code, _, err = run("check", str(path), "--lang", "de", "--verbose")
    assert code == 3 and "Traceback" in err


def test_usage_errors_are_one_line():
    code, _, err = run("check")
    assert code == 2 and "--help" in one_error_line(err)
    code, _, err = run("check", "x.txt", "--format", "yaml")
    assert code == 2 and "yaml" in one_error_line(err)


def test_errors_of_a_fix_run_are_said_once(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Die \xff Fachkundige Massenmobilisierung.\n")
    code, _, err = run("check", str(bad), "--fix", "--lang", "de")
    assert code == 2 and err.count("cannot decode") == 1


# -- XML written back byte for byte ----------------------------------------------------------------

XLIFF_ODD = (
    '<?xml version=\'1.0\' encoding=\'UTF-8\'?>\r\n'
    '<!-- exported -->\n'
    '<?tool keep="this"?>\n'
    '<!DOCTYPE xliff [\n  <!ATTLIST trans-unit approved CDATA #IMPLIED>\n]>\n'
    '<xliff  version=\'1.2\' xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:z="urn:z">\n'
    ' <file source-language="en" target-language="de" datatype="plaintext" original="a">\r\n'
    '  <body>\n'
    '   <trans-unit id="u1"><source>Skilful <?pi x?>mass <!-- c --><x id="0"/>mobilisation</source>\n'
    '    <target>Die&#160;Fachkundige Massenmobilisierung <x id="1"></x> w&#228;chst.</target>\n'
    '   </trans-unit>\n'
    '   <trans-unit id="u2"><source>keep</source><target state=\'final\'><![CDATA[a < b]]>&#160;<z:note/></target></trans-unit>\n'
    '   <trans-unit id="u3"><source>Mass mobilisation</source>\r\n'
    '    <target>Fachkundige Massenmobilisierung, <![CDATA[<b>]]> und &quot;so&quot;</target></trans-unit>\r\n'
    '  </body>\n'
    ' </file>\n'
    '</xliff>\n'
)


def test_an_xliff_fix_changes_only_the_edited_words(glossary, tmp_path):
    path = tmp_path / "odd.xlf"
    path.write_bytes(XLIFF_ODD.encode())
    result = fix_file(str(path), glossary, "de")
    assert result.count == 2
    expected = XLIFF_ODD.replace("Die&#160;Fachkundige", "Die&#160;Geschickte").replace(
        "<target>Fachkundige", "<target>Geschickte")
    assert path.read_bytes() == expected.encode()
    assert fix_file(str(path), glossary, "de").count == 0


def test_an_xliff_in_utf16_is_fixed_in_utf16(glossary, tmp_path):
    text = XLIFF_ODD.replace("encoding='UTF-8'", "encoding='UTF-16'")
    path = tmp_path / "u16.xlf"
    path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    fix_file(str(path), glossary, "de")
    expected = text.replace("Die&#160;Fachkundige", "Die&#160;Geschickte").replace(
        "<target>Fachkundige", "<target>Geschickte")
    assert path.read_bytes() == b"\xff\xfe" + expected.encode("utf-16-le")


def test_a_target_holding_the_placeholder_character_is_fixed_and_keeps_it(glossary, tmp_path):
    text = XLIFF_ODD.replace("Fachkundige Massenmobilisierung <x", "Fachkundige Massenmobilisierung \ufffc <x")
    path = tmp_path / "fffc.xlf"
    path.write_bytes(text.encode())
    code, _, err = run("check", str(path), "--fix", "--lang", "de", "--select", "GL001")
    assert code in (0, 1), err
    assert path.read_bytes().decode() == text.replace("Die&#160;Fachkundige", "Die&#160;Geschickte").replace(
        "<target>Fachkundige", "<target>Geschickte")


def test_entity_declarations_are_found_past_a_long_comment_and_in_bomless_utf16(tmp_path):
    body = ('<?xml version="1.0"?>\n<!-- ' + "x" * (1 << 21) + ' -->\n'
            '<!DOCTYPE xliff [<!ENTITY t "Fachkundige Massenmobilisierung">]>\n'
            '<xliff version="1.2"><file source-language="en" target-language="de"><body>'
            '<trans-unit id="1"><source>a</source><target>&t;</target></trans-unit></body></file></xliff>\n')
    for name, data in (("long.xlf", body.encode()), ("u16.xlf", body.replace("x" * (1 << 21), "x").encode("utf-16-le")),
                       ("long.tmx", body.replace("xliff", "tmx").encode())):
        path = tmp_path / name
        path.write_bytes(data)
        code, _, err = run("check", str(path), "--lang", "de")
        assert code == 2 and "entity declarations" in one_error_line(err), name


def test_a_tmx_must_have_a_tmx_root(tmp_path):
    path = tmp_path / "a.tmx"
    path.write_text('<?xml version="1.0"?><xliff><tu><tuv xml:lang="de"><seg>Die Fachkundige '
                    'Massenmobilisierung</seg></tuv></tu></xliff>', encoding="utf-8")
    code, _, err = run("check", str(path), "--lang", "de")
    assert code == 2 and "root element" in one_error_line(err)


TMX_ODD = (
    '<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- memory -->\r\n'
    '<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" '
    'creationtool="t" creationtoolversion="1" o-tmf="t"/>\r\n<body>\r\n'
    '{units}</body>\r\n</tmx>\r\n'
)
TMX_UNIT = ('<tu tuid="{n}"><tuv xml:lang="en"><seg>Skilful mass mobilisation {n}</seg></tuv>'
            '<tuv xml:lang="de"><seg>Die&#160;Fachkundige Massenmobilisierung <ph x=\'1\'>&lt;b/&gt;</ph> {n}</seg></tuv>'
            '</tu>\r\n<tu tuid="k{n}"><tuv xml:lang="en"><seg>keep {n}</seg></tuv>'
            '<tuv xml:lang="de"><seg><![CDATA[bleibt]]> {n}&#160;</seg></tuv></tu>\r\n')


def test_a_tmx_fix_is_streamed_and_changes_only_the_edited_words(glossary, tmp_path, monkeypatch):
    from mtcheck.formats import edit

    monkeypatch.setattr(edit, "_TMX_BATCH", 7)  # several batches
    text = TMX_ODD.format(units="".join(TMX_UNIT.format(n=n) for n in range(40)))
    path = tmp_path / "m.tmx"
    path.write_bytes(text.encode())
    result = fix_file(str(path), glossary, "de")
    assert result.count == 40 and result.changed
    assert path.read_bytes() == text.replace("Die&#160;Fachkundige", "Die&#160;Geschickte").encode()
    assert fix_file(str(path), glossary, "de").count == 0
    diff = fix_file(str(path), glossary, "de", write=False)
    assert not diff.changed


def test_retranslated_xliff_review_keeps_other_units_byte_for_byte(tmp_path):
    path = tmp_path / "odd.xlf"
    path.write_bytes(XLIFF_ODD.encode())
    document = open_bilingual(str(path))
    list(document.segments())
    document.set_target("u1", "Die Geschickte Massenmobilisierung \ufffc wächst.", review=True)
    document.save()
    data = path.read_bytes().decode()
    head, tail = XLIFF_ODD.split('   <trans-unit id="u1">')[0], XLIFF_ODD.split("   </trans-unit>\n", 1)[1]
    assert data.startswith(head) and data.endswith(tail)
    assert "alt-trans" in data and "needs-review-translation" in data
    reread = open_bilingual(str(path))
    assert [s.text for s in reread.segments()][0] == "Die Geschickte Massenmobilisierung \ufffc wächst."


def test_tmx_findings_give_the_column_in_the_line(tmp_path):
    path = tmp_path / "c.tmx"
    path.write_text('<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en"/><body>\n'
                    '<tu><tuv xml:lang="en"><seg>Mass mobilisation</seg></tuv><tuv xml:lang="de"><seg>Die '
                    'Fachkundige Massenmobilisierung</seg></tuv></tu>\n<tu><tuv xml:lang="en"><seg>x</seg></tuv>\n'
                    '  <tuv xml:lang="de"><seg>Eine Fachkundige Massenmobilisierung</seg></tuv></tu>\n</body></tmx>\n',
                    encoding="utf-8")
    code, out, _ = run("check", str(path), "--lang", "de", "--select", "GL001")
    assert code == 1
    assert [line.split(" ")[0] for line in out.splitlines() if "GL001" in line] == [f"{path}:3:86:", f"{path}:5:32:"]


def test_bad_bytes_in_a_tbx_name_the_line(tmp_path):
    path = tmp_path / "bad.tbx"
    path.write_bytes(b'<?xml version="1.0" encoding="UTF-8"?>\n<martif type="TBX" xml:lang="en">\n<text><body>\n'
                     b'<termEntry id="a">\xff</termEntry></body></text></martif>\n')
    code, _, err = run("glossary", "validate", str(path))
    assert code == 2 and f"{path}:4: malformed XML" in err and len(err.strip().splitlines()) == 1


def test_a_libxml2_message_with_a_line_break_is_one_line(tmp_path):
    path = tmp_path / "nul.xlf"
    path.write_bytes(b'<xliff version="1.2">\x00</xliff>')
    code, _, err = run("check", str(path), "--lang", "de")
    assert code == 2 and one_error_line(err).count(str(path)) == 1


def test_an_unclosed_comment_masks_to_the_line_end_in_one_step():
    from mtcheck.language import PLACEHOLDER, mask_protected

    assert mask_protected("a <!-- b --> c <!-- d") == "a " + PLACEHOLDER * 10 + " c " + PLACEHOLDER * 6
    # 20,000 unclosed openings: each tried from every later opening was quadratic (seconds).
    assert set(mask_protected("<!--x" * 20_000)) == {PLACEHOLDER}


def test_a_multibyte_encoding_expat_cannot_read_is_refused_for_fixing_and_left(glossary, tmp_path):
    text = ('<?xml version="1.0" encoding="Shift_JIS"?>\n<xliff version="1.2"><file source-language="en" '
            'target-language="de" datatype="plaintext" original="a"><body>\n<trans-unit id="1"><source>a</source>'
            '<target>Die Fachkundige Massenmobilisierung \u65e5.</target></trans-unit>\n</body></file></xliff>\n')
    path = tmp_path / "sjis.xlf"
    path.write_bytes(text.encode("shift_jis"))
    with pytest.raises(InputError, match="convert it to UTF-8"):
        fix_file(str(path), glossary, "de")
    assert path.read_bytes() == text.encode("shift_jis")


def test_an_unknown_declared_encoding_is_one_line(tmp_path):
    path = tmp_path / "enc.xlf"
    path.write_bytes(b'<?xml version="1.0" encoding="U-F-8"?>\n<xliff version="1.2"><file source-language="en" '
                     b'target-language="de"><body><trans-unit id="1"><source>a</source><target>Die Fachkundige '
                     b'Massenmobilisierung</target></trans-unit></body></file></xliff>\n')
    code, _, err = run("check", str(path), "--lang", "de")
    assert code == 2 and "unknown encoding 'u-f-8'" in one_error_line(err)


def test_a_relative_namespace_uri_is_fixed(glossary, tmp_path):
    """C14N refuses relative namespace URIs; the check of the written element must not."""
    text = XLIFF_ODD.replace('xmlns="urn:oasis:names:tc:xliff:document:1.2"', 'xmlns="de"')
    path = tmp_path / "rel.xlf"
    path.write_bytes(text.encode())
    assert fix_file(str(path), glossary, "de").count == 2
    assert path.read_bytes() == text.replace("Die&#160;Fachkundige", "Die&#160;Geschickte").replace(
        "<target>Fachkundige", "<target>Geschickte").encode()


def test_a_long_target_is_fixed_with_its_character_references_kept(glossary, tmp_path):
    filler = "Ein langer Satz&#160;mit Verweisen. " * 2000
    text = XLIFF_ODD.replace("Die&#160;Fachkundige Massenmobilisierung", filler + "Die Fachkundige Massenmobilisierung")
    path = tmp_path / "long.xlf"
    path.write_bytes(text.encode())
    fix_file(str(path), glossary, "de")
    expected = text.replace("Die Fachkundige", "Die Geschickte").replace("<target>Fachkundige", "<target>Geschickte")
    assert path.read_bytes() == expected.encode()


def test_a_tu_nested_in_a_seg_reads_and_the_rest_is_fixed(glossary, tmp_path):
    text = TMX_ODD.format(units=TMX_UNIT.format(n=1) + '<tu tuid="x"><tuv xml:lang="de"><seg><tu><tuv xml:lang="de">'
                          '<seg>Fachkundige Massenmobilisierung</seg></tuv></tu></seg></tuv></tu>\r\n')
    path = tmp_path / "nested.tmx"
    path.write_bytes(text.encode())
    result = fix_file(str(path), glossary, "de")
    assert result.count >= 1 and b"Die&#160;Geschickte" in path.read_bytes()


@pytest.mark.parametrize("gap", ["\u00a0", "  "])
def test_a_fix_keeps_the_white_space_between_the_words_it_replaces(glossary, tmp_path, gap):
    path = tmp_path / "a.po"
    path.write_text(f'msgid "x"\nmsgstr "Die Fachkundige{gap}Massenmobilisierung."\n', encoding="utf-8")
    assert fix_file(str(path), glossary, "de").count == 1
    assert f"Die Geschickte{gap}Massenmobilisierung." in path.read_text(encoding="utf-8")


def test_apply_keeps_the_rightmost_of_overlapping_edits_and_every_other_edit():
    from mtcheck.fix import Edit, apply

    text = "aa bb cc dd " * 3000
    edits = [Edit(None, i, i + 2, "bb", "XX", "GL001") for i in range(3, len(text), 12)]
    edits.append(Edit(None, 2, 5, " bb", "Y", "GL001"))  # overlaps the first edit, left of it: dropped
    assert apply(text, edits) == "aa XX cc dd " + "aa XX cc dd " * 2999
    assert apply("abcdef", [Edit(None, 1, 3, "bc", "1", "x"), Edit(None, 2, 4, "cd", "2", "x")]) == "ab2ef"
