"""Kattis packages uploaded from the browser (accounts mode, fake engine: FakeImportSandbox runs
the checks): who may, the 4xx a bad upload gets at once, the report page, and the imported
problem's page with its math marked and its picture served."""

from __future__ import annotations

import asyncio
import zipfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import NamedTuple

import aiohttp
import pytest
import pytest_asyncio
from aiohttp.test_utils import TestServer
from fakes import FakeEngine
from kattis_helpers import PNG, write_package, zip_folder
from test_accounts import accounts_settings, add_user, cheap_hashing, login, visitor  # noqa: F401 - fixtures
from test_views import assert_no_inline_code, csrf_of

from codearena.config import Settings
from codearena.domain.accounts import Role
from codearena.web import imports
from codearena.web.app import init_app

WAIT_S = 10


class Answer(NamedTuple):
    status: int
    text: str
    location: str


@pytest_asyncio.fixture
async def server(settings: Settings, fake_engine: FakeEngine, tmp_path: Path) -> AsyncIterator[TestServer]:
    (tmp_path / "problems").mkdir()
    app = init_app(accounts_settings(settings, tmp_path, problems_dir=tmp_path / "problems",
                                     problems_poll_interval_s=0), engine_factory=fake_engine.factory)  # fmt: skip
    server = TestServer(app)
    async with server:
        yield server


@pytest_asyncio.fixture
async def instructor(server: TestServer) -> AsyncIterator[aiohttp.ClientSession]:
    await add_user(server, "ines", Role.INSTRUCTOR)
    async with visitor(server) as client:
        await login(client, "ines")
        yield client


async def upload(client: aiohttp.ClientSession, archive: Path | None, *, token: str | None = None,
                 name: str | None = None, **fields: str) -> Answer:  # fmt: skip
    if token is None:
        async with client.get("/problems/import") as r:
            token = csrf_of(await r.text())
    form = aiohttp.FormData()
    form.add_field("csrf_token", token)
    for key, value in fields.items():
        form.add_field(key, value)
    if archive is not None:
        form.add_field("package", archive.read_bytes(), filename=name or archive.name,
                       content_type="application/zip")  # fmt: skip
    async with client.post("/problems/import", data=form, allow_redirects=False) as r:
        return Answer(r.status, await r.text(), r.headers.get("Location", ""))


async def finished_report(client: aiohttp.ClientSession, location: str) -> str:
    for _ in range(WAIT_S * 20):
        async with client.get(location, headers={"HX-Request": "true"}) as r:
            fragment = await r.text()
        if "hx-trigger" not in fragment:
            return fragment
        await asyncio.sleep(0.05)
    raise AssertionError(f"the import did not finish: {fragment}")


async def test_an_instructor_imports_a_package_and_its_page_shows_math_and_picture(
    server: TestServer, instructor: aiohttp.ClientSession, tmp_path: Path
) -> None:
    async with instructor.get("/") as r:
        assert 'href="/problems/import"' in await r.text()
    async with instructor.get("/problems/import") as r:
        assert r.status == 200
        assert_no_inline_code(await r.text())
    archive = zip_folder(write_package(tmp_path / "tiny"), tmp_path / "tiny.zip")
    sent = await upload(instructor, archive, difficulty="easy")
    assert sent.status == 303
    location = sent.location
    report = await finished_report(instructor, location)
    assert "Imported:" in report and 'href="/problems/tiny"' in report
    assert "CodeArena has no Haskell" in report, "the skipped submission is listed"
    async with instructor.get(location) as r:
        assert_no_inline_code(await r.text())
    async with instructor.get("/problems/tiny") as r:
        html = await r.text()
    assert r.status == 200 and "Tiny Sum" in html and 'class="badge difficulty-easy"' in html
    assert '<span class="math inline">0 \\le a, b \\le 10^9</span>' in html
    assert '<img src="/problems/tiny/assets/picture.png" alt="two numbers"' in html
    assert '<script src="/static/math.js" type="module"></script>' in html
    async with instructor.get("/problems/tiny/assets/picture.png") as r:
        assert r.status == 200 and r.content_type == "image/png" and await r.read() == PNG
    for name in ("..%2Fproblem.yaml", "problem.yaml", "nope.png", ".hidden.png"):
        async with instructor.get(f"/problems/tiny/assets/{name}") as r:
            assert r.status == 404, name


