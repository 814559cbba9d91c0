"""Web security in one place: Host and Origin checks, session cookies, CSRF tokens, response headers.

The server answers only to the names in its Host allowlist: a page on another site whose name
is made to resolve to 127.0.0.1 (DNS rebinding) reaches the socket but is refused.

The JSON API needs no CSRF token: it takes only `application/json` bodies (which a cross-site
form cannot send) and a foreign `Origin` is refused on every write and WebSocket. HTML forms can
be posted from anywhere, so each carries a token derived from the visitor's signed session.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Awaitable, Callable
from urllib.parse import urlencode, urlsplit

from aiohttp import hdrs, web

from codearena.config import Settings
from codearena.domain.accounts import User
from codearena.services.access import Viewer
from codearena.web.errors import ApiError
from codearena.web.keys import (
    ACCOUNTS,
    ALLOWED_HOSTS,
    CSP_NONCE,
    LOGIN_TOKEN,
    SETTINGS,
    SIGNER,
    TRUSTED_PROXIES,
    VIEWER,
)  # fmt: skip

COOKIE = "codearena_session"
LOGIN_COOKIE = "codearena_login"
# What a signed-out visitor may reach when auth = "accounts".
PUBLIC_PATHS = frozenset({"/login", "/api/login", "/health", "/favicon.ico"})
PUBLIC_PREFIXES = ("/static/", "/set-password/", "/api/set-password/")
MAX_AGE_S = 365 * 24 * 3600
CSRF_FIELD = "csrf_token"
# A Host header is copied into the policy only when it is a plain host[:port].
PLAIN_HOST = re.compile(r"^[A-Za-z0-9.-]+(:[0-9]{1,5})?$|^\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?$")
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# A Host header: a bracketed IPv6 address or a name (IPv4 included), maybe with a port.
HOST_HEADER = re.compile(r"^(?:(\[[0-9A-Fa-f:.]+\])|([A-Za-z0-9.-]+))(?::[0-9]{1,5})?$")
ANY_ADDRESS = frozenset({"", "0.0.0.0", "::", "*"})
ANY_HOST = "*"

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


# --- sessions: an anonymous, signed, HttpOnly, SameSite cookie names a caller's history


class SessionSigner:
    def __init__(self, key: str) -> None:
        self._key = key.encode()

    def sign(self, session_id: str) -> str:
        mac = hmac.new(self._key, session_id.encode(), hashlib.sha256).hexdigest()[:32]
        return f"{session_id}.{mac}"

    def verify(self, value: str) -> str | None:
        session_id = value.partition(".")[0]
        if not session_id or len(session_id) > 64:
            return None
        return session_id if hmac.compare_digest(self.sign(session_id), value) else None


def session_of(request: web.Request, signer: SessionSigner) -> tuple[str, bool]:
    """The caller's session id, and whether it is new (so the response must set the cookie)."""
    cookie = request.cookies.get(COOKIE, "")
    session_id = signer.verify(cookie) if cookie else None
    if session_id:
        return session_id, False
    return secrets.token_hex(12), True


def set_cookie(response: web.StreamResponse, signer: SessionSigner, session_id: str, secure: bool) -> None:
    response.set_cookie(
        COOKIE, signer.sign(session_id), max_age=MAX_AGE_S, httponly=True, samesite="Lax", secure=secure, path="/"
    )


# --- Host


def host_name(header: str) -> str | None:
    """The name in a Host header, lower-case, without its port or a trailing dot; None if malformed."""
    found = HOST_HEADER.match(header)
    if found is None:
        return None
    bracketed, name = found.groups()
    return bracketed.lower() if bracketed else name.lower().removesuffix(".") or None


def allowed_hosts(settings: Settings) -> frozenset[str]:
    """allowed_hosts, public_host, and the listening address when it is one address."""
    names = {ANY_HOST if entry == ANY_HOST else host_name(entry) for entry in settings.allowed_hosts}
    if settings.public_host:
        names.add(host_name(settings.public_host))
    if settings.host not in ANY_ADDRESS:
        names.add(host_name(f"[{settings.host}]" if ":" in settings.host else settings.host))
    return frozenset(name for name in names if name)


def check_host(request: web.Request) -> None:
    allowed = request.app[ALLOWED_HOSTS]
    if ANY_HOST in allowed:
        return
    header = request.headers.get(hdrs.HOST)
    if header is None:
        raise ApiError(400, "host_not_allowed", "the request has no Host header")
    if host_name(header) not in allowed:
        raise ApiError(
            400, "host_not_allowed",
            f"this server does not answer to the name {header[:100]!r}; add it to allowed_hosts "
            "(CODEARENA_ALLOWED_HOSTS) or set public_host (CODEARENA_PUBLIC_HOST)",
        )  # fmt: skip


# --- Origin


def same_origin(request: web.Request) -> bool:
    """No Origin (a script, curl) or one naming this very host; anything else is foreign."""
    origin = request.headers.get(hdrs.ORIGIN)
    if origin is None:
        return True
    parts = urlsplit(origin)
    return bool(parts.netloc) and parts.netloc == request.host


def check_origin(request: web.Request) -> None:
    """Writes and WebSocket upgrades from another site's pages are refused."""
    upgrade = request.headers.get(hdrs.UPGRADE, "").lower() == "websocket"
    if (request.method not in SAFE_METHODS or upgrade) and not same_origin(request):
        what = "WebSocket connections" if upgrade else "requests"
        raise ApiError(403, "forbidden_origin", f"{what} from other sites are refused")


