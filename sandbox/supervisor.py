#!/usr/bin/python3
"""CodeArena sandbox supervisor.

One supervisor lives in each sandbox container for the container's whole life. The host starts
it with `docker exec --user 0` (the container holds only CAP_SETUID and CAP_SETGID) and talks to
it over the exec's stdin/stdout: one JSON request per line in, one JSON reply per line out.

User programs run through `launch` under RUNNER_UID, a uid unique to this container, so they
cannot signal, ptrace or write into the supervisor (uid 0) or its root-only /judge directory.
Test input enters the container one test at a time; expected answers never do: the host checks.

Requests (all replies carry "ok"):
  {"op": "prepare", "files": {name: text}}       fresh /code/box holding the files
  {"op": "exec", "argv": [...], "limits": {...}} run a command, output merged (compile, version)
  {"op": "run", "argv": [...], "stdin": text, "limits": {...}, "oom_patterns": [...]}
  {"op": "check_python", "file": name}            Python's syntax check, in a fork (no exec)
  {"op": "reset"}                                 kill every runner process, delete its files
"""

from __future__ import annotations

import ctypes
import json
import os
import resource
import select
import signal
import stat
import sys
import time
from typing import Any

LAUNCH = "/opt/codearena/launch"
BOX = "/code/box"
JUDGE = "/judge"
SCRATCH_DIRS = ("/code", "/tmp", "/dev/shm")
TICK_S = 0.005
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PR_SET_CHILD_SUBREAPER = 36
STDERR_TAIL_BYTES = 4096


def as_runner(uid: int, action: Any) -> int:
    """Run `action()` in a forked child that has become `uid`; return its exit status."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - child
        code = 1
        try:
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)
            action()
            code = 0
        except BaseException as exc:
            sys.stderr.write(f"supervisor child: {exc!r}\n")
        finally:
            os._exit(code)
    return os.waitpid(pid, 0)[1]


def runner_pids(uid: int) -> list[int]:
    pids = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                if os.stat(f"/proc/{name}").st_uid == uid:
                    pids.append(int(name))
            except FileNotFoundError:
                pass
    return pids


def reap_orphans() -> None:
    """Collect zombies reparented to us (we are the subreaper of everything we start)."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def live_runner_pids(uid: int) -> list[int]:
    """The runner's processes that can still run (zombies excluded), other than ourselves."""
    me = os.getpid()
    alive = []
    for pid in runner_pids(uid):
        try:
            with open(f"/proc/{pid}/stat", "rb") as f:
                state = f.read().rsplit(b")", 1)[1].split()[0]
        except (FileNotFoundError, ProcessLookupError):
            continue
        if pid != me and state != b"Z":
            alive.append(pid)
    return alive


def kill_runner(uid: int) -> None:
    if not live_runner_pids(uid):
        return  # the common case: the program ended and left nothing; no fork needed

    def kill_all() -> None:
        # kill(-1) as the runner reaches exactly the runner's processes. It reports success
        # whenever the namespace holds any other process, so /proc tells when none is left;
        # repeating catches processes forked while we signal.
        for _ in range(2000):
            os.kill(-1, signal.SIGKILL)
            if not live_runner_pids(uid):
                return
            time.sleep(0.0005)
        raise RuntimeError("runner processes survive SIGKILL")

    as_runner(uid, kill_all)


def read_memory_kb(uid: int) -> int:
    total = 0
    for pid in runner_pids(uid):
        try:
            with open(f"/proc/{pid}/statm", "rb") as f:
                total += int(f.read().split()[1]) * PAGE_KB
        except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
            pass
    return total


