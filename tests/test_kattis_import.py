"""`codearena import` without Docker: packages' files taken safely, the checks' order and rules,
and the all-or-nothing placement in the problems folder (FakeImportSandbox stands in for the
sandbox; tests/test_kattis_sandbox.py imports the problemtools examples for real)."""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

import pytest
from fakes import FakeImportSandbox, FakeJudge
from kattis_helpers import KATTIS, copy_example, write_package, zip_folder

from codearena.cli import main
from codearena.domain.verdicts import JudgeResult, TestResult, Verdict
from codearena.languages import Language, load_languages
from codearena.problems import package_files
from codearena.problems.formats.kattis import Timing, load_imported
from codearena.problems.import_report import ImportOptions, ImportReport
from codearena.problems.import_rules import at_time_limit, time_limit_ms, tle_margin_ms, unmet
from codearena.problems.importer import finish_import, import_package, prepare_import
from codearena.problems.model import Group
from codearena.problems.native import load_problems
from codearena.problems.statements import latex_to_markdown, pandoc_available, point_images


@pytest.fixture
def sandbox(languages: dict[str, Language]) -> FakeImportSandbox:
    return FakeImportSandbox(FakeJudge(), languages)


@pytest.fixture
def problems(tmp_path: Path) -> Path:
    folder = tmp_path / "problems"
    folder.mkdir()
    return folder


def left_in(problems: Path) -> list[str]:
    return sorted(p.name for p in problems.iterdir())


async def test_a_package_checked_then_served_with_what_was_measured(
    tmp_path: Path, problems: Path, sandbox: FakeImportSandbox
) -> None:
    source = write_package(tmp_path / "tiny")
    report = await import_package(source, problems, sandbox)
    assert report.ok and report.finished and report.error == "", report.lines
    assert left_in(problems) == ["tiny"], "no hidden folder is left behind"
    assert report.time_limit_ms == 1000, "5 ms (the fake judge's) x 2, rounded up to the 1 s resolution"
    outcomes = {s.name: (s.state, s.detail) for s in report.submissions}
    assert outcomes["accepted/sum.py"][0] == "ok" and outcomes["wrong_answer/bad.py"][0] == "ok"
    assert outcomes["accepted/sum.hs"] == ("skipped", "CodeArena has no Haskell")
    assert sandbox.built == ["validate.py"], "the input validator, built once"
    loaded, errors = load_problems(problems, set(sandbox.languages))
    assert errors == []
    problem = loaded["tiny"]
    assert (problem.title, problem.tags, problem.limits.time_limit_ms) == ("Tiny Sum", ["math"], 1000)
    assert "![two numbers](/problems/tiny/assets/picture.png)" in problem.statement
    assert problem.assets_dir == problems / "tiny" / "statement"
    assert report.lines[-1].startswith("imported as tiny in ")


async def test_a_submission_against_its_folder_stops_the_import_and_nothing_is_served(
    tmp_path: Path, problems: Path, sandbox: FakeImportSandbox
) -> None:
    source = write_package(tmp_path / "tiny", {"submissions/wrong_answer/bad.py": "accept\n"})
    report = await import_package(source, problems, sandbox)
    assert not report.ok and report.error == "1 submissions did not get their folder's verdict"
    failed = [s for s in report.submissions if s.state == "failed"]
    assert [(s.name, s.detail) for s in failed] == [("wrong_answer/bad.py", "no test got WA (accepted)")]
    assert left_in(problems) == []


async def test_input_validation_failures_are_reported_by_test(
    tmp_path: Path, problems: Path, sandbox: FakeImportSandbox
) -> None:
    source = write_package(tmp_path / "tiny", {"data/secret/1.in": "invalid\n"})
    report = await import_package(source, problems, sandbox)
    assert report.invalid_tests == ["secret/1: validate.py exit code 43: not valid"]
    assert report.error == "1 tests' input failed validation" and left_in(problems) == []


