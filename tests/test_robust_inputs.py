"""Bad input never ends in a traceback, a hang or a silent loss: each problem is one line
naming the file (and line where known), the rest of the run is still checked, exit code 2."""
from __future__ import annotations

import builtins
import contextlib
import errno
import json
import os
import socket
import stat
import threading
from pathlib import Path

import pytest
from conftest import run_cli

DEPRECATED_DE = "Die Fachkundige Massenmobilisierung wurde gelobt.\n"
FOUND = "error GL001 'Fachkundige Massenmobilisierung'"


def check(*args) -> tuple[int, str, str]:
    return run_cli("check", *args, "--lang", "de", "--no-table", "--isolated")


def one_line_each(err: str) -> list[str]:
    lines = err.splitlines()
    assert all(line.startswith(("warning: ", "error: ")) for line in lines), err
    assert "Traceback" not in err
    return lines


@contextlib.contextmanager
def fifo_guard(fifo: Path, after: float = 5.0):
    """Unblocks a reader stuck on `fifo` after `after` seconds (so a failing test ends) and
    tells whether one was: opening a FIFO's writing end without blocking works only while
    someone has it open for reading."""
    done, blocked = threading.Event(), []

    def watch():
        if done.wait(after):
            return
        try:
            handle = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:
            return
        blocked.append(True)
        os.close(handle)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        yield blocked
    finally:
        done.set()
        watcher.join()


@pytest.fixture
def folder(tmp_path):
    """A folder with one German file that has a finding."""
    path = tmp_path / "d"
    path.mkdir()
    (path / "a.txt").write_text(DEPRECATED_DE, encoding="utf-8")
    return path


# -- file discovery ------------------------------------------------------------------------------
def test_fifo_in_a_folder_is_skipped_with_a_warning(folder):
    fifo = folder / "pipe.txt"
    os.mkfifo(fifo)
    with fifo_guard(fifo) as blocked:
        code, out, err = check(folder)
    assert not blocked, "the run opened the FIFO and waited for a writer"
    assert code == 1
    assert f"{folder / 'a.txt'}:1:5: {FOUND}" in out
    assert one_line_each(err) == [f"warning: {fifo}: not a regular file (a FIFO), skipped"]


def test_fix_reads_the_files_twice_but_warns_once(folder):
    os.mkfifo(folder / "pipe.txt")
    code, out, err = check(folder, "--fix")
    assert code == 0
    assert err.splitlines() == [f"warning: {folder / 'pipe.txt'}: not a regular file (a FIFO), skipped",
                                "fixed 1 finding in 1 file"]


def test_fifo_named_on_the_command_line_is_an_error(folder):
    fifo = folder / "pipe.txt"
    os.mkfifo(fifo)
    with fifo_guard(fifo) as blocked:
        code, out, err = check(fifo, folder / "a.txt")
    assert not blocked
    assert code == 2
    assert FOUND in out  # the other file is still checked
    assert f"error: {fifo}: not a regular file (a FIFO)" in one_line_each(err)


@pytest.mark.parametrize(("device", "kind"), [("/dev/null", "a character device"), ("/dev/zero", "a character device")])
def test_symlink_to_a_device_in_a_folder_is_skipped(folder, device, kind):
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    (folder / "device.txt").symlink_to(device)
    code, out, err = check(folder)
    assert code == 1
    assert FOUND in out
    assert one_line_each(err) == [f"warning: {folder / 'device.txt'}: not a regular file ({kind}), skipped"]


def test_device_named_on_the_command_line_is_an_error(folder):
    code, out, err = check("/dev/null", folder)
    assert code == 2
    assert FOUND in out
    assert one_line_each(err) == ["error: /dev/null: not a regular file (a character device)"]


def test_socket_in_a_folder_is_skipped(folder, monkeypatch):
    monkeypatch.chdir(folder.parent)  # a socket's path is short: 108 bytes at most
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind("d/socket.txt")
        code, out, err = check("d")
    finally:
        server.close()
    assert code == 1
    assert one_line_each(err) == ["warning: d/socket.txt: not a regular file (a socket), skipped"]


