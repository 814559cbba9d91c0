"""The language picker in a real headless Chromium, on the fake engine: a problem that reads stdin
offers all thirteen languages, each starting from its starter code; a function problem offers
the four with a harness. Screenshots at a phone's and a laptop's width."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from aiohttp.test_utils import TestServer
from browser_helpers import WATCH, Shot, checked_page, open_problem
from playwright.async_api import Browser, BrowserContext, expect

from codearena.languages import load_languages

pytestmark = pytest.mark.browser

WAIT_MS = 30_000
FITS = "document.documentElement.scrollWidth <= window.innerWidth"


@pytest_asyncio.fixture
async def context(browser: Browser, fake_server: TestServer) -> AsyncIterator[BrowserContext]:
    context = await browser.new_context(base_url=str(fake_server.make_url("")), viewport={"width": 1024, "height": 768})
    await context.add_init_script(WATCH)
    try:
        yield context
    finally:
        await context.close()


async def test_every_language_starts_from_its_starter_and_a_function_problem_offers_four(
    context: BrowserContext, shot: Shot
) -> None:
    languages = load_languages()
    async with checked_page(context) as page:
        await open_problem(page, "guess-the-number")
        picker = page.get_by_label("Language")
        assert await picker.locator("option").evaluate_all("os => os.map(o => o.value)") == list(languages)
        for lang in ("go", "rust", "kotlin", "typescript", "bash"):
            await picker.select_option(lang)
            first_line = languages[lang].starter.splitlines()[0]
            await expect(page.locator("#editor .cm-line").first).to_have_text(first_line, timeout=WAIT_MS)
        await picker.select_option("go")
        for width in (390, 1024):
            await page.set_viewport_size({"width": width, "height": 844 if width == 390 else 768})
            assert await page.evaluate(FITS), f"nothing wider than the screen at {width}px"
            await shot(page.locator(".editor-pane"), f"languages-01-go-starter-{width}")
        await open_problem(page, "two-sum")
        offered = await page.get_by_label("Language").locator("option").evaluate_all("os => os.map(o => o.value)")
        assert offered == ["python", "javascript", "java", "cpp"]


async def test_every_language_is_highlighted_by_its_grammar_or_a_kins(context: BrowserContext, shot: Shot) -> None:
    async with checked_page(context) as page:
        await open_problem(page)
        picker = page.get_by_label("Language")
        for lang in load_languages():  # C, TypeScript and C# with C++'s, JavaScript's and Java's
            await picker.select_option(lang)
            await expect(page.locator("#editor .cm-content")).to_contain_text("TODO: print a + b", timeout=WAIT_MS)
            kinds = await page.locator("#editor .cm-content [class^='tok-']").evaluate_all(
                "spans => [...new Set(spans.map(s => s.className))]"
            )
            assert len(kinds) >= 2, f"{lang} is highlighted: {kinds}"  # plain text has no tok- spans
            if lang in ("go", "rust", "php", "bash"):
                await shot(page.locator(".editor-pane"), f"languages-02-{lang}-highlighted")
