"""Assignments (auth = "accounts") on the whole app with a fake engine: visibility, deadlines,
scores, extensions, timed windows, the grade export and who may do what. No Docker.

Courses and members are made with SQL (the courses feature is built elsewhere); submissions
whose time matters are written with SQL too, so a test can place them before or after a deadline.
"""

# ruff: noqa: F811 (the fixtures imported from test_accounts are redefined as test arguments)

from __future__ import annotations

import csv
import io
import re
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp
from aiohttp.test_utils import TestServer
from test_accounts import add_user, cheap_hashing, login, server, visitor  # noqa: F401 (fixtures)

from codearena.domain.accounts import Role, User
from codearena.web.keys import DATABASE
from server_helpers import submit, wait_completed

HTML = {"Accept": "text/html"}
WEEK_1 = {"title": "Week 1", "problems": [{"problem": "a-plus-b", "points": 50}, {"problem": "fizzbuzz", "points": 30}],
          "opens_at": "2026-01-01T00:00", "due_at": "2026-01-10T00:00", "late_until": "2026-01-20T00:00",
          "late_rule": "per_day:10", "after_due": "late"}  # fmt: skip


def local(delta: timedelta) -> str:
    """Now plus `delta` as a course in UTC enters it."""
    return (datetime.now(UTC) + delta).strftime("%Y-%m-%dT%H:%M:%S")


def stamp(delta: timedelta) -> str:
    return (datetime.now(UTC) + delta).isoformat(timespec="milliseconds").replace("+00:00", "Z")


async def course(server: TestServer, slug: str, instructor: User, *students: User, time_zone: str = "UTC") -> int:
    async with server.app[DATABASE].write() as db:
        cursor = await db.execute("INSERT INTO courses (slug, title, time_zone, created_at) VALUES (?, ?, ?, ?)"
                                  " RETURNING id", (slug, slug.title(), time_zone, "2026-01-01"))  # fmt: skip
        row = await cursor.fetchone()
        await cursor.close()
        assert row is not None
        members = [(row[0], instructor.id, "instructor")] + [(row[0], s.id, "student") for s in students]
        await db.executemany("INSERT INTO course_members (course_id, user_id, role) VALUES (?, ?, ?)", members)
    return int(row[0])


async def students(server: TestServer, *names: str) -> list[User]:
    return [await add_user(server, name) for name in names]


async def one_course(server: TestServer) -> tuple[tuple[User, User, User], dict[str, aiohttp.ClientSession]]:
    """algo: teacher, ann and bob, each signed in."""
    teacher, ann, bob = await add_user(server, "teacher", Role.INSTRUCTOR), *await students(server, "ann", "bob")
    await course(server, "algo", teacher, ann, bob)
    return (teacher, ann, bob), await signed_in(server, "teacher", "ann", "bob")


async def two_courses(server: TestServer) -> tuple[User, User]:
    """algo: teacher and ann; other: stranger and zed. The teacher and ann."""
    teacher, stranger = (await add_user(server, "teacher", Role.INSTRUCTOR),
                         await add_user(server, "stranger", Role.INSTRUCTOR))  # fmt: skip
    ann, zed = await students(server, "ann", "zed")
    await course(server, "algo", teacher, ann)
    await course(server, "other", stranger, zed)
    return teacher, ann


async def judged(server: TestServer, user: User, problem: str, created_at: str, passed: int, total: int) -> None:
    """A completed submission of `user`'s, made at `created_at`."""
    async with server.app[DATABASE].write() as db:
        await db.execute(
            "INSERT INTO submissions (id, session, user_id, problem, language, source, status, verdict, passed, total,"
            " created_at) VALUES (?, 's', ?, ?, 'python', 'x', 'completed', 'wrong_answer', ?, ?, ?)",
            (secrets.token_hex(8), user.id, problem, passed, total, created_at),
        )  # fmt: skip


async def signed_in(server: TestServer, *names: str) -> dict[str, aiohttp.ClientSession]:
    clients = {}
    for name in names:
        clients[name] = visitor(server)
        assert (await login(clients[name], name)).status == 200
    return clients


async def call(client: aiohttp.ClientSession, method: str, path: str, body: Any = None) -> tuple[int, Any]:
    async with client.request(method, path, json=body) as r:
        return r.status, await r.json()


async def create(client: aiohttp.ClientSession, slug: str, **fields: Any) -> dict[str, Any]:
    status, body = await call(client, "POST", f"/api/courses/{slug}/assignments", WEEK_1 | fields)
    assert status == 201, body
    return dict(body)