def test_symlink_loop_between_files(folder):
    (folder / "x.txt").symlink_to("y.txt")
    (folder / "y.txt").symlink_to("x.txt")
    code, out, err = check(folder)
    assert code == 1
    assert FOUND in out
    assert one_line_each(err) == [f"warning: {folder / 'x.txt'}: symbolic link loop, skipped",
                                  f"warning: {folder / 'y.txt'}: symbolic link loop, skipped"]
    code, out, err = check(folder / "x.txt", folder / "a.txt")
    assert code == 2
    assert FOUND in out
    assert one_line_each(err) == [f"error: {folder / 'x.txt'}: symbolic link loop"]


def test_broken_symlink_in_a_folder_is_skipped(folder):
    (folder / "gone.txt").symlink_to("nowhere.txt")
    code, _, err = check(folder)
    assert code == 1
    assert one_line_each(err) == [f"warning: {folder / 'gone.txt'}: broken symbolic link, skipped"]


def test_folder_symlink_to_its_parent_is_walked_once(folder):
    (folder / "sub").mkdir()
    (folder / "sub" / "b.txt").write_text(DEPRECATED_DE, encoding="utf-8")
    (folder / "sub" / "up").symlink_to("..")
    code, out, err = check(folder)
    assert code == 1
    assert out.count(FOUND) == 2  # a.txt and sub/b.txt, each once
    assert one_line_each(err) == [f"warning: {folder / 'sub' / 'up'}: symbolic link loop (back to {folder}), skipped"]


def test_folder_symlinks_are_followed(tmp_path, folder):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "b.txt").write_text(DEPRECATED_DE, encoding="utf-8")
    (folder / "linked").symlink_to(outside)
    code, out, err = check(folder)
    assert code == 1
    assert f"{folder / 'linked' / 'b.txt'}:1:5: {FOUND}" in out
    assert err == ""


