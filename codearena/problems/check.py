"""Checking problem folders as their authors need it: every fault of a folder at once, then each
reference solution judged against the verdict problem.yaml declares for it.

The server's loader stops at a folder's first fault; here a problem.yaml with three unknown keys
reports all three, and a reference solution that is missing or in no known language is a fault
too, found without Docker. Judging needs the sandbox (`judge_solution`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from codearena.judging.judge import Judge
from codearena.languages import Language, language_for_file
from codearena.problems.harness.values import case_fault, parse_lines
from codearena.problems.model import InvalidSpec, Problem, ProblemError
from codearena.problems.native import problem_folders, try_load_problem


@dataclass
class FolderCheck:
    folder: Path
    problem: Problem | None  # None when the folder does not load
    faults: list[ProblemError] = field(default_factory=list)
    solutions: dict[str, Language] = field(default_factory=dict)  # the ones that can be judged


def folders_to_check(path: Path) -> list[Path]:
    """`path` itself when it is a problem folder, else the problem folders in it; raises
    ProblemError when it is neither."""
    return [path] if (path / "problem.yaml").is_file() else problem_folders(path)


def check_folder(folder: Path, languages: dict[str, Language]) -> FolderCheck:
    loaded = try_load_problem(folder, set(languages))
    if isinstance(loaded, InvalidSpec):
        return FolderCheck(folder, None, loaded.faults)
    if isinstance(loaded, ProblemError):
        return FolderCheck(folder, None, [loaded])
    check = FolderCheck(folder, loaded)
    yaml_path = folder / "problem.yaml"
    for name in loaded.solutions:
        key = f"solutions.{name}"
        path = folder / "solutions" / name
        language = language_for_file(languages, path)
        if "/" in name or name.startswith("."):
            check.faults.append(ProblemError(yaml_path, key, "a file name in solutions/", repr(name)))
        elif not path.is_file():
            check.faults.append(ProblemError(yaml_path, key, f"the file {path}", "no such file"))
        elif language is None:
            extensions = sorted(ext for lang in languages.values() for ext in lang.extensions)
            check.faults.append(ProblemError(yaml_path, key, f"a file ending in one of {extensions}", repr(name)))
        else:
            check.solutions[name] = languages[language]
    if loaded.function is not None:
        check.faults += function_test_faults(loaded)
    return check


def function_test_faults(problem: Problem) -> list[ProblemError]:
    """A function problem's tests that do not fit its signature: JSON values of the declared
    types, one per line, and an answer the method could return."""
    assert problem.function is not None
    faults = []
    for test in problem.tests:
        try:
            lines = parse_lines(test.read_input())
        except (ValueError, UnicodeDecodeError) as exc:
            faults.append(ProblemError(test.input_path, "", "one JSON value per line", str(exc)))
            continue
        try:
            answer = json.loads(test.read_answer())
        except (ValueError, UnicodeDecodeError) as exc:
            faults.append(ProblemError(test.answer_path, "", "one JSON value", str(exc)))
            continue
        fault = case_fault(problem.function, lines, answer)
        if fault is not None:  # "expected ..., found ..."
            expected, _, found = fault.removeprefix("expected ").rpartition(", found ")
            faults.append(ProblemError(test.input_path, "", expected or found, found if expected else "another value"))
    return faults


async def judge_solution(judge: Judge, problem: Problem, name: str, language: Language) -> str | None:
    """None when the reference solution `name` gets its declared verdict, else what it got."""
    path = problem.path / "solutions" / name
    # The first failing test decides the verdict, so later tests need not run (with groups, the
    # first of each group).
    result = await judge.judge(problem, language, path.read_text(encoding="utf-8"), stop_on_first_failure=True)
    expected = problem.solutions[name]
    if expected.met_by(result):
        return None
    # The reason names the deciding test ("test 3: exit code 3"); a compilation has none.
    reason = result.reason or (result.compile_output.strip().splitlines() or [""])[0]
    got = result.verdict.value + (f" {result.score}" if result.score is not None else "")
    return f"declared {expected}, got {got}" + (f" ({reason})" if reason else "")
