"""`codearena judge` as a user runs it: a real process, real Docker."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from codearena.paths import PROBLEMS_DIR, ROOT


def codearena(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "codearena.cli", *args], capture_output=True, text=True, cwd=ROOT, timeout=300
    )


@pytest.mark.docker
def test_judge_prints_each_test_and_the_verdict() -> None:
    proc = codearena("judge", "a-plus-b", str(PROBLEMS_DIR / "a-plus-b" / "solutions" / "accepted.cpp"))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert sum(line.strip().startswith("test ") for line in lines) == 10
    assert lines[-1].startswith("accepted: 10/10 tests passed")


@pytest.mark.docker
def test_judge_json_has_the_submission_fields(tmp_path: Path) -> None:
    source = tmp_path / "wrong.py"
    source.write_text("print(0)\n")
    proc = codearena("judge", str(PROBLEMS_DIR / "a-plus-b"), str(source), "--json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["verdict"] == "wrong_answer"
    assert {"verdict", "passed", "total", "time_ms", "memory_kb", "compile_output", "tests"} <= set(result)
    assert result["total"] == 10 and len(result["tests"]) == 10
    assert {"index", "verdict", "time_ms", "memory_kb"} <= set(result["tests"][0])


def test_judge_refuses_what_it_cannot_judge(tmp_path: Path) -> None:
    source = tmp_path / "x.py"
    source.write_text("print(1)\n")
    unknown = codearena("judge", "no-such-problem", str(source))
    assert unknown.returncode == 2 and "no such problem" in unknown.stderr
    missing = codearena("judge", "a-plus-b", str(tmp_path / "absent.py"))
    assert missing.returncode == 2 and "cannot read" in missing.stderr
    odd = tmp_path / "x.cobol"
    odd.write_text("DISPLAY 1.\n")
    unknown_language = codearena("judge", "a-plus-b", str(odd))
    assert unknown_language.returncode == 2 and "--language" in unknown_language.stderr


def test_check_problems_passes_on_the_bundled_set() -> None:
    proc = codearena("check-problems")
    assert proc.returncode == 0, proc.stderr
    assert "ok: a-plus-b: 10 tests (2 samples)" in proc.stdout
