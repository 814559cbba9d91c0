"""Accounts mode (auth = "accounts") on the whole app with a fake engine: no Docker."""

from __future__ import annotations

import asyncio
import io
import json
import sqlite3
from collections.abc import AsyncIterator
from contextlib import redirect_stdout
from pathlib import Path

import aiohttp
import pytest
import pytest_asyncio
from aiohttp.test_utils import TestServer
from argon2 import PasswordHasher
from fakes import FakeEngine

from codearena.cli import main
from codearena.config import Settings
from codearena.domain.accounts import Role, User
from codearena.store.db import MIGRATIONS, Database
from codearena.store.submissions import Owner, SubmissionStore
from codearena.web.app import init_app
from codearena.web.keys import ACCOUNTS, DATABASE
from server_helpers import submit, wait_completed, write_config

PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id as the server uses it, with its cost turned down: 80 sign-ins in a test, not 20 s of hashing."""
    monkeypatch.setattr("codearena.services.accounts.PasswordHasher",
                        lambda: PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))  # fmt: skip


def visitor(server: TestServer, **headers: str) -> aiohttp.ClientSession:
    return aiohttp.ClientSession(base_url=server.make_url(""), cookie_jar=aiohttp.CookieJar(unsafe=True),
                                 headers=headers)  # fmt: skip


def accounts_settings(settings: Settings, tmp_path: Path, **more: object) -> Settings:
    changes = {"database_path": tmp_path / "codearena.db", "rate_limit_enabled": False, "auth": "accounts", **more}
    return settings.model_copy(update=changes)


@pytest_asyncio.fixture
async def server(settings: Settings, fake_engine: FakeEngine, tmp_path: Path) -> AsyncIterator[TestServer]:
    app = init_app(accounts_settings(settings, tmp_path), engine_factory=fake_engine.factory)
    server = TestServer(app)
    async with server:
        yield server


async def add_user(server: TestServer, username: str, role: Role = Role.STUDENT) -> User:
    accounts = server.app[ACCOUNTS]
    user = await accounts.create_user(None, username, role, name=username.title())
    await accounts.set_password(user.id, PASSWORD)
    return user


async def login(client: aiohttp.ClientSession, username: str, password: str = PASSWORD) -> aiohttp.ClientResponse:
    async with client.post("/api/login", json={"username": username, "password": password}) as r:
        await r.read()
        return r


async def teach(server: TestServer, instructor: User, *students: User) -> None:
    async with server.app[DATABASE].write() as db:
        cursor = await db.execute(
            "INSERT INTO courses (slug, title, created_at)"
            " VALUES ('c' || random(), 'A course', '2026-01-01') RETURNING id"
        )
        row = await cursor.fetchone()
        await cursor.close()
        assert row is not None
        members = [(row[0], instructor.id, "instructor")] + [(row[0], s.id, "student") for s in students]
        await db.executemany("INSERT INTO course_members (course_id, user_id, role) VALUES (?, ?, ?)", members)


async def test_signed_out_visitors_reach_only_the_login_pages(server: TestServer) -> None:
    async with visitor(server) as client:
        async with client.get("/", allow_redirects=False) as r:
            assert r.status == 303 and r.headers["Location"] == "/login"
        async with client.get("/problems/a-plus-b", allow_redirects=False) as r:
            assert r.status == 303 and r.headers["Location"] in (
                "/login?next=/problems/a-plus-b",
                "/login?next=%2Fproblems%2Fa-plus-b",
            )
        for path in ("/api/problems", "/api/submissions", "/api/history", "/ws"):
            async with client.get(path) as r:
                assert r.status == 401, path
                assert (await r.json())["error"]["code"] == "login_required"
        async with client.post("/api/submissions", json={"problem": "a-plus-b", "language": "python",
                                                         "source": "accept"}) as r:  # fmt: skip
            assert r.status == 401
        for path in ("/login", "/health", "/static/app.css"):
            async with client.get(path) as r:
                assert r.status == 200, path


async def test_sign_in_sets_a_guarded_cookie_and_each_sign_in_is_a_new_session(server: TestServer) -> None:
    await add_user(server, "ada")
    async with visitor(server) as client, visitor(server) as other:
        r = await login(client, "ada")
        assert r.status == 200
        cookie = r.cookies["codearena_login"]
        assert cookie["httponly"] and cookie["samesite"] == "Lax"
        first = cookie.value
        async with client.get("/api/me") as me:
            assert (await me.json())["user"]["username"] == "ada"
        second = (await login(client, "ada")).cookies["codearena_login"].value
        assert second != first, "a sign-in rotates the session"
        other.cookie_jar.update_cookies({"codearena_login": first})
        async with other.get("/api/me") as me:
            assert me.status == 401, "the replaced session no longer works"
        assert (await login(other, "ada")).status == 200
        async with client.post("/api/logout-everywhere") as r:
            assert (await r.json())["sessions_ended"] == 2
        async with other.get("/api/me") as me:
            assert me.status == 401, "signed out everywhere"


async def test_wrong_passwords_are_throttled_per_account(server: TestServer) -> None:
    await add_user(server, "ada")
    await add_user(server, "bob")
    async with visitor(server) as client:
        assert (await login(client, "nobody", "whatever-123")).status == 401
        for _ in range(5):
            assert (await login(client, "ada", "wrong password")).status == 401
        r = await login(client, "ada")
        assert r.status == 429 and int(r.headers["Retry-After"]) > 0, "even the right password waits"
        assert (await login(client, "bob")).status == 200, "another account from the same address is not locked"


def test_the_first_admin_comes_from_the_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = write_config(tmp_path / "config.toml", database_path=tmp_path / "db.sqlite", auth="accounts")
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["--config", str(config), "user", "add", "--role", "admin", "root"]) == 0
    link = out.getvalue().strip().splitlines()[-1]
    assert "/set-password/" in link
    monkeypatch.setattr("sys.stdin", io.StringIO("no no\n"))
    assert main(["--config", str(config), "user", "password", "root"]) == 1, "a short password is refused"
    with redirect_stdout(io.StringIO()):
        assert main(["--config", str(config), "user", "add", "root"]) == 1, "the name is taken"
    with sqlite3.connect(tmp_path / "db.sqlite") as db:
        row = db.execute("SELECT role, password_hash FROM users WHERE username = 'root'").fetchone()
    assert row == ("admin", None), "no default password"


async def test_a_password_link_works_once(server: TestServer) -> None:
    await add_user(server, "root", Role.ADMIN)
    async with visitor(server) as admin, visitor(server) as student:
        await login(admin, "root")
        async with admin.post("/api/users", json={"username": "s1", "role": "student", "name": "Sam"}) as r:
            assert r.status == 201
            link = (await r.json())["password_link"]
        token = link.rsplit("/", 1)[1]
        async with student.get(f"/set-password/{token}", headers={"Accept": "text/html"}) as r:
            assert r.status == 200 and "Sam" in await r.text()
        async with student.post(f"/api/set-password/{token}", json={"password": "short"}) as r:
            assert r.status == 400 and (await r.json())["error"]["code"] == "invalid_password"
        async with student.post(f"/api/set-password/{token}", json={"password": PASSWORD}) as r:
            assert r.status == 200
        async with student.post(f"/api/set-password/{token}", json={"password": "another one"}) as r:
            assert r.status == 400 and (await r.json())["error"]["code"] == "link_invalid"
        assert (await login(student, "s1")).status == 200
        async with student.post("/api/users", json={"username": "s2", "role": "admin"}) as r:
            assert r.status == 403, "a student creates nobody"
        async with admin.get("/api/users") as r:
            users = {u["username"]: u for u in (await r.json())["users"]}
            assert users["s1"]["has_password"] and "password" not in json.dumps(users["s1"]).replace("has_password", "")


async def test_a_submission_is_seen_by_its_owner_its_instructors_and_admins_only(server: TestServer) -> None:
    alice, bob = await add_user(server, "alice"), await add_user(server, "bob")
    teacher, stranger = (
        await add_user(server, "teacher", Role.INSTRUCTOR),
        await add_user(server, "other", Role.INSTRUCTOR),
    )
    await add_user(server, "root", Role.ADMIN)
    await teach(server, teacher, alice)
    await teach(server, stranger, bob)
    sessions = {name: visitor(server) for name in ("alice", "bob", "teacher", "other", "root", "nobody")}
    try:
        for name, client in sessions.items():
            if name != "nobody":
                assert (await login(client, name)).status == 200
        submission_id = await submit(sessions["alice"], "a-plus-b", "python", "accept")
        await wait_completed(sessions["alice"], submission_id)
        expected = {"alice": (200, True), "teacher": (200, True), "root": (200, True), "bob": (404, False),
                    "other": (404, False), "nobody": (401, False)}  # fmt: skip
        for name, (status, source) in expected.items():
            client = sessions[name]
            async with client.get(f"/api/submissions/{submission_id}") as r:
                body = await r.json()
                assert r.status == status, name
                assert (status == 200 and body["source"] == "accept") == source, name
            async with client.get(f"/submissions/{submission_id}", headers={"Accept": "text/html"},
                                  allow_redirects=False) as r:  # fmt: skip
                assert r.status == {200: 200, 404: 404, 401: 303}[status], name
            async with client.get(f"/submissions/{submission_id}/results", headers={"Accept": "text/html"},
                                  allow_redirects=False) as r:  # fmt: skip
                assert r.status == {200: 200, 404: 404, 401: 303}[status], name
            if name != "nobody":
                async with client.ws_connect("/ws") as ws:
                    await ws.send_json({"type": "subscribe_submission", "submission_id": submission_id})
                    reply = await ws.receive_json(timeout=10)
                    assert (reply["type"] == "submission_completed") == (status == 200), (name, reply)
            async with client.get("/api/submissions") as r:
                listed = [s["id"] for s in await r.json()] if r.status == 200 else []
                assert (submission_id in listed) == (name == "alice"), name
    finally:
        for client in sessions.values():
            await client.close()


async def test_a_class_behind_one_address_is_not_refused(
    settings: Settings, fake_engine: FakeEngine, tmp_path: Path
) -> None:
    """40 students behind one NAT each Run twice and Submit once within a minute: the per-user
    limits (30 a minute, 10 at once) hold each of them, the address's allowance the whole class."""
    app = init_app(accounts_settings(settings, tmp_path, rate_limit_enabled=True), engine_factory=fake_engine.factory)
    server = TestServer(app)
    async with server:
        clients = []
        for i in range(40):
            await add_user(server, f"s{i}")
            client = visitor(server)
            clients.append(client)
            assert (await login(client, f"s{i}")).status == 200

        async def work(client: aiohttp.ClientSession) -> list[int]:
            statuses = []
            for _ in range(2):
                async with client.post("/api/run", json={"language": "python", "source": "print(1)", "stdin": ""}) as r:
                    statuses.append(r.status)
            async with client.post("/api/submissions", json={"problem": "a-plus-b", "language": "python",
                                                             "source": "accept"}) as r:  # fmt: skip
                statuses.append(r.status)
            return statuses

        try:
            results = await asyncio.gather(*(work(c) for c in clients))
        finally:
            for client in clients:
                await client.close()
        assert all(s == [200, 200, 202] for s in results), results
        async with visitor(server) as client:
            await add_user(server, "greedy")
            await login(client, "greedy")
            statuses = []
            for _ in range(12):
                async with client.post("/api/run", json={"language": "python", "source": "print(1)", "stdin": ""}) as r:
                    statuses.append(r.status)
            assert statuses.count(429) >= 1, "one user is still limited"


