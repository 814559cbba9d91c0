"""What an import needs of the judging engine: every program of a package runs sandboxed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from codearena.domain.verdicts import JudgeResult
from codearena.judging.validators import Built
from codearena.languages import Language
from codearena.problems.model import Problem
from codearena.sandbox.protocol import RunReply

if TYPE_CHECKING:
    from codearena.engine import Engine


class ImportSandbox(Protocol):
    """What an import needs of the judging engine: every program it runs, it runs sandboxed."""

    @property
    def languages(self) -> Mapping[str, Language]: ...

    async def judge(self, problem: Problem, language: Language, source: str) -> JudgeResult: ...

    async def build(self, program: Path, language: str) -> Built: ...

    async def run(self, built: Built, args: Sequence[str], stdin: bytes) -> RunReply: ...


class EngineSandbox:
    """The real engine: submissions in the judges' pool, validators in the checkers' pool."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @property
    def languages(self) -> Mapping[str, Language]:
        return self.engine.languages

    async def judge(self, problem: Problem, language: Language, source: str) -> JudgeResult:
        return await self.engine.judge.judge(problem, language, source, stop_on_first_failure=False)

    async def build(self, program: Path, language: str) -> Built:
        return await self.engine.checkers.programs.build(program, language)

    async def run(self, built: Built, args: Sequence[str], stdin: bytes) -> RunReply:
        return await self.engine.checkers.programs.run(built, args, stdin)
