"""Stand-ins for the parts of CodeArena that need Docker, for the fast tests.

FakeJudge.run (the editor's Run) echoes each input upper-cased; "block" waits as below.

FakeJudge judges by what the source says, so a test reads as what it submits ("block crash" is
both: it waits, then crashes):

    "accept"        every test accepted
    "wrong"         the first sample wrong, the rest accepted
    "crash"         a hidden test fails with "exit code 3", later ones are skipped
    "binary"        the sample's output and stderr are not valid UTF-8 (surrogate escapes)
    "compile error" a compilation error, no test runs
    "raise"         the judge itself raises
    "hang"          the judge never returns (until the job timeout)
    "block"         running, waits until the test calls let_one_through(), then accepts
    "pause"         after the first test that fails, waits for let_one_through() before the rest
    "partial"       the first test of the problem's last group runs out of time, the rest pass
                    (for a problem in groups: a partial score; the real grader skips the rest
                    of that group)
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path

from codearena.config import Settings
from codearena.domain.verdicts import JudgeResult, Status, TestResult, Verdict
from codearena.judging.grading import Grader, summarize
from codearena.judging.judge import EventSink, GroupEvent, StatusEvent, TestEvent
from codearena.judging.runs import RunCase, RunOutcome, RunRequest
from codearena.judging.validators import Built
from codearena.languages import Language
from codearena.live import LiveEvent
from codearena.problems.model import Problem
from codearena.sandbox.protocol import RunReply

INVALID_UTF8 = "caf\udce9 \udcff\udcfe\n"  # b"caf\xe9 \xff\xfe\n" read with surrogateescape


class Recorder:
    """A live subscriber that keeps every event it is given."""

    def __init__(self) -> None:
        self.events: list[LiveEvent] = []

    def deliver(self, event: LiveEvent) -> None:
        self.events.append(event)


class FakeJudge:
    def __init__(self) -> None:
        self.judged: list[str] = []  # the sources, in the order judging started
        self.runs: list[str] = []  # the sources of runs, in the order they started
        self._tickets = asyncio.Semaphore(0)

    def let_one_through(self) -> None:
        """Let one "block" submission (the longest waiting) finish."""
        self._tickets.release()

    async def judge(self, problem: Problem, language: Language, source: str, on_event: EventSink) -> JudgeResult:
        self.judged.append(source)
        words = source.split()
        block, pause = "block" in words, "pause" in words
        command = " ".join(w for w in words if w not in ("block", "pause")) or "accept"
        if command == "raise":
            raise RuntimeError("the fake judge exploded")
        if command == "hang":
            await asyncio.sleep(3600)
        if command == "compile error":
            await on_event(StatusEvent(Status.COMPILING))
            skipped = [TestResult(index=t.index, verdict=Verdict.SKIPPED, sample=t.sample) for t in problem.tests]
            return result_of(skipped, compile_output="main.cpp:1: error: expected ';'", problem=problem)
        await on_event(StatusEvent(Status.RUNNING))
        if block:
            await self._tickets.acquire()
        grader = Grader(groups=problem.groups)  # the real stop rules: a group stops at its first failure
        slow = problem.groups[-1].tests[0] if command == "partial" and problem.groups else None
        for test in problem.tests:
            if not grader.should_run(test.index):
                outcome = TestResult(index=test.index, verdict=Verdict.SKIPPED, sample=test.sample)
            elif test.index == slow:
                outcome = TestResult(index=test.index, verdict=Verdict.TIME_LIMIT_EXCEEDED, time_ms=1001,
                                     memory_kb=1024, reason="time limit (CPU 1001 ms of 1000 ms)")  # fmt: skip
            else:
                outcome = self._outcome(command, test.index, test.sample, grader.results)
            group = grader.record(outcome)
            await on_event(TestEvent(outcome))
            if group is not None:
                await on_event(GroupEvent(group))
            if pause and outcome.verdict not in (Verdict.ACCEPTED, Verdict.SKIPPED):
                pause = False
                await self._tickets.acquire()
        return grader.summary()

    async def run(self, request: RunRequest) -> RunOutcome:
        """Echo each input upper-cased: the stdin, or every sample of the problem; "block" waits
        for let_one_through() first."""
        self.runs.append(request.source)
        if "block" in request.source.split():
            await self._tickets.acquire()
        if request.stdin is not None:
            inputs = [request.stdin]
        else:
            assert request.problem is not None
            inputs = [t.read_input() for t in request.problem.samples]
        cases = [RunCase(verdict="ok", stdout=i.decode().upper(), time_ms=1, memory_kb=100) for i in inputs]
        return RunOutcome(**cases[0].model_dump(), cases=cases)

    @staticmethod
    def _outcome(command: str, index: int, sample: bool, before: list[TestResult]) -> TestResult:
        output = "7\n" if sample else None
        if command == "wrong" and index == 1:
            return TestResult(index=index, verdict=Verdict.WRONG_ANSWER, time_ms=4, memory_kb=900, sample=sample,
                              output="8\n", checker_message="expected 7, found 8", reason="")  # fmt: skip
        if command == "crash" and not sample:
            if any(t.verdict == Verdict.RUNTIME_ERROR for t in before):
                return TestResult(index=index, verdict=Verdict.SKIPPED, sample=sample)
            return TestResult(index=index, verdict=Verdict.RUNTIME_ERROR, time_ms=6, memory_kb=1000, exit_code=3,
                              sample=sample, reason="exit code 3")  # fmt: skip
        if command == "binary" and sample:
            return TestResult(index=index, verdict=Verdict.WRONG_ANSWER, time_ms=4, memory_kb=900, sample=sample,
                              output=INVALID_UTF8, stderr="warn \ud800\n")  # fmt: skip
        return TestResult(index=index, verdict=Verdict.ACCEPTED, time_ms=5, memory_kb=1024, sample=sample,
                          output=output)  # fmt: skip


class FakeImportSandbox:
    """Kattis imports without Docker: the package's submissions judged by FakeJudge (by what
    their source says), every validator built, and every test's input valid (exit 42) unless it
    holds the word "invalid"."""

    def __init__(self, judge: FakeJudge, languages: dict[str, Language]) -> None:
        self._judge = judge
        self.languages = languages
        self.built: list[str] = []

    async def judge(self, problem: Problem, language: Language, source: str) -> JudgeResult:
        async def ignore(_event: object) -> None:
            return None

        return await self._judge.judge(problem, language, source, ignore)

    async def build(self, program: Path, language: str) -> Built:
        self.built.append(program.name)
        return Built(program.name, {}, ("true",))

    async def run(self, built: Built, args: Sequence[str], stdin: bytes) -> RunReply:
        if b"invalid" in stdin:
            return RunReply(exit_code=43, stderr=b"not valid\n")
        return RunReply(exit_code=42)


class FakeEngine:
    """The judging engine without Docker: FakeJudge judges, Run echoes its input upper-cased;
    Kattis packages are imported through FakeImportSandbox."""

    def __init__(self, languages: dict[str, Language]) -> None:
        self.languages = languages
        self.judging = FakeJudge()
        self.import_sandbox = FakeImportSandbox(self.judging, languages)
        self.closed = 0
        self.engines: list[dict[str, object]] = [
            {"name": "local", "url": "local", "up": True, "sandboxes": 1, "live": 1, "idle": 1, "busy": 0,
             "failures": 0, "faults": 0, "error": ""}
        ]  # fmt: skip

    async def factory(self, settings: Settings, languages: dict[str, Language]) -> FakeEngine:
        """For init_app(engine_factory=...): this engine, whatever the settings."""
        return self

    async def docker_up(self) -> bool:
        return True

    def pool_state(self) -> dict[str, int]:
        return {"size": 1, "live": 1, "idle": 1, "busy": 0, "created": 1, "destroyed": 0, "resets": 0,
                "failed_resets": 0}  # fmt: skip

    def engines_state(self) -> list[dict[str, object]]:
        """One engine, up; a test may replace the list (e.g. one engine down)."""
        return self.engines

    async def close(self) -> None:
        self.closed += 1


def result_of(tests: list[TestResult], compile_output: str = "", problem: Problem | None = None) -> JudgeResult:
    """What the real judge would make of these tests (its own grading), or a compilation error."""
    result = summarize(tests, compile_output, problem.groups if problem else ())
    if compile_output:
        return result.model_copy(update={"verdict": Verdict.COMPILATION_ERROR, "reason": "compilation failed"})
    return result
