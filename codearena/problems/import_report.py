"""An import's options, and its report: told line by line as it goes, kept as data for pages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from codearena.problems.formats.kattis_data import Finding
from codearena.problems.model import Difficulty


@dataclass(frozen=True)
class ImportOptions:
    slug: str | None = None  # default: the package's name
    replace: bool = False  # replace an earlier import of the same slug
    difficulty: Difficulty = Difficulty.MEDIUM
    max_source_kb: int = 64
    source_name: str = ""  # how the report names the package (an upload's file name)


@dataclass
class SubmissionOutcome:
    name: str  # accepted/hello.py
    language: str
    state: Literal["ok", "failed", "skipped"]
    detail: str


@dataclass
class ImportReport:
    source: str
    slug: str = ""
    title: str = ""
    ok: bool = False
    finished: bool = False
    error: str = ""
    time_limit_ms: int | None = None
    seconds: float = 0.0
    lines: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    submissions: list[SubmissionOutcome] = field(default_factory=list)
    invalid_tests: list[str] = field(default_factory=list)
    listeners: list[Callable[[str], None]] = field(default_factory=list, repr=False)

    def say(self, line: str) -> None:
        self.lines.append(line)
        for listener in self.listeners:
            listener(line)

    @property
    def unsupported(self) -> list[Finding]:
        return [f for f in self.findings if f.fatal]


class ImportFailed(Exception):
    """The import stops here; the message says why."""
