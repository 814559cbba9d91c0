"""The instructor's view of a course (auth = "accounts"), on the fake engine: the submissions with
their filters and the late rule, a student's history, diffs, permissions and re-judging."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestServer
from fakes import FakeEngine
from test_accounts import add_user, cheap_hashing, login, server, visitor  # noqa: F401 - fixtures

from codearena.domain.accounts import Role, User
from codearena.domain.grading_rules import Assignment, Extension, is_late, window
from codearena.judging.judge import EventSink
from codearena.languages import Language
from codearena.problems.model import Problem
from codearena.store.review import Filters, ReviewStore
from codearena.web.keys import DATABASE
from server_helpers import events_until_completed, submit, wait_completed

HTML = {"Accept": "text/html"}


@pytest.fixture
def site(server: TestServer) -> TestServer:  # noqa: F811 - the accounts-mode app of test_accounts
    return server


async def sql(site: TestServer, query: str, *args: Any) -> int:
    """Run one statement; the id of the row it inserted."""
    async with site.app[DATABASE].write() as db:
        cursor = await db.execute(query, args)
        await cursor.close()
        return cursor.lastrowid or 0


async def course(site: TestServer, slug: str, instructor: User, *students: User) -> int:
    course_id = await sql(site, "INSERT INTO courses (slug, title, created_at) VALUES (?, ?, '2026-01-01')",
                          slug, slug.title())  # fmt: skip
    await sql(site, "INSERT INTO course_members VALUES (?, ?, 'instructor')", course_id, instructor.id)
    for student in students:
        await sql(site, "INSERT INTO course_members VALUES (?, ?, 'student')", course_id, student.id)
    return course_id


async def assignment(site: TestServer, course_id: int, problem: str, opens: str, due: str,
                     time_limit_min: int | None = None) -> int:  # fmt: skip
    assignment_id = await sql(
        site, "INSERT INTO assignments (course_id, title, opens_at, due_at, time_limit_min, created_at)"
        " VALUES (?, 'Week', ?, ?, ?, '2026-01-01')", course_id, opens, due, time_limit_min,
    )  # fmt: skip
    await sql(site, "INSERT INTO assignment_problems (assignment_id, problem) VALUES (?, ?)", assignment_id, problem)
    return assignment_id


async def made(site: TestServer, user: User, problem: str, at: str, verdict: str = "accepted",
               source: str = "accept") -> str:  # fmt: skip
    """A judged submission of `user`'s, made at `at`."""
    submission_id = f"{abs(hash((user.id, problem, at, source))):016x}"[:16]
    await sql(site, "INSERT INTO submissions (id, session, user_id, problem, language, source, status, verdict,"
              " passed, total, created_at) VALUES (?, 's', ?, ?, 'python', ?, 'completed', ?, 1, 2, ?)",
              submission_id, user.id, problem, source, verdict, at)  # fmt: skip
    return submission_id


async def csrf_token(client: aiohttp.ClientSession) -> str:
    async with client.get("/", headers=HTML) as r:
        return (await r.text()).split('name="csrf_token" value="')[1].split('"')[0]


async def listed(client: aiohttp.ClientSession, query: str) -> list[str]:
    async with client.get(f"/api/courses/algo/submissions?{query}") as r:
        body = await r.json()
        assert r.status == 200, body
        return [s["id"] for s in body["submissions"]]


