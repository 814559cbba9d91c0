"""CodeArena's own problem format: problems/<slug>/problem.yaml, statement.md, tests/, solutions/.

Loading is strict and explains itself: a broken problem is reported with its path, the key,
what was expected and what was found, and never stops the other problems from loading.
"""

from __future__ import annotations

import dataclasses
import re
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Annotated, Any, Literal, get_args, get_origin

import yaml
from pydantic import BaseModel, ConfigDict, Field, PlainValidator, ValidationError, field_validator

from codearena.domain.verdicts import Verdict
from codearena.problems import harness
from codearena.problems.function_keys import CodecKeys, DesignKeys, FunctionKeys, function_spec_of
from codearena.problems.model import (
    SLUG,
    Checker,
    Difficulty,
    Expected,
    Group,
    Interactor,
    InvalidSpec,
    Limits,
    Problem,
    ProblemError,
    TestCase,
)

MAX_YAML_BYTES = 256 * 1024


class CheckerSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: Literal["tokens", "exact", "float", "custom"] = "tokens"
    abs_tol: float = Field(1e-6, ge=0)
    rel_tol: float = Field(1e-6, ge=0)
    program: str | None = None


class InteractorSpec(BaseModel):
    """An interactive problem's interactor: `interactor: {source: interactor.py, language: python}`."""

    model_config = ConfigDict(extra="forbid")
    source: str = Field(min_length=1)
    language: Literal["python", "javascript", "java", "cpp"] = "python"


def parse_expected(value: Any) -> Expected:
    """A reference solution's declaration: a verdict ("accepted", "time_limit_exceeded"...), or
    "partial" and the score it must earn ("partial 40")."""
    words = value.split() if isinstance(value, str) else []
    try:
        verdict = Verdict(words[0]) if words else None
    except ValueError:
        verdict = None
    if verdict == Verdict.PARTIAL and len(words) == 2 and words[1].isdigit():
        return Expected(verdict, int(words[1]))
    if verdict is not None and verdict != Verdict.PARTIAL and len(words) == 1:
        return Expected(verdict)
    verdicts = ", ".join(v.value for v in Verdict if v != Verdict.PARTIAL)
    raise ValueError(f"one of {verdicts}, or 'partial' and a score (partial 40)")


