"""Subtasks on the whole app with the fake judge (no Docker): the API, the live events, the
pages, the store, an assignment's grade and a points contest's standings."""

# ruff: noqa: F811 (the fixtures imported from test_accounts are redefined as test arguments)

from __future__ import annotations

import json
import secrets
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp.test_utils import TestServer
from fakes import FakeEngine
from test_accounts import add_user, cheap_hashing, login, server, visitor  # noqa: F401 (fixtures)
from test_assignments import call, close, course, create, signed_in

from codearena.domain.accounts import Role, User
from codearena.domain.scoreboard import Entry, Problem, Rule, Rules, standings
from codearena.domain.verdicts import GroupResult, JudgeResult, Verdict
from codearena.store.contests import ContestProblem, ContestStore
from codearena.store.db import Database
from codearena.store.submissions import Owner, SubmissionStore
from codearena.web.keys import DATABASE
from server_helpers import wait_completed

SLUG = "subarray-sum-equals-k"  # samples (tests 1-3, 0 points), small (4-11, 40), large (12-19, 60)
HTML = {"Accept": "text/html"}


async def test_a_partial_submission_over_the_api_the_socket_and_the_pages(
    fake_server: TestServer, fake_engine: FakeEngine
) -> None:
    async with (
        aiohttp.ClientSession(base_url=fake_server.make_url(""), cookie_jar=aiohttp.CookieJar(unsafe=True)) as client,
        client.ws_connect("/ws") as ws,
    ):
        async with client.post("/api/submissions", json={"problem": SLUG, "language": "python",
                                                         "source": "block partial"}) as r:  # fmt: skip
            submission_id = (await r.json())["id"]
        await ws.send_json({"type": "subscribe_submission", "submission_id": submission_id})
        async with client.get(f"/submissions/{submission_id}", headers=HTML) as r:
            waiting = await r.text()  # judging waits for let_one_through: every group still to come
        assert waiting.count('class="group-head"') == 3 and waiting.count("Waiting") == 3 + 19
        assert '<span class="group-points">40 points</span>' in waiting
        fake_engine.judging.let_one_through()
        events: list[dict[str, Any]] = []
        while not events or events[-1]["type"] != "submission_completed":
            events.append(json.loads((await ws.receive()).data))
        body = await wait_completed(client, submission_id)
        async with client.get(f"/api/submissions?problem={SLUG}") as r:
            listed = (await r.json())[0]
        async with client.get(f"/submissions/{submission_id}", headers=HTML) as r:
            page = await r.text()
        async with client.get("/submissions", headers=HTML) as r:
            history = await r.text()

    # Each group's event comes right after its last test's, before the next group's tests.
    order = [(e["type"], e.get("index"), e.get("name")) for e in events if e["type"] in ("test_result", "group_result")]
    heads = [i for i, item in enumerate(order) if item[0] == "group_result"]
    assert heads == [3, 12, 21] and [order[i][2] for i in heads] == ["samples", "small", "large"]
    groups = [e for e in events if e["type"] == "group_result"]
    assert [(g["verdict"], g["earned"], g["points"]) for g in groups] == [
        ("accepted", 0, 0), ("accepted", 40, 40), ("time_limit_exceeded", 0, 60),
    ]  # fmt: skip
    assert groups[2]["tests"] == list(range(12, 20)) and groups[2]["submission_id"] == submission_id
    done = events[-1]
    assert (done["verdict"], done["score"], done["max_score"], done["passed"], done["total"]) == (
        "partial", 40, 100, 11, 19,
    )  # fmt: skip

    assert (body["verdict"], body["score"], body["max_score"]) == ("partial", 40, 100)
    assert body["reason"] == "test 12 (large): time limit (CPU 1001 ms of 1000 ms)"
    assert [g["name"] for g in body["groups"]] == ["samples", "small", "large"]
    assert body["groups"][1] == {"index": 2, "name": "small", "points": 40, "earned": 40, "verdict": "accepted",
                                 "tests": list(range(4, 12))}  # fmt: skip
    verdicts = [t["verdict"] for t in body["tests"]]
    assert verdicts[11] == "time_limit_exceeded" and set(verdicts[12:]) == {"skipped"}, "the group stopped"
    assert (listed["score"], listed["max_score"], listed["verdict"]) == (40, 100, "partial")

    assert "Partial, 40/100" in page and "40 / 100 points" in page and page.count('class="group-head"') == 3
    assert '<span class="group-points">0 / 60 points</span>' in page and "Waiting" not in page
    assert "Partial, 40/100" in history


async def test_a_problem_without_groups_has_no_score(fake_server: TestServer) -> None:
    async with aiohttp.ClientSession(base_url=fake_server.make_url(""),
                                     cookie_jar=aiohttp.CookieJar(unsafe=True)) as client:  # fmt: skip
        async with client.post("/api/submissions", json={"problem": "a-plus-b", "language": "python",
                                                         "source": "partial"}) as r:  # fmt: skip
            submission_id = (await r.json())["id"]
        body = await wait_completed(client, submission_id)
        async with client.get(f"/submissions/{submission_id}", headers=HTML) as r:
            page = await r.text()
    assert (body["verdict"], body["score"], body["max_score"], body["groups"]) == ("accepted", None, None, [])
    assert "group-head" not in page and "points" not in page