async def test_filters_and_the_late_rule_with_an_extension_and_a_timed_start(site: TestServer) -> None:
    teacher = await add_user(site, "teacher", Role.INSTRUCTOR)
    alice, bob, carol = await add_user(site, "alice"), await add_user(site, "bob"), await add_user(site, "carol")
    course_id = await course(site, "algo", teacher, alice, bob)
    await course(site, "other", teacher, carol)
    week = await assignment(site, course_id, "a-plus-b", "2026-01-01T00:00:00Z", "2026-01-10T00:00:00Z")
    await sql(site, "INSERT INTO extensions (assignment_id, user_id, due_at) VALUES (?, ?, ?)",
              week, bob.id, "2026-01-20T00:00:00Z")  # fmt: skip
    timed = await assignment(site, course_id, "two-sum", "2026-02-01T00:00:00Z", "2026-02-10T00:00:00Z", 60)
    await sql(site, "INSERT INTO timed_starts VALUES (?, ?, ?)", timed, alice.id, "2026-02-02T10:00:00Z")
    on_time = await made(site, alice, "a-plus-b", "2026-01-05T00:00:00.000Z")
    late = await made(site, alice, "a-plus-b", "2026-01-15T00:00:00.000Z", "wrong_answer", "wrong")
    extended = await made(site, bob, "a-plus-b", "2026-01-15T01:00:00.000Z")
    bob_late = await made(site, bob, "a-plus-b", "2026-01-25T00:00:00.000Z")
    free = await made(site, alice, "fizzbuzz", "2026-01-15T02:00:00.000Z")  # in no assignment
    early = await made(site, alice, "a-plus-b", "2025-12-31T00:00:00.000Z")  # before it opened
    in_time = await made(site, alice, "two-sum", "2026-02-02T10:30:00.000Z")
    timed_out = await made(site, alice, "two-sum", "2026-02-02T11:30:00.000Z")
    await made(site, carol, "a-plus-b", "2026-01-15T00:00:00.000Z")  # another course's student
    newest_first = [timed_out, in_time, bob_late, free, extended, late, on_time, early]
    async with visitor(site) as client:
        await login(client, "teacher")
        assert await listed(client, "") == newest_first
        assert await listed(client, "late=yes") == [timed_out, bob_late, late]
        assert await listed(client, "late=no") == [in_time, free, extended, on_time, early]
        assert await listed(client, "student=bob") == [bob_late, extended]
        assert await listed(client, f"student={alice.id}&problem=a-plus-b") == [late, on_time, early]
        assert await listed(client, "verdict=wrong_answer") == [late]
        assert await listed(client, "from=2026-01-14T00:00&to=2026-01-20T00:00") == [free, extended, late]
        assert await listed(client, "to=2026-01-05T00:00:00Z") == [on_time, early]
        first = await (await client.get("/api/courses/algo/submissions?limit=3")).json()
        assert [s["id"] for s in first["submissions"]] == newest_first[:3]
        assert first["submissions"][0]["late"] and first["submissions"][0]["user"]["username"] == "alice"
        rest = await listed(client, f"limit=5&before={first['next_before']}")
        assert rest == newest_first[3:]
        for bad in ("verdict=great", "late=maybe", "from=yesterday", "limit=0"):
            async with client.get(f"/api/courses/algo/submissions?{bad}") as r:
                assert r.status == 400 and (await r.json())["error"]["code"] == "invalid_filter", bad
        headers = {**HTML, "HX-Request": "true"}
        async with client.get("/courses/algo/submissions?late=yes", headers=headers) as r:
            fragment = await r.text()
            assert r.status == 200 and "<html" not in fragment
            assert all(i in fragment for i in (timed_out, bob_late, late)) and on_time not in fragment
        async with client.get("/courses/algo/submissions", headers=HTML) as r:
            page = await r.text()
            assert 'hx-get="/courses/algo/submissions"' in page and 'name="csrf_token"' in page
        async with client.get(f"/courses/algo/students/{alice.id}", headers=HTML) as r:
            page = await r.text()
            assert r.status == 200 and f'href="/submissions/{late}"' in page and extended not in page
        async with client.get(f"/api/courses/algo/students/{bob.id}") as r:
            assert [s["id"] for s in (await r.json())["submissions"]] == [bob_late, extended]
        async with client.get(f"/api/submissions/{late}") as r:
            assert (await r.json())["source"] == "wrong", "the instructor reads the source"


