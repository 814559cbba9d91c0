"""Importing a Kattis problem package: check it all in the sandbox, and only then serve it.

The package (a folder, or a .zip/.kpp archive) is copied into a hidden folder of the problems
folder and read there. Then, all in sandboxes: the statement is converted, the output validator
built, the input validators run on every test, and the package's own submissions judged, each
against its folder's rule (import_rules). The accepted ones set the time limit (unless the
package fixes one); the others are judged under it. Submissions in languages CodeArena does not
have are listed as skipped. Only when everything passed is the folder renamed to its slug in the
problems folder, in one step, with what was measured in .codearena/; until then, and whatever
fails, nothing of it is served, and the hidden folder is removed.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import os
import secrets
import shutil
import time
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import yaml

from codearena.domain.verdicts import JudgeResult
from codearena.judging.validators import ACCEPT_EXIT, Built, ProgramError, ending
from codearena.languages import Language
from codearena.problems.formats.kattis import (
    IMPORTED,
    STATEMENT_FILE,
    Package,
    is_imported,
    load_imported,
    read_package,
)
from codearena.problems.formats.kattis_data import Finding
from codearena.problems.formats.kattis_programs import PackageSubmission
from codearena.problems.import_report import ImportFailed, ImportOptions, ImportReport, SubmissionOutcome
from codearena.problems.import_rules import (
    MAX_TIME_LIMIT_MS,
    at_time_limit,
    problem_time_ms,
    time_limit_ms,
    tle_margin_ms,
    unmet,
)
from codearena.problems.import_sandbox import ImportSandbox
from codearena.problems.model import SLUG, Checker, Limits, Problem, ProblemError
from codearena.problems.package_files import PackageFileError, copy_folder, unpack_zip
from codearena.problems.statements import StatementError, statement_markdown

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)

CALIBRATION_MS = 10_000  # the time limit accepted submissions are first judged under, when none is fixed
STAGING_PREFIX = ".import-"
RESERVED_SLUGS = frozenset({"import", "reload"})  # /problems/import and /problems/reload are pages


def package_name(source: Path) -> str:
    """The slug a package would get: its folder's name, or the archive's top folder or name."""
    if source.is_dir():
        return source.resolve().name.lower()
    try:
        with zipfile.ZipFile(source) as zf:
            tops = {n.split("/", 1)[0] for n in zf.namelist() if "/" in n and not n.startswith("__MACOSX")}
            if len(tops) == 1 and f"{next(iter(tops))}/problem.yaml" in zf.namelist():
                return next(iter(tops)).lower()
    except (zipfile.BadZipFile, OSError):
        pass
    return source.stem.lower()


@dataclass
class Prepared:
    """A package copied into its hidden folder and read: what is left is the sandbox's part."""

    staging: Path
    package: Package
    target: Path
    options: ImportOptions


async def prepare_import(source: Path, problems_dir: Path, language_ids: set[str], options: ImportOptions,
                         report: ImportReport) -> Prepared:  # fmt: skip
    """Copy the package into a hidden folder of `problems_dir` and read it, running nothing;
    raises ImportFailed (the hidden folder removed) when it cannot be imported."""
    slug = options.slug or package_name(source)
    report.slug = slug
    if not SLUG.match(slug) or slug in RESERVED_SLUGS:
        raise ImportFailed(f"{slug!r} cannot name a problem: lower-case letters, digits and '-' (pass --slug)")
    target = problems_dir / slug
    if target.exists() and not (options.replace and is_imported(target)):
        how = "an imported problem: pass --replace" if is_imported(target) else "not imported: choose another --slug"
        raise ImportFailed(f"a problem {slug!r} exists already ({how})")
    staging = problems_dir / f"{STAGING_PREFIX}{secrets.token_hex(6)}"
    try:
        folder = await asyncio.to_thread(_take_files, source, staging)
        package = await asyncio.to_thread(_read, folder, language_ids, report)
    except BaseException:
        await asyncio.to_thread(shutil.rmtree, staging, True)
        raise
    package.problem.slug = slug
    return Prepared(staging, package, target, options)


async def finish_import(prepared: Prepared, sandbox: ImportSandbox, report: ImportReport) -> ImportReport:
    """Check the prepared package in the sandbox and serve it if all is well; the hidden folder
    is removed either way."""
    started = time.monotonic()
    try:
        await _check_and_serve(prepared, sandbox, report)
        report.ok = True
    except ImportFailed as exc:
        report.error = str(exc)
        report.say(f"not imported: {exc}")
    except Exception as exc:  # a fault of ours must not leave a half import behind
        log.exception("importing %s failed", report.source)
        report.error = f"the import failed: {exc}"
        report.say(f"not imported: {report.error}")
    finally:
        await asyncio.to_thread(shutil.rmtree, prepared.staging, True)
        report.seconds += time.monotonic() - started
        report.finished = True
    if report.ok:
        report.say(f"imported as {report.slug} in {report.seconds:.1f} s")
    return report


