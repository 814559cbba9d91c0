"""Contests: making one, and its scoreboard (JSON, and a page that keeps itself up to date).

Only of use when `auth = "accounts"`; in open mode the API answers that accounts are off.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from codearena.services.access import Viewer
from codearena.services.contests import ContestService, Standings
from codearena.services.errors import NotFound, ServiceError
from codearena.store.contests import Contest
from codearena.store.submissions import utc_now
from codearena.web import clarifications, wire
from codearena.web.accounts import FORM_BYTES, accounts_on, form_of, refused, see_other
from codearena.web.errors import ApiError, json_body
from codearena.web.keys import BOARD_HTML, CONTESTS, PROBLEMS, TEMPLATES, VIEWER
from codearena.web.views import render, wants_fragment

routes = web.RouteTableDef()


def service(request: web.Request) -> ContestService:
    accounts_on(request)
    return request.app[CONTESTS]


def contest_json(c: Contest) -> dict[str, Any]:
    return {"slug": c.slug, "title": c.title, "starts_at": c.starts_at, "ends_at": c.ends_at, "rule": c.rule,
            "freeze_min": c.freeze_min, "practice_after_end": c.practice_after_end, "revealed_at": c.revealed_at,
            "state": c.state(utc_now()), "open_registration": c.open_registration}  # fmt: skip


def standings_json(found: Standings) -> dict[str, Any]:
    c, board = found.contest, found.board
    return {
        "contest": contest_json(c),
        "frozen": board.frozen,
        "problems": [{"label": p.label, "problem": p.problem, "points": p.points} for p in c.problems],
        "rows": [
            {"rank": r.rank, "participant": r.participant, "name": found.names.get(r.participant, r.participant),
             "virtual": r.virtual,
             "solved": r.solved, "penalty_min": r.penalty_min, "points": round(r.points, 2),
             "cells": {label: {"solved": cell.solved, "rejected": cell.rejected, "pending": cell.pending,
                               "time_min": None if cell.solved_at_s is None else int(cell.solved_at_s // 60),
                               "first_solve": cell.first_solve, "points": round(cell.points, 2)}
                       for label, cell in r.cells.items()}}
            for r in board.rows
        ],
    }  # fmt: skip


@routes.get("/api/contests")
async def index_json(request: web.Request) -> web.Response:
    """The contests the caller judges or takes part in."""
    listed = await service(request).index(request[VIEWER])
    return web.json_response({"contests": [{**contest_json(i.contest), "jury": i.jury, "takes_part": i.takes_part,
                                            "may_register": i.may_register} for i in listed]})  # fmt: skip


@routes.get("/contests")
async def index_page(request: web.Request) -> web.Response:
    try:
        listed = await service(request).index(request[VIEWER])
    except ServiceError as exc:
        return refused(request, exc)
    return render(request, "contests.html", listed=listed)


@routes.post("/api/contests/{slug}/reveal")
async def reveal_json(request: web.Request) -> web.Response:
    """The jury shows participants the standings the freeze hid, after the end."""
    contest = await service(request).reveal(request[VIEWER], request.match_info["slug"])
    return web.json_response(contest_json(contest))


async def button(
    request: web.Request, act: Callable[[Viewer, str], Awaitable[object]], then: str = "/contests/{slug}"
) -> web.StreamResponse:
    """A contest page's button: its form (CSRF checked), the service's `act` on the contest,
    then to `then` (formatted with the slug), or the refusal's page."""
    form = await form_of(request)
    if isinstance(form, web.Response):
        return form
    slug = request.match_info["slug"]
    try:
        await act(request[VIEWER], slug)
    except ServiceError as exc:
        return refused(request, exc)
    return see_other(then.format(slug=slug))


@routes.post("/contests/{slug}/reveal")
async def reveal_form(request: web.Request) -> web.StreamResponse:
    return await button(request, service(request).reveal)


@routes.post("/api/contests/{slug}/register")
async def register_json(request: web.Request) -> web.Response:
    """Join a contest open to registration."""
    contest = await service(request).register(request[VIEWER], request.match_info["slug"])
    return web.json_response(contest_json(contest))


@routes.post("/contests/{slug}/register")
async def register_form(request: web.Request) -> web.StreamResponse:
    return await button(request, service(request).register)


@routes.post("/api/contests")
async def create_contest(request: web.Request) -> web.Response:
    contests = service(request)
    data = await json_body(request, FORM_BYTES)
    contest = await contests.create(request[VIEWER], data)
    return web.json_response({"slug": contest.slug, "title": contest.title}, status=201)


@routes.get("/api/contests/{slug}/scoreboard")
async def scoreboard_json(request: web.Request) -> web.Response:
    found = await service(request).standings(request[VIEWER], request.match_info["slug"])
    return web.json_response(standings_json(found))


