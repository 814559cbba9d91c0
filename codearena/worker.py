"""The in-process judge queue: a bounded queue drained by a bounded set of workers (arq-style).

Every submission is in SQLite before it is queued; a worker judges it, publishes progress to the
live hub, and saves the result shielded from cancellation. On start-up every submission left queued
or running by a previous process is queued again, so none is lost or stuck.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter, deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from codearena.domain.submission import Submission
from codearena.domain.text import valid_test
from codearena.domain.verdicts import JudgeResult, Status, Verdict
from codearena.judging.judge import EventSink, JudgeEvent, StatusEvent, TestEvent, internal_error
from codearena.languages import Language
from codearena.live import Completed, Live
from codearena.problems.model import Problem
from codearena.store.submissions import SubmissionStore

log = logging.getLogger("codearena.submissions")

LATENCY_BUCKETS_S = (0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)


class QueueFull(Exception):
    pass


class Judging(Protocol):
    """What the queue needs of a judge (codearena.judging.judge.Judge, or a fake in tests)."""

    async def judge(self, problem: Problem, language: Language, source: str, on_event: EventSink) -> JudgeResult: ...


@dataclass
class Histogram:
    buckets: tuple[float, ...] = LATENCY_BUCKETS_S
    counts: list[int] = field(default_factory=lambda: [0] * (len(LATENCY_BUCKETS_S) + 1))
    total: float = 0.0
    count: int = 0

    def observe(self, value: float) -> None:
        self.total += value
        self.count += 1
        for i, bound in enumerate(self.buckets):
            if value <= bound:
                self.counts[i] += 1
                return
        self.counts[-1] += 1


class JudgeQueue:
    def __init__(self, judge: Judging, languages: Mapping[str, Language], storage: SubmissionStore, live: Live,
                 problems: Mapping[str, Problem], *, max_depth: int, job_timeout_s: float) -> None:  # fmt: skip
        self.judge = judge
        self.languages = languages
        self.storage = storage
        self.live = live
        self.problems = problems
        self.max_depth = max_depth
        self.job_timeout_s = job_timeout_s
        self._pending: deque[str] = deque()
        self._wakeup = asyncio.Condition()
        self._workers: list[asyncio.Task[None]] = []
        self._running: set[str] = set()
        self._accepting = True
        self.verdicts: Counter[str] = Counter()
        self.latency = Histogram()
        self.started_at: dict[str, float] = {}

    @property
    def depth(self) -> int:
        return len(self._pending)

    @property
    def running(self) -> int:
        return len(self._running)

    async def start(self, workers: int) -> None:
        recovered = await self.storage.unfinished()
        for submission in recovered:
            self._pending.append(submission.id)  # recovered jobs may exceed max_depth once
        if recovered:
            log.info("re-queued %d submission(s) left unfinished by the previous run", len(recovered))
        self._workers = [asyncio.create_task(self._work(i), name=f"judge-worker-{i}") for i in range(workers)]

    async def submit(self, submission_id: str) -> None:
        if not self._accepting:
            raise QueueFull("the server is shutting down")
        if len(self._pending) >= self.max_depth:
            raise QueueFull(f"{len(self._pending)} submissions are waiting")
        self.started_at[submission_id] = time.monotonic()
        async with self._wakeup:
            self._pending.append(submission_id)
            self._wakeup.notify()

    async def _next(self) -> str:
        async with self._wakeup:
            await self._wakeup.wait_for(lambda: bool(self._pending))
            return self._pending.popleft()

    async def _work(self, number: int) -> None:
        while True:
            submission_id = await self._next()
            self._running.add(submission_id)
            try:
                await self._judge(submission_id)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("worker %d failed on submission %s", number, submission_id)
            finally:
                self._running.discard(submission_id)

    async def _judge(self, submission_id: str) -> None:
        row = await self.storage.get(submission_id)
        if row is None or row.status == Status.COMPLETED:
            return
        problem = self.problems.get(row.problem)
        language = self.languages.get(row.language)
        started = self.started_at.pop(submission_id, time.monotonic())

        async def on_event(event: JudgeEvent) -> None:
            if isinstance(event, StatusEvent):
                await self.storage.set_status(submission_id, event.status)
                self.live.set_status(submission_id, event.status)
            elif isinstance(event, TestEvent):
                self.live.add_test(submission_id, valid_test(event.result))

        if problem is None or language is None:
            gone = f"problem {row.problem} or language {row.language} is gone"
            result = JudgeResult(
                verdict=Verdict.INTERNAL_ERROR, passed=0, total=0, time_ms=0, memory_kb=0, compile_output=gone
            )
        else:
            try:
                result = await asyncio.wait_for(
                    self.judge.judge(problem, language, row.source, on_event), self.job_timeout_s
                )
            except TimeoutError:
                result = internal_error(problem, "judging took too long")
        # The save must happen even if shutdown cancels us now: a judged submission is never
        # judged twice nor left stuck.
        await asyncio.shield(self._finish(row, result, started))

    async def _finish(self, row: Submission, result: JudgeResult, started: float) -> None:
        submission_id = row.id
        await self.storage.save_result(submission_id, result)
        elapsed = time.monotonic() - started
        self.latency.observe(elapsed)
        self.verdicts[result.verdict.value] += 1
        log.info(
            "submission id=%s problem=%s language=%s verdict=%s passed=%d/%d time_ms=%d memory_kb=%d "
            "latency_ms=%d",
            submission_id, row.problem, row.language, result.verdict.value,
            result.passed, result.total, result.time_ms, result.memory_kb, int(elapsed * 1000),
        )  # fmt: skip
        self.live.complete(Completed.of_result(submission_id, result))

    async def close(self, grace_s: float) -> None:
        """Stop taking work; let running jobs finish for up to `grace_s`, then cancel."""
        self._accepting = False
        deadline = time.monotonic() + grace_s
        while self._running and time.monotonic() < deadline:  # noqa: ASYNC110 - bounded by the deadline
            await asyncio.sleep(0.05)
        for task in self._workers:
            task.cancel()
        await asyncio.gather(*self._workers, return_exceptions=True)
        self._workers = []
