"""Interactive problems: the verdict of an interaction (pure), problem.yaml's `interactor`, and,
with Docker, the submission and the interactor talking across two containers."""

from __future__ import annotations

import re
import time
from pathlib import Path

import aiohttp
import pytest
from aiohttp.test_utils import TestServer
from conftest import write_problem

from codearena.domain.verdicts import Verdict
from codearena.engine import Engine
from codearena.judging.checkers import FEEDBACK
from codearena.judging.interactive import Interaction, interactive_outcome
from codearena.judging.runs import RunRequest
from codearena.problems.model import ProblemError
from codearena.sandbox.protocol import ProgramLimits, RunReply

LIMITS = ProgramLimits(cpu_ms=1000, wall_ms=4000, memory_kb=256 * 1024, output_bytes=1 << 20)
JUDGE_LIMITS = ProgramLimits(cpu_ms=10_000, wall_ms=21_000, memory_kb=512 * 1024, output_bytes=64 << 20)

CLEAN = RunReply(exit_code=0, cpu_ms=10, wall_ms=40)
CRASHED = RunReply(exit_code=None, signal=11, cpu_ms=5, wall_ms=20)
TIMED_OUT = RunReply(exit_code=None, signal=9, killed_for="wall", cpu_ms=10, wall_ms=4000, time_exceeded=True)
ACCEPTS = RunReply(exit_code=42, files={FEEDBACK: b"found 42 in 29 guesses\n"})
REJECTS = RunReply(exit_code=43, files={FEEDBACK: b"no correct guess in 30 guesses\n"})


def outcome(user: RunReply, judge: RunReply, *, user_first: bool) -> tuple[Verdict, str, str]:
    return interactive_outcome(Interaction(user, judge, user_first), LIMITS, JUDGE_LIMITS)


# (submission, interactor, who ended first, verdict): Kattis's precedence.
PRECEDENCE = {
    "accepted": (CLEAN, ACCEPTS, True, Verdict.ACCEPTED),
    "accepted, interactor ended first": (CLEAN, ACCEPTS, False, Verdict.ACCEPTED),
    "rejected after a clean exit": (CLEAN, REJECTS, True, Verdict.WRONG_ANSWER),
    "rejected first, then the submission crashed": (CRASHED, REJECTS, False, Verdict.WRONG_ANSWER),
    "rejected first, then the submission timed out": (TIMED_OUT, REJECTS, False, Verdict.WRONG_ANSWER),
    "crashed first, then rejected": (CRASHED, REJECTS, True, Verdict.RUNTIME_ERROR),
    "timed out first, then rejected": (TIMED_OUT, REJECTS, True, Verdict.TIME_LIMIT_EXCEEDED),
    "accepted, but the submission then crashed": (CRASHED, ACCEPTS, False, Verdict.RUNTIME_ERROR),
    "interactor exited 1": (CLEAN, RunReply(exit_code=1), False, Verdict.INTERNAL_ERROR),
    "interactor crashed, the submission ran well": (CLEAN, RunReply(signal=11), True, Verdict.INTERNAL_ERROR),
    "interactor killed after the submission crashed": (CRASHED, RunReply(signal=9), True, Verdict.RUNTIME_ERROR),
    "interactor crashed first, then the submission": (CRASHED, RunReply(signal=11), False, Verdict.INTERNAL_ERROR),
    "interactor out of time": (
        CLEAN,
        RunReply(signal=9, killed_for="cpu", cpu_ms=10_001, time_exceeded=True),
        True,
        Verdict.INTERNAL_ERROR,
    ),
    "interactor exited 0": (CLEAN, RunReply(exit_code=0), True, Verdict.INTERNAL_ERROR),
}


@pytest.mark.parametrize("case", list(PRECEDENCE))
def test_verdict_precedence(case: str) -> None:
    user, judge, user_first, verdict = PRECEDENCE[case]
    assert outcome(user, judge, user_first=user_first)[0] == verdict


def test_a_rejection_carries_the_interactors_message_and_a_judge_error_its_exit_code() -> None:
    verdict, reason, message = outcome(CLEAN, REJECTS, user_first=True)
    assert verdict == Verdict.WRONG_ANSWER and message == "no correct guess in 30 guesses\n"
    assert reason == "the interactor rejected the interaction"
    verdict, reason, _ = outcome(CLEAN, RunReply(exit_code=3, stderr=b"Traceback: boom"), user_first=True)
    assert verdict == Verdict.INTERNAL_ERROR and "exited with 3" in reason


