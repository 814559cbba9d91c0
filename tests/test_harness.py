"""Function problems without Docker: signatures, problem.yaml, test values, the typed comparison,
starter code, and the Python and JavaScript harnesses run on the host (when it has them).

The sandbox's side (file descriptor 3, every language's harness compiled and judged) is proven
with Docker in tests/test_function_problems.py and by the bundled reference solutions.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from codearena.judging.function_checker import compare
from codearena.languages import Language
from codearena.problems.harness import generate, program_language, starter_code
from codearena.problems.harness.generated import node_stack_kb, python_recursion_limit, stack_bytes
from codearena.problems.harness.signature import (
    FunctionSpec,
    SignatureError,
    Type,
    codec_spec,
    design_spec,
    function_spec,
    parse_method,
)
from codearena.problems.harness.values import case_fault, type_fault
from codearena.problems.model import ProblemError
from codearena.problems.native import load_problem

TWO_SUM = function_spec("int[] twoSum(int[] nums, int target)")
LRU = design_spec("LRUCache(int capacity)", ["int get(int key)", "void put(int key, int value)"])
CODEC = codec_spec("Codec", "string serialize(TreeNode root)", "TreeNode deserialize(string data)")


# -- signatures ------------------------------------------------------------------------------------


def test_a_signature_reads_as_its_language_independent_parts() -> None:
    method = parse_method("int[][] merge(int[][] intervals, ListNode head, double x)")
    assert method.name == "merge"
    assert method.returns == Type("int", 2)
    assert [(p.name, str(p.type)) for p in method.params] == [("intervals", "int[][]"), ("head", "ListNode"),
                                                                ("x", "double")]  # fmt: skip
    assert str(method) == "int[][] merge(int[][] intervals, ListNode head, double x)"
    assert function_spec("void rotate(int[] nums, int k)", result="nums").result_param is not None


def test_java_lists_are_arrays_everywhere_else() -> None:
    method = parse_method("List<List<string>> group(List<int[]> pairs, List<string> words)")
    assert method.returns == Type("string", 2, lists=2) and method.returns.element == Type("string", 1, lists=1)
    assert method.params[0].type == Type("int", 2, lists=1) and method.params[0].type.element == Type("int", 1)
    assert str(method) == "List<List<string>> group(List<int[]> pairs, List<string> words)"
    code = starter_code(function_spec(str(method)))
    assert "public List<List<String>> group(List<int[]> pairs, List<String> words) {" in code["java"]
    assert "vector<vector<string>> group(vector<vector<int>>& pairs, vector<string>& words) {" in code["cpp"]
    assert "def group(self, pairs: List[List[int]], words: List[str]) -> List[List[str]]:" in code["python"]
    assert "public List<Integer> f(List<Long> a) {" in starter_code(function_spec("List<int> f(List<long> a)"))["java"]


@pytest.mark.parametrize(
    ("make", "key", "expected"),
    [
        (lambda: parse_method("List<int[][]> f(int a)"), "", "at most 2 array levels"),
        (lambda: parse_method("List<int>[] f(int a)"), "", "a signature such as"),
        (lambda: parse_method("List<int[]>> f(int a)"), "", "a type such as"),
        (lambda: parse_method("int[][][] f(int a)"), "", "at most 2 array levels"),
        (lambda: parse_method("float f(int a)"), "", "a type among int, long"),
        (lambda: parse_method("int f(int a, int a)"), "", "parameter names that differ"),
        (lambda: parse_method("int f(int class)"), "", "no keyword"),
        (lambda: parse_method("f(int a)"), "", "a return type before f"),
        (lambda: function_spec("void f(int[] a)"), "", "a return type other than void"),
        (lambda: function_spec("void f(int a)", result="a"), "result", "an array parameter"),
        (lambda: function_spec("void f(int[] a)", result="b"), "result", "one of the parameters (a)"),
        (lambda: function_spec("int[] f(int a)", unordered=2), "unordered", "0 to 1"),
        (lambda: design_spec("Cache(int n)", ["int get(int k)", "int get(int j)"]), "methods", "differ"),
        (lambda: codec_spec("C", "string s(TreeNode t)", "ListNode d(string s)"), "", "the types reversed"),
    ],
)
def test_a_bad_signature_says_what_was_expected(make: Callable[[], object], key: str, expected: str) -> None:
    with pytest.raises(SignatureError) as caught:
        make()
    assert caught.value.key == key
    assert expected in caught.value.expected


def _problem(tmp_path: Path, section: str) -> Path:
    folder = tmp_path / "fn"
    (folder / "tests" / "sample").mkdir(parents=True)
    (folder / "statement.md").write_text("Statement.\n")
    (folder / "tests" / "sample" / "1.in").write_text("[1,2]\n3\n")
    (folder / "tests" / "sample" / "1.ans").write_text("[0,1]\n")
    yaml = "title: F\ndifficulty: easy\ntime_limit_ms: 1000\nmemory_limit_mb: 64\n" + section
    (folder / "problem.yaml").write_text(yaml)
    return folder


def test_a_function_problem_loads_with_generated_starter_code(tmp_path: Path, languages: dict[str, Language]) -> None:
    folder = _problem(tmp_path, "function:\n  signature: int[] twoSum(int[] nums, int target)\n"
                                "starter_code: {python: mine}\n")  # fmt: skip
    problem = load_problem(folder, set(languages))
    assert problem.function is not None and problem.function.method.name == "twoSum"
    assert problem.checker.kind == "function"
    assert problem.starter_code["python"] == "mine"  # what problem.yaml says wins
    assert "var twoSum = function(nums, target)" in problem.starter_code["javascript"]


@pytest.mark.parametrize(
    ("section", "key", "message"),
    [
        ("function:\n  signature: int[] twoSum(int[] nums\n", "function.signature", "a signature such as"),
        ("function:\n  signature: void f(int[] a)\n  result: b\n", "function.result", "one of the parameters"),
        ("function:\n  signature: int f(int a)\n  colour: red\n", "function.colour", "signature, result"),
        ("function:\n  signature: int f(int a)\n  names: {cobol: {f: g}}\n", "function.names.cobol", "harness"),
        ("function:\n  signature: int f(int a)\n  names: {java: {h: g}}\n", "function.names.java.h", "methods (f)"),
        ("function:\n  signature: int f(int a)\ncodec:\n  class: C\n  serialize: x\n  deserialize: y\n", "",
         "one of function, design and codec"),
        ("function:\n  signature: int f(int a)\nchecker: tokens\n", "checker", "compared by type"),
        ("design:\n  constructor: int Cache(int n)\n  methods: [int get(int k)]\n", "design.constructor",
         "without a return type"),
    ],
)  # fmt: skip
def test_a_bad_function_section_names_its_key(tmp_path: Path, section: str, key: str, message: str) -> None:
    with pytest.raises(ProblemError) as caught:
        load_problem(_problem(tmp_path, section))
    assert caught.value.key == key
    assert message in str(caught.value)
    assert caught.value.line is not None


# -- test values -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "type_text", "fault"),
    [
        (5, "int", None),
        (2**31, "int", "expected int"),
        (2**31, "long", None),
        (True, "int", "expected int"),
        (1, "double", None),
        ("ab", "char", "expected char"),
        ([1, None, 2, 3], "TreeNode", None),
        ([None, 1], "TreeNode", "root is a value"),
        ([1, None], "TreeNode", "without trailing nulls"),
        ([1, None, None, 2], "TreeNode", "all have a parent"),
        ([[1], [2, "x"]], "int[][]", "expected int at [1][1]"),
        ([[1, 2], [3]], "ListNode[]", None),
    ],
)
def test_values_are_checked_against_their_type(value: object, type_text: str, fault: str | None) -> None:
    base, depth = type_text.replace("[]", ""), type_text.count("[]")
    found = type_fault(value, Type(base, depth))
    assert (found is None) if fault is None else (found is not None and fault in found)


def test_a_design_test_is_checked_call_by_call() -> None:
    calls = ["LRUCache", "put", "get"]
    assert case_fault(LRU, [calls, [[2], [1, 1], [1]]], [None, None, 1]) is None
    assert "constructor LRUCache" in (case_fault(LRU, [["put"], [[1, 1]]], [None]) or "")
    assert "expected null" in (case_fault(LRU, [calls, [[2], [1, 1], [1]]], [None, 5, 1]) or "")
    assert "2 arguments" in (case_fault(LRU, [calls, [[2], [1], [1]]], [None, None, 1]) or "")
    assert "input itself" in (case_fault(CODEC, [[1, 2]], [1]) or "")


# -- the typed comparison ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "result", "tolerance", "unordered", "accepted"),
    [
        ("[0,1]", "[0, 1]\n", None, 0, True),
        ("[0,1]", "[1,0]", None, 0, False),
        ("[0,1]", "[1,0]", None, 1, True),
        ("[[1,2],[3]]", "[[3],[2,1]]", None, 1, False),
        ("[[1,2],[3]]", "[[3],[2,1]]", None, 2, True),
        ("1", "true", None, 0, False),  # a bool is never a number
        ("true", "1", None, 0, False),
        ('"1"', "1", None, 0, False),
        ("2.0", "2", None, 0, True),
        ("0.5", "0.50001", None, 0, False),
        ("0.5", "0.500001", 1e-5, 0, True),
        ("123456789012", "123456789013", 1e-5, 0, False),  # integers are exact, even with a tolerance
        ("[]", "null", None, 0, False),
        ("[null,1]", "[null,1]", None, 0, True),
        ("[1]", "NaN", None, 0, False),
        ("[1]", "[1", None, 0, False),
    ],
)
def test_results_compare_as_typed_json(
    answer: str, result: str, tolerance: float | None, unordered: int, accepted: bool
) -> None:
    spec = function_spec("int[][] f(int a)", unordered=unordered, tolerance=tolerance)
    fault = compare(spec, answer.encode(), result.encode())
    assert (fault is None) == accepted, fault


def test_a_wrong_result_says_where_it_differs() -> None:
    assert compare(TWO_SUM, b"[0,1]", b"[0,2]") == "expected 1 at [1], found 2"
    assert compare(TWO_SUM, b"[0,1]", b"[0]") == "expected 2 elements, found 1"
    assert compare(TWO_SUM, b"[0,1]", b"oops") == "the result is not JSON: 'oops'"


# -- generated code -----------------------------------------------------------------------------------


def test_starter_code_has_the_signature_in_every_language() -> None:
    code = starter_code(TWO_SUM)
    assert "    def twoSum(self, nums: List[int], target: int) -> List[int]:" in code["python"]
    assert "var twoSum = function(nums, target) {" in code["javascript"]
    assert "class Solution {\n    public int[] twoSum(int[] nums, int target) {" in code["java"]
    assert "    vector<int> twoSum(vector<int>& nums, int target) {" in code["cpp"]
    design = starter_code(LRU)
    assert "LRUCache.prototype.put = function(key, value) {" in design["javascript"]
    assert "    public LRUCache(int capacity) {" in design["java"]
    codec = starter_code(CODEC)
    assert "var serialize = function(root)" in codec["javascript"]  # LeetCode's JavaScript: two functions
    assert "# class TreeNode:" in codec["python"]
    assert "TreeNode* deserialize(string data) {" in codec["cpp"]


def test_the_stack_grows_with_the_memory_limit(languages: dict[str, Language]) -> None:
    assert stack_bytes(256) == 256 << 20
    assert python_recursion_limit(256) == 262144
    assert 0 < node_stack_kb(256) < 256 * 1024
    java = program_language(languages["java"], TWO_SUM, 256)
    assert java.source_name == "Solution.java" and java.entry is None
    assert "-Xss256m" in java.run and java.harness is not None
    assert java.harness.source_prefix.startswith("import java.util.*;") and "\n" not in java.harness.source_prefix
    cpp = program_language(languages["cpp"], LRU, 64)
    assert cpp.harness is not None and cpp.harness.stack_bytes == 64 << 20
    assert '#include "solution.cpp"' in cpp.harness.files["harness.cpp"]


# -- the Python and JavaScript harnesses, run on the host ---------------------------------------------


def run_harness(tmp_path: Path, language: str, spec: FunctionSpec, source: str, stdin: str) -> tuple[int, str, str]:
    """Run the generated harness as the sandbox would: (exit code, result on fd 3, stdout)."""
    if shutil.which({"python": "python3", "javascript": "node"}[language]) is None:
        pytest.skip(f"no {language} toolchain on this host")
    made = generate(spec, language, 64)
    work = Path(tempfile.mkdtemp(dir=tmp_path))
    for name, text in made.files.items():
        (work / name).write_text(text)
    (work / made.source_name).write_text(made.source_prefix + source)
    argv = ["sh", "-c", 'exec "$@" 3>result', "sh", *made.run]  # fd 3: the result's channel
    ran = subprocess.run(argv, cwd=work, input=stdin.encode(), capture_output=True, timeout=30)
    return ran.returncode, (work / "result").read_text(), ran.stdout.decode() + ran.stderr.decode()


PY_TWO_SUM = """
class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        print("[9, 9]")  # a fake result on stdout: only debug output
        seen = {}
        for j, v in enumerate(nums):
            if target - v in seen:
                return [seen[target - v], j]
            seen[v] = j
        return []
