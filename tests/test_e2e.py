"""The pages in a real headless Chromium, against the real server, real SQLite and real Docker.

One visitor (one browser context) goes through the site as a person would. Each test saves
screenshots (the `shot` fixture, conftest.py) that end up in $CODEARENA_SCREENSHOTS
(default tests/screenshots/, not committed) for review. Outside CI a missing Chromium or Docker skips these
tests; under CI (CI=true) it fails them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from aiohttp.test_utils import TestServer
from browser_helpers import (
    JUDGED,
    JUDGED_S,
    RECORD_PROGRESS,
    WATCH,
    Shot,
    checked_page,
    open_problem,
    set_code,
    shown_submission,
    submit_and_wait,
)
from conftest import docker_unavailable
from playwright.async_api import Browser, BrowserContext, Page, expect

from codearena.config import Settings
from codearena.paths import PROBLEMS_DIR
from codearena.problems.native import load_problems
from codearena.web.app import init_app
from server_helpers import XSS_PROGRAM, hostile_problems, solution

pytestmark = [pytest.mark.docker, pytest.mark.browser]


SOLUTIONS = {"python": "accepted.py", "javascript": "accepted.js", "java": "accepted.java", "cpp": "accepted.cpp"}
STARTER_MARKS = {"python": "import sys", "javascript": "readFileSync", "java": "public class Main",
                 "cpp": "#include <bits/stdc++.h>"}  # fmt: skip
# The results panel shows a submission other than `before`, with some rows filled in, or judged.
LIVE_ROWS = """(before) => {
  const body = document.querySelector("#results .results-body");
  return body && body.dataset.submissionId !== before &&
    (body.querySelectorAll("tr.test:not(.pending)").length >= 3 || body.querySelector("#overall-verdict"));
}"""


# What the problem list shows: the bundled problems and the hostile one (server_helpers, hard).
_BUNDLED, _ = load_problems(PROBLEMS_DIR)
LISTED = len(_BUNDLED) + 1
EASY = sum(p.difficulty == "easy" for p in _BUNDLED.values())
EASY_MATH = sum(p.difficulty == "easy" and "math" in p.tags for p in _BUNDLED.values())


@pytest_asyncio.fixture(scope="module")
async def server(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[TestServer]:
    root = tmp_path_factory.mktemp("e2e")
    bundled = tuple(sorted(p.name for p in PROBLEMS_DIR.iterdir() if (p / "problem.yaml").is_file()))
    app = init_app(settings.model_copy(update={
        "database_path": root / "codearena.db", "problems_dir": hostile_problems(root / "problems", bundled),
        "rate_limit_enabled": False,
    }))  # fmt: skip
    test_server = TestServer(app, host="127.0.0.1")
    async with test_server:
        yield test_server


@pytest_asyncio.fixture(scope="module")
async def visitor(browser: Browser, server: TestServer) -> AsyncIterator[BrowserContext]:
    """One person's browser: cookies and localStorage carry over from test to test."""
    context = await browser.new_context(base_url=str(server.make_url("")), viewport={"width": 1360, "height": 900})
    await context.add_init_script(WATCH)
    health = await context.request.get("/health")
    body = await health.json()
    if body["status"] != "ok":
        await context.close()
        docker_unavailable(body.get("message", "the server is degraded"))
    try:
        yield context
    finally:
        await context.close()


@pytest_asyncio.fixture
async def page(visitor: BrowserContext) -> AsyncIterator[Page]:
    async with checked_page(visitor) as page:
        yield page


async def editor_text(page: Page) -> str:
    return await page.locator("#editor .cm-content").inner_text()


