"""A contest's jury: every submission of the contest (a page and JSON), and re-judging.

services/contest_jury.py decides who may; in open mode the API answers that accounts are off.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from aiohttp import web

from codearena.domain.grading_rules import parse_time
from codearena.services.contest_jury import ContestJury, JuryPage
from codearena.services.errors import ServiceError
from codearena.services.submissions import MAX_PAGE
from codearena.store.contests import Contest, JurySubmission
from codearena.web.accounts import FORM_BYTES, accounts_on, form_of, refused, see_other
from codearena.web.errors import ApiError, json_body
from codearena.web.keys import CONTESTS, ENGINE_ERROR, LANGUAGES, PROBLEMS, QUEUE, VIEWER
from codearena.web.views import render, wants_fragment

routes = web.RouteTableDef()
FILTERS = ("problem", "participant")


def service(request: web.Request) -> ContestJury:
    accounts_on(request)
    app = request.app
    return ContestJury(app[CONTESTS], app.get(QUEUE), app.get(ENGINE_ERROR) or "the judge is not running")


def since_start(contest: Contest, created_at: str) -> int:
    """Whole seconds from the contest's start to a submission."""
    return int((parse_time(created_at) - parse_time(contest.starts_at)).total_seconds())


def clock(seconds: int) -> str:
    """A contest time as h:mm, as scoreboards show it."""
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}"


def row_json(page: JuryPage, r: JurySubmission) -> dict[str, Any]:
    return {"id": r.id, "at_min": since_start(page.contest, r.created_at) // 60, "created_at": r.created_at,
            "user": {"id": r.user_id, "username": r.username, "name": r.name}, "label": page.label(r.problem),
            "problem": r.problem, "language": r.language, "status": r.status, "verdict": r.verdict,
            "passed": r.passed, "total": r.total}  # fmt: skip


def limit_of(request: web.Request) -> int:
    raw = request.query.get("limit", str(MAX_PAGE))
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_PAGE:
        raise ApiError(400, "invalid_filter", f"limit must be a whole number from 1 to {MAX_PAGE}, not {raw!r}")
    return int(raw)


@routes.get("/api/contests/{slug}/submissions")
async def submissions_json(request: web.Request) -> web.Response:
    """Every submission of the contest, newest first: `problem` (a label), `participant` (a
    username), `before` (the `next_before` of the page before), `limit`."""
    page = await service(request).submissions(request[VIEWER], request.match_info["slug"], request.query,
                                              limit_of(request))  # fmt: skip
    return web.json_response({"contest": page.contest.slug, "submissions": [row_json(page, r) for r in page.rows],
                              "next_before": page.next_before})  # fmt: skip


@routes.post("/api/contests/{slug}/rejudge")
async def rejudge_json(request: web.Request) -> web.Response:
    """`{"submission": id}` or `{"problem": label}`: judge again; 202 with the submissions queued."""
    jury = service(request)
    data = await json_body(request, FORM_BYTES)
    done = await jury.rejudge(request[VIEWER], request.match_info["slug"], data)
    return web.json_response({"id": done.id, "submissions": done.submissions}, status=202)


@routes.get("/contests/{slug}/submissions")
async def submissions_page(request: web.Request) -> web.Response:
    """The jury's page; htmx asks for the table alone when a filter changes or a verdict comes in."""
    try:
        page = await service(request).submissions(request[VIEWER], request.match_info["slug"], request.query)
    except ServiceError as exc:
        return refused(request, exc)
    kept = {k: v for k, v in request.query.items() if k in FILTERS and v}
    next_url = f"{request.path}?{urlencode({**kept, 'before': page.next_before})}" if page.next_before else None
    context: dict[str, Any] = {"page": page, "clock": lambda r: clock(since_start(page.contest, r.created_at)),
                               "problems": request.app[PROBLEMS], "languages": request.app[LANGUAGES],
                               "next_url": next_url, "rejudged": request.query.get("rejudged", "")}  # fmt: skip
    name = "_contest_submission_rows.html" if wants_fragment(request) else "contest_submissions.html"
    return render(request, name, **context)


@routes.post("/contests/{slug}/rejudge")
async def rejudge_form(request: web.Request) -> web.StreamResponse:
    form = await form_of(request)
    if isinstance(form, web.Response):
        return form
    slug = request.match_info["slug"]
    try:
        done = await service(request).rejudge(request[VIEWER], slug, form)
    except ServiceError as exc:
        return refused(request, exc)
    kept = {k: v for k, v in form.items() if k in FILTERS and v and k != "problem"}
    return see_other(f"/contests/{slug}/submissions?{urlencode({**kept, 'rejudged': len(done.submissions)})}")
