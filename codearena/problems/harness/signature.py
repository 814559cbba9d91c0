"""What a function problem asks for: the signature problem.yaml declares, as typed values.

Three kinds, as LeetCode has them:
- function: one method of `class Solution` (`int[] twoSum(int[] nums, int target)`); a test holds
  one JSON value per parameter, one per line, and the answer is the returned value, or with
  `result: nums` the parameter the method changed in place;
- design: a class, its constructor and methods (`LRUCache`); a test is two lines, the calls
  (the class name first, for the constructor) and their arguments, and the answer the list of
  what each call returned (null for the constructor and for void methods);
- codec: a class that turns a value into a string and back (`Codec`, serialize/deserialize); a
  test is the value, and the answer is the value again: what the round trip gave back.

Types are a small set every language can spell: int, long, double, bool, string, char,
ListNode, TreeNode, and arrays of them up to two levels (`int[][]`), or Java Lists where
LeetCode's Java has them (`List<List<string>>`: an array everywhere else). Lists and trees travel in
LeetCode's encodings: a list as the array of its values, a tree as its level order with null
for a missing child and no trailing nulls (`[1,null,2,3]`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["function", "design", "codec"]
BASES = ("int", "long", "double", "bool", "string", "char", "ListNode", "TreeNode")
MAX_DEPTH = 2
NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_TYPE = re.compile(r"^\s*([A-Za-z]+)\s*((?:\[\s*\]\s*)*)$")
_LIST = re.compile(r"^\s*List\s*<(.*)>\s*$")
_METHOD = re.compile(
    r"^\s*(?:(?P<returns>[A-Za-z]+(?:\s*\[\s*\])*|List\s*<[^()]*>)\s+)?(?P<name>\w+)\s*\((?P<params>.*)\)\s*$"
)
# Words no parameter, method or class may be named: a keyword or a name the harness needs in
# one of the languages the harness is written in.
RESERVED = frozenset(
    """
    abstract and as assert async auto await bool boolean break byte case catch char class const
    continue def default del delete do double elif else enum except export extends false final
    finally float for from function global goto if implements import in instanceof int interface
    is lambda let long native new nonlocal not null or pass private protected public raise return
    short signed sizeof static string struct super switch synchronized template this throw throws
    true try typedef typeof union unsigned var void volatile while with yield None True False
    ListNode TreeNode Object String List main std vector
    """.split()
)


class SignatureError(ValueError):
    """A signature that does not parse or does not fit: what was expected, what was found, and
    the key of the spec at fault ("" for the signature itself)."""

    def __init__(self, expected: str, found: str, key: str = "") -> None:
        super().__init__(f"{key + ': ' if key else ''}expected {expected}, found {found}")
        self.expected, self.found, self.key = expected, found, key


@dataclass(frozen=True)
class Type:
    """A base type and how many array levels wrap it; `void` only as a method's return.

    `lists`: how many of the outermost levels are Java `List`s rather than arrays
    (`List<List<string>>`, `List<int[]>`), as LeetCode's Java signatures have them. A list is an
    array in JSON and in every other language; only Java's harness and starter tell them apart.
    """

    base: str
    depth: int = 0
    lists: int = 0

    def __str__(self) -> str:
        inner = self.base + "[]" * (self.depth - self.lists)
        return "List<" * self.lists + inner + ">" * self.lists

    @property
    def element(self) -> Type:
        assert self.depth > 0, "only an array has elements"
        return Type(self.base, self.depth - 1, max(0, self.lists - 1))

    @property
    def is_void(self) -> bool:
        return self.base == "void"


VOID = Type("void")


def parse_type(text: str, *, allow_void: bool = False) -> Type:
    list_of = _LIST.match(text)
    if list_of:
        inner = parse_type(list_of.group(1))
        if inner.depth + 1 > MAX_DEPTH:
            raise SignatureError(f"at most {MAX_DEPTH} array levels", repr(text.strip()))
        if 0 < inner.lists < inner.depth:  # Lists outermost: List<List<int[]>>, never List<int[]>[]
            raise SignatureError("a List of a List, of an array or of a scalar type", repr(text.strip()))
        return Type(inner.base, inner.depth + 1, inner.lists + 1)
    match = _TYPE.match(text)
    if not match:
        raise SignatureError("a type such as int, string[] or TreeNode", repr(text.strip()))
    base, brackets = match.group(1), match.group(2)
    depth = brackets.count("[")
    if base == "void" and allow_void and depth == 0:
        return VOID
    if base not in BASES:
        raise SignatureError(f"a type among {', '.join(BASES)} (or arrays of them)", repr(base))
    if depth > MAX_DEPTH:
        raise SignatureError(f"at most {MAX_DEPTH} array levels", repr(text.strip()))
    return Type(base, depth)


@dataclass(frozen=True)
class Param:
    name: str
    type: Type

    def __str__(self) -> str:
        return f"{self.type} {self.name}"


@dataclass(frozen=True)
class Method:
    name: str
    params: tuple[Param, ...]
    returns: Type = VOID

    def __str__(self) -> str:
        return f"{self.returns} {self.name}({', '.join(map(str, self.params))})"


def _check_name(name: str, what: str) -> str:
    if not NAME.match(name):
        raise SignatureError(f"a {what} name of letters, digits and '_'", repr(name))
    if name in RESERVED or name.startswith("__"):
        raise SignatureError(f"a {what} name that is no keyword nor a name the harness needs", repr(name))
    return name


def parse_method(text: str, *, constructor: bool = False) -> Method:
    """`int[] twoSum(int[] nums, int target)`; a constructor has no return type: `LRUCache(int capacity)`."""
    match = _METHOD.match(text)
    if not match:
        shape = "Name(type name, ...)" if constructor else "returns name(type name, ...)"
        raise SignatureError(f"a signature such as {shape}", repr(text.strip()))
    returns_text, name = match.group("returns"), match.group("name")
    if constructor and returns_text:
        raise SignatureError("a constructor without a return type", repr(text.strip()))
    if not constructor and not returns_text:
        raise SignatureError(f"a return type before {name} (void if it returns nothing)", repr(text.strip()))
    returns = VOID if constructor else parse_type(returns_text or "", allow_void=True)
    params: list[Param] = []
    inside = match.group("params").strip()
    for part in inside.split(",") if inside else []:
        words = part.rsplit(None, 1)
        if len(words) != 2:
            raise SignatureError("a parameter as `type name`", repr(part.strip()))
        param = Param(_check_name(words[1], "parameter"), parse_type(words[0]))
        if any(p.name == param.name for p in params):
            raise SignatureError("parameter names that differ", f"{param.name!r} twice")
        params.append(param)
    return Method(_check_name(name, "method" if not constructor else "class"), tuple(params), returns)


@dataclass(frozen=True)
class FunctionSpec:
    """A function problem's signature and how its results are compared.

    `methods`: the one method (function), the class's methods (design), or serialize and
    deserialize (codec). `names`: per language, a method name as that language spells it.
    """

    kind: Kind
    class_name: str
    methods: tuple[Method, ...]
    constructor: tuple[Param, ...] = ()
    result: str | None = None  # function: the parameter changed in place, returned instead
    unordered: int = 0  # how many list levels of the result may come in any order
    tolerance: float | None = None  # doubles compare within this, absolute or relative
    names: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    @property
    def method(self) -> Method:
        """The function problem's method; the codec's serialize."""
        return self.methods[0]

    def name_in(self, language: str, method: Method) -> str:
        return self.names.get(language, {}).get(method.name, method.name)

    @property
    def entry(self) -> str:
        """What the user writes, in words: `twoSum`, `class LRUCache`."""
        return self.method.name if self.kind == "function" else f"class {self.class_name}"

    @property
    def result_param(self) -> Param | None:
        return next((p for p in self.method.params if p.name == self.result), None) if self.result else None

    @property
    def signature(self) -> list[str]:
        """What the user writes, one line each: the method; the constructor and the methods."""
        if self.kind == "design":
            constructor = f"{self.class_name}({', '.join(map(str, self.constructor))})"
            return [constructor, *map(str, self.methods)]
        return [str(m) for m in self.methods]

    @property
    def input_lines(self) -> list[tuple[str, str]]:
        """What each line of a test's input holds: (name, description)."""
        if self.kind == "design":
            return [("calls", f"the calls: {self.class_name}, then method names"), ("args", "each call's arguments")]
        if self.kind == "codec":
            param = self.method.params[0]
            return [(param.name, str(param.type))]
        return [(p.name, str(p.type)) for p in self.method.params]