async def test_problem_list_filters_without_a_reload(page: Page, shot: Shot) -> None:
    await page.goto("/")
    rows = page.locator(".problem-table tbody tr")
    await expect(rows).to_have_count(LISTED)
    await expect(page.locator("#problem-count")).to_have_text(f"{LISTED} problems")
    await shot(page, "01-problems")
    await page.evaluate("window.__samePage = true")
    await page.get_by_label("Difficulty").select_option("easy")
    await expect(rows).to_have_count(EASY)
    assert "difficulty=easy" in page.url, "the URL follows the filters"
    await page.get_by_label("Tag").select_option("math")
    await expect(rows).to_have_count(EASY_MATH)
    await page.get_by_label("Search by title").fill("plus")
    await expect(page.locator(".empty")).to_contain_text("No problem matches")
    await page.get_by_label("Search by title").fill("a + ")
    await expect(rows).to_have_count(1)
    await expect(page.locator("#problem-count")).to_have_text(f"1 of {LISTED} problems")
    assert await page.evaluate("window.__samePage") is True, "filtered in place, no page load"
    await shot(page, "02-problems-filtered")
    await page.get_by_role("link", name="A + B").click()
    await expect(page.locator("h1")).to_have_text("A + B")
    await expect(page.locator("#time-limit")).to_have_text("1000 ms")
    await expect(page.locator("#memory-limit")).to_have_text("256 MB")
    await expect(page.locator(".statement h2").first).to_have_text("Input")
    await expect(page.locator(".samples pre.io").first).to_have_text("2\n1 2\n3 4\n")


async def test_editor_languages_and_editing(page: Page, shot: Shot) -> None:
    await open_problem(page)
    picker = page.get_by_label("Language")
    for language, mark in STARTER_MARKS.items():
        await picker.select_option(language)
        await expect(page.locator("#editor .cm-content")).to_contain_text(mark)
        assert await page.locator("#editor .tok-keyword").count() > 0, f"{language} is highlighted"
        assert await page.locator("#editor .cm-lineNumbers .cm-gutterElement").count() >= 5, "line numbers"
        if language == "cpp":
            await shot(page, "03-problem-editor-cpp")
    await picker.select_option("python")
    await set_code(page, "print((1 + 2) * 3)")
    await page.keyboard.press("End")
    await page.keyboard.press("ArrowLeft")
    await expect(page.locator("#editor .cm-matchingBracket")).to_have_count(2)
    await page.keyboard.press("Control+A")
    await page.keyboard.insert_text("x = 1")
    await page.keyboard.press("Home")
    await page.keyboard.press("Tab")
    assert (await editor_text(page)).startswith("    x = 1"), "Tab indents"
    await page.keyboard.press("Control+A")
    await page.keyboard.insert_text("def f(x):")
    await page.keyboard.type("\nif x:\nreturn (x")
    assert await editor_text(page) == "def f(x):\n    if x:\n        return (x)", "indents and closes brackets"
    # Escape, then Tab, leaves the editor: the keyboard is never trapped.
    await page.keyboard.press("Escape")
    await page.keyboard.press("Tab")
    assert await page.evaluate("document.activeElement.closest('.cm-editor') === null")
    await page.get_by_role("button", name="Reset to starter code").click()
    await expect(page.locator("#editor .cm-content")).to_contain_text("# TODO: print a + b")
    await shot(page, "04-problem-editor-python")


async def test_accepted_in_every_language_with_live_rows(page: Page, shot: Shot) -> None:
    await open_problem(page)
    for number, (language, name) in enumerate(SOLUTIONS.items()):
        await page.get_by_label("Language").select_option(language)
        await set_code(page, solution(name))
        if language == "java":
            before = await shown_submission(page)
            await page.evaluate(RECORD_PROGRESS)
            await page.get_by_role("button", name="Submit").click()
            await page.wait_for_function(LIVE_ROWS, arg=before, polling=10, timeout=JUDGED_S * 1000)
            await shot(page.locator("#results-panel"), "05-live-results-java")
            await page.wait_for_function(JUDGED, arg=before, polling=20, timeout=JUDGED_S * 1000)
            text = await page.locator("#results #overall-verdict").inner_text()
        else:
            text = await submit_and_wait(page, keyboard=number % 2 == 1)
        assert "Accepted" in text, (language, text)
        await expect(page.locator('#results tr.test[data-verdict="accepted"]')).to_have_count(10)
        progress: list[dict[str, Any]] = await page.evaluate("window.__progress")
        live = [p for p in progress if not p["final"]]
        filled = [p["filled"] for p in live]
        assert filled == sorted(filled) and any(0 < f < 10 for f in filled), f"rows fill one by one: {filled}"
        statuses = {p["status"].split(" ")[0] for p in live if p["status"]}
        assert "Running" in statuses, statuses
    await shot(page, "06-accepted-cpp")


