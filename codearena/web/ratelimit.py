"""Token buckets per key (session, client address): a burst, then a steady rate."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

MAX_KEYS = 100_000


@dataclass
class Bucket:
    tokens: float
    updated: float


class RateLimiter:
    def __init__(
        self, per_minute: int, burst: int, enabled: bool = True, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.rate_per_s = per_minute / 60.0
        self.burst = burst
        self.enabled = enabled
        self._clock = clock  # seconds; tests pass their own
        self._buckets: dict[str, Bucket] = {}

    def check(self, *keys: str) -> int:
        """0 if every key may proceed (and is charged), else the whole seconds to wait."""
        if not self.enabled:
            return 0
        now = self._clock()
        buckets = [self._bucket(key, now) for key in keys]
        short = [b for b in buckets if b.tokens < 1]
        if short:
            return max(1, math.ceil(max((1 - b.tokens) / self.rate_per_s for b in short)))
        for bucket in buckets:
            bucket.tokens -= 1
        return 0

    def _bucket(self, key: str, now: float) -> Bucket:
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= MAX_KEYS:
                self._buckets.clear()  # a flood of new keys must not grow memory without bound
            bucket = self._buckets[key] = Bucket(float(self.burst), now)
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.updated) * self.rate_per_s)
        bucket.updated = now
        return bucket
