"""Output checkers. They run on the host: expected answers never enter the sandbox."""

from __future__ import annotations

import asyncio
import math
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from codearena.problems.model import Checker

CUSTOM_CHECKER_TIMEOUT_S = 30.0
ACCEPT_EXIT, REJECT_EXIT = 42, 43  # the Kattis output-validator convention


@dataclass(frozen=True)
class CheckResult:
    accepted: bool
    message: str = ""


class CheckerError(Exception):
    """The checker itself failed: a judge fault, not the submission's."""


def _short(token: bytes) -> str:
    text = token.decode("utf-8", "replace")
    return text if len(text) <= 40 else text[:37] + "..."


def _compare(expected: list[bytes], got: list[bytes], unit: str) -> CheckResult:
    """Equal sequences of tokens or lines; else where the first difference is."""
    for i, (want, have) in enumerate(zip(expected, got, strict=False)):
        if want != have:
            return CheckResult(False, f"{unit} {i + 1}: expected {_short(want)!r}, found {_short(have)!r}")
    if len(expected) != len(got):
        return CheckResult(False, f"expected {len(expected)} {unit}s, found {len(got)}")
    return CheckResult(True)


def check_tokens(answer: bytes, output: bytes) -> CheckResult:
    return _compare(answer.split(), output.split(), "token")


def _lines(data: bytes) -> list[bytes]:
    lines = [line.rstrip() for line in data.split(b"\n")]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def check_exact(answer: bytes, output: bytes) -> CheckResult:
    return _compare(_lines(answer), _lines(output), "line")


def _number(token: bytes) -> float | None:
    try:
        value = float(token)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def check_float(answer: bytes, output: bytes, abs_tol: float, rel_tol: float) -> CheckResult:
    expected, got = answer.split(), output.split()
    if len(expected) != len(got):
        return CheckResult(False, f"expected {len(expected)} tokens, found {len(got)}")
    for i, (want, have) in enumerate(zip(expected, got, strict=True)):
        a, b = _number(want), _number(have)
        if a is not None and b is not None:
            if abs(a - b) > abs_tol and abs(a - b) > rel_tol * abs(a):
                return CheckResult(False, f"token {i + 1}: expected {_short(want)}, found {_short(have)}")
        elif want != have:
            return CheckResult(False, f"token {i + 1}: expected {_short(want)!r}, found {_short(have)!r}")
    return CheckResult(True)


async def check_custom(program: Path, input_path: Path, answer_path: Path, output: bytes) -> CheckResult:
    with tempfile.TemporaryDirectory(prefix="codearena-feedback-") as feedback:
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            str(program),
            str(input_path),
            str(answer_path),
            feedback,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
            cwd=str(program.parent),
        )
        try:
            _, stderr = await asyncio.wait_for(proc.communicate(output), CUSTOM_CHECKER_TIMEOUT_S)
        except TimeoutError:
            proc.kill()
            await proc.wait()
            raise CheckerError(f"checker {program.name} ran over {CUSTOM_CHECKER_TIMEOUT_S:.0f} s") from None
        message_file = Path(feedback) / "judgemessage.txt"
        message = message_file.read_text(errors="replace")[:2000] if message_file.is_file() else ""
    if proc.returncode == ACCEPT_EXIT:
        return CheckResult(True, message)
    if proc.returncode == REJECT_EXIT:
        return CheckResult(False, message)
    detail = stderr.decode(errors="replace")[-500:]
    raise CheckerError(f"checker {program.name} exited with {proc.returncode}: {detail}")


async def check(spec: Checker, input_path: Path, answer_path: Path, output: bytes) -> CheckResult:
    if spec.kind == "custom":
        assert spec.program is not None  # the loader guarantees it
        return await check_custom(spec.program, input_path, answer_path, output)
    answer = answer_path.read_bytes()
    if spec.kind == "exact":
        return check_exact(answer, output)
    if spec.kind == "float":
        return check_float(answer, output, spec.abs_tol, spec.rel_tol)
    return check_tokens(answer, output)
