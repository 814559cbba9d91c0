"""Finding problems and reading their samples, for the API and the pages alike."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from codearena.languages import Language
from codearena.problems import harness
from codearena.problems.model import SLUG, Problem
from codearena.services.errors import Invalid, NotFound

SAMPLE_TEXT_LIMIT = 64 * 1024


@dataclass(frozen=True)
class Sample:
    input: str
    output: str
    interaction: str = ""  # an interactive problem's sample: its transcript (<name>.interaction)
    shown_input: str = ""  # the input as the page shows it: a function problem's lines named


def named_lines(problem: Problem, text: str) -> str:
    """A function problem's test input with each line named, as LeetCode shows examples
    (`nums = [2,7,11,15]`); any other input as it is."""
    if problem.function is None:
        return text
    lines = text.rstrip("\n").split("\n")
    names = [name for name, _ in problem.function.input_lines]
    if len(lines) != len(names):
        return text
    return "".join(f"{name} = {line}\n" for name, line in zip(names, lines, strict=True))


def sample_text(path: Path) -> str:
    """A sample file as text to show: its first 64 KiB, any invalid UTF-8 replaced."""
    return path.read_bytes()[:SAMPLE_TEXT_LIMIT].decode("utf-8", "replace")


def samples(problem: Problem) -> list[Sample]:
    found = []
    for test in problem.samples:
        given, answer = sample_text(test.input_path), sample_text(test.answer_path)
        transcript = test.input_path.with_suffix(".interaction")
        interaction = sample_text(transcript) if problem.interactor is not None and transcript.is_file() else ""
        found.append(Sample(given, answer, interaction, named_lines(problem, given)))
    shown = {test.input_path.with_suffix(".interaction") for test in problem.samples}
    for path in problem.sample_interactions:  # a Kattis sample interaction without a test of its own
        if path not in shown:
            found.append(Sample("", "", sample_text(path), ""))
    return found


def languages_for(problem: Problem, languages: Iterable[Language]) -> list[Language]:
    """The languages a problem may be solved in: a function problem's have a harness."""
    return [lang for lang in languages if problem.function is None or harness.supported(lang.id)]


def starter_code(problem: Problem, languages: Iterable[Language]) -> dict[str, str]:
    """The code the editor starts from in each language the problem may be solved in: the
    problem's own, else (a problem that reads stdin) the language's generic one."""
    return {
        lang.id: problem.starter_code.get(lang.id) or (lang.starter if problem.function is None else "")
        for lang in languages_for(problem, languages)
    }


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
