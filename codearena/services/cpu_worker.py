"""One worker process for CPU-bound work (the similarity report's fingerprints), so that it never
holds the GIL the server's event loop and the judge need.

The process starts on first use and stops after `idle_s` without work: most servers make a
report now and then, and the worker (numpy, pygments, copydetect and the matplotlib it imports)
weighs a hundred MB. It runs at a lower priority (nice 10) than the server and the sandboxes.
Callers feed it in chunks, a fraction of a second each, which keeps progress
visible and lets a shutdown wait for no more than one chunk.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


def _lower_priority() -> None:
    """In the worker: yield the CPU to the judge's sandboxes and the server when they want it."""
    os.nice(10)


class WorkerFailed(Exception):
    """The worker process died (killed, out of memory); the next call starts a new one."""


class ProcessWorker:
    def __init__(self, idle_s: float = 300.0) -> None:
        self.idle_s = idle_s
        self._pool: ProcessPoolExecutor | None = None
        self._busy = 0
        self._idle: asyncio.TimerHandle | None = None
        self.started = 0  # processes started, for tests and /metrics

    @property
    def running(self) -> bool:
        return self._pool is not None

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        """`function(*args)` in the worker process: both must pickle."""
        if self._idle is not None:
            self._idle.cancel()
            self._idle = None
        if self._pool is None:
            # spawn, not fork: a fork of this process (threads: aiosqlite's, the executor's) may
            # inherit a lock some thread held, and the worker needs nothing the server holds.
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_lower_priority)  # fmt: skip
            self.started += 1
        pool = self._pool
        self._busy += 1
        try:
            return await asyncio.get_running_loop().run_in_executor(pool, functools.partial(function, *args))
        except BrokenProcessPool as exc:
            if self._pool is pool:
                self._pool = None
            pool.shutdown(wait=False)
            raise WorkerFailed("the worker process stopped unexpectedly") from exc
        finally:
            self._busy -= 1
            if self._busy == 0 and self._pool is not None:
                self._idle = asyncio.get_running_loop().call_later(self.idle_s, self._stop_idle)

    def _stop_idle(self) -> None:
        self._idle = None
        if self._busy == 0 and self._pool is not None:
            log.info("stopping the idle worker process")
            self._pool.shutdown(wait=False)
            self._pool = None

    async def close(self) -> None:
        """Stop the process, waiting for the chunk it runs, if any; safe twice."""
        if self._idle is not None:
            self._idle.cancel()
            self._idle = None
        pool, self._pool = self._pool, None
        if pool is not None:
            await asyncio.to_thread(pool.shutdown, wait=True, cancel_futures=True)
