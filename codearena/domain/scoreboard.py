"""Contest standings, computed from the submissions as they stand now (so a re-judge that changes
an earlier verdict changes the standings with it). Pure: the time is passed in, never read.

Two rules:
- ICPC: problems solved, then penalty time (minutes from the start to the first accepted
  submission, plus `penalty_min` for each rejected submission before it; compilation errors and
  judge errors do not count), ties broken by the time of the last first-accepted submission.
- Points (IOI): the sum over problems of the best score of each; for a problem in groups of
  tests (subtasks), the best of each group over a participant's submissions, summed.

The scoreboard may be frozen for the last minutes of a contest: to participants, a submission
made after the freeze shows only as pending; the jury sees everything. Submissions after the end
do not count at all.

A virtual run replays a finished contest: the board as it stood some time into the contest, with
the virtual participant's own submissions (timed from their own start) in it (`replay`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from codearena.domain.verdicts import Verdict

# Verdicts that are the judge's or the compiler's, not a wrong try at the problem.
NOT_COUNTED = frozenset({Verdict.COMPILATION_ERROR, Verdict.INTERNAL_ERROR})


class Rule(StrEnum):
    ICPC = "icpc"
    POINTS = "points"


@dataclass(frozen=True)
class Rules:
    rule: Rule = Rule.ICPC
    penalty_min: int = 20  # ICPC: added per rejected submission before the accepted one
    compile_errors_count: bool = False  # ICPC: whether a compilation error is a rejected try
    duration_s: float = 5 * 3600  # submissions after this many seconds from the start do not count
    freeze_s: float | None = None  # from this many seconds after the start, participants see pending


@dataclass(frozen=True)
class Entry:
    """A submission as the scoreboard sees it. `verdict` None: not judged yet. `score`: the share
    of the problem's points it earned (0 to 1), for the points rule."""

    participant: str
    problem: str  # the problem's label: A, B, C...
    at_s: float  # seconds from the contest's start
    verdict: Verdict | None
    score: float = 0.0
    subtasks: tuple[tuple[str, float], ...] = ()  # each group's name and the share of the points it earned


