"""A function problem's result against its answer, compared as typed JSON values.

The harness writes the returned value as JSON; the answer file holds it in canonical JSON.
They are equal when they are the same JSON value: a bool is never a number, a number never a
string; integers are compared exactly and numbers with a fraction within the problem's
tolerance (exactly without one); and the first `unordered` list levels may come in any order.
"""

from __future__ import annotations

import json
import math
from typing import Any

from codearena.problems.harness.signature import FunctionSpec
from codearena.problems.harness.values import canonical


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | float):
        return "number"
    return "string" if isinstance(value, str) else "array" if isinstance(value, list) else "object"


def _numbers_equal(want: int | float, got: int | float, tolerance: float | None) -> bool:
    if isinstance(want, int) and isinstance(got, int):
        return want == got
    if tolerance is None:
        return float(want) == float(got)
    return math.isclose(want, got, rel_tol=tolerance, abs_tol=tolerance)


def _sorted(values: list[Any], depth: int) -> list[Any]:
    """The list in one canonical order (and its lists, `depth` levels down)."""
    if depth > 1:
        values = [_sorted(v, depth - 1) if isinstance(v, list) else v for v in values]
    return sorted(values, key=canonical)


def difference(want: Any, got: Any, tolerance: float | None, where: str = "") -> str | None:
    """Where `got` first differs from `want`, in words; None when they are equal."""
    at = f" at {where}" if where else ""
    kind = _kind(want)
    if kind != _kind(got):
        return f"expected {_short(want)}{at}, found {_short(got)}"
    if kind == "number":
        return None if _numbers_equal(want, got, tolerance) else f"expected {_short(want)}{at}, found {_short(got)}"
    if kind == "array":
        for i, (w, g) in enumerate(zip(want, got, strict=False)):
            found = difference(w, g, tolerance, f"{where}[{i}]")
            if found:
                return found
        if len(want) != len(got):
            return f"expected {len(want)} elements{at}, found {len(got)}"
        return None
    return None if want == got else f"expected {_short(want)}{at}, found {_short(got)}"


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def compare(spec: FunctionSpec, answer: bytes, result: bytes) -> str | None:
    """None when `result` is a right answer; else what is wrong with it, in words."""
    want = json.loads(answer)
    try:
        got = json.loads(result, parse_constant=_reject_constant)
    except ValueError:
        text = result.decode("utf-8", "replace").strip()
        return f"the result is not JSON: {text[:60]!r}"
    if spec.unordered and isinstance(want, list) and isinstance(got, list):
        want, got = _sorted(want, spec.unordered), _sorted(got, spec.unordered)
    return difference(want, got, spec.tolerance)
