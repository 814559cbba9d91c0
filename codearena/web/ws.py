"""WS /ws: subscribe to submissions and receive their progress live."""

from __future__ import annotations

import json
import logging

from aiohttp import WSMsgType, web

from codearena.domain.verdicts import Status
from codearena.hub import completed_event
from codearena.web.api import SUBMISSION_ID
from codearena.web.keys import HUB, SUBMISSIONS, WEBSOCKETS

log = logging.getLogger(__name__)


async def websocket(request: web.Request) -> web.StreamResponse:
    ws = web.WebSocketResponse(heartbeat=30.0, max_msg_size=64 * 1024)
    await ws.prepare(request)
    hub = request.app[HUB]
    request.app[WEBSOCKETS].add(ws)
    try:
        async for message in ws:
            if message.type != WSMsgType.TEXT:
                continue
            await handle_message(request, ws, message.data)
    finally:
        hub.unsubscribe_all(ws)
        request.app[WEBSOCKETS].discard(ws)
    return ws


async def handle_message(request: web.Request, ws: web.WebSocketResponse, text: str) -> None:
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        await ws.send_json({"type": "error", "message": "messages must be JSON objects"})
        return
    if not isinstance(data, dict) or data.get("type") != "subscribe_submission":
        await ws.send_json(
            {"type": "error", "message": 'expected {"type": "subscribe_submission", "submission_id": ...}'}
        )
        return
    submission_id = data.get("submission_id")
    if not isinstance(submission_id, str) or not SUBMISSION_ID.match(submission_id):
        await ws.send_json({"type": "error", "message": f"no submission {submission_id!r}"})
        return
    row = await request.app[SUBMISSIONS].get(submission_id)
    if row is None:
        await ws.send_json({"type": "error", "message": f"no submission {submission_id!r}"})
        return
    hub = request.app[HUB]
    catch_up = hub.subscribe(submission_id, ws)
    if row.status == Status.COMPLETED and submission_id not in hub.progress:
        await ws.send_json(completed_event(submission_id, row.verdict or "", row.passed, row.total, row.time_ms,
                                           row.memory_kb))  # fmt: skip
        return
    if not catch_up:
        catch_up = [{"type": "submission_status", "submission_id": submission_id, "status": row.status.value}]
    for event in catch_up:
        await ws.send_json(event)
