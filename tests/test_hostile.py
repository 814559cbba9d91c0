"""Hostile programs get the right verdict, cannot touch the judge, and leave nothing behind."""

from __future__ import annotations

import os
import socket

import aiodocker
import pytest

from codearena.config import Settings
from codearena.domain.verdicts import Verdict
from codearena.engine import Engine
from codearena.problems.model import Problem
from codearena.sandbox.container import LABEL, OWNER_LABEL

pytestmark = pytest.mark.docker

ECHO_AFTER = "n = input()\n{body}\nprint(n)\n"

HOSTILE = {
    "fork bomb": (
        "python",
        "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n",
        # the process limit holds it; the copies' memory, or its CPU time, ends it
        {Verdict.TIME_LIMIT_EXCEEDED, Verdict.RUNTIME_ERROR, Verdict.MEMORY_LIMIT_EXCEEDED},
    ),
    "memory bomb": ("cpp", "#include <cstring>\n#include <cstdlib>\nint main() { while (true) { char* p = (char*)malloc(1 << 24); if (p) memset(p, 1, 1 << 24); } }\n", {Verdict.MEMORY_LIMIT_EXCEEDED}),
    "sleep": ("python", "import time\ntime.sleep(3600)\n", {Verdict.TIME_LIMIT_EXCEEDED}),
    "infinite output": ("cpp", "#include <cstdio>\nint main() { for (;;) std::fputs(\"spam spam spam\\n\", stdout); }\n", {Verdict.OUTPUT_LIMIT_EXCEEDED}),
}  # fmt: skip


@pytest.mark.parametrize("name", list(HOSTILE))
async def test_hostile_program_gets_its_verdict(engine: Engine, echo_problem: Problem, name: str) -> None:
    language, source, verdicts = HOSTILE[name]
    result = await engine.judge.judge(echo_problem, engine.languages[language], source, stop_on_first_failure=True)
    assert result.verdict in verdicts, result.tests[0]
    # Prompt: the wall-clock limit (2 x 1.5 s + 0.5 s for Python) stops even a sleeping program.
    assert result.tests[0].wall_ms < 5000


PROBES = """\
import os, socket, sys
n = input()
findings = []
try:
    socket.create_connection(("1.1.1.1", 80), timeout=2)
    findings.append("network reachable")
except OSError:
    pass
for path in ("/etc/evil", "/usr/bin/evil", "/judge/evil", "/opt/codearena/supervisor.py"):
    try:
        with open(path, "a") as f:
            f.write("x")
        findings.append("wrote " + path)
    except OSError:
        pass
try:
    os.listdir("/judge")
    findings.append("read the judge directory")
except OSError:
    pass
for pid in os.listdir("/proc"):
    if pid.isdigit() and int(pid) != os.getpid():
        try:
            os.kill(int(pid), 9)
            if os.stat("/proc/" + pid).st_uid != os.getuid():
                findings.append("killed " + pid)
        except OSError:
            pass
if os.getuid() == 0 or os.geteuid() == 0:
    findings.append("root")
print(n if not findings else "; ".join(findings))
"""


async def test_program_cannot_reach_network_write_outside_or_touch_the_supervisor(
    engine: Engine, echo_problem: Problem
) -> None:
    result = await engine.judge.judge(echo_problem, engine.languages["python"], PROBES)
    # Any finding is printed instead of the expected echo, so the verdict would be wrong_answer.
    assert result.verdict == Verdict.ACCEPTED, [t.model_dump() for t in result.tests]
    # The supervisor survived the kill attempts and judges the next submission normally.
    again = await engine.judge.judge(echo_problem, engine.languages["python"], "print(input())\n")
    assert again.verdict == Verdict.ACCEPTED


async def owned_containers() -> list[str]:
    async with aiodocker.Docker() as docker:
        containers = await docker.containers.list(
            all=True, filters={"label": [f"{OWNER_LABEL}={socket.gethostname()}:{os.getpid()}"]}
        )
        return [c.id for c in containers]


async def test_engine_close_removes_every_container_and_is_safe_twice(settings: Settings) -> None:
    before = set(await owned_containers())
    for _ in range(2):
        engine = await Engine.start(settings.model_copy(update={"pool_size": 2}))
        assert len(set(await owned_containers()) - before) == 2
        await engine.close()
        await engine.close()
        assert set(await owned_containers()) == before


async def test_containers_left_by_a_crash_are_removed_at_start(settings: Settings) -> None:
    async with aiodocker.Docker() as docker:
        image = settings.sandbox_image or __import__("codearena.paths").paths.sandbox_image_tag()
        orphan = await docker.containers.create(
            {"Image": image, "Labels": {LABEL: "1", OWNER_LABEL: f"{socket.gethostname()}:999999999"}, "Cmd": ["true"]}
        )
        engine = await Engine.start(settings.model_copy(update={"pool_size": 1}))
        await engine.close()
        with pytest.raises(aiodocker.DockerError) as info:
            await docker.containers.get(orphan.id)
        assert info.value.status == 404