def test_unreadable_folder_is_an_error(folder, monkeypatch):
    locked = folder / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(DEPRECATED_DE, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, out, err = check(folder)
    assert code == 2
    assert f"{folder / 'a.txt'}:1:5: {FOUND}" in out  # the rest is still checked
    assert one_line_each(err) == [f"error: {locked}: cannot read the folder: Permission denied"]
    code, out, err = check(locked, folder / "a.txt")
    assert code == 2
    assert one_line_each(err) == [f"error: {locked}: cannot read the folder: Permission denied"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any folder")
def test_unreadable_folder_by_its_permissions(folder):
    locked = folder / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        code, out, err = check(folder)
    finally:
        locked.chmod(stat.S_IRWXU)
    assert code == 2
    assert FOUND in out
    assert one_line_each(err) == [f"error: {locked}: cannot read the folder: Permission denied"]


def test_missing_path_is_an_error_and_the_rest_is_checked(folder, tmp_path):
    missing = tmp_path / "missing.txt"
    code, out, err = check(missing, folder)
    assert code == 2
    assert f"{folder / 'a.txt'}:1:5: {FOUND}" in out
    assert "1 finding (1 error) in 1 file" in out
    assert one_line_each(err) == [f"error: {missing}: no such file or directory"]


def test_discovery_problems_come_in_a_stable_order(folder, tmp_path):
    os.mkfifo(folder / "p1.txt")
    os.mkfifo(folder / "p0.txt")
    (folder / "x.txt").symlink_to("x.txt")
    runs = [check(tmp_path / "missing", folder) for _ in range(2)]
    assert runs[0] == runs[1]
    assert one_line_each(runs[0][2]) == [
        f"error: {tmp_path / 'missing'}: no such file or directory",
        f"warning: {folder / 'p0.txt'}: not a regular file (a FIFO), skipped",
        f"warning: {folder / 'p1.txt'}: not a regular file (a FIFO), skipped",
        f"warning: {folder / 'x.txt'}: symbolic link loop, skipped",
    ]


def test_excluded_folders_are_not_walked(folder):
    (folder / "mtcheck.toml").write_text('exclude = ["private/"]\n', encoding="utf-8")
    private = folder / "private"
    private.mkdir()
    os.mkfifo(private / "pipe.txt")
    (private / "b.txt").write_text(DEPRECATED_DE, encoding="utf-8")
    code, out, err = run_cli("check", folder, "--lang", "de", "--no-table")
    assert code == 1
    assert out.count(FOUND) == 1
    assert err == ""


# -- configuration -------------------------------------------------------------------------------
def config_run(folder: Path, toml: str) -> tuple[int, str, str]:
    (folder / "mtcheck.toml").write_text(toml, encoding="utf-8")
    return run_cli("check", folder / "a.txt", "--lang", "de", "--no-table")


def test_config_in_a_folder_that_cannot_be_searched_is_passed_over(folder, monkeypatch):
    """A folder above that cannot be searched holds no configuration that can be seen (as
    for a run in a folder whose parent is chmod 000: its own files are readable)."""
    (folder.parent / "mtcheck.toml").write_text("not = [valid\n", encoding="utf-8")
    hidden = {str(folder.parent / "mtcheck.toml"), str(folder.parent / "pyproject.toml")}
    real_stat = os.stat

    def stat_(path, *args, **kwargs):
        if os.fspath(path) in hidden:
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat_)
    code, out, err = run_cli("check", folder / "a.txt", "--lang", "de", "--no-table")
    assert (code, err) == (1, "")
    assert FOUND in out


def refuse_to_open(monkeypatch, refused: Path) -> None:
    """Opening `refused` fails as it does without read permission (which root has anyway)."""
    def refusing(opener):
        def patched(path, *args, **kwargs):
            if isinstance(path, (str, os.PathLike)) and os.fspath(path) == str(refused):
                raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
            return opener(path, *args, **kwargs)
        return patched

    monkeypatch.setattr(builtins, "open", refusing(builtins.open))
    monkeypatch.setattr(os, "open", refusing(os.open))


def test_config_that_cannot_be_read_is_an_error(folder, monkeypatch):
    config = folder / "mtcheck.toml"
    config.write_text('lang = "de"\n', encoding="utf-8")
    refuse_to_open(monkeypatch, config)
    code, out, err = run_cli("check", folder / "a.txt", "--no-table")
    assert (code, out) == (2, "")
    assert one_line_each(err) == [f"error: {config}: cannot read: Permission denied"]


@pytest.mark.parametrize("glob", ["[z-a]", "x[a--z].txt"])
@pytest.mark.parametrize("key", ["include", "exclude"])
def test_glob_that_is_no_pattern_is_an_error_at_its_line(folder, key, glob):
    code, out, err = config_run(folder, f'# globs\n{key} = ["*.md", {glob!r}]\n')
    assert (code, out) == (2, "")
    assert one_line_each(err) == [
        f"error: {folder / 'mtcheck.toml'}:2: '{key}': {glob!r} is not a glob: "
        + ("bad character range z-a" if glob == "[z-a]" else "bad character range a--")]


@pytest.mark.parametrize("glob", ["x[[:alpha:]].txt", "[a&&b].txt", "[a||b].txt", "[a~~b].txt", "[+--].txt"])
def test_glob_set_characters_are_plain_and_never_warn(folder, glob, recwarn):
    code, out, err = config_run(folder, f"exclude = [{glob!r}]\n")
    assert code == 1
    assert err == ""
    assert not [w for w in recwarn if issubclass(w.category, FutureWarning)]


def test_deeply_nested_toml_is_an_error(folder):
    code, out, err = config_run(folder, "a = " + "[" * 100_000 + "\n")
    assert (code, out) == (2, "")
    assert one_line_each(err) == [f"error: {folder / 'mtcheck.toml'}: invalid TOML: arrays or tables nested too deeply"]


def test_deeply_nested_pyproject_is_an_error(folder):
    (folder / "pyproject.toml").write_text("[tool.mtcheck]\na = " + "{b = " * 100_000 + "\n", encoding="utf-8")
    code, out, err = run_cli("check", folder / "a.txt", "--lang", "de", "--no-table")
    assert (code, out) == (2, "")
    assert one_line_each(err) == [f"error: {folder / 'pyproject.toml'}: invalid TOML: arrays or tables nested too deeply"]


def test_quoted_key_with_a_toml_escape_is_named_at_its_line(folder):
    code, out, err = config_run(folder, '# keys\n"l\\U00000061ng" = "de"\n"\\u00e9" = 1\n')
    assert (code, out) == (2, "")
    assert one_line_each(err) == [f"error: {folder / 'mtcheck.toml'}:3: unknown key 'é'; known keys: "
                                  + ", ".join(__import__("mtcheck.config").config.KEYS)]


def test_glossary_path_with_a_nul_is_not_found(folder):
    code, out, err = config_run(folder, 'glossaries = ["a\\u0000b.tbx"]\n')
    assert (code, out) == (2, "")
    assert len(one_line_each(err)) == 1
    assert err.startswith(f"error: {folder / 'mtcheck.toml'}:1: glossary 'a\\x00b.tbx' not found")


# -- baseline ------------------------------------------------------------------------------------
BASELINE_HEAD = '{"version": 1, "tool": {"name": "mtcheck"}, "findings": ['


@pytest.mark.parametrize(("content", "message"), [
    ("[" * 100_000, "not a baseline: arrays or objects nested too deeply"),
    ('{"version": 1, "findings": [' + '{"a": ' * 100_000, "not a baseline: arrays or objects nested too deeply"),
    ('{"version": 1, "findings": [], "n": ' + "1" * 5000 + "}", "not a baseline: a number too long to read"),
    ("fingerprints, one a line\n", "1: not a baseline: invalid JSON: Expecting value"),
    ("", "1: not a baseline: invalid JSON: Expecting value"),
    ('["findings"]', '1: not a baseline: expected an object with a "findings" list'),
    ('{"version": 1}', '1: not a baseline: expected an object with a "findings" list'),
    ('{"version": 1, "findings": {"a": 1}}', '1: not a baseline: expected an object with a "findings" list'),
    ('{"findings": []}', "1: baseline version None is not supported (this mtcheck reads version 1)"),
    ('{"version": true, "findings": []}', "1: baseline version True is not supported (this mtcheck reads version 1)"),
    ('{"version": "1", "findings": []}', "1: baseline version '1' is not supported (this mtcheck reads version 1)"),
    (BASELINE_HEAD + '\n  {"fingerprint": "ab"},\n  {"rule": "GL001"}\n]}', "3: baseline entry 2 has no fingerprint"),
    (BASELINE_HEAD + '\n  {"fingerprint": 12}\n]}', "2: baseline entry 1 has no fingerprint"),
    (BASELINE_HEAD + '\n  ["fingerprint"]\n]}', "1: baseline entry 1 has no fingerprint"),
    (BASELINE_HEAD + '\n  null\n]}', "1: baseline entry 1 has no fingerprint"),
])
def test_malformed_baseline_is_one_line_naming_it(folder, content, message):
    baseline = folder.parent / "baseline.json"
    baseline.write_text(content, encoding="utf-8")
    code, out, err = check(folder, "--baseline", baseline)
    assert (code, out) == (2, "")
    where = f"{baseline}:" if message[0].isdigit() else f"{baseline}: "  # with the line where it is known
    assert one_line_each(err) == [f"error: {where}{message}"]


# -- reports of file names that do not decode ----------------------------------------------------
FORMATS = ["text", "json", "html", "sarif", "junit", "github"]


@pytest.fixture
def undecodable(tmp_path, monkeypatch):
    """docs/caf\\xe9.txt (Latin-1 bytes in a UTF-8 system: Python names it 'caf\\udce9.txt')
    with a finding, and docs/na\\xefve.txt that cannot be read; the working folder above."""
    if os.fsencode("caf\udce9") != b"caf\xe9":
        pytest.skip("file names are not bytes here")
    monkeypatch.chdir(tmp_path)
    os.mkdir("docs")
    with open(b"docs/caf\xe9.txt", "wb") as handle:
        handle.write(DEPRECATED_DE.encode("utf-8"))
    with open(b"docs/na\xefve.txt", "wb") as handle:
        handle.write(b"Fachkundige \xff\n")
    return Path("docs")


def report_of(*args) -> tuple[int, str, str]:
    """A run's report as written to -o (read as strict UTF-8), and its stderr."""
    code, stdout, err = run_cli(*args, "-o", "report.out", "--isolated")
    assert stdout == ""
    return code, Path("report.out").read_bytes().decode("utf-8"), err


@pytest.mark.parametrize("fmt", FORMATS)
def test_report_names_an_undecodable_file_with_replacement_characters(undecodable, fmt):
    runs = [report_of("check", undecodable, "--lang", "de", "--format", fmt) for _ in range(2)]
    assert runs[0] == runs[1]  # the same bytes every time
    code, report, err = runs[0]
    assert code == 2
    assert err == "error: docs/na\udcefve.txt:1: cannot decode as utf-8 (byte 0xff)\n"
    assert "\ufffd" in report and "Fachkundige Massenmobilisierung" in report
    if fmt == "json":
        data = json.loads(report)
        assert [f["path"] for f in data["findings"]] == ["docs/caf\ufffd.txt"]
        assert data["summary"]["errors"] == ["docs/na\ufffdve.txt:1: cannot decode as utf-8 (byte 0xff)"]
    elif fmt == "sarif":
        run = json.loads(report)["runs"][0]
        location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location == {"uri": "docs/caf%E9.txt", "uriBaseId": "%SRCROOT%"}  # the name's bytes
        assert run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"].startswith(
            "docs/na\ufffdve.txt:1:")
    elif fmt == "text":
        assert report.startswith("docs/caf\ufffd.txt:1:5: error GL001 ")
    elif fmt == "github":
        assert report.startswith("::error file=docs/caf\ufffd.txt,line=1,")
    else:
        assert "docs/caf\ufffd.txt" in report


