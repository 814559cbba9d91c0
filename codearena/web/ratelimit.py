"""Token buckets per key (user, session, client address): a burst, then a steady rate.

A key's prefix may have limits of its own: an address (`addr:`) is shared by everyone behind
one NAT, a whole class in a lab, so it gets a far larger allowance than one user.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

MAX_KEYS = 100_000


@dataclass
class Bucket:
    tokens: float
    updated: float
    rate_per_s: float
    burst: float


class RateLimiter:
    def __init__(
        self,
        per_minute: int,
        burst: int,
        enabled: bool = True,
        clock: Callable[[], float] = time.monotonic,
        *,
        prefixes: Mapping[str, tuple[int, int]] | None = None,
    ) -> None:
        """`prefixes` maps a key prefix to its own (per_minute, burst)."""
        self.rate_per_s = per_minute / 60.0
        self.burst = burst
        self.prefixes = {prefix: (m / 60.0, b) for prefix, (m, b) in (prefixes or {}).items()}
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
            return max(1, math.ceil(max((1 - b.tokens) / b.rate_per_s for b in short)))
        for bucket in buckets:
            bucket.tokens -= 1
        return 0

    def _bucket(self, key: str, now: float) -> Bucket:
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= MAX_KEYS:
                self._buckets.clear()  # a flood of new keys must not grow memory without bound
            rate, burst = next((limits for prefix, limits in self.prefixes.items() if key.startswith(prefix)),
                               (self.rate_per_s, self.burst))  # fmt: skip
            bucket = self._buckets[key] = Bucket(float(burst), now, rate, burst)
        bucket.tokens = min(bucket.burst, bucket.tokens + (now - bucket.updated) * bucket.rate_per_s)
        bucket.updated = now
        return bucket
