"""One sandbox container and the supervisor that lives in it.

The container is locked down (no network, all capabilities dropped but SETUID/SETGID, no new
privileges, a seccomp allowlist, a read-only root, small tmpfs mounts, memory/pid/CPU caps).
A supervisor started once per container by `docker exec` runs every compile and test; we talk
to it with one JSON line per request over the exec's attached stdin/stdout.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import secrets
import socket
import time
from typing import Any

import aiodocker
from aiodocker.containers import DockerContainer
from aiodocker.stream import Stream

from codearena.config import Settings
from codearena.paths import SECCOMP_FILE

log = logging.getLogger(__name__)

LABEL = "codearena.sandbox.container"
OWNER_LABEL = "codearena.owner-pid"
SUPERVISOR = ["python3", "/opt/codearena/supervisor.py"]
RUNNER_UID_RANGE = (200_000, 900_000)
# Slack over a request's own limits before we give up on the supervisor itself.
REQUEST_MARGIN_S = 10.0


class SandboxError(Exception):
    """The sandbox misbehaved: the container is discarded and the judging is a judge fault."""


def container_config(settings: Settings, image: str, owner: str) -> dict[str, Any]:
    mb = 1024 * 1024
    seccomp = SECCOMP_FILE.read_text()
    return {
        "Image": image,
        "Labels": {LABEL: "1", OWNER_LABEL: owner},
        "NetworkDisabled": True,
        "HostConfig": {
            "NetworkMode": "none",
            "CapDrop": ["ALL"],
            "CapAdd": ["SETUID", "SETGID"],
            "SecurityOpt": ["no-new-privileges", f"seccomp={seccomp}"],
            "ReadonlyRootfs": True,
            "Tmpfs": {
                "/code": f"rw,exec,nosuid,nodev,size={settings.work_dir_size_mb}m,mode=1777",
                "/tmp": f"rw,exec,nosuid,nodev,size={settings.work_dir_size_mb}m,mode=1777",
                "/judge": "rw,noexec,nosuid,nodev,size=256m,mode=700",
            },
            "Memory": settings.container_memory_mb * mb,
            "MemorySwap": settings.container_memory_mb * mb,
            "PidsLimit": settings.container_pids_limit,
            "NanoCpus": int(settings.container_cpus * 1e9),
            "ShmSize": 16 * mb,
            "IpcMode": "private",
            "Ulimits": [{"Name": "core", "Soft": 0, "Hard": 0}],
        },
    }


class Sandbox:
    """A running container with its supervisor; use `create` and always `close`."""

    def __init__(self, container: DockerContainer, stream: Stream, runner_uid: int) -> None:
        self.container = container
        self.stream = stream
        self.runner_uid = runner_uid
        self.id = container.id[:12]
        self.jobs = 0
        self._buffer = b""
        self._closed = False

    @classmethod
    async def create(cls, docker: aiodocker.Docker, settings: Settings, image: str, owner: str) -> Sandbox:
        container = await docker.containers.create(container_config(settings, image, owner))
        try:
            await container.start()
            runner_uid = secrets.randbelow(RUNNER_UID_RANGE[1] - RUNNER_UID_RANGE[0]) + RUNNER_UID_RANGE[0]
            execution = await container.exec([*SUPERVISOR, str(runner_uid)], stdin=True, user="0")
            stream = execution.start(detach=False)
            sandbox = cls(container, stream, runner_uid)
            ready = await sandbox._read_reply(30.0)
            if not ready.get("ready"):
                raise SandboxError(f"supervisor did not start: {ready}")
            return sandbox
        except BaseException:
            await _remove(container)
            raise

    async def request(self, payload: dict[str, Any], timeout_s: float) -> dict[str, Any]:
        await self.send(payload)
        return await self.receive(timeout_s)

    async def send(self, payload: dict[str, Any]) -> None:
        """Queue a request; the supervisor answers requests in the order they were sent."""
        if self._closed:
            raise SandboxError("sandbox is closed")
        try:
            await self.stream.write_in(json.dumps(payload).encode() + b"\n")
        except Exception as exc:  # aiodocker asserts on a lost transport: any failure here is one
            raise SandboxError(f"cannot reach the supervisor: {exc!r}") from exc

    async def receive(self, timeout_s: float) -> dict[str, Any]:
        """The reply to the oldest request not yet answered."""
        reply = await self._read_reply(timeout_s + REQUEST_MARGIN_S)
        if not reply.get("ok", False) and "error" in reply:
            raise SandboxError(f"supervisor: {reply['error']}")
        return reply

    async def _read_reply(self, timeout_s: float) -> dict[str, Any]:
        deadline = time.monotonic() + timeout_s
        while b"\n" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise SandboxError(f"supervisor did not answer within {timeout_s:.0f} s")
            try:
                message = await asyncio.wait_for(self.stream.read_out(), remaining)
            except TimeoutError:
                raise SandboxError(f"supervisor did not answer within {timeout_s:.0f} s") from None
            except Exception as exc:  # a broken stream is a broken sandbox, whatever the error
                raise SandboxError(f"supervisor stream failed: {exc!r}") from exc
            if message is None:
                raise SandboxError("supervisor exited")
            if message.stream == 2:
                log.warning("sandbox %s supervisor: %s", self.id, message.data.decode(errors="replace").rstrip())
                continue
            self._buffer += message.data
        line, self._buffer = self._buffer.split(b"\n", 1)
        try:
            reply: dict[str, Any] = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SandboxError(f"supervisor sent garbage: {line[:200]!r}") from exc
        return reply

    async def close(self) -> None:
        """Stop the supervisor and remove the container; safe to call twice."""
        if self._closed:
            return
        self._closed = True
        try:
            await self.stream.close()
        except Exception:
            log.debug("closing supervisor stream of %s failed", self.id, exc_info=True)
        await _remove(self.container)


async def _remove(container: DockerContainer) -> None:
    try:
        await asyncio.shield(container.delete(force=True))
    except aiodocker.DockerError as exc:
        if exc.status != 404:
            log.warning("could not remove container %s: %s", container.id[:12], exc)


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
            await _remove(container)
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
