"""What a service says when it will not do what it was asked; the web layer picks the status."""

from __future__ import annotations


class ServiceError(Exception):
    """`code` is for programs (e.g. "unknown_language"), `message` for people."""

    def __init__(self, code: str, message: str, *, retry_after_s: int | None = None) -> None:
        super().__init__(message)
        self.code, self.message, self.retry_after_s = code, message, retry_after_s


class Invalid(ServiceError):
    """The request is malformed or names something that cannot be."""


class NotFound(ServiceError):
    """What the request names does not exist (or is not this viewer's to see)."""


class TooLarge(ServiceError):
    """A part of the request is over its size limit."""


class TooMany(ServiceError):
    """The viewer sent too much too fast; retry after `retry_after_s`."""


class Unavailable(ServiceError):
    """Judging cannot take it now (no Docker, a full queue, shutting down)."""


class Unauthenticated(ServiceError):
    """Nobody is signed in, or the credentials are wrong."""


class Forbidden(ServiceError):
    """The viewer is signed in but may not do this."""


class Conflict(ServiceError):
    """It would clash with what exists (a username taken)."""
