"""Grading: how a run ended, turned into a verdict and a reason in words; which tests still run;
what the submission's verdict is. Pure functions of what the supervisor measured: no I/O.
"""

from __future__ import annotations

import re
import signal
from dataclasses import dataclass, field

from codearena.domain.verdicts import JudgeResult, TestResult, Verdict
from codearena.languages import Language
from codearena.sandbox.protocol import ProgramLimits, RunReply

# What a signal means to someone who wrote the program, by its number.
SIGNAL_MEANINGS = {
    signal.SIGSEGV: "segmentation fault",
    signal.SIGABRT: "aborted",
    signal.SIGFPE: "arithmetic error (division by zero?)",
    signal.SIGBUS: "bus error",
    signal.SIGILL: "illegal instruction",
    signal.SIGKILL: "killed",
    signal.SIGTERM: "terminated",
    signal.SIGPIPE: "broken pipe",
    signal.SIGTRAP: "trace trap",
    signal.SIGSYS: "forbidden system call",
    signal.SIGXCPU: "CPU time limit",
    signal.SIGXFSZ: "file size limit",
}


def signal_reason(number: int) -> str:
    """'segmentation fault (SIGSEGV)', or the signal's name alone."""
    try:
        name = signal.Signals(number).name
    except ValueError:
        return f"signal {number}"
    meaning = SIGNAL_MEANINGS.get(signal.Signals(number))
    return f"{meaning} ({name})" if meaning else name


def format_mb(kb: int) -> str:
    return f"{kb / 1024:.0f} MB" if kb >= 10 * 1024 else f"{kb / 1024:.1f} MB"


def format_bytes(size: int) -> str:
    return f"{size // (1 << 20)} MiB" if size >= 1 << 20 and size % (1 << 20) == 0 else f"{size // 1024} KiB"


def error_summary(language: Language | None, stderr: bytes) -> str:
    """The exception and where it was raised, from a runtime's error report: 'ValueError at
    main.py:3'. The exception's message is left out: it may quote a hidden test's data."""
    if language is None or not stderr:
        return ""
    text = stderr.decode("utf-8", "replace")
    kind = ""
    if language.error_type:
        found = re.findall(language.error_type, text, re.MULTILINE)
        kind = found[-1] if found else ""
    where = ""
    if language.error_line:
        places = re.findall(language.error_line, text, re.MULTILINE)
        if places:
            file, line = places[-1] if language.error_line_last else places[0]
            where = f"{file}:{line}"
    if kind and where:
        return f"{kind} at {where}"
    return kind or (f"error at {where}" if where else "")


def run_outcome(reply: RunReply, limits: ProgramLimits, language: Language | None = None) -> tuple[Verdict | None, str]:
    """The verdict a run earned by how it ended (None: its output must be checked), and why."""
    killed_for = reply.killed_for
    sig = reply.signal
    failed = sig is not None or reply.exit_code != 0
    too_much = max(reply.output_size, reply.result_size) >= limits.output_bytes  # result: a function's
    if killed_for == "output" or sig == signal.SIGXFSZ or too_much:
        # Checked first: a runtime that swallows the refused writes (Java's PrintStream) spins
        # or buffers until another limit stops it, but the cause is the output.
        return Verdict.OUTPUT_LIMIT_EXCEEDED, f"output limit ({format_bytes(limits.output_bytes)})"
    if killed_for == "wall":
        idle_s = (reply.wall_ms - reply.waited_ms) / 1000
        return Verdict.TIME_LIMIT_EXCEEDED, f"wall-clock limit (idle or waiting {idle_s:.1f} s; CPU {reply.cpu_ms} ms)"
    if killed_for == "cpu" or sig == signal.SIGXCPU or reply.cpu_ms > limits.cpu_ms:
        return Verdict.TIME_LIMIT_EXCEEDED, f"time limit (CPU {reply.cpu_ms} ms of {limits.cpu_ms} ms)"
    if killed_for == "memory" or reply.memory_kb > limits.memory_kb:
        used = max(reply.memory_kb, limits.memory_kb + 1)
        return Verdict.MEMORY_LIMIT_EXCEEDED, f"memory limit ({format_mb(used)} of {format_mb(limits.memory_kb)})"
    if failed and (reply.oom_message or reply.cgroup_oom):
        # An allocation refused at the limit, whatever the runtime made of it.
        return Verdict.MEMORY_LIMIT_EXCEEDED, f"out of memory (limit {format_mb(limits.memory_kb)})"
    if failed:
        how = signal_reason(sig) if sig is not None else f"exit code {reply.exit_code}"
        summary = error_summary(language, reply.stderr)
        return Verdict.RUNTIME_ERROR, f"{summary} ({how})" if summary else how
    return None, ""


@dataclass
class Grader:
    """Which tests run, and the submission's verdict from the tests that did.

    Every test runs, so a wrong answer still shows how many pass, except after a test that ran
    out of time (the rest could only cost as much again each), or after any failure when the
    problem says to stop at the first.
    """

    stop_on_first_failure: bool = False
    stopped: bool = False
    results: list[TestResult] = field(default_factory=list)

    @property
    def pipelined(self) -> bool:
        """Whether a test may be sent before the previous one's verdict is known: yes unless a
        wrong answer (known only after checking) must stop the run. A time limit stops a
        request sent ahead too: the supervisor skips it (`skip_if_stopped`)."""
        return not self.stop_on_first_failure

    def record(self, result: TestResult, *, time_exceeded: bool = False) -> None:
        self.results.append(result)
        failed = result.verdict not in (Verdict.ACCEPTED, Verdict.SKIPPED)
        if time_exceeded or (failed and self.stop_on_first_failure):
            self.stopped = True

    def summary(self, compile_output: str = "") -> JudgeResult:
        return summarize(self.results, compile_output)


def summarize(tests: list[TestResult], compile_output: str = "") -> JudgeResult:
    """The verdict of the first test that did not pass decides; the largest time and memory."""
    failing = next((t for t in tests if t.verdict not in (Verdict.ACCEPTED, Verdict.SKIPPED)), None)
    skipped_only = failing is None and any(t.verdict == Verdict.SKIPPED for t in tests)
    verdict = failing.verdict if failing else (Verdict.SKIPPED if skipped_only else Verdict.ACCEPTED)
    reason = ""
    if failing is not None and failing.reason:
        reason = f"test {failing.index}: {failing.reason}"
    return JudgeResult(
        verdict=verdict,
        passed=sum(t.verdict == Verdict.ACCEPTED for t in tests),
        total=len(tests),
        time_ms=max((t.time_ms for t in tests), default=0),
        memory_kb=max((t.memory_kb for t in tests), default=0),
        compile_output=compile_output,
        reason=reason,
        tests=tests,
    )
