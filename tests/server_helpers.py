"""Helpers for tests that drive the real app over HTTP and WebSocket."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import aiohttp

from codearena.paths import PROBLEMS_DIR

A_PLUS_B = PROBLEMS_DIR / "a-plus-b" / "solutions"


def solution(name: str) -> str:
    return (A_PLUS_B / name).read_text()


async def submit(client: aiohttp.ClientSession, problem: str, language: str, source: str) -> str:
    async with client.post("/api/submissions", json={"problem": problem, "language": language, "source": source}) as r:
        body = await r.json()
        assert r.status == 202, body
        assert body["status"] == "queued"
        return str(body["id"])


async def wait_completed(client: aiohttp.ClientSession, submission_id: str, timeout_s: float = 60) -> dict[str, Any]:
    deadline = asyncio.get_running_loop().time() + timeout_s
    while True:
        async with client.get(f"/api/submissions/{submission_id}") as r:
            body: dict[str, Any] = await r.json()
        if body["status"] == "completed":
            return body
        assert asyncio.get_running_loop().time() < deadline, body
        await asyncio.sleep(0.05)


async def events_until_completed(ws: aiohttp.ClientWebSocketResponse, timeout_s: float = 60) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    while True:
        message = await asyncio.wait_for(ws.receive(), timeout_s)
        assert message.type == aiohttp.WSMsgType.TEXT, message
        event = json.loads(message.data)
        events.append(event)
        if event["type"] == "submission_completed":
            return events


def write_config(path: Path, **values: Any) -> Path:
    lines = []
    for key, value in values.items():
        lines.append(f"{key} = {json.dumps(str(value)) if isinstance(value, Path) else json.dumps(value)}")
    path.write_text("\n".join(lines) + "\n")
    return path
