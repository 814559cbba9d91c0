#!/usr/bin/python3
"""CodeArena sandbox supervisor.

One supervisor lives in each sandbox container for the container's whole life. The host starts
it with `docker exec --user 0` (the container holds only CAP_SETUID and CAP_SETGID) and talks to
it over the exec's stdin/stdout in frames: a line of JSON, then the raw bytes of the blobs the
line announces (`"blobs": [[name, size], ...]`, in that order). Bytes travel as they are, so a
program's output of any bytes costs its own size, never more.

User programs run through `launch` under RUNNER_UID, a uid unique to this container, so they
cannot signal, ptrace or write into the supervisor (uid 0) or its root-only /judge directory.
Test input enters the container one test at a time; expected answers never do: the host checks.

What a run costs is measured so that no process of the program escapes it:
  - CPU: the container's cgroup CPU clock (every process and thread in the container, for its
    whole life, whoever reaps it) minus the supervisor's own CPU clock. Nothing else runs in
    the container while a program does.
  - memory: the resident memory of every process in the container but ours, polled, read
    through a live thread when a process's main thread has exited; and the largest peak of any
    process `launch` reaped (it is the subreaper of everything the program starts).
  - the end: every process of the runner uid is killed (kill(-1) as that uid) and waited for,
    including processes whose main thread has exited while other threads run.

Requests (every reply carries "ok"):
  {"op": "prepare", "env": {...}, "dirs": [...], "check_python": file?, "blobs": [[file, size]...]}
                                                     fresh /code/box holding the files and dirs,
                                                     and Python's syntax check of `file`
  {"op": "exec", "argv": [...], "limits": {...}}     run a command, output merged (compile)
  {"op": "run", "argv": [...], "limits": {...}, "oom_patterns": [...], "skip_if_stopped": bool,
   "collect": [file...], "result": bool, "merge_output": bool, "blobs": [["stdin", size]]}
                                                     reply blobs: stdout, stderr, collected files, and
                                                     with "result" what the program wrote to its fd 3
                                                     (a fresh file each run); "merge_output": stderr
                                                     goes to stdout, one stream as a terminal shows it
  {"op": "reset"}                                    kill every runner process, empty every place
                                                     the runner can write
  {"op": "interact", "argv": [...], "limits": {...}, "oom_patterns": [...], "collect": [file...]}
                                                     run the program with its stdin and stdout
                                                     relayed as frames while it runs (see Relay)
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import resource
import select
import shutil
import signal
import stat
import struct
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, BinaryIO

LAUNCH = "/opt/codearena/launch"
SERVER_PATH = "/usr/local/bin:/usr/bin:/bin"
SERVER_START_S = 20.0  # launch or a fork server says "landlock" within this, or never will
NODE_FORK_SERVER = "/opt/codearena/node/fork-server.js"
NODE_FORK_ADDON = "/opt/codearena/node/fork_server.node"
BOX_PARENT = "/code"
BOX = "/code/box"
JUDGE = "/judge"
# How often a running program's CPU, memory and output are checked: soon after it starts, then
# less often as it keeps running (limits the kernel enforces itself back this up: RLIMIT_CPU,
# RLIMIT_DATA, RLIMIT_FSIZE, the container's memory cap).
TICK_S = 0.015
MAX_TICK_S = 0.03
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PR_SET_CHILD_SUBREAPER = 36
STDERR_TAIL_BYTES = 4096
SMALL_FRAME_BYTES = 1 << 16
# After the main process ends, how long launch may take to collect what the program left.
DRAIN_S = 10.0
# A wall-clock limit is extended by the time the program spent waiting for a CPU, at most this
# many times over: a loaded machine must not turn a correct program into a time limit.
MAX_WAIT_CREDIT = 3
# File systems that hold no files of the runner's (their writable entries belong to processes).
PSEUDO_FS = {"proc", "sysfs", "cgroup", "cgroup2", "devpts", "bpf", "debugfs", "tracefs", "securityfs"}
Blob = tuple[str, bytes]


# -- frames ------------------------------------------------------------------------------------


def read_frame(stream: BinaryIO) -> tuple[dict[str, Any], dict[str, bytes]] | None:
    line = stream.readline()
    if not line:
        return None
    header = json.loads(line)
    blobs: dict[str, bytes] = {}
    for name, size in header.get("blobs", []):
        data = stream.read(int(size))
        if len(data) != int(size):
            raise EOFError(f"blob {name!r}: expected {size} bytes, got {len(data)}")
        blobs[str(name)] = data
    return header, blobs


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def write_frame(fd: int, reply: dict[str, Any], blobs: list[tuple[str, bytes | tuple[int, int]]]) -> None:
    """Write the reply line, then each blob: bytes, or (fd, size) sent from that file's start.

    Small frames go out in one write: every write is a message Docker relays on its own.
    """
    sizes = [(name, len(blob) if isinstance(blob, bytes) else blob[1]) for name, blob in blobs]
    head = json.dumps({**reply, "blobs": sizes}).encode() + b"\n"
    if sum(size for _, size in sizes) <= SMALL_FRAME_BYTES:
        parts = [head]
        for _, blob in blobs:
            parts.append(blob if isinstance(blob, bytes) else os.pread(blob[0], blob[1], 0))
        write_all(fd, b"".join(parts))
        return
    write_all(fd, head)
    for _, blob in blobs:
        if isinstance(blob, bytes):
            write_all(fd, blob)
            continue
        source, size = blob
        offset = 0
        while offset < size:
            sent = os.sendfile(fd, source, offset, size - offset)
            if sent == 0:
                raise EOFError("a file shrank while it was sent")
            offset += sent


# -- processes ---------------------------------------------------------------------------------


Say = Callable[[bytes], None]


def as_runner(uid: int, action: Callable[[Say], int | None]) -> tuple[int, bytes]:
    """Run `action(say)` in a forked child that has become `uid`: its exit code (what the action
    returns, 0 for None; 2 if it raised), and all it said. The child's unprivileged: a file the
    program planted, or source it wrote, is only ever touched with the program's own rights."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - child
        code = 2
        try:
            os.close(read_end)
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)
            code = action(lambda data: write_all(write_end, data)) or 0
        except BaseException as exc:
            try:
                write_all(write_end, f"{exc!r}\n".encode())
            finally:
                code = 2
        finally:
            os._exit(code)
    os.close(write_end)
    chunks = []
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    status = os.waitpid(pid, 0)[1]
    return (os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status)), b"".join(chunks)