async def test_an_interactive_package_imports_with_its_output_validator_as_the_interactor(
    tmp_path: Path, problems: Path, sandbox: FakeImportSandbox
) -> None:
    source = write_package(tmp_path / "talk", {
        "problem.yaml": "problem_format_version: 2023-07\nname: Talk\ntype: interactive\n",
        "output_validator/talk/validate.cc": "int main() { return 42; }\n",
        "data/sample/1.interaction": ">1\n<correct\n",
    })  # fmt: skip
    report = await import_package(source, problems, sandbox)
    assert report.ok, "\n".join(report.lines)
    assert sandbox.built == ["talk", "validate.py"], "the interactor built once, with the input validator"
    assert any(line.startswith("interactor (the output validator) talk (") for line in report.lines), report.lines
    problem = load_imported(problems / "talk")
    assert problem.interactor is not None and problem.interactor.language == "cpp"
    assert problem.interactor.program == problems / "talk" / "output_validator" / "talk"
    assert [p.name for p in problem.sample_interactions] == ["1.interaction"]
    from codearena.services.problems import samples

    assert [s.interaction for s in samples(problem)][-1] == ">1\n<correct\n", "shown on the problem page"


async def test_a_slug_in_use_is_refused_unless_replacing_an_import(
    tmp_path: Path, problems: Path, sandbox: FakeImportSandbox
) -> None:
    (problems / "native").mkdir()
    report = await import_package(write_package(tmp_path / "native"), problems, sandbox)
    assert report.error == "a problem 'native' exists already (not imported: choose another --slug)"
    first = await import_package(write_package(tmp_path / "tiny"), problems, sandbox)
    assert first.ok
    again = await import_package(write_package(tmp_path / "tiny"), problems, sandbox)
    assert again.error == "a problem 'tiny' exists already (an imported problem: pass --replace)"
    renamed = write_package(tmp_path / "v2", {"problem.yaml": "problem_format_version: 2023-07\nname: Tiny v2\n"})
    replaced = await import_package(renamed, problems, sandbox, ImportOptions(slug="tiny", replace=True))
    assert replaced.ok and left_in(problems) == ["native", "tiny"]
    assert load_problems(problems, set(sandbox.languages))[0]["tiny"].title == "Tiny v2"
    bad = await import_package(write_package(tmp_path / "x"), problems, sandbox, ImportOptions(slug="Bad Name"))
    assert bad.error.startswith("'Bad Name' cannot name a problem")


async def test_a_problem_added_while_a_package_is_checked_is_not_overwritten(
    tmp_path: Path, problems: Path, sandbox: FakeImportSandbox
) -> None:
    report = ImportReport("tiny")
    prepared = await prepare_import(write_package(tmp_path / "tiny"), problems, set(sandbox.languages),
                                    ImportOptions(), report)  # fmt: skip
    (problems / "tiny").mkdir()
    (problems / "tiny" / "mine.txt").write_text("kept")
    await finish_import(prepared, sandbox, report)
    assert report.error == "a problem 'tiny' was added while this one was checked"
    assert left_in(problems) == ["tiny"] and (problems / "tiny" / "mine.txt").read_text() == "kept"


def zip_with(archive: Path, name: str, data: bytes = b"x", mode: int | None = None) -> Path:
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("p/problem.yaml", "name: P\n")
        info = zipfile.ZipInfo(name)
        if mode is not None:
            info.external_attr = mode << 16
        zf.writestr(info, data)
    return archive


@pytest.mark.parametrize(
    ("name", "mode", "expected"),
    [
        ("p/../../evil.txt", None, "'p/../../evil.txt': a path outside the package"),
        ("/etc/evil.txt", None, "'/etc/evil.txt': a path outside the package"),
        ("p/data/link", stat.S_IFLNK | 0o777, "'p/data/link': a symbolic link (archives may not hold links)"),
        ("p\\..\\evil.txt", None, "'p\\\\..\\\\evil.txt': a path with a backslash or NUL"),
    ],
)
async def test_an_archive_reaching_out_of_its_folder_is_refused(
    tmp_path: Path, problems: Path, sandbox: FakeImportSandbox, name: str, mode: int | None, expected: str
) -> None:
    archive = zip_with(tmp_path / "p.zip", name, b"/etc/passwd", mode)
    report = await import_package(archive, problems, sandbox)
    assert report.error == expected
    assert left_in(problems) == [] and not (tmp_path / "evil.txt").exists()


