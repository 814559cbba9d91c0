"""Interactive problems: the submission talks with the problem's interactor over pipes.

Both run sandboxed, each in a container of its own: the submission in its usual one (from the
judging pool), the interactor in one leased from the checkers' pool for each test, so the
interactor's files (the test's answer) never enter the user's container. Each container's
supervisor runs its program with the "interact" op (sandbox/supervisor.py, Relay): the
program's stdin and stdout are FIFOs the supervisor relays as frames over the docker exec
stream, and the host pumps the bytes across: what the submission writes becomes the
interactor's input and the other way round. Nothing here blocks on a program: every read has a
deadline, each supervisor enforces its program's limits and never blocks on a pipe, and a
program that stops reading or writing runs into its wall-clock limit.

Deadlock: a judging holds one container of the judging pool and then waits for one of the
checkers' pool; nothing holding a checker container ever waits for a judging container, so
the waits cannot form a cycle, however small either pool is.

Kattis's convention: the interactor runs as `interactor input judge_answer feedback_dir`, its
stdin the submission's stdout and its stdout the submission's stdin; exit code 42 accepts, 43
rejects (feedback_dir/judgemessage.txt says why). The verdict (`interactive_outcome`) goes to
whichever side ended first, as on Kattis:
  1. the submission ended first, out of time, memory or output, or crashed: that verdict (the
     interactor is then killed: nothing it could say would change it);
  2. an interactor that crashed, exited otherwise, or ran out of its own limits: a judge error,
     never the submission's fault;
  3. the interactor rejected before the submission ended: wrong answer (whatever the submission
     did next: it is killed);
  4. the submission failed (after the interactor accepted): that verdict;
  5. the interactor rejected: wrong answer; else accepted.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from dataclasses import dataclass

from codearena.config import Settings
from codearena.domain.verdicts import Verdict
from codearena.judging.checkers import ACCEPT_EXIT, FEEDBACK, REJECT_EXIT, checker_limits
from codearena.judging.grading import run_outcome
from codearena.judging.programs import MAX_WAIT_CREDIT, SANDBOX_ENV, prepare_and_compile, test_limits
from codearena.judging.runs import RunCase, RunOutcome
from codearena.judging.validators import AuthorPrograms, Built, ProgramError
from codearena.languages import Language
from codearena.problems.model import Interactor, Problem, TestCase
from codearena.sandbox import protocol
from codearena.sandbox.container import Sandbox, SandboxError
from codearena.sandbox.pool import ContainerPool, Leases
from codearena.sandbox.protocol import ProgramLimits, RunReply

log = logging.getLogger(__name__)

# Added to the submission's wall-clock limit: its time is spent waiting for the interactor too,
# and every round trip crosses two docker exec streams.
INTERACTIVE_WALL_EXTRA_MS = 2000
# The exchange kept for a sample test, to show.
TRANSCRIPT_BYTES = 16 * 1024
END_TIMEOUT_S = 10.0


@dataclass(frozen=True)
class Interaction:
    """How an interaction ended: both runs, and whether the submission ended first."""

    user: RunReply
    interactor: RunReply
    user_first: bool
    transcript: bytes = b""  # "> " lines the submission wrote, "< " lines it read


def interactive_limits(limits: ProgramLimits) -> ProgramLimits:
    """The submission's limits for an interactive test: the usual ones, more wall-clock time."""
    return dataclasses.replace(limits, wall_ms=limits.wall_ms + INTERACTIVE_WALL_EXTRA_MS)


def interactor_limits(settings: Settings, user: ProgramLimits) -> ProgramLimits:
    """The interactor's own limits: a checker's, and at least as long a wall clock as the
    submission's (it waits for the submission the whole time)."""
    limits = checker_limits(settings)
    return ProgramLimits(
        cpu_ms=limits.cpu_ms,
        wall_ms=max(limits.wall_ms, user.wall_ms + 1000),
        memory_kb=limits.memory_kb,
        output_bytes=64 << 20,  # everything it tells the submission
        processes=limits.processes,
    )


