"""Users, their login sessions and their one-time set-password links.

Tokens (of sessions and links) are random and stored only as their SHA-256: a copy of the
database signs nobody in.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from codearena.domain.accounts import Role, User
from codearena.store.db import Database, Row
from codearena.store.submissions import utc_now


class UsernameTaken(Exception):
    pass


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class AccountStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def create_user(
        self, username: str, role: Role, *, name: str = "", email: str = "", student_id: str = ""
    ) -> User:
        async with self.db.write() as connection:
            found = await connection.execute_fetchall("SELECT 1 FROM users WHERE username = ?", (username,))
            if found:
                raise UsernameTaken(username)
            cursor = await connection.execute(
                "INSERT INTO users (username, name, email, student_id, role, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                (username, name, email, student_id, role.value, utc_now()),
            )
            user_id = cursor.lastrowid
            await cursor.close()
        user = await self.user(int(user_id or 0))
        assert user is not None
        return user

    async def user(self, user_id: int) -> User | None:
        row = await self.db.fetchone("SELECT * FROM users WHERE id = ?", (user_id,))
        return user_of_row(row) if row else None

    async def by_username(self, username: str) -> User | None:
        row = await self.db.fetchone("SELECT * FROM users WHERE username = ?", (username,))
        return user_of_row(row) if row else None

    async def users(self) -> list[User]:
        return [user_of_row(r) for r in await self.db.fetchall("SELECT * FROM users ORDER BY role, username")]

    async def password_hash(self, user_id: int) -> str | None:
        row = await self.db.fetchone("SELECT password_hash FROM users WHERE id = ?", (user_id,))
        return str(row[0]) if row and row[0] else None

    async def set_password_hash(self, user_id: int, hashed: str) -> None:
        async with self.db.write() as connection:
            await connection.execute("UPDATE users SET password_hash = ? WHERE id = ?", (hashed, user_id))

    # --- login sessions

    async def start_session(self, user_id: int, address: str) -> str:
        """A new session for `user_id`; its token (kept only by the browser's cookie)."""
        token = secrets.token_urlsafe(32)
        now = utc_now()
        async with self.db.write() as connection:
            await connection.execute(
                "INSERT INTO login_sessions (token_hash, user_id, created_at, last_seen, address)"
                " VALUES (?, ?, ?, ?, ?)",
                (token_hash(token), user_id, now, now, address),
            )
        return token

    async def session_user(self, token: str, max_age_s: float) -> User | None:
        """The user a session token belongs to, if the session exists and is younger than `max_age_s`."""
        oldest = iso(datetime.now(UTC) - timedelta(seconds=max_age_s))
        row = await self.db.fetchone(
            "SELECT users.* FROM login_sessions JOIN users ON users.id = login_sessions.user_id"
            " WHERE token_hash = ? AND login_sessions.created_at > ?",
            (token_hash(token), oldest),
        )
        return user_of_row(row) if row else None

    async def end_session(self, token: str) -> None:
        async with self.db.write() as connection:
            await connection.execute("DELETE FROM login_sessions WHERE token_hash = ?", (token_hash(token),))

    async def end_all_sessions(self, user_id: int) -> int:
        """Sign the user out everywhere; how many sessions ended."""
        async with self.db.write() as connection:
            cursor = await connection.execute("DELETE FROM login_sessions WHERE user_id = ?", (user_id,))
            count = cursor.rowcount
            await cursor.close()
        return count

    # --- one-time set-password links

    async def password_link(self, user_id: int, valid_s: float) -> str:
        """A new link token for `user_id`, replacing any earlier one (a link is never shown twice)."""
        token = secrets.token_urlsafe(24)
        now = datetime.now(UTC)
        async with self.db.write() as connection:
            await connection.execute("DELETE FROM password_links WHERE user_id = ?", (user_id,))
            await connection.execute(
                "INSERT INTO password_links (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                (token_hash(token), user_id, iso(now), iso(now + timedelta(seconds=valid_s))),
            )
        return token

    async def link_user(self, token: str) -> User | None:
        """The user a link is for, while it is valid."""
        row = await self.db.fetchone(
            "SELECT users.* FROM password_links JOIN users ON users.id = password_links.user_id"
            " WHERE token_hash = ? AND expires_at > ?",
            (token_hash(token), utc_now()),
        )
        return user_of_row(row) if row else None

    async def use_link(self, token: str, hashed_password: str) -> User | None:
        """Set the password of the link's user and spend the link, in one transaction; None if
        the link is unknown, spent or expired. Every session of that user ends."""
        async with self.db.write() as connection:
            rows = await connection.execute_fetchall(
                "DELETE FROM password_links WHERE token_hash = ? AND expires_at > ? RETURNING user_id",
                (token_hash(token), utc_now()),
            )
            found = list(rows)
            if not found:
                return None
            user_id = int(found[0][0])
            await connection.execute("UPDATE users SET password_hash = ? WHERE id = ?", (hashed_password, user_id))
            await connection.execute("DELETE FROM login_sessions WHERE user_id = ?", (user_id,))
        return await self.user(user_id)


def user_of_row(row: Row) -> User:
    return User(id=row["id"], username=row["username"], name=row["name"], email=row["email"],
                student_id=row["student_id"], role=Role(row["role"]), has_password=bool(row["password_hash"]),
                created_at=row["created_at"])  # fmt: skip