class GroupSpec(BaseModel):
    """One group of tests (a subtask) in problem.yaml."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,31}$")
    points: int = Field(ge=0, le=10_000)
    tests: list[str] = Field(min_length=1, description="glob patterns of test names: sample/*, secret/small-*")

    @field_validator("tests", mode="before")
    @classmethod
    def one_pattern(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value


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
    solutions: dict[str, Annotated[Expected, PlainValidator(parse_expected)]] = Field(default_factory=dict)
    groups: list[GroupSpec] = Field(default_factory=list)
    interactor: InteractorSpec | None = None
    # A function problem (codearena.problems.function_keys): at most one of these.
    function: FunctionKeys | None = None
    design: DesignKeys | None = None
    codec: CodecKeys | None = None

    @field_validator("checker", mode="before")
    @classmethod
    def checker_by_name(cls, value: Any) -> Any:
        return {"type": value} if isinstance(value, str) else value


def natural_key(name: str) -> list[Any]:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def _read_yaml(path: Path) -> tuple[Any, yaml.Node | None]:
    """The file's value, and its node tree: where each key stands, for the errors."""
    if not path.is_file():
        raise ProblemError(path, "", "a problem.yaml file", "none")
    data = path.read_bytes()
    if len(data) > MAX_YAML_BYTES:
        raise ProblemError(path, "", f"at most {MAX_YAML_BYTES} bytes", f"{len(data)} bytes")
    try:
        # Aliases let a tiny file expand into a huge structure; problem files never need them.
        for event in yaml.parse(data, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                line = event.start_mark.line + 1 if event.start_mark else None
                raise ProblemError(path, "", "no YAML aliases", f"alias *{event.anchor}", line=line)
        loader = yaml.SafeLoader(data)
        try:
            node = loader.get_single_node()
            return (None if node is None else loader.construct_document(node)), node
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        found = exc.problem or str(exc)
        if exc.problem and exc.context:
            # Where the fault is noticed (the line reported) may be past where it was made.
            start = f" that starts on line {exc.context_mark.line + 1}" if exc.context_mark else ""
            found += f" ({exc.context}{start})"
        line = mark.line + 1 if mark else None
        raise ProblemError(path, "", "valid YAML", found.replace("\n", " "), line=line) from exc
    except yaml.YAMLError as exc:
        raise ProblemError(path, "", "valid YAML", str(exc).replace("\n", " ")) from exc


def _line_of(node: yaml.Node | None, loc: tuple[int | str, ...]) -> int | None:
    """The line of the deepest part of `loc` found in the file (1-based)."""
    line = None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            entry = next(((k, v) for k, v in node.value if k.value == str(part)), None)
            if entry is None:
                break
            line, node = entry[0].start_mark.line + 1, entry[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line


def _known_keys(loc: tuple[int | str, ...]) -> list[str]:
    """The keys the mapping holding the last part of `loc` may have."""
    model: type[BaseModel] = ProblemSpec
    for part in loc[:-1]:
        if isinstance(part, int):  # an item of a list of mappings (groups)
            continue
        field = model.model_fields.get(str(part))
        annotation = field.annotation if field else None
        # `Keys | None`: the mapping's own keys, whether it is given or not; a list's: its items'
        annotation = next((a for a in getattr(annotation, "__args__", ()) if a is not type(None)), annotation)
        if get_origin(annotation) is list:
            annotation = get_args(annotation)[0]
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return []
        model = annotation
    return list(model.model_fields)


def _spec_faults(path: Path, node: yaml.Node | None, exc: ValidationError) -> list[ProblemError]:
    faults = []
    for error in exc.errors():
        loc = error["loc"]
        key = ".".join(str(part) for part in loc) or "(top level)"
        line = _line_of(node, loc)
        if error["type"] == "extra_forbidden":
            known = _known_keys(loc)
            expected = f"one of the known keys ({', '.join(known)})" if known else "a known key"
            faults.append(ProblemError(path, key, expected, "an unknown key", line=line))
        else:
            found = "nothing" if error["type"] == "missing" else repr(error.get("input"))[:80]
            # A check of our own (parse_expected) says what it expected in its own words.
            expected = str(error["ctx"]["error"]) if error["type"] == "value_error" else error["msg"].lower()
            faults.append(ProblemError(path, key, expected, found, line=line))
    return faults


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


def _grouped(
    yaml_path: Path, node: yaml.Node | None, specs: list[GroupSpec], tests: list[TestCase]
) -> tuple[list[TestCase], list[Group]]:
    """The tests in the order they run (group by group) and the groups: each test in exactly
    one group, found by the patterns of its name."""
    if not specs:
        return tests, []

    def fault(loc: tuple[int | str, ...], expected: str, found: str) -> ProblemError:
        key = ".".join(str(part) for part in loc)
        return ProblemError(yaml_path, key, expected, found, line=_line_of(node, loc))

    owner: dict[str, int] = {}
    members: list[list[TestCase]] = []
    for i, spec in enumerate(specs):
        if spec.name in (s.name for s in specs[:i]):
            raise fault(("groups", i, "name"), "a name no other group has", repr(spec.name))
        found = [t for t in tests if any(fnmatchcase(t.name, pattern) for pattern in spec.tests)]
        if not found:
            names = ", ".join(t.name for t in tests[:3])
            raise fault(("groups", i, "tests"), f"patterns that match tests' names ({names}, ...)",
                        f"none matched by {spec.tests}")  # fmt: skip
        for test in found:
            if test.name in owner:
                other = specs[owner[test.name]].name
                raise fault(("groups", i, "tests"), "each test in one group", f"{test.name} in {other} and {spec.name}")
            owner[test.name] = i
        members.append(found)
    alone = [t.name for t in tests if t.name not in owner]
    if alone:
        raise fault(("groups",), "every test in a group", f"{', '.join(alone[:5])} in none")
    if not any(spec.points for spec in specs):
        raise fault(("groups",), "a group worth points", "every group worth 0")
    ordered: list[TestCase] = []
    groups = []
    for spec, found in zip(specs, members, strict=True):
        first = len(ordered) + 1
        ordered += [dataclasses.replace(t, index=first + k) for k, t in enumerate(found)]
        groups.append(Group(spec.name, spec.points, tuple(range(first, len(ordered) + 1))))
    return ordered, groups


def _check_expected(yaml_path: Path, node: yaml.Node | None, spec: ProblemSpec, max_score: int | None) -> None:
    for name, expected in spec.solutions.items():
        if expected.score is None:
            continue
        line = _line_of(node, ("solutions", name))
        if max_score is None:
            raise ProblemError(yaml_path, f"solutions.{name}", "a verdict alone: the problem has no groups",
                               str(expected), line=line)  # fmt: skip
        if not 0 < expected.score <= max_score:
            raise ProblemError(yaml_path, f"solutions.{name}", f"a score from 1 to {max_score}", str(expected),
                               line=line)  # fmt: skip


def _checker(folder: Path, yaml_path: Path, spec: CheckerSpec) -> Checker:
    program = None
    if spec.type == "custom":
        name = spec.program
        if not name or "/" in name or not (folder / name).is_file():
            raise ProblemError(yaml_path, "checker.program", "a checker file in the problem folder", repr(name))
        program = folder / name
    return Checker(kind=spec.type, abs_tol=spec.abs_tol, rel_tol=spec.rel_tol, program=program)


def _interactor(folder: Path, yaml_path: Path, spec: InteractorSpec | None) -> Interactor | None:
    if spec is None:
        return None
    name = spec.source
    if "/" in name or not (folder / name).is_file():
        raise ProblemError(yaml_path, "interactor.source", "an interactor file in the problem folder", repr(name))
    return Interactor(program=folder / name, language=spec.language)


def load_problem(folder: Path, language_ids: set[str] | None = None) -> Problem:
    slug = folder.name
    if not SLUG.match(slug):
        raise ProblemError(folder, "", "a folder name of lower-case letters, digits and '-'", repr(slug))
    if (folder / ".codearena" / "imported.yaml").is_file():  # a Kattis package `codearena import` put here
        from codearena.problems.formats.kattis import load_imported

        return load_imported(folder, language_ids)
    yaml_path = folder / "problem.yaml"
    raw, node = _read_yaml(yaml_path)
    if not isinstance(raw, dict):
        raise ProblemError(yaml_path, "", "a mapping of keys to values", type(raw).__name__)
    try:
        spec = ProblemSpec.model_validate(raw)
    except ValidationError as exc:
        raise InvalidSpec(_spec_faults(yaml_path, node, exc)) from exc
    if language_ids is not None:
        for lang in spec.starter_code:
            if lang not in language_ids:
                line = _line_of(node, ("starter_code", lang))
                expected = f"one of {sorted(language_ids)}"
                raise ProblemError(yaml_path, f"starter_code.{lang}", expected, lang, line=line)
    sections = {"function": spec.function, "design": spec.design, "codec": spec.codec}
    function = function_spec_of(yaml_path, sections, lambda key: _line_of(node, key))
    checker = _checker(folder, yaml_path, spec.checker)
    interactor = _interactor(folder, yaml_path, spec.interactor)
    tests, groups = _grouped(yaml_path, node, spec.groups, _load_tests(folder))
    _check_expected(yaml_path, node, spec, sum(g.points for g in groups) if groups else None)
    starter_code = spec.starter_code
    if function is not None:
        if "checker" in raw and checker.kind != "custom":
            expected = "no checker (results are compared by type), or a custom one"
            raise ProblemError(yaml_path, "checker", expected, checker.kind, line=_line_of(node, ("checker",)))
        if checker.kind != "custom":
            checker = Checker(kind="function")
        generated = harness.starter_code(function)
        starter_code = {lang: code for lang, code in generated.items() if language_ids is None or lang in language_ids}
        starter_code.update(spec.starter_code)
    statement_path = folder / "statement.md"
    if not statement_path.is_file():
        raise ProblemError(statement_path, "", "the statement in Markdown", "no such file")
    return Problem(
        slug=slug,
        path=folder,
        title=spec.title,
        difficulty=spec.difficulty,
        tags=spec.tags,
        limits=Limits(spec.time_limit_ms, spec.memory_limit_mb, spec.output_limit_kb),
        checker=checker,
        stop_on_first_failure=spec.stop_on_first_failure,
        starter_code=starter_code,
        solutions=spec.solutions,
        statement=statement_path.read_text(encoding="utf-8", errors="replace"),
        tests=tests,
        groups=groups,
        interactor=interactor,
        function=function,
    )


def problem_folders(root: Path) -> list[Path]:
    """The folders of `root` that are problems (or ought to be), in order; raises ProblemError
    when `root` is not a folder."""
    if not root.is_dir():
        raise ProblemError(root, "", "a folder of problems", "no such folder")
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))


