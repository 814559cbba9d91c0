"""The problem page in a real headless Chromium: the visitor's own submissions, a submission
followed again after a reload, drafts in two tabs, reset and its undo, and a phone's width.

Most tests run on the fake engine (no Docker), which holds a submission still for as long as a
test needs; one judges a slow real program in the sandbox (marked docker). Screenshots go to
$CODEARENA_SCREENSHOTS (see conftest.py).
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from aiohttp.test_utils import TestServer
from browser_helpers import WATCH, Shot, checked_page, open_problem, set_code
from conftest import docker_unavailable
from fakes import FakeEngine
from playwright.async_api import Browser, BrowserContext, Page, ViewportSize, expect

from codearena.config import Settings
from codearena.web.app import init_app
from server_helpers import solution

pytestmark = pytest.mark.browser

WAIT_MS = 30_000  # generous: the machine is shared, and nothing here depends on speed
JUDGED_MS = 90_000
DRAFT = "codearena:draft:a-plus-b:python"
STARTER_MARK = "# TODO: print a + b"
NOTICE = "This problem is open in another tab with newer changes"
WIDTHS: dict[str, ViewportSize] = {"390": {"width": 390, "height": 844}, "1024": {"width": 1024, "height": 768}}
FITS = "document.documentElement.scrollWidth <= window.innerWidth"


@pytest_asyncio.fixture
async def context(browser: Browser, fake_server: TestServer) -> AsyncIterator[BrowserContext]:
    """One visitor's browser on the fake-judged server."""
    context = await browser.new_context(base_url=str(fake_server.make_url("")), viewport={"width": 1280, "height": 900})
    await context.add_init_script(WATCH)
    try:
        yield context
    finally:
        await context.close()


async def editor_text(page: Page) -> str:
    return await page.locator("#editor .cm-content").inner_text()


async def stored_draft(page: Page) -> str | None:
    found: str | None = await page.evaluate(f"localStorage.getItem({DRAFT!r})")
    return found


async def shown_id(page: Page) -> str:
    return await page.locator("#results-title a.submission-link").inner_text()


async def test_a_submission_is_listed_at_once_followed_after_a_reload_and_listed_with_its_verdict(
    context: BrowserContext, fake_engine: FakeEngine, shot: Shot
) -> None:
    async with checked_page(context) as page:
        await open_problem(page)
        listing = page.locator("#my-submissions tbody tr")
        await expect(page.locator("#no-submissions")).to_be_visible()
        await set_code(page, "accept")
        await page.get_by_role("button", name="Submit").click()
        await expect(page.locator("#results #overall-verdict")).to_contain_text("Accepted", timeout=WAIT_MS)
        first = await shown_id(page)
        await expect(listing).to_have_count(1, timeout=WAIT_MS)
        await expect(listing.first).to_contain_text("Accepted")
        await page.evaluate("window.__samePage = true")
        await set_code(page, "block")  # FakeJudge: running until the test lets it through
        await page.get_by_role("button", name="Submit").click()
        await expect(page.locator("#results .status-name")).to_contain_text("Running", timeout=WAIT_MS)
        held = await shown_id(page)
        assert held != first
        await expect(listing.first).to_have_attribute("data-id", held, timeout=WAIT_MS)  # no reload
        await expect(listing.first).to_contain_text("Running")
        assert await page.evaluate("window.__samePage") is True, "listed without a page load"

        await open_problem(page, reload=True)
        await expect(page.locator("#results-panel")).to_be_visible()
        assert await shown_id(page) == held, "the submission being judged is shown again"
        await expect(page.locator("#results .status-line")).to_be_visible()
        await expect(page.locator("#results tr.test.pending")).to_have_count(10)
        await shot(page.locator("#results-panel"), "problem-01-followed-after-reload")
        fake_engine.judging.let_one_through()
        await expect(page.locator("#results #overall-verdict")).to_contain_text("Accepted", timeout=WAIT_MS)
        await expect(page.locator('#results tr.test[data-verdict="accepted"]')).to_have_count(10)
        await expect(listing.first.locator(".verdict")).to_contain_text("Accepted", timeout=WAIT_MS)
        await expect(listing).to_have_count(2)
        await expect(listing.nth(1)).to_have_attribute("data-id", first)
        await listing.first.locator("a.submission-link").click()
        await expect(page).to_have_url(f"/submissions/{held}")


async def test_two_tabs_never_overwrite_each_others_draft_unasked(context: BrowserContext, shot: Shot) -> None:
    async with checked_page(context) as one, checked_page(context) as two:
        await open_problem(one)
        await open_problem(two)
        notice_one, notice_two = one.locator("#draft-conflict"), two.locator("#draft-conflict")
        await set_code(one, "print('from the first tab')")
        await expect(notice_two).to_be_visible()
        await expect(notice_two).to_contain_text(NOTICE)
        await expect(notice_one).to_be_hidden()
        assert STARTER_MARK in await editor_text(two), "nothing loaded unasked"
        await expect(two.get_by_label("Language")).to_be_disabled()
        await set_code(two, "print('from the second tab')")
        assert await stored_draft(two) == "print('from the first tab')", "the second tab saves nothing yet"
        await two.locator("#draft-conflict").scroll_into_view_if_needed()
        await shot(two.locator(".editor-pane"), "problem-02-other-tab-warning")

        await two.get_by_role("button", name="Keep mine").click()
        await expect(notice_two).to_be_hidden()
        await expect(two.get_by_label("Language")).to_be_enabled()
        assert await stored_draft(two) == "print('from the second tab')"
        await expect(notice_one).to_be_visible()  # now the first tab is told, in its turn
        assert await editor_text(one) == "print('from the first tab')"

        await one.get_by_role("button", name="Load them").click()
        await expect(notice_one).to_be_hidden()
        assert await editor_text(one) == "print('from the second tab')"
        await one.locator(".cm-content").click()
        await one.keyboard.press("Control+z")
        assert await editor_text(one) == "print('from the first tab')", "loading them can be undone"
        await expect(notice_two).to_be_visible()


