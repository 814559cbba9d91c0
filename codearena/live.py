"""Live progress, fanned out to subscribers by topic.

A topic is a string: `submission:<id>` for one submission's progress, `scoreboard:<contest>` for
a contest's standings and clarifications (pings: each viewer fetches what it may see). For every
submission waiting or being judged the hub keeps its progress (status, queue position, test
results so far), read through `progress()`, so a subscriber that arrives mid-way is brought up to
date by `replay()` and then follows the live events.

Publishing is synchronous, inside the judge's own progress callback, so a subscriber must not
block: it queues what it is given and sends it on its own time (see web/ws.py).
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from codearena.domain.submission import Submission
from codearena.domain.verdicts import GroupResult, JudgeResult, Status, TestResult, Verdict

log = logging.getLogger(__name__)


def submission_topic(submission_id: str) -> str:
    return f"submission:{submission_id}"


def scoreboard_topic(contest: str) -> str:
    return f"scoreboard:{contest}"


@dataclass(frozen=True)
class StatusChanged:
    submission_id: str
    status: Status
    queue_position: int | None = None  # 1 = judged next; only while waiting in the queue


@dataclass(frozen=True)
class TestFinished:
    submission_id: str
    result: TestResult


@dataclass(frozen=True)
class GroupFinished:
    """A group of tests (a subtask) is done: its points and verdict are known."""

    submission_id: str
    result: GroupResult


@dataclass(frozen=True)
class Completed:
    submission_id: str
    verdict: Verdict
    passed: int
    total: int
    time_ms: int
    memory_kb: int
    reason: str
    score: int | None = None  # points earned, for a problem in groups
    max_score: int | None = None

    @classmethod
    def of_result(cls, submission_id: str, result: JudgeResult) -> Completed:
        return cls(submission_id, result.verdict, result.passed, result.total, result.time_ms, result.memory_kb,
                   result.reason, result.score, result.max_score)  # fmt: skip

    @classmethod
    def of_submission(cls, submission: Submission) -> Completed:
        return cls(submission.id, submission.verdict or Verdict.INTERNAL_ERROR, submission.passed, submission.total,
                   submission.time_ms, submission.memory_kb, submission.reason, submission.score,
                   submission.max_score)  # fmt: skip


@dataclass(frozen=True)
class ScoreboardChanged:
    """A contest's standings may have changed: a submission to it was queued or judged."""

    contest: str


@dataclass(frozen=True)
class ClarificationsChanged:
    """A contest's clarifications changed: a question was asked or answered, or an announcement
    made. Sent on the contest's scoreboard topic; each viewer fetches the ones it may see."""

    contest: str


LiveEvent = StatusChanged | TestFinished | GroupFinished | Completed | ScoreboardChanged | ClarificationsChanged
SubmissionWatcher = Callable[[str, "StatusChanged | Completed"], None]


class Subscriber(Protocol):
    def deliver(self, event: LiveEvent) -> None:
        """Take `event` without waiting: a slow subscriber must never hold up judging."""


@dataclass(frozen=True)
class Progress:
    """Where a submission being judged stands, as a snapshot."""

    status: Status
    queue_position: int | None
    tests: tuple[TestResult, ...]
    groups: tuple[GroupResult, ...] = ()


@dataclass
class _Progress:
    status: Status
    queue_position: int | None = None
    tests: list[TestResult] = field(default_factory=list)
    groups: list[GroupResult] = field(default_factory=list)
    announced_position: int | None = None  # the place subscribers were last told


# A waiting submission's subscribers hear its new place at most this often: with 50 waiting, one
# message each per job taken would be 50 messages for every submission judged.
POSITION_NEWS_S = 2.0


