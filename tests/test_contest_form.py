"""The page that makes a contest (/contests/new), with the fake judge: an instructor's form makes
the contest the API would, in the time zone typed; a bad field comes back marked, with what was
typed; only staff open or post it, and only with the page's CSRF token."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Any

import aiohttp
from aiohttp.test_utils import TestServer
from test_accounts import add_user, cheap_hashing, login, server, visitor  # noqa: F401 - fixtures
from test_assignments import course

from codearena.domain.accounts import Role
from codearena.web.contest_form import form_data
from codearena.web.keys import CONTESTS

HTML = {"Accept": "text/html"}


def token_of(page: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found, "the page has a CSRF token"
    return found.group(1)


async def get(client: aiohttp.ClientSession, path: str) -> tuple[int, str]:
    async with client.get(path, headers=HTML) as r:
        return r.status, await r.text()


async def post(client: aiohttp.ClientSession, form: dict[str, str]) -> tuple[int, str, str]:
    """(status, Location, page) of posting the form."""
    async with client.post("/contests/new", data=form, headers=HTML, allow_redirects=False) as r:
        return r.status, r.headers.get("Location", ""), await r.text()


def friday(token: str, **changes: str) -> dict[str, str]:
    """The form as a browser posts it: the unchecked boxes and the disabled points are not sent."""
    form = {"csrf_token": token, "title": "Friday Round", "slug": "friday-round", "starts_at": "2030-01-10T10:00",
            "ends_at": "2030-01-10T12:30", "time_zone": "Europe/Amsterdam", "rule": "icpc", "penalty_min": "10",
            "freeze_min": "30", "problem_0": "two-sum", "problem_1": "", "problem_2": "a-plus-b",
            "course": "algo", "participants": "bob,  carl\nbob\n", "practice_after_end": "on"}  # fmt: skip
    form.update(changes)
    return {k: v for k, v in form.items() if v != "-"}


class Doubled(HTMLParser):
    """The tags of a page that carry an attribute twice (a browser keeps the first one only)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = [name for name, _ in attrs]
        if len(names) != len(set(names)):
            self.found.append(f"<{tag} {attrs}>")


def doubled_attributes(page: str) -> list[str]:
    parser = Doubled()
    parser.feed(page)
    return parser.found


async def contest_slugs(client: aiohttp.ClientSession) -> list[str]:
    async with client.get("/api/contests") as r:
        return [c["slug"] for c in (await r.json())["contests"]]


def test_the_form_reads_as_the_api_body() -> None:
    data = form_data(friday("t", points_0="55", compile_errors_count="on"))
    assert data["problems"] == [{"label": "A", "problem": "two-sum"}, {"label": "B", "problem": "a-plus-b"}], (
        "labels run over the rows filled; points count only under the points rule"
    )
    assert data["starts_at"] == "2030-01-10T09:00:00.000Z" and data["ends_at"] == "2030-01-10T11:30:00.000Z"
    assert data["participants"] == ["bob", "carl"] and data["penalty_min"] == 10 and data["freeze_min"] == 30
    assert data["compile_errors_count"] is True and data["practice_after_end"] is True
    assert data["open_registration"] is False
    points = form_data(friday("t", rule="points", points_0="55", points_2="7.5", freeze_min="", penalty_min="-"))
    assert points["problems"] == [{"label": "A", "problem": "two-sum", "points": 55.0},
                                  {"label": "B", "problem": "a-plus-b", "points": 7.5}]  # fmt: skip
    assert points["freeze_min"] is None and "penalty_min" not in points and "compile_errors_count" not in points
    assert form_data(friday("t", penalty_min="ten"))["penalty_min"] == "ten", "the service names what is wrong"


async def test_an_instructor_makes_an_icpc_contest_through_the_form(server: TestServer) -> None:  # noqa: F811
    teacher = await add_user(server, "teacher", Role.INSTRUCTOR)
    other = await add_user(server, "other", Role.INSTRUCTOR)
    ann, _, _ = [await add_user(server, name) for name in ("ann", "bob", "carl")]
    await course(server, "algo", teacher, ann)
    await course(server, "theirs", other)
    client, admin = visitor(server), visitor(server)
    try:
        await login(client, "teacher")
        status, index = await get(client, "/contests")
        assert status == 200 and 'href="/contests/new"' in index, "the index links to the form for staff"
        status, page = await get(client, "/contests/new")
        assert status == 200 and 'value="algo"' in page and 'value="theirs"' not in page, "only one's own courses"
        assert re.search(r'name="practice_after_end"[^>]*checked', page), "practice after the end: on by default"
        assert 'name="problem_0"' in page and 'value="two-sum"' in page

        status, location, _ = await post(client, friday(token_of(page), points_0="55"))
        assert (status, location) == (303, "/contests/friday-round")
        async with client.get("/api/contests/friday-round/scoreboard") as r:
            assert r.status == 200
            body: dict[str, Any] = await r.json()
        c = body["contest"]
        assert (c["title"], c["rule"], c["freeze_min"]) == ("Friday Round", "icpc", 30)
        assert (c["starts_at"], c["ends_at"]) == ("2030-01-10T09:00:00.000Z", "2030-01-10T11:30:00.000Z"), (
            "10:00 and 12:30 in Amsterdam, as UTC"
        )
        assert c["practice_after_end"] and not c["open_registration"] and c["state"] == "upcoming"
        assert body["problems"] == [{"label": "A", "problem": "two-sum", "points": 100},
                                    {"label": "B", "problem": "a-plus-b", "points": 100}]  # fmt: skip
        assert sorted(r["participant"] for r in body["rows"]) == ["ann", "bob", "carl"], "the course's and the listed"
        stored = await server.app[CONTESTS].store.by_slug("friday-round")
        assert stored is not None and stored.penalty_min == 10 and not stored.compile_errors_count
        assert stored.created_by == teacher.id and stored.course_id is not None
        status, page = await get(client, "/contests/friday-round")
        assert status == 200 and "Friday Round" in page

        await add_user(server, "root", Role.ADMIN)
        await login(admin, "root")
        status, page = await get(admin, "/contests/new")
        assert status == 200 and 'value="algo"' in page and 'value="theirs"' in page, "an admin: every course"
    finally:
        await client.close()
        await admin.close()


