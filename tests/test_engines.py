"""Judging over two Docker engines: the local one and a second dockerd over mutual TLS
(tests/engine_helpers.py). Real daemons, real sandboxes: the second engine is killed and frozen
mid-judgement, and every submission still gets its verdict."""

from __future__ import annotations

import asyncio
import signal
import ssl
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import aiodocker
import aiohttp
import pytest
import pytest_asyncio
from conftest import core_image, docker_unavailable, write_problem
from engine_helpers import SecondEngine, make_certs, why_not

from codearena.config import EngineSettings, Settings
from codearena.domain.verdicts import Verdict
from codearena.engine import Engine
from codearena.languages import Language
from codearena.paths import sandbox_image_tag
from codearena.problems.model import Problem
from codearena.sandbox.container import LABEL
from codearena.sandbox.docker import EngineError
from codearena.sandbox.hosts import Host

pytestmark = pytest.mark.docker

# Each test sleeps a little, so that judgings are still running when the engine goes.
ACCEPTED = "import time\ntime.sleep(0.3)\nprint(int(input()))\n"
WRONG = "import time\ntime.sleep(0.3)\nprint(int(input()) + 1)\n"


@pytest_asyncio.fixture(scope="module")
async def engine2() -> AsyncIterator[SecondEngine]:
    reason = why_not()
    if reason:
        docker_unavailable(reason)
    second = SecondEngine()
    try:
        await second.start()
        await second.load_image(await core_image())  # 0.9 GB, not the full tier's 2.3
        if second.load_seconds is not None:
            print(f"loading the sandbox image into the second engine took {second.load_seconds:.1f} s")
        yield second
    finally:
        await second.stop()


@pytest.fixture(scope="module")
def problem(tmp_path_factory: pytest.TempPathFactory) -> Problem:
    tests = [(f"{n}\n", f"{n}\n") for n in range(1, 5)]
    return write_problem(tmp_path_factory.mktemp("problems"), "slow-echo", tests=tests, time_limit_ms=2000)


def two_engines(settings: Settings, second: SecondEngine, *extra: EngineSettings) -> Settings:
    """Both engines run the core tier's image (Python is all these tests judge)."""
    engines = [EngineSettings(name="local", sandboxes=1), second.spec(sandboxes=2), *extra]
    return settings.model_copy(
        update={
            "engines": engines,
            "engine_check_interval_s": 0.5,
            "engine_check_timeout_s": 1.0,
            "sandbox_tier": "core",
            "sandbox_image": sandbox_image_tag("core"),
        }
    )


@pytest_asyncio.fixture
async def judging(settings: Settings, engine2: SecondEngine, languages: dict[str, Language]) -> AsyncIterator[Engine]:
    if engine2.process is None or engine2.process.poll() is not None:
        await engine2.start()  # a test before this one left it dead
    engine = await Engine.start(two_engines(settings, engine2), dict(languages))  # a core engine drops the rest
    try:
        yield engine
    finally:
        await engine.close()


def host(engine: Engine, name: str) -> Host:
    found = engine.pool.host(name)
    assert found is not None
    return found


async def wait_for(condition: Callable[[], bool | Awaitable[bool]], timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while True:
        value = condition()
        if not isinstance(value, bool):
            value = await value
        if value:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout_s:g} s: {what}")
        await asyncio.sleep(0.1)


async def judge_many(engine: Engine, problem: Problem, languages: dict[str, Language], count: int,
                     during: Callable[[], Awaitable[None]] | None = None) -> list[Verdict]:  # fmt: skip
    """Judge `count` submissions at once, alternately accepted and wrong; `during` runs once
    the second engine is judging some of them. Checks that each got its right verdict."""
    sources = [ACCEPTED if i % 2 == 0 else WRONG for i in range(count)]
    jobs = [asyncio.ensure_future(engine.judge.judge(problem, languages["python"], s)) for s in sources]
    if during is not None:
        await wait_for(lambda: host(engine, "engine2").describe()["busy"] == 2, 30, "engine2 judging two")
        await asyncio.sleep(0.3)  # mid-way through their tests
        await during()
    results = await asyncio.wait_for(asyncio.gather(*jobs), 120)
    verdicts = [r.verdict for r in results]
    expected = [Verdict.ACCEPTED if s == ACCEPTED else Verdict.WRONG_ANSWER for s in sources]
    assert verdicts == expected, [r.reason for r in results]
    return verdicts