class Live:
    def __init__(self, position_news_s: float = POSITION_NEWS_S) -> None:
        self.position_news_s = position_news_s
        self._news_due: asyncio.TimerHandle | None = None
        self._progress: dict[str, _Progress] = {}
        self._subscribers: defaultdict[str, set[Subscriber]] = defaultdict(set)
        self._topics: defaultdict[Subscriber, set[str]] = defaultdict(set)
        self._watchers: list[SubmissionWatcher] = []

    # --- subscriptions

    def watch(self, watcher: SubmissionWatcher) -> None:
        """Call `watcher` with every submission's status change and completion, whoever follows
        it (a contest's scoreboard needs to hear of every submission to its problems)."""
        self._watchers.append(watcher)

    def _tell_watchers(self, submission_id: str, event: StatusChanged | Completed) -> None:
        for watcher in self._watchers:
            try:
                watcher(submission_id, event)
            except Exception:
                log.exception("a submission watcher failed")

    def subscribe(self, topic: str, subscriber: Subscriber) -> None:
        self._subscribers[topic].add(subscriber)
        self._topics[subscriber].add(topic)

    def unsubscribe(self, topic: str, subscriber: Subscriber) -> None:
        subscribers = self._subscribers.get(topic)
        if subscribers is not None:
            subscribers.discard(subscriber)
            if not subscribers:
                del self._subscribers[topic]
        topics = self._topics.get(subscriber)
        if topics is not None:
            topics.discard(topic)
            if not topics:
                del self._topics[subscriber]

    def unsubscribe_all(self, subscriber: Subscriber) -> None:
        """Every topic of `subscriber`, e.g. when its WebSocket closes."""
        for topic in list(self._topics.get(subscriber, ())):
            self.unsubscribe(topic, subscriber)

    def has_subscribers(self, topic: str) -> bool:
        return topic in self._subscribers

    def publish(self, topic: str, event: LiveEvent) -> None:
        for subscriber in list(self._subscribers.get(topic, ())):
            try:
                subscriber.deliver(event)
            except Exception:
                log.exception("a live subscriber failed on %s", topic)

    # --- progress of submissions

    def progress(self, submission_id: str) -> Progress | None:
        """The progress of a submission waiting or being judged; None once it is completed."""
        found = self._progress.get(submission_id)
        if found is None:
            return None
        return Progress(found.status, found.queue_position, tuple(found.tests), tuple(found.groups))

    def replay(self, submission_id: str) -> list[LiveEvent]:
        """The events that bring a late subscriber up to date; none for a completed submission."""
        found = self._progress.get(submission_id)
        if found is None:
            return []
        status = StatusChanged(submission_id, found.status, found.queue_position)
        tests = [TestFinished(submission_id, t) for t in found.tests]
        return [status, *tests, *(GroupFinished(submission_id, g) for g in found.groups)]

    def queued(self, submission_id: str, position: int) -> None:
        self._progress[submission_id] = _Progress(Status.QUEUED, position, announced_position=position)
        self._status(submission_id)
        self._tell_watchers(submission_id, StatusChanged(submission_id, Status.QUEUED, position))

    def dequeued(self, submission_id: str, waiting: Sequence[str]) -> None:
        """A worker took `submission_id`; `waiting` is the queue left, next first ("" for a job
        that is not a submission)."""
        found = self._progress.get(submission_id)
        if found is not None and found.queue_position is not None:
            found.queue_position = None
            self._status(submission_id)
        # Every place changes: the cost is one look-up each; the news goes out soon, in one go.
        moved = False
        for position, waiting_id in enumerate(waiting, start=1):
            found = self._progress.get(waiting_id) if waiting_id else None
            if found is not None and found.queue_position != position:
                found.queue_position = position
                moved = True
        if moved:
            self._announce_positions_soon()

    def _announce_positions_soon(self) -> None:
        if self._news_due is not None:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self.announce_positions()  # no event loop: nothing to wait with
            return
        self._news_due = loop.call_later(self.position_news_s, self.announce_positions)

    def announce_positions(self) -> None:
        """Tell each followed waiting submission its place, if it changed since it was told."""
        self._news_due = None
        for submission_id, found in self._progress.items():
            if found.queue_position is None or found.queue_position == found.announced_position:
                continue
            if self.has_subscribers(submission_topic(submission_id)):
                self._status(submission_id)

    def set_status(self, submission_id: str, status: Status) -> None:
        found = self._progress.setdefault(submission_id, _Progress(status))
        found.status = status
        if status != Status.QUEUED:
            found.queue_position = None
        self._status(submission_id)

    def add_test(self, submission_id: str, result: TestResult) -> None:
        self._progress.setdefault(submission_id, _Progress(Status.RUNNING)).tests.append(result)
        self.publish(submission_topic(submission_id), TestFinished(submission_id, result))

    def add_group(self, submission_id: str, result: GroupResult) -> None:
        self._progress.setdefault(submission_id, _Progress(Status.RUNNING)).groups.append(result)
        self.publish(submission_topic(submission_id), GroupFinished(submission_id, result))

    def complete(self, completed: Completed) -> None:
        self._progress.pop(completed.submission_id, None)
        self.publish(submission_topic(completed.submission_id), completed)
        self._tell_watchers(completed.submission_id, completed)

    def _status(self, submission_id: str) -> None:
        found = self._progress[submission_id]
        found.announced_position = found.queue_position
        event = StatusChanged(submission_id, found.status, found.queue_position)
        self.publish(submission_topic(submission_id), event)
