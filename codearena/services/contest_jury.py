"""A contest's jury at work: every submission made in the contest, filtered, and re-judging one
of them or all of one problem's (the review's re-judge: the earlier verdicts are kept, the
submissions are queued behind everyone else's). The standings are computed from the verdicts as
they stand, so they follow a re-judge by themselves; the scoreboard's followers are pinged as the
re-judged submissions are queued and judged (ContestService's watcher).

Only the jury reaches any of it: to a participant it is forbidden, to anyone else the contest
does not exist.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass

from codearena.services.access import Viewer
from codearena.services.contests import ContestService
from codearena.services.errors import Conflict, Invalid, NotFound, Unavailable
from codearena.services.submissions import MAX_PAGE, SUBMISSION_ID
from codearena.store.contests import Contest, JurySubmission
from codearena.worker import JudgeQueue, QueueFull

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class JuryPage:
    contest: Contest
    rows: list[JurySubmission]
    people: list[tuple[int, str, str]]  # (user id, username, name) of the participants
    next_before: str | None  # the cursor of the next (older) page
    problem: str  # the filters applied: a label, a username ("" for none)
    participant: str

    def label(self, slug: str) -> str:
        return next((p.label for p in self.contest.problems if p.problem == slug), slug)


@dataclass(frozen=True)
class JuryRejudge:
    id: int
    submissions: list[str]


class ContestJury:
    def __init__(self, contests: ContestService, queue: JudgeQueue | None,
                 unavailable: str = "the judge is not running") -> None:  # fmt: skip
        self.contests = contests
        self.store = contests.store
        self._queue = queue
        self.unavailable = unavailable

    def _slug_of(self, contest: Contest, label: str) -> str:
        found = next((p.problem for p in contest.problems if p.label == label), None)
        if found is None:
            labels = ", ".join(p.label for p in contest.problems)
            raise Invalid("invalid_problem", f"no problem {label[:10]!r} in this contest; its labels: {labels}")
        return found

    async def submissions(self, viewer: Viewer, slug: str, query: Mapping[str, str], limit: int = MAX_PAGE) -> JuryPage:
        """The contest's submissions, newest first, one page; `query` may hold `problem` (a label),
        `participant` (a username) and `before` (the cursor of the page before)."""
        seen = await self.contests.jury_only(viewer, slug)
        contest = seen.contest
        label = query.get("problem", "").strip()[:10]
        username = query.get("participant", "").strip()[:64]
        user_id = None
        if username:
            user_id = next((p[0] for p in seen.people if p[1].casefold() == username.casefold()), None)
            if user_id is None:
                raise Invalid("invalid_participant", f"{username!r} does not take part in this contest")
        at, _, last = query.get("before", "").rpartition(",")
        rows = await self.store.listing(contest, [p[0] for p in seen.people],
                                        problem=self._slug_of(contest, label) if label else None, user_id=user_id,
                                        before=(at, last) if at else None, limit=limit + 1)  # fmt: skip
        more = len(rows) > limit
        rows = rows[:limit]
        cursor = f"{rows[-1].created_at},{rows[-1].id}" if more else None
        return JuryPage(contest, rows, seen.people, cursor, label, username)

    async def rejudge(self, viewer: Viewer, slug: str, data: Mapping[str, object]) -> JuryRejudge:
        """Judge again one submission of the contest (`submission`: its id) or every submission of
        one of its problems (`problem`: a label)."""
        seen = await self.contests.jury_only(viewer, slug)
        contest, user_ids = seen.contest, [p[0] for p in seen.people]
        scopes = [k for k in ("submission", "problem") if data.get(k) not in (None, "")]
        if len(scopes) != 1:
            raise Invalid("invalid_scope", "give one of 'submission' (an id) or 'problem' (a label)")
        value = str(data[scopes[0]])
        if scopes[0] == "submission":
            if not SUBMISSION_ID.match(value) or not await self.store.made_in(contest, user_ids, value):
                raise NotFound("submission_not_found", f"no submission {value[:40]!r} in this contest")
            ids = await self.store.to_rejudge(contest, user_ids, submission=value)
            if not ids:
                raise Conflict("still_judging", "this submission is being judged; re-judge it when it is done")
            scope = {"submission": value}
        else:
            ids = await self.store.to_rejudge(contest, user_ids, problem=self._slug_of(contest, value))
            scope = {"problem": value}
        if self._queue is None:
            raise Unavailable("judge_unavailable", self.unavailable, retry_after_s=30)
        rejudge_id = await self.store.start_rejudge(contest, seen.user_id, scope, ids)
        try:
            await self._queue.submit_background(ids)  # behind every participant's new submission
        except QueueFull:  # shutting down; stored as queued, so the next start judges them
            log.warning("contest re-judge %d: %d submissions left for the next start", rejudge_id, len(ids))
        return JuryRejudge(rejudge_id, ids)
