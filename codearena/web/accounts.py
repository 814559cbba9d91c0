"""Signing in and out, one-time set-password links, and the admin's user list: pages and API.

Only mounted to any effect when `auth = "accounts"`; in open mode the API answers that accounts
are off and the pages say so.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from codearena.domain.accounts import Role, User
from codearena.services.accounts import require_user
from codearena.services.errors import Forbidden, Invalid, ServiceError
from codearena.web import security
from codearena.web.errors import json_body, status_of
from codearena.web.keys import ACCOUNTS, LOGIN_TOKEN, SETTINGS, VIEWER
from codearena.web.views import render

routes = web.RouteTableDef()
FORM_BYTES = 16 * 1024


def user_json(user: User) -> dict[str, Any]:
    return {"id": user.id, "username": user.username, "name": user.name, "email": user.email,
            "student_id": user.student_id, "role": user.role.value, "has_password": user.has_password}  # fmt: skip


def accounts_on(request: web.Request) -> None:
    if request.app[SETTINGS].auth != "accounts":
        raise Invalid("accounts_off", 'accounts are off: set auth = "accounts" in config.toml')


def safe_next(target: object) -> str:
    """Where to go after signing in: a path on this site only (never //other.site or a URL)."""
    if isinstance(target, str) and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target[:500]
    return "/"


def see_other(location: str) -> web.Response:
    """A redirect returned, not raised, so that the cookies set on it are sent."""
    return web.Response(status=303, headers={"Location": location})


def password_url(request: web.Request, token: str) -> str:
    return f"{request.scheme}://{request.host}/set-password/{token}"


async def form_of(request: web.Request) -> dict[str, str] | web.Response:
    """The posted form's text fields, or the page that says it expired (a CSRF failure)."""
    form = await request.post()
    if not security.csrf_valid(request, form.get(security.CSRF_FIELD)):
        message = "This form is out of date or came from another site. Reload the page and try again."
        return render(request, "error.html", status=403, title="The form has expired", message=message)
    return {k: v for k, v in form.items() if isinstance(v, str)}


# --- API


@routes.post("/api/login")
async def api_login(request: web.Request) -> web.Response:
    accounts_on(request)
    data = await json_body(request, FORM_BYTES)
    user, token = await request.app[ACCOUNTS].login(data.get("username"), data.get("password"), request[VIEWER].address)
    await end_previous(request)
    response = web.json_response({"user": user_json(user)})
    security.set_login_cookie(response, token, secure=security.served_over_https(request))
    return response


async def end_previous(request: web.Request) -> None:
    """Signing in replaces the session the browser had (its token never works again)."""
    old = request.get(LOGIN_TOKEN)
    if old:
        await request.app[ACCOUNTS].logout(old)


@routes.post("/api/logout")
async def api_logout(request: web.Request) -> web.Response:
    await end_previous(request)
    response = web.json_response({"signed_out": True})
    security.clear_login_cookie(response)
    return response


@routes.post("/api/logout-everywhere")
async def api_logout_everywhere(request: web.Request) -> web.Response:
    ended = await request.app[ACCOUNTS].logout_everywhere(request[VIEWER])
    response = web.json_response({"sessions_ended": ended})
    security.clear_login_cookie(response)
    return response


@routes.get("/api/me")
async def api_me(request: web.Request) -> web.Response:
    user = request[VIEWER].user
    return web.json_response({"auth": request.app[SETTINGS].auth, "user": user_json(user) if user else None})


@routes.get("/api/users")
async def api_users(request: web.Request) -> web.Response:
    accounts_on(request)
    require_admin(request)
    return web.json_response({"users": [user_json(u) for u in await request.app[ACCOUNTS].store.users()]})


@routes.post("/api/users")
async def api_create_user(request: web.Request) -> web.Response:
    """A new user and a one-time link to set their password (shown this once)."""
    accounts_on(request)
    data = await json_body(request, FORM_BYTES)
    accounts = request.app[ACCOUNTS]
    viewer = request[VIEWER]
    fields = {k: str(data.get(k) or "")[:200] for k in ("name", "email", "student_id")}
    user = await accounts.create_user(viewer, data.get("username"), data.get("role", "student"), **fields)
    link = await accounts.password_link(viewer, user.id)
    return web.json_response({"user": user_json(user), "password_link": password_url(request, link)}, status=201)


@routes.post("/api/users/{id:[0-9]+}/password-link")
async def api_password_link(request: web.Request) -> web.Response:
    accounts_on(request)
    link = await request.app[ACCOUNTS].password_link(request[VIEWER], int(request.match_info["id"]))
    return web.json_response({"password_link": password_url(request, link)})


@routes.post("/api/set-password/{token}")
async def api_set_password(request: web.Request) -> web.Response:
    accounts_on(request)
    data = await json_body(request, FORM_BYTES)
    user = await request.app[ACCOUNTS].use_link(request.match_info["token"], data.get("password"))
    return web.json_response({"user": user_json(user)})


def require_admin(request: web.Request) -> User:
    user = require_user(request[VIEWER])
    if user.role != Role.ADMIN:
        raise Forbidden("forbidden", "only an admin may do this")
    return user


# --- pages


@routes.get("/login")
async def login_page(request: web.Request) -> web.Response:
    return render(request, "login.html", next=safe_next(request.query.get("next")), error="", username="")


@routes.post("/login")
async def login_form(request: web.Request) -> web.StreamResponse:
    form = await form_of(request)
    if isinstance(form, web.Response):
        return form
    target = safe_next(form.get("next"))
    try:
        accounts_on(request)
        _, token = await request.app[ACCOUNTS].login(form.get("username"), form.get("password"),
                                                     request[VIEWER].address)  # fmt: skip
    except ServiceError as exc:
        return render(request, "login.html", status=status_of(exc), next=target, error=exc.message,
                      username=form.get("username", "")[:64])  # fmt: skip
    await end_previous(request)
    response = see_other(target)
    security.set_login_cookie(response, token, secure=security.served_over_https(request))
    return response


@routes.post("/logout")
async def logout_form(request: web.Request) -> web.StreamResponse:
    form = await form_of(request)
    if isinstance(form, web.Response):
        return form
    if form.get("everywhere"):
        await request.app[ACCOUNTS].logout_everywhere(request[VIEWER])
    else:
        await end_previous(request)
    response = see_other("/login")
    security.clear_login_cookie(response)
    return response


@routes.get("/account")
async def account_page(request: web.Request) -> web.Response:
    try:
        accounts_on(request)
        require_user(request[VIEWER])
    except ServiceError as exc:
        return refused(request, exc)
    return render(request, "account.html")


@routes.get("/set-password/{token}")
async def set_password_page(request: web.Request) -> web.Response:
    user = await request.app[ACCOUNTS].link_user(request.match_info["token"])
    return render(request, "set_password.html", status=200 if user else 404, link_user=user, error="")


@routes.post("/set-password/{token}")
async def set_password_form(request: web.Request) -> web.StreamResponse:
    form = await form_of(request)
    if isinstance(form, web.Response):
        return form
    accounts = request.app[ACCOUNTS]
    token = request.match_info["token"]
    if form.get("password") != form.get("again"):
        user = await accounts.link_user(token)
        return render(request, "set_password.html", status=400, link_user=user,
                      error="The two passwords differ.")  # fmt: skip
    try:
        user = await accounts.use_link(token, form.get("password"))
    except ServiceError as exc:
        user = await accounts.link_user(token)
        return render(request, "set_password.html", status=status_of(exc), link_user=user, error=exc.message)
    raise web.HTTPSeeOther("/login")


def refused(request: web.Request, exc: ServiceError) -> web.Response:
    return render(request, "error.html", status=status_of(exc), title="Not allowed", message=exc.message)


def admin_page_refused(request: web.Request) -> web.Response | None:
    """The error page for whoever may not manage users (accounts off, not an admin); else None."""
    try:
        accounts_on(request)
        require_admin(request)
    except ServiceError as exc:
        return refused(request, exc)
    return None


@routes.get("/admin/users")
async def users_page(request: web.Request) -> web.Response:
    if (refusal := admin_page_refused(request)) is not None:
        return refusal
    users = await request.app[ACCOUNTS].store.users()
    return render(request, "users.html", users=users, roles=[r.value for r in Role], created=None, link="", error="")


@routes.post("/admin/users")
async def users_form(request: web.Request) -> web.StreamResponse:
    if (refusal := admin_page_refused(request)) is not None:
        return refusal
    form = await form_of(request)
    if isinstance(form, web.Response):
        return form
    accounts = request.app[ACCOUNTS]
    viewer = request[VIEWER]
    created, link, error, status = None, "", "", 200
    try:
        if form.get("reset_user"):
            created = await accounts.store.user(int(form["reset_user"]) if form["reset_user"].isdigit() else 0)
            if created is None:
                raise Invalid("user_not_found", "no such user")
        else:
            fields = {k: form.get(k, "")[:200] for k in ("name", "email", "student_id")}
            created = await accounts.create_user(viewer, form.get("username"), form.get("role"), **fields)
        link = password_url(request, await accounts.password_link(viewer, created.id))
    except ServiceError as exc:
        error, status = exc.message, status_of(exc)
    users = await accounts.store.users()
    return render(request, "users.html", status=status, users=users, roles=[r.value for r in Role],
                  created=created, link=link, error=error)  # fmt: skip