"""


def test_python_returns_on_its_own_channel(tmp_path: Path) -> None:
    code, result, printed = run_harness(tmp_path, "python", TWO_SUM, PY_TWO_SUM, "[2,7,11,15]\n9\n")
    assert (code, result, printed) == (0, "[0,1]\n", "[9, 9]\n")


def test_python_exiting_early_leaves_no_result(tmp_path: Path) -> None:
    source = (
        "import sys\nclass Solution:\n    def twoSum(self, nums, target):\n        print([0, 1])\n        sys.exit(0)\n"
    )
    code, result, printed = run_harness(tmp_path, "python", TWO_SUM, source, "[2,7]\n9\n")
    assert (code, result, printed) == (0, "", "[0, 1]\n")


def test_python_has_leetcode_names_in_scope_and_says_what_a_wrong_return_is(tmp_path: Path) -> None:
    source = "class Solution:\n    def twoSum(self, nums, target):\n        return deque(nums)\n"
    code, result, printed = run_harness(tmp_path, "python", TWO_SUM, source, "[2,7]\n9\n")
    assert code == 1 and result == ""
    assert "twoSum must return int[]: expected an array, found deque" in printed


def test_python_drives_a_design_class_and_a_codec_cannot_keep_the_tree(tmp_path: Path) -> None:
    source = """
