"""Checkers: tokens, exact, float and custom (Kattis exit codes)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from codearena.judging.checkers import CheckerError, check, check_exact, check_float, check_tokens
from codearena.problems.model import Checker


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
if {mode!r} == "crash":
    raise SystemExit(1)
if out == want:
    sys.exit(42)
Path(feedback, "judgemessage.txt").write_text("expected " + " ".join(want))
sys.exit(43)
"""


@pytest.mark.parametrize("mode", ["normal", "crash"])
async def test_custom_checker_exit_codes(tmp_path: Path, mode: str) -> None:
    program = tmp_path / "checker.py"
    program.write_text(CHECKER.format(mode=mode))
    given, answer = tmp_path / "1.in", tmp_path / "1.ans"
    given.write_text("x\n")
    answer.write_text("7\n")
    spec = Checker(kind="custom", program=program)
    if mode == "crash":
        with pytest.raises(CheckerError, match="exited with 1"):
            await check(spec, given, answer, b"7\n")
        return
    assert (await check(spec, given, answer, b"7\n")).accepted
    rejected = await check(spec, given, answer, b"8\n")
    assert not rejected.accepted and rejected.message == "expected 7"
    assert sys.executable  # the checker runs with the server's own interpreter
