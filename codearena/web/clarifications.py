"""A contest's clarifications over the JSON API and as the contest page's forms and list.

The forms work without scripts (a post, then back to the contest page); htmx posts them and
swaps in the list it gets back, and a refused form's reason shows in the form itself.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from codearena.services.clarifications import Clarifications, ClarificationService, ClarificationView
from codearena.services.errors import ServiceError
from codearena.web import security
from codearena.web.accounts import accounts_on, refused, see_other
from codearena.web.errors import json_body, status_of
from codearena.web.keys import CLARIFICATIONS, PROBLEMS, VIEWER
from codearena.web.views import render, wants_fragment

routes = web.RouteTableDef()
LIST = "_clarification_list.html"
# 2000 characters of any script, escaped as JSON (\ud83d\ude00) or a form (%F0%9F%98%80), with room.
BODY_BYTES = 64 * 1024


def service(request: web.Request) -> ClarificationService:
    accounts_on(request)
    return request.app[CLARIFICATIONS]


def clarification_json(c: ClarificationView) -> dict[str, Any]:
    answer = None
    if c.answer is not None and c.answer_to is not None:
        answer = {"text": c.answer, "at": c.answered_at, "by": c.answered_by, "to": c.answer_to.value}
    return {"id": c.id, "kind": c.kind.value, "problem": c.problem, "text": c.text, "created_at": c.created_at,
            "author": c.author, "mine": c.mine, "answer": answer}  # fmt: skip


def clarification_id(request: web.Request) -> int:
    return int(request.match_info["id"])


# --- JSON API


@routes.get("/api/contests/{slug}/clarifications")
async def list_json(request: web.Request) -> web.Response:
    found = await service(request).listing(request[VIEWER], request.match_info["slug"])
    return web.json_response({"jury": found.jury, "may_ask": found.may_ask,
                              "clarifications": [clarification_json(c) for c in found.items]})  # fmt: skip


@routes.post("/api/contests/{slug}/clarifications")
async def ask_json(request: web.Request) -> web.Response:
    clarifications = service(request)
    data = await json_body(request, BODY_BYTES)
    asked = await clarifications.ask(request[VIEWER], request.match_info["slug"], data)
    return web.json_response(clarification_json(asked), status=201)


@routes.post("/api/contests/{slug}/clarifications/{id:[0-9]{1,18}}/answer")
async def answer_json(request: web.Request) -> web.Response:
    clarifications = service(request)
    data = await json_body(request, BODY_BYTES)
    answered = await clarifications.answer(request[VIEWER], request.match_info["slug"], clarification_id(request), data)
    return web.json_response(clarification_json(answered))


@routes.post("/api/contests/{slug}/announcements")
async def announce_json(request: web.Request) -> web.Response:
    clarifications = service(request)
    data = await json_body(request, BODY_BYTES)
    announced = await clarifications.announce(request[VIEWER], request.match_info["slug"], data)
    return web.json_response(clarification_json(announced), status=201)


# --- the contest page


async def page_context(request: web.Request, slug: str) -> dict[str, Any]:
    """What the contest page's clarifications section (_clarifications.html) needs."""
    return {"clarifications": await service(request).listing(request[VIEWER], slug)}


def list_fragment(request: web.Request, found: Clarifications) -> web.Response:
    return render(request, LIST, clarifications=found, problems=request.app[PROBLEMS])


@routes.get("/contests/{slug}/clarifications")
async def list_page(request: web.Request) -> web.Response:
    """The list alone, for htmx; a visitor who follows the address goes to the contest page."""
    slug = request.match_info["slug"]
    if not wants_fragment(request):
        return see_other(f"/contests/{slug}#clarifications")
    try:
        found = await service(request).listing(request[VIEWER], slug)
    except ServiceError as exc:
        return web.Response(text=exc.message, status=status_of(exc))
    return list_fragment(request, found)


FormAction = Callable[[web.Request, str, dict[str, str]], Awaitable[object]]


def form(path: str) -> Callable[[FormAction], FormAction]:
    """Register a clarification form at `path`: the CSRF check, then `action`. htmx gets the
    list back, or the reason for a refusal as text; a plain post goes back to the contest page."""

    def register(action: FormAction) -> FormAction:
        async def handler(request: web.Request) -> web.Response:
            slug, htmx = request.match_info["slug"], wants_fragment(request)
            if request.content_length is not None and request.content_length > BODY_BYTES:
                return failed(request, htmx, 413, "The text is too long.")
            posted = await request.post()
            if not security.csrf_valid(request, posted.get(security.CSRF_FIELD)):
                return failed(request, htmx, 403, "This form is out of date. Reload the page and try again.")
            fields = {k: v for k, v in posted.items() if isinstance(v, str)}
            try:
                await action(request, slug, fields)
                if htmx:
                    return list_fragment(request, await service(request).listing(request[VIEWER], slug))
            except ServiceError as exc:
                return failed(request, htmx, status_of(exc), exc.message, exc)
            return see_other(f"/contests/{slug}#clarifications")

        routes.post(path)(handler)
        return action

    return register


def failed(request: web.Request, htmx: bool, status: int, message: str, exc: ServiceError | None = None
           ) -> web.Response:  # fmt: skip
    if htmx:
        return web.Response(text=message, status=status, content_type="text/plain")
    if exc is not None:
        return refused(request, exc)
    return render(request, "error.html", status=status, title="Not sent", message=message)


@form("/contests/{slug}/clarifications")
async def ask_form(request: web.Request, slug: str, fields: dict[str, str]) -> object:
    return await service(request).ask(request[VIEWER], slug, fields)


@form("/contests/{slug}/clarifications/{id:[0-9]{1,18}}/answer")
async def answer_form(request: web.Request, slug: str, fields: dict[str, str]) -> object:
    return await service(request).answer(request[VIEWER], slug, clarification_id(request), fields)


@form("/contests/{slug}/announcements")
async def announce_form(request: web.Request, slug: str, fields: dict[str, str]) -> object:
    return await service(request).announce(request[VIEWER], slug, fields)
