"""Command line: `codearena judge PROBLEM SOURCE`, `codearena check-problems [PATH]`, `codearena backup FILE`,
`codearena serve`, `codearena import PACKAGE` (cli_import), `codearena user ...` (cli_users)."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from pathlib import Path

from codearena import cli_import, cli_users
from codearena.config import ConfigError, Settings, load_settings
from codearena.domain.verdicts import verdict_label
from codearena.engine import Engine
from codearena.judging.judge import GroupEvent, JudgeEvent, StatusEvent, TestEvent
from codearena.languages import LanguageError, language_for_file, load_languages
from codearena.problems.check import check_folder, folders_to_check, judge_solution
from codearena.problems.model import Problem, ProblemError
from codearena.problems.native import resolve_problem
from codearena.sandbox.docker import EngineError
from codearena.store.backup import BackupError, backup
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
        elif isinstance(event, GroupEvent):
            g = event.result
            print(f"  group {g.name}: {g.verdict.value}, {g.earned}/{g.points} points", flush=True)

    try:
        engine = await Engine.start(settings, languages)
    except EngineError as exc:
        return fail(str(exc))
    try:
        if lang_id not in engine.languages:
            return fail(f"{lang_id} is not offered by the sandbox image {engine.image}; "
                        f"it offers {', '.join(engine.languages)} (see sandbox_tier)")  # fmt: skip
        result = await engine.judge.judge(problem, languages[lang_id], source, show)
    finally:
        await engine.close()
    if args.json:
        print(json.dumps(wire.judge_result(result), indent=2))
    else:
        if result.compile_output.strip():
            print(result.compile_output.rstrip())
        print(
            f"{verdict_label(result.verdict, result.score, result.max_score)}: "
            f"{result.passed}/{result.total} tests passed, "
            f"max {result.time_ms} ms, {result.memory_kb} KB"
        )
    return 0


async def check_problems_command(args: argparse.Namespace) -> int:
    """Exit 0 when every folder loads and every reference solution gets its verdict, 1 when
    anything fails, 2 when the check could not run."""
    try:
        settings = _settings(args)
        languages = load_languages()
        folders = folders_to_check(args.path or settings.problems_dir)
    except (ConfigError, LanguageError, ProblemError) as exc:
        return fail(str(exc))
    checks = [check_folder(folder, languages) for folder in folders]
    engine = None
    if not args.no_judge and any(check.solutions for check in checks):
        try:
            engine = await Engine.start(settings, languages)
        except EngineError as exc:
            return fail(f"cannot judge the reference solutions: {exc}; --no-judge checks the files only")
    failures = 0
    try:
        # Every solution is judged at once over the pool; the lines come out in order.
        verdicts = {
            (check.folder, name): asyncio.create_task(judge_solution(engine.judge, check.problem, name, language))
            for check in checks
            if engine is not None and check.problem is not None
            for name, language in check.solutions.items()
            if language.id in engine.languages
        }
        for check in checks:
            for fault in check.faults:
                print(f"FAIL: {fault}", flush=True)
            failures += len(check.faults)
            if (problem := check.problem) is None:
                continue
            if not check.faults:
                print(f"ok: {problem.slug}: {_problem_summary(problem)}", flush=True)
            for name in check.solutions:
                if (task := verdicts.get((check.folder, name))) is None:
                    if engine is not None and check.solutions[name].id not in engine.languages:
                        print(f"skipped: {problem.slug}/{name}: the sandbox image has no {check.solutions[name].name}")
                    continue
                failure = await task
                failures += failure is not None
                where = f"{problem.slug}/{name}"
                print(f"FAIL: {where}: {failure}" if failure else f"ok: {where}: {problem.solutions[name]}",
                      flush=True)  # fmt: skip
    finally:
        if engine is not None:
            await engine.close()
    what = _count(len(checks), "problem folder")
    what += f", {_count(len(verdicts), 'reference solution')} judged" if engine else ""
    print(f"{what}: {_count(failures, 'failure')}" if failures else f"{what}: all ok")
    return 1 if failures else 0


def _count(n: int, thing: str) -> str:
    return f"{n} {thing}" if n == 1 else f"{n} {thing}s"


def _problem_summary(problem: Problem) -> str:
    tests, samples = _count(len(problem.tests), "test"), _count(len(problem.samples), "sample")
    return f"{tests} ({samples}), {_count(len(problem.solutions), 'reference solution')}"


def backup_command(args: argparse.Namespace) -> int:
    try:
        settings = _settings(args)
        info = backup(settings.database_path, args.file, force=args.force)
    except (ConfigError, BackupError) as exc:
        return fail(str(exc))
    print(
        f"backed up {settings.database_path} to {args.file}: {info.submissions} submissions, "
        f"schema version {info.schema_version}, {info.size_bytes} bytes"
    )
    return 0


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
    check = sub.add_parser(
        "check-problems", help="validate problem folders and judge their reference solutions in the sandbox"
    )
    check.add_argument(
        "path", nargs="?", type=Path, help="a problem folder, or a folder of them (default: problems_dir)"
    )
    check.add_argument("--no-judge", action="store_true", help="check the files only; do not judge (no Docker needed)")
    check.set_defaults(handler=lambda a: asyncio.run(check_problems_command(a)))
    copy = sub.add_parser("backup", help="copy the live database consistently, even while the server writes")
    copy.add_argument("file", type=Path, help="the backup file to write")
    copy.add_argument("--force", action="store_true", help="replace FILE if it exists")
    copy.set_defaults(handler=backup_command)
    cli_users.add_parser(sub, _settings)
    cli_import.add_parser(sub, _settings)
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
