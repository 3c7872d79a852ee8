"""What users of ruff, sqlfluff, Vale and codespell reach for: standard input, excludes on the
command line, statistics, --exit-zero."""
from __future__ import annotations

import subprocess
import sys

from tests.conftest import SEEDS, run_cli

SEED = SEEDS / "002_05a2dbefffaaf20c.txt"
PO = ('msgid ""\nmsgstr ""\n"Language: de\\n"\n\n'
      'msgid "Skilful mass mobilisation"\nmsgstr "Fachkundige Massenmobilisierung"\n')


def _stdin(data: bytes, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mtcheck", "check", "-", "--isolated", "--no-table", *args],
                          input=data, capture_output=True)


def test_standard_input_is_checked_and_named():
    done = _stdin(SEED.read_bytes(), "--lang", "de")
    out = done.stdout.decode()
    assert done.returncode == 1 and out.startswith("-:16:28: error GL001 'Zentralkomitee für Massenmobilisierung'")
    # its format from --stdin-filename, which names it in reports
    done = _stdin(PO.encode(), "--stdin-filename", "ui/de.po")
    assert done.returncode == 1, done.stderr
    assert done.stdout.decode().splitlines()[:2] == [
        "ui/de.po:6:9: error GL001 [Skilful mass mobilisation] 'Fachkundige Massenmobilisierung' is a deprecated "
        "rendering of 'Dân vận khéo'; use 'Geschickte Massenmobilisierung' (fachkundig = expert, qualified: not the "
        "meaning of 'khéo')",
        "    source: Skilful mass mobilisation"]


def test_bad_standard_input_is_one_line_under_its_name():
    done = _stdin(b'msgid "a\n', "--stdin-filename", "x.po")
    assert done.returncode == 2 and done.stderr.decode().splitlines()[-1].startswith("error: x.po:1: ")
    assert b"mtcheck-stdin" not in done.stderr + done.stdout


def test_standard_input_cannot_be_fixed():
    done = _stdin(SEED.read_bytes(), "--lang", "de", "--fix")
    assert done.returncode == 2 and b"not standard input" in done.stderr


def test_exclude_and_extend_exclude(tmp_path, monkeypatch):
    for name in ("a.txt", "b.txt", "drafts/c.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "mtcheck.toml").write_text('exclude = ["a.txt"]\nlang = "de"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def files(*args):
        code, out, err = run_cli("check", ".", "--format", "json", *args)
        import json
        return sorted({f["path"].removeprefix("./") for f in json.loads(out)["findings"]})

    assert files() == ["b.txt", "drafts/c.txt"]
    assert files("--extend-exclude", "drafts") == ["b.txt"]
    assert files("--exclude", "b.txt") == ["a.txt", "drafts/c.txt"]  # replaces the configuration's
    code, _, err = run_cli("check", ".", "--exclude", "[z-a]")
    assert code == 2 and "--exclude" in err and "not a glob" in err


def test_statistics_and_exit_zero():
    code, out, _ = run_cli("check", SEEDS, "--statistics")
    assert code == 1
    assert out.splitlines()[:3] == ["56  GL001  deprecated-rendering  (error)", "16  GL002  inconsistent-rendering  (warning)",
                                    " 8  GL003  foreign-rendering  (error)"]
    assert out.splitlines()[3].startswith("80 findings")
    assert run_cli("check", SEEDS, "--statistics", "--exit-zero")[0] == 0
    assert run_cli("check", SEEDS, "--statistics", "--format", "json")[0] == 2