# -- problem.yaml ------------------------------------------------------------------------------


def test_the_interactor_is_declared_in_problem_yaml(tmp_path: Path) -> None:
    problem = write_problem(
        tmp_path,
        "talk",
        tests=[("1\n", "1\n")],
        extra="interactor: {source: interactor.py, language: python}\n",
        files={"interactor.py": "raise SystemExit(42)\n"},
    )
    assert problem.interactor is not None
    assert problem.interactor.program == tmp_path / "talk" / "interactor.py"
    assert problem.interactor.language == "python"


@pytest.mark.parametrize(
    ("extra", "fault"),
    [
        ("interactor: {source: missing.py}\n", "interactor.source: expected an interactor file"),
        ("interactor: {source: interactor.py, language: cobol}\n", "interactor.language"),
        ("interactor: {program: interactor.py}\n", "interactor.source: expected field required"),
    ],
)
def test_a_bad_interactor_is_named(tmp_path: Path, extra: str, fault: str) -> None:
    with pytest.raises(ProblemError, match=fault):
        write_problem(tmp_path, "talk", tests=[("1\n", "1\n")], extra=extra, files={"interactor.py": "pass\n"})


# -- with Docker -------------------------------------------------------------------------------

# Answers a single line from the submission: accepts when the submission's container is not
# its own and the submission saw none of its files (input, answer, its own source).
SPY_INTERACTOR = """
import os, sys
input_path, answer_path, feedback = sys.argv[1:4]
mine = open("/etc/hostname").read().strip()
assert open(answer_path).read().strip() == "the secret answer", "the interactor has its files"
print("hello", flush=True)
line = sys.stdin.readline().strip()
theirs, _, seen = line.partition(" ")
with open(os.path.join(feedback, "judgemessage.txt"), "w") as f:
    f.write(f"interactor in {mine}, submission in {theirs}, it saw: {seen or 'nothing'}")
sys.exit(42 if theirs and theirs != mine and not seen else 43)
"""

SPY_SUBMISSION = """
import os
assert input().strip() == "hello"
seen = []
for top, dirs, files in os.walk("/", onerror=lambda e: None):
    dirs[:] = [d for d in dirs if os.path.join(top, d) not in ("/proc", "/sys", "/usr", "/dev")]
    for name in files:
        path = os.path.join(top, name)
        if name in ("interactor.py", "answer", "judgemessage.txt"):
            seen.append(path)
        elif top.startswith(("/code", "/tmp")):
            try:
                if b"the secret " b"answer" in open(path, "rb").read(1 << 20):
                    seen.append(path)
            except OSError:
                pass
print(open("/etc/hostname").read().strip(), ",".join(seen), flush=True)
"""


@pytest.mark.docker
async def test_the_interactor_runs_in_another_container_the_submission_cannot_see(
    engine: Engine, tmp_path: Path
) -> None:
    problem = write_problem(
        tmp_path,
        "spy",
        tests=[("the input\n", "the secret answer\n")],
        extra="interactor: {source: interactor.py}\n",
        files={"interactor.py": SPY_INTERACTOR},
    )
    result = await engine.judge.judge(problem, engine.languages["python"], SPY_SUBMISSION)
    test = result.tests[0]
    assert result.verdict == Verdict.ACCEPTED, test.checker_message or test.reason
    assert "it saw: nothing" in test.checker_message
    found = re.match(r"interactor in (\w+), submission in (\w+),", test.checker_message)
    assert found and found[1] != found[2]


@pytest.mark.docker
async def test_a_failing_interactor_is_a_judge_error_not_the_submissions(engine: Engine, tmp_path: Path) -> None:
    problem = write_problem(
        tmp_path,
        "broken",
        tests=[("1\n", "1\n")],
        extra="interactor: {source: interactor.py}\n",
        files={"interactor.py": "import sys\nsys.stdin.readline()\nraise ValueError('the interactor is broken')\n"},
    )
    result = await engine.judge.judge(problem, engine.languages["python"], "print(1, flush=True)\n")
    assert result.verdict == Verdict.INTERNAL_ERROR
    assert "the interactor exited with 1" in result.tests[0].reason
    assert "the interactor is broken" in result.tests[0].checker_message