def try_load_problem(folder: Path, language_ids: set[str] | None = None) -> Problem | ProblemError:
    """The problem in `folder`, or why it does not load (unreadable files included)."""
    try:
        return load_problem(folder, language_ids)
    except ProblemError as exc:
        return exc
    except (OSError, UnicodeDecodeError) as exc:
        return ProblemError(folder, "", "readable files", str(exc))


def load_problem_folders(
    root: Path, language_ids: set[str] | None = None
) -> tuple[dict[str, Problem], dict[str, ProblemError]]:
    """Every problem under `root` that loads by slug, and the error of each folder that does
    not by folder name; raises ProblemError when `root` is not a folder."""
    problems: dict[str, Problem] = {}
    errors: dict[str, ProblemError] = {}
    for folder in problem_folders(root):
        loaded = try_load_problem(folder, language_ids)
        if isinstance(loaded, ProblemError):
            errors[folder.name] = loaded
        else:
            problems[loaded.slug] = loaded
    return problems, errors


def load_problems(root: Path, language_ids: set[str] | None = None) -> tuple[dict[str, Problem], list[ProblemError]]:
    """Every problem under `root` that loads, and an error for each one that does not."""
    try:
        problems, errors = load_problem_folders(root, language_ids)
    except ProblemError as exc:
        return {}, [exc]
    return problems, list(errors.values())


def resolve_problem(ref: str, root: Path, language_ids: set[str] | None = None) -> Problem:
    """A problem named by slug (in `root`) or by the path of its folder."""
    path = Path(ref)
    folder = path if (path / "problem.yaml").is_file() else root / ref
    if not (folder / "problem.yaml").is_file():
        raise ProblemError(Path(ref), "", f"a problem slug in {root} or a problem folder", "no such problem")
    return load_problem(folder, language_ids)
