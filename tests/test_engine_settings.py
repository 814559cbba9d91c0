"""The engines of config.toml: an absent list is the local engine as before; a remote one is
https with its three certificate files, never tcp://."""

from __future__ import annotations

from pathlib import Path

import aiohttp
import pytest
from aiohttp.test_utils import TestServer
from fakes import FakeEngine

from codearena.config import ConfigError, EngineSettings, load_settings


def test_no_engines_listed_is_the_local_engine_with_pool_size_sandboxes() -> None:
    settings = load_settings(None, environ={}, pool_size=3)
    assert settings.engine_list() == [EngineSettings(name="local", url="", sandboxes=3)]
    assert settings.sandbox_count == 3


def test_listed_engines_add_up(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(
        '[[engines]]\nname = "local"\nsandboxes = 2\n'
        '[[engines]]\nname = "judge1"\nurl = "https://judge1.example.org:2376"\nsandboxes = 4\n'
        'ca_cert = "ca.pem"\nclient_cert = "cert.pem"\nclient_key = "key.pem"\n'
    )
    settings = load_settings(path, environ={})
    assert [(e.name, e.remote, e.sandboxes) for e in settings.engine_list()] == [
        ("local", False, 2),
        ("judge1", True, 4),
    ]
    assert settings.sandbox_count == 6


@pytest.mark.parametrize(
    ("engines", "message"),
    [
        ('[{"name": "a", "url": "tcp://h:2376"}]', "write https://h:2376"),
        ('[{"name": "a", "url": "https://h:2376"}]', "needs ca_cert, client_cert and client_key"),
        ('[{"name": "a"}, {"name": "a", "url": "unix:///x.sock"}]', "engine names must differ"),
        ('[{"name": "a", "url": "ftp://h"}]', "is not an engine address"),
        ("[{", "not a json list of engines"),  # the loader lowers the message
    ],
)
def test_a_bad_engine_stops_start_up_with_what_to_fix(engines: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message) as info:
        load_settings(None, environ={"CODEARENA_ENGINES": engines})
    assert "engines" in str(info.value)


async def test_health_and_metrics_report_each_engine_and_reduced_capacity(
    fake_server: TestServer, fake_engine: FakeEngine
) -> None:
    up = {**fake_engine.engines[0], "sandboxes": 2}
    down = {**up, "name": "judge1", "up": False, "sandboxes": 4, "idle": 0, "failures": 1, "faults": 2,
            "error": "engine judge1 did not answer within 3 s"}  # fmt: skip
    fake_engine.engines = [up, down]
    async with aiohttp.ClientSession(base_url=fake_server.make_url("")) as client:
        async with client.get("/health") as r:
            body = await r.json()
            assert r.status == 200, "judging goes on, on the engines left"
            assert body["status"] == "reduced" and [e["name"] for e in body["engines"]] == ["local", "judge1"]
            assert body["message"] == (
                "2 of 6 sandboxes can judge; out of the rotation: judge1 (engine judge1 did not answer within 3 s)"
            )
        async with client.get("/metrics") as r:
            text = await r.text()
        expected = [
            'codearena_engine_up{engine="local"} 1',
            'codearena_engine_up{engine="judge1"} 0',
            'codearena_engine_sandboxes{engine="judge1"} 4',
            'codearena_engine_failures_total{engine="judge1"} 1',
            'codearena_engine_faults_total{engine="judge1"} 2',
            'codearena_engine_busy{engine="local"} 0',
        ]
        assert [line for line in expected if line not in text.splitlines()] == []
        fake_engine.engines = [up]
        async with client.get("/health") as r:
            body = await r.json()
            assert body["status"] == "ok" and "message" not in body
