"""Courses: who may create, see and run them; the roster, enrolment codes, first passwords.

Who sees a course: its members, and admins. To anyone else it does not exist (404), so course
names do not leak; a student of the course who tries a staff action is refused (403).
"""

from __future__ import annotations

import re
import secrets
import zoneinfo
from dataclasses import dataclass
from functools import cache

from codearena.domain.accounts import Role, User
from codearena.domain.courses import Course, Member, MemberRole, RosterCounts
from codearena.services.access import Viewer
from codearena.services.accounts import AccountService, require_user
from codearena.services.errors import Conflict, Forbidden, Invalid, NotFound
from codearena.services.roster import RosterInvalid, parse_roster, username_base
from codearena.store.courses import CourseStore, RosterConflict

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
RESERVED_SLUGS = frozenset({"join", "new"})  # page paths under /courses/
MAX_TITLE = 200
# Read aloud or copied from a projector: no 0/O, 1/I/L.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
MAX_LINKS = 2000


@cache
def time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def check_time_zone(name: object) -> str:
    if not isinstance(name, str) or name not in time_zones():
        raise Invalid("invalid_time_zone", f"{str(name)[:64]!r} is not an IANA time zone such as 'Europe/Paris'")
    return name


def check_slug(slug: object) -> str:
    if not isinstance(slug, str) or not SLUG.match(slug) or slug in RESERVED_SLUGS:
        raise Invalid("invalid_slug", "a course slug is 1-64 lower-case letters, digits or -, such as 'cs101-2026'")
    return slug


def check_title(title: object) -> str:
    if not isinstance(title, str) or not title.strip() or len(title) > MAX_TITLE:
        raise Invalid("invalid_title", f"a course title is 1-{MAX_TITLE} characters")
    return title.strip()


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normal_code(code: object) -> str:
    """A code as typed: any case, with spaces or dashes between its groups."""
    return re.sub(r"[\s-]", "", code).upper()[:32] if isinstance(code, str) else ""


@dataclass(frozen=True)
class CourseView:
    """A course as a viewer may see it: members and the enrolment code for its staff only."""

    course: Course
    staff: bool
    members: list[Member] | None


@dataclass(frozen=True)
class PasswordLink:
    user: User
    token: str


class CourseService:
    def __init__(self, store: CourseStore, accounts: AccountService) -> None:
        self.store = store
        self.accounts = accounts

    async def create(self, viewer: Viewer, slug: object, title: object, time_zone: object = "UTC") -> Course:
        user = require_user(viewer)
        if user.role == Role.STUDENT:
            raise Forbidden("forbidden", "only instructors and admins create courses")
        slug, title, time_zone = check_slug(slug), check_title(title), check_time_zone(time_zone)
        course = await self.store.create(slug, title, time_zone, user.id)
        if course is None:
            raise Conflict("slug_taken", f"there is already a course {slug!r}")
        return course

    async def visible(self, viewer: Viewer) -> list[Course]:
        """An admin's: every course; anyone else's: the courses they are in."""
        user = require_user(viewer)
        return await (self.store.every() if user.role == Role.ADMIN else self.store.of_user(user.id))

    async def _find(self, viewer: Viewer, slug: str) -> tuple[Course, bool]:
        """The course and whether the viewer runs it; NotFound for whoever is not in it."""
        user = require_user(viewer)
        course = await self.store.by_slug(slug)
        role = await self.store.role_in(course.id, user.id) if course else None
        if course is None or (role is None and user.role != Role.ADMIN):
            raise NotFound("course_not_found", f"there is no course {slug[:64]!r}")
        return course, user.role == Role.ADMIN or role == MemberRole.INSTRUCTOR

    async def manage(self, viewer: Viewer, slug: str) -> Course:
        """The course, for its instructors and admins; its students are refused."""
        course, staff = await self._find(viewer, slug)
        if not staff:
            raise Forbidden("forbidden", "only the course's instructors may do this")
        return course

    async def view(self, viewer: Viewer, slug: str) -> CourseView:
        course, staff = await self._find(viewer, slug)
        if not staff:
            return CourseView(course.model_copy(update={"enrolment_code": None}), False, None)
        return CourseView(course, True, await self.store.members(course.id))

    async def add_instructor(self, viewer: Viewer, slug: str, username: object) -> User:
        course = await self.manage(viewer, slug)
        found = await self.accounts.store.by_username(username) if isinstance(username, str) else None
        if found is None:
            raise Invalid("user_not_found", f"there is no user {str(username)[:64]!r}")
        if found.role != Role.INSTRUCTOR:
            raise Invalid("not_an_instructor", f"{found.username} is a {found.role.value}, not an instructor")
        if await self.store.role_in(course.id, found.id) == MemberRole.STUDENT:
            raise Conflict("already_a_student", f"{found.username} is a student of this course")
        await self.store.add_member(course.id, found.id, MemberRole.INSTRUCTOR)
        return found

    async def import_roster(self, viewer: Viewer, slug: str, raw: bytes | str) -> RosterCounts:
        """Create, update and enrol the roster's students: all of them, or (RosterInvalid) none."""
        course = await self.manage(viewer, slug)
        rows = parse_roster(raw)
        try:
            return await self.store.import_roster(course.id, [(r, username_base(r.student_id)) for r in rows])
        except RosterConflict as exc:
            raise RosterInvalid(f"{len(exc.rows)} row(s) clash with existing accounts; nothing was imported",
                                exc.rows) from None  # fmt: skip

    async def new_enrolment_code(self, viewer: Viewer, slug: str) -> str:
        """A fresh code for the course; the old one stops working."""
        course = await self.manage(viewer, slug)
        while True:
            code = new_code()
            if await self.store.set_code(course.id, code):
                return code

    async def join(self, viewer: Viewer, code: object) -> Course:
        user = require_user(viewer)
        if user.role != Role.STUDENT:
            raise Forbidden("forbidden", "only students join a course with a code; ask an instructor to add you")
        normal = normal_code(code)
        course = await self.store.by_code(normal) if normal else None
        if course is None:
            raise NotFound("code_not_found", "no course has this code; check it with your instructor")
        await self.store.add_member(course.id, user.id, MemberRole.STUDENT)
        return course

    async def password_links(self, viewer: Viewer, slug: str, user_ids: list[int] | None = None) -> list[PasswordLink]:
        """One-time set-password links for the course's students who have no password yet, or for
        the students `user_ids` names (a new link replaces the old one). Shown once: only the
        tokens' hashes are stored."""
        course = await self.manage(viewer, slug)
        actor = require_user(viewer)
        students = {m.user.id: m.user for m in await self.store.members(course.id) if m.role == MemberRole.STUDENT}
        if user_ids is None:
            chosen = [u for u in students.values() if not u.has_password]
        else:
            unknown = [i for i in user_ids if i not in students]
            if unknown:
                raise Invalid("not_a_student", f"user {unknown[0]} is not a student of this course")
            chosen = [students[i] for i in dict.fromkeys(user_ids)]
        links = []
        for student in chosen[:MAX_LINKS]:
            if actor.role != Role.ADMIN and not await self.store.teaches(actor.id, student.id):
                raise Forbidden("forbidden", f"you do not teach {student.username}")
            links.append(PasswordLink(student, await self.accounts.password_link(viewer, student.id)))
        return links
