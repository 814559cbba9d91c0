"""Courses and who is in them."""

from __future__ import annotations

from dataclasses import dataclass

from codearena.store.db import Database


@dataclass(frozen=True)
class Course:
    id: int
    slug: str
    title: str
    time_zone: str


class CourseStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def course(self, slug: str) -> Course | None:
        return await self._course("slug", slug)

    async def course_by_id(self, course_id: int) -> Course | None:
        return await self._course("id", course_id)

    async def _course(self, column: str, value: object) -> Course | None:
        row = await self.db.fetchone(f"SELECT id, slug, title, time_zone FROM courses WHERE {column} = ?", (value,))
        return Course(row["id"], row["slug"], row["title"], row["time_zone"]) if row else None

    async def member_role(self, course_id: int, user_id: int) -> str | None:
        """The user's role in the course: "instructor", "student", or None (not in it)."""
        row = await self.db.fetchone(
            "SELECT role FROM course_members WHERE course_id = ? AND user_id = ?", (course_id, user_id)
        )
        return str(row[0]) if row else None

    async def teaches(self, instructor_id: int, student_id: int) -> bool:
        """Whether `instructor_id` is an instructor of a course `student_id` belongs to."""
        row = await self.db.fetchone(
            "SELECT 1 FROM course_members AS teacher JOIN course_members AS student USING (course_id)"
            " WHERE teacher.user_id = ? AND teacher.role = 'instructor' AND student.user_id = ? LIMIT 1",
            (instructor_id, student_id),
        )
        return row is not None
