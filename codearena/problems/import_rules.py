"""What a Kattis package's example submissions must get, and the time limit they set. Pure.

Each folder of submissions/ is a rule on the verdicts of the tests a submission ran (Kattis'
AC, WA, TLE, RTE): those permitted on every test, and those of which one test must have one.
CodeArena's verdicts map onto Kattis' as Kattis judges them: running out of memory is a
run-time error there, and an output limit a verdict of its own that no folder permits. A
partially accepted submission (a scoring problem) must earn some of the points, not all.

The time limit is the package's own (.timelimit, or limits.time_limit in 2023-07), else the
slowest accepted submission's time times `ac_to_time_limit` (legacy: `time_multiplier`),
rounded up to `time_resolution` (1 s in legacy). Times are counted before CodeArena's own
per-language multipliers: a Python submission's 300 ms is 100 ms of problem time when Python
gets three times the limit.

The other submissions, but those that must run out of time, are judged under the time limit
times `time_limit_to_tle` (legacy: `time_safety_margin`), Kattis' margin, and their verdicts
under the time limit itself are read off that run (`at_time_limit`). A submission
fits its folder when either does; one whose verdict differs between the two is sensitive to
the time limit, which is reported, as problemtools warns of it. This keeps a folder's verdict
from turning on the machine's speed: a run-time error that takes 0.9 s on one machine and
1.1 s on a slower one is still a run-time error.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from codearena.domain.verdicts import JudgeResult, TestResult, Verdict
from codearena.judging.grading import Grader
from codearena.languages import Language
from codearena.problems.model import Group
from codearena.problems.formats.kattis import Timing

KATTIS_VERDICTS = {
    Verdict.ACCEPTED: "AC",
    Verdict.WRONG_ANSWER: "WA",
    Verdict.TIME_LIMIT_EXCEEDED: "TLE",
    Verdict.RUNTIME_ERROR: "RTE",
    Verdict.MEMORY_LIMIT_EXCEEDED: "RTE",
    Verdict.OUTPUT_LIMIT_EXCEEDED: "OLE",
    Verdict.INTERNAL_ERROR: "JE",
}
ALL = frozenset({"AC", "WA", "TLE", "RTE"})
MAX_TIME_LIMIT_MS = 60_000


@dataclass(frozen=True)
class Rule:
    permitted: frozenset[str]  # every test run must get one of these
    required: frozenset[str]  # some test must get one of these


def _rule(permitted: set[str], required: set[str]) -> Rule:
    return Rule(frozenset(permitted), frozenset(required))


# The legacy format in words ("too slow for some test case; may also give wrong answer but not
# crash"), and 2023-07's default rules (its submissions.yaml, which may change them, is not read).
RULES = {
    "legacy": {
        "accepted": _rule({"AC"}, set()),
        "partially_accepted": _rule({"AC", "WA", "TLE", "RTE"}, set()),
        "wrong_answer": _rule({"AC", "WA"}, {"WA"}),
        "time_limit_exceeded": _rule({"AC", "WA", "TLE"}, {"TLE"}),
        "run_time_error": _rule(set(ALL), {"RTE"}),
    },
    "2023-07": {
        "accepted": _rule({"AC"}, set()),
        "partially_accepted": _rule({"AC", "WA", "TLE", "RTE"}, set()),
        "rejected": _rule(set(ALL), {"RTE", "TLE", "WA"}),
        "wrong_answer": _rule({"AC", "WA"}, {"WA"}),
        "time_limit_exceeded": _rule({"AC", "TLE"}, {"TLE"}),
        "run_time_error": _rule({"AC", "RTE"}, {"RTE"}),
        "brute_force": _rule({"AC", "RTE", "TLE"}, {"RTE", "TLE"}),
    },
}


def ran_verdicts(result: JudgeResult) -> list[tuple[int, str]]:
    """Each test that ran, as Kattis would call its verdict."""
    return [(t.index, KATTIS_VERDICTS[t.verdict]) for t in result.tests if t.verdict != Verdict.SKIPPED]


def unmet(folder: str, version: str, result: JudgeResult) -> str | None:
    """None when `result` fits the rule of the folder, else what went against it."""
    if result.verdict == Verdict.COMPILATION_ERROR:
        return "did not compile: " + (result.compile_output.strip().splitlines() or [""])[0][:200]
    ran = ran_verdicts(result)
    broken = next(((i, v) for i, v in ran if v == "JE"), None)
    if broken is not None:
        return f"the judge failed on test {broken[0]}: {result.reason}"
    rule = RULES[version][folder]
    if folder == "partially_accepted":
        if result.verdict != Verdict.PARTIAL:
            return f"expected some of the points, got {_got(result)}"
        return None
    if folder == "accepted" and result.verdict != Verdict.ACCEPTED:
        return f"expected accepted, got {_got(result)}"
    outside = next(((i, v) for i, v in ran if v not in rule.permitted), None)
    if outside is not None:
        return f"{outside[1]} on test {outside[0]}, which {folder} does not permit ({_got(result)})"
    if rule.required and not any(v in rule.required for _, v in ran):
        return f"no test got {' or '.join(sorted(rule.required))} ({_got(result)})"
    return None


def _got(result: JudgeResult) -> str:
    text = result.verdict.value + (f" {result.score}/{result.max_score}" if result.score is not None else "")
    return text + (f", {result.reason}" if result.reason else "")


def problem_time_ms(result: JudgeResult, language: Language) -> float:
    """The slowest test's CPU time, before the language's multiplier."""
    slowest = max((t.time_ms for t in result.tests if t.verdict != Verdict.SKIPPED), default=0)
    return slowest / language.time_multiplier


def time_limit_ms(timing: Timing, slowest_ms: float | None) -> int:
    """The problem's time limit: the package's own, else from its slowest accepted submission."""
    if timing.fixed_ms is not None:
        return timing.fixed_ms
    assert slowest_ms is not None, "a measured time limit needs an accepted submission"
    step = timing.resolution_ms
    return max(step, math.ceil(slowest_ms * timing.ac_to_time_limit / step) * step)


def tle_margin_ms(timing: Timing, limit_ms: int) -> int:
    """The time limit the submissions outside accepted/ are judged under."""
    return max(limit_ms, math.ceil(limit_ms * timing.time_limit_to_tle))


def at_time_limit(result: JudgeResult, groups: Sequence[Group], language: Language, limit_ms: int) -> JudgeResult:
    """What `result`, judged under a longer time limit, gets under `limit_ms`: a test whose CPU
    time is over it ran out of time, and the tests after it are skipped as judging skips them."""
    cpu_ms = int(limit_ms * language.time_multiplier)
    grader = Grader(groups=groups)
    for test in result.tests:
        if not grader.should_run(test.index):
            grader.record(TestResult(index=test.index, verdict=Verdict.SKIPPED, sample=test.sample))
        elif test.verdict != Verdict.SKIPPED and test.time_ms > cpu_ms:
            reason = f"time limit (CPU {test.time_ms} ms of {cpu_ms} ms)"
            slow = test.model_copy(update={"verdict": Verdict.TIME_LIMIT_EXCEEDED, "reason": reason})
            grader.record(slow, time_exceeded=True)
        else:
            grader.record(test, time_exceeded=test.verdict == Verdict.TIME_LIMIT_EXCEEDED)
    return grader.summary(result.compile_output)