async def test_wrong_answer_shows_the_first_difference(page: Page, shot: Shot) -> None:
    await open_problem(page)
    await page.get_by_label("Language").select_option("python")
    await set_code(page, solution("first_pair_only.py"))
    assert "Wrong answer" in await submit_and_wait(page)
    sample = page.locator('#results tr.sample-detail[data-detail-for="1"]')
    await expect(sample.locator("details")).to_have_attribute("open", "")
    await expect(sample.locator(".diff-note")).to_contain_text("First difference on line 2")
    await expect(sample.locator("pre.expected .diff-line")).to_have_text("7")
    await expect(sample.locator("pre.expected mark.diff-char")).to_have_text("7")
    await expect(sample.locator("pre.actual .diff-line mark.diff-char.eol")).to_have_count(1)
    await expect(sample.locator("pre.actual .line").first).to_have_text("3")
    await sample.scroll_into_view_if_needed()
    await shot(page.locator("#results-panel"), "07-wrong-answer-diff")
    await page.get_by_label("Language").select_option("cpp")
    await set_code(page, "int main( {\n    return 0;\n}\n")
    assert "Compilation error" in await submit_and_wait(page, keyboard=True)
    await expect(page.locator("#results pre.compile-output")).to_contain_text("error")
    await shot(page.locator("#results-panel"), "08-compilation-error")
    await page.get_by_role("button", name="Reset to starter code").click()


async def test_failures_say_why_on_a_desktop_and_on_a_phone(page: Page, shot: Shot) -> None:
    """Real programs, real reasons: the signal of a crash, and a time limit that skips the rest."""
    await open_problem(page)
    await page.get_by_label("Language").select_option("cpp")
    await set_code(page, "int main() { volatile int* p = nullptr; *p = 1; }\n")
    assert "Runtime error" in await submit_and_wait(page)
    await expect(page.locator("#results .summary-reason")).to_have_text("test 1: segmentation fault (SIGSEGV)")
    await expect(page.locator('#results tr.test[data-index="1"] .reason')).to_have_text("segmentation fault (SIGSEGV)")
    await shot(page.locator("#results-panel"), "19-runtime-error-reason-desktop")
    await page.get_by_label("Language").select_option("python")
    await set_code(page, "import time\ntime.sleep(600)\n")
    assert "Time limit exceeded" in await submit_and_wait(page)
    await expect(page.locator("#results .summary-reason")).to_contain_text("test 1: wall-clock limit (idle or waiting")
    await expect(page.locator('#results tr.test[data-verdict="skipped"]')).to_have_count(9)
    await page.set_viewport_size({"width": 390, "height": 844})
    try:
        await page.locator("#results-panel").scroll_into_view_if_needed()
        await shot(page.locator("#results-panel"), "20-time-limit-reason-phone")
    finally:
        await page.set_viewport_size({"width": 1360, "height": 900})
    await page.get_by_role("button", name="Reset to starter code").click()


