"""SQLite storage of submissions and their per-test results (WAL, versioned migrations)."""

from __future__ import annotations

import asyncio
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiosqlite

from codearena.domain.verdicts import JudgeResult, Status

MIGRATIONS: list[str] = [
    # 1: submissions, their test results, and server metadata (the session-signing key)
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE submissions (
        id TEXT PRIMARY KEY,
        session TEXT NOT NULL,
        problem TEXT NOT NULL,
        language TEXT NOT NULL,
        source TEXT NOT NULL,
        status TEXT NOT NULL,
        verdict TEXT,
        passed INTEGER NOT NULL DEFAULT 0,
        total INTEGER NOT NULL DEFAULT 0,
        time_ms INTEGER NOT NULL DEFAULT 0,
        memory_kb INTEGER NOT NULL DEFAULT 0,
        compile_output TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        finished_at TEXT
    );
    CREATE INDEX submissions_by_session ON submissions (session, created_at DESC, id);
    CREATE INDEX submissions_by_session_problem ON submissions (session, problem, created_at DESC, id);
    CREATE INDEX submissions_unfinished ON submissions (created_at) WHERE status != 'completed';
    CREATE TABLE test_results (
        submission_id TEXT NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        verdict TEXT NOT NULL,
        time_ms INTEGER NOT NULL,
        wall_ms INTEGER NOT NULL,
        memory_kb INTEGER NOT NULL,
        exit_code INTEGER,
        signal INTEGER,
        sample INTEGER NOT NULL,
        output TEXT,
        stderr TEXT NOT NULL DEFAULT '',
        checker_message TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (submission_id, idx)
    );
    """,
]


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_submission_id() -> str:
    return secrets.token_hex(8)


@dataclass
class SubmissionRow:
    id: str
    session: str
    problem: str
    language: str
    source: str
    status: Status
    verdict: str | None
    passed: int
    total: int
    time_ms: int
    memory_kb: int
    compile_output: str
    created_at: str
    finished_at: str | None


class Storage:
    """One connection, owned by the app; every write is committed before it returns."""

    def __init__(self, db: aiosqlite.Connection) -> None:
        self.db = db
        # One connection is shared by every task: writes take the lock so that one task's
        # commit never lands in the middle of another's transaction.
        self.write_lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: Path) -> Storage:
        db = await aiosqlite.connect(path)
        try:
            db.row_factory = aiosqlite.Row
            await db.execute("PRAGMA journal_mode = WAL")
            # WAL with NORMAL: a committed submission survives a killed process; only an OS
            # crash may lose the last transactions.
            await db.execute("PRAGMA synchronous = NORMAL")
            await db.execute("PRAGMA foreign_keys = ON")
            await db.execute("PRAGMA busy_timeout = 5000")
            storage = cls(db)
            await storage.migrate()
        except BaseException:
            await db.close()
            raise
        return storage

    async def migrate(self) -> None:
        version = (await (await self.db.execute("PRAGMA user_version")).fetchone() or [0])[0]
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            await self.db.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")

    async def close(self) -> None:
        await self.db.close()

    async def meta(self, key: str, default: str) -> str:
        """The stored value of `key`, storing `default` first if there is none."""
        async with self.write_lock:
            await self.db.execute("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)", (key, default))
            await self.db.commit()
        row = await (await self.db.execute("SELECT value FROM meta WHERE key = ?", (key,))).fetchone()
        assert row is not None
        return str(row[0])

    async def create_submission(self, session: str, problem: str, language: str, source: str) -> SubmissionRow:
        row = SubmissionRow(
            id=new_submission_id(), session=session, problem=problem, language=language, source=source,
            status=Status.QUEUED, verdict=None, passed=0, total=0, time_ms=0, memory_kb=0,
            compile_output="", created_at=utc_now(), finished_at=None,
        )  # fmt: skip
        async with self.write_lock:
            await self.db.execute(
                "INSERT INTO submissions (id, session, problem, language, source, status, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (row.id, session, problem, language, source, row.status.value, row.created_at),
            )
            await self.db.commit()
        return row

    async def set_status(self, submission_id: str, status: Status) -> None:
        async with self.write_lock:
            await self.db.execute("UPDATE submissions SET status = ? WHERE id = ?", (status.value, submission_id))
            await self.db.commit()

    async def save_result(self, submission_id: str, result: JudgeResult) -> None:
        """Store the verdict and every test's result in one transaction."""
        async with self.write_lock:
            await self.db.execute("DELETE FROM test_results WHERE submission_id = ?", (submission_id,))
            await self.db.executemany(
                "INSERT INTO test_results (submission_id, idx, verdict, time_ms, wall_ms, memory_kb, exit_code,"
                " signal, sample, output, stderr, checker_message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (submission_id, t.index, t.verdict.value, t.time_ms, t.wall_ms, t.memory_kb, t.exit_code,
                     t.signal, int(t.sample), t.output, t.stderr if t.sample else "",
                     t.checker_message if t.sample else "")
                    for t in result.tests
                ],
            )  # fmt: skip
            await self.db.execute(
                "UPDATE submissions SET status = ?, verdict = ?, passed = ?, total = ?, time_ms = ?, memory_kb = ?,"
                " compile_output = ?, finished_at = ? WHERE id = ?",
                (Status.COMPLETED.value, result.verdict.value, result.passed, result.total, result.time_ms,
                 result.memory_kb, result.compile_output, utc_now(), submission_id),
            )  # fmt: skip
            await self.db.commit()

    async def get(self, submission_id: str) -> SubmissionRow | None:
        cursor = await self.db.execute("SELECT * FROM submissions WHERE id = ?", (submission_id,))
        row = await cursor.fetchone()
        return _row(row) if row else None

    async def tests(self, submission_id: str) -> list[dict[str, Any]]:
        cursor = await self.db.execute(
            "SELECT * FROM test_results WHERE submission_id = ? ORDER BY idx", (submission_id,)
        )
        return [dict(r) for r in await cursor.fetchall()]

    async def list_for_session(
        self, session: str, problem: str | None, limit: int, before: str | None = None
    ) -> list[SubmissionRow]:
        query = "SELECT * FROM submissions WHERE session = ?"
        args: list[Any] = [session]
        if problem:
            query += " AND problem = ?"
            args.append(problem)
        if before:
            query += " AND created_at < ?"
            args.append(before)
        query += " ORDER BY created_at DESC, id DESC LIMIT ?"
        args.append(limit)
        cursor = await self.db.execute(query, args)
        return [_row(r) for r in await cursor.fetchall()]

    async def problem_marks(self, session: str) -> dict[str, bool]:
        """Each problem `session` submitted to, and whether one of those submissions was accepted."""
        cursor = await self.db.execute(
            "SELECT problem, MAX(verdict = 'accepted') FROM submissions WHERE session = ? GROUP BY problem", (session,)
        )
        return {r[0]: bool(r[1]) for r in await cursor.fetchall()}

    async def unfinished(self) -> list[str]:
        cursor = await self.db.execute("SELECT id FROM submissions WHERE status != 'completed' ORDER BY created_at, id")
        return [r[0] for r in await cursor.fetchall()]

    async def count_by_verdict(self) -> dict[str, int]:
        cursor = await self.db.execute(
            "SELECT verdict, COUNT(*) FROM submissions WHERE verdict IS NOT NULL GROUP BY verdict"
        )
        return {r[0]: r[1] for r in await cursor.fetchall()}


def _row(row: Any) -> SubmissionRow:
    data = dict(row)
    data["status"] = Status(data["status"])
    return SubmissionRow(**data)
