"""Shared fixtures. Docker tests use a real daemon and the real sandbox image.

Outside CI a missing Docker skips those tests with the reason; under CI (CI=true) it fails them,
so a green CI run always means the sandbox really ran.

`pytest -m "not docker and not browser"` is the fast tier (make check). So that it stays fast
and honest, a test that needs Docker must say so: one that uses the `engine` fixture unmarked
stops the run, and any other unmarked test finds Docker unreachable.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import textwrap
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from aiohttp.test_utils import TestServer
from browser_helpers import CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS, Shot, unavailable
from fakes import FakeEngine
from playwright.async_api import Browser, Locator, Page, async_playwright

from codearena.config import Settings, load_settings
from codearena.engine import Engine
from codearena.languages import Language, load_languages
from codearena.paths import ROOT, sandbox_image_tag
from codearena.problems.model import Problem
from codearena.problems.native import load_problem
from codearena.sandbox.docker import EngineError
from codearena.web.app import init_app
from server_helpers import IN_CI

MARKED_FIXTURES = {"engine": "docker", "browser": "browser"}
NO_DOCKER = "unix:///nonexistent/codearena-test-not-marked-docker.sock"
_docker_host = os.environ.get("DOCKER_HOST")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    unmarked = [
        f"{item.nodeid} uses {fixture!r} but is not marked {marker}"
        for item in items
        for fixture, marker in MARKED_FIXTURES.items()
        if fixture in getattr(item, "fixturenames", ()) and item.get_closest_marker(marker) is None
    ]
    if unmarked:
        raise pytest.UsageError("tests must declare what they need:\n  " + "\n  ".join(unmarked))


def pytest_runtest_setup(item: pytest.Item) -> None:
    """An unmarked test (and the fixtures set up for it) sees no Docker; a docker test sees it."""
    if item.get_closest_marker("docker") is None:
        os.environ["DOCKER_HOST"] = NO_DOCKER
    elif _docker_host is None:
        os.environ.pop("DOCKER_HOST", None)
    else:
        os.environ["DOCKER_HOST"] = _docker_host


def docker_unavailable(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"Docker is required under CI: {reason}")
    pytest.skip(f"Docker unavailable: {reason}")


async def core_image() -> str:
    """The core tier's sandbox image, built if missing (seconds after the full tier's: they share
    the layers with the core toolchains)."""
    build = await asyncio.to_thread(
        subprocess.run, [str(ROOT / "sandbox" / "build-image.sh"), "core"], capture_output=True, text=True
    )
    assert build.returncode == 0, build.stderr
    assert build.stdout.strip() == sandbox_image_tag("core")
    return sandbox_image_tag("core")


@pytest.fixture(scope="session")
def settings() -> Settings:
    return load_settings(None, environ={}, pool_size=2)


@pytest.fixture(scope="session")
def languages() -> dict[str, Language]:
    return load_languages()


@pytest_asyncio.fixture(scope="session")
async def engine(settings: Settings, languages: dict[str, Language]) -> AsyncIterator[Engine]:
    try:
        engine = await Engine.start(settings, languages)
    except EngineError as exc:
        docker_unavailable(str(exc))
    try:
        yield engine
    finally:
        await engine.close()


def write_problem(
    root: Path,
    slug: str,
    *,
    tests: list[tuple[str, str]],
    time_limit_ms: int = 500,
    memory_limit_mb: int = 64,
    extra: str = "",
    files: dict[str, str] | None = None,
) -> Problem:
    folder = root / slug
    (folder / "tests" / "sample").mkdir(parents=True)
    (folder / "tests" / "secret").mkdir(parents=True)
    (folder / "problem.yaml").write_text(
        textwrap.dedent(f"""\
        title: {slug}
        difficulty: easy
        time_limit_ms: {time_limit_ms}
        memory_limit_mb: {memory_limit_mb}
        """)
        + extra
    )
    (folder / "statement.md").write_text("A test problem.\n")
    for name, text in (files or {}).items():
        (folder / name).write_text(text)
    for i, (given, answer) in enumerate(tests, start=1):
        group = "sample" if i == 1 else "secret"
        (folder / "tests" / group / f"{i:02}.in").write_text(given)
        (folder / "tests" / group / f"{i:02}.ans").write_text(answer)
    return load_problem(folder)


@pytest.fixture(scope="session")
def echo_problem(tmp_path_factory: pytest.TempPathFactory) -> Problem:
    """Read one integer, print it back. Three tests."""
    root = tmp_path_factory.mktemp("problems")
    return write_problem(root, "echo", tests=[("7\n", "7\n"), ("-3\n", "-3\n"), ("42\n", "42\n")])


@pytest.fixture
def fake_engine(languages: dict[str, Language]) -> FakeEngine:
    return FakeEngine(languages)


@pytest_asyncio.fixture
async def fake_server(settings: Settings, fake_engine: FakeEngine, tmp_path: Path) -> AsyncIterator[TestServer]:
    """The whole app on the bundled problems, judged by FakeJudge: no Docker."""
    changes = {"database_path": tmp_path / "codearena.db", "rate_limit_enabled": False}
    server = TestServer(init_app(settings.model_copy(update=changes), engine_factory=fake_engine.factory))
    async with server:
        yield server


@pytest_asyncio.fixture(scope="session")
async def browser() -> AsyncIterator[Browser]:
    """One headless Chromium for every browser test."""
    if not CHROMIUM.is_file():
        unavailable(f"Chromium at {CHROMIUM} (make browser installs Debian's chromium)")
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            await browser.close()


@pytest_asyncio.fixture(scope="session")
async def shot(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Shot]:
    """Saves a screenshot of a page or a part of one; at the end of the session they replace
    those in $CODEARENA_SCREENSHOTS."""
    folder = tmp_path_factory.mktemp("screenshots")

    async def take(target: Page | Locator, name: str) -> None:
        if isinstance(target, Page):
            await target.screenshot(path=str(folder / f"{name}.png"))
            return
        # The sticky header would cover the top of a part of the page shot on its own. (Set
        # through the CSSOM: the CSP refuses the <style> element Playwright's `style` would add.)
        await target.page.evaluate("document.querySelector('.site-header').style.position = 'static'")
        await target.screenshot(path=str(folder / f"{name}.png"))
        await target.page.evaluate("document.querySelector('.site-header').style.position = ''")

    yield take
    taken = sorted(folder.glob("*.png"))
    if taken:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        for old in SCREENSHOTS.glob("*.png"):
            old.unlink()
        for png in taken:
            shutil.copy(png, SCREENSHOTS / png.name)
