"""The real judge on a problem in groups (Docker): a group that stops skips the rest of its own
tests without running them, and the next group runs; each group is reported when it is done."""

from __future__ import annotations

import pytest

from codearena.domain.verdicts import Verdict
from codearena.engine import Engine
from codearena.judging import judge as judging
from codearena.paths import PROBLEMS_DIR
from codearena.problems.native import load_problem

pytestmark = pytest.mark.docker

PROBLEM = load_problem(PROBLEMS_DIR / "subarray-sum-equals-k")


async def test_each_group_stops_at_its_first_failure_and_the_next_one_runs(engine: Engine) -> None:
    source = (PROBLEM.path / "solutions" / "sliding_window.py").read_text()
    events: list[judging.JudgeEvent] = []

    async def keep(event: judging.JudgeEvent) -> None:
        events.append(event)

    result = await engine.judge.judge(PROBLEM, engine.languages["python"], source, keep)
    seen = [f"g:{e.result.name}" if isinstance(e, judging.GroupEvent) else e.result.index
            for e in events if isinstance(e, judging.TestEvent | judging.GroupEvent)]  # fmt: skip
    assert seen == [1, 2, 3, "g:samples", *range(4, 12), "g:small", *range(12, 20), "g:large"]
    verdicts = {t.index: t.verdict for t in result.tests}
    # It fails the third sample, the third small test and the first large one.
    assert [verdicts[i] for i in (3, 6, 12)] == [Verdict.WRONG_ANSWER] * 3
    skipped = [t for t in result.tests if t.verdict == Verdict.SKIPPED]
    assert [t.index for t in skipped] == [*range(7, 12), *range(13, 20)] and {t.time_ms for t in skipped} == {0}
    assert (result.verdict, result.score, result.max_score) == (Verdict.WRONG_ANSWER, 0, 100)
    assert result.reason == "test 3 (samples): the returned value differs from the expected answer"


async def test_out_of_time_on_the_large_group_scores_the_small_one(engine: Engine) -> None:
    source = (PROBLEM.path / "solutions" / "brute.cpp").read_text()
    result = await engine.judge.judge(PROBLEM, engine.languages["cpp"], source)
    assert [g.verdict for g in result.groups] == [Verdict.ACCEPTED, Verdict.ACCEPTED, Verdict.TIME_LIMIT_EXCEEDED]
    assert (result.verdict, result.score, result.passed) == (Verdict.PARTIAL, 40, 11)
    assert result.tests[11].verdict == Verdict.TIME_LIMIT_EXCEEDED
    assert {t.verdict for t in result.tests[12:]} == {Verdict.SKIPPED}
