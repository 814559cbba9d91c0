"""The submissions a similarity report may compare, in SQL: an assignment's students' or a
contest's participants', to the problems in question, in the time that counts; and their sources."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from codearena.domain.grading_rules import Assignment
from codearena.store.contests import Contest
from codearena.store.db import Database


@dataclass(frozen=True)
class Candidate:
    """A submission that may be someone's final one, with its author."""

    id: str
    user_id: int
    username: str
    name: str
    problem: str
    language: str
    created_at: str
    status: str
    verdict: str | None
    passed: int
    total: int


_COLUMNS = ("s.id, s.user_id, u.username, u.name, s.problem, s.language, s.created_at, s.status, s.verdict, s.passed,"
            " s.total")  # fmt: skip


class SimilarityStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def of_assignment(self, assignment: Assignment, problems: Sequence[str]) -> list[Candidate]:
        """The course's students' judged submissions to `problems` since the assignment opened,
        oldest first."""
        if not problems:
            return []
        rows = await self.db.fetchall(
            f"SELECT {_COLUMNS} FROM course_members AS m CROSS JOIN submissions AS s ON s.user_id = m.user_id"
            " JOIN users AS u ON u.id = s.user_id"
            f" WHERE m.course_id = ? AND m.role = 'student' AND s.problem IN ({', '.join('?' for _ in problems)})"
            " AND s.status = 'completed' AND s.created_at >= ? ORDER BY s.created_at, s.id",
            [assignment.course_id, *problems, assignment.opens_at],
        )
        return [Candidate(*tuple(r)) for r in rows]

    async def of_contest(self, contest: Contest, problem: str, user_ids: Sequence[int]) -> list[Candidate]:
        """The participants' submissions to `problem` made while the contest ran, oldest first."""
        if not user_ids:
            return []
        rows = await self.db.fetchall(
            f"SELECT {_COLUMNS} FROM submissions AS s JOIN users AS u ON u.id = s.user_id"
            f" WHERE s.user_id IN ({', '.join('?' for _ in user_ids)}) AND s.problem = ?"
            " AND s.created_at >= ? AND s.created_at <= ? ORDER BY s.created_at, s.id",
            [*user_ids, problem, contest.starts_at, contest.ends_at],
        )
        return [Candidate(*tuple(r)) for r in rows]

    async def sources(self, ids: Sequence[str]) -> dict[str, str]:
        """Submission id -> its source."""
        found: dict[str, str] = {}
        for start in range(0, len(ids), 500):  # SQLite's limit on parameters is far above; keep queries small
            chunk = ids[start : start + 500]
            rows = await self.db.fetchall(
                f"SELECT id, source FROM submissions WHERE id IN ({', '.join('?' for _ in chunk)})", chunk
            )
            found.update({str(r[0]): str(r[1]) for r in rows})
        return found
