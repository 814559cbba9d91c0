"""The new-contest form in a real headless Chromium, with the fake judge: an instructor in
Amsterdam fills it in (the short name follows the title, the zone is the browser's, problem rows
appear one at a time, the points show under the points rule), gets a bad end time back marked,
fixes it, and lands on the contest's page, its times stored as UTC."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from aiohttp.test_utils import TestServer
from browser_helpers import WATCH, Shot, checked_page
from playwright.async_api import Browser, BrowserContext, Page, ViewportSize, expect
from test_accounts import PASSWORD, add_user, cheap_hashing, server  # noqa: F401 - fixtures
from test_assignments import course

from codearena.domain.accounts import Role
from codearena.web.keys import CONTESTS

pytestmark = pytest.mark.browser
WIDTHS: list[ViewportSize] = [{"width": 1024, "height": 768}, {"width": 390, "height": 844}]


@pytest_asyncio.fixture
async def judge(browser: Browser, server: TestServer) -> AsyncIterator[BrowserContext]:  # noqa: F811
    teacher = await add_user(server, "judge", Role.INSTRUCTOR)
    await course(server, "algo", teacher, await add_user(server, "ann"))
    await add_user(server, "bob")
    context = await browser.new_context(base_url=str(server.make_url("")), viewport=WIDTHS[0],
                                        timezone_id="Europe/Amsterdam")  # fmt: skip
    await context.add_init_script(WATCH)
    signed = await context.request.post("/api/login", data={"username": "judge", "password": PASSWORD})
    assert signed.ok
    try:
        yield context
    finally:
        await context.close()


async def fits(page: Page) -> bool:
    fitted: bool = await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    return fitted


async def test_an_instructor_fills_the_form_and_lands_on_the_contest(
    judge: BrowserContext,
    shot: Shot,
    server: TestServer,  # noqa: F811
) -> None:
    async with checked_page(judge) as page:
        await page.goto("/contests")
        await page.get_by_role("link", name="New contest").click()
        await expect(page).to_have_url("/contests/new")
        await expect(page.locator("#c-time_zone")).to_have_value("Europe/Amsterdam")
        await shot(page.locator("#main"), "contest-form-new-1024")
        await page.locator("#c-title").fill("Spring Cup 2030: Ünïcode!")
        await expect(page.locator("#c-slug")).to_have_value("spring-cup-2030-unicode")

        rows = page.locator(".problem-row")
        await expect(rows.nth(0)).to_be_visible()
        await expect(rows.nth(1)).to_be_hidden()
        await page.locator("#c-problem_0").select_option("a-plus-b")
        await expect(rows.nth(1)).to_be_visible()
        await page.locator("#c-problem_1").select_option("two-sum")
        await expect(rows.nth(2)).to_be_visible()
        await expect(rows.nth(3)).to_be_hidden()

        await expect(page.locator("#c-points_0")).to_be_hidden()
        await expect(page.locator("#c-penalty_min")).to_be_visible()
        await page.get_by_label("Points: each problem").check()
        await expect(page.locator("#c-penalty_min")).to_be_hidden()
        await page.locator("#c-points_0").fill("60")
        await page.locator("#c-points_1").fill("40")

        await page.locator("#c-starts_at").fill("2030-03-01T10:00")
        await page.locator("#c-ends_at").fill("2030-03-01T09:00")  # before the start: refused
        await page.locator("#c-freeze_min").fill("15")
        await page.locator("#c-course").select_option("algo")
        await page.locator("#c-participants").fill("bob")
        for size in WIDTHS:
            await page.set_viewport_size(size)
            assert await fits(page), f"no sideways scrolling at {size['width']}"
            await shot(page.locator("#main"), f"contest-form-{size['width']}")
        await page.set_viewport_size(WIDTHS[0])
        await page.get_by_role("button", name="Create contest").click()

        await expect(page.locator("#form-error")).to_contain_text("'ends_at' must come after 'starts_at'")
        await expect(page.locator("#c-ends_at-error")).to_be_visible()
        await expect(page.locator("#c-slug")).to_have_value("spring-cup-2030-unicode")
        await expect(page.locator("#c-points_0")).to_have_value("60")
        await expect(page.locator("#c-penalty_min")).to_be_hidden()
        await expect(rows.nth(2)).to_be_visible()
        await expect(rows.nth(3)).to_be_hidden()
        await page.set_viewport_size(WIDTHS[1])
        assert await fits(page)
        await shot(page.locator("#main"), "contest-form-error-390")
        await page.set_viewport_size(WIDTHS[0])

        await page.locator("#c-ends_at").fill("2030-03-01T13:00")
        await page.get_by_role("button", name="Create contest").click()
        await expect(page).to_have_url("/contests/spring-cup-2030-unicode")
        await expect(page.get_by_role("heading", level=1)).to_have_text("Spring Cup 2030: Ünïcode!")
        await page.goto("/contests")
        for size in WIDTHS:
            await page.set_viewport_size(size)
            assert await fits(page)
            await shot(page, f"contest-index-staff-{size['width']}")

    made = await server.app[CONTESTS].store.by_slug("spring-cup-2030-unicode")
    assert made is not None and made.rule == "points" and made.freeze_min == 15
    assert (made.starts_at, made.ends_at) == ("2030-03-01T09:00:00.000Z", "2030-03-01T12:00:00.000Z")
    assert [(p.label, p.problem, p.points) for p in made.problems] == [("A", "a-plus-b", 60), ("B", "two-sum", 40)]


async def test_the_form_works_without_javascript(browser: Browser, server: TestServer) -> None:  # noqa: F811
    await add_user(server, "judge", Role.INSTRUCTOR)
    context = await browser.new_context(base_url=str(server.make_url("")), viewport=WIDTHS[1],
                                        java_script_enabled=False)  # fmt: skip
    try:
        signed = await context.request.post("/api/login", data={"username": "judge", "password": PASSWORD})
        assert signed.ok
        page = await context.new_page()
        await page.goto("/contests/new")
        await expect(page.locator("#c-time_zone")).to_have_value("UTC")
        await expect(page.locator(".problem-row").last).to_be_visible()  # every row, and the points
        await expect(page.locator("#c-points_0")).to_be_visible()
        await page.locator("#c-title").fill("Plain round")
        await page.locator("#c-slug").fill("plain-round")
        await page.locator("#c-starts_at").fill("2030-03-01T10:00")
        await page.locator("#c-ends_at").fill("2030-03-01T12:00")
        await page.locator("#c-problem_0").select_option("fizzbuzz")
        await page.locator("#c-problem_2").select_option("two-sum")  # the row between left empty: C becomes B
        await page.get_by_role("button", name="Create contest").click()
        await expect(page).to_have_url("/contests/plain-round")
    finally:
        await context.close()
    made = await server.app[CONTESTS].store.by_slug("plain-round")
    assert made is not None and made.starts_at == "2030-03-01T10:00:00.000Z"
    assert [(p.label, p.problem) for p in made.problems] == [("A", "fizzbuzz"), ("B", "two-sum")]
