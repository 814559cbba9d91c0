"""The Python harness: runtime/harness.py with the signature filled in, and LeetCode's starter.

The user's source is main.py, as for a program (so tracebacks and the error summary name it);
the harness runs it in a module of its own and calls `Solution().method` (or a top-level
function of that name), or the design or codec class.
"""

from __future__ import annotations

from typing import Any

from codearena.problems.harness.generated import Generated, python_recursion_limit, runtime, uses
from codearena.problems.harness.signature import FunctionSpec, Method, Param, Type

LANGUAGE = "python"
HARNESS = "_harness.py"
# The harness's code is a module, compiled once per submission (its .pyc, written by the first
# test's run, serves the others: 3 ms a test); the script that runs it is two lines, so that
# an error's traceback does not go through the import machinery.
RUNTIME = "_harness_runtime.py"
MAIN = "from _harness_runtime import main\n\nmain()\n"
SPEC_LINE = "SPEC: dict = {}  # CODEARENA-SPEC: replaced by the generator with the problem's signature"


def _type(t: Type) -> list[Any]:
    return [t.base, t.depth]


def _params(params: tuple[Param, ...]) -> list[dict[str, Any]]:
    return [{"name": p.name, "type": _type(p.type)} for p in params]


def _method(spec: FunctionSpec, m: Method) -> dict[str, Any]:
    return {"name": m.name, "call": spec.name_in(LANGUAGE, m), "params": _params(m.params), "returns": _type(m.returns)}


def spec_data(spec: FunctionSpec, memory_mb: int) -> dict[str, Any]:
    return {
        "kind": spec.kind,
        "class": spec.class_name,
        "constructor": _params(spec.constructor),
        "methods": [_method(spec, m) for m in spec.methods],
        "result": spec.result,
        "recursion_limit": python_recursion_limit(memory_mb),
    }


def harness_text(spec: FunctionSpec, memory_mb: int) -> str:
    text = runtime("harness.py")
    assert SPEC_LINE in text, "the runtime's SPEC line is where the signature goes"
    return text.replace(SPEC_LINE, "SPEC = " + repr(spec_data(spec, memory_mb)))


def generate(spec: FunctionSpec, memory_mb: int) -> Generated:
    return Generated(
        source_name="main.py",
        files={HARNESS: MAIN, RUNTIME: harness_text(spec, memory_mb)},
        run=["python3", HARNESS],
        syntax_check=True,
    )


# -- starter code ------------------------------------------------------------------------------

HINTS = {"int": "int", "long": "int", "double": "float", "bool": "bool", "string": "str", "char": "str"}
DEFINITIONS = {
    "ListNode": """\
# Definition for singly-linked list.
# class ListNode:
#     def __init__(self, val=0, next=None):
#         self.val = val
#         self.next = next
""",
    "TreeNode": """\
# Definition for a binary tree node.
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right
""",
}


def hint(t: Type) -> str:
    if t.is_void:
        return "None"
    text = HINTS.get(t.base) or f"Optional[{t.base}]"
    for _ in range(t.depth):
        text = f"List[{text}]"
    return text


def _def(spec: FunctionSpec, m: Method, name: str | None = None, *, returns: bool = True) -> str:
    params = "".join(f", {p.name}: {hint(p.type)}" for p in m.params)
    arrow = f" -> {hint(m.returns)}" if returns else " -> None"
    return f"    def {name or spec.name_in(LANGUAGE, m)}(self{params}){arrow}:\n        pass\n"


def starter(spec: FunctionSpec) -> str:
    head = "".join(text + "\n" for base, text in DEFINITIONS.items() if uses(spec, base))
    if spec.kind == "function":
        return head + "class Solution:\n" + _def(spec, spec.method)
    if spec.kind == "codec":
        encode, decode = spec.methods
        return (
            head
            + f"class {spec.class_name}:\n"
            + _def(spec, encode).replace("        pass", f'        """{encode.params[0].type} to a string."""\n')
            + "\n"
            + _def(spec, decode).replace("        pass", f'        """The string back to a {decode.returns}."""\n')
        )
    ctor = Method("__init__", spec.constructor)
    parts = [_def(spec, ctor, "__init__", returns=False)] + [_def(spec, m) for m in spec.methods]
    return head + f"class {spec.class_name}:\n" + "\n".join(parts)
