"""Inline suppressions in text, Markdown, PO and XLIFF; ranges; unused directives (GL000)."""
from __future__ import annotations

import pytest

from mtcheck.suppress import parse_directive, read_directives

BAD = "Die „Fachkundige Massenmobilisierung“ ist hier."       # GL001
FOREIGN = "Die Bewegung Skilled Mass Mobilization ist hier."  # GL003


def check(cli_json, tmp_path, name, text, *options):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    code, report, _ = cli_json("check", path, "--lang", "de", *options)
    return code, [(f["line"], f["rule"]) for f in report["findings"]], report


def test_ignore_alone_on_a_line_silences_the_next_line_in_text(cli_json, tmp_path):
    text = f"<!-- mtcheck: ignore GL001 -->\n{BAD}\n{BAD}\n"
    code, found, report = check(cli_json, tmp_path, "a.txt", text)
    assert found == [(3, "GL001")] and code == 1
    summary = report["summary"]
    assert summary["findings"] == 1 and summary["by_rule"] == {"GL001": 1}
    assert summary["by_severity"]["error"] == 1


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_directives_in_utf16_text_are_read(cli_json, tmp_path, encoding):
    path = tmp_path / "a.txt"
    path.write_bytes(("\ufeff" if encoding == "utf-16-be" else "")
                     .join(["", f"<!-- MTCHECK: ignore GL001 -->\n{BAD}\n{BAD}\n"]).encode(encoding))
    code, report, _ = cli_json("check", path, "--lang", "de")
    assert [(f["line"], f["rule"]) for f in report["findings"]] == [(3, "GL001")] and code == 1


def test_ignore_skips_blank_lines_and_names_rules_by_name(cli_json, tmp_path):
    text = f"<!-- mtcheck: ignore deprecated-rendering -->\n\n{BAD} {FOREIGN}\n"
    _, found, _ = check(cli_json, tmp_path, "a.md", text)
    assert found == [(3, "GL003")]


def test_ignore_after_text_silences_its_own_line_and_without_ids_every_rule(cli_json, tmp_path):
    text = f"{BAD} {FOREIGN} <!-- mtcheck: ignore -->\n{BAD}\n"
    _, found, _ = check(cli_json, tmp_path, "a.md", text)
    assert found == [(2, "GL001")]


def test_disable_enable_range_with_per_rule_enable(cli_json, tmp_path):
    text = "\n".join([
        BAD,                                          # 1 reported
        "<!-- mtcheck: disable GL001, GL003 -->",     # 2
        f"{BAD} {FOREIGN}",                           # 3 both silenced
        "<!-- mtcheck: enable GL001 -->",             # 4
        f"{BAD} {FOREIGN}",                           # 5 GL001 reported, GL003 still silenced
        "<!-- mtcheck: enable -->",                   # 6
        f"{FOREIGN}",                                 # 7 reported
        "<!-- mtcheck: disable -->",                  # 8 to the end of the file
        f"{BAD} {FOREIGN}",                           # 9 silenced
    ]) + "\n"
    _, found, _ = check(cli_json, tmp_path, "a.md", text)
    assert found == [(1, "GL001"), (5, "GL001"), (7, "GL003")]


def test_a_range_starts_and_ends_where_its_comments_stand_on_a_line(cli_json, tmp_path):
    text = f"{BAD} <!-- mtcheck: disable GL003 --> {FOREIGN} <!-- mtcheck: enable --> {FOREIGN}\n"
    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    _, report, _ = cli_json("check", path, "--lang", "de")
    columns = [(f["rule"], f["column"]) for f in report["findings"]]
    first_foreign = text.index("Skilled") + 1
    assert ("GL001", 6) in columns and ("GL003", first_foreign) not in columns
    assert ("GL003", text.rindex("Skilled") + 1) in columns


def test_directives_in_fenced_code_are_examples(cli_json, tmp_path):
    text = f"```\n<!-- mtcheck: disable -->\n```\n{BAD}\n"
    _, found, _ = check(cli_json, tmp_path, "a.md", text, "--warn-unused-ignores")
    assert found == [(4, "GL001")]


