"""Stand-ins for the parts of CodeArena that need Docker or a network, for the fast tests."""

from __future__ import annotations

from codearena.live import LiveEvent


class Recorder:
    """A live subscriber that keeps every event it is given."""

    def __init__(self) -> None:
        self.events: list[LiveEvent] = []

    def deliver(self, event: LiveEvent) -> None:
        self.events.append(event)
