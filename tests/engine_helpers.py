"""A second Docker engine on this machine, for tests/test_engines.py: its own dockerd with its
own data-root, exec-root, pid file and unix socket, listening on 127.0.0.1 over mutual TLS with
certificates from sandbox/make-certs.sh, as a judge machine would.

Its data-root stays in one place under /var/tmp, so the sandbox image loaded into it once
(docker save | docker load, about 20 s for the core image, 35 s for the full one) is there for
the next run on the same machine.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import aiodocker

from codearena.config import EngineSettings
from codearena.paths import ROOT

HOME = Path("/var/tmp/codearena-engine2")
MAKE_CERTS = ROOT / "sandbox" / "make-certs.sh"
START_TIMEOUT_S = 60.0
BRIDGE = "codearena-e2"  # the second dockerd's bridge (docker0 is the host dockerd's)
BRIDGE_ADDRESS = "172.31.254.1/24"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def make_certs(folder: Path) -> None:
    subprocess.run([str(MAKE_CERTS), str(folder), "127.0.0.1", "localhost"], check=True, capture_output=True)


def why_not() -> str:
    """Why a second dockerd cannot run here; "" when it can."""
    if os.geteuid() != 0:
        return "a second dockerd needs root"
    for tool in ("dockerd", "docker", "openssl"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    return ""


class SecondEngine:
    """One dockerd under HOME; start, kill, freeze and thaw it."""

    def __init__(self, home: Path = HOME) -> None:
        self.home = home
        self.certs = home / "certs"
        self.socket = home / "docker.sock"
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.load_seconds: float | None = None  # how long loading the sandbox image took, if it had to

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def spec(self, name: str = "engine2", sandboxes: int = 2, certs: Path | None = None) -> EngineSettings:
        """How config.toml names this engine; `certs`: present another folder's client certificate."""
        client = certs or self.certs
        return EngineSettings(name=name, url=self.url, sandboxes=sandboxes, ca_cert=self.certs / "ca.pem",
                              client_cert=client / "cert.pem", client_key=client / "key.pem")  # fmt: skip

    def _command(self) -> list[str]:
        home, certs = self.home, self.certs
        return [
            "dockerd",
            f"--data-root={home / 'data'}",
            f"--exec-root={home / 'exec'}",
            f"--pidfile={home / 'dockerd.pid'}",
            f"--host=unix://{self.socket}",
            f"--host=tcp://127.0.0.1:{self.port}",
            "--tlsverify",
            f"--tlscacert={certs / 'ca.pem'}",
            f"--tlscert={certs / 'server-cert.pem'}",
            f"--tlskey={certs / 'server-key.pem'}",
            # A bridge of its own: with --bridge=none a dockerd deletes docker0, the host
            # dockerd's bridge, which `docker build` and published ports need.
            f"--bridge={BRIDGE}",
            "--iptables=false",
            "--ip-masq=false",
            "--ip-forward=false",
        ]

    async def start(self) -> None:
        self.home.mkdir(parents=True, exist_ok=True)
        if not (self.certs / "cert.pem").exists():
            make_certs(self.certs)
        self._end_leftover()
        self._make_bridge()
        log = (self.home / "dockerd.log").open("ab")
        # Popen returns at once; the daemon outlives any one await.
        self.process = subprocess.Popen(  # noqa: ASYNC220
            self._command(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        log.close()
        deadline = time.monotonic() + START_TIMEOUT_S
        async with aiodocker.Docker(url=f"unix://{self.socket}") as client:
            while True:
                with contextlib.suppress(Exception):
                    await client.version()
                    return
                if self.process.poll() is not None or time.monotonic() > deadline:
                    tail = (self.home / "dockerd.log").read_text(errors="replace")[-2000:]
                    raise RuntimeError(f"the second dockerd did not start:\n{tail}")
                await asyncio.sleep(0.2)

    @staticmethod
    def _make_bridge() -> None:
        """The second dockerd's bridge, made once per boot (sandboxes have no network at all)."""
        if Path(f"/sys/class/net/{BRIDGE}").exists():
            return
        commands = [
            ["ip", "link", "add", BRIDGE, "type", "bridge"],
            ["ip", "addr", "add", BRIDGE_ADDRESS, "dev", BRIDGE],
            ["ip", "link", "set", BRIDGE, "up"],
        ]
        for command in commands:
            subprocess.run(command, check=True, capture_output=True)

    def _end_leftover(self) -> None:
        """A dockerd a crashed test run left on this data-root holds it: end it."""
        pidfile = self.home / "dockerd.pid"
        with contextlib.suppress(OSError, ValueError):
            pid = int(pidfile.read_text().strip())
            if Path(f"/proc/{pid}/comm").read_text().strip() == "dockerd":
                os.kill(pid, signal.SIGKILL)
                while Path(f"/proc/{pid}").exists():
                    time.sleep(0.1)
        # No dockerd of ours is alive now: a pid file left by one killed with the session (its
        # pid maybe another process's by now) would keep the next from starting.
        pidfile.unlink(missing_ok=True)

    async def load_image(self, image: str) -> None:
        """docker save | docker load into this engine, unless it has the image already."""
        host = f"unix://{self.socket}"
        async with aiodocker.Docker(url=host) as client:
            with contextlib.suppress(aiodocker.DockerError):
                await client.images.inspect(image)
                return
        started = time.monotonic()
        shell = await asyncio.create_subprocess_shell(
            f"docker save {image} | docker --host {host} load",
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        _, err = await shell.communicate()
        if shell.returncode:
            raise RuntimeError(f"docker save | docker load failed: {err.decode(errors='replace')}")
        self.load_seconds = time.monotonic() - started

    def signal(self, number: signal.Signals) -> None:
        assert self.process is not None
        self.process.send_signal(number)

    async def kill(self) -> None:
        """As a machine that dies: no goodbye to anyone."""
        assert self.process is not None
        self.process.kill()
        while self.process.poll() is None:  # noqa: ASYNC110 - the dockerd is ours to poll
            await asyncio.sleep(0.05)

    async def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGCONT)
        self.process.terminate()
        deadline = time.monotonic() + 30
        while self.process.poll() is None and time.monotonic() < deadline:  # noqa: ASYNC110
            await asyncio.sleep(0.1)
        if self.process.poll() is None:
            await self.kill()
