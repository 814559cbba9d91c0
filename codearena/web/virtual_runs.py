"""Virtual participation: start a replay of a finished contest, and its board (JSON and a page).

services/virtual_runs.py decides who may; in open mode the API answers that accounts are off.
"""

from __future__ import annotations

from aiohttp import web

from codearena.services.errors import ServiceError
from codearena.services.virtual_runs import VirtualRuns
from codearena.store.contests import VirtualRun
from codearena.web.accounts import accounts_on, refused
from codearena.web.contests import button, standings_json
from codearena.web.keys import CONTESTS, PROBLEMS, VIEWER
from codearena.web.views import render, wants_fragment

routes = web.RouteTableDef()


def service(request: web.Request) -> VirtualRuns:
    accounts_on(request)
    return VirtualRuns(request.app[CONTESTS])


def run_json(run: VirtualRun) -> dict[str, str]:
    return {"started_at": run.started_at, "ends_at": run.ends_at}


@routes.post("/api/contests/{slug}/virtual")
async def start_json(request: web.Request) -> web.Response:
    """Start the caller's virtual run of a finished contest: now, for as long as the contest ran."""
    run = await service(request).start(request[VIEWER], request.match_info["slug"])
    return web.json_response(run_json(run), status=201)


@routes.get("/api/contests/{slug}/virtual")
async def board_json(request: web.Request) -> web.Response:
    """The caller's virtual board: the real participants as they stood as far into the contest."""
    found = await service(request).standings(request[VIEWER], request.match_info["slug"])
    assert found.run is not None and found.elapsed_s is not None
    return web.json_response({**standings_json(found), "run": {**run_json(found.run),
                                                               "elapsed_min": int(found.elapsed_s // 60)}})  # fmt: skip


@routes.post("/contests/{slug}/virtual")
async def start_form(request: web.Request) -> web.StreamResponse:
    return await button(request, service(request).start, "/contests/{slug}/virtual")


@routes.get("/contests/{slug}/virtual")
async def board_page(request: web.Request) -> web.Response:
    """The virtual board; htmx asks for the table alone as the run goes on."""
    try:
        found = await service(request).standings(request[VIEWER], request.match_info["slug"])
    except ServiceError as exc:
        return refused(request, exc)
    name = "_virtual_board.html" if wants_fragment(request) else "contest_virtual.html"
    return render(request, name, standings=found, problems=request.app[PROBLEMS])