def test_sarif_uri_of_an_undecodable_file_outside_the_working_folder(undecodable, tmp_path, monkeypatch):
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    code, report, _ = report_of("check", tmp_path / "docs" / "caf\udce9.txt", "--lang", "de", "--format", "sarif")
    assert code == 1
    location = json.loads(report)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": (tmp_path / "docs").as_uri() + "/caf%E9.txt"}


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_scan_names_an_undecodable_file(undecodable, fmt):
    code, report, err = report_of("scan", undecodable, "--lang", "de", "--format", fmt)
    assert code == 2
    assert "docs/caf\ufffd.txt:1:5" in report if fmt == "text" else '"path":"docs/caf\ufffd.txt"' in report
    if fmt == "json":
        assert json.loads(report)["errors"] == ["docs/na\ufffdve.txt:1: cannot decode as utf-8 (byte 0xff)"]


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_discover_names_an_undecodable_file(undecodable, fmt):
    code, report, err = report_of("discover", undecodable, "--lang", "de", "--format", fmt)
    assert code == 2
    if fmt == "json":
        assert json.loads(report)["summary"]["errors"] == ["docs/na\ufffdve.txt:1: cannot decode as utf-8 (byte 0xff)"]


def test_text_report_on_a_strict_utf8_stdout(undecodable):
    import subprocess
    import sys

    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}
    done = subprocess.run([sys.executable, "-m", "mtcheck", "check", "docs/caf\udce9.txt", "--lang", "de",
                           "--no-table", "--isolated"], capture_output=True, env=env, timeout=120)
    assert (done.returncode, done.stderr) == (1, b"")
    assert done.stdout.decode("utf-8").startswith("docs/caf\ufffd.txt:1:5: error GL001 ")