def served_over_https(request: web.Request) -> bool:
    """HTTPS to this server, or to a trusted proxy in front of it (its X-Forwarded-Proto)."""
    if request.secure:
        return True
    forwarded = request.headers.get("X-Forwarded-Proto", "").split(",")[0].strip().lower()
    return forwarded == "https" and (request.remote or "") in request.app[TRUSTED_PROXIES]


def set_login_cookie(response: web.StreamResponse, token: str, secure: bool) -> None:
    response.set_cookie(LOGIN_COOKIE, token, httponly=True, samesite="Lax", secure=secure, path="/")


def clear_login_cookie(response: web.StreamResponse) -> None:
    response.del_cookie(LOGIN_COOKIE, path="/")


# --- who is calling: the address (behind trusted proxies), the signed-in user


def client_address(request: web.Request) -> str:
    """The caller's address: the socket's, or, from a trusted proxy, the nearest untrusted hop
    of X-Forwarded-For (the hops a client wrote itself come before its proxy's and are ignored)."""
    remote = request.remote or ""
    trusted = request.app[TRUSTED_PROXIES]
    if remote not in trusted:
        return remote
    hops = [hop.strip() for hop in request.headers.get("X-Forwarded-For", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        if hop not in trusted:
            return hop[:64]
    return remote


async def signed_in_user(request: web.Request, address: str) -> tuple[User | None, str, str]:
    """The user, the login token of this request, and a new token to set as the cookie ("" if none).

    A trusted proxy's user header (single sign-on) wins over the cookie; it starts a session of
    its own the first time, so the pages behave the same either way."""
    settings, accounts = request.app[SETTINGS], request.app[ACCOUNTS]
    token = request.cookies.get(LOGIN_COOKIE, "")
    user = await accounts.session_user(token) if token and len(token) <= 128 else None
    header = settings.remote_user_header
    if header and (request.remote or "") in request.app[TRUSTED_PROXIES]:
        named = request.headers.get(header, "").strip()
        if named and (user is None or user.username.casefold() != named.casefold()):
            started = await accounts.sso_session(named, address)
            if started is not None:
                user, token = started
                return user, token, token
    return user, token if user else "", ""


def is_public(path: str) -> bool:
    return path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES)


def login_required(request: web.Request) -> web.StreamResponse:
    if request.path.startswith("/api/") or request.path == "/ws" or request.method not in SAFE_METHODS:
        raise ApiError(401, "login_required", "sign in first: POST /api/login with username and password")
    target = request.path_qs if request.path != "/" else ""
    raise web.HTTPSeeOther("/login" + (f"?{urlencode({'next': target})}" if target else ""))


@web.middleware
async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Every request: the Host check, its viewer (a session cookie set when new; the signed-in
    user in accounts mode, and sign-in required but for the login pages), the Origin check."""
    check_host(request)
    signer = request.app[SIGNER]
    session_id, new = session_of(request, signer)
    address = client_address(request)
    user, token, new_token = None, "", ""
    if request.app[SETTINGS].auth == "accounts" and not request.path.startswith("/static/"):
        user, token, new_token = await signed_in_user(request, address)
    request[VIEWER] = Viewer(session=session_id, address=address, user=user)
    if token:
        request[LOGIN_TOKEN] = token
    check_origin(request)
    if request.app[SETTINGS].auth == "accounts" and user is None and not is_public(request.path):
        login_required(request)
    response = await handler(request)
    if not response.prepared:
        if new:
            set_cookie(response, signer, session_id, secure=served_over_https(request))
        if new_token:
            set_login_cookie(response, new_token, secure=served_over_https(request))
    return response


# --- CSRF


def csrf_token(request: web.Request) -> str:
    """The token of this visitor's session (and sign-in: a new sign-in gets a new token): a MAC
    only the server can make."""
    login = request.get(LOGIN_TOKEN, "")
    return request.app[SIGNER].sign(f"csrf:{request[VIEWER].session}:{login}").rpartition(".")[2]


def csrf_valid(request: web.Request, token: object) -> bool:
    return isinstance(token, str) and hmac.compare_digest(csrf_token(request), token)


# --- response headers


def content_security_policy(request: web.Request) -> str:
    host = request.host if PLAIN_HOST.match(request.host) else ""
    connect = "'self'" + (f" ws://{host} wss://{host}" if host else "")
    # The editor puts its base styles in a <style> element; the page's nonce admits it alone.
    nonce = request.get(CSP_NONCE)
    style = "'self'" + (f" 'nonce-{nonce}'" if nonce else "")
    return "; ".join([
        "default-src 'none'", "script-src 'self'", f"style-src {style}", "img-src 'self' data:",
        "font-src 'self'", f"connect-src {connect}", "form-action 'self'", "base-uri 'none'",
        "frame-ancestors 'none'",
    ])  # fmt: skip


async def add_security_headers(request: web.Request, response: web.StreamResponse) -> None:
    """on_response_prepare: every response, errors and static files included."""
    headers = response.headers
    headers.setdefault("Content-Security-Policy", content_security_policy(request))
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
    if request.path.startswith("/static/"):
        # Revalidated on every use, so a new build of app.js is never stale.
        headers.setdefault("Cache-Control", "no-cache")
