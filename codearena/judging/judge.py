"""Judging one submission: compile once, run every test in one sandbox, check outside it.

This module runs tests; which tests run and what the verdict is are grading's
(codearena.judging.grading), how an output is compared is the checkers'.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable

from codearena.config import Settings
from codearena.domain.verdicts import JudgeResult, Status, TestResult, Verdict
from codearena.judging import function_runs
from codearena.judging.attempts import ENGINE_RETRIES, AttemptEvents
from codearena.judging.checkers import CheckerError, Checkers
from codearena.judging.events import EventSink as EventSink  # importers of this module find them here
from codearena.judging.events import GroupEvent as GroupEvent
from codearena.judging.events import JudgeEvent as JudgeEvent
from codearena.judging.events import StatusEvent as StatusEvent
from codearena.judging.events import TestEvent as TestEvent
from codearena.judging.grading import Grader, run_outcome, summarize
from codearena.judging.interactive import build_interactor, match_of, run_samples
from codearena.judging.programs import MAX_WAIT_CREDIT, prepare_and_compile, run_frame, test_limits
from codearena.judging.runs import RunInput, RunOutcome, RunRequest, run_program
from codearena.judging.validators import ProgramError
from codearena.languages import Language
from codearena.problems.model import Limits, Problem, TestCase
from codearena.sandbox import protocol
from codearena.sandbox.container import EngineFault, Sandbox, SandboxError
from codearena.sandbox.fleet import Fleet
from codearena.sandbox.protocol import ProgramLimits, RunReply

log = logging.getLogger(__name__)

# Tests whose inputs add up to at most this are all sent with the source, in one write.
SEND_AHEAD_BYTES = 4 << 20


async def _ignore(_event: JudgeEvent) -> None:
    return None


def skipped(problem: Problem) -> list[TestResult]:
    """Every test of `problem`, not run."""
    return [TestResult(index=t.index, verdict=Verdict.SKIPPED, sample=t.sample) for t in problem.tests]


def internal_error(problem: Problem, message: str) -> JudgeResult:
    """A judging that the judge itself failed: no test ran, and the message says why."""
    return summarize(skipped(problem), groups=problem.groups).model_copy(
        update={"verdict": Verdict.INTERNAL_ERROR, "compile_output": message, "reason": message}
    )


def _text(data: bytes) -> str:
    """Bytes as text to show: whatever is not UTF-8 becomes a replacement character."""
    return data.decode("utf-8", "replace")


class Judge:
    def __init__(self, settings: Settings, pool: Fleet, checkers: Checkers) -> None:
        self.settings = settings
        self.pool = pool
        self.checkers = checkers

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
            language = function_runs.problem_language(problem, language)
        except function_runs.UnsupportedLanguage as exc:
            return internal_error(problem, str(exc))
        failed: list[str] = []  # engines that failed under this submission
        told = AttemptEvents(on_event)
        while True:
            engine = ""
            try:
                async with self.pool.lease(avoid=failed) as sandbox:
                    engine = sandbox.engine
                    result = await self._judge_in(
                        sandbox, problem, language, source, told.event, Grader(stop, problem.groups)
                    )
            except EngineFault as exc:
                self.pool.fault(engine)
                if not self.pool.others(engine):  # one engine: a sandbox fault, as ever
                    log.error("judging %s/%s hit a sandbox fault: %s", problem.slug, language.id, exc)
                    result = internal_error(problem, f"the sandbox failed: {exc}")
                    break
                failed.append(engine)
                if len(failed) > ENGINE_RETRIES:
                    log.error("judging %s/%s lost its engine %d times: %s", problem.slug, language.id, len(failed), exc)
                    result = internal_error(problem, f"the judging engines failed {len(failed)} times: {exc}")
                    break
                log.warning("engine %s failed judging %s/%s (%s); judging it again elsewhere",
                            engine, problem.slug, language.id, exc)  # fmt: skip
                told.again()
                continue
            except (SandboxError, protocol.ProtocolError) as exc:
                log.error("judging %s/%s hit a sandbox fault: %s", problem.slug, language.id, exc)
                result = internal_error(problem, f"the sandbox failed: {exc}")
            break
        log.debug(
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

    async def run(self, request: RunRequest) -> RunOutcome:
        """The editor's Run: custom input, or every sample of the problem, in one lease."""
        settings, problem = self.settings, request.problem
        try:
            language = function_runs.problem_language(problem, request.language)
        except function_runs.UnsupportedLanguage as exc:
            return RunOutcome(verdict=Verdict.INTERNAL_ERROR.value, reason=str(exc), stderr=str(exc))
        if problem is None:
            limits = Limits(settings.run_time_limit_ms, settings.run_memory_limit_mb, settings.run_output_limit_kb)
        else:
            limits = problem.limits
        if request.stdin is None and problem is not None and problem.interactor is not None:
            judge_pool = await self.checkers.pool()
            return await run_samples(settings, self.pool, judge_pool, request.language, request.source, problem,
                                     self.checkers.programs)  # fmt: skip
        if request.stdin is not None:
            inputs = [RunInput(request.stdin)]
        else:
            assert problem is not None, "a run without input runs a problem's samples"
            inputs = [RunInput(test.read_input(), self._sample_check(problem, test)) for test in problem.samples]
        return await run_program(settings, self.pool, language, request.source, inputs, limits)

    def _sample_check(self, problem: Problem, test: TestCase) -> Callable[[bytes], Awaitable[tuple[bool, str]]]:
        async def check(output: bytes) -> tuple[bool, str]:
            try:
                result = await self.checkers.check(problem, test, output)
            except CheckerError as exc:
                return False, str(exc)
            return result.accepted, result.message

        return check

    async def _judge_in(
        self,
        sandbox: Sandbox,
        problem: Problem,
        language: Language,
        source: str,
        on_event: EventSink,
        grader: Grader,
    ) -> JudgeResult:
        if problem.interactor is not None:
            return await self._judge_interactive(sandbox, problem, language, source, on_event, grader)
        if language.compile:  # a syntax check takes a few milliseconds: not worth a status of its own
            await on_event(StatusEvent(Status.COMPILING))
        limits = test_limits(self.settings, problem, language)
        memory_mb = problem.limits.memory_limit_mb

        # Only a request sent ahead may be skipped by the supervisor (after a time limit): one
        # sent after the previous verdict is known runs, as the grader decided.
        pipelined = grader.pipelined

        def request(test: TestCase, stdin: bytes | None = None) -> protocol.Frame:
            given = test.read_input() if stdin is None else stdin
            return run_frame(language, source, memory_mb, limits, given, skip_if_stopped=pipelined)

        cases = problem.tests
        # Unless a wrong answer may stop the run, tests' requests are sent ahead, so that the
        # supervisor never waits for a round trip: every test in the same write as the source
        # when their inputs are small, else one test ahead. The supervisor skips what was sent
        # ahead of a failed compile or a time limit.
        inputs = [t.read_input() for t in cases] if pipelined else []
        everything = pipelined and sum(map(len, inputs)) <= SEND_AHEAD_BYTES
        ahead = [request(test, stdin) for test, stdin in zip(cases, inputs, strict=True)] if everything else []
        compiled = await prepare_and_compile(sandbox, self.settings, language, source, ahead)
        sent, received = len(ahead) if compiled.sent else 0, 0
        reply_timeout_s = limits.wall_ms * (1 + MAX_WAIT_CREDIT) / 1000
        if not compiled.ok:
            for _ in range(sent):  # each answered "skipped"
                await sandbox.receive(reply_timeout_s)
            return summarize(skipped(problem), compiled.output, problem.groups).model_copy(
                update={"verdict": Verdict.COMPILATION_ERROR, "reason": "compilation failed"}
            )
        await on_event(StatusEvent(Status.RUNNING))
        pending: asyncio.Task[None] | None = None
        try:
            for i, test in enumerate(cases):
                if not grader.should_run(test.index):
                    if sent == i:
                        # Skipped before its request went out (a group that stopped, while later
                        # groups still run): it needs none, so count it sent and answered.
                        sent, received = sent + 1, received + 1
                    result = TestResult(index=test.index, verdict=Verdict.SKIPPED, sample=test.sample)
                    await self._recorded(grader, result, on_event)
                    continue
                if pending is not None:
                    await pending
                    pending = None
                if sent == i:
                    await sandbox.send(request(test))
                    sent += 1
                if pipelined and sent == i + 1 and i + 1 < len(cases):
                    pending = asyncio.ensure_future(sandbox.send(request(cases[i + 1])))
                    sent += 1
                reply = RunReply.parse(await sandbox.receive(reply_timeout_s))
                received += 1
                result = await self._test_result(problem, language, test, reply, limits)
                await self._recorded(grader, result, on_event, time_exceeded=reply.time_exceeded)
            if pending is not None:
                await pending
                pending = None
            # Requests sent ahead of a time limit are answered "skipped"; read the answers so
            # that the supervisor's replies stay in step with the next request.
            while received < sent:
                await sandbox.receive(reply_timeout_s)
                received += 1
        finally:
            if pending is not None:
                pending.cancel()
        return grader.summary(compiled.output)

    async def _judge_interactive(
        self,
        sandbox: Sandbox,
        problem: Problem,
        language: Language,
        source: str,
        on_event: EventSink,
        grader: Grader,
    ) -> JudgeResult:
        """Compile once, then run each test as an interaction with the problem's interactor,
        which runs in a container of the checkers' pool (codearena.judging.interactive)."""
        interactor = problem.interactor
        assert interactor is not None
        try:
            built = await build_interactor(self.checkers.programs, interactor)
        except ProgramError as exc:
            log.error("the interactor of %s cannot be built: %s", problem.slug, exc)
            return internal_error(problem, f"the interactor cannot be built: {exc}")
        if language.compile:
            await on_event(StatusEvent(Status.COMPILING))
        compiled = await prepare_and_compile(sandbox, self.settings, language, source)
        if not compiled.ok:
            return summarize(skipped(problem), compiled.output, problem.groups).model_copy(
                update={"verdict": Verdict.COMPILATION_ERROR, "reason": "compilation failed"}
            )
        await on_event(StatusEvent(Status.RUNNING))
        match = match_of(self.settings, problem, language, source, built, test_limits(self.settings, problem, language))
        pool = await self.checkers.pool()
        keep = self.settings.sample_output_limit_kb * 1024
        for test in problem.tests:
            if not grader.should_run(test.index):
                await self._recorded(grader, TestResult(index=test.index, verdict=Verdict.SKIPPED, sample=test.sample),
                                     on_event)  # fmt: skip
                continue
            try:
                interaction = await match.play(sandbox, pool, test, keep_transcript=test.sample)
            except SandboxError as exc:
                # The user's container may be mid-interaction: judging stops (the lease fails);
                # an engine's failure stays one, so that the submission is judged elsewhere.
                raise type(exc)(f"interactive test {test.index}: {exc}") from exc
            verdict, reason, message = match.outcome(interaction, language)
            if verdict == Verdict.INTERNAL_ERROR:
                log.error("interactor of %s failed on test %d: %s %s", problem.slug, test.index, reason, message)
            user = interaction.user
            result = TestResult.model_construct(
                index=test.index,
                verdict=verdict,
                time_ms=user.cpu_ms,
                wall_ms=user.wall_ms,
                memory_kb=user.memory_kb,
                exit_code=user.exit_code,
                signal=user.signal,
                stderr=_text(user.stderr),
                checker_message=message,
                reason=reason,
                sample=test.sample,
                output=_text(interaction.transcript[:keep]) if test.sample else None,
            )
            await self._recorded(grader, result, on_event, time_exceeded=user.time_exceeded)
        return grader.summary(compiled.output)

    @staticmethod
    async def _recorded(
        grader: Grader, result: TestResult, on_event: EventSink, *, time_exceeded: bool = False
    ) -> None:
        """Grade a test's result and tell of it, and of its group when that is done."""
        group = grader.record(result, time_exceeded=time_exceeded)
        await on_event(TestEvent(result))
        if group is not None:
            await on_event(GroupEvent(group))

    async def _test_result(
        self, problem: Problem, language: Language, test: TestCase, reply: RunReply, limits: ProgramLimits
    ) -> TestResult:
        if reply.skipped:
            return TestResult(index=test.index, verdict=Verdict.SKIPPED, sample=test.sample)
        verdict, reason = run_outcome(reply, limits, language)
        message = ""
        function = problem.function  # its result comes on a channel of its own, never from stdout
        if verdict is None and function is not None and not reply.result:
            verdict, reason = Verdict.RUNTIME_ERROR, function_runs.no_result_reason(function, reply)
        if verdict is None:
            try:
                checked = await self.checkers.check(problem, test, reply.result if function else reply.stdout)
                verdict = Verdict.ACCEPTED if checked.accepted else Verdict.WRONG_ANSWER
                message = checked.message
                wrong = "the returned value differs" if function else "the output differs"
                reason = "" if checked.accepted else f"{wrong} from the expected answer"
            except CheckerError as exc:
                log.error("checker of %s failed: %s", problem.slug, exc)
                verdict, message, reason = Verdict.INTERNAL_ERROR, str(exc), str(exc)
        keep = self.settings.sample_output_limit_kb * 1024
        if function is not None:  # the result is the output; what the program printed, its debug output
            output = function_runs.shown_result(reply.result[:keep]) if test.sample else None
            stderr = function_runs.console(reply, keep) if test.sample else ""
        else:
            output, stderr = _text(reply.stdout[:keep]) if test.sample else None, _text(reply.stderr)
        # Built from values already of the right types: no validation needed, per test.
        return TestResult.model_construct(
            index=test.index,
            verdict=verdict,
            time_ms=reply.cpu_ms,
            wall_ms=reply.wall_ms,
            memory_kb=reply.memory_kb,
            exit_code=reply.exit_code,
            signal=reply.signal,
            stderr=stderr,
            checker_message=message,
            reason=reason,
            sample=test.sample,
            output=output,
        )
