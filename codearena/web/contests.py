"""Contests: making one, and its scoreboard (JSON, and a page that keeps itself up to date).

Only of use when `auth = "accounts"`; in open mode the API answers that accounts are off.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from codearena.services.contests import ContestService, Standings
from codearena.services.errors import ServiceError
from codearena.web.accounts import FORM_BYTES, accounts_on, refused
from codearena.web.errors import json_body
from codearena.web.keys import CONTESTS, PROBLEMS, VIEWER
from codearena.web.views import render, wants_fragment

routes = web.RouteTableDef()


def service(request: web.Request) -> ContestService:
    accounts_on(request)
    return request.app[CONTESTS]


def standings_json(found: Standings) -> dict[str, Any]:
    c, board = found.contest, found.board
    return {
        "contest": {"slug": c.slug, "title": c.title, "starts_at": c.starts_at, "ends_at": c.ends_at,
                    "rule": c.rule, "freeze_min": c.freeze_min},
        "frozen": board.frozen,
        "problems": [{"label": p.label, "problem": p.problem, "points": p.points} for p in c.problems],
        "rows": [
            {"rank": r.rank, "participant": r.participant, "name": found.names.get(r.participant, r.participant),
             "solved": r.solved, "penalty_min": r.penalty_min, "points": round(r.points, 2),
             "cells": {label: {"solved": cell.solved, "rejected": cell.rejected, "pending": cell.pending,
                               "time_min": None if cell.solved_at_s is None else int(cell.solved_at_s // 60),
                               "first_solve": cell.first_solve, "points": round(cell.points, 2)}
                       for label, cell in r.cells.items()}}
            for r in board.rows
        ],
    }  # fmt: skip


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
    try:
        found = await service(request).standings(request[VIEWER], request.match_info["slug"])
    except ServiceError as exc:
        return refused(request, exc)
    name = "_scoreboard.html" if wants_fragment(request) else "contest.html"
    return render(request, name, standings=found, problems=request.app[PROBLEMS])
