"""Configuration: found upward, overridden by the command line, --config, --isolated, and
every mistake in a file as `path:line: message` with exit 2."""
from __future__ import annotations

import json

import pytest

from mtcheck.config import FileSelection, _key_lines, find_config, load_config

DEPRECATED = "Die „Fachkundige Massenmobilisierung“ ist hier.\n"          # GL001, an error
FOREIGN = "Die Bewegung Skilled Mass Mobilization ist hier.\n"             # GL003, an error


@pytest.fixture
def project(tmp_path):
    """A project with a configuration at its top and a text two folders down."""
    root = tmp_path / "project"
    (root / "docs" / "de").mkdir(parents=True)
    text = root / "docs" / "de" / "a.txt"
    text.write_text(DEPRECATED + FOREIGN, encoding="utf-8")
    return root, text


def rules_of(report):
    return sorted({f["rule"] for f in report["findings"]})


def test_mtcheck_toml_is_found_upward_from_a_file(project, cli_json):
    root, text = project
    (root / "mtcheck.toml").write_text('lang = "de"\nselect = ["GL001"]\nfail-on = "error"\n\n'
                                       '[severity]\nGL001 = "warning"\n', encoding="utf-8")
    code, report, _ = cli_json("check", text)
    assert rules_of(report) == ["GL001"]
    assert [f["severity"] for f in report["findings"]] == ["warning"]
    assert report["findings"][0]["lang"] == "de"
    assert code == 0  # a warning, and the file fails only on errors


def test_found_upward_from_a_folder_and_pyproject_table(project, cli_json):
    root, _ = project
    (root / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.mtcheck]\nlang = "de"\n'
                                         'ignore = ["foreign-rendering"]\n', encoding="utf-8")
    code, report, _ = cli_json("check", root / "docs")
    assert code == 1
    assert rules_of(report) == ["GL001"]


def test_mtcheck_toml_wins_over_pyproject_and_a_pyproject_without_the_table_is_passed_over(project, cli_json):
    root, text = project
    (root / "mtcheck.toml").write_text('lang = "de"\nselect = ["GL003"]\n', encoding="utf-8")
    (root / "pyproject.toml").write_text('[tool.mtcheck]\nselect = ["GL001"]\n', encoding="utf-8")
    (root / "docs" / "pyproject.toml").write_text('[tool.black]\nline-length = 99\n', encoding="utf-8")
    assert find_config(text.parent) == root / "mtcheck.toml"
    _, report, _ = cli_json("check", text)
    assert rules_of(report) == ["GL003"]


def test_the_nearest_configuration_wins_and_files_are_not_merged(project, cli_json):
    root, text = project
    (root / "mtcheck.toml").write_text('lang = "de"\nselect = ["GL003"]\n', encoding="utf-8")
    (text.parent / "mtcheck.toml").write_text('select = ["GL001"]\n', encoding="utf-8")
    _, report, _ = cli_json("check", text, "--lang", "de")
    assert rules_of(report) == ["GL001"]


def test_command_line_overrides_the_file(project, cli_json):
    root, text = project
    (root / "mtcheck.toml").write_text('lang = "nb"\nselect = ["GL003"]\nfail-on = "error"\n'
                                       'severity = {GL001 = "info", GL003 = "info"}\n', encoding="utf-8")
    code, report, _ = cli_json("check", text, "--lang", "de", "--select", "GL001", "--fail-on", "info")
    assert rules_of(report) == ["GL001"] and report["findings"][0]["lang"] == "de"
    assert report["findings"][0]["severity"] == "info"  # severity has no option: the file's stays
    assert code == 1
    # --ignore on the command line drops from the file's selection, as ruff layers them.
    _, report, _ = cli_json("check", text, "--lang", "de", "--ignore", "GL003")
    assert report["findings"] == []


def test_format_and_unused_ignores_from_the_file(project, cli):
    root, text = project
    (root / "mtcheck.toml").write_text('lang = "de"\nformat = "json"\nwarn-unused-ignores = true\n',
                                       encoding="utf-8")
    text.write_text("<!-- mtcheck: ignore GL001 -->\nNichts.\n", encoding="utf-8")
    code, out, _ = cli("check", text)
    report = json.loads(out)
    assert rules_of(report) == ["GL000"] and code == 1
    _, out, _ = cli("check", text, "--format", "text", "--no-warn-unused-ignores")
    assert out.startswith("0 findings")


