"""The README's quick start: two commands, each self-contained (its own virtual environment in
the clone), the second one the command CI runs."""
from __future__ import annotations

import re

from tests.conftest import ROOT


def _quick_start() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Quick start\n\n```sh\n(.*?)```", readme, re.S).group(1)
    return block.strip().splitlines()


def test_two_self_contained_commands():
    lines = _quick_start()
    assert len(lines) == 2
    for line in lines:
        # a new shell has no environment active: each line makes and enters the clone's own
        assert line.startswith("python3 -m venv .venv && . .venv/bin/activate && ")
        # pip keeps its downloads in the clone too
        assert all("--cache-dir .venv/pip-cache" in part for part in line.split("&&") if "pip install" in part)
    assert "mtcheck check seeds/" in lines[0] and lines[1].endswith("python -m pytest -q")
    # torch first, pinned: a bare torch pulls CUDA wheels
    assert lines[1].index("torch==2.13.0") < lines[1].index('-e ".[mt,test]"')


def test_ci_runs_the_readme_test_command():
    assert _quick_start()[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
