"""The editor's Run: a program on custom input or on a problem's samples, through the queue."""

from __future__ import annotations

from collections.abc import Mapping

from codearena.config import Settings
from codearena.judging.runs import RunOutcome, RunRequest
from codearena.languages import Language
from codearena.problems.model import Problem
from codearena.services.access import Viewer
from codearena.services.assignments import Visibility, require_visible
from codearena.services.errors import Invalid, TooLarge, Unavailable
from codearena.services.problems import find_problem, require_language
from codearena.services.submissions import Limiter, check_rate, checked_program, is_unicode
from codearena.worker import JudgeQueue, QueueFull


class RunService:
    def __init__(
        self,
        settings: Settings,
        languages: Mapping[str, Language],
        problems: Mapping[str, Problem],
        limiter: Limiter,
        queue: JudgeQueue | None,
        unavailable: str = "the judge is not running",
        visibility: Visibility | None = None,
    ) -> None:
        self.settings = settings
        self.languages = languages
        self.problems = problems
        self.limiter = limiter
        self.queue = queue
        self.unavailable = unavailable
        self.visibility = visibility  # which problems a viewer may see

    async def run(
        self, viewer: Viewer, language: object, source: object, stdin: object, problem: object = None
    ) -> RunOutcome:
        """Run on `stdin`; or, with a problem and no stdin, on that problem's samples. With a
        problem, under its limits; else under the settings' run_* limits."""
        settings = self.settings
        lang, text = checked_program(settings, self.languages, language, source)
        found: Problem | None = None
        if problem is not None:
            if not isinstance(problem, str):
                raise Invalid("invalid_problem", "'problem' must be a problem slug")
            found = find_problem(self.problems, problem)
            await require_visible(self.visibility, viewer, found.slug)
            require_language(found, lang.id)
        if stdin is None and found is None:
            raise Invalid("invalid_stdin", "give 'stdin', or a 'problem' to run on its samples")
        if stdin is not None:
            if not isinstance(stdin, str):
                raise Invalid("invalid_stdin", "'stdin' must be a string")
            if not is_unicode(stdin):
                raise Invalid("invalid_stdin", "'stdin' is not valid Unicode text (it holds a lone surrogate)")
            if len(stdin.encode("utf-8", "surrogatepass")) > settings.max_stdin_kb * 1024:
                raise TooLarge("stdin_too_large", f"'stdin' is over the limit of {settings.max_stdin_kb} KiB")
        if self.queue is None:
            raise Unavailable("judge_unavailable", self.unavailable, retry_after_s=30)
        if self.queue.depth >= self.queue.max_depth:  # refused before the rate limit charges it
            raise Unavailable("queue_full", f"{self.queue.depth} jobs are waiting; retry later", retry_after_s=5)
        check_rate(self.limiter, viewer)
        request = RunRequest(lang, text, None if stdin is None else stdin.encode("utf-8"), found)
        try:
            return await self.queue.run(request)
        except QueueFull as exc:
            raise Unavailable("queue_full", str(exc), retry_after_s=5) from exc