async def test_run_on_custom_input_and_on_the_samples(page: Page, shot: Shot) -> None:
    await open_problem(page)
    await page.get_by_label("Language").select_option("python")
    program = solution("accepted.py") + "print('debug: done', file=sys.stderr)\n"
    await set_code(page, program)
    await page.get_by_role("radio", name="custom input").check()
    await page.get_by_role("textbox", name="Custom input").click()
    await page.keyboard.type("2\n5 6\n-1 1\n")
    await page.get_by_role("button", name="Run", exact=True).click()
    case = page.locator("#run-output .run-case")
    await expect(case).to_have_count(1, timeout=JUDGED_S * 1000)
    await expect(case.locator("h3")).to_contain_text("Finished")
    await expect(case.locator("pre.stdout")).to_have_text("11\n0\n")
    await expect(case.locator("pre.stderr")).to_have_text("debug: done\n")
    await expect(case.locator(".run-facts")).to_contain_text(" ms · ")
    await expect(case.locator(".run-facts")).to_contain_text("exit code 0")
    await shot(page.locator("#run-panel"), "09-run-custom-input")
    await page.get_by_role("radio", name="the samples").check()
    await page.get_by_role("button", name="Run", exact=True).click()
    await expect(case).to_have_count(2, timeout=JUDGED_S * 1000)
    await expect(case.locator("h3").nth(1)).to_contain_text("Matches the expected output")
    await expect(case.locator("h3").first).to_contain_text("Matches the expected output")
    await shot(page.locator("#run-panel"), "10-run-samples")
    await page.get_by_role("button", name="Reset to starter code").click()


async def test_draft_survives_a_reload_and_history_lists_submissions(page: Page, shot: Shot) -> None:
    await open_problem(page)
    await page.get_by_label("Language").select_option("java")
    draft = "// my draft, kept across reloads\n" + solution("accepted.java")
    await set_code(page, draft)
    assert "Accepted" in await submit_and_wait(page)
    await open_problem(page, reload=True)
    await expect(page.get_by_label("Language")).to_have_value("java")
    await expect(page.locator("#editor .cm-content")).to_contain_text("// my draft, kept across reloads")
    await shot(page, "11-draft-after-reload")
    await page.get_by_label("Language").select_option("python")
    await expect(page.locator("#editor .cm-content")).not_to_contain_text("// my draft")
    await page.get_by_label("Language").select_option("java")
    await expect(page.locator("#editor .cm-content")).to_contain_text("// my draft, kept across reloads")

    await page.get_by_role("navigation", name="Main").get_by_role("link", name="History").click()
    first = page.locator(".history-table tbody tr").first
    await expect(first).to_contain_text("A + B")
    await expect(first).to_contain_text("Java")
    await expect(first).to_contain_text("Accepted")
    await shot(page, "12-history")
    await page.get_by_role("navigation", name="Main").get_by_role("link", name="Problems").click()
    await expect(page.locator('tr[data-slug="a-plus-b"] .mark')).to_have_text("✓ Solved")
    await shot(page, "13-problems-solved")
    await page.go_back()
    await first.locator("a.submission-link").click()
    await expect(page.locator("#overall-verdict")).to_contain_text("Accepted")
    code = page.locator("#code-view .cm-content")
    await expect(code).to_contain_text("// my draft, kept across reloads")
    assert await page.locator("#code-view .tok-keyword").count() > 0, "highlighted"
    await shot(page, "14-submission")
    await code.click()
    await page.keyboard.type("zzz")
    await expect(code).not_to_contain_text("zzz")


async def test_submission_page_follows_a_submission_being_judged(page: Page, visitor: BrowserContext) -> None:
    slow = "import time\ntime.sleep(0.3)\n" + solution("accepted.py")
    response = await visitor.request.post(
        "/api/submissions", data={"problem": "a-plus-b", "language": "python", "source": slow}
    )
    assert response.status == 202
    submission_id = (await response.json())["id"]
    await page.goto(f"/submissions/{submission_id}")
    await expect(page.locator("#results .status-line")).to_be_visible()
    await expect(page.locator("#results tr.test.pending").first).to_be_visible()
    await expect(page.locator("#results #overall-verdict")).to_contain_text("Accepted", timeout=JUDGED_S * 1000)
    await expect(page.locator('#results tr.test[data-verdict="accepted"]')).to_have_count(10)


