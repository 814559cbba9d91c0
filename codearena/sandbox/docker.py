"""One Docker engine: its client, the sandbox image, this server's owner label, its orphans.

Every sandbox container carries the label `codearena.sandbox` and an owner label naming the
server process that made it, so a server that starts after a crash removes what its dead
predecessor left, and never what a live server owns.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket

import aiodocker
import aiohttp

from codearena.config import Settings
from codearena.sandbox.container import LABEL, OWNER_LABEL, Sandbox, remove_container

log = logging.getLogger(__name__)

VERSION_TIMEOUT_S = 5.0


class EngineError(Exception):
    """The engine cannot be used; the message says what to do."""


class DockerEngine:
    """A Docker engine CodeArena starts sandboxes on; use `connect` and always `close`."""

    def __init__(self, client: aiodocker.Docker, image: str, name: str = "local") -> None:
        self.client = client
        self.image = image
        self.name = name
        self.owner = ""

    @classmethod
    async def connect(cls, image: str, name: str = "local") -> DockerEngine:
        """The local engine (DOCKER_HOST or the default socket), checked to have `image`."""
        client = aiodocker.Docker()
        engine = cls(client, image, name)
        try:
            try:
                await asyncio.wait_for(client.version(), VERSION_TIMEOUT_S)
            except (aiodocker.DockerError, aiohttp.ClientError, OSError, ValueError, TimeoutError) as exc:
                raise EngineError(
                    f"Docker is not reachable ({exc}). Start Docker, or run `make setup`, which starts it."
                ) from exc
            try:
                await client.images.inspect(image)
            except aiodocker.DockerError as exc:
                raise EngineError(
                    f"the sandbox image {image} is missing. Build it with `make setup` (sandbox/build-image.sh)."
                ) from exc
            engine.owner = await detect_owner(client)
            removed = await remove_orphans(client, engine.owner)
            if removed:
                log.info("removed %d sandbox container(s) left by an earlier crash", removed)
        except BaseException:
            await client.close()
            raise
        return engine

    async def healthy(self) -> bool:
        """Whether the engine answers a version query within a few seconds."""
        try:
            await asyncio.wait_for(self.client.version(), VERSION_TIMEOUT_S)
        except Exception:
            return False
        return True

    async def create_sandbox(self, settings: Settings) -> Sandbox:
        return await Sandbox.create(self.client, settings, self.image, self.owner)

    async def close(self) -> None:
        await self.client.close()


async def detect_owner(docker: aiodocker.Docker) -> str:
    """How this process names itself on the sandboxes it owns.

    "host:pid" for a server on the host; "container:ID:pid" for one in a container of the
    same Docker (its host name is its container's id). Files such as /.dockerenv are no
    proof: machines built from images carry them too.
    """
    host = socket.gethostname()
    try:
        info = await docker.containers.get(host)
        if info.id.startswith(host) and info["State"]["Running"]:
            return f"container:{host}:{os.getpid()}"
    except aiodocker.DockerError:
        pass
    return f"{host}:{os.getpid()}"


async def remove_orphans(docker: aiodocker.Docker, me: str) -> int:
    """Remove sandbox containers whose owning server is gone (left behind by a crash).

    A server on the host is gone when its pid is; one in a container when its container no
    longer runs (or, in our own container, when its pid is). A server in a container cannot
    see host pids, so it leaves host servers' sandboxes alone.
    """
    here = socket.gethostname()
    mine_in_container = me.startswith("container:")
    removed = 0
    for container in await docker.containers.list(all=True, filters={"label": [LABEL]}):
        labels = container._container.get("Labels") or {}
        owner = labels.get(OWNER_LABEL, "")
        if owner == me:
            continue
        parts = owner.split(":")
        if len(parts) == 3 and parts[0] == "container" and parts[2].isdigit():
            if mine_in_container and parts[1] == here:
                gone = not _alive(int(parts[2]))
            else:
                gone = not await _container_running(docker, parts[1])
        elif len(parts) == 2 and parts[1].isdigit():
            gone = not mine_in_container and parts[0] == here and not _alive(int(parts[1]))
        else:
            gone = True  # not a label we wrote
        if gone:
            await remove_container(container)
            removed += 1
    return removed


async def _container_running(docker: aiodocker.Docker, name: str) -> bool:
    try:
        info = await docker.containers.get(name)
    except aiodocker.DockerError:
        return False
    return bool(info["State"]["Running"])


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
