"""The judging engine: one object owns the Docker engine, the sandbox pools and the judge."""

from __future__ import annotations

import logging

from codearena.config import Settings
from codearena.judging.checkers import Checkers
from codearena.judging.judge import Judge
from codearena.judging.programs import SANDBOX_ENV
from codearena.languages import Language, load_languages
from codearena.paths import sandbox_image_tag
from codearena.sandbox import protocol
from codearena.sandbox.docker import DockerEngine
from codearena.sandbox.pool import ContainerPool
from codearena.sandbox.protocol import ProgramLimits, RunReply

log = logging.getLogger(__name__)

VERSION_LIMITS = ProgramLimits(
    cpu_ms=10_000, wall_ms=20_000, memory_kb=1 << 20, output_bytes=1 << 16, report_bytes=4096
)


class Engine:
    def __init__(
        self,
        settings: Settings,
        docker: DockerEngine,
        pool: ContainerPool,
        languages: dict[str, Language],
    ) -> None:
        self.settings = settings
        self.docker = docker
        self.pool = pool
        self.languages = languages
        self.checkers = Checkers(settings, self._start_checker_pool)
        self.judge = Judge(settings, pool, self.checkers)
        self._closed = False

    @classmethod
    async def start(cls, settings: Settings, languages: dict[str, Language] | None = None) -> Engine:
        """Connect to Docker, fill the pool and read each toolchain's version; raises EngineError."""
        languages = languages if languages is not None else load_languages()
        docker = await DockerEngine.connect(settings.sandbox_image or sandbox_image_tag())
        try:
            pool = ContainerPool(docker, settings, settings.pool_size)
            await pool.start()
        except BaseException:
            await docker.close()
            raise
        engine = cls(settings, docker, pool, languages)
        try:
            await engine.probe_versions()
        except BaseException:
            await engine.close()
            raise
        return engine

    @property
    def judging(self) -> Judge:
        """The judge: submissions, and the editor's runs."""
        return self.judge

    async def docker_up(self) -> bool:
        """Whether the Docker engine answers now."""
        return await self.docker.healthy()

    def pool_state(self) -> dict[str, int]:
        return self.pool.describe()

    async def _start_checker_pool(self) -> ContainerPool:
        pool = ContainerPool(self.docker, self.settings, self.settings.checker_pool_size)
        await pool.start()
        return pool

    async def probe_versions(self) -> None:
        """Read each toolchain's version from inside the sandbox."""
        async with self.pool.lease() as sandbox:
            await sandbox.request(protocol.prepare({}, SANDBOX_ENV), 10)
            for language in self.languages.values():
                frame = protocol.execute(language.version_command, VERSION_LIMITS)
                reply = RunReply.parse(await sandbox.request(frame, 20))
                lines = reply.output.decode("utf-8", "replace").strip().splitlines()
                language.version = lines[0].strip() if lines else "unknown"

    async def close(self) -> None:
        """Remove every container and close the Docker client; safe to call twice."""
        if self._closed:
            return
        self._closed = True
        try:
            await self.checkers.close()
            await self.pool.close()
        finally:
            await self.docker.close()
