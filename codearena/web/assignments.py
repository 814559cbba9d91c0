"""Assignments: problems with points, opening and due times, late rules, extensions, timed
windows, scores and grade export: pages and API.

Only to any effect when `auth = "accounts"`; in open mode the API answers 400 accounts_off.
The rules live in services/assignments.py; this module only reads requests and shapes answers.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from aiohttp import web

from codearena.domain.courses import Course
from codearena.problems.model import Problem
from codearena.services.assignments import AssignmentView, GradeTable, number, utc_to_local
from codearena.services.errors import NotFound, ServiceError
from codearena.web.accounts import FORM_BYTES, accounts_on, form_of, refused, see_other
from codearena.web.errors import json_body, status_of
from codearena.web.keys import ASSIGNMENTS, PROBLEMS, VIEWER
from codearena.web.views import render

routes = web.RouteTableDef()
FormHandler = Callable[[web.Request, Course, AssignmentView | None, dict[str, str]], Awaitable[web.StreamResponse]]
ID = "{id:[0-9]{1,12}}"


def assignment_json(view: AssignmentView, problem_titles: dict[str, Problem]) -> dict[str, Any]:
    a = view.assignment
    body: dict[str, Any] = {
        "id": a.id, "course": view.course.slug, "title": a.title, "opens_at": a.opens_at, "due_at": a.due_at,
        "late_until": a.late_until, "late_rule": a.late_rule, "after_due": a.after_due,
        "time_limit_min": a.time_limit_min, "points": a.points, "rule": view.rule, "problems": None,
    }  # fmt: skip
    if view.problems_shown:
        body["problems"] = [{"problem": p.problem, "title": title_of(problem_titles, p.problem), "points": p.points}
                            for p in a.problems]  # fmt: skip
    if view.score is not None and view.window is not None:
        body["mine"] = {
            "due_at": view.due_at, "started_at": view.started_at,
            "late_until": view.late_until,
            "score": round(view.score.total, 2), "late": view.score.late,
            "problems": {slug: round(s.score, 2) for slug, s in view.score.problems.items()},
        }  # fmt: skip
    return body


def title_of(problems: Mapping[str, Problem], slug: str) -> str:
    problem = problems.get(slug)
    return problem.title if problem else slug


def grades_csv(table: GradeTable) -> str:
    """UTF-8 with a BOM, so that Excel reads the names right; numbers with at most 2 decimals."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([number(v) if isinstance(v, float) else v for v in row])
    return out.getvalue()


def safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", text)[:100] or "course"


def assignment_id(request: web.Request) -> int:
    return int(request.match_info["id"])


# --- API


@routes.get("/api/assignments")
async def api_mine(request: web.Request) -> web.Response:
    accounts_on(request)
    views = await request.app[ASSIGNMENTS].mine(request[VIEWER])
    return web.json_response({"assignments": [assignment_json(v, request.app[PROBLEMS]) for v in views]})


@routes.get("/api/courses/{slug}/assignments")
async def api_course_assignments(request: web.Request) -> web.Response:
    accounts_on(request)
    _, _, views = await request.app[ASSIGNMENTS].of_course(request[VIEWER], request.match_info["slug"])
    return web.json_response({"assignments": [assignment_json(v, request.app[PROBLEMS]) for v in views]})


@routes.post("/api/courses/{slug}/assignments")
async def api_create(request: web.Request) -> web.Response:
    accounts_on(request)
    data = await json_body(request, FORM_BYTES)
    service = request.app[ASSIGNMENTS]
    created = await service.create(request[VIEWER], request.match_info["slug"], data)
    view = await service.view(request[VIEWER], created.id)
    return web.json_response(assignment_json(view, request.app[PROBLEMS]), status=201)


@routes.get(f"/api/assignments/{ID}")
async def api_get(request: web.Request) -> web.Response:
    accounts_on(request)
    view = await request.app[ASSIGNMENTS].view(request[VIEWER], assignment_id(request))
    return web.json_response(assignment_json(view, request.app[PROBLEMS]))


@routes.patch(f"/api/assignments/{ID}")
async def api_update(request: web.Request) -> web.Response:
    accounts_on(request)
    data = await json_body(request, FORM_BYTES)
    service = request.app[ASSIGNMENTS]
    await service.update(request[VIEWER], assignment_id(request), data)
    view = await service.view(request[VIEWER], assignment_id(request))
    return web.json_response(assignment_json(view, request.app[PROBLEMS]))


