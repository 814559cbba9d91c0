"""Finding problems and reading their samples, for the API and the pages alike."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from codearena.problems import harness
from codearena.problems.model import SLUG, Problem
from codearena.services.errors import Invalid, NotFound

SAMPLE_TEXT_LIMIT = 64 * 1024


@dataclass(frozen=True)
class Sample:
    input: str
    output: str


def sample_text(path: Path) -> str:
    """A sample file as text to show: its first 64 KiB, any invalid UTF-8 replaced."""
    return path.read_bytes()[:SAMPLE_TEXT_LIMIT].decode("utf-8", "replace")


def samples(problem: Problem) -> list[Sample]:
    return [Sample(sample_text(t.input_path), sample_text(t.answer_path)) for t in problem.samples]


def find_problem(problems: Mapping[str, Problem], slug: str) -> Problem:
    problem = problems.get(slug) if SLUG.match(slug) else None
    if problem is None:
        raise NotFound("problem_not_found", f"no problem {slug!r}")
    return problem


def require_language(problem: Problem, language: str) -> None:
    """A function problem takes only the languages its harness is written for."""
    if problem.function is not None and not harness.supported(language):
        taken = ", ".join(sorted(harness.GENERATORS))
        raise Invalid("unsupported_language", f"{problem.title} is a function problem; it takes {taken}")


def filter_problems(
    problems: Iterable[Problem], *, difficulty: str | None = None, tag: str | None = None, query: str = ""
) -> list[Problem]:
    """The problems that match every filter given; an empty filter matches all.

    Filters only narrow: a difficulty or tag no problem has matches nothing, it is no error.
    """
    words = query.casefold()
    return [
        p
        for p in problems
        if (not difficulty or p.difficulty.value == difficulty)
        and (not tag or tag in p.tags)
        and words in p.title.casefold()
    ]
