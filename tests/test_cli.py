"""`codearena judge` as a user runs it: a real process, real Docker."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import docker_unavailable

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
    proc = codearena("check-problems", "--no-judge")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "ok: a-plus-b: 10 tests (2 samples)" in proc.stdout
    assert "FAIL" not in proc.stdout and proc.stdout.splitlines()[-1].endswith("all ok")


GOOD_YAML = "title: T\ndifficulty: easy\ntime_limit_ms: 1000\nmemory_limit_mb: 64\n"


def problem_folder(root: Path, slug: str, yaml_text: str, solutions: dict[str, str] | None = None) -> Path:
    """A problem folder with one sample test (echo a number) and the given solution files."""
    folder = root / slug
    (folder / "tests" / "sample").mkdir(parents=True)
    (folder / "tests" / "sample" / "1.in").write_text("7\n")
    (folder / "tests" / "sample" / "1.ans").write_text("7\n")
    (folder / "statement.md").write_text("Print the number you read.\n")
    (folder / "problem.yaml").write_text(yaml_text)
    if solutions:
        (folder / "solutions").mkdir()
        for name, source in solutions.items():
            (folder / "solutions" / name).write_text(source)
    return folder


def test_check_problems_reports_a_yaml_error_with_its_file_and_line(tmp_path: Path) -> None:
    folder = problem_folder(
        tmp_path, "broken", "title: T\ndifficulty: easy\ntime_limit_ms: [1000\nmemory_limit_mb: 64\n"
    )
    proc = codearena("check-problems", "--no-judge", str(folder))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    # The scanner notices the unclosed flow sequence where the next key starts, on line 4.
    assert f"FAIL: {folder / 'problem.yaml'}:4: expected valid YAML" in proc.stdout
    assert "flow sequence that starts on line 3" in proc.stdout


def test_check_problems_names_every_unknown_key_and_checks_the_other_folders(tmp_path: Path) -> None:
    problem_folder(tmp_path, "good", GOOD_YAML)
    typos = problem_folder(tmp_path, "typos", GOOD_YAML + "colour: red\nchecker: {type: tokens, tolerance: 1}\n")
    proc = codearena("check-problems", "--no-judge", str(tmp_path))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    yaml_path = typos / "problem.yaml"
    assert f"FAIL: {yaml_path}:5: colour: expected one of the known keys (title, difficulty," in proc.stdout
    assert f"FAIL: {yaml_path}:6: checker.tolerance: expected one of the known keys (type, abs_tol," in proc.stdout
    assert "ok: good: 1 test (1 sample), 0 reference solutions" in proc.stdout
    assert "ok: typos" not in proc.stdout
    assert proc.stdout.splitlines()[-1] == "2 problem folders: 2 failures"


def test_check_problems_reports_a_reference_solution_missing_on_disk(tmp_path: Path) -> None:
    yaml_text = GOOD_YAML + "solutions:\n  echo.py: accepted\n  gone.py: wrong_answer\n"
    folder = problem_folder(tmp_path, "echo", yaml_text, {"echo.py": "print(input())\n"})
    proc = codearena("check-problems", "--no-judge", str(folder))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    failures = [line for line in proc.stdout.splitlines() if line.startswith("FAIL")]
    assert failures == [
        f"FAIL: {folder / 'problem.yaml'}: solutions.gone.py: expected the file "
        f"{folder / 'solutions' / 'gone.py'}, found no such file"
    ]


def test_check_problems_without_docker_says_how_to_check_the_files_only(tmp_path: Path) -> None:
    folder = problem_folder(tmp_path, "echo", GOOD_YAML + "solutions: {echo.py: accepted}\n", {"echo.py": "print(7)"})
    proc = codearena("check-problems", str(folder))  # unmarked: conftest hides Docker from this test
    assert proc.returncode == 2 and "--no-judge" in proc.stderr, proc.stdout + proc.stderr


@pytest.mark.docker
def test_check_problems_judges_each_reference_solution_against_its_declared_verdict(tmp_path: Path) -> None:
    yaml_text = GOOD_YAML + "solutions:\n  echo.py: accepted\n  zero.py: accepted\n"
    folder = problem_folder(tmp_path, "echo", yaml_text, {"echo.py": "print(input())\n", "zero.py": "print(0)\n"})
    proc = codearena("check-problems", str(folder))
    if proc.returncode == 2 and "cannot judge" in proc.stderr:
        docker_unavailable(proc.stderr)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    assert "ok: echo/echo.py: accepted" in lines
    assert "FAIL: echo/zero.py: declared accepted, got wrong_answer (test 1: the output differs" in proc.stdout
    assert lines[-1] == "1 problem folder, 2 reference solutions judged: 1 failure"
