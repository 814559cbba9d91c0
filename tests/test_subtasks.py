"""Problems in groups of tests (subtasks, IOI style), without Docker: the format, the stop rules
and the score, and how a reference solution declares a partial score."""

from __future__ import annotations

from pathlib import Path

import pytest

from codearena import live as hub
from codearena.domain.verdicts import Status, TestResult, Verdict, verdict_label
from codearena.judging.grading import Grader, summarize
from codearena.problems.model import Expected, Group, ProblemError
from codearena.problems.native import load_problem

GROUPS = [Group("samples", 0, (1, 2)), Group("small", 40, (3, 4, 5)), Group("large", 60, (6, 7, 8))]


def ok(index: int) -> TestResult:
    return TestResult(index=index, verdict=Verdict.ACCEPTED, time_ms=10, memory_kb=100)


def bad(index: int, verdict: Verdict = Verdict.WRONG_ANSWER, reason: str = "") -> TestResult:
    return TestResult(index=index, verdict=verdict, time_ms=20, memory_kb=200, reason=reason)


def judge(outcomes: dict[int, TestResult], groups: list[Group] = GROUPS) -> tuple[Grader, list[int], list[str]]:
    """Run the grader as the judge does: (the grader, the tests it ran, each group done, in order)."""
    grader = Grader(groups=groups)
    ran, done = [], []
    for index in range(1, 9):
        if grader.should_run(index):
            ran.append(index)
            result = outcomes.get(index, ok(index))
        else:
            result = TestResult(index=index, verdict=Verdict.SKIPPED)
        group = grader.record(result)
        if group is not None:
            done.append(f"{group.name}:{group.verdict.value}:{group.earned}")
    return grader, ran, done


def test_every_group_passing_is_accepted_with_every_point() -> None:
    grader, ran, done = judge({})
    result = grader.summary()
    assert ran == list(range(1, 9))
    assert done == ["samples:accepted:0", "small:accepted:40", "large:accepted:60"]
    assert (result.verdict, result.score, result.max_score, result.passed, result.total) == (
        Verdict.ACCEPTED, 100, 100, 8, 8,
    )  # fmt: skip
    assert [g.tests for g in result.groups] == [[1, 2], [3, 4, 5], [6, 7, 8]]


def test_a_group_stops_at_its_first_failure_and_the_others_still_run() -> None:
    grader, ran, done = judge({6: bad(6, Verdict.TIME_LIMIT_EXCEEDED, "time limit (CPU 1001 ms of 1000 ms)")})
    result = grader.summary()
    assert ran == [1, 2, 3, 4, 5, 6], "the rest of the large group is not run"
    assert [t.verdict for t in result.tests[6:]] == [Verdict.SKIPPED, Verdict.SKIPPED]
    assert done == ["samples:accepted:0", "small:accepted:40", "large:time_limit_exceeded:0"]
    assert (result.verdict, result.score, result.max_score) == (Verdict.PARTIAL, 40, 100)
    assert result.reason == "test 6 (large): time limit (CPU 1001 ms of 1000 ms)"
    assert verdict_label(result.verdict, result.score, result.max_score) == "partial, 40/100"


def test_a_failed_sample_group_stops_only_itself() -> None:
    grader, ran, done = judge({1: bad(1)})
    result = grader.summary()
    assert ran == [1, 3, 4, 5, 6, 7, 8]
    assert done[0] == "samples:wrong_answer:0"
    assert (result.verdict, result.score) == (Verdict.PARTIAL, 100), "every point, but not every group passed"


def test_no_points_earned_is_the_first_failing_tests_verdict() -> None:
    grader, ran, done = judge({4: bad(4, Verdict.RUNTIME_ERROR, "exit code 3"), 7: bad(7)})
    result = grader.summary()
    assert ran == [1, 2, 3, 4, 6, 7]
    assert done == ["samples:accepted:0", "small:runtime_error:0", "large:wrong_answer:0"]
    assert (result.verdict, result.score, result.reason) == (Verdict.RUNTIME_ERROR, 0, "test 4 (small): exit code 3")
    assert verdict_label(result.verdict, result.score, result.max_score) == "runtime_error"


def test_groups_are_never_pipelined_and_a_time_limit_stops_only_its_group() -> None:
    assert not Grader(groups=GROUPS).pipelined
    assert Grader().pipelined and not Grader(stop_on_first_failure=True).pipelined
    grader = Grader(stop_on_first_failure=True, groups=GROUPS)
    grader.record(bad(3, Verdict.TIME_LIMIT_EXCEEDED), time_exceeded=True)
    assert not grader.should_run(4) and grader.should_run(6), "with groups the stop is the group's"


def test_without_groups_nothing_changes() -> None:
    grader = Grader()
    for index in (1, 2):
        assert grader.should_run(index)
        assert grader.record(bad(index) if index == 2 else ok(index)) is None
    assert grader.should_run(3), "a wrong answer does not stop a problem without groups"
    grader.record(bad(3, Verdict.TIME_LIMIT_EXCEEDED), time_exceeded=True)
    assert not grader.should_run(4), "a time limit does"
    result = grader.summary()
    assert (result.verdict, result.score, result.max_score, result.groups) == (Verdict.WRONG_ANSWER, None, None, [])