async def test_single_sign_on_and_forwarded_addresses_only_from_trusted_proxies(
    settings: Settings, fake_engine: FakeEngine, tmp_path: Path
) -> None:
    more = {"trusted_proxies": ["127.0.0.1"], "remote_user_header": "X-Remote-User"}
    app = init_app(accounts_settings(settings, tmp_path, **more), engine_factory=fake_engine.factory)
    server = TestServer(app)
    async with server:
        await add_user(server, "ada")
        async with visitor(server, **{"X-Remote-User": "ada"}) as client, client.get("/api/me") as r:
            assert r.status == 200 and (await r.json())["user"]["username"] == "ada"
        async with visitor(server, **{"X-Remote-User": "nobody"}) as client, client.get("/api/me") as r:
            assert r.status == 401
    (tmp_path / "second").mkdir()
    app = init_app(accounts_settings(settings, tmp_path / "second", remote_user_header="X-Remote-User"),
                   engine_factory=fake_engine.factory)  # fmt: skip
    server = TestServer(app)
    async with server:
        await add_user(server, "ada")
        async with visitor(server, **{"X-Remote-User": "ada"}) as client, client.get("/api/me") as r:
            assert r.status == 401, "the header counts only from a configured proxy"
        # Failed sign-ins from "different" forwarded addresses still land on the real one.
        async with visitor(server) as client:
            for i in range(5):
                async with client.post("/api/login", json={"username": "ada", "password": "wrong password"},
                                       headers={"X-Forwarded-For": f"10.0.0.{i}"}) as r:  # fmt: skip
                    assert r.status == 401
            assert (await login(client, "ada")).status == 429


