"""Virtual participation: a participant replays a finished contest in a window of their own.

Their window starts when they press Start and lasts as long as the contest did. Their submissions
to its problems within it count at the time since their own start; their board shows the real
participants as they stood at that same time into the contest, with the run in it, marked
virtual (see domain/scoreboard.replay). The contest's own standings never hold a virtual run.
During the window the contest's problems are theirs to see even if the contest keeps them hidden
after its end (store/assignments.opened_problems).
"""

from __future__ import annotations

from codearena.domain.grading_rules import parse_time
from codearena.domain.scoreboard import Entry
from codearena.domain.scoreboard import VirtualRun as Run
from codearena.domain.scoreboard import replay as replayed
from codearena.services.access import Viewer
from codearena.services.contests import ContestService, Seen, Standings, columns_of, entry, rules_of
from codearena.services.errors import Conflict, Forbidden, NotFound
from codearena.store.contests import VirtualRun
from codearena.store.submissions import utc_now


class VirtualRuns:
    def __init__(self, contests: ContestService) -> None:
        self.contests = contests
        self.store = contests.store

    async def _participant(self, viewer: Viewer, slug: str) -> Seen:
        seen = await self.contests.seen(viewer, slug)
        if not seen.participates:
            raise Forbidden("forbidden", "only the contest's participants replay it")
        return seen

    async def start(self, viewer: Viewer, slug: str) -> VirtualRun:
        """Start the viewer's virtual run of a finished contest, now; one each."""
        seen = await self._participant(viewer, slug)
        contest = seen.contest
        now = utc_now()
        if contest.state(now) != "finished":
            raise Conflict("not_ended", f"the contest ends at {contest.ends_at}; replay it after that")
        if not await self.store.start_virtual(contest, seen.user_id, now):
            raise Conflict("already_started", "you have already started a virtual run of this contest")
        run = await self.store.virtual_run(contest, seen.user_id)
        assert run is not None
        return run

    async def standings(self, viewer: Viewer, slug: str, now: str | None = None) -> Standings:
        """The viewer's virtual board: the real participants as they stood as far into the contest
        as the viewer is into their run, frozen as participants saw it unless the jury revealed it."""
        seen = await self._participant(viewer, slug)
        contest, people = seen.contest, seen.people
        run = await self.store.virtual_run(contest, seen.user_id)
        if run is None:
            raise NotFound("virtual_run_not_found", "you have not started a virtual run of this contest")
        elapsed_s = (parse_time(now or utc_now()) - parse_time(run.started_at)).total_seconds()
        elapsed_s = max(0.0, min(elapsed_s, contest.duration_s))
        label_of = {p.problem: p.label for p in contest.problems}
        real = await self.store.submissions(contest, [p[0] for p in people])
        entries = [entry(s, label_of[s.problem], parse_time(contest.starts_at)) for s in real]
        mine = await self.store.submissions(contest, [seen.user_id], (run.started_at, run.ends_at))
        own: list[Entry] = [entry(s, label_of[s.problem], parse_time(run.started_at)) for s in mine]
        username = next(p[1] for p in people if p[0] == seen.user_id)
        board = replayed(rules_of(contest), columns_of(contest), [p[1] for p in people], entries,
                         Run(username, elapsed_s, own), jury=contest.revealed_at is not None)  # fmt: skip
        return Standings(contest, board, {p[1]: p[2] or p[1] for p in people}, False, run, elapsed_s)
