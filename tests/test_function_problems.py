"""Function problems in real containers: the result comes only from file descriptor 3, after
the call returned; what the program prints is debug output, shown for the samples; a program
that exits before returning is never accepted, nor given an earlier test's result; the stack
follows the memory limit. (The bundled problems' reference solutions prove every kind of
signature in every language: tests/test_reference_solutions.py.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write_problem

from codearena.domain.verdicts import Verdict
from codearena.engine import Engine
from codearena.judging.runs import RunRequest
from codearena.problems.model import Problem

pytestmark = pytest.mark.docker

A, WA, RE = Verdict.ACCEPTED, Verdict.WRONG_ANSWER, Verdict.RUNTIME_ERROR


@pytest.fixture(scope="module")
def add_problem(tmp_path_factory: pytest.TempPathFactory) -> Problem:
    """int add(int a, int b); three tests, the first a sample."""
    root = tmp_path_factory.mktemp("functions")
    tests = [("1\n2\n", "3\n"), ("5\n6\n", "11\n"), ("-1\n1\n", "0\n")]
    return write_problem(root, "add", tests=tests, extra="function:\n  signature: int add(int a, int b)\n")


@pytest.fixture(scope="module")
def reverse_problem(tmp_path_factory: pytest.TempPathFactory) -> Problem:
    """void reverseString(char[] s), in place."""
    root = tmp_path_factory.mktemp("functions")
    tests = [('["h","e","l","l","o"]\n', '["o","l","l","e","h"]\n'), ('["a"]\n', '["a"]\n'),
             ('["\\"","\\\\","x"]\n', '["x","\\\\","\\""]\n')]  # fmt: skip
    extra = "function:\n  signature: void reverseString(char[] s)\n  result: s\n"
    return write_problem(root, "reverse", tests=tests, extra=extra)


@pytest.fixture(scope="module")
def depth_problem(tmp_path_factory: pytest.TempPathFactory) -> Problem:
    """int depth(int n): recursion n deep; 256 MB."""
    root = tmp_path_factory.mktemp("functions")
    tests = [("10\n", "10\n"), ("100000\n", "100000\n")]
    extra = "function:\n  signature: int depth(int n)\n"
    return write_problem(root, "depth", tests=tests, extra=extra, memory_limit_mb=256, time_limit_ms=2000)


EXIT_EARLY = {
    "python": "import sys\nclass Solution:\n    def add(self, a, b):\n        print(a + b)\n        sys.exit(0)\n",
    "javascript": "var add = function(a, b) { console.log(a + b); process.exit(0); };\n",
    "java": "class Solution {\n    public int add(int a, int b) {\n        System.out.println(a + b);\n"
    "        System.exit(0);\n        return 0;\n    }\n}\n",
    "cpp": 'class Solution {\npublic:\n    int add(int a, int b) {\n        printf("%d\\n", a + b);\n'
    "        exit(0);\n    }\n};\n",
}


@pytest.mark.parametrize("language", sorted(EXIT_EARLY))
async def test_a_program_that_exits_before_returning_is_never_accepted(
    engine: Engine, add_problem: Problem, language: str
) -> None:
    result = await engine.judge.judge(add_problem, engine.languages[language], EXIT_EARLY[language])
    assert result.verdict == RE, result.model_dump()
    assert [t.verdict for t in result.tests] == [RE, RE, RE]
    assert result.reason == "test 1: the program exited (exit code 0) before add returned"
    sample = result.tests[0]
    assert sample.output == "" and sample.stderr == "3\n"  # it printed the right answer: not a result


async def test_prints_are_debug_output_and_never_the_result(engine: Engine, add_problem: Problem) -> None:
    source = (
        "import sys\nclass Solution:\n    def add(self, a, b):\n        print(a + b)\n"
        "        print('debug', file=sys.stderr)\n        return a - b\n"
    )
    result = await engine.judge.judge(add_problem, engine.languages["python"], source)
    assert [t.verdict for t in result.tests] == [WA, WA, WA]
    sample = result.tests[0]
    assert sample.output == "-1"  # the returned value, beside the expected 3
    assert sample.stderr == "3\ndebug\n"  # stdout and stderr, in the order printed
    assert sample.checker_message == "expected 3, found -1"
    assert result.tests[1].stderr == ""  # a hidden test's prints are not kept


async def test_a_result_never_carries_over_to_the_next_test(engine: Engine, add_problem: Problem) -> None:
    # Returns on the first run, then exits early: the first run's result file is not reused.
    source = (
        "import os, sys\nclass Solution:\n    def add(self, a, b):\n"
        "        if os.path.exists('ran'):\n            sys.exit(0)\n"
        "        open('ran', 'w').close()\n        return a + b\n"
    )
    result = await engine.judge.judge(add_problem, engine.languages["python"], source)
    assert [t.verdict for t in result.tests] == [A, RE, RE]


IN_PLACE = {
    "python": "class Solution:\n    def reverseString(self, s: List[str]) -> None:\n        s.reverse()\n",
    "javascript": "var reverseString = function(s) {\n    s.reverse();\n};\n",
    "java": "class Solution {\n    public void reverseString(char[] s) {\n"
    "        for (int i = 0, j = s.length - 1; i < j; i++, j--) { char t = s[i]; s[i] = s[j]; s[j] = t; }\n"
    "    }\n}\n",
    "cpp": "class Solution {\npublic:\n    void reverseString(vector<char>& s) {\n"
    "        reverse(s.begin(), s.end());\n    }\n};\n",
}


@pytest.mark.parametrize("language", sorted(IN_PLACE))
async def test_an_in_place_function_returns_its_parameter(
    engine: Engine, reverse_problem: Problem, language: str
) -> None:
    result = await engine.judge.judge(reverse_problem, engine.languages[language], IN_PLACE[language])
    assert result.verdict == A, result.model_dump()
    assert result.tests[0].output == '["o","l","l","e","h"]'


SWAPPED = {
    "java": "class Solution {\n    public List<List<Integer>> swapped(List<int[]> pairs, List<Long> scale) {\n"
    "        List<List<Integer>> out = new ArrayList<>();\n"
    "        for (int[] p : pairs) out.add(Arrays.asList(p[1] * scale.get(0).intValue(), p[0]));\n"
    "        return out;\n    }\n}\n",
    "python": "class Solution:\n    def swapped(self, pairs, scale):\n"
    "        return [[b * scale[0], a] for a, b in pairs]\n",
}


@pytest.mark.parametrize("language", sorted(SWAPPED))
async def test_java_takes_and_returns_lists_where_the_signature_says_list(
    engine: Engine, tmp_path: Path, language: str
) -> None:
    tests = [("[[1,2],[3,4]]\n[10]\n", "[[20,1],[40,3]]\n"), ("[]\n[1]\n", "[]\n")]
    extra = "function:\n  signature: List<List<int>> swapped(List<int[]> pairs, List<long> scale)\n"
    problem = write_problem(tmp_path, "swapped", tests=tests, extra=extra)
    result = await engine.judge.judge(problem, engine.languages[language], SWAPPED[language])
    assert result.verdict == A, result.model_dump()
    assert result.tests[0].output == "[[20,1],[40,3]]"


async def test_python_recursion_goes_as_deep_as_memory_allows(engine: Engine, depth_problem: Problem) -> None:
    # lru_cache recurses through C: each level takes C stack, which Python's default would not have.
    deep = "class Solution:\n    @lru_cache(None)\n    def depth(self, n: int) -> int:\n" \
           "        return 0 if n == 0 else self.depth(n - 1) + 1\n"  # fmt: skip
    result = await engine.judge.judge(depth_problem, engine.languages["python"], deep)
    assert result.verdict == A, result.tests[-1].model_dump()


async def test_python_recursion_past_its_limit_is_an_error_not_a_crash(engine: Engine, tmp_path: Path) -> None:
    problem = write_problem(tmp_path, "deeper", tests=[("300000\n", "300000\n")], memory_limit_mb=256,
                            time_limit_ms=2000, extra="function:\n  signature: int depth(int n)\n")  # fmt: skip
    # Through C (the cache), where running out of stack would be a segmentation fault.
    source = "class Solution:\n    @cache\n    def depth(self, n: int) -> int:\n" \
             "        return 0 if n == 0 else self.depth(n - 1) + 1\n"  # fmt: skip
    result = await engine.judge.judge(problem, engine.languages["python"], source)
    assert result.verdict == RE, result.model_dump()
    assert result.reason == "test 1: RecursionError at main.py:4 (exit code 1)"


async def test_run_on_the_samples_shows_the_result_and_the_prints(engine: Engine, add_problem: Problem) -> None:
    source = "var add = function(a, b) {\n    console.log('adding', a, b);\n    return a + b;\n};\n"
    outcome = await engine.judge.run(RunRequest(engine.languages["javascript"], source, None, add_problem))
    case = outcome.cases[0]
    assert (case.verdict, case.result, case.stdout, case.matches) == ("ok", "3", "adding 1 2\n", True)
    custom = await engine.judge.run(RunRequest(engine.languages["javascript"], source, b"40\n2\n", add_problem))
    assert (custom.result, custom.stdout) == ("42", "adding 40 2\n")


async def test_a_custom_checker_judges_the_returned_value(engine: Engine, tmp_path: Path) -> None:
    # Any number at least a is right: the checker reads the result's JSON on stdin.
    checker = (
        "import json, sys\n"
        "a = int(open(sys.argv[1]).read().split()[0])\n"
        "sys.exit(42 if json.load(sys.stdin) >= a else 43)\n"
    )
    extra = "function:\n  signature: int atLeast(int a)\nchecker: {type: custom, program: checker.py}\n"
    problem = write_problem(tmp_path, "at-least", tests=[("5\n", "5\n"), ("7\n", "7\n")], extra=extra,
                            files={"checker.py": checker})  # fmt: skip
    language = engine.languages["python"]
    right = await engine.judge.judge(
        problem, language, "class Solution:\n    def atLeast(self, a):\n        return a + 1\n"
    )
    wrong = await engine.judge.judge(
        problem, language, "class Solution:\n    def atLeast(self, a):\n        return a - 1\n"
    )
    assert (right.verdict, wrong.verdict) == (A, WA)
