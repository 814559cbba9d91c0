"""A class, walked through in a real headless Chromium against the real server, SQLite and Docker.

An admin creates an instructor; the instructor creates a course, imports a 40-row roster, makes
an assignment with a late window and a timed quiz, and extends one student; two students sign
in with their one-time links, solve and fail problems, one of them late; the instructor filters
the course's submissions, changes a test and re-judges the problem (the changes are shown),
exports the grades, and the CSV's numbers equal the ones worked out by hand here.
"""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import pytest_asyncio
from aiohttp.test_utils import TestServer
from browser_helpers import WATCH, Shot, checked_page, open_problem, set_code, submit_and_wait
from playwright.async_api import Browser, BrowserContext, Page, ViewportSize, expect

from codearena.config import Settings
from codearena.domain.accounts import Role
from codearena.paths import PROBLEMS_DIR
from codearena.web.app import init_app
from codearena.web.keys import ACCOUNTS, SETTINGS

pytestmark = [pytest.mark.docker, pytest.mark.browser]

ZONE = ZoneInfo("Europe/Paris")
ADMIN_PASSWORD = "the admin's passphrase"
WRONG = "print('nope')\n"
# How far the page is wider than the window, and the element that sticks out the most.
WIDEST = """() => {
  const wide = [];
  for (const e of document.querySelectorAll("body *")) {
    const position = getComputedStyle(e).position;
    // a table scrolls inside its own frame, but what is positioned outside the frame escapes it
    if (e.closest(".table-scroll") && position !== "absolute" && position !== "fixed") continue;
    const r = e.getBoundingClientRect();
    if (r.right > window.innerWidth + 1) wide.push(`${e.tagName}.${e.className}#${e.id} ${Math.round(r.width)}px`);
  }
  return {by: document.documentElement.scrollWidth - window.innerWidth, elements: wide.slice(-4)};
}"""
DESKTOP: ViewportSize = {"width": 1024, "height": 800}
PHONE: ViewportSize = {"width": 390, "height": 844}