def test_isolated_ignores_every_file(project, cli_json):
    root, text = project
    (root / "mtcheck.toml").write_text('lang = "de"\nselect = ["GL001"]\n', encoding="utf-8")
    _, report, _ = cli_json("check", text, "--isolated", "--lang", "de")
    assert rules_of(report) == ["GL001", "GL003"]


def test_config_names_a_file_and_its_relative_glossaries(project, tmp_path, cli_json):
    _, text = project
    elsewhere = tmp_path / "settings"
    elsewhere.mkdir()
    (elsewhere / "terms.csv").write_text("concept,lang,term,status\nsun,de,Sonne,preferred\n"
                                         "sun,de,Sonnenball,deprecated\n", encoding="utf-8")
    config = elsewhere / "ci.toml"
    config.write_text('lang = "de"\nglossaries = ["terms.csv"]\n', encoding="utf-8")
    text.write_text("Der Sonnenball scheint.\n", encoding="utf-8")
    code, report, _ = cli_json("check", text, "--config", config)
    assert code == 1
    assert [(f["rule"], f["text"]) for f in report["findings"]] == [("GL001", "Sonnenball")]
    code, report, _ = cli_json("scan", text, "--config", config)
    assert [m["concept"] for m in report["matches"]] == ["sun"]


def test_config_and_isolated_exclude_each_other(project, cli):
    root, text = project
    (root / "mtcheck.toml").write_text('lang = "de"\n', encoding="utf-8")
    code, _, err = cli("check", text, "--config", root / "mtcheck.toml", "--isolated")
    assert code == 2 and "--config and --isolated exclude each other" in err


def test_a_missing_config_file_exits_2(project, cli):
    _, text = project
    code, out, err = cli("check", text, "--config", text.parent / "nope.toml")
    assert code == 2 and out == ""
    assert err.strip() == f"error: {text.parent / 'nope.toml'}: no such configuration file"


@pytest.mark.parametrize(("name", "content", "line", "message"), [
    ("mtcheck.toml", 'lang = "de"\n\nlangs = "de"\n', 3, "unknown key 'langs' (did you mean 'lang'?)"),
    ("pyproject.toml", '[project]\nname = "x"\n\n[tool.mtcheck]\nlang = "de"\nseverty = {}\n', 6,
     "unknown key 'severty' in [tool.mtcheck] (did you mean 'severity'?)"),
    ("mtcheck.toml", 'select = "GL001"\n', 1, "'select' must be a list of rule ids or names, not string 'GL001'"),
    ("mtcheck.toml", 'lang = "de"\nwarn-unused-ignores = "yes"\n', 2,
     "'warn-unused-ignores' must be true or false, not string 'yes'"),
    ("mtcheck.toml", 'lang = 7\n', 1, "'lang' must be a language code, not integer 7"),
    ("mtcheck.toml", 'fail-on = "fatal"\n', 1, "'fail-on': unknown severity 'fatal' (use error, warning or info)"),
    ("mtcheck.toml", 'consistency = "folder"\n', 1, "'consistency' must be one of file, run, not 'folder'"),
    ("mtcheck.toml", 'format = "pdf"\n', 1, "'format' must be one of text, json"),
    ("mtcheck.toml", 'select = [\n  "GL001",\n  "GL999",\n]\n', 1, "'select': unknown rule 'GL999'"),
    ("mtcheck.toml", 'glossaries = ["missing.tbx"]\n', 1, "glossary 'missing.tbx' not found"),
    ("pyproject.toml", '[tool.mtcheck]\nlang = "de"\n\n[tool.mtcheck.severity]\nGL001 = "warning"\nGL009 = "error"\n',
     6, "severity: unknown rule 'GL009'"),
    ("mtcheck.toml", 'severity = {GL002 = "fatal"}\n', 1, "severity of GL002: unknown severity 'fatal'"),
    ("mtcheck.toml", 'lang = "de"\nselect = ["GL001"\n', 2, "invalid TOML: Unclosed array"),
    ("mtcheck.toml", 'lang = "de\n', 1, "invalid TOML: "),
])
def test_a_bad_configuration_gives_path_line_and_exit_2(project, cli, name, content, line, message):
    root, text = project
    config = root / name
    config.write_text(content, encoding="utf-8")
    report = root / "report.json"
    code, out, err = cli("check", text, "-o", report, "--format", "json")
    assert code == 2 and out == ""
    assert err.startswith(f"error: {config}:{line}: {message}"), err
    assert err.count("\n") == 1
    assert not report.exists()