async def test_reset_to_the_starter_code_can_be_undone_without_a_dialog(context: BrowserContext, shot: Shot) -> None:
    async with checked_page(context) as page:
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: dialogs.append(dialog.message))
        await open_problem(page)
        undo = page.get_by_role("button", name="Undo reset")
        await expect(undo).to_be_hidden()
        mine = "n = int(input())\nprint('mine')"
        await set_code(page, mine)
        await page.get_by_role("button", name="Reset to starter code").click()
        await expect(page.locator("#editor .cm-content")).to_contain_text(STARTER_MARK)
        assert await stored_draft(page) is None, "the starter code is no draft"
        await expect(undo).to_be_visible()
        await expect(page.locator("#reset-status")).to_have_text("Starter code restored.")
        await shot(page.locator(".editor-pane"), "problem-03-reset-undo")
        await page.get_by_label("Language").select_option("cpp")  # undo stays with its language
        await expect(undo).to_be_hidden()
        await page.get_by_label("Language").select_option("python")
        await undo.click()
        assert await editor_text(page) == mine
        assert await stored_draft(page) == mine, "saved again"
        await expect(undo).to_be_hidden()
        await page.get_by_role("button", name="Reset to starter code").click()
        await page.keyboard.press("Control+z")  # the editor has the focus; its own undo works too
        assert await editor_text(page) == mine
        assert dialogs == [], "no confirm()"


@pytest.mark.parametrize("width", list(WIDTHS))
async def test_results_and_history_tables_fit_the_page(
    context: BrowserContext, fake_engine: FakeEngine, shot: Shot, width: str
) -> None:
    async with checked_page(context) as page:
        await page.set_viewport_size(WIDTHS[width])
        for source in ("compile error", "accept", "crash"):
            response = await context.request.post(
                "/api/submissions", data={"problem": "a-plus-b", "language": "cpp", "source": source}
            )
            assert response.status == 202
        await open_problem(page)
        await set_code(page, "wrong")  # FakeJudge: the first sample wrong, its difference shown
        await page.get_by_role("button", name="Submit").click()
        await expect(page.locator("#results #overall-verdict")).to_contain_text("Wrong answer", timeout=WAIT_MS)
        await expect(page.locator("#my-submissions tbody tr")).to_have_count(4, timeout=WAIT_MS)
        await expect(page.locator("#my-submissions .reason").first).to_be_visible()
        assert await page.evaluate(FITS), f"the problem page scrolls sideways at {width} px"
        await shot(page.locator("#results-panel"), f"problem-04-results-{width}")
        await shot(page.locator("#my-submissions"), f"problem-05-my-submissions-{width}")
        await page.goto("/submissions")
        await expect(page.locator(".history-table tbody tr")).to_have_count(4)
        assert await page.evaluate(FITS), f"the history page scrolls sideways at {width} px"
        await shot(page, f"problem-06-history-{width}")
        await page.locator(".history-table a.submission-link").first.click()
        await expect(page.locator("#overall-verdict")).to_be_visible()
        assert await page.evaluate(FITS), f"the submission page scrolls sideways at {width} px"
        await shot(page.locator(".results-pane"), f"problem-07-submission-{width}")


@pytest_asyncio.fixture(scope="module")
async def docker_server(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[TestServer]:
    """Judged in real sandboxes."""
    changes = {"database_path": tmp_path_factory.mktemp("problem-page") / "codearena.db", "rate_limit_enabled": False}
    test_server = TestServer(init_app(settings.model_copy(update=changes)), host="127.0.0.1")
    async with test_server:
        yield test_server


@pytest.mark.docker
async def test_a_slow_real_submission_goes_on_to_its_verdict_across_a_reload(
    browser: Browser, docker_server: TestServer, shot: Shot
) -> None:
    context = await browser.new_context(base_url=str(docker_server.make_url("")))
    await context.add_init_script(WATCH)
    try:
        body = await (await context.request.get("/health")).json()
        if body["status"] != "ok":
            docker_unavailable(body.get("message", "the server is degraded"))
        async with checked_page(context) as page:
            await open_problem(page)
            await page.get_by_label("Language").select_option("python")
            await set_code(page, "import time\ntime.sleep(0.5)\n" + solution("accepted.py"))  # 0.5 s a test
            await page.get_by_role("button", name="Submit").click()
            filled = page.locator("#results tr.test:not(.pending)")
            await expect(filled.first).to_be_visible(timeout=JUDGED_MS)
            submitted = await shown_id(page)
            await open_problem(page, reload=True)
            assert await shown_id(page) == submitted
            await expect(page.locator("#results .status-line")).to_be_visible()  # still judged
            await page.evaluate("window.__samePage = true")
            await shot(page.locator("#results-panel"), "problem-08-real-after-reload")
            await expect(page.locator("#results #overall-verdict")).to_contain_text("Accepted", timeout=JUDGED_MS)
            await expect(page.locator('#results tr.test[data-verdict="accepted"]')).to_have_count(10)
            first = page.locator("#my-submissions tbody tr").first
            await expect(first).to_have_attribute("data-id", submitted)
            await expect(first.locator(".verdict")).to_contain_text("Accepted", timeout=WAIT_MS)
            assert await page.evaluate("window.__samePage") is True, "followed live, no second reload"
    finally:
        await context.close()
