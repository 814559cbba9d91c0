"""Which languages a server offers, on the fake engine: its sandbox tier's; on a function problem
only those with a harness (the page's select, the API's list and starter code, a 4xx for the
rest); a stdin problem without starter code of its own in a language starts from the language's."""

from __future__ import annotations

import subprocess
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, cast

import aiohttp
import pytest_asyncio
from aiohttp.test_utils import TestServer
from fakes import FakeEngine
from test_views import assert_no_inline_code

from codearena.config import Settings
from codearena.engine import sandbox_image
from codearena.languages import TIERS, Language, load_languages
from codearena.paths import IMAGE_SOURCES, PROBLEMS_DIR, SANDBOX_DIR, sandbox_image_tag
from codearena.problems import harness
from codearena.problems.native import load_problems
from codearena.services.similarity import SimilarityService
from codearena.web.app import init_app
from server_helpers import submit

HARNESS = ["python", "javascript", "java", "cpp"]  # the original four, with function harnesses
NEW = ["c", "go", "rust", "ruby", "kotlin", "csharp", "typescript", "php", "bash"]
CORE = [*HARNESS, "c", "bash"]  # the core tier: gcc comes with g++, bash with Debian


def visitor(server: TestServer) -> aiohttp.ClientSession:
    return aiohttp.ClientSession(base_url=server.make_url(""), cookie_jar=aiohttp.CookieJar(unsafe=True))


@pytest_asyncio.fixture
async def core_server(settings: Settings, tmp_path: Path) -> AsyncIterator[TestServer]:
    """A server configured for the core tier's image (the fake engine takes what it is given)."""
    changes = {"database_path": tmp_path / "codearena.db", "rate_limit_enabled": False, "sandbox_tier": "core"}
    languages: dict[str, Language] = {}  # the app hands the engine its own dict
    server = TestServer(init_app(settings.model_copy(update=changes), engine_factory=FakeEngine(languages).factory))
    async with server:
        yield server


def options(page: str) -> list[str]:
    return [attrs["value"] or "" for attrs in assert_no_inline_code(page).find("option")]


async def test_the_full_tier_offers_thirteen_languages_and_says_where_they_run(fake_server: TestServer) -> None:
    async with visitor(fake_server) as client, client.get("/api/languages") as r:
        offered = await r.json()
    assert [lang["id"] for lang in offered] == HARNESS + NEW
    tiers = {lang["id"]: lang["tier"] for lang in offered}
    assert tiers == {lang: "core" if lang in CORE else "full" for lang in HARNESS + NEW}
    assert {lang["image"] for lang in offered} == {sandbox_image_tag("full")}
    assert sandbox_image_tag("full").startswith("codearena-sandbox:full-")


async def test_a_core_tier_server_offers_six_languages(core_server: TestServer) -> None:
    async with visitor(core_server) as client:
        async with client.get("/api/languages") as r:
            offered = await r.json()
        async with client.get("/api/problems/a-plus-b") as r:
            detail = await r.json()
        async with client.get("/problems/a-plus-b") as r:
            page = await r.text()
        body = {"problem": "a-plus-b", "language": "go", "source": "package main\n"}
        async with client.post("/api/submissions", json=body) as r:
            refused = await r.json()
            status = r.status
    assert [lang["id"] for lang in offered] == CORE
    assert {lang["image"] for lang in offered} == {sandbox_image_tag("core")} != {sandbox_image_tag("full")}
    assert detail["languages"] == CORE and set(detail["starter_code"]) == set(CORE)
    assert options(page) == CORE
    assert status == 400 and refused["error"]["code"] == "unknown_language"


