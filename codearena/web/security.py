"""Security headers on every response, and the CSRF token the HTML forms carry.

The JSON API needs no token: it takes only `application/json` bodies (which a cross-site form
cannot send) and the sessions middleware refuses a foreign `Origin`. HTML forms can be posted
from anywhere, so each carries a token derived from the visitor's signed session.
"""

from __future__ import annotations

import hmac
import re

from aiohttp import web

from codearena.web.keys import CSP_NONCE, SESSION, SIGNER

CSRF_FIELD = "csrf_token"
# A Host header is copied into the policy only when it is a plain host[:port].
PLAIN_HOST = re.compile(r"^[A-Za-z0-9.-]+(:[0-9]{1,5})?$|^\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?$")


def csrf_token(request: web.Request) -> str:
    """The token of this visitor's session: a MAC only the server can make."""
    return request.app[SIGNER].sign("csrf:" + request[SESSION]).rpartition(".")[2]


def csrf_valid(request: web.Request, token: object) -> bool:
    return isinstance(token, str) and hmac.compare_digest(csrf_token(request), token)


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
