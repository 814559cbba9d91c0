"""The Kattis problemtools examples (tests/fixtures/kattis, vendored with their licence) imported
for real: validators built and run in the sandbox, and every example submission in Python,
JavaScript, Java or C++ judged to the verdict of the folder it sits in; the others listed as
skipped, by language. `guess` is interactive: its C++ output validator is the interactor, built
once. Then the imported problems are judged like any other, the C++ output validator included."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from kattis_helpers import KATTIS

from codearena.domain.verdicts import Verdict
from codearena.engine import Engine
from codearena.languages import load_languages
from codearena.problems.formats.kattis import read_package
from codearena.problems.import_report import ImportReport
from codearena.problems.import_sandbox import EngineSandbox
from codearena.problems.importer import import_package
from codearena.problems.native import load_problems
from codearena.problems.statements import pandoc_available
from server_helpers import IN_CI

pytestmark = [pytest.mark.docker, pytest.mark.slow]

if not pandoc_available():
    if IN_CI:
        pytest.fail("pandoc is required under CI (make pandoc)", pytrace=False)
    pytest.skip("pandoc converts the examples' LaTeX statements (make pandoc)", allow_module_level=True)

# The four the issue asks for, and the nine more the full tier has (C, Go, Rust, Kotlin, C#, PHP, Ruby...).
OURS = set(load_languages())
SKIPPED = {
    "hello": {},
    "different": {
        "accepted/Different.scala": "Scala", "accepted/different.hs": "Haskell",
        "accepted/different.lisp": "Common Lisp", "accepted/different.ml": "OCaml",
        "accepted/different_py2.py": "Python 2", "accepted/prolog": "a folder of files",
    },
    "oddecho": {},
    "guess": {},
}  # fmt: skip


Imported = tuple[Path, dict[str, ImportReport]]  # the problems folder, and each example's report


@pytest_asyncio.fixture(scope="module")
async def imported(engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Imported]:
    problems = tmp_path_factory.mktemp("problems")
    reports = {}
    for name in ("hello", "different", "oddecho", "guess"):
        reports[name] = await import_package(KATTIS / name, problems, EngineSandbox(engine))
        print(f"{name}: {'imported' if reports[name].ok else 'refused'} in {reports[name].seconds:.1f} s")
    yield problems, reports


@pytest.mark.parametrize("name", ["hello", "different", "oddecho", "guess"])
def test_every_submission_in_the_four_languages_gets_its_folder_s_verdict(imported: Imported, name: str) -> None:
    problems, reports = imported
    report = reports[name]
    assert report.ok, "\n".join(report.lines)
    package = read_package(KATTIS / name, OURS)
    ours = {s.name for s in package.submissions if s.language in OURS}
    outcomes = {s.name: s for s in report.submissions}
    assert {n for n, s in outcomes.items() if s.state == "ok"} == ours, "every one judged, and as expected"
    skipped = {n: s.language for n, s in outcomes.items() if s.state == "skipped"}
    assert skipped == SKIPPED[name]
    assert (problems / name / ".codearena" / "imported.yaml").is_file()


def test_the_examples_own_verdicts_are_the_ones_seen(imported: Imported) -> None:
    _, reports = imported
    details = {s.name: s.detail for r in reports.values() for s in r.submissions}
    print(details["run_time_error/memory_limit.cc"])  # out of memory near 1 s of CPU: read under the margin too
    assert details["run_time_error/memory_limit.cc"].startswith("memory_limit_exceeded"), "Kattis' RTE"
    assert details["time_limit_exceeded/different_linear_search.cc"].startswith("time_limit_exceeded")
    assert details["partially_accepted/sol.py"].startswith("partial 50/100")
    assert details["accepted/echo.cpp"].startswith("accepted 100/100")
    assert reports["different"].time_limit_ms == 1000
    # hello_alarm.c (accepted) spins until a 1 s alarm: 1 s times legacy's 5.
    assert reports["hello"].time_limit_ms == 5000 and details["accepted/hello_alarm.c"].startswith("accepted")


def test_guess_is_interactive_with_its_cpp_validator_as_the_interactor(imported: Imported) -> None:
    problems, reports = imported
    report = reports["guess"]
    assert report.ok, "\n".join(report.lines)
    assert any(
        line.startswith("interactor (the output validator) guess_validator (C++17 (g++)): built")
        for line in report.lines
    )
    details = {s.name: s.detail.split()[0].rstrip(",") for s in report.submissions if s.state == "ok"}
    print("\n".join(report.lines))
    assert details == {
        "accepted/guess.cc": "accepted", "accepted/guess.java": "accepted",
        "run_time_error/guess_rte_after_correct.cc": "runtime_error", "run_time_error/guess_rte.c": "runtime_error",
        "time_limit_exceeded/guess_no_flush.cc": "time_limit_exceeded",
        "time_limit_exceeded/guess_tle_after_correct.cc": "time_limit_exceeded",
        "wrong_answer/GuessCrash.java": "wrong_answer", "wrong_answer/guess.py": "wrong_answer",
        "wrong_answer/guess_0.cc": "wrong_answer", "wrong_answer/guess_modulo.py": "wrong_answer",
        "wrong_answer/guess_random.cc": "wrong_answer", "wrong_answer/guess_tle.cc": "wrong_answer",
    }  # fmt: skip
    assert sorted(p.name for p in problems.iterdir()) == ["different", "guess", "hello", "oddecho"]


async def test_imported_problems_are_judged_like_any_other(engine: Engine, imported: Imported) -> None:
    problems, _ = imported
    loaded, errors = load_problems(problems, set(engine.languages))
    assert errors == [] and sorted(loaded) == ["different", "guess", "hello", "oddecho"]
    different, oddecho = loaded["different"], loaded["oddecho"]
    cpp, python = engine.languages["cpp"], engine.languages["python"]
    right = (KATTIS / "different/submissions/accepted/different.cc").read_text()
    assert (await engine.judge.judge(different, cpp, right)).verdict == Verdict.ACCEPTED
    wrong = (KATTIS / "different/submissions/wrong_answer/different_no_abs.cc").read_text()
    judged = await engine.judge.judge(different, cpp, wrong)
    failing = next(t for t in judged.tests if t.verdict == Verdict.WRONG_ANSWER)
    assert "judge answer = " in failing.checker_message, "the package's own C++ validator said why"
    partial = (KATTIS / "oddecho/submissions/partially_accepted/sol.py").read_text()
    judged = await engine.judge.judge(oddecho, python, partial)
    assert (judged.verdict, judged.score, judged.max_score) == (Verdict.PARTIAL, 50, 100)
    guess = loaded["guess"]
    assert guess.interactor is not None and [p.name for p in guess.sample_interactions] == [
        "1.interaction",
        "2.interaction",
    ]
    modulo = (KATTIS / "guess/submissions/wrong_answer/guess_modulo.py").read_text()
    judged = await engine.judge.judge(guess, python, modulo, stop_on_first_failure=False)
    assert judged.verdict == Verdict.WRONG_ANSWER
    assert next(t for t in judged.tests if t.verdict == Verdict.WRONG_ANSWER).checker_message, "the validator's"
