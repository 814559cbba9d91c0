"""Grading: how a run ended, turned into a verdict and a reason in words; which tests still run;
what the submission's verdict and score are. Pure functions of what the supervisor measured: no I/O.

A problem in groups (subtasks, IOI style) is scored in points: a group earns its points only if
every one of its tests passes, and stops at its first test that does not (the rest of it is
skipped, not run); every group runs. The score is the sum of the groups' points earned.
"""

from __future__ import annotations

import re
import signal
from collections.abc import Sequence
from dataclasses import dataclass, field

from codearena.domain.verdicts import GroupResult, JudgeResult, TestResult, Verdict
from codearena.languages import Language
from codearena.problems.model import Group
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


def failed(result: TestResult) -> bool:
    return result.verdict not in (Verdict.ACCEPTED, Verdict.SKIPPED)


@dataclass
class Grader:
    """Which tests run, and the submission's verdict from the tests that did.

    Without groups every test runs, so a wrong answer still shows how many pass, except after a
    test that ran out of time (the rest could only cost as much again each), or after any
    failure when the problem says to stop at the first. With groups, a failure stops its own
    group only, whatever it was.
    """

    stop_on_first_failure: bool = False
    groups: Sequence[Group] = ()
    stopped: bool = False
    results: list[TestResult] = field(default_factory=list)
    _group_of: dict[int, int] = field(default_factory=dict)  # test index -> position in groups
    _left: list[int] = field(default_factory=list)  # tests of each group not recorded yet
    _failed: set[int] = field(default_factory=set)  # the groups with a test that did not pass

    def __post_init__(self) -> None:
        self._group_of = {index: g for g, group in enumerate(self.groups) for index in group.tests}
        self._left = [len(group.tests) for group in self.groups]

    @property
    def pipelined(self) -> bool:
        """Whether a test may be sent before the previous one's verdict is known: yes unless a
        wrong answer (known only after checking) must stop the run. A time limit stops a
        request sent ahead too: the supervisor skips it (`skip_if_stopped`)."""
        return not self.stop_on_first_failure and not self.groups

    def should_run(self, index: int) -> bool:
        """Whether the test `index` runs, from what was recorded so far (else it is skipped)."""
        if self.groups:
            return self._group_of.get(index) not in self._failed
        return not self.stopped

    def record(self, result: TestResult, *, time_exceeded: bool = False) -> GroupResult | None:
        """Keep a test's result; the result of its group if that was the group's last test."""
        self.results.append(result)
        if not self.groups:
            if time_exceeded or (failed(result) and self.stop_on_first_failure):
                self.stopped = True
            return None
        position = self._group_of.get(result.index)
        if position is None:
            return None
        if failed(result):
            self._failed.add(position)
        self._left[position] -= 1
        if self._left[position] > 0:
            return None
        by_index = {t.index: t for t in self.results}
        return group_result(position, self.groups[position], by_index)

    def summary(self, compile_output: str = "") -> JudgeResult:
        return summarize(self.results, compile_output, self.groups)


def group_result(position: int, group: Group, tests: dict[int, TestResult]) -> GroupResult:
    """A group's points and verdict: the verdict of its first test that did not pass, skipped
    if none ran, else accepted with its points."""
    results = [tests[i] for i in group.tests if i in tests]
    failing = next((t for t in results if failed(t)), None)
    if failing is not None:
        verdict = failing.verdict
    elif len(results) < len(group.tests) or any(t.verdict == Verdict.SKIPPED for t in results):
        verdict = Verdict.SKIPPED
    else:
        verdict = Verdict.ACCEPTED
    earned = group.points if verdict == Verdict.ACCEPTED else 0
    return GroupResult(index=position + 1, name=group.name, points=group.points, earned=earned, verdict=verdict,
                       tests=list(group.tests))  # fmt: skip


def summarize(tests: list[TestResult], compile_output: str = "", groups: Sequence[Group] = ()) -> JudgeResult:
    """The verdict of the first test that did not pass decides; the largest time and memory.

    With groups: accepted when every group is; else "partial" when some points were earned,
    else the first failing test's verdict. The reason names the first failing test either way.
    """
    failing = next((t for t in tests if failed(t)), None)
    skipped_only = failing is None and any(t.verdict == Verdict.SKIPPED for t in tests)
    verdict = failing.verdict if failing else (Verdict.SKIPPED if skipped_only else Verdict.ACCEPTED)
    reason = ""
    if failing is not None and failing.reason:
        reason = f"test {failing.index}: {failing.reason}"
    by_index = {t.index: t for t in tests}
    results = [group_result(g, group, by_index) for g, group in enumerate(groups)]
    score = sum(r.earned for r in results) if groups else None
    if failing is not None and score:
        verdict = Verdict.PARTIAL
    group = next((g for g in groups if failing is not None and failing.index in g.tests), None)
    if failing is not None and failing.reason and group is not None:
        reason = f"test {failing.index} ({group.name}): {failing.reason}"
    return JudgeResult(
        verdict=verdict,
        passed=sum(t.verdict == Verdict.ACCEPTED for t in tests),
        total=len(tests),
        score=score,
        max_score=sum(group.points for group in groups) if groups else None,
        time_ms=max((t.time_ms for t in tests), default=0),
        memory_kb=max((t.memory_kb for t in tests), default=0),
        compile_output=compile_output,
        reason=reason,
        tests=tests,
        groups=results,
    )