def interactive_outcome(
    interaction: Interaction, limits: ProgramLimits, judge_limits: ProgramLimits, language: Language | None = None
) -> tuple[Verdict, str, str]:
    """The verdict of one interactive test, why, and the interactor's message."""
    judge = interaction.interactor
    message = judge.files.get(FEEDBACK, b"").decode("utf-8", "replace")[:2000]
    verdict, reason = run_outcome(interaction.user, limits, language)
    if verdict is not None and interaction.user_first:
        return verdict, reason, message
    judge_verdict, judge_reason = run_outcome(judge, judge_limits)
    if judge_verdict not in (None, Verdict.RUNTIME_ERROR) or judge.exit_code not in (ACCEPT_EXIT, REJECT_EXIT):
        how = f"exited with {judge.exit_code}" if judge.exit_code is not None else f"was stopped ({judge_reason})"
        detail = judge.stderr.decode("utf-8", "replace")[-500:]
        reason = f"the interactor {how} (42 accepts, 43 rejects)"
        return Verdict.INTERNAL_ERROR, reason, detail or message
    rejected = judge.exit_code == REJECT_EXIT
    wrong = "the interactor rejected the interaction"
    if rejected and not interaction.user_first:
        return Verdict.WRONG_ANSWER, wrong, message
    if verdict is not None:
        return verdict, reason, message
    if rejected:
        return Verdict.WRONG_ANSWER, wrong, message
    return Verdict.ACCEPTED, "", message


async def build_interactor(programs: AuthorPrograms, interactor: Interactor) -> Built:
    """The interactor ready to run: compiled once in the checkers' pool when its language needs
    it (kept by AuthorPrograms across judgings, by path and file times); raises ProgramError."""
    return await programs.build(interactor.program, interactor.language)


def interactor_argv(built: Built, interactor: Interactor) -> list[str]:
    return [*built.argv, "input", "answer", "feedback/", *interactor.flags]


async def prepare_interactor(sandbox: Sandbox, built: Built, test: TestCase) -> None:
    files = {**built.files, "input": test.read_input(), "answer": test.read_answer()}
    frame = protocol.prepare(files, SANDBOX_ENV, dirs=["feedback"])
    reply = await sandbox.request(frame, 10)
    if not reply.ok or reply.header.get("exit_code") not in (0, None):
        raise SandboxError(f"could not prepare the interactor: {reply.header}")


@dataclass(frozen=True)
class Match:
    """A submission against a problem's interactor: both sides' commands and limits, and how
    long to wait for either; the same for every test of one judging or Run."""

    argv: list[str]
    limits: ProgramLimits
    judge_argv: list[str]
    judge_limits: ProgramLimits
    built: Built
    oom_patterns: list[str]

    @property
    def timeout_s(self) -> float:
        return max(self.limits.wall_ms, self.judge_limits.wall_ms) * (1 + MAX_WAIT_CREDIT) / 1000

    async def play(
        self, sandbox: Sandbox, judge_pool: ContainerPool, test: TestCase, *, keep_transcript: bool
    ) -> Interaction:
        """One test: the interactor in a container of the checkers' pool, given the test's
        input and answer, talking with the submission already compiled in `sandbox`."""
        async with judge_pool.lease() as judge_box:
            await prepare_interactor(judge_box, self.built, test)
            return await interact(
                sandbox,
                protocol.interact(self.argv, self.limits, oom_patterns=self.oom_patterns),
                judge_box,
                protocol.interact(self.judge_argv, self.judge_limits, collect=[FEEDBACK]),
                self.limits,
                self.timeout_s,
                keep_transcript=keep_transcript,
            )

    def outcome(self, interaction: Interaction, language: Language) -> tuple[Verdict, str, str]:
        return interactive_outcome(interaction, self.limits, self.judge_limits, language)


def match_of(
    settings: Settings, problem: Problem, language: Language, source: str, built: Built, base: ProgramLimits
) -> Match:
    """The match of a submission in `language` (with `base`, its limits on a normal test) and
    the problem's interactor, built."""
    interactor = problem.interactor
    assert interactor is not None
    limits = interactive_limits(base)
    return Match(argv=language.run_argv(source, problem.limits.memory_limit_mb), limits=limits,
                 judge_argv=interactor_argv(built, interactor), judge_limits=interactor_limits(settings, limits),
                 built=built, oom_patterns=list(language.oom_patterns))  # fmt: skip


