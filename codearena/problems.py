"""Problems on disk: problems/<slug>/problem.yaml, statement.md, tests/, solutions/.

Loading is strict and explains itself: a broken problem is reported with its path, the key,
what was expected and what was found, and never stops the other problems from loading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from codearena.verdicts import Verdict

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
MAX_YAML_BYTES = 256 * 1024


class Difficulty(StrEnum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


class CheckerSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: Literal["tokens", "exact", "float", "custom"] = "tokens"
    abs_tol: float = Field(1e-6, ge=0)
    rel_tol: float = Field(1e-6, ge=0)
    program: str | None = None


class ProblemSpec(BaseModel):
    """The contents of problem.yaml."""

    model_config = ConfigDict(extra="forbid")
    title: str = Field(min_length=1, max_length=200)
    difficulty: Difficulty
    tags: list[str] = Field(default_factory=list)
    time_limit_ms: int = Field(gt=0, le=60_000)
    memory_limit_mb: int = Field(ge=16, le=2048)
    output_limit_kb: int = Field(8192, gt=0, le=65536)
    checker: CheckerSpec = Field(default_factory=CheckerSpec)
    stop_on_first_failure: bool = False
    starter_code: dict[str, str] = Field(default_factory=dict)
    solutions: dict[str, Verdict] = Field(default_factory=dict)

    @field_validator("checker", mode="before")
    @classmethod
    def checker_by_name(cls, value: Any) -> Any:
        return {"type": value} if isinstance(value, str) else value


@dataclass(frozen=True)
class TestCase:
    index: int
    name: str
    sample: bool
    input_path: Path
    answer_path: Path

    def read_input(self) -> str:
        return self.input_path.read_bytes().decode("utf-8", "surrogateescape")

    def read_answer(self) -> bytes:
        return self.answer_path.read_bytes()


@dataclass
class Problem:
    slug: str
    path: Path
    spec: ProblemSpec
    statement: str
    tests: list[TestCase] = field(default_factory=list)

    @property
    def samples(self) -> list[TestCase]:
        return [t for t in self.tests if t.sample]

    @property
    def checker_program(self) -> Path | None:
        program = self.spec.checker.program
        return self.path / program if program else None


class ProblemError(Exception):
    """A problem that cannot be loaded; the message names the file, the key and the fault."""

    def __init__(self, path: Path, key: str, expected: str, found: str) -> None:
        self.path, self.key, self.expected, self.found = path, key, expected, found
        where = f"{path}: {key}: " if key else f"{path}: "
        super().__init__(f"{where}expected {expected}, found {found}")


def natural_key(name: str) -> list[Any]:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def _read_yaml(path: Path) -> Any:
    if not path.is_file():
        raise ProblemError(path, "", "a problem.yaml file", "none")
    data = path.read_bytes()
    if len(data) > MAX_YAML_BYTES:
        raise ProblemError(path, "", f"at most {MAX_YAML_BYTES} bytes", f"{len(data)} bytes")
    try:
        # Aliases let a tiny file expand into a huge structure; problem files never need them.
        for event in yaml.parse(data, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                raise ProblemError(path, "", "no YAML aliases", f"alias *{event.anchor}")
        return yaml.safe_load(data)
    except yaml.YAMLError as exc:
        raise ProblemError(path, "", "valid YAML", str(exc).replace("\n", " ")) from exc


def _load_tests(folder: Path) -> list[TestCase]:
    tests: list[TestCase] = []
    for group in ("sample", "secret"):
        directory = folder / "tests" / group
        if not directory.is_dir():
            continue
        for input_path in sorted(directory.glob("*.in"), key=lambda p: natural_key(p.name)):
            answer_path = input_path.with_suffix(".ans")
            if not answer_path.is_file():
                raise ProblemError(answer_path, "", "the answer for " + input_path.name, "no such file")
            tests.append(
                TestCase(
                    index=len(tests) + 1,
                    name=f"{group}/{input_path.stem}",
                    sample=group == "sample",
                    input_path=input_path,
                    answer_path=answer_path,
                )
            )
    if not tests:
        raise ProblemError(folder / "tests", "", "tests/sample/*.in or tests/secret/*.in", "no tests")
    return tests


def load_problem(folder: Path, language_ids: set[str] | None = None) -> Problem:
    slug = folder.name
    if not SLUG.match(slug):
        raise ProblemError(folder, "", "a folder name of lower-case letters, digits and '-'", repr(slug))
    yaml_path = folder / "problem.yaml"
    raw = _read_yaml(yaml_path)
    if not isinstance(raw, dict):
        raise ProblemError(yaml_path, "", "a mapping of keys to values", type(raw).__name__)
    try:
        spec = ProblemSpec.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(part) for part in first["loc"]) or "(top level)"
        found = "nothing" if first["type"] == "missing" else repr(first.get("input"))[:80]
        raise ProblemError(yaml_path, key, first["msg"].lower(), found) from exc
    if language_ids is not None:
        for lang in spec.starter_code:
            if lang not in language_ids:
                raise ProblemError(yaml_path, f"starter_code.{lang}", f"one of {sorted(language_ids)}", lang)
    if spec.checker.type == "custom":
        program = spec.checker.program
        if not program or not (folder / program).is_file() or "/" in program:
            raise ProblemError(yaml_path, "checker.program", "a checker file in the problem folder", repr(program))
    statement_path = folder / "statement.md"
    if not statement_path.is_file():
        raise ProblemError(statement_path, "", "the statement in Markdown", "no such file")
    return Problem(
        slug=slug,
        path=folder,
        spec=spec,
        statement=statement_path.read_text(encoding="utf-8", errors="replace"),
        tests=_load_tests(folder),
    )


def load_problems(root: Path, language_ids: set[str] | None = None) -> tuple[dict[str, Problem], list[ProblemError]]:
    """Every problem under `root` that loads, and an error for each one that does not."""
    problems: dict[str, Problem] = {}
    errors: list[ProblemError] = []
    if not root.is_dir():
        return problems, [ProblemError(root, "", "a folder of problems", "no such folder")]
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        try:
            problem = load_problem(folder, language_ids)
        except ProblemError as exc:
            errors.append(exc)
        except (OSError, UnicodeDecodeError) as exc:
            errors.append(ProblemError(folder, "", "readable files", str(exc)))
        else:
            problems[problem.slug] = problem
    return problems, errors


def resolve_problem(ref: str, root: Path, language_ids: set[str] | None = None) -> Problem:
    """A problem named by slug (in `root`) or by the path of its folder."""
    path = Path(ref)
    folder = path if (path / "problem.yaml").is_file() else root / ref
    if not (folder / "problem.yaml").is_file():
        raise ProblemError(Path(ref), "", f"a problem slug in {root} or a problem folder", "no such problem")
    return load_problem(folder, language_ids)