PO = """msgid ""
msgstr ""
"Language: de\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

# Quoted from the 2019 decree.
# mtcheck: ignore GL001
#: src/a.c:1
msgid "The skilful mass mobilisation movement"
msgstr "Die Bewegung Fachkundige Massenmobilisierung"

# mtcheck: ignore GL001
msgctxt "menu"
msgid "Skilful mass mobilisation"
msgid_plural "Skilful mass mobilisations"
msgstr[0] "Fachkundige Massenmobilisierung"
msgstr[1] "Fachkundige Massenmobilisierungen"

msgid "Skilful mass mobilisation"
msgstr "Fachkundige Massenmobilisierung"

# mtcheck: ignore GL003
msgid "Nothing"
msgstr "Nichts"
"""


def test_po_translator_comment_silences_its_entry_and_plural_forms(cli_json, tmp_path):
    _, found, _ = check(cli_json, tmp_path, "de.po", PO, "--warn-unused-ignores")
    assert found == [(20, "GL001"), (22, "GL000")]
    _, report, _ = cli_json("check", tmp_path / "de.po", "--warn-unused-ignores")
    unused = report["findings"][-1]
    assert unused["column"] == 3 and unused["text"] == "mtcheck: ignore GL003"
    assert "suppresses no GL003 finding" in unused["message"]


XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
  <file source-language="en" target-language="de" datatype="plaintext" original="a.txt">
    <body>
      <trans-unit id="u1">
        <source>The skilful mass mobilisation movement.</source>
        <target>Die Bewegung Fachkundige Massenmobilisierung.</target>
        <note>mtcheck: ignore GL001</note>
      </trans-unit>
      <trans-unit id="u2">
        <source>The skilful mass mobilisation movement.</source>
        <target>Die Bewegung Fachkundige Massenmobilisierung.</target>
      </trans-unit>
      <group id="g">
        <note>mtcheck: ignore</note>
        <trans-unit id="u3">
          <source>Skilful mass mobilisation</source>
          <target>Die Sache.</target>
        </trans-unit>
      </group>
      <trans-unit id="u4">
        <source>Skilful mass mobilisation</source>
        <target>Die Sache.</target>
        <note>mtcheck: ignore GL001</note>
      </trans-unit>
    </body>
  </file>
</xliff>
"""

XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="de">
 <file id="f1">
  <unit id="1">
   <notes><note category="qa">mtcheck: ignore GL004</note></notes>
   <segment id="s1">
    <source>Skilful mass mobilisation</source>
    <target>Die Sache.</target>
   </segment>
   <segment id="s2">
    <source>Skilful mass mobilisation</source>
    <target>Das Ding.</target>
   </segment>
  </unit>
  <unit id="2">
   <segment><source>Skilful mass mobilisation</source><target>Das Ding.</target></segment>
  </unit>
 </file>
</xliff>
"""


def test_xliff12_notes_silence_their_unit_or_group(cli_json, tmp_path):
    path = tmp_path / "de.xlf"
    path.write_text(XLIFF12, encoding="utf-8")
    _, report, _ = cli_json("check", path, "--warn-unused-ignores")
    assert [(f["segment"], f["rule"]) for f in report["findings"]] == [("u2", "GL001"), ("u4", "GL004"), (None, "GL000")]
    unused = report["findings"][-1]
    assert (unused["line"], unused["text"]) == (24, "mtcheck: ignore GL001")


def test_xliff20_unit_notes_cover_every_segment_of_the_unit(cli_json, tmp_path):
    path = tmp_path / "de.xlf"
    path.write_text(XLIFF20, encoding="utf-8")
    _, report, _ = cli_json("check", path, "--warn-unused-ignores")
    found = [(f["segment"], f["rule"]) for f in report["findings"]]
    assert [f for f in found if f[1] == "GL004"] == [("2", "GL004")]
    assert ("1/s2", "GL005") in found  # a note for GL004 leaves the unit's other rules alone


