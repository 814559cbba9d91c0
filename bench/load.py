"""Load generator: drives a real CodeArena server over HTTP and WebSocket from another process.

Starts `codearena serve` as a subprocess (rate limits off, its own database), then:
  closed  N clients each submit, wait for `submission_completed` on the WebSocket, repeat
          (sustained throughput);
  open    submissions arrive at a fixed rate whatever the server does (end-to-end latency:
          POST sent -> submission_completed received).
Reports throughput, latency percentiles and the server's RSS.

  .venv/bin/python bench/load.py closed --clients 50 --submissions 600
  .venv/bin/python bench/load.py open --rate 5 --seconds 60
  .venv/bin/python bench/load.py closed --clients 50 --submissions 10000   # RSS after 10,000
  .venv/bin/python bench/load.py idle --clients 1000           # RSS cost of idle WebSocket subscribers
  add --mixed for all four languages in equal parts (default: Python only)

In closed Python mode the same run also measures the yardstick (bench/baseline.py): the bare
host judging the same submission with two workers side by side, for --yardstick-seconds before
the load and after each of --rounds rounds of it; each round's throughput is a ratio to the
mean of the yardsticks on either side of it, and the median ratio is reported. --warmup
submissions are judged first, unmeasured.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import socket
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent))
from baseline import BareSubmission  # a sibling script, not a package

from codearena.paths import PROBLEMS_DIR
from codearena.problems.native import load_problem

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS = ROOT / "problems" / "a-plus-b" / "solutions"
FILES = {"python": "accepted.py", "javascript": "accepted.js", "java": "accepted.java", "cpp": "accepted.cpp"}


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


class Client:
    def __init__(self, base: str) -> None:
        self.base = base
        self.http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        self.ws: aiohttp.ClientWebSocketResponse | None = None
        self.waiting: dict[str, asyncio.Future[dict[str, object]]] = {}
        self.reader: asyncio.Task[None] | None = None
        self.last_id = ""

    async def connect(self) -> None:
        self.ws = await self.http.ws_connect(self.base + "/ws")
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        assert self.ws is not None
        async for message in self.ws:
            event = json.loads(message.data)
            if event.get("type") == "submission_completed":
                future = self.waiting.pop(str(event["submission_id"]), None)
                if future and not future.done():
                    future.set_result(event)

    async def judge(self, language: str, source: str) -> tuple[float, str]:
        assert self.ws is not None
        started = time.perf_counter()
        async with self.http.post(
            self.base + "/api/submissions", json={"problem": "a-plus-b", "language": language, "source": source}
        ) as r:
            body = await r.json()
            if r.status != 202:
                raise RuntimeError(f"POST answered {r.status}: {body}")
        future: asyncio.Future[dict[str, object]] = asyncio.get_running_loop().create_future()
        self.waiting[body["id"]] = future
        self.last_id = str(body["id"])
        await self.ws.send_json({"type": "subscribe_submission", "submission_id": body["id"]})
        event = await asyncio.wait_for(future, 600)
        return time.perf_counter() - started, str(event["verdict"])

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self.reader is not None:
            await self.reader
        await self.http.close()


async def start_server(workdir: Path, pool_size: int, extra: str = "") -> tuple[asyncio.subprocess.Process, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = workdir / "config.toml"
    config.write_text(
        f'database_path = "{workdir / "bench.db"}"\nrate_limit_enabled = false\n'
        f"pool_size = {pool_size}\nqueue_size = 100000\n{extra}"
    )
    log = (workdir / "server.log").open("wb")
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "codearena.cli",
        "--config",
        str(config),
        "serve",
        "--port",
        str(port),
        cwd=ROOT,
        stdout=log,
        stderr=log,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    base = f"http://127.0.0.1:{port}"
    async with aiohttp.ClientSession() as http:
        for _ in range(600):
            try:
                async with http.get(base + "/health") as r:
                    if r.status == 200:
                        return proc, base
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
    raise RuntimeError("server did not start; see " + str(workdir / "server.log"))


def yardstick(seconds: float, workers: int) -> float:
    """Submissions per second of the bare host judging the Python a-plus-b solution."""
    bare = BareSubmission(load_problem(PROBLEMS_DIR / "a-plus-b"), (SOLUTIONS / FILES["python"]).read_text())
    try:
        bare.judge()  # warm the page cache
        return bare.throughput(workers, seconds)
    finally:
        bare.close()


async def warm_up(base: str, submissions: int, source: str) -> None:
    """Judge some submissions before measuring: a fresh server's first ones are slower."""
    clients = [Client(base) for _ in range(10)]
    await asyncio.gather(*(c.connect() for c in clients))
    remaining = iter(range(submissions))

    async def drive(client: Client) -> None:
        for _ in remaining:
            await client.judge("python", source)

    await asyncio.gather(*(drive(c) for c in clients))
    await asyncio.gather(*(c.close() for c in clients))