async def page_status(client: aiohttp.ClientSession, method: str, path: str, form: dict[str, str] | None = None) -> int:
    async with client.request(method, path, headers=HTML, data=form, allow_redirects=False) as r:
        await r.read()
        return r.status


async def csrf(client: aiohttp.ClientSession) -> str:
    async with client.get("/assignments", headers=HTML) as r:
        found = re.search(r'name="csrf_token" value="([^"]+)"', await r.text())
    return found.group(1) if found else ""


async def close(clients: dict[str, aiohttp.ClientSession]) -> None:
    for client in clients.values():
        await client.close()


async def test_an_instructor_creates_and_edits_an_assignment_in_the_course_time_zone(server: TestServer) -> None:
    teacher = await add_user(server, "teacher", Role.INSTRUCTOR)
    await course(server, "algo", teacher, time_zone="Europe/Amsterdam")
    clients = await signed_in(server, "teacher")
    try:
        client = clients["teacher"]
        created = await create(client, "algo", time_limit_min=90)
        assert created["opens_at"] == "2025-12-31T23:00:00.000Z", "09:00 local is stored as UTC"
        assert created["due_at"] == "2026-01-09T23:00:00.000Z" and created["points"] == 80
        assert "10% of their score per started day" in created["rule"] and "90 minutes" in created["rule"]
        change = {"title": "Week one", "problems": [{"problem": "two-sum", "points": 25}]}
        status, body = await call(client, "PATCH", f"/api/assignments/{created['id']}", change)
        assert status == 200 and body["title"] == "Week one" and body["points"] == 25
        assert body["due_at"] == created["due_at"], "what a PATCH leaves out stays"
        for bad, code in [({"problems": [{"problem": "nope", "points": 5}]}, "unknown_problem"),
                          ({"due_at": "2025-12-01T00:00"}, "invalid_time"), ({"opens_at": "soon"}, "invalid_time"),
                          ({"late_rule": "weekly"}, "invalid_late_rule"),
                          ({"after_due": "maybe"}, "invalid_after_due")]:  # fmt: skip
            status, body = await call(client, "PATCH", f"/api/assignments/{created['id']}", bad)
            assert status == 400 and body["error"]["code"] == code, bad
        async with client.get(f"/courses/algo/assignments/{created['id']}/edit", headers=HTML) as r:
            text = await r.text()
            assert r.status == 200 and 'value="2026-01-10T00:00"' in text, "the form shows the course's local time"
            token = re.search(r'name="csrf_token" value="([^"]+)"', text)
        assert token is not None
        form = {"csrf_token": token.group(1), "title": "From the form", "problems": "fizzbuzz 10\na-plus-b",
                "opens_at": "2026-02-01T09:00", "due_at": "2026-02-02T09:00", "after_due": "ignored"}  # fmt: skip
        assert await page_status(client, "POST", "/courses/algo/assignments/new", form) == 303
        status, body = await call(client, "GET", "/api/courses/algo/assignments")
        made = body["assignments"][-1]
        assert made["title"] == "From the form" and made["points"] == 110 and made["after_due"] == "ignored"
        assert made["opens_at"] == "2026-02-01T08:00:00.000Z"
        assert await page_status(client, "POST", "/courses/algo/assignments/new", form | {"csrf_token": "x"}) == 403
        async with client.get("/courses/algo/assignments", headers=HTML) as r:
            text = await r.text()
            assert "/courses/algo/grades.csv" in text and "From the form" in text and "<td>110</td>" in text
        async with client.get(f"/assignments/{made['id']}", headers=HTML) as r:
            assert r.status == 200 and f"/courses/algo/assignments/{made['id']}/edit" in await r.text()
    finally:
        await close(clients)


