"""Submissions as the API and the pages both use them: send one, look at one, list them, follow one."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Mapping
from typing import Protocol

from codearena.config import Settings
from codearena.domain.accounts import Role
from codearena.domain.submission import Submission
from codearena.domain.verdicts import Status
from codearena.languages import Language
from codearena.live import Completed, Live, LiveEvent, StatusChanged, Subscriber, submission_topic
from codearena.problems.model import Problem
from codearena.services import access
from codearena.services.access import SubmissionView, Viewer
from codearena.services.assignments import Visibility, require_visible
from codearena.services.errors import Invalid, NotFound, TooLarge, TooMany, Unavailable
from codearena.services.problems import find_problem, require_language
from codearena.store.courses import CourseStore
from codearena.store.submissions import SubmissionStore
from codearena.worker import JudgeQueue, QueueFull

SUBMISSION_ID = re.compile(r"^[0-9a-f]{16}$")
MAX_PAGE = 100


# Whether user (id) is on the jury of a contest the submission was made in.
Judges = Callable[[int, Submission], Awaitable[bool]]


class Limiter(Protocol):
    def check(self, *keys: str) -> int:
        """0 if every key may go on (and is charged), else the whole seconds to wait."""


def checked_program(
    settings: Settings, languages: Mapping[str, Language], language: object, source: object
) -> tuple[Language, str]:
    """The language and source of a program to judge or run, or why they cannot be."""
    known = list(languages)
    if not isinstance(language, str):
        raise Invalid("invalid_language", "'language' must be a string: one of " + ", ".join(known))
    if language not in languages:
        raise Invalid("unknown_language", f"unknown language {language!r}; known: " + ", ".join(known))
    if not isinstance(source, str):
        raise Invalid("invalid_source", "'source' must be a string")
    if not source.strip():
        raise Invalid("empty_source", "'source' is empty")
    if not is_unicode(source):
        raise Invalid("invalid_source", "'source' is not valid Unicode text (it holds a lone surrogate)")
    if len(source.encode("utf-8", "surrogatepass")) > settings.max_source_kb * 1024:
        raise TooLarge("source_too_large", f"'source' is over the limit of {settings.max_source_kb} KiB")
    return languages[language], source


def is_unicode(text: str) -> bool:
    """False for text with lone surrogates, which JSON's \\ud800 escapes can carry and UTF-8 cannot."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_rate(limiter: Limiter, viewer: Viewer) -> None:
    wait_s = limiter.check(*viewer.rate_keys)
    if wait_s:
        raise TooMany("rate_limited", f"too many requests; retry in {wait_s} s", retry_after_s=wait_s)


