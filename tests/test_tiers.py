"""Image tiers on real images: a server offers the languages whose toolchain answers in the image
it runs; the core tier's image has the original four, C and Bash, and none of the others."""

from __future__ import annotations

import asyncio
import logging
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import core_image, docker_unavailable

from codearena.config import Settings
from codearena.domain.verdicts import Verdict
from codearena.engine import Engine
from codearena.languages import Language, load_languages
from codearena.paths import PROBLEMS_DIR, ROOT, sandbox_image_tag
from codearena.problems.model import Problem
from codearena.sandbox.docker import EngineError

pytestmark = pytest.mark.docker

# The original four, and C and Bash, whose toolchains come with them (gcc with g++, bash with Debian).
CORE = ["python", "javascript", "java", "cpp", "c", "bash"]


async def start(settings: Settings, **changes: object) -> tuple[Engine, dict[str, Language]]:
    languages = load_languages()
    try:
        engine = await Engine.start(settings.model_copy(update={"pool_size": 1, **changes}), languages)
    except EngineError as exc:
        docker_unavailable(str(exc))
    return engine, languages


async def test_a_language_whose_toolchain_is_missing_is_dropped_with_a_log_line(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    languages = load_languages()
    languages["cobol"] = languages["c"].model_copy(
        update={"id": "cobol", "name": "COBOL", "version_command": ["cobc", "--version"]}
    )
    caplog.set_level(logging.WARNING, logger="codearena.engine")
    try:
        engine = await Engine.start(settings.model_copy(update={"pool_size": 1}), languages)
    except EngineError as exc:
        docker_unavailable(str(exc))
    try:
        assert list(languages) == list(load_languages()), "the full tier's image has the other thirteen"
        assert engine.languages is languages
    finally:
        await engine.close()
    assert f"COBOL is not offered: `cobc --version` fails in the sandbox image {sandbox_image_tag()}" in caplog.text


async def test_the_core_image_offers_six_languages(
    settings: Settings, echo_problem: Problem, caplog: pytest.LogCaptureFixture
) -> None:
    image = await core_image()
    caplog.set_level(logging.WARNING, logger="codearena.engine")
    # Told the image is the full tier's, the server still offers only what the image has.
    engine, languages = await start(settings, sandbox_tier="full", sandbox_image=image)
    try:
        assert list(languages) == CORE
        assert "Go is not offered: `go version` fails in the sandbox image codearena-sandbox:core-" in caplog.text
        result = await engine.judge.judge(echo_problem, languages["python"], "print(int(input()))\n")
        assert result.verdict == Verdict.ACCEPTED
    finally:
        await engine.close()
    caplog.clear()
    engine, languages = await start(settings, sandbox_tier="core")
    try:
        assert list(languages) == CORE and caplog.text == "", "the tier's languages are all there"
        assert engine.image == image
    finally:
        await engine.close()


async def test_the_command_line_says_when_its_image_lacks_a_language(tmp_path: Path) -> None:
    image = await core_image()
    config = tmp_path / "config.toml"
    config.write_text('sandbox_tier = "core"\n')
    solution = PROBLEMS_DIR / "a-plus-b" / "solutions" / "accepted.go"
    proc = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "codearena.cli", "--config", str(config), "judge", "a-plus-b", str(solution)],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 2
    assert f"go is not offered by the sandbox image {image}; it offers {', '.join(CORE)}" in proc.stderr