@routes.post(f"/api/assignments/{ID}/extensions")
async def api_extend(request: web.Request) -> web.Response:
    accounts_on(request)
    data = await json_body(request, FORM_BYTES)
    user_id, extension = await request.app[ASSIGNMENTS].extend(request[VIEWER], assignment_id(request), data)
    body = {"assignment_id": assignment_id(request), "user_id": user_id, "due_at": extension.due_at,
            "late_until": extension.late_until}  # fmt: skip
    return web.json_response(body, status=201)


@routes.post(f"/api/assignments/{ID}/start")
async def api_start(request: web.Request) -> web.Response:
    accounts_on(request)
    view = await request.app[ASSIGNMENTS].start(request[VIEWER], assignment_id(request))
    return web.json_response(assignment_json(view, request.app[PROBLEMS]))


@routes.get("/api/courses/{slug}/grades")
async def api_grades(request: web.Request) -> web.Response:
    accounts_on(request)
    course, table = await request.app[ASSIGNMENTS].grades(request[VIEWER], request.match_info["slug"])
    return web.json_response({"course": course.slug, "columns": table.columns, "rows": table.rows})


# --- pages


@routes.get("/assignments")
async def mine_page(request: web.Request) -> web.Response:
    try:
        accounts_on(request)
        views = await request.app[ASSIGNMENTS].mine(request[VIEWER])
    except ServiceError as exc:
        return refused(request, exc)
    return render(request, "assignments.html", views=views, problems=request.app[PROBLEMS], number=number)


@routes.get(f"/assignments/{ID}")
async def assignment_page(request: web.Request) -> web.Response:
    try:
        accounts_on(request)
        view = await request.app[ASSIGNMENTS].view(request[VIEWER], assignment_id(request))
    except ServiceError as exc:
        return refused(request, exc)
    return render(request, "assignment.html", view=view, problems=request.app[PROBLEMS], number=number, error="")


@routes.post(f"/assignments/{ID}/start")
async def start_form(request: web.Request) -> web.StreamResponse:
    service, number_ = request.app[ASSIGNMENTS], assignment_id(request)
    try:
        accounts_on(request)
        await service.view(request[VIEWER], number_)  # an outsider learns nothing, not even whether CSRF failed
        form = await form_of(request)
        if not isinstance(form, web.Response):
            await service.start(request[VIEWER], number_)
    except ServiceError as exc:
        return refused(request, exc)
    return form if isinstance(form, web.Response) else see_other(f"/assignments/{number_}")


@routes.get("/courses/{slug}/assignments")
async def course_page(request: web.Request) -> web.Response:
    try:
        accounts_on(request)
        course, staff, views = await request.app[ASSIGNMENTS].of_course(request[VIEWER], request.match_info["slug"])
    except ServiceError as exc:
        return refused(request, exc)
    return render(request, "course_assignments.html", course=course, views=views, staff=staff, number=number)


def form_data(form: Mapping[str, str]) -> dict[str, object]:
    """The create/edit form as the API's body: problems one per line, "slug points"."""
    problems = []
    for line in form.get("problems", "").splitlines():
        words = line.split()
        if words:
            problems.append({"problem": words[0], "points": words[1] if len(words) > 1 else 100})
    minutes = form.get("time_limit_min", "").strip()
    data: dict[str, object] = {k: form.get(k, "") for k in ("title", "opens_at", "due_at", "late_rule", "after_due")}
    data.update(problems=problems, late_until=form.get("late_until") or None,
                time_limit_min=int(minutes) if minutes.isdigit() else (minutes or None))  # fmt: skip
    return data


def form_context(course: Course, view: AssignmentView | None, form: Mapping[str, str] | None) -> dict[str, Any]:
    """What the form shows: what was posted, else the assignment's values in the course's time."""
    if form is None and view is not None:
        a, tz = view.assignment, course.time_zone
        form = {"title": a.title, "opens_at": utc_to_local(a.opens_at, tz), "due_at": utc_to_local(a.due_at, tz),
                "late_until": utc_to_local(a.late_until, tz), "late_rule": a.late_rule, "after_due": a.after_due,
                "time_limit_min": str(a.time_limit_min or ""),
                "problems": "\n".join(f"{p.problem} {number(p.points)}" for p in a.problems)}  # fmt: skip
    return {"course": course, "view": view, "form": form or {"after_due": "late"}}


