"""Bad input never ends in a traceback, a hang or a silent loss: each problem is one line
naming the file (and line where known), the rest of the run is still checked, exit code 2."""
from __future__ import annotations

import contextlib
import errno
import os
import socket
import stat
import threading
from pathlib import Path

import pytest
from conftest import run_cli

DEPRECATED_DE = "Die Fachkundige Massenmobilisierung wurde gelobt.\n"
FOUND = "GL001 'Fachkundige Massenmobilisierung'"


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
