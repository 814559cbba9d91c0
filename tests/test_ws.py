"""The WebSocket on the whole app with a fake engine: no Docker."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable

import aiohttp
import pytest
from aiohttp.test_utils import TestServer
from fakes import FakeEngine

from codearena.domain.submission import Submission
from codearena.domain.verdicts import Status
from codearena.web.keys import LIVE, SUBMISSIONS
from server_helpers import events_until_completed, submit

WAIT_S = 30.0


async def eventually(condition: Callable[[], bool], what: str) -> None:
    deadline = asyncio.get_running_loop().time() + WAIT_S
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, f"still waiting for {what}"
        await asyncio.sleep(0.01)


def visitor(server: TestServer) -> aiohttp.ClientSession:
    return aiohttp.ClientSession(base_url=server.make_url(""), cookie_jar=aiohttp.CookieJar(unsafe=True))


async def test_a_completion_that_lands_while_the_row_is_read_is_not_lost(
    fake_server: TestServer, fake_engine: FakeEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, live = fake_server.app[SUBMISSIONS], fake_server.app[LIVE]
    async with visitor(fake_server) as client:
        submission_id = await submit(client, "a-plus-b", "python", "block")

        def running() -> bool:
            progress = live.progress(submission_id)
            return progress is not None and progress.status == Status.RUNNING

        await eventually(running, "judging to start")
        real_get = store.get

        async def get_while_it_completes(wanted: str) -> Submission | None:
            found = await real_get(wanted)  # still running when read...
            fake_engine.judging.let_one_through()  # ...and completed before the reader goes on
            await eventually(lambda: live.progress(wanted) is None, "the completion")
            return found

        monkeypatch.setattr(store, "get", get_while_it_completes)
        async with client.ws_connect("/ws") as ws:
            await ws.send_json({"type": "subscribe_submission", "submission_id": submission_id})
            events = await events_until_completed(ws, timeout_s=10)
        assert events[-1]["type"] == "submission_completed" and events[-1]["verdict"] == "accepted"


async def test_messages_that_are_not_subscriptions_get_errors(fake_server: TestServer) -> None:
    async with visitor(fake_server) as client, client.ws_connect("/ws") as ws:
        for message in ("{nonsense", json.dumps({"type": "dance"}), json.dumps([1]),
                        json.dumps({"type": "subscribe_submission", "submission_id": "ffffffffffffffff"}),
                        json.dumps({"type": "subscribe_submission", "submission_id": 7})):  # fmt: skip
            await ws.send_str(message)
            reply = await ws.receive_json(timeout=WAIT_S)
            assert reply["type"] == "error" and reply["message"], message
        assert not ws.closed


async def test_a_deeply_nested_message_gets_an_error_and_the_socket_stays(fake_server: TestServer) -> None:
    deep = "[" * 30_000 + "]" * 30_000  # under the 64 KiB message limit, far past json's recursion limit
    async with visitor(fake_server) as client, client.ws_connect("/ws") as ws:
        await ws.send_str(deep)
        reply = await ws.receive_json(timeout=WAIT_S)
        assert reply["type"] == "error" and "deep" in reply["message"]
        await ws.send_json({"type": "subscribe_submission", "submission_id": "ffffffffffffffff"})
        assert (await ws.receive_json(timeout=WAIT_S))["type"] == "error", "still serving"
