"""Running a program once on custom input (the editor's Run button)."""

from __future__ import annotations

from collections.abc import Mapping

from codearena.config import Settings
from codearena.judging.runs import RunOutcome
from codearena.languages import Language
from codearena.services.access import Viewer
from codearena.services.engine import JudgeEngine
from codearena.services.errors import Invalid, TooLarge, Unavailable
from codearena.services.submissions import Limiter, check_rate, checked_program, is_unicode


class RunService:
    def __init__(
        self,
        settings: Settings,
        languages: Mapping[str, Language],
        limiter: Limiter,
        engine: JudgeEngine | None,
        unavailable: str = "the judge is not running",
    ) -> None:
        self.settings = settings
        self.languages = languages
        self.limiter = limiter
        self.engine = engine
        self.unavailable = unavailable

    async def run(self, viewer: Viewer, language: object, source: object, stdin: object) -> RunOutcome:
        settings = self.settings
        lang, text = checked_program(settings, self.languages, language, source)
        if not isinstance(stdin, str):
            raise Invalid("invalid_stdin", "'stdin' must be a string")
        if not is_unicode(stdin):
            raise Invalid("invalid_stdin", "'stdin' is not valid Unicode text (it holds a lone surrogate)")
        if len(stdin.encode("utf-8", "surrogatepass")) > settings.max_stdin_kb * 1024:
            raise TooLarge("stdin_too_large", f"'stdin' is over the limit of {settings.max_stdin_kb} KiB")
        if self.engine is None:
            raise Unavailable("judge_unavailable", self.unavailable, retry_after_s=30)
        check_rate(self.limiter, viewer)
        return await self.engine.run(lang, text, stdin)
