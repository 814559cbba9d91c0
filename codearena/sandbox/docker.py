"""One Docker engine: its client, the sandbox image, this server's owner label, its orphans.

Every sandbox container carries the label `codearena.sandbox` and an owner label naming the
server process that made it, so a server that starts after a crash removes what its dead
predecessor left, and never what a live server owns.
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import socket
import ssl
from collections.abc import Collection

import aiodocker
import aiohttp

from codearena.config import EngineSettings, Settings
from codearena.sandbox.container import CLIENT_LABEL, LABEL, OWNER_LABEL, Sandbox, remove_container

log = logging.getLogger(__name__)

VERSION_TIMEOUT_S = 5.0
REMOVE_ORPHANS_TIMEOUT_S = 60.0


class EngineError(Exception):
    """The engine cannot be used; the message says what to do."""


def make_client(spec: EngineSettings) -> aiodocker.Docker:
    """A client for the engine `spec` names; raises EngineError when its certificates do not load."""
    if not spec.remote:
        return aiodocker.Docker(url=spec.url or None)
    assert spec.ca_cert and spec.client_cert and spec.client_key, "checked by EngineSettings"
    try:
        context = ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cafile=str(spec.ca_cert))
        context.load_cert_chain(str(spec.client_cert), str(spec.client_key))
    except (OSError, ssl.SSLError) as exc:
        raise EngineError(
            f"engine {spec.name}: cannot load its certificates ({exc}); make them with sandbox/make-certs.sh"
        ) from exc
    # An https URL: with tcp:// aiodocker would speak plain HTTP whatever the context.
    return aiodocker.Docker(url=spec.url, ssl_context=context)


def _unreachable(spec: EngineSettings, exc: BaseException) -> str:
    if spec.remote:
        # aiodocker reports a refused handshake as a DockerError naming the SSL error.
        if isinstance(exc, ssl.SSLError | aiohttp.ClientSSLError) or "[SSL" in str(exc):
            return (
                f"engine {spec.name} ({spec.url}) refused the TLS handshake ({exc}); its CA must be ca_cert "
                "and must have signed client_cert (sandbox/make-certs.sh makes all three)"
            )
        # A refused client certificate may also show as a reset connection (TLS 1.3 sends the
        # alert after the client thinks the handshake done).
        return (
            f"engine {spec.name} ({spec.url}) is not reachable or refused the connection ({exc!r}); is dockerd "
            "running there with --tlsverify, and did the CA of ca_cert sign client_cert?"
        )
    return f"Docker is not reachable ({exc}). Start Docker, or run `make setup`, which starts it."


class DockerEngine:
    """A Docker engine CodeArena starts sandboxes on; use `connect` and always `close`."""

    def __init__(self, client: aiodocker.Docker, image: str, name: str = "local") -> None:
        self.client = client
        self.image = image
        self.name = name
        self.owner = ""
        self.spec = EngineSettings(name=name)
        self.client_id = secrets.token_hex(6)  # on every sandbox this connection makes
        self._made: set[Sandbox] = set()  # sandboxes made here and not yet closed

    @classmethod
    async def connect(cls, image: str, spec: EngineSettings | None = None) -> DockerEngine:
        """The engine `spec` names (default: the local one, DOCKER_HOST or the default socket),
        checked to have `image`; its orphans are removed."""
        spec = spec or EngineSettings(name="local")
        client = make_client(spec)
        engine = cls(client, image, spec.name)
        engine.spec = spec
        try:
            try:
                async with asyncio.timeout(VERSION_TIMEOUT_S):
                    await client.version()
            except (aiodocker.DockerError, aiohttp.ClientError, OSError, ValueError, TimeoutError) as exc:
                raise EngineError(_unreachable(spec, exc)) from exc
            try:
                async with asyncio.timeout(VERSION_TIMEOUT_S):
                    await client.images.inspect(image)
            except (aiodocker.DockerError, TimeoutError) as exc:
                where = f" on engine {spec.name}" if spec.url else ""
                hint = (
                    "load it there: docker save IMAGE | docker --host ... load (README, Judge machines)"
                    if spec.url
                    else "Build it with `make setup` (sandbox/build-image.sh)."
                )
                raise EngineError(f"the sandbox image {image} is missing{where}. {hint}") from exc
            async with asyncio.timeout(VERSION_TIMEOUT_S):
                engine.owner = await detect_owner(client)
            await engine.remove_orphans()
        except BaseException:
            await client.close()
            raise
        return engine

    async def remove_orphans(self, *, mine_too: bool = False) -> int:
        """Remove sandbox containers left by a crash; `mine_too`: also those this connection made
        and no longer uses (the engine was away, and what ran on it was given up)."""
        keep = {sandbox.container.id for sandbox in self._made}
        async with asyncio.timeout(REMOVE_ORPHANS_TIMEOUT_S):
            removed = await remove_orphans(self.client, self.owner, (self.client_id, keep) if mine_too else None)
        if removed:
            log.info("engine %s: removed %d sandbox container(s) left behind", self.name, removed)
        return removed

    async def healthy(self, timeout_s: float = VERSION_TIMEOUT_S) -> bool:
        """Whether the engine answers a version query within `timeout_s`."""
        return not await self.problem(timeout_s)

    async def problem(self, timeout_s: float = VERSION_TIMEOUT_S) -> str:
        """Why the engine does not answer a version query within `timeout_s`; "" when it does."""
        try:
            async with asyncio.timeout(timeout_s):
                await self.client.version()
        except TimeoutError:
            return f"engine {self.name} did not answer within {timeout_s:g} s"
        except Exception as exc:
            return f"engine {self.name} cannot be reached ({exc})"
        return ""

    async def create_sandbox(self, settings: Settings) -> Sandbox:
        sandbox = await Sandbox.create(self.client, settings, self.image, self.owner, self.name, self.client_id)
        self._made.add(sandbox)
        sandbox.on_close = self._made.discard
        return sandbox

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


async def remove_orphans(docker: aiodocker.Docker, me: str, given_up: tuple[str, Collection[str]] | None = None) -> int:
    """Remove sandbox containers whose owning server is gone (left behind by a crash), and,
    given `given_up` (a client id and the container ids it still uses), those that client of
    this server made but those.

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
            if given_up is not None and labels.get(CLIENT_LABEL) == given_up[0] and container.id not in given_up[1]:
                await remove_container(container)
                removed += 1
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
