"""The banner when some judge machines are out of the rotation: judging goes on, with less
capacity, and the page says so; when every engine is back the banner goes (fake engine)."""

from __future__ import annotations

import pytest
from aiohttp.test_utils import TestServer
from browser_helpers import Shot, checked_page, open_problem
from fakes import FakeEngine
from playwright.async_api import Browser, ViewportSize, expect

pytestmark = pytest.mark.browser

SIZES: dict[str, ViewportSize] = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1024, "height": 800}}


@pytest.mark.parametrize("size", list(SIZES))
async def test_the_banner_says_when_judging_capacity_is_reduced(
    browser: Browser, fake_server: TestServer, fake_engine: FakeEngine, shot: Shot, size: str
) -> None:
    local = {**fake_engine.engines[0], "sandboxes": 2}
    judge1 = {**local, "name": "judge1", "up": False, "sandboxes": 4, "idle": 0, "failures": 1,
              "error": "engine judge1 did not answer within 3 s"}  # fmt: skip
    fake_engine.engines = [local, judge1]
    context = await browser.new_context(base_url=str(fake_server.make_url("")), viewport=SIZES[size])
    try:
        async with checked_page(context) as page:
            await open_problem(page)
            banner = page.get_by_role("alert")
            await expect(banner).to_contain_text("Judging capacity is reduced:")
            await expect(banner).to_contain_text("verdicts may take longer")
            await expect(banner).not_to_contain_text("cannot reach Docker")
            await expect(page.locator("#health-detail")).to_have_text(
                "2 of 6 sandboxes can judge; out of the rotation: judge1 (engine judge1 did not answer within 3 s)"
            )
            await shot(page, f"30-reduced-capacity-banner-{size}")
            fake_engine.engines = [local, {**judge1, "up": True, "error": ""}]
            await page.reload()
            await expect(banner).to_be_hidden()
    finally:
        await context.close()
