"""Live scoreboards under load: N participants, each with a contest scoreboard WebSocket open,
while some of them submit and the real sandboxes judge.

Starts `codearena serve` as a subprocess in accounts mode (rate limits off, its own database with
N participants and a contest made beforehand), connects N clients the way the contest page does
(a WebSocket subscribed to the contest's scoreboard, over which the server sends the standings
table this viewer may see each time it may have changed), then has --submissions participants submit the accepted
a-plus-b in turn, one at a time, each waiting for its verdict.

An update's latency, per client: from the moment the submitter's own WebSocket reports the
verdict (`submission_completed`) to the moment that client holds standings showing that solve.
Reports the percentiles over every (update, client) pair, and the server's peak RSS, sampled
every 50 ms from /proc. The clients run in this process, on the same two cores as the server,
so the figures include receiving 300 browsers' worth of tables (reading them is done off the
clock).

  .venv/bin/python bench/scoreboard.py --participants 300 --submissions 20
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp
from yarl import URL

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load import SOLUTIONS, percentile, rss_mb, start_server  # a sibling script, not a package

from codearena.domain.accounts import Role
from codearena.store.accounts import AccountStore
from codearena.store.db import Database
from codearena.web.security import LOGIN_COOKIE

SLUG = "bench-round"


async def make_people(db_path: Path, participants: int) -> dict[str, str]:
    """username -> login token, for a jury member and the participants (no password hashing)."""
    db = await Database.open(db_path)
    try:
        await db.migrate()
        accounts = AccountStore(db)
        tokens = {}
        for i in range(participants + 1):
            name, role = ("jury", Role.INSTRUCTOR) if i == 0 else (f"p{i:03d}", Role.STUDENT)
            user = await accounts.create_user(name, role, name=name.upper())
            tokens[name] = await accounts.start_session(user.id, "127.0.0.1")
        return tokens
    finally:
        await db.close()


def session(base: str, token: str) -> aiohttp.ClientSession:
    jar = aiohttp.CookieJar(unsafe=True)
    jar.update_cookies({LOGIN_COOKIE: token}, URL(base))
    return aiohttp.ClientSession(base_url=base, cookie_jar=jar)


ROW = re.compile(r'<tr data-participant="([^"]+)">(.*?)</tr>', re.S)


class Watcher:
    """One participant's scoreboard page: its WebSocket, which brings each new standings table.
    Tables are kept as they come and read after each update, off the clock."""

    def __init__(self, base: str, token: str) -> None:
        self.http = session(base, token)
        self.received: list[tuple[float, str]] = []
        self.solved: dict[str, float] = {}  # participant -> when this client first saw them solve A
        self.tables = 0
        self.task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        ws = await self.http.ws_connect("/ws", max_msg_size=0)
        await ws.send_json({"type": "subscribe_scoreboard", "contest": SLUG, "table": True})
        self.task = asyncio.create_task(self._listen(ws))

    async def _listen(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        async for message in ws:
            self.received.append((time.perf_counter(), message.data))

    def read(self) -> None:
        for at, data in self.received:
            event = json.loads(data)
            if event.get("type") == "clarifications_changed":
                continue  # the page's other news, sent on subscribing
            if event.get("type") != "scoreboard":
                raise RuntimeError(f"unexpected {event}")
            self.tables += 1
            for participant, row in ROW.findall(event["html"]):
                if "score-cell solved" in row:
                    self.solved.setdefault(participant, at)
        self.received.clear()

    async def close(self) -> None:
        if self.task is not None:
            self.task.cancel()
            await asyncio.gather(self.task, return_exceptions=True)
        await self.http.close()


async def submit_and_wait(base: str, token: str, source: str) -> tuple[float, float]:
    """The moment the submitter's WebSocket reports the verdict, and how long after the POST."""
    async with session(base, token) as http, http.ws_connect("/ws") as ws:
        posted = time.perf_counter()
        async with http.post("/api/submissions", json={"problem": "a-plus-b", "language": "python",
                                                       "source": source}) as r:  # fmt: skip
            body = await r.json()
            if r.status != 202:
                raise RuntimeError(f"POST answered {r.status}: {body}")
        await ws.send_json({"type": "subscribe_submission", "submission_id": body["id"]})
        async for message in ws:
            event = json.loads(message.data)
            if event.get("type") == "submission_completed":
                if event.get("verdict") != "accepted":
                    raise RuntimeError(f"the accepted solution got {event.get('verdict')}")
                now = time.perf_counter()
                return now, now - posted
    raise RuntimeError("the WebSocket closed before the verdict")


