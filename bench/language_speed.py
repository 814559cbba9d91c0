"""Speed per language: each language's correct 10-test a-plus-b against Python's, in the same run.

Runs the real engine (real Docker, warm pool) in this process, one submission at a time, in
rounds: each runner once per round, the order turning every round, so that all see the same
machine speed (it drifts by 2x within a day). Python is measured two ways, forked from the
sandbox's fork server (as it is judged) and with an interpreter started at each test (as it was
before), both against the bare host (bench/baseline.py: the same 10 tests run one after another
with the host's `python3`); every other language against both Pythons.

    .venv/bin/python bench/language_speed.py [--rounds 30] [--languages javascript java cpp]

Prints Markdown tables (the README's): per runner, the medians of call-to-verdict, of the compile
phase (call to the first test) and of one test's CPU and wall time, and the ratios to the
yardsticks: of the medians, and (in brackets) the median of the ratios within a round.
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
from codearena.languages import Language
from codearena.paths import PROBLEMS_DIR
from codearena.problems.model import Problem
from codearena.problems.native import load_problem

SOLUTIONS = {"python": "accepted.py", "javascript": "accepted.js", "java": "accepted.java", "cpp": "accepted.cpp"}
WARM_UP = 3


@dataclass
class Timings:
    """One runner's measures, over the run."""

    total: list[float] = field(default_factory=list)
    compile: list[float] = field(default_factory=list)
    cpu_per_test: list[float] = field(default_factory=list)
    wall_per_test: list[float] = field(default_factory=list)

    def median(self, name: str) -> float:
        values: list[float] = getattr(self, name)
        return statistics.median(values) if values else float("nan")


Run = Callable[[Timings | None], Awaitable[None]]


def judged(engine: Engine, problem: Problem, lang: str, language: Language | None = None) -> Run:
    """A function that judges `lang`'s accepted solution once and records its timings."""
    language = language or engine.languages[lang]
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


def fresh_python(engine: Engine, problem: Problem) -> Run:
    """Python as it ran before the fork server: an interpreter started at each test by launch
    (any argv but `python3 FILE` goes there; -B only stops it writing bytecode, which it
    never does for the script)."""
    python = engine.languages["python"]
    return judged(engine, problem, "python", python.model_copy(update={"run": ["python3", "-B", "main.py"]}))


def fresh_javascript(engine: Engine, problem: Problem) -> Run:
    """JavaScript as it ran before Node's fork server: a Node started at each test by launch
    (an argument after the script keeps it from the fork server; the program ignores it)."""
    javascript = engine.languages["javascript"]
    run = [*javascript.run, "fresh"]
    return judged(engine, problem, "javascript", javascript.model_copy(update={"run": run}))


def bare(problem: Problem) -> tuple[Run, BareSubmission]:
    submission = BareSubmission(problem, (problem.path / "solutions" / SOLUTIONS["python"]).read_text())

    async def once(into: Timings | None) -> None:
        seconds = submission.judge()
        if into is not None:
            into.total.append(seconds * 1000)

    return once, submission


async def rounds(runners: list[Run], count: int) -> list[Timings]:
    """`count` rounds (after the warm-up) of each runner once, the order turning every round
    so that none always follows another's reset."""
    timings = [Timings() for _ in runners]
    for i in range(WARM_UP + count):
        for k in range(len(runners)):
            j = (i + k) % len(runners)
            await runners[j](timings[j] if i >= WARM_UP else None)
    return timings


def ratios(mine: Timings, yardstick: Timings) -> tuple[float, float]:
    of_medians = statistics.median(mine.total) / statistics.median(yardstick.total)
    paired = statistics.median(m / y for m, y in zip(mine.total, yardstick.total, strict=True))
    return of_medians, paired


def row(name: str, mine: Timings, against: list[tuple[str, Timings]]) -> str:
    cells = [
        f"{name}",
        f"{mine.median('total'):.0f} ms",
        f"{mine.median('compile'):.0f} ms",
        f"{mine.median('cpu_per_test'):.1f} ms",
        f"{mine.median('wall_per_test'):.1f} ms",
    ]
    for _, yardstick in against:
        of_medians, paired = ratios(mine, yardstick)
        cells.append(f"{of_medians:.2f} ({paired:.2f}) of {yardstick.median('total'):.0f} ms")
    return "| " + " | ".join(cells) + " |"


async def main(count: int, languages: list[str]) -> None:
    engine = await Engine.start(load_settings(None, pool_size=2))
    problem = load_problem(PROBLEMS_DIR / "a-plus-b")
    python, fresh = judged(engine, problem, "python"), fresh_python(engine, problem)
    lines = []
    try:
        host, submission = bare(problem)
        try:
            mine, started, yardstick = await rounds([python, fresh, host], count)
        finally:
            submission.close()
        lines.append(
            "| Python | submission | compile phase | CPU / test | wall / test | times the bare host (paired) |"
        )
        lines.append("|---|---|---|---|---|---|")
        lines.append(row("forked from the fork server", mine, [("bare", yardstick)]))
        lines.append(row("an interpreter started at each test", started, [("bare", yardstick)]))
        lines.append(f"| the bare host, `python3` 10 times | {yardstick.median('total'):.0f} ms | | | | 1 |")
        lines.append("")
        lines.append(
            "| language | submission | compile phase | CPU / test | wall / test "
            "| times Python (paired) | times Python started at each test (paired) |"
        )
        lines.append("|---|---|---|---|---|---|---|")
        runners = [(lang, judged(engine, problem, lang)) for lang in languages]
        if "javascript" in languages:
            runners.insert(
                languages.index("javascript") + 1,
                ("javascript, Node started at each test", fresh_javascript(engine, problem)),
            )
        for name, runner in runners:
            mine, against, against_fresh = await rounds([runner, python, fresh], count)
            lines.append(row(name, mine, [("python", against), ("fresh", against_fresh)]))
    finally:
        await engine.close()
    print(f"{count} rounds each, after {WARM_UP} rounds of warm-up; medians\n")
    print("\n".join(lines))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30, help="timed rounds per language")
    parser.add_argument(
        "--languages", nargs="*", default=["javascript", "java", "cpp"], help="languages paired against Python"
    )
    args = parser.parse_args()
    asyncio.run(main(args.rounds, args.languages))
