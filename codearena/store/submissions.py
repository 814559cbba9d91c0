"""The submission store: submissions and their per-test results, as domain models."""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from codearena.domain.submission import Submission
from codearena.domain.text import valid_result
from codearena.domain.verdicts import GroupResult, JudgeResult, Status, TestResult, Verdict
from codearena.store.db import Database, Row


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_submission_id() -> str:
    return secrets.token_hex(8)


@dataclass(frozen=True)
class Owner:
    """Whose submissions: a signed-in user's (`user_id`), or else an anonymous session's."""

    session: str
    user_id: int | None = None

    def where(self) -> tuple[str, list[Any]]:
        if self.user_id is not None:
            return "user_id = ?", [self.user_id]
        return "session = ? AND user_id IS NULL", [self.session]


class SubmissionStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def create(self, owner: Owner, problem: str, language: str, source: str) -> Submission:
        submission = Submission(id=new_submission_id(), session=owner.session, user_id=owner.user_id,
                                problem=problem, language=language, source=source, status=Status.QUEUED,
                                created_at=utc_now())  # fmt: skip
        async with self.db.write() as connection:
            await connection.execute(
                "INSERT INTO submissions (id, session, user_id, problem, language, source, status, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (submission.id, owner.session, owner.user_id, problem, language, source, submission.status.value,
                 submission.created_at),
            )  # fmt: skip
        return submission

    async def set_status(self, submission_id: str, status: Status) -> None:
        async with self.db.write() as connection:
            await connection.execute("UPDATE submissions SET status = ? WHERE id = ?", (status.value, submission_id))

    async def begin_attempt(self, submission_id: str) -> int:
        """Mark the submission as being judged and count one more start of judging (kept if the
        process dies mid-way): one write. The new count."""
        async with self.db.write() as connection:
            cursor = await connection.execute(
                "UPDATE submissions SET attempts = attempts + 1, status = ? WHERE id = ? RETURNING attempts",
                (Status.RUNNING.value, submission_id),
            )
            row = await cursor.fetchone()
            await cursor.close()
        return int(row[0]) if row else 0

    async def undo_attempt(self, submission_id: str) -> None:
        """Judging was stopped (a shutdown, not a failure): queued again, the attempt not counted."""
        async with self.db.write() as connection:
            await connection.execute(
                "UPDATE submissions SET status = ?, attempts = MAX(attempts - 1, 0) WHERE id = ?",
                (Status.QUEUED.value, submission_id),
            )

    async def save_result(self, submission_id: str, result: JudgeResult) -> None:
        """Store the verdict and every test's and group's result in one transaction."""
        result = valid_result(result)  # SQLite refuses text that is not UTF-8
        async with self.db.write() as connection:
            await connection.execute("DELETE FROM test_results WHERE submission_id = ?", (submission_id,))
            await connection.execute("DELETE FROM group_results WHERE submission_id = ?", (submission_id,))
            await connection.executemany(
                "INSERT INTO group_results (submission_id, idx, name, points, earned, verdict, tests)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(submission_id, g.index, g.name, g.points, g.earned, g.verdict.value, json.dumps(g.tests))
                 for g in result.groups],
            )  # fmt: skip
            await connection.executemany(
                "INSERT INTO test_results (submission_id, idx, verdict, time_ms, wall_ms, memory_kb, exit_code,"
                " signal, sample, output, stderr, checker_message, reason)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (submission_id, t.index, t.verdict.value, t.time_ms, t.wall_ms, t.memory_kb, t.exit_code,
                     t.signal, int(t.sample), t.output, t.stderr if t.sample else "",
                     t.checker_message if t.sample else "", t.reason)
                    for t in result.tests
                ],
            )  # fmt: skip
            await connection.execute(
                "UPDATE submissions SET status = ?, verdict = ?, passed = ?, total = ?, score = ?, max_score = ?,"
                " time_ms = ?, memory_kb = ?, compile_output = ?, reason = ?, finished_at = ? WHERE id = ?",
                (Status.COMPLETED.value, result.verdict.value, result.passed, result.total, result.score,
                 result.max_score, result.time_ms, result.memory_kb, result.compile_output, result.reason,
                 utc_now(), submission_id),
            )  # fmt: skip

    async def get(self, submission_id: str) -> Submission | None:
        """The submission with its test and group results, or None."""
        row = await self.db.fetchone("SELECT * FROM submissions WHERE id = ?", (submission_id,))
        if row is None:
            return None
        tests = await self.db.fetchall(
            "SELECT * FROM test_results WHERE submission_id = ? ORDER BY idx", (submission_id,)
        )
        groups = []
        if row["max_score"] is not None:  # only a problem in groups has them
            groups = await self.db.fetchall(
                "SELECT * FROM group_results WHERE submission_id = ? ORDER BY idx", (submission_id,)
            )
        return _submission(row, [_test(t) for t in tests], [_group(g) for g in groups])

    async def list_by_owner(
        self, owner: Owner, problem: str | None, limit: int, before: str | None = None
    ) -> list[Submission]:
        """`owner`'s submissions, newest first, created before `before`; without their tests."""
        where, args = owner.where()
        query = f"SELECT * FROM submissions WHERE {where}"
        if problem:
            query += " AND problem = ?"
            args.append(problem)
        if before:
            query += " AND created_at < ?"
            args.append(before)
        query += " ORDER BY created_at DESC, id DESC LIMIT ?"
        args.append(limit)
        return [_submission(r) for r in await self.db.fetchall(query, args)]

    async def latest_unfinished(self, owner: Owner, problem: str) -> Submission | None:
        """`owner`'s newest submission to `problem` that is not judged yet; without its tests."""
        where, args = owner.where()
        row = await self.db.fetchone(
            f"SELECT * FROM submissions WHERE {where} AND problem = ? AND status != 'completed'"
            " ORDER BY created_at DESC, id DESC LIMIT 1",
            [*args, problem],
        )
        return _submission(row) if row else None

    async def marks(self, owner: Owner) -> dict[str, bool]:
        """Each problem `owner` submitted to, and whether one of those submissions was accepted."""
        where, args = owner.where()
        rows = await self.db.fetchall(
            f"SELECT problem, MAX(verdict = 'accepted') FROM submissions WHERE {where} GROUP BY problem", args
        )
        return {r[0]: bool(r[1]) for r in rows}

    async def unfinished(self) -> list[Submission]:
        """Every submission not completed, oldest first; without their tests."""
        rows = await self.db.fetchall("SELECT * FROM submissions WHERE status != 'completed' ORDER BY created_at, id")
        return [_submission(r) for r in rows]


def _submission(row: Row, tests: list[TestResult] | None = None, groups: list[GroupResult] | None = None) -> Submission:
    data = dict(row)
    data["status"] = Status(data["status"])
    data["verdict"] = Verdict(data["verdict"]) if data["verdict"] else None
    return Submission(**data, tests=tests or [], groups=groups or [])


def _group(row: Row) -> GroupResult:
    return GroupResult(index=row["idx"], name=row["name"], points=row["points"], earned=row["earned"],
                       verdict=Verdict(row["verdict"]), tests=json.loads(row["tests"]))  # fmt: skip


def _test(row: Row) -> TestResult:
    return TestResult(
        index=row["idx"], verdict=Verdict(row["verdict"]), time_ms=row["time_ms"], wall_ms=row["wall_ms"],
        memory_kb=row["memory_kb"], exit_code=row["exit_code"], signal=row["signal"], stderr=row["stderr"],
        checker_message=row["checker_message"], reason=row["reason"], sample=bool(row["sample"]),
        output=row["output"],
    )  # fmt: skip
