"""The one doorway from the server to the judging engine.

The web layer and the queue use the engine only through JudgeEngine: its languages, its judge
(which also runs programs for the editor's Run), whether Docker answers, what the pool looks
like and how each Docker engine is. codearena.engine.Engine is one (Engine.start is the app's
default factory); tests hand the app a fake with the same shape (tests/fakes.py).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Protocol

from codearena.config import Settings
from codearena.languages import Language
from codearena.worker import Judging


class JudgeEngine(Protocol):
    @property
    def languages(self) -> Mapping[str, Language]: ...

    @property
    def judging(self) -> Judging: ...

    async def docker_up(self) -> bool:
        """Whether some Docker engine can judge now."""

    def pool_state(self) -> dict[str, int]:
        """The sandbox pool by numbers: size, live, idle, busy, created, destroyed, resets, failed_resets."""

    def engines_state(self) -> list[dict[str, object]]:
        """Each Docker engine: name, url, up, sandboxes, live, idle, busy, failures, faults, error."""

    async def close(self) -> None: ...


EngineFactory = Callable[[Settings, dict[str, Language]], Awaitable[JudgeEngine]]
