"""The JSON API on the whole app with a fake engine: no Docker."""

from __future__ import annotations

import aiohttp
import pytest
from aiohttp.test_utils import TestServer


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