async def interact(
    user: Sandbox,
    user_frame: protocol.Frame,
    judge: Sandbox,
    judge_frame: protocol.Frame,
    user_limits: ProgramLimits,
    timeout_s: float,
    *,
    keep_transcript: bool = False,
) -> Interaction:
    """Start both programs and relay their bytes until both have ended."""
    done: dict[str, RunReply] = {}
    order: list[str] = []
    transcript = bytearray()

    async def pump(name: str, source: Sandbox, target: Sandbox, other: str, mark: bytes) -> None:
        while True:
            frame = await source.receive(timeout_s)
            op = frame.header.get("op")
            if op == "out":
                data = frame.blob("data")
                if keep_transcript and len(transcript) < TRANSCRIPT_BYTES:
                    transcript.extend(b"".join(mark + line + b"\n" for line in data.splitlines()))
                if other not in done:
                    await target.send(protocol.relay_in(data))
            elif op == "done":
                try:
                    done[name] = RunReply.parse(frame)
                except protocol.ProtocolError as exc:
                    raise SandboxError(str(exc)) from exc
                order.append(name)
                if other not in done:
                    # The submission ended well: the interactor reads to the end of its input
                    # and decides. The interactor accepted: the submission's input ends. Else
                    # the verdict is known, and the other side is killed.
                    if name == "user":
                        go_on = run_outcome(done[name], user_limits)[0] is None
                    else:
                        go_on = done[name].exit_code == ACCEPT_EXIT
                    await target.send(protocol.RELAY_EOF if go_on else protocol.RELAY_KILL)
                return
            else:
                raise SandboxError(f"{name}'s supervisor sent {frame.header} during an interaction")

    await user.send(user_frame)
    await judge.send(judge_frame)
    tasks = [
        asyncio.ensure_future(pump("user", user, judge, "interactor", b"> ")),
        asyncio.ensure_future(pump("interactor", judge, user, "user", b"< ")),
    ]
    try:
        await asyncio.gather(*tasks)
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
    for sandbox in (user, judge):
        ended = await sandbox.request(protocol.RELAY_END, END_TIMEOUT_S)
        if not ended.header.get("ended"):
            raise SandboxError(f"an interaction did not end: {ended.header}")
    return Interaction(done["user"], done["interactor"], order[0] == "user", bytes(transcript[:TRANSCRIPT_BYTES]))


async def run_samples(
    settings: Settings,
    pool: Leases,
    judge_pool: ContainerPool,
    language: Language,
    source: str,
    problem: Problem,
    programs: AuthorPrograms,
) -> RunOutcome:
    """The editor's Run on an interactive problem's samples: each an interaction with the
    interactor, shown as its transcript; compiled once, in one lease of the user's container."""
    interactor = problem.interactor
    assert interactor is not None
    try:
        built = await build_interactor(programs, interactor)
    except ProgramError as exc:
        log.error("the interactor of %s cannot be built: %s", problem.slug, exc)
        return RunOutcome(verdict=Verdict.INTERNAL_ERROR.value, reason=str(exc), stderr=str(exc))
    match = match_of(settings, problem, language, source, built, test_limits(settings, problem, language))
    cases: list[RunCase] = []
    try:
        async with pool.lease() as sandbox:
            compiled = await prepare_and_compile(sandbox, settings, language, source)
            if not compiled.ok:
                return RunOutcome(verdict=Verdict.COMPILATION_ERROR.value, compile_output=compiled.output)
            for test in problem.samples:
                interaction = await match.play(sandbox, judge_pool, test, keep_transcript=True)
                verdict, reason, message = match.outcome(interaction, language)
                answered = verdict in (Verdict.ACCEPTED, Verdict.WRONG_ANSWER)
                user = interaction.user
                cases.append(
                    RunCase(
                        verdict="ok" if answered else verdict.value,
                        reason="" if answered else reason,
                        stdout=interaction.transcript.decode("utf-8", "replace"),
                        stderr=user.stderr.decode("utf-8", "replace"),
                        exit_code=user.exit_code,
                        time_ms=user.cpu_ms,
                        memory_kb=user.memory_kb,
                        output_truncated=user.output_size >= match.limits.output_bytes,
                        matches=verdict == Verdict.ACCEPTED if answered else None,
                        checker_message=message,
                    )
                )
    except (SandboxError, protocol.ProtocolError) as exc:
        log.error("run of a %s program on %s hit a sandbox fault: %s", language.id, problem.slug, exc)
        return RunOutcome(verdict=Verdict.INTERNAL_ERROR.value, reason=str(exc), stderr=str(exc))
    first = cases[0] if cases else RunCase(verdict="ok")
    return RunOutcome(**first.model_dump(), compile_output=compiled.output, cases=cases)
