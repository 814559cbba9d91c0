"""WS /ws: subscribe to submissions and receive their progress live."""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

from aiohttp import WSMsgType, web

from codearena.domain.verdicts import Status
from codearena.live import Completed, Live, LiveEvent, StatusChanged, TestFinished, submission_topic
from codearena.web.api import SUBMISSION_ID
from codearena.web.keys import LIVE, SUBMISSIONS, WEBSOCKETS

log = logging.getLogger(__name__)

# Messages waiting for a client that does not read; past this it is dropped from its topics
# (a live client keeps up easily, and the heartbeat closes a dead one).
OUTBOX_SIZE = 1000


def event_json(event: LiveEvent) -> dict[str, Any]:
    if isinstance(event, StatusChanged):
        return {"type": "submission_status", "submission_id": event.submission_id, "status": event.status.value}
    if isinstance(event, TestFinished):
        t = event.result
        return {"type": "test_result", "submission_id": event.submission_id, "index": t.index,
                "verdict": t.verdict.value, "time_ms": t.time_ms, "memory_kb": t.memory_kb}  # fmt: skip
    return {"type": "submission_completed", "submission_id": event.submission_id, "verdict": event.verdict.value,
            "passed": event.passed, "total": event.total, "time_ms": event.time_ms,
            "memory_kb": event.memory_kb}  # fmt: skip


class SocketSubscriber:
    """One WebSocket's subscriptions. Messages wait in an outbox that one task sends in order,
    so publishing never waits for a client."""

    def __init__(self, ws: web.WebSocketResponse, live: Live) -> None:
        self.ws = ws
        self.live = live
        self.topics: set[str] = set()
        self._outbox: asyncio.Queue[dict[str, Any]] = asyncio.Queue(OUTBOX_SIZE)

    def subscribe(self, topic: str) -> None:
        self.topics.add(topic)
        self.live.subscribe(topic, self)

    def unsubscribe_all(self) -> None:
        for topic in self.topics:
            self.live.unsubscribe(topic, self)
        self.topics.clear()

    def deliver(self, event: LiveEvent) -> None:
        self.send(event_json(event))

    def send(self, message: dict[str, Any]) -> None:
        try:
            self._outbox.put_nowait(message)
        except asyncio.QueueFull:
            log.warning("a WebSocket client reads nothing; no more live events for it")
            self.unsubscribe_all()

    async def run(self) -> None:
        """Send the outbox, in order, until cancelled."""
        while True:
            message = await self._outbox.get()
            if self.ws.closed:
                continue
            try:
                await self.ws.send_json(message)
            except (ConnectionError, RuntimeError) as exc:
                log.debug("a WebSocket went away: %s", exc)


async def websocket(request: web.Request) -> web.StreamResponse:
    ws = web.WebSocketResponse(heartbeat=30.0, max_msg_size=64 * 1024)
    await ws.prepare(request)
    subscriber = SocketSubscriber(ws, request.app[LIVE])
    sender = asyncio.create_task(subscriber.run(), name="websocket-sender")
    request.app[WEBSOCKETS].add(ws)
    try:
        async for message in ws:
            if message.type != WSMsgType.TEXT:
                continue
            await handle_message(request, subscriber, message.data)
    finally:
        subscriber.unsubscribe_all()
        request.app[WEBSOCKETS].discard(ws)
        sender.cancel()
        await asyncio.gather(sender, return_exceptions=True)
    return ws


async def handle_message(request: web.Request, subscriber: SocketSubscriber, text: str) -> None:
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        subscriber.send({"type": "error", "message": "messages must be JSON objects"})
        return
    if not isinstance(data, dict) or data.get("type") != "subscribe_submission":
        subscriber.send({"type": "error", "message": 'expected {"type": "subscribe_submission", "submission_id": ...}'})
        return
    submission_id = data.get("submission_id")
    if not isinstance(submission_id, str) or not SUBMISSION_ID.match(submission_id):
        subscriber.send({"type": "error", "message": f"no submission {submission_id!r}"})
        return
    row = await request.app[SUBMISSIONS].get(submission_id)
    if row is None:
        subscriber.send({"type": "error", "message": f"no submission {submission_id!r}"})
        return
    live = request.app[LIVE]
    subscriber.subscribe(submission_topic(submission_id))
    catch_up = live.replay(submission_id)
    if row.status == Status.COMPLETED and live.progress(submission_id) is None:
        subscriber.deliver(Completed.of_submission(row))
        return
    for event in catch_up or [StatusChanged(submission_id, row.status)]:
        subscriber.deliver(event)