def test_baseline_of_an_undecodable_file(undecodable):
    code, _, err = run_cli("check", "docs/caf\udce9.txt", "--lang", "de", "--write-baseline", "b.json", "--isolated")
    assert (code, err) == (0, "baseline: 1 finding written to b.json\n")
    entry = json.loads(Path("b.json").read_bytes().decode("utf-8"))["findings"][0]
    assert entry["path"] == "docs/caf\ufffd.txt"
    code, out, err = run_cli("check", "docs/caf\udce9.txt", "--lang", "de", "--baseline", "b.json", "--isolated",
                             "--no-table")
    assert (code, err) == (0, "baseline: 1 finding held back by b.json; 0 of its entries match nothing now\n")
    assert "0 findings" in out


# -- suppression directives ----------------------------------------------------------------------
def directives_run(tmp_path, content: bytes, *args) -> tuple[int, str, str, float]:
    import time

    path = tmp_path / "notes.md"
    path.write_bytes(content)
    started = time.perf_counter()
    code, out, err = run_cli("check", path, "--lang", "de", "--no-table", "--isolated", *args)
    return code, out.replace(str(path), "notes.md"), err.replace(str(path), "notes.md"), time.perf_counter() - started


def test_long_line_of_unclosed_comments_is_read_in_linear_time(tmp_path):
    # Each `<!--` without a `-->` used to be scanned to the line's end, and each blank again.
    garbage = "<!-- mtcheck:" + " " * 80_000 + "<!--mtcheck:" * 1_000  # was some 10 s, is some 0.1 s
    content = f"{garbage}\n<!-- mtcheck: ignore GL001 -->\n{DEPRECATED_DE}{DEPRECATED_DE}".encode()
    code, out, err, seconds = directives_run(tmp_path, content)
    assert seconds < 4
    assert (code, err) == (1, "")
    assert out.splitlines()[0].startswith(f"notes.md:4:5: {FOUND}")  # line 3 is silenced
    assert "1 finding (1 error) in 1 file" in out


