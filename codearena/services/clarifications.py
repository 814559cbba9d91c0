"""A contest's clarifications: who may ask, answer and announce, and who sees which.

- A participant asks about a problem (its label) or about the contest in "general", while the
  contest runs; at most MAX_OPEN_QUESTIONS of theirs may wait for an answer at once.
- The jury (ContestService.is_jury) answers a question to its asker alone or to every
  participant, and may answer again: the new answer (and its audience) replaces the old, to fix
  a mistake or to share a private answer with everyone. Narrowing an answer from everyone to
  the asker hides it from then on, but cannot take it back from those who have read it.
- The jury announces to every participant, before, during or after the contest.
- The jury sees everything. A participant sees their own questions (with answers), the questions
  answered to all (without who asked them) and the announcements; neither shows which jury
  member wrote it. To anyone else the contest does not exist.

A change publishes a ping on the contest's live topic; each page then fetches what it may see,
so nothing private travels over a socket to the wrong person.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from codearena.domain.grading_rules import parse_time
from codearena.live import ClarificationsChanged, Live, scoreboard_topic
from codearena.services.access import Viewer
from codearena.services.contests import ContestService, Seen
from codearena.services.errors import Conflict, Forbidden, Invalid, NotFound
from codearena.store.clarifications import AnswerTo, Clarification, ClarificationStore, Kind
from codearena.store.contests import Contest

GENERAL = "general"
MAX_TEXT_CHARS = 2000
MAX_OPEN_QUESTIONS = 10


@dataclass(frozen=True)
class ClarificationView:
    """A clarification as one viewer may see it: `author` and `answered_by` are None where the
    viewer may not know who wrote it."""

    id: int
    kind: Kind
    problem: str
    text: str
    created_at: str
    author: str | None
    mine: bool
    answer: str | None
    answered_at: str | None
    answered_by: str | None
    answer_to: AnswerTo | None

    @property
    def is_open(self) -> bool:
        return self.kind == Kind.QUESTION and self.answer is None

    @property
    def key(self) -> str:
        """Changes when the item does: how a page tells what is new since it last looked. Letters,
        digits and hyphens only, so that it can name an element (an id a CSS selector can find)."""
        answered = "".join(ch for ch in self.answered_at or "" if ch.isdigit())
        return f"{self.id}-{answered or 'open'}-{self.answer_to.value if self.answer_to else 'none'}"


@dataclass(frozen=True)
class Clarifications:
    """What a viewer sees of a contest's clarifications, and what it may do there."""

    contest: Contest
    jury: bool
    may_ask: bool  # a participant, while the contest runs
    items: tuple[ClarificationView, ...]


def visible_to(item: Clarification, user_id: int) -> bool:
    """Whether a participant sees `item`: an announcement, their own question, or one answered to all."""
    return (
        item.kind == Kind.ANNOUNCEMENT
        or item.author_id == user_id
        or (item.answer is not None and item.answer_to == AnswerTo.ALL)
    )


def view(item: Clarification, *, jury: bool, user_id: int) -> ClarificationView:
    mine = item.kind == Kind.QUESTION and item.author_id == user_id
    return ClarificationView(
        id=item.id, kind=item.kind, problem=item.problem, text=item.text, created_at=item.created_at,
        author=item.author if jury or mine else None, mine=mine, answer=item.answer, answered_at=item.answered_at,
        answered_by=item.answered_by if jury else None, answer_to=item.answer_to,
    )  # fmt: skip


def in_order(items: list[ClarificationView], *, jury: bool) -> tuple[ClarificationView, ...]:
    """Latest news first; for the jury, the questions waiting for an answer before them, oldest first."""
    news = sorted((i for i in items if not (jury and i.is_open)), key=lambda i: (i.answered_at or i.created_at, i.id),
                  reverse=True)  # fmt: skip
    waiting = sorted((i for i in items if jury and i.is_open), key=lambda i: i.id)
    return (*waiting, *news)


def running(contest: Contest, now: datetime) -> bool:
    return parse_time(contest.starts_at) <= now <= parse_time(contest.ends_at)


