"""The judge queue against a fake judge and a real SQLite file: no Docker."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import pytest_asyncio
from fakes import FakeJudge, Recorder

from codearena import live
from codearena.domain.verdicts import JudgeResult, Status, Verdict
from codearena.judging.runs import RunRequest
from codearena.languages import Language
from codearena.problems.model import Problem
from codearena.store.db import Database
from codearena.store.submissions import Owner, SubmissionStore
from codearena.worker import JudgeQueue, QueueFull

WAIT_S = 30.0  # generous: the machine is shared, and nothing here depends on speed


async def eventually(condition: Callable[[], bool], what: str) -> None:
    deadline = asyncio.get_running_loop().time() + WAIT_S
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, f"still waiting for {what}"
        await asyncio.sleep(0.01)


@dataclass
class Harness:
    store: SubmissionStore
    live: live.Live
    judge: FakeJudge
    queue: JudgeQueue

    async def submit(self, source: str, problem: str = "echo") -> str:
        submission = await self.store.create(Owner("session"), problem, "python", source)
        await self.queue.submit(submission.id)
        return submission.id

    async def completed(self, submission_id: str) -> None:
        async def check() -> bool:
            found = await self.store.get(submission_id)
            return found is not None and found.status == Status.COMPLETED

        deadline = asyncio.get_running_loop().time() + WAIT_S
        while not await check():
            assert asyncio.get_running_loop().time() < deadline, f"{submission_id} was never completed"
            await asyncio.sleep(0.01)


@pytest_asyncio.fixture
async def database(tmp_path: Path) -> AsyncIterator[Database]:
    database = await Database.open(tmp_path / "codearena.db")
    try:
        yield database
    finally:
        await database.close()


def make_queue(
    database: Database, echo_problem: Problem, languages: dict[str, Language], *, max_depth: int = 200,
    job_timeout_s: float = 60,
) -> Harness:  # fmt: skip
    store, hub, judge = SubmissionStore(database), live.Live(position_news_s=0.05), FakeJudge()
    queue = JudgeQueue(judge, languages, store, hub, {"echo": echo_problem}, max_depth=max_depth,
                       job_timeout_s=job_timeout_s)  # fmt: skip
    return Harness(store, hub, judge, queue)


@pytest_asyncio.fixture
async def harness(database: Database, echo_problem: Problem, languages: dict[str, Language]) -> AsyncIterator[Harness]:
    h = make_queue(database, echo_problem, languages, max_depth=3)
    await h.queue.start(workers=1)
    try:
        yield h
    finally:
        await h.queue.close(grace_s=0)


async def test_submissions_are_judged_in_order_and_stored(harness: Harness) -> None:
    first = await harness.submit("block")
    await eventually(lambda: harness.judge.judged == ["block"], "the first to start")
    second = await harness.submit("wrong")
    third = await harness.submit("accept")
    assert harness.queue.depth == 2
    harness.judge.let_one_through()
    for submission_id in (first, second, third):
        await harness.completed(submission_id)
    assert harness.judge.judged == ["block", "wrong", "accept"]
    stored = await harness.store.get(second)
    assert stored is not None and stored.verdict == Verdict.WRONG_ANSWER and stored.passed == 2
    assert stored.tests[0].output == "8\n" and stored.tests[0].checker_message == "expected 7, found 8"
    assert harness.queue.verdicts == {"accepted": 2, "wrong_answer": 1} and harness.queue.latency.count == 3


async def test_the_queue_is_bounded(harness: Harness) -> None:
    await harness.submit("block")
    await eventually(lambda: harness.queue.running == 1, "a running job")
    for _ in range(3):
        await harness.submit("accept")
    with pytest.raises(QueueFull):
        await harness.submit("accept")
    harness.judge.let_one_through()
    await eventually(lambda: harness.queue.depth == 0 and harness.queue.running == 0, "an empty queue")


async def test_a_rejudge_waits_behind_every_submission_and_is_never_refused(harness: Harness) -> None:
    await harness.submit("block")
    await eventually(lambda: harness.queue.running == 1, "a running job")
    again = []
    for source in ("wrong", "accept", "wrong", "accept", "wrong"):  # more than max_depth = 3
        submission = await harness.store.create(Owner("session"), "echo", "python", "rejudged " + source)
        again.append(submission.id)
    await harness.queue.submit_background(again)
    assert harness.queue.depth == 0 and harness.queue.background == 5
    student = await harness.submit("accept")  # not refused, and judged before the re-judge
    harness.judge.let_one_through()
    for submission_id in [student, *again]:
        await harness.completed(submission_id)
    assert harness.judge.judged[:2] == ["block", "accept"] and len(harness.judge.judged) == 7
    assert all(source.startswith("rejudged") for source in harness.judge.judged[2:])


async def test_a_job_that_takes_too_long_is_an_internal_error_with_its_completion_event(
    database: Database, echo_problem: Problem, languages: dict[str, Language]
) -> None:
    h = make_queue(database, echo_problem, languages, job_timeout_s=0.2)
    await h.queue.start(workers=1)
    try:
        watcher = Recorder()
        submission = await h.store.create(Owner("session"), "echo", "python", "hang")
        h.live.subscribe(live.submission_topic(submission.id), watcher)
        await h.queue.submit(submission.id)
        await h.completed(submission.id)
        await eventually(lambda: any(isinstance(e, live.Completed) for e in watcher.events), "the completion event")
        stored = await h.store.get(submission.id)
        assert stored is not None and stored.verdict == Verdict.INTERNAL_ERROR
        done = watcher.events[-1]
        assert isinstance(done, live.Completed) and done.verdict == Verdict.INTERNAL_ERROR
        assert stored.reason == done.reason == "judging took longer than 0.2 s (job_timeout_s)"
    finally:
        await h.queue.close(grace_s=0)


async def test_start_requeues_what_a_previous_process_left_unfinished(
    database: Database, echo_problem: Problem, languages: dict[str, Language]
) -> None:
    h = make_queue(database, echo_problem, languages)
    queued = await h.store.create(Owner("session"), "echo", "python", "accept")
    running = await h.store.create(Owner("session"), "echo", "python", "wrong")
    await h.store.set_status(running.id, Status.RUNNING)
    left = [s.source for s in await h.store.unfinished()]  # oldest first
    await h.queue.start(workers=1)
    try:
        await h.completed(queued.id)
        await h.completed(running.id)
        assert h.judge.judged == left and sorted(left) == ["accept", "wrong"]
    finally:
        await h.queue.close(grace_s=0)


async def test_output_that_is_not_utf8_is_kept_with_replacement_characters(harness: Harness) -> None:
    watcher = Recorder()
    submission = await harness.store.create(Owner("session"), "echo", "python", "binary")
    harness.live.subscribe(live.submission_topic(submission.id), watcher)
    await harness.queue.submit(submission.id)
    await harness.completed(submission.id)
    stored = await harness.store.get(submission.id)
    assert stored is not None and stored.verdict == Verdict.WRONG_ANSWER
    assert stored.tests[0].output == "caf\ufffd \ufffd\ufffd\n" and stored.tests[0].stderr == "warn \ufffd\n"
    sent = [e.result for e in watcher.events if isinstance(e, live.TestFinished)]
    assert sent and sent[0].output == "caf\ufffd \ufffd\ufffd\n", "live progress is clean text too"


async def test_an_exception_in_the_judge_finishes_the_submission_with_a_reason(harness: Harness) -> None:
    watcher = Recorder()
    submission = await harness.store.create(Owner("session"), "echo", "python", "raise")
    harness.live.subscribe(live.submission_topic(submission.id), watcher)
    await harness.queue.submit(submission.id)
    await harness.completed(submission.id)
    stored = await harness.store.get(submission.id)
    assert stored is not None and stored.verdict == Verdict.INTERNAL_ERROR and stored.attempts == 1
    assert "RuntimeError" in stored.reason and "server log" in stored.reason
    assert [t.verdict for t in stored.tests] == [Verdict.SKIPPED] * 3
    await eventually(lambda: any(isinstance(e, live.Completed) for e in watcher.events), "the completion event")
    done = watcher.events[-1]
    assert isinstance(done, live.Completed) and done.reason == stored.reason
    after = await harness.submit("accept")
    await harness.completed(after)  # the worker lives on


async def test_a_result_that_cannot_be_saved_still_completes(harness: Harness, monkeypatch: pytest.MonkeyPatch) -> None:
    real_save = harness.store.save_result
    calls = 0

    async def save_fails_once(submission_id: str, result: JudgeResult) -> None:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RuntimeError("disk full")
        await real_save(submission_id, result)

    monkeypatch.setattr(harness.store, "save_result", save_fails_once)
    watcher = Recorder()
    submission = await harness.store.create(Owner("session"), "echo", "python", "accept")
    harness.live.subscribe(live.submission_topic(submission.id), watcher)
    await harness.queue.submit(submission.id)
    await harness.completed(submission.id)
    stored = await harness.store.get(submission.id)
    assert stored is not None and stored.verdict == Verdict.INTERNAL_ERROR and "could not be saved" in stored.reason
    assert isinstance(watcher.events[-1], live.Completed) and watcher.events[-1].reason == stored.reason


async def test_a_submission_whose_judging_failed_twice_is_not_retried(
    database: Database, echo_problem: Problem, languages: dict[str, Language]
) -> None:
    h = make_queue(database, echo_problem, languages)
    twice = await h.store.create(Owner("session"), "echo", "python", "accept")
    once = await h.store.create(Owner("session"), "echo", "python", "wrong")
    for submission_id, crashes in ((twice.id, 2), (once.id, 1)):
        for _ in range(crashes):  # a worker started it, then the process died
            await h.store.begin_attempt(submission_id)
        await h.store.set_status(submission_id, Status.RUNNING)
    await h.queue.start(workers=1)
    try:
        await h.completed(once.id)
        given_up = await h.store.get(twice.id)
        assert given_up is not None and given_up.status == Status.COMPLETED
        assert given_up.verdict == Verdict.INTERNAL_ERROR and given_up.reason == "judging failed twice; not retried"
        retried = await h.store.get(once.id)
        assert retried is not None and retried.verdict == Verdict.WRONG_ANSWER and retried.attempts == 2
        assert h.judge.judged == ["wrong"]
    finally:
        await h.queue.close(grace_s=0)


async def test_a_job_cancelled_by_shutdown_is_not_a_failed_attempt(
    database: Database, echo_problem: Problem, languages: dict[str, Language]
) -> None:
    h = make_queue(database, echo_problem, languages)
    await h.queue.start(workers=1)
    submission_id = await h.submit("block")
    await eventually(lambda: h.judge.judged == ["block"], "judging to start")
    await h.queue.close(grace_s=0)
    left = await h.store.get(submission_id)
    assert left is not None and left.status == Status.QUEUED and left.attempts == 0


async def test_queued_submissions_know_their_place_and_subscribers_hear_when_it_changes(harness: Harness) -> None:
    running = await harness.submit("block")
    await eventually(lambda: harness.queue.running == 1, "the first to start")
    waiting = [await harness.submit("block") for _ in range(3)]

    def positions() -> list[int | None]:
        found = [harness.live.progress(i) for i in waiting]
        return [p.queue_position if p else None for p in found]

    assert positions() == [1, 2, 3]
    second, third = Recorder(), Recorder()
    harness.live.subscribe(live.submission_topic(waiting[1]), second)
    harness.live.subscribe(live.submission_topic(waiting[2]), third)
    assert harness.live.replay(waiting[2])[0] == live.StatusChanged(waiting[2], Status.QUEUED, 3)
    harness.judge.let_one_through()
    await harness.completed(running)
    await eventually(lambda: positions()[1:] == [1, 2], "the queue to move")
    # The news of new places goes out together, a moment later (Live.position_news_s).
    await eventually(lambda: bool(second.events and third.events), "the news of the new places")
    assert second.events == [live.StatusChanged(waiting[1], Status.QUEUED, 1)]
    assert third.events == [live.StatusChanged(waiting[2], Status.QUEUED, 2)]
    for _ in waiting:
        harness.judge.let_one_through()
    for submission_id in waiting:
        await harness.completed(submission_id)
    assert all(p is None for p in positions()), "no place once judged"


async def test_a_moving_queue_of_200_tells_only_its_subscribers(
    database: Database, echo_problem: Problem, languages: dict[str, Language], monkeypatch: pytest.MonkeyPatch
) -> None:
    h = make_queue(database, echo_problem, languages)
    await h.queue.start(workers=1)
    try:
        await h.submit("block")
        await eventually(lambda: h.queue.running == 1, "the first to start")
        waiting = [await h.submit("block") for _ in range(200)]
        watcher = Recorder()
        h.live.subscribe(live.submission_topic(waiting[-1]), watcher)
        published: list[str] = []
        real_publish = h.live.publish

        def counting_publish(topic: str, event: live.LiveEvent) -> None:
            published.append(topic)
            real_publish(topic, event)

        monkeypatch.setattr(h.live, "publish", counting_publish)
        h.judge.let_one_through()
        await eventually(lambda: len(watcher.events) == 1, "the last one's new place")
        assert watcher.events == [live.StatusChanged(waiting[-1], Status.QUEUED, 199)]
        still_waiting = {live.submission_topic(i) for i in waiting[1:]}
        assert [t for t in published if t in still_waiting] == [live.submission_topic(waiting[-1])], (
            "of the 199 that moved, only the one followed is told"
        )
    finally:
        for _ in range(201):
            h.judge.let_one_through()
        await h.queue.close(grace_s=0)


async def test_closing_lets_the_running_job_finish_and_starts_no_other(
    database: Database, echo_problem: Problem, languages: dict[str, Language]
) -> None:
    h = make_queue(database, echo_problem, languages)
    await h.queue.start(workers=1)
    running = await h.submit("block")
    await eventually(lambda: h.queue.running == 1, "the first to start")
    waiting = [await h.submit("accept") for _ in range(2)]
    h.judge.let_one_through()
    await asyncio.wait_for(h.queue.close(grace_s=WAIT_S), WAIT_S * 2)
    assert h.judge.judged == ["block"], "the waiting ones are left for the next start"
    done = await h.store.get(running)
    assert done is not None and done.status == Status.COMPLETED
    for submission_id in waiting:
        left = await h.store.get(submission_id)
        assert left is not None and left.status == Status.QUEUED and left.attempts == 0


def run_request(languages: dict[str, Language], source: str, stdin: bytes | None = b"hi") -> RunRequest:
    return RunRequest(languages["python"], source, stdin)


async def test_runs_wait_in_the_same_line_and_take_at_most_their_slots(
    database: Database, echo_problem: Problem, languages: dict[str, Language]
) -> None:
    h = make_queue(database, echo_problem, languages)  # two workers, one run slot
    await h.queue.start(workers=2)
    try:
        first = asyncio.create_task(h.queue.run(run_request(languages, "block one")))
        await eventually(lambda: h.judge.runs == ["block one"], "the first run to start")
        second = asyncio.create_task(h.queue.run(run_request(languages, "block two")))
        await asyncio.sleep(0.05)
        submission = await h.submit("accept")
        # The second run waits for the run slot; the submission behind it takes the free worker.
        await h.completed(submission)
        assert h.judge.runs == ["block one"] and h.queue.depth == 1
        h.judge.let_one_through()
        assert (await first).stdout == "HI"
        await eventually(lambda: h.judge.runs == ["block one", "block two"], "the second run to start")
        h.judge.let_one_through()
        outcome = await second
        assert outcome.stdout == "HI" and outcome.cases[0].stdout == "HI"
    finally:
        await h.queue.close(grace_s=0)


async def test_a_run_on_a_problem_runs_its_samples(harness: Harness, echo_problem: Problem) -> None:
    request = RunRequest(harness.queue.languages["python"], "accept", None, echo_problem)
    outcome = await harness.queue.run(request)
    assert [c.stdout for c in outcome.cases] == [t.read_input().decode().upper() for t in echo_problem.samples]


async def test_a_run_its_caller_left_leaves_the_line(harness: Harness, languages: dict[str, Language]) -> None:
    blocking = await harness.submit("block")
    await eventually(lambda: harness.judge.judged == ["block"], "the submission to start")
    waiting = asyncio.create_task(harness.queue.run(run_request(languages, "accept")))
    await eventually(lambda: harness.queue.depth == 1, "the run to wait")
    waiting.cancel()
    await eventually(lambda: harness.queue.depth == 0, "the run to leave the line")
    harness.judge.let_one_through()
    await harness.completed(blocking)
    assert harness.judge.runs == [], "a run nobody waits for is never started"


async def test_closing_tells_waiting_runs_they_will_not_run(harness: Harness, languages: dict[str, Language]) -> None:
    await harness.submit("block")
    await eventually(lambda: harness.judge.judged == ["block"], "the submission to start")
    waiting = asyncio.create_task(harness.queue.run(run_request(languages, "accept")))
    await eventually(lambda: harness.queue.depth == 1, "the run to wait")
    await harness.queue.close(grace_s=0)
    with pytest.raises(QueueFull, match="shutting down"):
        await waiting
