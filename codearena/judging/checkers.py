"""Output checkers: the built-in comparisons, and problems' own checker programs (sandboxed).

Expected answers never enter the user's sandbox: built-in checkers compare on the host, and a
custom checker runs in a container of its own.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from codearena.config import Settings
from codearena.domain.verdicts import Verdict
from codearena.judging import function_checker
from codearena.judging.default_validator import default_validator, parse_flags
from codearena.judging.grading import run_outcome
from codearena.judging.programs import SANDBOX_ENV
from codearena.judging.validators import AuthorPrograms, ProgramError
from codearena.problems.model import Problem, TestCase
from codearena.sandbox import protocol
from codearena.sandbox.container import SandboxError
from codearena.sandbox.pool import ContainerPool
from codearena.sandbox.protocol import ProgramLimits, RunReply

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
    if expected == got:  # the common case, compared in C
        return CheckResult(True)
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


CHECKER_DIR_FILES = ("input", "answer")
FEEDBACK = "feedback/judgemessage.txt"
CHECKER_FEEDBACK_BYTES = 64 * 1024


def checker_limits(settings: Settings) -> ProgramLimits:
    cpu_ms = settings.checker_time_limit_ms
    return ProgramLimits(
        cpu_ms=cpu_ms,
        wall_ms=cpu_ms * 2 + 1000,
        memory_kb=settings.checker_memory_limit_mb * 1024,
        output_bytes=CHECKER_FEEDBACK_BYTES,
        processes=16,
    )


class Checkers:
    """Compares outputs with answers: the built-in checkers here on the host (they are ours),
    a problem's own checker program in a sandbox container of its own.

    A problem author's checker is code from outside like a submission: it runs in a container
    from a pool of its own (never the user's), with no network, under an unprivileged uid, with
    CPU, memory, output and process limits, and sees only the checker file, the test's input
    and answer, and the output to judge.
    """

    def __init__(self, settings: Settings, start_pool: Callable[[], Awaitable[ContainerPool]]) -> None:
        self.settings = settings
        self._start_pool = start_pool
        self._pool: ContainerPool | None = None
        self._starting = asyncio.Lock()
        # Checkers in any language, and Kattis packages' input validators (on import).
        self.programs = AuthorPrograms(settings, self._pool_started)

    async def check(self, problem: Problem, test: TestCase, output: bytes) -> CheckResult:
        spec = problem.checker
        if spec.kind == "custom" and spec.language is not None:
            assert spec.program is not None  # every problem format guarantees it
            return await self.check_with_validator(spec.program, spec.language, spec.flags, test, output)
        if spec.kind == "custom":
            assert spec.program is not None  # every problem format guarantees it
            return await self.check_custom(spec.program, test, output)
        answer = test.read_answer()
        if spec.kind == "kattis":
            return CheckResult(*default_validator(answer, output, parse_flags(spec.flags)))
        if spec.kind == "function":
            assert problem.function is not None, "only a function problem has the function checker"
            fault = function_checker.compare(problem.function, answer, output)
            return CheckResult(fault is None, fault or "")
        if spec.kind == "exact":
            return check_exact(answer, output)
        if spec.kind == "float":
            return check_float(answer, output, spec.abs_tol, spec.rel_tol)
        return check_tokens(answer, output)

    async def _pool_started(self) -> ContainerPool:
        async with self._starting:
            if self._pool is None:
                self._pool = await self._start_pool()
            return self._pool

    async def pool(self) -> ContainerPool:
        """The checkers' pool, started on first use: interactors run there too."""
        return await self._pool_started()

    async def check_custom(self, program: Path, test: TestCase, output: bytes) -> CheckResult:
        """`python3 checker.py input answer feedback/ < output`: 42 accepts, 43 rejects (Kattis)."""
        limits = checker_limits(self.settings)
        files = {"checker.py": program.read_bytes(), "input": test.read_input(), "answer": test.read_answer()}
        argv = ["python3", "checker.py", "input", "answer", "feedback/"]
        pool = await self._pool_started()
        try:
            async with pool.lease() as sandbox:
                reply = await sandbox.request(protocol.prepare(files, SANDBOX_ENV, dirs=["feedback"]), 10)
                if not reply.ok:
                    raise SandboxError(f"could not prepare the checker: {reply.header}")
                frame = protocol.run(argv, limits, output, collect=[FEEDBACK])
                ran = RunReply.parse(await sandbox.request(frame, limits.wall_ms * 4 / 1000))
        except (SandboxError, protocol.ProtocolError) as exc:
            raise CheckerError(f"checker {program.name} could not run: {exc}") from exc
        message = ran.files.get(FEEDBACK, b"").decode("utf-8", "replace")[:2000]
        verdict, reason = run_outcome(ran, limits)
        if verdict is None or verdict == Verdict.RUNTIME_ERROR:
            if ran.exit_code == ACCEPT_EXIT:
                return CheckResult(True, message)
            if ran.exit_code == REJECT_EXIT:
                return CheckResult(False, message)
            detail = ran.stderr.decode("utf-8", "replace")[-500:]
            how = f"exited with {ran.exit_code}" if ran.exit_code is not None else f"ended by {reason}"
            raise CheckerError(f"checker {program.name} {how} (42 accepts, 43 rejects): {detail}")
        raise CheckerError(f"checker {program.name} stopped at its {reason}")

    async def check_with_validator(
        self, program: Path, language: str, flags: tuple[str, ...], test: TestCase, output: bytes
    ) -> CheckResult:
        """A Kattis output validator, built once in the sandbox, then run there for each output."""
        try:
            built = await self.programs.build(program, language)
            accepted, message = await self.programs.judge_output(
                built, flags, test.read_input(), test.read_answer(), output
            )
        except ProgramError as exc:
            raise CheckerError(str(exc)) from exc
        return CheckResult(accepted, message)

    async def close(self) -> None:
        if self._pool is not None:
            await self._pool.close()
