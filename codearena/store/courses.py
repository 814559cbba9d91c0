"""Courses and who is in them."""

from __future__ import annotations

from codearena.store.db import Database


class CourseStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def teaches(self, instructor_id: int, student_id: int) -> bool:
        """Whether `instructor_id` is an instructor of a course `student_id` belongs to."""
        row = await self.db.fetchone(
            "SELECT 1 FROM course_members AS teacher JOIN course_members AS student USING (course_id)"
            " WHERE teacher.user_id = ? AND teacher.role = 'instructor' AND student.user_id = ? LIMIT 1",
            (instructor_id, student_id),
        )
        return row is not None
