"""Contests: creating them, who may see them, and their standings as a viewer sees them.

The jury (an admin, the contest's creator, an instructor of its course) sees everything; a
participant sees the standings frozen for the contest's last `freeze_min` minutes, until the jury
reveals them after the end. To anyone else a contest does not exist.
"""

from __future__ import annotations

import asyncio
import functools
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from codearena.domain.accounts import Role
from codearena.domain.courses import Course
from codearena.domain.grading_rules import iso, parse_time
from codearena.domain.scoreboard import Entry, Rule, Rules, Scoreboard, standings
from codearena.domain.scoreboard import Problem as Column
from codearena.domain.submission import Submission
from codearena.domain.verdicts import Status, Verdict
from codearena.live import Completed, Live, ScoreboardChanged, StatusChanged, Subscriber, scoreboard_topic
from codearena.problems.model import Problem
from codearena.services.access import Viewer, is_staff
from codearena.services.accounts import require_user
from codearena.services.errors import Conflict, Forbidden, Invalid, NotFound
from codearena.store.accounts import AccountStore
from codearena.store.contests import Contest, ContestProblem, ContestStore, ContestSubmission, VirtualRun
from codearena.store.courses import CourseStore
from codearena.store.submissions import utc_now

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
LABEL = re.compile(r"^[A-Z][A-Z0-9]{0,3}$")
RESERVED_SLUGS = frozenset({"new"})  # page paths under /contests/
MAX_AGE_S = 2.0  # how long a contest's loaded standings serve when no submission event comes


@dataclass(frozen=True)
class Standings:
    contest: Contest
    board: Scoreboard
    names: dict[str, str]  # username -> display name
    jury: bool
    run: VirtualRun | None = None  # the viewer's virtual run, when this is its board
    elapsed_s: float | None = None  # how far into the contest a virtual run's board stands


@dataclass(frozen=True)
class Seen:
    """A contest as one viewer may see it: on its jury, or as one of its participants."""

    contest: Contest
    jury: bool
    people: list[tuple[int, str, str]]  # (user id, username, name) of its participants
    user_id: int

    @property
    def participates(self) -> bool:
        return any(p[0] == self.user_id for p in self.people)


@dataclass(frozen=True)
class Listed:
    """A contest in the viewer's index."""

    contest: Contest
    jury: bool
    state: str  # upcoming, running, finished
    takes_part: bool = False  # False for the jury, and for an open contest not registered for

    @property
    def may_register(self) -> bool:
        return self.contest.open_registration and not (self.jury or self.takes_part) and self.state != "finished"


@dataclass
class Loaded:
    """One contest's standings as of one generation of submission events, shared by every viewer
    (300 scoreboards pinged at once fetch them once)."""

    generation: int
    loaded_at: float
    contest: Contest
    people: list[tuple[int, str, str]]
    boards: dict[bool, Scoreboard]  # unfrozen or not -> the board

    @functools.cached_property
    def names(self) -> dict[str, str]:
        """username -> the name shown: one dict for every viewer of this generation."""
        return {p[1]: p[2] or p[1] for p in self.people}


@dataclass(frozen=True)
class Watched:
    """A contest someone follows live: what a submission must be to change its standings."""

    contest: Contest
    participants: frozenset[int]
    virtual: Mapping[int, VirtualRun]  # user id -> their virtual run, whose board follows their submissions