class ClarificationService:
    def __init__(self, store: ClarificationStore, contests: ContestService, live: Live | None = None) -> None:
        self.store, self.contests, self.live = store, contests, live

    async def listing(self, viewer: Viewer, slug: str) -> Clarifications:
        seat = await self.contests.seen(viewer, slug)
        user_id = _user_id(viewer)
        items = await self.store.of_contest(seat.contest.id)
        shown = [view(i, jury=seat.jury, user_id=user_id) for i in items if seat.jury or visible_to(i, user_id)]
        may_ask = not seat.jury and running(seat.contest, datetime.now(UTC))
        return Clarifications(seat.contest, seat.jury, may_ask, in_order(shown, jury=seat.jury))

    async def ask(self, viewer: Viewer, slug: str, data: Mapping[str, object]) -> ClarificationView:
        """A participant's question, while the contest runs."""
        seat = await self.contests.seen(viewer, slug)
        if seat.jury:
            raise Forbidden("forbidden", "the jury does not ask questions; post an announcement instead")
        problem, text = _problem(seat.contest, data.get("problem")), _text(data.get("text"))
        if not running(seat.contest, datetime.now(UTC)):
            raise Conflict("contest_not_running", "questions are asked while the contest runs")
        user_id = _user_id(viewer)
        if await self.store.open_questions(seat.contest.id, user_id) >= MAX_OPEN_QUESTIONS:
            waiting = f"{MAX_OPEN_QUESTIONS} of your questions wait for an answer; ask again once one is answered"
            raise Conflict("too_many_open_questions", waiting)
        new_id = await self.store.add(seat.contest.id, Kind.QUESTION, user_id, problem, text)
        return await self._changed(seat, new_id, user_id)

    async def answer(self, viewer: Viewer, slug: str, clarification_id: int, data: Mapping[str, object]
                     ) -> ClarificationView:  # fmt: skip
        """The jury's answer to a question, to its asker or to all; a new answer replaces the old."""
        seat = await self._jury(viewer, slug, "answers questions")
        found = await self.store.get(seat.contest.id, clarification_id)
        if found is None:
            raise NotFound("clarification_not_found", f"no clarification {clarification_id} in this contest")
        if found.kind != Kind.QUESTION:
            raise Invalid("not_a_question", f"clarification {clarification_id} is an announcement, not a question")
        text, to = _text(data.get("text")), data.get("to", AnswerTo.ASKER.value)
        if to not in {a.value for a in AnswerTo}:
            raise Invalid("invalid_to", "'to': asker (the participant who asked alone) or all (every participant)")
        await self.store.answer(found.id, _user_id(viewer), text, AnswerTo(to))
        return await self._changed(seat, found.id, _user_id(viewer))

    async def announce(self, viewer: Viewer, slug: str, data: Mapping[str, object]) -> ClarificationView:
        """The jury's word to every participant, about a problem or the contest in general."""
        seat = await self._jury(viewer, slug, "makes announcements")
        problem, text = _problem(seat.contest, data.get("problem") or GENERAL), _text(data.get("text"))
        new_id = await self.store.add(seat.contest.id, Kind.ANNOUNCEMENT, _user_id(viewer), problem, text)
        return await self._changed(seat, new_id, _user_id(viewer))

    async def _jury(self, viewer: Viewer, slug: str, what: str) -> Seen:
        seat = await self.contests.seen(viewer, slug)
        if not seat.jury:
            raise Forbidden("forbidden", f"only the contest's jury {what}")
        return seat

    async def _changed(self, seat: Seen, clarification_id: int, user_id: int) -> ClarificationView:
        """Ping the contest's followers; the clarification as its writer now sees it."""
        if self.live is not None:
            self.live.publish(scoreboard_topic(seat.contest.slug), ClarificationsChanged(seat.contest.slug))
        found = await self.store.get(seat.contest.id, clarification_id)
        assert found is not None
        return view(found, jury=seat.jury, user_id=user_id)


def _user_id(viewer: Viewer) -> int:
    assert viewer.user is not None  # ContestService.seat let only a signed-in user through
    return viewer.user.id


def _problem(contest: Contest, value: object) -> str:
    labels = [p.label for p in contest.problems]
    if isinstance(value, str):
        if value.strip().lower() == GENERAL:
            return GENERAL
        if value.strip().upper() in labels:
            return value.strip().upper()
    raise Invalid("invalid_problem", f"'problem': {', '.join(labels)} or {GENERAL}")


def _text(value: object) -> str:
    text = value.replace("\r\n", "\n").strip() if isinstance(value, str) else ""
    if not text or len(text) > MAX_TEXT_CHARS:
        raise Invalid("invalid_text", f"'text': 1 to {MAX_TEXT_CHARS} characters")
    return text
