"""Reading Kattis packages into the problem model, without running anything: the vendored
problemtools examples, and small packages that each show one rule."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest
from kattis_helpers import KATTIS, write_package

from codearena.problems.formats.kattis import read_package
from codearena.problems.formats.kattis_data import Finding
from codearena.problems.model import ProblemError

LANGUAGES = {"python", "javascript", "java", "cpp"}


def fatal(findings: list[Finding]) -> list[str]:
    return [str(f) for f in findings if f.fatal]


def notes(findings: list[Finding]) -> list[str]:
    return [str(f) for f in findings if not f.fatal]


def test_hello_legacy_defaults_and_its_own_memory_limit() -> None:
    package = read_package(KATTIS / "hello", LANGUAGES)
    problem = package.problem
    assert (package.version, problem.title, problem.limits.memory_limit_mb) == ("legacy", "Hello World!", 512)
    assert (package.timing.fixed_ms, package.timing.ac_to_time_limit, package.timing.time_limit_to_tle) == (None, 5, 2)
    assert problem.checker.kind == "kattis" and problem.checker.flags == ()
    assert [t.name for t in problem.tests] == ["secret/hello"] and problem.samples == [] and problem.groups == []
    languages = {s.name: (s.language, s.language_name) for s in package.submissions}
    assert languages["accepted/hello.py"] == ("python", "Python 3")
    assert languages["accepted/hello.java"] == ("java", "Java")
    assert languages["accepted/hello.kt"] == (None, "Kotlin")
    assert languages["run_time_error/memory_limit.cc"] == ("cpp", "C++")
    assert [v.path.name for v in package.input_validators] == ["validate.py"]
    assert package.statement is not None and package.statement.path.name == "problem.en.tex"
    assert package.findings == []


def test_different_custom_validator_python2_by_shebang_and_what_is_left_aside() -> None:
    package = read_package(KATTIS / "different", LANGUAGES)
    checker = package.problem.checker
    assert (checker.kind, checker.language, checker.program and checker.program.name) == (
        "custom", "cpp", "different_validator")  # fmt: skip
    assert package.timing.time_limit_to_tle == 4, "limits.time_safety_margin"
    assert [t.name for t in package.problem.tests] == ["sample/1", "secret/01", "secret/02_extreme_cases"]
    by_name = {s.name: s for s in package.submissions}
    assert by_name["accepted/different_py2.py"].language_name == "Python 2", "#!/usr/bin/env python2"
    assert by_name["accepted/different_py2.py"].language is None
    assert by_name["accepted/different_py3.py"].language == "python"
    assert by_name["accepted/prolog"].language_name == "a folder of files"
    assert "slow_accepted/different_slow.py" not in by_name
    assert notes(package.findings) == [
        "submissions/slow_accepted/ (1 not judged: not a folder of the legacy format)",
        "Checktestdata input validators are not run (input_validators/different.ctd)",
    ]
    assert fatal(package.findings) == []


def test_oddecho_scoring_groups_from_testdata_yaml_and_input_flags_by_group() -> None:
    package = read_package(KATTIS / "oddecho", LANGUAGES)
    problem = package.problem
    assert (package.version, package.scoring, problem.title) == ("2023-07", True, "Odd Echo")
    assert [(g.name, g.points, len(g.tests)) for g in problem.groups] == [
        ("sample", 0, 2), ("subtask1", 50, 3), ("subtask2", 50, 13)]  # fmt: skip
    assert problem.max_score == 100
    names = [t.name for t in problem.tests]
    assert names[:3] == ["sample/1", "sample/2", "secret/subtask1/1"]
    assert names.index("secret/subtask2/1") > names.index("secret/subtask2/09"), "lexicographic, as the format says"
    assert package.input_flags("secret/subtask1/1", "validator") == ["nFive=1"]
    assert package.input_flags("secret/subtask2/01", "validator") == ["nFive=0"]
    assert package.input_flags("sample/1", "validator") == ["nFive=0"]
    shared = next(t for t in problem.tests if t.name == "secret/subtask2/1")
    assert shared.read_input() == (KATTIS / "oddecho/data/secret/subtask1/1.in").read_bytes(), "a link to subtask1"
    assert package.timing.ac_to_time_limit == 2.0 and package.timing.time_limit_to_tle == 1.5
    assert [s.folder for s in package.submissions] == ["accepted", "accepted", "partially_accepted"]
    assert package.findings == []


def test_guess_is_interactive_its_cpp_validator_the_interactor() -> None:
    package = read_package(KATTIS / "guess", LANGUAGES)
    assert package.findings == []
    interactor = package.problem.interactor
    assert interactor is not None and (interactor.program.name, interactor.language) == ("guess_validator", "cpp")
    assert package.problem.checker.kind == "kattis", "no output to check: the interactor decides"
    assert [p.name for p in package.problem.sample_interactions] == ["1.interaction", "2.interaction"]
    assert len(package.problem.tests) == 10 and package.problem.samples == []
    assert package.timing.time_limit_to_tle == 4


def test_a_legacy_interactive_validation_is_interactive_too(tmp_path: Path) -> None:
    folder = write_package(tmp_path / "p", {"problem.yaml": "name: P\nvalidation: custom interactive\n",
                                            "output_validators/v/v.py": "pass\n"})  # fmt: skip
    package = read_package(folder, LANGUAGES)
    assert fatal(package.findings) == []
    assert package.problem.interactor is not None and package.problem.interactor.language == "python"


def test_an_interactive_package_without_a_validator_is_refused(tmp_path: Path) -> None:
    folder = write_package(tmp_path / "p", {"problem.yaml": "problem_format_version: 2023-07\ntype: interactive\n"})
    assert fatal(read_package(folder, LANGUAGES).findings) == [
        "an interactive problem without its output validator (the interactor) (output_validator/)"
    ]


def test_validator_flags_fixed_time_limits_and_keywords(tmp_path: Path) -> None:
    folder = write_package(tmp_path / "p", {
        "problem.yaml": "problem_format_version: 2023-07\nname: {en: Flags, sv: Flaggor}\n"
                        "limits: {time_limit: 2.5, memory: 256, output: 1}\nkeywords: [a, b]\n",
        "data/testdata.yaml": "output_validator_flags: case_sensitive float_tolerance 1e-6\n",
    })  # fmt: skip
    package = read_package(folder, LANGUAGES)
    problem = package.problem
    assert problem.title == "Flags" and problem.tags == ["a", "b"]
    assert problem.checker.flags == ("case_sensitive", "float_tolerance", "1e-6")
    assert (package.timing.fixed_ms, problem.limits.memory_limit_mb, problem.limits.output_limit_kb) == (
        2500,
        256,
        1024,
    )
    legacy = write_package(tmp_path / "q", {"problem.yaml": "name: Q\nvalidator_flags: space_change_sensitive\n",
                                            ".timelimit": "3\n"})  # fmt: skip
    package = read_package(legacy, LANGUAGES)
    assert package.problem.checker.flags == ("space_change_sensitive",) and package.timing.fixed_ms == 3000


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"problem.yaml": "name: P\nvalidator_flags: float_tolerance\n"},
         "default output validator flags: float_tolerance takes a number (validator_flags)"),
        ({"data/secret/testdata.yaml": "output_validator_flags: case_sensitive\n"},
         "output_validator_flags that differ between groups (testdata.yaml)"),
        ({"include/python3/lib.py": "x = 1\n"}, "code included in submissions (include/)"),
        ({"problem.yaml": "name: P\ntype: scoring\ngrading: {objective: min}\n"},
         "scores to minimise (grading: objective: min) (problem.yaml)"),
        ({"problem.yaml": "name: P\nvalidation: custom score\n", "output_validators/v.py": "pass\n"},
         "output validators that give scores (validation: custom score) (problem.yaml)"),
        ({"problem.yaml": "name: P\nvalidation: custom\n", "output_validators/v.rs": "fn main() {}\n"},
         "an output validator in a language CodeArena does not run (Python, JavaScript, Java or C++) "
         "(output_validators/v.rs)"),
        ({"statement/problem.en.md": None}, "a problem statement (problem.en.tex or problem.en.md) (none found)"),
    ],
)  # fmt: skip
def test_what_cannot_be_judged_as_kattis_would_is_named(tmp_path: Path, files: dict[str, str | None],
                                                         expected: str) -> None:  # fmt: skip
    assert fatal(read_package(write_package(tmp_path / "p", files), LANGUAGES).findings) == [expected]


SCORING = "problem_format_version: 2023-07-draft\nname: S\ntype: scoring\n"


def scoring(tmp_path: Path, files: Mapping[str, str | None]) -> tuple[list[tuple[str, int, int]], list[str]]:
    more: dict[str, str | None] = {"problem.yaml": SCORING, "data/secret/1.in": None, "data/secret/1.ans": None}
    for group in ("a", "b"):
        for n in (1, 2):
            more[f"data/secret/{group}/{n}.in"] = "1 1\n"
            more[f"data/secret/{group}/{n}.ans"] = "2\n"
    package = read_package(write_package(tmp_path / "s", {**more, **files}), LANGUAGES)
    return [(g.name, g.points, len(g.tests)) for g in package.problem.groups], fatal(package.findings)


A, B = "data/secret/a/testdata.yaml", "data/secret/b/testdata.yaml"
SUBTASKS = {
    "data/testdata.yaml": "grader_flags: ignore_sample\n",
    "data/secret/testdata.yaml": "on_reject: continue\ngrader_flags: accept_if_any_accepted\n",
}


def test_subtasks_each_worth_their_accept_score(tmp_path: Path) -> None:
    groups, problems = scoring(tmp_path, {**SUBTASKS, A: "grader_flags: min\naccept_score: 30\n",
                                          B: "grader_flags: min\naccept_score: 70\n"})  # fmt: skip
    assert (groups, problems) == ([("sample", 0, 1), ("a", 30, 2), ("b", 70, 2)], [])


def test_kattis_defaults_make_one_all_or_nothing_group(tmp_path: Path) -> None:
    # Every test scores 1 (accept_score), and nothing is accepted unless everything is.
    assert scoring(tmp_path, {}) == ([("all", 5, 5)], [])


def test_points_per_test_when_a_group_sums_and_continues(tmp_path: Path) -> None:
    partial = "on_reject: continue\ngrader_flags: accept_if_any_accepted\n"
    groups, problems = scoring(tmp_path, {**SUBTASKS, A: "grader_flags: min\n", B: partial})
    assert (groups, problems) == ([("sample", 0, 1), ("a", 1, 2), ("1", 1, 1), ("2", 1, 1)], [])


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"data/secret/a/testdata.yaml": "grader_flags: sum\naccept_score: 5\n"},
         "group secret/a, which can score part of its points (use grader_flags min, or accept_if_any_accepted and "
         "on_reject: continue) (data/secret/a/testdata.yaml)"),
        ({"data/secret/testdata.yaml": "grader_flags: accept_if_any_accepted\n"},
         "on_reject: break in a group scored in parts (data/secret/testdata.yaml)"),
        ({"data/secret/a/testdata.yaml": "grader_flags: min\naccept_score: 0.5\n"},
         "a score of 0.5 for group secret/a: CodeArena's points are whole numbers"),
        ({A: "grading: custom\n"}, "grading: custom (custom graders) (data/secret/a/testdata.yaml)"),
        ({"data/secret/a/testdata.yaml": "grader_flags: min\nrange: 0 0.5\n"},
         "range 0 0.5 that limits the score of 1 (data/secret/a/testdata.yaml)"),
        ({"data/secret/testdata.yaml": "on_reject: continue\ngrader_flags: accept_if_any_accepted max\n"},
         "grader_flags max in a group scored in parts (data/secret/testdata.yaml)"),
    ],
)  # fmt: skip
def test_gradings_codearena_cannot_reproduce_are_named(tmp_path: Path, files: dict[str, str], expected: str) -> None:
    _, problems = scoring(tmp_path, {**SUBTASKS, B: "grader_flags: min\n", **files})
    assert problems == ["testdata.yaml grading: " + expected]


def test_a_broken_package_is_a_problem_error_naming_the_file(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x]\nb: &b [*a, *a, *a]\nname: *b\n"
    with pytest.raises(ProblemError, match="expected no YAML aliases, found alias"):
        read_package(write_package(tmp_path / "a", {"problem.yaml": bomb}), LANGUAGES)
    with pytest.raises(ProblemError, match=r"1\.ans: expected the answer for 1\.in"):
        read_package(write_package(tmp_path / "b", {"data/secret/1.ans": None}), LANGUAGES)
    with pytest.raises(ProblemError, match="problem_format_version: expected legacy or 2023-07, found '2025-09'"):
        read_package(write_package(tmp_path / "c", {"problem.yaml": "problem_format_version: 2025-09\n"}), LANGUAGES)
    with pytest.raises(ProblemError, match="on_reject: expected break or continue"):
        read_package(write_package(tmp_path / "d", {"data/testdata.yaml": "on_reject: stop\n"}), LANGUAGES)
    with pytest.raises(ProblemError, match=r"limits\.memory: expected a positive number"):
        read_package(write_package(tmp_path / "e", {"problem.yaml": "name: E\nlimits: {memory: lots}\n"}), LANGUAGES)
