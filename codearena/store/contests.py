"""Contests, their problems and participants, the submissions that make their standings, their
jury's listing of those submissions, and virtual runs (a participant replaying a finished contest)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from codearena.domain.grading_rules import iso, parse_time
from codearena.store.db import Database, Row
from codearena.store.review import record_rejudge
from codearena.store.submissions import utc_now


@dataclass(frozen=True)
class ContestProblem:
    label: str
    problem: str
    points: float = 100.0


@dataclass(frozen=True)
class Contest:
    id: int
    slug: str
    title: str
    course_id: int | None
    starts_at: str
    ends_at: str
    rule: str
    penalty_min: int
    compile_errors_count: bool
    freeze_min: int | None
    created_by: int | None
    problems: tuple[ContestProblem, ...] = ()
    practice_after_end: bool = True  # whether its problems become practice problems when it ends
    revealed_at: str | None = None  # when the jury revealed the standings frozen to participants
    open_registration: bool = False  # anyone signed in may join it until it ends

    @property
    def duration_s(self) -> float:
        return (parse_time(self.ends_at) - parse_time(self.starts_at)).total_seconds()

    def state(self, now: str) -> str:
        """upcoming, running or finished, at `now` (an ISO time as stored)."""
        return "upcoming" if now < self.starts_at else "running" if now < self.ends_at else "finished"


@dataclass(frozen=True)
class ContestSubmission:
    user_id: int
    username: str
    name: str
    problem: str
    created_at: str
    status: str
    verdict: str | None
    passed: int
    total: int
    score: int | None = None  # points earned, for a problem in groups of tests (subtasks)
    max_score: int | None = None
    group_points: str = ""  # points rule: each group's name and points earned, "small:40 large:0"

    @property
    def share(self) -> float:
        """How much of the problem it solved, 0 to 1: points of the most, else tests passed."""
        if self.max_score:
            return (self.score or 0) / self.max_score
        return self.passed / self.total if self.total else 0.0

    @property
    def subtasks(self) -> tuple[tuple[str, float], ...]:
        """Each group's name and the share of the problem's points it earned (points rule)."""
        if not self.max_score or not self.group_points:
            return ()
        pairs = (item.rpartition(":") for item in self.group_points.split())
        return tuple((name, int(earned) / self.max_score) for name, _, earned in pairs)


@dataclass(frozen=True)
class JurySubmission:
    """A row of the jury's listing: a participant's submission made while the contest ran."""

    id: str
    user_id: int
    username: str
    name: str
    problem: str
    language: str
    status: str
    verdict: str | None
    passed: int
    total: int
    created_at: str


@dataclass(frozen=True)
class VirtualRun:
    """A participant's replay of a finished contest: from `started_at`, as long as the contest."""

    started_at: str
    ends_at: str


class ContestStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def create(self, fields: dict[str, Any], problems: list[ContestProblem], user_ids: list[int]) -> int | None:
        """The new contest's id; None if its slug is taken."""
        async with self.db.write() as connection:
            if await connection.execute_fetchall("SELECT 1 FROM contests WHERE slug = ?", (fields["slug"],)):
                return None
            names = ", ".join(fields)
            cursor = await connection.execute(
                f"INSERT INTO contests ({names}, created_at) VALUES ({', '.join('?' for _ in fields)}, ?)",
                (*fields.values(), utc_now()),
            )
            contest_id = int(cursor.lastrowid or 0)
            await cursor.close()
            await connection.executemany(
                "INSERT INTO contest_problems (contest_id, label, problem, points) VALUES (?, ?, ?, ?)",
                [(contest_id, p.label, p.problem, p.points) for p in problems],
            )
            await connection.executemany(
                "INSERT OR IGNORE INTO contest_participants (contest_id, user_id) VALUES (?, ?)",
                [(contest_id, user_id) for user_id in user_ids],
            )
        return contest_id

    async def by_slug(self, slug: str) -> Contest | None:
        row = await self.db.fetchone("SELECT * FROM contests WHERE slug = ?", (slug,))
        if row is None:
            return None
        problems = await self.db.fetchall(
            "SELECT label, problem, points FROM contest_problems WHERE contest_id = ? ORDER BY label", (row["id"],)
        )
        return _contest(row, tuple(ContestProblem(p[0], p[1], p[2]) for p in problems))

    async def participant_ids(self, contest: Contest) -> set[int]:
        """The users listed for the contest, and the students of its course."""
        rows = await self.db.fetchall(
            "SELECT user_id FROM contest_participants WHERE contest_id = ?"
            " UNION SELECT user_id FROM course_members WHERE course_id = ? AND role = 'student'",
            (contest.id, contest.course_id if contest.course_id is not None else -1),
        )
        return {int(r[0]) for r in rows}

    async def participants(self, contest: Contest) -> list[tuple[int, str, str]]:
        """(user id, username, name) of everyone taking part."""
        ids = sorted(await self.participant_ids(contest))
        if not ids:
            return []
        rows = await self.db.fetchall(
            f"SELECT id, username, name FROM users WHERE id IN ({', '.join('?' for _ in ids)})", ids
        )
        return [(int(r[0]), str(r[1]), str(r[2])) for r in rows]

    async def submission_brief(self, submission_id: str) -> tuple[int, str, str] | None:
        """(user id, problem, created_at) of a user's submission; None for an anonymous one."""
        row = await self.db.fetchone(
            "SELECT user_id, problem, created_at FROM submissions WHERE id = ? AND user_id IS NOT NULL",
            (submission_id,),
        )
        return (int(row[0]), str(row[1]), str(row[2])) if row else None

    async def submissions(
        self, contest: Contest, user_ids: list[int], window: tuple[str, str] | None = None
    ) -> list[ContestSubmission]:
        """The participants' submissions to the contest's problems made while it ran (or within
        `window`, a virtual run's)."""
        where, args = _made_in(contest, user_ids, window=window)
        # The points rule sums the best of each group (subtask) over a participant's submissions.
        groups = (
            ", (SELECT group_concat(g.name || ':' || g.earned, ' ') FROM group_results AS g"
            " WHERE g.submission_id = s.id)" if contest.rule == "points" else ""
        )  # fmt: skip
        rows = await self.db.fetchall(
            "SELECT s.user_id, u.username, u.name, s.problem, s.created_at, s.status, s.verdict, s.passed, s.total,"
            f" s.score, s.max_score{groups}"
            f" FROM submissions AS s JOIN users AS u ON u.id = s.user_id WHERE {where} ORDER BY s.created_at",
            args,
        )
        return [_submission(r, bool(groups)) for r in rows]

    # --- what a user takes part in or judges

    async def visible_to(self, user_id: int, everything: bool) -> list[tuple[Contest, bool, bool]]:
        """(contest, whether `user_id` is on its jury, whether they take part) for each contest
        they judge or take part in, and each open to registration; `everything` (an admin):
        every contest, judged."""
        if everything:
            rows = await self.db.fetchall("SELECT * FROM contests ORDER BY starts_at DESC, id")
            return [(_contest(r, ()), True, False) for r in rows]
        rows = await self.db.fetchall(
            f"SELECT c.*, (c.created_by = ? OR c.course_id IN ({_COURSES_AS})) AS jury,"
            " (c.id IN (SELECT contest_id FROM contest_participants WHERE user_id = ?)"
            f" OR c.course_id IN ({_COURSES_AS})) AS takes_part FROM contests AS c"
            " WHERE c.created_by = ? OR c.id IN (SELECT contest_id FROM contest_participants WHERE user_id = ?)"
            " OR c.course_id IN (SELECT course_id FROM course_members WHERE user_id = ?) OR c.open_registration"
            " ORDER BY c.starts_at DESC, c.id",
            (user_id, user_id, "instructor", user_id, user_id, "student", user_id, user_id, user_id),
        )
        return [(_contest(r, ()), bool(r["jury"]), bool(r["takes_part"]) and not r["jury"]) for r in rows]

    async def register(self, contest: Contest, user_id: int) -> None:
        async with self.db.write() as connection:
            await connection.execute(
                "INSERT OR IGNORE INTO contest_participants (contest_id, user_id) VALUES (?, ?)", (contest.id, user_id)
            )

    async def judges(self, user_id: int, owner_id: int, problem: str, created_at: str) -> bool:
        """Whether `user_id` is on the jury of a contest that `owner_id`'s submission to `problem`
        at `created_at` was made in (as one of its participants, while it ran)."""
        row = await self.db.fetchone(
            "SELECT 1 FROM contests AS c JOIN contest_problems AS p ON p.contest_id = c.id AND p.problem = ?"
            f" WHERE c.starts_at <= ? AND ? <= c.ends_at AND (c.created_by = ? OR c.course_id IN ({_COURSES_AS}))"
            " AND (c.id IN (SELECT contest_id FROM contest_participants WHERE user_id = ?)"
            f" OR c.course_id IN ({_COURSES_AS})) LIMIT 1",
            (problem, created_at, created_at, user_id, user_id, "instructor", owner_id, owner_id, "student"),
        )
        return row is not None

    # --- the jury: reveal, every submission, re-judge

    async def reveal(self, contest: Contest, now: str) -> str:
        """Mark the frozen standings revealed (once); when they were."""
        async with self.db.write() as connection:
            await connection.execute(
                "UPDATE contests SET revealed_at = COALESCE(revealed_at, ?) WHERE id = ?", (now, contest.id)
            )
        row = await self.db.fetchone("SELECT revealed_at FROM contests WHERE id = ?", (contest.id,))
        assert row is not None
        return str(row[0])

    async def listing(self, contest: Contest, user_ids: list[int], *, problem: str | None = None,
                      user_id: int | None = None, before: tuple[str, str] | None = None,
                      limit: int = 100) -> list[JurySubmission]:  # fmt: skip
        """The participants' submissions made while the contest ran, newest first, narrowed to one
        problem (a slug) and one participant; `before`: the (created_at, id) of the previous page's last."""
        where, args = _made_in(contest, [i for i in user_ids if user_id is None or i == user_id], problem)
        if before is not None:
            where += " AND (s.created_at, s.id) < (?, ?)"
            args += list(before)
        rows = await self.db.fetchall(
            "SELECT s.id, s.user_id, u.username, u.name, s.problem, s.language, s.status, s.verdict, s.passed,"
            f" s.total, s.created_at FROM submissions AS s JOIN users AS u ON u.id = s.user_id WHERE {where}"
            " ORDER BY s.created_at DESC, s.id DESC LIMIT ?",
            [*args, limit],
        )
        return [JurySubmission(*tuple(r)) for r in rows]

    async def made_in(self, contest: Contest, user_ids: list[int], submission_id: str) -> bool:
        """Whether the submission is one of the contest's (a participant's, while it ran)."""
        where, args = _made_in(contest, user_ids)
        args.append(submission_id)
        found = await self.db.fetchone(f"SELECT 1 FROM submissions AS s WHERE {where} AND s.id = ?", args)
        return found is not None

    async def to_rejudge(self, contest: Contest, user_ids: list[int], *, submission: str = "",
                         problem: str | None = None) -> list[str]:  # fmt: skip
        """The completed submissions of the contest in one scope: a submission, or a problem (a
        slug). One still being judged is judged anew anyway."""
        where, args = _made_in(contest, user_ids, problem)
        if submission:
            where += " AND s.id = ?"
            args.append(submission)
        rows = await self.db.fetchall(
            f"SELECT s.id FROM submissions AS s WHERE {where} AND s.status = 'completed' ORDER BY s.created_at, s.id",
            args,
        )
        return [r[0] for r in rows]

    async def start_rejudge(self, contest: Contest, user_id: int, scope: dict[str, Any], ids: list[str]) -> int:
        """Record a re-judge of the contest's submissions and put them back in the queue's hands
        (the review's re-judge record: each one's earlier verdict is kept)."""
        return await record_rejudge(self.db, {"contest_id": contest.id, **scope}, user_id, ids, utc_now())

    # --- virtual runs

    async def start_virtual(self, contest: Contest, user_id: int, now: str) -> bool:
        """Record a virtual run starting `now`; False when the user already has one."""
        async with self.db.write() as connection:
            cursor = await connection.execute(
                "INSERT OR IGNORE INTO virtual_runs (contest_id, user_id, started_at) VALUES (?, ?, ?)",
                (contest.id, user_id, now),
            )
            started = cursor.rowcount == 1
            await cursor.close()
        return started

    async def virtual_run(self, contest: Contest, user_id: int) -> VirtualRun | None:
        return (await self.virtual_runs(contest, user_id)).get(user_id)

    async def virtual_runs(self, contest: Contest, user_id: int | None = None) -> dict[int, VirtualRun]:
        """The contest's virtual runs (or one user's), by user id."""
        query, args = "SELECT user_id, started_at FROM virtual_runs WHERE contest_id = ?", [contest.id]
        if user_id is not None:
            query += " AND user_id = ?"
            args.append(user_id)
        rows = await self.db.fetchall(query, args)
        duration = parse_time(contest.ends_at) - parse_time(contest.starts_at)
        return {int(r[0]): VirtualRun(r[1], iso(parse_time(r[1]) + duration)) for r in rows}


