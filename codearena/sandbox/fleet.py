"""Sandboxes over every Docker engine: a lease comes from any engine in the rotation that has
a free one (the one with the largest share free), and waits when none has."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Collection

from codearena.config import Settings
from codearena.sandbox import protocol
from codearena.sandbox.container import Sandbox, SandboxError
from codearena.sandbox.docker import DockerEngine, EngineError
from codearena.sandbox.hosts import STARTUP_ERRORS, Host
from codearena.sandbox.pool import PoolStats

log = logging.getLogger(__name__)


class Fleet:
    """Every engine of the settings; use `start` and always `close`."""

    def __init__(self, hosts: list[Host]) -> None:
        self.hosts = hosts
        self._waiters: list[asyncio.Future[None]] = []
        self._watchers: list[asyncio.Task[None]] = []
        self._closed = False
        for host in hosts:
            host.on_change = self._wake

    @classmethod
    async def start(cls, settings: Settings, image: str) -> Fleet:
        """Connect every engine; raises EngineError when none can judge. The others are reported
        down and tried again by their health checks."""
        fleet = cls([Host(spec, settings, image) for spec in settings.engine_list()])
        outcomes = await asyncio.gather(*(host.start() for host in fleet.hosts), return_exceptions=True)
        for host, outcome in zip(fleet.hosts, outcomes, strict=True):
            if isinstance(outcome, BaseException):
                if not isinstance(outcome, STARTUP_ERRORS):
                    await fleet.close()
                    raise outcome
                host.error = str(outcome) or repr(outcome)
                host.failures += 1
                log.error("engine %s cannot judge: %s", host.name, host.error)
        if not any(host.up for host in fleet.hosts):
            await fleet.close()
            raise EngineError("; ".join(host.error for host in fleet.hosts))
        fleet._watchers = [asyncio.create_task(h.watch(), name=f"engine-health-{h.name}") for h in fleet.hosts]
        return fleet

    def _wake(self) -> None:
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)

    def host(self, name: str) -> Host | None:
        return next((h for h in self.hosts if h.name == name), None)

    @property
    def first(self) -> DockerEngine:
        """The first listed engine that started: the checkers' pool runs there."""
        return next(h.docker for h in self.hosts if h.docker is not None)

    @property
    def features(self) -> protocol.Features | None:
        return next((h.pool.features for h in self.hosts if h.pool and h.pool.features), None)

    @property
    def stats(self) -> PoolStats:
        total = PoolStats()
        for host in self.hosts:
            if host.pool is not None:
                for name in ("created", "destroyed", "resets", "failed_resets"):
                    setattr(total, name, getattr(total, name) + getattr(host.pool.stats, name))
        return total

    def _take(self, avoid: Collection[str]) -> tuple[Host, Sandbox] | None:
        ready = [h for h in self.hosts if h.up and h.pool is not None and h.pool.idle]
        # An engine that failed this job is used again only when no other is in the rotation:
        # its idle sandboxes may be as dead as the one that failed.
        if any(h.up and h.name not in avoid for h in self.hosts):
            ready = [h for h in ready if h.name not in avoid]
        for host in sorted(ready, key=lambda h: -h.pool.idle / h.pool.size if h.pool else 0):
            assert host.pool is not None
            sandbox = host.pool.take_idle()
            if sandbox is not None:
                return host, sandbox
        return None

    @contextlib.asynccontextmanager
    async def lease(self, avoid: Collection[str] = ()) -> AsyncIterator[Sandbox]:
        """A clean container for one job from an engine in the rotation, not one of `avoid` if
        another has one free; reset (or replaced) in the background afterwards."""
        while (taken := self._take(avoid)) is None:
            if self._closed:
                raise SandboxError("the engines are closed")
            waiter = asyncio.get_running_loop().create_future()
            self._waiters.append(waiter)
            try:
                await waiter
            finally:
                if waiter in self._waiters:
                    self._waiters.remove(waiter)
        host, sandbox = taken
        assert host.pool is not None
        healthy = False
        try:
            yield sandbox
            healthy = True
        finally:
            host.pool.release(sandbox, healthy)

    def fault(self, engine: str) -> None:
        """A judging lost its sandbox to `engine`: count it and check that engine now."""
        host = self.host(engine)
        if host is not None:
            host.suspect()

    def others(self, engine: str) -> bool:
        """Whether an engine besides `engine` is configured (a failed judging can go there)."""
        return any(h.name != engine for h in self.hosts)

    @property
    def size(self) -> int:
        return sum(h.spec.sandboxes for h in self.hosts)

    @property
    def idle(self) -> int:
        return sum(h.pool.idle for h in self.hosts if h.up and h.pool is not None)

    def describe(self) -> dict[str, int]:
        """Every engine's pools together, by numbers (the shape of one pool's)."""
        stats = self.stats
        pools = [h.pool for h in self.hosts if h.pool is not None]
        return {
            "size": self.size,
            "live": sum(p.live for p in pools),
            "idle": self.idle,
            "busy": sum(p.busy for p in pools),
            "created": stats.created,
            "destroyed": stats.destroyed,
            "resets": stats.resets,
            "failed_resets": stats.failed_resets,
        }

    def engines(self) -> list[dict[str, object]]:
        return [host.describe() for host in self.hosts]

    async def close(self) -> None:
        """Stop the health checks, remove every container, close every client; safe twice."""
        self._closed = True
        self._wake()
        for task in self._watchers:
            task.cancel()
        await asyncio.gather(*self._watchers, return_exceptions=True)
        self._watchers = []
        await asyncio.gather(*(host.close() for host in self.hosts), return_exceptions=True)
