"""The JavaScript harness: runtime/harness.js with the signature filled in, and LeetCode's starter.

The user's source is main.js, as for a program; the harness runs it as a script, so that a
top-level `var twoSum = function`, `function twoSum` or `class LRUCache` is found by its name.
Node's stack is sized from the memory limit (`--stack-size`, below the real stack's limit).
"""

from __future__ import annotations

import json
from typing import Any

from codearena.problems.harness.generated import Generated, node_stack_kb, runtime, uses
from codearena.problems.harness.signature import FunctionSpec, Param, Type

LANGUAGE = "javascript"
HARNESS = "_harness.js"
SPEC_LINE = "const SPEC = {}; // CODEARENA-SPEC: replaced by the generator with the problem's signature"


def _type(t: Type) -> list[Any]:
    return [t.base, t.depth]


def _params(params: tuple[Param, ...]) -> list[dict[str, Any]]:
    return [{"name": p.name, "type": _type(p.type)} for p in params]


def spec_data(spec: FunctionSpec) -> dict[str, Any]:
    methods = [
        {"name": m.name, "call": spec.name_in(LANGUAGE, m), "params": _params(m.params), "returns": _type(m.returns)}
        for m in spec.methods
    ]
    return {
        "kind": spec.kind,
        "class": spec.class_name,
        "constructor": _params(spec.constructor),
        "methods": methods,
        "result": spec.result,
    }


def harness_text(spec: FunctionSpec) -> str:
    text = runtime("harness.js")
    assert SPEC_LINE in text, "the runtime's SPEC line is where the signature goes"
    return text.replace(SPEC_LINE, "const SPEC = " + json.dumps(spec_data(spec), separators=(",", ":")) + ";")


def generate(spec: FunctionSpec, memory_mb: int) -> Generated:
    return Generated(
        source_name="main.js",
        files={HARNESS: harness_text(spec)},
        compile=["node", "--check", "main.js"],
        run=["node", f"--max-old-space-size={memory_mb}", f"--stack-size={node_stack_kb(memory_mb)}", HARNESS],
    )


# -- starter code ------------------------------------------------------------------------------

DOC_TYPES = {"int": "number", "long": "number", "double": "number", "bool": "boolean", "string": "string", "char": "character"}
DEFINITIONS = {
    "ListNode": """\
/**
 * Definition for singly-linked list.
 * function ListNode(val, next) {
 *     this.val = (val===undefined ? 0 : val)
 *     this.next = (next===undefined ? null : next)
 * }
 */
""",
    "TreeNode": """\
/**
 * Definition for a binary tree node.
 * function TreeNode(val, left, right) {
 *     this.val = (val===undefined ? 0 : val)
 *     this.left = (left===undefined ? null : left)
 *     this.right = (right===undefined ? null : right)
 * }
 */
""",
}


def doc_type(t: Type) -> str:
    if t.is_void:
        return "void"
    return (DOC_TYPES.get(t.base) or t.base) + "[]" * t.depth


def _doc(params: tuple[Param, ...], returns: Type | None) -> str:
    lines = [f" * @param {{{doc_type(p.type)}}} {p.name}" for p in params]
    if returns is not None:
        lines.append(f" * @return {{{doc_type(returns)}}}")
    return "/**\n" + "\n".join(lines) + "\n */\n"


def starter(spec: FunctionSpec) -> str:
    head = "".join(text for base, text in DEFINITIONS.items() if uses(spec, base))
    if spec.kind == "function":
        m = spec.method
        args = ", ".join(p.name for p in m.params)
        return head + _doc(m.params, m.returns) + f"var {spec.name_in(LANGUAGE, m)} = function({args}) {{\n    \n}};\n"
    if spec.kind == "codec":  # LeetCode's JavaScript codec is two functions, not a class
        encode, decode = spec.methods
        return head + "\n".join(
            _doc(m.params, m.returns) + f"var {spec.name_in(LANGUAGE, m)} = function({m.params[0].name}) {{\n    \n}};\n"
            for m in (encode, decode)
        )
    cls = spec.class_name
    ctor_args = ", ".join(p.name for p in spec.constructor)
    parts = [_doc(spec.constructor, None) + f"var {cls} = function({ctor_args}) {{\n    \n}};\n"]
    for m in spec.methods:
        args = ", ".join(p.name for p in m.params)
        name = spec.name_in(LANGUAGE, m)
        parts.append(_doc(m.params, m.returns) + f"{cls}.prototype.{name} = function({args}) {{\n    \n}};\n")
    return head + "\n".join(parts)
