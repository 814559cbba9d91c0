"""`codearena import PATH`: a Kattis problem package (a folder, a .zip or a .kpp) checked in the
sandbox and, when all is well, added to the problems folder (a running server picks it up)."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Callable
from pathlib import Path

from codearena.config import ConfigError, Settings
from codearena.engine import Engine
from codearena.languages import LanguageError, load_languages
from codearena.problems.import_report import ImportOptions, ImportReport
from codearena.problems.import_sandbox import EngineSandbox
from codearena.problems.importer import import_package
from codearena.problems.model import Difficulty
from codearena.sandbox.docker import EngineError


async def import_command(args: argparse.Namespace, settings: Settings) -> int:
    """Exit 0 when the problem was imported, 1 when the package failed a check, 2 when the
    import could not run."""
    source: Path = args.path
    if not source.exists():
        print(f"codearena: {source}: no such file or folder", file=sys.stderr)
        return 2
    try:
        engine = await Engine.start(settings, load_languages())
    except (EngineError, LanguageError) as exc:
        print(f"codearena: cannot import without the sandbox: {exc}", file=sys.stderr)
        return 2
    options = ImportOptions(slug=args.slug, replace=args.replace, difficulty=Difficulty(args.difficulty),
                            max_source_kb=settings.max_source_kb)  # fmt: skip
    report = ImportReport(str(source), listeners=[lambda line: print(line, flush=True)])
    try:
        await import_package(source, settings.problems_dir, EngineSandbox(engine), options, report)
    finally:
        await engine.close()
    return 0 if report.ok else 1


def add_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], settings_of: Callable[[argparse.Namespace], Settings]
) -> None:
    command = sub.add_parser(
        "import",
        help="import a Kattis problem package (folder, .zip or .kpp): checked in the sandbox, then served",
    )
    command.add_argument("path", type=Path, help="the package: a folder, or a .zip/.kpp archive of one")
    command.add_argument("--slug", help="the problem's name in CodeArena (default: the package's)")
    command.add_argument("--replace", action="store_true", help="replace an earlier import of the same problem")
    command.add_argument("--difficulty", choices=[d.value for d in Difficulty], default="medium")

    def handler(args: argparse.Namespace) -> int:
        try:
            settings = settings_of(args)
        except ConfigError as exc:
            print(f"codearena: {exc}", file=sys.stderr)
            return 2
        return asyncio.run(import_command(args, settings))

    command.set_defaults(handler=handler)
