"""Judging cost is bounded and fair, output of any bytes is judged, every failure says why."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import write_problem

from codearena.config import Settings
from codearena.domain.verdicts import Verdict
from codearena.engine import Engine
from codearena.problems.model import Problem

pytestmark = pytest.mark.docker


@pytest.fixture(scope="module")
def six_tests(tmp_path_factory: pytest.TempPathFactory) -> Problem:
    root = tmp_path_factory.mktemp("six")
    return write_problem(root, "six", tests=[(f"{i}\n", f"{i}\n") for i in range(6)], time_limit_ms=300)


SLOW = {
    "python": "import time\ntime.sleep(3600)\n",  # idle: the wall-clock limit ends it
    "cpp": "int main() { volatile unsigned long x = 0; for (;;) x++; }\n",  # the CPU limit ends it
}


@pytest.mark.parametrize("language", list(SLOW))
async def test_after_a_time_limit_the_remaining_tests_are_skipped(
    engine: Engine, six_tests: Problem, language: str
) -> None:
    started = time.monotonic()
    result = await engine.judge.judge(six_tests, engine.languages[language], SLOW[language])
    elapsed = time.monotonic() - started
    assert result.verdict == Verdict.TIME_LIMIT_EXCEEDED
    assert [t.verdict for t in result.tests] == [Verdict.TIME_LIMIT_EXCEEDED] + [Verdict.SKIPPED] * 5
    wall_s = result.tests[0].wall_ms / 1000
    # One test's worth of time, not six (the request sent ahead is skipped, not run).
    assert elapsed < wall_s + 3, (elapsed, wall_s)
    expected = "wall-clock limit" if language == "python" else "time limit (CPU "
    assert result.tests[0].reason.startswith(expected), result.tests[0].reason
    assert result.reason == "test 1: " + result.tests[0].reason


async def test_wrong_answers_still_run_every_test(engine: Engine, six_tests: Problem) -> None:
    result = await engine.judge.judge(
        six_tests, engine.languages["python"], "n = int(input())\nprint(n if n % 2 else -1)\n"
    )
    assert result.verdict == Verdict.WRONG_ANSWER
    assert [t.verdict for t in result.tests] == [Verdict.WRONG_ANSWER, Verdict.ACCEPTED] * 3
    assert result.passed == 3


# -- a loaded machine ----------------------------------------------------------------------------

HOGS = 10
HOG = "import os\nos.sched_setaffinity(0, {0})\nwhile True:\n    pass\n"


@pytest.fixture
def cpu0_hogs() -> Iterator[None]:
    """Ten busy processes on CPU 0, where the sandbox is pinned: it gets about an eleventh of it.
    Each has a session of its own, so the scheduler's autogroups do not lump them together."""
    hogs = [subprocess.Popen([sys.executable, "-c", HOG], start_new_session=True) for _ in range(HOGS)]
    try:
        time.sleep(0.3)
        yield
    finally:
        for hog in hogs:
            hog.kill()
            hog.wait()


BURN = {
    # Half the CPU limit, measured by the program itself whatever the machine's speed: 0.6 s of
    # 1.2 s in Python, 0.2 s of 0.4 s in C++. At an eleventh of a CPU that takes longer than the
    # wall-clock limits (2.9 s and 1.3 s), though the program is correct and within its limit.
    "python": "import time\nn = input()\nwhile time.process_time() < 0.6:\n    pass\nprint(n)\n",
    "cpp": '#include <cstdio>\n#include <ctime>\nint main() { long n; if (scanf("%ld", &n) != 1) return 1;\n'
    " while (clock() < CLOCKS_PER_SEC / 5) {}\n"
    ' printf("%ld\\n", n); }\n',
}


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="needs two CPUs to pin the sandbox to one of them")
@pytest.mark.parametrize("language", list(BURN))
async def test_waiting_for_a_cpu_does_not_make_a_correct_program_time_out(
    settings: Settings, tmp_path: Path, cpu0_hogs: None, language: str
) -> None:
    problem = write_problem(tmp_path, "burn", tests=[("7\n", "7\n")], time_limit_ms=400)
    engine = await Engine.start(settings.model_copy(update={"pool_size": 1, "container_cpuset": "0"}))
    try:
        result = await engine.judge.judge(problem, engine.languages[language], BURN[language])
    finally:
        await engine.close()
    test = result.tests[0]
    assert result.verdict == Verdict.ACCEPTED, test
    limits_wall_ms = {"python": 2900, "cpp": 1300}[language]
    assert test.wall_ms > limits_wall_ms, f"the machine was not loaded enough to show anything: {test}"


# -- output of any bytes --------------------------------------------------------------------------


async def test_eight_mib_of_control_bytes_is_judged(engine: Engine, tmp_path: Path) -> None:
    size = 8 << 20
    problem = write_problem(
        tmp_path,
        "bytes",
        tests=[("x\n", "")],
        time_limit_ms=2000,
        memory_limit_mb=256,
        extra="output_limit_kb: 16384\n",
    )
    (problem.tests[0].answer_path).write_bytes(b"\x01" * size + b"\n")
    source = f"import sys\nsys.stdout.buffer.write(b'\\x01' * {size} + b'\\n')\n"
    result = await engine.judge.judge(problem, engine.languages["python"], source)
    assert result.verdict == Verdict.ACCEPTED, result.tests[0].reason or result.compile_output


