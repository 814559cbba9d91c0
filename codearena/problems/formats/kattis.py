"""Kattis problem packages (the `legacy` and `2023-07` versions of the problem package format),
read into CodeArena's problem model.

`read_package` reads a package folder as it is: problem.yaml, the test data (data/sample,
data/secret and their groups, testdata.yaml), the output validator (the default one and its
flags, or the package's own program), the input validators, the example submissions and where
the statement is. An interactive problem's output validator becomes its interactor. What CodeArena
cannot do is a Finding, by name: a fatal one (a custom grader, say) means the problem cannot be served as Kattis would judge it.

`load_imported` loads a package that `codearena import` has checked and put in the problems
folder: the time limit it measured and the statement it converted are in .codearena/ beside it
(files starting with a dot are not part of a package). Reading runs nothing.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from codearena.judging.default_validator import parse_flags
from codearena.judging.validators import program_language
from codearena.problems.formats.kattis_data import Case, Finding, Node, read_tree
from codearena.problems.formats.kattis_programs import (
    PackageProgram,
    PackageSubmission,
    input_validators,
    programs,
    submissions,
)
from codearena.problems.formats.kattis_scoring import check_scoring
from codearena.problems.model import (
    SLUG,
    Checker,
    Difficulty,
    Group,
    Interactor,
    Limits,
    Problem,
    ProblemError,
    TestCase,
)
from codearena.problems.native import _read_yaml as read_yaml

SIDECAR = Path(".codearena")
IMPORTED = SIDECAR / "imported.yaml"  # what the import measured and decided; marks an imported package
STATEMENT_FILE = SIDECAR / "statement.md"
VERSIONS = {"legacy": "legacy", "2023-07-draft": "2023-07", "2023-07": "2023-07"}
KEYS = {
    "legacy": {"problem_format_version", "type", "name", "uuid", "author", "source", "source_url", "license",
               "rights_owner", "limits", "validation", "validator_flags", "grading", "keywords"},
    "2023-07": {"problem_format_version", "type", "name", "uuid", "version", "credits", "source", "license",
                "rights_owner", "embargo_until", "limits", "keywords", "languages", "allow_file_writing",
                "constants"},
}  # fmt: skip
DEFAULT_MEMORY_MB = 1024
MAX_MEMORY_MB = 2048
DEFAULT_OUTPUT_MB = 8


@dataclass(frozen=True)
class Timing:
    """How the time limit is set: fixed by the package, or from its accepted submissions' time."""

    fixed_ms: int | None
    ac_to_time_limit: float
    time_limit_to_tle: float
    resolution_ms: int


@dataclass(frozen=True)
class Statement:
    path: Path
    language: str  # "en"
    kind: str  # "tex" or "md"


@dataclass
class Package:
    folder: Path
    version: str  # "legacy" or "2023-07"
    problem: Problem  # its time limit is a placeholder until measured, its statement empty
    scoring: bool
    timing: Timing
    statement: Statement | None
    submissions: list[PackageSubmission] = field(default_factory=list)
    input_validators: list[PackageProgram] = field(default_factory=list)
    tree: Node | None = None
    findings: list[Finding] = field(default_factory=list)

    @property
    def fatal(self) -> list[Finding]:
        return [f for f in self.findings if f.fatal]

    def input_flags(self, case_name: str, validator: str) -> list[str]:
        """The arguments an input validator gets for a test (its group's input_validator_flags)."""
        case = next(c for c in self.tree.cases() if c.name == case_name) if self.tree else None
        flags = case.config["input_validator_flags"] if case else ""
        if isinstance(flags, dict):
            flags = flags.get(validator, "")
        return str(flags or "").split()


