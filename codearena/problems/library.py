"""The problems a server serves, reloaded from their folder while it runs.

`problems` and `errors` are changed in place, never replaced: the submission and run services
and the judge queue were each handed the very same dict, so one reload reaches them all. A
problem whose folder fails to load after an edit goes on being served as it was, and its error
is kept in `errors` and logged; a problem whose folder is gone is no longer served.

Changes are found by polling (`watch`): the modification time and size of every file under the
folder, compared with the last reload's. A submission being judged keeps the Problem object it
started with, so an edit never changes the rules half-way through one.
"""

from __future__ import annotations

import asyncio
import logging
import os
from pathlib import Path

from codearena.problems.model import Problem, ProblemError
from codearena.problems.native import load_problem_folders

log = logging.getLogger(__name__)

Stamp = dict[str, tuple[int, int]]  # file path -> (modification time in ns, size in bytes)
Found = tuple[dict[str, Problem], dict[str, ProblemError]] | ProblemError


def stamp(root: Path) -> Stamp:
    """Every file below `root` (hidden ones and linked folders' contents included: problems may
    be links to folders elsewhere) with its modification time and size."""
    found: Stamp = {}
    for directory, _, files in os.walk(root, followlinks=True):
        for name in files:
            path = os.path.join(directory, name)
            try:
                info = os.stat(path)
            except OSError:  # removed while we looked: the next look will not see it
                continue
            found[path] = (info.st_mtime_ns, info.st_size)
    return found


class ProblemLibrary:
    def __init__(self, root: Path, language_ids: set[str]) -> None:
        self.root = root
        self.language_ids = language_ids
        self.problems: dict[str, Problem] = {}
        self.errors: list[ProblemError] = []
        self._stamp: Stamp | None = None
        self._lock = asyncio.Lock()  # one reload at a time: the poll and the API may ask at once

    def _read(self) -> tuple[Stamp, Found]:
        # The stamp is taken first: a file written while the problems are read differs from it,
        # so the next poll reads the problems again.
        seen = stamp(self.root)
        try:
            return seen, load_problem_folders(self.root, self.language_ids)
        except ProblemError as exc:
            return seen, exc

    def load(self) -> tuple[int, list[str]]:
        """Read the folder now (blocking: for start-up, before the event loop serves anyone)."""
        self._stamp, found = self._read()
        return self._apply(found)

    async def reload(self) -> tuple[int, list[str]]:
        """Read the folder now: how many problems loaded, and why the others did not."""
        async with self._lock:
            self._stamp, found = await asyncio.to_thread(self._read)
            return self._apply(found)

    async def reload_if_changed(self) -> bool:
        """Reload when a file was added, removed or changed since the last reload."""
        async with self._lock:
            if await asyncio.to_thread(stamp, self.root) == self._stamp:
                return False
            self._stamp, found = await asyncio.to_thread(self._read)
            self._apply(found)
            return True

    async def watch(self, interval_s: float) -> None:
        """Poll for changes every `interval_s` until cancelled."""
        while True:
            await asyncio.sleep(interval_s)
            try:
                await self.reload_if_changed()
            except Exception:  # a bad moment on the disk must not stop reloads for good
                log.exception("looking for changed problems in %s failed", self.root)

    def _apply(self, found: Found) -> tuple[int, list[str]]:
        """Put what was read in place: how many problems loaded, and why the others did not.
        (No await in here: a reader never sees a half-changed set.)"""
        if isinstance(found, ProblemError):  # the folder itself is unreadable: change nothing
            message = f"{found}; the problems loaded before are still served"
            log.error("problems not loaded: %s", message)
            self.errors[:] = [found]
            return 0, [message]
        loaded, failed = found
        served = dict(loaded)
        messages = []
        for folder, error in failed.items():
            message = str(error)
            if folder in self.problems:
                served[folder] = self.problems[folder]
                message += "; its previous version is still served"
            log.error("problem not loaded: %s", message)
            messages.append(message)
        self.problems.clear()
        self.problems.update(sorted(served.items()))
        self.errors[:] = failed.values()
        return len(loaded), messages
