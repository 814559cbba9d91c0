"""The yardstick: the same work on the bare host, no sandbox, no server.

A submission's work is running its program once per test, one test after another, and
comparing each output with the answer (the token checker). Here it is done with plain
`subprocess` on the host with the host's own interpreter, which for Python is the same CPython
build as the sandbox image's (Debian's 3.11). Benchmarks report their results as ratios to this,
measured in the same run, because this machine's speed drifts by 2x within a day.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from codearena.judging.checkers import check_tokens
from codearena.problems.model import Problem

HOST_PYTHON = "/usr/bin/python3"


class BareSubmission:
    """A Python submission judged on the bare host: its tests run one after another."""

    def __init__(self, problem: Problem, source: str, python: str = HOST_PYTHON) -> None:
        if shutil.which(python) is None:
            raise SystemExit(f"{python} is missing: the yardstick needs the host's Python")
        self.problem = problem
        self.python = python
        self.directory = Path(tempfile.mkdtemp(prefix="codearena-bare-"))
        (self.directory / "main.py").write_text(source)
        self.cases = [(t.read_input(), t.read_answer()) for t in problem.tests]

    def judge(self) -> float:
        """Run every test and check it; the seconds it took."""
        started = time.perf_counter()
        for given, answer in self.cases:
            out = subprocess.run(
                [self.python, "main.py"], input=given, capture_output=True, cwd=self.directory, check=True
            ).stdout
            if not check_tokens(answer, out).accepted:
                raise AssertionError("the bare host got a wrong answer: the yardstick is broken")
        return time.perf_counter() - started

    def throughput(self, workers: int, seconds: float) -> float:
        """Submissions per second with `workers` judging side by side for `seconds`."""
        done = [0] * workers
        deadline = time.perf_counter() + seconds

        def work(i: int) -> None:
            while time.perf_counter() < deadline:
                self.judge()
                done[i] += 1

        threads = [threading.Thread(target=work, args=(i,)) for i in range(workers)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return sum(done) / (time.perf_counter() - started)

    def close(self) -> None:
        shutil.rmtree(self.directory, ignore_errors=True)
