"""Assignments, their problems, extensions and timed starts; who is in which course; the
submissions that score them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from codearena.domain.grading_rules import Assignment, AssignmentProblem, Attempt, Extension
from codearena.store.courses import CourseStore
from codearena.store.db import Row
from codearena.store.submissions import utc_now

FIELDS = ("title", "opens_at", "due_at", "late_until", "late_rule", "after_due", "time_limit_min")


class AssignmentStore(CourseStore):  # by_slug, by_id, role_in, students
    # --- assignments

    async def create_assignment(
        self, course_id: int, fields: dict[str, Any], problems: Sequence[AssignmentProblem]
    ) -> int:
        async with self.db.write() as connection:
            cursor = await connection.execute(
                f"INSERT INTO assignments (course_id, {', '.join(FIELDS)}, created_at)"
                f" VALUES (?, {', '.join('?' for _ in FIELDS)}, ?) RETURNING id",
                (course_id, *(fields[f] for f in FIELDS), utc_now()),
            )
            row = await cursor.fetchone()
            await cursor.close()
            assert row is not None
            await self._set_problems(connection, int(row[0]), problems)
        return int(row[0])

    async def update(self, assignment_id: int, fields: dict[str, Any], problems: Sequence[AssignmentProblem]) -> None:
        async with self.db.write() as connection:
            await connection.execute(
                f"UPDATE assignments SET {', '.join(f'{f} = ?' for f in FIELDS)} WHERE id = ?",
                (*(fields[f] for f in FIELDS), assignment_id),
            )
            await connection.execute("DELETE FROM assignment_problems WHERE assignment_id = ?", (assignment_id,))
            await self._set_problems(connection, assignment_id, problems)

    @staticmethod
    async def _set_problems(connection: Any, assignment_id: int, problems: Sequence[AssignmentProblem]) -> None:
        await connection.executemany(
            "INSERT INTO assignment_problems (assignment_id, problem, points, position) VALUES (?, ?, ?, ?)",
            [(assignment_id, p.problem, p.points, i) for i, p in enumerate(problems)],
        )

    async def get(self, assignment_id: int) -> Assignment | None:
        found = await self._assignments("a.id = ?", [assignment_id])
        return found[0] if found else None

    async def of_course(self, course_id: int) -> list[Assignment]:
        return await self._assignments("a.course_id = ?", [course_id])

    async def of_student(self, user_id: int) -> list[Assignment]:
        """The assignments of every course `user_id` is a student in."""
        return await self._assignments(
            "a.course_id IN (SELECT course_id FROM course_members WHERE user_id = ? AND role = 'student')", [user_id]
        )

    async def _assignments(self, where: str, args: list[Any]) -> list[Assignment]:
        rows = await self.db.fetchall(f"SELECT a.* FROM assignments AS a WHERE {where} ORDER BY a.due_at, a.id", args)
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        problems: dict[int, list[AssignmentProblem]] = {i: [] for i in ids}
        for p in await self.db.fetchall(
            f"SELECT assignment_id, problem, points FROM assignment_problems"
            f" WHERE assignment_id IN ({', '.join('?' for _ in ids)}) ORDER BY assignment_id, position",
            ids,
        ):
            problems[p[0]].append(AssignmentProblem(problem=p[1], points=p[2]))
        return [Assignment(id=r["id"], course_id=r["course_id"], problems=tuple(problems[r["id"]]),
                           **{f: r[f] for f in FIELDS}) for r in rows]  # fmt: skip

    # --- extensions and timed starts

    async def set_extension(self, assignment_id: int, user_id: int, extension: Extension) -> None:
        async with self.db.write() as connection:
            await connection.execute(
                "INSERT INTO extensions (assignment_id, user_id, due_at, late_until) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (assignment_id, user_id) DO UPDATE SET due_at = excluded.due_at,"
                " late_until = excluded.late_until",
                (assignment_id, user_id, extension.due_at, extension.late_until),
            )

    async def _per_student(self, table: str, assignment_ids: Iterable[int], user_id: int | None) -> list[Row]:
        """The rows of `table` (extensions, timed_starts) for these assignments (and one user)."""
        ids = list(assignment_ids)
        if not ids:
            return []
        query = f"SELECT * FROM {table} WHERE assignment_id IN ({', '.join('?' for _ in ids)})"
        if user_id is not None:
            query += " AND user_id = ?"
        return await self.db.fetchall(query, ids + ([user_id] if user_id is not None else []))

    async def extensions(
        self, assignment_ids: Iterable[int], user_id: int | None = None
    ) -> dict[tuple[int, int], Extension]:
        """(assignment id, user id) -> extension."""
        rows = await self._per_student("extensions", assignment_ids, user_id)
        return {(r["assignment_id"], r["user_id"]): Extension(r["due_at"], r["late_until"]) for r in rows}

    async def start(self, assignment_id: int, user_id: int) -> bool:
        """Record a Start; False when there already was one."""
        async with self.db.write() as connection:
            cursor = await connection.execute(
                "INSERT OR IGNORE INTO timed_starts (assignment_id, user_id, started_at) VALUES (?, ?, ?)",
                (assignment_id, user_id, utc_now()),
            )
            started = cursor.rowcount == 1
            await cursor.close()
        return started

    async def starts(self, assignment_ids: Iterable[int], user_id: int | None = None) -> dict[tuple[int, int], str]:
        """(assignment id, user id) -> when they pressed Start."""
        rows = await self._per_student("timed_starts", assignment_ids, user_id)
        return {(r["assignment_id"], r["user_id"]): r["started_at"] for r in rows}

    # --- visibility

    async def gated_problems(self, now: str) -> set[str]:
        """Every problem in at least one assignment, or in a contest that has not ended (after
        its end a contest's problems are practice problems, unless it says otherwise)."""
        rows = await self.db.fetchall(
            "SELECT problem FROM assignment_problems UNION SELECT p.problem FROM contest_problems AS p"
            " JOIN contests AS c ON c.id = p.contest_id WHERE c.ends_at > ? OR NOT c.practice_after_end",
            (now,),
        )
        return {r[0] for r in rows}

    async def opened_problems(self, user_id: int, now: str) -> set[str]:
        """The problems of assignments `user_id` may see: opened, in a course they are in, and
        for a timed one, started; of the contests they take part in, while they run; and of the
        finished contests they replay, during their virtual run."""
        rows = await self.db.fetchall(
            "SELECT DISTINCT p.problem FROM assignment_problems AS p"
            " JOIN assignments AS a ON a.id = p.assignment_id"
            " JOIN course_members AS m ON m.course_id = a.course_id AND m.user_id = ?"
            " LEFT JOIN timed_starts AS t ON t.assignment_id = a.id AND t.user_id = m.user_id"
            " WHERE a.opens_at <= ? AND (a.time_limit_min IS NULL OR t.started_at IS NOT NULL)"
            # and the problems of the running contests they take part in (listed, or a student of
            # the contest's course)
            " UNION SELECT p.problem FROM contest_problems AS p JOIN contests AS c ON c.id = p.contest_id"
            " WHERE c.starts_at <= ? AND c.ends_at > ? AND (c.id IN (SELECT contest_id FROM contest_participants"
            " WHERE user_id = ?) OR c.course_id IN (SELECT course_id FROM course_members WHERE user_id = ?"
            " AND role = 'student'))"
            " UNION SELECT p.problem FROM contest_problems AS p JOIN contests AS c ON c.id = p.contest_id"
            " JOIN virtual_runs AS v ON v.contest_id = c.id AND v.user_id = ? WHERE v.started_at <= ?"
            " AND julianday(?) < julianday(v.started_at) + julianday(c.ends_at) - julianday(c.starts_at)",
            (user_id, now, now, now, user_id, user_id, user_id, now, now),
        )
        return {r[0] for r in rows}

    # --- scoring

    async def scored(self, assignment: Assignment, user_id: int | None = None) -> dict[tuple[int, str], list[Attempt]]:
        """What may score `assignment`, per (student, problem): its course's students' completed
        submissions to its problems made since it opened (or one student's).

        Only the earliest submission of each (passed, total) is read, and none that passed
        nothing: whatever the deadline and the late rule, a later submission that passed as many
        tests never scores more, and one that passed none scores nothing. A class of 300 with
        30,000 submissions is a few thousand rows instead of all of them. For a problem in groups
        of tests, (score, max_score) stand for (passed, total).
        """
        slugs = sorted({p.problem for p in assignment.problems})
        if not slugs:
            return {}
        # CROSS JOIN keeps the members first, so that each one's submissions are read from the
        # covering index submissions_scores; left to itself the planner scans every submission
        # of the problems (practice and other courses' too) through submissions_by_problem.
        query = (
            "SELECT s.user_id, s.problem, MIN(s.created_at), COALESCE(s.score, s.passed) AS earned,"
            " COALESCE(s.max_score, s.total) AS out_of FROM course_members AS m"
            " CROSS JOIN submissions AS s ON s.user_id = m.user_id"
            f" WHERE m.course_id = ? AND m.role = 'student' AND s.problem IN ({', '.join('?' for _ in slugs)})"
            " AND s.status = 'completed' AND s.created_at >= ? AND COALESCE(s.score, s.passed) > 0"
        )
        args: list[Any] = [assignment.course_id, *slugs, assignment.opens_at]
        if user_id is not None:
            query += " AND m.user_id = ?"
            args.append(user_id)
        query += " GROUP BY s.user_id, s.problem, earned, out_of"
        found: dict[tuple[int, str], list[Attempt]] = defaultdict(list)
        for r in await self.db.fetchall(query, args):
            found[r[0], r[1]].append(Attempt(r[2], r[3], r[4]))
        return found
