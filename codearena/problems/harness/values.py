"""JSON values against a function problem's types: whether a test's lines and answer fit its
signature (for `codearena check-problems` and the generators), and the canonical text of a value.
"""

from __future__ import annotations

import json
from typing import Any

from codearena.problems.harness.signature import FunctionSpec, Type

INT_RANGE = (-(2**31), 2**31 - 1)
LONG_RANGE = (-(2**63), 2**63 - 1)


def canonical(value: Any) -> str:
    """The one text of a value: compact, keys sorted, non-ASCII kept (answers are stored so)."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, sort_keys=True, allow_nan=False)


def parse_lines(data: bytes) -> list[Any]:
    """A test's input: one JSON value per line (blank lines at the end ignored); raises
    ValueError naming the line that is not JSON."""
    lines = data.decode("utf-8").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    values = []
    for number, line in enumerate(lines, 1):
        try:
            values.append(json.loads(line))
        except ValueError as exc:
            raise ValueError(f"line {number} is not one JSON value: {exc}") from exc
    return values


def _short(value: Any) -> str:
    text = json.dumps(value)
    return text if len(text) <= 40 else text[:37] + "..."


def type_fault(value: Any, t: Type, where: str = "") -> str | None:
    """Why `value` is not a `t` in LeetCode's encoding, or None."""
    at = f" at {where}" if where else ""
    if t.depth > 0:
        if not isinstance(value, list):
            return f"expected {t}{at}, found {_short(value)}"
        for i, item in enumerate(value):
            fault = type_fault(item, t.element, f"{where}[{i}]")
            if fault:
                return fault
        return None
    base = t.base
    if base in ("int", "long"):
        low, high = INT_RANGE if base == "int" else LONG_RANGE
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            return f"expected {base}{at}, found {_short(value)}"
    elif base == "double":
        if isinstance(value, bool) or not isinstance(value, int | float):
            return f"expected double{at}, found {_short(value)}"
    elif base == "bool":
        if not isinstance(value, bool):
            return f"expected bool{at}, found {_short(value)}"
    elif base == "string":
        if not isinstance(value, str):
            return f"expected string{at}, found {_short(value)}"
    elif base == "char":  # ASCII: one char in every language (C++'s is a byte, Java's UTF-16)
        if not isinstance(value, str) or len(value) != 1 or not value.isascii():
            return f"expected char (a one-character ASCII string){at}, found {_short(value)}"
    elif base == "ListNode":
        if not isinstance(value, list) or any(isinstance(v, bool) or not isinstance(v, int) for v in value):
            return f"expected ListNode (the array of its values){at}, found {_short(value)}"
    elif base == "TreeNode":
        return _tree_fault(value, at)
    return None


def _tree_fault(value: Any, at: str) -> str | None:
    if not isinstance(value, list) or any(v is not None and (isinstance(v, bool) or not isinstance(v, int)) for v in value):
        return f"expected TreeNode (its level order, null for no node){at}, found {_short(value)}"
    if value and value[0] is None:
        return f"expected TreeNode whose root is a value (an empty tree is []){at}, found {_short(value)}"
    if value and value[-1] is None:
        return f"expected TreeNode without trailing nulls{at}, found {_short(value)}"
    # Level order: every node present takes the next two entries as its children.
    slots = 1
    for v in value:
        if slots == 0:
            return f"expected TreeNode whose entries all have a parent{at}, found {_short(value)}"
        slots -= 1
        if v is not None:
            slots += 2
    return None


def case_fault(spec: FunctionSpec, lines: list[Any], answer: Any) -> str | None:
    """Why a test (its input lines and answer) does not fit `spec`, or None."""
    if spec.kind == "design":
        return _design_fault(spec, lines, answer)
    if spec.kind == "codec":
        param = spec.method.params[0]
        if len(lines) != 1:
            return f"expected 1 line ({param.name}), found {len(lines)}"
        fault = type_fault(lines[0], param.type, param.name)
        if fault is None and answer != lines[0]:
            return "expected the answer to be the input itself (a codec gives back what it was given)"
        return fault
    params = spec.method.params
    if len(lines) != len(params):
        return f"expected {len(params)} lines ({', '.join(p.name for p in params)}), found {len(lines)}"
    for param, value in zip(params, lines, strict=True):
        fault = type_fault(value, param.type, param.name)
        if fault:
            return fault
    returns = spec.result_param.type if spec.result_param else spec.method.returns
    return type_fault(answer, returns, "the answer")


def _design_fault(spec: FunctionSpec, lines: list[Any], answer: Any) -> str | None:
    if len(lines) != 2:
        return f"expected 2 lines (the calls, their arguments), found {len(lines)}"
    calls, args = lines
    if not isinstance(calls, list) or not calls or not all(isinstance(c, str) for c in calls):
        return "expected line 1 to be the calls: a non-empty array of names"
    if not isinstance(args, list) or len(args) != len(calls) or not all(isinstance(a, list) for a in args):
        return f"expected line 2 to be {len(calls)} arrays of arguments, one per call"
    if not isinstance(answer, list) or len(answer) != len(calls):
        return f"expected the answer to be {len(calls)} values, one per call"
    if calls[0] != spec.class_name:
        return f"expected the first call to be the constructor {spec.class_name}, found {calls[0]!r}"
    methods = {m.name: m for m in spec.methods}
    for i, (name, given, returned) in enumerate(zip(calls, args, answer, strict=True)):
        if i == 0:
            params, returns = spec.constructor, None
        elif name in methods:
            params, returns = methods[name].params, methods[name].returns
        else:
            return f"call {i}: expected one of {', '.join(methods)}, found {name!r}"
        if len(given) != len(params):
            return f"call {i} ({name}): expected {len(params)} arguments, found {len(given)}"
        for param, value in zip(params, given, strict=True):
            fault = type_fault(value, param.type, f"call {i} ({name}) {param.name}")
            if fault:
                return fault
        if returns is None or returns.is_void:
            if returned is not None:
                return f"call {i} ({name}): expected null in the answer (it returns nothing), found {_short(returned)}"
        else:
            fault = type_fault(returned, returns, f"the answer to call {i} ({name})")
            if fault:
                return fault
    return None