def test_directive_after_a_comment_opening_inside_another_comment(tmp_path):
    content = f"{DEPRECATED_DE.strip()} <!-- note <!-- mtcheck: ignore GL001 -->\n{DEPRECATED_DE}".encode()
    code, out, err, _ = directives_run(tmp_path, content)
    assert (code, err) == (1, "")
    assert [line.split(" error GL001")[0] for line in out.splitlines() if " GL001 " in line] == ["notes.md:2:5:"]


@pytest.mark.parametrize(("directive", "message"), [
    ("<!-- mtcheck: frobnicate GL001 -->",
     "'mtcheck: frobnicate GL001' is not understood: unknown action 'frobnicate' (use ignore, disable, enable)"),
    ("<!-- mtcheck: -->", "'mtcheck:' is not understood: unknown action '' (use ignore, disable, enable)"),
    ("<!-- mtcheck: ignore GL001 \u0000\u200b <!-- x -->", "'mtcheck: ignore GL001 \u0000\u200b <!-- x' names no known rule: "
     + ", ".join(map(repr, ["\u0000\u200b", "<!--", "x"]))),
    ("<!-- MTCHECK: IGNORE " + "gl001, " * 20_000 + "-->", None),
    ("<!-- mtcheck: enable -->", "'mtcheck: ignore GL001' suppresses no GL001 finding: remove it"),
])
def test_garbage_directives_are_reported_not_raised(tmp_path, directive, message):
    content = f"<!-- mtcheck: ignore GL001 -->\nDas Treffen war gut.\n{directive}\n{DEPRECATED_DE}".encode()
    code, out, err, _ = directives_run(tmp_path, content, "--warn-unused-ignores")
    assert err == ""
    gl000 = [line for line in out.splitlines() if " GL000 " in line]
    if message is None:  # a huge, valid directive: it silences the line after it
        assert code == 1 and FOUND not in out
        assert gl000 == ["notes.md:1:6: warning GL000 'mtcheck: ignore GL001' suppresses no GL001 finding: remove it"]
    else:
        assert code == 1
        assert any(line.endswith(message) for line in gl000), gl000


