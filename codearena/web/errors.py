"""API errors: every one is {"error": {"code", "message"}} with its status; services' refusals too."""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable

from aiohttp import web

from codearena.services.errors import (
    Conflict,
    Forbidden,
    Invalid,
    NotFound,
    ServiceError,
    TooLarge,
    TooMany,
    Unauthenticated,
    Unavailable,
)

log = logging.getLogger(__name__)


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, retry_after_s: int | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.retry_after_s = status, code, message, retry_after_s


def error_response(status: int, code: str, message: str, retry_after_s: int | None = None) -> web.Response:
    headers = {"Retry-After": str(retry_after_s)} if retry_after_s is not None else None
    return web.json_response({"error": {"code": code, "message": message}}, status=status, headers=headers)


STATUS_OF: dict[type[ServiceError], int] = {Invalid: 400, Unauthenticated: 401, Forbidden: 403, NotFound: 404,
                                            Conflict: 409, TooLarge: 413, TooMany: 429,
                                            Unavailable: 503}  # fmt: skip


def status_of(error: ServiceError) -> int:
    return STATUS_OF.get(type(error), 400)


HTTP_CODES = {400: "bad_request", 401: "login_required", 403: "forbidden", 404: "not_found",
              405: "method_not_allowed", 413: "payload_too_large",
              415: "unsupported_media_type", 429: "rate_limited", 503: "unavailable"}  # fmt: skip


@web.middleware
async def json_errors(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    try:
        return await handler(request)
    except ApiError as exc:
        return error_response(exc.status, exc.code, exc.message, exc.retry_after_s)
    except ServiceError as exc:
        return error_response(status_of(exc), exc.code, exc.message, exc.retry_after_s)
    except web.HTTPException as exc:
        if exc.status < 400 or not _wants_json(request):
            raise
        return error_response(exc.status, HTTP_CODES.get(exc.status, "error"), exc.reason)
    except Exception:
        log.exception("unhandled error in %s %s", request.method, request.path)
        return error_response(500, "internal_error", "the server failed; the error is in its log")


def _wants_json(request: web.Request) -> bool:
    return not request.path.startswith("/static/") and "text/html" not in request.headers.get("Accept", "")


def parse_json(raw: str | bytes, what: str) -> object:
    """`raw` parsed, or a 400 that says what is wrong with `what`."""
    try:
        return json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ApiError(400, "malformed_json", f"{what} is not valid JSON: {exc}") from exc
    except RecursionError as exc:  # a few KiB of "[[[[" is enough
        raise ApiError(400, "malformed_json", f"{what} nests arrays or objects too deeply") from exc


async def json_body(request: web.Request, max_bytes: int) -> dict[str, object]:
    """The request's JSON object, or a 4xx that says what is wrong with it."""
    if request.content_type != "application/json":
        raise ApiError(415, "unsupported_media_type", "send the body as JSON with Content-Type: application/json")
    if request.content_length is not None and request.content_length > max_bytes:
        raise ApiError(413, "payload_too_large", f"the body is over {max_bytes} bytes")
    raw = await request.read()
    if len(raw) > max_bytes:
        raise ApiError(413, "payload_too_large", f"the body is over {max_bytes} bytes")
    data = parse_json(raw, "the body")
    if not isinstance(data, dict):
        raise ApiError(400, "invalid_body", "the body must be a JSON object")
    return data
