"""The token buckets of web/ratelimit.py, on a clock the test moves."""

from __future__ import annotations

from codearena.web import ratelimit
from codearena.web.ratelimit import RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now_s = 1000.0

    def __call__(self) -> float:
        return self.now_s


def test_a_burst_then_the_steady_rate() -> None:
    clock = Clock()
    limiter = RateLimiter(per_minute=6, burst=2, clock=clock)  # one token every 10 s
    assert [limiter.check("s") for _ in range(2)] == [0, 0]
    assert limiter.check("s") == 10, "the whole seconds until the next token"
    clock.now_s += 4
    assert limiter.check("s") == 6
    clock.now_s += 6
    assert limiter.check("s") == 0 and limiter.check("s") == 10
    clock.now_s += 3600
    assert [limiter.check("s") for _ in range(3)] == [0, 0, 10], "tokens never pile up past the burst"


def test_every_key_must_have_a_token_and_a_refusal_charges_none() -> None:
    limiter = RateLimiter(per_minute=60, burst=1, clock=Clock())
    assert limiter.check("session:a", "addr:1") == 0
    assert limiter.check("session:b", "addr:1") == 1, "the shared address has no token left"
    assert limiter.check("session:b", "addr:2") == 0, "session b was not charged by its refusal"


def test_switched_off_and_a_flood_of_keys() -> None:
    assert all(RateLimiter(1, 1, enabled=False).check("s") == 0 for _ in range(100))
    limiter = RateLimiter(per_minute=60, burst=1, clock=Clock())
    for n in range(ratelimit.MAX_KEYS + 1):
        limiter.check(f"addr:{n}")
    assert len(limiter._buckets) <= ratelimit.MAX_KEYS, "memory stays bounded"