async def test_problems_stay_hidden_from_students_until_their_assignment_opens(server: TestServer) -> None:
    await two_courses(server)
    clients = await signed_in(server, "teacher", "ann", "zed")
    try:
        made = await create(clients["teacher"], "algo", opens_at=local(timedelta(days=1)),
                            due_at=local(timedelta(days=2)), late_until=None)  # fmt: skip

        async def sees(name: str) -> bool:
            client = clients[name]
            listed = {p["slug"] for p in (await call(client, "GET", "/api/problems"))[1]}
            one, _ = await call(client, "GET", "/api/problems/a-plus-b")
            page = await page_status(client, "GET", "/problems/a-plus-b")
            async with client.get("/", headers=HTML) as r:
                in_list = "/problems/a-plus-b" in await r.text()
            sub, _ = await call(client, "POST", "/api/submissions", {"problem": "a-plus-b", "language": "python",
                                                                     "source": "accept"})  # fmt: skip
            run, _ = await call(client, "POST", "/api/run", {"problem": "a-plus-b", "language": "python",
                                                             "source": "print(1)"})  # fmt: skip
            answers = {"a-plus-b" in listed, one == 200, page == 200, in_list, sub == 202, run == 200}
            assert len(answers) == 1, (name, listed, one, page, in_list, sub, run)
            assert "two-sum" in listed, "a problem in no assignment stays visible"
            return answers.pop()

        assert not await sees("ann") and not await sees("zed") and await sees("teacher")
        status, body = await call(clients["ann"], "GET", f"/api/assignments/{made['id']}")
        assert status == 200 and body["problems"] is None, "the assignment is listed, its problems are not"
        async with clients["ann"].get(f"/assignments/{made['id']}", headers=HTML) as r:
            assert "appear when the assignment opens" in await r.text()
        await call(
            clients["teacher"], "PATCH", f"/api/assignments/{made['id']}", {"opens_at": local(-timedelta(hours=1))}
        )
        assert await sees("ann") and not await sees("zed") and await sees("teacher")
        status, body = await call(clients["ann"], "GET", f"/api/assignments/{made['id']}")
        assert [p["problem"] for p in body["problems"]] == ["a-plus-b", "fizzbuzz"]
    finally:
        await close(clients)


async def test_a_late_submission_counts_with_per_day_and_an_extension_moves_the_deadline(server: TestServer) -> None:
    (teacher, ann, bob), clients = await one_course(server)
    try:
        made = await create(clients["teacher"], "algo")
        for student in (ann, bob):  # 2.5 days late: 3 started days, minus 30%
            await judged(server, student, "a-plus-b", "2026-01-12T12:00:00.000Z", 8, 10)
        status, body = await call(clients["teacher"], "POST", f"/api/assignments/{made['id']}/extensions",
                                  {"user_id": bob.id, "due_at": "2026-01-13T00:00"})  # fmt: skip
        assert status == 201 and body["due_at"] == "2026-01-13T00:00:00.000Z"
        status, body = await call(clients["ann"], "GET", "/api/assignments")
        mine = body["assignments"][0]["mine"]
        assert mine["problems"] == {"a-plus-b": 28.0, "fizzbuzz": 0.0} and mine["late"] and mine["score"] == 28.0
        status, body = await call(clients["bob"], "GET", f"/api/assignments/{made['id']}")
        assert body["mine"]["due_at"] == "2026-01-13T00:00:00.000Z"
        assert body["mine"]["problems"]["a-plus-b"] == 40.0 and not body["mine"]["late"]
        async with clients["bob"].get("/assignments", headers=HTML) as r:
            text = await r.text()
            assert "<strong>40</strong> / 80" in text and 'data-due="2026-01-13T00:00:00.000Z"' in text
        async with clients["ann"].get(f"/assignments/{made['id']}", headers=HTML) as r:
            text = await r.text()
            assert "28 / 80 (late)" in text and "per started day late" in text and "/static/countdown.js" in text
        status, body = await call(clients["teacher"], "POST", f"/api/assignments/{made['id']}/extensions",
                                  {"user_id": teacher.id, "due_at": "2026-01-13T00:00"})  # fmt: skip
        assert status == 400 and body["error"]["code"] == "not_a_student"
    finally:
        await close(clients)


