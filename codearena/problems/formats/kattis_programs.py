"""A Kattis package's programs: its example submissions (by folder, and in which language) and
its input validators. (Its output validator is the checker's: kattis.py.) Reading runs nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from codearena.judging.validators import program_language
from codearena.problems.formats.kattis_data import Finding

# The folders of submissions/ judged on import, by version (problemtools judges partially_accepted
# in both; the 2023-07 format adds rejected and brute_force).
SUBMISSION_FOLDERS = {
    "legacy": ("accepted", "partially_accepted", "wrong_answer", "time_limit_exceeded", "run_time_error"),
    "2023-07": ("accepted", "partially_accepted", "rejected", "wrong_answer", "time_limit_exceeded",
                "run_time_error", "brute_force"),
}  # fmt: skip
# Kattis' languages by file name ending (its languages table), and CodeArena's id where it has one.
KATTIS_LANGUAGES = {
    ".c": ("C", "c"), ".cc": ("C++", "cpp"), ".cpp": ("C++", "cpp"), ".cxx": ("C++", "cpp"),
    ".c++": ("C++", "cpp"), ".C": ("C++", "cpp"), ".cs": ("C#", "csharp"), ".go": ("Go", "go"),
    ".hs": ("Haskell", None), ".java": ("Java", "java"), ".js": ("JavaScript", "javascript"),
    ".kt": ("Kotlin", "kotlin"), ".lisp": ("Common Lisp", None), ".cl": ("Common Lisp", None),
    ".ml": ("OCaml", None), ".m": ("Objective-C", None), ".pas": ("Pascal", None), ".php": ("PHP", "php"),
    ".pl": ("Prolog", None), ".py": ("Python 3", "python"), ".py3": ("Python 3", "python"),
    ".py2": ("Python 2", None), ".rb": ("Ruby", "ruby"), ".rs": ("Rust", "rust"), ".scala": ("Scala", None),
    ".sc": ("Scala", None), ".fs": ("F#", None), ".cob": ("COBOL", None), ".ts": ("TypeScript", "typescript"),
    ".sh": ("Bash", "bash"),
}  # fmt: skip
PYTHON2_SHEBANG = re.compile(rb"^#!.*python2\b")


@dataclass(frozen=True)
class PackageSubmission:
    path: Path
    folder: str  # accepted, wrong_answer, ...
    language: str | None  # CodeArena's language id; None: one CodeArena does not have
    language_name: str  # as Kattis names it

    @property
    def name(self) -> str:
        return f"{self.folder}/{self.path.name}"


@dataclass(frozen=True)
class PackageProgram:
    """An input validator: a file or a folder, in a language CodeArena runs (else None)."""

    path: Path
    language: str | None


def submissions(
    folder: Path, version: str, language_ids: set[str], findings: list[Finding]
) -> list[PackageSubmission]:
    root = folder / "submissions"
    found: list[PackageSubmission] = []
    if not root.is_dir():
        return found
    if (root / "submissions.yaml").is_file():
        findings.append(Finding("submissions.yaml (the folders' default rules were checked)", "submissions/",
                                fatal=False))  # fmt: skip
    for directory in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        entries = sorted(p for p in directory.iterdir() if not p.name.startswith("."))
        if directory.name not in SUBMISSION_FOLDERS[version]:
            shown = f"submissions/{directory.name}/ ({len(entries)} not judged: not a folder of the {version} format)"
            findings.append(Finding(shown, "", fatal=False))
            continue
        for path in entries:
            found.append(PackageSubmission(path, directory.name, *language_of(path, language_ids)))
    return found


def language_of(path: Path, language_ids: set[str]) -> tuple[str | None, str]:
    if path.is_dir():
        return None, "a folder of files"
    name, language = KATTIS_LANGUAGES.get(path.suffix if path.suffix == ".C" else path.suffix.lower(), ("", None))
    if path.suffix.lower() == ".py" and PYTHON2_SHEBANG.match(path.read_bytes()[:200]):
        name, language = "Python 2", None
    if not name:
        return None, f"unknown ({path.suffix or 'no file name ending'})"
    return (language if language in language_ids else None), name


def programs(directory: Path) -> list[Path]:
    return sorted(p for p in directory.iterdir() if not p.name.startswith(".")) if directory.is_dir() else []


def input_validators(folder: Path, findings: list[Finding]) -> list[PackageProgram]:
    found = []
    for directory in ("input_validators", "input_format_validators"):
        for path in programs(folder / directory):
            where = f"{directory}/{path.name}"
            language = program_language(path)
            if path.suffix in (".ctd", ".viva"):
                kind = "Checktestdata" if path.suffix == ".ctd" else "VIVA"
                findings.append(Finding(f"{kind} input validators are not run", where, fatal=False))
            elif language is None:
                findings.append(Finding("an input validator in a language CodeArena does not run", where, fatal=False))
            else:
                found.append(PackageProgram(path, language))
    return found