def container_pids(exclude: set[int]) -> list[int]:
    """Every process in the container but `exclude` and pid 1 (the container's idle init).

    Nothing but the supervisor, launch and the runner's programs runs in a sandbox container,
    so this is every process of the program: whatever its /proc entry's owner (a process that
    made itself non-dumpable shows as root's) and wherever it was reparented.
    """
    return [pid for pid in map(int, filter(str.isdigit, os.listdir("/proc"))) if pid != 1 and pid not in exclude]


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read()
    except (FileNotFoundError, ProcessLookupError):
        return b""


def _state(pid: int) -> bytes:
    data = _read(f"/proc/{pid}/stat")
    return data.rsplit(b")", 1)[1].split()[0] if data else b"X"


def alive(pid: int) -> bool:
    """Whether `pid` can still run: not a zombie, or a zombie leader whose other threads run."""
    state = _state(pid)
    if state == b"X":
        return False
    if state != b"Z":
        return True
    try:
        return len(os.listdir(f"/proc/{pid}/task")) > 1
    except (FileNotFoundError, ProcessLookupError):
        return False


def resident_kb(pid: int) -> int:
    """A process's resident memory, read through a live thread if its main thread has exited."""
    for path in (f"/proc/{pid}/statm", *_task_files(pid, "statm")):
        fields = _read(path).split()
        if len(fields) > 1 and int(fields[1]):
            return int(fields[1]) * PAGE_KB
    return 0


def _task_files(pid: int, name: str) -> list[str]:
    try:
        return [f"/proc/{pid}/task/{tid}/{name}" for tid in os.listdir(f"/proc/{pid}/task")]
    except (FileNotFoundError, ProcessLookupError):
        return []


def process_cpu_ms(pid: int) -> int:
    """CPU of a process, its threads and the children it reaped (for the fallback clock)."""
    data = _read(f"/proc/{pid}/stat")
    if not data:
        return 0
    fields = data.rsplit(b")", 1)[1].split()
    # fields[11..14]: utime, stime, cutime, cstime (fields 14-17 of proc(5)).
    return sum(int(f) for f in fields[11:15]) * 1000 // CLOCK_TICKS


def run_delay_ms(pid: int) -> int:
    """The longest time any thread of `pid` has spent runnable but waiting for a CPU."""
    longest = 0
    for path in _task_files(pid, "schedstat"):
        fields = _read(path).split()
        if len(fields) > 1:
            longest = max(longest, int(fields[1]) // 1_000_000)
    return longest


def reap_orphans() -> None:
    """Collect zombies reparented to us (should launch itself be gone)."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def kill_runner(uid: int, keep: set[int]) -> bool:
    """Kill every process of `uid`; whether none is left (processes in `keep` are not its)."""
    if not any(alive(pid) for pid in container_pids(keep | {os.getpid()})):
        return True  # the common case: the program ended and left nothing; no fork needed

    def kill_all(_say: Say) -> int:
        # kill(-1) as the runner reaches exactly the runner's processes; repeating catches
        # processes forked while we signal.
        me = {os.getpid(), os.getppid()} | keep
        for _ in range(2000):
            os.kill(-1, signal.SIGKILL)
            if not any(alive(pid) for pid in container_pids(me)):
                return 0
            time.sleep(0.0005)
        return 1  # runner processes survive SIGKILL

    return as_runner(uid, kill_all)[0] == 0


def signal_runner(uid: int) -> None:
    """Kill every process of `uid`, from a thread other than the main one: as kill_runner, but
    without waiting to see them gone (the main thread's run does), and with no status to lose
    when the main thread's reap_orphans collects our child first."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - child
        try:
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)
            for _ in range(20):  # again, for processes forked while we signal
                os.kill(-1, signal.SIGKILL)
                time.sleep(0.0005)
        finally:
            os._exit(0)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)


class CgroupFile:
    """One of the container's cgroup files, kept open and read again from its start each time
    (a few microseconds, where opening it costs ten times that)."""

    def __init__(self, *paths: str) -> None:
        self.fd = -1
        self.path = ""
        for path in paths:
            try:
                self.fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
                self.path = path
                return
            except OSError:
                continue

    def read(self) -> bytes:
        return os.pread(self.fd, 4096, 0) if self.fd >= 0 else b""

    def field(self, key: bytes) -> int | None:
        """The value of `key` in a "key value" file."""
        for line in self.read().splitlines():
            parts = line.split()
            if len(parts) == 2 and parts[0] == key:
                return int(parts[1])
        return None


class OomCounter:
    """How many OOM kills the container's memory cgroup has seen (v2 or v1)."""

    def __init__(self) -> None:
        self.file = CgroupFile("/sys/fs/cgroup/memory.events", "/sys/fs/cgroup/memory/memory.oom_control")

    def kills(self) -> int:
        return self.file.field(b"oom_kill") or 0


class CpuClock:
    """The container's cgroup CPU time in nanoseconds (v2 or v1), when the kernel shows it."""

    def __init__(self) -> None:
        self.file = CgroupFile(
            "/sys/fs/cgroup/cpu.stat",
            "/sys/fs/cgroup/cpuacct/cpuacct.usage",
            "/sys/fs/cgroup/cpu,cpuacct/cpuacct.usage",
        )
        self.v2 = self.file.path.endswith("cpu.stat")
        self.kind = "processes" if self.read_ns() is None else ("cgroup-v2" if self.v2 else "cgroup-v1")

    def read_ns(self) -> int | None:
        if self.v2:
            usec = self.file.field(b"usage_usec")
            return None if usec is None else usec * 1000
        data = self.file.read().strip()
        return int(data) if data.isdigit() else None


class Meter:
    """CPU used by everything in the container but the supervisor, since it was made."""

    def __init__(self, clock: CpuClock) -> None:
        self.clock = clock
        # Our own clock first: reading it folds our pending run time into the cgroup's clock.
        self.self_start = time.process_time_ns()
        self.start = clock.read_ns()

    def cpu_ms(self) -> int | None:
        mine = time.process_time_ns() - self.self_start
        now = self.clock.read_ns()
        if now is None or self.start is None:
            return None
        return max(0, now - self.start - mine) // 1_000_000


# -- writable places ---------------------------------------------------------------------------


def mounts() -> list[tuple[str, str, str]]:
    """(mount point, per-mount options, file system type) of every mount we can see."""
    found = []
    for line in _read("/proc/self/mountinfo").decode("utf-8", "replace").splitlines():
        left, _, right = line.partition(" - ")
        fields = left.split()
        if len(fields) < 6 or not right:
            continue
        point = fields[4].encode().decode("unicode_escape")  # \040 and friends
        found.append((point, fields[5], right.split()[0]))
    return found


