"""The similarity report in a real headless Chromium, with the fake judge: an instructor goes from
the assignment's page to a report, watches it finish without a reload, and opens the most alike
pair side by side. Screenshots of the pair list and the pair at desktop and phone widths."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from aiohttp.test_utils import TestServer
from browser_helpers import WATCH, Shot, checked_page
from playwright.async_api import Browser, ViewportSize, expect
from test_accounts import PASSWORD, add_user, cheap_hashing, server  # noqa: F401 - fixtures
from test_assignments import course
from test_similarity_api import LANGUAGES, students_submit

from codearena.domain.accounts import Role

pytestmark = pytest.mark.browser
WIDTHS: list[ViewportSize] = [{"width": 1024, "height": 768}, {"width": 390, "height": 844}]


async def test_an_instructor_reads_a_report_and_a_pair_side_by_side(
    browser: Browser,
    server: TestServer,  # noqa: F811
    shot: Shot,
) -> None:
    teacher = await add_user(server, "teacher", Role.INSTRUCTOR)
    students = [await add_user(server, f"{prefix}{n}") for prefix, _ in LANGUAGES.values() for n in range(3)]
    await course(server, "algo", teacher, *students)
    context = await browser.new_context(base_url=str(server.make_url("")), viewport=WIDTHS[0])
    try:
        await context.add_init_script(WATCH)
        assert (await context.request.post("/api/login", data={"username": "teacher", "password": PASSWORD})).ok
        now = datetime.now(UTC)
        made = await context.request.post("/api/courses/algo/assignments", data={
            "title": "Week 3", "problems": [{"problem": "merge-intervals", "points": 100}],
            "opens_at": (now - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
            "due_at": (now + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")})  # fmt: skip
        assert made.status == 201
        assignment = (await made.json())["id"]
        await students_submit(server, "merge-intervals")

        async with checked_page(context) as page:
            await page.goto(f"/assignments/{assignment}")
            await page.get_by_role("link", name="Similarity report").click()
            await expect(page.get_by_role("heading", name="Similarity report")).to_be_visible()
            await shot(page, "similarity-start-1024")
            await page.get_by_role("button", name="Start the report").click()
            await expect(page.locator("#sim-found")).to_have_text("4 pairs at least 50% alike", timeout=30_000)
            assert await page.locator("table.sim-pairs tbody tr").count() == 4
            for size in WIDTHS:
                await page.set_viewport_size(size)
                assert await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
                await shot(page, f"similarity-report-{size['width']}")

            await page.set_viewport_size(WIDTHS[0])
            python = page.locator("table.sim-pairs tbody tr", has_text="Python")
            await python.get_by_role("link", name="Compare").click()
            await expect(page.get_by_role("heading", level=1)).to_contain_text("alike")
            sides = page.locator(".sim-side")
            assert await sides.count() == 2
            for side in (sides.nth(0), sides.nth(1)):
                assert await side.locator("mark").count() > 0
            await expect(sides.nth(1)).to_contain_text("<script>window.__pwned")  # shown as text...
            assert await page.evaluate("window.__pwned") is None  # ...never run
            for size in WIDTHS:
                await page.set_viewport_size(size)
                assert await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
                await shot(page, f"similarity-pair-{size['width']}")
    finally:
        await context.close()