async def test_hostile_text_is_shown_and_never_runs(page: Page, shot: Shot) -> None:
    await open_problem(page, "hostile")
    title = await page.title()
    await expect(page.locator("#problem-title")).to_contain_text("<script>window.__pwned = 1")
    await expect(page.locator(".statement")).to_contain_text('<img src=x onerror="window.__pwned = 2')
    assert await page.locator('.statement a[href^="javascript:"]').count() == 0
    await page.get_by_label("Language").select_option("python")
    await set_code(page, XSS_PROGRAM)
    await page.get_by_role("button", name="Run", exact=True).click()
    await expect(page.locator("#run-output pre.stdout")).to_contain_text("<script>window.__pwned = 1")
    await expect(page.locator("#run-output pre.stderr")).to_contain_text("<img src=x onerror=")
    await open_problem(page)
    await page.get_by_label("Language").select_option("python")
    await set_code(page, XSS_PROGRAM)
    assert "Wrong answer" in await submit_and_wait(page)
    await expect(page.locator("#results pre.actual").first).to_contain_text("<script>window.__pwned = 1")
    await expect(page.locator("#results pre.stderr").first).to_contain_text("<img src=x onerror=")
    await shot(page.locator("#results-panel"), "15-hostile-output-escaped")
    assert await page.evaluate("window.__pwned") is None
    assert await page.title() == "A + B · CodeArena", "document.title was not set by a payload"
    assert title.startswith("Hostile <i>title</i><script>window.__pwned"), "the hostile title is text"
    assert await page.locator('img[src="x"]').count() == 0
    assert await page.evaluate("[...document.scripts].every((s) => s.src.startsWith(location.origin + '/static/'))")
    await page.get_by_role("button", name="Reset to starter code").click()


async def test_theme_is_remembered_and_layout_stacks_on_narrow_screens(page: Page, shot: Shot) -> None:
    await open_problem(page)
    toggle = page.get_by_role("button", name="Dark theme")
    await expect(toggle).to_have_attribute("aria-pressed", "false")
    await toggle.click()
    await open_problem(page, reload=True)
    await expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    await expect(toggle).to_have_attribute("aria-pressed", "true")
    background = await page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(15, 19, 24)", background
    statement, editor = page.locator(".statement-pane"), page.locator(".editor-pane")
    wide = (await statement.bounding_box(), await editor.bounding_box())
    assert wide[0] and wide[1] and wide[1]["x"] > wide[0]["x"] + wide[0]["width"] - 1, "side by side"
    await shot(page, "16-dark-theme")
    await page.set_viewport_size({"width": 420, "height": 900})
    narrow = (await statement.bounding_box(), await editor.bounding_box())
    assert narrow[0] and narrow[1] and narrow[1]["y"] >= narrow[0]["y"] + narrow[0]["height"] - 1, "stacked"
    await shot(page, "17-narrow-dark")
    await toggle.click()
    await expect(page.locator("html")).to_have_attribute("data-theme", "light")
    await page.set_viewport_size({"width": 1360, "height": 900})


async def test_degraded_banner_when_docker_is_unreachable(
    browser: Browser, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shot: Shot
) -> None:
    monkeypatch.setenv("DOCKER_HOST", f"unix://{tmp_path}/no-docker.sock")
    app = init_app(settings.model_copy(update={"database_path": tmp_path / "db.sqlite"}))
    async with TestServer(app, host="127.0.0.1") as test_server:
        context = await browser.new_context(base_url=str(test_server.make_url("")))
        try:
            page = await context.new_page()
            await open_problem(page)
            banner = page.get_by_role("alert").filter(has_text="Judging is unavailable")
            await expect(banner).to_be_visible()
            await expect(banner).to_contain_text("cannot reach Docker")
            await expect(page.locator("#health-detail")).to_contain_text("Docker is not reachable")
            await shot(page, "18-degraded-banner")
            await page.get_by_role("button", name="Submit").click()
            await expect(page.locator("#action-error")).to_contain_text("Not submitted: Docker is not reachable")
        finally:
            await context.close()
