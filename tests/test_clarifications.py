"""A contest's clarifications (auth = "accounts"), over the API and the page's forms: who may ask,
answer, announce and see what; private answers stay with their asker; bad input is refused with
its reason; every change pings the contest's live topic."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp
import pytest_asyncio
from aiohttp.test_utils import TestServer
from test_accounts import add_user, cheap_hashing, login, server, visitor  # noqa: F401 - fixtures

from codearena.domain.accounts import Role

HTML = {"Accept": "text/html"}
HTMX = {**HTML, "HX-Request": "true"}
Clients = dict[str, aiohttp.ClientSession]


def contest(slug: str, *, starts_in: timedelta = timedelta(minutes=-30)) -> dict[str, Any]:
    starts = datetime.now(UTC) + starts_in
    return {"slug": slug, "title": slug.title(), "starts_at": starts.isoformat(),
            "ends_at": (starts + timedelta(hours=1)).isoformat(),
            "problems": [{"label": "A", "problem": "a-plus-b"}, {"label": "B", "problem": "two-sum"}],
            "participants": ["ann", "bob"]}  # fmt: skip


@pytest_asyncio.fixture
async def clients(server: TestServer) -> AsyncIterator[Clients]:  # noqa: F811
    """teacher (the jury: made the contest "round"), ann and bob (its participants), eve (a
    student outside it), and nobody (signed out)."""
    await add_user(server, "teacher", Role.INSTRUCTOR)
    for name in ("ann", "bob", "eve"):
        await add_user(server, name)
    found = {name: visitor(server) for name in ("teacher", "ann", "bob", "eve", "nobody")}
    try:
        for name, client in found.items():
            if name != "nobody":
                await login(client, name)
        async with found["teacher"].post("/api/contests", json=contest("round")) as r:
            assert r.status == 201, await r.text()
        yield found
    finally:
        for client in found.values():
            await client.close()


async def call(client: aiohttp.ClientSession, path: str, body: Any = None) -> tuple[int, Any]:
    """POST `body` as JSON (GET when there is none); the status and the JSON answer."""
    method = "GET" if body is None else "POST"
    async with client.request(method, f"/api/contests/{path}", json=body) as r:
        return r.status, await r.json()


async def seen(client: aiohttp.ClientSession, slug: str = "round") -> list[dict[str, Any]]:
    status, body = await call(client, f"{slug}/clarifications")
    assert status == 200, body
    items: list[dict[str, Any]] = body["clarifications"]
    return items


def texts(items: list[dict[str, Any]]) -> set[str]:
    return {item["text"] for item in items}


async def test_participants_ask_the_jury_answers_and_each_sees_what_is_theirs(clients: Clients) -> None:
    teacher, ann, bob = clients["teacher"], clients["ann"], clients["bob"]
    status, asked = await call(ann, "round/clarifications", {"problem": "a", "text": "  Is n ever 0?\r\n  "})
    assert status == 201
    assert asked == {"id": asked["id"], "kind": "question", "problem": "A", "text": "Is n ever 0?",
                     "created_at": asked["created_at"], "author": "ann", "mine": True, "answer": None}  # fmt: skip
    general = (await call(bob, "round/clarifications", {"problem": "general", "text": "Is Java allowed?"}))[1]
    private = (await call(bob, "round/clarifications", {"problem": "B", "text": "Is my reading of B right?"}))[1]

    # The jury sees every question, with its asker, the waiting ones first (oldest first).
    jury_view = await seen(teacher)
    assert [(i["id"], i["author"]) for i in jury_view] == [(asked["id"], "ann"), (general["id"], "bob"),
                                                            (private["id"], "bob")]  # fmt: skip
    assert texts(await seen(ann)) == {"Is n ever 0?"}, "a participant sees only their own questions"

    status, answered = await call(teacher, f"round/clarifications/{asked['id']}/answer", {"text": "No.", "to": "all"})
    assert status == 200 and answered["answer"]["to"] == "all" and answered["answer"]["by"] == "teacher"
    await call(teacher, f"round/clarifications/{private['id']}/answer", {"text": "Yes, it is.", "to": "asker"})
    await call(teacher, f"round/clarifications/{general['id']}/answer", {"text": "Yes, Java 21."})  # to the asker

    by_text = {i["text"]: i for i in await seen(bob)}
    assert set(by_text) == {"Is n ever 0?", "Is Java allowed?", "Is my reading of B right?"}
    shared = by_text["Is n ever 0?"]
    assert shared["author"] is None and not shared["mine"], "who asked is not told to the others"
    assert shared["answer"] == {"text": "No.", "at": shared["answer"]["at"], "by": None, "to": "all"}
    assert by_text["Is my reading of B right?"]["answer"]["to"] == "asker"
    assert texts(await seen(ann)) == {"Is n ever 0?"}, "bob's private answers stay bob's"

    # A new answer replaces the old one, and its audience: now to everyone, now to the asker alone.
    await call(teacher, f"round/clarifications/{general['id']}/answer", {"text": "Yes: Java 21.", "to": "all"})
    assert {i["text"]: i["answer"]["text"] for i in await seen(ann)} == {
        "Is n ever 0?": "No.",
        "Is Java allowed?": "Yes: Java 21.",
    }
    await call(teacher, f"round/clarifications/{asked['id']}/answer", {"text": "No, n >= 1.", "to": "asker"})
    assert texts(await seen(bob)) == {"Is Java allowed?", "Is my reading of B right?"}
    assert texts(await seen(ann)) == {"Is n ever 0?", "Is Java allowed?"}

    # An announcement reaches every participant, from "the jury".
    status, announced = await call(teacher, "round/announcements", {"problem": "B", "text": "B's limit is 2 s."})
    assert status == 201 and announced["kind"] == "announcement" and announced["author"] == "teacher"
    for client in (ann, bob):
        latest = (await seen(client))[0]
        assert (latest["text"], latest["problem"], latest["author"]) == ("B's limit is 2 s.", "B", None)
    assert (await seen(teacher))[0]["author"] == "teacher"


async def test_each_may_do_only_their_part(clients: Clients) -> None:
    teacher, ann = clients["teacher"], clients["ann"]
    asked = (await call(ann, "round/clarifications", {"problem": "A", "text": "Why?"}))[1]
    announced = (await call(teacher, "round/announcements", {"text": "Hello."}))[1]
    cases = [
        (ann, f"round/clarifications/{asked['id']}/answer", {"text": "Because."}, 403, "forbidden"),
        (ann, "round/announcements", {"text": "I win."}, 403, "forbidden"),
        (teacher, "round/clarifications", {"problem": "A", "text": "Me?"}, 403, "forbidden"),
        (clients["eve"], "round/clarifications", {"problem": "A", "text": "Let me in"}, 404, "contest_not_found"),
        (clients["eve"], "round/clarifications", None, 404, "contest_not_found"),
        (clients["nobody"], "round/clarifications", None, 401, "login_required"),
        (teacher, "nope/clarifications", None, 404, "contest_not_found"),
        (teacher, "round/clarifications/999/answer", {"text": "?"}, 404, "clarification_not_found"),
        (teacher, f"round/clarifications/{announced['id']}/answer", {"text": "?"}, 400, "not_a_question"),
    ]  # fmt: skip
    for client, path, body, expected, code in cases:
        status, answer = await call(client, path, body)
        assert (status, answer["error"]["code"]) == (expected, code), (path, body)
    async with teacher.post("/api/contests", json={**contest("other"), "participants": ["eve"]}) as r:
        assert r.status == 201
    status, _ = await call(teacher, f"other/clarifications/{asked['id']}/answer", {"text": "?"})
    assert status == 404, "a question is answered in its own contest only"


async def test_bad_input_is_refused_with_its_reason(clients: Clients) -> None:
    ann, teacher = clients["ann"], clients["teacher"]
    asked = (await call(ann, "round/clarifications", {"problem": "A", "text": "x" * 2000}))[1]
    assert len(asked["text"]) == 2000, "2000 characters is the limit, and allowed"
    status, emoji = await call(ann, "round/clarifications", {"problem": "B", "text": "\N{GRINNING FACE}" * 2000})
    assert status == 201 and len(emoji["text"]) == 2000, "characters, not bytes (24 KB of JSON escapes here)"
    cases = [
        (ann, "round/clarifications", {"problem": "A", "text": "x" * 2001}, "invalid_text"),
        (ann, "round/clarifications", {"problem": "A", "text": "  \n "}, "invalid_text"),
        (ann, "round/clarifications", {"problem": "A", "text": 42}, "invalid_text"),
        (ann, "round/clarifications", {"problem": "Z", "text": "Z?"}, "invalid_problem"),
        (ann, "round/clarifications", {"text": "which?"}, "invalid_problem"),
        (teacher, f"round/clarifications/{asked['id']}/answer", {"text": "ok", "to": "everyone"}, "invalid_to"),
        (teacher, f"round/clarifications/{asked['id']}/answer", {"to": "all"}, "invalid_text"),
        (teacher, "round/announcements", {"problem": "Q", "text": "hi"}, "invalid_problem"),
        (teacher, "round/clarifications", [], "invalid_body"),
    ]  # fmt: skip
    for client, path, body, code in cases:
        status, answer = await call(client, path, body)
        assert (status, answer["error"]["code"]) == (400, code), body
        assert answer["error"]["message"]
    async with ann.post("/api/contests/round/clarifications", data="text=hi") as r:
        assert r.status == 415


async def test_questions_wait_for_the_contest_and_for_answers(clients: Clients) -> None:
    teacher, ann = clients["teacher"], clients["ann"]
    async with teacher.post("/api/contests", json=contest("later", starts_in=timedelta(hours=1))) as r:
        assert r.status == 201
    status, answer = await call(ann, "later/clarifications", {"problem": "general", "text": "When?"})
    assert (status, answer["error"]["code"]) == (409, "contest_not_running")
    status, body = await call(ann, "later/clarifications")
    assert status == 200 and body["may_ask"] is False and body["clarifications"] == []
    assert (await call(teacher, "later/announcements", {"text": "We start 10 minutes late."}))[0] == 201
    assert texts(await seen(ann, "later")) == {"We start 10 minutes late."}, "announcements before the start"

    for n in range(10):
        assert (await call(ann, "round/clarifications", {"problem": "A", "text": f"Question {n}"}))[0] == 201
    status, answer = await call(ann, "round/clarifications", {"problem": "A", "text": "One more"})
    assert (status, answer["error"]["code"]) == (409, "too_many_open_questions")
    first = (await seen(teacher))[0]
    await call(teacher, f"round/clarifications/{first['id']}/answer", {"text": "Done."})
    assert (await call(ann, "round/clarifications", {"problem": "A", "text": "One more"}))[0] == 201


async def test_every_change_pings_the_contests_followers(clients: Clients) -> None:
    teacher, ann, bob = clients["teacher"], clients["ann"], clients["bob"]
    ping = {"type": "clarifications_changed", "contest": "round"}
    async with bob.ws_connect("/ws") as ws:
        await ws.send_json({"type": "subscribe_scoreboard", "contest": "round"})
        first = [await ws.receive_json(timeout=5) for _ in range(2)]
        assert [m["type"] for m in first] == ["scoreboard_changed", "clarifications_changed"], "on subscribing: both"
        loop = asyncio.get_running_loop()
        started = loop.time()
        asked = (await call(ann, "round/clarifications", {"problem": "A", "text": "Private?"}))[1]
        assert await ws.receive_json(timeout=1) == ping and loop.time() - started < 1
        await call(teacher, f"round/clarifications/{asked['id']}/answer", {"text": "Yes.", "to": "asker"})
        assert await ws.receive_json(timeout=1) == ping, "only a ping: bob's fetch shows him nothing of ann's"
        assert texts(await seen(bob)) == set()
        await call(teacher, "round/announcements", {"text": "Half time."})
        assert await ws.receive_json(timeout=1) == ping


def csrf_of(page: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found is not None
    return found.group(1)


async def test_the_contest_page_has_the_forms_each_may_use_and_escapes_every_text(clients: Clients) -> None:
    teacher, ann, bob = clients["teacher"], clients["ann"], clients["bob"]
    async with ann.get("/contests/round", headers=HTML) as r:
        page = await r.text()
    assert 'action="/contests/round/clarifications"' in page and "/announcements" not in page
    token = csrf_of(page)
    question = {"csrf_token": token, "problem": "B", "text": "<script>alert(1)</script> & more"}
    async with ann.post("/contests/round/clarifications", data={**question, "csrf_token": "forged"}) as r:
        assert r.status == 403
    async with ann.post("/contests/round/clarifications", data=question, headers=HTMX) as r:
        fragment = await r.text()
        assert r.status == 200 and "<html" not in fragment
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in fragment and "<script>alert" not in fragment
    async with ann.post("/contests/round/clarifications", data={**question, "text": ""}, headers=HTMX) as r:
        assert r.status == 400 and r.content_type == "text/plain" and "1 to 2000 characters" in await r.text()

    async with teacher.get("/contests/round", headers=HTML) as r:
        page = await r.text()
    assert 'action="/contests/round/announcements"' in page and "Ask the jury" not in page
    found = re.search(r'action="/contests/round/clarifications/([0-9]+)/answer"', page)
    assert found is not None and "1 question waits for an answer." in page
    answer = {"csrf_token": csrf_of(page), "text": "No <b>tags</b>", "to": "all"}
    async with teacher.post(f"/contests/round/clarifications/{found.group(1)}/answer", data=answer,
                            allow_redirects=False) as r:  # fmt: skip
        assert r.status == 303 and r.headers["Location"] == "/contests/round#clarifications", "without htmx"
    async with bob.get("/contests/round/clarifications", headers=HTMX) as r:
        fragment = await r.text()
    assert "No &lt;b&gt;tags&lt;/b&gt;" in fragment and "to everyone" in fragment and "a participant asked" in fragment
    async with clients["eve"].get("/contests/round/clarifications", headers=HTMX) as r:
        assert r.status == 404
