"""Problem loading: the bundled set, and bad problem files reported precisely."""

from __future__ import annotations

from pathlib import Path

import pytest

from codearena.domain.verdicts import Verdict
from codearena.languages import Language
from codearena.paths import PROBLEMS_DIR
from codearena.problems import harness
from codearena.problems.model import FileCache, ProblemError
from codearena.problems.native import load_problem, load_problems
from codearena.services.problems import languages_for, starter_code

PRACTICE = [
    "two-sum", "palindrome-number", "fizzbuzz", "reverse-string", "valid-parentheses",
    "maximum-subarray", "contains-duplicate", "add-two-numbers",
    "longest-substring-without-repeating-characters", "group-anagrams",
    "product-of-array-except-self", "merge-intervals", "coin-change", "lru-cache",
    "median-of-two-sorted-arrays", "regular-expression-matching", "merge-k-sorted-lists",
    "trapping-rain-water", "word-ladder", "serialize-and-deserialize-binary-tree", "subarray-sum-equals-k",
]  # fmt: skip


def test_bundled_problems_all_load(languages: dict[str, Language]) -> None:
    problems, errors = load_problems(PROBLEMS_DIR, set(languages))
    assert errors == []
    assert set(PRACTICE) | {"a-plus-b"} <= set(problems)


def test_a_plus_b_has_exactly_ten_tests_two_samples() -> None:
    problem = load_problem(PROBLEMS_DIR / "a-plus-b")
    assert len(problem.tests) == 10
    assert [t.index for t in problem.tests] == list(range(1, 11))
    assert [t.sample for t in problem.tests] == [True, True] + [False] * 8
    biggest = max(t.input_path.read_text().count("\n") - 1 for t in problem.tests)
    assert biggest == 1000
    text = "".join(t.input_path.read_text() for t in problem.tests)
    assert "-1000000000" in text and " 1000000000" in text


@pytest.mark.parametrize("slug", ["a-plus-b", *PRACTICE])
def test_bundled_problem_is_complete(slug: str, languages: dict[str, Language]) -> None:
    problem = load_problem(PROBLEMS_DIR / slug, set(languages))
    assert len(problem.tests) >= 10
    assert len(problem.samples) >= 2
    core = set(harness.GENERATORS)
    may_use = {lang.id for lang in languages_for(problem, languages.values())}
    # Its own starter code in every language a function problem takes (the four with a harness),
    # and at least in those four for one that reads stdin (others start from their generic one).
    assert set(problem.starter_code) == may_use if problem.function else set(problem.starter_code) >= core
    offered = starter_code(problem, languages.values())
    assert set(offered) == may_use and all(code.strip() for code in offered.values())
    # A function problem has no input or output format: its examples are calls.
    sections = ("## Examples", "## Constraints") if problem.function else ("## Input", "## Output", "## Constraints")
    for section in sections:
        assert section in problem.statement
    solutions = problem.solutions
    files = {p.name for p in (problem.path / "solutions").iterdir()}
    assert files == set(solutions), "every solution file has a verdict and every verdict a file"
    accepted = {Path(name).suffix for name, expected in solutions.items() if expected.verdict == Verdict.ACCEPTED}
    assert accepted >= {".py", ".js", ".java", ".cpp"}
    assert any(expected.verdict != Verdict.ACCEPTED for expected in solutions.values())


def make(root: Path, slug: str, yaml_text: str, *, tests: bool = True) -> Path:
    folder = root / slug
    (folder / "tests" / "sample").mkdir(parents=True)
    (folder / "problem.yaml").write_text(yaml_text)
    (folder / "statement.md").write_text("Statement.\n")
    if tests:
        (folder / "tests" / "sample" / "1.in").write_text("1\n")
        (folder / "tests" / "sample" / "1.ans").write_text("1\n")
    return folder


GOOD = "title: T\ndifficulty: easy\ntime_limit_ms: 1000\nmemory_limit_mb: 64\n"


