"""Similarity reports (issue 9): which submissions a report compares, who may start and read one,
and making it in the background.

A report covers an assignment (each of its problems) or one problem of a contest, and compares,
per problem and language, one submission of each student:
- of an assignment, the one their grade counts (the best counting one, as grading_rules scores
  it), else their latest since it opened;
- of a contest, their last one made while it ran;
with `accepted_only`, among their accepted submissions only. A course's instructors (a contest's
jury) and admins start and read reports; a student is refused, anyone else told there is none.

Reports are derived data: kept in this process's memory (the latest MAX_REPORTS), lost on a
restart, made again in seconds. Their CPU work runs in one worker process, in chunks, one report
at a time.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
from collections import OrderedDict, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVar

from codearena.domain.grading_rules import Assignment, Attempt, Extension, counted, window
from codearena.domain.similarity import (
    MIN_TOKENS,
    THRESHOLD,
    Fingerprint,
    Match,
    Source,
    compare_all,
    fingerprint_all,
    lines_of,
    marked_lines,
    newlines,
    ranked,
    unify_newlines,
)
from codearena.domain.verdicts import Verdict
from codearena.languages import Language
from codearena.problems.model import Problem
from codearena.services.access import Viewer
from codearena.services.accounts import require_user
from codearena.services.assignments import AssignmentService
from codearena.services.contests import ContestService
from codearena.services.cpu_worker import ProcessWorker, WorkerFailed
from codearena.services.errors import Forbidden, Invalid, NotFound, Unavailable
from codearena.services.problems import starter_code
from codearena.store.contests import Contest
from codearena.store.similarity import Candidate, SimilarityStore
from codearena.store.submissions import utc_now

log = logging.getLogger(__name__)
T = TypeVar("T")

MAX_REPORTS = 50  # kept in memory; the oldest finished one goes first
MAX_UNFINISHED = 4  # queued or running at once
MAX_PAIRS = 1000  # pairs kept per report, the most alike
FINGERPRINT_CHUNK = 25  # sources per call to the worker: ~2.5 ms each
COMPARE_CHUNK = 1000  # pairs per call: ~0.15 ms each


class State(StrEnum):
    QUEUED = "queued"
    FINGERPRINTING = "fingerprinting"
    COMPARING = "comparing"
    DONE = "done"
    FAILED = "failed"


@dataclass(frozen=True)
class Scope:
    kind: str  # "assignment" or "contest"
    slug: str  # the course's, or the contest's
    item: str  # the assignment's id, or the contest problem's label
    title: str


@dataclass(frozen=True)
class Options:
    accepted_only: bool = True
    threshold: float = THRESHOLD
    min_tokens: int = MIN_TOKENS


@dataclass(frozen=True)
class Pair:
    rank: int
    match: Match
    a: Candidate
    b: Candidate
    lines_a: list[tuple[int, int]]  # each matching region's first and last line
    lines_b: list[tuple[int, int]]


@dataclass
class Report:
    """A report and its progress: the worker's chunks move it along."""

    id: str
    scope: Scope
    options: Options
    created_by: int
    created_at: str
    state: State = State.QUEUED
    submissions: int = 0  # chosen to compare
    fingerprinted: int = 0
    skipped: list[tuple[Candidate, int]] = field(default_factory=list)  # too short, with their tokens
    pairs_total: int = 0
    compared: int = 0
    pairs: list[Pair] = field(default_factory=list)
    more_pairs: int = 0  # above the threshold but past MAX_PAIRS
    error: str = ""
    wall_s: float | None = None
    done: asyncio.Event = field(default_factory=asyncio.Event, repr=False, compare=False)  # set when finished

    @property
    def finished(self) -> bool:
        return self.state in (State.DONE, State.FAILED)

    @property
    def percent(self) -> int:
        """Fingerprinting is the first fifth of the work, comparing the rest."""
        if self.state == State.DONE:
            return 100
        done = 0.2 * self.fingerprinted / self.submissions if self.submissions else 0.0
        if self.state == State.COMPARING:
            done = 0.2 + 0.8 * (self.compared / self.pairs_total if self.pairs_total else 1.0)
        return int(100 * done)