async def test_archives_are_unpacked_within_limits(
    tmp_path: Path, problems: Path, sandbox: FakeImportSandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = zip_folder(write_package(tmp_path / "tiny"), tmp_path / "upload.kpp")
    monkeypatch.setattr(package_files, "MAX_PACKAGE_BYTES", 100)
    report = await import_package(archive, problems, sandbox)
    assert report.error.startswith("larger than 0 MiB unpacked (at tiny/"), "counted while extracting"
    monkeypatch.undo()
    report = await import_package(archive, problems, sandbox)
    assert report.ok and left_in(problems) == ["tiny"], "the archive's top folder names it"
    (tmp_path / "junk.zip").write_bytes(b"PK\x03\x04 not really")
    assert (await import_package(tmp_path / "junk.zip", problems, sandbox)).error.endswith(
        "neither a package folder nor a .zip/.kpp archive"
    )


async def test_a_folder_may_link_inside_itself_but_not_outside(
    tmp_path: Path, problems: Path, sandbox: FakeImportSandbox
) -> None:
    oddecho = copy_example("oddecho", tmp_path)
    assert (oddecho / "data/secret/subtask2/1.in").is_symlink()
    package_files.copy_folder(oddecho, tmp_path / "copy")
    copied = tmp_path / "copy/data/secret/subtask2/1.in"
    assert not copied.is_symlink() and copied.read_bytes() == (oddecho / "data/secret/subtask1/1.in").read_bytes()
    outside = write_package(tmp_path / "tiny")
    os.symlink("/etc/hostname", outside / "data/secret/2.in")
    report = await import_package(outside, problems, sandbox)
    assert report.error == "data/secret/2.in: a link to outside the package"
    assert left_in(problems) == []


def test_images_are_pointed_at_the_problem_s_assets(tmp_path: Path) -> None:
    (tmp_path / "cave.jpg").write_bytes(b"jpeg")
    (tmp_path / "plot.png").write_bytes(b"png")
    markdown = (
        '![a cave](cave.jpg) ![plot](plot "Plot") ![far](https://example.org/x.png) ![gone](nope.png) ![up](../x.png)'
    )
    pointed, missing = point_images(markdown, tmp_path, "/problems/p/assets")
    assert pointed == ('![a cave](/problems/p/assets/cave.jpg) ![plot](/problems/p/assets/plot.png "Plot") '
                       "![far](https://example.org/x.png) ![gone](nope.png) ![up](../x.png)")  # fmt: skip
    assert missing == ["nope.png", "../x.png"]


@pytest.mark.skipif(not pandoc_available(), reason="pandoc (Debian's package) converts LaTeX statements")
async def test_latex_statements_become_markdown_with_their_math_and_nothing_from_the_disk() -> None:
    tex = (KATTIS / "oddecho/statement/problem.en.tex").read_text()
    tex += "\n\\illustration{0.3}{cave.jpg}{A cave}\n\\input{/etc/passwd}\n\\begin{Output}Print $x_1*y$.\\end{Output}\n"
    markdown = await latex_to_markdown(tex)
    assert "Odd Echo" not in markdown, "\\problemname is the title, not part of the text"
    assert "## Input\n\nThe first line of the input contains an integer $N$ ($1 \\le N \\le 10$)." in markdown
    assert "| $1$   | $1$    | $N$ is always $5$         |" in markdown
    assert "![A cave](cave.jpg)" in markdown and "## Output\n\nPrint $x_1*y$." in markdown
    assert "root:" not in markdown, "pandoc --sandbox reads no file"


def result(*verdicts: Verdict, overall: Verdict | None = None, score: int | None = None) -> JudgeResult:
    tests = [TestResult(index=i, verdict=v) for i, v in enumerate(verdicts, start=1)]
    failing = next((v for v in verdicts if v not in (Verdict.ACCEPTED, Verdict.SKIPPED)), Verdict.ACCEPTED)
    return JudgeResult(verdict=overall or failing, passed=0, total=len(tests), time_ms=0, memory_kb=0, tests=tests,
                       score=score, max_score=100 if score is not None else None)  # fmt: skip


AC, WA, TLE, RTE, MLE, OLE, SKIP = (Verdict.ACCEPTED, Verdict.WRONG_ANSWER, Verdict.TIME_LIMIT_EXCEEDED,
                                    Verdict.RUNTIME_ERROR, Verdict.MEMORY_LIMIT_EXCEEDED,
                                    Verdict.OUTPUT_LIMIT_EXCEEDED, Verdict.SKIPPED)  # fmt: skip


def test_each_folder_s_rule() -> None:
    assert unmet("accepted", "legacy", result(AC, AC)) is None
    assert unmet("wrong_answer", "legacy", result(AC, WA, AC)) is None
    assert unmet("wrong_answer", "legacy", result(AC, TLE, SKIP)) == (
        "TLE on test 2, which wrong_answer does not permit (time_limit_exceeded)"
    )
    assert unmet("time_limit_exceeded", "legacy", result(WA, TLE, SKIP)) is None, "legacy: may also be wrong"
    assert unmet("time_limit_exceeded", "2023-07", result(WA, TLE, SKIP)) is not None
    assert unmet("run_time_error", "legacy", result(AC, MLE)) is None, "out of memory is a run-time error in Kattis"
    assert unmet("run_time_error", "2023-07", result(AC, OLE)) == (
        "OLE on test 2, which run_time_error does not permit (output_limit_exceeded)"
    )
    assert unmet("rejected", "2023-07", result(AC, AC)) == "no test got RTE or TLE or WA (accepted)"
    assert unmet("brute_force", "2023-07", result(AC, TLE)) is None
    assert unmet("partially_accepted", "2023-07", result(AC, WA, overall=Verdict.PARTIAL, score=50)) is None
    assert (
        unmet("partially_accepted", "2023-07", result(AC, AC, score=100))
        == "expected some of the points, got accepted 100/100"
    )
    compiled = result(SKIP).model_copy(update={"verdict": Verdict.COMPILATION_ERROR, "compile_output": "x.cc:1: error"})
    assert unmet("wrong_answer", "legacy", compiled) == "did not compile: x.cc:1: error"


def test_the_time_limit_from_the_slowest_accepted_submission() -> None:
    legacy = Timing(None, ac_to_time_limit=5, time_limit_to_tle=2, resolution_ms=1000)
    assert time_limit_ms(legacy, 34.0) == 1000 and time_limit_ms(legacy, 201.0) == 2000
    fine = Timing(None, ac_to_time_limit=2, time_limit_to_tle=1.5, resolution_ms=100)
    assert time_limit_ms(fine, 260.0) == 600
    assert time_limit_ms(Timing(2500, 2, 1.5, 1000), 4000.0) == 2500, "the package's own wins"


async def test_the_report_tells_as_it_goes(tmp_path: Path, problems: Path, sandbox: FakeImportSandbox) -> None:
    heard: list[str] = []
    report = ImportReport("tiny", listeners=[heard.append])
    await import_package(write_package(tmp_path / "tiny"), problems, sandbox, report=report)
    assert heard == report.lines and heard[0].startswith("tiny: “Tiny Sum”, 2023-07 format, 2 tests (1 samples)")


def test_the_command_needs_the_sandbox_and_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(tmp_path / "nothing")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert main(["import", str(write_package(tmp_path / "tiny"))]) == 2, "no Docker in the fast tier"
    assert "cannot import without the sandbox" in capsys.readouterr().err


def test_a_run_under_the_margin_is_read_at_the_time_limit_too() -> None:
    python = next(lang for lang in load_languages().values() if lang.time_multiplier > 1)
    cpp = next(lang for lang in load_languages().values() if lang.time_multiplier == 1)
    slow = result(AC, RTE, AC).model_copy(deep=True)
    slow.tests[1].time_ms = 1062  # out of memory after 1.06 s on a slow machine
    strict = at_time_limit(slow, (), cpp, 1000)
    assert [t.verdict for t in strict.tests] == [AC, TLE, SKIP], "judging stops at a time limit"
    assert strict.verdict == TLE and strict.reason == "test 2: time limit (CPU 1062 ms of 1000 ms)"
    assert unmet("run_time_error", "legacy", strict) is not None and unmet("run_time_error", "legacy", slow) is None
    assert at_time_limit(slow, (), python, 1000).verdict == RTE, "Python's multiplier gives it more CPU"
    grouped = result(AC, AC, AC, AC).model_copy(deep=True)
    grouped.tests[0].time_ms = 1500
    groups = [Group("small", 40, (1, 2)), Group("large", 60, (3, 4))]
    strict = at_time_limit(grouped, groups, cpp, 1000)
    assert [t.verdict for t in strict.tests] == [TLE, SKIP, AC, AC], "a time limit stops its own group only"
    assert (strict.verdict, strict.score) == (Verdict.PARTIAL, 60)
    assert tle_margin_ms(Timing(None, 5, 2, 1000), 1000) == 2000
    assert tle_margin_ms(Timing(None, 2, 1.5, 100), 700) == 1050