def _made_in(
    contest: Contest, user_ids: list[int], problem: str | None = None, window: tuple[str, str] | None = None
) -> tuple[str, list[Any]]:
    """The condition on submissions `s` that makes one the contest's: by one of `user_ids`, to one
    of its problems (or `problem` alone), while it ran (or within `window`). Matches nothing when
    there are none."""
    slugs = sorted({p.problem for p in contest.problems if problem is None or p.problem == problem})
    if not slugs or not user_ids:
        return "0", []
    return (
        f"s.user_id IN ({', '.join('?' for _ in user_ids)}) AND s.problem IN ({', '.join('?' for _ in slugs)})"
        " AND s.created_at >= ? AND s.created_at <= ?",
        [*user_ids, *slugs, *(window or (contest.starts_at, contest.ends_at))],
    )


# The courses in which user ? has role ?.
_COURSES_AS = "SELECT course_id FROM course_members WHERE user_id = ? AND role = ?"


def _contest(row: Row, problems: tuple[ContestProblem, ...]) -> Contest:
    return Contest(id=row["id"], slug=row["slug"], title=row["title"], course_id=row["course_id"],
                   starts_at=row["starts_at"], ends_at=row["ends_at"], rule=row["rule"],
                   penalty_min=row["penalty_min"], compile_errors_count=bool(row["compile_errors_count"]),
                   freeze_min=row["freeze_min"], created_by=row["created_by"], problems=problems,
                   practice_after_end=bool(row["practice_after_end"]), revealed_at=row["revealed_at"],
                   open_registration=bool(row["open_registration"]))  # fmt: skip


def _submission(r: Row, groups: bool) -> ContestSubmission:
    return ContestSubmission(user_id=r[0], username=r[1], name=r[2], problem=r[3], created_at=r[4], status=r[5],
                             verdict=r[6], passed=r[7], total=r[8], score=r[9], max_score=r[10],
                             group_points=(r[11] or "") if groups else "")  # fmt: skip
