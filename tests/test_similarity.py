"""How alike submissions are (codearena/domain/similarity.py), on the fixtures in
tests/fixtures/similarity/<language>/: an original solution of merge-intervals (in the stdin/stdout
form it had before it became a function problem, written from the starter code beside it), a copy
of it with its names changed and its layout redone, and a solution written independently. Pure: no Docker,
no server. Also which submission of a student's is their final one."""

from __future__ import annotations

import re
from itertools import combinations
from pathlib import Path

import pytest

from codearena.domain.grading_rules import Assignment, AssignmentProblem, Extension
from codearena.domain.similarity import (
    MIN_TOKENS,
    THRESHOLD,
    Source,
    boilerplate,
    compare,
    compare_all,
    fingerprint,
    fingerprint_all,
    lines_of,
    marked_lines,
    newlines,
    normalise,
    ranked,
)
from codearena.paths import PROBLEMS_DIR
from codearena.problems.native import load_problem
from codearena.services.similarity import assignment_finals, contest_finals
from codearena.store.similarity import Candidate

FIXTURES = Path(__file__).parent / "fixtures" / "similarity"
EXTENSIONS = {"python": "py", "javascript": "js", "java": "java", "cpp": "cpp"}


def starter_code(language: str) -> str:
    return (FIXTURES / language / f"starter.{EXTENSIONS[language]}").read_text()


def fixture(language: str, name: str) -> Source:
    path = FIXTURES / language / f"{name}.{EXTENSIONS[language]}"
    return Source(name, "merge-intervals", language, path.read_text())


@pytest.mark.parametrize("language", EXTENSIONS)
def test_a_renamed_copy_ranks_first_and_an_independent_solution_stays_below_the_threshold(language: str) -> None:
    sources = [fixture(language, name) for name in ("independent", "original", "copy")]
    fingerprints = fingerprint_all(sources, {("merge-intervals", language): starter_code(language)})
    assert all(f.tokens >= MIN_TOKENS for f in fingerprints), "none is too short to compare"
    every = [compare(fingerprints[i], fingerprints[j]) for i, j in combinations(range(3), 2)]
    order = ranked(every)
    assert {order[0].a, order[0].b} == {"original", "copy"}
    assert order[0].similarity_a >= 0.85 and order[0].similarity_b >= 0.85, order[0]
    for match in order[1:]:
        assert "independent" in (match.a, match.b)
        assert match.similarity < THRESHOLD, match
    reported = compare_all(fingerprints, list(combinations(range(3), 2)), THRESHOLD)
    assert [(m.a, m.b) for m in reported] == [("original", "copy")], "the worker's step keeps only the copy"


def test_the_marked_regions_are_the_copied_code_and_not_the_starter_code() -> None:
    original, copy = fixture("python", "original"), fixture("python", "copy")
    starter = boilerplate(starter_code("python"), "python")
    match = compare(fingerprint(original, starter), fingerprint(copy, starter))
    marked = "".join(original.text[start:end] for start, end in match.spans_a)
    assert "merged[-1][1] = end" in marked and "merged.append([start, end])" in marked
    assert "sys.stdin.buffer.read().split()" not in marked, "the starter code's input reading is not marked"
    assert "# overlapping or touching" not in marked, "a comment is not code"
    lines = lines_of(newlines(original.text), match.spans_a)
    assert any(a <= 8 <= b for a, b in lines), "for start, end in intervals: is in a region"
    assert not any(a <= line <= b for a, b in lines for line in (19, 20, 21)), "main's input reading is in none"
    assert "res[-1][1] = hi" in "".join(copy.text[start:end] for start, end in match.spans_b), "renamed, still marked"


def test_without_the_starter_code_left_out_two_unrelated_solutions_would_look_alike() -> None:
    original, independent = fixture("java", "original"), fixture("java", "independent")
    bare = compare(fingerprint(original), fingerprint(independent))
    starter = boilerplate(starter_code("java"), "java")
    assert bare.similarity > 0.2, "the starter's reading of the input is common to both"
    assert compare(fingerprint(original, starter), fingerprint(independent, starter)).similarity < 0.05


