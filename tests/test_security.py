"""web/security.py: the Host allowlist, the Origin check, CSRF tokens and session cookies."""

from __future__ import annotations

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer, make_mocked_request

from codearena.config import ConfigError, Settings, load_settings
from codearena.services.access import Viewer
from codearena.web import security
from codearena.web.errors import ApiError
from codearena.web.keys import SIGNER, VIEWER


def request(method: str, headers: dict[str, str], session: str = "s1") -> web.Request:
    app = web.Application()
    app[SIGNER] = security.SessionSigner("k" * 64)
    made = make_mocked_request(method, "/", headers=headers, app=app)
    made[VIEWER] = Viewer(session)
    return made


@pytest.mark.parametrize(
    ("header", "name"),
    [("localhost", "localhost"), ("LocalHost:8080", "localhost"), ("127.0.0.1:80", "127.0.0.1"),
     ("[::1]:8080", "[::1]"), ("[::1]", "[::1]"), ("judge.example.org.", "judge.example.org"),
     ("", None), ("evil;script-src *", None), ("a b", None), ("[::1", None)],
)  # fmt: skip
def test_host_name_ignores_the_port_and_case(header: str, name: str | None) -> None:
    assert security.host_name(header) == name


def test_allowed_hosts_are_loopback_the_listening_address_and_the_public_name() -> None:
    loopback = {"localhost", "127.0.0.1", "[::1]"}
    assert security.allowed_hosts(Settings()) == loopback
    assert security.allowed_hosts(Settings(host="0.0.0.0")) == loopback, "listening everywhere names no host"
    assert security.allowed_hosts(Settings(host="::")) == loopback
    assert security.allowed_hosts(Settings(host="10.1.2.3")) == loopback | {"10.1.2.3"}
    assert security.allowed_hosts(Settings(host="fd00::7")) == loopback | {"[fd00::7]"}
    assert security.allowed_hosts(Settings(public_host="Judge.Example.org:443")) == loopback | {"judge.example.org"}
    assert security.allowed_hosts(Settings(allowed_hosts=["lab.local"])) == {"lab.local", "127.0.0.1"}
    assert security.allowed_hosts(Settings(allowed_hosts=["*"], host="0.0.0.0")) == {"*"}


def test_allowed_hosts_from_the_environment_and_bad_values() -> None:
    settings = load_settings(None, environ={"CODEARENA_ALLOWED_HOSTS": "a.example, b.example:8080"})
    assert settings.allowed_hosts == ["a.example", "b.example:8080"]
    with pytest.raises(ConfigError, match=r"allowed_hosts.*http://x"):
        load_settings(None, environ={"CODEARENA_ALLOWED_HOSTS": "http://x"})
    with pytest.raises(ConfigError, match="public_host"):
        load_settings(None, environ={"CODEARENA_PUBLIC_HOST": "a/b"})


def test_origin_is_checked_on_writes_and_websocket_upgrades_only() -> None:
    host = {"Host": "127.0.0.1:8080"}
    security.check_origin(request("POST", host))  # no Origin: a script, not a page
    security.check_origin(request("POST", {**host, "Origin": "http://127.0.0.1:8080"}))
    security.check_origin(request("GET", {**host, "Origin": "http://evil.example"}))
    for method, extra in [("POST", {}), ("DELETE", {}), ("GET", {"Upgrade": "websocket", "Connection": "Upgrade"})]:
        with pytest.raises(ApiError) as refused:
            security.check_origin(request(method, {**host, "Origin": "http://evil.example", **extra}))
        assert refused.value.status == 403 and refused.value.code == "forbidden_origin"
    with pytest.raises(ApiError):
        security.check_origin(request("POST", {**host, "Origin": "null"}))


def test_csrf_tokens_belong_to_a_session() -> None:
    alice, bob = request("POST", {}, "alice"), request("POST", {}, "bob")
    token = security.csrf_token(alice)
    assert security.csrf_valid(alice, token) and token == security.csrf_token(request("GET", {}, "alice"))
    assert not security.csrf_valid(bob, token) and not security.csrf_valid(alice, None)
    assert not security.csrf_valid(alice, "0" * len(token))


def test_session_cookies_are_signed() -> None:
    signer = security.SessionSigner("k" * 64)
    value = signer.sign("abc")
    assert signer.verify(value) == "abc"
    assert signer.verify("abc.0000") is None and signer.verify(value.replace("abc", "abd")) is None
    assert security.SessionSigner("other").verify(value) is None


async def test_a_request_for_a_foreign_host_is_refused(fake_server: TestServer) -> None:
    async with aiohttp.ClientSession(base_url=fake_server.make_url("")) as client:
        for path in ("/", "/api/problems", "/static/app.js", "/health"):
            async with client.get(path, headers={"Host": "rebound.attacker.example"}) as r:
                error = (await r.json())["error"]
                assert r.status == 400 and error["code"] == "host_not_allowed", path
                assert "rebound.attacker.example" in error["message"] and "allowed_hosts" in error["message"]
                assert "Set-Cookie" not in r.headers
        for host in ("localhost:8080", "127.0.0.1", "LOCALHOST", "[::1]:1234"):
            async with client.get("/api/problems", headers={"Host": host}) as r:
                assert r.status == 200, host
        with pytest.raises(aiohttp.WSServerHandshakeError) as info:
            await client.ws_connect("/ws", headers={"Host": "rebound.attacker.example"})
        assert info.value.status == 400
