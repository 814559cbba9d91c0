"""Python programs forked from the sandbox's fork server are fresh processes, as `python3 main.py`
would start them: their own pid, limits, uid and confinement at every test, and Python's own
start and end (the script as __main__, its traceback, its exit status, its output flushed)."""

from __future__ import annotations

import json

import pytest

from codearena.domain.verdicts import Verdict
from codearena.engine import Engine
from codearena.judging.programs import SANDBOX_ENV
from codearena.problems.model import Problem

pytestmark = pytest.mark.docker

FACTS = """\
import json, os, resource, sys
n = int(input())
status = open("/proc/self/status").read()
facts = {
    "served": "--fork-server" in sys.orig_argv,
    "pid": os.getpid(),
    "seen": hasattr(sys, "codearena_seen"),
    "name": __name__,
    "file": __file__,
    "argv": sys.argv,
    "path0": sys.path[0],
    "cwd": os.getcwd(),
    "ids": [os.getuid(), os.getgid(), os.getgroups()],
    "env": sorted(os.environ),
    "cpu": resource.getrlimit(resource.RLIMIT_CPU)[0],
    "nofile": resource.getrlimit(resource.RLIMIT_NOFILE)[0],
    "data": resource.getrlimit(resource.RLIMIT_DATA)[0],
    "fsize": resource.getrlimit(resource.RLIMIT_FSIZE)[0],
    "seccomp": "Seccomp:\\t2" in status,
    "oom": open("/proc/self/oom_score_adj").read().strip(),
    "fds": sorted(int(fd) for fd in os.listdir("/proc/self/fd")),
}
try:
    open("/opt/codearena/planted", "w")
    facts["wrote_opt"] = True
except OSError:
    facts["wrote_opt"] = False
sys.codearena_seen = True
print(json.dumps(facts), file=sys.stderr)
print(n)
"""


async def test_each_test_is_a_fresh_process_with_its_own_limits(engine: Engine, echo_problem: Problem) -> None:
    result = await engine.judge.judge(echo_problem, engine.languages["python"], FACTS)
    assert result.verdict == Verdict.ACCEPTED, result.model_dump()
    facts = [json.loads(t.stderr.strip().splitlines()[-1]) for t in result.tests]
    assert all(f["served"] for f in facts), "the fork server ran the program"
    assert len({f["pid"] for f in facts}) == 3, "a process of its own at each test"
    for f in facts:
        assert not f["seen"], "nothing of an earlier test's interpreter is left"
        assert (f["name"], f["file"], f["argv"]) == ("__main__", "/code/box/main.py", ["main.py"])
        assert f["path0"] == f["cwd"] == "/code/box"
        uid, gid, groups = f["ids"]
        assert uid >= 1000 and gid == uid and groups == []
        assert f["env"] == sorted(SANDBOX_ENV)
        # 500 ms times Python's multiplier 3, rounded up to whole seconds, plus one: launch's.
        assert f["cpu"] == 3
        assert f["nofile"] == 64
        assert f["data"] > 0 and f["data"] != -1, "Python's data segment is capped"
        assert f["fsize"] > 0 and f["fsize"] != -1
        assert f["seccomp"] and f["oom"] == "1000"
        assert f["fds"] == [0, 1, 2, 3], "stdin, stdout, stderr, and listdir's own; nothing of the server's"
        assert not f["wrote_opt"]
    assert all(t.memory_kb > 0 and t.time_ms >= 0 for t in result.tests)


@pytest.mark.parametrize(
    ("source", "exit_code", "stderr"),
    [
        ("n = int(input())\nraise ValueError('boom')\n", 1, 'File "/code/box/main.py", line 2, in <module>'),
        ("import sys\nsys.exit('bye')\n", 1, "bye"),
        ("import sys\nsys.exit(3)\n", 3, ""),
        ("def f():\n    return f()\nf()\n", 1, "RecursionError"),
    ],
    ids=["exception", "exit-message", "exit-code", "recursion"],
)
async def test_a_failing_program_ends_as_python_ends_it(
    engine: Engine, echo_problem: Problem, source: str, exit_code: int, stderr: str
) -> None:
    result = await engine.judge.judge(echo_problem, engine.languages["python"], source, stop_on_first_failure=True)
    test = result.tests[0]
    assert result.verdict == Verdict.RUNTIME_ERROR, result.model_dump()
    assert test.exit_code == exit_code
    assert stderr in test.stderr
    assert "supervisor" not in test.stderr and "fork server" not in test.stderr
    if exit_code == 1 and "Traceback" in test.stderr:
        # The traceback starts at the script, as Python's own does.
        assert test.stderr.startswith('Traceback (most recent call last):\n  File "/code/box/main.py"')


@pytest.mark.parametrize(
    "source",
    [
        "import atexit\nn = int(input())\natexit.register(print, n)\n",
        "import threading, time\nn = int(input())\n"
        "threading.Thread(target=lambda: (time.sleep(0.05), print(n))).start()\n",
        "import sys\nsys.stdout.write(input() + '\\n')\nsys.exit(0)\n",
        "if __name__ == '__main__':\n    print(int(input()))\n",
    ],
    ids=["atexit", "thread", "exit-after-buffered-write", "main-guard"],
)
async def test_python_ends_the_program_as_it_would(engine: Engine, echo_problem: Problem, source: str) -> None:
    """Its threads waited for, its atexit functions run, its buffered output written."""
    result = await engine.judge.judge(echo_problem, engine.languages["python"], source)
    assert result.verdict == Verdict.ACCEPTED, result.model_dump()
