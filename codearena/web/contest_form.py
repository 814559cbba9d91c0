"""The page that makes a contest: /contests/new, for instructors and admins.

It reads the form into the body `POST /api/contests` takes and hands it to the same service, so
the rules live in one place (services/contests.py). Times are typed as the browser's
datetime-local fields give them, in a named time zone (the browser's own, filled in by
contest_form.js; UTC without scripts), and stored as UTC, as the assignment form does.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass

from aiohttp import web

from codearena.problems.model import Problem
from codearena.services.assignments import local_to_utc
from codearena.services.contests import ContestService
from codearena.services.courses import check_time_zone
from codearena.services.errors import Invalid, ServiceError
from codearena.web.accounts import accounts_on, form_of, refused, see_other
from codearena.web.errors import status_of
from codearena.web.keys import ASSIGNMENTS, CONTESTS, PROBLEMS, VIEWER
from codearena.web.views import render

routes = web.RouteTableDef()
LABELS = string.ascii_uppercase  # a contest has at most 26 problems, labelled in the order they are picked
DEFAULTS = {"time_zone": "UTC", "rule": "icpc", "penalty_min": "20", "practice_after_end": "on"}
CHECKBOXES = ("compile_errors_count", "practice_after_end", "open_registration")
FIELDS = frozenset({"title", "slug", "starts_at", "ends_at", "time_zone", "rule", "penalty_min", "freeze_min",
                    "problems", "course", "participants"})  # fmt: skip
# Service error codes that do not name their field as invalid_<field>.
FIELD_OF = {"slug_taken": "slug", "invalid_times": "ends_at", "course_not_found": "course"}
WHOLE = re.compile(r"[0-9]{1,9}")


@dataclass(frozen=True)
class FormError:
    message: str
    field: str | None  # the form field it is about, if any: shown next to it too


@dataclass(frozen=True)
class Row:
    """One problem row of the form: its label, the problem picked (or ""), its points."""

    label: str
    problem: str
    points: str


def field_of(exc: ServiceError) -> str | None:
    field = FIELD_OF.get(exc.code) or exc.code.removeprefix("invalid_")
    return field if field in FIELDS else None


def whole_or_text(value: str) -> int | str:
    """Whole minutes as a number; anything else as typed, for the service to refuse by name."""
    value = value.strip()
    return int(value) if WHOLE.fullmatch(value) else value


def points_or_text(value: str) -> float | str:
    try:
        return float(value)
    except ValueError:
        return value


def utc_of(form: Mapping[str, str], name: str, time_zone: str) -> str:
    """A datetime-local field as UTC, its error naming the field."""
    try:
        return local_to_utc(form.get(name, ""), time_zone, name)
    except Invalid as exc:
        raise Invalid(f"invalid_{name}", exc.message) from None


def usernames(text: str) -> list[str]:
    """Usernames one per line or separated by commas (or spaces), each once, in order."""
    return list(dict.fromkeys(name for name in re.split(r"[\s,;]+", text) if name))


def form_data(form: Mapping[str, str]) -> dict[str, object]:
    """The posted form as the body of POST /api/contests. Problem rows left empty are skipped, so
    the labels run A, B, C... over the rows filled. Points count only under the points rule,
    the penalty and compile errors only under ICPC's."""
    time_zone = check_time_zone(form.get("time_zone", "").strip())
    rule = form.get("rule", "icpc")
    problems: list[dict[str, object]] = []
    for i in range(len(LABELS)):
        slug = form.get(f"problem_{i}", "")
        if slug:
            item: dict[str, object] = {"label": LABELS[len(problems)], "problem": slug}
            points = form.get(f"points_{i}", "").strip()
            if rule == "points" and points:
                item["points"] = points_or_text(points)
            problems.append(item)
    data: dict[str, object] = {
        "title": form.get("title", ""), "slug": form.get("slug", "").strip(),
        "starts_at": utc_of(form, "starts_at", time_zone), "ends_at": utc_of(form, "ends_at", time_zone),
        "rule": rule, "problems": problems, "course": form.get("course", ""),
        "participants": usernames(form.get("participants", "")),
        "freeze_min": whole_or_text(form.get("freeze_min", "")) or None,
        "practice_after_end": "practice_after_end" in form, "open_registration": "open_registration" in form,
    }  # fmt: skip
    if rule == "icpc":
        penalty = form.get("penalty_min", "").strip()
        if penalty:
            data["penalty_min"] = whole_or_text(penalty)
        data["compile_errors_count"] = "compile_errors_count" in form
    return data


def rows_of(form: Mapping[str, str], count: int) -> list[Row]:
    return [Row(LABELS[i], form.get(f"problem_{i}", ""), form.get(f"points_{i}", "100")) for i in range(count)]


async def form_page(
    request: web.Request, form: Mapping[str, str] | None = None, error: FormError | None = None, status: int = 200
) -> web.Response:
    """The form: empty (with its defaults), or as posted with what was wrong. Whoever may not
    make contests gets the page that refuses."""
    viewer = request[VIEWER]
    try:
        accounts_on(request)
        courses = await request.app[CONTESTS].course_choices(viewer)
    except ServiceError as exc:
        return refused(request, exc)
    visible = await request.app[ASSIGNMENTS].visible_problems(viewer)
    problems: list[Problem] = sorted(
        (p for slug, p in request.app[PROBLEMS].items() if visible is None or slug in visible),
        key=lambda p: (p.title.casefold(), p.slug),
    )
    values = dict(DEFAULTS) if form is None else dict(form)
    return render(request, "contest_form.html", status=status, form=values, fresh=form is None, error=error,
                  courses=courses, problems=problems,
                  rows=rows_of(values, max(1, min(len(LABELS), len(problems)))))  # fmt: skip


@routes.get("/contests/new")
async def new_contest_page(request: web.Request) -> web.Response:
    return await form_page(request)


@routes.post("/contests/new")
async def new_contest_form(request: web.Request) -> web.StreamResponse:
    contests: ContestService = request.app[CONTESTS]
    try:
        accounts_on(request)
        await contests.course_choices(request[VIEWER])  # a student learns nothing, not even whether CSRF failed
    except ServiceError as exc:
        return refused(request, exc)
    form = await form_of(request)
    if isinstance(form, web.Response):
        return form
    try:
        contest = await contests.create(request[VIEWER], form_data(form))
    except ServiceError as exc:
        return await form_page(request, form, FormError(exc.message, field_of(exc)), status_of(exc))
    return see_other(f"/contests/{contest.slug}")
