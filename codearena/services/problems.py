"""Finding problems and reading their samples, for the API and the pages alike."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from codearena.problems.model import SLUG, Problem
from codearena.services.errors import NotFound

SAMPLE_TEXT_LIMIT = 64 * 1024


@dataclass(frozen=True)
class Sample:
    input: str
    output: str
    interaction: str = ""  # an interactive problem's sample: its transcript (<name>.interaction)


def sample_text(path: Path) -> str:
    """A sample file as text to show: its first 64 KiB, any invalid UTF-8 replaced."""
    return path.read_bytes()[:SAMPLE_TEXT_LIMIT].decode("utf-8", "replace")


def samples(problem: Problem) -> list[Sample]:
    found = [Sample(sample_text(t.input_path), sample_text(t.answer_path)) for t in problem.samples]
    if problem.interactor is not None:
        for i, test in enumerate(problem.samples):
            transcript = test.input_path.with_suffix(".interaction")
            if transcript.is_file():
                found[i] = Sample(found[i].input, found[i].output, sample_text(transcript))
    return found


def find_problem(problems: Mapping[str, Problem], slug: str) -> Problem:
    problem = problems.get(slug) if SLUG.match(slug) else None
    if problem is None:
        raise NotFound("problem_not_found", f"no problem {slug!r}")
    return problem


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