def test_a_broken_pyproject_that_does_not_mention_mtcheck_is_not_read(project, cli_json):
    root, text = project
    (root / "pyproject.toml").write_text("[project\nname = \n", encoding="utf-8")
    code, report, _ = cli_json("check", text, "--lang", "de")
    assert code == 1 and rules_of(report) == ["GL001", "GL003"]


def test_one_configuration_per_run_and_a_warning_for_the_others(tmp_path, cli_json):
    for name, select in (("a", "GL001"), ("b", "GL003")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "mtcheck.toml").write_text(f'lang = "de"\nselect = ["{select}"]\n', encoding="utf-8")
        (tmp_path / name / "t.txt").write_text(DEPRECATED + FOREIGN, encoding="utf-8")
    _, report, err = cli_json("check", tmp_path / "a", tmp_path / "b")
    assert rules_of(report) == ["GL001"]
    assert f"warning: one configuration per run: {tmp_path / 'a' / 'mtcheck.toml'} is used, not " \
           f"{tmp_path / 'b' / 'mtcheck.toml'}" in err


def test_include_and_exclude_apply_to_folders_not_to_named_files(tmp_path, cli_json):
    for name in ("docs/a.md", "docs/drafts/b.md", "docs/c.txt", "vendor/d.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(DEPRECATED, encoding="utf-8")
    config = tmp_path / "mtcheck.toml"
    config.write_text('lang = "de"\ninclude = ["*.md"]\nexclude = ["drafts", "/vendor/"]\n', encoding="utf-8")

    def checked(*paths):
        _, report, _ = cli_json("check", *paths)
        return sorted(str(tmp_path.joinpath(f["path"]).relative_to(tmp_path)) for f in report["findings"])

    assert checked(tmp_path) == ["docs/a.md"]
    assert checked(tmp_path / "docs" / "drafts" / "b.md", tmp_path / "vendor") == ["docs/drafts/b.md"]
    config.write_text('lang = "de"\nexclude = ["docs/**/b.md"]\nforce-exclude = true\n', encoding="utf-8")
    assert checked(tmp_path / "docs" / "drafts" / "b.md", tmp_path / "docs" / "a.md") == ["docs/a.md"]


def test_globs(tmp_path):
    selection = FileSelection(tmp_path, ["docs/**/*.md", "*.po"], ["**/old/*", "tmp?.md"])
    accepted = [p for p in ("docs/a.md", "docs/x/y/a.md", "a.md", "de/x.po", "docs/old/a.md", "docs/tmp1.md",
                            "docs/a.txt") if selection.accepts(str(tmp_path / p))]
    assert accepted == ["docs/a.md", "docs/x/y/a.md", "de/x.po"]


def test_key_lines_follow_tables_dotted_keys_and_skip_multiline_strings():
    text = ('[tool.mtcheck]\nlang = "de"\nnote = """\nfail-on = 1\n"""\n"fail-on" = "error"\n'
            'severity.GL001 = "info"\n\n[tool.mtcheck.severity]\nGL002 = "warning"\n')
    lines = _key_lines(text, ("tool", "mtcheck"))
    assert lines[()] == 1 and lines[("lang",)] == 2 and lines[("fail-on",)] == 6
    assert lines[("severity",)] == 7 and lines[("severity", "GL001")] == 7 and lines[("severity", "GL002")] == 10


def test_load_config_resolves_glossaries_from_its_folder(tmp_path):
    (tmp_path / "g").mkdir()
    (tmp_path / "g" / "terms.tbx").write_text("", encoding="utf-8")
    (tmp_path / "mtcheck.toml").write_text('glossaries = ["g/terms.tbx"]\n', encoding="utf-8")
    config = load_config(tmp_path / "mtcheck.toml")
    assert config.get("glossaries") == [str(tmp_path / "g" / "terms.tbx")]


def test_a_found_file_is_named_as_the_paths_were(project, cli, monkeypatch):
    root, text = project
    (root / "mtcheck.toml").write_text('lang = "de"\nlangs = "de"\n', encoding="utf-8")
    monkeypatch.chdir(text.parent)
    code, _, err = cli("check", "a.txt")
    assert code == 2 and err.startswith("error: ../../mtcheck.toml:2: unknown key 'langs'")
    code, _, err = cli("check", text)
    assert err.startswith(f"error: {root / 'mtcheck.toml'}:2: ")