@routes.get("/contests/{slug}")
async def scoreboard_page(request: web.Request) -> web.Response:
    """The scoreboard; htmx asks for the table alone every few seconds."""
    contests, slug = service(request), request.match_info["slug"]
    try:
        found = await contests.standings(request[VIEWER], slug)
    except NotFound as exc:
        # An open contest's page offers its registration to whoever is signed in.
        listed = await contests.listed(request[VIEWER], slug)
        if listed is None or not listed.may_register:
            return refused(request, exc)
        return render(request, "contest_register.html", item=listed)
    except ServiceError as exc:
        return refused(request, exc)
    if wants_fragment(request):
        return render(request, "_scoreboard.html", standings=found, problems=request.app[PROBLEMS])
    user = request[VIEWER].user
    # A participant's own virtual run of it, to link to (the page offers to start one otherwise).
    run = None if found.jury or user is None else await service(request).store.virtual_run(found.contest, user.id)
    more = await clarifications.page_context(request, found.contest.slug)
    return render(request, "contest.html", standings=found, problems=request.app[PROBLEMS],
                  state=found.contest.state(utc_now()), run=run, **more)  # fmt: skip


async def board_message(request: web.Request, slug: str) -> str | None:
    """The standings table as the WebSocket's viewer may see it, as the JSON text of a
    `scoreboard` message; None if they may not (any more). Made once per board and shared:
    a contest's participants all see the same table."""
    try:
        found = await request.app[CONTESTS].standings(request[VIEWER], slug)
    except ServiceError:
        return None
    kept = request.app[BOARD_HTML].get((slug, found.jury))
    if kept is not None and kept[0] is found.board:
        return kept[1]
    template = request.app[TEMPLATES].get_template("_scoreboard.html")
    html = template.render(standings=found, problems=request.app[PROBLEMS])
    message: wire.ScoreboardJson = {"type": "scoreboard", "contest": slug, "html": html}
    text = json.dumps(message)
    request.app[BOARD_HTML][slug, found.jury] = (found.board, text)
    return text


def ccs_scoreboard(found: Standings) -> dict[str, Any]:
    """The standings in the shape of the CCS Contest API's `scoreboard` endpoint, which
    resolvers and scoreboard tools read (ids are the labels and the usernames)."""
    c = found.contest
    rows = []
    for r in found.board.rows:
        problems = []
        for p in c.problems:
            cell = r.cells[p.label]
            item: dict[str, Any] = {"problem_id": p.label, "num_judged": cell.rejected + int(cell.solved),
                                    "num_pending": cell.pending, "solved": cell.solved}  # fmt: skip
            if cell.solved and cell.solved_at_s is not None:
                item["time"] = int(cell.solved_at_s // 60)
                item["first_to_solve"] = cell.first_solve
            if c.rule == "points":
                item["score"] = round(cell.points, 2)
            problems.append(item)
        score: dict[str, Any] = (
            {"score": round(r.points, 2)}
            if c.rule == "points"
            else {"num_solved": r.solved, "total_time": r.penalty_min}
        )
        rows.append({"rank": r.rank, "team_id": r.participant, "score": score, "problems": problems})
    return {"contest_id": c.slug, "state": {"started": c.starts_at, "ended": c.ends_at}, "rows": rows}


@routes.get("/api/contests/{slug}/standings.{kind:json|csv}")
async def export_standings(request: web.Request) -> web.StreamResponse:
    """The jury's final standings: `.json` in the CCS Contest API scoreboard shape, or `.csv`."""
    found = await service(request).standings(request[VIEWER], request.match_info["slug"])
    if not found.jury:
        raise ApiError(403, "forbidden", "only the contest's jury exports its standings")
    if request.match_info["kind"] == "json":
        return web.json_response(ccs_scoreboard(found))
    c = found.contest
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    totals = ["Points"] if c.rule == "points" else ["Solved", "Penalty"]
    writer.writerow(["Rank", "Username", "Name", *totals, *(p.label for p in c.problems)])
    for r in found.board.rows:
        cells = []
        for p in c.problems:
            cell = r.cells[p.label]
            if c.rule == "points":
                cells.append(f"{cell.points:g}")
            elif cell.solved and cell.solved_at_s is not None:
                cells.append(f"{int(cell.solved_at_s // 60)} (+{cell.rejected})")
            else:
                cells.append(f"-{cell.rejected}" if cell.rejected else "")
        numbers = [f"{r.points:g}"] if c.rule == "points" else [r.solved, r.penalty_min]
        writer.writerow([r.rank, r.participant, found.names.get(r.participant, r.participant), *numbers, *cells])
    response = web.Response(text=out.getvalue(), content_type="text/csv", charset="utf-8")
    response.headers["Content-Disposition"] = f'attachment; filename="{c.slug}-standings.csv"'
    return response