def writable_places(uid: int) -> tuple[list[str], list[str]]:
    """Enumerate, as the runner, the mounts where it can create files, and any file outside
    those that it can write; the reset empties the former, the latter must not exist."""

    def probe(say: Say) -> None:
        roots: list[str] = []
        files: list[str] = []
        for point, options, fstype in mounts():
            if "ro" in options.split(",") or fstype in PSEUDO_FS or not os.path.isdir(point):
                continue
            device = os.stat(point).st_dev
            writable_dir = False
            for top, dirs, names in os.walk(point):
                dirs[:] = [d for d in dirs if os.lstat(os.path.join(top, d)).st_dev == device]
                if os.access(top, os.W_OK | os.X_OK):
                    writable_dir = True
                for name in names:
                    path = os.path.join(top, name)
                    info = os.lstat(path)
                    if stat.S_ISREG(info.st_mode) and os.access(path, os.W_OK):
                        files.append(path)
            if writable_dir:
                roots.append(point)
        say(json.dumps({"roots": roots, "files": files}).encode())

    code, said = as_runner(uid, probe)
    if code != 0:
        raise SystemExit(f"supervisor: cannot enumerate the places the runner can write: {said!r}")
    found = json.loads(said)
    # A root inside another root is covered by it.
    roots = sorted(found["roots"])
    roots = [r for r in roots if not any(r != o and r.startswith(o.rstrip("/") + "/") for o in roots)]
    return roots, sorted(found["files"])


def owned_entries(root: str, uid: int) -> list[str]:
    """Every entry under `root` (on its own file system) that `uid` owns, for the report of a
    reset that failed (launch does the cleaning itself)."""
    device = os.stat(root).st_dev
    found = []
    for top, dirs, names in os.walk(root):
        descend = []
        for name in dirs + names:
            path = os.path.join(top, name)
            try:
                info = os.lstat(path)
            except OSError:
                continue
            if info.st_uid == uid:
                found.append(path)
            elif name in dirs and info.st_dev == device:
                descend.append(name)
        dirs[:] = descend
    return found


# -- interaction -------------------------------------------------------------------------------


class Relay:
    """The stdin and stdout of an interactive program, relayed to and from the host as frames.

    The program's stdin and stdout are FIFOs in /judge, which launch opens as it opens files.
    We hold both open read-write and non-blocking: opening never blocks (a FIFO opened
    read-write has both ends), a read or write never blocks (so a program that stops reading
    or writing cannot wedge us), and launch's own opens find the other end already there.

    While the program runs, three threads share the work and never the same descriptor:
      - the main thread runs the program as `run` does (limits, CPU, memory, the end);
      - a reader thread reads host frames: "in" (bytes for the program's stdin), "eof" (close
        its stdin once what came before is written), "kill" (end the program now: the other
        side is done with it) and "end" (the host has read the final reply; back to normal);
      - a pump thread writes queued bytes into the stdin FIFO and sends what the program
        writes to its stdout to the host as {"op": "out"} frames (the only writer of our
        stdout until the program has ended), up to the output limit, past which it kills it.
    """

    def __init__(self, supervisor: Supervisor, output_bytes: int) -> None:
        self.supervisor = supervisor
        self.output_bytes = output_bytes
        self.sent = 0
        self.paths = os.path.join(JUDGE, "stdin"), os.path.join(JUDGE, "stdout")
        for path in self.paths:
            if os.path.lexists(path):
                os.unlink(path)
            os.mkfifo(path, 0o600)
        self.stdin_fd: int | None = os.open(self.paths[0], os.O_RDWR | os.O_NONBLOCK | os.O_CLOEXEC)
        self.stdout_fd = os.open(self.paths[1], os.O_RDWR | os.O_NONBLOCK | os.O_CLOEXEC)
        self.wake_r, self.wake_w = os.pipe2(os.O_NONBLOCK | os.O_CLOEXEC)
        self.lock = threading.Lock()
        self.queued: list[bytes] = []
        self.close_stdin = False
        self.started = False
        self.running = True
        self.ended = threading.Event()
        self.lost_host = False
        self.reader = threading.Thread(target=self.read_host, daemon=True)
        self.pump_thread = threading.Thread(target=self.pump, daemon=True)

    def start(self) -> None:
        self.reader.start()
        self.pump_thread.start()

    def wake(self) -> None:
        with contextlib.suppress(BlockingIOError):  # already awake
            os.write(self.wake_w, b"x")

    def read_host(self) -> None:
        try:
            while True:
                frame = read_frame(sys.stdin.buffer)
                if frame is None:
                    self.lost_host = True
                    return
                header, blobs = frame
                op = header.get("op")
                if op == "end":
                    return
                with self.lock:
                    if op == "in":
                        self.queued.append(blobs.get("data", b""))
                    elif op == "eof":
                        self.close_stdin = True
                    elif op == "kill" and self.running:
                        signal_runner(self.supervisor.uid)
                self.wake()
        except (EOFError, ValueError):
            self.lost_host = True
        finally:
            self.ended.set()

    def pump(self) -> None:
        pending = bytearray()
        reading = True
        while self.running:
            with self.lock:
                for chunk in self.queued:
                    pending += chunk
                self.queued.clear()
                closing = self.close_stdin
            if self.stdin_fd is not None and closing and not pending and self.launched():
                os.close(self.stdin_fd)
                self.stdin_fd = None
            writers = [self.stdin_fd] if pending and self.stdin_fd is not None else []
            readers = [self.wake_r, *([self.stdout_fd] if reading else [])]
            ready_r, ready_w, _ = select.select(readers, writers, [], 0.05)
            if self.wake_r in ready_r:
                while True:
                    try:
                        os.read(self.wake_r, 4096)
                    except BlockingIOError:
                        break
            if ready_w and self.stdin_fd is not None:
                with contextlib.suppress(BlockingIOError):
                    del pending[: os.write(self.stdin_fd, pending)]
            if self.stdout_fd in ready_r and reading:
                reading = self.forward()
        if reading:
            self.forward()  # what the program wrote just before it ended

    def launched(self) -> bool:
        """Whether launch has started the program, so has opened its end of the stdin FIFO
        (it opens the files, then forks): until then our end must stay open, or launch's
        open would wait for a writer that never comes."""
        if not self.started:
            keep = {os.getpid(), *self.supervisor.ours()}
            self.started = any(alive(pid) for pid in container_pids(keep))
        return self.started

    def forward(self) -> bool:
        """Send what the program wrote to the host; False once it reached the output limit."""
        while True:
            try:
                data = os.read(self.stdout_fd, 65536)
            except BlockingIOError:
                return True
            if not data:
                return True
            room = self.output_bytes - self.sent
            self.sent += min(len(data), room)
            if data[:room]:
                write_frame(sys.stdout.fileno(), {"op": "out"}, [("data", data[:room])])
            if len(data) >= room:
                self.sent = self.output_bytes
                signal_runner(self.supervisor.uid)
                return False

    def stop(self) -> None:
        """After the program ended: stop pumping (after a last read of its output)."""
        with self.lock:
            self.running = False
        self.wake()
        self.pump_thread.join()

    def close(self) -> None:
        """After the pump stopped: close the FIFOs and remove them (a later `run` makes files
        there). The wake-up pipe stays until the reader has ended."""
        for fd in (self.stdin_fd, self.stdout_fd):
            if fd is not None:
                os.close(fd)
        self.stdin_fd = None
        for path in self.paths:
            if os.path.lexists(path):
                os.unlink(path)

    def release(self) -> None:
        """After the reader ended."""
        os.close(self.wake_r)
        os.close(self.wake_w)


