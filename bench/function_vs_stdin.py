"""A function problem against the same problem as a stdin/stdout program: a correct 10-test
Python submission of each, judged end to end (call to final verdict), paired in the same run.

Two Sum is the function problem. Its stdin/stdout twin is made here from the same tests (`n
target` then the values; the answer `i j` or `-1`) with the same algorithm written as a program,
so the two differ only in what the judge runs: the harness (JSON in on stdin, the user's class
called, the result out on file descriptor 3, checked as typed JSON) or the program (tokens in
and out, checked as tokens). Submissions alternate, one of each in turn, so that both see the
same machine. Run on an idle machine:

    .venv/bin/python bench/function_vs_stdin.py [--runs 60] [--tests first|mixed]

`first`: the problem's first 10 tests (the samples and small ones: the harness's fixed cost per
test weighs most); `mixed`: 6 small tests and the 4 largest (100000 values).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from codearena.config import load_settings
from codearena.domain.verdicts import Verdict
from codearena.engine import Engine
from codearena.paths import PROBLEMS_DIR
from codearena.problems.model import Problem
from codearena.problems.native import load_problem

FUNCTION_SOURCE = (PROBLEMS_DIR / "two-sum" / "solutions" / "accepted.py").read_text()
STDIN_SOURCE = """import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, target = int(data[0]), int(data[1])
    nums = [int(x) for x in data[2:2 + n]]
    first = {}  # value -> first position where it occurs
    for j, v in enumerate(nums):
        i = first.get(target - v)
        if i is not None:
            sys.stdout.write("%d %d\\n" % (i, j))
            return
        if v not in first:
            first[v] = j
    sys.stdout.write("-1\\n")


main()
"""
STDIN_YAML = "title: Two Sum (stdin)\ndifficulty: easy\ntime_limit_ms: 1000\nmemory_limit_mb: 256\nchecker: tokens\n"


def pick_tests(problem: Problem, which: str) -> list[tuple[Path, Path]]:
    tests = [(t.input_path, t.answer_path) for t in problem.tests]
    if which == "first":
        return tests[:10]
    by_size = sorted(tests, key=lambda t: t[0].stat().st_size)
    return by_size[:6] + by_size[-4:]


def make_problems(root: Path, which: str) -> tuple[Problem, Problem]:
    """Two Sum with 10 tests as a function problem, and as a stdin/stdout program."""
    source = load_problem(PROBLEMS_DIR / "two-sum")
    tests = pick_tests(source, which)
    function_dir, stdin_dir = root / "two-sum", root / "two-sum-stdin"
    for folder in (function_dir, stdin_dir):
        (folder / "tests" / "secret").mkdir(parents=True)
        shutil.copy(source.path / "statement.md", folder / "statement.md")
    (function_dir / "problem.yaml").write_text((source.path / "problem.yaml").read_text().split("solutions:")[0])
    (stdin_dir / "problem.yaml").write_text(STDIN_YAML)
    for k, (given, answer) in enumerate(tests, 1):
        name = f"{k:02}"
        shutil.copy(given, function_dir / "tests" / "secret" / f"{name}.in")
        shutil.copy(answer, function_dir / "tests" / "secret" / f"{name}.ans")
        nums_line, target_line = given.read_text().split("\n")[:2]
        nums, pair = json.loads(nums_line), json.loads(answer.read_text())
        stdin_tests = stdin_dir / "tests" / "secret"
        (stdin_tests / f"{name}.in").write_text(f"{len(nums)} {target_line}\n{' '.join(map(str, nums))}\n")
        (stdin_tests / f"{name}.ans").write_text(f"{pair[0]} {pair[1]}\n" if pair else "-1\n")
    return load_problem(function_dir), load_problem(stdin_dir)


async def judged_ms(engine: Engine, problem: Problem, source: str) -> float:
    started = time.perf_counter()
    result = await engine.judge.judge(problem, engine.languages["python"], source)
    elapsed = (time.perf_counter() - started) * 1000
    assert result.verdict == Verdict.ACCEPTED and result.total == 10, result
    # Let the background reset finish, as it would between real submissions.
    while engine.pool.idle < engine.pool.size:  # noqa: ASYNC110 - a bench may poll
        await asyncio.sleep(0.001)
    return elapsed


async def main(runs: int, which: str) -> None:
    engine = await Engine.start(load_settings(None, pool_size=2))
    with tempfile.TemporaryDirectory() as folder:
        function, stdin = make_problems(Path(folder), which)
        try:
            as_function, as_program = [], []
            for i in range(runs + 3):
                if i % 2 == 0:  # which of the two goes first alternates
                    f = await judged_ms(engine, function, FUNCTION_SOURCE)
                    s = await judged_ms(engine, stdin, STDIN_SOURCE)
                else:
                    s = await judged_ms(engine, stdin, STDIN_SOURCE)
                    f = await judged_ms(engine, function, FUNCTION_SOURCE)
                if i >= 3:  # warm-up: page cache, first resets
                    as_function.append(f)
                    as_program.append(s)
        finally:
            await engine.close()
    ratios = [f / s for f, s in zip(as_function, as_program, strict=True)]
    f_median, s_median = statistics.median(as_function), statistics.median(as_program)
    print(f"two-sum, 10 tests ({which}), Python, {runs} paired submissions, end to end:")
    print(f"  function problem  median {f_median:6.0f} ms")
    print(f"  stdin/stdout      median {s_median:6.0f} ms")
    print(f"  ratio of medians  {f_median / s_median:.2f}x   median of paired ratios {statistics.median(ratios):.2f}x")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=60)
    parser.add_argument("--tests", choices=["first", "mixed"], default="first")
    args = parser.parse_args()
    asyncio.run(main(args.runs, args.tests))
