"""The editor's Run through the real app: the same queue as submissions, a capped share of the
pool, the problem's limits, and every sample in one sandbox lease."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from typing import Any

import aiohttp
import pytest
import pytest_asyncio
from aiohttp.test_utils import TestServer

from codearena.config import Settings
from codearena.web.app import init_app
from codearena.web.keys import ENGINE
from server_helpers import solution, submit, wait_completed

pytestmark = pytest.mark.docker

# Runs get 300 ms of CPU before the language's multiplier: a sleeping Python run holds its
# sandbox until the wall-clock limit, 2 x 900 + 500 = 2.3 s.
RUN_TIME_LIMIT_MS = 300
SLEEPING_RUN_WALL_S = 2.3


@pytest_asyncio.fixture(scope="module")
async def server(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[TestServer]:
    db = tmp_path_factory.mktemp("db") / "codearena.db"
    changes = {"database_path": db, "rate_limit_enabled": False, "pool_size": 2, "run_pool_share": 0.5,
               "run_time_limit_ms": RUN_TIME_LIMIT_MS}  # fmt: skip
    test_server = TestServer(init_app(settings.model_copy(update=changes)))
    async with test_server:
        yield test_server


@pytest_asyncio.fixture
async def client(server: TestServer) -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(
        base_url=server.make_url(""), cookie_jar=aiohttp.CookieJar(unsafe=True)
    ) as session:
        yield session


async def settle(pool: Callable[[], dict[str, int]]) -> None:
    """Until every sandbox is back in the pool (each reset done)."""
    for _ in range(200):
        if pool()["idle"] == pool()["size"]:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"the pool did not settle: {pool()}")


async def run(client: aiohttp.ClientSession, **body: object) -> dict[str, Any]:
    async with client.post("/api/run", json=body) as r:
        data: dict[str, Any] = await r.json()
        assert r.status == 200, data
        return data


async def test_run_on_the_samples_compiles_once_and_runs_them_in_one_lease(
    server: TestServer, client: aiohttp.ClientSession
) -> None:
    pool = server.app[ENGINE].pool_state
    await settle(pool)
    before = pool()["resets"]
    outcome = await run(client, language="cpp", source=solution("accepted.cpp"), problem="a-plus-b")
    cases = outcome["cases"]
    assert isinstance(cases, list) and len(cases) == 2  # a-plus-b's two samples
    assert all(c["verdict"] == "ok" and c["matches"] is True for c in cases), cases
    wrong = await run(client, language="python", source="print(0)", problem="a-plus-b")
    assert [c["matches"] for c in wrong["cases"]] == [False, False]
    await settle(pool)  # a lease's reset happens after the answer
    assert pool()["resets"] == before + 2, "one sandbox lease per run, whatever the number of samples"


async def test_a_run_on_a_problem_has_the_problems_limits(client: aiohttp.ClientSession) -> None:
    # Half a second of CPU: over this server's own Run limit (300 ms), within a-plus-b's (1 s).
    burn = "#include <ctime>\nint main() { while (clock() < CLOCKS_PER_SEC / 2) {} }\n"
    free = await run(client, language="cpp", source=burn, stdin="")
    assert free["verdict"] == "time_limit_exceeded", free
    assert str(free["reason"]).startswith("time limit (CPU"), free
    on_problem = await run(client, language="cpp", source=burn, stdin="", problem="a-plus-b")
    assert on_problem["verdict"] == "ok", on_problem


async def test_runs_cannot_starve_submissions(client: aiohttp.ClientSession) -> None:
    """Four sleeping runs hold at most half the pool; an honest submission sent after them is
    judged on the other half at once, not after them."""
    sleeper = {"language": "python", "source": "import time\ntime.sleep(60)\n", "stdin": ""}
    runs = [asyncio.create_task(run(client, **sleeper)) for _ in range(4)]
    await asyncio.sleep(0.3)  # every run is queued or running
    started = time.monotonic()
    submission = await submit(client, "a-plus-b", "python", solution("accepted.py"))
    done = await wait_completed(client, submission, timeout_s=60)
    latency = time.monotonic() - started
    assert done["verdict"] == "accepted"
    assert latency < SLEEPING_RUN_WALL_S, f"the submission waited {latency:.1f} s behind the runs"
    outcomes = await asyncio.gather(*runs)
    assert all(o["verdict"] == "time_limit_exceeded" for o in outcomes)