async def main(args: argparse.Namespace) -> None:
    languages = list(FILES) if args.mixed else ["python"]
    sources = {lang: (SOLUTIONS / FILES[lang]).read_text() for lang in languages}
    measure_yardstick = args.mode == "closed" and not args.mixed and args.yardstick_seconds > 0
    with tempfile.TemporaryDirectory(prefix="codearena-bench-") as tmp:
        proc, base = await start_server(Path(tmp), args.pool_size)
        floors: list[float] = []
        try:
            if measure_yardstick and args.warmup:
                await warm_up(base, args.warmup, sources["python"])
            if measure_yardstick:
                floors.append(await asyncio.to_thread(yardstick, args.yardstick_seconds, args.pool_size))
            latencies: list[float] = []
            wrong: list[str] = []
            turn = itertools.cycle(languages)
            started = time.perf_counter()
            if args.mode == "idle":
                # N connected clients, each subscribed to a submission, then idle.
                first = Client(base)
                await first.connect()
                await first.judge("python", sources["python"])
                submission_id = first.last_id
                await first.close()
                rss_before = rss_mb(proc.pid)
                clients = [Client(base) for _ in range(args.clients)]
                for chunk in range(0, len(clients), 100):
                    await asyncio.gather(*(c.connect() for c in clients[chunk : chunk + 100]))
                for c in clients:
                    assert c.ws is not None
                    await c.ws.send_json({"type": "subscribe_submission", "submission_id": submission_id})
                await asyncio.sleep(3)
                rss_after = rss_mb(proc.pid)
                each_kb = (rss_after - rss_before) * 1024 / args.clients
                print(
                    f"{args.clients} idle WebSocket clients: server RSS {rss_before:.1f} MB -> "
                    f"{rss_after:.1f} MB ({each_kb:.1f} KB each)"
                )
                await asyncio.gather(*(c.close() for c in clients))
                return
            if args.mode == "closed":
                clients = [Client(base) for _ in range(args.clients)]
                await asyncio.gather(*(c.connect() for c in clients))
                rounds = args.rounds if measure_yardstick else 1
                round_rates: list[float] = []
                for _round in range(rounds):
                    remaining = iter(range(args.submissions // rounds))

                    async def drive(client: Client, remaining: Iterator[int] = remaining) -> None:
                        for _ in remaining:
                            lang = next(turn)
                            latency, verdict = await client.judge(lang, sources[lang])
                            latencies.append(latency)
                            if verdict != "accepted":
                                wrong.append(verdict)

                    round_started = time.perf_counter()
                    await asyncio.gather(*(drive(c) for c in clients))
                    round_rates.append(args.submissions // rounds / (time.perf_counter() - round_started))
                    if measure_yardstick:
                        floors.append(await asyncio.to_thread(yardstick, args.yardstick_seconds, args.pool_size))
            else:
                clients = [Client(base) for _ in range(args.clients)]
                await asyncio.gather(*(c.connect() for c in clients))
                tasks = []
                total = int(args.rate * args.seconds)
                for i in range(total):
                    await asyncio.sleep(max(0.0, started + i / args.rate - time.perf_counter()))
                    lang = next(turn)

                    async def one(client: Client, lang: str) -> None:
                        latency, verdict = await client.judge(lang, sources[lang])
                        latencies.append(latency)
                        if verdict != "accepted":
                            wrong.append(verdict)

                    tasks.append(asyncio.create_task(one(clients[i % len(clients)], lang)))
                await asyncio.gather(*tasks)
            elapsed = time.perf_counter() - started
            await asyncio.gather(*(c.close() for c in clients))
            n = len(latencies)
            print(f"mode={args.mode} languages={','.join(languages)} clients={args.clients} pool={args.pool_size}")
            print(
                f"judged {n} submissions in {elapsed:.1f} s: {n / elapsed:.2f} per second; "
                f"{len(wrong)} not accepted {sorted(set(wrong))}"
            )
            print(
                f"latency ms: median {statistics.median(latencies) * 1000:.0f}, "
                f"p90 {percentile(latencies, 0.9) * 1000:.0f}, p99 {percentile(latencies, 0.99) * 1000:.0f}, "
                f"max {max(latencies) * 1000:.0f}"
            )
            print(f"server RSS after the run: {rss_mb(proc.pid):.1f} MB")
            if measure_yardstick:
                # Each round against the mean of the yardsticks just before and just after it,
                # so that the machine's drift in speed cancels out.
                ratios = [rate / statistics.mean(floors[i : i + 2]) for i, rate in enumerate(round_rates)]
                print(
                    f"yardstick, the bare host with {args.pool_size} workers, around each round: "
                    + ", ".join(f"{f:.2f}" for f in floors)
                    + " per second"
                )
                print(
                    "rounds: "
                    + ", ".join(f"{rate:.2f}/s ({ratio:.3f})" for rate, ratio in zip(round_rates, ratios, strict=True))
                    + f"; median ratio {statistics.median(ratios):.3f}"
                )
        finally:
            proc.terminate()
            await proc.wait()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["closed", "open", "idle"])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--submissions", type=int, default=600, help="closed mode: how many in all")
    parser.add_argument("--rate", type=float, default=5.0, help="open mode: submissions per second")
    parser.add_argument("--seconds", type=float, default=60.0, help="open mode: how long")
    parser.add_argument("--pool-size", type=int, default=2)
    parser.add_argument("--mixed", action="store_true", help="all four languages in equal parts")
    parser.add_argument("--yardstick-seconds", type=float, default=10.0, help="closed mode: 0 skips the yardstick")
    parser.add_argument("--rounds", type=int, default=4, help="closed mode: rounds between yardsticks")
    parser.add_argument("--warmup", type=int, default=100, help="closed mode: submissions judged before measuring")
    asyncio.run(main(parser.parse_args()))
