"""The score rule of assignments, on its own: deadlines, extensions, timed windows, penalties."""

from __future__ import annotations

import pytest

from codearena.domain.grading_rules import (
    Assignment,
    AssignmentProblem,
    Attempt,
    Extension,
    ProblemScore,
    best,
    describe,
    multiplier,
    valid_late_rule,
    window,
)

OPENS, DUE, LATE_UNTIL = "2026-03-01T00:00:00.000Z", "2026-03-08T12:00:00.000Z", "2026-03-12T12:00:00.000Z"


def assignment(**changes: object) -> Assignment:
    fields: dict[str, object] = {"id": 1, "course_id": 1, "title": "Week 1", "opens_at": OPENS, "due_at": DUE,
                                 "problems": (AssignmentProblem(problem="a-plus-b", points=50),)}  # fmt: skip
    return Assignment.model_validate(fields | changes)


def test_on_time_counts_in_full_and_before_opening_not_at_all() -> None:
    w = window(assignment())
    assert multiplier(w, "2026-02-28T23:59:59.999Z") is None
    assert multiplier(w, OPENS) == 1.0
    assert multiplier(w, DUE) == 1.0


def test_per_day_takes_ten_percent_per_started_day_until_late_until() -> None:
    w = window(assignment(late_rule="per_day:10", late_until=LATE_UNTIL))
    assert multiplier(w, "2026-03-08T12:00:00.001Z") == pytest.approx(0.9)
    assert multiplier(w, "2026-03-09T12:00:00.000Z") == pytest.approx(0.9)
    assert multiplier(w, "2026-03-09T12:00:00.001Z") == pytest.approx(0.8)
    assert multiplier(w, LATE_UNTIL) == pytest.approx(0.6)
    assert multiplier(w, "2026-03-12T12:00:01.000Z") is None


def test_per_day_never_goes_below_zero_and_factor_is_flat() -> None:
    forever = window(assignment(late_rule="per_day:40"))
    assert multiplier(forever, "2026-04-30T00:00:00.000Z") == 0.0
    flat = window(assignment(late_rule="factor:0.5"))
    assert multiplier(flat, "2026-03-09T00:00:00.000Z") == 0.5
    assert multiplier(flat, "2026-05-09T00:00:00.000Z") == 0.5


def test_ignored_counts_nothing_after_the_due_time() -> None:
    w = window(assignment(after_due="ignored", late_rule="factor:0.5", late_until=LATE_UNTIL))
    assert multiplier(w, "2026-03-08T12:00:00.001Z") is None


def test_an_extension_moves_both_deadlines() -> None:
    w = window(assignment(late_rule="factor:0.5", late_until=LATE_UNTIL),
               Extension(due_at="2026-03-10T12:00:00.000Z", late_until="2026-03-20T00:00:00.000Z"))  # fmt: skip
    assert multiplier(w, "2026-03-10T00:00:00.000Z") == 1.0
    assert multiplier(w, "2026-03-15T00:00:00.000Z") == 0.5
    assert multiplier(w, "2026-03-20T00:00:01.000Z") is None


def test_a_timed_window_ends_at_start_plus_its_minutes_or_the_due_time() -> None:
    timed = assignment(time_limit_min=60, after_due="ignored")
    assert multiplier(window(timed), "2026-03-02T00:00:00.000Z") is None, "not started: nothing counts"
    w = window(timed, started_at="2026-03-02T10:00:00.000Z")
    assert multiplier(w, "2026-03-02T11:00:00.000Z") == 1.0
    assert multiplier(w, "2026-03-02T11:00:00.001Z") is None
    near_due = window(timed, started_at="2026-03-08T11:30:00.000Z")
    assert multiplier(near_due, "2026-03-08T12:10:00.000Z") is None, "no later than the due time"
    late = window(assignment(time_limit_min=60, late_rule="per_day:10"), started_at="2026-03-02T10:00:00.000Z")
    assert multiplier(late, "2026-03-02T11:30:00.000Z") == pytest.approx(0.9)


def test_the_best_counting_submission_scores_and_says_whether_it_was_late() -> None:
    w = window(assignment(late_rule="per_day:10"))
    attempts = [Attempt("2026-03-05T00:00:00.000Z", 2, 4), Attempt("2026-03-09T00:00:00.000Z", 4, 4),
                Attempt("2026-02-01T00:00:00.000Z", 4, 4), Attempt("2026-03-06T00:00:00.000Z", 0, 0)]  # fmt: skip
    found = best(50, attempts, w)
    assert found.score == pytest.approx(45.0) and found.late
    assert best(50, attempts[:1], w) == ProblemScore(25.0, False)
    assert best(50, [], w) == ProblemScore(0.0, False)


def test_late_rules_are_checked_and_described_in_words() -> None:
    assert all(valid_late_rule(r) for r in ("", "per_day:10", "per_day:12.5", "factor:0.5", "factor:1"))
    assert not any(valid_late_rule(r) for r in ("per_day:", "factor:2", "weekly:1", "per_day:-1"))
    assert "10% of their score per started day" in describe(assignment(late_rule="per_day:10", late_until=DUE))
    assert "count for nothing" in describe(assignment(after_due="ignored"))
    assert "60 minutes" in describe(assignment(time_limit_min=60))
