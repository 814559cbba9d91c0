"""The JSON API: languages, problems, submissions, run and health."""

from __future__ import annotations

from aiohttp import web

from codearena.engine import sandbox_image
from codearena.services import access
from codearena.services.assignments import require_visible
from codearena.services.problems import filter_problems, find_problem, languages_for, samples
from codearena.services.submissions import MAX_PAGE, check_rate
from codearena.web import wire
from codearena.web.errors import ApiError, json_body
from codearena.web.keys import (
    ASSIGNMENTS,
    ENGINE,
    ENGINE_ERROR,
    LANGUAGES,
    LIMITER,
    PROBLEM_LIBRARY,
    PROBLEMS,
    QUEUE,
    RUN_SERVICE,
    SETTINGS,
    SUBMISSION_SERVICE,
    VIEWER,
)  # fmt: skip

routes = web.RouteTableDef()


@routes.get("/health")
async def health(request: web.Request) -> web.Response:
    app = request.app
    engine = app.get(ENGINE)
    docker_ok = engine is not None and await engine.docker_up()
    queue = app.get(QUEUE)
    engines = engine.engines_state() if engine else []
    down = [e for e in engines if not e["up"]]
    status = "degraded" if not docker_ok else "reduced" if down else "ok"
    body: dict[str, object] = {
        "status": status,
        "docker": docker_ok,
        "queue_depth": queue.depth if queue else 0,
        "pool": engine.pool_state() if engine else {},
        "engines": engines,
    }
    if not docker_ok:
        reason: str = app.get(ENGINE_ERROR, "") or "Docker is unreachable"
        body["message"] = reason
    elif down:
        body["message"] = reduced_capacity(engines)
    return web.json_response(body, status=200 if docker_ok else 503)


def reduced_capacity(engines: list[dict[str, object]]) -> str:
    """What the banner says when some engines are out of the rotation."""
    down = [e for e in engines if not e["up"]]
    total = sum(int(str(e["sandboxes"])) for e in engines)
    left = sum(int(str(e["sandboxes"])) for e in engines if e["up"])
    names = ", ".join(f"{e['name']} ({e['error'] or 'down'})" for e in down)
    return f"{left} of {total} sandboxes can judge; out of the rotation: {names}"


@routes.get("/api/languages")
async def languages(request: web.Request) -> web.Response:
    image = sandbox_image(request.app[SETTINGS])
    return web.json_response([wire.language(lang, image) for lang in request.app[LANGUAGES].values()])


@routes.get("/api/problems")
async def problems(request: web.Request) -> web.Response:
    difficulty = request.query.get("difficulty")
    tag = request.query.get("tag")
    found = filter_problems(request.app[PROBLEMS].values(), difficulty=difficulty, tag=tag)
    visible = await request.app[ASSIGNMENTS].visible_problems(request[VIEWER])
    found = [p for p in found if visible is None or p.slug in visible]
    return web.json_response([wire.problem_summary(p) for p in found])


@routes.get("/api/problems/{slug}")
async def problem(request: web.Request) -> web.Response:
    every = request.app[PROBLEMS]
    found = find_problem(every, request.match_info["slug"])
    await require_visible(request.app[ASSIGNMENTS].visible_problems, request[VIEWER], found.slug)
    languages = languages_for(found, request.app[LANGUAGES].values())
    return web.json_response(wire.problem_detail(found, samples(found), languages))


@routes.post("/api/problems/reload")
async def reload_problems(request: web.Request) -> web.Response:
    """Read problems_dir again now: `{"loaded": n, "errors": [message, ...]}`. A problem that no
    longer loads keeps its previous version (its message says so). Open to every caller in open
    mode, like the rest of the API; instructors and admins only with accounts. It is rate limited
    with submissions."""
    viewer = request[VIEWER]
    if not access.may_reload_problems(viewer, request.app[SETTINGS].auth == "accounts"):
        raise ApiError(403, "forbidden", "only instructors and admins may reload the problems")
    check_rate(request.app[LIMITER], viewer)
    loaded, errors = await request.app[PROBLEM_LIBRARY].reload()
    return web.json_response(wire.reload_report(loaded, errors))


@routes.post("/api/submissions")
async def create_submission(request: web.Request) -> web.Response:
    settings = request.app[SETTINGS]
    data = await json_body(request, settings.max_source_kb * 1024 + 16 * 1024)
    service = request.app[SUBMISSION_SERVICE]
    submission = await service.submit(request[VIEWER], data.get("problem"), data.get("language"), data.get("source"))
    return web.json_response(wire.created(submission, service.queue_position(submission.id)), status=202)


@routes.get("/api/submissions/{id}")
async def get_submission(request: web.Request) -> web.Response:
    view = await request.app[SUBMISSION_SERVICE].view(request[VIEWER], request.match_info["id"])
    return web.json_response(wire.submission(view))


def _listing_args(request: web.Request) -> tuple[str | None, int]:
    problem = request.query.get("problem") or None  # a problem that does not exist lists nothing
    raw = request.query.get("limit", "20")
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_PAGE:
        raise ApiError(400, "invalid_filter", f"limit must be a whole number from 1 to {MAX_PAGE}, not {raw!r}")
    return problem, int(raw)


@routes.get("/api/submissions")
async def list_submissions(request: web.Request) -> web.Response:
    problem, limit = _listing_args(request)
    before = request.query.get("before") or None
    found = await request.app[SUBMISSION_SERVICE].history(request[VIEWER], problem=problem, limit=limit,
                                                          before=before)  # fmt: skip
    return web.json_response(wire.listing(found))


@routes.get("/api/history")
async def history(request: web.Request) -> web.StreamResponse:
    return await list_submissions(request)


@routes.post("/api/run")
async def run(request: web.Request) -> web.Response:
    settings = request.app[SETTINGS]
    data = await json_body(request, (settings.max_source_kb + settings.max_stdin_kb) * 1024 + 16 * 1024)
    # No stdin and a problem: its samples. Neither: an empty input, as before problems could be given.
    stdin = data.get("stdin", None if "problem" in data else "")
    outcome = await request.app[RUN_SERVICE].run(
        request[VIEWER], data.get("language"), data.get("source"), stdin, data.get("problem")
    )
    return web.json_response(wire.run_outcome(outcome))
