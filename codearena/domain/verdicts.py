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


class Status(StrEnum):
    """Where a submission is in its life."""

    QUEUED = "queued"
    COMPILING = "compiling"
    RUNNING = "running"
    COMPLETED = "completed"


class TestResult(BaseModel):
    __test__: ClassVar[bool] = False  # a test's result, not a class of tests for pytest to collect

    index: int = Field(description="1-based, samples first")
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


class JudgeResult(BaseModel):
    verdict: Verdict
    passed: int
    total: int
    time_ms: int = Field(description="the largest CPU time of any test")
    memory_kb: int = Field(description="the largest peak memory of any test")
    compile_output: str = ""
    reason: str = Field("", description="the deciding test's reason, or why judging could not run")
    tests: list[TestResult] = Field(default_factory=list)
