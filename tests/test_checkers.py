"""Checkers: tokens, exact, float, and problems' own checkers in a sandbox (Kattis exit codes)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write_problem

from codearena.domain.verdicts import Verdict
from codearena.engine import Engine
from codearena.judging.checkers import CheckerError, Checkers, check_exact, check_float, check_tokens
from codearena.problems.model import Problem


def test_tokens_ignore_whitespace_layout() -> None:
    assert check_tokens(b"1 2\n3\n", b"1\n2   3").accepted
    result = check_tokens(b"1 2 3", b"1 2 4")
    assert not result.accepted and "token 3" in result.message
    assert not check_tokens(b"1 2", b"1 2 3").accepted
    assert not check_tokens(b"1 2", b"").accepted


def test_exact_allows_only_trailing_whitespace() -> None:
    assert check_exact(b"a b\nc\n", b"a b  \nc\n\n\n").accepted
    assert not check_exact(b"a b\nc\n", b"a  b\nc\n").accepted
    assert not check_exact(b"a b\nc\n", b"a b c\n").accepted
    assert "line 2" in check_exact(b"x\ny\n", b"x\nz\n").message


def test_float_tolerances() -> None:
    assert check_float(b"1.0 2.5 abc", b"1.0000001 2.5 abc", 1e-6, 1e-6).accepted
    assert not check_float(b"1.0", b"1.001", 1e-6, 1e-6).accepted
    assert check_float(b"1000000", b"1000000.5", 1e-9, 1e-6).accepted  # relative
    assert not check_float(b"1.0 abc", b"1.0 abd", 1e-6, 1e-6).accepted
    assert not check_float(b"1.0", b"nan", 1e-6, 1e-6).accepted
    assert not check_float(b"1 2", b"1", 1e-6, 1e-6).accepted


CHECKER = """\
import sys
from pathlib import Path
given, answer, feedback = sys.argv[1:4]
out = sys.stdin.read().split()
want = Path(answer).read_text().split()
{body}
if out == want:
    sys.exit(42)
Path(feedback, "judgemessage.txt").write_text("expected " + " ".join(want))
sys.exit(43)
"""


def checker_problem(root: Path, body: str = "") -> Problem:
    return write_problem(
        root,
        "checked",
        tests=[("x\n", "7\n")],
        extra="checker: {type: custom, program: checker.py}\n",
        files={"checker.py": CHECKER.format(body=body)},
    )


@pytest.mark.docker
async def test_custom_checker_runs_in_a_sandbox_of_its_own(engine: Engine, tmp_path: Path) -> None:
    problem = checker_problem(tmp_path)
    test = problem.tests[0]
    assert (await engine.checkers.check(problem, test, b"7\n")).accepted
    rejected = await engine.checkers.check(problem, test, b"8\n")
    assert not rejected.accepted and rejected.message == "expected 7"


# Each runs in the checker's place; the checker must end with internal_error and a clear reason.
HOSTILE_CHECKERS = {
    "loops": ("while True:\n    pass", "stopped at its time limit"),
    "prints gigabytes": ("while True:\n    sys.stdout.write('x' * 65536)", "stopped at its output limit"),
    "crashes": ("raise SystemExit(1)", "exited with 1"),
    "eats memory": ("blocks = []\nwhile True:\n    blocks.append(bytearray(1 << 24))", "memory"),
}


@pytest.mark.docker
@pytest.mark.parametrize("name", list(HOSTILE_CHECKERS))
async def test_a_hostile_checker_is_a_judge_error_with_its_reason(engine: Engine, tmp_path: Path, name: str) -> None:
    body, reason = HOSTILE_CHECKERS[name]
    problem = checker_problem(tmp_path, body)
    settings = engine.settings.model_copy(update={"checker_time_limit_ms": 1000, "checker_memory_limit_mb": 128})
    checkers = Checkers(settings, engine._start_checker_pool)
    try:
        with pytest.raises(CheckerError, match=reason):
            await checkers.check(problem, problem.tests[0], b"7\n")
    finally:
        await checkers.close()


@pytest.mark.docker
async def test_a_failing_checker_makes_the_submission_an_internal_error(engine: Engine, tmp_path: Path) -> None:
    problem = checker_problem(tmp_path, "raise SystemExit(1)")
    result = await engine.judge.judge(problem, engine.languages["python"], "print(7)\n")
    assert result.verdict == Verdict.INTERNAL_ERROR
    assert "checker.py exited with 1" in result.tests[0].reason and result.reason.startswith("test 1: ")


@pytest.mark.docker
async def test_a_checker_cannot_reach_the_host_or_the_network(engine: Engine, tmp_path: Path) -> None:
    """The checker sees its container, not the server's machine: a file of the host (this test's
    own) is not there, /etc is the image's, and no connection leaves."""
    secret = tmp_path / "host-secret.txt"
    secret.write_text("the server's own file")
    body = f"""
import os, socket
seen = []
for path in ({str(secret)!r}, {str(Path.cwd() / "config.toml")!r}):
    if os.path.exists(path):
        seen.append(path)
try:
    socket.create_connection(("1.1.1.1", 53), timeout=2)
    seen.append("network")
except OSError:
    pass
if seen:
    Path(feedback, "judgemessage.txt").write_text("reached " + ", ".join(seen))
    sys.exit(42)
"""
    problem = checker_problem(tmp_path / "p", body)
    rejected = await engine.checkers.check(problem, problem.tests[0], b"8\n")
    assert not rejected.accepted, rejected.message
    assert rejected.message == "expected 7"
