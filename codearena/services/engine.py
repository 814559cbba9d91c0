"""The one doorway from the server to the judging engine.

The web layer and the queue use the engine only through JudgeEngine: its languages, its judge,
a program run, whether Docker answers and what the pool looks like. DockerEngine adapts
codearena.engine.Engine to it; when engines change, this adapter is what changes with them.
Tests hand the app a fake with the same shape (tests/fakes.py).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Protocol

from codearena.config import Settings
from codearena.engine import Engine
from codearena.judging.runs import RunOutcome, run_program
from codearena.languages import Language
from codearena.problems.model import Limits
from codearena.worker import Judging


class JudgeEngine(Protocol):
    @property
    def languages(self) -> Mapping[str, Language]: ...

    @property
    def judging(self) -> Judging: ...

    async def docker_up(self) -> bool:
        """Whether the Docker daemon answers now."""

    def pool_state(self) -> dict[str, int]:
        """The sandbox pool by numbers: size, live, idle, busy, created, destroyed, resets, failed_resets."""

    async def run(self, language: Language, source: str, stdin: str) -> RunOutcome:
        """Compile and run `source` once on `stdin` (the editor's Run button)."""

    async def close(self) -> None: ...


EngineFactory = Callable[[Settings, dict[str, Language]], Awaitable[JudgeEngine]]


class DockerEngine:
    def __init__(self, engine: Engine, settings: Settings) -> None:
        self.engine = engine
        self.settings = settings

    @classmethod
    async def start(cls, settings: Settings, languages: dict[str, Language]) -> JudgeEngine:
        """Start the engine; EngineError says why it cannot."""
        return cls(await Engine.start(settings, languages), settings)

    @property
    def languages(self) -> Mapping[str, Language]:
        return self.engine.languages

    @property
    def judging(self) -> Judging:
        return self.engine.judge

    async def docker_up(self) -> bool:
        return await self.engine.docker.healthy()

    def pool_state(self) -> dict[str, int]:
        return self.engine.pool.describe()

    async def run(self, language: Language, source: str, stdin: str) -> RunOutcome:
        settings = self.settings
        limits = Limits(settings.run_time_limit_ms, settings.run_memory_limit_mb, settings.run_output_limit_kb)
        stdin_bytes = stdin.encode("utf-8", "surrogateescape")
        return await run_program(settings, self.engine.pool, language, source, [stdin_bytes], limits)

    async def close(self) -> None:
        await self.engine.close()
