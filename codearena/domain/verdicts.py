"""Verdicts and the result objects of judging (the same fields as the server's submission)."""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar

from pydantic import BaseModel, Field


class Verdict(StrEnum):
    ACCEPTED = "accepted"
    WRONG_ANSWER = "wrong_answer"
    TIME_LIMIT_EXCEEDED = "time_limit_exceeded"
    MEMORY_LIMIT_EXCEEDED = "memory_limit_exceeded"
    RUNTIME_ERROR = "runtime_error"
    COMPILATION_ERROR = "compilation_error"
    OUTPUT_LIMIT_EXCEEDED = "output_limit_exceeded"
    INTERNAL_ERROR = "internal_error"
    SKIPPED = "skipped"
    # A submission to a problem in groups (subtasks) that earned some of its points, not all:
    # a submission's verdict only, never a test's.
    PARTIAL = "partial"


class Status(StrEnum):
    """Where a submission is in its life."""

    QUEUED = "queued"
    COMPILING = "compiling"
    RUNNING = "running"
    COMPLETED = "completed"


class TestResult(BaseModel):
    __test__: ClassVar[bool] = False  # a test's result, not a class of tests for pytest to collect

    index: int = Field(description="1-based, in the order tests run: samples first, or group by group")
    verdict: Verdict
    time_ms: int = Field(0, description="CPU time of the program")
    wall_ms: int = 0
    memory_kb: int = Field(0, description="peak resident memory")
    exit_code: int | None = None
    signal: int | None = None
    stderr: str = Field("", description="the last few KiB of the program's stderr")
    checker_message: str = ""
    reason: str = Field("", description="why the test did not pass, in words: the limit, signal or exit code")
    sample: bool = False
    output: str | None = Field(None, description="the program's output, kept for sample tests only")


class GroupResult(BaseModel):
    """How one group of tests (a subtask) went: it earns its points only if every test passed."""

    index: int = Field(description="1-based, in the problem's order")
    name: str
    points: int = Field(description="what the group is worth")
    earned: int = Field(description="its points if every test passed, else 0")
    verdict: Verdict = Field(description="accepted, or the verdict of its first test that did not pass")
    tests: list[int] = Field(default_factory=list, description="the indices of its tests")


class JudgeResult(BaseModel):
    verdict: Verdict
    passed: int
    total: int
    score: int | None = Field(None, description="points earned, for a problem in groups; None for one without")
    max_score: int | None = Field(None, description="the points of all its groups; None for a problem without")
    time_ms: int = Field(description="the largest CPU time of any test")
    memory_kb: int = Field(description="the largest peak memory of any test")
    compile_output: str = ""
    reason: str = Field("", description="the deciding test's reason, or why judging could not run")
    tests: list[TestResult] = Field(default_factory=list)
    groups: list[GroupResult] = Field(default_factory=list, description="for a problem in groups, each one's result")


def verdict_label(verdict: Verdict, score: int | None, max_score: int | None) -> str:
    """A verdict as text to read, with the score of a partly solved submission: "partial, 40/100"."""
    if verdict == Verdict.PARTIAL and score is not None and max_score is not None:
        return f"{verdict.value}, {score}/{max_score}"
    return verdict.value
