"""Kattis packages uploaded by instructors and admins (accounts mode), imported in the background.

An upload is untrusted: it is read here without running anything (a package that cannot be
imported is refused at once, naming why), then checked in the sandbox one import at a time,
like `codearena import`, while its report fills in. Reports are kept in memory, the latest few
per server; each is for the user who uploaded it and for admins.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import shutil
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from codearena.config import Settings
from codearena.domain.accounts import Role
from codearena.problems.import_report import ImportFailed, ImportOptions, ImportReport
from codearena.problems.import_sandbox import ImportSandbox
from codearena.problems.importer import finish_import, prepare_import
from codearena.problems.library import ProblemLibrary
from codearena.services.access import Viewer, is_staff
from codearena.services.errors import Forbidden, Invalid, NotFound, Unavailable

log = logging.getLogger(__name__)

KEPT_REPORTS = 50


@dataclass
class ImportJob:
    id: str
    user_id: int
    report: ImportReport
    task: asyncio.Task[None] | None = field(default=None, repr=False)


class ImportService:
    def __init__(self, settings: Settings, library: ProblemLibrary, sandbox: ImportSandbox | None,
                 unavailable: str) -> None:  # fmt: skip
        self.settings = settings
        self.library = library
        self.sandbox = sandbox
        self.unavailable = unavailable
        self.jobs: OrderedDict[str, ImportJob] = OrderedDict()
        self._one_at_a_time = asyncio.Lock()

    def check_allowed(self, viewer: Viewer) -> None:
        if self.settings.auth != "accounts":
            raise Forbidden("imports_cli_only", "without accounts, packages are imported with `codearena import`")
        if not is_staff(viewer):
            raise Forbidden("not_staff", "only instructors and admins may import problems")

    async def start(self, viewer: Viewer, upload: Path, file_name: str, options: ImportOptions) -> ImportJob:
        """Read the uploaded package (raises Invalid naming why it cannot be imported) and check
        it in the background; `upload` is the service's from here on (removed when done)."""
        try:
            self.check_allowed(viewer)
            assert viewer.user is not None  # staff are signed in
            if self.sandbox is None:
                raise Unavailable("judging_unavailable", f"packages cannot be checked now: {self.unavailable}")
            report = ImportReport(file_name)
            try:
                prepared = await prepare_import(upload, self.settings.problems_dir, set(self.sandbox.languages),
                                                options, report)  # fmt: skip
            except ImportFailed as exc:
                raise Invalid("package_refused", str(exc)) from exc
        except BaseException:
            await asyncio.to_thread(shutil.rmtree, upload.parent, True)
            raise
        job = ImportJob(secrets.token_hex(8), viewer.user.id, report)
        self.jobs[job.id] = job
        while len(self.jobs) > KEPT_REPORTS:
            self.jobs.popitem(last=False)
        sandbox = self.sandbox

        async def run() -> None:
            try:
                async with self._one_at_a_time:
                    report.say("checking in the sandbox...")
                    await finish_import(prepared, sandbox, report)
                if report.ok:
                    await self.library.reload()
            finally:
                await asyncio.to_thread(shutil.rmtree, upload.parent, True)
                await asyncio.to_thread(shutil.rmtree, prepared.staging, True)  # if cancelled while waiting

        job.task = asyncio.create_task(run())
        return job

    def job(self, viewer: Viewer, job_id: str) -> ImportJob:
        job = self.jobs.get(job_id)
        user = viewer.user
        if job is None or user is None or (job.user_id != user.id and user.role != Role.ADMIN):
            raise NotFound("import_not_found", "no such import (reports are kept until the server restarts)")
        return job

    def recent(self, viewer: Viewer) -> list[ImportJob]:
        user = viewer.user
        if user is None:
            return []
        return [j for j in reversed(self.jobs.values()) if j.user_id == user.id or user.role == Role.ADMIN]

    async def close(self) -> None:
        for job in self.jobs.values():
            if job.task is not None and not job.task.done():
                job.task.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await job.task
