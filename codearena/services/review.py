"""The instructor's view of a course: its students' submissions, one student's history, the diff
of two attempts, and re-judging. Only the course's instructors and admins reach any of it; to a
student of the course it is forbidden, and to anyone else the course does not exist.
"""

from __future__ import annotations

import difflib
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from codearena.domain.accounts import Role
from codearena.domain.courses import Course
from codearena.domain.submission import Submission
from codearena.domain.verdicts import Verdict
from codearena.problems.model import Problem
from codearena.services.access import Viewer
from codearena.services.accounts import require_user
from codearena.services.errors import Conflict, Forbidden, Invalid, NotFound, Unavailable
from codearena.services.submissions import MAX_PAGE, SUBMISSION_ID
from codearena.store.review import CourseSubmission, Filters, Outcome, Rejudge, ReviewStore
from codearena.store.submissions import SubmissionStore, utc_now
from codearena.worker import JudgeQueue, QueueFull

log = logging.getLogger(__name__)
YES_NO = {"yes": True, "no": False}


@dataclass(frozen=True)
class Page:
    course: Course
    rows: list[CourseSubmission]
    next_before: str | None  # the cursor of the next (older) page


@dataclass(frozen=True)
class DiffLine:
    sign: str  # "+" added in b, "-" removed from a, " " in both
    text: str

    @property
    def kind(self) -> str:
        return {"+": "added", "-": "removed"}.get(self.sign, "same")


@dataclass(frozen=True)
class Diff:
    course: Course
    a: Submission
    b: Submission
    lines: list[DiffLine]


@dataclass(frozen=True)
class Report:
    course: Course
    rejudge: Rejudge
    outcomes: list[Outcome]

    @property
    def judging(self) -> int:
        return sum(o.judging for o in self.outcomes)

    @property
    def changed(self) -> int:
        return sum(o.changed for o in self.outcomes)

    @property
    def unchanged(self) -> int:
        return len(self.outcomes) - self.changed - self.judging


def line_diff(a: str, b: str) -> list[DiffLine]:
    """Every line of `a` and `b` once: kept, removed from a, or added in b."""
    old, new = a.splitlines(), b.splitlines()
    lines: list[DiffLine] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            lines += [DiffLine(" ", text) for text in old[i1:i2]]
            continue
        lines += [DiffLine("-", text) for text in old[i1:i2]]
        lines += [DiffLine("+", text) for text in new[j1:j2]]
    return lines


def utc_time(text: str, zone: str, name: str) -> str:
    """An ISO time or a browser's datetime-local (read in the course's time zone) as stored: UTC
    with milliseconds and a Z."""
    try:
        when = datetime.fromisoformat(text.strip())
    except ValueError:
        raise Invalid("invalid_filter", f"'{name}' must be a time like 2026-03-01T09:30, not {text[:40]!r}") from None
    if when.tzinfo is None:
        try:
            when = when.replace(tzinfo=ZoneInfo(zone))
        except (ZoneInfoNotFoundError, ValueError):
            when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def filters_of(course: Course, query: Mapping[str, str]) -> Filters:
    """The listing's filters from a query string (the API's and the page's form alike)."""

    def given(name: str) -> str | None:
        value = query.get(name, "").strip()[:100]
        return value or None

    verdict = given("verdict")
    if verdict is not None and verdict not in {v.value for v in Verdict}:
        raise Invalid("invalid_filter", "'verdict' is one of: " + ", ".join(v.value for v in Verdict))
    late = given("late")
    if late is not None and late not in YES_NO:
        raise Invalid("invalid_filter", "'late' is yes or no")
    before = None
    if cursor := given("before"):
        at, _, last = cursor.rpartition(",")
        before = (at, last) if at else (cursor, "")
    since, until = given("from"), given("to")
    return Filters(
        student=given("student"), problem=given("problem"), verdict=verdict, late=YES_NO[late] if late else None,
        since=utc_time(since, course.time_zone, "from") if since else None,
        until=utc_time(until, course.time_zone, "to") if until else None, before=before,
    )  # fmt: skip


