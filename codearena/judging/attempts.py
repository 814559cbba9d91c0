"""A submission judged more than once because its engine failed under it: what it tells the
live view, once per test."""

from __future__ import annotations

from codearena.judging.events import EventSink, GroupEvent, JudgeEvent, TestEvent

# A submission whose engine fails under it is judged again on another, at most this many times.
ENGINE_RETRIES = 2


class AttemptEvents:
    """Passes a judging's events on, but after an engine failed under it, not again what the
    failed attempt told already (the final result has every test, from the last attempt)."""

    def __init__(self, sink: EventSink) -> None:
        self._sink = sink
        self._tests: set[int] = set()
        self._groups: set[int] = set()
        self._told_tests: set[int] = set()
        self._told_groups: set[int] = set()

    def again(self) -> None:
        self._told_tests |= self._tests
        self._told_groups |= self._groups

    async def event(self, event: JudgeEvent) -> None:
        if isinstance(event, TestEvent):
            self._tests.add(event.result.index)
            if event.result.index in self._told_tests:
                return
        elif isinstance(event, GroupEvent):
            self._groups.add(event.result.index)
            if event.result.index in self._told_groups:
                return
        await self._sink(event)
