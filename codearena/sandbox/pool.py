"""A bounded pool of warm sandbox containers on one Docker engine.

A container serves many submissions: after each one it is reset (every process of the runner
uid killed, every place the runner can write emptied, and both checked) before it goes back to
the pool. A container that fails its reset, or whose job went wrong, is replaced; one that
cannot be replaced now (its engine is away) is replaced by `refill`, which the engine's health
check calls (codearena.sandbox.hosts).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable, Coroutine
from dataclasses import dataclass
from typing import Any, Protocol

import aiodocker

from codearena.config import Settings
from codearena.sandbox import protocol
from codearena.sandbox.container import Sandbox, SandboxError
from codearena.sandbox.docker import DockerEngine

log = logging.getLogger(__name__)

RESET_TIMEOUT_S = 10.0
RETRY_DELAY_S = 2.0


class Leases(Protocol):
    """Where sandboxes are leased from: one pool, or every engine's (codearena.sandbox.fleet)."""

    def lease(self) -> contextlib.AbstractAsyncContextManager[Sandbox]: ...


@dataclass
class PoolStats:
    created: int = 0
    destroyed: int = 0
    resets: int = 0
    failed_resets: int = 0


class ContainerPool:
    def __init__(self, engine: DockerEngine, settings: Settings, size: int) -> None:
        self.engine = engine
        self.settings = settings
        self.size = size
        self.stats = PoolStats()
        self._idle: asyncio.Queue[Sandbox] = asyncio.Queue()
        self._all: set[Sandbox] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._closed = False
        self._creating = 0
        # False while the engine is away: what is missing waits for `refill`.
        self.replace_now = True
        self.on_idle: Callable[[], None] = lambda: None  # a sandbox went back to the pool

    @property
    def missing(self) -> int:
        """Sandboxes short of `size` that nobody is making now."""
        return max(0, self.size - len(self._all) - self._creating)

    @property
    def idle(self) -> int:
        return self._idle.qsize()

    @property
    def live(self) -> int:
        return len(self._all)

    @property
    def busy(self) -> int:
        return len(self._all) - self._idle.qsize()

    @property
    def features(self) -> protocol.Features | None:
        """What the supervisors found about their containers (the same in every one)."""
        return next((s.features for s in self._all if s.features is not None), None)

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
        sandboxes = await asyncio.gather(*(self._create() for _ in range(self.size)), return_exceptions=True)
        errors = [s for s in sandboxes if isinstance(s, BaseException)]
        for sandbox in sandboxes:
            if isinstance(sandbox, Sandbox):
                self._idle.put_nowait(sandbox)
        if errors:
            await self.close()
            raise errors[0]

    async def _create(self) -> Sandbox:
        self._creating += 1
        try:
            sandbox = await self.engine.create_sandbox(self.settings)
        finally:
            self._creating -= 1
        if self._closed:
            await sandbox.close()
            raise SandboxError("pool is closed")
        self._all.add(sandbox)
        self.stats.created += 1
        return sandbox

    def _put(self, sandbox: Sandbox) -> None:
        self._idle.put_nowait(sandbox)
        self.on_idle()

    @contextlib.asynccontextmanager
    async def lease(self) -> AsyncIterator[Sandbox]:
        """A clean container for one job; it is reset in the background afterwards."""
        if self._closed:
            raise SandboxError("pool is closed")
        sandbox = await self._idle.get()
        healthy = False
        try:
            yield sandbox
            healthy = True
        finally:
            self.release(sandbox, healthy)

    def take_idle(self) -> Sandbox | None:
        """A clean container now, or None; give it back with `release`."""
        if self._closed or self._idle.empty():
            return None
        return self._idle.get_nowait()

    def release(self, sandbox: Sandbox, healthy: bool) -> None:
        """Give back a leased container: reset in the background, or replaced if not `healthy`."""
        sandbox.jobs += 1
        self._spawn(self._recycle(sandbox, healthy))

    def busy_sandboxes(self) -> list[Sandbox]:
        idle = set(self._idle._queue)  # type: ignore[attr-defined]  # asyncio.Queue keeps a deque
        return [s for s in self._all if s not in idle]

    def discard_idle(self) -> None:
        """Remove every idle container in the background (its engine was away: none is trusted)."""
        while not self._idle.empty():
            self._spawn(self._destroy(self._idle.get_nowait()))

    async def refill(self) -> int:
        """Make the containers the pool is short of; how many were made. Errors are logged."""
        wanted = self.missing
        if not wanted or self._closed:
            return 0
        made = await asyncio.gather(*(self._create() for _ in range(wanted)), return_exceptions=True)
        for sandbox in made:
            if isinstance(sandbox, Sandbox):
                self._put(sandbox)
            else:
                log.error("engine %s: cannot make a sandbox container: %s", self.engine.name, sandbox)
        return sum(isinstance(s, Sandbox) for s in made)

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _recycle(self, sandbox: Sandbox, healthy: bool) -> None:
        if healthy and not self._closed:
            try:
                reply = protocol.ResetReply.parse(await sandbox.request(protocol.RESET, RESET_TIMEOUT_S))
                self.stats.resets += 1
                if reply.ok:
                    self._put(sandbox)
                    return
                log.warning("sandbox %s failed its reset: %s", sandbox.id, reply)
                self.stats.failed_resets += 1
            except SandboxError as exc:
                log.warning("sandbox %s failed its reset: %s", sandbox.id, exc)
                self.stats.failed_resets += 1
        await self._destroy(sandbox)
        # Not if the pool was refilled meanwhile (its engine was away while this one was removed).
        while not self._closed and self.replace_now and self.missing:
            try:
                self._put(await self._create())
                return
            except (SandboxError, aiodocker.DockerError, OSError, TimeoutError) as exc:
                log.error("engine %s: cannot replace a sandbox container: %s; retrying", self.engine.name, exc)
                await asyncio.sleep(RETRY_DELAY_S)

    async def _destroy(self, sandbox: Sandbox) -> None:
        self._all.discard(sandbox)
        self.stats.destroyed += 1
        await sandbox.close()

    async def close(self) -> None:
        """Remove every container; safe to call twice."""
        self._closed = True
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        while not self._idle.empty():
            self._idle.get_nowait()
        await asyncio.gather(*(self._destroy(s) for s in list(self._all)), return_exceptions=True)
