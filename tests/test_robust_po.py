"""PO files under --fix: the edit lands in its own msgstr, every other byte and every line end
stays as it was, and a file that cannot be read safely is refused with one line naming it."""
from __future__ import annotations

import pytest

from mtcheck.errors import InputError
from mtcheck.formats import open_bilingual
from mtcheck.formats.edit import fix_file
from mtcheck.glossary import load_glossary
from tests.conftest import run_cli

HEADER = ('msgid ""\nmsgstr ""\n"Language: de\\n"\n'
          '"Content-Type: text/plain; charset=UTF-8\\n"\n\n')
OLD, NEW = "Fachkundige Massenmobilisierung", "Geschickte Massenmobilisierung"


@pytest.fixture
def terms(tmp_path):
    """A glossary with a deprecated German term and its preferred replacement."""
    path = tmp_path / "terms.csv"
    path.write_text(f"concept,lang,term,status\nmob,en,mass mobilisation,preferred\n"
                    f"mob,de,{NEW},preferred\nmob,de,{OLD},deprecated\n", encoding="utf-8")
    return path


def _po(tmp_path, data: bytes, name: str = "de.po"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _fix_cli(path, terms):
    return run_cli("check", path, "--fix", "-g", terms, "--lang", "de")


def _assert_refused(path, terms, line: int, message: str):
    before = path.read_bytes()
    code, out, err = _fix_cli(path, terms)
    assert code == 2
    assert {text for text in err.splitlines() if text.startswith("error:")} == {f"error: {path}:{line}: {message}"}
    assert "Traceback" not in out + err
    assert path.read_bytes() == before


# -- (a) unterminated strings ------------------------------------------------------------------
def test_unterminated_msgstr_is_refused_with_file_and_line(tmp_path, terms):
    path = _po(tmp_path, (HEADER + f'msgid "a"\nmsgstr "Die {OLD}.\n\nmsgid "b"\nmsgstr "Die {OLD}."\n').encode())
    _assert_refused(path, terms, 7, "unterminated string")


def test_unterminated_continuation_line_is_refused(tmp_path, terms):
    path = _po(tmp_path, (HEADER + f'msgid "a"\nmsgstr ""\n"Die {OLD}.\n\nmsgid "b"\nmsgstr "Nichts."\n').encode())
    _assert_refused(path, terms, 8, "unterminated string")


def test_unterminated_msgid_is_refused(tmp_path, terms):
    # Read leniently, "ab would be the msgid a of the next entry: the fix would go there.
    path = _po(tmp_path, (HEADER + f'msgid "ab\nmsgstr "Die {OLD}."\n\nmsgid "a"\nmsgstr "Nichts."\n').encode())
    _assert_refused(path, terms, 6, "unterminated string")


def test_edit_lands_in_its_own_entry_despite_stray_line_breaks(tmp_path, terms):
    # Doubled CRs, form feeds and U+2028 are line breaks to str.splitlines, not to gettext.
    text = (HEADER.replace("\n", "\r\r\n", 2) + "# page\x0c# two\u2028three\n"
            + f'msgid "a"\nmsgstr "Die {OLD}."\n\nmsgid "b"\nmsgstr "Nichts."\n\nmsgid "c"\nmsgstr "Auch nichts."\n')
    path = _po(tmp_path, text.encode())
    fix_file(str(path), load_glossary(terms), "de")
    assert path.read_bytes() == text.replace(f"Die {OLD}.", f"Die {NEW}.").encode()


def test_plural_form_ten_is_not_written_into_form_one(tmp_path, terms):
    text = (HEADER + 'msgid "a"\nmsgid_plural "as"\n'
            + "".join(f'msgstr[{n}] "Nichts {n}."\n' for n in range(10)) + f'msgstr[10] "Die {OLD}."\n')
    path = _po(tmp_path, text.encode())
    fix_file(str(path), load_glossary(terms), "de")
    assert path.read_bytes() == text.replace(OLD, NEW).encode()


def test_duplicate_message_is_refused_rather_than_edited_in_the_other_entry(tmp_path, terms):
    path = _po(tmp_path, (HEADER + f'msgid "a"\nmsgstr "Die {OLD}."\n\nmsgid "a"\nmsgstr "Nichts."\n').encode())
    document = open_bilingual(path)
    list(document.segments())
    with pytest.raises(InputError, match=r":9: duplicate message definition \(first at line 6\)"):
        document.set_target("a", f"Die {NEW}.")


# -- (b) stray carriage returns ----------------------------------------------------------------
def test_stray_carriage_returns_are_kept_and_do_not_break_the_fix(tmp_path, terms):
    text = (HEADER + "# comment\rwith a stray CR\n"
            + f'msgid "a"\nmsgstr "Die {OLD}."\r\r\n\n'
            + 'msgid "b"\nmsgstr "Nich\rts."\n\nmsgid "c"\r\nmsgstr "Auch \r"\n')
    path = _po(tmp_path, text.encode())
    result = fix_file(str(path), load_glossary(terms), "de")
    assert len(result.edits) == 1
    assert path.read_bytes() == text.replace(OLD, NEW).encode()


def test_raw_carriage_return_inside_the_edited_msgstr_keeps_the_text(tmp_path, terms):
    text = HEADER + f'msgid "a"\nmsgstr "Die {OLD}.\r"\n\nmsgid "b"\nmsgstr "Nichts."\n'
    path = _po(tmp_path, text.encode())
    fix_file(str(path), load_glossary(terms), "de")
    # The carriage return is still there, now written as gettext's escape.
    assert path.read_bytes() == text.replace(f'"Die {OLD}.\r"', f'"Die {NEW}.\\r"').encode()


# -- (c), (d) line ends --------------------------------------------------------------------------
def test_edited_lines_of_a_crlf_file_keep_their_crlf(tmp_path, terms):
    text = (HEADER + f'msgid "a"\nmsgstr ""\n"Die {OLD}\\n"\n"und mehr."\n\n'
            + f'msgid "b"\nmsgstr "Die {OLD}."\n\nmsgid "c"\nmsgstr "Nichts."').replace("\n", "\r\n")
    path = _po(tmp_path, text.encode())
    fix_file(str(path), load_glossary(terms), "de")
    assert path.read_bytes() == text.replace(OLD, NEW).encode()


def test_fuzzy_flag_line_takes_the_file_line_end(tmp_path):
    text = (HEADER + 'msgid "a"\nmsgstr "Alt."\n\n'
            + '#, python-format\nmsgid "b"\nmsgstr "Alt %s."\n').replace("\n", "\r\n")
    path = _po(tmp_path, text.encode())
    document = open_bilingual(path)
    list(document.segments())
    document.set_target("a", "Neu.", fuzzy=True)
    document.set_target("b", "Neu %s.", fuzzy=True)
    document.save()
    expected = text.replace('msgid "a"', '#, fuzzy\r\nmsgid "a"').replace("Alt", "Neu")
    assert path.read_bytes() == expected.replace("#, python-format", "#, python-format, fuzzy").encode()


def test_cr_only_file_keeps_every_cr(tmp_path, terms):
    text = (HEADER + f'msgid "a"\nmsgstr "Die {OLD}."\n\nmsgid "b"\nmsgstr "Die {OLD}."\n').replace("\n", "\r")
    path = _po(tmp_path, text.encode())
    fix_file(str(path), load_glossary(terms), "de")
    assert path.read_bytes() == text.replace(OLD, NEW).encode()


def test_mixed_line_ends_are_kept_line_by_line(tmp_path, terms):
    text = HEADER + f'msgid "a"\r\nmsgstr "Die {OLD}."\r\n\nmsgid "b"\nmsgstr "Die {OLD}."\n'
    path = _po(tmp_path, text.encode())
    fix_file(str(path), load_glossary(terms), "de")
    assert path.read_bytes() == text.replace(OLD, NEW).encode()


def test_indentation_and_text_after_the_string_are_kept(tmp_path, terms):
    text = HEADER + f'msgid "a"\n  msgstr "Die {OLD}."  \nmsgid "b"\nmsgstr "Nichts."\n'
    path = _po(tmp_path, text.encode())
    fix_file(str(path), load_glossary(terms), "de")
    assert path.read_bytes() == text.replace(OLD, NEW).encode()


# -- (e) and other malformed PO ----------------------------------------------------------------
def test_msgstr_without_quotes_is_refused_with_its_line(tmp_path, terms):
    path = _po(tmp_path, (HEADER + f'msgid "a"\nmsgstr {OLD}\n').encode())
    _assert_refused(path, terms, 7, "expected a quoted string after msgstr")


@pytest.mark.parametrize("body, line, message", [
    ('msgid "a"\nmsgstr "x" "y"\n', 7, "text after the closing quote"),
    ('msgid "a"\nmsgstr "x\\q"\n', 7, "unknown escape sequence"),
    ('msgid "a"\nmsgstr "x\\xffffffff"\n', 7, "escape sequence out of range"),
    ('msgid "a"\nmsgstr "x\\"\n', 7, "unterminated string"),
    ('msgid "a"\n\nmsgid "b"\nmsgstr "x"\n', 6, "msgid without msgstr"),
    ('msgid "a"\n', 6, "msgid without msgstr"),
    ('#, fuzzy\nmsgstr "x"\n', 7, "msgstr without msgid"),
    ('#. note\n"x"\n', 7, "quoted string without a keyword"),
    ('msgid "a"\nmsgstr "x"\n\nmsgstr "y"\n', 9, "duplicate msgstr"),
    ('msgid "a"\nmsgstr "x"\nmsgstr "y"\n', 8, "duplicate msgstr"),
    ('msgid "a"\nmsgid_plural "b"\nmsgstr[0] "x"\nmsgstr[0] "y"\n', 9, "duplicate msgstr[0]"),
    ('msgid "a"\nmsgstr[x] "y"\n', 7, "expected a keyword, a quoted string or a comment"),
    ('hello\n', 6, "expected a keyword, a quoted string or a comment"),
    ('#~ msgid "a"\nmsgstr "x"\n', 7, "obsolete (#~) and live lines mixed in one entry"),
    ('#~ msgid "a"\n#~ msgstr "x\n', 7, "unterminated string"),
])
def test_malformed_po_is_one_line_with_file_and_line(tmp_path, body, line, message):
    path = _po(tmp_path, (HEADER + body).encode())
    code, out, err = run_cli("check", path)
    assert code == 2 and f"{path}:{line}: {message}" in err, err
    assert "Traceback" not in out + err and len(err.strip().splitlines()) == 1


def test_text_the_charset_cannot_hold_is_refused_and_the_file_kept(tmp_path):
    glossary = tmp_path / "quotes.csv"
    glossary.write_text(f"concept,lang,term,status\nmob,de,„{NEW}“,preferred\nmob,de,{OLD},deprecated\n",
                        encoding="utf-8")
    text = HEADER.replace("UTF-8", "ISO-8859-1") + f'msgid "a"\nmsgstr "Die {OLD} ä."\n'
    path = _po(tmp_path, text.encode("latin-1"))
    _assert_refused(path, glossary, 7, "'„' cannot be written in the file's encoding ISO-8859-1")


def test_charset_that_is_no_text_encoding_reads_as_utf8(tmp_path, terms):
    text = HEADER.replace("UTF-8", "rot13") + f'msgid "a"\nmsgstr "Die {OLD}."\n'
    path = _po(tmp_path, text.encode())
    fix_file(str(path), load_glossary(terms), "de")
    assert path.read_bytes() == text.replace(OLD, NEW).encode()


def test_c_escapes_in_the_edited_msgstr_keep_their_meaning(tmp_path, terms):
    text = HEADER + f'msgid "a"\nmsgstr "Die {OLD}\\a\\t\\\\ \\"x\\" \\101"\n'
    path = _po(tmp_path, text.encode())
    segment, = open_bilingual(path).segments()
    assert segment.text == f'Die {OLD}\a\t\\ "x" A'
    fix_file(str(path), load_glossary(terms), "de")
    assert path.read_bytes() == (HEADER + f'msgid "a"\nmsgstr "Die {NEW}\\a\\t\\\\ \\"x\\" A"\n').encode()


def test_positions_and_ids_of_a_well_formed_file(tmp_path):
    text = (HEADER + '# note\n#, fuzzy\nmsgctxt "menu"\nmsgid "a"\nmsgstr ""\n"Erste\\n"\n"Zweite"\n\n'
            + 'msgid "b"\nmsgid_plural "bs"\nmsgstr[0] "Eins"\n  msgstr[1]  "Zwei"\n\n'
            + '#~ msgid "old"\n#~ msgstr "Alt"\n')
    found = list(open_bilingual(_po(tmp_path, text.encode())).segments())
    assert [(s.id, s.text, s.line, s.column, s.source) for s in found] == [
        ("menu|a", "Erste\nZweite", 11, 2, "a"), ("b[0]", "Eins", 16, 12, "b"), ("b[1]", "Zwei", 17, 15, "bs")]
    assert {s.lang for s in found} == {"de"}


# -- bilingual CSV: positions and write-back ---------------------------------------------------
CSV_ROWS = ('id,en,de\n'
            f'a,The skilful mass mobilisation,Die {OLD}.\n'
            f'"b, c","Quoted, ""source""","Wir: {OLD} ""ok"""\n'
            f'd,"two\nlines",{OLD}\n')


def _finding_places(path, terms):
    from tests.conftest import run_cli_json

    _, report, _ = run_cli_json("check", path, "-g", terms, "--lang", "de", "--select", "GL001")
    return [(f["line"], f["column"]) for f in report["findings"]]


def _place_of(text: str, needle: str, occurrence: int) -> tuple[int, int]:
    """1-based line and column of the occurrence-th `needle` in `text`."""
    at = -1
    for _ in range(occurrence):
        at = text.index(needle, at + 1)
    line_start = max(text.rfind("\n", 0, at), text.rfind("\r", 0, at)) + 1
    return text.count("\n", 0, at) + 1, at - line_start + 1


@pytest.mark.parametrize("name, text", [("p.csv", CSV_ROWS), ("p.tsv", CSV_ROWS.replace(",", "\t")),
                                        ("crlf.csv", CSV_ROWS.replace("\n", "\r\n"))])
def test_csv_columns_count_from_the_line_not_the_cell(tmp_path, terms, name, text):
    path = tmp_path / name
    path.write_bytes(text.encode())
    found = list(open_bilingual(path).segments())
    assert [(s.line, s.column) for s in found] == [_place_of(text, f"Die {OLD}", 1),
                                                   _place_of(text, "Wir: ", 1),
                                                   _place_of(text, OLD, 3)]
    assert _finding_places(path, terms) == [_place_of(text, OLD, n) for n in (1, 2, 3)]


def test_csv_fix_changes_only_the_target_cells(tmp_path, terms):
    text = ('id,en,de\r\n'
            f'a,"unneeded quotes",Die {OLD}.\n'
            f'b,x,"Nichts"\r\n'
            f'c,y,"Die {OLD}, quoted"\r\n'
            f'd,z,{OLD}')
    path = tmp_path / "p.csv"
    path.write_bytes(text.encode())
    fix_file(str(path), load_glossary(terms), "de")
    assert path.read_bytes() == text.replace(OLD, NEW).encode()


def test_csv_edit_quotes_a_value_that_needs_it(tmp_path):
    path = tmp_path / "p.csv"
    path.write_bytes(b'id,en,de\na,x,alt\nb,y,"alt"\n')
    document = open_bilingual(path)
    document.set_target("a", 'neu, "zitiert"')
    document.set_target("b", "neu")
    document.save()
    assert path.read_bytes() == b'id,en,de\na,x,"neu, ""zitiert"""\nb,y,"neu"\n'


def test_csv_duplicate_id_is_refused_rather_than_edited_in_the_other_row(tmp_path):
    path = tmp_path / "p.csv"
    path.write_bytes(b"id,en,de\na,x,eins\na,y,zwei\n")
    document = open_bilingual(path)
    with pytest.raises(InputError, match=r":3: duplicate id 'a' \(first at line 2\)"):
        document.set_target("a", "neu")
