"""Similarity reports through the whole app (auth = "accounts", the fake judge, the real worker
process): students submit the fixtures of tests/fixtures/similarity, the instructor starts a
report, watches it finish, reads the ranked pairs, a pair side by side and the CSV; a student and
an outsider are refused. Then a contest's jury does the same for one problem."""

# ruff: noqa: F811 (the fixtures imported from test_accounts are redefined as test arguments)

from __future__ import annotations

import asyncio
import csv
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp.test_utils import TestServer
from test_accounts import add_user, cheap_hashing, login, server, visitor  # noqa: F401 (fixtures)
from test_assignments import course

from codearena.domain.accounts import Role
from codearena.domain.similarity import THRESHOLD
from codearena.services.similarity import Options, Report, Scope, State
from codearena.web.similarity import lines_text
from codearena.web.views import make_environment
from server_helpers import XSS_PAYLOAD, submit, wait_completed

FIXTURES = Path(__file__).parent / "fixtures" / "similarity"
LANGUAGES = {"python": ("py", "py"), "javascript": ("js", "js"), "java": ("jv", "java"), "cpp": ("cp", "cpp")}
ROLES = ("original", "copy", "independent")
HTML = {"Accept": "text/html"}


def local(delta: timedelta) -> str:
    return (datetime.now(UTC) + delta).strftime("%Y-%m-%dT%H:%M:%S")


async def call(client: aiohttp.ClientSession, method: str, path: str, body: Any = None) -> tuple[int, Any]:
    async with client.request(method, path, json=body) as r:
        return r.status, await r.json()


async def finished(client: aiohttp.ClientSession, report_id: str, timeout_s: float = 60) -> dict[str, Any]:
    """The report once it is done, checking on the way that its progress only grows."""
    deadline, last = asyncio.get_running_loop().time() + timeout_s, -1
    while True:
        status, body = await call(client, "GET", f"/api/similarity/{report_id}")
        assert status == 200, body
        assert body["progress"]["percent"] >= last
        last = body["progress"]["percent"]
        if body["state"] in ("done", "failed"):
            return dict(body)
        assert asyncio.get_running_loop().time() < deadline, body
        await asyncio.sleep(0.05)


async def students_submit(server: TestServer, problem: str) -> dict[str, str]:
    """For each language, three students submit its original, its copy and the independent
    solution to `problem`; username -> the role they play. The python copier first sent a wrong
    answer, and hid a script in a comment of the copy."""
    roles = {}
    for language, (prefix, extension) in LANGUAGES.items():
        for n, role in enumerate(ROLES):
            username = f"{prefix}{n}"
            roles[username] = role
            source = (FIXTURES / language / f"{role}.{extension}").read_text()
            async with visitor(server) as client:
                assert (await login(client, username)).status == 200
                if (language, role) == ("python", "copy"):
                    await wait_completed(client, await submit(client, problem, language, "wrong"))
                    source += f"# {XSS_PAYLOAD}\n"
                await wait_completed(client, await submit(client, problem, language, source))
    return roles


