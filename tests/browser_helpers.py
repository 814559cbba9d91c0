"""What the browser tests share: the Chromium they drive, the page checks, a few page actions.

The fixtures built on these (`browser`, `shot`) are in conftest.py.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from playwright.async_api import BrowserContext, Locator, Page

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


async def open_problem(page: Page, slug: str = "a-plus-b", *, reload: bool = False) -> None:
    """Go to a problem and wait for its editor (loaded after the page, by a module import)."""
    await (page.reload() if reload else page.goto(f"/problems/{slug}"))
    await page.locator("#editor .cm-content").wait_for()


async def set_code(page: Page, source: str) -> None:
    """Replace the editor's text, inserted as one input so auto-indent and bracket closing leave it as is."""
    await page.locator(".cm-content").click()
    await page.keyboard.press("Control+A")
    await page.keyboard.insert_text(source)
