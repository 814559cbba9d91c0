"""The live panel in a real headless Chromium, judged by the fake engine (no Docker), so every
state can be held still and looked at: a place in the queue, rows with their reasons, the end.

Screenshots at a phone's width and a desktop's go to $CODEARENA_SCREENSHOTS (see conftest.py).
"""

from __future__ import annotations

import asyncio

import pytest
from aiohttp.test_utils import TestServer
from browser_helpers import WATCH, Shot, checked_page, open_problem, set_code
from fakes import FakeEngine
from playwright.async_api import Browser, BrowserContext, ViewportSize, expect

pytestmark = pytest.mark.browser

WAIT_MS = 30_000  # generous: the machine is shared, and nothing here depends on speed
SIZES: dict[str, ViewportSize] = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


async def wait_status(context: BrowserContext, submission_id: str, wanted: str) -> None:
    for _ in range(WAIT_MS // 10):
        response = await context.request.get(f"/api/submissions/{submission_id}")
        if (await response.json())["status"] == wanted:
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"{submission_id} never reached {wanted}")


async def occupy(context: BrowserContext, count: int) -> list[str]:
    """`count` submissions that hold a worker (or wait in the queue) until let through."""
    ids = []
    for _ in range(count):
        response = await context.request.post(
            "/api/submissions", data={"problem": "a-plus-b", "language": "python", "source": "block"}
        )
        assert response.status == 202
        ids.append((await response.json())["id"])
    return ids


@pytest.mark.parametrize("size", list(SIZES))
async def test_queue_place_then_live_rows_with_reasons_then_the_result(
    browser: Browser, fake_server: TestServer, fake_engine: FakeEngine, shot: Shot, size: str
) -> None:
    context = await browser.new_context(base_url=str(fake_server.make_url("")), viewport=SIZES[size])
    await context.add_init_script(WATCH)
    try:
        async with checked_page(context) as page:
            await open_problem(page)
            for submission_id in await occupy(context, 2):  # the two workers (pool_size 2)
                await wait_status(context, submission_id, "running")
            await occupy(context, 2)  # two waiting ahead
            await set_code(page, "pause crash")  # FakeJudge: exit code 3 on test 3, then wait
            await page.get_by_role("button", name="Submit").click()
            status = page.locator("#results .status-name")
            await expect(status).to_have_text("Queued · 3rd in line", timeout=WAIT_MS)
            panel = page.locator("#results-panel")
            await panel.scroll_into_view_if_needed()
            await shot(panel, f"web-01-queued-3rd-{size}")
            fake_engine.judging.let_one_through()
            await expect(status).to_have_text("Queued · 2nd in line", timeout=WAIT_MS)
            fake_engine.judging.let_one_through()
            await expect(status).to_have_text("Queued · next in line", timeout=WAIT_MS)
            fake_engine.judging.let_one_through()  # the first waiting one ends; ours starts
            crashed = page.locator('#results tr.test[data-index="3"]')
            await expect(crashed.locator(".reason")).to_have_text("exit code 3", timeout=WAIT_MS)
            await expect(crashed).to_have_attribute("data-verdict", "runtime_error")
            await expect(page.locator("#results tr.test.pending")).to_have_count(7)
            await expect(status).to_have_text("Running · 3 / 10")
            await shot(panel, f"web-02-live-reason-{size}")
            fake_engine.judging.let_one_through()  # the second waiting one
            fake_engine.judging.let_one_through()  # ours, past its pause
            verdict = page.locator("#results #overall-verdict")
            await expect(verdict).to_contain_text("Runtime error", timeout=WAIT_MS)
            await expect(page.locator("#results .summary-reason")).to_have_text("test 3: exit code 3")
            await expect(page.locator('#results tr.test[data-index="3"] .reason')).to_have_text("exit code 3")
            await expect(page.locator("#results tr.test .reason")).to_have_count(1)
            await panel.scroll_into_view_if_needed()
            await shot(panel, f"web-03-result-reason-{size}")
            await page.goto("/submissions")
            await expect(page.locator(".history-table tbody tr").first.locator(".reason")).to_have_text(
                "test 3: exit code 3"
            )
            await shot(page, f"web-04-history-reason-{size}")
    finally:
        for _ in range(10):
            fake_engine.judging.let_one_through()
        await context.close()


@pytest.mark.parametrize("size", list(SIZES))
async def test_the_submission_page_of_a_waiting_submission_follows_its_place(
    browser: Browser, fake_server: TestServer, fake_engine: FakeEngine, shot: Shot, size: str
) -> None:
    context = await browser.new_context(base_url=str(fake_server.make_url("")), viewport=SIZES[size])
    await context.add_init_script(WATCH)
    try:
        async with checked_page(context) as page:
            for submission_id in await occupy(context, 2):
                await wait_status(context, submission_id, "running")
            await occupy(context, 1)
            (mine,) = await occupy(context, 1)
            await page.goto(f"/submissions/{mine}")
            status = page.locator("#results .status-name")
            await expect(status).to_have_text("Queued · 2nd in line")  # rendered by the server
            await shot(page, f"web-05-submission-page-queued-{size}")
            fake_engine.judging.let_one_through()
            await expect(status).to_have_text("Queued · next in line", timeout=WAIT_MS)  # then live
            for _ in range(4):
                fake_engine.judging.let_one_through()
            await expect(page.locator("#results #overall-verdict")).to_contain_text("Accepted", timeout=WAIT_MS)
    finally:
        for _ in range(10):
            fake_engine.judging.let_one_through()
        await context.close()
