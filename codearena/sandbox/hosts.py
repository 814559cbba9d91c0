"""One Docker engine in the rotation: its connection, its sandboxes and its health.

A host is checked every few seconds (a version query with a deadline). One that fails leaves
the rotation: its idle sandboxes are dropped and the reads of its busy ones fail at once, so
the judgings on it are taken up elsewhere (codearena.judging.judge). When it answers again,
what this server left on it is removed and its sandboxes are made afresh.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable

import aiodocker
import aiohttp

from codearena.config import EngineSettings, Settings
from codearena.sandbox.container import SandboxError
from codearena.sandbox.docker import DockerEngine, EngineError
from codearena.sandbox.pool import ContainerPool

log = logging.getLogger(__name__)

STARTUP_ERRORS = (EngineError, SandboxError, aiodocker.DockerError, aiohttp.ClientError, OSError, TimeoutError)


class Host:
    """One engine of the rotation; `start` (or the health check) connects it, `close` ends it."""

    def __init__(self, spec: EngineSettings, settings: Settings, image: str) -> None:
        self.spec = spec
        self.settings = settings
        self.image = image
        self.docker: DockerEngine | None = None
        self.pool: ContainerPool | None = None
        self.up = False
        self.failures = 0  # times it was found failing: at start, or taken out of the rotation
        self.faults = 0  # judgings that lost their sandbox on it
        self.error = ""  # why it is out of the rotation
        self.on_change: Callable[[], None] = lambda: None
        self._check_now = asyncio.Event()
        self._closed = False

    @property
    def name(self) -> str:
        return self.spec.name

    def describe(self) -> dict[str, object]:
        pool = self.pool
        return {
            "name": self.name,
            "url": self.spec.url or "local",
            "up": self.up,
            "sandboxes": self.spec.sandboxes,
            "live": pool.live if pool else 0,
            "idle": pool.idle if pool and self.up else 0,
            "busy": pool.busy if pool else 0,
            "failures": self.failures,
            "faults": self.faults,
            "error": self.error,
        }

    async def start(self) -> None:
        """Connect, remove orphans and fill the pool; raises what went wrong (STARTUP_ERRORS)."""
        docker = await DockerEngine.connect(self.image, self.spec)
        try:
            pool = ContainerPool(docker, self.settings, self.spec.sandboxes)
            pool.on_idle = self.on_change
            await pool.start()
        except BaseException:
            await docker.close()
            raise
        self.docker, self.pool = docker, pool
        self.up, self.error = True, ""
        self.on_change()

    def suspect(self) -> None:
        """A judging lost its sandbox here: check the engine now rather than at the next tick."""
        self.faults += 1
        self._check_now.set()

    async def watch(self) -> None:
        """The health check, until cancelled."""
        while not self._closed:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self.settings.engine_check_interval_s):
                    await self._check_now.wait()
            self._check_now.clear()
            try:
                await self.check()
            except asyncio.CancelledError:
                raise
            except Exception:  # the check must go on whatever one round met
                log.exception("engine %s: health check failed", self.name)

    async def check(self) -> None:
        """One round: take the engine out of the rotation, bring it back, or top its pool up."""
        if self.docker is None:  # never started: try again
            try:
                await self.start()
            except STARTUP_ERRORS as exc:
                self.error = str(exc) or repr(exc)
                return
            log.warning("engine %s is up: %d sandboxes", self.name, self.spec.sandboxes)
            return
        problem = await self.docker.problem(self.settings.engine_check_timeout_s)
        if problem:
            if self.up:
                self._leave(problem)
            return
        if not self.up:
            await self._come_back()
        elif self.pool is not None and self.pool.missing:
            await self.pool.refill()

    def _leave(self, reason: str) -> None:
        log.error("%s: out of the rotation", reason)
        self.up, self.error = False, reason
        self.failures += 1
        if self.pool is not None:
            self.pool.replace_now = False
            self.pool.discard_idle()
            for sandbox in self.pool.busy_sandboxes():
                sandbox.abort(f"{reason} (taken out of the rotation)")
        self.on_change()

    async def _come_back(self) -> None:
        assert self.docker is not None and self.pool is not None
        try:
            await self.docker.remove_orphans(mine_too=True)
            self.pool.replace_now = True
            made = await self.pool.refill()
        except STARTUP_ERRORS as exc:
            self.error = f"engine {self.name} answers but cannot be used: {exc}"
            log.error("%s", self.error)
            return
        if not made and not self.pool.idle:
            self.error = f"engine {self.name} answers but makes no sandbox"
            return
        log.warning("engine %s is back: %d sandboxes", self.name, self.pool.idle)
        self.up, self.error = True, ""
        self.on_change()

    async def close(self) -> None:
        """Remove its sandboxes and close its client; safe to call twice."""
        self._closed = True
        self.up = False
        try:
            if self.pool is not None:
                await self.pool.close()
        finally:
            if self.docker is not None:
                await self.docker.close()
