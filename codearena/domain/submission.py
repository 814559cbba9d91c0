"""What a stored submission is: who sent what, where it is in its life, and how it was judged."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from codearena.domain.verdicts import GroupResult, Status, TestResult, Verdict


class Submission(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str = Field(description="16 hex digits, random: knowing one is the only way to reach it")
    session: str = Field(description="the browser session that sent it; its owner when user_id is None")
    user_id: int | None = Field(None, description="the signed-in user who sent it, its owner (auth = accounts)")
    problem: str = Field(description="the problem's slug")
    language: str = Field(description="the language's id")
    source: str
    status: Status
    verdict: Verdict | None = Field(None, description="set when judging completes")
    passed: int = 0
    total: int = 0
    score: int | None = Field(None, description="points earned, for a problem in groups (subtasks)")
    max_score: int | None = Field(None, description="the points of all its groups, for a problem in groups")
    time_ms: int = Field(0, description="the largest CPU time of any test")
    memory_kb: int = Field(0, description="the largest peak memory of any test")
    compile_output: str = ""
    reason: str = Field("", description="why it did not pass, in words, or why judging could not run")
    created_at: str = Field(description="UTC, ISO 8601 with milliseconds and a Z")
    finished_at: str | None = None
    attempts: int = Field(0, description="times a worker started judging it; a crash leaves it counted")
    tests: list[TestResult] = Field(default_factory=list, description="stored results, once judged; samples first")
    groups: list[GroupResult] = Field(default_factory=list, description="stored group results, once judged")
