"""WS /ws: subscribe to submissions and receive their progress live."""

from __future__ import annotations

import asyncio
import functools
import json
import logging
from collections.abc import Awaitable, Callable

from aiohttp import WSMsgType, web

from codearena.live import ClarificationsChanged, Live, LiveEvent, ScoreboardChanged
from codearena.services.errors import NotFound, Unauthenticated
from codearena.web import wire
from codearena.web.contests import board_message
from codearena.web.errors import ApiError, parse_json
from codearena.web.keys import CONTESTS, LIVE, SETTINGS, SUBMISSION_SERVICE, VIEWER, WEBSOCKETS

log = logging.getLogger(__name__)

# Messages waiting for a client that does not read; past this it is dropped from its topics
# (a live client keeps up easily, and the heartbeat closes a dead one).
OUTBOX_SIZE = 1000

# A contest's standings table as this socket's viewer may see it (None: they may not).
Boards = Callable[[str], Awaitable[str | None]]


class SocketSubscriber:
    """One WebSocket as a live subscriber. Messages wait in an outbox that one task sends in
    order, so publishing never waits for a client."""

    def __init__(self, ws: web.WebSocketResponse, live: Live, boards: Boards | None = None) -> None:
        self.ws = ws
        self.live = live
        self.boards = boards
        self.tables: set[str] = set()  # contests whose standings this socket takes as tables, not pings
        self._stale: set[str] = set()  # contests whose standings wait in the outbox to be sent
        self._outbox: asyncio.Queue[wire.EventJson] = asyncio.Queue(OUTBOX_SIZE)

    def deliver(self, event: LiveEvent) -> None:
        if isinstance(event, ScoreboardChanged) and event.contest in self.tables:
            # One table waiting per contest is enough: it is made when its turn comes to be sent.
            if event.contest in self._stale:
                return
            self._stale.add(event.contest)
        self.send(wire.event(event))

    def send(self, message: wire.EventJson) -> None:
        try:
            self._outbox.put_nowait(message)
        except asyncio.QueueFull:
            log.warning("a WebSocket client reads nothing; no more live events for it")
            self.live.unsubscribe_all(self)

    async def _board(self, contest: str) -> str | None:
        assert self.boards is not None
        self._stale.discard(contest)
        try:
            return await self.boards(contest)
        except Exception:
            log.exception("the standings of contest %r could not be made", contest)
            return None

    async def run(self) -> None:
        """Send the outbox, in order, until cancelled."""
        while True:
            message = await self._outbox.get()
            if self.ws.closed:
                continue
            text: str | None = None
            if message["type"] == "scoreboard_changed" and message["contest"] in self.tables:
                text = await self._board(message["contest"])
                if text is None:
                    continue
            try:
                await self.ws.send_str(text if text is not None else json.dumps(message))
            except (ConnectionError, RuntimeError) as exc:
                log.debug("a WebSocket went away: %s", exc)


async def websocket(request: web.Request) -> web.StreamResponse:
    # Events are small JSON: compressing each costs more CPU than the bytes it saves.
    ws = web.WebSocketResponse(heartbeat=30.0, max_msg_size=64 * 1024, compress=False)
    await ws.prepare(request)
    live = request.app[LIVE]
    subscriber = SocketSubscriber(ws, live, functools.partial(board_message, request))
    sender = asyncio.create_task(subscriber.run(), name="websocket-sender")
    request.app[WEBSOCKETS].add(ws)
    try:
        async for message in ws:
            if message.type != WSMsgType.TEXT:
                continue
            await handle_message(request, subscriber, message.data)
    finally:
        live.unsubscribe_all(subscriber)
        request.app[WEBSOCKETS].discard(ws)
        sender.cancel()
        await asyncio.gather(sender, return_exceptions=True)
    return ws


async def handle_message(request: web.Request, subscriber: SocketSubscriber, text: str) -> None:
    try:
        data = parse_json(text, "the message")
    except ApiError as exc:
        subscriber.send(wire.error_event(f"messages must be JSON objects; {exc.message}"))
        return
    if isinstance(data, dict) and data.get("type") == "subscribe_scoreboard":
        await follow_scoreboard(request, subscriber, data.get("contest"), data.get("table") is True)
        return
    if not isinstance(data, dict) or data.get("type") != "subscribe_submission":
        subscriber.send(wire.error_event('expected {"type": "subscribe_submission", "submission_id": ...}'))
        return
    submission_id = data.get("submission_id")
    if not isinstance(submission_id, str):
        subscriber.send(wire.error_event(f"no submission {submission_id!r}"))
        return
    try:
        catch_up = await request.app[SUBMISSION_SERVICE].follow(request[VIEWER], submission_id, subscriber)
    except NotFound:
        subscriber.send(wire.error_event(f"no submission {submission_id!r}"))
        return
    for event in catch_up:
        subscriber.deliver(event)


async def follow_scoreboard(request: web.Request, subscriber: SocketSubscriber, contest: object, table: bool) -> None:
    """News when the contest's standings may have changed (accounts mode; its jury and participants):
    the standings table itself when the socket asks for `table`, else a `scoreboard_changed` ping."""
    try:
        if not isinstance(contest, str) or request.app[SETTINGS].auth != "accounts":
            raise NotFound("contest_not_found", "no such contest")
        await request.app[CONTESTS].follow(request[VIEWER], contest, subscriber)
    except (NotFound, Unauthenticated):
        subscriber.send(wire.error_event(f"no contest {str(contest)[:100]!r}"))
        return
    if table:
        subscriber.tables.add(contest)
    # Fetch them now: they may have changed since the page was made, or while it was offline.
    subscriber.deliver(ScoreboardChanged(contest))
    subscriber.deliver(ClarificationsChanged(contest))
