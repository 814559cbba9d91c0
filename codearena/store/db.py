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
    # 3: accounts (auth = "accounts"): users, their login sessions and one-time set-password
    # links; courses with their members, assignments and extensions; a submission's user and
    # the earlier results a re-judge replaced. Anonymous submissions keep user_id NULL and stay
    # their session's.
    """
    CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        student_id TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL CHECK (role IN ('admin', 'instructor', 'student')),
        password_hash TEXT,
        created_at TEXT NOT NULL
    );
    CREATE TABLE login_sessions (
        token_hash TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        address TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX login_sessions_by_user ON login_sessions (user_id);
    CREATE TABLE password_links (
        token_hash TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
    );
    CREATE TABLE courses (
        id INTEGER PRIMARY KEY,
        slug TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        time_zone TEXT NOT NULL DEFAULT 'UTC',
        enrolment_code TEXT UNIQUE,
        created_at TEXT NOT NULL
    );
    CREATE TABLE course_members (
        course_id INTEGER NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('instructor', 'student')),
        PRIMARY KEY (course_id, user_id)
    );
    CREATE INDEX course_members_by_user ON course_members (user_id);
    CREATE TABLE assignments (
        id INTEGER PRIMARY KEY,
        course_id INTEGER NOT NULL REFERENCES courses (id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        opens_at TEXT NOT NULL,
        due_at TEXT NOT NULL,
        late_until TEXT,
        late_rule TEXT NOT NULL DEFAULT '',
        after_due TEXT NOT NULL DEFAULT 'late' CHECK (after_due IN ('late', 'ignored')),
        time_limit_min INTEGER,
        created_at TEXT NOT NULL
    );
    CREATE INDEX assignments_by_course ON assignments (course_id);
    CREATE TABLE assignment_problems (
        assignment_id INTEGER NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
        problem TEXT NOT NULL,
        points REAL NOT NULL DEFAULT 100,
        position INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (assignment_id, problem)
    );
    CREATE INDEX assignment_problems_by_problem ON assignment_problems (problem);
    CREATE TABLE extensions (
        assignment_id INTEGER NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        due_at TEXT NOT NULL,
        late_until TEXT,
        PRIMARY KEY (assignment_id, user_id)
    );
    CREATE TABLE timed_starts (
        assignment_id INTEGER NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        started_at TEXT NOT NULL,
        PRIMARY KEY (assignment_id, user_id)
    );
    ALTER TABLE submissions ADD COLUMN user_id INTEGER REFERENCES users (id);
    CREATE INDEX submissions_by_user ON submissions (user_id, created_at DESC, id) WHERE user_id IS NOT NULL;
    CREATE INDEX submissions_by_user_problem ON submissions (user_id, problem, created_at DESC, id)
        WHERE user_id IS NOT NULL;
    CREATE INDEX submissions_by_problem ON submissions (problem, created_at DESC, id);
    CREATE TABLE rejudges (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES users (id),
        scope TEXT NOT NULL
    );
    CREATE TABLE earlier_results (
        rejudge_id INTEGER NOT NULL REFERENCES rejudges (id) ON DELETE CASCADE,
        submission_id TEXT NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
        verdict TEXT,
        passed INTEGER NOT NULL,
        total INTEGER NOT NULL,
        PRIMARY KEY (rejudge_id, submission_id)
    );
    """,
    # 4: what a grade export reads of each submission, in one covering index: no table lookups
    # for a course's tens of thousands of submissions
    """
    CREATE INDEX submissions_scores ON submissions (user_id, problem, status, created_at, passed, total)
        WHERE user_id IS NOT NULL;
    """,
    # 5: contests: problems with labels, a time window, a scoring rule, and who takes part (a
    # course's students and/or a list of users)
    """
    CREATE TABLE contests (
        id INTEGER PRIMARY KEY,
        slug TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        course_id INTEGER REFERENCES courses (id) ON DELETE CASCADE,
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL,
        rule TEXT NOT NULL DEFAULT 'icpc' CHECK (rule IN ('icpc', 'points')),
        penalty_min INTEGER NOT NULL DEFAULT 20,
        compile_errors_count INTEGER NOT NULL DEFAULT 0,
        freeze_min INTEGER,
        created_by INTEGER REFERENCES users (id),
        created_at TEXT NOT NULL
    );
    CREATE TABLE contest_problems (
        contest_id INTEGER NOT NULL REFERENCES contests (id) ON DELETE CASCADE,
        label TEXT NOT NULL,
        problem TEXT NOT NULL,
        points REAL NOT NULL DEFAULT 100,
        PRIMARY KEY (contest_id, label)
    );
    CREATE TABLE contest_participants (
        contest_id INTEGER NOT NULL REFERENCES contests (id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        PRIMARY KEY (contest_id, user_id)
    );
    """,
    # 6: a contest's clarifications: a participant's question about a problem (a label, or
    # 'general') with the jury's answer to the asker or to all; and the jury's announcements
    """
    CREATE TABLE clarifications (
        id INTEGER PRIMARY KEY,
        contest_id INTEGER NOT NULL REFERENCES contests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('question', 'announcement')),
        author_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
        problem TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        answer TEXT,
        answered_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
        answered_at TEXT,
        answer_to TEXT CHECK (answer_to IN ('asker', 'all'))
    );
    CREATE INDEX clarifications_by_contest ON clarifications (contest_id, id);
    """,
    # 7: a contest's lifecycle: whether its problems become practice problems when it ends, when
    # its jury revealed the standings frozen to participants, and virtual runs (a participant
    # replaying the finished contest in a window of their own, from `started_at`)
    """
    ALTER TABLE contests ADD COLUMN practice_after_end INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE contests ADD COLUMN revealed_at TEXT;
    CREATE TABLE virtual_runs (
        contest_id INTEGER NOT NULL REFERENCES contests (id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        started_at TEXT NOT NULL,
        PRIMARY KEY (contest_id, user_id)
    );
    CREATE INDEX virtual_runs_by_user ON virtual_runs (user_id);
    """,
    # 8: contests anyone signed in may register for, until they end
    """
    ALTER TABLE contests ADD COLUMN open_registration INTEGER NOT NULL DEFAULT 0;
    """,
    # 9: problems in groups of tests (subtasks, IOI style): a submission's score in points (NULL
    # for a problem without groups) and each group's result; the grade export's covering index
    # reads the score too
    """
    ALTER TABLE submissions ADD COLUMN score INTEGER;
    ALTER TABLE submissions ADD COLUMN max_score INTEGER;
    CREATE TABLE group_results (
        submission_id TEXT NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        name TEXT NOT NULL,
        points INTEGER NOT NULL,
        earned INTEGER NOT NULL,
        verdict TEXT NOT NULL,
        tests TEXT NOT NULL,
        PRIMARY KEY (submission_id, idx)
    );
    DROP INDEX submissions_scores;
    CREATE INDEX submissions_scores
        ON submissions (user_id, problem, status, created_at, passed, total, score, max_score)
        WHERE user_id IS NOT NULL;
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
