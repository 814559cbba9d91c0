"""Contests (auth = "accounts"), with the fake judge: making one, and its scoreboard as the jury
and as a participant see it, frozen or not; who may see it at all."""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp
from aiohttp.test_utils import TestServer
from test_accounts import add_user, cheap_hashing, login, server, visitor  # noqa: F401 - fixtures

from codearena.domain.accounts import Role
from server_helpers import submit, wait_completed

HTML = {"Accept": "text/html"}


def contest(
    slug: str, *, freeze_min: int | None = None, participants: tuple[str, ...] = ("ann", "bob")
) -> dict[str, Any]:
    now = datetime.now(UTC)
    return {"slug": slug, "title": slug.title(), "starts_at": (now - timedelta(minutes=30)).isoformat(),
            "ends_at": (now + timedelta(minutes=30)).isoformat(), "rule": "icpc", "freeze_min": freeze_min,
            "problems": [{"label": "A", "problem": "a-plus-b"}, {"label": "B", "problem": "two-sum"}],
            "participants": list(participants)}  # fmt: skip


async def board(client: aiohttp.ClientSession, slug: str) -> tuple[int, dict[str, Any]]:
    async with client.get(f"/api/contests/{slug}/scoreboard") as r:
        return r.status, await r.json()


def rows(body: dict[str, Any]) -> dict[str, tuple[int, int, int, int, int]]:
    """participant -> (rank, solved, A's rejected tries, A's pending, penalty)."""
    return {r["participant"]: (r["rank"], r["solved"], r["cells"]["A"]["rejected"], r["cells"]["A"]["pending"],
                               r["penalty_min"]) for r in body["rows"]}  # fmt: skip


async def test_the_jury_sees_the_standings_and_participants_see_them_frozen(server: TestServer) -> None:  # noqa: F811
    await add_user(server, "teacher", Role.INSTRUCTOR)
    for name in ("ann", "bob", "eve"):
        await add_user(server, name)
    clients = {name: visitor(server) for name in ("teacher", "ann", "bob", "eve", "nobody")}
    try:
        for name, client in clients.items():
            if name != "nobody":
                await login(client, name)
        async with clients["ann"].post("/api/contests", json=contest("nope")) as r:
            assert r.status == 403, "a student makes no contest"
        for slug, freeze in (("open-round", None), ("frozen-round", 40)):
            async with clients["teacher"].post("/api/contests", json=contest(slug, freeze_min=freeze)) as r:
                assert r.status == 201, await r.text()
        async with clients["teacher"].post("/api/contests", json=contest("open-round")) as r:
            assert r.status == 409
        ann, bob = clients["ann"], clients["bob"]
        for client, source in ((ann, "wrong"), (ann, "accept"), (bob, "accept")):
            await wait_completed(client, await submit(client, "a-plus-b", "python", source))

        # 30 minutes in: bob solved A with no penalty, ann after one wrong try (+20).
        status, body = await board(clients["teacher"], "open-round")
        assert status == 200 and not body["frozen"]
        assert rows(body) == {"bob": (1, 1, 0, 0, 30), "ann": (2, 1, 1, 0, 50)}
        first = {r["participant"]: r["cells"]["A"]["first_solve"] for r in body["rows"]}
        assert first == {"ann": True, "bob": False}, "ann's accepted submission came before bob's"
        assert (await board(ann, "open-round"))[1]["rows"] == body["rows"], "no freeze: participants see it all"

        # Frozen for the last 40 minutes, so since 10 minutes ago: participants see pending.
        status, body = await board(clients["teacher"], "frozen-round")
        assert rows(body) == {"bob": (1, 1, 0, 0, 30), "ann": (2, 1, 1, 0, 50)}, "the jury sees everything"
        status, body = await board(ann, "frozen-round")
        assert body["frozen"] and rows(body) == {"ann": (1, 0, 0, 2, 0), "bob": (1, 0, 0, 1, 0)}

        async with ann.get("/contests/frozen-round", headers=HTML) as r:
            page = await r.text()
            assert r.status == 200 and "frozen" in page and "2 pending" in page
        async with ann.get("/contests/frozen-round", headers={**HTML, "HX-Request": "true"}) as r:
            fragment = await r.text()
            assert "<table" in fragment and "<html" not in fragment

        for name, expected in (("eve", 404), ("nobody", 401)):
            status, _ = await board(clients[name], "open-round")
            assert status == expected, name

        # The jury's export: the CCS Contest API scoreboard shape, and a CSV; not for participants.
        async with clients["teacher"].get("/api/contests/frozen-round/standings.json") as r:
            ccs = await r.json()
        assert [(row["rank"], row["team_id"], row["score"]) for row in ccs["rows"]] == [
            (1, "bob", {"num_solved": 1, "total_time": 30}), (2, "ann", {"num_solved": 1, "total_time": 50})
        ]  # fmt: skip
        assert ccs["rows"][1]["problems"][0] == {"problem_id": "A", "num_judged": 2, "num_pending": 0,
                                                 "solved": True, "time": 30, "first_to_solve": True}  # fmt: skip
        async with clients["teacher"].get("/api/contests/frozen-round/standings.csv") as r:
            lines = (await r.text()).splitlines()
        assert lines[0] == "Rank,Username,Name,Solved,Penalty,A,B" and lines[2] == "2,ann,Ann,1,50,30 (+1),"
        async with ann.get("/api/contests/frozen-round/standings.json") as r:
            assert r.status == 403, "a participant sees only the frozen board"
        async with clients["eve"].get("/contests/open-round", headers=HTML) as r:
            assert r.status == 404
    finally:
        for client in clients.values():
            await client.close()


