"""Command line: `codearena judge PROBLEM SOURCE`, `codearena check-problems`."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from pathlib import Path

from codearena import cli_users
from codearena.config import ConfigError, Settings, load_settings
from codearena.engine import Engine
from codearena.judging.judge import JudgeEvent, StatusEvent, TestEvent
from codearena.languages import LanguageError, language_for_file, load_languages
from codearena.problems.model import ProblemError
from codearena.problems.native import load_problems, resolve_problem
from codearena.sandbox.docker import EngineError
from codearena.web import wire

DEFAULT_CONFIG = Path("config.toml")


def fail(message: str) -> int:
    print(f"codearena: {message}", file=sys.stderr)
    return 2


def _settings(args: argparse.Namespace) -> Settings:
    path = args.config if args.config else (DEFAULT_CONFIG if DEFAULT_CONFIG.is_file() else None)
    return load_settings(path)


async def judge_command(args: argparse.Namespace) -> int:
    try:
        settings = _settings(args)
        languages = load_languages()
        problem = resolve_problem(args.problem, settings.problems_dir, set(languages))
    except (ConfigError, LanguageError, ProblemError) as exc:
        return fail(str(exc))
    source_path = Path(args.source)
    try:
        source = source_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return fail(f"cannot read {source_path}: {exc}")
    lang_id = args.language or language_for_file(languages, source_path)
    if lang_id is None:
        return fail(f"cannot tell the language of {source_path}; pass --language ({', '.join(languages)})")
    if lang_id not in languages:
        return fail(f"unknown language {lang_id!r}; known: {', '.join(languages)}")

    async def show(event: JudgeEvent) -> None:
        if args.json:
            return
        if isinstance(event, StatusEvent):
            print(f"  {event.status.value}...", flush=True)
        elif isinstance(event, TestEvent):
            t = event.result
            print(
                f"  test {t.index:>3}  {t.verdict.value:<22} {t.time_ms:>6} ms {t.memory_kb:>8} KB",
                flush=True,
            )

    try:
        engine = await Engine.start(settings, languages)
    except EngineError as exc:
        return fail(str(exc))
    try:
        result = await engine.judge.judge(problem, languages[lang_id], source, show)
    finally:
        await engine.close()
    if args.json:
        print(json.dumps(wire.judge_result(result), indent=2))
    else:
        if result.compile_output.strip():
            print(result.compile_output.rstrip())
        print(
            f"{result.verdict.value}: {result.passed}/{result.total} tests passed, "
            f"max {result.time_ms} ms, {result.memory_kb} KB"
        )
    return 0


def check_problems_command(args: argparse.Namespace) -> int:
    try:
        settings = _settings(args)
        languages = load_languages()
    except (ConfigError, LanguageError) as exc:
        return fail(str(exc))
    problems, errors = load_problems(settings.problems_dir, set(languages))
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    for problem in problems.values():
        print(
            f"ok: {problem.slug}: {len(problem.tests)} tests ({len(problem.samples)} samples), "
            f"{len(problem.solutions)} reference solutions"
        )
    return 1 if errors else 0


def serve_command(args: argparse.Namespace) -> int:
    from aiohttp import web

    from codearena.web.app import init_app

    try:
        settings = load_settings(
            args.config if args.config else (DEFAULT_CONFIG if DEFAULT_CONFIG.is_file() else None),
            host=args.host,
            port=args.port,
        )
    except ConfigError as exc:
        return fail(str(exc))
    logging.getLogger().setLevel(logging.INFO)
    print(f"CodeArena on http://{settings.host}:{settings.port}/", flush=True)
    web.run_app(init_app(settings), host=settings.host, port=settings.port, print=None,
                shutdown_timeout=settings.shutdown_grace_s)  # fmt: skip
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="codearena", description="CodeArena, a self-hosted online judge.")
    top.add_argument("--config", type=Path, help="settings file (default: ./config.toml if present)")
    top.add_argument("-v", "--verbose", action="store_true", help="log what the judge does")
    sub = top.add_subparsers(dest="command", required=True)
    judge = sub.add_parser("judge", help="judge a source file against a problem's tests")
    judge.add_argument("problem", help="problem slug (in problems/) or path to a problem folder")
    judge.add_argument("source", help="source file")
    judge.add_argument("--language", help="language id (default: from the file extension)")
    judge.add_argument("--json", action="store_true", help="print the result as JSON")
    judge.set_defaults(handler=lambda a: asyncio.run(judge_command(a)))
    serve = sub.add_parser("serve", help="run the web server")
    serve.add_argument("--config", type=Path, default=argparse.SUPPRESS, help="settings file")
    serve.add_argument("--host", help="address to listen on (default from config: 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port to listen on (default from config: 8080)")
    serve.set_defaults(handler=serve_command)
    check = sub.add_parser("check-problems", help="validate every problem folder")
    check.set_defaults(handler=check_problems_command)
    cli_users.add_parser(sub, _settings)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    code: int = args.handler(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
