"""Helpers for tests that drive the real app over HTTP and WebSocket."""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path
from typing import Any

import aiohttp

from codearena.paths import PROBLEMS_DIR

A_PLUS_B = PROBLEMS_DIR / "a-plus-b" / "solutions"
# Under CI a test that cannot reach Docker or Chromium fails; elsewhere it is skipped.
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


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


# Runs in a page that fails to escape it: sets a flag and the title. Tests check neither happens.
XSS_PAYLOAD = (
    "<script>window.__pwned = 1; document.title = 'pwned'</script>"
    "<img src=x onerror=\"window.__pwned = 2; document.title = 'pwned'\">"
)
XSS_PROGRAM = f"import sys\nprint({XSS_PAYLOAD!r})\nprint({XSS_PAYLOAD!r}, file=sys.stderr)\n"


def hostile_problems(root: Path, bundled: tuple[str, ...] = ("a-plus-b",)) -> Path:
    """A problems folder: the `bundled` problems (linked) and `hostile`, whose files carry HTML payloads."""
    root.mkdir(parents=True, exist_ok=True)
    for slug in bundled:
        (root / slug).symlink_to(PROBLEMS_DIR / slug, target_is_directory=True)
    folder = root / "hostile"
    (folder / "tests" / "sample").mkdir(parents=True)
    starter = "print('</textarea>" + XSS_PAYLOAD + "')\n"
    (folder / "problem.yaml").write_text(
        json.dumps(
            {
                "title": "Hostile <i>title</i>" + XSS_PAYLOAD,
                "difficulty": "hard",
                "tags": ["<b>tag</b>", "escaping"],
                "time_limit_ms": 1000,
                "memory_limit_mb": 64,
                "starter_code": {"python": starter},
            }
        )
    )
    (folder / "statement.md").write_text(
        "# Statement\n\nSome **bold** text.\n\n"
        + XSS_PAYLOAD
        + "\n\n[click me](javascript:window.__pwned=3)\n\n"
        + '<a href="javascript:window.__pwned=4">raw link</a>\n\n'
        + "| a | b |\n|---|---|\n| 1 | 2 |\n"
    )
    (folder / "tests" / "sample" / "01.in").write_text(XSS_PAYLOAD + "\n")
    (folder / "tests" / "sample" / "01.ans").write_text(XSS_PAYLOAD + "\n")
    return root
