"""The HTTP API and the WebSocket against the real app, real SQLite and real Docker."""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
import pytest_asyncio
from aiohttp.test_utils import TestServer

from codearena.config import Settings
from codearena.languages import load_languages
from codearena.web.app import init_app
from codearena.web.security import COOKIE
from server_helpers import events_until_completed, solution, submit, wait_completed

pytestmark = pytest.mark.docker


@pytest_asyncio.fixture(scope="module")
async def server(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[TestServer]:
    db = tmp_path_factory.mktemp("db") / "codearena.db"
    app = init_app(settings.model_copy(update={"database_path": db, "rate_limit_enabled": False}))
    test_server = TestServer(app)
    async with test_server:
        yield test_server


@pytest_asyncio.fixture
async def client(server: TestServer) -> AsyncIterator[aiohttp.ClientSession]:
    """A fresh visitor: its own cookie jar, so its own session."""
    async with aiohttp.ClientSession(
        base_url=server.make_url(""), cookie_jar=aiohttp.CookieJar(unsafe=True)
    ) as session:
        yield session


async def test_health_languages_and_problems(client: aiohttp.ClientSession) -> None:
    async with client.get("/health") as r:
        body = await r.json()
        assert r.status == 200 and body["status"] == "ok" and body["docker"] is True
        assert body["queue_depth"] == 0 and body["pool"]["size"] == 2
    async with client.get("/api/languages") as r:
        langs = await r.json()
        # The full tier's image, as the suite runs: every language's toolchain answers.
        assert [lang["id"] for lang in langs] == list(load_languages())
        assert len(langs) == 13 and all(lang["version"] and lang["version"] != "unknown" for lang in langs)
    async with client.get("/api/problems") as r:
        problems = await r.json()
        assert any(p["slug"] == "a-plus-b" for p in problems) and len(problems) >= 21
        assert set(problems[0]) == {"slug", "title", "difficulty", "tags"}
    async with client.get("/api/problems", params={"difficulty": "hard"}) as r:
        assert {p["difficulty"] for p in await r.json()} == {"hard"}
    async with client.get("/api/problems", params={"tag": "math"}) as r:
        assert all("math" in p["tags"] for p in await r.json())
    async with client.get("/api/problems/a-plus-b") as r:
        detail = await r.json()
        assert detail["time_limit_ms"] == 1000 and detail["memory_limit_mb"] == 256
        assert detail["samples"][0] == {"input": "2\n1 2\n3 4\n", "output": "3\n7\n"}
        assert set(detail["starter_code"]) == set(load_languages())
        assert "## Input" in detail["statement"] and set(detail["languages"]) >= {"python", "cpp"}


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "code"),
    [
        ("GET", "/api/problems/no-such-problem", None, 404, "problem_not_found"),
        ("GET", "/api/problems/..%2F..%2Fetc", None, 404, None),
        ("GET", "/api/submissions/0123456789abcdef", None, 404, "submission_not_found"),
        ("GET", "/api/submissions/not-an-id", None, 404, "submission_not_found"),
        ("GET", "/api/submissions?limit=abc", None, 400, "invalid_filter"),
        ("POST", "/api/submissions", "{not json", 400, "malformed_json"),
        ("POST", "/api/submissions", "[1, 2]", 400, "invalid_body"),
        ("POST", "/api/submissions", {"language": "python", "source": "x"}, 400, "invalid_problem"),
        ("POST", "/api/submissions", {"problem": "a-plus-b", "language": 3, "source": "x"}, 400, "invalid_language"),
        ("POST", "/api/submissions", {"problem": "a-plus-b", "language": "cobol", "source": "x"}, 400, "unknown_language"),
        ("POST", "/api/submissions", {"problem": "a-plus-b", "language": "python", "source": "  \n"}, 400, "empty_source"),
        ("POST", "/api/submissions", {"problem": "a-plus-b", "language": "python", "source": None}, 400, "invalid_source"),
        ("POST", "/api/submissions", {"problem": "nope", "language": "python", "source": "x"}, 404, "problem_not_found"),
        ("POST", "/api/submissions", {"problem": "a-plus-b", "language": "python", "source": "#" * 70_000}, 413, "source_too_large"),
        ("POST", "/api/run", {"language": "python", "source": "print(1)", "stdin": 5}, 400, "invalid_stdin"),
        ("DELETE", "/api/problems", None, 405, "method_not_allowed"),
    ],
)  # fmt: skip
async def test_bad_requests_get_clear_errors(
    client: aiohttp.ClientSession, method: str, path: str, body: object, status: int, code: str | None
) -> None:
    kwargs: dict[str, object] = {}
    if isinstance(body, str):
        kwargs = {"data": body, "headers": {"Content-Type": "application/json"}}
    elif body is not None:
        kwargs = {"json": body}
    async with client.request(method, path, **kwargs) as r:  # type: ignore[arg-type]
        assert r.status == status
        error = (await r.json())["error"]
        assert error["message"]
        if code:
            assert error["code"] == code


