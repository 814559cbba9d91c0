"""Problems reload while the server runs: on request, and when their files change on disk."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestServer
from fakes import FakeEngine

from codearena.config import Settings
from codearena.paths import PROBLEMS_DIR
from codearena.web.app import init_app
from codearena.web.keys import PROBLEM_ERRORS
from server_helpers import submit, wait_completed

Serve = Callable[..., AbstractAsyncContextManager[tuple[TestServer, aiohttp.ClientSession]]]


@pytest.fixture
def problems(tmp_path: Path) -> Path:
    """A problems folder holding a copy of a-plus-b, free to edit."""
    root = tmp_path / "problems"
    shutil.copytree(PROBLEMS_DIR / "a-plus-b", root / "a-plus-b")
    return root


@pytest.fixture
def serve(settings: Settings, fake_engine: FakeEngine, tmp_path: Path, problems: Path) -> Serve:
    @asynccontextmanager
    async def run(poll_interval_s: float) -> AsyncIterator[tuple[TestServer, aiohttp.ClientSession]]:
        changes = {"database_path": tmp_path / "codearena.db", "problems_dir": problems,
                   "problems_poll_interval_s": poll_interval_s, "rate_limit_enabled": False}  # fmt: skip
        app = init_app(settings.model_copy(update=changes), engine_factory=fake_engine.factory)
        server = TestServer(app)
        async with server, aiohttp.ClientSession(base_url=server.make_url("")) as client:
            yield server, client

    return run


async def problem(client: aiohttp.ClientSession, slug: str) -> tuple[int, dict[str, Any]]:
    async with client.get(f"/api/problems/{slug}") as r:
        return r.status, await r.json()


async def reload(client: aiohttp.ClientSession) -> dict[str, Any]:
    async with client.post("/api/problems/reload", json={}) as r:
        assert r.status == 200
        body: dict[str, Any] = await r.json()
        return body


def retitle(folder: Path, title: str) -> None:
    yaml_path = folder / "problem.yaml"
    yaml_path.write_text(yaml_path.read_text().replace("title: A + B\n", f"title: {title}\n", 1))


async def test_reload_serves_edits_and_new_problems_and_keeps_a_broken_one(serve: Serve, problems: Path) -> None:
    async with serve(poll_interval_s=0) as (server, client):
        folder = problems / "a-plus-b"
        retitle(folder, "A plus B")
        (folder / "statement.md").write_text("Add them up.\n")
        assert (await problem(client, "a-plus-b"))[1]["title"] == "A + B"  # no poll: nothing changes by itself

        shutil.copytree(folder, problems / "a-plus-c")
        assert await reload(client) == {"loaded": 2, "errors": []}
        status, shown = await problem(client, "a-plus-b")
        assert status == 200 and shown["title"] == "A plus B" and shown["statement"] == "Add them up.\n"
        # The submission service and the judge queue see the new problem: the same dict changed.
        submission_id = await submit(client, "a-plus-c", "python", "accept")
        assert (await wait_completed(client, submission_id))["verdict"] == "accepted"

        (folder / "problem.yaml").write_text("title: [A plus B\ndifficulty: easy\n")
        report = await reload(client)
        assert report["loaded"] == 1 and len(report["errors"]) == 1
        assert f"{folder / 'problem.yaml'}:2: expected valid YAML" in report["errors"][0]
        assert report["errors"][0].endswith("its previous version is still served")
        assert (await problem(client, "a-plus-b"))[1]["title"] == "A plus B"
        assert [str(e.path) for e in server.app[PROBLEM_ERRORS]] == [str(folder / "problem.yaml")]

        shutil.rmtree(problems / "a-plus-c")
        assert await reload(client) == {"loaded": 0, "errors": report["errors"]}
        assert (await problem(client, "a-plus-c"))[0] == 404


async def wait_for(check: Callable[[], Awaitable[bool]], timeout_s: float = 20) -> None:
    deadline = asyncio.get_running_loop().time() + timeout_s
    while not await check():
        assert asyncio.get_running_loop().time() < deadline, "the poll never reloaded the problems"
        await asyncio.sleep(0.05)


async def test_the_poll_reloads_a_problem_whose_files_changed(serve: Serve, problems: Path) -> None:
    async with serve(poll_interval_s=0.1) as (server, client):
        folder = problems / "a-plus-b"
        retitle(folder, "A plus B")

        async def retitled() -> bool:
            title: str = (await problem(client, "a-plus-b"))[1]["title"]
            return title == "A plus B"

        await wait_for(retitled)
        yaml_path = folder / "problem.yaml"
        yaml_path.write_text(yaml_path.read_text() + "flavour: sweet\n")

        async def failed() -> bool:
            return bool(server.app[PROBLEM_ERRORS])

        await wait_for(failed)
        assert "flavour: expected one of the known keys" in str(server.app[PROBLEM_ERRORS][0])
        assert (await problem(client, "a-plus-b"))[1]["title"] == "A plus B"