@dataclass(frozen=True)
class PairView:
    report: Report
    pair: Pair
    lines_a: list[list[tuple[str, bool]]]  # the source as lines of (piece, matched)
    lines_b: list[list[tuple[str, bool]]]


def assignment_finals(assignment: Assignment, candidates: Sequence[Candidate],
                      extensions: Mapping[tuple[int, int], Extension], starts: Mapping[tuple[int, int], str],
                      accepted_only: bool) -> list[Candidate]:  # fmt: skip
    """Each student's final submission to each problem: the one their grade counts, else their
    latest (`candidates` oldest first; `extensions` and `starts` per (assignment id, user id))."""
    points = {p.problem: p.points for p in assignment.problems}
    per: dict[tuple[int, str], list[Candidate]] = defaultdict(list)
    for c in candidates:
        if c.problem in points and (c.verdict == Verdict.ACCEPTED or not accepted_only):
            per[c.user_id, c.problem].append(c)
    finals = []
    for (user_id, problem), mine in per.items():
        w = window(assignment, extensions.get((assignment.id, user_id)), starts.get((assignment.id, user_id)))
        attempts = [Attempt(c.created_at, c.passed, c.total) for c in mine]
        _, scoring = counted(points[problem], attempts, w)
        finals.append(mine[attempts.index(scoring)] if scoring is not None else mine[-1])
    return finals


def contest_finals(candidates: Sequence[Candidate], accepted_only: bool) -> list[Candidate]:
    """Each participant's last submission (`candidates` oldest first)."""
    last: dict[int, Candidate] = {}
    for c in candidates:
        if c.verdict == Verdict.ACCEPTED or not accepted_only:
            last[c.user_id] = c
    return list(last.values())


def options_of(data: Mapping[str, object]) -> Options:
    accepted_only = data.get("accepted_only", True)
    if not isinstance(accepted_only, bool):
        raise Invalid("invalid_accepted_only", "'accepted_only' is true or false")
    threshold = data.get("threshold", THRESHOLD)
    if isinstance(threshold, bool) or not isinstance(threshold, int | float) or not 0 < threshold <= 1:
        raise Invalid("invalid_threshold", "'threshold' is a share above 0 and at most 1, e.g. 0.5")
    min_tokens = data.get("min_tokens", MIN_TOKENS)
    if isinstance(min_tokens, bool) or not isinstance(min_tokens, int) or not 1 <= min_tokens <= 100_000:
        raise Invalid("invalid_min_tokens", "'min_tokens' is a whole number from 1 to 100000")
    return Options(accepted_only, float(threshold), min_tokens)


def _chunks(items: Sequence[T], size: int) -> list[Sequence[T]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


async def compute(worker: ProcessWorker, report: Report, sources: Sequence[Source],
                  starters: Mapping[tuple[str, str], str]) -> tuple[list[Match], list[tuple[str, int]]]:  # fmt: skip
    """Fingerprint `sources`, then compare each two of a problem and a language, in the worker,
    chunk by chunk, moving `report`'s progress along. The pairs at its threshold or above, ranked;
    and the sources too short to compare, with their tokens."""
    report.state, report.submissions = State.FINGERPRINTING, len(sources)
    fingerprints: list[Fingerprint] = []
    for chunk in _chunks(sources, FINGERPRINT_CHUNK):
        fingerprints += await worker.run(fingerprint_all, chunk, starters)
        report.fingerprinted = len(fingerprints)
    large = [f for f in fingerprints if f.tokens >= report.options.min_tokens]
    short = [(f.key, f.tokens) for f in fingerprints if f.tokens < report.options.min_tokens]
    kinds = {s.key: (s.problem, s.language) for s in sources}
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)  # indexes into `large`
    for n, f in enumerate(large):
        groups[kinds[f.key]].append(n)
    pairs = [(i, j) for members in groups.values() for x, i in enumerate(members) for j in members[x + 1 :]]
    report.state, report.pairs_total = State.COMPARING, len(pairs)
    matches: list[Match] = []
    for batch in _chunks(pairs, COMPARE_CHUNK):
        needed = sorted({i for pair in batch for i in pair})  # only these fingerprints go to the worker
        local = {n: k for k, n in enumerate(needed)}
        matches += await worker.run(compare_all, [large[n] for n in needed], [(local[i], local[j]) for i, j in batch],
                                    report.options.threshold)  # fmt: skip
        report.compared += len(batch)
    return ranked(matches), short