def test_nothing_run_scores_nothing() -> None:
    result = summarize([TestResult(index=i, verdict=Verdict.SKIPPED) for i in range(1, 9)], "error", GROUPS)
    assert (result.verdict, result.score, result.max_score) == (Verdict.SKIPPED, 0, 100)
    assert {g.verdict for g in result.groups} == {Verdict.SKIPPED}


def test_a_late_subscriber_is_replayed_the_groups_done_so_far() -> None:
    live, grader = hub.Live(), Grader(groups=GROUPS)
    live.set_status("s1", Status.RUNNING)
    for index in (1, 2, 3):
        group = grader.record(ok(index))
        live.add_test("s1", ok(index))
        if group is not None:
            live.add_group("s1", group)
    replayed = live.replay("s1")
    assert [type(e) for e in replayed[1:]] == [hub.TestFinished] * 3 + [hub.GroupFinished]
    progress = live.progress("s1")
    assert progress is not None and [g.name for g in progress.groups] == ["samples"]


# --- the format


def make(root: Path, yaml_tail: str, tests: tuple[str, ...] = ("sample/1", "secret/small-1", "secret/large-1",
                                                               "secret/small-2")) -> Path:  # fmt: skip
    folder = root / "p"
    for name in tests:
        path = folder / "tests" / f"{name}.in"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(name)
        path.with_suffix(".ans").write_text(name)
    (folder / "problem.yaml").write_text(
        "title: T\ndifficulty: easy\ntime_limit_ms: 1000\nmemory_limit_mb: 64\n" + yaml_tail
    )
    (folder / "statement.md").write_text("Statement.\n")
    return folder


GROUPED = """groups:
  - {name: samples, points: 0, tests: sample/*}
  - {name: small, points: 40, tests: [secret/small-*]}
  - {name: large, points: 60, tests: secret/large-*}
"""


def test_groups_order_the_tests_group_by_group(tmp_path: Path) -> None:
    solutions = "solutions: {a.py: accepted, b.py: partial 40, c.cpp: time_limit_exceeded}\n"
    problem = load_problem(make(tmp_path, GROUPED + solutions))
    assert [(t.index, t.name) for t in problem.tests] == [
        (1, "sample/1"), (2, "secret/small-1"), (3, "secret/small-2"), (4, "secret/large-1"),
    ]  # fmt: skip
    assert problem.groups == [Group("samples", 0, (1,)), Group("small", 40, (2, 3)), Group("large", 60, (4,))]
    assert problem.max_score == 100
    assert problem.solutions == {
        "a.py": Expected(Verdict.ACCEPTED), "b.py": Expected(Verdict.PARTIAL, 40),
        "c.cpp": Expected(Verdict.TIME_LIMIT_EXCEEDED),
    }  # fmt: skip
    assert str(problem.solutions["b.py"]) == "partial 40"


def test_without_groups_the_order_and_the_score_are_as_before(tmp_path: Path) -> None:
    problem = load_problem(make(tmp_path, ""))
    assert [t.name for t in problem.tests] == ["sample/1", "secret/large-1", "secret/small-1", "secret/small-2"]
    assert (problem.groups, problem.max_score) == ([], None)


@pytest.mark.parametrize(
    ("tail", "key", "expected", "found"),
    [
        (GROUPED.replace("secret/large-*", "secret/huge-*"), "groups.2.tests", "patterns that match", "none matched"),
        (GROUPED.replace("small-*", "*"), "groups.2.tests", "each test in one group",
         "secret/large-1 in small and large"),
        (GROUPED + "  - {name: more, points: 1, tests: [x, y]}\n", "groups.3.tests", "patterns that match",
         "none matched by ['x', 'y']"),
        (GROUPED.replace("  - {name: large, points: 60, tests: secret/large-*}\n", ""), "groups",
         "every test in a group", "secret/large-1 in none"),
        (GROUPED.replace("name: large", "name: small"), "groups.2.name", "a name no other group has", "'small'"),
        (GROUPED.replace("40", "0").replace("60", "0"), "groups", "a group worth points", "every group worth 0"),
        (GROUPED.replace("points: 60", "points: 60, weight: 2"), "groups.2.weight", "known keys (name, points, tests)",
         "an unknown key"),
        (GROUPED.replace("points: 60", "points: -1"), "groups.2.points", "greater than or equal to 0", "-1"),
        (GROUPED + "solutions: {b.py: partial}\n", "solutions.b.py", "'partial' and a score", "'partial'"),
        (GROUPED + "solutions: {b.py: partial 101}\n", "solutions.b.py", "a score from 1 to 100", "partial 101"),
        (GROUPED + "solutions: {b.py: accepted 100}\n", "solutions.b.py", "or 'partial' and a score", "accepted 100"),
        ("solutions: {b.py: partial 40}\n", "solutions.b.py", "a verdict alone: the problem has no groups",
         "partial 40"),
    ],
)  # fmt: skip
def test_bad_groups_and_declarations_name_the_key(
    tmp_path: Path, tail: str, key: str, expected: str, found: str
) -> None:
    with pytest.raises(ProblemError) as info:
        load_problem(make(tmp_path, tail))
    message = str(info.value)
    assert "problem.yaml:" in message and f" {key}: expected " in message, message
    assert expected in message and found in message, message
