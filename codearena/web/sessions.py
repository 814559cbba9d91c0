"""Anonymous sessions: a signed, HttpOnly, SameSite cookie that names a caller's history."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from aiohttp import web

COOKIE = "codearena_session"
MAX_AGE_S = 365 * 24 * 3600


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
