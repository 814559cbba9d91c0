"""A Kattis package's test data: the tree of groups under data/ (sample, secret, and their
subgroups), each with the settings of its testdata.yaml and of its ancestors'.

Test cases and groups are taken in lexicographic order of their names, as the format says; a
test case is a NAME.in with its NAME.ans. Pure: reads files, runs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from codearena.problems.model import ProblemError
from codearena.problems.native import _read_yaml as read_yaml

# The default of every testdata.yaml key (problemtools' config/testdata.yaml).
TESTDATA_DEFAULTS: dict[str, Any] = {
    "on_reject": "break",
    "grading": "default",
    "grader_flags": "",
    "input_validator_flags": "",
    "output_validator_flags": "",
    "accept_score": 1.0,
    "reject_score": 0.0,
    "range": "-inf +inf",
}
MAX_TESTS = 2000


@dataclass(frozen=True)
class Finding:
    """Something of a package CodeArena does not do: `fatal` when serving the problem without
    it would judge differently from Kattis (the import is refused), else a note in the report."""

    what: str  # the feature, by name: "interactive problems", "include/", "grader_flags max"
    where: str  # the file or key it was found in
    fatal: bool = True

    def __str__(self) -> str:
        return f"{self.what} ({self.where})" if self.where else self.what


@dataclass
class Case:
    name: str  # its path under data/ without .in: "secret/group1/03"
    input_path: Path
    answer_path: Path
    config: dict[str, Any]  # the settings of its group


@dataclass
class Node:
    """A group of test data: a folder under data/ (data/ itself is the root)."""

    name: str  # its path under data/: "", "sample", "secret/group1"
    config: dict[str, Any]  # its settings: its testdata.yaml over its parent's
    items: list[Node | Case] = field(default_factory=list)

    def cases(self) -> list[Case]:
        """Every test case in it and below, in order."""
        found: list[Case] = []
        for item in self.items:
            found += item.cases() if isinstance(item, Node) else [item]
        return found

    def child(self, name: str) -> Node | None:
        return next((i for i in self.items if isinstance(i, Node) and i.name.rpartition("/")[2] == name), None)


def _settings(path: Path, inherited: dict[str, Any], findings: list[Finding], where: str) -> dict[str, Any]:
    raw, _ = read_yaml(path)
    if raw is None:
        return dict(inherited)
    if not isinstance(raw, dict):
        raise ProblemError(path, "", "a mapping of keys to values", type(raw).__name__)
    config = dict(inherited)
    for key, value in raw.items():
        if key not in TESTDATA_DEFAULTS:
            findings.append(Finding(f"testdata.yaml key {key!r}", where, fatal=False))
            continue
        config[key] = value
    if config["on_reject"] not in ("break", "continue"):
        raise ProblemError(path, "on_reject", "break or continue", repr(config["on_reject"]))
    for key in ("accept_score", "reject_score"):
        if isinstance(config[key], bool) or not isinstance(config[key], int | float):
            raise ProblemError(path, key, "a number", repr(config[key]))
    for key in ("grader_flags", "range"):
        if not isinstance(config[key], str):
            raise ProblemError(path, key, "a string", repr(config[key]))
    return config


def read_tree(data: Path, findings: list[Finding]) -> Node:
    """The groups and test cases under `data`; raises ProblemError for a broken tree."""
    root = Node("", _read_config(data, TESTDATA_DEFAULTS, findings))
    _fill(root, data, data, findings)
    if not any(item.name == "secret" for item in root.items if isinstance(item, Node)):
        raise ProblemError(data / "secret", "", "a folder of secret test data", "none")
    count = len(root.cases())
    if count == 0:
        raise ProblemError(data, "", "test cases (NAME.in and NAME.ans)", "none")
    if count > MAX_TESTS:
        raise ProblemError(data, "", f"at most {MAX_TESTS} test cases", str(count))
    return root


def _read_config(folder: Path, inherited: dict[str, Any], findings: list[Finding]) -> dict[str, Any]:
    path = folder / "testdata.yaml"
    where = str(path.relative_to(folder.parent)) if path.is_file() else ""
    return _settings(path, inherited, findings, where) if path.is_file() else dict(inherited)


def _fill(node: Node, folder: Path, data: Path, findings: list[Finding]) -> None:
    # In order of base name: a test case's name without .in, a group's folder name.
    names = sorted((p.name for p in folder.iterdir() if not p.name.startswith((".", "-"))),
                   key=lambda n: n.removesuffix(".in"))  # fmt: skip
    for name in names:
        path = folder / name
        relative = path.relative_to(data).as_posix()
        if path.is_dir():
            if node.name == "" and name not in ("sample", "secret"):
                findings.append(Finding(f"data/{name}/ (only sample/ and secret/ are test data)", "", fatal=False))
                continue
            child = Node(relative, _read_config(path, node.config, findings))
            _fill(child, path, data, findings)
            node.items.append(child)
        elif name.endswith(".in"):
            if node.name == "":
                findings.append(Finding("test cases directly in data/", relative, fatal=False))
                continue
            answer = path.with_suffix(".ans")
            if not answer.is_file():
                raise ProblemError(answer, "", "the answer for " + name, "no such file")
            node.items.append(Case(relative[: -len(".in")], path, answer, node.config))
        elif name.endswith(".interaction") and not node.name.startswith("sample"):
            findings.append(Finding("interaction files outside data/sample/ (not shown)", relative, fatal=False))
