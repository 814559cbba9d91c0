"""How an assignment scores a student's submissions: written once, in pure Python.

A student's window runs from the assignment's opening to their effective due time: the
assignment's, or their extension's, and for a timed assignment no later than their Start plus
its minutes. After it, with after_due = "late", a submission counts with the late penalty until
late_until (no end when there is none); with "ignored" it counts not at all. A problem scores
points x earned/out_of of the best counting submission (its tests passed of the total, or for a
problem in groups of tests its points of the most), a late one multiplied by its penalty.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict, Field

LATE_RULE = re.compile(r"^(?:per_day:(\d{1,3}(?:\.\d+)?)|factor:([01](?:\.\d+)?))?$")
DAY_S = 86400


class AssignmentProblem(BaseModel):
    model_config = ConfigDict(frozen=True)

    problem: str
    points: float


class Assignment(BaseModel):
    """Times are UTC, ISO 8601 with a Z, like everything stored."""

    model_config = ConfigDict(frozen=True)

    id: int
    course_id: int
    title: str
    opens_at: str
    due_at: str
    late_until: str | None = None
    late_rule: str = Field("", description='"" (no penalty), "per_day:10" or "factor:0.5"')
    after_due: str = Field("late", description='"late": counts with the penalty; "ignored": counts not at all')
    time_limit_min: int | None = Field(None, description="a timed window of this many minutes from Start")
    problems: tuple[AssignmentProblem, ...] = ()

    @property
    def points(self) -> float:
        return sum(p.points for p in self.problems)


@dataclass(frozen=True)
class Extension:
    due_at: str
    late_until: str | None = None


@dataclass(frozen=True)
class Window:
    """One student's times for one assignment; `due` None: a timed one not started yet."""

    opens: datetime
    due: datetime | None
    late_until: datetime | None
    after_due: str
    late_rule: str


class Attempt(NamedTuple):
    """One submission as scoring sees it (a tuple: a grade export makes tens of thousands):
    tests passed of the total, or for a problem in groups points earned of the most."""

    created_at: str
    earned: int
    out_of: int


@dataclass(frozen=True)
class ProblemScore:
    score: float
    late: bool  # the counting best submission was late


def parse_time(iso: str) -> datetime:
    when = datetime.fromisoformat(iso)
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def iso(when: datetime) -> str:
    return when.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def valid_late_rule(rule: str) -> bool:
    return LATE_RULE.match(rule) is not None


def window(assignment: Assignment, extension: Extension | None = None, started_at: str | None = None) -> Window:
    """`assignment`'s times for one student, with their extension and their Start."""
    due: datetime | None = parse_time(extension.due_at if extension else assignment.due_at)
    late = extension.late_until if extension else assignment.late_until
    if assignment.time_limit_min is not None:
        limit = timedelta(minutes=assignment.time_limit_min)
        due = min(parse_time(started_at) + limit, due) if started_at and due else None
    return Window(parse_time(assignment.opens_at), due, parse_time(late) if late else None, assignment.after_due,
                  assignment.late_rule)  # fmt: skip


def penalty(rule: str, late_by: timedelta) -> float:
    """What a submission `late_by` after the due time is multiplied by."""
    found = LATE_RULE.match(rule)
    if found is None or not rule:
        return 1.0
    per_day, factor = found.groups()
    if factor is not None:
        return float(factor)
    days = math.ceil(late_by.total_seconds() / DAY_S)  # every started day
    return max(0.0, 1 - float(per_day) / 100 * days)


def multiplier(w: Window, submitted_at: str) -> float | None:
    """1 for a submission on time, the penalty for a late one, None for one that does not count."""
    return multiplier_at(w, parse_time(submitted_at))


def multiplier_at(w: Window, when: datetime) -> float | None:
    if when < w.opens or w.due is None:
        return None
    if when <= w.due:
        return 1.0
    if w.after_due == "ignored" or (w.late_until is not None and when > w.late_until):
        return None
    return penalty(w.late_rule, when - w.due)


def is_late(w: Window, submitted_at: str) -> bool:
    return w.due is not None and parse_time(submitted_at) > w.due


def best(points: float, attempts: Iterable[Attempt], w: Window) -> ProblemScore:
    """The best counting score of `attempts` at one problem; on a tie, an on-time one."""
    return counted(points, attempts, w)[0]


def counted(points: float, attempts: Iterable[Attempt], w: Window) -> tuple[ProblemScore, Attempt | None]:
    """The best counting score of `attempts`, and the attempt that scores it (None: none counts)."""
    found = ProblemScore(0.0, False)
    scoring: Attempt | None = None
    for a in attempts:
        top = points * a.earned / a.out_of if a.out_of > 0 else 0.0
        if top <= 0 or top < found.score or (top == found.score and not found.late):
            continue  # cannot beat what is found, whenever it was made (a penalty only lowers it)
        when = parse_time(a.created_at)
        factor = multiplier_at(w, when)
        if factor is None:
            continue
        score = points * a.earned / a.out_of * factor
        late = w.due is not None and when > w.due
        if score > found.score or (score == found.score and found.late and not late):
            found, scoring = ProblemScore(score, late), a
    return found, scoring


def describe(assignment: Assignment) -> str:
    """The score rule in words, for the student."""
    words = ("Each problem scores its points times the share of tests passed by your best submission (of the"
             " problem's points, for a problem scored in subtasks)")  # fmt: skip
    if assignment.time_limit_min is not None:
        words += (f". Timed: once you press Start you have {assignment.time_limit_min} minutes, and no later"
                  " than the due time")  # fmt: skip
    if assignment.after_due == "ignored":
        return words + ". Submissions after the due time are still judged but count for nothing."
    found = LATE_RULE.match(assignment.late_rule)
    per_day, factor = found.groups() if found else (None, None)
    if per_day is not None:
        late = f"lose {float(per_day):g}% of their score per started day late"
    elif factor is not None:
        late = f"are multiplied by {float(factor):g}"
    else:
        late = "count in full"
    if assignment.late_until:
        return words + f". Submissions after the due time {late} until the late deadline, then count for nothing."
    return words + f". Submissions after the due time {late}."