def read_cpu_ms(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return 0
    # fields[11], fields[12] are utime and stime (fields 14 and 15 of proc(5)).
    return (int(fields[11]) + int(fields[12])) * 1000 // CLOCK_TICKS


def cgroup_oom_kills() -> int:
    """How many OOM kills the container's memory cgroup has seen (v2 or v1)."""
    for path, key in (
        ("/sys/fs/cgroup/memory.events", b"oom_kill"),
        ("/sys/fs/cgroup/memory/memory.oom_control", b"oom_kill"),
    ):
        try:
            with open(path, "rb") as f:
                for line in f:
                    parts = line.split()
                    if len(parts) == 2 and parts[0] == key:
                        return int(parts[1])
        except OSError:
            continue
    return 0


class Supervisor:
    def __init__(self, uid: int) -> None:
        if uid < 1000:
            raise SystemExit("supervisor: runner uid must be an unprivileged uid")
        self.uid = uid
        self.env: dict[str, str] = {}

    # -- requests -----------------------------------------------------------------------------

    def prepare(self, request: dict[str, Any]) -> dict[str, Any]:
        files: dict[str, str] = request["files"]
        for name in files:
            if "/" in name or name in ("", ".", ".."):
                raise ValueError(f"bad file name {name!r}")
        self.env = {str(k): str(v) for k, v in request.get("env", {}).items()}

        def write_box() -> None:
            os.umask(0o077)
            os.mkdir(BOX, 0o700)
            for name, text in files.items():
                with open(os.path.join(BOX, name), "w", encoding="utf-8", errors="surrogateescape") as f:
                    f.write(text)

        status = as_runner(self.uid, write_box)
        return {"ok": status == 0}

    def exec(self, request: dict[str, Any]) -> dict[str, Any]:
        facts = self.execute(request["argv"], request["limits"], stdin=b"", merge=True)
        facts["output"] = self.read_output("stdout", request["limits"]["report_bytes"])
        return facts

    def check_python(self, request: dict[str, Any]) -> dict[str, Any]:
        """Python's syntax check without starting an interpreter: a fork that becomes the runner.

        The same interpreter as the one running the tests parses the file, so its verdict and
        message are the ones `python3 main.py` would give.
        """
        name = request["file"]
        if "/" in name:
            raise ValueError(f"bad file name {name!r}")
        read_end, write_end = os.pipe()
        started = time.monotonic()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - child
            code = 2
            try:
                os.close(read_end)
                resource.setrlimit(resource.RLIMIT_CPU, (10, 11))
                resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
                os.setgroups([])
                os.setgid(self.uid)
                os.setuid(self.uid)
                with open(os.path.join(BOX, name), "rb") as f:
                    source = f.read()
                try:
                    compile(source, name, "exec")
                    code = 0
                except (SyntaxError, ValueError) as exc:
                    import traceback

                    os.write(write_end, "".join(traceback.format_exception_only(exc)).encode()[:65536])
                    code = 1
            except BaseException as exc:
                os.write(write_end, f"syntax check failed: {exc!r}\n".encode())
            finally:
                os._exit(code)
        os.close(write_end)
        chunks = []
        while chunk := os.read(read_end, 65536):
            chunks.append(chunk)
        os.close(read_end)
        _, status, usage = os.wait4(pid, 0)
        output = b"".join(chunks).decode("utf-8", "replace")
        return {
            "ok": True,
            "exit_code": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
            "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
            "cpu_ms": int((usage.ru_utime + usage.ru_stime) * 1000),
            "wall_ms": int((time.monotonic() - started) * 1000),
            "memory_kb": 0,
            "killed_for": None,
            "cgroup_oom": False,
            "output_size": len(output),
            "output": output,
        }

    def run(self, request: dict[str, Any]) -> dict[str, Any]:
        stdin = request.get("stdin", "").encode("utf-8", "surrogateescape")
        facts = self.execute(request["argv"], request["limits"], stdin=stdin, merge=False)
        facts["stdout"] = self.read_output("stdout", request["limits"]["output_bytes"])
        stderr = self.read_bytes("stderr")
        facts["stderr"] = stderr[-STDERR_TAIL_BYTES:].decode("utf-8", "replace")
        patterns = [p.encode() for p in request.get("oom_patterns", [])]
        facts["oom_message"] = any(p in stderr for p in patterns)
        return facts

    def reset(self, _request: dict[str, Any]) -> dict[str, Any]:
        kill_runner(self.uid)
        reap_orphans()

        def clean() -> None:
            for top in SCRATCH_DIRS:
                for name in os.listdir(top):
                    path = os.path.join(top, name)
                    try:
                        info = os.lstat(path)
                    except FileNotFoundError:
                        continue
                    if info.st_uid == os.getuid():
                        remove_tree(path)

        as_runner(self.uid, clean)
        for name in os.listdir(JUDGE):
            os.unlink(os.path.join(JUDGE, name))
        leftovers = [os.path.join(top, name) for top in SCRATCH_DIRS for name in os.listdir(top)]
        processes = runner_pids(self.uid)
        return {"ok": not leftovers and not processes, "leftovers": leftovers, "processes": processes}

    # -- running one program ------------------------------------------------------------------

    def execute(self, argv: list[str], limits: dict[str, int], *, stdin: bytes, merge: bool) -> dict[str, Any]:
        cpu_ms = int(limits["cpu_ms"])
        wall_ms = int(limits["wall_ms"])
        memory_kb = int(limits["memory_kb"])
        output_bytes = int(limits["output_bytes"])
        data_bytes = int(limits.get("data_bytes", 0))
        with open(os.path.join(JUDGE, "stdin"), "wb") as f:
            f.write(stdin)
        fd_in = os.open(os.path.join(JUDGE, "stdin"), os.O_RDONLY)
        fd_out = os.open(os.path.join(JUDGE, "stdout"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        fd_err = (
            fd_out if merge else os.open(os.path.join(JUDGE, "stderr"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        )
        report_r, report_w = os.pipe()
        cmd = [
            LAUNCH,
            "3",
            str(self.uid),
            BOX,
            str(-(-cpu_ms // 1000) + 1),
            str(output_bytes),
            str(limits.get("open_files", 64)),
            str(limits.get("processes", 64)),
            str(limits.get("stack_bytes", 64 << 20)),
            str(data_bytes),
            "--",
            *argv,
        ]
        oom_before = cgroup_oom_kills()
        started = time.monotonic()
        launcher = os.posix_spawn(
            LAUNCH,
            cmd,
            self.env,
            file_actions=[
                (os.POSIX_SPAWN_DUP2, fd_in, 0),
                (os.POSIX_SPAWN_DUP2, fd_out, 1),
                (os.POSIX_SPAWN_DUP2, fd_err, 2),
                (os.POSIX_SPAWN_DUP2, report_w, 3),
            ],
        )
        out_probe = os.dup(fd_out)
        for fd in {fd_in, fd_out, fd_err, report_w}:
            os.close(fd)
        child = 0
        peak_kb = 0
        killed_for: str | None = None
        report = b""
        deadline = started + wall_ms / 1000
        try:
            while b"exit " not in report or not report.endswith(b"\n"):
                now = time.monotonic()
                wait = TICK_S if killed_for else max(0.0, min(TICK_S, deadline - now))
                ready, _, _ = select.select([report_r], [], [], wait)
                if ready:
                    chunk = os.read(report_r, 4096)
                    if not chunk:
                        break
                    report += chunk
                    if not child and report.startswith(b"pid "):
                        child = int(report.split(b"\n", 1)[0].split()[1])
                    continue
                if killed_for:
                    kill_runner(self.uid)
                    continue
                if time.monotonic() >= deadline:
                    killed_for = "wall"
                elif child:
                    peak_kb = max(peak_kb, read_memory_kb(self.uid))
                    if peak_kb > memory_kb:
                        killed_for = "memory"
                    elif os.fstat(out_probe).st_size >= output_bytes:
                        killed_for = "output"
                    elif read_cpu_ms(child) > cpu_ms:
                        killed_for = "cpu"
                if killed_for:
                    kill_runner(self.uid)
        finally:
            os.close(report_r)
            os.close(out_probe)
            os.waitpid(launcher, 0)
            # Whatever the program left running (a daemon, a fork bomb) ends with the test.
            kill_runner(self.uid)
            reap_orphans()
        wall = int((time.monotonic() - started) * 1000)
        facts: dict[str, Any] = {
            "ok": True,
            "exit_code": None,
            "signal": None,
            "cpu_ms": 0,
            "wall_ms": wall,
            "memory_kb": peak_kb,
            "killed_for": killed_for,
            "cgroup_oom": cgroup_oom_kills() > oom_before,
        }
        for line in report.decode().splitlines():
            parts = line.split()
            if parts and parts[0] == "exit":
                status, utime, stime, maxrss = (int(p) for p in parts[1:5])
                facts["cpu_ms"] = (utime + stime) // 1000
                facts["memory_kb"] = max(peak_kb, maxrss)
                if os.WIFEXITED(status):
                    facts["exit_code"] = os.WEXITSTATUS(status)
                elif os.WIFSIGNALED(status):
                    facts["signal"] = os.WTERMSIG(status)
        if facts["exit_code"] is None and facts["signal"] is None:
            facts["ok"] = False
            facts["error"] = "launch did not report how the program ended"
        facts["output_size"] = os.stat(os.path.join(JUDGE, "stdout")).st_size
        return facts

    def read_bytes(self, name: str, limit: int | None = None) -> bytes:
        with open(os.path.join(JUDGE, name), "rb") as f:
            return f.read(limit) if limit is not None else f.read()

    def read_output(self, name: str, limit: int) -> str:
        return self.read_bytes(name, limit).decode("utf-8", "surrogateescape")


def remove_tree(path: str) -> None:
    """Delete a tree the caller owns, even where the program took away its own permissions."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISDIR(info.st_mode):
        os.chmod(path, 0o700)
        for name in os.listdir(path):
            remove_tree(os.path.join(path, name))
        os.rmdir(path)
    else:
        os.unlink(path)


def main() -> None:
    uid = int(sys.argv[1])
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    os.umask(0o077)
    supervisor = Supervisor(uid)
    handlers = {
        "prepare": supervisor.prepare,
        "exec": supervisor.exec,
        "run": supervisor.run,
        "check_python": supervisor.check_python,
        "reset": supervisor.reset,
    }
    out = sys.stdout.buffer
    out.write(b'{"ok": true, "ready": true}\n')
    out.flush()
    for line in sys.stdin.buffer:
        try:
            request = json.loads(line)
            reply = handlers[request["op"]](request)
        except Exception as exc:
            reply = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
        out.write(json.dumps(reply).encode() + b"\n")
        out.flush()
    kill_runner(uid)


if __name__ == "__main__":
    main()