async def test_the_diff_marks_changed_lines_and_escapes_html(site: TestServer) -> None:
    teacher, alice = await add_user(site, "teacher", Role.INSTRUCTOR), await add_user(site, "alice")
    await course(site, "algo", teacher, alice)
    a = await made(site, alice, "a-plus-b", "2026-01-01T00:00:00.000Z", source="x = 1\nprint('<b>hi</b>')\nend\n")
    b = await made(site, alice, "a-plus-b", "2026-01-02T00:00:00.000Z", source="x = 2\nprint('<b>hi</b>')\nend\n")
    async with visitor(site) as client:
        await login(client, "teacher")
        async with client.get(f"/courses/algo/diff?a={a}&b={b}", headers=HTML) as r:
            page = await r.text()
        assert r.status == 200
        assert '<li class="diff-removed"><span class="diff-sign">-</span>' in page
        assert '<li class="diff-added"><span class="diff-sign">+</span>' in page
        assert "<code>x = 1</code>" in page and "<code>x = 2</code>" in page
        assert "&lt;b&gt;hi&lt;/b&gt;" in page and "<b>hi</b>" not in page
        assert "1 line added, 1 removed" in page
        async with client.get(f"/api/courses/algo/diff?a={a}&b={b}") as r:
            lines = (await r.json())["lines"]
        assert lines == [{"sign": "-", "text": "x = 1"}, {"sign": "+", "text": "x = 2"},
                         {"sign": " ", "text": "print('<b>hi</b>')"}, {"sign": " ", "text": "end"}]  # fmt: skip
        async with client.get(f"/api/courses/algo/diff?a={a}&b=0123456789abcdef") as r:
            assert r.status == 404


async def test_only_the_course_instructors_and_admins_reach_it(site: TestServer) -> None:
    teacher, stranger = (
        await add_user(site, "teacher", Role.INSTRUCTOR),
        await add_user(site, "other", Role.INSTRUCTOR),
    )
    alice, bob = await add_user(site, "alice"), await add_user(site, "bob")
    await add_user(site, "root", Role.ADMIN)
    await course(site, "algo", teacher, alice)
    await course(site, "elsewhere", stranger, bob)
    a = await made(site, alice, "a-plus-b", "2026-01-01T00:00:00.000Z")
    b = await made(site, alice, "a-plus-b", "2026-01-02T00:00:00.000Z", source="accept again")
    bobs = await made(site, bob, "a-plus-b", "2026-01-02T00:00:00.000Z")
    sessions = {name: visitor(site) for name in ("teacher", "root", "alice", "bob", "other", "nobody")}
    try:
        for name, client in sessions.items():
            if name != "nobody":
                await login(client, name)
        async with sessions["teacher"].post("/api/courses/algo/rejudge", json={"submission": a}) as r:
            assert r.status == 202, await r.text()
            rejudge_id = (await r.json()).get("id")
        await wait_completed(sessions["teacher"], a)
        assert rejudge_id
        reads = ["/courses/algo/submissions", f"/courses/algo/students/{alice.id}", f"/courses/algo/diff?a={a}&b={b}",
                 f"/courses/algo/rejudges/{rejudge_id}"]  # fmt: skip
        apis = ["/api/courses/algo/submissions", f"/api/courses/algo/students/{alice.id}",
                f"/api/courses/algo/diff?a={a}&b={b}", f"/api/rejudges/{rejudge_id}"]  # fmt: skip
        expected = {"teacher": 200, "root": 200, "alice": 403, "bob": 404, "other": 404, "nobody": 401}
        for name, status in expected.items():
            client = sessions[name]
            for path in apis:
                async with client.get(path) as r:
                    assert r.status == status, (name, path)
            for path in reads:
                async with client.get(path, headers=HTML, allow_redirects=False) as r:
                    assert r.status == (303 if status == 401 else status), (name, path)
            if status != 200:
                async with client.post("/api/courses/algo/rejudge", json={"submission": a}) as r:
                    assert r.status == status, name
                form = {"submission": a, "csrf_token": await csrf_token(client) if name != "nobody" else ""}
                async with client.post("/courses/algo/rejudge", data=form, allow_redirects=False) as r:
                    assert r.status == status, name
        instructor = sessions["teacher"]
        async with instructor.get(f"/api/courses/algo/students/{bob.id}") as r:
            assert r.status == 404, "a student of another course is no student here"
        async with instructor.get(f"/api/courses/algo/diff?a={a}&b={bobs}") as r:
            assert r.status == 404, "another course's submission"
        async with instructor.post("/api/courses/algo/rejudge", json={"submission": bobs}) as r:
            assert r.status == 404
        async with instructor.get(f"/courses/elsewhere/rejudges/{rejudge_id}", headers=HTML) as r:
            assert r.status == 404, "a re-judge shows under its own course only"
        async with instructor.post("/api/courses/algo/rejudge", json={"problem": "a-plus-b", "submission": a}) as r:
            assert r.status == 400 and (await r.json())["error"]["code"] == "invalid_scope"
    finally:
        for client in sessions.values():
            await client.close()


