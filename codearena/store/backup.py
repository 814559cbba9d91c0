"""A consistent copy of the live database, taken while the server goes on writing.

Copying the file is not a backup: in WAL mode the latest commits live in the -wal file, and a
copy taken mid-write can be torn. SQLite's online backup API copies every page as of one
moment (one read transaction; in WAL mode writers are not held up) into a new file.

To restore: stop the server, copy the backup over `database_path`, start it; the migrations
bring a backup from an older version up to date.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path


class BackupError(Exception):
    pass


@dataclass(frozen=True)
class BackupInfo:
    schema_version: int
    submissions: int
    size_bytes: int


def backup(source: Path, target: Path, *, force: bool = False) -> BackupInfo:
    """Copy the database at `source` to `target`, which must not exist unless `force`.

    The copy is written beside `target` and renamed into place once it passed SQLite's
    integrity check, so `target` is never a half-written file."""
    if not source.is_file():
        raise BackupError(f"{source}: no such database; is database_path (or --config) right?")
    if target.exists() and not force:
        raise BackupError(f"{target} exists; pass --force to replace it")
    if target.exists() and target.resolve() == source.resolve():
        raise BackupError(f"{target} is the live database itself")
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.unlink(missing_ok=True)
        # mode=rw: never create an empty database where the live one was expected.
        live = sqlite3.connect(f"{source.resolve().as_uri()}?mode=rw", uri=True)
        try:
            copy = sqlite3.connect(partial)
            try:
                live.backup(copy)  # every page in one step: one snapshot
                copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
                version, submissions = _inspect(copy)
            finally:
                copy.close()
        finally:
            live.close()
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"backing up {source} to {target} failed: {exc}") from exc
    return BackupInfo(version, submissions, target.stat().st_size)


def _inspect(connection: sqlite3.Connection) -> tuple[int, int]:
    """The copy's schema version and number of submissions, once it passed the integrity check."""
    (verdict,) = connection.execute("PRAGMA integrity_check").fetchone()
    if verdict != "ok":
        raise sqlite3.DatabaseError(f"the copy fails the integrity check: {verdict}")
    (version,) = connection.execute("PRAGMA user_version").fetchone()
    has_submissions = connection.execute("SELECT 1 FROM sqlite_schema WHERE name = 'submissions'").fetchone()
    (count,) = connection.execute("SELECT count(*) FROM submissions").fetchone() if has_submissions else (0,)
    return int(version), int(count)