async def import_package(
    source: Path,
    problems_dir: Path,
    sandbox: ImportSandbox,
    options: ImportOptions = ImportOptions(),  # noqa: B008 - frozen
    report: ImportReport | None = None,
) -> ImportReport:
    """Import the package at `source` into `problems_dir`; the report says how it went."""
    report = report or ImportReport(options.source_name or str(source))
    started = time.monotonic()
    try:
        prepared = await prepare_import(source, problems_dir, set(sandbox.languages), options, report)
    except ImportFailed as exc:
        report.error = str(exc)
        report.say(f"not imported: {exc}")
        report.finished = True
        return report
    report.seconds = time.monotonic() - started
    return await finish_import(prepared, sandbox, report)


async def _check_and_serve(prepared: Prepared, sandbox: ImportSandbox, report: ImportReport) -> None:
    package, options = prepared.package, prepared.options
    await _convert_statement(package, report.slug, report)
    await _build_output_validator(package, sandbox, report)
    await _validate_inputs(package, sandbox, report)
    package.problem.limits = await _judge_submissions(package, sandbox, options, report)
    await asyncio.to_thread(_write_record, package, options, report)
    await asyncio.to_thread(_go_live, package.folder, prepared.target, prepared.staging, options.replace)


def _take_files(source: Path, staging: Path) -> Path:
    staging.mkdir()
    try:
        if source.is_dir():
            copy_folder(source, staging / "package")
            return staging / "package"
        if source.is_file() and zipfile.is_zipfile(source):
            (staging / "unpacked").mkdir()
            return unpack_zip(source, staging / "unpacked")
    except PackageFileError as exc:
        raise ImportFailed(str(exc)) from exc
    except OSError as exc:
        raise ImportFailed(f"cannot read the package: {exc}") from exc
    raise ImportFailed(f"{source}: neither a package folder nor a .zip/.kpp archive")


def _read(folder: Path, language_ids: set[str], report: ImportReport) -> Package:
    try:
        package = read_package(folder, language_ids)
    except ProblemError as exc:
        raise ImportFailed(str(exc).replace(str(folder) + "/", "")) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportFailed(f"cannot read the package: {exc}") from exc
    report.title = package.problem.title
    report.findings = package.findings
    problem = package.problem
    shape = f"{len(problem.tests)} tests ({len(problem.samples)} samples)"
    if problem.groups:
        shape += ", groups " + ", ".join(f"{g.name} ({g.points} points)" for g in problem.groups)
    report.say(f"{report.slug}: “{problem.title}”, {package.version} format, {shape}")
    for finding in package.findings:
        report.say(("unsupported: " if finding.fatal else "note: ") + str(finding))
    if package.fatal:
        raise ImportFailed("the package uses what CodeArena does not support: " + "; ".join(map(str, package.fatal)))
    return package


async def _convert_statement(package: Package, slug: str, report: ImportReport) -> None:
    statement = package.statement
    assert statement is not None  # a package without one has a fatal finding
    try:
        markdown, missing = await statement_markdown(statement.path, statement.kind, f"/problems/{slug}/assets")
    except StatementError as exc:
        raise ImportFailed(f"statement {statement.path.name}: {exc}") from exc
    for name in missing:
        finding = Finding(f"an image the statement shows that cannot be served: {name}", statement.path.name, False)
        report.findings.append(finding)
        report.say(f"note: {finding}")
    (package.folder / STATEMENT_FILE).parent.mkdir(exist_ok=True)
    (package.folder / STATEMENT_FILE).write_text(markdown, encoding="utf-8")
    how = "converted by pandoc" if statement.kind == "tex" else "used as it is"
    report.say(f"statement: {statement.path.parent.name}/{statement.path.name} {how}")