class ReviewService:
    def __init__(self, store: ReviewStore, submissions: SubmissionStore, problems: Mapping[str, Problem],
                 queue: JudgeQueue | None, unavailable: str = "the judge is not running") -> None:  # fmt: skip
        self.store = store
        self.submissions = submissions
        self.problems = problems
        self._queue = queue
        self.unavailable = unavailable

    async def staff_course(self, viewer: Viewer, slug: str) -> Course:
        """The course, if `viewer` is one of its instructors or an admin."""
        user = require_user(viewer)
        course = await self.store.by_slug(slug)
        role = await self.store.role_in(course.id, user.id) if course else None
        if course is None or (role is None and user.role != Role.ADMIN):
            raise NotFound("course_not_found", f"no course {slug!r}")
        if role == "student" and user.role != Role.ADMIN:
            raise Forbidden("forbidden", "only the course's instructors may see this")
        return course

    async def listing(self, viewer: Viewer, slug: str, query: Mapping[str, str], limit: int = 50,
                      user_id: int | None = None) -> Page:  # fmt: skip
        """The course's students' submissions (or one student's), newest first, one page."""
        course = await self.staff_course(viewer, slug)
        filters = filters_of(course, query)
        if user_id is not None:
            filters = Filters(**{**filters.__dict__, "student": str(user_id)})
        limit = max(1, min(limit, MAX_PAGE))
        rows = await self.store.submissions(course.id, filters, limit + 1)
        more = len(rows) > limit
        rows = rows[:limit]
        return Page(course, rows, f"{rows[-1].created_at},{rows[-1].id}" if more else None)

    async def student(self, viewer: Viewer, slug: str, user_id: int, query: Mapping[str, str]) -> tuple[Page, str]:
        """A student's submissions in the course, and their name."""
        course = await self.staff_course(viewer, slug)
        found = next((s for s in await self.store.students(course.id) if s.id == user_id), None)
        if found is None:
            raise NotFound("student_not_found", f"no student {user_id} in this course")
        page = await self.listing(viewer, slug, query, MAX_PAGE, user_id=user_id)
        return page, found.name or found.username

    async def course_submission(self, course: Course, submission_id: str) -> Submission:
        submission = await self.submissions.get(submission_id) if SUBMISSION_ID.match(submission_id) else None
        if submission is None or not await self.store.in_course(course.id, [submission.id]):
            raise NotFound("submission_not_found", f"no submission {submission_id!r} in this course")
        return submission

    async def diff(self, viewer: Viewer, slug: str, a: str, b: str) -> Diff:
        """The line diff of two submissions of the course's students, a's source to b's."""
        course = await self.staff_course(viewer, slug)
        first, second = await self.course_submission(course, a), await self.course_submission(course, b)
        return Diff(course, first, second, line_diff(first.source, second.source))

    def _judge_queue(self) -> JudgeQueue:
        if self._queue is None:
            raise Unavailable("judge_unavailable", self.unavailable, retry_after_s=30)
        return self._queue

    async def _targets(self, course: Course, data: Mapping[str, object]) -> tuple[dict[str, object], list[str]]:
        """The scope asked for, and the submissions in it."""
        scopes = [k for k in ("submission", "problem", "assignment") if data.get(k) not in (None, "")]
        if len(scopes) != 1:
            raise Invalid("invalid_scope", "give one of 'submission', 'problem' or 'assignment'")
        kind, value = scopes[0], data[scopes[0]]
        if kind == "submission":
            submission = await self.course_submission(course, str(value))
            ids = await self.store.to_rejudge(course.id, submission=submission.id)
            if not ids:
                raise Conflict("still_judging", "this submission is being judged; re-judge it when it is done")
            return {kind: submission.id}, ids
        if kind == "problem":
            if not isinstance(value, str) or value not in self.problems:
                raise NotFound("problem_not_found", f"no problem {str(value)[:100]!r}")
            return {kind: value}, await self.store.to_rejudge(course.id, problem=value)
        number = int(value) if isinstance(value, int) or (isinstance(value, str) and value.isdigit()) else 0
        if not await self.store.assignment_exists(course.id, number):
            raise NotFound("assignment_not_found", f"no assignment {str(value)[:20]!r} in this course")
        return {kind: number}, await self.store.to_rejudge(course.id, assignment=number)

    async def rejudge(self, viewer: Viewer, slug: str, data: Mapping[str, object]) -> int:
        """Judge again the submissions of one scope, keeping what they had; the re-judge's id."""
        course = await self.staff_course(viewer, slug)
        scope, ids = await self._targets(course, data)
        queue = self._judge_queue()
        user = require_user(viewer)
        rejudge_id = await self.store.start_rejudge(course.id, user.id, scope, ids, utc_now())
        try:
            # Behind every student's submission, however many: see JudgeQueue.submit_background.
            await queue.submit_background(ids)
        except QueueFull:  # shutting down; stored as queued, so the next start judges them
            log.warning("re-judge %d: %d submissions left for the next start", rejudge_id, len(ids))
        return rejudge_id

    async def report(self, viewer: Viewer, rejudge_id: int, slug: str | None = None) -> Report:
        """A re-judge's submissions, before and now; `slug`, when given, must be its course's."""
        rejudge = await self.store.rejudge(rejudge_id)
        course = await self.store.by_id(rejudge.course_id) if rejudge else None
        if rejudge is None or course is None or (slug is not None and slug != course.slug):
            require_user(viewer)
            raise NotFound("rejudge_not_found", f"no re-judge {rejudge_id}")
        await self.staff_course(viewer, course.slug)
        return Report(course, rejudge, await self.store.outcomes(rejudge_id))
