"""What a language's harness generator makes of a signature, and the sizes every harness shares."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from codearena.problems.harness.signature import FunctionSpec, Method, Param, Type


@dataclass(frozen=True)
class Generated:
    """A function problem's program in one language: the user's source saved as `source_name`
    (after `source_prefix`, put on its first line so that line numbers stay the user's), beside
    the harness's own `files`; compiled with `compile` (None: nothing to compile beyond what
    the language does), run with `run`."""

    source_name: str
    files: dict[str, str]
    run: list[str]
    compile: list[str] | None = None
    source_prefix: str = ""
    syntax_check: bool = field(default=False)  # the source is checked by the supervisor (Python)


@cache
def runtime(name: str) -> str:
    """A harness runtime file shipped with this package (read once: it changes with the code)."""
    return resources.files("codearena.problems.harness").joinpath("runtime", name).read_text(encoding="utf-8")


def stack_bytes(memory_mb: int) -> int:
    """How deep a function problem's program may recurse: its whole memory limit may be stack
    (what is touched of it counts as memory, so the limit still holds)."""
    return memory_mb << 20


def python_recursion_limit(memory_mb: int) -> int:
    """Python counts calls, not bytes. A level of recursion that goes through C (lru_cache,
    __init__, __getitem__, a key function) counts twice and takes up to 1.2 KiB of the stack
    (measured with Python 3.11: 300000 levels of each stop at the limit with at most 162 MB of
    a 256 MB stack), so a call per KiB brings RecursionError before the stack's end."""
    return max(1000, stack_bytes(memory_mb) // 1024)


def node_stack_kb(memory_mb: int) -> int:
    """V8 checks its own stack limit, which must stay below the real one with room for the C++
    frames beneath JavaScript."""
    kb = stack_bytes(memory_mb) >> 10
    return kb - max(kb // 16, 4096)


def uses(spec: FunctionSpec, base: str) -> bool:
    """Whether any parameter or return of the spec has `base` in it."""
    types = [p.type for p in spec.constructor]
    for m in spec.methods:
        types += [m.returns, *(p.type for p in m.params)]
    return any(t.base == base for t in types)


def all_types(spec: FunctionSpec) -> list[Type]:
    """Every type the spec's values come in, each with the types its arrays hold, no repeats."""
    found: list[Type] = []
    types = [p.type for p in spec.constructor]
    for m in spec.methods:
        types += [m.returns, *(p.type for p in m.params)]
    for t in types:
        if t.is_void:
            continue
        while True:
            if t not in found:
                found.append(t)
            if t.depth == 0:
                break
            t = t.element
    return found


def returned(spec: FunctionSpec) -> tuple[Method, Type, Param | None]:
    """A function problem's method, the type of its result, and the parameter that is the
    result when it works in place."""
    method = spec.method
    param = spec.result_param
    return method, (param.type if param else method.returns), param
