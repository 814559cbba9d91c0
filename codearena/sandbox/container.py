"""One sandbox container and the supervisor that lives in it.

The container is locked down (no network, all capabilities dropped but SETUID/SETGID, no new
privileges, a seccomp allowlist, a read-only root, small tmpfs mounts, memory/pid/CPU caps).
A supervisor started once per container by `docker exec` runs every compile and test; we talk
to it in frames (codearena.sandbox.protocol) over the exec's attached stdin/stdout.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Callable
from typing import Any

import aiodocker
import aiohttp
from aiodocker.containers import DockerContainer
from aiodocker.stream import Stream

from codearena.config import Settings
from codearena.paths import SECCOMP_FILE
from codearena.sandbox import protocol

log = logging.getLogger(__name__)

LABEL = "codearena.sandbox"
OWNER_LABEL = "codearena.owner-pid"
# Which connection to its engine made it: one process may hold two (the tests do), and what one
# gives up when its engine was away must not take the other's.
CLIENT_LABEL = "codearena.client"
SUPERVISOR = ["python3", "/opt/codearena/supervisor.py"]
RUNNER_UID_RANGE = (200_000, 900_000)
# Slack over a request's own limits before we give up on the supervisor itself.
REQUEST_MARGIN_S = 10.0
# A write of requests, or a Docker call to make or remove a container, that takes longer than
# this is stuck on a frozen engine.
WRITE_TIMEOUT_S = 10.0
CREATE_TIMEOUT_S = 60.0
REMOVE_TIMEOUT_S = 15.0


class SandboxError(Exception):
    """The sandbox misbehaved: the container is discarded and the judging is a judge fault."""


class EngineFault(SandboxError):
    """The engine under the sandbox failed: the supervisor's stream ended or broke without its
    reply, or the reply did not come in time. What was being judged may be judged elsewhere."""


def container_config(settings: Settings, image: str, owner: str, client: str = "") -> dict[str, Any]:
    mb = 1024 * 1024
    seccomp = SECCOMP_FILE.read_text()
    return {
        "Image": image,
        "Labels": {LABEL: "1", OWNER_LABEL: owner, CLIENT_LABEL: client},
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
            "CpusetCpus": settings.container_cpuset,
            "IpcMode": "private",
            "Ulimits": [{"Name": "core", "Soft": 0, "Hard": 0}],
        },
    }


class Sandbox:
    """A running container with its supervisor; use `create` and always `close`."""

    def __init__(self, container: DockerContainer, stream: Stream, runner_uid: int, engine: str = "") -> None:
        self.container = container
        self.engine = engine  # the name of the Docker engine it runs on
        self.stream = stream
        self.runner_uid = runner_uid
        self.id = container.id[:12]
        self.jobs = 0
        self.features: protocol.Features | None = None
        self._reader = protocol.FrameReader()
        self._closed = False
        self._deadline: asyncio.Timeout | None = None  # of the read in progress
        self._aborted = ""
        self.on_close: Callable[[Sandbox], None] = lambda _sandbox: None

    @classmethod
    async def create(
        cls,
        docker: aiodocker.Docker,
        settings: Settings,
        image: str,
        owner: str,
        engine: str = "",
        client: str = "",
    ) -> Sandbox:
        async with asyncio.timeout(CREATE_TIMEOUT_S):
            container = await docker.containers.create(container_config(settings, image, owner, client))
        try:
            async with asyncio.timeout(CREATE_TIMEOUT_S):
                await container.start()
                runner_uid = secrets.randbelow(RUNNER_UID_RANGE[1] - RUNNER_UID_RANGE[0]) + RUNNER_UID_RANGE[0]
                execution = await container.exec([*SUPERVISOR, str(runner_uid)], stdin=True, user="0")
            stream = execution.start(detach=False)
            sandbox = cls(container, stream, runner_uid, engine)
            try:
                sandbox.features = protocol.Features.parse(await sandbox._read_frame(30.0))
            except protocol.ProtocolError as exc:
                raise SandboxError(str(exc)) from exc
            if sandbox.features.writable_files:
                raise SandboxError(f"the runner could write files the reset cannot empty: {sandbox.features}")
            return sandbox
        except BaseException:
            await remove_container(container)
            raise

    async def request(self, frame: protocol.Frame, timeout_s: float) -> protocol.Frame:
        await self.send(frame)
        return await self.receive(timeout_s)

    async def send(self, *frames: protocol.Frame) -> None:
        """Queue requests, in one write; the supervisor answers them in the order they were sent."""
        if self._closed:
            raise SandboxError("sandbox is closed")
        if self._aborted:
            raise EngineFault(self._aborted)
        try:
            async with asyncio.timeout(WRITE_TIMEOUT_S):
                await self.stream.write_in(b"".join(frame.encode() for frame in frames))
        except TimeoutError:
            raise EngineFault(f"the supervisor took no input for {WRITE_TIMEOUT_S:.0f} s") from None
        except Exception as exc:  # aiodocker asserts on a lost transport: any failure here is one
            raise EngineFault(f"cannot reach the supervisor: {exc!r}") from exc

    async def receive(self, timeout_s: float) -> protocol.Frame:
        """The reply to the oldest request not yet answered."""
        reply = await self._read_frame(timeout_s + REQUEST_MARGIN_S)
        if not reply.ok and "error" in reply.header:
            raise SandboxError(f"supervisor: {reply.header['error']}")
        return reply

    def abort(self, reason: str) -> None:
        """Its engine is gone: the read in progress, and any later one, fails now with `reason`."""
        self._aborted = reason
        if self._deadline is not None and not self._deadline.expired():
            self._deadline.reschedule(asyncio.get_running_loop().time())

    async def _read_frame(self, timeout_s: float) -> protocol.Frame:
        if self._aborted:
            raise EngineFault(self._aborted)
        try:
            # One deadline for the whole frame (asyncio.timeout: no task per read, as wait_for makes).
            async with asyncio.timeout(timeout_s) as self._deadline:
                while True:
                    try:
                        frame = self._reader.next_frame()
                    except protocol.ProtocolError as exc:
                        raise SandboxError(str(exc)) from exc
                    if frame is not None:
                        return frame
                    try:
                        message = await self.stream.read_out()
                    except Exception as exc:  # a broken stream is a broken sandbox, whatever the error
                        raise EngineFault(f"supervisor stream failed: {exc!r}") from exc
                    if message is None:
                        raise EngineFault("supervisor exited without its reply")
                    if message.stream == 2:
                        text = message.data.decode(errors="replace").rstrip()
                        log.warning("sandbox %s supervisor: %s", self.id, text)
                        continue
                    self._reader.feed(message.data)
        except TimeoutError:
            if self._aborted:
                raise EngineFault(self._aborted) from None
            raise EngineFault(f"supervisor did not answer within {timeout_s:.0f} s") from None
        finally:
            self._deadline = None

    async def close(self) -> None:
        """Stop the supervisor and remove the container; safe to call twice."""
        if self._closed:
            return
        self._closed = True
        self.on_close(self)
        try:
            await self.stream.close()
        except Exception:
            log.debug("closing supervisor stream of %s failed", self.id, exc_info=True)
        await remove_container(self.container)


async def remove_container(container: DockerContainer) -> None:
    """Remove it, if its engine answers in time; one that does not has it removed as an orphan
    when it is back."""
    try:
        async with asyncio.timeout(REMOVE_TIMEOUT_S):
            await asyncio.shield(container.delete(force=True))
    except aiodocker.DockerError as exc:
        if exc.status != 404:
            log.warning("could not remove container %s: %s", container.id[:12], exc)
    except (TimeoutError, OSError, aiohttp.ClientError) as exc:
        log.warning("could not remove container %s: %r", container.id[:12], exc)