async def labelled_ids(client: aiodocker.Docker) -> set[str]:
    return {c.id for c in await client.containers.list(all=True, filters={"label": [LABEL]})}


def live_ids(h: Host) -> set[str]:
    assert h.pool is not None
    return {s.container.id for s in h.pool._all}


async def only_live_sandboxes_are_left(h: Host) -> bool:
    assert h.docker is not None
    return h.up and await labelled_ids(h.docker.client) == live_ids(h) and len(live_ids(h)) == h.spec.sandboxes


async def test_submissions_are_judged_across_both_engines(
    judging: Engine, problem: Problem, languages: dict[str, Language]
) -> None:
    local, remote = host(judging, "local"), host(judging, "engine2")
    assert remote.docker is not None and remote.docker.client.docker_host.startswith("https://")
    await judge_many(judging, problem, languages, 6)
    assert local.pool is not None and remote.pool is not None
    assert local.pool.stats.resets >= 1 and remote.pool.stats.resets >= 2, "both engines judged"
    assert remote.faults == 0 and remote.failures == 0
    states = {e["name"]: e for e in judging.engines_state()}
    assert states["engine2"]["up"] is True and states["engine2"]["sandboxes"] == 2


async def test_an_engine_killed_mid_judgement_loses_nothing_and_its_orphans_go_when_it_is_back(
    judging: Engine, engine2: SecondEngine, problem: Problem, languages: dict[str, Language]
) -> None:
    remote = host(judging, "engine2")
    before = live_ids(remote)
    await judge_many(judging, problem, languages, 6, during=engine2.kill)
    assert remote.faults >= 1, "the kill came mid-judgement: judgings were taken up elsewhere"
    await wait_for(lambda: not remote.up, 5, "engine2 out of the rotation")
    assert remote.failures == 1 and remote.error.startswith("engine engine2 cannot be reached"), remote.error
    await engine2.start()
    await wait_for(lambda: only_live_sandboxes_are_left(remote), 30, "engine2 back, its orphans removed")
    assert remote.docker is not None
    assert not before & await labelled_ids(remote.docker.client), "the sandboxes of before the kill are gone"
    await judge_many(judging, problem, languages, 3)  # and it judges again


async def test_an_engine_frozen_mid_judgement_holds_no_worker(
    judging: Engine, engine2: SecondEngine, problem: Problem, languages: dict[str, Language]
) -> None:
    remote = host(judging, "engine2")

    async def freeze() -> None:
        engine2.signal(signal.SIGSTOP)

    started = time.monotonic()
    try:
        await judge_many(judging, problem, languages, 6, during=freeze)
        took = time.monotonic() - started
        assert not remote.up and remote.faults >= 1
        assert remote.error == "engine engine2 did not answer within 1 s"
    finally:
        engine2.signal(signal.SIGCONT)
    assert took < 30, f"a frozen engine held the judgings for {took:.0f} s"
    await wait_for(lambda: only_live_sandboxes_are_left(remote), 40, "engine2 back, its orphans removed")


async def test_a_client_without_a_valid_certificate_is_refused_and_reported(
    settings: Settings, engine2: SecondEngine, languages: dict[str, Language], tmp_path: Path
) -> None:
    if engine2.process is None or engine2.process.poll() is not None:
        await engine2.start()
    # No client certificate at all: the engine refuses the connection.
    context = ssl.create_default_context(cafile=str(engine2.certs / "ca.pem"))
    async with aiodocker.Docker(url=engine2.url, ssl_context=context) as client:
        with pytest.raises((aiohttp.ClientError, ssl.SSLError, aiodocker.DockerError)):
            await client.version()
    # A certificate of another CA: refused too, and reported, while the local engine judges.
    make_certs(tmp_path / "other")
    intruder = engine2.spec(name="intruder", sandboxes=1, certs=tmp_path / "other")
    config = settings.model_copy(update={"engines": [EngineSettings(name="local", sandboxes=1), intruder]})
    engine = await Engine.start(config, dict(languages))
    try:
        states = {e["name"]: e for e in engine.engines_state()}
        assert states["local"]["up"] is True
        refused = states["intruder"]
        assert refused["up"] is False and refused["failures"] == 1
        error = str(refused["error"])
        assert error.startswith(f"engine intruder ({engine2.url})") and "client_cert" in error, error
    finally:
        await engine.close()
    with pytest.raises(EngineError, match="intruder"):
        await Engine.start(config.model_copy(update={"engines": [intruder]}), dict(languages))