def test_short_solutions_on_the_starter_code_are_too_short_to_compare() -> None:
    problem = load_problem(PROBLEMS_DIR / "a-plus-b")
    starter = problem.starter_code["python"]
    ann = starter.replace("# TODO: print a + b for each of the n pairs",
                          "for i in range(n):\n        print(int(data[1 + 2 * i]) + int(data[2 + 2 * i]))")  # fmt: skip
    bob = re.sub(r"\bi\b", "k", ann)
    assert ann != starter
    fingerprints = fingerprint_all([Source("ann", "a-plus-b", "python", ann), Source("bob", "a-plus-b", "python", bob)],
                                   {("a-plus-b", "python"): starter})  # fmt: skip
    assert all(0 < f.tokens < MIN_TOKENS for f in fingerprints), [f.tokens for f in fingerprints]
    whole = fingerprint_all([Source("ann", "a-plus-b", "python", ann)], {})
    assert whole[0].tokens >= MIN_TOKENS, "the starter code is what makes it look long"


@pytest.mark.parametrize(
    ("language", "one", "other"),
    [
        ("javascript", "const total = items.reduce((a, b) => a + b, 0);", "const s = xs.reduce((p, q) => p + q, 0);"),
        ("python", "def area(width, height):\n    return width * height\n", "def f(a, b):\n    return a * b\n"),
        ("java", "int count = list.size(); // how many", "int n = xs.size();"),
        ("cpp", "long long best = max(best, cur);", "long long r = max(r, c);  /* the best */"),
    ],
)
def test_names_comments_and_blanks_do_not_count(language: str, one: str, other: str) -> None:
    assert normalise(one, language).code == normalise(other, language).code


def test_each_character_of_the_normalised_code_maps_back_to_its_token() -> None:
    text = 'x = "hi"  # note\nprint(x)\n'
    normal = normalise(text, "python")
    assert normal.code == 'V="S"print(V)'
    assert [text[s:e] for s, e in zip(normal.starts, normal.ends, strict=True)] == [
        "x", "=", '"', "hi", '"', "print", "print", "print", "print", "print", "(", "x", ")"
    ]  # fmt: skip
    assert len(set(normal.tokens)) == 9, 'x = " hi " print ( x ): a name or a keyword is one token'


def test_marked_lines_cut_at_the_spans_and_the_line_ends() -> None:
    text = "ab\ncd\n\nef\n"
    assert marked_lines(text, [(1, 4), (7, 8)]) == [
        [("a", False), ("b", True)], [("c", True), ("d", False)], [], [("e", True), ("f", False)]
    ]  # fmt: skip
    assert marked_lines("", []) == [[]]
    assert lines_of(newlines(text), [(1, 4), (7, 8), (0, 10)]) == [(1, 2), (4, 4), (1, 4)]


def candidate(n: int, user: int, created_at: str, passed: int, total: int = 4, verdict: str | None = None) -> Candidate:
    verdict = verdict or ("accepted" if passed == total else "wrong_answer")
    return Candidate(f"s{n}", user, f"u{user}", "", "p", "python", created_at, "completed", verdict, passed, total)


def test_an_assignments_final_submission_is_the_one_the_grade_counts() -> None:
    a = Assignment(id=1, course_id=1, title="A", opens_at="2026-01-01T00:00:00.000Z", due_at="2026-01-10T00:00:00.000Z",
                   late_rule="factor:0.5", problems=(AssignmentProblem(problem="p", points=10),))  # fmt: skip
    candidates = [
        candidate(1, 1, "2026-01-02T00:00:00.000Z", 3),  # user 1: 3 of 4 on time...
        candidate(2, 1, "2026-01-03T00:00:00.000Z", 2),  # ...then worse
        candidate(3, 1, "2026-01-11T00:00:00.000Z", 4),  # ...then accepted, late: 4/4 x 0.5 < 3/4
        candidate(4, 2, "2026-01-02T00:00:00.000Z", 4),  # user 2: accepted twice: the first counts
        candidate(5, 2, "2026-01-05T00:00:00.000Z", 4),
        candidate(6, 3, "2026-01-02T00:00:00.000Z", 0),  # user 3: nothing scores: the latest
        candidate(7, 3, "2026-01-03T00:00:00.000Z", 0, verdict="compilation_error"),
        candidate(8, 4, "2026-01-11T00:00:00.000Z", 4),  # user 4: late, but with an extension
    ]
    extensions = {(1, 4): Extension("2026-01-12T00:00:00.000Z")}
    finals = assignment_finals(a, candidates, extensions, {}, accepted_only=False)
    assert sorted(c.id for c in finals) == ["s1", "s4", "s7", "s8"]
    accepted = assignment_finals(a, candidates, extensions, {}, accepted_only=True)
    assert sorted(c.id for c in accepted) == ["s3", "s4", "s8"], "user 1's late accepted one is their only accepted"
    assert [c.id for c in contest_finals(candidates, accepted_only=True)] == ["s3", "s5", "s8"]
    assert [c.id for c in contest_finals(candidates, accepted_only=False)] == ["s3", "s5", "s7", "s8"]
