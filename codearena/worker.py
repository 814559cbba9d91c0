"""The in-process judge queue: a bounded queue drained by a bounded set of workers (arq-style).

Every submission is in SQLite before it is queued; a worker judges it, publishes progress to the
live hub, and saves the result shielded from cancellation. Whatever goes wrong (a timeout, an
exception, a failed save) the submission is finished as an internal error with a reason and its
completion is announced. On start-up every submission left queued or running by a previous process
is queued again, unless judging it already failed twice, so none is lost, stuck or retried forever.
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
from codearena.judging.judge import EventSink, GroupEvent, JudgeEvent, StatusEvent, TestEvent, skipped
from codearena.judging.runs import RunOutcome, RunRequest
from codearena.languages import Language
from codearena.live import Completed, Live
from codearena.problems.model import Problem
from codearena.store.submissions import SubmissionStore

log = logging.getLogger("codearena.submissions")

# Starts of judging a submission may have; one whose judging killed the server this many times
# is finished as an internal error at the next start.
MAX_ATTEMPTS = 2
LATENCY_BUCKETS_S = (0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)


class QueueFull(Exception):
    pass


class Judging(Protocol):
    """What the queue needs of a judge (codearena.judging.judge.Judge, or a fake in tests)."""

    async def judge(self, problem: Problem, language: Language, source: str, on_event: EventSink) -> JudgeResult: ...

    async def run(self, request: RunRequest) -> RunOutcome: ...


@dataclass(eq=False)
class RunJob:
    """An editor's Run waiting in the queue; its caller awaits `done`."""

    request: RunRequest
    done: asyncio.Future[RunOutcome]


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
    def __init__(self, judge: Judging, languages: Mapping[str, Language], store: SubmissionStore, live: Live,
                 problems: Mapping[str, Problem], *, max_depth: int, job_timeout_s: float,
                 run_slots: int = 1) -> None:  # fmt: skip
        self.judge = judge
        self.languages = languages
        self.store = store
        self.live = live
        self.problems = problems
        self.max_depth = max_depth
        self.job_timeout_s = job_timeout_s
        # Submissions (by id) and runs wait in one line, first come first served, except that at
        # most `run_slots` runs are judged at once: runs can never hold every sandbox.
        self.run_slots = run_slots
        self._pending: deque[str | RunJob] = deque()
        # Re-judges wait behind everything in the line, uncapped: a re-judge of a whole course
        # never refuses a student's submission nor goes ahead of it.
        self._background: deque[str] = deque()
        self._wakeup = asyncio.Condition()
        self._workers: list[asyncio.Task[None]] = []
        self._running: set[str] = set()
        self._runs_running = 0
        self._accepting = True
        self._queued_at: dict[str, float] = {}
        self._known: dict[str, Submission] = {}  # submissions queued by this process, as stored
        self.verdicts: Counter[str] = Counter()
        self.latency = Histogram()

    @property
    def depth(self) -> int:
        return len(self._pending)

    @property
    def running(self) -> int:
        return len(self._running) + self._runs_running

    @property
    def background(self) -> int:
        return len(self._background)

    def _waiting(self) -> list[str]:
        """The line as the live hub sees it: submission ids, "" for a run (it has a place too)."""
        return [job if isinstance(job, str) else "" for job in self._pending] + list(self._background)

    async def start(self, workers: int) -> None:
        """Queue what a previous process left unfinished, then start `workers` workers."""
        requeued = 0
        for submission in await self.store.unfinished():
            if submission.attempts >= MAX_ATTEMPTS:
                # Judging it killed the server every time: finish it rather than die again.
                log.warning("submission %s failed %d times; not retried", submission.id, submission.attempts)
                result = self._failure(self.problems.get(submission.problem), "judging failed twice; not retried")
                await self._finish(submission, result, time.monotonic())
                continue
            self._pending.append(submission.id)  # recovered jobs may exceed max_depth once
            self.live.queued(submission.id, len(self._pending))
            requeued += 1
        if requeued:
            log.info("re-queued %d submission(s) left unfinished by the previous run", requeued)
        self._workers = [asyncio.create_task(self._work(i), name=f"judge-worker-{i}") for i in range(workers)]

    async def submit(self, submission_id: str, submission: Submission | None = None) -> None:
        """Queue a stored submission; given the stored object too, the worker need not read it back."""
        if not self._accepting:
            raise QueueFull("the server is shutting down")
        if len(self._pending) >= self.max_depth:
            raise QueueFull(f"{len(self._pending)} submissions are waiting")
        self._queued_at[submission_id] = time.monotonic()
        if submission is not None:
            self._known[submission_id] = submission
        async with self._wakeup:
            self._pending.append(submission_id)
            self.live.queued(submission_id, len(self._pending))
            self._wakeup.notify()

    async def run(self, request: RunRequest) -> RunOutcome:
        """Queue an editor's Run and wait for its outcome; QueueFull when it cannot wait."""
        if not self._accepting:
            raise QueueFull("the server is shutting down")
        if len(self._pending) >= self.max_depth:
            raise QueueFull(f"{len(self._pending)} jobs are waiting")
        job = RunJob(request, asyncio.get_running_loop().create_future())
        async with self._wakeup:
            self._pending.append(job)
            self._wakeup.notify()
        try:
            # Shielded: a caller that goes away must not cancel what a worker may be running.
            return await asyncio.shield(job.done)
        except asyncio.CancelledError:
            if job in self._pending:  # not started: nobody wants it any more
                self._pending.remove(job)
                self.live.dequeued("", self._waiting())
            raise

    def _eligible(self) -> int | None:
        """Where the next job to start is in the line: the first, unless it is a run and every
        run slot is taken (then the first submission behind it)."""
        for index, job in enumerate(self._pending):
            if isinstance(job, str) or self._runs_running < self.run_slots:
                return index
        return None

    async def submit_background(self, submission_ids: list[str]) -> None:
        """Queue stored submissions behind every other job, however many (a re-judge)."""
        if not self._accepting:
            raise QueueFull("the server is shutting down")
        async with self._wakeup:
            for submission_id in submission_ids:
                self._queued_at[submission_id] = time.monotonic()
                self._background.append(submission_id)
                self.live.queued(submission_id, len(self._pending) + len(self._background))
            self._wakeup.notify_all()

    async def _next(self) -> str | RunJob | None:
        """The next job; None once the queue is closing."""
        async with self._wakeup:
            await self._wakeup.wait_for(
                lambda: self._eligible() is not None or bool(self._background) or not self._accepting
            )
            if not self._accepting:
                return None
            index = self._eligible()
            job: str | RunJob
            if index is None:
                job = self._background.popleft()
            else:
                job = self._pending[index]
                del self._pending[index]
            if isinstance(job, RunJob):
                self._runs_running += 1
            self.live.dequeued(job if isinstance(job, str) else "", self._waiting())
            return job

    async def _work(self, number: int) -> None:
        while (job := await self._next()) is not None:
            if isinstance(job, RunJob):
                try:
                    await self._run(job)
                finally:
                    self._runs_running -= 1
                    async with self._wakeup:
                        self._wakeup.notify_all()  # a run slot is free: a waiting run may start
                continue
            self._running.add(job)
            try:
                await self._judge(job)
            except asyncio.CancelledError:
                raise
            except Exception:  # _judge finishes whatever it can; this only keeps the worker alive
                log.exception("worker %d failed on submission %s", number, job)
            finally:
                self._running.discard(job)

    async def _run(self, job: RunJob) -> None:
        try:
            async with asyncio.timeout(self.job_timeout_s):
                outcome = await self.judge.run(job.request)
        except TimeoutError:
            outcome = RunOutcome(verdict=Verdict.INTERNAL_ERROR.value, reason="the run took too long (job_timeout_s)")
        except Exception as exc:
            log.exception("a run of a %s program failed", job.request.language.id)
            outcome = RunOutcome(
                verdict=Verdict.INTERNAL_ERROR.value, reason=f"the judge failed ({type(exc).__name__})"
            )
        if not job.done.done():
            job.done.set_result(outcome)

    async def _judge(self, submission_id: str) -> None:
        queued_at = self._queued_at.pop(submission_id, time.monotonic())
        submission = self._known.pop(submission_id, None) or await self.store.get(submission_id)
        if submission is None or submission.status == Status.COMPLETED:
            return
        # Counted before judging and kept if the process dies, so a submission that kills the
        # server is given up on at the next start instead of retried forever.
        await self.store.begin_attempt(submission_id)
        try:
            result = await self._result(submission)
        except asyncio.CancelledError:
            # Shutdown, not a failure: the next start judges it again from the queue.
            await self.store.undo_attempt(submission_id)
            raise
        # The save must happen even if shutdown cancels us now (a judged submission is never
        # judged twice nor left stuck), and before the worker stops, which closes the database.
        finish = asyncio.ensure_future(self._finish(submission, result, queued_at))
        try:
            await asyncio.shield(finish)
        except asyncio.CancelledError:
            await finish
            raise

    async def _result(self, submission: Submission) -> JudgeResult:
        """The judge's result, or an internal error that says why there is none."""
        problem = self.problems.get(submission.problem)
        language = self.languages.get(submission.language)
        if problem is None or language is None:
            return self._failure(problem, f"problem {submission.problem} or language {submission.language} is gone")

        async def on_event(event: JudgeEvent) -> None:
            if isinstance(event, StatusEvent):
                # Compiling or running is live news only: the store has said "running" since the
                # attempt began, and a write per step would cost every submission two commits.
                self.live.set_status(submission.id, event.status)
            elif isinstance(event, TestEvent):
                self.live.add_test(submission.id, valid_test(event.result))
            elif isinstance(event, GroupEvent):
                self.live.add_group(submission.id, event.result)

        try:
            # asyncio.timeout, not wait_for: on 3.11 wait_for swallows a cancellation that comes as
            # the job ends, and the worker would go on after close() cancelled it.
            async with asyncio.timeout(self.job_timeout_s):
                return await self.judge.judge(problem, language, submission.source, on_event)
        except TimeoutError:
            return self._failure(problem, f"judging took longer than {self.job_timeout_s:g} s (job_timeout_s)")
        except Exception as exc:
            log.exception("judging submission %s failed", submission.id)
            return self._failure(problem, f"the judge failed ({type(exc).__name__}); the details are in the server log")

    @staticmethod
    def _failure(problem: Problem | None, reason: str) -> JudgeResult:
        """An internal error: no test ran, and `reason` says why."""
        tests = skipped(problem) if problem else []
        return JudgeResult(verdict=Verdict.INTERNAL_ERROR, passed=0, total=len(tests), time_ms=0, memory_kb=0,
                           reason=reason, tests=tests)  # fmt: skip

    async def _finish(self, submission: Submission, result: JudgeResult, queued_at: float) -> None:
        """Save the result and announce it; a result that cannot be saved still completes."""
        try:
            await self.store.save_result(submission.id, result)
        except Exception:
            log.exception("could not save the result of submission %s", submission.id)
            result = self._failure(self.problems.get(submission.problem),
                                   "the result could not be saved; the details are in the server log")  # fmt: skip
            try:
                await self.store.save_result(submission.id, result)
            except Exception:  # the store is gone; the next start judges it again
                log.exception("could not save submission %s as an internal error either", submission.id)
        elapsed = time.monotonic() - queued_at
        self.latency.observe(elapsed)
        self.verdicts[result.verdict.value] += 1
        log.info(
            "submission id=%s problem=%s language=%s verdict=%s passed=%d/%d time_ms=%d memory_kb=%d "
            "latency_ms=%d",
            submission.id, submission.problem, submission.language, result.verdict.value,
            result.passed, result.total, result.time_ms, result.memory_kb, int(elapsed * 1000),
        )  # fmt: skip
        self.live.complete(Completed.of_result(submission.id, result))

    async def close(self, grace_s: float) -> None:
        """Stop taking work; let running jobs finish for up to `grace_s`, then cancel.

        What is still waiting stays queued in the store for the next start.
        """
        self._accepting = False
        async with self._wakeup:
            self._wakeup.notify_all()  # idle workers see the queue closing and stop
            for job in [j for j in self._pending if isinstance(j, RunJob)]:
                self._pending.remove(job)  # a run is not stored: its caller hears it will not run
                if not job.done.done():
                    job.done.set_exception(QueueFull("the server is shutting down"))
        deadline = time.monotonic() + grace_s
        while self.running and time.monotonic() < deadline:  # noqa: ASYNC110 - bounded by the deadline
            await asyncio.sleep(0.05)
        for task in self._workers:
            task.cancel()
        await asyncio.gather(*self._workers, return_exceptions=True)
        self._workers = []