def function_spec(
    signature: str, *, result: str | None = None, unordered: int = 0, tolerance: float | None = None,
    names: Mapping[str, Mapping[str, str]] | None = None,
) -> FunctionSpec:  # fmt: skip
    method = parse_method(signature)
    spec = FunctionSpec("function", "Solution", (method,), (), result, unordered, tolerance, names or {})
    if result is not None:
        param = spec.result_param
        if param is None:
            raise SignatureError(f"one of the parameters ({', '.join(p.name for p in method.params)})", repr(result), "result")
        if param.type.depth == 0:
            raise SignatureError("an array parameter (changed in place)", str(param), "result")
        if not method.returns.is_void:
            raise SignatureError(f"a void method when the result is the parameter {result}", str(method))
    elif method.returns.is_void:
        raise SignatureError("a return type other than void, or result: the parameter changed in place", str(method))
    result_param = spec.result_param
    _check_unordered(unordered, result_param.type if result_param else method.returns)
    return spec


def _check_unordered(unordered: int, returns: Type) -> None:
    if not 0 <= unordered <= returns.depth:
        raise SignatureError(f"0 to {returns.depth} (the array levels of {returns})", str(unordered), "unordered")


def design_spec(
    constructor: str, methods: list[str], *, tolerance: float | None = None,
    names: Mapping[str, Mapping[str, str]] | None = None,
) -> FunctionSpec:  # fmt: skip
    ctor = parse_method(constructor, constructor=True)
    parsed = tuple(parse_method(m) for m in methods)
    if not parsed:
        raise SignatureError("at least one method", "none", "methods")
    seen: set[str] = set()
    for m in parsed:
        if m.name in seen or m.name == ctor.name:
            raise SignatureError("method names that differ from each other and the class", f"{m.name!r} again", "methods")
        seen.add(m.name)
    return FunctionSpec("design", ctor.name, parsed, ctor.params, None, 0, tolerance, names or {})


def codec_spec(
    class_name: str, serialize: str, deserialize: str, *, names: Mapping[str, Mapping[str, str]] | None = None
) -> FunctionSpec:
    _check_name(class_name, "class")
    encode, decode = parse_method(serialize), parse_method(deserialize)
    if len(encode.params) != 1 or len(decode.params) != 1:
        raise SignatureError("serialize and deserialize of one parameter each", f"{encode} and {decode}")
    if encode.returns != decode.params[0].type or decode.returns != encode.params[0].type:
        raise SignatureError("deserialize to undo serialize (the types reversed)", f"{encode} and {decode}")
    if encode.name == decode.name:
        raise SignatureError("two method names", f"{encode.name!r} twice")
    return FunctionSpec("codec", class_name, (encode, decode), (), None, 0, None, names or {})
