"""Courses: creating them, their members, roster import, enrolment codes: pages and API.

Only of use when `auth = "accounts"`; in open mode the API answers that accounts are off and
the pages say so.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from codearena.domain.courses import Course, Member
from codearena.services.courses import CourseService, CourseView, PasswordLink
from codearena.services.errors import Invalid, ServiceError
from codearena.services.roster import MAX_ROSTER_BYTES, RosterInvalid
from codearena.services.submissions import check_rate
from codearena.web.accounts import FORM_BYTES, accounts_on, form_of, password_url, refused, see_other, user_json
from codearena.web.errors import ApiError, json_body, status_of
from codearena.web.keys import COURSES, LIMITER, VIEWER
from codearena.web.views import render

routes = web.RouteTableDef()
StaffAction = Callable[[web.Request, str, dict[str, str]], Awaitable[str | web.Response]]
LINK_COLUMNS = ("student_id", "name", "email", "username", "link")
# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def course_json(course: Course) -> dict[str, Any]:
    return {"slug": course.slug, "title": course.title, "time_zone": course.time_zone,
            "created_at": course.created_at}  # fmt: skip


def member_json(member: Member) -> dict[str, Any]:
    return {**user_json(member.user), "course_role": member.role.value}


def view_json(view: CourseView) -> dict[str, Any]:
    data = course_json(view.course)
    if view.staff:
        data["enrolment_code"] = view.course.enrolment_code
        data["members"] = [member_json(m) for m in view.members or []]
    return data


def service(request: web.Request) -> CourseService:
    accounts_on(request)
    return request.app[COURSES]


def links_csv(request: web.Request, links: list[PasswordLink]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(LINK_COLUMNS)
    for link in links:
        u = link.user
        cells = (u.student_id, u.name, u.email, u.username, password_url(request, link.token))
        writer.writerow(["'" + c if c.startswith(FORMULA_STARTS) else c for c in cells])
    return out.getvalue()


def csv_download(request: web.Request, slug: str, links: list[PasswordLink]) -> web.Response:
    response = web.Response(text=links_csv(request, links), content_type="text/csv", charset="utf-8")
    response.headers["Content-Disposition"] = f'attachment; filename="{slug}-password-links.csv"'
    response.headers["Cache-Control"] = "no-store"
    return response


def roster_refused(exc: RosterInvalid) -> web.Response:
    rows = [{"line": r.line, "message": r.message} for r in exc.rows]
    return web.json_response({"error": {"code": exc.code, "message": exc.message}, "rows": rows}, status=400)


async def roster_body(request: web.Request) -> bytes | str:
    """The CSV of a roster request: sent as text/csv, or as JSON {"csv": "..."}."""
    if request.content_type == "application/json":
        data = await json_body(request, MAX_ROSTER_BYTES + FORM_BYTES)
        if not isinstance(data.get("csv"), str):
            raise Invalid("invalid_body", "send {'csv': the roster's text}")
        return str(data["csv"])
    if request.content_type != "text/csv":
        raise ApiError(415, "unsupported_media_type", "send the roster as text/csv, or as JSON {'csv': ...}")
    if (request.content_length or 0) > MAX_ROSTER_BYTES:
        raise ApiError(413, "payload_too_large", f"the roster is over {MAX_ROSTER_BYTES // 1024} KiB")
    return await request.read()


def chosen_ids(value: object) -> list[int] | None:
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(i, int) for i in value):
        raise Invalid("invalid_user_ids", "'user_ids' is a list of user ids")
    return value


# --- API


@routes.get("/api/courses")
async def api_courses(request: web.Request) -> web.Response:
    courses = await service(request).visible(request[VIEWER])
    return web.json_response({"courses": [course_json(c) for c in courses]})


@routes.post("/api/courses")
async def api_create_course(request: web.Request) -> web.Response:
    courses = service(request)
    data = await json_body(request, FORM_BYTES)
    course = await courses.create(request[VIEWER], data.get("slug"), data.get("title"), data.get("time_zone", "UTC"))
    return web.json_response(course_json(course), status=201)


@routes.post("/api/courses/join")
async def api_join(request: web.Request) -> web.Response:
    courses = service(request)
    data = await json_body(request, FORM_BYTES)
    check_rate(request.app[LIMITER], request[VIEWER])  # codes are not to be guessed by trying
    course = await courses.join(request[VIEWER], data.get("code"))
    return web.json_response(course_json(course))


@routes.get("/api/courses/{slug}")
async def api_course(request: web.Request) -> web.Response:
    view = await service(request).view(request[VIEWER], request.match_info["slug"])
    return web.json_response(view_json(view))


@routes.post("/api/courses/{slug}/instructors")
async def api_add_instructor(request: web.Request) -> web.Response:
    courses = service(request)
    data = await json_body(request, FORM_BYTES)
    user = await courses.add_instructor(request[VIEWER], request.match_info["slug"], data.get("username"))
    return web.json_response({"instructor": user_json(user)})


@routes.post("/api/courses/{slug}/roster")
async def api_roster(request: web.Request) -> web.Response:
    courses = service(request)
    slug = request.match_info["slug"]
    await courses.manage(request[VIEWER], slug)  # outsiders learn nothing from the body's errors
    try:
        counts = await courses.import_roster(request[VIEWER], slug, await roster_body(request))
    except RosterInvalid as exc:
        return roster_refused(exc)
    return web.json_response(counts.model_dump())


@routes.post("/api/courses/{slug}/enrolment-code")
async def api_enrolment_code(request: web.Request) -> web.Response:
    courses = service(request)
    await json_body(request, FORM_BYTES)
    code = await courses.new_enrolment_code(request[VIEWER], request.match_info["slug"])
    return web.json_response({"enrolment_code": code})


@routes.post("/api/courses/{slug}/password-links")
async def api_password_links(request: web.Request) -> web.Response:
    """text/csv: one row per student, with a one-time link shown only in this answer."""
    courses = service(request)
    data = await json_body(request, FORM_BYTES * 4)
    slug = request.match_info["slug"]
    links = await courses.password_links(request[VIEWER], slug, chosen_ids(data.get("user_ids")))
    return csv_download(request, slug, links)


# --- pages


async def course_page(request: web.Request, slug: str, *, status: int = 200, **shown: Any) -> web.Response:
    try:
        view = await service(request).view(request[VIEWER], slug)
    except ServiceError as exc:
        return refused(request, exc)
    context: dict[str, Any] = {"notice": "", "error": "", "rows": [], **shown}
    return render(request, "course.html", status=status, view=view, **context)


async def courses_page(request: web.Request, *, status: int = 200, error: str = "", **form: str) -> web.Response:
    try:
        courses = await service(request).visible(request[VIEWER])
    except ServiceError as exc:
        return refused(request, exc)
    values = {"slug": "", "title": "", "time_zone": "UTC", **form}
    return render(request, "courses.html", status=status, courses=courses, error=error, form=values)


@routes.get("/courses")
async def courses_list(request: web.Request) -> web.Response:
    return await courses_page(request)


@routes.post("/courses")
async def create_form(request: web.Request) -> web.StreamResponse:
    form = await form_of(request)
    if isinstance(form, web.Response):
        return form
    fields = {k: form.get(k, "")[:200] for k in ("slug", "title", "time_zone")}
    try:
        course = await service(request).create(request[VIEWER], fields["slug"], fields["title"], fields["time_zone"])
    except ServiceError as exc:
        return await courses_page(request, status=status_of(exc), error=exc.message, **fields)
    return see_other(f"/courses/{course.slug}")


@routes.get("/courses/join")
async def join_page(request: web.Request) -> web.Response:
    return render(request, "join.html", error="", code="")


@routes.post("/courses/join")
async def join_form(request: web.Request) -> web.StreamResponse:
    form = await form_of(request)
    if isinstance(form, web.Response):
        return form
    code = form.get("code", "")[:32]
    try:
        check_rate(request.app[LIMITER], request[VIEWER])
        course = await service(request).join(request[VIEWER], code)
    except ServiceError as exc:
        return render(request, "join.html", status=status_of(exc), error=exc.message, code=code)
    return see_other(f"/courses/{course.slug}")


@routes.get("/courses/{slug}")
async def course_detail(request: web.Request) -> web.Response:
    return await course_page(request, request.match_info["slug"])


def staff_form(path: str) -> Callable[[StaffAction], StaffAction]:
    """Register a course page's staff form at `path`: the CSRF check, then `action`, whose
    answer is a notice for the course page (or a response of its own); a refusal is shown on the
    course page to its staff and as the error page to everyone else."""

    def register(action: StaffAction) -> StaffAction:
        async def handler(request: web.Request) -> web.Response:
            form = await form_of(request)
            if isinstance(form, web.Response):
                return form
            slug = request.match_info["slug"]
            try:
                done = await action(request, slug, form)
            except RosterInvalid as exc:
                return await course_page(request, slug, status=400, error=exc.message, rows=exc.rows)
            except ServiceError as exc:
                if exc.code in ("course_not_found", "forbidden", "accounts_off", "login_required"):
                    return refused(request, exc)
                return await course_page(request, slug, status=status_of(exc), error=exc.message)
            return done if isinstance(done, web.Response) else await course_page(request, slug, notice=done)

        routes.post(path)(handler)
        return action

    return register


@staff_form("/courses/{slug}/instructors")
async def instructor_form(request: web.Request, slug: str, form: dict[str, str]) -> str:
    user = await service(request).add_instructor(request[VIEWER], slug, form.get("username", "")[:64])
    return f"{user.username} now teaches this course."


@staff_form("/courses/{slug}/roster")
async def roster_form(request: web.Request, slug: str, form: dict[str, str]) -> str:
    upload = (await request.post()).get("file")
    raw: bytes | str = form.get("csv", "")
    if isinstance(upload, web.FileField) and upload.filename:
        raw = upload.file.read(MAX_ROSTER_BYTES + 1)
    counts = await service(request).import_roster(request[VIEWER], slug, raw)
    return f"Roster imported: {counts.added} added, {counts.updated} updated, {counts.unchanged} unchanged."


@staff_form("/courses/{slug}/enrolment-code")
async def code_form(request: web.Request, slug: str, form: dict[str, str]) -> str:
    code = await service(request).new_enrolment_code(request[VIEWER], slug)
    return f"The new enrolment code is {code}; the old one no longer works."


@staff_form("/courses/{slug}/password-links")
async def links_form(request: web.Request, slug: str, form: dict[str, str]) -> web.Response:
    """The links as a printable page or a CSV download, shown this once."""
    chosen = None
    if form.get("which") == "chosen":
        chosen = [int(v) for v in (await request.post()).getall("user", []) if isinstance(v, str) and v.isdigit()]
    links = await service(request).password_links(request[VIEWER], slug, chosen)
    if form.get("format") == "csv":
        return csv_download(request, slug, links)
    rows = [(link.user, password_url(request, link.token)) for link in links]
    return render(request, "password_links.html", slug=slug, links=rows)
