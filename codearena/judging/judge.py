"""Judging one submission: compile once, run every test in one sandbox, check outside it."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Field

from codearena.config import Settings
from codearena.domain.verdicts import JudgeResult, Status, TestResult, Verdict
from codearena.judging.checkers import CheckerError, check
from codearena.judging.grading import RunLimits, run_verdict
from codearena.languages import Language
from codearena.problems.model import Problem, TestCase
from codearena.sandbox.container import Sandbox, SandboxError
from codearena.sandbox.pool import SANDBOX_ENV, ContainerPool

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StatusEvent:
    status: Status


@dataclass(frozen=True)
class TestEvent:
    result: TestResult


JudgeEvent = StatusEvent | TestEvent
EventSink = Callable[[JudgeEvent], Awaitable[None]]


async def _ignore(_event: JudgeEvent) -> None:
    return None


def program_limits(
    settings: Settings, language: Language, time_limit_ms: int, memory_limit_mb: int, output_kb: int
) -> RunLimits:
    """The limits of one run of a program: a test, or the editor's Run."""
    cpu_ms = int(time_limit_ms * language.time_multiplier)
    return RunLimits(
        cpu_ms=cpu_ms,
        wall_ms=int(cpu_ms * settings.wall_time_factor) + settings.wall_time_extra_ms,
        memory_kb=(memory_limit_mb + language.memory_slack_mb) * 1024,
        output_bytes=output_kb * 1024,
    )


def test_limits(settings: Settings, problem: Problem, language: Language) -> RunLimits:
    limits = problem.limits
    return program_limits(settings, language, limits.time_limit_ms, limits.memory_limit_mb, limits.output_limit_kb)


def run_request(
    settings: Settings, language: Language, source: str, memory_limit_mb: int, limits: RunLimits
) -> dict[str, Any]:
    """The supervisor request that runs the program once; the caller adds its "stdin"."""
    return {
        "op": "run",
        "argv": language.run_argv(source, memory_limit_mb),
        "limits": limits.as_request(
            # Half again the limit: polling kills a program whose memory grows past the limit
            # first, and an allocation too big to ever fit fails inside the program.
            data_bytes=limits.memory_kb * 1024 * 3 // 2 if language.limit_data else 0,
            processes=settings.program_processes,
        ),
        "oom_patterns": language.oom_patterns,
    }


def _text(test: TestCase) -> str:
    return test.read_input().decode("utf-8", "surrogateescape")


def skipped(problem: Problem) -> list[TestResult]:
    """Every test of `problem`, not run."""
    return [TestResult(index=t.index, verdict=Verdict.SKIPPED, sample=t.sample) for t in problem.tests]


def internal_error(problem: Problem, message: str) -> JudgeResult:
    """A judging that the judge itself failed: no test ran, and the message says why."""
    return summarize(skipped(problem)).model_copy(update={"verdict": Verdict.INTERNAL_ERROR, "compile_output": message})


def compile_limits(settings: Settings) -> RunLimits:
    return RunLimits(
        cpu_ms=settings.compile_time_limit_ms,
        wall_ms=settings.compile_time_limit_ms * 2,
        memory_kb=settings.compile_memory_limit_mb * 1024,
        output_bytes=64 * 1024 * 1024,  # the compiler's messages and the binary it writes
    )


def summarize(tests: list[TestResult], compile_output: str = "") -> JudgeResult:
    failing = next((t for t in tests if t.verdict != Verdict.ACCEPTED), None)
    return JudgeResult(
        verdict=failing.verdict if failing else Verdict.ACCEPTED,
        passed=sum(t.verdict == Verdict.ACCEPTED for t in tests),
        total=len(tests),
        time_ms=max((t.time_ms for t in tests), default=0),
        memory_kb=max((t.memory_kb for t in tests), default=0),
        compile_output=compile_output,
        tests=tests,
    )


async def prepare(sandbox: Sandbox, language: Language, source: str) -> None:
    reply = await sandbox.request(
        {"op": "prepare", "files": {language.source_file(source): source}, "env": SANDBOX_ENV}, 10
    )
    if not reply.get("ok"):
        raise SandboxError(f"could not prepare the work directory: {reply}")


async def compile_source(sandbox: Sandbox, settings: Settings, language: Language, source: str) -> tuple[bool, str]:
    """Compile (or syntax-check) the prepared source: whether it may run, and the messages."""
    limits = compile_limits(settings)
    if language.syntax_check == "python":
        request: dict[str, object] = {"op": "check_python", "file": language.source_file(source)}
    else:
        argv = language.compile_argv(source)
        if not argv:
            return True, ""
        request = {
            "op": "exec",
            "argv": argv,
            "limits": limits.as_request(
                processes=settings.program_processes, report_bytes=settings.compile_output_limit_kb * 1024
            ),
        }
    facts = await sandbox.request(request, limits.wall_ms / 1000)
    output: str = facts.get("output", "")
    verdict = run_verdict(facts, limits)
    if verdict == Verdict.TIME_LIMIT_EXCEEDED:
        output += "\n(compilation exceeded its time limit)"
    elif verdict == Verdict.MEMORY_LIMIT_EXCEEDED:
        output += "\n(compilation exceeded its memory limit)"
    return verdict is None, output


