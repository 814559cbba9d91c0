"""The SQLite store on a real file: migrations, the submission store's reads and writes."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest_asyncio

from codearena.domain.text import valid_text
from codearena.domain.verdicts import JudgeResult, Status, Verdict
from codearena.domain.verdicts import TestResult as CaseResult  # a Test* name would be collected
from codearena.store.db import MIGRATIONS, Database
from codearena.store.submissions import Owner, SubmissionStore


@pytest_asyncio.fixture
async def store(tmp_path: Path) -> AsyncIterator[SubmissionStore]:
    database = await Database.open(tmp_path / "codearena.db")
    try:
        yield SubmissionStore(database)
    finally:
        await database.close()


def judged(*tests: CaseResult, reason: str = "") -> JudgeResult:
    failing = next((t for t in tests if t.verdict != Verdict.ACCEPTED), None)
    return JudgeResult(verdict=failing.verdict if failing else Verdict.ACCEPTED, reason=reason,
                       passed=sum(t.verdict == Verdict.ACCEPTED for t in tests), total=len(tests),
                       time_ms=max(t.time_ms for t in tests), memory_kb=max(t.memory_kb for t in tests),
                       tests=list(tests))  # fmt: skip


async def test_a_version_1_database_is_migrated_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as old:
        old.executescript(MIGRATIONS[0] + "\nPRAGMA user_version = 1;")
        old.execute(
            "INSERT INTO submissions (id, session, problem, language, source, status, verdict, passed, total,"
            " created_at) VALUES ('00000000000000aa', 's1', 'a-plus-b', 'python', 'print(3)', 'completed',"
            " 'wrong_answer', 1, 2, '2025-01-02T03:04:05.678Z')"
        )
        old.execute(
            "INSERT INTO test_results (submission_id, idx, verdict, time_ms, wall_ms, memory_kb, sample, output)"
            " VALUES ('00000000000000aa', 1, 'wrong_answer', 5, 6, 700, 1, '3\n')"
        )
    old.close()
    database = await Database.open(path)
    try:
        assert await database.version() == len(MIGRATIONS)
        submission = await SubmissionStore(database).get("00000000000000aa")
        assert submission is not None
        assert (submission.verdict, submission.reason, submission.attempts) == (Verdict.WRONG_ANSWER, "", 0)
        assert [(t.index, t.output, t.reason) for t in submission.tests] == [(1, "3\n", "")]
    finally:
        await database.close()
        await database.close()  # safe twice


async def test_result_keeps_reasons_and_drops_hidden_tests_stderr(store: SubmissionStore) -> None:
    created = await store.create(Owner("s1"), "a-plus-b", "cpp", "int main() {}")
    assert created.status == Status.QUEUED and created.verdict is None and created.created_at.endswith("Z")
    sample = CaseResult(index=1, verdict=Verdict.ACCEPTED, time_ms=3, memory_kb=900, sample=True, output="3\n",
                        stderr="debug\n")  # fmt: skip
    hidden = CaseResult(index=2, verdict=Verdict.RUNTIME_ERROR, time_ms=4, memory_kb=1000, exit_code=3,
                        stderr="secret input was 42\n", reason="exit code 3")  # fmt: skip
    await store.save_result(created.id, judged(sample, hidden, reason="exit code 3"))
    stored = await store.get(created.id)
    assert stored is not None and stored.status == Status.COMPLETED and stored.finished_at
    assert (stored.verdict, stored.reason, stored.passed, stored.total) == (Verdict.RUNTIME_ERROR, "exit code 3", 1, 2)
    assert stored.tests[0].stderr == "debug\n" and stored.tests[0].output == "3\n"
    assert stored.tests[1].reason == "exit code 3" and stored.tests[1].exit_code == 3
    assert stored.tests[1].stderr == "", "a hidden test's stderr is not kept"


async def created_at(store: SubmissionStore, submission_id: str, when: str) -> None:
    """Set when a submission was made: ones made in the same millisecond would sort by their random ids."""
    async with store.db.write() as connection:
        await connection.execute("UPDATE submissions SET created_at = ? WHERE id = ?", (when, submission_id))


async def test_listing_marks_unfinished_and_attempts(store: SubmissionStore) -> None:
    first = await store.create(Owner("alice"), "a-plus-b", "python", "print(1)")
    second = await store.create(Owner("alice"), "two-sum", "python", "print(2)")
    other = await store.create(Owner("bob"), "a-plus-b", "python", "print(3)")
    for n, s in enumerate((first, second, other), start=1):
        await created_at(store, s.id, f"2025-01-02T03:04:0{n}.000Z")
    ok = CaseResult(index=1, verdict=Verdict.ACCEPTED)
    await store.save_result(first.id, judged(ok))
    listed = await store.list_by_owner(Owner("alice"), None, 10)
    assert [s.id for s in listed] == [second.id, first.id] and all(s.tests == [] for s in listed)
    assert [s.id for s in await store.list_by_owner(Owner("alice"), "a-plus-b", 10)] == [first.id]
    assert [s.id for s in await store.list_by_owner(Owner("alice"), None, 10, before="2025-01-02T03:04:02.000Z")] == [
        first.id
    ]
    assert await store.marks(Owner("alice")) == {"a-plus-b": True, "two-sum": False}
    assert [s.id for s in await store.unfinished()] == [second.id, other.id], "oldest first"
    assert await store.begin_attempt(second.id) == 1
    assert await store.begin_attempt(second.id) == 2
    assert (await store.unfinished())[0].attempts == 2
    assert await store.get("ffffffffffffffff") is None


def test_valid_text_replaces_what_utf8_cannot_hold() -> None:
    assert valid_text("plain é ✓") == "plain é ✓"
    assert valid_text(b"caf\xc3".decode("utf-8", "surrogateescape") + "!") == "caf\ufffd!", "a cut sequence"
    assert valid_text("\ud800x\udfff") == "\ufffdx\ufffd", "lone surrogates that are not escapes"
    assert valid_text("\udcff").encode("utf-8") == "\ufffd".encode()


async def test_the_latest_unfinished_submission_is_the_newest_not_completed_of_that_session_and_problem(
    store: SubmissionStore,
) -> None:
    assert await store.latest_unfinished(Owner("alice"), "a-plus-b") is None
    older = await store.create(Owner("alice"), "a-plus-b", "python", "print(1)")
    await asyncio.sleep(0.002)  # created_at has milliseconds: one apart, so that newer is newer
    newer = await store.create(Owner("alice"), "a-plus-b", "python", "print(2)")
    await store.create(Owner("alice"), "two-sum", "python", "print(3)")  # another problem
    await store.create(Owner("bob"), "a-plus-b", "python", "print(4)")  # another session
    found = await store.latest_unfinished(Owner("alice"), "a-plus-b")
    assert found is not None and found.id == newer.id
    await store.set_status(newer.id, Status.RUNNING)
    found = await store.latest_unfinished(Owner("alice"), "a-plus-b")
    assert found is not None and (found.id, found.status) == (newer.id, Status.RUNNING)
    await store.save_result(newer.id, judged(CaseResult(index=1, verdict=Verdict.ACCEPTED)))
    found = await store.latest_unfinished(Owner("alice"), "a-plus-b")
    assert found is not None and found.id == older.id, "a judged one is not followed again"
    await store.save_result(older.id, judged(CaseResult(index=1, verdict=Verdict.ACCEPTED)))
    assert await store.latest_unfinished(Owner("alice"), "a-plus-b") is None