@pytest.mark.parametrize(
    ("files", "status", "message"),
    [
        ({"problem.yaml": "a: &a [x, x]\nname: *a\n"}, 400, "expected no YAML aliases, found alias *a"),
        ({"problem.yaml": "name: [unclosed\n"}, 400, "expected valid YAML"),
        ({"data/secret/1.ans": None}, 400, "expected the answer for 1.in, found no such file"),
    ],
)
async def test_a_broken_or_hostile_package_gets_a_400_naming_the_fault(
    instructor: aiohttp.ClientSession, tmp_path: Path, files: dict[str, str | None], status: int, message: str
) -> None:
    archive = zip_folder(write_package(tmp_path / "bad", files), tmp_path / "bad.zip")
    sent = await upload(instructor, archive)
    assert sent.status == status and message in sent.text


async def test_what_cannot_be_imported_is_refused_at_once(
    server: TestServer, instructor: aiohttp.ClientSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    graded = write_package(tmp_path / "graded", {"graders/grader.py": "pass\n"})
    sent = await upload(instructor, zip_folder(graded, tmp_path / "graded.zip"))
    assert sent.status == 400 and "custom graders" in sent.text
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("p/problem.yaml", "name: P\n")
        zf.writestr("p/../../../escaped.txt", "x")
    sent = await upload(instructor, evil)
    assert sent.status == 400 and "a path outside the package" in sent.text
    (tmp_path / "notes.txt").write_text("hello")
    sent = await upload(instructor, tmp_path / "notes.txt")
    assert sent.status == 400 and "choose a Kattis package: a .zip or .kpp archive" in sent.text
    sent = await upload(instructor, None)
    assert sent.status == 400
    monkeypatch.setattr(imports, "MAX_UPLOAD_BYTES", 100)
    sent = await upload(instructor, zip_folder(write_package(tmp_path / "big"), tmp_path / "big.zip"))
    assert sent.status == 413 and "larger than 0 MiB" in sent.text
    assert sorted(p.name for p in (tmp_path / "problems").iterdir()) == [], "nothing kept, nothing staged"


async def test_only_staff_with_a_valid_form_may_upload(server: TestServer, tmp_path: Path) -> None:
    archive = zip_folder(write_package(tmp_path / "tiny"), tmp_path / "tiny.zip")
    await add_user(server, "stu")
    async with visitor(server) as student:
        await login(student, "stu")
        async with student.get("/problems/import") as r:
            assert r.status == 403 and "only instructors and admins" in await r.text()
        sent = await upload(student, archive, token="0" * 32)
        assert sent.status == 403
    await add_user(server, "ines", Role.INSTRUCTOR)
    async with visitor(server) as teacher:
        await login(teacher, "ines")
        sent = await upload(teacher, archive, token="0" * 32)
        assert sent.status == 403 and "The form has expired" in sent.text
    assert not (tmp_path / "problems" / "tiny").exists()


async def test_reports_are_their_uploader_s(server: TestServer, instructor: aiohttp.ClientSession,
                                            tmp_path: Path) -> None:  # fmt: skip
    sent = await upload(instructor, zip_folder(write_package(tmp_path / "tiny"), tmp_path / "tiny.zip"))
    location = sent.location
    await add_user(server, "other", Role.INSTRUCTOR)
    async with visitor(server) as other:
        await login(other, "other")
        async with other.get(location) as r:
            assert r.status == 404
    await add_user(server, "root", Role.ADMIN)
    async with visitor(server) as admin:
        await login(admin, "root")
        async with admin.get(location) as r:
            assert r.status == 200


async def test_without_accounts_imports_are_for_the_command_line(
    settings: Settings, fake_engine: FakeEngine, tmp_path: Path
) -> None:
    app = init_app(settings.model_copy(update={"database_path": tmp_path / "db", "problems_dir": tmp_path}),
                   engine_factory=fake_engine.factory)  # fmt: skip
    server = TestServer(app)
    async with server, visitor(server) as client:
        async with client.get("/problems/import") as r:
            assert r.status == 403 and "codearena import" in await r.text()
        sent = await upload(client, None, token="x")
        assert sent.status == 403