async def test_in_open_mode_the_api_says_accounts_are_off(fake_server: TestServer) -> None:
    async with aiohttp.ClientSession(base_url=fake_server.make_url("")) as client:
        for path in ("/api/courses/algo/submissions", "/api/rejudges/1", "/api/courses/algo/diff?a=1&b=2"):
            async with client.get(path) as r:
                assert r.status == 400 and (await r.json())["error"]["code"] == "accounts_off", path
        async with client.post("/api/courses/algo/rejudge", json={"problem": "a-plus-b"}) as r:
            assert r.status == 400 and (await r.json())["error"]["code"] == "accounts_off"


async def test_a_problem_rejudged_keeps_the_old_results_and_shows_the_new(
    site: TestServer, fake_engine: FakeEngine
) -> None:
    """ "flaky" is judged wrong until the test is fixed (the flip), then right."""
    fixed = False
    judge = fake_engine.judging.judge

    async def flaky(problem: Problem, language: Language, source: str, on_event: EventSink) -> Any:
        return await judge(problem, language, source.replace("flaky", "block accept" if fixed else "wrong"), on_event)

    fake_engine.judging.judge = flaky  # type: ignore[method-assign]
    teacher = await add_user(site, "teacher", Role.INSTRUCTOR)
    alice, bob = await add_user(site, "alice"), await add_user(site, "bob")
    course_id = await course(site, "algo", teacher, alice, bob)
    await assignment(site, course_id, "a-plus-b", "2026-01-01T00:00:00Z", "2099-01-01T00:00:00Z")
    async with visitor(site) as a, visitor(site) as b, visitor(site) as t:
        for client, name in ((a, "alice"), (b, "bob"), (t, "teacher")):
            await login(client, name)
        wrong = await submit(a, "a-plus-b", "python", "flaky")
        right = await submit(b, "a-plus-b", "python", "accept")
        for client, submission_id in ((a, wrong), (b, right)):
            await wait_completed(client, submission_id)
        fixed = True
        async with t.post("/api/courses/algo/rejudge", json={"problem": "a-plus-b"}) as r:
            report = await r.json()
            assert r.status == 202, report
        assert report["counts"] == {"changed": 0, "unchanged": 0, "judging": 2}
        async with a.ws_connect("/ws") as ws:
            await ws.send_json({"type": "subscribe_submission", "submission_id": wrong})
            fake_engine.judging.let_one_through()
            events = await events_until_completed(ws, timeout_s=10)
        assert events[-1]["verdict"] == "accepted", events
        await wait_completed(t, right)
        for _ in range(100):
            async with t.get(f"/api/rejudges/{report['id']}") as r:
                report = await r.json()
            if not report["counts"]["judging"]:
                break
            await asyncio.sleep(0.05)
        assert report["counts"] == {"changed": 1, "unchanged": 1, "judging": 0}
        outcomes = {o["submission"]: o for o in report["submissions"]}
        before = outcomes[wrong]["before"]
        assert before["verdict"] == "wrong_answer" and before["passed"] < before["total"]
        assert outcomes[wrong]["after"]["verdict"] == "accepted" and outcomes[wrong]["changed"]
        assert outcomes[right]["before"]["verdict"] == outcomes[right]["after"]["verdict"] == "accepted"
        stored = await site.app[DATABASE].fetchall("SELECT submission_id, verdict FROM earlier_results")
        assert sorted(map(tuple, stored)) == sorted([(wrong, "wrong_answer"), (right, "accepted")])
        async with a.get(f"/api/submissions/{wrong}") as r:
            body = await r.json()
            assert body["verdict"] == "accepted" and all(x["verdict"] == "accepted" for x in body["tests"])
        async with t.get(f"/courses/algo/rejudges/{report['id']}", headers=HTML) as r:
            page = await r.text()
            assert "1 changed" in page and "1 unchanged" in page and "0 still judging" in page
            assert "hx-trigger" not in page, "a finished re-judge stops polling"
        async with t.post("/courses/algo/rejudge", data={"csrf_token": await csrf_token(t), "submission": right},
                          allow_redirects=False) as r:  # fmt: skip
            assert r.status == 303 and r.headers["Location"].startswith("/courses/algo/rejudges/")