def test_unused_and_broken_directives_are_gl000_warnings(cli_json, tmp_path):
    lines = [
        "<!-- mtcheck: ignore GL001 -->",       # 1 unused: nothing on line 2
        "Nichts hier.",
        "<!-- mtcheck: ignroe GL001 -->",       # 3 unknown action
        "<!-- mtcheck: ignore GL999 -->",       # 4 unknown rule
        BAD,
        "<!-- mtcheck: ignore GL001 GL003 -->",  # 6 GL001 used, GL003 not
        BAD,
        "<!-- mtcheck: ignore GL005 -->",       # 8 a rule not selected: not judged
        BAD,
        "<!-- mtcheck: ignore -->",             # 10 at the end: nothing follows
    ]
    text = "\n".join(lines) + "\n"
    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    code, report, _ = cli_json("check", path, "--lang", "de", "--warn-unused-ignores", "--ignore", "GL005",
                               "--fail-on", "error")
    unused = [(f["line"], f["column"], f["severity"], f["message"]) for f in report["findings"] if f["rule"] == "GL000"]
    assert unused == [
        (1, 6, "warning", "'mtcheck: ignore GL001' suppresses no GL001 finding: remove it"),
        (3, 6, "warning", ("'mtcheck: ignroe GL001' is not understood: unknown action 'ignroe' "
                           "(use ignore, disable, enable)")),
        (4, 6, "warning", "'mtcheck: ignore GL999' names no known rule: 'GL999'"),
        (6, 6, "warning", "'mtcheck: ignore GL001 GL003' suppresses no GL003 finding: remove GL003"),
        (10, 6, "warning", "'mtcheck: ignore' suppresses nothing: remove it"),
    ]
    assert [f["line"] for f in report["findings"] if f["rule"] == "GL001"] == [5, 9]
    assert report["summary"]["by_rule"] == {"GL000": 5, "GL001": 2}
    assert code == 1  # the GL001 errors
    # Without the option, directives that do nothing are silent.
    _, report, _ = cli_json("check", path, "--lang", "de")
    assert {f["rule"] for f in report["findings"]} == {"GL001"}


def test_unused_ignore_severity_comes_from_the_configuration(cli_json, tmp_path):
    (tmp_path / "mtcheck.toml").write_text('lang = "de"\nfail-on = "error"\n[severity]\nunused-ignore = "error"\n',
                                           encoding="utf-8")
    path = tmp_path / "a.md"
    path.write_text("<!-- mtcheck: ignore -->\nNichts.\n", encoding="utf-8")
    code, report, _ = cli_json("check", path, "--warn-unused-ignores")
    assert [(f["rule"], f["severity"]) for f in report["findings"]] == [("GL000", "error")]
    assert code == 1


def test_run_scope_findings_are_suppressed_too(cli_json, tmp_path):
    (tmp_path / "a.txt").write_text("Die Massenmobilisierungsarbeit ist wichtig.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("<!-- mtcheck: ignore GL002 -->\nDie Mobilisierung der Massen ist wichtig.\n"
                                    "Die Mobilisierung der Massen ist wichtig.\n", encoding="utf-8")
    _, report, _ = cli_json("check", tmp_path, "--lang", "de", "--consistency", "run", "--select", "GL002",
                            "--warn-unused-ignores")
    found = [(f["path"].rsplit("/", 1)[-1], f["line"], f["rule"]) for f in report["findings"]]
    assert ("b.txt", 2, "GL002") not in found and ("b.txt", 3, "GL002") in found
    assert all(rule != "GL000" for _, _, rule in found)


@pytest.mark.parametrize(("text", "action", "rules", "unknown"), [
    ("mtcheck: ignore", "ignore", None, ()),
    ("mtcheck: ignore all", "ignore", None, ()),
    ("MTCHECK:  Disable GL001,GL002", "disable", {"GL001", "GL002"}, ()),
    ("mtcheck: enable foreign-rendering, GL9", "enable", {"GL003"}, ("GL9",)),
    ("mtcheck: silence GL001", None, None, ()),
])
def test_parse_directive(text, action, rules, unknown):
    directive = parse_directive("a.md", 1, 1, text)
    assert directive.action == action
    assert directive.rules == (frozenset(rules) if rules is not None else None)
    assert directive.unknown == unknown


def test_files_without_directives_or_a_place_for_them_have_none(tmp_path):
    for name, text in (("a.txt", "Nichts.\n"), ("b.tmx", "<tmx/>"), ("c.po", 'msgid ""\nmsgstr ""\n')):
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert read_directives(str(tmp_path / name)).directives == []
