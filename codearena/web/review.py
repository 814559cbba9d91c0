"""The instructor's view: a course's submissions with filters, a student's history, diffs, re-judging: pages and API.

Only the course's instructors and admins reach it (services/review.py decides); in open mode the
API answers that accounts are off and the pages say so.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from aiohttp import web

from codearena.domain.submission import Submission
from codearena.domain.verdicts import Verdict
from codearena.services.errors import ServiceError
from codearena.services.review import Page, Report, ReviewService
from codearena.services.submissions import MAX_PAGE
from codearena.store.review import CourseSubmission, Outcome, ReviewStore
from codearena.web.accounts import FORM_BYTES, accounts_on, form_of, refused, see_other
from codearena.web.errors import ApiError, json_body
from codearena.web.keys import DATABASE, ENGINE_ERROR, LANGUAGES, PROBLEMS, QUEUE, SUBMISSIONS, VIEWER
from codearena.web.views import render, wants_fragment

routes = web.RouteTableDef()
FILTERS = ("student", "problem", "verdict", "from", "to", "late")


def service(request: web.Request) -> ReviewService:
    app = request.app
    problems = app[PROBLEMS]
    return ReviewService(ReviewStore(app[DATABASE]), app[SUBMISSIONS], problems, app.get(QUEUE),
                         app.get(ENGINE_ERROR) or "the judge is not running")  # fmt: skip


def row_json(r: CourseSubmission) -> dict[str, Any]:
    return {"id": r.id, "user": {"id": r.user_id, "username": r.username, "name": r.name}, "problem": r.problem,
            "language": r.language, "status": r.status, "verdict": r.verdict, "passed": r.passed, "total": r.total,
            "time_ms": r.time_ms, "memory_kb": r.memory_kb, "created_at": r.created_at, "late": r.late}  # fmt: skip


def page_json(page: Page) -> dict[str, Any]:
    return {
        "course": page.course.slug,
        "submissions": [row_json(r) for r in page.rows],
        "next_before": page.next_before,
    }


def outcome_json(o: Outcome) -> dict[str, Any]:
    return {"submission": o.submission_id, "username": o.username, "problem": o.problem, "status": o.status,
            "before": {"verdict": o.before_verdict, "passed": o.before_passed, "total": o.before_total},
            "after": {"verdict": o.verdict, "passed": o.passed, "total": o.total} if not o.judging else None,
            "changed": o.changed}  # fmt: skip


def report_json(report: Report) -> dict[str, Any]:
    r = report.rejudge
    return {"id": r.id, "course": report.course.slug, "created_at": r.created_at, "scope": r.scope,
            "counts": {"changed": report.changed, "unchanged": report.unchanged, "judging": report.judging},
            "submissions": [outcome_json(o) for o in report.outcomes]}  # fmt: skip


def limit_of(request: web.Request) -> int:
    raw = request.query.get("limit", "50")
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_PAGE:
        raise ApiError(400, "invalid_filter", f"limit must be a whole number from 1 to {MAX_PAGE}, not {raw!r}")
    return int(raw)


# --- API


@routes.get("/api/courses/{slug}/submissions")
async def api_submissions(request: web.Request) -> web.Response:
    accounts_on(request)
    page = await service(request).listing(request[VIEWER], request.match_info["slug"], request.query,
                                          limit_of(request))  # fmt: skip
    return web.json_response(page_json(page))


@routes.get("/api/courses/{slug}/students/{user_id:[0-9]+}")
async def api_student(request: web.Request) -> web.Response:
    accounts_on(request)
    user_id = int(request.match_info["user_id"])
    page, name = await service(request).student(request[VIEWER], request.match_info["slug"], user_id, request.query)
    return web.json_response({"user": {"id": user_id, "name": name}, **page_json(page)})


@routes.get("/api/courses/{slug}/diff")
async def api_diff(request: web.Request) -> web.Response:
    accounts_on(request)
    a, b = request.query.get("a", ""), request.query.get("b", "")
    diff = await service(request).diff(request[VIEWER], request.match_info["slug"], a, b)
    lines = [{"sign": d.sign, "text": d.text} for d in diff.lines]
    return web.json_response({"a": diff.a.id, "b": diff.b.id, "lines": lines})


@routes.post("/api/courses/{slug}/rejudge")
async def api_rejudge(request: web.Request) -> web.Response:
    accounts_on(request)
    data = await json_body(request, FORM_BYTES)
    reviews = service(request)
    rejudge_id = await reviews.rejudge(request[VIEWER], request.match_info["slug"], data)
    return web.json_response(report_json(await reviews.report(request[VIEWER], rejudge_id)), status=202)


@routes.get("/api/rejudges/{id:[0-9]+}")
async def api_report(request: web.Request) -> web.Response:
    accounts_on(request)
    report = await service(request).report(request[VIEWER], int(request.match_info["id"]))
    return web.json_response(report_json(report))


# --- pages


def verdict_names() -> list[tuple[str, str]]:
    return [(v.value, v.value.replace("_", " ").capitalize()) for v in Verdict]


def older_url(request: web.Request, before: str | None) -> str | None:
    """The next page's address, with the same filters."""
    if before is None:
        return None
    kept = {k: v for k, v in request.query.items() if k in FILTERS and v}
    return f"{request.path}?{urlencode({**kept, 'before': before})}"


