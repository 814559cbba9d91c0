"""Courses and who is in them."""

from __future__ import annotations

import aiosqlite

from codearena.domain.accounts import User
from codearena.domain.courses import Course, Member, MemberRole, RosterCounts, RosterRow, RowProblem
from codearena.store.accounts import user_of_row
from codearena.store.db import Database, Row
from codearena.store.submissions import utc_now


class RosterConflict(Exception):
    """Rows that clash with existing accounts; the import was rolled back."""

    def __init__(self, rows: list[RowProblem]) -> None:
        super().__init__(f"{len(rows)} rows clash with existing accounts")
        self.rows = rows


class CourseStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def by_id(self, course_id: int) -> Course | None:
        row = await self.db.fetchone("SELECT * FROM courses WHERE id = ?", (course_id,))
        return _course(row) if row else None

    async def teaches(self, instructor_id: int, student_id: int) -> bool:
        """Whether `instructor_id` is an instructor of a course `student_id` belongs to."""
        row = await self.db.fetchone(
            "SELECT 1 FROM course_members AS teacher JOIN course_members AS student USING (course_id)"
            " WHERE teacher.user_id = ? AND teacher.role = 'instructor' AND student.user_id = ? LIMIT 1",
            (instructor_id, student_id),
        )
        return row is not None

    async def create(self, slug: str, title: str, time_zone: str, instructor_id: int) -> Course | None:
        """The new course with its first instructor; None if the slug is taken."""
        async with self.db.write() as connection:
            if await connection.execute_fetchall("SELECT 1 FROM courses WHERE slug = ?", (slug,)):
                return None
            cursor = await connection.execute(
                "INSERT INTO courses (slug, title, time_zone, created_at) VALUES (?, ?, ?, ?)",
                (slug, title, time_zone, utc_now()),
            )
            course_id = cursor.lastrowid
            await cursor.close()
            await connection.execute(
                "INSERT INTO course_members (course_id, user_id, role) VALUES (?, ?, 'instructor')",
                (course_id, instructor_id),
            )
        return await self.by_slug(slug)

    async def by_slug(self, slug: str) -> Course | None:
        row = await self.db.fetchone("SELECT * FROM courses WHERE slug = ?", (slug,))
        return _course(row) if row else None

    async def by_code(self, code: str) -> Course | None:
        row = await self.db.fetchone("SELECT * FROM courses WHERE enrolment_code = ?", (code,))
        return _course(row) if row else None

    async def every(self) -> list[Course]:
        return [_course(r) for r in await self.db.fetchall("SELECT * FROM courses ORDER BY title, slug")]

    async def of_user(self, user_id: int) -> list[Course]:
        rows = await self.db.fetchall(
            "SELECT courses.* FROM courses JOIN course_members ON course_members.course_id = courses.id"
            " WHERE course_members.user_id = ? ORDER BY title, slug",
            (user_id,),
        )
        return [_course(r) for r in rows]

    async def role_in(self, course_id: int, user_id: int) -> MemberRole | None:
        row = await self.db.fetchone(
            "SELECT role FROM course_members WHERE course_id = ? AND user_id = ?", (course_id, user_id)
        )
        return MemberRole(row[0]) if row else None

    async def students(self, course_id: int) -> list[User]:
        """The course's students, by name."""
        rows = await self.db.fetchall(
            "SELECT u.* FROM users AS u JOIN course_members AS m ON m.user_id = u.id"
            " WHERE m.course_id = ? AND m.role = 'student' ORDER BY u.name COLLATE NOCASE, u.username",
            (course_id,),
        )
        return [user_of_row(r) for r in rows]

    async def members(self, course_id: int) -> list[Member]:
        rows = await self.db.fetchall(
            "SELECT users.*, course_members.role AS member_role FROM course_members"
            " JOIN users ON users.id = course_members.user_id WHERE course_id = ?"
            " ORDER BY course_members.role, users.name, users.username",
            (course_id,),
        )
        return [Member(user=user_of_row(r), role=MemberRole(r["member_role"])) for r in rows]

    async def add_member(self, course_id: int, user_id: int, role: MemberRole) -> bool:
        """Whether `user_id` was added (False if already a member, whose role stays as it was)."""
        async with self.db.write() as connection:
            return await _enrol(connection, course_id, user_id, role)

    async def set_code(self, course_id: int, code: str) -> bool:
        """False if another course has `code` (the caller draws another)."""
        async with self.db.write() as connection:
            if await connection.execute_fetchall("SELECT 1 FROM courses WHERE enrolment_code = ?", (code,)):
                return False
            await connection.execute("UPDATE courses SET enrolment_code = ? WHERE id = ?", (code, course_id))
        return True

    async def import_roster(self, course_id: int, rows: list[tuple[RosterRow, str]]) -> RosterCounts:
        """Each (row, username base): the student matched by student id, else by email, updated
        and enrolled; or a new student account (no password), enrolled. One transaction: a row
        that clashes with an existing account raises RosterConflict and nothing is written."""
        counts = RosterCounts()
        problems: list[RowProblem] = []
        async with self.db.write() as connection:
            for row, base in rows:
                user, problem = await _match(connection, row)
                if problem:
                    problems.append(RowProblem(line=row.line, message=problem))
                    continue
                changed = False
                if user is None:
                    user_id = await _new_student(connection, row, await _free_username(connection, base))
                else:
                    user_id, changed = user.id, await _update(connection, user, row)
                if await _enrol(connection, course_id, user_id, MemberRole.STUDENT):
                    counts.added += 1
                elif changed:
                    counts.updated += 1
                else:
                    counts.unchanged += 1
            if problems:
                raise RosterConflict(problems)
        return counts