async def test_invalid_utf8_and_nul_output_is_judged_and_shown(engine: Engine, tmp_path: Path) -> None:
    problem = write_problem(tmp_path, "raw", tests=[("x\n", "")], extra="checker: exact\n")
    raw = b"ok \x00 \xff\xfe caf\xc3\xa9\n"
    problem.tests[0].answer_path.write_bytes(raw)
    source = f"import sys\nsys.stdout.buffer.write({raw!r})\n"
    result = await engine.judge.judge(problem, engine.languages["python"], source)
    assert result.verdict == Verdict.ACCEPTED
    shown = result.tests[0].output
    assert shown == raw.decode("utf-8", "replace") and "\ufffd" in shown
    shown.encode("utf-8")  # storable and showable as it is


# -- every failure says why ---------------------------------------------------------------------

RUNTIME_ERRORS = {
    "python-exception": (
        "python",
        "n = input()\nx = int('not a number: ' + n)\n",
        "ValueError at main.py:2 (exit code 1)",
    ),
    "python-exit": ("python", "import sys\nsys.exit(3)\n", "exit code 3"),
    "javascript": ("javascript", "const n = 1;\nnull.boom();\n", "TypeError at main.js:2 (exit code 1)"),
    "java": (
        "java",
        "public class Main {\n  public static void main(String[] a) {\n    int[] x = new int[1];\n"
        "    x[a.length + 2] = 1;\n  }\n}\n",
        "java.lang.ArrayIndexOutOfBoundsException at Main.java:4 (exit code 1)",
    ),
    "cpp-segfault": ("cpp", "int main() { volatile int* p = nullptr; *p = 1; }\n", "segmentation fault (SIGSEGV)"),
    "cpp-throw": (
        "cpp",
        "#include <vector>\nint main() { std::vector<int> v; return v.at(3); }\n",
        "std::out_of_range (aborted (SIGABRT))",
    ),
    "cpp-divide": ("cpp", "int main(int c, char**) { volatile int z = c - 1; return 7 / z; }\n", "(SIGFPE)"),
}


@pytest.mark.parametrize("case", list(RUNTIME_ERRORS))
async def test_a_runtime_error_says_why(engine: Engine, echo_problem: Problem, case: str) -> None:
    language, source, reason = RUNTIME_ERRORS[case]
    result = await engine.judge.judge(echo_problem, engine.languages[language], source)
    assert result.verdict == Verdict.RUNTIME_ERROR, result.tests[0]
    assert result.tests[0].reason.endswith(reason), result.tests[0].reason
    assert result.reason.startswith("test 1: ")


JAVA_REFUSED = {
    "package line": (
        "package solutions;\nimport java.util.*;\npublic class Main {\n  public static void main(String[] a) {\n"
        "    System.out.println(new Scanner(System.in).nextLong());\n  }\n}\n",
        "Remove the `package` line",
    ),
    "no public class": (
        "import java.util.*;\nclass Solution {\n  public static void main(String[] a) {\n"
        "    System.out.println(new Scanner(System.in).nextLong());\n  }\n}\n",
        "Make the class with `main` public",
    ),
}


@pytest.mark.parametrize("case", list(JAVA_REFUSED))
async def test_a_java_file_that_cannot_run_is_refused_with_what_to_change(
    engine: Engine, echo_problem: Problem, case: str
) -> None:
    source, message = JAVA_REFUSED[case]
    result = await engine.judge.judge(echo_problem, engine.languages["java"], source)
    assert result.verdict == Verdict.COMPILATION_ERROR
    assert message in result.compile_output
    assert all(t.verdict == Verdict.SKIPPED for t in result.tests)


async def test_a_non_public_main_class_still_runs(engine: Engine, echo_problem: Problem) -> None:
    source = "import java.util.*;\nclass Main {\n  public static void main(String[] a) {\n" \
        "    System.out.println(new Scanner(System.in).nextLong());\n  }\n}\n"  # fmt: skip
    result = await engine.judge.judge(echo_problem, engine.languages["java"], source)
    assert result.verdict == Verdict.ACCEPTED, result.compile_output


async def test_limits_say_which_and_how_much(engine: Engine, echo_problem: Problem) -> None:
    memory = await engine.judge.judge(
        echo_problem, engine.languages["cpp"],
        "#include <cstring>\n#include <cstdlib>\nint main() { for (;;) { char* p = (char*)malloc(1 << 24);"
        " if (p) memset(p, 1, 1 << 24); } }\n",
    )  # fmt: skip
    assert memory.tests[0].reason.startswith("memory limit ("), memory.tests[0].reason
    output = await engine.judge.judge(echo_problem, engine.languages["python"], "while True:\n    print('x' * 999)\n")
    assert output.tests[0].reason == "output limit (8 MiB)", output.tests[0].reason
    await asyncio.sleep(0)
