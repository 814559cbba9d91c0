"""The typed protocol between the host and the supervisor in each sandbox container.

A message is a frame: one line of JSON, then the raw bytes of the blobs the line announces
(`"blobs": [[name, size], ...]`, in that order). Programs' input and output travel as bytes,
unescaped, so a reply costs what the output costs. Every request the host sends is built here,
and every reply is parsed here into a typed object; sandbox/supervisor.py is the other end.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

# Below this many bytes of header line, a supervisor reply is not a frame but garbage.
MAX_HEADER_BYTES = 1 << 20


class ProtocolError(Exception):
    """A frame that does not parse, or a reply that lacks what its request needs."""


@dataclass(frozen=True)
class Frame:
    header: dict[str, Any]
    blobs: tuple[tuple[str, bytes], ...] = ()

    def encode(self) -> bytes:
        sizes = [[name, len(data)] for name, data in self.blobs]
        line = json.dumps({**self.header, "blobs": sizes}, separators=(",", ":")).encode()
        return b"".join([line, b"\n", *(data for _, data in self.blobs)])

    def blob(self, name: str) -> bytes:
        return next((data for key, data in self.blobs if key == name), b"")

    @property
    def ok(self) -> bool:
        return bool(self.header.get("ok", False))


class FrameReader:
    """Frames out of a byte stream that arrives in chunks of any size."""

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._header: dict[str, Any] | None = None
        self._needed = 0

    def feed(self, data: bytes) -> None:
        self._buffer += data

    def next_frame(self) -> Frame | None:
        """The next complete frame, or None until more bytes arrive."""
        if self._header is None:
            end = self._buffer.find(b"\n")
            if end < 0:
                if len(self._buffer) > MAX_HEADER_BYTES:
                    raise ProtocolError(f"no frame header in {len(self._buffer)} bytes")
                return None
            line = bytes(self._buffer[:end])
            del self._buffer[: end + 1]
            try:
                header = json.loads(line)
                if not isinstance(header, dict):
                    raise TypeError("not an object")
                sizes = [(str(name), int(size)) for name, size in header.get("blobs", [])]
            except (ValueError, TypeError) as exc:
                raise ProtocolError(f"the supervisor sent garbage: {line[:200]!r}") from exc
            if any(size < 0 for _, size in sizes):
                raise ProtocolError(f"the supervisor sent garbage: {line[:200]!r}")
            self._header = header
            self._needed = sum(size for _, size in sizes)
        if len(self._buffer) < self._needed:
            return None
        header, self._header = self._header, None
        blobs = []
        offset = 0
        for name, size in header.pop("blobs", []):
            blobs.append((str(name), bytes(self._buffer[offset : offset + int(size)])))
            offset += int(size)
        del self._buffer[:offset]
        return Frame(header, tuple(blobs))


# -- requests ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProgramLimits:
    """What one run of a program may use; the supervisor enforces every one."""

    cpu_ms: int
    wall_ms: int
    memory_kb: int
    output_bytes: int
    data_bytes: int = 0  # RLIMIT_DATA; 0: none (the JVM and V8 reserve far more than they use)
    processes: int = 64
    open_files: int = 64
    stack_bytes: int = 64 << 20
    report_bytes: int = 0  # output sent back; 0: output_bytes

    def as_request(self) -> dict[str, int]:
        return {
            "cpu_ms": self.cpu_ms,
            "wall_ms": self.wall_ms,
            "memory_kb": self.memory_kb,
            "output_bytes": self.output_bytes,
            "data_bytes": self.data_bytes,
            "processes": self.processes,
            "open_files": self.open_files,
            "stack_bytes": self.stack_bytes,
            "report_bytes": self.report_bytes or self.output_bytes,
        }


def prepare(
    files: Mapping[str, bytes], env: Mapping[str, str], dirs: Sequence[str] = (), check_python: str | None = None
) -> Frame:
    """A fresh work directory holding `files` and the empty `dirs`; `env` is the programs' whole
    environment. check_python: one of the files, whose syntax Python checks in the same step
    (the reply's exit_code is 1 and its "output" the message when it is wrong)."""
    header = {"op": "prepare", "env": dict(env), "dirs": list(dirs), "check_python": check_python}
    return Frame(header, tuple(files.items()))


def execute(argv: Sequence[str], limits: ProgramLimits, *, compile_step: bool = False) -> Frame:
    """Run a command once with its output merged (a compiler, a version query).

    compile_step: skipped if the work directory's preparation failed, and a failure stops the
    runs sent after it (see `run`).
    """
    header: dict[str, Any] = {"op": "exec", "argv": list(argv), "limits": limits.as_request()}
    if compile_step:
        header.update(skip_if_stopped=True, stop_on_failure=True)
    return Frame(header)


def run(
    argv: Sequence[str],
    limits: ProgramLimits,
    stdin: bytes,
    *,
    oom_patterns: Iterable[str] = (),
    skip_if_stopped: bool = False,
    collect: Iterable[str] = (),
    result: bool = False,
) -> Frame:
    """Run the program on `stdin`.

    skip_if_stopped: answer "skipped" at once if, since `prepare`, the syntax check or the
    compile failed or a run exceeded its time: requests sent ahead then cost nothing.
    collect: files of the work directory to send back after the run (a checker's feedback).
    result: a function problem's harness: its file descriptor 3 is a fresh file sent back as
    the reply's `result`, and its stderr goes to its stdout, one stream of debug output.
    """
    header = {
        "op": "run",
        "argv": list(argv),
        "limits": limits.as_request(),
        "oom_patterns": list(oom_patterns),
        "skip_if_stopped": skip_if_stopped,
        "collect": list(collect),
    }
    if result:
        header.update(result=True, merge_output=True)
    return Frame(header, (("stdin", stdin),))


RESET = Frame({"op": "reset"})


def interact(
    argv: Sequence[str], limits: ProgramLimits, *, oom_patterns: Iterable[str] = (), collect: Iterable[str] = ()
) -> Frame:
    """Run the program with its stdin and stdout relayed as frames while it runs (an
    interactive problem's submission, or its interactor). The supervisor sends {"op": "out"}
    frames (a "data" blob: what the program wrote) and, when it has ended, an {"op": "done"}
    frame that parses as a RunReply (without stdout); the host sends `relay_in` frames, then
    RELAY_EOF or RELAY_KILL, and after the "done" frame RELAY_END, which is answered
    {"ok": true, "ended": true}. The host must send nothing else in between."""
    header = {
        "op": "interact",
        "argv": list(argv),
        "limits": limits.as_request(),
        "oom_patterns": list(oom_patterns),
        "collect": list(collect),
    }
    return Frame(header)


def relay_in(data: bytes) -> Frame:
    """Bytes for an interacting program's stdin."""
    return Frame({"op": "in"}, (("data", data),))


RELAY_EOF = Frame({"op": "eof"})  # close the program's stdin once what was sent is written
RELAY_KILL = Frame({"op": "kill"})  # end the program now
RELAY_END = Frame({"op": "end"})  # the "done" frame was read: the interaction is over


# -- replies -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Features:
    """What a supervisor found about its container when it started."""

    cpu_clock: str  # "cgroup-v2", "cgroup-v1", or "processes" (a fallback that can be dodged)
    landlock: int  # the Landlock ABI programs are confined with; 0: the kernel has none
    reset_roots: tuple[str, ...]  # every mount the runner can write, emptied by the reset
    writable_files: tuple[str, ...]  # files the runner can write outside those (must be none)

    @classmethod
    def parse(cls, frame: Frame) -> Features:
        data = frame.header.get("features")
        if not frame.header.get("ready") or not isinstance(data, dict):
            raise ProtocolError(f"the supervisor did not start: {frame.header}")
        return cls(
            cpu_clock=str(data.get("cpu_clock", "")),
            landlock=int(data.get("landlock", 0)),
            reset_roots=tuple(data.get("reset_roots", ())),
            writable_files=tuple(data.get("writable_files", ())),
        )


@dataclass(frozen=True)
class RunReply:
    """How one run of a program ended, as the supervisor measured it."""

    exit_code: int | None = None
    signal: int | None = None
    cpu_ms: int = 0  # every process and thread of the program, for its whole life
    wall_ms: int = 0
    waited_ms: int = 0  # time spent waiting for a CPU, credited to the wall-clock limit
    memory_kb: int = 0  # peak resident memory
    killed_for: str | None = None  # "cpu", "wall", "memory", "output": the limit that stopped it
    cgroup_oom: bool = False
    oom_message: bool = False  # the runtime said it ran out of memory
    output_size: int = 0
    time_exceeded: bool = False
    skipped: bool = False  # not run: the compile failed, or an earlier run exceeded its time
    landlock: int = 0
    stdout: bytes = b""
    stderr: bytes = b""
    output: bytes = b""  # an exec's merged output
    files: dict[str, bytes] = field(default_factory=dict)
    result: bytes = b""  # what a function problem's harness wrote to its file descriptor 3
    result_size: int = 0

    @classmethod
    def parse(cls, frame: Frame) -> RunReply:
        h = frame.header
        if h.get("skipped"):
            return cls(skipped=True)
        if h.get("exit_code") is None and h.get("signal") is None:
            raise ProtocolError(f"a run reply without an exit code or signal: {h}")
        named = {"stdout", "stderr", "output", "result"}
        return cls(
            exit_code=_int_or_none(h.get("exit_code")),
            signal=_int_or_none(h.get("signal")),
            cpu_ms=int(h.get("cpu_ms", 0)),
            wall_ms=int(h.get("wall_ms", 0)),
            waited_ms=int(h.get("waited_ms", 0)),
            memory_kb=int(h.get("memory_kb", 0)),
            killed_for=h.get("killed_for"),
            cgroup_oom=bool(h.get("cgroup_oom")),
            oom_message=bool(h.get("oom_message")),
            output_size=int(h.get("output_size", 0)),
            time_exceeded=bool(h.get("time_exceeded")),
            landlock=int(h.get("landlock", 0)),
            stdout=frame.blob("stdout"),
            stderr=frame.blob("stderr"),
            output=frame.blob("output"),
            files={name: data for name, data in frame.blobs if name not in named},
            result=frame.blob("result"),
            result_size=int(h.get("result_size", 0)),
        )


def _int_or_none(value: object) -> int | None:
    return None if value is None else int(value)  # type: ignore[call-overload]


@dataclass(frozen=True)
class ResetReply:
    ok: bool
    leftovers: tuple[str, ...]
    processes: tuple[int, ...]

    @classmethod
    def parse(cls, frame: Frame) -> ResetReply:
        h = frame.header
        return cls(bool(h.get("ok")), tuple(h.get("leftovers", ())), tuple(h.get("processes", ())))
