"""Who may see what (services/access.py) and the shapes that leave the server (web/wire.py).

The whole app runs on the fake engine, so none of this needs Docker.
"""

from __future__ import annotations

from typing import Any

import aiohttp
from aiohttp.test_utils import TestServer

from codearena import live
from codearena.domain.submission import Submission
from codearena.domain.verdicts import JudgeResult, Status, Verdict
from codearena.domain.verdicts import TestResult as CaseResult  # a Test* name would be collected
from codearena.paths import PROBLEMS_DIR
from codearena.problems.native import load_problem
from codearena.services import access
from codearena.web import wire
from server_helpers import submit, wait_completed

HIDDEN_KEYS = {"index", "verdict", "time_ms", "memory_kb", "reason"}


def visitor(server: TestServer) -> aiohttp.ClientSession:
    return aiohttp.ClientSession(base_url=server.make_url(""), cookie_jar=aiohttp.CookieJar(unsafe=True))


async def test_source_for_its_owner_sample_data_for_all_hidden_data_for_none(fake_server: TestServer) -> None:
    async with visitor(fake_server) as alice, visitor(fake_server) as bob:
        submission_id = await submit(alice, "a-plus-b", "python", "crash")
        mine = await wait_completed(alice, submission_id, timeout_s=30)
        theirs = await wait_completed(bob, submission_id, timeout_s=30)
        assert mine["source"] == "crash" and theirs["source"] is None
        for body in (mine, theirs):
            samples, hidden = body["tests"][:2], body["tests"][2:]
            assert samples[0]["input"] == "2\n1 2\n3 4\n" and samples[0]["expected"] == "3\n7\n"
            assert samples[0]["output"] == "7\n" and {"stderr", "checker_message"} <= set(samples[0])
            assert all(set(t) == HIDDEN_KEYS for t in hidden), "a hidden test's data never leaves the server"
        async with alice.get("/api/history") as r:
            assert [s["id"] for s in await r.json()] == [submission_id]
        async with bob.get("/api/history") as r:
            assert await r.json() == [], "each viewer lists only its own"
        async with bob.ws_connect("/ws") as ws:
            await ws.send_json({"type": "subscribe_submission", "submission_id": submission_id})
            event = await ws.receive_json(timeout=30)
        assert event["type"] == "submission_completed" and "source" not in event


def test_the_view_of_a_hidden_test_drops_whatever_the_store_holds() -> None:
    problem = load_problem(PROBLEMS_DIR / "a-plus-b")
    leaky = CaseResult(index=5, verdict=Verdict.WRONG_ANSWER, output="secret answer\n", stderr="secret input\n",
                       checker_message="expected 1234")  # fmt: skip
    sample = CaseResult(index=1, verdict=Verdict.ACCEPTED, output="3\n7\n", sample=True)
    submission = Submission(id="00000000000000aa", session="alice", problem="a-plus-b", language="python",
                            source="print(1)", status=Status.COMPLETED, verdict=Verdict.WRONG_ANSWER,
                            created_at="2025-01-02T03:04:05.678Z", tests=[sample, leaky])  # fmt: skip
    for viewer in (access.Viewer("alice"), access.Viewer("bob")):
        view = access.submission_view(viewer, submission, problem, None)
        assert view.tests[1].sample is None
        body: dict[str, Any] = dict(wire.submission(view))
        assert set(body["tests"][1]) == HIDDEN_KEYS and "secret" not in str(body)
        assert body["tests"][0]["expected"] == "3\n7\n"
        assert (body["source"] is not None) == (viewer.session == "alice")
    events: list[live.LiveEvent] = [
        live.StatusChanged(submission.id, Status.RUNNING),
        live.TestFinished(submission.id, leaky),
        live.Completed(submission.id, Verdict.WRONG_ANSWER, 1, 2, 5, 900, ""),
    ]
    assert "secret" not in str([wire.event(e) for e in events])


async def test_run_and_the_engine_seam_on_the_fake_engine(fake_server: TestServer) -> None:
    async with visitor(fake_server) as client:
        async with client.post("/api/run", json={"language": "python", "source": "x", "stdin": "hi\n"}) as r:
            assert r.status == 200 and (await r.json())["stdout"] == "HI\n"
        async with client.get("/health") as r:
            assert r.status == 200 and (await r.json())["pool"]["size"] == 1
        async with client.get("/metrics") as r:
            assert 'codearena_pool_containers{state="idle"} 1' in await r.text()


async def test_output_that_is_not_utf8_is_shown_with_replacement_characters(fake_server: TestServer) -> None:
    async with visitor(fake_server) as client:
        submission_id = await submit(client, "a-plus-b", "python", "binary")
        body = await wait_completed(client, submission_id, timeout_s=30)
        assert body["tests"][0]["output"] == "caf\ufffd \ufffd\ufffd\n"
        async with client.get(f"/submissions/{submission_id}") as r:
            assert r.status == 200 and "caf\ufffd" in await r.text()


async def test_text_that_is_not_unicode_is_refused_not_a_server_error(fake_server: TestServer) -> None:
    lone = '{"problem": "a-plus-b", "language": "python", "source": "print(\\"\\ud800\\")"}'
    run = '{"language": "python", "source": "print(1)", "stdin": "\\udcff"}'
    async with visitor(fake_server) as client:
        for path, body, field in (("/api/submissions", lone, "source"), ("/api/run", run, "stdin")):
            async with client.post(path, data=body, headers={"Content-Type": "application/json"}) as r:
                error = (await r.json())["error"]
                assert r.status == 400 and error["code"] == f"invalid_{field}" and "Unicode" in error["message"]


def test_the_cli_json_names_the_reasons() -> None:
    failed = CaseResult(index=2, verdict=Verdict.TIME_LIMIT_EXCEEDED, time_ms=3015, reason="time limit (CPU 3015 ms)")
    result = JudgeResult(verdict=Verdict.TIME_LIMIT_EXCEEDED, passed=1, total=2, time_ms=3015, memory_kb=900,
                         reason="time limit (CPU 3015 ms)",
                         tests=[CaseResult(index=1, verdict=Verdict.ACCEPTED), failed])  # fmt: skip
    shown = wire.judge_result(result)
    assert shown["reason"] == "time limit (CPU 3015 ms)"
    assert [t["reason"] for t in shown["tests"]] == ["", "time limit (CPU 3015 ms)"]