@pytest.mark.parametrize(
    ("yaml_text", "key", "found"),
    [
        (GOOD.replace("1000", "fast"), "time_limit_ms", "'fast'"),
        (GOOD.replace("easy", "trivial"), "difficulty", "'trivial'"),
        (GOOD.replace("title: T\n", ""), "title", "nothing"),
        (GOOD + "colour: red\n", "colour", "an unknown key"),
        (GOOD + "checker: fuzzy\n", "checker.type", "'fuzzy'"),
        (GOOD + "solutions: {a.py: great}\n", "solutions.a.py", "'great'"),
        (GOOD + "starter_code: {cobol: x}\n", "starter_code.cobol", "cobol"),
    ],
)
def test_bad_problem_yaml_names_path_key_and_value(
    tmp_path: Path, yaml_text: str, key: str, found: str, languages: dict[str, Language]
) -> None:
    folder = make(tmp_path, "bad", yaml_text)
    with pytest.raises(ProblemError) as info:
        load_problem(folder, set(languages))
    message = str(info.value)
    assert str(folder / "problem.yaml") in message
    assert f"{key}:" in message and "expected" in message and found in message


def test_hostile_yaml_is_refused(tmp_path: Path) -> None:
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n'
    with pytest.raises(ProblemError, match="no YAML aliases"):
        load_problem(make(tmp_path, "bomb", bomb))
    with pytest.raises(ProblemError, match="valid YAML"):
        load_problem(make(tmp_path, "syntax", "title: [unclosed\n"))
    with pytest.raises(ProblemError, match="a mapping"):
        load_problem(make(tmp_path, "list", "- 1\n- 2\n"))
    with pytest.raises(ProblemError, match="bytes"):
        load_problem(make(tmp_path, "huge", GOOD + "#" * 300_000 + "\n"))
    python_object = GOOD + "title: !!python/object/apply:os.system ['true']\n"
    with pytest.raises(ProblemError, match="valid YAML"):
        load_problem(make(tmp_path, "pyobj", python_object))


def test_missing_pieces_are_reported(tmp_path: Path) -> None:
    with pytest.raises(ProblemError, match="no tests"):
        load_problem(make(tmp_path, "notests", GOOD, tests=False))
    folder = make(tmp_path, "noanswer", GOOD)
    (folder / "tests" / "sample" / "2.in").write_text("2\n")
    with pytest.raises(ProblemError, match=r"2\.ans"):
        load_problem(folder)
    with pytest.raises(ProblemError, match="folder name"):
        load_problem(make(tmp_path, "Bad_Slug", GOOD))


def test_one_bad_problem_does_not_stop_the_others(tmp_path: Path) -> None:
    make(tmp_path, "good-one", GOOD)
    make(tmp_path, "broken", "title: [")
    make(tmp_path, "good-two", GOOD)
    problems, errors = load_problems(tmp_path)
    assert sorted(problems) == ["good-one", "good-two"]
    assert len(errors) == 1 and "broken" in str(errors[0])


def test_tests_run_samples_first_in_natural_order(tmp_path: Path) -> None:
    folder = make(tmp_path, "order", GOOD)
    secret = folder / "tests" / "secret"
    secret.mkdir()
    for name in ("10", "2", "1"):
        (secret / f"{name}.in").write_text(name)
        (secret / f"{name}.ans").write_text(name)
    problem = load_problem(folder)
    assert [t.name for t in problem.tests] == ["sample/1", "secret/1", "secret/2", "secret/10"]


def test_test_files_are_cached_within_a_budget_and_reread_when_changed(tmp_path: Path) -> None:
    cache = FileCache(budget_bytes=400, recheck_s=0)
    paths = [tmp_path / f"{i}.in" for i in range(5)]
    for i, path in enumerate(paths):
        path.write_bytes(bytes([i]) * 100)
    assert [cache.read(p) for p in paths] == [bytes([i]) * 100 for i in range(5)]
    assert cache.used <= 400  # the oldest was dropped to stay within the budget
    paths[4].write_bytes(b"changed, and of another size")
    assert cache.read(paths[4]) == b"changed, and of another size"
    huge = tmp_path / "huge.in"
    huge.write_bytes(b"x" * 1000)
    assert cache.read(huge) == b"x" * 1000 and cache.used <= 400  # read, never kept
