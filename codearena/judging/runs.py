"""The editor's Run: a program on custom input, or on a problem's samples; not a submission.

Compiled once, then run on every input in the same sandbox lease, under the same limits as
judging (the problem's, when a problem is open); nothing is stored. Runs go through the judge
queue like submissions (codearena.worker), which caps the share of the pool they may take.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from pydantic import BaseModel, Field

from codearena.config import Settings
from codearena.domain.verdicts import Verdict
from codearena.judging import function_runs
from codearena.judging.grading import run_outcome
from codearena.judging.programs import prepare_and_compile, program_limits, run_frame
from codearena.languages import Language
from codearena.problems.model import Limits, Problem
from codearena.sandbox import protocol
from codearena.sandbox.container import SandboxError
from codearena.sandbox.pool import Leases
from codearena.sandbox.protocol import RunReply

log = logging.getLogger(__name__)

# Whether an output is right, and the checker's message: for runs on a problem's samples.
OutputCheck = Callable[[bytes], Awaitable[tuple[bool, str]]]


@dataclass(frozen=True)
class RunRequest:
    """Run `source` on `stdin`, or on the samples of `problem` when stdin is None; under the
    problem's limits when there is a problem, else under the settings' run_* limits."""

    language: Language
    source: str
    stdin: bytes | None = None
    problem: Problem | None = None


@dataclass(frozen=True)
class RunInput:
    stdin: bytes
    check: OutputCheck | None = None  # compare the output with a sample's answer


class RunCase(BaseModel):
    """One input's run."""

    verdict: str = Field(description="ok, or the limit or error that stopped the program")
    reason: str = ""
    stdout: str = ""
    stderr: str = ""
    exit_code: int | None = None
    time_ms: int = 0
    memory_kb: int = 0
    output_truncated: bool = False
    matches: bool | None = Field(None, description="a sample run: whether the output is a right answer")
    checker_message: str = ""
    result: str | None = Field(None, description="a function problem: the returned value, as JSON")


class RunOutcome(RunCase):
    """Every input's run; the fields of the first one repeated at the top for a single input."""

    compile_output: str = ""
    cases: list[RunCase] = Field(default_factory=list)


async def run_program(
    settings: Settings,
    pool: Leases,
    language: Language,
    source: str,
    inputs: Sequence[RunInput],
    limits: Limits,
) -> RunOutcome:
    """Compile `source` once and run it on each of `inputs`, in one sandbox lease."""
    run_limits = program_limits(
        settings, language, limits.time_limit_ms, limits.memory_limit_mb, limits.output_limit_kb
    )
    cases: list[RunCase] = []
    try:
        async with pool.lease() as sandbox:
            compiled = await prepare_and_compile(sandbox, settings, language, source)
            if not compiled.ok:
                return RunOutcome(verdict=Verdict.COMPILATION_ERROR.value, compile_output=compiled.output)
            for given in inputs:
                frame = run_frame(language, source, limits.memory_limit_mb, run_limits, given.stdin)
                reply = RunReply.parse(await sandbox.request(frame, run_limits.wall_ms * 4 / 1000))
                verdict, reason = run_outcome(reply, run_limits, language)
                returns = language.harness is not None  # a function problem: stdout is debug output
                if returns and verdict is None and not reply.result:
                    verdict, reason = Verdict.RUNTIME_ERROR, "the program exited before it returned a result"
                case = RunCase(
                    verdict="ok" if verdict is None else verdict.value,
                    reason=reason,
                    stdout=reply.stdout.decode("utf-8", "replace"),
                    stderr="" if returns else reply.stderr.decode("utf-8", "replace"),
                    result=function_runs.shown_result(reply.result) if returns and reply.result else None,
                    exit_code=reply.exit_code,
                    time_ms=reply.cpu_ms,
                    memory_kb=reply.memory_kb,
                    output_truncated=reply.output_size >= run_limits.output_bytes,
                )
                if given.check is not None and verdict is None:
                    case.matches, case.checker_message = await given.check(reply.result if returns else reply.stdout)
                cases.append(case)
    except (SandboxError, protocol.ProtocolError) as exc:
        log.error("run of a %s program hit a sandbox fault: %s", language.id, exc)
        return RunOutcome(verdict=Verdict.INTERNAL_ERROR.value, reason=str(exc), stderr=str(exc))
    first = cases[0] if cases else RunCase(verdict="ok")
    return RunOutcome(**first.model_dump(), compile_output=compiled.output, cases=cases)