async def sample_rss(pid: int, peak: list[float]) -> None:
    while True:
        peak[0] = max(peak[0], rss_mb(pid))
        await asyncio.sleep(0.05)


async def main(args: argparse.Namespace) -> None:
    source = (SOLUTIONS / "accepted.py").read_text()
    with tempfile.TemporaryDirectory(prefix="codearena-bench-") as tmp:
        workdir = Path(tmp)
        tokens = await make_people(workdir / "bench.db", args.participants)
        proc, base = await start_server(workdir, args.pool_size, extra='auth = "accounts"\n')
        peak = [0.0]
        sampler = asyncio.create_task(sample_rss(proc.pid, peak))
        watchers: list[Watcher] = []
        try:
            now = datetime.now(UTC)
            contest = {"slug": SLUG, "title": "Bench round", "rule": "icpc",
                       "starts_at": (now - timedelta(minutes=5)).isoformat(),
                       "ends_at": (now + timedelta(hours=5)).isoformat(),
                       "problems": [{"label": "A", "problem": "a-plus-b"}],
                       "participants": [n for n in tokens if n != "jury"]}  # fmt: skip
            async with session(base, tokens["jury"]) as jury, jury.post("/api/contests", json=contest) as r:
                assert r.status == 201, await r.text()
            rss_idle = rss_mb(proc.pid)
            watchers = [Watcher(base, tokens[f"p{i:03d}"]) for i in range(1, args.participants + 1)]
            for chunk in range(0, len(watchers), 50):
                await asyncio.gather(*(w.start() for w in watchers[chunk : chunk + 50]))
            await asyncio.sleep(3)  # every client's first table, sent on subscribing
            for w in watchers:
                w.read()
            rss_connected = rss_mb(proc.pid)
            latencies: list[float] = []
            judged: list[float] = []
            missing = 0
            for n in range(args.submissions):
                submitter = f"p{n + 1:03d}"
                verdict_at, judge_s = await submit_and_wait(base, tokens[submitter], source)
                judged.append(judge_s)
                await asyncio.sleep(args.settle)
                for w in watchers:
                    w.read()
                    seen = w.solved.get(submitter)
                    if seen is None:
                        missing += 1
                    else:
                        latencies.append(max(0.0, seen - verdict_at))
            tables = sum(w.tables for w in watchers)
        finally:
            await asyncio.gather(*(w.close() for w in watchers))
            sampler.cancel()
            proc.terminate()
            await proc.wait()
    print(f"{args.participants} participants with a scoreboard WebSocket open; {args.submissions} accepted "
          f"submissions judged one after another (pool {args.pool_size}); {tables} tables received")  # fmt: skip
    print(
        f"update reaches a client after the verdict, ms: median {percentile(latencies, 0.5) * 1000:.0f}, "
        f"p90 {percentile(latencies, 0.9) * 1000:.0f}, p99 {percentile(latencies, 0.99) * 1000:.0f}, "
        f"max {max(latencies) * 1000:.0f} ({len(latencies)} updates seen, {missing} not seen within "
        f"{args.settle:g} s)"
    )
    judge_s, p99_s = percentile(judged, 0.5), percentile(latencies, 0.99)
    print(f"yardstick, the same run: a submission takes {judge_s * 1000:.0f} ms (median) from POST to verdict; "
          f"the p99 update is {p99_s / judge_s:.2f}x that")  # fmt: skip
    print(f"server RSS: {rss_idle:.1f} MB idle, {rss_connected:.1f} MB with every client connected, "
          f"peak {peak[0]:.1f} MB")  # fmt: skip


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=300)
    parser.add_argument("--submissions", type=int, default=20)
    parser.add_argument("--pool-size", type=int, default=2)
    parser.add_argument("--settle", type=float, default=3.0, help="seconds to wait after each verdict")
    asyncio.run(main(parser.parse_args()))