async def test_the_late_filter_agrees_with_the_scoring_rule(site: TestServer) -> None:
    """The late rule is written twice, in SQL for the filter and in Python for the scores: on
    one assignment with an extension and a timed start they must say the same of every
    submission."""
    teacher = await add_user(site, "t", Role.INSTRUCTOR)
    plain, extended, timed = [await add_user(site, name) for name in ("plain", "extended", "timed")]
    course_id = await course(site, "algo", teacher, plain, extended, timed)
    opens, due = "2026-03-01T00:00:00.000Z", "2026-03-08T00:00:00.000Z"
    assignment_id = await assignment(site, course_id, "a-plus-b", opens, due, time_limit_min=90)
    await sql(site, "INSERT INTO extensions (assignment_id, user_id, due_at) VALUES (?, ?, ?)", assignment_id,
              extended.id, "2026-03-10T00:00:00.000Z")  # fmt: skip
    starts = {plain.id: "2026-03-02T10:00:00.000Z", extended.id: "2026-03-09T12:00:00.000Z",
              timed.id: "2026-03-07T23:00:00.000Z"}  # fmt: skip
    for user_id, started in starts.items():
        await sql(site, "INSERT INTO timed_starts VALUES (?, ?, ?)", assignment_id, user_id, started)
    times = ["2026-03-02T11:00:00.000Z", "2026-03-02T11:31:00.000Z", "2026-03-07T23:59:00.000Z",
             "2026-03-08T00:30:00.000Z", "2026-03-09T13:29:00.000Z", "2026-03-09T13:31:00.000Z"]  # fmt: skip
    rule = Assignment(id=assignment_id, course_id=course_id, title="Week", opens_at=opens, due_at=due,
                      time_limit_min=90)  # fmt: skip
    expected = {}
    for user in (plain, extended, timed):
        extension = Extension("2026-03-10T00:00:00.000Z") if user is extended else None
        w = window(rule, extension, starts[user.id])
        for at in times:
            expected[await made(site, user, "a-plus-b", at)] = is_late(w, at)
    store = ReviewStore(site.app[DATABASE])
    found = {s.id: s.late for s in await store.submissions(course_id, Filters(), limit=100)}
    assert found == expected
    assert sum(expected.values()) >= 6 and not all(expected.values()), "both kinds are tested"
