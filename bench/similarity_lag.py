"""The similarity report on a big assignment: its wall time, and what it costs the server's event loop.

Builds the whole app in this process (accounts on, no judge: Docker is not needed) on a fresh
database with one course, one assignment of merge-intervals and N students, each with one
accepted Python submission: the bundled problems' Python solutions and the similarity fixtures,
each handed in by several students with its names renamed (so some pairs are copies and most are
not). Then, as the course's instructor, it starts a report through the service, as the API
does, and waits for it, while a ticker sleeps 10 ms at a time and records how late each wake-up
is: the event loop's lag. The same ticker runs as long again with no report, as the yardstick.

All N submissions are in one problem and one language: every pair is compared, the worst case.

  .venv/bin/python bench/similarity_lag.py [--students 200]
"""

from __future__ import annotations

import argparse
import asyncio
import re
import secrets
import statistics
import tempfile
import time
from pathlib import Path

from aiohttp import web

from codearena.config import load_settings
from codearena.domain.accounts import Role
from codearena.sandbox.docker import EngineError
from codearena.services.access import Viewer
from codearena.services.engine import JudgeEngine
from codearena.services.similarity import State
from codearena.web.app import init_app
from codearena.web.keys import ACCOUNTS, ASSIGNMENTS, DATABASE, SIMILARITY

ROOT = Path(__file__).resolve().parent.parent
KEYWORDS = {"def", "return", "for", "in", "if", "else", "elif", "while", "import", "from", "and", "or", "not", "None",
            "True", "False", "class", "self", "print", "int", "str", "len", "range", "list", "map", "sorted", "sys",
            "max", "min", "sum", "zip", "dict", "set", "lambda", "break", "continue", "is", "with", "as", "pass",
            "main", "try", "except", "global", "nonlocal", "yield", "tuple", "float", "enumerate", "input"}  # fmt: skip


async def no_judge(*_: object) -> JudgeEngine:
    raise EngineError("the benchmark runs without a judge")


def renamed(source: str, n: int) -> str:
    """`source` with each of its own names given a suffix: a copy as a copier makes one."""
    return re.sub(r"\b([A-Za-z_]\w*)\b", lambda m: m[1] if m[1] in KEYWORDS else f"{m[1]}_{n}", source)


def sources(count: int) -> list[str]:
    pool = [p.read_text() for p in sorted(ROOT.glob("problems/*/solutions/*.py"))]
    pool += [p.read_text() for p in sorted((ROOT / "tests/fixtures/similarity/python").glob("*.py"))]
    return [pool[i % len(pool)] if i < len(pool) else renamed(pool[i % len(pool)], i) for i in range(count)]


async def ticker(lags: list[float], stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    while not stop.is_set():
        before = loop.time()
        await asyncio.sleep(0.010)
        lags.append(loop.time() - before - 0.010)


def describe(lags: list[float]) -> str:
    ordered = sorted(lags)
    p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
    return (f"{len(lags)} ticks, lag median {statistics.median(lags) * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms,"
            f" max {ordered[-1] * 1000:.1f} ms")  # fmt: skip


async def main(students: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(None, database_path=Path(tmp) / "bench.db", auth="accounts",
                                 problems_poll_interval_s=0)  # fmt: skip
        app = init_app(settings, engine_factory=no_judge)
        runner = web.AppRunner(app)  # the app's resources, started as the server starts them; no listening
        await runner.setup()
        try:
            await run(app, students)
        finally:
            await runner.cleanup()


async def run(app: web.Application, students: int) -> None:
    accounts, db = app[ACCOUNTS], app[DATABASE]
    teacher = await accounts.create_user(None, "teacher", Role.INSTRUCTOR)
    async with db.write() as c:
        await c.execute("INSERT INTO courses (slug, title, created_at) VALUES ('big', 'Big', '2026-01-01')")
        await c.execute("INSERT INTO course_members (course_id, user_id, role) VALUES (1, ?, 'instructor')",
                        (teacher.id,))  # fmt: skip
    viewer = Viewer("bench", user=teacher)
    assignment = await app[ASSIGNMENTS].create(viewer, "big", {
        "title": "Merge", "problems": [{"problem": "merge-intervals", "points": 100}],
        "opens_at": "2020-01-01T00:00", "due_at": "2099-01-01T00:00"})  # fmt: skip
    for n, source in enumerate(sources(students)):
        user = await accounts.create_user(None, f"s{n:03d}", Role.STUDENT)
        async with db.write() as c:
            await c.execute("INSERT INTO course_members (course_id, user_id, role) VALUES (1, ?, 'student')",
                            (user.id,))  # fmt: skip
            await c.execute(
                "INSERT INTO submissions (id, session, user_id, problem, language, source, status, verdict, passed,"
                " total, created_at) VALUES (?, 's', ?, 'merge-intervals', 'python', ?, 'completed', 'accepted',"
                " 10, 10, '2026-01-02T00:00:00.000Z')",
                (secrets.token_hex(8), user.id, source),
            )

    service = app[SIMILARITY]
    for label in ("first report (starts the worker process)", "second report (worker already running)"):
        lags: list[float] = []
        stop = asyncio.Event()
        tick = asyncio.create_task(ticker(lags, stop))
        began = time.monotonic()
        report = await service.start(viewer, {"assignment": assignment.id})
        await report.done.wait()
        elapsed = time.monotonic() - began
        stop.set()
        await tick
        assert report.state == State.DONE, report.error
        print(f"{label}: {report.submissions} submissions, {report.pairs_total} pairs, "
              f"{len(report.pairs) + report.more_pairs} at or above {report.options.threshold:.0%}")  # fmt: skip
        print(f"  wall time {elapsed:.2f} s from start to done (the report's own: {report.wall_s:.2f} s)")
        print(f"  event loop while it ran: {describe(lags)}")
    lags, stop = [], asyncio.Event()
    tick = asyncio.create_task(ticker(lags, stop))
    await asyncio.sleep(elapsed)
    stop.set()
    await tick
    print(f"yardstick, no report, as long: {describe(lags)}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=200)
    asyncio.run(main(parser.parse_args().students))
