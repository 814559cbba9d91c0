"""The judging engine: one object owns the Docker engines, the sandbox pools and the judge."""

from __future__ import annotations

import logging

from codearena.config import Settings
from codearena.judging.checkers import Checkers
from codearena.judging.judge import Judge
from codearena.judging.programs import SANDBOX_ENV
from codearena.languages import Language, load_languages, tier_languages
from codearena.paths import sandbox_image_tag
from codearena.sandbox import protocol
from codearena.sandbox.docker import EngineError
from codearena.sandbox.fleet import Fleet
from codearena.sandbox.pool import ContainerPool
from codearena.sandbox.protocol import ProgramLimits, RunReply

log = logging.getLogger(__name__)

VERSION_LIMITS = ProgramLimits(
    cpu_ms=10_000, wall_ms=20_000, memory_kb=1 << 20, output_bytes=1 << 16, report_bytes=4096
)
# What each version command printed in an image, or why it failed: an image is read once per
# process (thirteen toolchains' version commands take seconds; kotlinc and tsc start a runtime).
_probed: dict[tuple[str, tuple[str, ...]], tuple[bool, str]] = {}


def sandbox_image(settings: Settings) -> str:
    """The sandbox image the settings name: sandbox_image, else the checkout's image of sandbox_tier."""
    return settings.sandbox_image or sandbox_image_tag(settings.sandbox_tier)


class Engine:
    def __init__(self, settings: Settings, pool: Fleet, languages: dict[str, Language]) -> None:
        self.settings = settings
        self.image = sandbox_image(settings)
        self.pool = pool
        self.languages = languages
        self.checkers = Checkers(settings, self._start_checker_pool)
        self.judge = Judge(settings, pool, self.checkers)
        self._closed = False

    @classmethod
    async def start(cls, settings: Settings, languages: dict[str, Language] | None = None) -> Engine:
        """Connect to every Docker engine, fill their pools and read each toolchain's version;
        raises EngineError when no engine can judge.

        The languages offered follow the image: those beyond settings.sandbox_tier, and those
        whose toolchain the image lacks, are dropped from `languages` (the caller's dict: the
        server's list of languages is this one)."""
        languages = languages if languages is not None else load_languages()
        for lang_id in set(languages) - set(tier_languages(languages, settings.sandbox_tier)):
            del languages[lang_id]
        pool = await Fleet.start(settings, sandbox_image(settings))
        engine = cls(settings, pool, languages)
        try:
            await engine.probe_versions()
        except BaseException:
            await engine.close()
            raise
        return engine

    @property
    def judging(self) -> Judge:
        """The judge: submissions, and the editor's runs."""
        return self.judge

    async def docker_up(self) -> bool:
        """Whether some Docker engine is in the rotation (as of its last health check)."""
        return any(host.up for host in self.pool.hosts)

    def pool_state(self) -> dict[str, int]:
        return self.pool.describe()

    def engines_state(self) -> list[dict[str, object]]:
        return self.pool.engines()

    async def _start_checker_pool(self) -> ContainerPool:
        # On the first engine: problems' checkers and interactors are few and short.
        pool = ContainerPool(self.pool.first, self.settings, self.settings.checker_pool_size)
        await pool.start()
        return pool

    async def probe_versions(self) -> None:
        """Read each toolchain's version from inside the sandbox; a language whose version
        command fails there (its toolchain is not in this image) is no longer offered."""
        unknown = [lang for lang in self.languages.values() if (self.image, tuple(lang.version_command)) not in _probed]
        if unknown:
            async with self.pool.lease() as sandbox:
                await sandbox.request(protocol.prepare({}, SANDBOX_ENV), 10)
                for language in unknown:
                    frame = protocol.execute(language.version_command, VERSION_LIMITS)
                    reply = RunReply.parse(await sandbox.request(frame, 20))
                    lines = reply.output.decode("utf-8", "replace").strip().splitlines()
                    if reply.exit_code != 0 or reply.signal is not None:
                        probed = (False, lines[-1] if lines else f"exit code {reply.exit_code}")
                    else:
                        probed = (True, lines[0].strip() if lines else "unknown")
                    _probed[self.image, tuple(language.version_command)] = probed
        for language in list(self.languages.values()):
            found, text = _probed[self.image, tuple(language.version_command)]
            if not found:
                del self.languages[language.id]
                log.warning(
                    "%s is not offered: `%s` fails in the sandbox image %s (%s), which lacks its toolchain",
                    language.name, " ".join(language.version_command), self.image, text,
                )  # fmt: skip
                continue
            language.version = text
        if not self.languages:
            raise EngineError(f"the sandbox image {self.image} has none of the languages' toolchains")

    async def close(self) -> None:
        """Remove every container and close the Docker client; safe to call twice."""
        if self._closed:
            return
        self._closed = True
        try:
            await self.checkers.close()
        finally:
            await self.pool.close()
