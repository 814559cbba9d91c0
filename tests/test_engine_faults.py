"""Which engine a lease comes from, and what a judging does when its engine fails under it:
judged again elsewhere, twice at most, then an internal error that says so. No Docker: the
engines and sandboxes are stand-ins, the Judge and the Fleet are the real ones."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Collection
from pathlib import Path

import pytest
from conftest import write_problem

from codearena.config import EngineSettings, Settings
from codearena.domain.verdicts import Status, TestResult, Verdict
from codearena.judging import events as judge_events
from codearena.judging.attempts import AttemptEvents
from codearena.judging.checkers import Checkers
from codearena.judging.events import JudgeEvent, StatusEvent
from codearena.judging.judge import Judge
from codearena.languages import Language
from codearena.sandbox.container import EngineFault, Sandbox
from codearena.sandbox.fleet import Fleet
from codearena.sandbox.hosts import Host


class IdleSandboxes:
    """A pool's idle sandboxes as the Fleet sees them."""

    def __init__(self, idle: int, size: int = 2) -> None:
        self.idle, self.size = idle, size

    def take_idle(self) -> Sandbox | None:
        if not self.idle:
            return None
        self.idle -= 1
        return object()  # type: ignore[return-value]  # the Fleet only hands it on


def fleet_of(settings: Settings, **hosts: tuple[bool, int]) -> Fleet:
    made = []
    for name, (up, idle) in hosts.items():
        host = Host(EngineSettings(name=name), settings, "image")
        host.up, host.pool = up, IdleSandboxes(idle)  # type: ignore[assignment]
        made.append(host)
    return Fleet(made)


def taken_from(fleet: Fleet, avoid: Collection[str] = ()) -> str | None:
    taken = fleet._take(avoid)
    return taken[0].name if taken else None


def test_a_lease_comes_from_the_engine_with_most_free_and_avoids_one_that_failed(settings: Settings) -> None:
    assert taken_from(fleet_of(settings, a=(True, 1), b=(True, 2))) == "b"
    assert taken_from(fleet_of(settings, a=(True, 2), b=(True, 1)), avoid=["a"]) == "b"
    # The other engine is busy: wait for it rather than take a sandbox of the one that failed.
    assert taken_from(fleet_of(settings, a=(True, 2), b=(True, 0)), avoid=["a"]) is None
    # No other engine in the rotation: the failed one is tried again.
    assert taken_from(fleet_of(settings, a=(True, 2), b=(False, 2)), avoid=["a"]) == "a"
    assert taken_from(fleet_of(settings, a=(False, 2))) is None, "an engine out of the rotation lends nothing"


class FailingEngine:
    """Every lease's sandbox loses its engine at the first request."""

    def __init__(self, names: list[str]) -> None:
        self.names = names
        self.avoided: list[list[str]] = []
        self.faults: list[str] = []

    @contextlib.asynccontextmanager
    async def lease(self, avoid: Collection[str] = ()) -> AsyncIterator[Sandbox]:
        self.avoided.append(list(avoid))
        yield DeadSandbox(self.names[len(self.avoided) - 1])  # type: ignore[misc]

    def fault(self, engine: str) -> None:
        self.faults.append(engine)

    def others(self, engine: str) -> bool:
        return len(set(self.names)) > 1


class DeadSandbox:
    def __init__(self, engine: str) -> None:
        self.engine = engine

    async def send(self, *_frames: object) -> None:
        raise EngineFault("supervisor exited without its reply")


async def test_a_judging_whose_engine_fails_is_judged_elsewhere_twice_then_is_an_internal_error(
    settings: Settings, languages: dict[str, Language], tmp_path: Path
) -> None:
    problem = write_problem(tmp_path, "echo", tests=[("1\n", "1\n")])
    engines = FailingEngine(["a", "b", "a"])

    async def no_pool() -> None:
        raise AssertionError("no checker is needed")

    judge = Judge(settings, engines, Checkers(settings, no_pool))  # type: ignore[arg-type]
    result = await judge.judge(problem, languages["python"], "print(input())\n")
    assert engines.avoided == [[], ["a"], ["a", "b"]], "each attempt avoids the engines that failed it"
    assert engines.faults == ["a", "b", "a"], "each failure is reported to its engine's health check"
    assert result.verdict == Verdict.INTERNAL_ERROR
    assert result.reason == "the judging engines failed 3 times: supervisor exited without its reply"

    # With one engine there is nowhere else to go: a sandbox fault at once, as before engines.
    alone = FailingEngine(["local"])
    lone_judge = Judge(settings, alone, judge.checkers)  # type: ignore[arg-type]
    result = await lone_judge.judge(problem, languages["python"], "print(input())\n")
    assert alone.avoided == [[]] and alone.faults == ["local"]
    assert result.verdict == Verdict.INTERNAL_ERROR
    assert result.reason == "the sandbox failed: supervisor exited without its reply"


async def test_a_second_attempt_tells_the_live_view_only_what_the_first_did_not() -> None:
    told: list[JudgeEvent] = []

    async def sink(event: JudgeEvent) -> None:
        told.append(event)

    events = AttemptEvents(sink)
    for index in (1, 2):  # the first attempt, until its engine dies
        await events.event(judge_events.TestEvent(TestResult(index=index, verdict=Verdict.ACCEPTED)))
    events.again()
    await events.event(StatusEvent(Status.RUNNING))
    for index in (1, 2, 3):
        await events.event(judge_events.TestEvent(TestResult(index=index, verdict=Verdict.ACCEPTED)))
    tests = [e.result.index for e in told if isinstance(e, judge_events.TestEvent)]
    assert tests == [1, 2, 3]
    assert told[2] == StatusEvent(Status.RUNNING), "statuses pass every time"


class SilentStream:
    """An exec stream to a frozen engine: reads never end, unless `ended` (a dead one)."""

    def __init__(self, ended: bool = False) -> None:
        self.ended = ended

    async def read_out(self) -> None:
        if not self.ended:
            await asyncio.Event().wait()
        return None


class FakeContainer:
    id = "0123456789abcdef"


def sandbox_on(stream: SilentStream) -> Sandbox:
    return Sandbox(FakeContainer(), stream, 200_000, "engine2")  # type: ignore[arg-type]


async def test_every_read_from_an_engine_ends_in_time() -> None:
    with pytest.raises(EngineFault, match="did not answer within 0 s"):
        await sandbox_on(SilentStream())._read_frame(0.05)
    with pytest.raises(EngineFault, match="supervisor exited without its reply"):
        await sandbox_on(SilentStream(ended=True))._read_frame(5)
    # The health check found the engine gone: a read waiting on it ends now, not at its deadline.
    sandbox = sandbox_on(SilentStream())
    reading = asyncio.ensure_future(sandbox._read_frame(60))
    await asyncio.sleep(0.05)
    started = time.monotonic()
    sandbox.abort("engine engine2 did not answer within 3 s")
    with pytest.raises(EngineFault, match="engine engine2 did not answer within 3 s"):
        await reading
    assert time.monotonic() - started < 1
    with pytest.raises(EngineFault, match="engine2"):
        await sandbox.send()  # and nothing more is sent to it
