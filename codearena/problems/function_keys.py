"""The keys of problem.yaml that make a function problem: `function`, `design` or `codec`.

    function:                      # the user writes a method of class Solution
      signature: int[] twoSum(int[] nums, int target)
      result: nums                 # optional: void method, the parameter changed in place
      unordered: 1                 # optional: list levels of the result whose order is free
      tolerance: 1e-5              # optional: doubles within this (absolute or relative)
      names: {python: {twoSum: two_sum}}   # optional: a method's name in one language
    design:                        # the user writes a class, driven by a list of calls
      constructor: LRUCache(int capacity)
      methods:                     # a YAML list, one signature a line (their commas are theirs)
        - int get(int key)
        - void put(int key, int value)
    codec:                         # the user writes a class that serializes and back
      class: Codec
      serialize: string serialize(TreeNode root)
      deserialize: TreeNode deserialize(string data)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from codearena.problems.harness import supported
from codearena.problems.harness.signature import (
    NAME,
    FunctionSpec,
    SignatureError,
    codec_spec,
    design_spec,
    function_spec,
)
from codearena.problems.model import ProblemError

Names = dict[str, dict[str, str]]
NAMES_DOC = "names: per language, a method's name there (names: {python: {twoSum: two_sum}})"


class FunctionKeys(BaseModel):
    model_config = ConfigDict(extra="forbid")
    signature: str = Field(min_length=1, max_length=1000)
    result: str | None = None
    unordered: int = Field(0, ge=0, le=2)
    tolerance: float | None = Field(None, gt=0, lt=1)
    names: Names = Field(default_factory=dict)


class DesignKeys(BaseModel):
    model_config = ConfigDict(extra="forbid")
    constructor: str = Field(min_length=1, max_length=1000)
    methods: list[str] = Field(min_length=1, max_length=100)
    tolerance: float | None = Field(None, gt=0, lt=1)
    names: Names = Field(default_factory=dict)


class CodecKeys(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    class_name: str = Field(alias="class", min_length=1, max_length=100)
    serialize: str = Field(min_length=1, max_length=1000)
    deserialize: str = Field(min_length=1, max_length=1000)
    names: Names = Field(default_factory=dict)


Keys = FunctionKeys | DesignKeys | CodecKeys


def _names_fault(names: Names, spec: FunctionSpec) -> tuple[str, str, str] | None:
    """(key, expected, found) of a bad `names` entry, or None."""
    methods = {m.name for m in spec.methods}
    for language, renamed in names.items():
        if not supported(language):
            return f"names.{language}", "a language with a harness (python, javascript, java, cpp)", repr(language)
        for method, name in renamed.items():
            if method not in methods:
                return f"names.{language}.{method}", f"one of the methods ({', '.join(sorted(methods))})", repr(method)
            if not NAME.match(name):
                return f"names.{language}.{method}", "a name of letters, digits and '_'", repr(name)
    return None


def function_spec_of(
    yaml_path: Path, sections: dict[str, Keys | None], line_of: Callable[[tuple[str, ...]], int | None]
) -> FunctionSpec | None:
    """The signature problem.yaml declares (None: a program reading stdin), or a ProblemError
    naming the key at fault."""
    given = {name: keys for name, keys in sections.items() if keys is not None}
    if not given:
        return None
    if len(given) > 1:
        found = " and ".join(sorted(given))
        raise ProblemError(yaml_path, "", "one of function, design and codec", found, line=line_of((sorted(given)[1],)))
    section, keys = next(iter(given.items()))
    try:
        if isinstance(keys, FunctionKeys):
            spec = function_spec(keys.signature, result=keys.result, unordered=keys.unordered,
                                 tolerance=keys.tolerance, names=keys.names)  # fmt: skip
        elif isinstance(keys, DesignKeys):
            spec = design_spec(keys.constructor, keys.methods, tolerance=keys.tolerance, names=keys.names)
        else:
            spec = codec_spec(keys.class_name, keys.serialize, keys.deserialize, names=keys.names)
    except SignatureError as exc:
        default = {"function": "signature", "design": "constructor", "codec": "class"}[section]
        key = (section, exc.key or default)
        raise ProblemError(yaml_path, ".".join(key), exc.expected, exc.found, line=line_of(key)) from exc
    fault = _names_fault(keys.names, spec)
    if fault is not None:
        key_text, expected, found = fault
        raise ProblemError(yaml_path, f"{section}.{key_text}", expected, found, line=line_of((section, "names")))
    return spec