async def test_the_login_form_needs_its_csrf_token_and_goes_back_where_it_came_from(server: TestServer) -> None:
    await add_user(server, "ada")
    async with visitor(server) as client:
        async with client.post("/login", data={"username": "ada", "password": PASSWORD}, allow_redirects=False) as r:
            assert r.status == 403
        async with client.get("/login?next=/submissions") as r:
            page = await r.text()
        token = page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
        for target, expected in (("//evil.example/", "/"), ("/submissions", "/submissions")):
            form = {"csrf_token": token, "username": "ada", "password": PASSWORD, "next": target}
            async with client.post("/login", data=form, allow_redirects=False) as r:
                assert r.status == 303 and r.headers["Location"] == expected
                token = (await (await client.get("/login")).text()).split('name="csrf_token" value="', 1)[1][:32]
        async with client.get("/", headers={"Accept": "text/html"}) as r:
            assert r.status == 200 and "Sign out" in await r.text()


async def test_open_mode_is_unchanged(fake_server: TestServer) -> None:
    async with visitor(fake_server) as client:
        async with client.get("/api/me") as r:
            assert await r.json() == {"auth": "open", "user": None}
        async with client.post("/api/login", json={"username": "a", "password": "b"}) as r:
            assert r.status == 400 and (await r.json())["error"]["code"] == "accounts_off"
        submission_id = await submit(client, "a-plus-b", "python", "accept")
        async with client.get(f"/api/submissions/{submission_id}") as r:
            assert (await r.json())["source"] == "accept"


