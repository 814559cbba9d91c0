"""Live progress of submissions, fanned out to WebSocket subscribers.

The hub keeps the progress of every submission being judged (status, test results so far),
so a subscriber that arrives mid-way gets the status and a replay, then the live events.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from codearena.domain.verdicts import JudgeResult, Status, TestResult

log = logging.getLogger(__name__)


def status_event(submission_id: str, status: Status) -> dict[str, Any]:
    return {"type": "submission_status", "submission_id": submission_id, "status": status.value}


def test_event(submission_id: str, test: TestResult) -> dict[str, Any]:
    return {"type": "test_result", "submission_id": submission_id, "index": test.index,
            "verdict": test.verdict.value, "time_ms": test.time_ms, "memory_kb": test.memory_kb}  # fmt: skip


def completed_event(submission_id: str, verdict: str, passed: int, total: int, time_ms: int,
                    memory_kb: int) -> dict[str, Any]:  # fmt: skip
    return {"type": "submission_completed", "submission_id": submission_id, "verdict": verdict,
            "passed": passed, "total": total, "time_ms": time_ms, "memory_kb": memory_kb}  # fmt: skip


@dataclass
class Progress:
    status: Status
    tests: list[TestResult] = field(default_factory=list)


class Hub:
    def __init__(self) -> None:
        self.progress: dict[str, Progress] = {}
        self.subscribers: defaultdict[str, set[web.WebSocketResponse]] = defaultdict(set)

    def subscribe(self, submission_id: str, ws: web.WebSocketResponse) -> list[dict[str, Any]]:
        """Register `ws`; return the events that bring it up to date with a running submission."""
        self.subscribers[submission_id].add(ws)
        progress = self.progress.get(submission_id)
        if progress is None:
            return []
        return [status_event(submission_id, progress.status)] + [test_event(submission_id, t) for t in progress.tests]

    def unsubscribe_all(self, ws: web.WebSocketResponse) -> None:
        for submission_id in list(self.subscribers):
            subs = self.subscribers[submission_id]
            subs.discard(ws)
            if not subs:
                del self.subscribers[submission_id]

    async def publish(self, submission_id: str, event: dict[str, Any]) -> None:
        subs = list(self.subscribers.get(submission_id, ()))
        if not subs:
            return
        await asyncio.gather(*(self._send(ws, event) for ws in subs))

    async def _send(self, ws: web.WebSocketResponse, event: dict[str, Any]) -> None:
        if ws.closed:
            return
        try:
            await ws.send_json(event)
        except (ConnectionError, RuntimeError) as exc:
            log.debug("dropping a websocket subscriber: %s", exc)

    async def set_status(self, submission_id: str, status: Status) -> None:
        self.progress.setdefault(submission_id, Progress(status)).status = status
        await self.publish(submission_id, status_event(submission_id, status))

    async def add_test(self, submission_id: str, test: TestResult) -> None:
        self.progress.setdefault(submission_id, Progress(Status.RUNNING)).tests.append(test)
        await self.publish(submission_id, test_event(submission_id, test))

    async def complete(self, submission_id: str, result: JudgeResult) -> None:
        self.progress.pop(submission_id, None)
        await self.publish(
            submission_id,
            completed_event(submission_id, result.verdict.value, result.passed, result.total,
                            result.time_ms, result.memory_kb),
        )  # fmt: skip
