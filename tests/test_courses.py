"""Courses (auth = "accounts") on the whole app with a fake engine: rosters, codes, links, permissions."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
import test_accounts
from aiohttp.test_utils import TestServer
from test_accounts import PASSWORD, add_user, login, visitor

from codearena.domain.accounts import Role
from codearena.services.errors import TooLarge
from codearena.services.roster import MAX_ROSTER_BYTES, RosterInvalid, parse_roster, username_base
from codearena.web.keys import ACCOUNTS, DATABASE

HTML = {"Accept": "text/html"}
# The accounts-mode server, with argon2 turned down, as test_accounts.py runs it.
server, cheap_hashing = test_accounts.server, test_accounts.cheap_hashing


def roster(count: int, *, changed: dict[int, str] | None = None, start: int = 0) -> str:
    """A school export of `count` students; `changed` gives some of them another email."""
    changed = changed or {}
    lines = ["Student ID,Full name,Email address"]
    for i in range(start, start + count):
        lines.append(f"S{1000 + i},Student {i},{changed.get(i, f's{i}@school.example')}")
    return "\r\n".join(lines) + "\r\n"


async def token_of(client: aiohttp.ClientSession, path: str) -> str:
    async with client.get(path, headers=HTML) as r:
        page = await r.text()
    return page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]


async def post_json(client: aiohttp.ClientSession, path: str, body: object) -> tuple[int, Any]:
    async with client.post(path, json=body) as r:
        return r.status, await r.json() if r.content_type == "application/json" else await r.text()


@pytest.fixture
async def course(server: TestServer) -> AsyncIterator[aiohttp.ClientSession]:
    """Signed in as "teacher", who runs the course cs101."""
    await add_user(server, "teacher", Role.INSTRUCTOR)
    async with visitor(server) as client:
        await login(client, "teacher")
        status, _ = await post_json(client, "/api/courses", {"slug": "cs101", "title": "CS 101",
                                                              "time_zone": "Europe/Paris"})  # fmt: skip
        assert status == 201
        yield client


async def import_csv(client: aiohttp.ClientSession, text: str, slug: str = "cs101") -> tuple[int, Any]:
    async with client.post(f"/api/courses/{slug}/roster", data=text.encode(),
                           headers={"Content-Type": "text/csv"}) as r:  # fmt: skip
        return r.status, await r.json()


async def students(server: TestServer) -> list[tuple[str, str, str]]:
    rows = await server.app[DATABASE].fetchall(
        "SELECT student_id, email, username FROM users WHERE role = 'student' ORDER BY student_id"
    )
    return [tuple(r) for r in rows]


# --- the roster file on its own


def test_exports_of_every_shape_are_read() -> None:
    semicolons = "\ufeffID number;First name;Surname;Email;\r\n42;Ada;Lovelace;ada@x.org;\r\n"
    (row,) = parse_roster(semicolons.encode())
    assert (row.line, row.student_id, row.name, row.email) == (2, "42", "Ada Lovelace", "ada@x.org")
    plain = parse_roster('s1,"Bob, Jr",bob@x.org\n\ns2,Cy,cy@x.org\n')
    assert [(r.line, r.name) for r in plain] == [(1, "Bob, Jr"), (3, "Cy")], "no header: id, name, email"
    (sis,) = parse_roster("SIS User ID,Name,Section,Email Address\nA-1,Dee,B,dee@x.org\n")
    assert (sis.student_id, sis.email) == ("A-1", "dee@x.org")
    with pytest.raises(RosterInvalid) as caught:
        parse_roster("Name,Email\nAda,ada@x.org\n")
    assert "student id" in caught.value.message
    with pytest.raises(TooLarge):
        parse_roster(b"x" * (MAX_ROSTER_BYTES + 1))
    with pytest.raises(RosterInvalid) as caught:
        parse_roster("ID,Name,Email\n1,a,a@x.org,extra\n2,b\n")
    assert [r.line for r in caught.value.rows] == [2, 3], "rows of the wrong width"
    assert username_base("  #12/34 ") == "1234" and username_base("__") == "student"


# --- API


async def test_a_roster_imports_and_a_reimport_updates_without_duplicates(
    server: TestServer,
    course: aiohttp.ClientSession,
) -> None:
    status, counts = await import_csv(course, roster(40))
    assert status == 200 and counts == {"added": 40, "updated": 0, "unchanged": 0}
    first = await students(server)
    assert len(first) == 40 and first[0] == ("S1000", "s0@school.example", "S1000")
    again = roster(41, changed={3: "new3@school.example", 17: "new17@school.example"})
    status, counts = await import_csv(course, again)
    assert status == 200 and counts == {"added": 1, "updated": 2, "unchanged": 38}
    after = await students(server)
    assert len(after) == 41 and len({sid for sid, _, _ in after}) == 41, "no duplicates"
    assert ("S1003", "new3@school.example", "S1003") in after
    status, body = await post_json(course, "/api/courses/cs101/roster", {"csv": roster(41)})
    assert status == 200 and body == {"added": 0, "updated": 2, "unchanged": 39}, "JSON works too"
    async with course.get("/api/courses/cs101") as r:
        members = (await r.json())["members"]
    assert len([m for m in members if m["course_role"] == "student"]) == 41


async def test_a_student_is_matched_by_email_when_the_id_is_new(
    server: TestServer,
    course: aiohttp.ClientSession,
) -> None:
    accounts = server.app[ACCOUNTS]
    await accounts.create_user(None, "ada", Role.STUDENT, email="ada@x.org")
    await accounts.create_user(None, "boss", Role.INSTRUCTOR, email="boss@x.org")
    status, counts = await import_csv(course, "Student ID,Name,Email\n7,Ada L,ada@x.org\n")
    assert status == 200 and counts == {"added": 1, "updated": 0, "unchanged": 0}
    assert ("7", "ada@x.org", "ada") in await students(server), "the account was matched, not duplicated"
    status, body = await import_csv(course, "Student ID,Name,Email\n8,Boss,boss@x.org\n")
    assert status == 400 and body["rows"] == [{"line": 2, "message": "student id '8' or its email belongs to"
                                                                      " a instructor account"}]  # fmt: skip


async def test_bad_rows_are_all_reported_by_line_and_nothing_is_imported(
    server: TestServer,
    course: aiohttp.ClientSession,
) -> None:
    lines = roster(10).splitlines()
    lines[2] = ",No Id,noid@school.example"  # line 3
    lines[6] = "S1006,Bad Email,not-an-email"  # line 7
    lines[8] = "S1000,Twice,twice@school.example"  # line 9: S1000 is on line 2
    status, body = await import_csv(course, "\n".join(lines))
    assert status == 400
    assert body["error"]["code"] == "invalid_roster" and "message" in body["error"]
    assert [r["line"] for r in body["rows"]] == [3, 7, 9], body["rows"]
    assert "also on line 2" in body["rows"][2]["message"]
    assert await students(server) == [], "nothing half-imported"


async def test_joining_with_a_code(server: TestServer, course: aiohttp.ClientSession) -> None:
    await add_user(server, "sam")
    status, body = await post_json(course, "/api/courses/cs101/enrolment-code", {})
    assert status == 200
    code = body["enrolment_code"]
    assert len(code) == 8 and not set(code) & set("01OIL")
    async with visitor(server) as sam:
        await login(sam, "sam")
        status, body = await post_json(sam, "/api/courses/join", {"code": "WRONG123"})
        assert status == 404 and body["error"]["code"] == "code_not_found"
        status, body = await post_json(sam, "/api/courses/join", {"code": f"{code[:4].lower()}-{code[4:]}"})
        assert status == 200 and body["slug"] == "cs101"
        async with sam.get("/api/courses") as r:
            assert [c["slug"] for c in (await r.json())["courses"]] == ["cs101"]
        async with sam.get("/api/courses/cs101") as r:
            seen = await r.json()
            assert r.status == 200 and "members" not in seen and "enrolment_code" not in seen
        status, body = await post_json(course, "/api/courses/cs101/enrolment-code", {})
        assert body["enrolment_code"] != code
        await add_user(server, "late")
        await login(sam, "late")
        status, _ = await post_json(sam, "/api/courses/join", {"code": code})
        assert status == 404, "a rotated code no longer works"
        status, _ = await post_json(course, "/api/courses/join", {"code": code})
        assert status == 403, "instructors do not join with a code"


async def test_password_links_come_as_csv_and_each_works_once(
    server: TestServer,
    course: aiohttp.ClientSession,
) -> None:
    await import_csv(course, roster(40))
    async with course.post("/api/courses/cs101/password-links", json={}) as r:
        assert r.status == 200 and r.content_type == "text/csv"
        assert "attachment" in r.headers["Content-Disposition"]
        rows = list(csv.DictReader(io.StringIO(await r.text())))
    assert len(rows) == 40 and list(rows[0]) == ["student_id", "name", "email", "username", "link"]
    assert rows[0]["student_id"] == "S1000" and rows[0]["email"] == "s0@school.example"
    async with visitor(server) as student:
        for row in rows:
            token = row["link"].rsplit("/", 1)[1]
            status, _ = await post_json(student, f"/api/set-password/{token}", {"password": PASSWORD})
            assert status == 200, row
            status, body = await post_json(student, f"/api/set-password/{token}", {"password": PASSWORD})
            assert status == 400 and body["error"]["code"] == "link_invalid"
        assert (await login(student, rows[5]["username"])).status == 200
    async with course.post("/api/courses/cs101/password-links", json={}) as r:
        assert list(csv.DictReader(io.StringIO(await r.text()))) == [], "everyone has a password now"
    async with course.get("/api/courses/cs101") as r:
        ids = [m["id"] for m in (await r.json())["members"] if m["course_role"] == "student"][:2]
    async with course.post("/api/courses/cs101/password-links", json={"user_ids": ids}) as r:
        chosen = list(csv.DictReader(io.StringIO(await r.text())))
    assert len(chosen) == 2, "chosen students get a new link even with a password"
    status, body = await post_json(course, "/api/courses/cs101/password-links", {"user_ids": [1]})
    assert status == 400 and body["error"]["code"] == "not_a_student"


async def test_who_creates_and_sees_courses(server: TestServer, course: aiohttp.ClientSession) -> None:
    await add_user(server, "other", Role.INSTRUCTOR)
    await add_user(server, "root", Role.ADMIN)
    await add_user(server, "sam")
    async with visitor(server) as other, visitor(server) as root, visitor(server) as sam:
        await login(other, "other")
        await login(root, "root")
        await login(sam, "sam")
        assert (await post_json(other, "/api/courses", {"slug": "cs101", "title": "Again"}))[0] == 409
        assert (await post_json(other, "/api/courses", {"slug": "Bad Slug", "title": "x"}))[0] == 400
        status, body = await post_json(other, "/api/courses", {"slug": "cs2", "title": "x", "time_zone": "Mars/Base"})
        assert status == 400 and body["error"]["code"] == "invalid_time_zone"
        assert (await post_json(other, "/api/courses", {"slug": "cs2", "title": "Two"}))[0] == 201
        assert (await post_json(sam, "/api/courses", {"slug": "cs3", "title": "x"}))[0] == 403
        for client, expected in ((course, ["cs101"]), (other, ["cs2"]), (root, ["cs101", "cs2"]), (sam, [])):
            async with client.get("/api/courses") as r:
                assert sorted(c["slug"] for c in (await r.json())["courses"]) == expected
        status, body = await post_json(course, "/api/courses/cs101/instructors", {"username": "sam"})
        assert status == 400 and body["error"]["code"] == "not_an_instructor"
        assert (await post_json(course, "/api/courses/cs101/instructors", {"username": "other"}))[0] == 200
        async with other.get("/api/courses") as r:
            assert sorted(c["slug"] for c in (await r.json())["courses"]) == ["cs101", "cs2"], "a co-instructor"
        assert (await import_csv(other, roster(2)))[0] == 200


async def test_only_the_course_staff_reach_a_course(server: TestServer, course: aiohttp.ClientSession) -> None:
    """Each endpoint and page that names a course: its student 403 (200 to read it), a student of
    another course and the instructor of another course 404, signed out 401 (pages 303)."""
    await add_user(server, "other", Role.INSTRUCTOR)
    for name in ("mine", "theirs"):
        await add_user(server, name)
    sessions = {name: visitor(server) for name in ("mine", "theirs", "other", "nobody")}
    try:
        for name in ("mine", "theirs", "other"):
            await login(sessions[name], name)
        await post_json(sessions["other"], "/api/courses", {"slug": "cs2", "title": "Two"})
        for slug, student in (("cs101", "mine"), ("cs2", "theirs")):
            teacher = course if slug == "cs101" else sessions["other"]
            _, body = await post_json(teacher, f"/api/courses/{slug}/enrolment-code", {})
            code = {"code": body["enrolment_code"]}
            assert (await post_json(sessions[student], "/api/courses/join", code))[0] == 200
        writes = {"instructors": {"username": "other"}, "enrolment-code": {}, "password-links": {},
                  "roster": {"csv": roster(1)}}  # fmt: skip
        for name, client in sessions.items():
            outsider = name != "mine"
            expected = {"mine": 403, "nobody": 401}.get(name, 404)
            async with client.get("/api/courses/cs101") as r:
                assert r.status == (expected if outsider else 200), name
            for action, body in writes.items():
                status, answer = await post_json(client, f"/api/courses/cs101/{action}", body)
                assert status == expected, (name, action, answer)
            async with client.post("/api/courses/cs101/roster", data=b"x", headers={"Content-Type": "text/csv"}) as r:
                assert r.status == expected, (name, "text/csv roster")
            page = {"mine": 200, "nobody": 303}.get(name, 404)
            async with client.get("/courses/cs101", headers=HTML, allow_redirects=False) as r:
                assert r.status == page, name
                if page == 200:
                    assert "Import a roster" not in await r.text()
            token = await token_of(client, "/courses") if name != "nobody" else "x"
            form_expected = {"mine": 403, "nobody": 401}.get(name, 404)
            for action in ("instructors", "enrolment-code", "password-links", "roster"):
                async with client.post(f"/courses/cs101/{action}", data={"csrf_token": token, "username": "other"},
                                       headers=HTML, allow_redirects=False) as r:  # fmt: skip
                    assert r.status == form_expected, (name, action)
        assert len(await students(server)) == 2, "no outsider imported anything"
    finally:
        for client in sessions.values():
            await client.close()


async def test_the_pages_create_import_and_print_links(server: TestServer, course: aiohttp.ClientSession) -> None:
    token = await token_of(course, "/courses")
    form = {"csrf_token": token, "slug": "algo", "title": "Algorithms", "time_zone": "America/New_York"}
    async with course.post("/courses", data=form, headers=HTML, allow_redirects=False) as r:
        assert r.status == 303 and r.headers["Location"] == "/courses/algo"
    async with course.post("/courses", data={**form, "csrf_token": "forged"}, headers=HTML) as r:
        assert r.status == 403, "the CSRF token is checked"
    async with course.get("/courses", headers=HTML) as r:
        page = await r.text()
        assert "Algorithms" in page and 'href="/courses"' in page
    upload = aiohttp.FormData()
    upload.add_field("csrf_token", token)
    upload.add_field("csv", "")
    upload.add_field("file", roster(3).encode("utf-8-sig"), filename="export.csv", content_type="text/csv")
    async with course.post("/courses/algo/roster", data=upload, headers=HTML) as r:
        assert r.status == 200 and "3 added, 0 updated, 0 unchanged" in await r.text()
    bad = {"csrf_token": token, "csv": "ID,Name,Email\n,a,a@x.org\n"}
    async with course.post("/courses/algo/roster", data=bad, headers=HTML) as r:
        assert r.status == 400 and "Line 2: the student id is missing" in await r.text()
    async with course.post("/courses/algo/enrolment-code", data={"csrf_token": token}, headers=HTML) as r:
        assert r.status == 200 and "The new enrolment code is" in await r.text()
    links = {"csrf_token": token, "which": "new", "format": "page"}
    async with course.post("/courses/algo/password-links", data=links, headers=HTML) as r:
        page = await r.text()
        assert r.status == 200 and page.count("/set-password/") == 3 and "/static/courses.js" in page
    async with course.post("/courses/algo/password-links", data={**links, "format": "csv"}, headers=HTML) as r:
        assert r.content_type == "text/csv" and len((await r.text()).splitlines()) == 4
    await add_user(server, "sam")
    async with visitor(server) as sam:
        await login(sam, "sam")
        _, body = await post_json(course, "/api/courses/algo/enrolment-code", {})
        token = await token_of(sam, "/courses/join")
        async with sam.post("/courses/join", data={"csrf_token": token, "code": "nope"}, headers=HTML) as r:
            assert r.status == 404 and "no course has this code" in await r.text()
        form = {"csrf_token": token, "code": body["enrolment_code"]}
        async with sam.post("/courses/join", data=form, headers=HTML, allow_redirects=False) as r:
            assert r.status == 303 and r.headers["Location"] == "/courses/algo"


async def test_open_mode_has_no_courses(fake_server: TestServer) -> None:
    async with visitor(fake_server) as client:
        for path in ("/api/courses", "/api/courses/cs101"):
            async with client.get(path) as r:
                assert r.status == 400 and (await r.json())["error"]["code"] == "accounts_off"
        status, body = await post_json(client, "/api/courses", {"slug": "a", "title": "b"})
        assert status == 400 and body["error"]["code"] == "accounts_off"
        async with client.get("/courses", headers=HTML) as r:
            assert r.status == 400
