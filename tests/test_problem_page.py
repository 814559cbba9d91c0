"""The problem page's own submissions and the one it follows again after a reload, without a
browser: the pages over HTTP against the whole app on the fake engine.

The same in a real Chromium: tests/test_browser_problem_page.py.
"""

from __future__ import annotations

import asyncio
import re

import aiohttp
from aiohttp.test_utils import TestServer
from fakes import FakeEngine

from codearena.web.views import PROBLEM_HISTORY
from server_helpers import submit, wait_completed

FRAGMENT = {"HX-Request": "true"}


def visitor(server: TestServer) -> aiohttp.ClientSession:
    return aiohttp.ClientSession(base_url=server.make_url(""), cookie_jar=aiohttp.CookieJar(unsafe=True))


async def text_of(client: aiohttp.ClientSession, path: str, **kwargs: object) -> str:
    async with client.get(path, **kwargs) as r:  # type: ignore[arg-type]
        assert r.status == 200, await r.text()
        return await r.text()


def listed(html: str) -> list[str]:
    """The submission ids of the problem page's list, in their order."""
    section = html[html.index('id="my-submissions-title"') :]
    return re.findall(r'<tr data-id="([0-9a-f]{16})"', section)


def resumed_id(html: str) -> str | None:
    found = re.search(r'<div id="results">\s*<div class="results-body" data-submission-id="([0-9a-f]+)"', html)
    return found.group(1) if found else None


async def test_the_problem_page_lists_only_the_viewers_own_submissions_to_it_newest_first(
    fake_server: TestServer,
) -> None:
    async with visitor(fake_server) as alice, visitor(fake_server) as bob:
        assert "Nothing submitted to this problem" in await text_of(alice, "/problems/a-plus-b")
        first = await submit(alice, "a-plus-b", "python", "accept")
        await asyncio.sleep(0.002)  # created_at has milliseconds: one apart, so that the order is known
        second = await submit(alice, "a-plus-b", "cpp", "crash")
        await submit(alice, "two-sum", "python", "accept")
        theirs = await submit(bob, "a-plus-b", "python", "wrong")
        for submission_id in (first, second):
            await wait_completed(alice, submission_id, timeout_s=30)
        html = await text_of(alice, "/problems/a-plus-b")
        assert listed(html) == [second, first], "its own, to this problem, newest first"
        rows = html[html.index('id="my-submissions-title"') :]
        assert f'href="/submissions/{second}"' in rows and "C++17 (g++)" in rows
        assert "Runtime error" in rows and "test 3: exit code 3" in rows and "Accepted" in rows
        assert "10 / 10" in rows and " ms</td>" in rows
        assert 'hx-get="/problems/a-plus-b/submissions" hx-trigger="submissions-changed from:body"' in html
        assert resumed_id(html) is None, "nothing is being judged: no results panel"
        assert listed(await text_of(bob, "/problems/a-plus-b")) == [theirs]


async def test_the_list_alone_is_a_fragment_for_htmx_and_a_redirect_for_a_person(fake_server: TestServer) -> None:
    async with visitor(fake_server) as alice:
        submission_id = await submit(alice, "a-plus-b", "python", "accept")
        fragment = await text_of(alice, "/problems/a-plus-b/submissions", headers=FRAGMENT)
        assert "<html" not in fragment and listed(fragment) == [submission_id]
        async with alice.get("/problems/a-plus-b/submissions", allow_redirects=False) as r:
            assert r.status == 303 and r.headers["Location"] == "/submissions?problem=a-plus-b"
        async with alice.get("/problems/nope/submissions", headers=FRAGMENT) as r:
            assert r.status == 404


async def test_the_list_shows_the_newest_ten_and_links_to_the_rest(fake_server: TestServer) -> None:
    async with visitor(fake_server) as alice:
        oldest = await submit(alice, "a-plus-b", "python", "accept")
        await asyncio.sleep(0.002)  # one millisecond apart at least, as above
        for _ in range(PROBLEM_HISTORY):
            await submit(alice, "a-plus-b", "python", "accept")
        fragment = await text_of(alice, "/problems/a-plus-b/submissions", headers=FRAGMENT)
        assert len(listed(fragment)) == PROBLEM_HISTORY and oldest not in listed(fragment)
        assert 'href="/submissions?problem=a-plus-b">All your submissions to this problem' in fragment


async def test_a_submission_still_judged_is_shown_again_after_a_reload(
    fake_server: TestServer, fake_engine: FakeEngine
) -> None:
    async with visitor(fake_server) as alice, visitor(fake_server) as bob:
        done = await submit(alice, "a-plus-b", "python", "accept")
        await wait_completed(alice, done, timeout_s=30)
        held = await submit(alice, "a-plus-b", "python", "block")  # running until let through
        for _ in range(3000):
            async with alice.get(f"/api/submissions/{held}") as r:
                if (await r.json())["status"] == "running":
                    break
            await asyncio.sleep(0.01)
        else:
            raise AssertionError(f"{held} never started")
        html = await text_of(alice, "/problems/a-plus-b")
        assert resumed_id(html) == held
        assert re.search(r'<section id="results-panel" class="panel" aria-labelledby', html), "not hidden"
        assert f'<a href="/submissions/{held}" class="submission-link">{held}</a>' in html
        assert 'data-status="running"' in html and 'class="test pending"' in html
        assert listed(html)[0] == held and "Running" in html[html.index('id="my-submissions-title"') :]
        assert resumed_id(await text_of(bob, "/problems/a-plus-b")) is None, "only its owner's page"
        assert resumed_id(await text_of(alice, "/problems/two-sum")) is None, "only on its problem's page"
        fake_engine.judging.let_one_through()
        await wait_completed(alice, held, timeout_s=30)
        assert resumed_id(await text_of(alice, "/problems/a-plus-b")) is None, "judged: not followed again"
