"""What the browser tests share: the Chromium they drive, the page checks, a few page actions.

The fixtures built on these (`browser`, `shot`) are in conftest.py.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from playwright.async_api import Browser, BrowserContext, Locator, Page, ViewportSize

from codearena.paths import ROOT
from server_helpers import IN_CI

CHROMIUM = Path(os.environ.get("CODEARENA_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]  # fmt: skip
SCREENSHOTS = Path(os.environ.get("CODEARENA_SCREENSHOTS", str(ROOT / "tests" / "screenshots")))
# Recorded in every page before its own scripts run: what the CSP blocked, and whether a payload ran.
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__violations.push({
  directive: e.violatedDirective, source: e.sourceFile, sample: e.sample,
  inEditor: Boolean(e.target && e.target.closest && e.target.closest(".cm-content")),
}));
"""

Shot = Callable[[Page | Locator, str], Awaitable[None]]
JUDGED_S = 90  # the longest a submission may take to be judged here, Java included
# Follows the results panel: how many rows are filled and which status it shows, at every change.
RECORD_PROGRESS = """() => {
  if (window.__observer) window.__observer.disconnect();
  window.__progress = [];
  const panel = document.getElementById("results");
  window.__observer = new MutationObserver(() => {
    const status = panel.querySelector(".status-name");
    window.__progress.push({
      filled: panel.querySelectorAll("tr.test:not(.pending)").length,
      status: status ? status.textContent : null,
      final: Boolean(panel.querySelector("#overall-verdict")),
    });
  });
  window.__observer.observe(panel, { childList: true, subtree: true, characterData: true, attributes: true });
}"""

JUDGED = """(before) => {
  const body = document.querySelector("#results .results-body");
  return body && body.dataset.submissionId !== before && Boolean(body.querySelector("#overall-verdict"));
}"""


def unavailable(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"the browser tests need {reason} under CI")
    pytest.skip(f"browser tests skipped: {reason}")


@asynccontextmanager
async def checked_page(context: BrowserContext) -> AsyncIterator[Page]:
    """A new page of `context` that must end with no script error and nothing blocked by the CSP
    (`context` must have WATCH as an init script)."""
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    violations = await page.evaluate("window.__violations || []")
    await page.close()
    assert errors == [], "no script error in the page"
    # Chrome's own contenteditable editing may try a style attribute on an editor line while
    # typing; CodeMirror redraws the line anyway. Anything else blocked would be a bug.
    assert [v for v in violations if not (v["directive"] == "style-src-attr" and v["inEditor"])] == []


@asynccontextmanager
async def signed_in(
    browser: Browser, base_url: str, names: tuple[str, ...], password: str, viewport: ViewportSize
) -> AsyncIterator[dict[str, BrowserContext]]:
    """A browser context for each of `names` (existing users), signed in and watched (WATCH)."""
    contexts = {}
    try:
        for name in names:
            context = await browser.new_context(base_url=base_url, viewport=viewport)
            contexts[name] = context
            await context.add_init_script(WATCH)
            signed = await context.request.post("/api/login", data={"username": name, "password": password})
            assert signed.ok, f"{name} signs in"
        yield contexts
    finally:
        for context in contexts.values():
            await context.close()


async def open_problem(page: Page, slug: str = "a-plus-b", *, reload: bool = False) -> None:
    """Go to a problem and wait for its editor (loaded after the page, by a module import)."""
    await (page.reload() if reload else page.goto(f"/problems/{slug}"))
    await page.locator("#editor .cm-content").wait_for()


async def set_code(page: Page, source: str) -> None:
    """Replace the editor's text, inserted as one input so auto-indent and bracket closing leave it as is."""
    await page.locator(".cm-content").click()
    await page.keyboard.press("Control+A")
    await page.keyboard.insert_text(source)


async def shown_submission(page: Page) -> str | None:
    """The id of the submission the results panel shows, if any."""
    found: str | None = await page.evaluate(
        "document.querySelector('#results .results-body')?.dataset.submissionId ?? null"
    )
    return found


async def submit_and_wait(page: Page, *, keyboard: bool = False) -> str:
    """Submit the editor's code; the overall verdict of this new submission, once judged."""
    before = await shown_submission(page)
    await page.evaluate(RECORD_PROGRESS)
    if keyboard:
        await page.locator(".cm-content").click()
        await page.keyboard.press("Control+Enter")
    else:
        await page.get_by_role("button", name="Submit").click()
    await page.wait_for_function(JUDGED, arg=before, polling=20, timeout=JUDGED_S * 1000)
    return await page.locator("#results #overall-verdict").inner_text()
