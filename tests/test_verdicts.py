"""Every verdict in every language, from real programs in real containers."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write_problem

from codearena.domain.verdicts import Verdict
from codearena.engine import Engine
from codearena.languages import Language
from codearena.problems.model import Problem

pytestmark = pytest.mark.docker

A = Verdict.ACCEPTED
PROGRAMS: dict[str, dict[Verdict, str]] = {
    "python": {
        A: "print(int(input()))\n",
        Verdict.WRONG_ANSWER: "print(int(input()) + 1)\n",
        Verdict.TIME_LIMIT_EXCEEDED: "while True:\n    pass\n",
        Verdict.MEMORY_LIMIT_EXCEEDED: "blocks = []\nwhile True:\n    blocks.append(bytearray(1 << 20))\n",
        Verdict.RUNTIME_ERROR: "raise ValueError('boom')\n",
        Verdict.COMPILATION_ERROR: "print(\n",
        Verdict.OUTPUT_LIMIT_EXCEEDED: "while True:\n    print('x' * 1000)\n",
    },
    "javascript": {
        A: "console.log(parseInt(require('fs').readFileSync(0, 'utf8')));\n",
        Verdict.WRONG_ANSWER: "console.log(parseInt(require('fs').readFileSync(0, 'utf8')) + 1);\n",
        Verdict.TIME_LIMIT_EXCEEDED: "while (true) {}\n",
        Verdict.MEMORY_LIMIT_EXCEEDED: "const a = [];\nwhile (true) a.push(new Array(1e6).fill(1.5));\n",
        Verdict.RUNTIME_ERROR: "throw new Error('boom');\n",
        Verdict.COMPILATION_ERROR: "function (\n",
        Verdict.OUTPUT_LIMIT_EXCEEDED: "const s = 'x'.repeat(1000) + '\\n';\nwhile (true) process.stdout.write(s);\n",
    },
    "java": {
        A: "import java.util.*;\npublic class Solution {\n public static void main(String[] a) {\n"
        "  System.out.println(new Scanner(System.in).nextLong());\n }\n}\n",
        Verdict.WRONG_ANSWER: "import java.util.*;\npublic class Main {\n public static void main(String[] a) {\n"
        "  System.out.println(new Scanner(System.in).nextLong() + 1);\n }\n}\n",
        Verdict.TIME_LIMIT_EXCEEDED: "public class Main {\n public static void main(String[] a) {\n"
        "  long x = 0; while (true) { x++; }\n }\n}\n",
        Verdict.MEMORY_LIMIT_EXCEEDED: "import java.util.*;\npublic class Main {\n"
        " public static void main(String[] a) {\n"
        "  List<long[]> l = new ArrayList<>();\n"
        "  while (true) l.add(new long[1 << 17]);\n }\n}\n",
        Verdict.RUNTIME_ERROR: "public class Main {\n public static void main(String[] a) {\n"
        "  int[] x = new int[1]; x[a.length + 2] = 1;\n }\n}\n",
        Verdict.COMPILATION_ERROR: "public class Main {\n public static void main(String[] a) {\n  int x = \n }\n}\n",
        Verdict.OUTPUT_LIMIT_EXCEEDED: "public class Main {\n public static void main(String[] a) {\n"
        '  String s = "x".repeat(1000);\n'
        "  while (true) System.out.println(s);\n }\n}\n",
    },
    "cpp": {
        A: "#include <iostream>\nint main() { long long n; std::cin >> n; std::cout << n << '\\n'; }\n",
        Verdict.WRONG_ANSWER: "#include <iostream>\nint main() { long long n; std::cin >> n; std::cout << n + 1; }\n",
        Verdict.TIME_LIMIT_EXCEEDED: "int main() { volatile unsigned long x = 0; while (true) x++; }\n",
        Verdict.MEMORY_LIMIT_EXCEEDED: "#include <vector>\n#include <cstring>\nint main() {\n"
        "  std::vector<char*> v;\n"
        "  while (true) { char* p = new char[1 << 20]; std::memset(p, 1, 1 << 20);"
        " v.push_back(p); }\n}\n",
        Verdict.RUNTIME_ERROR: "int main() { volatile int* p = nullptr; *p = 1; return 0; }\n",
        Verdict.COMPILATION_ERROR: "int main( {\n",
        Verdict.OUTPUT_LIMIT_EXCEEDED: '#include <cstdio>\nint main() { while (true) std::puts("xxxxxxxxxxxxxxxxxxxx"); }\n',
    },
    "c": {
        A: '#include <stdio.h>\nint main(void) { long long n; scanf("%lld", &n); printf("%lld\\n", n); }\n',
        Verdict.WRONG_ANSWER: '#include <stdio.h>\nint main(void) { long long n; scanf("%lld", &n); printf("%lld", n + 1); }\n',
        Verdict.TIME_LIMIT_EXCEEDED: "int main(void) { volatile unsigned long x = 0; for (;;) x++; }\n",
        Verdict.MEMORY_LIMIT_EXCEEDED: "#include <stdlib.h>\n#include <string.h>\nint main(void) {\n"
        "  for (;;) { char *p = malloc(1 << 20); if (!p) return 1; memset(p, 1, 1 << 20); }\n}\n",
        Verdict.RUNTIME_ERROR: "int main(void) { volatile int *p = 0; *p = 1; return 0; }\n",
        Verdict.COMPILATION_ERROR: "int main( {\n",
        Verdict.OUTPUT_LIMIT_EXCEEDED: '#include <stdio.h>\nint main(void) { for (;;) puts("xxxxxxxxxxxxxxxxxxxx"); }\n',
    },
    "go": {
        A: 'package main\n\nimport "fmt"\n\nfunc main() {\n\tvar n int64\n\tfmt.Scan(&n)\n\tfmt.Println(n)\n}\n',
        Verdict.WRONG_ANSWER: 'package main\n\nimport "fmt"\n\nfunc main() {\n\tvar n int64\n\tfmt.Scan(&n)\n\tfmt.Println(n + 1)\n}\n',
        Verdict.TIME_LIMIT_EXCEEDED: "package main\n\nfunc main() {\n\tx := 0\n\tfor {\n\t\tx++\n\t}\n}\n",
        Verdict.MEMORY_LIMIT_EXCEEDED: "package main\n\nfunc main() {\n\tvar blocks [][]byte\n\tfor {\n"
        "\t\tb := make([]byte, 1<<20)\n\t\tfor i := range b {\n\t\t\tb[i] = 1\n\t\t}\n\t\tblocks = append(blocks, b)\n\t}\n}\n",
        Verdict.RUNTIME_ERROR: 'package main\n\nimport "os"\n\nfunc main() {\n\tx := []int{1}\n\tx[len(os.Args)+2] = 1\n}\n',
        Verdict.COMPILATION_ERROR: "package main\n\nfunc main() {\n\tx := \n}\n",
        Verdict.OUTPUT_LIMIT_EXCEEDED: 'package main\n\nimport (\n\t"fmt"\n\t"strings"\n)\n\nfunc main() {\n'
        '\ts := strings.Repeat("x", 1000)\n\tfor {\n\t\tfmt.Println(s)\n\t}\n}\n',
    },
    "rust": {
        A: "use std::io::Read;\nfn main() {\n    let mut s = String::new();\n    std::io::stdin().read_to_string(&mut s).unwrap();\n"
        '    let n: i64 = s.trim().parse().unwrap();\n    println!("{}", n);\n}\n',
        Verdict.WRONG_ANSWER: "use std::io::Read;\nfn main() {\n    let mut s = String::new();\n"
        "    std::io::stdin().read_to_string(&mut s).unwrap();\n"
        '    let n: i64 = s.trim().parse().unwrap();\n    println!("{}", n + 1);\n}\n',
        Verdict.TIME_LIMIT_EXCEEDED: "fn main() {\n    loop {}\n}\n",
        Verdict.MEMORY_LIMIT_EXCEEDED: "fn main() {\n    let mut v: Vec<Vec<u8>> = Vec::new();\n    loop {\n"
        "        v.push(vec![1u8; 1 << 20]);\n    }\n}\n",
        Verdict.RUNTIME_ERROR: 'fn main() {\n    let v = vec![1];\n    let i = std::env::args().count() + 2;\n    println!("{}", v[i]);\n}\n',
        Verdict.COMPILATION_ERROR: 'fn main() {\n    let x: i32 = "a";\n}\n',
        Verdict.OUTPUT_LIMIT_EXCEEDED: 'fn main() {\n    let s = "x".repeat(1000);\n    loop {\n        println!("{}", s);\n    }\n}\n',
    },
    "ruby": {
        A: "puts gets.to_i\n",
        Verdict.WRONG_ANSWER: "puts gets.to_i + 1\n",
        Verdict.TIME_LIMIT_EXCEEDED: "x = 0\nloop { x += 1 }\n",
        Verdict.MEMORY_LIMIT_EXCEEDED: "a = []\nloop { a << ('x' * (1 << 20)) }\n",
        Verdict.RUNTIME_ERROR: "raise ArgumentError, 'boom'\n",
        Verdict.COMPILATION_ERROR: "def f(\n",
        Verdict.OUTPUT_LIMIT_EXCEEDED: "s = 'x' * 1000\nloop { puts s }\n",
    },
    "kotlin": {
        A: "fun main() {\n    println(readLine()!!.trim().toLong())\n}\n",
        Verdict.WRONG_ANSWER: "fun main() {\n    println(readLine()!!.trim().toLong() + 1)\n}\n",
        Verdict.TIME_LIMIT_EXCEEDED: "fun main() {\n    var x = 0L\n    while (true) { x++ }\n}\n",
        Verdict.MEMORY_LIMIT_EXCEEDED: "fun main() {\n    val l = ArrayList<LongArray>()\n    while (true) l.add(LongArray(1 shl 17))\n}\n",
        Verdict.RUNTIME_ERROR: "fun main(args: Array<String>) {\n    val x = IntArray(1)\n    x[args.size + 2] = 1\n}\n",
        Verdict.COMPILATION_ERROR: 'fun main() {\n    val x: Int = "a"\n}\n',
        Verdict.OUTPUT_LIMIT_EXCEEDED: 'fun main() {\n    val s = "x".repeat(1000)\n    while (true) println(s)\n}\n',
    },
    "csharp": {
        A: "using System;\nclass Program {\n    static void Main() {\n        Console.WriteLine(long.Parse(Console.ReadLine().Trim()));\n    }\n}\n",
        Verdict.WRONG_ANSWER: "using System;\nclass Program {\n    static void Main() {\n"
        "        Console.WriteLine(long.Parse(Console.ReadLine().Trim()) + 1);\n    }\n}\n",
        Verdict.TIME_LIMIT_EXCEEDED: "class Program {\n    static void Main() {\n        long x = 0;\n        while (true) { x++; }\n    }\n}\n",
        Verdict.MEMORY_LIMIT_EXCEEDED: "using System.Collections.Generic;\nclass Program {\n    static void Main() {\n"
        "        var l = new List<long[]>();\n        while (true) { var a = new long[1 << 17]; for (int i = 0; i < a.Length; i++) a[i] = i; l.Add(a); }\n    }\n}\n",
        Verdict.RUNTIME_ERROR: "class Program {\n    static void Main(string[] args) {\n        int[] x = new int[1];\n"
        "        x[args.Length + 2] = 1;\n    }\n}\n",
        Verdict.COMPILATION_ERROR: "class Program {\n    static void Main() {\n        int x = \n    }\n}\n",
        Verdict.OUTPUT_LIMIT_EXCEEDED: "using System;\nclass Program {\n    static void Main() {\n"
        "        string s = new string('x', 1000);\n        while (true) Console.WriteLine(s);\n    }\n}\n",
    },
    "typescript": {
        A: "import * as fs from 'fs';\nconst n: number = parseInt(fs.readFileSync(0, 'utf8'));\nconsole.log(n);\n",
        Verdict.WRONG_ANSWER: "import * as fs from 'fs';\nconst n: number = parseInt(fs.readFileSync(0, 'utf8'));\nconsole.log(n + 1);\n",
        Verdict.TIME_LIMIT_EXCEEDED: "let x: number = 0;\nwhile (true) { x++; }\n",
        Verdict.MEMORY_LIMIT_EXCEEDED: "const a: number[][] = [];\nwhile (true) a.push(new Array(1e6).fill(1.5));\n",
        Verdict.RUNTIME_ERROR: "throw new Error('boom');\n",
        Verdict.COMPILATION_ERROR: "const x: number = 'a';\n",
        Verdict.OUTPUT_LIMIT_EXCEEDED: "const s: string = 'x'.repeat(1000) + '\\n';\nwhile (true) process.stdout.write(s);\n",
    },
    "php": {
        A: '<?php\n$n = (int) trim(fgets(STDIN));\necho $n, "\\n";\n',
        Verdict.WRONG_ANSWER: '<?php\n$n = (int) trim(fgets(STDIN));\necho $n + 1, "\\n";\n',
        Verdict.TIME_LIMIT_EXCEEDED: "<?php\n$x = 0;\nwhile (true) { $x++; }\n",
        Verdict.MEMORY_LIMIT_EXCEEDED: "<?php\n$a = [];\nwhile (true) { $a[] = str_repeat('x', 1 << 20); }\n",
        Verdict.RUNTIME_ERROR: "<?php\nthrow new RuntimeException('boom');\n",
        Verdict.COMPILATION_ERROR: "<?php\nfunction f( {\n",
        Verdict.OUTPUT_LIMIT_EXCEEDED: "<?php\n$s = str_repeat('x', 1000);\nwhile (true) { echo $s, \"\\n\"; }\n",
    },
    "bash": {
        A: 'read -r n\necho "$n"\n',
        Verdict.WRONG_ANSWER: "read -r n\necho $((n + 1))\n",
        Verdict.TIME_LIMIT_EXCEEDED: "while :; do :; done\n",
        Verdict.MEMORY_LIMIT_EXCEEDED: "s=xxxxxxxxxxxxxxxx\nwhile :; do s=$s$s; done\n",
        Verdict.RUNTIME_ERROR: "echo boom >&2\nexit 3\n",
        Verdict.COMPILATION_ERROR: "if then fi\n",
        Verdict.OUTPUT_LIMIT_EXCEEDED: "s=$(printf '%1000s')\nwhile :; do echo \"$s\"; done\n",
    },
}

CASES = [(lang, verdict) for lang, programs in PROGRAMS.items() for verdict in programs]
# How each runtime error above is reported: the exception and the user's line, where the
# runtime names them (languages.yaml's error_type and error_line), else how the program ended.
RUNTIME_ERRORS = {
    "python": "ValueError at main.py:1 (exit code 1)",
    "javascript": "error at main.js:1 (exit code 1)",
    "java": "java.lang.ArrayIndexOutOfBoundsException at Main.java:3 (exit code 1)",
    "cpp": "segmentation fault (SIGSEGV)",
    "c": "segmentation fault (SIGSEGV)",
    "go": "runtime error: index out of range at main.go:7 (exit code 2)",
    "rust": "index out of bounds at main.rs:4 (exit code 101)",
    "ruby": "ArgumentError at main.rb:1 (exit code 1)",
    "kotlin": "java.lang.ArrayIndexOutOfBoundsException at main.kt:3 (exit code 1)",
    "csharp": "System.IndexOutOfRangeException at main.cs:4 (exit code 1)",
    "typescript": "error at main.ts:1 (exit code 1)",
    "php": "RuntimeException at main.php:2 (exit code 255)",
    "bash": "exit code 3",
}


def test_every_language_has_every_verdict(languages: dict[str, Language]) -> None:
    assert set(PROGRAMS) == set(RUNTIME_ERRORS) == set(languages)
    assert all(set(programs) == set(PROGRAMS["python"]) for programs in PROGRAMS.values())
    assert len(PROGRAMS["python"]) == 7


@pytest.mark.parametrize(("language", "expected"), CASES, ids=[f"{lang}-{v.value}" for lang, v in CASES])
async def test_verdict(engine: Engine, echo_problem: Problem, language: str, expected: Verdict) -> None:
    result = await engine.judge.judge(echo_problem, engine.languages[language], PROGRAMS[language][expected])
    assert result.verdict == expected, result.model_dump()
    assert result.total == len(echo_problem.tests) == 3
    if expected == A:
        assert result.passed == 3
        assert all(t.verdict == A and t.time_ms >= 0 and t.memory_kb > 0 for t in result.tests)
    elif expected == Verdict.COMPILATION_ERROR:
        assert result.compile_output.strip(), "the compiler's message is shown"
        assert all(t.verdict == Verdict.SKIPPED for t in result.tests)
    else:
        # All tests run by default; the first failing test decides the verdict.
        assert result.tests[0].verdict == expected
        assert result.passed == 0
    if expected == Verdict.RUNTIME_ERROR:
        assert result.reason == f"test 1: {RUNTIME_ERRORS[language]}"


async def test_every_generic_starter_compiles_and_runs(
    engine: Engine, echo_problem: Problem, languages: dict[str, Language]
) -> None:
    """The code a stdin problem starts from where it has none of its own: it compiles and runs
    (it solves nothing: what it prints is a wrong answer, or by chance a right one)."""
    for language in (lang for lang in languages.values() if lang.starter):
        result = await engine.judge.judge(echo_problem, engine.languages[language.id], language.starter)
        assert result.verdict in (Verdict.WRONG_ANSWER, A), (language.id, result.model_dump())


async def test_compile_error_carries_the_compiler_message(engine: Engine, echo_problem: Problem) -> None:
    result = await engine.judge.judge(echo_problem, engine.languages["python"], "def f(:\n    pass\n")
    assert result.verdict == Verdict.COMPILATION_ERROR
    assert "SyntaxError" in result.compile_output
    result = await engine.judge.judge(echo_problem, engine.languages["cpp"], "int main() { return x; }\n")
    assert "was not declared" in result.compile_output


async def test_cpu_time_is_measured_against_the_limit(engine: Engine, echo_problem: Problem) -> None:
    """A correct answer that took too long is still time_limit_exceeded, with its CPU time."""
    spin = (
        "#include <iostream>\nint main() { long long n; std::cin >> n; volatile unsigned long x = 0;\n"
        "  for (unsigned long i = 0; i < 4000000000UL; i++) x++;\n  std::cout << n; }\n"
    )
    result = await engine.judge.judge(echo_problem, engine.languages["cpp"], spin, stop_on_first_failure=True)
    assert result.verdict == Verdict.TIME_LIMIT_EXCEEDED
    assert result.tests[0].time_ms >= 500
    assert [t.verdict for t in result.tests[1:]] == [Verdict.SKIPPED, Verdict.SKIPPED]


async def test_stop_on_first_failure_skips_the_rest(engine: Engine, echo_problem: Problem) -> None:
    wrong_on_second = "n = int(input())\nprint(n if n != -3 else 0)\n"
    result = await engine.judge.judge(
        echo_problem, engine.languages["python"], wrong_on_second, stop_on_first_failure=True
    )
    assert [t.verdict for t in result.tests] == [A, Verdict.WRONG_ANSWER, Verdict.SKIPPED]
    assert result.verdict == Verdict.WRONG_ANSWER and result.passed == 1
    result = await engine.judge.judge(echo_problem, engine.languages["python"], wrong_on_second)
    assert [t.verdict for t in result.tests] == [A, Verdict.WRONG_ANSWER, A]
    assert result.passed == 2


async def test_live_events_arrive_in_order(engine: Engine, echo_problem: Problem) -> None:
    from codearena.judging.judge import JudgeEvent, StatusEvent, TestEvent

    events: list[JudgeEvent] = []

    async def sink(event: JudgeEvent) -> None:
        events.append(event)

    await engine.judge.judge(echo_problem, engine.languages["cpp"], PROGRAMS["cpp"][A], sink)
    kinds = [
        e.status.value if isinstance(e, StatusEvent) else e.result.index
        for e in events
        if isinstance(e, StatusEvent | TestEvent)
    ]
    assert kinds == ["compiling", "running", 1, 2, 3]


SUM_CHECKER = """\
import sys
from pathlib import Path

given, answer, feedback = sys.argv[1:4]
n = int(Path(given).read_text())
out = sys.stdin.read().split()
# any two non-negative integers that add up to n are a valid answer
if len(out) == 2 and all(t.isdigit() for t in out) and sum(map(int, out)) == n:
    sys.exit(42)
Path(feedback, "judgemessage.txt").write_text(f"{' '.join(out)!r} does not add up to {n}")
sys.exit(43)
"""


async def test_custom_checker_accepts_any_valid_answer(engine: Engine, tmp_path: Path) -> None:
    problem = write_problem(
        tmp_path,
        "split-sum",
        tests=[("5\n", "2 3\n"), ("10\n", "5 5\n")],
        extra="checker: {type: custom, program: checker.py}\n",
        files={"checker.py": SUM_CHECKER},
    )
    python = engine.languages["python"]
    other_split = await engine.judge.judge(problem, python, "n = int(input())\nprint(0, n)\n")
    assert other_split.verdict == A, other_split.tests[0].checker_message
    wrong = await engine.judge.judge(problem, python, "n = int(input())\nprint(1, n)\n")
    assert wrong.verdict == Verdict.WRONG_ANSWER
    assert "does not add up to 5" in wrong.tests[0].checker_message
