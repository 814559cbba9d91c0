"""Problems are tested like code: every reference solution gets the verdict it declares, and for
a problem in groups (subtasks) a partial one the score it declares ("partial 40").

All of them are judged at once, concurrently over the pool (as a busy server would), the first
time a test here asks; each test then checks its own solution's result.
"""

from __future__ import annotations

import asyncio

import pytest
import pytest_asyncio

from codearena.domain.verdicts import JudgeResult, Verdict
from codearena.engine import Engine
from codearena.languages import language_for_file, load_languages
from codearena.paths import PROBLEMS_DIR
from codearena.problems.native import load_problems

# The first test's setup judges every solution (a few minutes on two cores, more when the machine
# is shared): beyond the suite's per-test timeout of 300 s.
pytestmark = [pytest.mark.docker, pytest.mark.slow, pytest.mark.timeout(1800)]

_LANGUAGES = load_languages()
_PROBLEMS, _ = load_problems(PROBLEMS_DIR, set(_LANGUAGES))
CASES = [(slug, name) for slug, problem in sorted(_PROBLEMS.items()) for name in problem.solutions]
# Wrong solutions of function problems that must fail for this reason, by their file's name:
# what a program prints is never its result, and one that exits before returning has none.
REASONS = {"fake_print": "the returned value differs", "exit_early": "exited (exit code 0) before"}


@pytest_asyncio.fixture(scope="module")
async def judged(engine: Engine, request: pytest.FixtureRequest) -> dict[tuple[str, str], JudgeResult]:
    async def judge(slug: str, name: str) -> JudgeResult:
        problem = _PROBLEMS[slug]
        path = problem.path / "solutions" / name
        language = language_for_file(engine.languages, path)
        assert language is not None, f"no language for {path.name}"
        # The first failing test decides the verdict, so later tests need not run (with groups,
        # each group stops at its first failing test and every group runs: the score is known).
        return await engine.judge.judge(
            problem, engine.languages[language], path.read_text(), stop_on_first_failure=True
        )

    # Only the solutions whose tests were selected (`-k two-sum` judges Two Sum's alone).
    chosen = [
        (str(item.callspec.params["slug"]), str(item.callspec.params["solution"]))
        for item in request.session.items
        if isinstance(item, pytest.Function) and item.originalname == "test_reference_solution"
    ]
    results = await asyncio.gather(*(judge(slug, name) for slug, name in chosen))
    return dict(zip(chosen, results, strict=True))


@pytest.mark.parametrize(("slug", "solution"), CASES, ids=[f"{s}/{n}" for s, n in CASES])
def test_reference_solution(judged: dict[tuple[str, str], JudgeResult], slug: str, solution: str) -> None:
    expected = _PROBLEMS[slug].solutions[solution]
    result = judged[slug, solution]
    failing = next((t for t in result.tests if t.verdict not in (Verdict.ACCEPTED, Verdict.SKIPPED)), None)
    got = result.verdict.value + (f" {result.score}" if result.score is not None else "")
    assert expected.met_by(result), (
        f"{slug}/{solution}: expected {expected}, got {got} "
        f"on test {failing.index if failing else '-'}: {failing.model_dump() if failing else result.compile_output}"
    )
    stem = solution.split(".")[0]
    if stem in REASONS:
        assert REASONS[stem] in result.reason, f"{slug}/{solution} failed for another reason: {result.reason}"