async def _build_output_validator(package: Package, sandbox: ImportSandbox, report: ImportReport) -> None:
    checker = package.problem.checker
    interactor = package.problem.interactor
    if interactor is not None:  # an interactive problem's output validator is its interactor
        checker = Checker(kind="custom", program=interactor.program, language=interactor.language)
    if checker.kind != "custom":
        flags = " ".join(checker.flags)
        report.say("output: the default validator" + (f" ({flags})" if flags else ""))
        return
    assert checker.program is not None and checker.language is not None
    started = time.monotonic()
    try:
        await sandbox.build(checker.program, checker.language)
    except ProgramError as exc:
        raise ImportFailed(f"output validator: {exc}") from exc
    language = sandbox.languages.get(checker.language)
    shown = language.name if language else checker.language
    what = "interactor (the output validator)" if interactor else "output validator"
    report.say(f"{what} {checker.program.name} ({shown}): built in the sandbox in "
               f"{time.monotonic() - started:.1f} s")  # fmt: skip


async def _validate_inputs(package: Package, sandbox: ImportSandbox, report: ImportReport) -> None:
    if not package.input_validators:
        report.say("input validators: none that CodeArena runs")
        return
    cases = package.tree.cases() if package.tree else []
    for validator in package.input_validators:
        assert validator.language is not None
        try:
            built = await sandbox.build(validator.path, validator.language)
        except ProgramError as exc:
            raise ImportFailed(f"input validator: {exc}") from exc

        async def check(name: str, data: bytes, built: Built = built, program: str = validator.path.name) -> None:
            reply = await sandbox.run(built, package.input_flags(name, program), data)
            end = ending(reply)
            if end != ACCEPT_EXIT:
                why = (reply.stderr or reply.stdout).decode("utf-8", "replace").strip().splitlines()
                how = f"exit code {end}" if isinstance(end, int) else end
                report.invalid_tests.append(f"{name}: {program} {how}" + (f": {why[-1][:200]}" if why else ""))

        try:
            await asyncio.gather(*(check(c.name, c.input_path.read_bytes()) for c in cases))
        except ProgramError as exc:
            raise ImportFailed(f"input validator {validator.path.name}: {exc}") from exc
        language = sandbox.languages.get(validator.language)
        shown = language.name if language else validator.language
        report.say(f"input validator {validator.path.name} ({shown}): run on {len(cases)} tests")
    for line in report.invalid_tests:
        report.say(f"invalid input: {line}")
    if report.invalid_tests:
        raise ImportFailed(f"{len(report.invalid_tests)} tests' input failed validation")


async def _judge_submissions(
    package: Package, sandbox: ImportSandbox, options: ImportOptions, report: ImportReport
) -> Limits:
    problem = package.problem
    runnable: list[tuple[PackageSubmission, Language, str]] = []
    for submission in package.submissions:
        reason = _why_skipped(submission, sandbox, options)
        if isinstance(reason, str):
            report.submissions.append(SubmissionOutcome(submission.name, submission.language_name, "skipped", reason))
            continue
        runnable.append((submission, *reason))
    accepted = [r for r in runnable if r[0].folder == "accepted"]
    if not accepted and package.timing.fixed_ms is None:
        raise ImportFailed("no accepted submission in a language CodeArena has: the time limit cannot be measured")
    calibration = package.timing.fixed_ms or CALIBRATION_MS
    limits = problem.limits
    started = time.monotonic()
    results = await _judge_all(dataclasses.replace(problem, limits=_with_time(limits, calibration)), accepted,
                               sandbox)  # fmt: skip
    slowest = max((problem_time_ms(result, lang) for (_, lang, _), result in zip(accepted, results, strict=True)),
                  default=0.0)  # fmt: skip
    limit_ms = time_limit_ms(package.timing, slowest)
    if limit_ms > MAX_TIME_LIMIT_MS:
        raise ImportFailed(f"the accepted submissions need a time limit of {limit_ms / 1000:g} s (at most 60 s)")
    report.time_limit_ms = limit_ms
    how = "fixed by the package" if package.timing.fixed_ms else (
        f"slowest accepted {slowest:.0f} ms times {package.timing.ac_to_time_limit:g}, rounded up")
    report.say(f"time limit: {limit_ms} ms ({how})")
    # Those that must run out of time are judged under the time limit itself (under the margin
    # they would only take longer to); the others under the margin, and read at the limit too.
    slow = [r for r in runnable if r[0].folder == "time_limit_exceeded"]
    others = [r for r in runnable if r[0].folder not in ("accepted", "time_limit_exceeded")]
    margin_ms = tle_margin_ms(package.timing, limit_ms)
    if others and margin_ms > limit_ms:
        report.say(f"other submissions: judged under {margin_ms} ms (the time limit times "
                   f"{package.timing.time_limit_to_tle:g}) and read at {limit_ms} ms too")  # fmt: skip
    runs = await asyncio.gather(
        _judge_all(dataclasses.replace(problem, limits=_with_time(limits, limit_ms)), slow, sandbox),
        _judge_all(dataclasses.replace(problem, limits=_with_time(limits, margin_ms)), others, sandbox),
    )
    results += runs[0] + runs[1]
    others = slow + others
    for (submission, language, _), result in zip(accepted + others, results, strict=True):
        state, detail = _outcome(package, submission, language, result, limit_ms)
        report.submissions.append(SubmissionOutcome(submission.name, f"{submission.language_name}", state, detail))
    report.submissions.sort(key=lambda s: ({"failed": 0, "ok": 1, "skipped": 2}[s.state], s.name))
    for outcome in report.submissions:
        report.say(f"{outcome.state:<8} {outcome.name} ({outcome.language}): {outcome.detail}")
    judged = len(runnable)
    report.say(f"submissions: {judged} judged in {time.monotonic() - started:.1f} s, "
               f"{len(package.submissions) - judged} skipped")  # fmt: skip
    failed = [s for s in report.submissions if s.state == "failed"]
    if failed:
        raise ImportFailed(f"{len(failed)} submissions did not get their folder's verdict")
    return _with_time(limits, limit_ms)