def _mapping(value: Any, path: Path, key: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ProblemError(path, key, "a mapping", repr(value)[:80])
    return value


def _number(value: Any, path: Path, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value <= 0:
        raise ProblemError(path, key, "a positive number", repr(value)[:80])
    return float(value)


def _title(raw: dict[str, Any], statement: Statement | None) -> str:
    name = raw.get("name")
    if isinstance(name, dict):
        name = name.get("en") or next(iter(name.values()), None)
    if isinstance(name, str) and name.strip():
        return name.strip()[:200]
    if statement is not None and statement.kind == "tex":
        found = re.search(r"\\problemname\{([^{}]*)\}", statement.path.read_text(encoding="utf-8", errors="replace"))
        if found and found.group(1).strip():
            return found.group(1).strip()[:200]
    return ""


def _statement(folder: Path, version: str, findings: list[Finding]) -> Statement | None:
    """The English statement (else the first language found): .tex or .md."""
    directories = ["problem_statement", "statement"] if version == "legacy" else ["statement", "problem_statement"]
    for directory in directories:
        found: dict[str, Statement] = {}
        pdf = False
        for path in sorted((folder / directory).glob("problem*")) if (folder / directory).is_dir() else []:
            match = re.fullmatch(r"problem(?:\.([a-z]{2,3}(?:-[A-Z]{2})?))?\.(tex|md|pdf)", path.name)
            if match and match.group(2) == "pdf":
                pdf = True
            elif match:
                language = match.group(1) or "en"
                found.setdefault(language, Statement(path, language, match.group(2)))
        if found:
            chosen = found.get("en") or found[sorted(found)[0]]
            if chosen.language != "en":
                findings.append(Finding(f"no English statement: the {chosen.language} one is shown", "", fatal=False))
            return chosen
        if pdf:
            findings.append(Finding("statements in PDF only", directory + "/"))
            return None
    findings.append(Finding("a problem statement (problem.en.tex or problem.en.md)", "none found"))
    return None


def _timing(folder: Path, version: str, limits: dict[str, Any], yaml_path: Path) -> Timing:
    fixed_s: float | None = None
    timelimit = folder / ".timelimit"
    if timelimit.is_file():
        text = timelimit.read_text(encoding="utf-8", errors="replace").strip()
        try:
            fixed_s = _number(float(text), timelimit, "")
        except ValueError:
            raise ProblemError(timelimit, "", "a time limit in seconds", repr(text[:40])) from None
    if version == "legacy":
        ac = _number(limits.get("time_multiplier", 5.0), yaml_path, "limits.time_multiplier")
        tle = _number(limits.get("time_safety_margin", 2.0), yaml_path, "limits.time_safety_margin")
        resolution = 1.0
    else:
        multipliers = _mapping(limits.get("time_multipliers"), yaml_path, "limits.time_multipliers")
        ac = _number(multipliers.get("ac_to_time_limit", 2.0), yaml_path, "limits.time_multipliers.ac_to_time_limit")
        tle = _number(multipliers.get("time_limit_to_tle", 1.5), yaml_path,
                      "limits.time_multipliers.time_limit_to_tle")  # fmt: skip
        resolution = _number(limits.get("time_resolution", 1.0), yaml_path, "limits.time_resolution")
        if "time_limit" in limits:
            fixed_s = _number(limits["time_limit"], yaml_path, "limits.time_limit")
    fixed_ms = math.ceil(fixed_s * 1000) if fixed_s is not None else None
    if fixed_ms is not None and fixed_ms > 60_000:
        raise ProblemError(yaml_path, "limits.time_limit", "at most 60 seconds", f"{fixed_s:g}")
    return Timing(fixed_ms, ac, tle, max(1, round(resolution * 1000)))


def _checker(folder: Path, version: str, raw: dict[str, Any], tree: Node, findings: list[Finding]) -> Checker:
    validation = str(raw.get("validation", "default")).split() if version == "legacy" else []
    flag_sets = {
        tuple(str(raw.get("validator_flags", "") or "").split() + str(c.config["output_validator_flags"]).split())
        for c in tree.cases()
    }  # fmt: skip
    if len(flag_sets) > 1:
        findings.append(Finding("output_validator_flags that differ between groups", "testdata.yaml"))
    flags = min(flag_sets)
    if "score" in validation[1:]:
        findings.append(Finding("output validators that give scores (validation: custom score)", "problem.yaml"))
    directory = "output_validators" if version == "legacy" else "output_validator"
    other = "output_validator" if version == "legacy" else "output_validators"  # the other version's name
    found = programs(folder / directory) or programs(folder / other)
    custom = (validation[:1] == ["custom"]) if version == "legacy" else bool(found)
    if not custom:
        try:
            parse_flags(flags)
        except ValueError as exc:
            findings.append(Finding(f"default output validator flags: {exc}", "validator_flags"))
        return Checker(kind="kattis", flags=flags)
    if len(found) != 1:
        findings.append(Finding(f"{len(found)} output validators (one is supported)", directory + "/"))
        return Checker(kind="kattis", flags=flags)
    language = program_language(found[0])
    if language is None:
        findings.append(Finding("an output validator in a language CodeArena does not run (Python, JavaScript, "
                                "Java or C++)", f"{directory}/{found[0].name}"))  # fmt: skip
    return Checker(kind="custom", program=found[0], language=language or "cpp", flags=flags)


def _interactor(checker: Checker, findings: list[Finding]) -> Interactor | None:
    """An interactive problem's output validator is its interactor (the Kattis convention, which
    CodeArena's interactors follow: `program input answer feedback_dir [flags]`, 42 or 43)."""
    if checker.kind != "custom" or checker.program is None:
        findings.append(Finding("an interactive problem without its output validator (the interactor)",
                                "output_validator/"))  # fmt: skip
        return None
    return Interactor(program=checker.program, language=checker.language or "cpp", flags=checker.flags)


def _types(raw: dict[str, Any], version: str) -> set[str]:
    if version == "legacy":
        kinds = {str(raw.get("type", "pass-fail"))}
        validation = str(raw.get("validation", "default")).split()
        if validation[:1] == ["custom"] and "interactive" in validation[1:]:
            kinds.add("interactive")
        return kinds
    kind = raw.get("type", "pass-fail")
    return {str(k) for k in kind} if isinstance(kind, list) else {str(kind)}


def _tests(tree: Node, scoring: bool, findings: list[Finding]) -> tuple[list[TestCase], list[Group]]:
    def case(index: int, c: Case) -> TestCase:
        return TestCase(index, c.name, c.name.startswith("sample/"), c.input_path, c.answer_path)

    if not scoring:
        return [case(i, c) for i, c in enumerate(tree.cases(), start=1)], []
    plans, problems = check_scoring(tree)
    findings += problems
    tests: list[TestCase] = []
    groups = []
    for plan in plans:
        first = len(tests) + 1
        tests += [case(first + k, c) for k, c in enumerate(plan.cases)]
        groups.append(Group(plan.name, plan.points, tuple(range(first, len(tests) + 1))))
    return tests or [case(i, c) for i, c in enumerate(tree.cases(), start=1)], groups


def read_package(folder: Path, language_ids: set[str]) -> Package:
    """The package in `folder`; raises ProblemError when it cannot be read at all."""
    yaml_path = folder / "problem.yaml"
    raw, _ = read_yaml(yaml_path)
    raw = _mapping(raw, yaml_path, "")
    findings: list[Finding] = []
    version = VERSIONS.get(str(raw.get("problem_format_version", "legacy")))
    if version is None:
        supported = "legacy or 2023-07"
        raise ProblemError(yaml_path, "problem_format_version", supported, repr(raw["problem_format_version"]))
    for key in sorted(set(raw) - KEYS[version]):
        findings.append(Finding(f"problem.yaml key {key!r} (not of the {version} format)", "problem.yaml", False))
    kinds = _types(raw, version)
    for kind in sorted(kinds - {"pass-fail", "scoring", "interactive"}):
        findings.append(Finding(f"{kind} problems", "problem.yaml"))
    scoring = "scoring" in kinds
    grading = _mapping(raw.get("grading"), yaml_path, "grading") if version == "legacy" else {}
    if grading.get("objective", "max") != "max":
        findings.append(Finding("scores to minimise (grading: objective: min)", "problem.yaml"))
    limits = _mapping(raw.get("limits"), yaml_path, "limits")
    memory_mb = int(_number(limits.get("memory", DEFAULT_MEMORY_MB), yaml_path, "limits.memory"))
    if memory_mb > MAX_MEMORY_MB:
        raise ProblemError(yaml_path, "limits.memory", f"at most {MAX_MEMORY_MB} MiB", f"{memory_mb} MiB")
    output_mb = _number(limits.get("output", DEFAULT_OUTPUT_MB), yaml_path, "limits.output")
    timing = _timing(folder, version, limits, yaml_path)
    for directory in ("include", "graders"):
        if (folder / directory).is_dir():
            what = "code included in submissions" if directory == "include" else "custom graders"
            findings.append(Finding(what, directory + "/"))
    if (folder / "attachments").is_dir():
        findings.append(Finding("attachments (not offered for download)", "attachments/", fatal=False))
    statement = _statement(folder, version, findings)
    tree = read_tree(folder / "data", findings)
    tests, groups = _tests(tree, scoring, findings)
    keywords = raw.get("keywords", "")
    tags = (keywords.split() if isinstance(keywords, str) else [str(k) for k in keywords or []])[:20]
    checker = _checker(folder, version, raw, tree, findings)
    interactor = _interactor(checker, findings) if "interactive" in kinds else None
    slug = folder.name.lower()
    problem = Problem(
        slug=slug if SLUG.match(slug) else "imported",
        path=folder,
        title=_title(raw, statement) or folder.name,
        difficulty=Difficulty.MEDIUM,
        limits=Limits(timing.fixed_ms or 1000, memory_mb, min(65536, int(output_mb * 1024))),
        statement="",
        tags=tags,
        checker=Checker(kind="kattis") if interactor else checker,
        tests=tests,
        groups=groups,
        assets_dir=statement.path.parent if statement else None,
        interactor=interactor,
        sample_interactions=sorted((folder / "data" / "sample").glob("*.interaction")) if interactor else [],
    )
    return Package(
        folder=folder,
        version=version,
        problem=problem,
        scoring=scoring,
        timing=timing,
        statement=statement,
        submissions=submissions(folder, version, language_ids, findings),
        input_validators=input_validators(folder, findings),
        tree=tree,
        findings=findings,
    )


def is_imported(folder: Path) -> bool:
    return (folder / IMPORTED).is_file()


def load_imported(folder: Path, language_ids: set[str] | None = None) -> Problem:
    """A package `codearena import` put in the problems folder, with what it measured."""
    package = read_package(folder, language_ids or set())
    if package.fatal:
        raise ProblemError(folder, "", "a package CodeArena can judge", "; ".join(map(str, package.fatal)))
    sidecar = folder / IMPORTED
    try:
        facts = yaml.safe_load(sidecar.read_text(encoding="utf-8"))
        time_limit_ms = int(facts["time_limit_ms"])
        difficulty = Difficulty(facts.get("difficulty", "medium"))
    except (yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise ProblemError(sidecar, "", "the import's record (time_limit_ms, difficulty)", str(exc)) from exc
    problem = package.problem
    problem.slug = folder.name
    problem.difficulty = difficulty
    problem.limits = Limits(time_limit_ms, problem.limits.memory_limit_mb, problem.limits.output_limit_kb)
    statement = folder / STATEMENT_FILE
    problem.statement = statement.read_text(encoding="utf-8", errors="replace") if statement.is_file() else ""
    return problem
