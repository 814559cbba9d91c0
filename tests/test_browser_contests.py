"""A contest's scoreboard in a real headless Chromium, with the fake judge: two participants and
a jury member in three browser contexts. An accepted submission reaches the others' scoreboards
within a second, without a reload; a freeze hides it from the participants but not the jury."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import pytest_asyncio
from aiohttp.test_utils import TestServer
from browser_helpers import Shot, checked_page, signed_in
from playwright.async_api import Browser, BrowserContext, Page, ViewportSize, expect
from test_accounts import PASSWORD, add_user, cheap_hashing, server  # noqa: F401 - fixtures

from codearena.domain.accounts import Role

pytestmark = pytest.mark.browser
WIDTHS: list[ViewportSize] = [{"width": 1024, "height": 768}, {"width": 390, "height": 844}]


@pytest_asyncio.fixture
async def people(browser: Browser, server: TestServer) -> AsyncIterator[dict[str, BrowserContext]]:  # noqa: F811
    await add_user(server, "judge", Role.INSTRUCTOR)
    names = ("judge", "ann", "bob")
    for name in names[1:]:
        await add_user(server, name)
    async with signed_in(browser, str(server.make_url("")), names, PASSWORD, WIDTHS[0]) as contexts:
        yield contexts


def contest(slug: str, freeze_min: int | None) -> dict[str, Any]:
    now = datetime.now(UTC)
    return {"slug": slug, "title": f"Round {slug}", "starts_at": (now - timedelta(minutes=30)).isoformat(),
            "ends_at": (now + timedelta(minutes=30)).isoformat(), "freeze_min": freeze_min,
            "problems": [{"label": "A", "problem": "a-plus-b"}], "participants": ["ann", "bob"]}  # fmt: skip


def bob_at_a(page: Page) -> Any:
    return page.locator('#scoreboard tr[data-participant="bob"] td.score-cell')


async def test_an_accepted_submission_reaches_every_scoreboard_within_a_second(
    people: dict[str, BrowserContext], shot: Shot
) -> None:
    made = await people["judge"].request.post("/api/contests", data=contest("live", None))
    assert made.status == 201
    async with checked_page(people["ann"]) as ann, checked_page(people["judge"]) as judge:
        for page in (ann, judge):
            await page.goto("/contests/live")
            await expect(bob_at_a(page)).not_to_have_class("score-cell solved")
        await ann.wait_for_timeout(300)  # the pages' WebSockets are subscribed
        sent = await people["bob"].request.post("/api/submissions", data={"problem": "a-plus-b", "language": "python",
                                                                          "source": "accept"})  # fmt: skip
        assert sent.status == 202
        for page in (ann, judge):
            await expect(bob_at_a(page)).to_have_class("score-cell solved first", timeout=1000)
        for size in WIDTHS:
            await ann.set_viewport_size(size)
            assert await ann.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
            await shot(ann, f"contest-live-{size['width']}")


async def test_the_freeze_hides_a_solve_from_participants_but_not_the_jury(
    people: dict[str, BrowserContext], shot: Shot
) -> None:
    made = await people["judge"].request.post("/api/contests", data=contest("frozen", 45))
    assert made.status == 201
    async with checked_page(people["ann"]) as ann, checked_page(people["judge"]) as judge:
        for page in (ann, judge):
            await page.goto("/contests/frozen")
        await ann.wait_for_timeout(300)
        sent = await people["bob"].request.post("/api/submissions", data={"problem": "a-plus-b", "language": "python",
                                                                          "source": "accept"})  # fmt: skip
        assert sent.status == 202
        await expect(bob_at_a(judge)).to_have_class("score-cell solved first", timeout=1000)
        await expect(bob_at_a(ann)).to_contain_text("1 pending", timeout=1000)
        await expect(bob_at_a(ann)).not_to_have_class("score-cell solved first")
        await expect(ann.get_by_role("status")).to_contain_text("frozen")
        await shot(ann, "contest-frozen-participant")
        await shot(judge, "contest-frozen-jury")