# -- the supervisor ----------------------------------------------------------------------------


class Launcher:
    """The launch process that starts every program (one per container), and its report pipe;
    or, given `server` (its argv), a fork server that starts programs the same way: Python's
    (ForkServer) or Node's (sandbox/node/)."""

    def __init__(self, uid: int, server: list[str] | None = None) -> None:
        commands_r, self.commands = os.pipe()
        report_r, report_w = os.pipe()
        argv = server or [LAUNCH]
        actions: list[tuple[Any, ...]] = [(os.POSIX_SPAWN_DUP2, commands_r, 0), (os.POSIX_SPAWN_DUP2, report_w, 3)]
        if server:  # it never writes to our stdout, the host's frames
            actions.append((os.POSIX_SPAWN_OPEN, 1, "/dev/null", os.O_WRONLY, 0))
        stack = resource.getrlimit(resource.RLIMIT_STACK)
        if server:
            # The stack's room is fixed at exec: an unlimited stack limit lays the fork server's
            # memory out so that each program's stack can grow to its own limit, as after an exec.
            resource.setrlimit(resource.RLIMIT_STACK, (stack[1], stack[1]))
        try:
            self.pid = os.posix_spawn(
                argv[0], [*argv, "3", str(uid)], {"PATH": SERVER_PATH, "LANG": "C.UTF-8"},
                file_actions=actions,
            )  # fmt: skip
        finally:
            resource.setrlimit(resource.RLIMIT_STACK, stack)
        os.close(commands_r)
        os.close(report_w)
        self.report = report_r
        first = b""
        deadline = time.monotonic() + SERVER_START_S
        while not first.endswith(b"\n"):
            ready, _, _ = select.select([report_r], [], [], max(0.0, deadline - time.monotonic()))
            chunk = os.read(report_r, 64) if ready else b""
            if not chunk:
                self.close()
                raise SystemExit(f"supervisor: {argv[-1]} did not start")
            first += chunk
        name, value = first.split()
        if name != b"landlock":
            self.close()
            raise SystemExit(f"supervisor: {argv[-1]} said {first!r}")
        self.landlock = int(value)

    def close(self) -> None:
        """End it: its commands close (it exits at once, between programs), then it is reaped."""
        for fd in (self.commands, self.report):
            with contextlib.suppress(OSError):
                os.close(fd)
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)

    def send(self, fields: list[str]) -> None:
        payload = b"".join(f.encode("utf-8", "surrogateescape") + b"\0" for f in fields)
        write_all(self.commands, b"%d\n" % len(payload) + payload)

    def clean(self, roots: list[str]) -> int:
        """Have launch remove, as the runner, everything the runner owns under `roots`, and look
        again (a fork of a small C process, not of this one): the entries left, -1 if it failed."""
        self.send(["clean", *roots])
        line = b""
        while not line.endswith(b"\n"):
            chunk = os.read(self.report, 64)
            if not chunk:
                raise SystemExit("supervisor: launch exited")
            line += chunk
        name, left = line.split()
        if name != b"clean":
            raise SystemExit(f"supervisor: launch said {line!r} to a clean")
        return int(left)