async def test_huge_body_and_wrong_content_type(client: aiohttp.ClientSession) -> None:
    huge = io.BytesIO(b"x" * 2_000_000)
    async with client.post("/api/submissions", data=huge, headers={"Content-Type": "application/json"}) as r:
        assert r.status == 413 and (await r.json())["error"]["code"] == "payload_too_large"
    async with client.post("/api/submissions", data={"problem": "a-plus-b"}) as r:
        assert r.status == 415 and (await r.json())["error"]["code"] == "unsupported_media_type"


async def test_submission_lifecycle_and_sample_data(client: aiohttp.ClientSession) -> None:
    submission_id = await submit(client, "a-plus-b", "python", solution("first_pair_only.py"))
    body = await wait_completed(client, submission_id)
    assert body["verdict"] == "wrong_answer" and body["total"] == 10 and body["passed"] == 3
    assert body["problem"] == "a-plus-b" and body["language"] == "python"
    assert body["created_at"].endswith("Z") and "T" in body["created_at"]
    samples, hidden = body["tests"][:2], body["tests"][2:]
    assert samples[0]["input"] == "2\n1 2\n3 4\n" and samples[0]["expected"] == "3\n7\n"
    assert samples[0]["output"] == "3\n" and samples[0]["verdict"] == "wrong_answer"
    for test in hidden:
        assert set(test) == {"index", "verdict", "time_ms", "memory_kb", "reason"}, "hidden tests' data never leaves"
    assert isinstance(body["time_ms"], int) and body["memory_kb"] > 0


async def test_history_is_per_session_and_newest_first(server: TestServer) -> None:
    async with (
        aiohttp.ClientSession(base_url=server.make_url(""), cookie_jar=aiohttp.CookieJar(unsafe=True)) as alice,
        aiohttp.ClientSession(base_url=server.make_url(""), cookie_jar=aiohttp.CookieJar(unsafe=True)) as bob,
    ):
        first = await submit(alice, "a-plus-b", "cpp", solution("accepted.cpp"))
        second = await submit(alice, "a-plus-b", "python", solution("accepted.py"))
        cookie = next(c for c in alice.cookie_jar if c.key == COOKIE)
        assert cookie["httponly"] and cookie["samesite"] == "Lax"
        await wait_completed(alice, first)
        await wait_completed(alice, second)
        async with alice.get("/api/history") as r:
            ids = [s["id"] for s in await r.json()]
        assert ids[:2] == [second, first]
        async with alice.get("/api/submissions", params={"problem": "a-plus-b", "limit": "1"}) as r:
            assert [s["id"] for s in await r.json()] == [second]
        async with bob.get("/api/history") as r:
            assert await r.json() == []