@pytest.mark.docker
async def test_a_submission_flooding_an_interactor_that_never_reads_stops_at_its_output_limit(
    engine: Engine, tmp_path: Path
) -> None:
    """Neither side can wedge the judge: the flood goes nowhere, and the output limit stops it."""
    problem = write_problem(
        tmp_path,
        "flood",
        tests=[("1\n", "1\n")],
        extra="interactor: {source: interactor.py}\noutput_limit_kb: 1024\n",
        files={"interactor.py": "import time\ntime.sleep(60)\n"},
    )
    started = time.monotonic()
    source = "import sys\nwhile True:\n    sys.stdout.write('x' * 65536)\n"
    result = await engine.judge.judge(problem, engine.languages["python"], source)
    assert result.verdict == Verdict.OUTPUT_LIMIT_EXCEEDED, result.tests[0].reason
    assert time.monotonic() - started < 10


@pytest.mark.docker
async def test_one_interactive_test_of_thirty_round_trips_takes_well_under_a_second(engine: Engine) -> None:
    """The bundled guess-the-number: a binary search, 30 guesses on the test of 10^9."""
    problem = next(p for p in engine_problems() if p.slug == "guess-the-number")
    source = (problem.path / "solutions" / "accepted.py").read_text()
    await engine.judge.judge(problem, engine.languages["python"], source)  # warm both pools
    started = time.monotonic()
    result = await engine.judge.judge(problem, engine.languages["python"], source)
    per_test = (time.monotonic() - started) / len(problem.tests)
    print(f"guess-the-number: {len(problem.tests)} interactive tests, {per_test * 1000:.0f} ms each")
    assert result.verdict == Verdict.ACCEPTED
    assert "in 30 guesses" in next(t for t in result.tests if "1000000000 " in t.checker_message).checker_message
    sample = result.tests[0]
    assert sample.output is not None and sample.output.startswith("> 500000000\n< lower\n")
    assert per_test < 1.0


def engine_problems() -> list:  # type: ignore[type-arg]
    from codearena.paths import PROBLEMS_DIR
    from codearena.problems.native import load_problems

    return list(load_problems(PROBLEMS_DIR)[0].values())


@pytest.mark.docker
async def test_the_editors_run_on_an_interactive_problems_samples_shows_the_transcript(engine: Engine) -> None:
    problem = next(p for p in engine_problems() if p.slug == "guess-the-number")
    python = engine.languages["python"]
    right = (problem.path / "solutions" / "accepted.py").read_text()
    outcome = await engine.judge.run(RunRequest(python, right, problem=problem))
    assert outcome.verdict == "ok" and outcome.matches is True, outcome
    assert outcome.stdout.startswith("> 500000000\n< lower\n") and outcome.stdout.endswith("> 42\n< correct\n")
    assert "found 42" in outcome.checker_message
    silent = await engine.judge.run(RunRequest(python, "print(0, flush=True)\n", problem=problem))
    assert silent.verdict == "ok" and silent.matches is False
    assert "not between 1 and" in silent.checker_message


async def test_an_interactive_problems_page_shows_its_samples_transcript(fake_server: TestServer) -> None:
    async with (
        aiohttp.ClientSession(base_url=fake_server.make_url("")) as client,
        client.get("/problems/guess-the-number") as response,
    ):
        assert response.status == 200
        page = await response.text()
    sample = page[page.index('id="samples-title"') :]
    assert "Interaction: <code>&gt;</code> your program, <code>&lt;</code> the judge" in sample
    assert "&gt; 500000000\n&lt; lower\n&gt; 250000000" in sample and "&gt; 42\n&lt; correct" in sample
    assert "<figcaption>Input</figcaption>" not in sample.split("</section>")[0]


# The bundled guess-the-number's interactor.py, in C++: built once in the checkers' pool and
# kept (codearena.judging.validators.AuthorPrograms), the binary sent for each test.
CPP_INTERACTOR = r"""
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
using namespace std;

static string feedback;
[[noreturn]] static void verdict(int code, const string& message) {
    FILE* f = fopen((feedback + "/judgemessage.txt").c_str(), "w");
    fprintf(f, "%s\n", message.c_str());
    fclose(f);
    exit(code);
}

int main(int argc, char** argv) {
    feedback = argv[3];
    FILE* in = fopen(argv[1], "r");
    long long secret;
    if (fscanf(in, "%lld", &secret) != 1) return 1;
    for (int count = 1; count <= 30; ++count) {
        string token;
        if (!(cin >> token)) verdict(43, "the program stopped after " + to_string(count - 1) + " guesses");
        long long guess;
        try { guess = stoll(token); } catch (...) { verdict(43, "expected an integer, found " + token.substr(0, 40)); }
        if (guess < 1 || guess > 1000000000LL) verdict(43, to_string(guess) + " is not between 1 and 10^9");
        if (guess == secret) {
            cout << "correct" << endl;
            verdict(42, "found " + to_string(secret) + " in " + to_string(count) + " guesses (C++)");
        }
        cout << (secret > guess ? "higher" : "lower") << endl;
    }
    verdict(43, "no correct guess in 30 guesses (C++)");
}
"""


