"""Who may see what, decided here and nowhere else.

A viewer is a browser session, signed in to a user's account when `auth = "accounts"`:
- a submission's source is shown only to its owner: the user who sent it or, for a submission
  sent anonymously, the session that sent it;
- a sample test's data (input, expected and actual output, stderr, checker message) is shown
  to anyone who has the submission's id; a hidden test's data never leaves the server, only
  its verdict, time, memory and the reason it failed (a limit, a signal, an exit code);
- each viewer lists only its own submissions.
The views built here hold nothing a viewer may not see, so the API and the pages can show all of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from codearena.domain.accounts import Role, User
from codearena.domain.submission import Submission
from codearena.domain.verdicts import GroupResult, Status, TestResult, Verdict
from codearena.live import Progress
from codearena.problems.model import Problem
from codearena.services.problems import named_lines, sample_text
from codearena.store.submissions import Owner


@dataclass(frozen=True)
class Viewer:
    """Who is asking: the browser session, the signed-in user if any, and the address it calls
    from (for rate limits)."""

    session: str
    address: str = ""
    user: User | None = None

    @property
    def owner(self) -> Owner:
        """Whose submissions this viewer sends and lists."""
        return Owner(self.session, self.user.id if self.user else None)

    @property
    def rate_keys(self) -> tuple[str, ...]:
        """What a request is counted against: the user (or session), and the address."""
        who = f"user:{self.user.id}" if self.user else f"session:{self.session}"
        return who, "addr:" + (self.address or "?")


@dataclass(frozen=True)
class SampleView:
    input: str
    expected: str
    output: str
    stderr: str
    checker_message: str


@dataclass(frozen=True)
class TestView:
    index: int
    verdict: Verdict
    time_ms: int
    memory_kb: int
    reason: str  # why it did not pass, in words: shown for every test
    sample: SampleView | None  # None for a hidden test


@dataclass(frozen=True)
class SubmissionView:
    id: str
    problem: str
    language: str
    status: Status
    verdict: Verdict | None
    passed: int
    total: int
    score: int | None  # points earned, for a problem in groups
    max_score: int | None
    time_ms: int
    memory_kb: int
    compile_output: str
    reason: str
    created_at: str
    tests: tuple[TestView, ...]
    groups: tuple[GroupResult, ...]  # each group's name, points and verdict: nothing of its tests' data
    tests_total: int  # how many tests the problem has, judged or not
    queue_position: int | None  # 1 = judged next; only while waiting
    source: str | None  # None unless the viewer sent it
    function: bool = False  # a function problem: a sample's output is the returned value, stderr its prints


def is_staff(viewer: Viewer) -> bool:
    """An instructor or an admin."""
    return viewer.user is not None and viewer.user.role in (Role.ADMIN, Role.INSTRUCTOR)


def may_reload_problems(viewer: Viewer, accounts: bool) -> bool:
    """Anyone in open mode (one box, one teacher or learner); staff when there are accounts."""
    return not accounts or is_staff(viewer)


def may_see(viewer: Viewer, submission: Submission, oversees: bool) -> bool:
    """Whether `viewer` may see a submission at all. An anonymous one: anyone with its id (open
    mode's sharing of a link). A user's: that user, an admin, and (`oversees`) an instructor of a
    course its owner is in or on the jury of a contest it was made in; to anyone else (another
    participant of the contest too) it does not exist."""
    if submission.user_id is None:
        return True
    user = viewer.user
    if user is None:
        return False
    return user.id == submission.user_id or user.role == Role.ADMIN or (user.role == Role.INSTRUCTOR and oversees)


def may_read_source(viewer: Viewer, submission: Submission) -> bool:
    """The owner, and the staff who may see the submission (checked with `may_see` first)."""
    return owns(viewer, submission) or (
        submission.user_id is not None and viewer.user is not None and viewer.user.role != Role.STUDENT
    )


def owns(viewer: Viewer, submission: Submission) -> bool:
    if submission.user_id is not None:
        return viewer.user is not None and viewer.user.id == submission.user_id
    return submission.session == viewer.session


def history_owner(viewer: Viewer) -> Owner:
    """Whose submissions a viewer's history lists: its own."""
    return viewer.owner


def view_of_test(result: TestResult, problem: Problem | None) -> TestView:
    case = next((t for t in problem.samples if t.index == result.index), None) if problem else None
    sample = None
    if case is not None:
        assert problem is not None  # a sample was found in it
        sample = SampleView(input=named_lines(problem, sample_text(case.input_path)),
                            expected=sample_text(case.answer_path),
                            output=result.output or "", stderr=result.stderr,
                            checker_message=result.checker_message)  # fmt: skip
    return TestView(result.index, result.verdict, result.time_ms, result.memory_kb, result.reason, sample)


def submission_view(
    viewer: Viewer, submission: Submission, problem: Problem | None, progress: Progress | None
) -> SubmissionView:
    """What `viewer` may see of `submission`; while it is judged, its tests come from `progress`."""
    results = submission.tests or (list(progress.tests) if progress else [])
    groups = submission.groups or (list(progress.groups) if progress else [])
    s = submission
    return SubmissionView(
        id=s.id, problem=s.problem, language=s.language, status=s.status, verdict=s.verdict, passed=s.passed,
        total=s.total, score=s.score, max_score=s.max_score, time_ms=s.time_ms, memory_kb=s.memory_kb,
        compile_output=s.compile_output, reason=s.reason, created_at=s.created_at,
        tests=tuple(view_of_test(r, problem) for r in results), groups=tuple(groups),
        tests_total=len(problem.tests) if problem else s.total, source=s.source if may_read_source(viewer, s) else None,
        queue_position=progress.queue_position if progress else None,
        function=problem is not None and problem.function is not None,
    )  # fmt: skip
