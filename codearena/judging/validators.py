"""Problem authors' own programs (Kattis output and input validators) in any language the sandbox
has: built once in a sandbox, then run as often as needed, each run in a fresh container of the
checkers' pool, never on the host.

A program is a file or a folder of files (a Kattis "program"). A compiled language is compiled in
the sandbox and what the compiler made (a binary, a jar) comes back to be sent with each run;
scripts are sent as they are. Nothing an author wrote runs outside a sandbox container.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from codearena.config import Settings
from codearena.judging.grading import run_outcome, signal_reason
from codearena.judging.programs import SANDBOX_ENV, compile_limits
from codearena.sandbox import protocol
from codearena.sandbox.container import SandboxError
from codearena.sandbox.pool import ContainerPool
from codearena.sandbox.protocol import ProgramLimits, RunReply

ACCEPT_EXIT, REJECT_EXIT = 42, 43  # the Kattis convention: valid / accepted, and rejected
MAX_PROGRAM_BYTES = 4 << 20  # a validator's sources, all files together
PREPARE_TIMEOUT_S = 10.0
# The file name endings of each language's sources (headers go along with C++ sources).
SOURCES = {
    "python": (".py",),
    "javascript": (".js",),
    "java": (".java",),
    "cpp": (".cc", ".cpp", ".cxx", ".c++"),
}
CPP_HEADERS = (".h", ".hh", ".hpp", ".hxx")
# A compiled program starts from a file sent without the executable bit: the shell sets it.
_EXEC = ["/bin/sh", "-c", 'chmod 700 "$0" && exec "./$0" "$@"']


class ProgramError(Exception):
    """An author's program that cannot be built or did not run properly: a judge fault."""


@dataclass(frozen=True)
class Built:
    """A program ready to run: the files its work directory holds and the command that starts it."""

    name: str
    files: Mapping[str, bytes]
    argv: tuple[str, ...]


def program_files(program: Path) -> dict[str, bytes]:
    """The files of a program (one file, or the files of a folder); raises ProgramError."""
    paths = [program] if program.is_file() else sorted(p for p in program.iterdir() if not p.name.startswith("."))
    if any(p.is_dir() for p in paths):
        raise ProgramError(f"{program.name}: programs in nested folders are not supported")
    if not paths:
        raise ProgramError(f"{program.name}: an empty folder")
    if any(p.name in ("build", "run") for p in paths):
        raise ProgramError(f"{program.name}: programs built by their own build/run scripts are not supported")
    files = {p.name: p.read_bytes() for p in paths}
    if sum(map(len, files.values())) > MAX_PROGRAM_BYTES:
        raise ProgramError(f"{program.name}: larger than {MAX_PROGRAM_BYTES >> 20} MiB")
    return files


def program_language(program: Path) -> str | None:
    """The language most of the program's sources are in (Kattis' rule), or None."""
    names = [program.name] if program.is_file() else [p.name for p in program.iterdir()]
    counts = {lang: sum(n.lower().endswith(ends) for n in names) for lang, ends in SOURCES.items()}
    best = max(counts, key=lambda lang: counts[lang])
    return best if counts[best] else None


def _main_file(sources: Sequence[str]) -> str:
    """Kattis' rule: a file named main.*, else the first source."""
    return next((s for s in sources if s.lower().startswith("main.")), sources[0])


def validator_limits(settings: Settings) -> ProgramLimits:
    cpu_ms = settings.checker_time_limit_ms
    return ProgramLimits(cpu_ms=cpu_ms, wall_ms=cpu_ms * 2 + 1000, memory_kb=settings.checker_memory_limit_mb * 1024,
                         output_bytes=64 * 1024, processes=64)  # fmt: skip


