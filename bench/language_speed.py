"""Speed per language: each language's correct 10-test a-plus-b against Python's, in the same run.

Runs the real engine (real Docker, warm pool) in this process, one submission at a time, and
alternates the two submissions of a pair so that both see the same machine speed (it drifts by
2x within a day). Python itself is paired against the bare host (bench/baseline.py): the same
10 tests run one after another with the host's `python3`.

    .venv/bin/python bench/language_speed.py [--pairs 30] [--languages javascript java cpp]

Prints, per language, the medians of call-to-verdict, of the compile phase (call to the first
test) and of one test's CPU and wall time, the ratio of the medians and the median of the paired
ratios, as a Markdown table (the README's).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from baseline import BareSubmission  # a sibling script, not a package

from codearena.config import load_settings
from codearena.domain.verdicts import Status, Verdict
from codearena.engine import Engine
from codearena.judging.judge import JudgeEvent, StatusEvent
from codearena.paths import PROBLEMS_DIR
from codearena.problems.model import Problem
from codearena.problems.native import load_problem

SOLUTIONS = {"python": "accepted.py", "javascript": "accepted.js", "java": "accepted.java", "cpp": "accepted.cpp"}
WARM_UP = 3


@dataclass
class Timings:
    """One side of a pair, over the run."""

    total: list[float] = field(default_factory=list)
    compile: list[float] = field(default_factory=list)
    cpu_per_test: list[float] = field(default_factory=list)
    wall_per_test: list[float] = field(default_factory=list)

    def median(self, name: str) -> float:
        values: list[float] = getattr(self, name)
        return statistics.median(values) if values else float("nan")


def judged(engine: Engine, problem: Problem, lang: str) -> Callable[[Timings | None], Awaitable[None]]:
    """A function that judges `lang`'s accepted solution once and records its timings."""
    language = engine.languages[lang]
    source = (problem.path / "solutions" / SOLUTIONS[lang]).read_text()

    async def once(into: Timings | None) -> None:
        running: list[float] = []

        async def sink(event: JudgeEvent) -> None:
            if isinstance(event, StatusEvent) and event.status == Status.RUNNING:
                running.append(time.perf_counter())

        started = time.perf_counter()
        result = await engine.judge.judge(problem, language, source, sink)
        done = time.perf_counter()
        assert result.verdict == Verdict.ACCEPTED, result
        # Let the background reset finish, as it would between real submissions.
        while engine.pool.idle < engine.pool.size:  # noqa: ASYNC110 - a bench may poll
            await asyncio.sleep(0.001)
        if into is None:
            return
        into.total.append((done - started) * 1000)
        into.compile.append((running[0] - started) * 1000)
        into.cpu_per_test.append(statistics.mean(t.time_ms for t in result.tests))
        into.wall_per_test.append(statistics.mean(t.wall_ms for t in result.tests))

    return once


def bare(problem: Problem) -> tuple[Callable[[Timings | None], Awaitable[None]], BareSubmission]:
    submission = BareSubmission(problem, (problem.path / "solutions" / SOLUTIONS["python"]).read_text())

    async def once(into: Timings | None) -> None:
        seconds = submission.judge()
        if into is not None:
            into.total.append(seconds * 1000)

    return once, submission


async def pair(
    first: Callable[[Timings | None], Awaitable[None]],
    second: Callable[[Timings | None], Awaitable[None]],
    pairs: int,
) -> tuple[Timings, Timings]:
    a, b = Timings(), Timings()
    for i in range(WARM_UP + pairs):
        warm = i >= WARM_UP
        # Alternate which goes first, so that neither always follows the other's reset.
        order = [(first, a), (second, b)] if i % 2 else [(second, b), (first, a)]
        for run, into in order:
            await run(into if warm else None)
    return a, b


def ratios(mine: Timings, yardstick: Timings) -> tuple[float, float]:
    of_medians = statistics.median(mine.total) / statistics.median(yardstick.total)
    paired = statistics.median(m / y for m, y in zip(mine.total, yardstick.total, strict=True))
    return of_medians, paired


async def main(pairs: int, languages: list[str]) -> None:
    engine = await Engine.start(load_settings(None, pool_size=2))
    problem = load_problem(PROBLEMS_DIR / "a-plus-b")
    python = judged(engine, problem, "python")
    rows = []
    try:
        host, submission = bare(problem)
        try:
            mine, yardstick = await pair(python, host, pairs)
        finally:
            submission.close()
        rows.append(("python", "the bare host", mine, yardstick))
        for lang in languages:
            mine, yardstick = await pair(judged(engine, problem, lang), python, pairs)
            rows.append((lang, "python", mine, yardstick))
    finally:
        await engine.close()
    print(f"{pairs} pairs each, after {WARM_UP} pairs of warm-up\n")
    print(
        "| language | against | call to verdict | compile phase | CPU / test | wall / test "
        "| the other, same run | ratio of medians (paired) |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for lang, against, mine, yardstick in rows:
        of_medians, paired = ratios(mine, yardstick)
        print(
            f"| {lang} | {against} | {mine.median('total'):.0f} ms | {mine.median('compile'):.0f} ms "
            f"| {mine.median('cpu_per_test'):.1f} ms | {mine.median('wall_per_test'):.1f} ms "
            f"| {yardstick.median('total'):.0f} ms | {of_medians:.2f} ({paired:.2f}) |"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=30, help="timed pairs per language")
    parser.add_argument(
        "--languages", nargs="*", default=["javascript", "java", "cpp"], help="languages paired against Python"
    )
    args = parser.parse_args()
    asyncio.run(main(args.pairs, args.languages))
