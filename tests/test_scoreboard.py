"""Contest standings against tables worked out by hand (ICPC and points), with the clock given."""

from __future__ import annotations

from dataclasses import replace

from codearena.domain.scoreboard import Entry, Problem, Rule, Rules, Scoreboard, VirtualRun, replay, standings
from codearena.domain.verdicts import Verdict

AC, WA, CE, TLE = Verdict.ACCEPTED, Verdict.WRONG_ANSWER, Verdict.COMPILATION_ERROR, Verdict.TIME_LIMIT_EXCEEDED
PEOPLE = ["ann", "bob", "cat", "dan"]
ICPC = Rules(Rule.ICPC, penalty_min=20, duration_s=5 * 3600, freeze_s=4 * 3600)
ABC = [Problem("A"), Problem("B"), Problem("C")]


def m(minutes: float) -> float:
    return minutes * 60


CONTEST = [
    Entry("ann", "A", m(10), WA),
    Entry("ann", "A", m(12), CE),  # a compilation error is not a rejected try
    Entry("ann", "A", m(25), AC),  # 25 + 20 for the wrong answer = 45
    Entry("ann", "B", m(70), AC),  # 70: ann 2 solved, 115 minutes
    Entry("bob", "A", m(20), AC),  # 20, the first to solve A
    Entry("bob", "B", m(30), WA),
    Entry("bob", "B", m(40), TLE),
    Entry("bob", "B", m(95), AC),  # 95 + 2 x 20 = 135: bob 2 solved, 155 minutes
    Entry("bob", "A", m(100), WA),  # after A was solved: does not count
    Entry("cat", "C", m(50), AC),  # 50, the first to solve C
    Entry("cat", "A", m(250), AC),  # after the freeze (240): pending to participants, 250 to the jury
    Entry("dan", "B", m(301), AC),  # after the end: does not count
    Entry("dan", "A", m(60), None),  # not judged yet
]


def table(board: Scoreboard) -> list[tuple[str, int, int, int]]:
    return [(r.participant, r.rank, r.solved, r.penalty_min) for r in board.rows]


def cell(board: Scoreboard, participant: str, label: str) -> tuple[bool, int, int, bool]:
    c = next(r for r in board.rows if r.participant == participant).cells[label]
    return c.solved, c.rejected, c.pending, c.first_solve


def test_icpc_as_participants_see_it_during_the_freeze() -> None:
    board = standings(ICPC, ABC, PEOPLE, CONTEST)
    assert board.frozen
    assert table(board) == [("ann", 1, 2, 115), ("bob", 2, 2, 155), ("cat", 3, 1, 50), ("dan", 4, 0, 0)]
    assert cell(board, "ann", "A") == (True, 1, 0, False)
    assert cell(board, "bob", "A") == (True, 0, 0, True)
    assert cell(board, "ann", "B") == (True, 0, 0, True)
    assert cell(board, "bob", "B") == (True, 2, 0, False)
    assert cell(board, "cat", "A") == (False, 0, 1, False), "after the freeze: pending"
    assert cell(board, "dan", "A") == (False, 0, 1, False), "not judged yet: pending"
    assert cell(board, "dan", "B") == (False, 0, 0, False), "after the end: nothing"


def test_icpc_as_the_jury_sees_it() -> None:
    board = standings(ICPC, ABC, PEOPLE, CONTEST, jury=True)
    assert not board.frozen
    assert table(board) == [("ann", 1, 2, 115), ("bob", 2, 2, 155), ("cat", 3, 2, 300), ("dan", 4, 0, 0)]
    assert cell(board, "cat", "A") == (True, 0, 0, False)


def test_a_rejudge_that_changes_an_earlier_verdict_changes_the_standings() -> None:
    rejudged = [replace(e, verdict=AC) if (e.participant, e.at_s) == ("ann", m(10)) else e for e in CONTEST]
    board = standings(ICPC, ABC, PEOPLE, rejudged, jury=True)
    assert table(board)[0] == ("ann", 1, 2, 80)  # A at 10 with no penalty, B at 70
    assert cell(board, "ann", "A") == (True, 0, 0, True) and cell(board, "bob", "A")[3] is False


def test_compile_errors_can_be_made_to_count() -> None:
    board = standings(replace(ICPC, compile_errors_count=True), ABC, PEOPLE, CONTEST)
    assert table(board)[0] == ("ann", 1, 2, 135)  # 25 + 2 x 20 + 70


def test_icpc_ties_are_broken_by_the_last_solve_then_shared() -> None:
    entries = [
        Entry("ann", "A", m(30), AC), Entry("ann", "B", m(50), AC),  # 80, last at 50
        Entry("bob", "A", m(10), AC), Entry("bob", "B", m(70), AC),  # 80, last at 70
        Entry("cat", "A", m(20), AC), Entry("cat", "B", m(60), AC),  # 80, last at 60
        Entry("dan", "A", m(20), AC), Entry("dan", "B", m(60), AC),  # the same as cat: the same rank
    ]  # fmt: skip
    board = standings(ICPC, ABC, PEOPLE, entries)
    assert [(r.participant, r.rank) for r in board.rows] == [("ann", 1), ("cat", 2), ("dan", 2), ("bob", 4)]


