"""One program in a sandbox: its limits, its files, its compilation, the request that runs it.

The steps judging a submission and the editor's Run share: both prepare the source, compile it
once, and run it under the same limits with the same request.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from codearena.config import Settings
from codearena.domain.verdicts import Verdict
from codearena.judging.grading import run_outcome
from codearena.languages import Language
from codearena.problems.model import Problem
from codearena.sandbox import protocol
from codearena.sandbox.container import Sandbox, SandboxError
from codearena.sandbox.protocol import ProgramLimits, RunReply

PREPARE_TIMEOUT_S = 10.0
# The supervisor extends a wall-clock limit by the time the program waited for a CPU, up to
# this many times the limit (sandbox/supervisor.py, MAX_WAIT_CREDIT).
MAX_WAIT_CREDIT = 3

# The whole environment of every program: nothing of the host's or the supervisor's.
SANDBOX_ENV = {
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "HOME": "/code/box",
    "LANG": "C.UTF-8",
    "TMPDIR": "/tmp",
}


def program_limits(
    settings: Settings, language: Language, time_limit_ms: int, memory_limit_mb: int, output_kb: int
) -> ProgramLimits:
    """The limits of one run of a program: a test, or the editor's Run."""
    cpu_ms = int(time_limit_ms * language.time_multiplier)
    memory_kb = (memory_limit_mb + language.memory_slack_mb) * 1024
    return ProgramLimits(
        cpu_ms=cpu_ms,
        wall_ms=int(cpu_ms * settings.wall_time_factor) + settings.wall_time_extra_ms,
        memory_kb=memory_kb,
        output_bytes=output_kb * 1024,
        # Half again the limit: polling kills a program whose memory grows past the limit
        # first, and an allocation too big to ever fit fails inside the program.
        data_bytes=memory_kb * 1024 * 3 // 2 if language.limit_data else 0,
        processes=settings.program_processes,
        # A function problem's program recurses as deep as its memory allows.
        stack_bytes=language.harness.stack_bytes if language.harness else ProgramLimits.stack_bytes,
    )


def compile_limits(settings: Settings) -> ProgramLimits:
    return ProgramLimits(
        cpu_ms=settings.compile_time_limit_ms,
        wall_ms=settings.compile_time_limit_ms * 2,
        memory_kb=settings.compile_memory_limit_mb * 1024,
        output_bytes=64 * 1024 * 1024,  # the compiler's messages and the binary it writes
        processes=settings.program_processes,
        report_bytes=settings.compile_output_limit_kb * 1024,
    )


def run_frame(
    language: Language,
    source: str,
    memory_limit_mb: int,
    limits: ProgramLimits,
    stdin: bytes,
    *,
    skip_if_stopped: bool = False,
) -> protocol.Frame:
    """The request that runs the program once on `stdin`."""
    return protocol.run(
        language.run_argv(source, memory_limit_mb),
        limits,
        stdin,
        oom_patterns=language.oom_patterns,
        skip_if_stopped=skip_if_stopped,
        result=language.harness is not None,
    )


def source_files(language: Language, source: str) -> dict[str, bytes]:
    """The source in its file, and a function problem's harness files beside it."""
    harness = language.harness
    if harness is None:
        return {language.source_file(source): source.encode("utf-8", "surrogateescape")}
    files = {name: text.encode() for name, text in harness.files.items()}
    files[language.source_file(source)] = (harness.source_prefix + source).encode("utf-8", "surrogateescape")
    return files


@dataclass(frozen=True)
class Compiled:
    ok: bool
    output: str  # the compiler's messages, or why the source was refused
    sent: bool = True  # whether anything went to the sandbox (a refused source: nothing)


def compile_frames(settings: Settings, language: Language, source: str) -> list[protocol.Frame]:
    """The requests that make a fresh work directory with the source and compile (or syntax-
    check) it; runs sent right after them with skip_if_stopped are skipped if this fails."""
    check = language.source_file(source) if language.syntax_check == "python" else None
    env = {**SANDBOX_ENV, **language.env}
    frames = [protocol.prepare(source_files(language, source), env, check_python=check)]
    argv = language.compile_argv(source) if not check else None
    if argv:
        frames.append(protocol.execute(argv, compile_limits(settings), compile_step=True))
    return frames


async def read_compiled(sandbox: Sandbox, settings: Settings, frames: list[protocol.Frame]) -> Compiled:
    """The replies to `compile_frames`: whether the program may run, and the messages."""
    prepared = await sandbox.receive(PREPARE_TIMEOUT_S)
    if not prepared.ok:
        raise SandboxError(f"could not prepare the work directory: {prepared.header}")
    if frames[0].header.get("check_python"):
        return Compiled(prepared.header.get("exit_code") == 0, prepared.blob("output").decode("utf-8", "replace"))
    if len(frames) == 1:
        return Compiled(True, "")
    limits = compile_limits(settings)
    try:
        reply = RunReply.parse(await sandbox.receive(limits.wall_ms / 1000))
    except protocol.ProtocolError as exc:
        raise SandboxError(str(exc)) from exc
    output = reply.output.decode("utf-8", "replace")
    verdict, _ = run_outcome(reply, limits)
    if verdict == Verdict.TIME_LIMIT_EXCEEDED:
        output += "\n(compilation exceeded its time limit)"
    elif verdict == Verdict.MEMORY_LIMIT_EXCEEDED:
        output += "\n(compilation exceeded its memory limit)"
    return Compiled(verdict is None, output)


async def prepare_and_compile(
    sandbox: Sandbox, settings: Settings, language: Language, source: str, ahead: Sequence[protocol.Frame] = ()
) -> Compiled:
    """Put the source in a fresh work directory and compile it: whether it may run, and the
    compiler's messages. `ahead`: requests sent in the same write, right after (runs sent with
    skip_if_stopped, whose replies the caller reads)."""
    refused = language.rejection(source)
    if refused:
        return Compiled(False, refused, sent=False)
    frames = compile_frames(settings, language, source)
    await sandbox.send(*frames, *ahead)
    return await read_compiled(sandbox, settings, frames)


def test_limits(settings: Settings, problem: Problem, language: Language) -> ProgramLimits:
    """A program's limits on one test of `problem`."""
    limits = problem.limits
    return program_limits(settings, language, limits.time_limit_ms, limits.memory_limit_mb, limits.output_limit_kb)