async def test_bad_contests_are_refused_with_reasons(server: TestServer) -> None:  # noqa: F811
    await add_user(server, "teacher", Role.INSTRUCTOR)
    async with visitor(server) as client:
        await login(client, "teacher")
        cases: list[tuple[dict[str, Any], str]] = [
            ({"slug": "Bad Slug"}, "invalid_slug"), ({"ends_at": "2000-01-01T00:00:00Z"}, "invalid_times"),
            ({"rule": "golf"}, "invalid_rule"), ({"problems": [{"label": "A", "problem": "nope"}]}, "invalid_problems"),
            ({"participants": ["ghost"]}, "invalid_participants"), ({"slug": "new"}, "invalid_slug"),
            ({"problems": [{"label": "A", "problem": "two-sum"}, {"label": "B", "problem": "two-sum"}]},
             "invalid_problems"),
        ]  # fmt: skip
        for change, code in cases:
            async with client.post("/api/contests", json={**contest("c1", participants=()), **change}) as r:
                assert r.status == 400 and (await r.json())["error"]["code"] == code, change


async def test_open_mode_has_no_contests(fake_server: TestServer) -> None:
    async with (
        aiohttp.ClientSession(base_url=fake_server.make_url("")) as client,
        client.get("/api/contests/x/scoreboard") as r,
    ):
        assert r.status == 400 and (await r.json())["error"]["code"] == "accounts_off"


def solved_in(html: str) -> set[str]:
    """The participants a standings table shows with a solved cell."""
    found = re.findall(r'<tr data-participant="([^"]+)">(.*?)</tr>', html, re.S)
    return {name for name, row in found if "score-cell solved" in row}


async def test_the_scoreboard_is_sent_live_when_a_participant_submits(server: TestServer) -> None:  # noqa: F811
    await add_user(server, "teacher", Role.INSTRUCTOR)
    for name in ("ann", "bob", "eve"):
        await add_user(server, name)
    clients = {name: visitor(server) for name in ("teacher", "ann", "bob", "eve")}
    try:
        for name, client in clients.items():
            await login(client, name)
        async with clients["teacher"].post("/api/contests", json=contest("live-round")) as r:
            assert r.status == 201
        async with clients["ann"].ws_connect("/ws") as ws, clients["eve"].ws_connect("/ws") as outsider:
            await ws.send_json({"type": "subscribe_scoreboard", "contest": "live-round", "table": True})
            first = await ws.receive_json(timeout=5)
            assert first["type"] == "scoreboard" and first["contest"] == "live-round"
            assert 'data-participant="bob"' in first["html"] and solved_in(first["html"]) == set()
            assert await ws.receive_json(timeout=5) == {"type": "clarifications_changed", "contest": "live-round"}
            await outsider.send_json({"type": "subscribe_scoreboard", "contest": "live-round"})
            assert (await outsider.receive_json(timeout=5))["type"] == "error", "eve does not take part"
            await submit(clients["teacher"], "a-plus-b", "python", "accept")  # not a participant: no news
            submission_id = await submit(clients["bob"], "a-plus-b", "python", "accept")
            await wait_completed(clients["bob"], submission_id)
            loop = asyncio.get_running_loop()
            started = loop.time()
            tables = [await ws.receive_json(timeout=1)]  # queued and judged: one table or two
            while solved_in(tables[-1]["html"]) != {"bob"}:
                tables.append(await ws.receive_json(timeout=1))
            assert loop.time() - started < 1 and len(tables) <= 2
            status, body = await board(clients["ann"], "live-round")
            assert status == 200 and rows(body)["bob"][:2] == (1, 1)
    finally:
        for client in clients.values():
            await client.close()


async def test_a_contest_hides_its_problems_until_it_starts_and_from_outsiders_until_it_ends(
    server: TestServer,  # noqa: F811
) -> None:
    await add_user(server, "teacher", Role.INSTRUCTOR)
    for name in ("ann", "eve"):
        await add_user(server, name)
    clients = {name: visitor(server) for name in ("teacher", "ann", "eve")}
    now = datetime.now(UTC)

    async def window(slug: str, starts: timedelta, ends: timedelta, problem: str) -> None:
        body = {**contest(slug, participants=("ann",)), "starts_at": (now + starts).isoformat(),
                "ends_at": (now + ends).isoformat(), "problems": [{"label": "A", "problem": problem}]}  # fmt: skip
        async with clients["teacher"].post("/api/contests", json=body) as r:
            assert r.status == 201, await r.text()

    async def sees(name: str, problem: str) -> bool:
        async with clients[name].get(f"/api/problems/{problem}") as r:
            assert r.status in (200, 404)
            return r.status == 200

    try:
        for name, client in clients.items():
            await login(client, name)
        await window("later", timedelta(hours=1), timedelta(hours=2), "two-sum")
        await window("now", timedelta(hours=-1), timedelta(hours=1), "fizzbuzz")
        await window("over", timedelta(hours=-3), timedelta(hours=-2), "a-plus-b")
        assert [await sees(n, "two-sum") for n in ("teacher", "ann", "eve")] == [True, False, False], "not started"
        assert [await sees(n, "fizzbuzz") for n in ("teacher", "ann", "eve")] == [True, True, False], "running"
        assert [await sees(n, "a-plus-b") for n in ("teacher", "ann", "eve")] == [True, True, True], "practice"
        async with clients["eve"].post("/api/submissions", json={"problem": "fizzbuzz", "language": "python",
                                                                 "source": "accept"}) as r:  # fmt: skip
            assert r.status == 404, "an outsider cannot submit to a running contest's problem"
    finally:
        for client in clients.values():
            await client.close()
