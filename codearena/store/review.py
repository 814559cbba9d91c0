"""The instructor's view of a course, in SQL: its students' submissions with filters, whether each
was late, and re-judges with the results they replaced.

A re-judge's course (or a contest's, see store/contests.py) is kept in its `scope` (JSON), so the
schema needs no new column.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from codearena.domain.verdicts import Status
from codearena.store.courses import CourseStore
from codearena.store.db import Database, Row

# The assignments of course :course_id that hold submission `s`'s problem and had opened when it
# was made, each with `s`'s user's extension (e) and timed start (t), if any.
_OPENED = """
    FROM assignments AS a
    JOIN assignment_problems AS ap ON ap.assignment_id = a.id AND ap.problem = s.problem
    LEFT JOIN extensions AS e ON e.assignment_id = a.id AND e.user_id = s.user_id
    LEFT JOIN timed_starts AS t ON t.assignment_id = a.id AND t.user_id = s.user_id
    WHERE a.course_id = :course_id AND julianday(a.opens_at) <= julianday(s.created_at)"""
# That user's deadline for assignment a: the extension's due, else the assignment's; for a timed
# assignment they started, no later than the start plus its time limit. (julianday: the times may
# be written with or without a zone or milliseconds.)
_DEADLINE = """MIN(julianday(COALESCE(e.due_at, a.due_at)),
    COALESCE(julianday(t.started_at) + a.time_limit_min / 1440.0, julianday(COALESCE(e.due_at, a.due_at))))"""
# Late: made after the deadline of every such assignment (and there is at least one). The one
# place this rule is written.
LATE = f"""(EXISTS (SELECT 1 {_OPENED})
    AND NOT EXISTS (SELECT 1 {_OPENED} AND julianday(s.created_at) <= {_DEADLINE}))"""

# The submissions of the course's students, with their author.
_COURSE_SUBMISSIONS = """
    FROM submissions AS s
    JOIN course_members AS m ON m.user_id = s.user_id AND m.course_id = :course_id AND m.role = 'student'
    JOIN users AS u ON u.id = s.user_id"""


@dataclass(frozen=True)
class Filters:
    """What a listing is narrowed to; None is no filter. Times are UTC, as stored."""

    student: str | None = None  # a username or a user id
    problem: str | None = None
    verdict: str | None = None
    since: str | None = None
    until: str | None = None
    late: bool | None = None
    before: tuple[str, str] | None = None  # (created_at, id) of the last row of the page before


@dataclass(frozen=True)
class CourseSubmission:
    """A submission in a course's listing."""

    id: str
    user_id: int
    username: str
    name: str
    problem: str
    language: str
    status: str
    verdict: str | None
    passed: int
    total: int
    time_ms: int
    memory_kb: int
    created_at: str
    late: bool


@dataclass(frozen=True)
class Outcome:
    """One submission of a re-judge: its result before, and now."""

    submission_id: str
    username: str
    problem: str
    before_verdict: str | None
    before_passed: int
    before_total: int
    status: str
    verdict: str | None
    passed: int
    total: int

    @property
    def judging(self) -> bool:
        return self.status != Status.COMPLETED.value

    @property
    def changed(self) -> bool:
        before = (self.before_verdict, self.before_passed, self.before_total)
        return not self.judging and before != (self.verdict, self.passed, self.total)


@dataclass(frozen=True)
class Rejudge:
    id: int
    course_id: int
    created_at: str
    created_by: int | None
    scope: dict[str, Any]


