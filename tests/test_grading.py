"""Grading is pure: verdicts, their order, reasons in words and stop rules, without Docker."""

from __future__ import annotations

import signal

import pytest

from codearena.domain.verdicts import TestResult, Verdict
from codearena.judging.grading import Grader, error_summary, run_outcome, signal_reason, summarize
from codearena.languages import Language, load_languages
from codearena.sandbox.protocol import ProgramLimits, RunReply

LIMITS = ProgramLimits(cpu_ms=1000, wall_ms=2500, memory_kb=256 * 1024, output_bytes=8 << 20)
LANGUAGES = load_languages()


def reply(**facts: object) -> RunReply:
    return RunReply(**{"exit_code": 0, **facts})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("facts", "verdict", "reason"),
    [
        ({}, None, ""),
        ({"killed_for": "cpu", "cpu_ms": 1003, "exit_code": None, "signal": 9}, Verdict.TIME_LIMIT_EXCEEDED,
         "time limit (CPU 1003 ms of 1000 ms)"),
        ({"cpu_ms": 1200}, Verdict.TIME_LIMIT_EXCEEDED, "time limit (CPU 1200 ms of 1000 ms)"),
        ({"killed_for": "wall", "wall_ms": 2600, "waited_ms": 100, "cpu_ms": 3, "exit_code": None, "signal": 9},
         Verdict.TIME_LIMIT_EXCEEDED, "wall-clock limit (idle or waiting 2.5 s; CPU 3 ms)"),
        ({"killed_for": "memory", "memory_kb": 300 * 1024, "exit_code": None, "signal": 9},
         Verdict.MEMORY_LIMIT_EXCEEDED, "memory limit (300 MB of 256 MB)"),
        ({"exit_code": 1, "oom_message": True}, Verdict.MEMORY_LIMIT_EXCEEDED, "out of memory (limit 256 MB)"),
        ({"output_size": 8 << 20, "killed_for": "cpu"}, Verdict.OUTPUT_LIMIT_EXCEEDED, "output limit (8 MiB)"),
        ({"exit_code": None, "signal": signal.SIGSEGV}, Verdict.RUNTIME_ERROR, "segmentation fault (SIGSEGV)"),
        ({"exit_code": 3}, Verdict.RUNTIME_ERROR, "exit code 3"),
    ],
)  # fmt: skip
def test_how_a_run_ended_gives_its_verdict_and_reason(
    facts: dict[str, object], verdict: Verdict | None, reason: str
) -> None:
    assert run_outcome(reply(**facts), LIMITS) == (verdict, reason)


STDERR = {
    "python": (
        b'Traceback (most recent call last):\n  File "/code/box/main.py", line 7, in <module>\n    f()\n'
        b'  File "/code/box/main.py", line 3, in f\n    return int(s)\n'
        b"ValueError: invalid literal for int() with base 10: 'secret test data'\n",
        "ValueError at main.py:3",
    ),
    "java": (
        b'Exception in thread "main" java.lang.NullPointerException: Cannot invoke "String.length()"\n'
        b"\tat Solution.helper(Solution.java:9)\n\tat Solution.main(Solution.java:4)\n",
        "java.lang.NullPointerException at Solution.java:9",
    ),
    "javascript": (
        b"/code/box/main.js:5\n    throw new RangeError('secret');\n    ^\n\nRangeError: secret\n"
        b"    at f (/code/box/main.js:5:11)\n    at Object.<anonymous> (/code/box/main.js:8:1)\n",
        "RangeError at main.js:5",
    ),
    "cpp": (
        b"terminate called after throwing an instance of 'std::out_of_range'\n  what():  vector::_M_range_check\n",
        "std::out_of_range",
    ),
}


@pytest.mark.parametrize("language", list(STDERR))
def test_an_error_report_names_the_exception_and_line_but_not_the_message(language: str) -> None:
    stderr, summary = STDERR[language]
    assert error_summary(LANGUAGES[language], stderr) == summary
    _, reason = run_outcome(reply(exit_code=1, stderr=stderr), LIMITS, LANGUAGES[language])
    assert "secret" not in reason and reason == f"{summary} (exit code 1)"


def test_signal_reasons() -> None:
    assert signal_reason(signal.SIGFPE) == "arithmetic error (division by zero?) (SIGFPE)"
    assert signal_reason(signal.SIGUSR1) == "SIGUSR1"
    assert signal_reason(200) == "signal 200"


def result(index: int, verdict: Verdict, reason: str = "") -> TestResult:
    return TestResult(index=index, verdict=verdict, reason=reason, time_ms=index, memory_kb=10 * index)


def test_the_first_test_that_failed_decides_the_verdict() -> None:
    tests = [result(1, Verdict.ACCEPTED), result(2, Verdict.WRONG_ANSWER, "differs"),
             result(3, Verdict.TIME_LIMIT_EXCEEDED, "time"), result(4, Verdict.SKIPPED)]  # fmt: skip
    summary = summarize(tests)
    assert summary.verdict == Verdict.WRONG_ANSWER and summary.reason == "test 2: differs"
    assert (summary.passed, summary.total, summary.time_ms, summary.memory_kb) == (1, 4, 4, 40)
    assert summarize([result(1, Verdict.ACCEPTED)]).verdict == Verdict.ACCEPTED
    assert summarize([]).verdict == Verdict.ACCEPTED and summarize([]).total == 0


def test_a_time_limit_stops_the_run_and_a_wrong_answer_does_not() -> None:
    grader = Grader()
    assert grader.pipelined
    grader.record(result(1, Verdict.WRONG_ANSWER))
    assert not grader.stopped
    grader.record(result(2, Verdict.TIME_LIMIT_EXCEEDED), time_exceeded=True)
    assert grader.stopped


def test_stop_on_first_failure_stops_at_any_failure_and_is_not_pipelined() -> None:
    grader = Grader(stop_on_first_failure=True)
    assert not grader.pipelined
    grader.record(result(1, Verdict.ACCEPTED))
    assert not grader.stopped
    grader.record(result(2, Verdict.RUNTIME_ERROR))
    assert grader.stopped


def test_languages_refuse_what_cannot_run(languages: dict[str, Language]) -> None:
    java = languages["java"]
    assert "package" in java.rejection("package a.b;\npublic class Main {}")
    assert "public" in java.rejection("class Solution { public static void main(String[] a) {} }")
    assert java.rejection("class Main { public static void main(String[] a) {} }") == ""
    assert java.entry_name("class Helper {}\npublic final class Solver {}") == "Solver"
    assert languages["python"].rejection("package = 1\n") == ""
