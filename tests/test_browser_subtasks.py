"""A problem in groups of tests (subtasks) in a real headless Chromium, judged by the fake engine
(no Docker): the live panel fills each group's row as the group completes, the final panel and
the submission page show each group with its points, and a partly solved submission reads
"Partial, 40/100". Screenshots at a desktop's width and a phone's (see conftest.py)."""

from __future__ import annotations

import pytest
from aiohttp.test_utils import TestServer
from browser_helpers import WATCH, Shot, checked_page, open_problem, set_code
from fakes import FakeEngine
from playwright.async_api import Browser, Page, ViewportSize, expect

pytestmark = pytest.mark.browser

WAIT_MS = 30_000  # generous: the machine is shared, and nothing here depends on speed
SIZES: dict[str, ViewportSize] = {"desktop": {"width": 1024, "height": 900}, "phone": {"width": 390, "height": 844}}
SLUG = "subarray-sum-equals-k"  # samples (tests 1-3, 0 points), small (4-11, 40), large (12-19, 60)


async def expect_final(page: Page) -> None:
    await expect(page.locator("#results #overall-verdict")).to_have_text("◐ Partial, 40/100", timeout=WAIT_MS)
    await expect(page.locator("#results .score")).to_have_text("40 / 100 points")
    heads = page.locator("#results tr.group-head")
    await expect(heads).to_have_count(3)
    await expect(heads.nth(0)).to_have_attribute("data-verdict", "accepted")
    await expect(heads.nth(1).locator(".group-points")).to_have_text("40 / 40 points")
    await expect(heads.nth(2)).to_have_attribute("data-verdict", "time_limit_exceeded")
    await expect(heads.nth(2).locator(".group-points")).to_have_text("0 / 60 points")
    await expect(page.locator('#results tbody[data-group="3"] tr.test[data-verdict="skipped"]')).to_have_count(7)


@pytest.mark.parametrize("size", list(SIZES))
async def test_each_group_fills_live_and_the_pages_show_the_points(
    browser: Browser, fake_server: TestServer, fake_engine: FakeEngine, shot: Shot, size: str
) -> None:
    context = await browser.new_context(base_url=str(fake_server.make_url("")), viewport=SIZES[size])
    await context.add_init_script(WATCH)
    try:
        async with checked_page(context) as page:
            await open_problem(page, SLUG)
            # FakeJudge: out of time on the first test of the large group, then waits there.
            await set_code(page, "pause partial")
            await page.get_by_role("button", name="Submit").click()
            heads = page.locator("#results tr.group-head")
            await expect(heads).to_have_count(3)
            await expect(heads.nth(1)).to_have_attribute("data-verdict", "accepted", timeout=WAIT_MS)
            await expect(heads.nth(1).locator(".group-points")).to_have_text("40 / 40 points")
            await expect(heads.nth(0).locator(".group-points")).to_have_text("0 / 0 points")
            large = heads.nth(2)
            await expect(large).to_have_attribute("data-verdict", "")  # its last tests are still to come
            await expect(large.locator(".group-points")).to_have_text("60 points")
            await expect(page.locator('#results tr.test[data-index="12"]')).to_have_attribute(
                "data-verdict", "time_limit_exceeded"
            )
            await expect(page.locator("#results tr.test.pending")).to_have_count(7)
            panel = page.locator("#results-panel")
            await panel.scroll_into_view_if_needed()
            await shot(panel, f"subtasks-01-live-{size}")
            fake_engine.judging.let_one_through()
            await expect_final(page)
            await shot(panel, f"subtasks-02-final-{size}")
            row = page.locator("#my-submissions-title + .table-scroll tbody tr").first
            await expect(row).to_contain_text("Partial, 40/100", timeout=WAIT_MS)

            submission_id = await page.locator("#results .results-body").get_attribute("data-submission-id")
            await page.goto(f"/submissions/{submission_id}")
            await expect_final(page)
            await shot(page, f"subtasks-03-submission-page-{size}")
            await shot(page.locator(".results-pane"), f"subtasks-04-submission-results-{size}")
    finally:
        await context.close()


async def test_the_submission_page_follows_the_groups_live(
    browser: Browser, fake_server: TestServer, fake_engine: FakeEngine
) -> None:
    context = await browser.new_context(base_url=str(fake_server.make_url("")), viewport=SIZES["desktop"])
    await context.add_init_script(WATCH)
    try:
        response = await context.request.post(
            "/api/submissions", data={"problem": SLUG, "language": "python", "source": "block partial"}
        )
        submission_id = (await response.json())["id"]
        async with checked_page(context) as page:
            await page.goto(f"/submissions/{submission_id}")  # rendered by the server, every group waiting
            heads = page.locator("#results tr.group-head")
            await expect(heads).to_have_count(3)
            await expect(page.locator("#results tr.test.pending")).to_have_count(19)
            fake_engine.judging.let_one_through()
            await expect_final(page)
    finally:
        await context.close()
