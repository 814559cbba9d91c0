"""`codearena backup`: a consistent copy of the live database, and restoring it."""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from codearena.cli import main
from codearena.store.backup import BackupError, backup
from codearena.store.db import MIGRATIONS, Database
from codearena.store.submissions import Owner, SubmissionStore
from server_helpers import write_config

SOURCE = "print(sum(map(int, input().split())))\n" + "#" * 20_000  # some bulk, so the copy takes a while


async def test_a_backup_taken_while_submissions_are_written_is_whole(tmp_path: Path) -> None:
    live = tmp_path / "live.db"
    database = await Database.open(live)
    # Every commit stays in the -wal file, as the latest ones do on a live server: a copy of
    # the database file alone would hold none of them.
    await database.connection.execute("PRAGMA wal_autocheckpoint = 0")
    store = SubmissionStore(database)
    before = {(await store.create(Owner("s"), "a-plus-b", "python", SOURCE)).id for _ in range(300)}
    written: list[str] = []
    copying = asyncio.Event()
    stop = asyncio.Event()

    async def keep_writing() -> None:
        while not stop.is_set():
            submission = await store.create(Owner("s"), "a-plus-b", "python", SOURCE)
            if copying.is_set():
                written.append(submission.id)

    writer = asyncio.create_task(keep_writing())
    try:
        await asyncio.sleep(0.05)  # the writer is under way
        copying.set()
        info = await asyncio.to_thread(backup, live, tmp_path / "copy.db")
        copying.clear()
    finally:
        stop.set()
        await writer
        await database.close()
    assert written, "no submission was written while the backup ran: the test proved nothing"

    copy = sqlite3.connect(tmp_path / "copy.db")
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        saved = {row[0] for row in copy.execute("SELECT id FROM submissions")}
    finally:
        copy.close()
    assert before <= saved  # every submission committed before the backup began
    assert len(saved) == info.submissions and info.schema_version == len(MIGRATIONS)
    assert not (tmp_path / "copy.db-wal").exists()  # one self-contained file

    # Restore: the server stopped, the backup copied over database_path, the server started.
    restored = tmp_path / "restored.db"
    shutil.copy(tmp_path / "copy.db", restored)
    database = await Database.open(restored)
    try:
        store = SubmissionStore(database)
        for submission_id in before:
            found = await store.get(submission_id)
            assert found is not None and found.source == SOURCE
    finally:
        await database.close()


async def test_restoring_a_backup_of_an_older_schema_brings_it_up_to_date(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    connection = sqlite3.connect(old)
    connection.executescript(f"BEGIN; {MIGRATIONS[0]} PRAGMA user_version = 1; COMMIT;")
    connection.execute(
        "INSERT INTO submissions (id, session, problem, language, source, status, created_at)"
        " VALUES ('0123456789abcdef', 's', 'a-plus-b', 'python', 'print(1)', 'completed', '2026-01-01T00:00:00.000Z')"
    )
    connection.commit()
    connection.close()
    assert backup(old, tmp_path / "copy.db").schema_version == 1

    database = await Database.open(tmp_path / "copy.db")
    try:
        assert await database.version() == len(MIGRATIONS)
        found = await SubmissionStore(database).get("0123456789abcdef")
        assert found is not None and found.source == "print(1)"
    finally:
        await database.close()


def test_a_backup_never_replaces_a_file_unless_forced_nor_invents_a_database(tmp_path: Path) -> None:
    live = tmp_path / "live.db"
    sqlite3.connect(live).close()
    target = tmp_path / "backup.db"
    target.write_text("an older backup")
    with pytest.raises(BackupError, match="--force"):
        backup(live, target)
    assert target.read_text() == "an older backup"
    with pytest.raises(BackupError, match="no such database"):
        backup(tmp_path / "absent.db", tmp_path / "other.db")
    assert not (tmp_path / "absent.db").exists() and not (tmp_path / "other.db").exists()
    backup(live, target, force=True)
    with closing(sqlite3.connect(target)) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.db", "live.db"]  # no partial file left


def test_the_backup_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path / "config.toml", database_path=tmp_path / "live.db")
    sqlite3.connect(tmp_path / "live.db").close()
    target = str(tmp_path / "b.db")
    assert main(["--config", str(config), "backup", target]) == 0
    assert capsys.readouterr().out.startswith(f"backed up {tmp_path / 'live.db'} to {target}: 0 submissions")
    assert main(["--config", str(config), "backup", target]) == 2
    assert "exists; pass --force" in capsys.readouterr().err
    assert main(["--config", str(config), "backup", target, "--force"]) == 0
