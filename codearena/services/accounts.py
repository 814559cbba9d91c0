"""Accounts: signing in and out, creating users, one-time set-password links.

Passwords are hashed with argon2id (argon2-cffi) in a worker thread, so a sign-in never stalls
the event loop. Failed sign-ins are throttled per account and per address; a wrong username
costs as much time as a wrong password, so timing does not tell which names exist.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections import deque
from collections.abc import Callable

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from codearena.config import Settings
from codearena.domain.accounts import Role, User
from codearena.services.access import Viewer
from codearena.services.errors import Conflict, Forbidden, Invalid, TooMany, Unauthenticated
from codearena.store.accounts import AccountStore, UsernameTaken

USERNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
MIN_PASSWORD = 8
MAX_PASSWORD = 1024
FAILURE_WINDOW_S = 15 * 60
MAX_FAILURES_PER_ACCOUNT = 5
MAX_FAILURES_PER_ADDRESS = 50
MAX_TRACKED = 100_000


class FailureThrottle:
    """Failed attempts per key within a sliding window; a key at its maximum must wait."""

    def __init__(self, window_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.window_s = window_s
        self._clock = clock
        self._failures: dict[str, deque[float]] = {}

    def wait_s(self, key: str, maximum: int) -> int:
        """0 if `key` may try now, else the whole seconds until its oldest failure expires."""
        failures = self._recent(key)
        if len(failures) < maximum:
            return 0
        return max(1, int(failures[0] + self.window_s - self._clock()) + 1)

    def fail(self, key: str) -> None:
        if len(self._failures) >= MAX_TRACKED:
            self._failures.clear()
        self._recent(key).append(self._clock())

    def forget(self, key: str) -> None:
        self._failures.pop(key, None)

    def _recent(self, key: str) -> deque[float]:
        failures = self._failures.setdefault(key, deque())
        oldest = self._clock() - self.window_s
        while failures and failures[0] < oldest:
            failures.popleft()
        return failures


def check_username(username: object) -> str:
    if not isinstance(username, str) or not USERNAME.match(username):
        message = "a username is 1-64 letters, digits or . _ @ -, starting with a letter or digit"
        raise Invalid("invalid_username", message)
    return username


def check_password(password: object) -> str:
    if not isinstance(password, str) or not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise Invalid("invalid_password", f"a password has {MIN_PASSWORD} to {MAX_PASSWORD} characters")
    return password


def check_role(role: object) -> Role:
    try:
        return Role(str(role))
    except ValueError:
        raise Invalid("invalid_role", f"a role is one of: {', '.join(r.value for r in Role)}") from None


class AccountService:
    def __init__(self, settings: Settings, store: AccountStore, throttle: FailureThrottle | None = None) -> None:
        self.settings = settings
        self.store = store
        self.throttle = throttle or FailureThrottle(FAILURE_WINDOW_S)
        self.hasher = PasswordHasher()
        self._dummy_hash = self.hasher.hash("not a password anyone has")

    @property
    def session_max_age_s(self) -> float:
        return self.settings.login_session_days * 86400

    async def hash(self, password: str) -> str:
        return await asyncio.to_thread(self.hasher.hash, password)

    async def _verify(self, hashed: str, password: str) -> bool:
        try:
            return await asyncio.to_thread(self.hasher.verify, hashed, password)
        except (VerificationError, InvalidHashError):
            return False

    async def login(self, username: object, password: object, address: str) -> tuple[User, str]:
        """Check the credentials; the user and a new session token (a session is never reused:
        each sign-in gets a fresh one)."""
        if not isinstance(username, str) or not isinstance(password, str) or len(password) > MAX_PASSWORD:
            raise Invalid("invalid_credentials", "'username' and 'password' must be strings")
        account_key, address_key = "user:" + username.casefold(), "addr:" + address
        wait_s = max(self.throttle.wait_s(account_key, MAX_FAILURES_PER_ACCOUNT),
                     self.throttle.wait_s(address_key, MAX_FAILURES_PER_ADDRESS))  # fmt: skip
        if wait_s:
            raise TooMany("login_throttled", f"too many failed sign-ins; retry in {wait_s} s", retry_after_s=wait_s)
        user = await self.store.by_username(username)
        hashed = await self.store.password_hash(user.id) if user else None
        valid = await self._verify(hashed or self._dummy_hash, password)
        if user is None or hashed is None or not valid:
            self.throttle.fail(account_key)
            self.throttle.fail(address_key)
            raise Unauthenticated("wrong_credentials", "wrong username or password")
        self.throttle.forget(account_key)
        if self.hasher.check_needs_rehash(hashed):
            await self.store.set_password_hash(user.id, await self.hash(password))
        return user, await self.store.start_session(user.id, address)

    async def session_user(self, token: str) -> User | None:
        return await self.store.session_user(token, self.session_max_age_s)

    async def sso_session(self, username: str, address: str) -> tuple[User, str] | None:
        """A session for the user a trusted proxy named, if that user exists."""
        user = await self.store.by_username(username)
        if user is None:
            return None
        return user, await self.store.start_session(user.id, address)

    async def logout(self, token: str) -> None:
        await self.store.end_session(token)

    async def logout_everywhere(self, viewer: Viewer) -> int:
        user = require_user(viewer)
        return await self.store.end_all_sessions(user.id)

    async def create_user(
        self,
        actor: Viewer | None,
        username: object,
        role: object,
        *,
        name: str = "",
        email: str = "",
        student_id: str = "",
    ) -> User:
        """A new user without a password (see `password_link`). `actor` None is the command line;
        an admin creates any role, an instructor students only."""
        username, role = check_username(username), check_role(role)
        if actor is not None:
            creator = require_user(actor)
            if not (creator.role == Role.ADMIN or (creator.role == Role.INSTRUCTOR and role == Role.STUDENT)):
                raise Forbidden("forbidden", f"a {creator.role.value} cannot create a {role.value}")
        try:
            return await self.store.create_user(username, role, name=name, email=email, student_id=student_id)
        except UsernameTaken:
            raise Conflict("username_taken", f"there is already a user {username!r}") from None

    async def set_password(self, user_id: int, password: object) -> None:
        """The command line's way: set a password directly."""
        await self.store.set_password_hash(user_id, await self.hash(check_password(password)))

    async def password_link(self, actor: Viewer | None, user_id: int) -> str:
        """A new one-time set-password link token for `user_id` (an earlier one stops working)."""
        if actor is not None:
            creator = require_user(actor)
            target = await self.store.user(user_id)
            if target is None or not may_manage(creator, target):
                raise Forbidden("forbidden", "you cannot make a password link for this user")
        return await self.store.password_link(user_id, self.settings.password_link_days * 86400)

    async def link_user(self, token: str) -> User | None:
        return await self.store.link_user(token)

    async def use_link(self, token: str, password: object) -> User:
        hashed = await self.hash(check_password(password))
        user = await self.store.use_link(token, hashed)
        if user is None:
            raise Invalid("link_invalid", "this link was already used or has expired; ask for a new one")
        return user


def require_user(viewer: Viewer) -> User:
    if viewer.user is None:
        raise Unauthenticated("login_required", "sign in first")
    return viewer.user


def may_manage(actor: User, target: User) -> bool:
    """Whether `actor` may reset `target`'s password: an admin anyone; an instructor students.
    (Which students: course membership narrows it where courses are involved.)"""
    return actor.role == Role.ADMIN or (actor.role == Role.INSTRUCTOR and target.role == Role.STUDENT)
