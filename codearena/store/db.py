"""The SQLite file: opened in WAL mode, migrated to the current schema, with a small meta table.

Migrations are numbered by their place in MIGRATIONS and recorded in `PRAGMA user_version`; a
released migration is never edited, a change of schema is a new one at the end.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiosqlite

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
    # 2: why a test or a submission failed, in words; how many times judging started, so a
    # submission that keeps killing the server is given up on instead of retried forever
    """
    ALTER TABLE submissions ADD COLUMN reason TEXT NOT NULL DEFAULT '';
    ALTER TABLE submissions ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE test_results ADD COLUMN reason TEXT NOT NULL DEFAULT '';
    """,
]

Row = aiosqlite.Row


class Database:
    """One connection, owned by the app; every write is committed before it returns."""

    def __init__(self, connection: aiosqlite.Connection) -> None:
        self.connection = connection
        # One connection is shared by every task: writes take the lock so that one task's
        # commit never lands in the middle of another's transaction.
        self._write_lock = asyncio.Lock()
        self._closed = False

    @classmethod
    async def open(cls, path: Path) -> Database:
        connection = await aiosqlite.connect(path)
        try:
            connection.row_factory = aiosqlite.Row
            await connection.execute("PRAGMA journal_mode = WAL")
            # WAL with NORMAL: a committed submission survives a killed process; only an OS
            # crash may lose the last transactions.
            await connection.execute("PRAGMA synchronous = NORMAL")
            await connection.execute("PRAGMA foreign_keys = ON")
            await connection.execute("PRAGMA busy_timeout = 5000")
            database = cls(connection)
            await database.migrate()
        except BaseException:
            await connection.close()
            raise
        return database

    async def version(self) -> int:
        row = await self.fetchone("PRAGMA user_version")
        return int(row[0]) if row else 0

    async def migrate(self) -> None:
        version = await self.version()
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            await self.connection.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")

    async def close(self) -> None:
        """Close the connection; safe to call twice."""
        if not self._closed:
            self._closed = True
            await self.connection.close()

    @asynccontextmanager
    async def write(self) -> AsyncIterator[aiosqlite.Connection]:
        """A transaction of its own: committed when the block ends, rolled back if it raises."""
        async with self._write_lock:
            try:
                yield self.connection
            except BaseException:
                await self.connection.rollback()
                raise
            await self.connection.commit()

    async def fetchone(self, sql: str, args: Iterable[Any] = ()) -> Row | None:
        async with self.connection.execute(sql, tuple(args)) as cursor:
            row: Row | None = await cursor.fetchone()
            return row

    async def fetchall(self, sql: str, args: Iterable[Any] = ()) -> list[Row]:
        async with self.connection.execute(sql, tuple(args)) as cursor:
            return list(await cursor.fetchall())

    async def meta(self, key: str, default: str) -> str:
        """The stored value of `key`, storing `default` first if there is none."""
        async with self.write() as connection:
            await connection.execute("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)", (key, default))
        row = await self.fetchone("SELECT value FROM meta WHERE key = ?", (key,))
        assert row is not None
        return str(row[0])