# eve replays CONTEST (5 hours, frozen from 240) in her own window; her times are from her start.
EVE = [
    Entry("eve", "A", m(15), WA),
    Entry("eve", "A", m(18), AC),  # 18 + 20 = 38, before bob's 20: the first to solve A, at that time
    Entry("eve", "C", m(55), AC),  # 55, after cat's 50
    Entry("eve", "B", m(245), AC),  # after the freeze
]


def virtual_table(board: Scoreboard) -> list[tuple[str, int, int, int, bool]]:
    return [(r.participant, r.rank, r.solved, r.penalty_min, r.virtual) for r in board.rows]


def test_a_virtual_run_sees_the_board_as_it_stood_as_far_into_the_contest() -> None:
    # The clock, one hour into her run: ann's B at 70 and bob's B at 95 have not happened yet.
    board = replay(ICPC, ABC, PEOPLE, CONTEST, VirtualRun("eve", m(60), EVE))
    assert virtual_table(board) == [
        ("eve", 1, 2, 93, True), ("bob", 2, 1, 20, False), ("ann", 3, 1, 45, False), ("cat", 4, 1, 50, False),
        ("dan", 5, 0, 0, False),
    ]  # fmt: skip
    assert cell(board, "eve", "A") == (True, 1, 0, True) and cell(board, "bob", "A") == (True, 0, 0, False)
    assert cell(board, "cat", "C")[3] and not cell(board, "eve", "C")[3]
    assert cell(board, "bob", "B") == (False, 2, 0, False), "bob's B at 95 is still to come"
    assert cell(board, "dan", "A") == (False, 0, 1, False)


def test_a_virtual_run_past_the_freeze_is_frozen_unless_revealed() -> None:
    run = VirtualRun("eve", m(250), EVE)
    frozen = replay(ICPC, ABC, PEOPLE, CONTEST, run)
    assert frozen.frozen and virtual_table(frozen) == [
        ("eve", 1, 2, 93, True), ("ann", 2, 2, 115, False), ("bob", 3, 2, 155, False), ("cat", 4, 1, 50, False),
        ("dan", 5, 0, 0, False),
    ]  # fmt: skip
    assert cell(frozen, "eve", "B") == (False, 0, 1, False) and cell(frozen, "cat", "A") == (False, 0, 1, False)
    revealed = replay(ICPC, ABC, PEOPLE, CONTEST, run, jury=True)
    assert virtual_table(revealed) == [
        ("eve", 1, 3, 338, True), ("ann", 2, 2, 115, False), ("bob", 3, 2, 155, False), ("cat", 4, 2, 300, False),
        ("dan", 5, 0, 0, False),
    ]  # fmt: skip
    over = replay(ICPC, ABC, PEOPLE, CONTEST, VirtualRun("eve", m(400), EVE), jury=True)
    assert virtual_table(over) == virtual_table(revealed), "past the end: the final board (dan's 301 never counts)"


def test_a_virtual_run_takes_the_place_of_its_participants_real_row() -> None:
    board = replay(ICPC, ABC, PEOPLE, CONTEST, VirtualRun("ann", m(60), [Entry("ann", "B", m(5), AC)]))
    assert virtual_table(board) == [
        ("ann", 1, 1, 5, True), ("bob", 2, 1, 20, False), ("cat", 3, 1, 50, False), ("dan", 4, 0, 0, False)
    ]  # fmt: skip
    assert cell(board, "ann", "A") == (False, 0, 0, False), "her real A does not count in her replay"
    assert standings(ICPC, ABC, PEOPLE, CONTEST).rows[0].participant == "ann", "the real board is as it was"


POINTS = Rules(Rule.POINTS, duration_s=3 * 3600, freeze_s=2 * 3600)
AB = [Problem("A", 100), Problem("B", 50)]


def test_points_are_the_best_score_of_each_problem_summed() -> None:
    entries = [
        Entry("ann", "A", m(10), WA, 0.4), Entry("ann", "A", m(20), AC, 1.0), Entry("ann", "B", m(30), WA, 0.5),
        Entry("ann", "A", m(40), WA, 0.2),  # a worse try later does not lower the best
        Entry("bob", "A", m(15), WA, 0.7), Entry("bob", "B", m(25), AC, 1.0),
        Entry("cat", "A", m(130), AC, 1.0),  # after the freeze
        Entry("dan", "B", m(20), AC, 1.0), Entry("dan", "A", m(200), AC, 1.0),  # the second after the end
    ]  # fmt: skip
    frozen = standings(POINTS, AB, PEOPLE, entries)
    assert [(r.participant, r.rank, r.points) for r in frozen.rows] == [
        ("ann", 1, 125.0), ("bob", 2, 120.0), ("dan", 3, 50.0), ("cat", 4, 0.0)
    ]  # fmt: skip
    assert cell(frozen, "cat", "A")[2] == 1, "pending to participants"
    jury = standings(POINTS, AB, PEOPLE, entries, jury=True)
    assert [(r.participant, r.rank, r.points) for r in jury.rows] == [
        ("ann", 1, 125.0), ("bob", 2, 120.0), ("cat", 3, 100.0), ("dan", 4, 50.0)
    ]  # fmt: skip


def test_equal_points_share_a_rank() -> None:
    entries = [Entry("ann", "B", m(5), AC, 1.0), Entry("bob", "B", m(50), AC, 1.0), Entry("cat", "A", m(9), WA, 0.5)]
    board = standings(POINTS, AB, PEOPLE, entries)
    assert [(r.participant, r.rank) for r in board.rows] == [("ann", 1), ("bob", 1), ("cat", 1), ("dan", 4)]