class SubmissionService:
    def __init__(
        self,
        settings: Settings,
        store: SubmissionStore,
        live: Live,
        problems: Mapping[str, Problem],
        languages: Mapping[str, Language],
        limiter: Limiter,
        queue: JudgeQueue | None,
        unavailable: str = "the judge is not running",
        courses: CourseStore | None = None,
        visibility: Visibility | None = None,
        judges: Judges | None = None,
    ) -> None:
        """`queue` is None when judging cannot run; `unavailable` then says why. `courses` tells
        which instructors teach whom (accounts mode); `visibility` which problems a viewer may see;
        `judges` whether a user is on the jury of a contest a submission was made in."""
        self.courses = courses
        self.judges = judges
        self.visibility = visibility
        self.settings = settings
        self.store = store
        self.live = live
        self.problems = problems
        self.languages = languages
        self.limiter = limiter
        self._queue = queue
        self.unavailable = unavailable

    def _judge_queue(self) -> JudgeQueue:
        if self._queue is None:
            raise Unavailable("judge_unavailable", self.unavailable, retry_after_s=30)
        return self._queue

    async def submit(self, viewer: Viewer, problem: object, language: object, source: object) -> Submission:
        """Check a submission, store it as `viewer`'s and queue it for judging."""
        if not isinstance(problem, str):
            raise Invalid("invalid_problem", "'problem' must be a problem slug")
        lang, text = checked_program(self.settings, self.languages, language, source)
        found = find_problem(self.problems, problem)
        await require_visible(self.visibility, viewer, found.slug)
        require_language(found, lang.id)
        queue = self._judge_queue()
        if queue.depth >= queue.max_depth:
            raise Unavailable("queue_full", f"{queue.depth} submissions are waiting; retry later", retry_after_s=5)
        check_rate(self.limiter, viewer)
        submission = await self.store.create(viewer.owner, found.slug, lang.id, text)
        try:
            await queue.submit(submission.id, submission)
        except QueueFull as exc:
            # Stored but not queued: the next start re-queues it, so it is not lost either way.
            raise Unavailable("queue_full", str(exc), retry_after_s=5) from exc
        return submission

    def queue_position(self, submission_id: str) -> int | None:
        """1 for the submission judged next; None when it is not waiting."""
        progress = self.live.progress(submission_id)
        return progress.queue_position if progress else None

    async def find(self, submission_id: str) -> Submission | None:
        if not SUBMISSION_ID.match(submission_id):
            return None
        return await self.store.get(submission_id)

    async def visible(self, viewer: Viewer, submission: Submission) -> bool:
        """Whether `viewer` may see `submission` (see access.may_see)."""
        user, owner = viewer.user, submission.user_id
        oversees = False
        if self.courses and user and owner is not None and user.role == Role.INSTRUCTOR and user.id != owner:
            oversees = await self.courses.teaches(user.id, owner)
            if not oversees and self.judges is not None:
                oversees = await self.judges(user.id, submission)
        return access.may_see(viewer, submission, oversees)

    async def view(self, viewer: Viewer, submission_id: str) -> SubmissionView:
        """What `viewer` may see of a submission, judged or being judged."""
        submission = await self.find(submission_id)
        if submission is None or not await self.visible(viewer, submission):
            raise NotFound("submission_not_found", f"no submission {submission_id!r}")
        progress = self.live.progress(submission.id) if submission.status != Status.COMPLETED else None
        return access.submission_view(viewer, submission, self.problems.get(submission.problem), progress)

    async def history(
        self, viewer: Viewer, *, problem: str | None = None, limit: int = 20, before: str | None = None
    ) -> list[Submission]:
        """`viewer`'s own submissions, newest first (without their tests)."""
        return await self.store.list_by_owner(access.history_owner(viewer), problem, limit, before)

    async def latest_unfinished(self, viewer: Viewer, problem: str) -> SubmissionView | None:
        """`viewer`'s newest submission to `problem` still waiting or being judged, to follow again
        (a reload of the problem page must not lose it)."""
        submission = await self.store.latest_unfinished(access.history_owner(viewer), problem)
        if submission is None:
            return None
        progress = self.live.progress(submission.id)
        return access.submission_view(viewer, submission, self.problems.get(submission.problem), progress)

    async def marks(self, viewer: Viewer) -> dict[str, bool]:
        """Each problem `viewer` tried, and whether it solved it."""
        return await self.store.marks(access.history_owner(viewer))

    async def follow(self, viewer: Viewer, submission_id: str, subscriber: Subscriber) -> list[LiveEvent]:
        """Subscribe to a submission's live events; the events that bring the subscriber up to date.

        Whoever may see the submission may follow it (anyone with the id, for an anonymous one).
        """
        if not SUBMISSION_ID.match(submission_id):
            raise NotFound("submission_not_found", f"no submission {submission_id!r}")
        topic = submission_topic(submission_id)
        # Subscribed before the store is read: a completion that lands during the read still
        # reaches the subscriber (at worst twice, which a client takes as once).
        self.live.subscribe(topic, subscriber)
        submission = await self.store.get(submission_id)
        if submission is None or not await self.visible(viewer, submission):
            self.live.unsubscribe(topic, subscriber)
            raise NotFound("submission_not_found", f"no submission {submission_id!r}")
        if submission.status == Status.COMPLETED:
            return [Completed.of_submission(submission)]
        return self.live.replay(submission_id) or [StatusChanged(submission_id, submission.status)]
