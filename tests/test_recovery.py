"""kill -9 mid-way through 20 submissions; the restarted server completes every one."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiodocker
import aiohttp
import pytest

from codearena.paths import ROOT
from codearena.sandbox.container import OWNER_LABEL
from server_helpers import solution, submit, wait_completed, write_config

pytestmark = pytest.mark.docker


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@asynccontextmanager
async def running_server(config: Path, port: int, log: Path) -> AsyncIterator[asyncio.subprocess.Process]:
    with log.open("ab") as out:
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "codearena.cli", "serve", "--config", str(config), "--port", str(port),
            cwd=ROOT, stdout=out, stderr=out,
        )  # fmt: skip
    try:
        async with aiohttp.ClientSession() as client:
            for _ in range(300):
                try:
                    async with client.get(f"http://127.0.0.1:{port}/health") as r:
                        if r.status == 200:
                            break
                except aiohttp.ClientError:
                    pass
                assert proc.returncode is None, log.read_text()
                await asyncio.sleep(0.1)
            else:
                pytest.fail("server did not become healthy:\n" + log.read_text())
        yield proc
    finally:
        if proc.returncode is None:
            proc.terminate()
            await proc.wait()


async def test_sigkill_loses_no_submission(tmp_path: Path) -> None:
    port = free_port()
    config = write_config(tmp_path / "config.toml", database_path=tmp_path / "judge.db", rate_limit_enabled=False,
                          pool_size=2)  # fmt: skip
    log = tmp_path / "server.log"
    jar = aiohttp.CookieJar(unsafe=True)
    base = f"http://127.0.0.1:{port}"
    async with running_server(config, port, log) as proc:
        async with aiohttp.ClientSession(base_url=base, cookie_jar=jar) as client:
            ids = [await submit(client, "a-plus-b", "python", solution("accepted.py")) for _ in range(20)]
            while True:  # wait until some, but not all, are judged
                async with client.get("/api/history", params={"limit": "20"}) as r:
                    done = sum(s["status"] == "completed" for s in await r.json())
                if done >= 2:
                    break
                await asyncio.sleep(0.01)
        killed_pid = proc.pid
        os.kill(proc.pid, signal.SIGKILL)
        await proc.wait()
    assert done < 20, "the kill came too late to test recovery"
    async with running_server(config, port, log), aiohttp.ClientSession(base_url=base, cookie_jar=jar) as client:
        results = [await wait_completed(client, i, timeout_s=120) for i in ids]
        assert [r["verdict"] for r in results] == ["accepted"] * 20
        assert all(r["passed"] == 10 for r in results)
        assert "re-queued" in log.read_text()
    async with aiodocker.Docker() as docker:
        left = await docker.containers.list(
            all=True, filters={"label": [f"{OWNER_LABEL}={socket.gethostname()}:{killed_pid}"]}
        )
        assert left == [], "the restarted server removed the killed one's containers"
