"""A function problem in a real Chromium, judged in real sandboxes: the editor starts from the
generated signature, Run shows the returned value beside the prints, and a judged submission's
sample shows the same; at a desktop's width and a phone's. Screenshots go to
$CODEARENA_SCREENSHOTS (see conftest.py).
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from aiohttp.test_utils import TestServer
from browser_helpers import WATCH, Shot, checked_page, open_problem, set_code, submit_and_wait
from conftest import docker_unavailable
from playwright.async_api import Browser, expect

from codearena.config import Settings
from codearena.web.app import init_app

pytestmark = [pytest.mark.browser, pytest.mark.docker]

WAIT_MS = 90_000
FITS = "document.documentElement.scrollWidth <= window.innerWidth"
# Prints the right answer and returns a wrong one: the prints are only debug output.
PRINTS_AND_RETURNS_WRONG = """class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        first = {}
        for j, v in enumerate(nums):
            if target - v in first:
                print("found", [first[target - v], j])
                return [j, first[target - v]]
            first.setdefault(v, j)
        return []
"""


@pytest_asyncio.fixture(scope="module")
async def docker_server(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[TestServer]:
    changes = {"database_path": tmp_path_factory.mktemp("functions") / "codearena.db", "rate_limit_enabled": False}
    test_server = TestServer(init_app(settings.model_copy(update=changes)), host="127.0.0.1")
    async with test_server:
        yield test_server


@pytest.mark.parametrize("width", [1024, 390])
async def test_a_function_problem_runs_and_is_judged_on_what_it_returns(
    browser: Browser, docker_server: TestServer, shot: Shot, width: int
) -> None:
    context = await browser.new_context(base_url=str(docker_server.make_url("")),
                                        viewport={"width": width, "height": 900})  # fmt: skip
    await context.add_init_script(WATCH)
    try:
        body = await (await context.request.get("/health")).json()
        if body["status"] != "ok":
            docker_unavailable(body.get("message", "the server is degraded"))
        async with checked_page(context) as page:
            await open_problem(page, "two-sum")
            await page.get_by_label("Language").select_option("python")
            editor = page.locator("#editor .cm-content")
            await expect(editor).to_contain_text("def twoSum(self, nums: List[int], target: int) -> List[int]:")
            await expect(page.locator(".samples pre.io").first).to_have_text("nums = [2,7,11,15]\ntarget = 9")
            await shot(page, f"functions-{width}-01-problem")
            for language, signature in (("java", "public int[] twoSum(int[] nums, int target)"),
                                        ("cpp", "vector<int> twoSum(vector<int>& nums, int target)")):  # fmt: skip
                await page.get_by_label("Language").select_option(language)
                await expect(editor).to_contain_text(signature)
            await page.get_by_label("Language").select_option("python")
            await set_code(page, PRINTS_AND_RETURNS_WRONG)

            await page.get_by_role("button", name="Run").click()
            first = page.locator("#run-output .run-case").first
            await expect(first).to_contain_text("Differs from the expected result", timeout=WAIT_MS)
            await expect(first.locator("figure", has_text="Your result").locator("pre")).to_have_text("[1,0]")
            prints = first.locator("figure", has_text="Your prints").locator("pre")
            await expect(prints).to_have_text("found [0, 1]")
            await shot(page.locator("#run-panel"), f"functions-{width}-02-run")

            assert await submit_and_wait(page) == "✗ Wrong answer"
            detail = page.locator('#results tr.sample-detail[data-detail-for="1"]')
            await expect(detail.locator("figure", has_text="Your result").locator("pre")).to_have_text("[1,0]")
            await expect(detail.locator("figure", has_text="Your prints")).to_contain_text("found [0, 1]")
            await expect(detail).to_contain_text("nums = [2,7,11,15]")
            await shot(page.locator("#results-panel"), f"functions-{width}-03-judged")
            assert await page.evaluate(FITS), "nothing wider than the screen"
    finally:
        await context.close()