async def test_a_function_problem_offers_only_the_languages_with_a_harness(fake_server: TestServer) -> None:
    assert sorted(harness.GENERATORS) == sorted(HARNESS), "the harnesses are the original four's"
    async with visitor(fake_server) as client:
        async with client.get("/api/problems/two-sum") as r:
            detail = await r.json()
        async with client.get("/problems/two-sum") as r:
            page = await r.text()
        refusals = []
        for language in NEW:
            for path in ("/api/submissions", "/api/run"):
                body = {"problem": "two-sum", "language": language, "source": "x", "stdin": ""}
                async with client.post(path, json=body) as r:
                    refusals.append((path, language, r.status, (await r.json())["error"]["code"]))
    assert detail["languages"] == HARNESS and set(detail["starter_code"]) == set(HARNESS)
    assert options(page) == HARNESS
    paths = ("/api/submissions", "/api/run")
    assert refusals == [(path, lang, 400, "unsupported_language") for lang in NEW for path in paths]


async def test_a_stdin_problem_offers_every_language_with_a_starter(fake_server: TestServer) -> None:
    languages = load_languages()
    async with visitor(fake_server) as client:
        async with client.get("/api/problems/a-plus-b") as r:
            a_plus_b = await r.json()
        async with client.get("/api/problems/guess-the-number") as r:
            guess = await r.json()
        async with client.get("/problems/a-plus-b") as r:
            page = await r.text()
    assert a_plus_b["languages"] == guess["languages"] == options(page) == HARNESS + NEW
    # a-plus-b has its own starter in every language; guess-the-number in the four, and the
    # others start from the language's generic one.
    assert all("TODO: print a + b" in a_plus_b["starter_code"][lang] for lang in HARNESS + NEW)
    assert all(guess["starter_code"][lang] == languages[lang].starter for lang in NEW)
    assert all(guess["starter_code"][lang] != languages[lang].starter for lang in HARNESS)


def test_the_image_follows_the_tier_unless_one_is_named(settings: Settings) -> None:
    assert sandbox_image(settings) == sandbox_image_tag("full")
    assert sandbox_image(settings.model_copy(update={"sandbox_tier": "core"})) == sandbox_image_tag("core")
    assert sandbox_image(settings.model_copy(update={"sandbox_image": "mine:1"})) == "mine:1"


def test_the_image_tag_is_the_one_build_image_sh_gives() -> None:
    """codearena/paths.py and sandbox/build-image.sh hash the same files into the same tag."""
    script = (SANDBOX_DIR / "build-image.sh").read_text()
    files = " ".join(IMAGE_SOURCES)
    assert f'TAG="codearena-sandbox:$TIER-$(cat {files} | sha256sum | cut -c1-12)"' in script
    shell = subprocess.run(["sh", "-c", f"cat {files} | sha256sum | cut -c1-12"], cwd=SANDBOX_DIR,
                           capture_output=True, text=True, check=True)  # fmt: skip
    for tier in TIERS:
        assert sandbox_image_tag(tier) == f"codearena-sandbox:{tier}-{shell.stdout.strip()}"


def test_similarity_leaves_out_the_starter_a_submission_began_from() -> None:
    """Two Go solutions of a stdin problem share the generic starter's lines: they are boilerplate."""
    languages = load_languages()
    problems, _ = load_problems(PROBLEMS_DIR, set(languages))
    unused = cast(Any, None)
    service = SimilarityService(unused, unused, unused, problems, unused, languages)
    assert service._starter("guess-the-number", "go") == languages["go"].starter
    assert service._starter("guess-the-number", "python") == problems["guess-the-number"].starter_code["python"]
    assert service._starter("two-sum", "go") == "" and service._starter("no-such-problem", "go") == ""


async def test_a_c_submission_is_shown_with_the_cpp_grammar(fake_server: TestServer) -> None:
    async with visitor(fake_server) as client:
        submission_id = await submit(client, "a-plus-b", "c", "accept")
        async with client.get(f"/submissions/{submission_id}") as r:
            page = await r.text()
        async with client.get("/problems/a-plus-b") as r:
            problem_page = await r.text()
    assert 'data-language="c" data-highlight="cpp"' in page
    assert '<option value="c" data-version="" data-highlight="cpp"' in problem_page
    assert '<option value="go" data-version="" data-highlight="go"' in problem_page
