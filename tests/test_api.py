"""The JSON API on the whole app with a fake engine: no Docker."""

from __future__ import annotations

import asyncio
from pathlib import Path

import aiohttp
import pytest
from aiohttp.test_utils import TestServer
from fakes import FakeEngine

from codearena.config import Settings
from codearena.web.app import init_app
from server_helpers import events_until_completed, submit, wait_completed


def visitor(server: TestServer) -> aiohttp.ClientSession:
    return aiohttp.ClientSession(base_url=server.make_url(""), cookie_jar=aiohttp.CookieJar(unsafe=True))


async def wait_status(client: aiohttp.ClientSession, submission_id: str, status: str) -> None:
    for _ in range(3000):  # 30 s at most: the machine is shared
        async with client.get(f"/api/submissions/{submission_id}") as r:
            if (await r.json())["status"] == status:
                return
        await asyncio.sleep(0.01)
    raise AssertionError(f"{submission_id} never reached {status}")


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
    assert body["verdict"] == "runtime_error" and body["reason"] == "test 3: exit code 3"
    reasons = {t["index"]: t["reason"] for t in body["tests"]}
    assert reasons[3] == "exit code 3" and reasons[1] == "" and reasons[4] == "", "hidden tests too, data aside"
    tests = {e["index"]: e for e in events if e["type"] == "test_result"}
    assert tests[3]["reason"] == "exit code 3" and tests[1]["reason"] == ""
    assert events[-1]["type"] == "submission_completed" and events[-1]["reason"] == "test 3: exit code 3"
    assert '<span class="reason">exit code 3</span>' in page and 'class="summary-reason"' in page
    async with visitor(fake_server) as client, client.get("/api/history") as r:
        assert (await r.json()) == [], "a new visitor"


async def test_a_waiting_submission_knows_its_place_in_the_queue(
    fake_server: TestServer, fake_engine: FakeEngine
) -> None:
    async with visitor(fake_server) as client:
        busy = [await submit(client, "a-plus-b", "python", "block") for _ in range(2)]  # both workers
        for submission_id in busy:
            await wait_status(client, submission_id, "running")
        waiting = []
        for place in (1, 2, 3):
            async with client.post("/api/submissions", json={"problem": "a-plus-b", "language": "python",
                                                             "source": "block"}) as r:  # fmt: skip
                body = await r.json()
                assert r.status == 202 and body["queue_position"] == place, body
                waiting.append(body["id"])
        last = waiting[-1]
        async with client.ws_connect("/ws") as ws:
            await ws.send_json({"type": "subscribe_submission", "submission_id": last})
            first = await ws.receive_json(timeout=30)
            assert first["type"] == "submission_status" and first["status"] == "queued"
            async with client.get(f"/api/submissions/{last}") as r:
                assert (await r.json())["queue_position"] == first["queue_position"] == 3
            fake_engine.judging.let_one_through()
            moved = await ws.receive_json(timeout=30)
            assert moved == {"type": "submission_status", "submission_id": last, "status": "queued",
                             "queue_position": 2}  # fmt: skip
            async with client.get(f"/submissions/{last}", headers={"Accept": "text/html"}) as r:
                assert "Queued · 2nd in line" in await r.text()
            for _ in range(4):
                fake_engine.judging.let_one_through()
            events = await events_until_completed(ws, timeout_s=30)
        # Places are announced every 2 s at most: 1st may go by unannounced, but never upwards.
        places = [e["queue_position"] for e in events if e["type"] == "submission_status" and e["queue_position"]]
        assert places == sorted(places, reverse=True) and all(place <= 2 for place in places)
        assert any(e["type"] == "submission_status" and e["status"] == "running" for e in events)
        for submission_id in [*busy, *waiting]:
            done = await wait_completed(client, submission_id, timeout_s=30)
            assert done["queue_position"] is None


async def test_a_full_queue_answers_503_and_writes_are_rate_limited(
    settings: Settings, fake_engine: FakeEngine, tmp_path: Path
) -> None:
    changes = {"database_path": tmp_path / "db.sqlite", "pool_size": 1, "queue_size": 1, "rate_limit_burst": 3,
               "rate_limit_per_minute": 1}  # fmt: skip
    server = TestServer(init_app(settings.model_copy(update=changes), engine_factory=fake_engine.factory))
    async with server, visitor(server) as client:
        running = await submit(client, "a-plus-b", "python", "block")
        await wait_status(client, running, "running")
        waiting = await submit(client, "a-plus-b", "python", "block")  # waits: the queue is full
        async with client.post("/api/submissions", json={"problem": "a-plus-b", "language": "python",
                                                         "source": "accept"}) as r:  # fmt: skip
            assert r.status == 503 and int(r.headers["Retry-After"]) >= 1
            assert (await r.json())["error"]["code"] == "queue_full"
        run = {"language": "python", "source": "print(1)", "stdin": "x"}
        async with client.post("/api/run", json=run) as r:
            assert r.status == 503, "a run waits in the same queue, which is full"
            assert (await r.json())["error"]["code"] == "queue_full"
        async with client.get("/api/problems") as r:
            assert r.status == 200, "reads are not limited"
        fake_engine.judging.let_one_through()
        fake_engine.judging.let_one_through()
        await wait_completed(client, waiting, timeout_s=30)
        async with client.post("/api/run", json=run) as r:
            assert r.status == 200, "the third write of the burst (a refused one is not charged)"
            assert (await r.json())["stdout"] == "X"
        async with client.post("/api/run", json=run) as r:
            assert r.status == 429 and int(r.headers["Retry-After"]) >= 1
            assert (await r.json())["error"]["code"] == "rate_limited"
