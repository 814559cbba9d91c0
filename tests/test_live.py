"""The live hub: topics, progress, replay for a late subscriber, unsubscribing."""

from __future__ import annotations

import asyncio

from fakes import Recorder

from codearena import live
from codearena.domain.verdicts import JudgeResult, Status, Verdict
from codearena.domain.verdicts import TestResult as CaseResult  # a Test* name would be collected

ID = "00000000000000aa"
TOPIC = live.submission_topic(ID)


def test_topics_are_strings_and_events_reach_only_their_subscribers() -> None:
    hub = live.Live()
    mine, other = Recorder(), Recorder()
    assert f"submission:{ID}" == TOPIC
    hub.subscribe(TOPIC, mine)
    hub.subscribe("scoreboard:spring-contest", other)
    assert hub.has_subscribers(TOPIC) and not hub.has_subscribers(live.submission_topic("ffffffffffffffff"))
    hub.set_status(ID, Status.RUNNING)
    assert mine.events == [live.StatusChanged(ID, Status.RUNNING)] and other.events == []
    hub.unsubscribe(TOPIC, mine)
    hub.unsubscribe(TOPIC, mine)  # twice is fine
    hub.set_status(ID, Status.COMPILING)
    assert len(mine.events) == 1 and not hub.has_subscribers(TOPIC)


def test_a_late_subscriber_is_replayed_the_progress_so_far() -> None:
    hub = live.Live()
    first = CaseResult(index=1, verdict=Verdict.ACCEPTED, time_ms=5, sample=True, output="3\n")
    hub.set_status(ID, Status.RUNNING)
    hub.add_test(ID, first)
    progress = hub.progress(ID)
    assert progress is not None and progress.status == Status.RUNNING and progress.tests == (first,)
    assert hub.replay(ID) == [live.StatusChanged(ID, Status.RUNNING), live.TestFinished(ID, first)]
    late = Recorder()
    hub.subscribe(TOPIC, late)
    result = JudgeResult(verdict=Verdict.WRONG_ANSWER, passed=1, total=2, time_ms=5, memory_kb=9, reason="why")
    hub.complete(live.Completed.of_result(ID, result))
    assert late.events == [live.Completed(ID, Verdict.WRONG_ANSWER, 1, 2, 5, 9, "why")]
    assert hub.progress(ID) is None and hub.replay(ID) == [], "a completed submission is read from the store"


def test_a_failing_subscriber_does_not_stop_the_others() -> None:
    class Broken:
        def deliver(self, event: live.LiveEvent) -> None:
            raise RuntimeError("gone")

    hub = live.Live()
    good = Recorder()
    hub.subscribe(TOPIC, Broken())
    hub.subscribe(TOPIC, good)
    hub.set_status(ID, Status.RUNNING)
    assert good.events == [live.StatusChanged(ID, Status.RUNNING)]


async def test_a_waiting_submission_hears_its_new_place_once_however_often_the_line_moves() -> None:
    hub = live.Live(position_news_s=0.1)
    line = [f"s{i}" for i in range(10)]
    for place, submission_id in enumerate(line, start=1):
        hub.queued(submission_id, place)
    watcher = Recorder()
    hub.subscribe(live.submission_topic("s9"), watcher)
    for taken in range(5):  # five jobs taken in a row: s9 goes from 10th to 5th
        hub.dequeued(line[taken], line[taken + 1 :])
    assert watcher.events == [], "the news waits a moment, to go out once"
    await asyncio.sleep(0.3)
    assert watcher.events == [live.StatusChanged("s9", Status.QUEUED, 5)]
    progress = hub.progress("s9")
    assert progress is not None and progress.queue_position == 5
