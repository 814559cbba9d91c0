"""Judge latency: a correct 10-test a-plus-b submission, from call to final verdict.

Runs the real engine (real Docker, warm pool) in this process, one submission at a time, and
prints the median and 99th percentile per language, plus where the time goes. Run on an idle
machine:  .venv/bin/python bench/judge_latency.py [--runs 200] [--other-runs 30]

For Python it also measures the yardstick in the same run (bench/baseline.py): the bare host
running the same 10 tests one after another with the same interpreter, each bare submission
right before a judged one so that both see the same machine speed, and prints the ratio.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time

from baseline import BareSubmission  # a sibling script, not a package

from codearena.config import load_settings
from codearena.domain.verdicts import Status, Verdict
from codearena.engine import Engine
from codearena.judging.judge import JudgeEvent, StatusEvent
from codearena.paths import PROBLEMS_DIR
from codearena.problems.native import load_problem

SOLUTIONS = {"python": "accepted.py", "javascript": "accepted.js", "java": "accepted.java", "cpp": "accepted.cpp"}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def main(runs: int, other_runs: int) -> None:
    engine = await Engine.start(load_settings(None, pool_size=2))
    problem = load_problem(PROBLEMS_DIR / "a-plus-b")
    try:
        print(
            f"{'language':<11} {'runs':>4} {'median':>8} {'p99':>8} {'compile':>8} "
            f"{'tests':>8} {'cpu/test':>9} {'wall/test':>10}"
        )
        for lang, filename in SOLUTIONS.items():
            language = engine.languages[lang]
            source = (problem.path / "solutions" / filename).read_text()
            n = runs if lang == "python" else other_runs
            latencies, compiles, test_phases, cpu, wall, bare_runs = [], [], [], [], [], []
            bare = BareSubmission(problem, source) if lang == "python" else None
            for i in range(n + 3):
                if bare is not None:
                    bare_s = bare.judge()
                marks: dict[str, float] = {}

                async def sink(event: JudgeEvent, marks: dict[str, float] = marks) -> None:
                    if isinstance(event, StatusEvent) and event.status == Status.RUNNING:
                        marks["running"] = time.perf_counter()

                started = time.perf_counter()
                result = await engine.judge.judge(problem, language, source, sink)
                done = time.perf_counter()
                assert result.verdict == Verdict.ACCEPTED, result
                if i < 3:
                    continue  # warm-up: page cache, JIT of the CDS archive, first reset
                latencies.append((done - started) * 1000)
                if bare is not None:
                    bare_runs.append(bare_s * 1000)
                compiles.append((marks["running"] - started) * 1000)
                test_phases.append((done - marks["running"]) * 1000)
                cpu.append(statistics.mean(t.time_ms for t in result.tests))
                wall.append(statistics.mean(t.wall_ms for t in result.tests))
                # Let the background reset finish, as it would between real submissions.
                while engine.pool.idle < engine.pool.size:  # noqa: ASYNC110 - a bench may poll
                    await asyncio.sleep(0.001)
            print(
                f"{lang:<11} {n:>4} {statistics.median(latencies):>6.0f}ms {percentile(latencies, 0.99):>6.0f}ms "
                f"{statistics.median(compiles):>6.0f}ms {statistics.median(test_phases):>6.0f}ms "
                f"{statistics.median(cpu):>7.1f}ms {statistics.median(wall):>8.1f}ms"
            )
            if bare is not None:
                bare.close()
                pairs = [j / b for j, b in zip(latencies, bare_runs, strict=True)]
                ratio = statistics.median(latencies) / statistics.median(bare_runs)
                print(
                    f"{'':<11} yardstick, the bare host: median {statistics.median(bare_runs):.0f}ms; "
                    f"judged / bare: ratio of medians {ratio:.3f}, "
                    f"median of paired ratios {statistics.median(pairs):.3f}"
                )
    finally:
        await engine.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200, help="Python submissions to time")
    parser.add_argument("--other-runs", type=int, default=30, help="submissions per other language")
    args = parser.parse_args()
    asyncio.run(main(args.runs, args.other_runs))