async def test_an_upgrade_keeps_every_submission_readable_by_its_session(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as db:
        for number, script in enumerate(MIGRATIONS[:2], start=1):
            db.executescript(f"{script}\nPRAGMA user_version = {number};")
        db.execute("INSERT INTO submissions (id, session, problem, language, source, status, created_at)"
                   " VALUES ('0123456789abcdef', 'old-session', 'a-plus-b', 'python', 'print(3)', 'completed',"
                   " '2026-01-01T00:00:00.000Z')")  # fmt: skip
    database = await Database.open(path)
    try:
        assert await database.version() == len(MIGRATIONS)
        store = SubmissionStore(database)
        listed = await store.list_by_owner(Owner("old-session"), None, 10)
        assert [s.id for s in listed] == ["0123456789abcdef"] and listed[0].user_id is None
    finally:
        await database.close()


async def test_only_staff_reload_the_problems(server: TestServer) -> None:
    await add_user(server, "ada")
    await add_user(server, "teacher", Role.INSTRUCTOR)
    async with visitor(server) as student, visitor(server) as teacher:
        await login(student, "ada")
        await login(teacher, "teacher")
        async with student.post("/api/problems/reload") as r:
            assert r.status == 403
        async with teacher.post("/api/problems/reload") as r:
            assert r.status == 200 and (await r.json())["loaded"] > 0


async def test_the_reload_button_is_for_staff(server: TestServer) -> None:
    await add_user(server, "ada")
    await add_user(server, "teacher", Role.INSTRUCTOR)
    async with visitor(server) as student, visitor(server) as teacher:
        await login(student, "ada")
        await login(teacher, "teacher")
        async with student.get("/", headers={"Accept": "text/html"}) as r:
            assert "Reload problems" not in await r.text()
        async with teacher.get("/", headers={"Accept": "text/html"}) as r:
            page = await r.text()
        assert "Reload problems" in page
        token = page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
        async with student.post("/problems/reload", data={"csrf_token": token}) as r:
            assert r.status == 403, "another user's token, and no right to reload either"
        async with teacher.post("/problems/reload", data={"csrf_token": token}) as r:
            assert r.status == 200 and "Reloaded" in await r.text()


async def test_the_account_page_signs_out_everywhere(server: TestServer) -> None:
    await add_user(server, "ada")
    async with visitor(server) as lab, visitor(server) as home:
        await login(lab, "ada")
        await login(home, "ada")
        async with home.get("/account", headers={"Accept": "text/html"}) as r:
            page = await r.text()
        assert r.status == 200 and "Sign out everywhere" in page
        token = page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
        async with home.post("/logout", data={"csrf_token": token, "everywhere": "1"}, allow_redirects=False) as r:
            assert r.status == 303 and r.headers["Location"] == "/login"
        async with lab.get("/api/me") as r:
            assert r.status == 401, "the session on the lab PC ended too"


async def test_cookies_are_secure_behind_a_trusted_https_proxy_only(
    settings: Settings, fake_engine: FakeEngine, tmp_path: Path
) -> None:
    app = init_app(accounts_settings(settings, tmp_path, trusted_proxies=["127.0.0.1"]),
                   engine_factory=fake_engine.factory)  # fmt: skip
    server = TestServer(app)
    async with server:
        await add_user(server, "ada")
        async with visitor(server, **{"X-Forwarded-Proto": "https"}) as client:
            assert (await login(client, "ada")).cookies["codearena_login"]["secure"]
        async with visitor(server) as client:
            assert not (await login(client, "ada")).cookies["codearena_login"]["secure"]