@pytest.mark.parametrize(
    ("language", "source", "verdict"),
    [("java", solution("accepted.java"), "accepted"), ("java", solution("float_sum.java"), "wrong_answer"),
     ("java", "public class Main { void broken( }", "compilation_error")],
)  # fmt: skip
async def test_websocket_event_sequence(
    client: aiohttp.ClientSession, language: str, source: str, verdict: str
) -> None:
    async with client.ws_connect("/ws") as ws:
        submission_id = await submit(client, "a-plus-b", language, source)
        await ws.send_json({"type": "subscribe_submission", "submission_id": submission_id})
        events = await events_until_completed(ws)
    assert all(e["submission_id"] == submission_id for e in events)
    statuses = [e["status"] for e in events if e["type"] == "submission_status"]
    tests = [e for e in events if e["type"] == "test_result"]
    done = events[-1]
    assert done["verdict"] == verdict and done["total"] == 10
    assert statuses and statuses[-1] in {"queued", "compiling", "running"}
    if verdict == "compilation_error":
        assert tests == [] and "running" not in statuses
    else:
        assert [t["index"] for t in tests] == list(range(1, 11))
        assert statuses[-1] == "running"
        assert {"verdict", "time_ms", "memory_kb"} <= set(tests[0])
        assert done["passed"] == sum(t["verdict"] == "accepted" for t in tests)


async def test_websocket_finished_submission_and_bad_messages(client: aiohttp.ClientSession) -> None:
    submission_id = await submit(client, "a-plus-b", "cpp", solution("accepted.cpp"))
    await wait_completed(client, submission_id)
    async with client.ws_connect("/ws") as ws:
        await ws.send_str("{nonsense")
        assert (await ws.receive_json(timeout=5))["type"] == "error"
        await ws.send_json({"type": "dance"})
        assert (await ws.receive_json(timeout=5))["type"] == "error"
        await ws.send_json({"type": "subscribe_submission", "submission_id": "ffffffffffffffff"})
        assert (await ws.receive_json(timeout=5))["type"] == "error"
        await ws.send_json({"type": "subscribe_submission", "submission_id": submission_id})
        done = await ws.receive_json(timeout=5)
        assert done["type"] == "submission_completed" and done["verdict"] == "accepted" and done["passed"] == 10


async def test_websocket_refuses_a_foreign_origin(client: aiohttp.ClientSession, server: TestServer) -> None:
    with pytest.raises(aiohttp.WSServerHandshakeError) as info:
        await client.ws_connect("/ws", headers={"Origin": "http://evil.example"})
    assert info.value.status == 403
    own = f"http://{server.host}:{server.port}"
    async with client.ws_connect("/ws", headers={"Origin": own}) as ws:
        assert not ws.closed
    async with client.post("/api/run", json={"language": "python", "source": "print(1)"},
                           headers={"Origin": "http://evil.example"}) as r:  # fmt: skip
        assert r.status == 403


async def test_run_on_custom_input(client: aiohttp.ClientSession) -> None:
    source = "import sys\ndata = sys.stdin.read()\nprint(data.upper(), end='')\nprint('warn', file=sys.stderr)\n"
    async with client.post("/api/run", json={"language": "python", "source": source, "stdin": "hello\n"}) as r:
        body = await r.json()
    assert r.status == 200, body
    assert body["verdict"] == "ok" and body["stdout"] == "HELLO\n" and body["stderr"] == "warn\n"
    assert body["exit_code"] == 0 and body["memory_kb"] > 0 and body["output_truncated"] is False
    async with client.post("/api/run", json={"language": "cpp", "source": "int main( {"}) as r:
        body = await r.json()
    assert body["verdict"] == "compilation_error" and "error" in body["compile_output"]
    spam = "while True:\n    print('x' * 1000)\n"
    async with client.post("/api/run", json={"language": "python", "source": spam}) as r:
        body = await r.json()
    assert body["verdict"] == "output_limit_exceeded" and body["output_truncated"] is True
    assert len(body["stdout"]) <= 64 * 1024