class AuthorPrograms:
    """Builds authors' programs once (kept by path and file times) and runs them, sandboxed."""

    def __init__(self, settings: Settings, start_pool: Callable[[], Awaitable[ContainerPool]]) -> None:
        self.settings = settings
        self._start_pool = start_pool
        self._built: dict[tuple[Path, str, tuple[tuple[str, int, int], ...]], Built] = {}
        self._building = asyncio.Lock()

    async def build(self, program: Path, language: str) -> Built:
        """The program compiled (in a sandbox) when its language needs it; raises ProgramError."""
        files = await asyncio.to_thread(program_files, program)
        stamp = tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in _paths(program)))
        key = (program, language, stamp)
        async with self._building:
            if key not in self._built:
                self._built[key] = await self._build(program.name, language, files)
            return self._built[key]

    async def _build(self, name: str, language: str, files: dict[str, bytes]) -> Built:
        ends = SOURCES.get(language)
        if ends is None:
            raise ProgramError(f"{name}: programs in {language} are not supported")
        sources = sorted(f for f in files if f.lower().endswith(ends))
        if not sources:
            raise ProgramError(f"{name}: no {language} source ({', '.join(ends)})")
        main = _main_file(sources)
        if language == "python":
            return Built(name, files, ("python3", main))
        if language == "javascript":
            return Built(name, files, ("node", main))
        if language == "cpp":
            kept = {f: data for f, data in files.items() if f.lower().endswith(ends + CPP_HEADERS)}
            argv = ["g++", "-std=gnu++17", "-O2", "-pipe", "-o", "validator", *sources]
            binary = await self._compile(name, kept, argv, "validator")
            return Built(name, {"validator": binary}, (*_EXEC, "validator"))
        script = 'mkdir classes && javac -J-Xmx512m -encoding UTF-8 -d classes "$@" && jar cf v.jar -C classes .'
        jar = await self._compile(name, files, ["/bin/sh", "-c", script, "javac", *sources], "v.jar")
        memory_mb = self.settings.checker_memory_limit_mb // 2
        java = ("java", f"-Xmx{memory_mb}m", "-Xss64m", "-XX:+UseSerialGC", "-cp", "v.jar", Path(main).stem)
        return Built(name, {"v.jar": jar}, java)

    async def _compile(self, name: str, files: Mapping[str, bytes], argv: list[str], result: str) -> bytes:
        limits = compile_limits(self.settings)
        reply = await self._run(files, argv, b"", limits, collect=[result], timeout_s=limits.wall_ms / 1000 + 10)
        verdict, reason = run_outcome(reply, limits)
        made = reply.files.get(result, b"")
        if verdict is not None or not made:
            messages = (reply.stderr + reply.stdout).decode("utf-8", "replace").strip()[-2000:]
            raise ProgramError(f"{name} does not compile ({reason or 'nothing was made'}): {messages}")
        return made

    async def _run(
        self,
        files: Mapping[str, bytes],
        argv: Sequence[str],
        stdin: bytes,
        limits: ProgramLimits,
        *,
        collect: Sequence[str] = (),
        dirs: Sequence[str] = (),
        timeout_s: float | None = None,
    ) -> RunReply:
        pool = await self._start_pool()
        try:
            async with pool.lease() as sandbox:
                reply = await sandbox.request(protocol.prepare(files, SANDBOX_ENV, dirs=dirs), PREPARE_TIMEOUT_S)
                if not reply.ok:
                    raise SandboxError(f"could not prepare the files: {reply.header}")
                frame = protocol.run(argv, limits, stdin, collect=collect)
                return RunReply.parse(await sandbox.request(frame, timeout_s or limits.wall_ms * 4 / 1000))
        except (SandboxError, protocol.ProtocolError) as exc:
            raise ProgramError(f"the sandbox failed: {exc}") from exc

    async def run(
        self,
        built: Built,
        args: Sequence[str],
        stdin: bytes,
        files: Mapping[str, bytes] = {},  # never changed
        *,
        collect: Sequence[str] = (),
        dirs: Sequence[str] = (),
    ) -> RunReply:
        """One run of a built program, with `files` beside it in its work directory."""
        clash = set(files) & set(built.files)
        if clash:
            raise ProgramError(f"{built.name}: its files clash with the test's ({', '.join(sorted(clash))})")
        limits = validator_limits(self.settings)
        return await self._run({**built.files, **files}, [*built.argv, *args], stdin, limits, collect=collect,
                               dirs=dirs)  # fmt: skip

    async def judge_output(
        self, built: Built, flags: Sequence[str], given: bytes, answer: bytes, output: bytes
    ) -> tuple[bool, str]:
        """A Kattis output validator's verdict on `output` (accepted or not) and its message:
        `program testcase.in testcase.ans feedback/ [flags] < output`, 42 accepts, 43 rejects."""
        feedback = "feedback/judgemessage.txt"
        files = {"testcase.in": given, "testcase.ans": answer}
        reply = await self.run(built, ["testcase.in", "testcase.ans", "feedback/", *flags], output, files,
                               collect=[feedback], dirs=["feedback"])  # fmt: skip
        message = reply.files.get(feedback, b"").decode("utf-8", "replace")[:2000]
        end = ending(reply)
        if end == ACCEPT_EXIT:
            return True, message
        if end == REJECT_EXIT:
            return False, message
        how = f"exited with {end}" if isinstance(end, int) else end
        raise ProgramError(f"output validator {built.name} {how} (42 accepts, 43 rejects): "
                           f"{reply.stderr.decode('utf-8', 'replace')[-500:]}")  # fmt: skip


def ending(reply: RunReply) -> int | str:
    """The program's exit code, or how it was stopped, in words."""
    if reply.killed_for:
        return f"was stopped at its {reply.killed_for} limit"
    if reply.signal is not None:
        return f"was killed by {signal_reason(reply.signal)}"
    return reply.exit_code if reply.exit_code is not None else "ended without an exit code"


def _paths(program: Path) -> list[Path]:
    return [program] if program.is_file() else [p for p in program.iterdir() if not p.name.startswith(".")]