async def edit_context(
    request: web.Request, course: Course, view: AssignmentView | None, form: Mapping[str, str] | None
) -> dict[str, Any]:
    """The form's context, and the course's students (to pick one for an extension)."""
    students = await request.app[ASSIGNMENTS].store.students(course.id) if view is not None else []
    return {**form_context(course, view, form), "students": students}


async def course_and_assignment(request: web.Request) -> tuple[Course, AssignmentView | None]:
    """The course of the URL (its instructor only) and its assignment when the URL names one."""
    accounts_on(request)
    service = request.app[ASSIGNMENTS]
    course, _ = await service.course_for(request[VIEWER], request.match_info["slug"], staff=True)
    if "id" not in request.match_info:
        return course, None
    view = await service.view(request[VIEWER], assignment_id(request))
    if view.course.id != course.id:
        raise NotFound("assignment_not_found", f"no assignment {assignment_id(request)} in this course")
    return course, view


def instructor_form(handler: FormHandler) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    """A form post of the course's instructor: `handler` gets the URL's course and assignment and
    the posted form; others get the page that refuses. Who may post is checked before the CSRF
    token, so an outsider learns nothing."""

    async def checked(request: web.Request) -> web.StreamResponse:
        try:
            course, view = await course_and_assignment(request)
        except ServiceError as exc:
            return refused(request, exc)
        form = await form_of(request)
        return form if isinstance(form, web.Response) else await handler(request, course, view, form)

    return checked


@routes.get("/courses/{slug}/assignments/new")
@routes.get(f"/courses/{{slug}}/assignments/{ID}/edit")
async def edit_page(request: web.Request) -> web.Response:
    try:
        course, view = await course_and_assignment(request)
    except ServiceError as exc:
        return refused(request, exc)
    return render(
        request, "assignment_form.html", error="", notice="", **await edit_context(request, course, view, None)
    )


@routes.post("/courses/{slug}/assignments/new")
@routes.post(f"/courses/{{slug}}/assignments/{ID}/edit")
@instructor_form
async def edit_form(
    request: web.Request, course: Course, view: AssignmentView | None, form: dict[str, str]
) -> web.StreamResponse:
    service = request.app[ASSIGNMENTS]
    try:
        if view is None:
            saved = await service.create(request[VIEWER], course.slug, form_data(form))
        else:
            saved = await service.update(request[VIEWER], view.assignment.id, form_data(form))
    except ServiceError as exc:
        return render(request, "assignment_form.html", status=status_of(exc), error=exc.message, notice="",
                      **await edit_context(request, course, view, form))  # fmt: skip
    return see_other(f"/courses/{course.slug}/assignments/{saved.id}/edit")


@routes.post(f"/courses/{{slug}}/assignments/{ID}/extensions")
@instructor_form
async def extension_form(
    request: web.Request, course: Course, view: AssignmentView | None, form: dict[str, str]
) -> web.StreamResponse:
    error, notice, status = "", "", 200
    try:
        data = {"user_id": form.get("user_id", ""), "due_at": form.get("due_at"),
                "late_until": form.get("late_until") or None}  # fmt: skip
        user_id, _ = await request.app[ASSIGNMENTS].extend(request[VIEWER], assignment_id(request), data)
        notice = f"Extension saved for user {user_id}."
    except ServiceError as exc:
        error, status = exc.message, status_of(exc)
    return render(request, "assignment_form.html", status=status, error=error, notice=notice,
                  **await edit_context(request, course, view, None))  # fmt: skip


@routes.get("/courses/{slug}/grades.csv")
async def grades_page(request: web.Request) -> web.Response:
    try:
        accounts_on(request)
        course, table = await request.app[ASSIGNMENTS].grades(request[VIEWER], request.match_info["slug"])
    except ServiceError as exc:
        return refused(request, exc)
    return web.Response(
        body=grades_csv(table).encode("utf-8"), content_type="text/csv", charset="utf-8",
        headers={"Content-Disposition": f'attachment; filename="{safe_name(course.slug)}-grades.csv"',
                 "Cache-Control": "private, no-cache"},
    )  # fmt: skip