async def test_metrics(client: aiohttp.ClientSession) -> None:
    submission_id = await submit(client, "a-plus-b", "cpp", solution("accepted.cpp"))
    await wait_completed(client, submission_id)
    async with client.get("/metrics") as r:
        text = await r.text()
    assert r.status == 200 and r.content_type == "text/plain"
    for name in ("codearena_queue_depth 0", 'codearena_pool_containers{state="idle"}',
                 'codearena_submissions_total{verdict="accepted"}', "codearena_judge_latency_seconds_count"):  # fmt: skip
        assert name in text


async def test_rate_limit_applies_to_writes_not_reads(settings: Settings, tmp_path: Path) -> None:
    app = init_app(settings.model_copy(update={
        "database_path": tmp_path / "db.sqlite", "pool_size": 1, "rate_limit_burst": 2, "rate_limit_per_minute": 6,
    }))  # fmt: skip
    async with (
        TestServer(app) as test_server,
        aiohttp.ClientSession(base_url=test_server.make_url(""), cookie_jar=aiohttp.CookieJar(unsafe=True)) as client,
    ):
        request = {"language": "python", "source": "print(1)"}
        for _ in range(2):
            async with client.post("/api/run", json=request) as r:
                assert r.status == 200
        async with client.post("/api/run", json=request) as r:
            assert r.status == 429
            assert int(r.headers["Retry-After"]) >= 1
            assert (await r.json())["error"]["code"] == "rate_limited"
        for _ in range(5):
            async with client.get("/api/problems") as r:
                assert r.status == 200


async def test_queue_full_answers_503_with_retry_after(
    settings: Settings, tmp_path: Path, echo_problem: object
) -> None:
    problems = Path(echo_problem.path).parent  # type: ignore[attr-defined]
    app = init_app(settings.model_copy(update={
        "database_path": tmp_path / "db.sqlite", "pool_size": 1, "queue_size": 1, "problems_dir": problems,
        "rate_limit_enabled": False,
    }))  # fmt: skip
    sleeper = "import time\ntime.sleep(60)\n"
    async with (
        TestServer(app) as test_server,
        aiohttp.ClientSession(base_url=test_server.make_url(""), cookie_jar=aiohttp.CookieJar(unsafe=True)) as client,
    ):
        running = await submit(client, "echo", "python", sleeper)
        status = "queued"
        while status == "queued":
            await asyncio.sleep(0.02)
            async with client.get(f"/api/submissions/{running}") as r:
                status = (await r.json())["status"]
        waiting = await submit(client, "echo", "python", sleeper)
        async with client.post("/api/submissions", json={"problem": "echo", "language": "python", "source": "x"}) as r:
            assert r.status == 503
            assert int(r.headers["Retry-After"]) >= 1
            assert (await r.json())["error"]["code"] == "queue_full"
        for submission_id in (running, waiting):
            done = await wait_completed(client, submission_id, timeout_s=120)
            assert done["verdict"] == "time_limit_exceeded"


async def test_degraded_without_docker_keeps_serving_reads(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOCKER_HOST", f"unix://{tmp_path}/no-docker.sock")
    app = init_app(settings.model_copy(update={"database_path": tmp_path / "db.sqlite"}))
    async with (
        TestServer(app) as test_server,
        aiohttp.ClientSession(base_url=test_server.make_url(""), cookie_jar=aiohttp.CookieJar(unsafe=True)) as client,
    ):
        async with client.get("/health") as r:
            body = await r.json()
            assert r.status == 503 and body["status"] == "degraded" and body["docker"] is False
        async with client.get("/api/problems/a-plus-b") as r:
            assert r.status == 200
        async with client.post(
            "/api/submissions", json={"problem": "a-plus-b", "language": "python", "source": "x"}
        ) as r:
            assert r.status == 503 and "Retry-After" in r.headers
