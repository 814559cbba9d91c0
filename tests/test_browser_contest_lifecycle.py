"""A contest's lifecycle in a real headless Chromium, with the fake judge: the jury's list of
submissions with a re-judge from its button, the reveal of frozen standings reaching a
participant's open page, and a virtual run from its Start button to a board that follows the
run's own submissions; each page at a desktop and a phone width."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
import pytest_asyncio
from aiohttp.test_utils import TestServer
from browser_helpers import Shot, checked_page, signed_in
from playwright.async_api import Browser, BrowserContext, Page, ViewportSize, expect
from test_accounts import PASSWORD, add_user, cheap_hashing, server  # noqa: F401 - fixtures
from test_contest_lifecycle import contest, judged

from codearena.domain.accounts import Role
from codearena.domain.grading_rules import iso
from codearena.web.keys import DATABASE

pytestmark = pytest.mark.browser
WIDTHS: list[ViewportSize] = [{"width": 1024, "height": 768}, {"width": 390, "height": 844}]


@pytest_asyncio.fixture
async def people(browser: Browser, server: TestServer) -> AsyncIterator[dict[str, BrowserContext]]:  # noqa: F811
    await add_user(server, "judge", Role.INSTRUCTOR)
    names = ("judge", "ann", "bob", "cat")
    for name in names[1:]:
        await add_user(server, name)
    async with signed_in(browser, str(server.make_url("")), names, PASSWORD, WIDTHS[0]) as contexts:
        yield contexts


async def both_widths(page: Page, shot: Shot, name: str) -> None:
    for size in WIDTHS:
        await page.set_viewport_size(size)
        assert await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), size
        await shot(page, f"{name}-{size['width']}")
    await page.set_viewport_size(WIDTHS[0])


async def test_the_jury_rejudges_from_its_list_of_submissions(people: dict[str, BrowserContext], shot: Shot) -> None:
    judge = people["judge"]
    assert (await judge.request.post("/api/contests", data=contest("round", timedelta(minutes=-75),
                                                                   timedelta(minutes=45)))).status == 201  # fmt: skip
    for name, problem, source in (("ann", "a-plus-b", "wrong"), ("bob", "a-plus-b", "accept"),
                                  ("cat", "two-sum", "compile error"), ("ann", "a-plus-b", "accept")):  # fmt: skip
        sent = await people[name].request.post("/api/submissions", data={"problem": problem, "language": "python",
                                                                          "source": source})  # fmt: skip
        assert sent.status == 202
    async with checked_page(judge) as page:
        await page.goto("/contests/round")
        await page.get_by_role("link", name="All submissions").click()
        await page.wait_for_url("**/contests/round/submissions")
        rows = page.locator("#contest-submissions tbody tr")
        await expect(rows).to_have_count(4)
        await expect(page.locator("#contest-submissions .verdict-pending")).to_have_count(0)
        await expect(rows.first).to_contain_text("1:15")
        await both_widths(page, shot, "jury-submissions")

        await page.locator("#filter-participant").select_option("ann")
        await expect(rows).to_have_count(2)
        assert "participant=ann" in page.url
        await rows.last.get_by_role("button", name="Re-judge").click()
        await expect(page.locator(".notice")).to_contain_text("1 submission queued")
        await expect(rows).to_have_count(2)
        await expect(rows.last.locator(".verdict-wrong_answer")).to_be_visible()
        await rows.first.locator("a.submission-link").click()
        await page.wait_for_url("**/submissions/*")
        await expect(page.locator("body")).to_contain_text("Accepted")


async def test_a_reveal_reaches_an_open_scoreboard_and_a_virtual_run_follows_its_own_submissions(
    people: dict[str, BrowserContext],
    server: TestServer,  # noqa: F811
    shot: Shot,
) -> None:
    now = datetime.now(UTC)
    start = now - timedelta(hours=3)
    made = await people["judge"].request.post(
        "/api/contests", data=contest("past", timedelta(hours=-3), timedelta(hours=-1), now, freeze_min=30)
    )
    assert made.status == 201
    for who, problem, accepted, minute in (("ann", "a-plus-b", True, 10), ("ann", "two-sum", False, 20),
                                           ("ann", "two-sum", True, 100), ("bob", "a-plus-b", False, 5),
                                           ("bob", "a-plus-b", True, 40), ("bob", "two-sum", True, 45)):  # fmt: skip
        await judged(server, who, problem, accepted, start + timedelta(minutes=minute))

    async with checked_page(people["ann"]) as ann, checked_page(people["judge"]) as judge:
        await ann.goto("/contests/past")
        ann_b = ann.locator('#scoreboard tr[data-participant="ann"] td.score-cell').nth(1)
        await expect(ann_b).to_contain_text("1 pending")
        await ann.wait_for_timeout(300)  # its WebSocket is subscribed
        await judge.goto("/contests/past")
        await both_widths(judge, shot, "contest-jury")
        await judge.get_by_role("button", name="Reveal the standings").click()
        await expect(judge.locator(".contest-actions")).to_contain_text("Revealed to the participants")
        await expect(ann_b).to_have_class("score-cell solved", timeout=2000)

    async with checked_page(people["cat"]) as cat:
        await cat.goto("/contests")
        await both_widths(cat, shot, "contests-index")
        await cat.get_by_role("link", name="Past").click()
        await cat.get_by_role("button", name="Start a virtual run").click()
        await cat.wait_for_url("**/contests/past/virtual")
        async with server.app[DATABASE].write() as db:  # 50 minutes into the run
            await db.execute(
                "UPDATE virtual_runs SET started_at = ?", (iso(datetime.now(UTC) - timedelta(minutes=50)),)
            )
        await cat.reload()
        virtual = cat.locator('#scoreboard tr[data-virtual="true"]')
        await expect(virtual).to_contain_text("virtual")
        await expect(cat.locator(".virtual-clock")).to_contain_text("50 of 120 minutes")
        await cat.wait_for_timeout(300)
        sent = await people["cat"].request.post("/api/submissions", data={"problem": "a-plus-b", "language": "python",
                                                                          "source": "accept"})  # fmt: skip
        assert sent.status == 202
        await expect(virtual.locator("td.score-cell").first).to_have_class("score-cell solved", timeout=2000)
        # bob (2 solved), ann (1, at 10), then cat's run (1, at 50)
        await expect(cat.locator("#scoreboard tbody tr").nth(2)).to_have_attribute("data-virtual", "true")
        await both_widths(cat, shot, "virtual-run")


async def test_a_newcomer_registers_for_an_open_contest_from_the_index(
    people: dict[str, BrowserContext], shot: Shot
) -> None:
    judge, cat = people["judge"], people["cat"]
    body = contest("open-round", timedelta(minutes=-10), timedelta(minutes=50), participants=[], open_registration=True)
    assert (await judge.request.post("/api/contests", data=body)).status == 201
    async with checked_page(cat) as page:
        await page.goto("/contests/open-round")
        await expect(page.get_by_role("button", name="Register for Open-Round")).to_be_visible()
        await both_widths(page, shot, "contest-register")
        await page.goto("/contests")
        row = page.locator('tr[data-contest="open-round"]')
        await expect(row).to_contain_text("Running")
        await both_widths(page, shot, "contests-index-open")
        await row.get_by_role("button", name="Register").click()
        await page.wait_for_url("**/contests/open-round")
        await expect(page.locator('#scoreboard tr[data-participant="cat"]')).to_be_visible()
