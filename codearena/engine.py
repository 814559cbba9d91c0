"""The judging engine: one object owns the Docker client, the container pool and the judge."""

from __future__ import annotations

import logging

import aiodocker
import aiohttp

from codearena.config import Settings
from codearena.judging.judge import Judge
from codearena.languages import Language, load_languages
from codearena.paths import sandbox_image_tag
from codearena.sandbox.pool import ContainerPool

log = logging.getLogger(__name__)


class EngineError(Exception):
    """The engine cannot start; the message says what to do."""


class Engine:
    def __init__(
        self,
        settings: Settings,
        docker: aiodocker.Docker,
        pool: ContainerPool,
        languages: dict[str, Language],
    ) -> None:
        self.settings = settings
        self.docker = docker
        self.pool = pool
        self.languages = languages
        self.judge = Judge(settings, pool)
        self._closed = False

    @classmethod
    async def start(cls, settings: Settings, languages: dict[str, Language] | None = None) -> Engine:
        languages = languages if languages is not None else load_languages()
        image = settings.sandbox_image or sandbox_image_tag()
        docker = aiodocker.Docker()
        try:
            try:
                await docker.version()
            except (aiodocker.DockerError, aiohttp.ClientError, OSError, ValueError) as exc:
                raise EngineError(
                    f"Docker is not reachable ({exc}). Start Docker, or run `make setup`, which starts it."
                ) from exc
            try:
                await docker.images.inspect(image)
            except aiodocker.DockerError as exc:
                raise EngineError(
                    f"the sandbox image {image} is missing. Build it with `make setup` (sandbox/build-image.sh)."
                ) from exc
            pool = ContainerPool(docker, settings, image)
            await pool.start()
        except BaseException:
            await docker.close()
            raise
        engine = cls(settings, docker, pool, languages)
        try:
            await pool.probe_versions(languages)
        except BaseException:
            await engine.close()
            raise
        return engine

    async def close(self) -> None:
        """Remove every container and close the Docker client; safe to call twice."""
        if self._closed:
            return
        self._closed = True
        try:
            await self.pool.close()
        finally:
            await self.docker.close()
