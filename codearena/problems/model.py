"""The problem model every problem format loads into: what the judge and the pages need.

Nothing here knows a file format; `codearena.problems.native` reads CodeArena's own folders
(problem.yaml), and other formats can fill the same model.
"""

from __future__ import annotations

import re
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Literal

from codearena.domain.verdicts import JudgeResult, Verdict
from codearena.problems.harness.signature import FunctionSpec

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")

# "kattis": the Kattis default output validator (codearena.judging.default_validator), its flags
# in Checker.flags; "function": a function problem's typed comparison of returned values.
CheckerKind = Literal["tokens", "exact", "float", "custom", "kattis", "function"]


class Difficulty(StrEnum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


@dataclass(frozen=True)
class Limits:
    time_limit_ms: int
    memory_limit_mb: int
    output_limit_kb: int = 8192


@dataclass(frozen=True)
class Checker:
    """How a test's output is compared with its answer."""

    kind: CheckerKind = "tokens"
    abs_tol: float = 1e-6
    rel_tol: float = 1e-6
    program: Path | None = None  # a custom checker's file (or folder), inside the problem's folder
    # A custom checker's language (a key of sandbox/languages.yaml); None: a Python file.
    language: str | None = None
    flags: tuple[str, ...] = ()  # arguments after `input answer feedback_dir` (Kattis validator_flags)


@dataclass(frozen=True)
class Interactor:
    """An interactive problem's interactor: a program that talks with the submission over
    pipes (codearena.judging.interactive); accepts with exit code 42, rejects with 43."""

    program: Path  # its source file (or a folder of sources: a Kattis program), inside the problem's folder
    language: str = "python"  # python, javascript, java or cpp (codearena.judging.validators builds it)
    flags: tuple[str, ...] = ()  # arguments after `input answer feedback_dir` (Kattis validator_flags)


class FileCache:
    """Test files kept in memory, the most recently read first, up to a byte budget: a busy judge
    reads the same inputs and answers for every submission. A file that changed on disk (its
    size or modification time, looked at again after `recheck_s`) is read again."""

    def __init__(self, budget_bytes: int, recheck_s: float = 1.0) -> None:
        self.budget_bytes = budget_bytes
        self.recheck_s = recheck_s
        self.used = 0
        self._files: OrderedDict[Path, tuple[int, int, float, bytes]] = OrderedDict()

    def read(self, path: Path) -> bytes:
        cached = self._files.get(path)
        now = time.monotonic()
        if cached is not None and now - cached[2] < self.recheck_s:
            self._files.move_to_end(path)
            return cached[3]
        info = path.stat()
        if cached is not None and cached[:2] == (info.st_size, info.st_mtime_ns):
            self._files[path] = (info.st_size, info.st_mtime_ns, now, cached[3])
            self._files.move_to_end(path)
            return cached[3]
        data = path.read_bytes()
        if cached is not None:
            self.used -= len(cached[3])
            del self._files[path]
        if len(data) <= self.budget_bytes // 4:
            self._files[path] = (info.st_size, info.st_mtime_ns, now, data)
            self.used += len(data)
            while self.used > self.budget_bytes:
                _, (_, _, _, dropped) = self._files.popitem(last=False)
                self.used -= len(dropped)
        else:
            self._files.pop(path, None)
        return data


TEST_FILES = FileCache(64 << 20)


@dataclass(frozen=True)
class TestCase:
    __test__ = False  # one of a problem's tests, not a class of tests for pytest to collect

    index: int
    name: str
    sample: bool
    input_path: Path
    answer_path: Path

    def read_input(self) -> bytes:
        return TEST_FILES.read(self.input_path)

    def read_answer(self) -> bytes:
        return TEST_FILES.read(self.answer_path)


@dataclass(frozen=True)
class Group:
    """A group of tests (a subtask): worth its points only if every one of its tests passes."""

    name: str
    points: int
    tests: tuple[int, ...]  # the indices of its tests, consecutive: a problem runs its groups in turn


@dataclass(frozen=True)
class Expected:
    """What a reference solution must get: a verdict and, for a partial one, its score."""

    verdict: Verdict
    score: int | None = None  # set for Verdict.PARTIAL only

    def __str__(self) -> str:
        return f"{self.verdict.value} {self.score}" if self.score is not None else self.verdict.value

    def met_by(self, result: JudgeResult) -> bool:
        return result.verdict == self.verdict and (self.score is None or result.score == self.score)


@dataclass
class Problem:
    slug: str
    path: Path
    title: str
    difficulty: Difficulty
    limits: Limits
    statement: str
    tags: list[str] = field(default_factory=list)
    checker: Checker = field(default_factory=Checker)
    stop_on_first_failure: bool = False
    starter_code: dict[str, str] = field(default_factory=dict)
    solutions: dict[str, Expected] = field(default_factory=dict)  # file in solutions/ -> what it must get
    tests: list[TestCase] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)  # none: scored by tests passed, not points
    assets_dir: Path | None = None  # the statement's images, served at /problems/<slug>/assets/<name>
    interactor: Interactor | None = None  # set: an interactive problem
    # An interactive problem's sample interactions to show that are not tests (Kattis .interaction files).
    sample_interactions: list[Path] = field(default_factory=list)
    function: FunctionSpec | None = None  # a function problem: its signature (codearena.problems.harness)

    @property
    def samples(self) -> list[TestCase]:
        return [t for t in self.tests if t.sample]

    @property
    def max_score(self) -> int | None:
        """The points of all its groups; None for a problem without groups."""
        return sum(g.points for g in self.groups) if self.groups else None


class ProblemError(Exception):
    """A problem that cannot be loaded; the message names the file, the key and the fault."""

    def __init__(self, path: Path, key: str, expected: str, found: str, *, line: int | None = None) -> None:
        self.path, self.key, self.expected, self.found, self.line = path, key, expected, found, line
        where = f"{path}:{line}: " if line else f"{path}: "
        where += f"{key}: " if key else ""
        super().__init__(f"{where}expected {expected}, found {found}")


class InvalidSpec(ProblemError):
    """problem.yaml does not fit the format: it reads as its first fault; `faults` holds them all."""

    def __init__(self, faults: list[ProblemError]) -> None:
        first = faults[0]
        more = f" (and {len(faults) - 1} more)" if len(faults) > 1 else ""
        super().__init__(first.path, first.key, first.expected, first.found + more, line=first.line)
        self.faults = faults
