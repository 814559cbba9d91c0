"""A contest's lifecycle (auth = "accounts", the fake judge): practice problems after the end or
not, the reveal after a freeze, virtual runs, the jury's list of submissions and its re-judge,
and the contests index. Times in the past are written straight into the database."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp
import pytest_asyncio
from aiohttp.test_utils import TestServer
from fakes import FakeEngine
from test_accounts import add_user, cheap_hashing, login, server, visitor  # noqa: F401 - fixtures

from codearena.domain.accounts import Role, User
from codearena.domain.grading_rules import iso
from codearena.judging.judge import EventSink
from codearena.languages import Language
from codearena.problems.model import Problem
from codearena.web.keys import DATABASE
from server_helpers import submit, wait_completed

HTML = {"Accept": "text/html"}
PING = {"type": "scoreboard_changed"}
CLARIFICATIONS = "clarifications_changed"  # the other news a contest's socket gets on subscribing


def contest(slug: str, starts: timedelta, ends: timedelta, now: datetime | None = None, **more: Any) -> dict[str, Any]:
    """A contest from `starts` to `ends` (from `now`) on A = a-plus-b and B = two-sum, for ann, bob and cat."""
    now = now or datetime.now(UTC)
    return {"slug": slug, "title": slug.title(), "starts_at": iso(now + starts), "ends_at": iso(now + ends),
            "problems": [{"label": "A", "problem": "a-plus-b"}, {"label": "B", "problem": "two-sum"}],
            "participants": ["ann", "bob", "cat"], **more}  # fmt: skip


@pytest_asyncio.fixture
async def people(server: TestServer) -> AsyncIterator[dict[str, aiohttp.ClientSession]]:  # noqa: F811
    """Signed-in sessions: the teacher (who makes the contests: their jury), another instructor,
    the participants ann, bob and cat, and eve, who takes part in nothing."""
    users: dict[str, User] = {"teacher": await add_user(server, "teacher", Role.INSTRUCTOR),
                              "other": await add_user(server, "other", Role.INSTRUCTOR)}  # fmt: skip
    for name in ("ann", "bob", "cat", "eve"):
        users[name] = await add_user(server, name)
    sessions = {name: visitor(server) for name in users}
    try:
        for name, session in sessions.items():
            await login(session, name)
        yield sessions
    finally:
        for session in sessions.values():
            await session.close()


async def make(client: aiohttp.ClientSession, body: dict[str, Any]) -> None:
    async with client.post("/api/contests", json=body) as r:
        assert r.status == 201, await r.text()


async def user_id(site: TestServer, username: str) -> int:
    row = await site.app[DATABASE].fetchone("SELECT id FROM users WHERE username = ?", (username,))
    assert row is not None
    return int(row[0])


async def judged(site: TestServer, username: str, problem: str, accepted: bool, at: datetime) -> str:
    """A submission judged already, made at `at` (in the past)."""
    submission_id = secrets.token_hex(8)
    verdict, passed = ("accepted", 3) if accepted else ("wrong_answer", 1)
    async with site.app[DATABASE].write() as db:
        await db.execute(
            "INSERT INTO submissions (id, session, user_id, problem, language, source, status, verdict, passed,"
            " total, created_at, finished_at) VALUES (?, '', ?, ?, 'python', 'print(1)', 'completed', ?, ?, 3, ?, ?)",
            (submission_id, await user_id(site, username), problem, verdict, passed, iso(at), iso(at)),
        )
    return submission_id


async def status_of(client: aiohttp.ClientSession, method: str, path: str, **kwargs: Any) -> tuple[int, Any]:
    async with client.request(method, path, **kwargs) as r:
        body = await r.json() if r.content_type == "application/json" else await r.text()
        return r.status, body


def table(body: dict[str, Any]) -> list[tuple[str, int, int, int, bool]]:
    """(participant, rank, solved, penalty, virtual) per row."""
    return [(r["participant"], r["rank"], r["solved"], r["penalty_min"], r["virtual"]) for r in body["rows"]]


async def test_a_contest_may_keep_its_problems_hidden_after_the_end(
    server: TestServer,  # noqa: F811
    people: dict[str, aiohttp.ClientSession],
) -> None:
    t, ann, now = people["teacher"], people["ann"], datetime.now(UTC)
    await make(t, contest("practice", timedelta(hours=-3), timedelta(hours=-2)))
    await make(t, contest("kept", timedelta(hours=-3), timedelta(hours=-2), practice_after_end=False,
                          problems=[{"label": "A", "problem": "fizzbuzz"}]))  # fmt: skip
    mine = await judged(server, "ann", "fizzbuzz", True, now - timedelta(hours=2, minutes=30))
    for name, sees_kept in (("teacher", True), ("ann", False), ("eve", False)):
        assert (await status_of(people[name], "GET", "/api/problems/a-plus-b"))[0] == 200, f"{name}: practice"
        assert (await status_of(people[name], "GET", "/api/problems/fizzbuzz"))[0] == (200 if sees_kept else 404)
    async with ann.post("/api/submissions", json={"problem": "fizzbuzz", "language": "python", "source": "x"}) as r:
        assert r.status == 404, "not a practice problem"
    status, body = await status_of(ann, "GET", "/api/contests/kept/scoreboard")
    assert status == 200 and body["contest"]["practice_after_end"] is False and body["rows"][0]["solved"] == 1
    assert (await status_of(ann, "GET", f"/api/submissions/{mine}"))[0] == 200, "her own past submission"
    status, body = await status_of(t, "POST", "/api/contests", json={**contest("bad", timedelta(0), timedelta(hours=1)),
                                                                      "practice_after_end": "no"})  # fmt: skip
    assert status == 400 and body["error"]["code"] == "invalid_practice_after_end"


async def test_the_jury_reveals_the_frozen_standings_after_the_end(
    server: TestServer,  # noqa: F811
    people: dict[str, aiohttp.ClientSession],
) -> None:
    t, ann, now = people["teacher"], people["ann"], datetime.now(UTC)
    await make(t, contest("running", timedelta(hours=-1), timedelta(hours=1), freeze_min=30))
    await make(t, contest("frozen", timedelta(hours=-2), timedelta(hours=-1), now, freeze_min=30))
    await judged(server, "ann", "a-plus-b", True, now - timedelta(minutes=110))  # 10 minutes in
    await judged(server, "bob", "a-plus-b", True, now - timedelta(minutes=70))  # 50: in the freeze
    status, body = await status_of(t, "POST", "/api/contests/running/reveal")
    assert status == 409 and body["error"]["code"] == "not_ended"
    assert (await status_of(ann, "POST", "/api/contests/frozen/reveal"))[0] == 403, "a participant"
    assert (await status_of(people["eve"], "POST", "/api/contests/frozen/reveal"))[0] == 404, "an outsider"
    assert (await status_of(people["other"], "POST", "/api/contests/frozen/reveal"))[0] == 404, "not its jury"

    _, body = await status_of(ann, "GET", "/api/contests/frozen/scoreboard")
    assert body["frozen"] and body["rows"][0]["participant"] == "ann"
    assert [r["cells"]["A"]["pending"] for r in body["rows"] if r["participant"] == "bob"] == [1]
    async with ann.ws_connect("/ws") as ws:
        await ws.send_json({"type": "subscribe_scoreboard", "contest": "frozen"})
        assert [(await ws.receive_json(timeout=5))["type"] for _ in range(2)] == [PING["type"], CLARIFICATIONS]
        status, revealed = await status_of(t, "POST", "/api/contests/frozen/reveal")
        assert status == 200 and revealed["revealed_at"] and revealed["state"] == "finished"
        assert await ws.receive_json(timeout=1) == {**PING, "contest": "frozen"}, "every board hears of it"
    _, body = await status_of(ann, "GET", "/api/contests/frozen/scoreboard")
    assert not body["frozen"] and [(r["participant"], r["rank"], r["penalty_min"]) for r in body["rows"]] == [
        ("ann", 1, 10), ("bob", 2, 50), ("cat", 3, 0)
    ]  # fmt: skip
    again = await status_of(t, "POST", "/api/contests/frozen/reveal")
    assert again == (200, revealed), "revealed once"
    async with t.get("/contests/frozen", headers=HTML) as r:
        assert "Revealed to the participants" in await r.text()


async def test_a_virtual_run_ranks_among_the_real_participants_as_they_stood(
    server: TestServer,  # noqa: F811
    people: dict[str, aiohttp.ClientSession],
    fake_engine: FakeEngine,
) -> None:
    t, cat = people["teacher"], people["cat"]
    now = datetime.now(UTC)
    start = now - timedelta(hours=3)  # a 2-hour contest that ended an hour ago, kept from practice
    await make(t, contest("past", timedelta(hours=-3), timedelta(hours=-1), now, practice_after_end=False))
    await make(
        t, contest("now", timedelta(hours=-1), timedelta(hours=1), problems=[{"label": "A", "problem": "fizzbuzz"}])
    )
    for who, problem, accepted, minute in (
        ("ann", "a-plus-b", True, 10), ("ann", "two-sum", False, 20), ("ann", "two-sum", True, 70),
        ("bob", "a-plus-b", False, 5), ("bob", "a-plus-b", True, 40), ("bob", "two-sum", True, 45),
    ):  # fmt: skip
        await judged(server, who, problem, accepted, start + timedelta(minutes=minute))

    status, body = await status_of(cat, "GET", "/api/contests/past/virtual")
    assert status == 404 and body["error"]["code"] == "virtual_run_not_found"
    assert (await status_of(cat, "GET", "/api/problems/two-sum"))[0] == 404, "hidden after the end"
    assert (await status_of(cat, "POST", "/api/contests/now/virtual"))[1]["error"]["code"] == "not_ended"
    assert (await status_of(people["eve"], "POST", "/api/contests/past/virtual"))[0] == 404
    assert (await status_of(t, "POST", "/api/contests/past/virtual"))[0] == 403, "the jury does not replay"
    status, run = await status_of(cat, "POST", "/api/contests/past/virtual")
    assert status == 201 and run["ends_at"] > run["started_at"]
    assert (await status_of(cat, "POST", "/api/contests/past/virtual"))[1]["error"]["code"] == "already_started"
    assert (await status_of(cat, "GET", "/api/problems/two-sum"))[0] == 200, "hers during her run"
    assert (await status_of(people["eve"], "GET", "/api/problems/two-sum"))[0] == 404

    # 50 minutes into her run: she misses A once, then solves it (50 + 20).
    async with server.app[DATABASE].write() as db:
        await db.execute("UPDATE virtual_runs SET started_at = ?", (iso(datetime.now(UTC) - timedelta(minutes=50)),))
    async with cat.ws_connect("/ws") as ws:
        await ws.send_json({"type": "subscribe_scoreboard", "contest": "past"})
        assert [(await ws.receive_json(timeout=5))["type"] for _ in range(2)] == [PING["type"], CLARIFICATIONS]
        for source in ("wrong", "accept"):
            await wait_completed(cat, await submit(cat, "a-plus-b", "python", source))
        assert await ws.receive_json(timeout=1) == {**PING, "contest": "past"}, "her own board follows her"

    status, body = await status_of(cat, "GET", "/api/contests/past/virtual")
    assert status == 200 and body["run"]["elapsed_min"] == 50
    # As things stood 50 minutes in: bob 40 + 20 and 45; ann 10 (her B at 70 is still to come).
    assert table(body) == [("bob", 1, 2, 105, False), ("ann", 2, 1, 10, False), ("cat", 3, 1, 70, True)]
    ann_b = next(r for r in body["rows"] if r["participant"] == "ann")["cells"]["B"]
    assert (ann_b["solved"], ann_b["rejected"]) == (False, 1)
    _, real = await status_of(t, "GET", "/api/contests/past/scoreboard")
    assert table(real) == [("ann", 1, 2, 100, False), ("bob", 2, 2, 105, False), ("cat", 3, 0, 0, False)], (
        "the real standings hold no virtual run"
    )
    async with cat.get("/contests/past/virtual", headers=HTML) as r:
        page = await r.text()
        assert r.status == 200 and 'data-virtual="true"' in page and "50 of 120 minutes" in page
    async with cat.get("/contests/past", headers=HTML) as r:
        assert 'href="/contests/past/virtual"' in await r.text()
    assert (await status_of(people["ann"], "GET", "/api/contests/past/virtual"))[0] == 404, "ann has no run"


async def test_the_jury_lists_every_submission_and_only_the_jury_opens_them(
    server: TestServer,  # noqa: F811
    people: dict[str, aiohttp.ClientSession],
) -> None:
    t, ann, bob = people["teacher"], people["ann"], people["bob"]
    await make(t, contest("round", timedelta(minutes=-30), timedelta(minutes=30)))
    wrong = await submit(ann, "a-plus-b", "python", "wrong")
    right = await submit(bob, "two-sum", "python", "accept")
    for client, submission_id in ((ann, wrong), (bob, right)):
        await wait_completed(client, submission_id)
    await submit(people["eve"], "fizzbuzz", "python", "accept")  # not a participant, not a contest problem

    status, body = await status_of(t, "GET", "/api/contests/round/submissions")
    assert status == 200
    rows = [(s["id"], s["user"]["username"], s["label"], s["verdict"]) for s in body["submissions"]]
    assert rows == [(right, "bob", "B", "accepted"), (wrong, "ann", "A", "wrong_answer")], "newest first"
    assert body["submissions"][0]["at_min"] in (29, 30) and body["next_before"] is None
    _, body = await status_of(t, "GET", "/api/contests/round/submissions?problem=A&participant=ann")
    assert [s["id"] for s in body["submissions"]] == [wrong]
    _, body = await status_of(t, "GET", "/api/contests/round/submissions?participant=bob&problem=A")
    assert body["submissions"] == []
    _, body = await status_of(t, "GET", "/api/contests/round/submissions?limit=1")
    assert [s["id"] for s in body["submissions"]] == [right] and body["next_before"]
    _, body = await status_of(t, "GET", f"/api/contests/round/submissions?limit=1&before={body['next_before']}")
    assert [s["id"] for s in body["submissions"]] == [wrong]
    for query, code in (("problem=Z", "invalid_problem"), ("participant=eve", "invalid_participant")):
        status, body = await status_of(t, "GET", f"/api/contests/round/submissions?{query}")
        assert status == 400 and body["error"]["code"] == code, query

    for name, expected in (("ann", 403), ("eve", 404), ("other", 404)):
        assert (await status_of(people[name], "GET", "/api/contests/round/submissions"))[0] == expected, name
        async with people[name].get("/contests/round/submissions", headers=HTML) as r:
            assert r.status == expected, name
    status, seen = await status_of(t, "GET", f"/api/submissions/{wrong}")
    assert status == 200 and seen["source"] == "wrong", "the jury opens a participant's submission, source too"
    for name in ("bob", "other", "eve"):
        assert (await status_of(people[name], "GET", f"/api/submissions/{wrong}"))[0] == 404, name
    async with t.get("/contests/round/submissions?participant=ann", headers=HTML) as r:
        page = await r.text()
        assert r.status == 200 and f'href="/submissions/{wrong}"' in page and right not in page
        assert "0:30" in page or "0:29" in page
    async with t.get(f"/submissions/{wrong}", headers=HTML) as r:
        assert r.status == 200


async def test_a_rejudge_that_changes_a_verdict_changes_the_standings(
    server: TestServer,  # noqa: F811
    people: dict[str, aiohttp.ClientSession],
    fake_engine: FakeEngine,
) -> None:
    """ "flaky" is judged wrong until the checker is fixed, then right."""
    fixed = False
    judge = fake_engine.judging.judge

    async def flaky(problem: Problem, language: Language, source: str, on_event: EventSink) -> Any:
        return await judge(problem, language, source.replace("flaky", "accept" if fixed else "wrong"), on_event)

    fake_engine.judging.judge = flaky  # type: ignore[method-assign]
    t, ann, bob = people["teacher"], people["ann"], people["bob"]
    await make(t, contest("round", timedelta(minutes=-30), timedelta(minutes=30)))
    first = await submit(ann, "a-plus-b", "python", "flaky")
    await wait_completed(ann, first)
    await wait_completed(bob, await submit(bob, "a-plus-b", "python", "accept"))

    def a_cells(body: dict[str, Any]) -> dict[str, tuple[bool, int, bool]]:
        return {r["participant"]: (r["cells"]["A"]["solved"], r["cells"]["A"]["rejected"],
                                   r["cells"]["A"]["first_solve"]) for r in body["rows"]}  # fmt: skip

    _, body = await status_of(t, "GET", "/api/contests/round/scoreboard")
    assert a_cells(body) == {"bob": (True, 0, True), "ann": (False, 1, False), "cat": (False, 0, False)}

    for data, status, code in (({}, 400, "invalid_scope"), ({"problem": "Z"}, 400, "invalid_problem"),
                               ({"submission": "0123456789abcdef"}, 404, "submission_not_found"),
                               ({"submission": first, "problem": "A"}, 400, "invalid_scope")):  # fmt: skip
        got = await status_of(t, "POST", "/api/contests/round/rejudge", json=data)
        assert (got[0], got[1]["error"]["code"]) == (status, code), data
    assert (await status_of(ann, "POST", "/api/contests/round/rejudge", json={"problem": "A"}))[0] == 403
    assert (await status_of(people["other"], "POST", "/api/contests/round/rejudge", json={"problem": "A"}))[0] == 404

    fixed = True
    status, done = await status_of(t, "POST", "/api/contests/round/rejudge", json={"submission": first})
    assert status == 202 and done["submissions"] == [first]
    assert (await wait_completed(t, first))["verdict"] == "accepted"
    _, body = await status_of(t, "GET", "/api/contests/round/scoreboard")
    assert a_cells(body) == {"ann": (True, 0, True), "bob": (True, 0, False), "cat": (False, 0, False)}, (
        "ann's earlier submission is now the first to solve A"
    )
    assert body["rows"][0]["participant"] == "ann"
    assert (await status_of(t, "GET", f"/api/rejudges/{done['id']}"))[0] == 404, "a contest's, not a course's"

    fixed = False  # the whole problem again: ann's back to wrong, bob's still right
    status, done = await status_of(t, "POST", "/api/contests/round/rejudge", json={"problem": "A"})
    assert status == 202 and len(done["submissions"]) == 2
    for submission_id in done["submissions"]:
        await wait_completed(t, submission_id)
    _, body = await status_of(t, "GET", "/api/contests/round/scoreboard")
    assert a_cells(body)["ann"] == (False, 1, False)
    async with t.post("/contests/round/rejudge", data={"problem": "A"}, allow_redirects=False) as r:
        assert r.status == 403, "the form needs its CSRF token"


async def test_the_contests_index_lists_what_each_one_judges_or_takes_part_in(
    server: TestServer,  # noqa: F811
    people: dict[str, aiohttp.ClientSession],
) -> None:
    t = people["teacher"]
    await make(t, contest("later", timedelta(hours=1), timedelta(hours=2)))
    await make(t, contest("now", timedelta(hours=-1), timedelta(hours=1), participants=["ann"]))
    await make(t, contest("over", timedelta(hours=-3), timedelta(hours=-2)))
    expected = {"teacher": [("later", "upcoming", True), ("now", "running", True), ("over", "finished", True)],
                "bob": [("later", "upcoming", False), ("over", "finished", False)], "eve": [], "other": []}  # fmt: skip
    for name, contests in expected.items():
        status, body = await status_of(people[name], "GET", "/api/contests")
        assert status == 200 and [(c["slug"], c["state"], c["jury"]) for c in body["contests"]] == contests, name
    async with people["bob"].get("/contests", headers=HTML) as r:
        page = await r.text()
        assert r.status == 200 and 'href="/contests/over"' in page and 'href="/contests/now"' not in page
        assert '<a href="/contests" aria-current="page">Contests</a>' in page


async def test_anyone_signed_in_registers_for_an_open_contest_until_it_ends(
    server: TestServer,  # noqa: F811
    people: dict[str, aiohttp.ClientSession],
) -> None:
    t, eve, bob = people["teacher"], people["eve"], people["bob"]
    await make(t, contest("open", timedelta(hours=-1), timedelta(hours=1), participants=[], open_registration=True))
    await make(t, contest("closed", timedelta(hours=-1), timedelta(hours=1), participants=[]))
    await make(t, contest("open-over", timedelta(hours=-3), timedelta(hours=-2), participants=[],
                          open_registration=True))  # fmt: skip
    async with t.post("/api/contests", json=contest("bad", timedelta(0), timedelta(hours=1),
                                                     open_registration="yes")) as r:  # fmt: skip
        assert r.status == 400 and (await r.json())["error"]["code"] == "invalid_open_registration"
    status, body = await status_of(eve, "GET", "/api/contests")
    listed = {c["slug"]: (c["takes_part"], c["may_register"]) for c in body["contests"]}
    assert listed == {"open": (False, True), "open-over": (False, False)}, "a closed contest is not listed"
    async with eve.get("/contests/open", headers=HTML) as r:
        page = await r.text()
        assert r.status == 200 and 'action="/contests/open/register"' in page, "its page offers to register"
    assert (await status_of(eve, "GET", "/contests/closed", headers=HTML))[0] == 404
    assert (await status_of(eve, "GET", "/api/contests/open/scoreboard"))[0] == 404, "not before registering"
    assert (await status_of(eve, "POST", "/api/contests/closed/register"))[0] == 404
    assert (await status_of(eve, "POST", "/api/contests/open-over/register"))[0] == 409, "it has ended"
    assert (await status_of(t, "POST", "/api/contests/open/register"))[0] == 409, "the jury takes no part"
    assert (await status_of(eve, "POST", "/contests/open/register", data={"csrf_token": "forged"}))[0] == 403
    async with bob.ws_connect("/ws") as ws:
        assert (await status_of(bob, "POST", "/api/contests/open/register"))[0] == 200
        await ws.send_json({"type": "subscribe_scoreboard", "contest": "open"})
        assert [(await ws.receive_json(timeout=5))["type"] for _ in range(2)] == [PING["type"], CLARIFICATIONS]
        assert (await status_of(eve, "POST", "/api/contests/open/register"))[0] == 200
        assert await ws.receive_json(timeout=1) == {**PING, "contest": "open"}, "a new row on every board"
        await wait_completed(eve, await submit(eve, "a-plus-b", "python", "accept"))
        assert (await ws.receive_json(timeout=1))["type"] == PING["type"], "the newcomer's solve is news too"
    status, body = await status_of(bob, "GET", "/api/contests/open/scoreboard")
    assert status == 200 and [(r["participant"], r["solved"]) for r in body["rows"]] == [("eve", 1), ("bob", 0)]
    assert (await status_of(eve, "POST", "/api/contests/open/register"))[0] == 200, "twice changes nothing"