class Judge:
    def __init__(self, settings: Settings, pool: ContainerPool) -> None:
        self.settings = settings
        self.pool = pool

    async def judge(
        self,
        problem: Problem,
        language: Language,
        source: str,
        on_event: EventSink = _ignore,
        *,
        stop_on_first_failure: bool | None = None,
    ) -> JudgeResult:
        stop = problem.stop_on_first_failure if stop_on_first_failure is None else stop_on_first_failure
        started = time.monotonic()
        try:
            async with self.pool.lease() as sandbox:
                result = await self._judge_in(sandbox, problem, language, source, on_event, stop)
        except SandboxError as exc:
            log.error("judging %s/%s hit a sandbox fault: %s", problem.slug, language.id, exc)
            result = internal_error(problem, str(exc))
        log.info(
            "judged problem=%s language=%s verdict=%s passed=%d/%d time_ms=%d memory_kb=%d judge_ms=%d",
            problem.slug,
            language.id,
            result.verdict.value,
            result.passed,
            result.total,
            result.time_ms,
            result.memory_kb,
            int((time.monotonic() - started) * 1000),
        )
        return result

    async def _judge_in(
        self,
        sandbox: Sandbox,
        problem: Problem,
        language: Language,
        source: str,
        on_event: EventSink,
        stop: bool,
    ) -> JudgeResult:
        settings = self.settings
        await prepare(sandbox, language, source)
        if language.compile or language.syntax_check:
            await on_event(StatusEvent(Status.COMPILING))
        compiled, compile_output = await compile_source(sandbox, settings, language, source)
        if not compiled:
            return summarize(skipped(problem), compile_output).model_copy(update={"verdict": Verdict.COMPILATION_ERROR})
        await on_event(StatusEvent(Status.RUNNING))
        limits = test_limits(settings, problem, language)
        request = run_request(settings, language, source, problem.limits.memory_limit_mb, limits)
        results: list[TestResult] = []
        failed = False
        cases = problem.tests
        # Unless a failure may stop the run, the next test's request is sent while this one
        # runs, so the supervisor never waits for a round trip between tests.
        pipelined = not stop
        pending: asyncio.Task[None] | None = None
        try:
            for i, test in enumerate(cases):
                if failed and stop:
                    outcome = TestResult(index=test.index, verdict=Verdict.SKIPPED, sample=test.sample)
                else:
                    if pending is None:
                        await sandbox.send({**request, "stdin": _text(test)})
                    else:
                        await pending
                        pending = None
                    if pipelined and i + 1 < len(cases):
                        upcoming = {**request, "stdin": _text(cases[i + 1])}
                        pending = asyncio.ensure_future(sandbox.send(upcoming))
                    facts = await sandbox.receive(limits.wall_ms / 1000)
                    outcome = await self._test_result(problem, test, facts, limits)
                    failed = failed or outcome.verdict != Verdict.ACCEPTED
                results.append(outcome)
                await on_event(TestEvent(outcome))
        finally:
            if pending is not None:
                pending.cancel()
        return summarize(results, compile_output)

    async def _test_result(
        self, problem: Problem, test: TestCase, facts: dict[str, Any], limits: RunLimits
    ) -> TestResult:
        output: str = facts.get("stdout", "")
        verdict = run_verdict(facts, limits)
        message = ""
        if verdict is None:
            try:
                checked = await check(
                    problem.checker,
                    test.input_path,
                    test.answer_path,
                    output.encode("utf-8", "surrogateescape"),
                )
                verdict = Verdict.ACCEPTED if checked.accepted else Verdict.WRONG_ANSWER
                message = checked.message
            except CheckerError as exc:
                log.error("checker of %s failed: %s", problem.slug, exc)
                verdict, message = Verdict.INTERNAL_ERROR, str(exc)
        keep = self.settings.sample_output_limit_kb * 1024
        return TestResult(
            index=test.index,
            verdict=verdict,
            time_ms=int(facts.get("cpu_ms", 0)),
            wall_ms=int(facts.get("wall_ms", 0)),
            memory_kb=int(facts.get("memory_kb", 0)),
            exit_code=facts.get("exit_code"),
            signal=facts.get("signal"),
            stderr=facts.get("stderr", ""),
            checker_message=message,
            sample=test.sample,
            output=output[:keep] if test.sample else None,
        )


class RunOutcome(BaseModel):
    """The result of running a program on custom input (the editor's Run button)."""

    verdict: str = Field(description="ok, or the limit or error that stopped the program")
    stdout: str = ""
    stderr: str = ""
    exit_code: int | None = None
    time_ms: int = 0
    memory_kb: int = 0
    compile_output: str = ""
    output_truncated: bool = False


async def run_program(
    settings: Settings, pool: ContainerPool, language: Language, source: str, stdin: str
) -> RunOutcome:
    """Compile and run `source` once on `stdin`, in the same sandbox and limits as judging."""
    limits = program_limits(
        settings, language, settings.run_time_limit_ms, settings.run_memory_limit_mb, settings.run_output_limit_kb
    )
    try:
        async with pool.lease() as sandbox:
            await prepare(sandbox, language, source)
            compiled, compile_output = await compile_source(sandbox, settings, language, source)
            if not compiled:
                return RunOutcome(verdict=Verdict.COMPILATION_ERROR.value, compile_output=compile_output)
            request = run_request(settings, language, source, settings.run_memory_limit_mb, limits)
            facts = await sandbox.request({**request, "stdin": stdin}, limits.wall_ms / 1000)
    except SandboxError as exc:
        log.error("run of a %s program hit a sandbox fault: %s", language.id, exc)
        return RunOutcome(verdict=Verdict.INTERNAL_ERROR.value, stderr=str(exc))
    verdict = run_verdict(facts, limits)
    return RunOutcome(
        verdict="ok" if verdict is None else verdict.value,
        stdout=facts.get("stdout", ""),
        stderr=facts.get("stderr", ""),
        exit_code=facts.get("exit_code"),
        time_ms=int(facts.get("cpu_ms", 0)),
        memory_kb=int(facts.get("memory_kb", 0)),
        compile_output=compile_output,
        output_truncated=int(facts.get("output_size", 0)) >= limits.output_bytes,
    )
