"""Languages are data: sandbox/languages.yaml describes how to compile and run each one."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, Field, ValidationError

from codearena.paths import LANGUAGES_FILE


class EntryRule(BaseModel):
    """How the entry (Java's class to run) is found in a source: the first pattern that matches,
    its group 1; else the default."""

    patterns: list[str]
    default: str
    # When no pattern matched, the default must be declared as this pattern says, else the
    # source is refused with `missing` (e.g. a Java class that is neither public nor Main).
    default_declared: str = ""
    missing: str = ""


class SourceRule(BaseModel):
    """A source that matches `pattern` cannot work here: it is refused before compiling, and
    `message` says what to change."""

    pattern: str
    message: str


class Harness(BaseModel):
    """The generated code a function problem's program runs under (codearena.problems.harness):
    its files beside the source, what goes before the source's first line (on that line, so
    the user's line numbers hold), and the stack the program may use. Such a program writes
    its result to file descriptor 3, and its stdout and stderr are one stream of debug output."""

    files: dict[str, str]
    source_prefix: str = ""
    stack_bytes: int


# The sandbox image's tiers, smallest first: each holds the toolchains of those before it.
TIERS = ("core", "full")
Tier = Literal["core", "full"]


# The grammars the bundled editor has (web/editor/editor.mjs).
Grammar = Literal["", "python", "javascript", "java", "cpp", "go", "rust", "php", "ruby", "kotlin", "bash"]


class Language(BaseModel):
    id: str
    name: str
    tier: Tier = Field("full", description="the smallest sandbox image tier that has its toolchain")
    source_name: str
    extensions: list[str] = Field(default_factory=list)
    starter: str = Field("", description="the editor's code on a stdin problem without starter code of its own")
    highlight: Literal["", "python", "javascript", "java", "cpp", "go", "rust", "php", "ruby", "kotlin", "bash"] = (
        Field(
            "",
            description="the browser editor's grammar that highlights it; empty: its own id's, if the editor has one",
        )
    )
    entry: EntryRule | None = None
    compile: list[str] | None = None
    syntax_check: Literal["python"] | None = None
    run: list[str]
    env: dict[str, str] = Field(default_factory=dict, description="set for its compile and runs, beside the sandbox's")
    version_command: list[str]
    time_multiplier: float = Field(1.0, gt=0)
    memory_slack_mb: int = Field(0, ge=0)
    limit_data: bool = False
    oom_patterns: list[str] = Field(default_factory=list)
    reject: list[SourceRule] = Field(default_factory=list)
    error_type: str = Field("", description="regex: group 1 is a runtime error's exception type")
    error_line: str = Field("", description="regex: groups 1 and 2 are the file and line of an error")
    error_line_last: bool = Field(False, description="the innermost frame is the last match, not the first")
    version: str = Field("", description="read from the toolchain when the pool starts")
    harness: Harness | None = Field(None, description="set only as a function problem's program runs")

    def rejection(self, source: str) -> str:
        """Why `source` cannot work as it is, or ''."""
        for rule in self.reject:
            if re.search(rule.pattern, source, re.MULTILINE):
                return rule.message
        entry = self.entry
        if (
            entry
            and entry.default_declared
            and not any(re.search(p, source, re.MULTILINE) for p in entry.patterns)
            and not re.search(entry.default_declared, source, re.MULTILINE)
        ):
            return entry.missing
        return ""

    def entry_name(self, source: str) -> str:
        if self.entry is None:
            return "main"
        for pattern in self.entry.patterns:
            match = re.search(pattern, source, re.MULTILINE)
            if match:
                return match.group(1)
        return self.entry.default

    def source_file(self, source: str) -> str:
        return self.source_name.format(entry=self.entry_name(source))

    def compile_argv(self, source: str) -> list[str] | None:
        if self.compile is None:
            return None
        entry = self.entry_name(source)
        return [part.format(entry=entry) for part in self.compile]

    def run_argv(self, source: str, memory_mb: int) -> list[str]:
        entry = self.entry_name(source)
        return [part.format(entry=entry, memory_mb=memory_mb) for part in self.run]


class LanguageError(Exception):
    pass


def load_languages(path: Path = LANGUAGES_FILE) -> dict[str, Language]:
    try:
        raw = yaml.safe_load(path.read_text())
    except (OSError, yaml.YAMLError) as exc:
        raise LanguageError(f"{path}: {exc}") from exc
    if not isinstance(raw, dict):
        raise LanguageError(f"{path}: expected a mapping of language id to its description")
    languages = {}
    for lang_id, entry in raw.items():
        try:
            languages[lang_id] = Language.model_validate({"id": lang_id, **entry})
        except (ValidationError, TypeError) as exc:
            raise LanguageError(f"{path}: language {lang_id!r}: {exc}") from exc
    return languages


def in_tier(language: Language, tier: str) -> bool:
    """Whether the sandbox image of `tier` has the language's toolchain."""
    return TIERS.index(language.tier) <= TIERS.index(tier)


def tier_languages(languages: dict[str, Language], tier: str) -> dict[str, Language]:
    """The languages a server running the image of `tier` offers (before probing the image)."""
    return {lang_id: lang for lang_id, lang in languages.items() if in_tier(lang, tier)}


def language_for_file(languages: dict[str, Language], path: Path) -> str | None:
    suffix = path.suffix.lower()
    return next((lang.id for lang in languages.values() if suffix in lang.extensions), None)
