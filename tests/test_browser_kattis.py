"""Imported Kattis problems in a real headless Chromium, at 1024 and 390 px: the statement's math
typeset by the vendored KaTeX (no CSP violation, no script error), its picture served, and the
upload form and its report.

The packages are imported through the real import path with the fake sandbox: problemtools'
`oddecho` (its LaTeX statement converted by pandoc), and the same problem with only its Swedish
Markdown statement, which shows a picture. Their submissions' sources are replaced by the fake
judge's words (the real ones are judged in tests/test_kattis_sandbox.py).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from aiohttp.test_utils import TestServer
from browser_helpers import WATCH, Shot, checked_page
from fakes import FakeEngine
from kattis_helpers import copy_example, write_package, zip_folder
from playwright.async_api import Browser, BrowserContext, Page, ViewportSize, expect
from test_accounts import PASSWORD, accounts_settings, add_user, cheap_hashing  # noqa: F401 - fixtures

from codearena.config import Settings
from codearena.domain.accounts import Role
from codearena.problems.import_report import ImportOptions
from codearena.problems.importer import import_package
from codearena.problems.statements import pandoc_available
from codearena.web.app import init_app

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not pandoc_available(), reason="pandoc converts the statement")]

WAIT_MS = 30_000
WIDTHS: dict[str, ViewportSize] = {"1024": {"width": 1024, "height": 900}, "390": {"width": 390, "height": 844}}
FITS = "document.documentElement.scrollWidth <= window.innerWidth"
PAINTED = "new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"  # after a scroll


def fake_words(package: Path) -> Path:
    """The package with its submissions saying what FakeJudge should make of them."""
    for path in (package / "submissions").rglob("*.*"):
        path.write_text("partial\n" if "partially_accepted" in path.parts else "accept\n")
    return package


@pytest_asyncio.fixture
async def server(settings: Settings, fake_engine: FakeEngine, tmp_path: Path) -> AsyncIterator[TestServer]:
    problems = tmp_path / "problems"
    problems.mkdir()
    oddecho = fake_words(copy_example("oddecho", tmp_path))
    assert (await import_package(oddecho, problems, fake_engine.import_sandbox)).ok
    swedish = fake_words(copy_example("oddecho", tmp_path / "sv"))
    (swedish / "statement" / "problem.en.tex").unlink()
    report = await import_package(swedish, problems, fake_engine.import_sandbox, ImportOptions(slug="ekot"))
    assert report.ok and "no English statement: the sv one is shown" in report.lines[1]
    app = init_app(accounts_settings(settings, tmp_path, problems_dir=problems, problems_poll_interval_s=0),
                   engine_factory=fake_engine.factory)  # fmt: skip
    server = TestServer(app)
    async with server:
        await add_user(server, "ines", Role.INSTRUCTOR)
        yield server


@pytest_asyncio.fixture
async def context(browser: Browser, server: TestServer) -> AsyncIterator[BrowserContext]:
    """An instructor's browser."""
    context = await browser.new_context(base_url=str(server.make_url("")), viewport=WIDTHS["1024"])
    await context.add_init_script(WATCH)
    signed = await context.request.post("/api/login", data={"username": "ines", "password": PASSWORD})
    assert signed.ok
    try:
        yield context
    finally:
        await context.close()


async def typeset(page: Page, slug: str) -> None:
    await page.goto(f"/problems/{slug}")
    await expect(page.locator("body")).to_have_attribute("data-math", "ready", timeout=WAIT_MS)


async def test_an_imported_statement_s_math_is_typeset_at_both_widths(context: BrowserContext, shot: Shot) -> None:
    async with checked_page(context) as page:
        await typeset(page, "oddecho")
        statement = page.locator(".statement")
        await expect(statement.locator("h2", has_text="Scoring")).to_be_visible()
        marks = statement.locator(".math")
        assert await marks.count() >= 10
        assert await statement.locator(".math .katex").count() == await marks.count(), "every mark typeset"
        assert await statement.locator(".katex-error").count() == 0
        inequality = statement.locator(".math", has=page.locator("annotation", has_text="1 \\le N \\le 10"))
        await expect(inequality).to_have_count(1)
        font = await page.evaluate("getComputedStyle(document.querySelector('.katex')).fontFamily")
        assert "KaTeX_Main" in font, "KaTeX's own CSS and fonts, from /static/vendor/katex"
        assert await statement.locator("table").count() == 1, "the LaTeX tabular, as a table"
        for size, viewport in WIDTHS.items():
            await page.set_viewport_size(viewport)
            assert await page.evaluate(FITS), f"no sideways scrolling at {size} px"
            await page.evaluate("window.scrollTo(0, 0)")
            await shot(page, f"kattis-01-oddecho-{size}")
            await statement.locator("table").scroll_into_view_if_needed()
            await page.evaluate(PAINTED)
            await shot(page, f"kattis-02-oddecho-math-and-table-{size}")


async def test_a_markdown_statement_s_picture_is_served(context: BrowserContext, shot: Shot) -> None:
    async with checked_page(context) as page:
        await typeset(page, "ekot")
        picture = page.locator(".statement img")
        await expect(picture).to_have_attribute("src", "/problems/ekot/assets/cave.jpg")
        await expect(picture).to_have_attribute("alt", "CC-BY-SA 2.0 By William Craig on wikimedia.org")
        await page.wait_for_function("document.querySelector('.statement img').complete")
        assert await picture.evaluate("img => img.naturalWidth") > 0, "the picture loaded"
        assert await page.locator(".statement .math .katex").count() >= 4
        await expect(page.locator(".statement .footnotes")).to_contain_text("sv.wikipedia.org/wiki/Interferens")
        await shot(page, "kattis-03-markdown-statement-1024")


async def test_the_upload_form_and_its_report(context: BrowserContext, tmp_path: Path, shot: Shot) -> None:
    archive = zip_folder(write_package(tmp_path / "tiny"), tmp_path / "tiny.zip")
    async with checked_page(context) as page:
        await page.goto("/")
        await page.get_by_role("link", name="Import a Kattis package").click()
        await page.get_by_label("Package (.zip or .kpp").set_input_files(str(archive))
        await page.get_by_label("Difficulty").select_option("easy")
        await page.get_by_role("button", name="Import").click()
        report = page.locator("#import-report")
        await expect(report).to_contain_text("Imported:", timeout=WAIT_MS)
        await expect(report.locator("tr.import-skipped")).to_contain_text("CodeArena has no Haskell")
        for size, viewport in WIDTHS.items():
            await page.set_viewport_size(viewport)
            assert await page.evaluate(FITS), f"no sideways scrolling at {size} px"
            await shot(page, f"kattis-04-import-report-{size}")
        await report.get_by_role("link", name="Tiny Sum").click()
        await expect(page.locator("body")).to_have_attribute("data-math", "ready", timeout=WAIT_MS)