async def _enrol(connection: aiosqlite.Connection, course_id: int, user_id: int, role: MemberRole) -> bool:
    cursor = await connection.execute(
        "INSERT OR IGNORE INTO course_members (course_id, user_id, role) VALUES (?, ?, ?)",
        (course_id, user_id, role.value),
    )
    added = cursor.rowcount == 1
    await cursor.close()
    return added


async def _one_user(connection: aiosqlite.Connection, sql: str, value: str) -> User | None:
    found = list(await connection.execute_fetchall(sql, (value,)))
    return user_of_row(found[0]) if found else None


async def _match(connection: aiosqlite.Connection, row: RosterRow) -> tuple[User | None, str]:
    """The existing account of `row`, or why it cannot be matched."""
    user = await _one_user(connection, "SELECT * FROM users WHERE student_id = ? COLLATE NOCASE", row.student_id)
    if user is None and row.email:
        user = await _one_user(connection, "SELECT * FROM users WHERE email = ? COLLATE NOCASE", row.email)
        if user is not None and user.student_id and user.student_id.casefold() != row.student_id.casefold():
            return None, f"email {row.email!r} belongs to the student with id {user.student_id!r}"
    if user is not None and user.role != "student":
        return None, f"student id {row.student_id!r} or its email belongs to a {user.role.value} account"
    return user, ""


async def _free_username(connection: aiosqlite.Connection, base: str) -> str:
    name, number = base, 1
    while await connection.execute_fetchall("SELECT 1 FROM users WHERE username = ?", (name,)):
        number += 1
        name = f"{base}-{number}"
    return name


async def _new_student(connection: aiosqlite.Connection, row: RosterRow, username: str) -> int:
    cursor = await connection.execute(
        "INSERT INTO users (username, name, email, student_id, role, created_at) VALUES (?, ?, ?, ?, 'student', ?)",
        (username, row.name, row.email, row.student_id, utc_now()),
    )
    user_id = int(cursor.lastrowid or 0)
    await cursor.close()
    return user_id


async def _update(connection: aiosqlite.Connection, user: User, row: RosterRow) -> bool:
    """Bring the account's details in line with the roster (a blank cell keeps what is there)."""
    name, email = row.name or user.name, row.email or user.email
    student_id = row.student_id
    if (name, email, student_id) == (user.name, user.email, user.student_id):
        return False
    await connection.execute(
        "UPDATE users SET name = ?, email = ?, student_id = ? WHERE id = ?", (name, email, student_id, user.id)
    )
    return True


def _course(row: Row) -> Course:
    return Course(id=row["id"], slug=row["slug"], title=row["title"], time_zone=row["time_zone"],
                  enrolment_code=row["enrolment_code"], created_at=row["created_at"])  # fmt: skip