async def test_a_timed_assignment_starts_once_and_counts_only_its_window(server: TestServer) -> None:
    (_, ann, _), clients = await one_course(server)
    try:
        window = {"opens_at": local(-timedelta(days=1)), "due_at": local(timedelta(days=1)), "late_until": None,
                  "time_limit_min": 30}  # fmt: skip
        ignored = await create(clients["teacher"], "algo", after_due="ignored", **window)
        late = await create(clients["teacher"], "algo", title="Late quiz", late_rule="factor:0.5",
                            problems=[{"problem": "two-sum", "points": 10}], **window)  # fmt: skip
        assert (await call(clients["ann"], "GET", "/api/problems/a-plus-b"))[0] == 404, "not before Start"
        async with clients["ann"].get(f"/assignments/{ignored['id']}", headers=HTML) as r:
            text = await r.text()
            assert "once you press Start" in text and f'action="/assignments/{ignored["id"]}/start"' in text
        status, body = await call(clients["ann"], "POST", f"/api/assignments/{ignored['id']}/start")
        assert status == 200 and body["problems"] and body["mine"]["started_at"]
        assert (await call(clients["ann"], "POST", f"/api/assignments/{ignored['id']}/start"))[0] == 409
        assert (await call(clients["ann"], "GET", "/api/problems/a-plus-b"))[0] == 200
        assert (await call(clients["bob"], "GET", "/api/problems/a-plus-b"))[0] == 404, "Bob has not started"
        submission = await submit(clients["ann"], "a-plus-b", "python", "accept")
        await wait_completed(clients["ann"], submission)
        status, body = await call(clients["ann"], "GET", f"/api/assignments/{ignored['id']}")
        assert body["mine"]["problems"]["a-plus-b"] == 50.0, "within the window: full marks"
        token = await csrf(clients["ann"])
        assert (
            await page_status(clients["ann"], "POST", f"/assignments/{late['id']}/start", {"csrf_token": token}) == 303
        )
        async with server.app[DATABASE].write() as db:  # both started 40 minutes ago: 10 minutes over
            await db.execute("UPDATE timed_starts SET started_at = ? WHERE user_id = ?", (stamp(-timedelta(minutes=40)),
                                                                                          ann.id))  # fmt: skip
            await db.execute("DELETE FROM submissions")
        await judged(server, ann, "fizzbuzz", stamp(-timedelta(minutes=1)), 4, 4)
        await judged(server, ann, "two-sum", stamp(-timedelta(minutes=1)), 4, 4)
        _, body = await call(clients["ann"], "GET", "/api/assignments")
        scores = {a["title"]: a["mine"] for a in body["assignments"]}
        assert scores["Week 1"]["problems"]["fizzbuzz"] == 0.0, "after start + 30 min, ignored"
        assert scores["Late quiz"]["problems"]["two-sum"] == 5.0 and scores["Late quiz"]["late"], "late: halved"
    finally:
        await close(clients)


async def test_the_grade_export_matches_hand_computed_scores(server: TestServer) -> None:
    teacher = await add_user(server, "teacher", Role.INSTRUCTOR)
    ann, bob, cat = await students(server, "ann", "bob", "cat")
    async with server.app[DATABASE].write() as db:
        await db.execute("UPDATE users SET name = 'Zoë Ann', email = username || '@uni.example',"
                         " student_id = 'S' || id WHERE role = 'student'")  # fmt: skip
    await course(server, "algo", teacher, ann, bob, cat)
    clients = await signed_in(server, "teacher")
    try:
        await create(clients["teacher"], "algo")
        quiz = await create(clients["teacher"], "algo", title="Quiz", problems=[{"problem": "two-sum", "points": 20}],
                            due_at="2026-01-05T00:00", late_until=None, after_due="ignored")  # fmt: skip
        await call(clients["teacher"], "POST", f"/api/assignments/{quiz['id']}/extensions",
                   {"user_id": bob.id, "due_at": "2026-01-07T00:00"})  # fmt: skip
        for user, problem, at, passed, total in [
            (ann, "a-plus-b", "2026-01-05T00:00:00.000Z", 10, 10),  # 50
            (ann, "fizzbuzz", "2026-01-09T00:00:00.000Z", 1, 4),  # 7.5, beaten by the late one
            (ann, "fizzbuzz", "2026-01-11T12:00:00.000Z", 3, 4),  # 1.5 days late: x0.8 -> 18
            (ann, "two-sum", "2026-01-04T00:00:00.000Z", 1, 3),  # 6.67
            (bob, "a-plus-b", "2025-12-31T00:00:00.000Z", 10, 10),  # before opening: 0
            (bob, "a-plus-b", "2026-01-25T00:00:00.000Z", 10, 10),  # after late_until: 0
            (bob, "two-sum", "2026-01-06T00:00:00.000Z", 3, 3),  # after the due time, within his extension: 20
            (cat, "a-plus-b", "2026-01-09T00:00:00.000Z", 5, 10),  # 25
            (cat, "a-plus-b", "2026-01-12T00:00:00.000Z", 10, 10),  # 2 days late: x0.8 -> 40
            (cat, "fizzbuzz", "2026-01-10T00:00:00.000Z", 4, 4),  # at the due time: on time, 30
            (cat, "two-sum", "2026-01-06T00:00:00.000Z", 3, 3),  # after the due time, ignored: 0
        ]:  # fmt: skip
            await judged(server, user, problem, at, passed, total)
        async with clients["teacher"].get("/courses/algo/grades.csv") as r:
            assert r.status == 200 and r.headers["Content-Type"].startswith("text/csv")
            raw = await r.read()
        assert raw.startswith("\ufeff".encode())
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
        assert rows[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Email address", "ID number",
                           "Quiz - Two Sum (20)", "Quiz Total (20)", "Quiz Late", "Week 1 - A + B (50)",
                           "Week 1 - FizzBuzz (30)", "Week 1 Total (80)", "Week 1 Late", "Total"]  # fmt: skip
        by_login = {row[3]: row for row in rows[1:]}
        assert by_login["ann"] == ["Zoë Ann", str(ann.id), f"S{ann.id}", "ann", "ann@uni.example", f"S{ann.id}",
                                   "6.67", "6.67", "no", "50", "18", "68", "yes", "74.67"]  # fmt: skip
        assert by_login["bob"][6:] == ["20", "20", "no", "0", "0", "0", "no", "20"]
        assert by_login["cat"][6:] == ["0", "0", "no", "40", "30", "70", "yes", "70"]
        status, body = await call(clients["teacher"], "GET", "/api/courses/algo/grades")
        assert status == 200 and body["columns"] == rows[0]
        assert {r[3]: r[-1] for r in body["rows"]} == {"ann": 74.67, "bob": 20, "cat": 70}
    finally:
        await close(clients)


