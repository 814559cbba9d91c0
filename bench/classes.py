"""The instructor's pages on a big class: 300 students x 10 problems x 30,000 submissions.

Builds a database of that size (users, one course, one assignment of 10 problems with a late
window and extensions, 30,000 judged submissions spread over the students and problems), starts
`codearena serve` on it with accounts on, signs in as the course's instructor and times, over
HTTP, the requests an instructor makes:

  the course's submissions page (newest 50), the same filtered by a problem and by late,
  the grade export as CSV, and the same as JSON.

The yardstick, measured in the same run against the same server: GET /api/languages (a request
that touches no database), so each figure is also a ratio to the server's own floor.

  .venv/bin/python bench/classes.py [--students 300] [--problems 10] [--submissions 30000] [--repeat 30]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp

from codearena.store.db import Database

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "bench password 1"
PROBLEMS = ["a-plus-b", "two-sum", "fizzbuzz", "reverse-string", "maximum-subarray", "valid-parentheses",
            "coin-change", "contains-duplicate", "group-anagrams", "merge-intervals"]  # fmt: skip
SOURCE = "print(sum(map(int, input().split())))"


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


async def migrate(path: Path) -> None:
    database = await Database.open(path)
    await database.close()


def fill(path: Path, students: int, problems: list[str], submissions: int) -> None:
    """The class, written with plain sqlite3 in one transaction."""
    rng = random.Random(7)
    now = datetime.now(UTC)
    opens, due = now - timedelta(days=20), now - timedelta(days=5)
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO users (username, name, role, created_at) VALUES ('teacher', 'T', 'instructor', ?)",
                   (iso(now),))  # fmt: skip
        db.executemany(
            "INSERT INTO users (username, name, email, student_id, role, created_at) VALUES (?, ?, ?, ?, 'student', ?)",
            [(f"s{i:04d}", f"Student {i}", f"s{i}@school.example", f"2026{i:04d}", iso(now)) for i in range(students)],
        )
        db.execute("INSERT INTO courses (slug, title, time_zone, created_at) VALUES ('big', 'Big class', 'UTC', ?)",
                   (iso(now),))  # fmt: skip
        db.execute("INSERT INTO course_members SELECT 1, id, role FROM users")
        db.execute(
            "INSERT INTO assignments (course_id, title, opens_at, due_at, late_until, late_rule, after_due, created_at)"
            " VALUES (1, 'Homework', ?, ?, ?, 'per_day:10', 'late', ?)",
            (iso(opens), iso(due), iso(now), iso(now)),
        )
        db.executemany("INSERT INTO assignment_problems (assignment_id, problem, points, position)"
                       " VALUES (1, ?, 10, ?)", [(p, i) for i, p in enumerate(problems)])  # fmt: skip
        db.executemany("INSERT INTO extensions (assignment_id, user_id, due_at) VALUES (1, ?, ?)",
                       [(uid, iso(now)) for uid in range(2, 2 + students, 10)])  # fmt: skip
        rows = []
        span = (now - opens).total_seconds()
        for n in range(submissions):
            uid = 2 + rng.randrange(students)
            passed = rng.choice([0, 3, 7, 10, 10, 10])
            verdict = "accepted" if passed == 10 else "wrong_answer"
            created = opens + timedelta(seconds=rng.random() * span)
            rows.append((f"{n:016x}", "bench", uid, rng.choice(problems), "python", SOURCE, "completed", verdict,
                         passed, 10, iso(created), iso(created)))  # fmt: skip
        db.executemany(
            "INSERT INTO submissions (id, session, user_id, problem, language, source, status, verdict, passed, total,"
            " created_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )


async def timed(http: aiohttp.ClientSession, url: str, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        async with http.get(url, headers={"Accept": "text/html"}) as r:
            await r.read()
            if r.status != 200:
                raise SystemExit(f"GET {url} answered {r.status}")
        times.append((time.perf_counter() - started) * 1000)
    return times


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--students", type=int, default=300)
    parser.add_argument("--problems", type=int, default=10)
    parser.add_argument("--submissions", type=int, default=30_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        db_path = work / "class.db"
        await migrate(db_path)
        started = time.perf_counter()
        fill(db_path, args.students, PROBLEMS[: args.problems], args.submissions)
        print(f"built {args.students} students, {args.problems} problems, {args.submissions} submissions "
              f"in {time.perf_counter() - started:.1f} s")  # fmt: skip
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        config = work / "config.toml"
        config.write_text(f'database_path = "{db_path}"\nauth = "accounts"\nrate_limit_enabled = false\n')
        cli = [sys.executable, "-m", "codearena.cli", "--config", str(config)]
        pipe, quiet = asyncio.subprocess.PIPE, asyncio.subprocess.DEVNULL
        setter = await asyncio.create_subprocess_exec(*cli, "user", "password", "teacher", cwd=ROOT, stdin=pipe,
                                                      stdout=quiet)  # fmt: skip
        await setter.communicate(PASSWORD.encode() + b"\n")
        log = (work / "server.log").open("wb")
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        server = await asyncio.create_subprocess_exec(*cli, "serve", "--port", str(port), cwd=ROOT, stdout=log,
                                                      stderr=log, env=env)  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        try:
            async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
                for _ in range(600):
                    try:
                        async with http.get(base + "/health") as r:
                            if r.status == 200:
                                break
                    except aiohttp.ClientError:
                        pass
                    await asyncio.sleep(0.1)
                async with http.post(base + "/api/login", json={"username": "teacher", "password": PASSWORD}) as r:
                    if r.status != 200:
                        raise SystemExit(f"sign-in answered {r.status}: {await r.text()}")
                targets = {
                    "yardstick: GET /api/languages": "/api/languages",
                    "course submissions page (newest 50)": "/courses/big/submissions",
                    "  filtered: one problem": "/courses/big/submissions?problem=two-sum",
                    "  filtered: late only": "/courses/big/submissions?late=yes",
                    "grade export, CSV": "/courses/big/grades.csv",
                    "grade export, JSON": "/api/courses/big/grades",
                }
                results = {}
                for name, path in targets.items():
                    await timed(http, base + path, 3)  # warm up
                    results[name] = await timed(http, base + path, args.repeat)
                floor = statistics.median(results["yardstick: GET /api/languages"])
                print(f"{'request':40} {'median':>9} {'p90':>9} {'max':>9} {'x floor':>8}")
                for name, times in results.items():
                    ordered = sorted(times)
                    p90 = ordered[int(0.9 * (len(ordered) - 1))]
                    median = statistics.median(times)
                    print(f"{name:40} {median:7.1f}ms {p90:7.1f}ms {max(times):7.1f}ms {median / floor:8.1f}")
        finally:
            server.terminate()
            await server.wait()


if __name__ == "__main__":
    asyncio.run(main())
