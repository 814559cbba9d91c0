"""The JSON API on the whole app with a fake engine: no Docker."""

from __future__ import annotations

import aiohttp
import pytest
from aiohttp.test_utils import TestServer
from fakes import FakeEngine

from server_helpers import events_until_completed, submit, wait_completed


def visitor(server: TestServer) -> aiohttp.ClientSession:
    return aiohttp.ClientSession(base_url=server.make_url(""), cookie_jar=aiohttp.CookieJar(unsafe=True))


@pytest.mark.parametrize(("path", "depth"), [("/api/run", 100_000), ("/api/submissions", 30_000)])
async def test_deeply_nested_json_is_a_400_with_a_clear_message(fake_server: TestServer, path: str, depth: int) -> None:
    body = "[" * depth + "]" * depth
    async with (
        visitor(fake_server) as client,
        client.post(path, data=body, headers={"Content-Type": "application/json"}) as r,
    ):
        error = (await r.json())["error"]
    assert r.status == 400 and error["code"] == "malformed_json" and "deep" in error["message"]


async def test_filters_narrow_and_never_fail(fake_server: TestServer) -> None:
    async with visitor(fake_server) as client:
        for query in ("tag=no-such-tag", "difficulty=impossible", "tag=math&difficulty=impossible"):
            async with client.get(f"/api/problems?{query}") as r:
                assert r.status == 200 and await r.json() == [], query
        async with client.get("/api/problems?tag=math&difficulty=easy") as r:
            found = await r.json()
            assert found and all("math" in p["tags"] and p["difficulty"] == "easy" for p in found)
        submission_id = await submit(client, "a-plus-b", "python", "accept")
        async with client.get("/api/submissions?problem=no-such-problem") as r:
            assert r.status == 200 and await r.json() == []
        async with client.get("/api/submissions?problem=a-plus-b") as r:
            assert [s["id"] for s in await r.json()] == [submission_id]
        async with client.get("/?tag=no-such-tag", headers={"Accept": "text/html"}) as r:
            assert r.status == 200 and "No problem matches" in await r.text()
        async with client.get("/submissions?problem=no-such-problem", headers={"Accept": "text/html"}) as r:
            page = await r.text()
            assert r.status == 200 and submission_id not in page and "No submissions" in page


async def test_every_failure_names_its_reason(fake_server: TestServer, fake_engine: FakeEngine) -> None:
    async with visitor(fake_server) as client, client.ws_connect("/ws") as ws:
        submission_id = await submit(client, "a-plus-b", "python", "block crash")
        await ws.send_json({"type": "subscribe_submission", "submission_id": submission_id})
        fake_engine.judging.let_one_through()
        events = await events_until_completed(ws, timeout_s=30)
        body = await wait_completed(client, submission_id, timeout_s=30)
        async with client.get(f"/submissions/{submission_id}", headers={"Accept": "text/html"}) as r:
            page = await r.text()
    assert body["verdict"] == "runtime_error" and body["reason"] == "exit code 3"
    reasons = {t["index"]: t["reason"] for t in body["tests"]}
    assert reasons[3] == "exit code 3" and reasons[1] == "" and reasons[4] == "", "hidden tests too, data aside"
    tests = {e["index"]: e for e in events if e["type"] == "test_result"}
    assert tests[3]["reason"] == "exit code 3" and tests[1]["reason"] == ""
    assert events[-1]["type"] == "submission_completed" and events[-1]["reason"] == "exit code 3"
    assert '<span class="reason">exit code 3</span>' in page and 'class="summary-reason"' in page
    async with visitor(fake_server) as client, client.get("/api/history") as r:
        assert (await r.json()) == [], "a new visitor"