def cpp_guess_the_number(tmp_path: Path) -> Path:
    """A copy of guess-the-number whose interactor is CPP_INTERACTOR."""
    import shutil

    source = next(p for p in engine_problems() if p.slug == "guess-the-number").path
    folder = tmp_path / "guess-cpp"
    shutil.copytree(source, folder)
    (folder / "interactor.py").unlink()
    (folder / "interactor.cpp").write_text(CPP_INTERACTOR)
    yaml_path = folder / "problem.yaml"
    spec = yaml_path.read_text().replace(
        "source: interactor.py\n  language: python", "source: interactor.cpp\n  language: cpp"
    )
    assert "interactor.cpp" in spec
    yaml_path.write_text(spec)
    return folder


def test_a_cpp_interactor_is_declared_in_problem_yaml(tmp_path: Path) -> None:
    from codearena.problems.native import load_problem

    problem = load_problem(cpp_guess_the_number(tmp_path))
    assert problem.interactor is not None
    assert (problem.interactor.program.name, problem.interactor.language) == ("interactor.cpp", "cpp")


@pytest.mark.docker
async def test_a_cpp_interactor_is_built_once_and_judges_accepted_and_wrong_answers(
    engine: Engine, tmp_path: Path
) -> None:
    from codearena.problems.native import load_problem

    problem = load_problem(cpp_guess_the_number(tmp_path))
    solutions = problem.path / "solutions"
    builds = 0
    real_build = engine.checkers.programs._build

    async def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal builds
        builds += 1
        return await real_build(*args, **kwargs)

    engine.checkers.programs._build = counted  # type: ignore[method-assign]
    accepted = await engine.judge.judge(problem, engine.languages["python"], (solutions / "accepted.py").read_text())
    assert accepted.verdict == Verdict.ACCEPTED, accepted.tests[0].reason or accepted.compile_output
    assert (
        "in 30 guesses (C++)" in next(t for t in accepted.tests if "1000000000 " in t.checker_message).checker_message
    )
    again = await engine.judge.judge(problem, engine.languages["cpp"], (solutions / "accepted.cpp").read_text())
    assert again.verdict == Verdict.ACCEPTED
    started = time.monotonic()
    timed = await engine.judge.judge(problem, engine.languages["python"], (solutions / "accepted.py").read_text())
    per_test = (time.monotonic() - started) / len(problem.tests)
    print(f"C++ interactor: {len(problem.tests)} interactive tests, {per_test * 1000:.0f} ms each")
    assert timed.verdict == Verdict.ACCEPTED and per_test < 1.0
    off = await engine.judge.judge(problem, engine.languages["python"], (solutions / "off_by_one.py").read_text(),
                                   stop_on_first_failure=False)  # fmt: skip
    assert off.verdict == Verdict.WRONG_ANSWER
    assert any("(C++)" in t.checker_message for t in off.tests if t.verdict == Verdict.WRONG_ANSWER)
    assert builds == 1, "the interactor is compiled once, then kept"
    sample = accepted.tests[0]
    assert sample.output is not None and sample.output.startswith("> 500000000\n< lower\n")


@pytest.mark.docker
async def test_an_interactor_that_does_not_compile_is_a_judge_error(engine: Engine, tmp_path: Path) -> None:
    folder = cpp_guess_the_number(tmp_path)
    (folder / "interactor.cpp").write_text("int main( {\n")
    from codearena.problems.native import load_problem

    problem = load_problem(folder)
    result = await engine.judge.judge(problem, engine.languages["python"], "print(1)\n")
    assert result.verdict == Verdict.INTERNAL_ERROR
    assert "the interactor cannot be built" in result.reason and "does not compile" in result.reason
