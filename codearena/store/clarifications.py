"""A contest's clarifications: participants' questions with the jury's answers, and announcements.

Who may see which is decided in services/clarifications.py; this module stores and reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from codearena.store.db import Database, Row
from codearena.store.submissions import utc_now


class Kind(StrEnum):
    QUESTION = "question"
    ANNOUNCEMENT = "announcement"


class AnswerTo(StrEnum):
    """Who reads an answer: the participant who asked, or every participant."""

    ASKER = "asker"
    ALL = "all"


@dataclass(frozen=True)
class Clarification:
    id: int
    contest_id: int
    kind: Kind
    author_id: int | None  # the asker, or the jury member who announced; None once deleted
    author: str  # their username ("" once deleted)
    problem: str  # a problem's label, or "general"
    text: str
    created_at: str
    answer: str | None = None
    answered_by: str = ""  # the jury member's username
    answered_at: str | None = None
    answer_to: AnswerTo | None = None

    @property
    def is_open(self) -> bool:
        """A question waiting for its answer."""
        return self.kind == Kind.QUESTION and self.answer is None


SELECT = (
    "SELECT c.*, coalesce(a.username, '') AS author, coalesce(j.username, '') AS answerer FROM clarifications AS c"
    " LEFT JOIN users AS a ON a.id = c.author_id LEFT JOIN users AS j ON j.id = c.answered_by"
)


class ClarificationStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def add(self, contest_id: int, kind: Kind, author_id: int, problem: str, text: str) -> int:
        """A new question or announcement; its id."""
        async with self.db.write() as connection:
            cursor = await connection.execute(
                "INSERT INTO clarifications (contest_id, kind, author_id, problem, text, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (contest_id, kind.value, author_id, problem, text, utc_now()),
            )
            new_id = int(cursor.lastrowid or 0)
            await cursor.close()
        return new_id

    async def answer(self, clarification_id: int, user_id: int, text: str, to: AnswerTo) -> None:
        """Set a question's answer, replacing any earlier one."""
        async with self.db.write() as connection:
            await connection.execute(
                "UPDATE clarifications SET answer = ?, answered_by = ?, answered_at = ?, answer_to = ?"
                " WHERE id = ? AND kind = 'question'",
                (text, user_id, utc_now(), to.value, clarification_id),
            )

    async def get(self, contest_id: int, clarification_id: int) -> Clarification | None:
        row = await self.db.fetchone(f"{SELECT} WHERE c.contest_id = ? AND c.id = ?", (contest_id, clarification_id))
        return _clarification(row) if row else None

    async def of_contest(self, contest_id: int) -> list[Clarification]:
        """All of a contest's clarifications, oldest first."""
        rows = await self.db.fetchall(f"{SELECT} WHERE c.contest_id = ? ORDER BY c.id", (contest_id,))
        return [_clarification(row) for row in rows]

    async def open_questions(self, contest_id: int, user_id: int) -> int:
        """How many of a participant's questions wait for an answer."""
        row = await self.db.fetchone(
            "SELECT count(*) FROM clarifications"
            " WHERE contest_id = ? AND author_id = ? AND kind = 'question' AND answer IS NULL",
            (contest_id, user_id),
        )
        return int(row[0]) if row else 0


def _clarification(row: Row) -> Clarification:
    return Clarification(id=row["id"], contest_id=row["contest_id"], kind=Kind(row["kind"]),
                         author_id=row["author_id"], author=row["author"], problem=row["problem"], text=row["text"],
                         created_at=row["created_at"], answer=row["answer"], answered_by=row["answerer"],
                         answered_at=row["answered_at"],
                         answer_to=AnswerTo(row["answer_to"]) if row["answer_to"] else None)  # fmt: skip