def grouped_result(earned_small: int, earned_large: int) -> JudgeResult:
    def group(index: int, name: str, points: int, earned: int) -> GroupResult:
        verdict = Verdict.ACCEPTED if earned == points else Verdict.WRONG_ANSWER
        return GroupResult(index=index, name=name, points=points, earned=earned, verdict=verdict, tests=[index])

    groups = [group(1, "samples", 0, 0), group(2, "small", 40, earned_small), group(3, "large", 60, earned_large)]
    score = earned_small + earned_large
    verdict = Verdict.ACCEPTED if score == 100 else Verdict.PARTIAL if score else Verdict.WRONG_ANSWER
    return JudgeResult(verdict=verdict, passed=3, total=3, score=score, max_score=100, time_ms=1, memory_kb=1,
                       groups=groups)  # fmt: skip


async def test_points_contests_sum_the_best_of_each_subtask(tmp_path: Path) -> None:
    """One submission solves the large group only, a later one the small group only: IOI counts
    both groups, 100 points, where the best single submission scores 60."""
    database = await Database.open(tmp_path / "codearena.db")
    try:
        async with database.write() as db:
            await db.execute("INSERT INTO users (id, username, role, created_at) VALUES (7, 'ann', 'student', 'x')")
        contests = ContestStore(database)
        fields = {"slug": "ioi", "title": "IOI", "starts_at": "2026-01-01T00:00:00.000Z",
                  "ends_at": "2026-01-02T00:00:00.000Z", "rule": "points"}  # fmt: skip
        contest_id = await contests.create(fields, [ContestProblem("A", SLUG, 100.0)], [7])
        assert contest_id is not None
        store = SubmissionStore(database)
        for created_at, result in [("2026-01-01T01:00:00.000Z", grouped_result(0, 60)),
                                   ("2026-01-01T02:00:00.000Z", grouped_result(40, 0))]:  # fmt: skip
            made = await store.create(Owner("s", 7), SLUG, "python", "x")
            async with database.write() as db:
                await db.execute("UPDATE submissions SET created_at = ? WHERE id = ?", (created_at, made.id))
            await store.save_result(made.id, result)
        contest = await contests.by_slug("ioi")
        assert contest is not None
        found = await contests.submissions(contest, [7])
        assert [(s.share, s.subtasks) for s in found] == [
            (0.6, (("samples", 0.0), ("small", 0.0), ("large", 0.6))),
            (0.4, (("samples", 0.0), ("small", 0.4), ("large", 0.0))),
        ]
    finally:
        await database.close()
    # What the contest service hands the standings (services/contests.py's entry()).
    entries = [Entry("ann", "A", 3600.0 * k, Verdict(s.verdict or ""), s.share, s.subtasks)
               for k, s in enumerate(found, 1)]  # fmt: skip
    rules = Rules(Rule.POINTS, duration_s=86400)
    board = standings(rules, [Problem("A", 100.0)], ["ann"], entries)
    assert board.rows[0].points == 100.0 and board.rows[0].cells["A"].subtasks == {"samples": 0.0, "small": 0.4,
                                                                                   "large": 0.6}  # fmt: skip
    without = [Entry(e.participant, e.problem, e.at_s, e.verdict, e.score) for e in entries]
    assert standings(rules, [Problem("A", 100.0)], ["ann"], without).rows[0].points == 60.0, "the best single one"


async def judged(server: TestServer, user: User, problem: str, created_at: str, passed: int, total: int,
                 score: int | None, max_score: int | None) -> None:  # fmt: skip
    """A completed submission of `user`'s, made at `created_at`, with a score in points."""
    async with server.app[DATABASE].write() as db:
        await db.execute(
            "INSERT INTO submissions (id, session, user_id, problem, language, source, status, verdict, passed,"
            " total, score, max_score, created_at)"
            " VALUES (?, 's', ?, ?, 'python', 'x', 'completed', 'partial', ?, ?, ?, ?, ?)",
            (secrets.token_hex(8), user.id, problem, passed, total, score, max_score, created_at),
        )  # fmt: skip


async def test_an_assignment_grades_a_problem_in_groups_by_its_points(server: TestServer) -> None:
    teacher, ann, bob = (await add_user(server, "teacher", Role.INSTRUCTOR), await add_user(server, "ann"),
                         await add_user(server, "bob"))  # fmt: skip
    await course(server, "algo", teacher, ann, bob)
    clients: dict[str, Any] = await signed_in(server, "teacher", "ann", "bob")
    try:
        problems = [{"problem": SLUG, "points": 50}, {"problem": "a-plus-b", "points": 10}]
        made = await create(clients["teacher"], "algo", problems=problems)
        on_time = "2026-01-05T00:00:00.000Z"
        await judged(server, ann, SLUG, on_time, 15, 19, 40, 100)  # 15 of 19 tests, but 40 of 100 points
        await judged(server, ann, "a-plus-b", on_time, 8, 10, None, None)  # no groups: tests passed
        await judged(server, bob, SLUG, on_time, 4, 19, 0, 100)  # samples and one more passed: 0 points
        status, body = await call(clients["ann"], "GET", f"/api/assignments/{made['id']}")
        assert status == 200 and body["mine"]["problems"] == {SLUG: 20.0, "a-plus-b": 8.0}
        status, body = await call(clients["bob"], "GET", f"/api/assignments/{made['id']}")
        assert body["mine"]["problems"][SLUG] == 0.0
    finally:
        await close(clients)