@dataclass
class Cell:
    """One participant at one problem."""

    solved: bool = False
    rejected: int = 0  # ICPC: counted tries before the first accepted one
    pending: int = 0  # not judged yet, or made after the freeze (for participants)
    solved_at_s: float | None = None
    first_solve: bool = False  # the first accepted submission to this problem in the contest
    points: float = 0.0  # points rule: the best score, in points
    subtasks: dict[str, float] = field(default_factory=dict)  # points rule: each group's best share

    @property
    def penalty_min(self) -> int:
        """ICPC minutes this cell adds: its solve time plus the penalties, once solved."""
        return 0 if self.solved_at_s is None else int(self.solved_at_s // 60)


@dataclass
class Row:
    participant: str
    cells: dict[str, Cell]
    rank: int = 0
    solved: int = 0
    penalty_min: int = 0
    last_solve_s: float = 0.0
    points: float = 0.0
    virtual: bool = False  # a virtual run's row, not a real participant's

    def key(self, rule: Rule) -> tuple[float, ...]:
        """Smaller is better; equal keys share a rank."""
        if rule == Rule.POINTS:
            return (-round(self.points, 6),)
        return (-self.solved, self.penalty_min, self.last_solve_s)


@dataclass(frozen=True)
class Problem:
    label: str
    points: float = 100.0  # points rule: what a full score is worth


@dataclass
class Scoreboard:
    rules: Rules
    problems: Sequence[Problem]
    rows: list[Row] = field(default_factory=list)
    frozen: bool = False  # whether this view hides what came after the freeze


def visible(entry: Entry, rules: Rules, jury: bool) -> Verdict | None:
    """The verdict a viewer may see: a participant sees a submission made after the freeze as
    pending (None), whatever its verdict."""
    if not jury and rules.freeze_s is not None and entry.at_s >= rules.freeze_s:
        return None
    return entry.verdict


def standings(
    rules: Rules, problems: Sequence[Problem], participants: Iterable[str], entries: Iterable[Entry], *,
    jury: bool = False,
) -> Scoreboard:  # fmt: skip
    """The scoreboard as `jury` (everything) or a participant (frozen) sees it."""
    labels = {p.label: p for p in problems}
    rows = {name: Row(name, {p.label: Cell() for p in problems}) for name in participants}
    ordered = sorted(
        (e for e in entries if e.participant in rows and e.problem in labels and 0 <= e.at_s <= rules.duration_s),
        key=lambda e: e.at_s,
    )
    for entry in ordered:
        cell = rows[entry.participant].cells[entry.problem]
        verdict = visible(entry, rules, jury)
        if verdict is None:
            cell.pending += 0 if cell.solved and rules.rule == Rule.ICPC else 1
            continue
        if rules.rule == Rule.POINTS:
            cell.points = best_points(cell, entry, labels[entry.problem].points)
            cell.solved = cell.solved or verdict == Verdict.ACCEPTED
            if verdict == Verdict.ACCEPTED and cell.solved_at_s is None:
                cell.solved_at_s = entry.at_s
            continue
        if cell.solved:
            continue  # what comes after the first accepted submission does not count
        if verdict == Verdict.ACCEPTED:
            cell.solved, cell.solved_at_s = True, entry.at_s
        elif verdict not in NOT_COUNTED or (verdict == Verdict.COMPILATION_ERROR and rules.compile_errors_count):
            cell.rejected += 1
    _first_solves(rows.values(), labels)
    for row in rows.values():
        solved = [c for c in row.cells.values() if c.solved]
        row.solved = len(solved)
        row.points = sum(c.points for c in row.cells.values())
        row.penalty_min = sum(c.penalty_min + rules.penalty_min * c.rejected for c in solved)
        row.last_solve_s = max((c.solved_at_s or 0.0 for c in solved), default=0.0)
    ranked = sorted(rows.values(), key=lambda r: (r.key(rules.rule), r.participant))
    for position, row in enumerate(ranked, start=1):
        previous = ranked[position - 2] if position > 1 else None
        row.rank = previous.rank if previous and previous.key(rules.rule) == row.key(rules.rule) else position
    frozen = not jury and rules.freeze_s is not None
    return Scoreboard(rules, problems, ranked, frozen)


@dataclass(frozen=True)
class VirtualRun:
    """Someone replaying a finished contest, `elapsed_s` into their own window; `entries` are their
    submissions, each `at_s` from their own start."""

    participant: str
    elapsed_s: float
    entries: Sequence[Entry] = ()


def replay(
    rules: Rules, problems: Sequence[Problem], participants: Iterable[str], entries: Iterable[Entry],
    run: VirtualRun, *, jury: bool = False,
) -> Scoreboard:  # fmt: skip
    """The scoreboard as it stood `run.elapsed_s` into the contest (only what had been submitted by
    then counts), with the virtual run in it, marked virtual. The run takes the place of its
    participant's real row, if they took part: nobody races themselves. As `jury` or a
    participant (frozen) sees it."""
    until = min(run.elapsed_s, rules.duration_s)
    others = [p for p in participants if p != run.participant]
    real = [e for e in entries if e.participant != run.participant and e.at_s <= until]
    own = [e for e in run.entries if e.participant == run.participant and e.at_s <= until]
    board = standings(rules, problems, [*others, run.participant], real + own, jury=jury)
    for row in board.rows:
        row.virtual = row.participant == run.participant
    return board


def best_points(cell: Cell, entry: Entry, points: float) -> float:
    """The points rule's score of a cell once `entry` is counted: the best of its submissions,
    or with subtasks each group's best over them, summed (IOI), whichever is more."""
    for name, share in entry.subtasks:
        cell.subtasks[name] = max(cell.subtasks.get(name, 0.0), share)
    best = max(entry.score, sum(cell.subtasks.values()))
    return max(cell.points, points * min(1.0, max(0.0, best)))


def _first_solves(rows: Iterable[Row], labels: Iterable[str]) -> None:
    rows = list(rows)
    for label in labels:
        times = [at for r in rows if (at := r.cells[label].solved_at_s) is not None]
        first = min(times, default=math.inf)
        for row in rows:
            cell = row.cells[label]
            cell.first_solve = cell.solved_at_s is not None and cell.solved_at_s == first
