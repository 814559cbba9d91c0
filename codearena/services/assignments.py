"""Assignments (auth = "accounts"): who may create, see and start them, which problems a
student may see, their scores and the course's grade table, for the API and the pages alike.

Who is who comes from course_members: an instructor of the course runs its assignments, its
students take them, an admin may do anything; to anyone else a course and its assignments do not
exist (404). A student who asks for an instructor's action gets 403.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from codearena.config import Settings
from codearena.domain.accounts import Role, User
from codearena.domain.courses import Course
from codearena.domain.grading_rules import (
    Assignment,
    AssignmentProblem,
    Attempt,
    Extension,
    ProblemScore,
    Window,
    best,
    describe,
    iso,
    parse_time,
    valid_late_rule,
    window,
)
from codearena.problems.model import Problem
from codearena.services.access import Viewer
from codearena.services.accounts import require_user
from codearena.services.errors import Conflict, Forbidden, Invalid, NotFound
from codearena.store.assignments import FIELDS, AssignmentStore
from codearena.store.submissions import utc_now

MAX_TITLE = 200
MAX_PROBLEMS = 50
IDENTITY = ("Student", "ID", "SIS User ID", "SIS Login ID", "Email address", "ID number")

# Which problems a viewer may see: None for all.
Visibility = Callable[[Viewer], Awaitable[set[str] | None]]


async def require_visible(visibility: Visibility | None, viewer: Viewer, slug: str) -> None:
    """A hidden problem does not exist for this viewer: the same 404 as an unknown one."""
    visible = await visibility(viewer) if visibility else None
    if visible is not None and slug not in visible:
        raise NotFound("problem_not_found", f"no problem {slug!r}")


@dataclass(frozen=True)
class AssignmentScore:
    problems: dict[str, ProblemScore]
    total: float
    late: bool


@dataclass(frozen=True)
class AssignmentView:
    """An assignment as one viewer sees it; `score` and `window` are a student's own."""

    assignment: Assignment
    course: Course
    staff: bool
    problems_shown: bool
    window: Window | None
    started_at: str | None
    score: AssignmentScore | None
    rule: str

    @property
    def due_at(self) -> str:
        """The viewer's due time: their extension's, or their timed deadline once started."""
        return iso(self.window.due) if self.window and self.window.due else self.assignment.due_at

    @property
    def late_until(self) -> str | None:
        """The viewer's late deadline: their extension's, or the assignment's."""
        return iso(self.window.late_until) if self.window and self.window.late_until else self.assignment.late_until

    @property
    def may_start(self) -> bool:
        a = self.assignment
        now = utc_now()
        return (not self.staff and a.time_limit_min is not None and self.started_at is None
                and a.opens_at <= now < a.due_at)  # fmt: skip


@dataclass(frozen=True)
class GradeTable:
    columns: list[str]
    rows: list[list[str | int | float]]


def score_of(assignment: Assignment, w: Window, attempts: Mapping[str, list[Attempt]]) -> AssignmentScore:
    problems = {p.problem: best(p.points, attempts.get(p.problem, []), w) for p in assignment.problems}
    return AssignmentScore(problems, sum(s.score for s in problems.values()), any(s.late for s in problems.values()))


def local_to_utc(value: object, time_zone: str, field: str) -> str:
    """A date-time as entered (local to the course, unless it names its offset) as stored UTC."""
    if not isinstance(value, str):
        raise Invalid("invalid_time", f"{field!r} must be a date and time like 2026-03-01T09:00")
    try:
        when = datetime.fromisoformat(value.strip())
    except ValueError:
        raise Invalid("invalid_time", f"{field!r} is not a date and time like 2026-03-01T09:00") from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=zone(time_zone))
    return iso(when)