@pytest.mark.parametrize(("content", "line"), [
    (b"<!-- mtcheck: ignore GL\xe9001 -->\n" + DEPRECATED_DE.encode(), 1),
    (b"<!-- mtcheck: ignore GL001 -->\n" + DEPRECATED_DE.encode() + b"\xff\xfe\n", 3),
])
def test_undecodable_bytes_near_directives_are_one_line(tmp_path, content, line):
    code, out, err, _ = directives_run(tmp_path, content, "--warn-unused-ignores")
    assert code == 2
    assert one_line_each(err) == [f"error: notes.md:{line}: cannot decode as utf-8 (byte 0x{'e9' if line == 1 else 'ff'})"]


# -- baseline and configuration files that are no regular files ----------------------------------
@pytest.mark.parametrize("option", ["--baseline", "--config"])
def test_fifo_as_baseline_or_configuration_is_an_error(folder, option):
    fifo = folder.parent / "named-pipe"
    os.mkfifo(fifo)
    with fifo_guard(fifo) as blocked:
        code, out, err = run_cli("check", folder, "--lang", "de", option, fifo)
    assert not blocked, "the run opened the FIFO and waited for a writer"
    assert (code, out) == (2, "")
    assert one_line_each(err) == [f"error: {fifo}: not a regular file (a FIFO)"]


@pytest.mark.parametrize("option", ["--baseline", "--config"])
def test_device_as_baseline_or_configuration_is_an_error(folder, option):
    code, out, err = run_cli("check", folder, "--lang", "de", option, "/dev/zero")
    assert (code, out) == (2, "")
    assert one_line_each(err) == ["error: /dev/zero: not a regular file (a character device)"]


def test_fifo_found_as_configuration_is_an_error(folder):
    os.mkfifo(folder / "mtcheck.toml")
    with fifo_guard(folder / "mtcheck.toml") as blocked:
        code, out, err = run_cli("check", folder, "--lang", "de")
    assert not blocked
    assert (code, out) == (2, "")
    assert one_line_each(err) == [f"error: {folder / 'mtcheck.toml'}: not a regular file (a FIFO)"]


def test_folder_as_baseline_is_a_usage_error(folder):
    code, out, err = run_cli("check", folder, "--lang", "de", "--baseline", folder)
    assert (code, out) == (2, "")
    assert one_line_each(err) == [f"error: Invalid value for '--baseline': File '{folder}' is a directory. "
                                  "(see 'mtcheck check --help')"]


# -- long lines and long segments ----------------------------------------------------------
@pytest.mark.parametrize("lone_cr", [True, False])
def test_lines_longer_than_a_read_chunk_come_whole_with_every_line_end(tmp_path, lone_cr):
    from mtcheck.textio import iter_lines

    long = "Die Vaterlandsfront wächst. " * 400
    text = f"{long}\r\n{long}\r{long}\n\n{long}é\r" + "kurz\n" + long
    path = tmp_path / "long.txt"
    path.write_bytes(text.encode("utf-8"))
    expected = (text.replace("\r\n", "\n").replace("\r", "\n") if lone_cr else text.replace("\r\n", "\n")).split("\n")
    if not lone_cr:
        expected = [line[:-1] if line.endswith("\r") and i == len(expected) - 1 else line
                    for i, line in enumerate(expected)]
    for chunk_size in (7, 64, 1000, 1 << 20):
        assert list(iter_lines(path, chunk_size=chunk_size, lone_cr=lone_cr)) == expected, chunk_size


def test_every_position_in_a_long_segment_is_its_line_and_column():
    from mtcheck.model import Segment

    text = ("Die Vaterlandsfront wächst.\n" * 300) + "x" * 5000 + "\nEnde"
    segment = Segment(text, "t.po", line=7, column=9)
    for start in range(0, len(text), 97):
        end = min(len(text), start + 31)
        where = segment.locate(start, end)
        for index, line, column in ((start, where.line, where.column), (end, where.end_line, where.end_column)):
            breaks = text.count("\n", 0, index)
            assert line == 7 + breaks
            assert column == (9 + index if not breaks else index - text.rfind("\n", 0, index))
            assert segment.offset(line, column) == index