async def test_only_the_course_may_reach_its_assignments(server: TestServer) -> None:
    ann = (await two_courses(server))[1]
    clients = await signed_in(server, "teacher", "ann", "zed", "stranger")
    clients["nobody"] = visitor(server)
    try:
        made = await create(clients["teacher"], "algo", opens_at=local(-timedelta(days=1)),
                            due_at=local(timedelta(days=1)), late_until=None, time_limit_min=30)  # fmt: skip
        a = made["id"]
        extension = {"user_id": ann.id, "due_at": "2030-01-01T00:00"}
        # (method, path, body, the course's student's answer); everyone else: 404, or 401 signed out
        api = [("GET", f"/api/assignments/{a}", None, 200), ("PATCH", f"/api/assignments/{a}", {"title": "x"}, 403),
               ("POST", f"/api/assignments/{a}/extensions", extension, 403),
               ("GET", "/api/courses/algo/assignments", None, 200),
               ("POST", "/api/courses/algo/assignments", WEEK_1, 403), ("GET", "/api/courses/algo/grades", None, 403),
               ("POST", f"/api/assignments/{a}/start", None, 200)]  # fmt: skip
        pages = [("GET", f"/assignments/{a}", 200), ("GET", "/courses/algo/assignments", 200),
                 ("GET", "/courses/algo/assignments/new", 403), ("POST", "/courses/algo/assignments/new", 403),
                 ("GET", f"/courses/algo/assignments/{a}/edit", 403),
                 ("POST", f"/courses/algo/assignments/{a}/edit", 403),
                 ("POST", f"/courses/algo/assignments/{a}/extensions", 403), ("GET", "/courses/algo/grades.csv", 403),
                 ("POST", f"/assignments/{a}/start", 409)]  # fmt: skip
        for name in ("ann", "zed", "stranger", "nobody"):
            client = clients[name]
            token = await csrf(client)
            for method, path, body, student in api:
                expected = {"ann": student, "nobody": 401}.get(name, 404)
                status, answer = await call(client, method, path, body)
                assert status == expected, (name, method, path, answer)
            for method, path, student in pages:
                expected = {"ann": student, "nobody": 303 if method == "GET" else 401}.get(name, 404)
                form = {"csrf_token": token, **{k: str(v) for k, v in extension.items()}} if method == "POST" else None
                assert await page_status(client, method, path, form) == expected, (name, method, path)
        status, answer = await call(clients["teacher"], "GET", "/api/courses/other/grades")
        assert status == 404, "an instructor of another course sees nothing of it"
        assert (await call(clients["teacher"], "GET", f"/api/assignments/{a + 1000}"))[0] == 404
    finally:
        await close(clients)


async def test_open_mode_answers_that_accounts_are_off(fake_server: TestServer) -> None:
    async with visitor(fake_server) as client:
        for method, path in [("GET", "/api/assignments"), ("GET", "/api/assignments/1"),
                             ("GET", "/api/courses/c/grades"), ("POST", "/api/courses/c/assignments")]:  # fmt: skip
            status, body = await call(client, method, path, {} if method == "POST" else None)
            assert status == 400 and body["error"]["code"] == "accounts_off", path
        assert (await call(client, "GET", "/api/problems/a-plus-b"))[0] == 200
