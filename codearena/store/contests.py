"""Contests, their problems and participants, and the submissions that make their standings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from codearena.store.db import Database, Row
from codearena.store.submissions import utc_now


@dataclass(frozen=True)
class ContestProblem:
    label: str
    problem: str
    points: float = 100.0


@dataclass(frozen=True)
class Contest:
    id: int
    slug: str
    title: str
    course_id: int | None
    starts_at: str
    ends_at: str
    rule: str
    penalty_min: int
    compile_errors_count: bool
    freeze_min: int | None
    created_by: int | None
    problems: tuple[ContestProblem, ...] = ()


@dataclass(frozen=True)
class ContestSubmission:
    user_id: int
    username: str
    name: str
    problem: str
    created_at: str
    status: str
    verdict: str | None
    passed: int
    total: int
    score: int | None = None  # points earned, for a problem in groups of tests (subtasks)
    max_score: int | None = None
    group_points: str = ""  # points rule: each group's name and points earned, "small:40 large:0"

    @property
    def share(self) -> float:
        """How much of the problem it solved, 0 to 1: points of the most, else tests passed."""
        if self.max_score:
            return (self.score or 0) / self.max_score
        return self.passed / self.total if self.total else 0.0

    @property
    def subtasks(self) -> tuple[tuple[str, float], ...]:
        """Each group's name and the share of the problem's points it earned (points rule)."""
        if not self.max_score or not self.group_points:
            return ()
        pairs = (item.rpartition(":") for item in self.group_points.split())
        return tuple((name, int(earned) / self.max_score) for name, _, earned in pairs)


class ContestStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def create(self, fields: dict[str, Any], problems: list[ContestProblem], user_ids: list[int]) -> int | None:
        """The new contest's id; None if its slug is taken."""
        async with self.db.write() as connection:
            if await connection.execute_fetchall("SELECT 1 FROM contests WHERE slug = ?", (fields["slug"],)):
                return None
            names = ", ".join(fields)
            cursor = await connection.execute(
                f"INSERT INTO contests ({names}, created_at) VALUES ({', '.join('?' for _ in fields)}, ?)",
                (*fields.values(), utc_now()),
            )
            contest_id = int(cursor.lastrowid or 0)
            await cursor.close()
            await connection.executemany(
                "INSERT INTO contest_problems (contest_id, label, problem, points) VALUES (?, ?, ?, ?)",
                [(contest_id, p.label, p.problem, p.points) for p in problems],
            )
            await connection.executemany(
                "INSERT OR IGNORE INTO contest_participants (contest_id, user_id) VALUES (?, ?)",
                [(contest_id, user_id) for user_id in user_ids],
            )
        return contest_id

    async def by_slug(self, slug: str) -> Contest | None:
        row = await self.db.fetchone("SELECT * FROM contests WHERE slug = ?", (slug,))
        if row is None:
            return None
        problems = await self.db.fetchall(
            "SELECT label, problem, points FROM contest_problems WHERE contest_id = ? ORDER BY label", (row["id"],)
        )
        return _contest(row, tuple(ContestProblem(p[0], p[1], p[2]) for p in problems))

    async def participant_ids(self, contest: Contest) -> set[int]:
        """The users listed for the contest, and the students of its course."""
        rows = await self.db.fetchall(
            "SELECT user_id FROM contest_participants WHERE contest_id = ?"
            " UNION SELECT user_id FROM course_members WHERE course_id = ? AND role = 'student'",
            (contest.id, contest.course_id if contest.course_id is not None else -1),
        )
        return {int(r[0]) for r in rows}

    async def participants(self, contest: Contest) -> list[tuple[int, str, str]]:
        """(user id, username, name) of everyone taking part."""
        ids = sorted(await self.participant_ids(contest))
        if not ids:
            return []
        rows = await self.db.fetchall(
            f"SELECT id, username, name FROM users WHERE id IN ({', '.join('?' for _ in ids)})", ids
        )
        return [(int(r[0]), str(r[1]), str(r[2])) for r in rows]

    async def submission_brief(self, submission_id: str) -> tuple[int, str, str] | None:
        """(user id, problem, created_at) of a user's submission; None for an anonymous one."""
        row = await self.db.fetchone(
            "SELECT user_id, problem, created_at FROM submissions WHERE id = ? AND user_id IS NOT NULL",
            (submission_id,),
        )
        return (int(row[0]), str(row[1]), str(row[2])) if row else None

    async def submissions(self, contest: Contest, user_ids: list[int]) -> list[ContestSubmission]:
        """The participants' submissions to the contest's problems made while it ran."""
        slugs = sorted({p.problem for p in contest.problems})
        if not slugs or not user_ids:
            return []
        # The points rule sums the best of each group (subtask) over a participant's submissions.
        groups = (
            ", (SELECT group_concat(g.name || ':' || g.earned, ' ') FROM group_results AS g"
            " WHERE g.submission_id = s.id)" if contest.rule == "points" else ""
        )  # fmt: skip
        rows = await self.db.fetchall(
            "SELECT s.user_id, u.username, u.name, s.problem, s.created_at, s.status, s.verdict, s.passed, s.total,"
            f" s.score, s.max_score{groups}"
            " FROM submissions AS s JOIN users AS u ON u.id = s.user_id"
            f" WHERE s.user_id IN ({', '.join('?' for _ in user_ids)})"
            f" AND s.problem IN ({', '.join('?' for _ in slugs)}) AND s.created_at >= ? AND s.created_at <= ?"
            " ORDER BY s.created_at",
            [*user_ids, *slugs, contest.starts_at, contest.ends_at],
        )
        return [_submission(r, bool(groups)) for r in rows]


def _submission(r: Row, groups: bool) -> ContestSubmission:
    return ContestSubmission(user_id=r[0], username=r[1], name=r[2], problem=r[3], created_at=r[4], status=r[5],
                             verdict=r[6], passed=r[7], total=r[8], score=r[9], max_score=r[10],
                             group_points=(r[11] or "") if groups else "")  # fmt: skip


def _contest(row: Row, problems: tuple[ContestProblem, ...]) -> Contest:
    return Contest(id=row["id"], slug=row["slug"], title=row["title"], course_id=row["course_id"],
                   starts_at=row["starts_at"], ends_at=row["ends_at"], rule=row["rule"],
                   penalty_min=row["penalty_min"], compile_errors_count=bool(row["compile_errors_count"]),
                   freeze_min=row["freeze_min"], created_by=row["created_by"], problems=problems)  # fmt: skip