def utc_to_local(value: str | None, time_zone: str) -> str:
    """A stored time as the course's local date-time, as a form field shows it."""
    return parse_time(value).astimezone(zone(time_zone)).strftime("%Y-%m-%dT%H:%M") if value else ""


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def points_of(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise Invalid("invalid_points", "points must be a number")
    try:
        points = float(value)
    except ValueError:
        raise Invalid("invalid_points", f"points must be a number, not {value!r}") from None
    if not 0 < points <= 10_000:
        raise Invalid("invalid_points", "points must be above 0 and at most 10000")
    return points


class AssignmentService:
    def __init__(self, settings: Settings, store: AssignmentStore, problems: Mapping[str, Problem]) -> None:
        self.settings = settings
        self.store = store
        self.problems = problems

    # --- visibility: the one rule for the problem list, the problem pages, submit and run

    async def visible_problems(self, viewer: Viewer) -> set[str] | None:
        """The problems `viewer` may see; None: all of them. In accounts mode a problem in some
        assignment is hidden from a student until an assignment of theirs that holds it opens
        (and, if timed, they pressed Start), and a problem of a contest that has not ended is
        hidden from all but its participants, from its start. Staff and open mode see everything."""
        if self.settings.auth != "accounts":
            return None
        user = viewer.user
        if user is not None and user.role != Role.STUDENT:
            return None
        now = utc_now()
        gated = await self.store.gated_problems(now)
        if not gated:
            return None
        opened = await self.store.opened_problems(user.id, now) if user else set()
        return set(self.problems) - (gated - opened)

    # --- who may do what

    async def course_for(self, viewer: Viewer, slug: str, *, staff: bool) -> tuple[Course, bool]:
        """The course and whether the viewer runs it; NotFound to outsiders, Forbidden to a student
        asking for an instructor's action."""
        user = require_user(viewer)
        course = await self.store.by_slug(slug)
        if course is None:
            raise NotFound("course_not_found", f"no course {slug!r}")
        return course, await self._check_member(user, course, staff)

    async def assignment_for(
        self, viewer: Viewer, assignment_id: int, *, staff: bool
    ) -> tuple[Assignment, Course, bool]:
        user = require_user(viewer)
        assignment = await self.store.get(assignment_id)
        course = await self.store.by_id(assignment.course_id) if assignment else None
        if assignment is None or course is None:
            raise NotFound("assignment_not_found", f"no assignment {assignment_id}")
        return assignment, course, await self._check_member(user, course, staff)

    async def _check_member(self, user: User, course: Course, staff: bool) -> bool:
        if user.role == Role.ADMIN:
            return True
        role = await self.store.role_in(course.id, user.id)
        if role is None:
            raise NotFound("course_not_found", f"no course {course.slug!r}")
        if staff and role != "instructor":
            raise Forbidden("forbidden", "only an instructor of the course may do this")
        return role == "instructor"

    # --- instructors: create, edit, extend

    def _checked(
        self, data: Mapping[str, object], course: Course, base: Assignment | None
    ) -> tuple[dict[str, Any], list[AssignmentProblem]]:
        """The assignment's fields from `data` (over `base`'s, for an edit), all checked."""
        fields: dict[str, Any] = {f: getattr(base, f) for f in FIELDS} if base else {
            "title": "", "late_until": None, "late_rule": "", "after_due": "late", "time_limit_min": None}  # fmt: skip
        if "title" in data or base is None:
            title = data.get("title")
            if not isinstance(title, str) or not title.strip() or len(title) > MAX_TITLE:
                raise Invalid("invalid_title", f"'title' must be 1 to {MAX_TITLE} characters")
            fields["title"] = title.strip()
        for name in ("opens_at", "due_at"):
            if name in data or base is None:
                fields[name] = local_to_utc(data.get(name), course.time_zone, name)
        if "late_until" in data:
            late = data["late_until"]
            fields["late_until"] = local_to_utc(late, course.time_zone, "late_until") if late else None
        if "late_rule" in data:
            fields["late_rule"] = data["late_rule"] or ""
            if not isinstance(fields["late_rule"], str) or not valid_late_rule(fields["late_rule"]):
                raise Invalid("invalid_late_rule", '\'late_rule\' is empty, "per_day:10" or "factor:0.5"')
        if "after_due" in data:
            if data["after_due"] not in ("late", "ignored"):
                raise Invalid("invalid_after_due", '\'after_due\' is "late" or "ignored"')
            fields["after_due"] = data["after_due"]
        if "time_limit_min" in data:
            minutes = data["time_limit_min"]
            if minutes in (None, "", 0):
                fields["time_limit_min"] = None
            elif isinstance(minutes, int) and not isinstance(minutes, bool) and 0 < minutes <= 10_000:
                fields["time_limit_min"] = minutes
            else:
                raise Invalid("invalid_time_limit", "'time_limit_min' is a whole number of minutes, or null")
        if fields["opens_at"] >= fields["due_at"]:
            raise Invalid("invalid_time", "'due_at' must come after 'opens_at'")
        if fields["late_until"] is not None and fields["late_until"] <= fields["due_at"]:
            raise Invalid("invalid_time", "'late_until' must come after 'due_at'")
        problems = (
            list(base.problems) if base and "problems" not in data else self._checked_problems(data.get("problems"))
        )
        return fields, problems

    def _checked_problems(self, value: object) -> list[AssignmentProblem]:
        if not isinstance(value, list) or not 0 < len(value) <= MAX_PROBLEMS:
            raise Invalid("invalid_problems", f"'problems' is a list of 1 to {MAX_PROBLEMS} {{problem, points}}")
        found: list[AssignmentProblem] = []
        for item in value:
            slug = item.get("problem") if isinstance(item, dict) else None
            if not isinstance(slug, str) or slug not in self.problems:
                raise Invalid("unknown_problem", f"no problem {slug!r}")
            if any(p.problem == slug for p in found):
                raise Invalid("invalid_problems", f"{slug!r} is listed twice")
            found.append(AssignmentProblem(problem=slug, points=points_of(item.get("points", 100))))
        return found

    async def create(self, viewer: Viewer, slug: str, data: Mapping[str, object]) -> Assignment:
        course, _ = await self.course_for(viewer, slug, staff=True)
        fields, problems = self._checked(data, course, None)
        created = await self.store.get(await self.store.create_assignment(course.id, fields, problems))
        assert created is not None
        return created

    async def update(self, viewer: Viewer, assignment_id: int, data: Mapping[str, object]) -> Assignment:
        assignment, course, _ = await self.assignment_for(viewer, assignment_id, staff=True)
        fields, problems = self._checked(data, course, assignment)
        await self.store.update(assignment.id, fields, problems)
        updated = await self.store.get(assignment.id)
        assert updated is not None
        return updated

    async def extend(self, viewer: Viewer, assignment_id: int, data: Mapping[str, object]) -> tuple[int, Extension]:
        """A student's own due time (and late deadline) for one assignment; a new one replaces theirs."""
        assignment, course, _ = await self.assignment_for(viewer, assignment_id, staff=True)
        user_id = data.get("user_id")
        if isinstance(user_id, str) and user_id.isdigit():
            user_id = int(user_id)
        if not isinstance(user_id, int) or await self.store.role_in(course.id, user_id) != "student":
            raise Invalid("not_a_student", "'user_id' must name a student of the course")
        late = data.get("late_until")
        extension = Extension(local_to_utc(data.get("due_at"), course.time_zone, "due_at"),
                              local_to_utc(late, course.time_zone, "late_until") if late else None)  # fmt: skip
        if extension.late_until is not None and extension.late_until <= extension.due_at:
            raise Invalid("invalid_time", "'late_until' must come after 'due_at'")
        await self.store.set_extension(assignment.id, user_id, extension)
        return user_id, extension

    # --- students: see, start, scores

    async def start(self, viewer: Viewer, assignment_id: int) -> AssignmentView:
        assignment, _, staff = await self.assignment_for(viewer, assignment_id, staff=False)
        now = utc_now()
        if staff or assignment.time_limit_min is None:
            raise Invalid("not_timed", "only a student starts a timed assignment")
        if not assignment.opens_at <= now < assignment.due_at:
            raise Invalid("not_open", "a timed assignment starts between its opening and its due time")
        if not await self.store.start(assignment.id, require_user(viewer).id):
            raise Conflict("already_started", "you already started this assignment; it starts once")
        return await self.view(viewer, assignment_id)

    async def view(self, viewer: Viewer, assignment_id: int) -> AssignmentView:
        assignment, course, staff = await self.assignment_for(viewer, assignment_id, staff=False)
        return (await self._views(require_user(viewer), [assignment], {course.id: course}, staff))[0]

    async def of_course(self, viewer: Viewer, slug: str) -> tuple[Course, bool, list[AssignmentView]]:
        """The course, whether the viewer runs it, and its assignments as the viewer sees them."""
        course, staff = await self.course_for(viewer, slug, staff=False)
        assignments = await self.store.of_course(course.id)
        return course, staff, await self._views(require_user(viewer), assignments, {course.id: course}, staff)

    async def mine(self, viewer: Viewer) -> list[AssignmentView]:
        """The assignments of every course the viewer is a student in, with their scores."""
        user = require_user(viewer)
        assignments = await self.store.of_student(user.id)
        courses = {c: await self.store.by_id(c) for c in {a.course_id for a in assignments}}
        return await self._views(user, assignments, {k: v for k, v in courses.items() if v}, False)

    async def _views(self, user: User, assignments: list[Assignment], courses: Mapping[int, Course],
                     staff: bool) -> list[AssignmentView]:  # fmt: skip
        if staff:
            return [AssignmentView(a, courses[a.course_id], True, True, None, None, None, describe(a))
                    for a in assignments]  # fmt: skip
        ids = [a.id for a in assignments]
        extensions = await self.store.extensions(ids, user.id)
        starts = await self.store.starts(ids, user.id)
        now, views = utc_now(), []
        for a in assignments:
            started = starts.get((a.id, user.id))
            w = window(a, extensions.get((a.id, user.id)), started)
            attempts = await self.store.scored(a, user.id)
            mine = {p.problem: attempts.get((user.id, p.problem), []) for p in a.problems}
            shown = a.opens_at <= now and (a.time_limit_min is None or started is not None)
            views.append(AssignmentView(a, courses[a.course_id], False, shown, w, started, score_of(a, w, mine),
                                        describe(a)))  # fmt: skip
        return views

    # --- the grade table

    async def grades(self, viewer: Viewer, slug: str) -> tuple[Course, GradeTable]:
        """One row per student: identity columns, then per assignment each problem's score, its
        total and whether it was late, then the overall total."""
        course, _ = await self.course_for(viewer, slug, staff=True)
        assignments = await self.store.of_course(course.id)
        students = await self.store.students(course.id)
        ids = [a.id for a in assignments]
        extensions, starts = await self.store.extensions(ids), await self.store.starts(ids)
        attempts = {a.id: await self.store.scored(a) for a in assignments}
        columns = list(IDENTITY)
        for a in assignments:
            columns += [f"{a.title} - {self._title(p.problem)} ({number(p.points)})" for p in a.problems]
            columns += [f"{a.title} Total ({number(a.points)})", f"{a.title} Late"]
        columns.append("Total")
        rows: list[list[str | int | float]] = []
        for u in students:
            row: list[str | int | float] = [u.name or u.username, u.id, u.student_id, u.username, u.email,
                                            u.student_id]  # fmt: skip
            total = 0.0
            for a in assignments:
                w = window(a, extensions.get((a.id, u.id)), starts.get((a.id, u.id)))
                score = score_of(a, w, {p.problem: attempts[a.id].get((u.id, p.problem), []) for p in a.problems})
                row += [round(score.problems[p.problem].score, 2) for p in a.problems]
                row += [round(score.total, 2), "yes" if score.late else "no"]
                total += score.total
            rows.append([*row, round(total, 2)])
        return course, GradeTable(columns, rows)

    def _title(self, slug: str) -> str:
        problem = self.problems.get(slug)
        return problem.title if problem else slug


def number(value: float) -> str:
    """At most 2 decimals, no trailing zeros: 12.5, 100, 33.33."""
    return f"{value:.2f}".rstrip("0").rstrip(".")