class SimilarityService:
    def __init__(self, assignments: AssignmentService, contests: ContestService, store: SimilarityStore,
                 problems: Mapping[str, Problem], worker: ProcessWorker,
                 languages: Mapping[str, Language] | None = None) -> None:  # fmt: skip
        self.assignments, self.contests, self.store, self.problems = assignments, contests, store, problems
        self.worker = worker
        self.languages = languages or {}  # their generic starters, for stdin problems without their own
        self._reports: OrderedDict[str, Report] = OrderedDict()
        self._tasks: set[asyncio.Task[None]] = set()
        self._one_at_a_time = asyncio.Lock()

    # --- who may

    async def _jury_contest(self, viewer: Viewer, slug: str) -> Contest:
        user = require_user(viewer)
        contest = await self.contests.store.by_slug(slug)
        if contest is not None and await self.contests.is_jury(viewer, contest):
            return contest
        if contest is not None and user.id in await self.contests.store.participant_ids(contest):
            raise Forbidden("forbidden", "only the contest's jury sees its similarity report")
        raise NotFound("contest_not_found", f"no contest {slug[:100]!r}")

    async def scope(self, viewer: Viewer, data: Mapping[str, object]) -> Scope:
        """The report's subject, if `viewer` may have it."""
        assignment, contest = data.get("assignment"), data.get("contest")
        if (assignment in (None, "")) == (contest in (None, "")):
            raise Invalid("invalid_scope", "give 'assignment' (and its 'course'), or 'contest' and 'label'")
        if contest not in (None, ""):
            found = await self._jury_contest(viewer, str(contest))
            label = data.get("label")
            if not isinstance(label, str) or not label:
                raise Invalid("invalid_scope", "'label' is the contest problem's label, e.g. A")
            problem = next((p for p in found.problems if p.label == label), None)
            if problem is None:
                raise NotFound("problem_not_found", f"no problem {str(label)[:10]!r} in this contest")
            title = self.problems[problem.problem].title if problem.problem in self.problems else problem.problem
            return Scope("contest", found.slug, problem.label, f"{found.title}, problem {problem.label}: {title}")
        number = assignment if isinstance(assignment, int) and not isinstance(assignment, bool) else None
        if isinstance(assignment, str) and assignment.isdigit():
            number = int(assignment)
        if number is None:
            raise Invalid("invalid_scope", "'assignment' is an assignment's id")
        a, course, _ = await self.assignments.assignment_for(viewer, number, staff=True)
        if data.get("course") not in (None, "", course.slug):
            raise NotFound("assignment_not_found", f"no assignment {number} in course {str(data['course'])[:100]!r}")
        return Scope("assignment", course.slug, str(a.id), f"{a.title}, {course.title}")

    async def _check(self, viewer: Viewer, scope: Scope) -> None:
        if scope.kind == "contest":
            await self._jury_contest(viewer, scope.slug)
        else:
            await self.assignments.assignment_for(viewer, int(scope.item), staff=True)

    # --- reports

    async def start(self, viewer: Viewer, data: Mapping[str, object]) -> Report:
        """A new report, queued to run in the background (or the same one, still unfinished)."""
        options = options_of(data)
        scope = await self.scope(viewer, data)
        unfinished = [r for r in self._reports.values() if not r.finished]
        same = next((r for r in unfinished if (r.scope, r.options) == (scope, options)), None)
        if same is not None:
            return same
        if len(unfinished) >= MAX_UNFINISHED:
            raise Unavailable("reports_busy", "other reports are being made; try again in a minute", retry_after_s=30)
        report = Report(secrets.token_hex(8), scope, options, require_user(viewer).id, utc_now())
        self._reports[report.id] = report
        while len(self._reports) > MAX_REPORTS:
            oldest = next((k for k, r in self._reports.items() if r.finished), None)
            if oldest is None:
                break
            del self._reports[oldest]
        task = asyncio.get_running_loop().create_task(self._run(report))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return report

    async def report(self, viewer: Viewer, report_id: str) -> Report:
        require_user(viewer)
        report = self._reports.get(report_id)
        if report is None:
            raise NotFound(
                "report_not_found", f"no similarity report {report_id[:40]!r} (reports last until a restart)"
            )
        await self._check(viewer, report.scope)
        return report

    async def pair(self, viewer: Viewer, report_id: str, rank: int) -> PairView:
        """Two submissions of a report side by side, their matching regions marked."""
        report = await self.report(viewer, report_id)
        if not 1 <= rank <= len(report.pairs):
            raise NotFound("pair_not_found", f"this report has no pair {rank}")
        pair = report.pairs[rank - 1]
        sources = await self.store.sources([pair.a.id, pair.b.id])
        a, b = unify_newlines(sources.get(pair.a.id, "")), unify_newlines(sources.get(pair.b.id, ""))
        return PairView(report, pair, marked_lines(a, pair.match.spans_a), marked_lines(b, pair.match.spans_b))

    async def _run(self, report: Report) -> None:
        try:
            async with self._one_at_a_time:
                began = time.monotonic()
                chosen, texts, starters = await self._load(report)
                by_id = {c.id: c for c in chosen}
                sources = [Source(c.id, c.problem, c.language, texts[c.id]) for c in chosen if c.id in texts]
                matches, short = await compute(self.worker, report, sources, starters)
                report.skipped = [(by_id[key], tokens) for key, tokens in short]
                breaks = {key: newlines(text) for key, text in texts.items()}
                report.pairs = [Pair(n, m, by_id[m.a], by_id[m.b], lines_of(breaks[m.a], m.spans_a),
                                     lines_of(breaks[m.b], m.spans_b))
                                for n, m in enumerate(matches[:MAX_PAIRS], 1)]  # fmt: skip
                report.more_pairs = max(0, len(matches) - MAX_PAIRS)
                report.wall_s = time.monotonic() - began
                report.state = State.DONE
        except asyncio.CancelledError:
            report.state, report.error = State.FAILED, "the server stopped before the report was done"
            raise
        except WorkerFailed as exc:
            report.state, report.error = State.FAILED, str(exc)
        except Exception:
            log.exception("similarity report %s failed", report.id)
            report.state, report.error = State.FAILED, "the report failed; the error is in the server's log"
        finally:
            report.done.set()

    async def _load(self, report: Report) -> tuple[list[Candidate], dict[str, str], dict[tuple[str, str], str]]:
        """The submissions to compare, their sources, and the starter code per (problem, language)."""
        scope, accepted_only = report.scope, report.options.accepted_only
        if scope.kind == "contest":
            contest = await self.contests.store.by_slug(scope.slug)
            problem = next((p.problem for p in contest.problems if p.label == scope.item), None) if contest else None
            if contest is None or problem is None:
                raise NotFound("contest_not_found", "the contest is gone")
            users = sorted(await self.contests.store.participant_ids(contest))
            chosen = contest_finals(await self.store.of_contest(contest, problem, users), accepted_only)
        else:
            assignment = await self.assignments.store.get(int(scope.item))
            if assignment is None:
                raise NotFound("assignment_not_found", "the assignment is gone")
            candidates = await self.store.of_assignment(assignment, [p.problem for p in assignment.problems])
            extensions = await self.assignments.store.extensions([assignment.id])
            starts = await self.assignments.store.starts([assignment.id])
            chosen = assignment_finals(assignment, candidates, extensions, starts, accepted_only)
        texts = {k: unify_newlines(v) for k, v in (await self.store.sources([c.id for c in chosen])).items()}
        starters = {(c.problem, c.language): code for c in chosen if (code := self._starter(c.problem, c.language))}
        return chosen, texts, starters

    def _starter(self, slug: str, language: str) -> str:
        """The code a submission to `slug` in `language` started from (services.problems.starter_code)."""
        problem, lang = self.problems.get(slug), self.languages.get(language)
        if problem is None:
            return ""
        return starter_code(problem, [lang]).get(language, "") if lang else problem.starter_code.get(language, "")

    async def close(self) -> None:
        """Stop the reports being made and the worker process; safe twice."""
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self.worker.close()