@routes.get("/courses/{slug}/submissions")
async def submissions_page(request: web.Request) -> web.Response:
    reviews = service(request)
    try:
        accounts_on(request)
        page = await reviews.listing(request[VIEWER], request.match_info["slug"], request.query)
    except ServiceError as exc:
        return refused(request, exc)
    context: dict[str, Any] = {"course": page.course, "rows": page.rows, "problems": request.app[PROBLEMS],
                               "next_url": older_url(request, page.next_before)}  # fmt: skip
    if wants_fragment(request):
        return render(request, "_review_rows.html", **context)
    query = {k: request.query.get(k, "") for k in FILTERS}
    return render(request, "review_submissions.html", query=query, verdicts=verdict_names(),
                  students=await reviews.store.students(page.course.id),
                  assignments=await reviews.store.assignments(page.course.id), **context)  # fmt: skip


@routes.get("/courses/{slug}/students/{user_id:[0-9]+}")
async def student_page(request: web.Request) -> web.Response:
    try:
        accounts_on(request)
        page, name = await service(request).student(request[VIEWER], request.match_info["slug"],
                                                    int(request.match_info["user_id"]), request.query)  # fmt: skip
    except ServiceError as exc:
        return refused(request, exc)
    return render(request, "review_student.html", course=page.course, rows=page.rows, student_name=name,
                  next_url=older_url(request, page.next_before), problems=request.app[PROBLEMS])  # fmt: skip


@routes.get("/courses/{slug}/diff")
async def diff_page(request: web.Request) -> web.Response:
    try:
        accounts_on(request)
        diff = await service(request).diff(request[VIEWER], request.match_info["slug"], request.query.get("a", ""),
                                           request.query.get("b", ""))  # fmt: skip
    except ServiceError as exc:
        return refused(request, exc)
    return render(request, "review_diff.html", course=diff.course, diff=diff, describe=describe,
                  added=sum(d.sign == "+" for d in diff.lines), removed=sum(d.sign == "-" for d in diff.lines),
                  languages=request.app[LANGUAGES])  # fmt: skip


def describe(submission: Submission) -> str:
    verdict = submission.verdict.value.replace("_", " ") if submission.verdict else submission.status.value
    return f"{submission.created_at[:16].replace('T', ' ')} UTC, {verdict}, {submission.passed}/{submission.total}"


@routes.post("/courses/{slug}/rejudge")
async def rejudge_form(request: web.Request) -> web.StreamResponse:
    form = await form_of(request)
    if isinstance(form, web.Response):
        return form
    slug = request.match_info["slug"]
    try:
        accounts_on(request)
        rejudge_id = await service(request).rejudge(request[VIEWER], slug, form)
    except ServiceError as exc:
        return refused(request, exc)
    return see_other(f"/courses/{slug}/rejudges/{rejudge_id}")


@routes.get("/courses/{slug}/rejudges/{id:[0-9]+}")
async def rejudge_page(request: web.Request) -> web.Response:
    try:
        accounts_on(request)
        report = await service(request).report(request[VIEWER], int(request.match_info["id"]),
                                               request.match_info["slug"])  # fmt: skip
    except ServiceError as exc:
        return refused(request, exc)
    return render(request, "review_rejudge.html", report=report, course=report.course,
                  problems=request.app[PROBLEMS])  # fmt: skip