class Supervisor:
    def __init__(self, uid: int) -> None:
        if uid < 1000:
            raise SystemExit("supervisor: runner uid must be an unprivileged uid")
        self.uid = uid
        self.env: dict[str, str] = {}
        self.clock = CpuClock()
        self.oom = OomCounter()
        self.reset_roots, self.writable_files = writable_places(uid)
        self.launcher = Launcher(uid)
        # Python programs are forked from an interpreter started once (ForkServer): no
        # interpreter start at each test.
        self.forker: Launcher | None = Launcher(uid, [sys.executable, os.path.abspath(__file__), "--fork-server"])
        # JavaScript programs, from a Node.js started once for their flags (node_server).
        self.node: Launcher | None = None
        self.node_flags: list[str] = []
        self.node_forking = os.path.exists(NODE_FORK_ADDON)
        self.node_refused: set[tuple[str, ...]] = set()  # flags a server would not start with
        # Set when a run exceeds its time, the syntax check fails, or a compile (an exec with
        # "stop_on_failure") fails; until the next prepare, runs sent ahead with
        # "skip_if_stopped" are answered "skipped" at once.
        self.stopped = False

    def ours(self) -> set[int]:
        """The processes that start programs (root's, never the runner's)."""
        return {launcher.pid for launcher in (self.launcher, self.forker, self.node) if launcher is not None}

    def features(self) -> dict[str, Any]:
        return {
            "cpu_clock": self.clock.kind,
            "landlock": self.launcher.landlock,
            "reset_roots": self.reset_roots,
            "writable_files": self.writable_files,
        }

    # -- requests -----------------------------------------------------------------------------

    def prepare(self, request: dict[str, Any], blobs: dict[str, bytes]) -> tuple[dict[str, Any], list[Any]]:
        """A fresh /code/box with the files and dirs; with "check_python", also Python's syntax
        check of that file, in the same fork (no interpreter start, no second fork).

        The same interpreter as the one running the tests parses the file, so its verdict and
        message are the ones `python3 main.py` would give.
        """
        dirs = [str(d) for d in request.get("dirs", [])]
        check = request.get("check_python")
        for name in [*blobs, *dirs, *([check] if check else [])]:
            if "/" in name or name in ("", ".", ".."):
                raise ValueError(f"bad file name {name!r}")
        self.env = {str(k): str(v) for k, v in request.get("env", {}).items()}
        self.stopped = False

        def write_box(say: Say) -> int:
            os.umask(0o077)
            os.mkdir(BOX, 0o700)
            for name in dirs:
                os.mkdir(os.path.join(BOX, name), 0o700)
            for name, data in blobs.items():
                with open(os.path.join(BOX, name), "wb") as f:
                    f.write(data)
            if check:
                resource.setrlimit(resource.RLIMIT_CPU, (10, 11))
                resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
                try:
                    compile(blobs[check], check, "exec")
                except (SyntaxError, ValueError) as exc:
                    import traceback

                    say("".join(traceback.format_exception_only(exc)).encode()[:65536])
                    return 1
            return 0

        code, output = as_runner(self.uid, write_box)
        if code not in (0, 1):
            self.stopped = True
            return {"ok": False, "error": f"preparing the files failed: {output.decode('utf-8', 'replace')}"}, []
        self.stopped = code != 0
        return {"ok": True, "exit_code": code, "output_size": len(output)}, [("output", output)]

    def exec(self, request: dict[str, Any], _blobs: dict[str, bytes]) -> tuple[dict[str, Any], list[Any]]:
        if request.get("skip_if_stopped") and self.stopped:
            return {"ok": True, "skipped": True}, []
        # Only JavaScript's syntax check is forked: a compile step is otherwise a compiler's.
        check = node_flags(request["argv"]) == ["--check"]
        facts = self.execute(request["argv"], request["limits"], stdin=b"", merge=True, fork=check)
        failed = facts["exit_code"] != 0 or facts["killed_for"] is not None or not facts["ok"]
        if request.get("stop_on_failure") and failed:
            self.stopped = True
        return facts, [self.file_blob("output", "stdout", request["limits"]["report_bytes"])]

    def run(self, request: dict[str, Any], blobs: dict[str, bytes]) -> tuple[dict[str, Any], list[Any]]:
        limits = request["limits"]
        if request.get("skip_if_stopped") and self.stopped:
            return {"ok": True, "skipped": True}, []
        merge, result = bool(request.get("merge_output")), bool(request.get("result"))
        stdin = blobs.get("stdin", b"")
        facts = self.execute(request["argv"], limits, stdin=stdin, merge=merge, result=result, fork=True)
        self.stopped = self.stopped or bool(facts["time_exceeded"])
        if merge:  # the tail of the one stream, where a runtime's last words are
            with open(os.path.join(JUDGE, "stdout"), "rb") as f:
                stderr = os.pread(f.fileno(), STDERR_TAIL_BYTES, max(0, facts["output_size"] - STDERR_TAIL_BYTES))
        else:
            stderr = self.read_bytes("stderr")
        patterns = [p.encode() for p in request.get("oom_patterns", [])]
        facts["oom_message"] = any(p in stderr for p in patterns)
        out = [self.file_blob("stdout", "stdout", limits["output_bytes"]), ("stderr", stderr[-STDERR_TAIL_BYTES:])]
        if result:
            facts["result_size"] = os.stat(os.path.join(JUDGE, "result")).st_size
            out.append(self.file_blob("result", "result", limits["output_bytes"]))
        out.extend(self.collect(request.get("collect", []), limits["output_bytes"]))
        return facts, out

    def interact(self, request: dict[str, Any], _blobs: dict[str, bytes]) -> tuple[dict[str, Any], list[Any]]:
        """Run the program with its stdin and stdout relayed (Relay). The reply comes in two
        parts: a {"op": "done"} frame with the facts of the run, as `run` gives them (stdout
        excepted: it went out as it was written), then, once the host has answered "end",
        {"ok": true, "ended": true}."""
        limits = request["limits"]
        relay = Relay(self, int(limits["output_bytes"]))
        relay.start()
        try:
            facts = self.execute(request["argv"], limits, stdin=b"", merge=False)
        except Exception as exc:
            relay.stop()  # the pump writes frames: it stops before we write one
            write_frame(sys.stdout.fileno(), {"ok": False, "error": f"{type(exc).__name__}: {exc}"}, [])
            # The reader thread still owns our stdin: we cannot go on reading requests.
            raise SystemExit(f"supervisor: an interaction failed: {exc!r}") from exc
        relay.stop()
        relay.close()
        facts["output_size"] = relay.sent
        stderr = self.read_bytes("stderr")
        patterns = [p.encode() for p in request.get("oom_patterns", [])]
        facts["oom_message"] = any(p in stderr for p in patterns)
        out: list[Any] = [("stderr", stderr[-STDERR_TAIL_BYTES:])]
        out.extend(self.collect(request.get("collect", []), limits["output_bytes"]))
        write_frame(sys.stdout.fileno(), {**facts, "op": "done"}, out)
        # The host answers "end" at once; without it we must not read our stdin again.
        if not relay.ended.wait(max(60.0, int(limits["wall_ms"]) / 1000 * 4)) or relay.lost_host:
            raise SystemExit("supervisor: the host left an interaction without ending it")
        relay.release()
        return {"ok": True, "ended": True}, []

    def collect(self, names: list[str], limit: int) -> list[Blob]:
        """Files the program left in its box (a checker's feedback), read as the runner."""
        found: list[Blob] = []
        for name in names:
            if name.startswith("/") or ".." in name.split("/"):
                raise ValueError(f"bad file name {name!r}")

            def send(say: Say, path: str = os.path.join(BOX, name)) -> None:
                try:
                    with open(path, "rb") as f:
                        say(f.read(limit))
                except FileNotFoundError:
                    pass

            found.append((name, as_runner(self.uid, send)[1]))
        return found

    def reset(self, _request: dict[str, Any], _blobs: dict[str, bytes]) -> tuple[dict[str, Any], list[Any]]:
        ours = self.ours()
        killed = kill_runner(self.uid, ours)
        reap_orphans()
        roots = self.reset_roots
        left = self.launcher.clean(roots)
        cleaned = left == 0
        for name in os.listdir(JUDGE):
            os.unlink(os.path.join(JUDGE, name))
        processes = [pid for pid in container_pids(ours | {os.getpid()}) if alive(pid)]
        leftovers = [] if cleaned else [path for root in roots for path in owned_entries(root, self.uid)]
        if not cleaned and not leftovers:
            leftovers = [f"(launch could not clean: {left})"]
        ok = killed and cleaned and not processes
        return {"ok": ok, "leftovers": leftovers, "processes": processes}, []

    # -- running one program ------------------------------------------------------------------

    def execute(
        self,
        argv: list[str],
        limits: dict[str, int],
        *,
        stdin: bytes,
        merge: bool,
        result: bool = False,
        fork: bool = False,
    ) -> dict[str, Any]:
        """Run a program: `fork`, one a fork server serves (`python3 FILE`, `node FILE`, `node
        --check FILE`) is forked from it rather than started afresh (fork_server)."""
        cpu_ms = int(limits["cpu_ms"])
        wall_ms = int(limits["wall_ms"])
        memory_kb = int(limits["memory_kb"])
        output_bytes = int(limits["output_bytes"])
        stdin_path, stdout_path = os.path.join(JUDGE, "stdin"), os.path.join(JUDGE, "stdout")
        stderr_path = stdout_path if merge else os.path.join(JUDGE, "stderr")
        # A fresh file each run (in /judge, where the program cannot look): nothing an earlier
        # run left can pass for this run's result.
        result_path = os.path.join(JUDGE, "result") if result else "-"
        with open(stdin_path, "wb") as f:
            f.write(stdin)
        for path in {stdout_path, stderr_path, result_path} - {"-"}:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
        out_probe = os.open(stdout_path, os.O_RDONLY)
        command = [
            "run",
            BOX,
            str(-(-cpu_ms // 1000) + 1),
            str(output_bytes),
            str(limits.get("open_files", 64)),
            str(limits.get("processes", 64)),
            str(limits.get("stack_bytes", 64 << 20)),
            str(limits.get("data_bytes", 0)),
            stdin_path,
            stdout_path,
            stderr_path,
            result_path,
            str(len(self.env)),
            *(f"{k}={v}" for k, v in self.env.items()),
            str(len(argv)),
            *argv,
        ]
        # Chosen (a fork server started, if it must be) before the clocks start: not the program's time.
        launcher = self.fork_server(argv) if fork else self.launcher
        oom_before = self.oom.kills()
        meter = Meter(self.clock)
        started = time.monotonic()
        try:
            launcher.send(command)
        except BrokenPipeError:
            if launcher is self.launcher:
                raise
            # A fork server is gone (it should never be): launch starts this program; Python's
            # are launch's from now on, Node's get a new server at their next test.
            launcher.close()
            if launcher is self.forker:
                self.forker = None
            else:
                self.node = None  # the next test starts another
            launcher = self.launcher
            launcher.send(command)
        keep = self.ours()
        report = b""
        peak_kb = 0
        fallback_cpu_ms = 0
        credited_wait_ms = 0
        killed_for: str | None = None
        deadline = started + wall_ms / 1000
        main_done_at: float | None = None
        ticks = 0
        error = ""
        try:
            while b"done " not in report or not report.endswith(b"\n"):
                now = time.monotonic()
                if main_done_at is not None:
                    wait = TICK_S
                    if now - main_done_at > DRAIN_S:
                        error = "the program's processes could not be collected"
                        break
                elif killed_for:
                    wait = TICK_S
                else:
                    wait = max(0.0, min(TICK_S * 2 ** (ticks // 2), MAX_TICK_S, deadline - now))
                ready, _, _ = select.select([launcher.report], [], [], wait)
                if ready:
                    chunk = os.read(launcher.report, 4096)
                    if not chunk:
                        error = "launch exited"
                        break
                    report += chunk
                    exited = report.startswith(b"exit ") or b"\nexit " in report
                    if main_done_at is None and exited and report.endswith(b"\n"):
                        main_done_at = time.monotonic()
                        if b"done " not in report:
                            # Whatever the program left running (a daemon, a fork bomb) ends with it.
                            kill_runner(self.uid, keep)
                    continue
                if main_done_at is not None or killed_for:
                    kill_runner(self.uid, keep)
                    continue
                ticks += 1
                pids = container_pids(keep | {os.getpid()})
                peak_kb = max(peak_kb, sum(resident_kb(pid) for pid in pids))
                used_ms = meter.cpu_ms()
                if used_ms is None:
                    fallback_cpu_ms = max(fallback_cpu_ms, sum(process_cpu_ms(pid) for pid in pids))
                    used_ms = fallback_cpu_ms
                if peak_kb > memory_kb:
                    killed_for = "memory"
                elif os.fstat(out_probe).st_size >= output_bytes:
                    killed_for = "output"
                elif used_ms > cpu_ms:
                    killed_for = "cpu"
                elif time.monotonic() >= deadline:
                    # Time spent waiting for a CPU is the machine's, not the program's.
                    waited = min(max((run_delay_ms(pid) for pid in pids), default=0), wall_ms * MAX_WAIT_CREDIT)
                    if waited > credited_wait_ms:
                        deadline += (waited - credited_wait_ms) / 1000
                        credited_wait_ms = waited
                    else:
                        killed_for = "wall"
                if killed_for:
                    kill_runner(self.uid, keep)
        finally:
            os.close(out_probe)
            if error:
                kill_runner(self.uid, keep)
            reap_orphans()
        wall = int((time.monotonic() - started) * 1000)
        used_ms = meter.cpu_ms()
        facts: dict[str, Any] = {
            "ok": not error,
            "exit_code": None,
            "signal": None,
            "cpu_ms": 0,
            "wall_ms": wall,
            "waited_ms": credited_wait_ms,
            "memory_kb": peak_kb,
            "killed_for": killed_for,
            "cgroup_oom": self.oom.kills() > oom_before,
        }
        if error:
            facts["error"] = error
        children_cpu_ms = 0
        for line in report.decode().splitlines():
            parts = line.split()
            if parts and parts[0] == "exit":
                status = int(parts[1])
                facts["memory_kb"] = max(facts["memory_kb"], int(parts[4]))
                if os.WIFEXITED(status):
                    facts["exit_code"] = os.WEXITSTATUS(status)
                elif os.WIFSIGNALED(status):
                    facts["signal"] = os.WTERMSIG(status)
            elif parts and parts[0] == "done":
                children_cpu_ms = (int(parts[1]) + int(parts[2])) // 1000
                facts["memory_kb"] = max(facts["memory_kb"], int(parts[3]))
        facts["landlock"] = launcher.landlock
        facts["cpu_ms"] = used_ms if used_ms is not None else max(fallback_cpu_ms, children_cpu_ms)
        if facts["exit_code"] is None and facts["signal"] is None and not error:
            facts["ok"] = False
            facts["error"] = "launch did not report how the program ended"
        facts["output_size"] = os.stat(os.path.join(JUDGE, "stdout")).st_size
        facts["time_exceeded"] = (
            killed_for in ("cpu", "wall") or facts["signal"] == signal.SIGXCPU or facts["cpu_ms"] > cpu_ms
        )
        return facts

    def fork_server(self, argv: list[str]) -> Launcher:
        """What starts the program `argv` of a test: a fork server that serves it, else launch."""
        if self.forker is not None and ForkServer.serves(argv):
            return self.forker
        flags = node_flags(argv)
        if flags is None or not self.node_forking or tuple(flags) in self.node_refused:
            return self.launcher
        if "--check" in flags:
            # A syntax check, before the runs and their heap limit: the server running, if any.
            return self.node if self.node is not None and flags == ["--check"] else self.launcher
        if self.node is not None and self.node_flags == flags:
            return self.node
        # V8's flags (the heap's limit) are fixed when Node starts: a server of its own for
        # them, started at the first test that needs it (one per submission at most).
        if self.node is not None:
            self.node.close()
            self.node = None
        try:
            node = shutil.which("node", path=SERVER_PATH) or "/usr/local/bin/node"
            self.node = Launcher(self.uid, [node, *NODE_SERVER_FLAGS, *flags, NODE_FORK_SERVER])
        except (OSError, SystemExit) as exc:
            print(f"supervisor: Node's fork server did not start ({exc}); launch starts Node", file=sys.stderr)
            self.node_refused.add(tuple(flags))
            return self.launcher
        self.node_flags = flags
        return self.node

    def read_bytes(self, name: str, limit: int | None = None) -> bytes:
        with open(os.path.join(JUDGE, name), "rb") as f:
            return f.read(limit) if limit is not None else f.read()

    def file_blob(self, blob: str, name: str, limit: int) -> tuple[str, tuple[int, int]]:
        """A file of /judge, up to `limit` bytes, sent from its descriptor (never held here);
        the caller closes the descriptor once the reply is written."""
        fd = os.open(os.path.join(JUDGE, name), os.O_RDONLY)
        return blob, (fd, min(os.fstat(fd).st_size, limit))


# -- Node's fork server (sandbox/node/) ---------------------------------------------------------

# Node's fork server runs V8 on its main thread only (a forked child has no other threads), and,
# without background compilation, never enters a loop at the top of a script in Maglev's code
# (which would stay there, 20% slower than Turbofan's): each program as fast as `node FILE`.
NODE_SERVER_FLAGS = ("--single-threaded", "--no-maglev-osr")


def node_flags(argv: list[str]) -> list[str] | None:
    """The flags of `node [--FLAG...] FILE.js`, a script Node's fork server can run (started with
    the same flags); None for any other command."""
    if len(argv) < 2 or argv[0] != "node":
        return None
    *flags, script = argv[1:]
    if not script.endswith((".js", ".cjs")) or script.startswith("-"):
        return None
    if not all(flag.startswith("--") for flag in flags):
        return None
    return flags


# -- the Python fork server -------------------------------------------------------------------


class ForkServer:
    """`launch` for Python programs, in Python: `supervisor.py --fork-server REPORT_FD UID`.

    An interpreter started once per container, as root, before the supervisor has read any
    request (it holds nothing of any submission). It serves launch's `run` command with launch's
    report lines, and does for each program what launch does (the same files, rlimits,
    oom_score_adj, uid, no_new_privs and Landlock ruleset), then, in the forked child, runs the
    script as `python3 FILE` would instead of exec'ing a fresh interpreter: the ~8 ms of an
    interpreter's start saved at every test. Every program is still a process of its own,
    forked afresh, with its own limits; the server itself is root's, so the runner can neither
    signal nor ptrace it, and it is a subreaper, so it reaps (and counts) whatever a program
    leaves, as launch does.
    """

    # The syscalls' numbers (x86-64 and arm64 agree) and launch's access rights.
    LANDLOCK_CREATE, LANDLOCK_ADD_RULE, LANDLOCK_RESTRICT = 444, 445, 446
    PR_SET_NO_NEW_PRIVS = 38

    @staticmethod
    def serves(argv: list[str]) -> bool:
        """Whether `argv` is a Python script run the plain way, which the fork server can run."""
        return len(argv) == 2 and argv[0] == "python3" and argv[1].endswith(".py") and not argv[1].startswith("-")

    def __init__(self, report: int, uid: int) -> None:
        self.report = report
        self.uid = uid
        self.libc = ctypes.CDLL(None, use_errno=True)
        self.libc.syscall.restype = ctypes.c_long
        self.libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
        abi = self.libc.syscall(self.LANDLOCK_CREATE, None, ctypes.c_size_t(0), ctypes.c_uint32(1))
        self.ruleset = self.make_ruleset(abi) if abi >= 1 else -1
        os.write(report, b"landlock %d\n" % (abi if self.ruleset >= 0 else 0))

    def make_ruleset(self, abi: int) -> int:
        """launch.c's make_ruleset: read and execute anywhere, write beneath /code, /tmp and
        /dev/shm and to a few devices; no TCP; scoped signals and abstract sockets."""
        fs = (1 << 13) - 1
        if abi >= 2:
            fs |= 1 << 13
        if abi >= 3:
            fs |= 1 << 14
        if abi >= 5:
            fs |= 1 << 15
        net = 0b11 if abi >= 4 else 0
        scoped = 0b11 if abi >= 6 else 0
        size = 24 if abi >= 6 else 16 if abi >= 4 else 8
        attr = ctypes.create_string_buffer(struct.pack("=QQQ", fs, net, scoped)[:size], size)
        ruleset = self.libc.syscall(self.LANDLOCK_CREATE, attr, ctypes.c_size_t(size), ctypes.c_uint32(0))
        if ruleset < 0:
            raise OSError(ctypes.get_errno(), "landlock_create_ruleset")
        read = (1 << 0) | (1 << 2) | (1 << 3)
        self.allow(ruleset, "/", read)
        for path in ("/code", "/tmp", "/dev/shm"):
            self.allow(ruleset, path, fs)
        device = (1 << 1) | (1 << 2) | (fs & ((1 << 14) | (1 << 15)))
        for path in ("/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom"):
            self.allow(ruleset, path, device)
        return int(ruleset)

    def allow(self, ruleset: int, path: str, access: int) -> None:
        try:
            fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
        except FileNotFoundError:
            return
        rule = ctypes.create_string_buffer(struct.pack("=Qi", access, fd), 12)
        done = self.libc.syscall(
            self.LANDLOCK_ADD_RULE, ctypes.c_int(ruleset), ctypes.c_int(1), rule, ctypes.c_uint32(0)
        )
        os.close(fd)
        if done != 0:
            raise OSError(ctypes.get_errno(), f"landlock_add_rule {path}")

    def serve(self) -> None:
        while True:
            header = b""
            while not header.endswith(b"\n"):
                byte = os.read(0, 1)
                if not byte:
                    return
                header += byte
            size = int(header)
            payload = b""
            while len(payload) < size:
                chunk = os.read(0, size - len(payload))
                if not chunk:
                    raise SystemExit("fork server: a command ended early")
                payload += chunk
            fields = [f.decode("utf-8", "surrogateescape") for f in payload[:-1].split(b"\0")]
            if fields[0] != "run":
                raise SystemExit(f"fork server: cannot {fields[0]!r}")
            self.run(fields)

    def run(self, f: list[str]) -> None:
        envc = int(f[12])
        env = f[13 : 13 + envc]
        argv = f[14 + envc :]
        if int(f[13 + envc]) != len(argv) or not self.serves(argv):
            raise SystemExit("fork server: bad command")
        given = os.open(f[8], os.O_RDONLY | os.O_CLOEXEC)
        out = os.open(f[9], os.O_WRONLY | os.O_CLOEXEC)
        err = os.dup(out) if f[9] == f[10] else os.open(f[10], os.O_WRONLY | os.O_CLOEXEC)
        result = -1 if f[11] == "-" else os.open(f[11], os.O_WRONLY | os.O_CLOEXEC)
        pid = os.fork()
        if pid == 0:  # pragma: no cover - child
            try:
                self.become_program(f, given, out, err, result, env)
            except BaseException as exc:
                os.write(2, f"fork server: {exc!r}\n".encode())
                os._exit(126)
            os._exit(run_script(f[1], argv[1]))
        for fd in (given, out, err, result):
            if fd >= 0:
                os.close(fd)
        _, status, ru = os.wait4(pid, 0)
        utime, stime, maxrss = micros(ru.ru_utime), micros(ru.ru_stime), ru.ru_maxrss
        exited = b"exit %d %d %d %d\n" % (status, utime, stime, maxrss)
        try:
            more, _, other = os.wait4(-1, os.WNOHANG)
        except ChildProcessError:
            write_all(self.report, exited + b"done %d %d %d\n" % (utime, stime, maxrss))
            return
        write_all(self.report, exited)
        while True:
            if more > 0:
                utime += micros(other.ru_utime)
                stime += micros(other.ru_stime)
                maxrss = max(maxrss, other.ru_maxrss)
            try:
                more, _, other = os.wait4(-1, 0)
            except ChildProcessError:
                break
        write_all(self.report, b"done %d %d %d\n" % (utime, stime, maxrss))

    def become_program(self, f: list[str], given: int, out: int, err: int, result: int, env: list[str]) -> None:
        """In the child: launch's setup of a program, short of the exec."""
        os.dup2(given, 0)
        os.dup2(out, 1)
        os.dup2(err, 2)
        os.close(self.report)
        if result >= 0:
            os.dup2(result, 3)
        with contextlib.suppress(OSError), open("/proc/self/oom_score_adj", "w") as adj:
            adj.write("1000")
        cpu_s, fsize, nofile, nproc, stack, data = (int(v) for v in f[2:8])
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_s, cpu_s + 1))
        resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
        resource.setrlimit(resource.RLIMIT_NOFILE, (nofile, nofile))
        resource.setrlimit(resource.RLIMIT_NPROC, (nproc, nproc))
        resource.setrlimit(resource.RLIMIT_STACK, (stack, stack))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if data > 0:
            resource.setrlimit(resource.RLIMIT_DATA, (data, data))
        os.setgroups([])
        os.setgid(self.uid)
        os.setuid(self.uid)
        try:
            os.setuid(0)
        except PermissionError:
            pass
        else:
            raise SystemExit("privileges were not dropped")
        os.chdir(f[1])
        if self.ruleset >= 0:
            if self.libc.prctl(self.PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "PR_SET_NO_NEW_PRIVS")
            if self.libc.syscall(self.LANDLOCK_RESTRICT, ctypes.c_int(self.ruleset), ctypes.c_uint32(0)) != 0:
                raise OSError(ctypes.get_errno(), "landlock_restrict_self")
        os.closerange(4 if result >= 0 else 3, os.sysconf("SC_OPEN_MAX"))
        os.environ.clear()
        for pair in env:
            key, _, value = pair.partition("=")
            os.environ[key] = value


def micros(seconds: float) -> int:
    return round(seconds * 1_000_000)


def run_script(directory: str, name: str) -> int:
    """Run `name` as `python3 name` would, in this (forked) interpreter: as __main__, with its
    directory first on sys.path, its traceback as Python prints it; its exit status."""
    import builtins
    import types

    path = os.path.join(directory, name)
    sys.argv = [name]
    sys.path[0] = directory
    main = types.ModuleType("__main__")
    main.__file__ = path
    main.__builtins__ = builtins  # type: ignore[attr-defined]
    main.__cached__ = None  # type: ignore[attr-defined]
    sys.modules["__main__"] = main
    status = 0
    try:
        with open(path, "rb") as source:
            code = compile(source.read(), path, "exec")
        exec(code, main.__dict__)
    except SystemExit as exc:
        status = exit_status(exc)
    except BaseException as exc:
        # Without this function's frame: the traceback starts at the script, as Python's does.
        tb = exc.__traceback__.tb_next if exc.__traceback__ is not None else None
        sys.excepthook(type(exc), exc.with_traceback(tb), tb)
        status = 1
    return finish(status)


def exit_status(exc: SystemExit) -> int:
    """What Python's exit status is for an uncaught SystemExit."""
    if exc.code is None:
        return 0
    if isinstance(exc.code, int):
        return exc.code & 0xFF
    with contextlib.suppress(Exception):
        print(exc.code, file=sys.stderr)
    return 1


def finish(status: int) -> int:
    """Python's own end of a program: wait for its threads, run its atexit functions, flush its
    output (exit status 120 when that fails)."""
    import atexit

    try:
        threading._shutdown()  # type: ignore[attr-defined]
    except BaseException as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:
            status = 120
    return status


def main() -> None:
    if sys.argv[1] == "--fork-server":
        ForkServer(int(sys.argv[2]), int(sys.argv[3])).serve()
        return
    uid = int(sys.argv[1])
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    os.umask(0o077)
    supervisor = Supervisor(uid)
    handlers = {
        "prepare": supervisor.prepare,
        "exec": supervisor.exec,
        "run": supervisor.run,
        "reset": supervisor.reset,
        "interact": supervisor.interact,
    }
    out = sys.stdout.fileno()
    write_frame(out, {"ok": True, "ready": True, "features": supervisor.features()}, [])
    while True:
        try:
            frame = read_frame(sys.stdin.buffer)
        except (EOFError, ValueError) as exc:
            write_frame(out, {"ok": False, "error": f"bad frame: {exc}"}, [])
            break
        if frame is None:
            break
        request, blobs = frame
        try:
            reply, out_blobs = handlers[request["op"]](request, blobs)
        except Exception as exc:
            reply, out_blobs = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}, []
        try:
            write_frame(out, reply, out_blobs)
        finally:
            for _, blob in out_blobs:
                if isinstance(blob, tuple):
                    os.close(blob[0])
    kill_runner(uid, {supervisor.launcher.pid})


if __name__ == "__main__":
    main()
