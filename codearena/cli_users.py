"""`codearena user ...`: accounts from the command line (the first admin is made here, never by a
default password)."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Callable

from codearena.config import ConfigError, Settings
from codearena.services.accounts import AccountService
from codearena.services.errors import ServiceError
from codearena.store.accounts import AccountStore
from codearena.store.db import Database


def base_url(settings: Settings) -> str:
    if settings.public_host:
        return f"https://{settings.public_host}"
    host = f"[{settings.host}]" if ":" in settings.host else settings.host
    return f"http://{host}:{settings.port}"


async def user_command(args: argparse.Namespace, settings: Settings) -> int:
    database = await Database.open(settings.database_path)
    try:
        accounts = AccountService(settings, AccountStore(database))
        if args.action == "list":
            for user in await accounts.store.users():
                state = "password set" if user.has_password else "no password yet"
                print(f"{user.username}\t{user.role.value}\t{user.name}\t{user.email}\t{state}")
            return 0
        if args.action == "add":
            user = await accounts.create_user(None, args.username, args.role, name=args.name, email=args.email)
            print(f"created {user.role.value} {user.username!r}")
        else:
            found = await accounts.store.by_username(args.username)
            if found is None:
                print(f"codearena: no user {args.username!r}", file=sys.stderr)
                return 1
            user = found
        if getattr(args, "password_stdin", False):
            await accounts.set_password(user.id, sys.stdin.readline().rstrip("\n"))
            print("password set")
        else:
            token = await accounts.password_link(None, user.id)
            print(f"one-time link to set the password (valid {settings.password_link_days:g} days):")
            print(f"{base_url(settings)}/set-password/{token}")
        return 0
    except ServiceError as exc:
        print(f"codearena: {exc.message}", file=sys.stderr)
        return 1
    finally:
        await database.close()


def add_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], settings_of: Callable[[argparse.Namespace], Settings]
) -> None:
    user = sub.add_parser("user", help="add users, make password links, list users (auth = accounts)")
    actions = user.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="create a user and print a one-time link to set their password")
    add.add_argument("username")
    add.add_argument("--role", choices=["admin", "instructor", "student"], default="student")
    add.add_argument("--name", default="")
    add.add_argument("--email", default="")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    link = actions.add_parser("link", help="a new one-time password link for a user (the old one stops working)")
    link.add_argument("username")
    password = actions.add_parser("password", help="set a user's password, read from standard input")
    password.add_argument("username")
    password.set_defaults(password_stdin=True)
    actions.add_parser("list", help="every user")

    def handler(args: argparse.Namespace) -> int:
        try:
            settings = settings_of(args)
        except ConfigError as exc:
            print(f"codearena: {exc}", file=sys.stderr)
            return 2
        return asyncio.run(user_command(args, settings))

    user.set_defaults(handler=handler)