async def test_an_instructor_ranks_the_copies_of_an_assignment_and_students_are_refused(server: TestServer) -> None:
    teacher = await add_user(server, "teacher", Role.INSTRUCTOR)
    await add_user(server, "other", Role.INSTRUCTOR)  # teaches no course of theirs
    students = [await add_user(server, f"{prefix}{n}") for prefix, _ in LANGUAGES.values() for n in range(3)]
    await course(server, "algo", teacher, *students)
    clients = {name: visitor(server) for name in ("teacher", "other", "py0", "nobody")}
    try:
        for name in ("teacher", "other", "py0"):
            assert (await login(clients[name], name)).status == 200
        t = clients["teacher"]
        status, assignment = await call(t, "POST", "/api/courses/algo/assignments", {
            "title": "Week 3", "problems": [{"problem": "merge-intervals", "points": 100}],
            "opens_at": local(-timedelta(hours=1)), "due_at": local(timedelta(days=1))})  # fmt: skip
        assert status == 201, assignment
        roles = await students_submit(server, "merge-intervals")

        scope = {"course": "algo", "assignment": assignment["id"]}
        status, started = await call(t, "POST", "/api/similarity", scope)
        assert status == 202 and started["state"] in ("queued", "fingerprinting", "comparing", "done"), started
        body = await finished(t, started["id"])
        assert body["state"] == "done", body
        assert body["progress"] == {"percent": 100, "submissions": 12, "fingerprinted": 12, "pairs": 12, "compared": 12}
        assert body["skipped"] == [] and body["wall_time_s"] > 0
        pairs = body["pairs"]
        assert [p["rank"] for p in pairs] == [1, 2, 3, 4], "one copy per language, nothing else is that alike"
        for p in pairs:
            who = {roles[p["a"]["user"]["username"]], roles[p["b"]["user"]["username"]]}
            assert who == {"original", "copy"} and p["similarity"] >= THRESHOLD, p
            assert p["a"]["user"]["username"][:2] == p["b"]["user"]["username"][:2], "compared within a language"
            assert all(r["lines"][0] <= r["lines"][1] for r in p["a"]["regions"] + p["b"]["regions"])
        assert sorted(p["language"] for p in pairs) == sorted(LANGUAGES)
        assert [p["similarity"] for p in pairs] == sorted((p["similarity"] for p in pairs), reverse=True)

        async with t.get(f"/api/similarity/{started['id']}.csv") as r:
            assert r.status == 200 and r.content_type == "text/csv"
            rows = list(csv.reader(io.StringIO(await r.text())))
        assert rows[0][:4] == ["Rank", "Similarity", "Problem", "Language"] and len(rows) == 5
        assert {rows[1][4], rows[1][9]} <= set(roles) and rows[1][2] == "merge-intervals"

        # The pages: the ranked list, and the python pair side by side, its script shown as text.
        async with t.get(f"/similarity/{started['id']}", headers=HTML) as r:
            page = await r.text()
            assert r.status == 200 and page.count('href="/similarity/' + started["id"] + "/pairs/") == 4
        rank = next(p["rank"] for p in pairs if p["language"] == "python")
        async with t.get(f"/similarity/{started['id']}/pairs/{rank}", headers=HTML) as r:
            page = await r.text()
            assert r.status == 200 and "<mark>" in page and "merged[-1][1]" in page
            assert "&lt;script&gt;" in page and "<script>window.__pwned" not in page
        async with t.get(f"/similarity/{started['id']}/pairs/5", headers=HTML) as r:
            assert r.status == 404

        # Starting from the page's form: the same report while it is unfinished, else a new one.
        async with t.get(f"/similarity/new?assignment={assignment['id']}&course=algo", headers=HTML) as r:
            form = await r.text()
            assert r.status == 200 and "Week 3" in form
        token = form.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
        data = {"csrf_token": token, "assignment": str(assignment["id"]), "course": "algo", "accepted_only": "on",
                "threshold_percent": "95", "min_tokens": "50"}  # fmt: skip
        async with t.post("/similarity", data=data, allow_redirects=False) as r:
            assert r.status == 303
            second = r.headers["Location"].rsplit("/", 1)[1]
        body = await finished(t, second)
        assert body["options"] == {"accepted_only": True, "threshold": 0.95, "min_tokens": 50}
        assert {p["language"] for p in body["pairs"]} == {"javascript", "java", "cpp"}, "the python copy is 90% alike"

        # Who may: a student of the course is refused, an instructor of another course and a
        # visitor who is not signed in are told there is no such thing.
        for name, expected in (("py0", 403), ("other", 404), ("nobody", 401)):
            status, _ = await call(clients[name], "GET", f"/api/similarity/{started['id']}")
            assert status == expected, name
            status, _ = await call(clients[name], "POST", "/api/similarity", scope)
            assert status == expected, name
        async with clients["py0"].get(f"/similarity/{started['id']}/pairs/1", headers=HTML) as r:
            assert r.status == 403 and "merged" not in await r.text()
        for bad, code in (({"assignment": assignment["id"], "threshold": 2}, "invalid_threshold"),
                          ({"assignment": assignment["id"], "accepted_only": "yes"}, "invalid_accepted_only"),
                          ({}, "invalid_scope"), ({"assignment": 999}, "assignment_not_found")):  # fmt: skip
            status, error = await call(t, "POST", "/api/similarity", bad)
            assert status in (400, 404) and error["error"]["code"] == code, bad
        status, _ = await call(t, "GET", "/api/similarity/0123456789abcdef")
        assert status == 404
    finally:
        for client in clients.values():
            await client.close()


async def test_a_contests_jury_compares_one_problem_and_participants_are_refused(server: TestServer) -> None:
    await add_user(server, "judge", Role.INSTRUCTOR)
    names = [f"{prefix}{n}" for prefix, _ in LANGUAGES.values() for n in range(3)]
    for name in names:
        await add_user(server, name)
    now = datetime.now(UTC)
    problems = [{"label": "A", "problem": "a-plus-b"}, {"label": "B", "problem": "merge-intervals"}]
    times = {"starts_at": (now - timedelta(minutes=5)).isoformat(), "ends_at": (now + timedelta(hours=1)).isoformat()}
    contest = {"slug": "spring", "title": "Spring round", "participants": names, "problems": problems, **times}
    async with visitor(server) as judge, visitor(server) as participant:
        await login(judge, "judge")
        await login(participant, "py0")
        assert (await call(judge, "POST", "/api/contests", contest))[0] == 201
        roles = await students_submit(server, "merge-intervals")

        async with judge.get("/contests/spring", headers=HTML) as r:
            assert 'href="/similarity/new?contest=spring&amp;label=B"' in await r.text()
        status, started = await call(judge, "POST", "/api/similarity", {"contest": "spring", "label": "B"})
        assert status == 202, started
        body = await finished(judge, started["id"])
        assert body["scope"] == {"kind": "contest", "contest": "spring", "label": "B",
                                 "title": "Spring round, problem B: Merge Intervals"}  # fmt: skip
        assert len(body["pairs"]) == 4
        assert all({roles[p["a"]["user"]["username"]], roles[p["b"]["user"]["username"]]} == {"original", "copy"}
                   for p in body["pairs"])  # fmt: skip

        assert (await call(participant, "GET", f"/api/similarity/{started['id']}"))[0] == 403
        assert (await call(participant, "POST", "/api/similarity", {"contest": "spring", "label": "B"}))[0] == 403
        assert (await call(judge, "POST", "/api/similarity", {"contest": "spring", "label": "Z"}))[0] == 404


def test_while_a_report_is_made_its_fragment_shows_the_phase_and_asks_again() -> None:
    scope = Scope("assignment", "algo", "3", "Week 3, Algo")
    report = Report("0" * 16, scope, Options(), 1, "2026-01-01T00:00:00.000Z", state=State.COMPARING,
                    submissions=10, fingerprinted=10, pairs_total=40, compared=10)  # fmt: skip
    template = make_environment().get_template("_similarity_report.html")
    page = template.render(report=report, lines_text=lines_text, languages={})
    assert 'hx-trigger="every 1s"' in page and "Compared 10 of 40 pairs" in page
    assert '<progress id="sim-bar" max="100" value="40">' in page, "a fifth for fingerprints, the rest for pairs"
    report.state = State.DONE
    page = template.render(report=report, lines_text=lines_text, languages={})
    assert "hx-trigger" not in page and "No two solutions are that alike" in page
