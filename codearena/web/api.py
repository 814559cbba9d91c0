"""The JSON API: languages, problems, submissions, run, health and metrics."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from aiohttp import web

from codearena.domain.submission import Submission
from codearena.problems.model import SLUG, Difficulty, Problem
from codearena.web.errors import ApiError, json_body
from codearena.web.keys import (
    ENGINE,
    ENGINE_ERROR,
    LANGUAGES,
    LIMITER,
    LIVE,
    PROBLEMS,
    QUEUE,
    SESSION,
    SETTINGS,
    SUBMISSIONS,
)
from codearena.worker import QueueFull

SUBMISSION_ID = re.compile(r"^[0-9a-f]{16}$")
MAX_PAGE = 100
SAMPLE_TEXT_LIMIT = 64 * 1024

routes = web.RouteTableDef()


def problem_summary(problem: Problem) -> dict[str, Any]:
    return {"slug": problem.slug, "title": problem.title, "difficulty": problem.difficulty.value, "tags": problem.tags}


def _text(path: Any) -> str:
    data: bytes = path.read_bytes()[:SAMPLE_TEXT_LIMIT]
    return data.decode("utf-8", "replace")


def problem_detail(app: web.Application, problem: Problem) -> dict[str, Any]:
    return {
        **problem_summary(problem),
        "statement": problem.statement,
        "time_limit_ms": problem.limits.time_limit_ms,
        "memory_limit_mb": problem.limits.memory_limit_mb,
        "samples": [{"input": _text(t.input_path), "output": _text(t.answer_path)} for t in problem.samples],
        "starter_code": problem.starter_code,
        "languages": [lang.id for lang in app[LANGUAGES].values()],
    }


def get_problem(request: web.Request, slug: str) -> Problem:
    problem = request.app[PROBLEMS].get(slug) if SLUG.match(slug) else None
    if problem is None:
        raise ApiError(404, "problem_not_found", f"no problem {slug!r}")
    return problem


@routes.get("/health")
async def health(request: web.Request) -> web.Response:
    app = request.app
    engine = app.get(ENGINE)
    docker_ok = engine is not None and await engine.docker_up()
    queue = app.get(QUEUE)
    body: dict[str, object] = {
        "status": "ok" if docker_ok else "degraded",
        "docker": docker_ok,
        "queue_depth": queue.depth if queue else 0,
        "pool": engine.pool_state() if engine else {},
    }
    if not docker_ok:
        reason: str = app.get(ENGINE_ERROR, "") or "Docker is unreachable"
        body["message"] = reason
    return web.json_response(body, status=200 if docker_ok else 503)


@routes.get("/api/languages")
async def languages(request: web.Request) -> web.Response:
    return web.json_response(
        [{"id": lang.id, "name": lang.name, "version": lang.version} for lang in request.app[LANGUAGES].values()]
    )


@routes.get("/api/problems")
async def problems(request: web.Request) -> web.Response:
    difficulty = request.query.get("difficulty")
    tag = request.query.get("tag")
    if difficulty is not None and difficulty not in {d.value for d in Difficulty}:
        raise ApiError(400, "invalid_filter", f"difficulty must be one of easy, medium, hard, not {difficulty!r}")
    if tag is not None and all(tag not in p.tags for p in request.app[PROBLEMS].values()):
        raise ApiError(400, "invalid_filter", f"no problem has the tag {tag!r}")
    found = [
        problem_summary(p)
        for p in request.app[PROBLEMS].values()
        if (difficulty is None or p.difficulty.value == difficulty) and (tag is None or tag in p.tags)
    ]
    return web.json_response(found)


@routes.get("/api/problems/{slug}")
async def problem(request: web.Request) -> web.Response:
    return web.json_response(problem_detail(request.app, get_problem(request, request.match_info["slug"])))


def _source_and_language(request: web.Request, data: Mapping[str, object]) -> tuple[str, str]:
    settings = request.app[SETTINGS]
    language, source = data.get("language"), data.get("source")
    languages = request.app[LANGUAGES]
    known = list(languages)
    if not isinstance(language, str):
        raise ApiError(400, "invalid_language", "'language' must be a string: one of " + ", ".join(known))
    if language not in known:
        raise ApiError(400, "unknown_language", f"unknown language {language!r}; known: " + ", ".join(known))
    if not isinstance(source, str):
        raise ApiError(400, "invalid_source", "'source' must be a string")
    if not source.strip():
        raise ApiError(400, "empty_source", "'source' is empty")
    if len(source.encode("utf-8", "surrogatepass")) > settings.max_source_kb * 1024:
        raise ApiError(413, "source_too_large", f"'source' is over the limit of {settings.max_source_kb} KiB")
    return language, source


def _rate_limit(request: web.Request) -> None:
    wait_s = request.app[LIMITER].check("session:" + request[SESSION], "addr:" + (request.remote or "?"))
    if wait_s:
        raise ApiError(429, "rate_limited", f"too many requests; retry in {wait_s} s", retry_after_s=wait_s)


def _require_engine(request: web.Request) -> None:
    if ENGINE not in request.app:
        message = request.app.get(ENGINE_ERROR) or "the judge is not running"
        raise ApiError(503, "judge_unavailable", message, retry_after_s=30)


async def enqueue_submission(request: web.Request, data: Mapping[str, object]) -> Submission:
    """Check a submission's fields, store it for the caller's session and queue it for judging."""
    slug = data.get("problem")
    if not isinstance(slug, str):
        raise ApiError(400, "invalid_problem", "'problem' must be a problem slug")
    language, source = _source_and_language(request, data)
    problem = get_problem(request, slug)
    _require_engine(request)
    queue = request.app[QUEUE]
    if queue.depth >= queue.max_depth:
        raise ApiError(503, "queue_full", f"{queue.depth} submissions are waiting; retry later", retry_after_s=5)
    _rate_limit(request)
    row = await request.app[SUBMISSIONS].create(request[SESSION], problem.slug, language, source)
    try:
        await queue.submit(row.id)
    except QueueFull as exc:
        # Stored but not queued: the next start re-queues it, so it is not lost either way.
        raise ApiError(503, "queue_full", str(exc), retry_after_s=5) from exc
    return row


@routes.post("/api/submissions")
async def create_submission(request: web.Request) -> web.Response:
    settings = request.app[SETTINGS]
    row = await enqueue_submission(request, await json_body(request, settings.max_source_kb * 1024 + 16 * 1024))
    return web.json_response({"id": row.id, "status": row.status.value}, status=202)


async def submission_json(request: web.Request, row: Submission) -> dict[str, Any]:
    problem = request.app[PROBLEMS].get(row.problem)
    samples = {t.index: t for t in problem.samples} if problem else {}
    results = row.tests
    if not results:  # still being judged: the results so far
        progress = request.app[LIVE].progress(row.id)
        results = list(progress.tests) if progress else []
    tests: list[dict[str, Any]] = []
    for t in results:
        item: dict[str, Any] = {"index": t.index, "verdict": t.verdict.value, "time_ms": t.time_ms,
                                "memory_kb": t.memory_kb}  # fmt: skip
        case = samples.get(t.index)
        if case is not None:
            item.update(input=_text(case.input_path), expected=_text(case.answer_path), output=t.output or "",
                        stderr=t.stderr, checker_message=t.checker_message)  # fmt: skip
        tests.append(item)
    return {
        "id": row.id, "problem": row.problem, "language": row.language, "status": row.status.value,
        "verdict": row.verdict, "passed": row.passed, "total": row.total, "time_ms": row.time_ms,
        "memory_kb": row.memory_kb, "compile_output": row.compile_output, "tests": tests,
        "created_at": row.created_at,
    }  # fmt: skip


async def get_submission_row(request: web.Request, submission_id: str) -> Submission:
    row = await request.app[SUBMISSIONS].get(submission_id) if SUBMISSION_ID.match(submission_id) else None
    if row is None:
        raise ApiError(404, "submission_not_found", f"no submission {submission_id!r}")
    return row


@routes.get("/api/submissions/{id}")
async def get_submission(request: web.Request) -> web.Response:
    row = await get_submission_row(request, request.match_info["id"])
    data = await submission_json(request, row)
    data["source"] = row.source if row.session == request[SESSION] else None
    return web.json_response(data)


def _listing_args(request: web.Request) -> tuple[str | None, int]:
    problem = request.query.get("problem") or None
    if problem is not None and problem not in request.app[PROBLEMS]:
        raise ApiError(400, "invalid_filter", f"no problem {problem!r}")
    raw = request.query.get("limit", "20")
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_PAGE:
        raise ApiError(400, "invalid_filter", f"limit must be a whole number from 1 to {MAX_PAGE}, not {raw!r}")
    return problem, int(raw)


@routes.get("/api/submissions")
async def list_submissions(request: web.Request) -> web.Response:
    problem, limit = _listing_args(request)
    before = request.query.get("before") or None
    rows = await request.app[SUBMISSIONS].list_by_session(request[SESSION], problem, limit, before)
    return web.json_response([
        {"id": r.id, "problem": r.problem, "language": r.language, "status": r.status.value, "verdict": r.verdict,
         "passed": r.passed, "total": r.total, "time_ms": r.time_ms, "memory_kb": r.memory_kb,
         "created_at": r.created_at}
        for r in rows
    ])  # fmt: skip


@routes.get("/api/history")
async def history(request: web.Request) -> web.StreamResponse:
    return await list_submissions(request)


@routes.post("/api/run")
async def run(request: web.Request) -> web.Response:
    settings = request.app[SETTINGS]
    data = await json_body(request, (settings.max_source_kb + settings.max_stdin_kb) * 1024 + 16 * 1024)
    language, source = _source_and_language(request, data)
    stdin = data.get("stdin", "")
    if not isinstance(stdin, str):
        raise ApiError(400, "invalid_stdin", "'stdin' must be a string")
    if len(stdin.encode("utf-8", "surrogatepass")) > settings.max_stdin_kb * 1024:
        raise ApiError(413, "stdin_too_large", f"'stdin' is over the limit of {settings.max_stdin_kb} KiB")
    _require_engine(request)
    _rate_limit(request)
    engine = request.app[ENGINE]
    outcome = await engine.run(engine.languages[language], source, stdin)
    return web.json_response(outcome.model_dump())