def _outcome(
    package: Package, submission: PackageSubmission, language: Language, result: JudgeResult, limit_ms: int
) -> tuple[Literal["ok", "failed"], str]:
    """Whether the submission fits its folder's rule, judged under the time limit or (outside
    accepted/) under the margin over it, and what it got."""
    if submission.folder == "accepted":
        fault = unmet(submission.folder, package.version, result)
        return ("failed", fault) if fault else ("ok", _summary(result))
    strict = at_time_limit(result, package.problem.groups, language, limit_ms)
    fault_strict = unmet(submission.folder, package.version, strict)
    fault = unmet(submission.folder, package.version, result)
    if fault_strict and fault:
        return "failed", fault_strict
    if strict.verdict == result.verdict:
        return "ok", _summary(result)
    return "ok", f"{_summary(result)}; sensitive to the time limit: {strict.verdict.value} under {limit_ms} ms"


def _why_skipped(
    submission: PackageSubmission, sandbox: ImportSandbox, options: ImportOptions
) -> str | tuple[Language, str]:
    """Why the submission is not judged, or its language and source."""
    if submission.language is None or submission.language not in sandbox.languages:
        if submission.language_name == "a folder of files":
            return "a folder of files: submissions of several files are not judged"
        return f"CodeArena has no {submission.language_name}"
    data = submission.path.read_bytes()
    if len(data) > options.max_source_kb * 1024:
        return f"larger than the {options.max_source_kb} KiB a source may be"
    try:
        return sandbox.languages[submission.language], data.decode("utf-8")
    except UnicodeDecodeError:
        return "not UTF-8 text"


async def _judge_all(
    problem: Problem, entries: list[tuple[PackageSubmission, Language, str]], sandbox: ImportSandbox
) -> list[JudgeResult]:
    return list(await asyncio.gather(*(sandbox.judge(problem, lang, source) for _, lang, source in entries)))


def _with_time(limits: Limits, time_limit_ms: int) -> Limits:
    return Limits(time_limit_ms, limits.memory_limit_mb, limits.output_limit_kb)


def _summary(result: JudgeResult) -> str:
    ran = [t for t in result.tests if t.verdict.value != "skipped"]
    score = f" {result.score}/{result.max_score}" if result.score is not None else ""
    reason = f" ({result.reason})" if result.reason else ""
    return f"{result.verdict.value}{score}{reason}, {len(ran)} tests run, max {result.time_ms} ms"


def _write_record(package: Package, options: ImportOptions, report: ImportReport) -> None:
    record = {
        "format": f"kattis {package.version}",
        "source": report.source,
        "imported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "time_limit_ms": report.time_limit_ms,
        "difficulty": options.difficulty.value,
        "submissions": {s.name: f"{s.state}: {s.detail}" for s in report.submissions},
        "notes": [str(f) for f in report.findings],
    }
    (package.folder / IMPORTED).write_text(yaml.safe_dump(record, sort_keys=False, allow_unicode=True))
    load_imported(package.folder)  # it must load as the server will load it, before it is served


def _go_live(folder: Path, target: Path, staging: Path, replace: bool) -> None:
    """Put the checked package in place in one rename (the one it replaces moved aside first)."""
    if target.exists():
        if not (replace and is_imported(target)):  # made while this package was being checked
            raise ImportFailed(f"a problem {target.name!r} was added while this one was checked")
        os.rename(target, staging / "replaced")
    try:
        os.rename(folder, target)
    except OSError:
        if (staging / "replaced").exists():
            os.rename(staging / "replaced", target)
        raise