class ReviewStore(CourseStore):  # by_slug, by_id, role_in, students
    async def _named(self, sql: str, args: dict[str, Any]) -> list[Row]:
        """Rows of a query with named parameters (Database.fetchall takes positional ones)."""
        async with self.db.connection.execute(sql, args) as cursor:
            return list(await cursor.fetchall())

    async def assignments(self, course_id: int) -> list[Row]:
        return await self.db.fetchall(
            "SELECT id, title FROM assignments WHERE course_id = ? ORDER BY due_at, id", (course_id,)
        )

    async def submissions(self, course_id: int, filters: Filters, limit: int) -> list[CourseSubmission]:
        """The course's students' submissions, newest first, narrowed by `filters`."""
        where, args = _where(filters)
        args.update(course_id=course_id, limit=limit)
        rows = await self._named(
            "SELECT s.id, s.user_id, u.username, u.name, s.problem, s.language, s.status, s.verdict, s.passed,"
            f" s.total, s.time_ms, s.memory_kb, s.created_at, {LATE} AS late {_COURSE_SUBMISSIONS}"
            f" WHERE 1 {where} ORDER BY s.created_at DESC, s.id DESC LIMIT :limit",
            args,
        )
        return [CourseSubmission(**{**dict(r), "late": bool(r["late"])}) for r in rows]

    async def in_course(self, course_id: int, submission_ids: list[str]) -> set[str]:
        """Which of `submission_ids` a student of the course made."""
        marks = ", ".join(f":s{i}" for i in range(len(submission_ids)))
        rows = await self._named(
            f"SELECT s.id {_COURSE_SUBMISSIONS} WHERE s.id IN ({marks})",
            {"course_id": course_id, **{f"s{i}": v for i, v in enumerate(submission_ids)}},
        )
        return {r[0] for r in rows}

    async def to_rejudge(self, course_id: int, *, submission: str = "", problem: str = "",
                         assignment: int = 0) -> list[str]:  # fmt: skip
        """The completed submissions of the course's students in one scope: a submission, a
        problem, or an assignment's problems. (One still being judged is judged anew anyway.)"""
        query = f"SELECT s.id {_COURSE_SUBMISSIONS} WHERE s.status = 'completed'"
        args: dict[str, Any] = {"course_id": course_id}
        if submission:
            query += " AND s.id = :submission"
            args["submission"] = submission
        elif problem:
            query += " AND s.problem = :problem"
            args["problem"] = problem
        else:
            query += (" AND s.problem IN (SELECT ap.problem FROM assignment_problems AS ap JOIN assignments AS a"
                      " ON a.id = ap.assignment_id WHERE a.id = :assignment AND a.course_id = :course_id)")  # fmt: skip
            args["assignment"] = assignment
        return [r[0] for r in await self._named(query + " ORDER BY s.created_at, s.id", args)]

    async def assignment_exists(self, course_id: int, assignment_id: int) -> bool:
        row = await self.db.fetchone(
            "SELECT 1 FROM assignments WHERE id = ? AND course_id = ?", (assignment_id, course_id)
        )
        return row is not None

    async def start_rejudge(
        self, course_id: int, user_id: int | None, scope: dict[str, Any], submission_ids: list[str], now: str
    ) -> int:
        return await record_rejudge(self.db, {"course_id": course_id, **scope}, user_id, submission_ids, now)

    async def rejudge(self, rejudge_id: int) -> Rejudge | None:
        row = await self.db.fetchone("SELECT * FROM rejudges WHERE id = ?", (rejudge_id,))
        if row is None:
            return None
        scope = json.loads(row["scope"])
        if "course_id" not in scope:
            return None  # a contest's (see ContestStore.start_rejudge)
        return Rejudge(row["id"], int(scope.pop("course_id")), row["created_at"], row["created_by"], scope)

    async def outcomes(self, rejudge_id: int) -> list[Outcome]:
        rows = await self.db.fetchall(
            "SELECT r.submission_id, u.username, s.problem, r.verdict AS before_verdict, r.passed AS before_passed,"
            " r.total AS before_total, s.status, s.verdict, s.passed, s.total"
            " FROM earlier_results AS r JOIN submissions AS s ON s.id = r.submission_id"
            " LEFT JOIN users AS u ON u.id = s.user_id"
            " WHERE r.rejudge_id = ? ORDER BY s.created_at, s.id",
            (rejudge_id,),
        )
        return [Outcome(**{**dict(r), "username": r["username"] or ""}) for r in rows]


async def record_rejudge(
    db: Database, scope: dict[str, Any], user_id: int | None, submission_ids: list[str], now: str
) -> int:
    """Record a re-judge (`scope` says whose: a course's or a contest's, and what), keep each
    submission's verdict, passed and total, and put each back to queued without results: one
    transaction."""
    async with db.write() as connection:
        cursor = await connection.execute(
            "INSERT INTO rejudges (created_at, created_by, scope) VALUES (?, ?, ?) RETURNING id",
            (now, user_id, json.dumps(scope)),
        )
        row = await cursor.fetchone()
        await cursor.close()
        assert row is not None
        rejudge_id = int(row[0])
        for submission_id in submission_ids:
            await connection.execute(
                "INSERT INTO earlier_results (rejudge_id, submission_id, verdict, passed, total)"
                " SELECT ?, id, verdict, passed, total FROM submissions WHERE id = ?",
                (rejudge_id, submission_id),
            )
            await connection.execute("DELETE FROM test_results WHERE submission_id = ?", (submission_id,))
            await connection.execute("DELETE FROM group_results WHERE submission_id = ?", (submission_id,))
            await connection.execute(
                "UPDATE submissions SET status = ?, verdict = NULL, passed = 0, total = 0, score = NULL,"
                " max_score = NULL, time_ms = 0,"
                " memory_kb = 0, compile_output = '', reason = '', finished_at = NULL, attempts = 0"
                " WHERE id = ?",
                (Status.QUEUED.value, submission_id),
            )
    return rejudge_id


# Each simple filter: its condition, bound to the parameter of its own name.
_CONDITIONS = {
    "student": "(u.username = :student OR CAST(u.id AS TEXT) = :student)",
    "problem": "s.problem = :problem",
    "verdict": "s.verdict = :verdict",
    "since": "s.created_at >= :since",
    "until": "s.created_at <= :until",
}


def _where(filters: Filters) -> tuple[str, dict[str, Any]]:
    args: dict[str, Any] = {name: getattr(filters, name) for name in _CONDITIONS}
    args = {name: value for name, value in args.items() if value is not None}
    clauses = [_CONDITIONS[name] for name in args]
    if filters.late is not None:
        clauses.append(LATE if filters.late else f"NOT {LATE}")
    if filters.before is not None:
        clauses.append("(s.created_at, s.id) < (:before_at, :before_id)")
        args["before_at"], args["before_id"] = filters.before
    return "".join(f" AND {c}" for c in clauses), args
