"""What a judging tells while it runs: its status, each test, each group of tests."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from codearena.domain.verdicts import GroupResult, Status, TestResult


@dataclass(frozen=True)
class StatusEvent:
    status: Status


@dataclass(frozen=True)
class TestEvent:
    result: TestResult


@dataclass(frozen=True)
class GroupEvent:
    """A group of tests (a subtask) is done: its last test was run or skipped."""

    result: GroupResult


JudgeEvent = StatusEvent | TestEvent | GroupEvent
EventSink = Callable[[JudgeEvent], Awaitable[None]]
