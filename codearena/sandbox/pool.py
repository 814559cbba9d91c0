"""A bounded pool of warm sandbox containers.

A container serves many submissions: after each one it is reset (every process of the runner
uid killed, its files in /code, /tmp and /dev/shm deleted, and both checked) before it goes
back to the pool. A container that fails its reset, or whose job went wrong, is replaced.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass

import aiodocker

from codearena.config import Settings
from codearena.languages import Language
from codearena.sandbox.container import Sandbox, SandboxError, detect_owner, remove_orphans

log = logging.getLogger(__name__)

RESET_TIMEOUT_S = 10.0
RETRY_DELAY_S = 2.0
VERSION_LIMITS = {
    "cpu_ms": 10_000,
    "wall_ms": 20_000,
    "memory_kb": 1 << 20,
    "output_bytes": 1 << 16,
    "report_bytes": 4096,
    "processes": 64,
}


@dataclass
class PoolStats:
    created: int = 0
    destroyed: int = 0
    resets: int = 0
    failed_resets: int = 0


class ContainerPool:
    def __init__(self, docker: aiodocker.Docker, settings: Settings, image: str) -> None:
        self.docker = docker
        self.settings = settings
        self.image = image
        self.size = settings.pool_size
        self.stats = PoolStats()
        self._idle: asyncio.Queue[Sandbox] = asyncio.Queue()
        self._all: set[Sandbox] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._closed = False
        self.owner = ""

    @property
    def idle(self) -> int:
        return self._idle.qsize()

    @property
    def busy(self) -> int:
        return len(self._all) - self._idle.qsize()

    def describe(self) -> dict[str, int]:
        return {
            "size": self.size,
            "live": len(self._all),
            "idle": self.idle,
            "busy": self.busy,
            "created": self.stats.created,
            "destroyed": self.stats.destroyed,
            "resets": self.stats.resets,
            "failed_resets": self.stats.failed_resets,
        }

    async def start(self) -> None:
        self.owner = await detect_owner(self.docker)
        removed = await remove_orphans(self.docker, self.owner)
        if removed:
            log.info("removed %d sandbox container(s) left by an earlier crash", removed)
        sandboxes = await asyncio.gather(*(self._create() for _ in range(self.size)), return_exceptions=True)
        errors = [s for s in sandboxes if isinstance(s, BaseException)]
        for sandbox in sandboxes:
            if isinstance(sandbox, Sandbox):
                self._idle.put_nowait(sandbox)
        if errors:
            await self.close()
            raise errors[0]

    async def _create(self) -> Sandbox:
        sandbox = await Sandbox.create(self.docker, self.settings, self.image, self.owner)
        if self._closed:
            await sandbox.close()
            raise SandboxError("pool is closed")
        self._all.add(sandbox)
        self.stats.created += 1
        return sandbox

    @contextlib.asynccontextmanager
    async def lease(self) -> AsyncIterator[Sandbox]:
        """A clean container for one submission; it is reset in the background afterwards."""
        if self._closed:
            raise SandboxError("pool is closed")
        sandbox = await self._idle.get()
        healthy = False
        try:
            yield sandbox
            healthy = True
        finally:
            sandbox.jobs += 1
            self._spawn(self._recycle(sandbox, healthy))

    def _spawn(self, coro: object) -> None:
        task = asyncio.ensure_future(coro)  # type: ignore[call-overload]
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _recycle(self, sandbox: Sandbox, healthy: bool) -> None:
        if healthy and not self._closed:
            try:
                reply = await sandbox.request({"op": "reset"}, RESET_TIMEOUT_S)
                self.stats.resets += 1
                if reply.get("ok"):
                    self._idle.put_nowait(sandbox)
                    return
                log.warning("sandbox %s failed its reset: %s", sandbox.id, reply)
                self.stats.failed_resets += 1
            except SandboxError as exc:
                log.warning("sandbox %s failed its reset: %s", sandbox.id, exc)
                self.stats.failed_resets += 1
        await self._destroy(sandbox)
        while not self._closed:
            try:
                self._idle.put_nowait(await self._create())
                return
            except (SandboxError, aiodocker.DockerError, OSError) as exc:
                log.error("cannot replace a sandbox container: %s; retrying", exc)
                await asyncio.sleep(RETRY_DELAY_S)

    async def _destroy(self, sandbox: Sandbox) -> None:
        self._all.discard(sandbox)
        self.stats.destroyed += 1
        await sandbox.close()

    async def probe_versions(self, languages: dict[str, Language]) -> None:
        """Read each toolchain's version from inside the sandbox."""
        async with self.lease() as sandbox:
            await sandbox.request({"op": "prepare", "files": {}, "env": SANDBOX_ENV}, 10)
            for language in languages.values():
                reply = await sandbox.request(
                    {"op": "exec", "argv": language.version_command, "limits": VERSION_LIMITS}, 20
                )
                lines = reply.get("output", "").strip().splitlines()
                language.version = lines[0].strip() if lines else "unknown"

    async def close(self) -> None:
        """Remove every container; safe to call twice."""
        self._closed = True
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        while not self._idle.empty():
            self._idle.get_nowait()
        await asyncio.gather(*(self._destroy(s) for s in list(self._all)), return_exceptions=True)


SANDBOX_ENV = {
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "HOME": "/code/box",
    "LANG": "C.UTF-8",
    "TMPDIR": "/tmp",
}
