"""The server as a Docker image: built (offline where no registry answers), run with the host's
Docker socket mounted, and checked from outside."""

from __future__ import annotations

import json
import subprocess
import time
import urllib.request

import pytest

from codearena.paths import ROOT
from codearena.sandbox.container import LABEL, OWNER_LABEL

pytestmark = [pytest.mark.docker, pytest.mark.slow]

TAG = "codearena-server:test"


def docker(*args: str, timeout: float = 600) -> str:
    proc = subprocess.run(["docker", *args], capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def test_server_image_serves_health_from_outside() -> None:
    build = subprocess.run([str(ROOT / "sandbox" / "build-server-image.sh"), TAG], capture_output=True, text=True,
                           timeout=900)  # fmt: skip
    assert build.returncode == 0, build.stderr
    assert docker("run", "--rm", "--entrypoint", "pandoc", TAG, "--version").startswith("pandoc "), "imports' LaTeX"
    container = docker("run", "-d", "-p", "127.0.0.1::8080", "-v", "/var/run/docker.sock:/var/run/docker.sock", TAG)
    try:
        port = docker("port", container, "8080/tcp").splitlines()[0].rsplit(":", 1)[1]
        deadline = time.monotonic() + 120
        body: dict[str, object] = {}
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=5) as response:
                    body = json.loads(response.read())
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
        assert body.get("status") == "ok" and body.get("docker") is True, docker("logs", container)
        assert body["pool"]["live"] == 2  # type: ignore[index]
    finally:
        docker("stop", "-t", "30", container)  # SIGTERM: the server removes its sandboxes
        logs = subprocess.run(["docker", "logs", container], capture_output=True, text=True).stdout
        docker("rm", "-f", container)
    host = container[:12]
    left = docker("ps", "-aq", "--filter", f"label={LABEL}", "--filter", f"label={OWNER_LABEL}=container:{host}:1")
    assert left == "", "the server removed its sandbox containers on shutdown:\n" + logs
