"""Problems are tested like code: every reference solution gets the verdict it declares."""

from __future__ import annotations

import pytest

from codearena.engine import Engine
from codearena.languages import language_for_file, load_languages
from codearena.paths import PROBLEMS_DIR
from codearena.problems.native import load_problems

pytestmark = [pytest.mark.docker, pytest.mark.slow]

_LANGUAGES = load_languages()
_PROBLEMS, _ = load_problems(PROBLEMS_DIR, set(_LANGUAGES))
CASES = [(slug, name) for slug, problem in sorted(_PROBLEMS.items()) for name in problem.solutions]


@pytest.mark.parametrize(("slug", "solution"), CASES, ids=[f"{s}/{n}" for s, n in CASES])
async def test_reference_solution(engine: Engine, slug: str, solution: str) -> None:
    problem = _PROBLEMS[slug]
    expected = problem.solutions[solution]
    path = problem.path / "solutions" / solution
    language = language_for_file(engine.languages, path)
    assert language is not None, f"no language for {path.name}"
    # The first failing test decides the verdict, so later tests need not run.
    result = await engine.judge.judge(problem, engine.languages[language], path.read_text(), stop_on_first_failure=True)
    failing = next((t for t in result.tests if t.verdict == result.verdict), None)
    assert result.verdict == expected, (
        f"{slug}/{solution}: expected {expected.value}, got {result.verdict.value} "
        f"on test {failing.index if failing else '-'}: {failing.model_dump() if failing else result.compile_output}"
    )