@pytest_asyncio.fixture(scope="module")
async def server(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[TestServer]:
    root = tmp_path_factory.mktemp("classes")
    problems = root / "problems"
    problems.mkdir()
    shutil.copytree(PROBLEMS_DIR / "a-plus-b", problems / "a-plus-b")  # a copy: the test changes one of its tests
    (problems / "fizzbuzz").symlink_to(PROBLEMS_DIR / "fizzbuzz", target_is_directory=True)
    app = init_app(settings.model_copy(update={
        "database_path": root / "codearena.db", "problems_dir": problems, "auth": "accounts",
        "rate_limit_enabled": False, "problems_poll_interval_s": 0,
    }))  # fmt: skip
    test_server = TestServer(app, host="127.0.0.1")
    async with test_server:
        accounts = app[ACCOUNTS]
        admin = await accounts.create_user(None, "root", Role.ADMIN, name="Ada Admin")
        await accounts.set_password(admin.id, ADMIN_PASSWORD)
        yield test_server


async def person(browser: Browser, server: TestServer) -> BrowserContext:
    context = await browser.new_context(base_url=str(server.make_url("")), viewport=DESKTOP)
    await context.add_init_script(WATCH)
    return context


async def sign_in(page: Page, username: str, password: str) -> None:
    await page.goto("/login")
    await page.get_by_label("Username").fill(username)
    await page.get_by_label("Password").fill(password)
    await page.get_by_role("button", name="Sign in").click()
    await expect(page.get_by_role("button", name="Sign out")).to_be_visible()


async def set_password(page: Page, link: str, password: str) -> None:
    await page.goto(link)
    await page.get_by_label("New password").fill(password)
    await page.get_by_label("The same again").fill(password)
    await page.get_by_role("button", name="Set password").click()
    await page.wait_for_url("**/login")


def local(moment: datetime) -> str:
    """A datetime-local value in the course's time zone."""
    return moment.astimezone(ZONE).strftime("%Y-%m-%dT%H:%M")


async def both_widths(page: Page, shot: Shot, name: str) -> None:
    """Screenshots at a desktop and a phone width; the page never scrolls sideways."""
    for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
        await page.set_viewport_size(size)
        await shot(page, f"classes-{name}-{label}")
        overflow = await page.evaluate(WIDEST)
        assert overflow["by"] <= 0, f"{name} is {overflow} too wide at {size['width']}px"
    await page.set_viewport_size(DESKTOP)


async def submit_code(page: Page, slug: str, source: str) -> str:
    await open_problem(page, slug)
    await page.get_by_label("Language").select_option("python")
    await set_code(page, source)
    return await submit_and_wait(page)


async def test_a_class_from_the_first_admin_to_the_grade_export(
    browser: Browser, server: TestServer, shot: Shot, tmp_path: Path
) -> None:
    admin, teacher = await person(browser, server), await person(browser, server)
    ann, bob = await person(browser, server), await person(browser, server)
    try:
        # The admin makes an instructor, who sets a password with the one-time link.
        async with checked_page(admin) as page:
            await sign_in(page, "root", ADMIN_PASSWORD)
            await page.goto("/admin/users")
            await page.locator("#new-username").fill("teacher")
            await page.locator("#new-name").fill("Tess Teacher")
            await page.locator("#new-role").select_option("instructor")
            await page.get_by_role("button", name="Create user").click()
            link = await page.locator("#password-link").inner_text()
            await both_widths(page, shot, "01-users")
        async with checked_page(teacher) as page:
            await set_password(page, link, "teacher passphrase")
            await sign_in(page, "teacher", "teacher passphrase")

            # A course, its roster of 40, and links for the students to set their passwords.
            await page.goto("/courses")
            await page.locator("#course-slug").fill("cs101")
            await page.locator("#course-title").fill("Programming 101")
            await page.locator("#course-zone").fill("Europe/Paris")
            await page.get_by_role("button", name="Create course").click()
            await page.wait_for_url("**/courses/cs101")
            roster = (
                "Student ID,Name,Email\n"
                + "".join(f"2026{i:03d},Student {i},s{i}@school.example\n" for i in range(1, 39))
                + "2026901,Ann Archer,ann@school.example\n2026902,Bob Baker,bob@school.example\n"
            )
            await page.locator("#roster-text").fill(roster)
            await page.get_by_role("button", name="Import").click()
            await expect(page.get_by_role("status")).to_contain_text("40 added")
            await both_widths(page, shot, "02-course")
            await page.locator("#links-format").select_option("page")
            await page.get_by_role("button", name="Make password links").click()
            await expect(page.locator("tbody tr")).to_have_count(40)  # the page of links has come
            links = {}
            for row in await page.locator("tbody tr").all():
                cells = await row.locator("td").all_inner_texts()
                links[cells[0]] = cells[3]
            assert len(links) == 40

            # Week 1 was due an hour ago, with a late window (minus 10% per started day); the
            # quiz is timed (30 minutes after Start) and due tomorrow. Ann gets an extension.
            now = datetime.now(UTC)
            await page.goto("/courses/cs101/assignments/new")
            await page.locator("#a-title").fill("Week 1")
            await page.locator("#a-problems").fill("a-plus-b 60")
            await page.locator("#a-opens").fill(local(now - timedelta(days=2)))
            await page.locator("#a-due").fill(local(now - timedelta(hours=1)))
            await page.locator("#a-late-until").fill(local(now + timedelta(days=3)))
            await page.locator("#a-late-rule").fill("per_day:10")
            await page.get_by_role("button", name="Create assignment").click()
            await page.wait_for_url("**/edit")
            await page.locator("#e-user").select_option(label="Ann Archer (2026901)")
            await page.locator("#e-due").fill(local(now + timedelta(days=1)))
            await page.get_by_role("button", name="Save extension").click()
            await expect(page.get_by_role("status")).to_be_visible()
            await page.goto("/courses/cs101/assignments/new")
            await page.locator("#a-title").fill("Quiz")
            await page.locator("#a-problems").fill("fizzbuzz 40")
            await page.locator("#a-opens").fill(local(now - timedelta(hours=2)))
            await page.locator("#a-due").fill(local(now + timedelta(days=1)))
            await page.locator("#a-minutes").fill("30")
            await page.get_by_role("button", name="Create assignment").click()
            await page.wait_for_url("**/edit")

        # Ann solves Week 1 on time (her extension) and the quiz; Bob fails, then solves Week 1 late.
        async with checked_page(ann) as page:
            await set_password(page, links["2026901"], "ann's passphrase")
            await sign_in(page, "2026901", "ann's passphrase")
            await page.goto("/assignments")
            await expect(page.get_by_text("Week 1")).to_be_visible()
            await both_widths(page, shot, "03-student-assignments")
            assert (
                await submit_code(page, "a-plus-b", (PROBLEMS_DIR / "a-plus-b/solutions/accepted.py").read_text())
            ).endswith("Accepted")
            await page.goto("/assignments")
            await page.get_by_role("link", name="Quiz").click()
            await page.get_by_role("button", name="Start").click()
            assert (
                await submit_code(page, "fizzbuzz", (PROBLEMS_DIR / "fizzbuzz/solutions/accepted.py").read_text())
            ).endswith("Accepted")
        async with checked_page(bob) as page:
            await set_password(page, links["2026902"], "bob's passphrase")
            await sign_in(page, "2026902", "bob's passphrase")
            assert "Wrong answer" in await submit_code(page, "a-plus-b", WRONG)
            assert (
                await submit_code(page, "a-plus-b", (PROBLEMS_DIR / "a-plus-b/solutions/accepted.py").read_text())
            ).endswith("Accepted")
            await page.goto("/problems/fizzbuzz")  # the quiz is not started: its problem is hidden
            await expect(page.get_by_role("heading", name="Not found")).to_be_visible()

        async with checked_page(teacher) as page:
            # Late ones only: Bob's two.
            await page.goto("/courses/cs101/submissions")
            await page.locator("#filter-late").select_option("yes")
            await expect(page.locator("#review-results tbody tr")).to_have_count(2)
            texts = await page.locator("#review-results tbody tr").all_inner_texts()
            assert all("Bob Baker" in t for t in texts), texts
            await both_widths(page, shot, "04-course-submissions")

            # A test of A + B changes (its answer is now 1 too many): re-judge the problem.
            answer = server.app[SETTINGS].problems_dir / "a-plus-b" / "tests" / "secret" / "01.ans"
            answer.write_text(" ".join(str(int(x) + 1) for x in answer.read_text().split()) + "\n")
            await page.goto("/")
            await page.get_by_role("button", name="Reload problems").click()
            await page.goto("/courses/cs101/submissions")
            await page.locator("#rejudge-problem").select_option("a-plus-b")
            await page.get_by_role("button", name="Re-judge the problem").click()
            await page.wait_for_url("**/rejudges/*")
            await expect(page.locator("#count-judging")).to_have_text("0 still judging", timeout=120_000)
            await expect(page.locator("#count-changed")).to_have_text("2 changed")
            await both_widths(page, shot, "05-rejudge")

            async with page.expect_download() as download:
                await page.goto("/courses/cs101/assignments")
                await page.get_by_role("link", name="Download grades (CSV)").click()
            saved = tmp_path / "grades.csv"
            await (await download.value).save_as(saved)
        text = saved.read_text(encoding="utf-8")
        assert text.startswith("\ufeff"), "a byte-order mark, for spreadsheets"
        rows = {r["SIS User ID"]: r for r in csv.DictReader(io.StringIO(text.lstrip("\ufeff")))}
        assert len(rows) == 40
        # Worked out by hand: a correct program now fails one of A + B's tests (see expected_fraction).
        ann_row, bob_row, other = rows["2026901"], rows["2026902"], rows["2026001"]
        assert float(ann_row["Week 1 - A + B (60)"]) == pytest.approx(expected_fraction(server) * 60, abs=0.01)
        assert ann_row["Week 1 Late"] == "no" and bob_row["Week 1 Late"] == "yes"
        late = expected_fraction(server) * 60 * 0.9  # one started day late: minus 10%
        assert float(bob_row["Week 1 - A + B (60)"]) == pytest.approx(late, abs=0.01)
        assert float(ann_row["Quiz - FizzBuzz (40)"]) == 40 and float(bob_row["Quiz - FizzBuzz (40)"]) == 0
        assert float(ann_row["Total"]) == pytest.approx(expected_fraction(server) * 60 + 40, abs=0.01)
        assert float(other["Total"]) == 0 and other["Student"] == "Student 1"
    finally:
        for context in (admin, teacher, ann, bob):
            await context.close()


def expected_fraction(server: TestServer) -> float:
    """A correct program's share of A + B's tests once one secret answer is wrong."""
    folder = server.app[SETTINGS].problems_dir / "a-plus-b" / "tests"
    total = len(list(folder.glob("*/*.in")))
    return (total - 1) / total