async def test_a_bad_field_comes_back_with_its_message_and_what_was_typed(server: TestServer) -> None:  # noqa: F811
    teacher = await add_user(server, "teacher", Role.INSTRUCTOR)
    await course(server, "algo", teacher)
    client = visitor(server)
    try:
        await login(client, "teacher")
        token = token_of((await get(client, "/contests/new"))[1])
        title = '<script>alert("x")</script> & Co'
        status, _, page = await post(client, friday(token, title=title, ends_at="2030-01-10T09:59",
                                                    open_registration="on", practice_after_end="-"))  # fmt: skip
        assert status == 400
        text = html.unescape(page)
        assert "'ends_at' must come after 'starts_at'" in text and 'id="c-ends_at-error"' in page
        assert re.search(r'id="c-ends_at"[^>]*aria-invalid="true"', page), "the field is marked"
        assert '<script>alert("x")' not in page and "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Co" in page
        assert 'value="2030-01-10T09:59"' in page and 'value="Europe/Amsterdam"' in page
        assert "bob,  carl\nbob\n" in text and 'value="algo" selected' in page
        assert 'value="two-sum" selected' in page and 'value="a-plus-b" selected' in page
        assert re.search(r'name="open_registration"[^>]*checked', page), "the boxes as they were posted"
        assert not re.search(r'name="practice_after_end"[^>]*checked', page)
        assert "data-guess" not in page, "the zone typed is not replaced by the browser's"

        await add_user(server, "bob")
        await add_user(server, "carl")
        cases = [({"slug": "Friday Round"}, 400, "slug", "lower-case letters"),
                 ({"slug": "new"}, 400, "slug", "not 'new'"),
                 ({"time_zone": "Mars/Olympus"}, 400, "time_zone", "not an IANA time zone"),
                 ({"starts_at": ""}, 400, "starts_at", "'starts_at' is not a date and time"),
                 ({"penalty_min": "ten"}, 400, "penalty_min", "whole minutes"),
                 ({"problem_0": "", "problem_2": ""}, 400, "problems", "1 to 26"),
                 ({"problem_1": "two-sum"}, 400, "problems", "'two-sum' is in the contest twice"),
                 ({"participants": "bob zed"}, 400, "participants", "no user 'zed'"),
                 ({"course": "nope"}, 404, "course", "no course 'nope'")]  # fmt: skip
        for change, expected, field, message in cases:
            status, _, page = await post(client, friday(token, **change))
            assert status == expected and message in html.unescape(page), change
            assert f'id="c-{field}-error"' in page and f'href="#c-{field}"' in page, change
            assert re.search(rf'aria-describedby="[^"]*c-{field}-error"', page), f"{field} names its error"
            assert doubled_attributes(page) == []
        assert await contest_slugs(client) == [], "nothing was made"
        assert (await post(client, friday(token)))[0] == 303
        status, _, page = await post(client, friday(token))
        assert status == 409 and "already a contest 'friday-round'" in html.unescape(page) and "c-slug-error" in page
    finally:
        await client.close()


async def test_a_forged_csrf_token_is_refused(server: TestServer) -> None:  # noqa: F811
    await add_user(server, "teacher", Role.INSTRUCTOR)
    client = visitor(server)
    try:
        await login(client, "teacher")
        without = {k: v for k, v in friday("", course="").items() if k != "csrf_token"}
        for form in (friday("forged", course=""), without):
            status, _, page = await post(client, form)
            assert status == 403 and "The form has expired" in page
        assert await contest_slugs(client) == []
    finally:
        await client.close()


async def test_a_student_can_neither_open_nor_post_the_form(server: TestServer) -> None:  # noqa: F811
    await add_user(server, "ann")
    client, nobody = visitor(server), visitor(server)
    try:
        await login(client, "ann")
        status, index = await get(client, "/contests")
        assert status == 200 and "/contests/new" not in index
        status, page = await get(client, "/contests/new")
        assert status == 403 and "only instructors and admins make contests" in page
        status, _, page = await post(client, friday(token_of(index), course=""))
        assert status == 403 and "only instructors and admins make contests" in page
        async with nobody.get("/contests/new", headers=HTML, allow_redirects=False) as r:
            assert r.status == 303 and r.headers["Location"].startswith("/login?next="), "sign in first"
        assert (await post(nobody, friday("x", course="")))[0] == 401
        async with client.get("/api/contests") as r:
            assert (await r.json())["contests"] == []
    finally:
        await client.close()
        await nobody.close()
