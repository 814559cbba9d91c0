"""Every shape CodeArena sends out, made here from typed models and nowhere else.

The API's JSON, the WebSocket's events and the CLI's `--json` result. What a viewer may see is
decided before this (services/access.py); these functions only choose names and formats.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, NotRequired, TypedDict

from codearena.domain.submission import Submission
from codearena.domain.verdicts import GroupResult, JudgeResult
from codearena.judging.runs import RunOutcome
from codearena.languages import Language
from codearena.live import (
    ClarificationsChanged,
    Completed,
    GroupFinished,
    LiveEvent,
    ScoreboardChanged,
    StatusChanged,
    TestFinished,
)
from codearena.problems.model import Problem
from codearena.services.access import SubmissionView, TestView
from codearena.services.problems import Sample, starter_code

# --- problems and languages


class LanguageJson(TypedDict):
    id: str
    name: str
    version: str
    tier: str  # the smallest sandbox image tier that has it
    image: str  # the sandbox image this server runs it in


class ProblemSummaryJson(TypedDict):
    slug: str
    title: str
    difficulty: str
    tags: list[str]


class SampleJson(TypedDict):
    input: str
    output: str


class FunctionJson(TypedDict):
    kind: str  # function, design or codec
    signature: list[str]  # the method; or the constructor and methods; or serialize and deserialize


class ProblemDetailJson(ProblemSummaryJson):
    statement: str
    time_limit_ms: int
    memory_limit_mb: int
    samples: list[SampleJson]
    starter_code: dict[str, str]
    languages: list[str]
    function: FunctionJson | None  # None: a program that reads stdin and writes stdout


def language(lang: Language, image: str) -> LanguageJson:
    return {"id": lang.id, "name": lang.name, "version": lang.version, "tier": lang.tier, "image": image}


def problem_summary(problem: Problem) -> ProblemSummaryJson:
    return {"slug": problem.slug, "title": problem.title, "difficulty": problem.difficulty.value,
            "tags": problem.tags}  # fmt: skip


def sample(s: Sample) -> SampleJson:
    return {"input": s.input, "output": s.output}


def problem_detail(problem: Problem, samples: Iterable[Sample], languages: Iterable[Language]) -> ProblemDetailJson:
    offered = list(languages)
    return {
        **problem_summary(problem),
        "statement": problem.statement,
        "time_limit_ms": problem.limits.time_limit_ms,
        "memory_limit_mb": problem.limits.memory_limit_mb,
        "samples": [sample(s) for s in samples],
        "starter_code": starter_code(problem, offered),
        "languages": [lang.id for lang in offered],
        "function": {"kind": f.kind, "signature": f.signature} if (f := problem.function) else None,
    }


class ReloadJson(TypedDict):
    loaded: int
    errors: list[str]


def reload_report(loaded: int, errors: list[str]) -> ReloadJson:
    return {"loaded": loaded, "errors": errors}


# --- submissions


class TestJson(TypedDict):
    index: int
    verdict: str
    time_ms: int
    memory_kb: int
    reason: str
    # a sample's data; a hidden test has none of these keys
    input: NotRequired[str]
    expected: NotRequired[str]
    output: NotRequired[str]
    stderr: NotRequired[str]
    checker_message: NotRequired[str]


class GroupJson(TypedDict):
    index: int
    name: str
    points: int
    earned: int
    verdict: str
    tests: list[int]  # the indices of its tests


class SubmissionJson(TypedDict):
    id: str
    problem: str
    language: str
    status: str
    verdict: str | None
    passed: int
    total: int
    score: int | None  # points earned, for a problem in groups (subtasks); else None
    max_score: int | None
    time_ms: int
    memory_kb: int
    compile_output: str
    reason: str
    tests: list[TestJson]
    groups: list[GroupJson]
    created_at: str
    source: str | None
    queue_position: int | None


class SubmissionListItemJson(TypedDict):
    id: str
    problem: str
    language: str
    status: str
    verdict: str | None
    passed: int
    total: int
    score: int | None
    max_score: int | None
    time_ms: int
    memory_kb: int
    reason: str
    created_at: str


class CreatedJson(TypedDict):
    id: str
    status: str
    queue_position: int | None


def one_test(t: TestView) -> TestJson:
    item: TestJson = {"index": t.index, "verdict": t.verdict.value, "time_ms": t.time_ms, "memory_kb": t.memory_kb,
                      "reason": t.reason}  # fmt: skip
    if t.sample is not None:
        s = t.sample
        item["input"], item["expected"], item["output"] = s.input, s.expected, s.output
        item["stderr"], item["checker_message"] = s.stderr, s.checker_message
    return item


def group(g: GroupResult) -> GroupJson:
    return {"index": g.index, "name": g.name, "points": g.points, "earned": g.earned, "verdict": g.verdict.value,
            "tests": list(g.tests)}  # fmt: skip


def submission(view: SubmissionView) -> SubmissionJson:
    v = view
    return {
        "id": v.id, "problem": v.problem, "language": v.language, "status": v.status.value,
        "verdict": v.verdict.value if v.verdict else None, "passed": v.passed, "total": v.total,
        "score": v.score, "max_score": v.max_score, "time_ms": v.time_ms, "memory_kb": v.memory_kb,
        "compile_output": v.compile_output, "reason": v.reason, "tests": [one_test(t) for t in v.tests],
        "groups": [group(g) for g in v.groups], "created_at": v.created_at, "source": v.source,
        "queue_position": v.queue_position,
    }  # fmt: skip


def listing(submissions: Iterable[Submission]) -> list[SubmissionListItemJson]:
    return [
        {"id": s.id, "problem": s.problem, "language": s.language, "status": s.status.value,
         "verdict": s.verdict.value if s.verdict else None, "passed": s.passed, "total": s.total,
         "score": s.score, "max_score": s.max_score, "time_ms": s.time_ms, "memory_kb": s.memory_kb,
         "reason": s.reason, "created_at": s.created_at}
        for s in submissions
    ]  # fmt: skip


def created(s: Submission, queue_position: int | None) -> CreatedJson:
    return {"id": s.id, "status": s.status.value, "queue_position": queue_position}


def run_outcome(outcome: RunOutcome) -> dict[str, object]:
    return outcome.model_dump()


# --- WebSocket events


class StatusEventJson(TypedDict):
    type: Literal["submission_status"]
    submission_id: str
    status: str
    queue_position: int | None


class TestEventJson(TypedDict):
    type: Literal["test_result"]
    submission_id: str
    index: int
    verdict: str
    time_ms: int
    memory_kb: int
    reason: str


class GroupEventJson(GroupJson):
    type: Literal["group_result"]
    submission_id: str


class CompletedEventJson(TypedDict):
    type: Literal["submission_completed"]
    submission_id: str
    verdict: str
    passed: int
    total: int
    score: int | None
    max_score: int | None
    time_ms: int
    memory_kb: int
    reason: str


class ErrorEventJson(TypedDict):
    type: Literal["error"]
    message: str


class ScoreboardEventJson(TypedDict):
    type: Literal["scoreboard_changed"]
    contest: str


class ScoreboardJson(TypedDict):
    """The standings table itself, sent in place of a `scoreboard_changed` ping."""

    type: Literal["scoreboard"]
    contest: str
    html: str


class ClarificationsEventJson(TypedDict):
    type: Literal["clarifications_changed"]
    contest: str


EventJson = (
    StatusEventJson | TestEventJson | GroupEventJson | CompletedEventJson | ErrorEventJson | ScoreboardEventJson
    | ScoreboardJson | ClarificationsEventJson
)  # fmt: skip


def event(e: LiveEvent) -> EventJson:
    if isinstance(e, ScoreboardChanged):
        return {"type": "scoreboard_changed", "contest": e.contest}
    if isinstance(e, ClarificationsChanged):
        return {"type": "clarifications_changed", "contest": e.contest}
    if isinstance(e, StatusChanged):
        return {"type": "submission_status", "submission_id": e.submission_id, "status": e.status.value,
                "queue_position": e.queue_position}  # fmt: skip
    if isinstance(e, TestFinished):
        t = e.result  # the events of every test: no test's data, only how it went
        return {"type": "test_result", "submission_id": e.submission_id, "index": t.index,
                "verdict": t.verdict.value, "time_ms": t.time_ms, "memory_kb": t.memory_kb,
                "reason": t.reason}  # fmt: skip
    if isinstance(e, GroupFinished):
        return {"type": "group_result", "submission_id": e.submission_id, **group(e.result)}
    return completed(e)


def completed(e: Completed) -> CompletedEventJson:
    return {"type": "submission_completed", "submission_id": e.submission_id, "verdict": e.verdict.value,
            "passed": e.passed, "total": e.total, "score": e.score, "max_score": e.max_score, "time_ms": e.time_ms,
            "memory_kb": e.memory_kb, "reason": e.reason}  # fmt: skip


def error_event(message: str) -> ErrorEventJson:
    return {"type": "error", "message": message}


# --- the CLI's --json


class JudgedTestJson(TypedDict):
    index: int
    verdict: str
    time_ms: int
    wall_ms: int
    memory_kb: int
    exit_code: int | None
    signal: int | None
    reason: str


class JudgeResultJson(TypedDict):
    verdict: str
    passed: int
    total: int
    score: int | None
    max_score: int | None
    time_ms: int
    memory_kb: int
    compile_output: str
    reason: str
    tests: list[JudgedTestJson]
    groups: list[GroupJson]


def judge_result(result: JudgeResult) -> JudgeResultJson:
    """`codearena judge --json`: the person judging owns every test, hidden ones included."""
    return {
        "verdict": result.verdict.value, "passed": result.passed, "total": result.total,
        "score": result.score, "max_score": result.max_score, "groups": [group(g) for g in result.groups],
        "time_ms": result.time_ms, "memory_kb": result.memory_kb, "compile_output": result.compile_output,
        "reason": result.reason, "tests": [
            {"index": t.index, "verdict": t.verdict.value, "time_ms": t.time_ms, "wall_ms": t.wall_ms,
             "memory_kb": t.memory_kb, "exit_code": t.exit_code, "signal": t.signal, "reason": t.reason}
            for t in result.tests
        ],
    }  # fmt: skip