class LRUCache:
    def __init__(self, capacity): self.d = OrderedDict(); self.c = capacity
    def get(self, key):
        if key not in self.d: return -1
        self.d.move_to_end(key); return self.d[key]
    def put(self, key, value):
        self.d[key] = value; self.d.move_to_end(key)
        if len(self.d) > self.c: self.d.popitem(last=False)
"""
    stdin = '["LRUCache","put","put","get","put","get"]\n[[1],[1,1],[2,2],[1],[3,3],[3]]\n'
    code, result, _ = run_harness(tmp_path, "python", LRU, source, stdin)
    assert (code, result) == (0, "[null,null,null,-1,null,3]\n")
    keeper = "class Codec:\n    def serialize(self, root):\n        Codec.kept = root\n        return ''\n" \
             "    def deserialize(self, data):\n        return Codec.kept\n"  # fmt: skip
    code, result, _ = run_harness(tmp_path, "python", CODEC, keeper, "[1,2,3]\n")
    assert (code, result) == (0, "[0]\n")  # the original was emptied once serialized


def test_javascript_finds_a_var_function_and_keeps_prints_apart(tmp_path: Path) -> None:
    source = """
var twoSum = function(nums, target) {
    console.log('[9, 9]');
    const seen = new Map();
    for (let j = 0; j < nums.length; j++) {
        if (seen.has(target - nums[j])) return [seen.get(target - nums[j]), j];
        seen.set(nums[j], j);
    }
    return [];
};
"""
    code, result, printed = run_harness(tmp_path, "javascript", TWO_SUM, source, "[2,7,11,15]\n9\n")
    assert (code, result, printed) == (0, "[0,1]\n", "[9, 9]\n")


def test_javascript_exiting_early_leaves_no_result(tmp_path: Path) -> None:
    source = "function twoSum(nums, target) { console.log('[0,1]'); process.exit(0); }"
    code, result, _ = run_harness(tmp_path, "javascript", TWO_SUM, source, "[2,7]\n9\n")
    assert (code, result) == (0, "")


def test_javascript_works_in_place_on_a_class_method(tmp_path: Path) -> None:
    spec = function_spec("void reverseString(char[] s)", result="s")
    source = "class Solution { reverseString(s) { s.reverse(); } }"
    code, result, _ = run_harness(tmp_path, "javascript", spec, source, '["a","b","c"]\n')
    assert (code, result) == (0, '["c","b","a"]\n')
