"""Nothing carries over between submissions: every place the runner can write is emptied.

The places are found by enumeration, not from a list: the supervisor lists every mount where
the runner can create a file when it starts, and a program here walks the whole file system as
the runner and lists every directory it can create a file in and every file it can write.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import write_problem

from codearena.config import Settings
from codearena.engine import Engine
from codearena.problems.model import Problem

pytestmark = pytest.mark.docker

# Prints, as JSON, every directory the program can create a file in and every regular file it
# can open for writing (character devices such as /dev/null hold nothing and are left out;
# /proc/PID and /sys are the kernel's views of processes and devices).
LIST_WRITABLE = """\
import json, os, stat
input()
dirs, files = [], []
def walk(top):
    try:
        entries = list(os.scandir(top))
    except OSError:
        return
    probe = os.path.join(top, ".codearena-probe")
    try:
        os.close(os.open(probe, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        os.unlink(probe)
        dirs.append(top)
    except OSError:
        pass
    for entry in entries:
        path = entry.path
        if path in ("/sys", "/proc/self", "/proc/thread-self") or (top == "/proc" and entry.name.isdigit()):
            continue
        try:
            info = os.lstat(path)
        except OSError:
            continue
        if stat.S_ISDIR(info.st_mode):
            walk(path)
        elif stat.S_ISREG(info.st_mode):
            try:
                os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
                files.append(path)
            except OSError:
                pass
walk("/")
for name in os.listdir("/proc/self"):
    path = "/proc/self/" + name
    try:
        if stat.S_ISREG(os.lstat(path).st_mode):
            os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
            files.append(path)
    except OSError:
        pass
print(json.dumps({"dirs": dirs, "files": files}))
"""


@pytest.fixture(scope="module")
def listing_problem(tmp_path_factory: pytest.TempPathFactory) -> Problem:
    root = tmp_path_factory.mktemp("listing")
    return write_problem(root, "listing", tests=[("1\n", "anything\n")], time_limit_ms=5000, memory_limit_mb=128)


def covered(path: str, roots: tuple[str, ...]) -> bool:
    return any(path == root or path.startswith(root.rstrip("/") + "/") for root in roots)


async def test_every_writable_path_is_covered_by_the_reset(engine: Engine, listing_problem: Problem) -> None:
    result = await engine.judge.judge(listing_problem, engine.languages["python"], LIST_WRITABLE)
    test = result.tests[0]
    assert test.output, test
    found = json.loads(test.output)
    features = engine.pool.features
    assert features is not None
    roots = features.reset_roots
    assert roots, "the supervisor found no writable place at all"
    assert found["dirs"], "the program could write nowhere: the listing is broken"
    uncovered = [p for p in found["dirs"] + found["files"] if not covered(p, roots)]
    assert not uncovered, f"writable but not emptied by the reset {roots}: {uncovered}"
    # Landlock narrows what the program can write to its work directory and scratch space.
    assert {d for d in found["dirs"] if d.count("/") == 1} <= {"/code", "/tmp"}, found["dirs"]
    assert all(f.startswith("/code/box/") for f in found["files"]), found["files"]


# The first submission writes a file into every directory it can; the second looks for any
# file it did not make, anywhere it can write, and for processes and shared memory left over.
LEAVE_TRACES = (
    LIST_WRITABLE.replace("print(json.dumps", "_ = (json.dumps")
    + """
import subprocess
for d in dirs + ["/dev/mqueue", "/dev/shm"]:
    try:
        with open(os.path.join(d, "trace"), "w") as f:
            f.write("left behind")
    except OSError:
        pass
subprocess.Popen(["sh", "-c", "sleep 600"], start_new_session=True)
if os.fork() == 0:
    os.setsid()
    import time
    time.sleep(600)
    os._exit(0)
print("done")
"""
)

FIND_TRACES = (
    LIST_WRITABLE.replace("print(json.dumps", "_ = (json.dumps")
    + """
found = []
for d in dirs + ["/dev/mqueue", "/dev/shm"]:
    try:
        names = os.listdir(d)
    except OSError:
        continue
    for name in names:
        if name not in ("main.py", "__pycache__", "box"):
            found.append(os.path.join(d, name))
me = os.getuid()
for pid in os.listdir("/proc"):
    if pid.isdigit() and int(pid) != os.getpid():
        try:
            if os.stat("/proc/" + pid).st_uid == me:
                found.append("process " + open("/proc/" + pid + "/cmdline").read())
        except OSError:
            pass
print("clean" if not found else "; ".join(found))
"""
)


async def test_nothing_written_anywhere_survives_into_the_next_submission(settings: Settings, tmp_path: Path) -> None:
    problem = write_problem(tmp_path, "traces", tests=[("1\n", "x\n")], time_limit_ms=5000, memory_limit_mb=128)
    engine = await Engine.start(settings.model_copy(update={"pool_size": 1}))
    try:
        first = await engine.judge.judge(problem, engine.languages["python"], LEAVE_TRACES)
        assert first.tests[0].output == "done\n", first.tests[0]
        second = await engine.judge.judge(problem, engine.languages["python"], FIND_TRACES)
        assert second.tests[0].output == "clean\n", second.tests[0]
        assert engine.pool.stats.created == 1, "the same container served both"
        assert engine.pool.stats.failed_resets == 0
    finally:
        await engine.close()


async def test_the_supervisor_finds_every_writable_mount_itself(engine: Engine) -> None:
    """Enumerated without Landlock (plain file permissions), so the reset also covers a host whose
    kernel lacks Landlock: /dev/mqueue is writable by permissions alone and is in the list."""
    features = engine.pool.features
    assert features is not None
    assert {"/code", "/tmp", "/dev/shm", "/dev/mqueue"} <= set(features.reset_roots), features
    assert features.writable_files == ()
    assert features.cpu_clock.startswith("cgroup"), features
    assert features.landlock >= 1, "this machine's kernel has Landlock"