class ContestService:
    def __init__(self, store: ContestStore, courses: CourseStore, accounts: AccountStore,
                 problems: Mapping[str, Problem], live: Live | None = None) -> None:  # fmt: skip
        self.store, self.courses, self.accounts, self.problems = store, courses, accounts, problems
        self.live = live
        self._watched: dict[str, Watched] = {}
        self._pings: set[asyncio.Task[None]] = set()
        self._pending: set[str] = set()  # submissions seen waiting or being judged, not yet completed
        self._generation = 0  # counts the submission events that may change some standings
        self._loaded: dict[str, Loaded] = {}
        self._loading: dict[str, asyncio.Lock] = {}
        if live is not None:
            live.watch(self._on_submission)

    # --- live standings: a ping on the contest's topic; each viewer fetches what it may see

    async def follow(self, viewer: Viewer, slug: str, subscriber: Subscriber) -> None:
        """Subscribe to a contest's standings changes (its jury and its participants only)."""
        require_user(viewer)
        contest = await self.store.by_slug(slug)
        participants = frozenset(await self.store.participant_ids(contest)) if contest else frozenset()
        user = viewer.user
        if (
            contest is None
            or self.live is None
            or user is None
            or not (user.id in participants or await self.is_jury(viewer, contest))
        ):
            raise NotFound("contest_not_found", f"no contest {slug[:100]!r}")
        self._watched[slug] = Watched(contest, participants, await self.store.virtual_runs(contest))
        self.live.subscribe(scoreboard_topic(slug), subscriber)

    def _on_submission(self, submission_id: str, event: StatusChanged | Completed) -> None:
        """Live's watcher: runs inside the judge's callback, so it only schedules the lookup. Only
        a submission's first appearance (now pending) and its verdict change standings; its moves
        up the queue and into a sandbox do not."""
        if isinstance(event, Completed):
            self._pending.discard(submission_id)
        elif submission_id in self._pending:
            return
        else:
            self._pending.add(submission_id)
        self._generation += 1
        if not self._watched:
            return
        task = asyncio.get_running_loop().create_task(self._ping(submission_id))
        self._pings.add(task)
        task.add_done_callback(self._pings.discard)

    async def _ping(self, submission_id: str) -> None:
        brief = await self.store.submission_brief(submission_id)
        if brief is None or self.live is None:
            return
        user_id, problem, created_at = brief
        for slug, watched in list(self._watched.items()):
            topic = scoreboard_topic(slug)
            if not self.live.has_subscribers(topic):
                del self._watched[slug]  # nobody follows it any more
                continue
            c, run = watched.contest, watched.virtual.get(user_id)
            during = c.starts_at <= created_at <= c.ends_at or (
                run is not None and run.started_at <= created_at <= run.ends_at  # their virtual board
            )
            if user_id in watched.participants and any(p.problem == problem for p in c.problems) and during:
                self.live.publish(topic, ScoreboardChanged(slug))

    async def create(self, viewer: Viewer, data: Mapping[str, object]) -> Contest:
        """A new contest, made by an instructor or an admin."""
        user = require_user(viewer)
        if not is_staff(viewer):
            raise Forbidden("forbidden", "only instructors and admins make contests")
        slug, title = data.get("slug"), data.get("title")
        if not isinstance(slug, str) or not SLUG.match(slug) or slug in RESERVED_SLUGS:
            raise Invalid("invalid_slug", "'slug': lower-case letters, digits and -, at most 64 (not 'new')")
        if not isinstance(title, str) or not title.strip() or len(title) > 200:
            raise Invalid("invalid_title", "'title': 1 to 200 characters")
        starts, ends = _time(data.get("starts_at"), "starts_at"), _time(data.get("ends_at"), "ends_at")
        if ends <= starts:
            raise Invalid("invalid_times", "'ends_at' must come after 'starts_at'")
        rule = data.get("rule", "icpc")
        if rule not in ("icpc", "points"):
            raise Invalid("invalid_rule", "'rule' is icpc or points")
        penalty, freeze = _minutes(data.get("penalty_min", 20), "penalty_min"), data.get("freeze_min")
        freeze_min = None if freeze in (None, "") else _minutes(freeze, "freeze_min")
        practice, open_registration = data.get("practice_after_end", True), data.get("open_registration", False)
        if not isinstance(practice, bool):
            raise Invalid("invalid_practice_after_end", "'practice_after_end': true or false")
        if not isinstance(open_registration, bool):
            raise Invalid("invalid_open_registration", "'open_registration': true or false")
        problems = self._problems(data.get("problems"))
        course_id = await self._course(user.id, user.role, data.get("course"))
        user_ids = await self._users(data.get("participants", []))
        fields = {"slug": slug, "title": title.strip(), "course_id": course_id, "starts_at": starts,
                  "ends_at": ends, "rule": rule, "penalty_min": penalty,
                  "compile_errors_count": int(bool(data.get("compile_errors_count"))), "freeze_min": freeze_min,
                  "created_by": user.id, "practice_after_end": int(practice),
                  "open_registration": int(open_registration)}  # fmt: skip
        if await self.store.create(fields, problems, user_ids) is None:
            raise Conflict("slug_taken", f"there is already a contest {slug!r}")
        created = await self.store.by_slug(slug)
        assert created is not None
        return created

    def _problems(self, value: object) -> list[ContestProblem]:
        if not isinstance(value, list) or not value or len(value) > 26:
            raise Invalid("invalid_problems", "'problems': a list of 1 to 26 {label, problem, points}")
        found: list[ContestProblem] = []
        for item in value:
            if not isinstance(item, dict):
                raise Invalid("invalid_problems", "each problem is {label, problem, points}")
            label, slug, points = item.get("label"), item.get("problem"), item.get("points", 100)
            if not isinstance(label, str) or not LABEL.match(label) or any(p.label == label for p in found):
                raise Invalid("invalid_problems", f"label {label!r}: A, B, C... once each")
            if not isinstance(slug, str) or slug not in self.problems:
                raise Invalid("invalid_problems", f"no problem {str(slug)[:100]!r}")
            if any(p.problem == slug for p in found):  # the standings find a problem's column by its slug
                raise Invalid("invalid_problems", f"problem {slug!r} is in the contest twice")
            if isinstance(points, bool) or not isinstance(points, int | float) or not 0 < points <= 10_000:
                raise Invalid("invalid_problems", f"points of {label}: a number from 0 to 10000")
            found.append(ContestProblem(label, slug, float(points)))
        return found

    async def _course(self, user_id: int, role: Role, value: object) -> int | None:
        if value in (None, ""):
            return None
        course = await self.courses.by_slug(str(value))
        if course is None or (role != Role.ADMIN and await self.courses.role_in(course.id, user_id) != "instructor"):
            raise NotFound("course_not_found", f"no course {str(value)[:100]!r} of yours")
        return course.id

    async def course_choices(self, viewer: Viewer) -> list[Course]:
        """The courses a new contest of `viewer`'s may belong to: an admin's, every one; an
        instructor's, those they teach. Forbidden to students, who make no contests."""
        user = require_user(viewer)
        if not is_staff(viewer):
            raise Forbidden("forbidden", "only instructors and admins make contests")
        if user.role == Role.ADMIN:
            return await self.courses.every()
        mine = await self.courses.of_user(user.id)
        return [c for c in mine if await self.courses.role_in(c.id, user.id) == "instructor"]

    async def _users(self, value: object) -> list[int]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise Invalid("invalid_participants", "'participants': a list of usernames")
        ids = []
        for username in value:
            user = await self.accounts.by_username(username)
            if user is None:
                raise Invalid("invalid_participants", f"no user {username[:64]!r}")
            ids.append(user.id)
        return ids

    async def is_jury(self, viewer: Viewer, contest: Contest) -> bool:
        user = viewer.user
        if user is None:
            return False
        if user.role == Role.ADMIN or user.id == contest.created_by:
            return True
        return contest.course_id is not None and await self.courses.role_in(contest.course_id, user.id) == (
            "instructor"
        )

    async def seen(self, viewer: Viewer, slug: str) -> Seen:
        """The contest, if `viewer` is on its jury or takes part; else it does not exist."""
        return (await self._seen(viewer, slug))[0]

    async def _seen(self, viewer: Viewer, slug: str) -> tuple[Seen, Loaded]:
        user = require_user(viewer)
        loaded = await self._load(slug)
        if loaded is None:
            raise NotFound("contest_not_found", f"no contest {slug[:100]!r}")
        contest, people = loaded.contest, loaded.people
        jury = await self.is_jury(viewer, contest)
        if not jury and user.id not in {p[0] for p in people}:
            raise NotFound("contest_not_found", f"no contest {slug[:100]!r}")
        return Seen(contest, jury, people, user.id), loaded

    async def jury_only(self, viewer: Viewer, slug: str) -> Seen:
        """The contest, for its jury; Forbidden to its participants."""
        seen = await self.seen(viewer, slug)
        if not seen.jury:
            raise Forbidden("forbidden", "only the contest's jury may do this")
        return seen

    async def standings(self, viewer: Viewer, slug: str) -> Standings:
        """The standings as `viewer` may see them: the jury's, or a participant's (frozen until
        the jury reveals them)."""
        seen, loaded = await self._seen(viewer, slug)
        contest = seen.contest
        unfrozen = seen.jury or contest.revealed_at is not None
        async with self._loading.setdefault(slug, asyncio.Lock()):
            board = loaded.boards.get(unfrozen)
            if board is None:
                board = loaded.boards[unfrozen] = await self._board(contest, seen.people, unfrozen)
        return Standings(contest, board, loaded.names, seen.jury)

    def forget(self, slug: str) -> None:
        """Drop what is kept of a contest's standings: it changed in some way other than a submission."""
        self._loaded.pop(slug, None)

    async def _load(self, slug: str) -> Loaded | None:
        """The contest and its participants, kept while no submission event has come since, and
        for at most MAX_AGE_S (a course's new student, an edited contest)."""
        async with self._loading.setdefault(slug, asyncio.Lock()):
            found = self._loaded.get(slug)
            if found and found.generation == self._generation and time.monotonic() - found.loaded_at < MAX_AGE_S:
                return found
            generation = self._generation
            contest = await self.store.by_slug(slug)
            if contest is None:
                self._loaded.pop(slug, None)
                self._loading.pop(slug, None)
                return None
            found = Loaded(generation, time.monotonic(), contest, await self.store.participants(contest), {})
            self._loaded[slug] = found
            return found

    async def _board(self, contest: Contest, people: list[tuple[int, str, str]], unfrozen: bool) -> Scoreboard:
        start = parse_time(contest.starts_at)
        label_of = {p.problem: p.label for p in contest.problems}
        submissions = await self.store.submissions(contest, [p[0] for p in people])
        entries = [entry(s, label_of[s.problem], start) for s in submissions]
        return standings(rules_of(contest), columns_of(contest), [p[1] for p in people], entries, jury=unfrozen)

    async def reveal(self, viewer: Viewer, slug: str) -> Contest:
        """Show participants the standings the freeze hid: the jury's, once the contest is over.
        Everyone following the scoreboard hears of it."""
        contest = (await self.jury_only(viewer, slug)).contest
        if utc_now() < contest.ends_at:
            raise Conflict("not_ended", f"the contest ends at {contest.ends_at}; reveal its standings after that")
        revealed_at = await self.store.reveal(contest, utc_now())
        self.forget(slug)
        if self.live is not None:
            self.live.publish(scoreboard_topic(slug), ScoreboardChanged(slug))
        return replace(contest, revealed_at=revealed_at)

    async def index(self, viewer: Viewer) -> list[Listed]:
        """The contests `viewer` judges or takes part in, the latest first."""
        user = require_user(viewer)
        now = utc_now()
        found = await self.store.visible_to(user.id, everything=user.role == Role.ADMIN)
        return [Listed(contest, jury, contest.state(now), takes_part) for contest, jury, takes_part in found]

    async def listed(self, viewer: Viewer, slug: str) -> Listed | None:
        """One contest as the index shows it to `viewer`; None if it is not there for them."""
        return next((item for item in await self.index(viewer) if item.contest.slug == slug), None)

    async def register(self, viewer: Viewer, slug: str) -> Contest:
        """Join a contest open to registration, before it ends."""
        user = require_user(viewer)
        contest = await self.store.by_slug(slug)
        if contest is None or not (contest.open_registration or user.id in await self.store.participant_ids(contest)):
            raise NotFound("contest_not_found", f"no contest {slug[:100]!r}")
        if await self.is_jury(viewer, contest):
            raise Conflict("jury", "the contest's jury does not take part in it")
        if utc_now() >= contest.ends_at:
            raise Conflict("ended", f"the contest ended at {contest.ends_at}")
        await self.store.register(contest, user.id)
        self.forget(slug)
        watched = self._watched.get(slug)
        if watched is not None:
            self._watched[slug] = replace(watched, participants=watched.participants | {user.id})
        if self.live is not None:
            self.live.publish(scoreboard_topic(slug), ScoreboardChanged(slug))  # a new row
        return contest

    async def judges(self, user_id: int, submission: Submission) -> bool:
        """Whether `user_id` is on the jury of a contest `submission` was made in (access.may_see)."""
        if submission.user_id is None:
            return False
        return await self.store.judges(user_id, submission.user_id, submission.problem, submission.created_at)


def rules_of(contest: Contest) -> Rules:
    duration_s = contest.duration_s
    freeze_s = duration_s - contest.freeze_min * 60 if contest.freeze_min else None
    return Rules(Rule(contest.rule), contest.penalty_min, contest.compile_errors_count, duration_s, freeze_s)


def columns_of(contest: Contest) -> list[Column]:
    return [Column(p.label, p.points) for p in contest.problems]


def entry(s: ContestSubmission, label: str, start: datetime) -> Entry:
    """A submission as the scoreboard sees it: judged or not, when, how well."""
    verdict = Verdict(s.verdict) if s.status == Status.COMPLETED and s.verdict else None
    return Entry(s.username, label, (parse_time(s.created_at) - start).total_seconds(), verdict, s.share, s.subtasks)


def _time(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise Invalid("invalid_times", f"{name!r}: an ISO 8601 time, e.g. 2026-12-02T09:00:00Z")
    try:
        return iso(parse_time(value.replace("Z", "+00:00")))
    except ValueError:
        raise Invalid("invalid_times", f"{name!r}: an ISO 8601 time, e.g. 2026-12-02T09:00:00Z") from None


def _minutes(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100_000:
        raise Invalid(f"invalid_{name}", f"{name!r}: whole minutes")
    return value
