"""The HTML pages against the real app and real SQLite, judged by the fake engine; the tests of
pages that show real programs' results (marked docker) run against real Docker."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from html.parser import HTMLParser
from pathlib import Path

import aiohttp
import pytest
import pytest_asyncio
from aiohttp import web
from aiohttp.test_utils import TestServer
from conftest import docker_unavailable
from fakes import FakeEngine

from codearena.config import Settings
from codearena.domain.verdicts import Verdict
from codearena.languages import Language
from codearena.paths import STATIC_DIR, TEMPLATES_DIR, WEB_DIR
from codearena.services.engine import EngineFactory
from codearena.web.app import init_app
from codearena.web.markdown import render_markdown
from codearena.web.textdiff import first_difference, marked_lines
from codearena.web.views import VERDICTS, in_line
from server_helpers import XSS_PAYLOAD, XSS_PROGRAM, hostile_problems, solution, submit, wait_completed

PAGES = ["/", "/?difficulty=hard", "/problems/a-plus-b", "/problems/hostile", "/submissions", "/problems/nope"]


class Page(HTMLParser):
    """Every start tag of a page, with its attributes, and the text of its <script> elements."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.script_text: list[str] = []
        self._in_script = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.script_text.append(data)

    def find(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def assert_no_inline_code(html: str) -> Page:
    page = Page(html)
    assert page.script_text == [], "no inline script"
    for attrs in page.find("script"):
        assert (attrs.get("src") or "").startswith("/static/"), attrs
    assert page.find("style") == [], "no <style> element"
    for tag, attrs in page.tags:
        assert "style" not in attrs, (tag, attrs)
        handlers = [name for name in attrs if name.startswith("on")]
        assert not handlers, (tag, attrs)
        for name in ("href", "src", "action"):
            assert not (attrs.get(name) or "").strip().lower().startswith("javascript:"), (tag, attrs)
    return page


def views_app(settings: Settings, root: Path, engine_factory: EngineFactory | None = None) -> web.Application:
    changes = {"database_path": root / "codearena.db", "problems_dir": hostile_problems(root / "problems"),
               "rate_limit_enabled": False}  # fmt: skip
    if engine_factory is None:
        return init_app(settings.model_copy(update=changes))
    return init_app(settings.model_copy(update=changes), engine_factory=engine_factory)


@pytest_asyncio.fixture(scope="module")
async def server(
    settings: Settings, languages: dict[str, Language], tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[TestServer]:
    """Judged by FakeJudge: the pages themselves need no Docker."""
    engine = FakeEngine(languages)
    test_server = TestServer(views_app(settings, tmp_path_factory.mktemp("views"), engine.factory))
    async with test_server:
        yield test_server


@pytest_asyncio.fixture(scope="module")
async def docker_server(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[TestServer]:
    """Judged in real sandboxes, for the pages that show what real programs did."""
    test_server = TestServer(views_app(settings, tmp_path_factory.mktemp("views-docker")))
    async with test_server:
        async with visitor(test_server) as client, client.get("/health") as r:
            body = await r.json()
        if body["status"] != "ok":
            docker_unavailable(body.get("message", "degraded"))
        yield test_server


def visitor(server: TestServer) -> aiohttp.ClientSession:
    return aiohttp.ClientSession(base_url=server.make_url(""), cookie_jar=aiohttp.CookieJar(unsafe=True))


@pytest_asyncio.fixture
async def client(server: TestServer) -> AsyncIterator[aiohttp.ClientSession]:
    async with visitor(server) as session:
        yield session


@pytest_asyncio.fixture
async def docker_client(docker_server: TestServer) -> AsyncIterator[aiohttp.ClientSession]:
    async with visitor(docker_server) as session:
        yield session


async def page(client: aiohttp.ClientSession, path: str, status: int = 200, **kwargs: object) -> str:
    async with client.get(path, **kwargs) as r:  # type: ignore[arg-type]
        text = await r.text()
        assert r.status == status, text
        assert r.content_type == "text/html"
        return text


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([0-9a-f]+)"', html)
    assert found
    return found.group(1)


async def test_problem_list_filters_and_fragment(client: aiohttp.ClientSession) -> None:
    html = await page(client, "/")
    assert "A + B" in html and 'class="badge difficulty-easy"' in html and "implementation" in html
    assert "2 problems" in html and 'id="problem-filters"' in html and 'hx-get="/"' in html
    hard = await page(client, "/?difficulty=hard")
    assert "Hostile" in hard and "A + B" not in hard and "1 of 2 problems" in hard
    fragment = await page(client, "/?tag=math&q=a%20%2B", headers={"HX-Request": "true"})
    assert "<html" not in fragment and "<table" in fragment and "A + B" in fragment and "Hostile" not in fragment
    assert "No problem matches" in await page(client, "/?q=zzz", headers={"HX-Request": "true"})
    restore = await page(client, "/?q=zzz", headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert "<html" in restore, "a history restore gets the whole page"


async def test_problem_page(client: aiohttp.ClientSession) -> None:
    html = await page(client, "/problems/a-plus-b")
    assert "<h2>Input</h2>" in html and "<code>N</code>" in html
    assert '<pre class="io">2\n1 2\n3 4\n</pre>' in html and '<pre class="io">3\n7\n</pre>' in html
    assert "1000 ms" in html and "256 MB" in html and 'data-tests-total="10"' in html
    parsed = assert_no_inline_code(html)
    options = [attrs["value"] for attrs in parsed.find("option")]
    assert options[:4] == ["python", "javascript", "java", "cpp"] and len(options) == 13
    assert parsed.find("label")[0]["for"] == "language"
    form = parsed.find("form")[0]
    assert form["method"] == "post" and form["action"] == "/problems/a-plus-b/submit"
    assert "# TODO: print a + b" in html, "the starter code is in the textarea"
    # The starter code of every language travels in a data attribute, as JSON escaped for HTML.
    starter = next(a for a in parsed.find("section") if a.get("id") == "workspace")["data-starter"]
    assert starter and json.loads(starter)["cpp"].startswith("#include <bits/stdc++.h>") and "<bits/" not in html


async def test_not_found_pages_are_html(client: aiohttp.ClientSession) -> None:
    for path in ("/problems/nope", "/problems/..%2Fetc", "/submissions/0123456789abcdef", "/submissions/x"):
        html = await page(client, path, status=404)
        assert "Not found" in html and "Back to the problems" in html


async def test_hostile_problem_files_are_escaped(client: aiohttp.ClientSession) -> None:
    html = await page(client, "/problems/hostile")
    assert XSS_PAYLOAD not in html and "<img src=x" not in html and "<i>title</i>" not in html
    assert "&lt;script&gt;window.__pwned = 1" in html and "&lt;img src=x onerror=" in html
    assert "Hostile &lt;i&gt;title&lt;/i&gt;" in html and "&lt;b&gt;tag&lt;/b&gt;" in html
    assert "<strong>bold</strong>" in html and "<table>" in html, "Markdown still renders"
    assert "</textarea><script>" not in html, "the starter code cannot close its textarea"
    assert_no_inline_code(html)
    listing = await page(client, "/")
    assert XSS_PAYLOAD not in listing and "Hostile &lt;i&gt;title&lt;/i&gt;" in listing


def test_markdown_never_passes_html_or_script_links() -> None:
    html = str(
        render_markdown("<b>x</b> [a](javascript:alert(1)) [b](https://example.org) ![c](data:image/png;base64,AA)")
    )
    assert "<b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert 'href="javascript:' not in html and 'href="https://example.org"' in html
    assert '<img src="data:image/png;base64,AA"' in html


def test_first_difference() -> None:
    assert first_difference("3\n7\n", "3\n7") is None
    assert first_difference("3 \n7\n\n", "3\n7\n") is None, "trailing blanks do not count"
    d = first_difference("3\n7\n", "3\n8\n")
    assert d is not None and (d.line, d.column, d.expected, d.actual) == (1, 0, "7", "8")
    d = first_difference("3\n7\n", "3\n")
    assert d is not None and (d.line, d.actual) == (1, None)
    lines = marked_lines("3\n", d)
    assert [line.differs for line in lines] == [False, True], "a missing line is marked too"
    d = first_difference("hello world", "hello there")
    assert d is not None and d.column == 6
    (line,) = marked_lines("hello there", d)
    assert (line.before, line.marked, line.after) == ("hello ", "t", "here")


def test_queue_places_in_words() -> None:
    places = {1: "next", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 22: "22nd",
              101: "101st", 111: "111th", 200: "200th"}  # fmt: skip
    assert {n: in_line(n) for n in places} == {n: f"{word} in line" for n, word in places.items()}


def test_every_verdict_has_an_icon_and_a_name() -> None:
    assert set(VERDICTS) == set(Verdict)


# Every character beyond ASCII that the pages show, each checked against Unicode's emoji-data.txt:
# none has the Emoji property, so no system draws one from a colour emoji font (U+26A0 and U+2600,
# once used here, do). A new one must be checked the same way before it joins the list.
PLAIN_GLYPHS = set("“”·\u2013…✓✗\u203a⟨⟩☾☼◷●▦⌘≡△◐")  # with an en dash and a single angle quote


def test_no_glyph_needs_an_emoji_font() -> None:
    files = [*TEMPLATES_DIR.glob("*.html"), *STATIC_DIR.glob("*.js"), STATIC_DIR / "app.css"]
    texts = [path.read_text() for path in files] + [icon for icon, _name in VERDICTS.values()]
    found = {char for text in texts for char in text if ord(char) > 127}
    assert found <= PLAIN_GLYPHS, f"check against emoji-data.txt, then list: {sorted(found - PLAIN_GLYPHS)}"


async def test_security_headers_on_every_response(client: aiohttp.ClientSession, server: TestServer) -> None:
    nonces = set()
    for path in [*PAGES, "/api/problems", "/health", "/static/app.js", "/no-such-path"]:
        async with client.get(path) as r:
            csp = r.headers["Content-Security-Policy"]
            assert r.headers["X-Content-Type-Options"] == "nosniff", path
            assert r.headers["X-Frame-Options"] == "DENY" and r.headers["Referrer-Policy"] == "same-origin", path
            directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
            assert directives["default-src"] == "'none'" and directives["script-src"] == "'self'", path
            assert directives["frame-ancestors"] == "'none'" and directives["base-uri"] == "'none'", path
            assert f"ws://{server.host}:{server.port}" in directives["connect-src"], path
            assert "unsafe" not in csp, path
            if r.content_type == "text/html":
                html = await r.text()
                meta = re.search(r'<meta name="csp-nonce" content="([^"]+)">', html)
                assert meta and directives["style-src"] == f"'self' 'nonce-{meta.group(1)}'", path
                nonces.add(meta.group(1))
    assert len(nonces) == len(PAGES), "a new nonce for every page"
    async with client.get("/", headers={"Host": "evil;script-src *"}) as r:
        assert "evil" not in r.headers["Content-Security-Policy"]


async def test_pages_have_no_inline_code_and_nothing_from_outside(client: aiohttp.ClientSession) -> None:
    for path in PAGES:
        async with client.get(path) as r:
            html = await r.text()
        parsed = assert_no_inline_code(html)
        for attrs in parsed.find("link") + parsed.find("script"):
            assert (attrs.get("href") or attrs.get("src") or "").startswith("/static/"), (path, attrs)
    for template in TEMPLATES_DIR.glob("*.html"):
        assert not re.search(r"(src|href)=\"(https?:)?//", template.read_text()), template
    for script in STATIC_DIR.glob("*.js"):
        unsafe = re.search(r"\.(inner|outer)HTML\s*=|insertAdjacentHTML|document\.write", script.read_text())
        assert unsafe is None, f"{script.name} builds the DOM from text nodes only"


async def test_static_files(client: aiohttp.ClientSession) -> None:
    for path, kind in [("/static/app.js", "javascript"), ("/static/vendor/codemirror.js", "javascript"),
                       ("/static/vendor/htmx.min.js", "javascript"), ("/static/app.css", "text/css")]:  # fmt: skip
        async with client.get(path) as r:
            assert r.status == 200 and kind in r.content_type, path
            assert r.headers["Cache-Control"] == "no-cache"
    async with client.get("/static/../codearena/app.py") as r:
        assert r.status in (403, 404)
    readme = (WEB_DIR / "static" / "vendor" / "README.md").read_text()
    for package in ("@codemirror/view", "htmx.org", "esbuild", "build.sh"):
        assert package in readme


async def test_csrf_token_guards_the_html_form(server: TestServer) -> None:
    async with visitor(server) as alice, visitor(server) as mallory:
        token = csrf_of(await page(alice, "/problems/a-plus-b"))
        assert token == csrf_of(await page(alice, "/problems/hostile")), "one token per session"
        other = csrf_of(await page(mallory, "/problems/a-plus-b"))
        assert other != token
        form = {"language": "python", "source": "print(1)"}
        for data in (form, {**form, "csrf_token": "0" * 32}, {**form, "csrf_token": other}):
            async with alice.post("/problems/a-plus-b/submit", data=data, allow_redirects=False) as r:
                assert r.status == 403 and "The form has expired" in await r.text()
        async with alice.post("/problems/a-plus-b/submit", data={**form, "csrf_token": token},
                              headers={"Origin": "http://evil.example"}, allow_redirects=False) as r:  # fmt: skip
            assert r.status == 403, "a foreign Origin is refused before the token is even read"
        async with alice.post("/problems/a-plus-b/submit", data={**form, "csrf_token": token, "language": "cobol"},
                              allow_redirects=False) as r:  # fmt: skip
            html = await r.text()
            assert r.status == 400 and "unknown language" in html and csrf_of(html) == token


@pytest.mark.docker
async def test_html_form_submits_and_history_and_marks(docker_server: TestServer) -> None:
    server = docker_server
    async with visitor(server) as client:
        await html_form_submits_and_history_and_marks(server, client)


async def html_form_submits_and_history_and_marks(server: TestServer, client: aiohttp.ClientSession) -> None:
    token = csrf_of(await page(client, "/problems/a-plus-b"))
    async with client.post(
        "/problems/a-plus-b/submit",
        data={
            "csrf_token": token,
            "language": "python",
            "source": solution("first_pair_only.py").replace("\n", "\r\n"),
        },
        allow_redirects=False,
    ) as r:
        assert r.status == 303, await r.text()
        wrong = r.headers["Location"].rsplit("/", 1)[1]
    await wait_completed(client, wrong)
    assert "Attempted" in await page(client, "/")
    accepted = await submit(client, "a-plus-b", "cpp", solution("accepted.cpp"))
    await wait_completed(client, accepted)
    assert "Solved" in await page(client, "/")
    history = await page(client, "/submissions")
    assert history.index(f"/submissions/{accepted}") < history.index(f"/submissions/{wrong}"), "newest first"
    assert "C++17 (g++)" in history and "Wrong answer" in history and "Accepted" in history
    only = await page(client, "/submissions?problem=a-plus-b")
    assert f"/submissions/{accepted}" in only and "show all" in only
    submission = await page(client, f"/submissions/{wrong}")
    assert "n = int(input())" in submission and "\r" not in submission, "the code, its line breaks normalised"
    assert 'class="line diff-line"' in submission and "First difference on line 2" in submission
    assert 'id="overall-verdict" data-verdict="wrong_answer"' in submission
    async with visitor(server) as stranger:
        assert "No submissions yet" in await page(stranger, "/submissions")
        theirs = await page(stranger, f"/submissions/{wrong}")
        assert "n = int(input())" not in theirs and "Only the visitor who submitted this code" in theirs
    # A script without cookies, token or Origin still uses the JSON API.
    async with (
        aiohttp.ClientSession(base_url=server.make_url("")) as curl,
        curl.post("/api/run", json={"language": "python", "source": "print(6 * 7)"}) as r,
    ):
        assert r.status == 200 and (await r.json())["stdout"] == "42\n"


@pytest.mark.docker
async def test_submission_page_while_judging(docker_client: aiohttp.ClientSession) -> None:
    client = docker_client
    slow = "import time\ntime.sleep(0.3)\n" + solution("accepted.py")
    submission_id = await submit(client, "a-plus-b", "python", slow)
    html = await page(client, f"/submissions/{submission_id}")
    status = re.search(r'<div class="results-body" data-submission-id="[0-9a-f]+" data-status="(\w+)"', html)
    assert status and status.group(1) in ("queued", "compiling", "running"), "the page follows it live"
    assert 'class="test pending"' in html and "Waiting" in html and 'id="overall-verdict"' not in html
    await wait_completed(client, submission_id)
    html = await page(client, f"/submissions/{submission_id}")
    assert 'data-status="completed"' in html and "pending" not in html and "10 / 10 tests passed" in html


@pytest.mark.docker
async def test_hostile_source_and_output_are_escaped(docker_client: aiohttp.ClientSession) -> None:
    client = docker_client
    submission_id = await submit(client, "a-plus-b", "python", XSS_PROGRAM)
    body = await wait_completed(client, submission_id)
    assert body["verdict"] == "wrong_answer" and XSS_PAYLOAD in body["tests"][0]["output"]
    for path in (f"/submissions/{submission_id}", f"/submissions/{submission_id}/results"):
        html = await page(client, path)
        assert XSS_PAYLOAD not in html and "<img src=x" not in html and "<script>window" not in html
        assert "&lt;script&gt;window.__pwned = 1" in html, "shown, as text"
        assert html.count("&lt;img src=x onerror=") >= 2, "in the output and in stderr"
        assert_no_inline_code(html)
    hostile = await submit(client, "hostile", "python", XSS_PROGRAM)
    done = await wait_completed(client, hostile)
    assert done["tests"][0]["input"] == XSS_PAYLOAD + "\n"
    html = await page(client, f"/submissions/{hostile}")
    assert XSS_PAYLOAD not in html
    assert_no_inline_code(html)


async def test_degraded_banner_without_docker(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOCKER_HOST", f"unix://{tmp_path}/no-docker.sock")
    test_server = TestServer(init_app(settings.model_copy(update={"database_path": tmp_path / "db.sqlite"})))
    async with test_server, visitor(test_server) as client:
        html = await page(client, "/")
        banner = re.search(r'<div id="health-banner" class="banner" role="alert"( hidden)?>(.*?)</div>', html, re.S)
        assert banner and banner.group(1) is None, "shown"
        assert "cannot reach Docker" in banner.group(2) and "Docker is not reachable" in banner.group(2)
        html = await page(client, "/problems/a-plus-b")
        form = {"csrf_token": csrf_of(html), "language": "python", "source": "print(1)"}
        async with client.post("/problems/a-plus-b/submit", data=form, allow_redirects=False) as r:
            text = await r.text()
            assert r.status == 503 and 'id="form-error"' in text and "Docker is not reachable" in text


async def test_banner_hidden_when_healthy(client: aiohttp.ClientSession) -> None:
    html = await page(client, "/")
    assert '<div id="health-banner" class="banner" role="alert" hidden>' in html
