"""Per-client token-bucket rate limiter (for example, a public API allowing bursts of B requests
and a sustained R requests per second per client).

Each client has a bucket of at most `capacity` tokens, refilled continuously at `rate` tokens per
second; a request is allowed if it can take `cost` tokens. Refill is computed lazily from the time
elapsed since the client's last request, so there is no background timer. The clock is injected for
testing; if it ever steps back, the limiter treats time as standing still until the clock passes
the latest time it has seen, so a jump back and forth cannot refill a bucket twice. Idle buckets
that have refilled completely carry no information and can be dropped (`evict_idle`), which bounds
memory.

Complexity: O(1) time per `allow`; O(C) space for C active clients.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Hashable


class TokenBucketLimiter:
    def __init__(self, rate: float, capacity: float, clock: Callable[[], float] = time.monotonic) -> None:
        if rate <= 0 or capacity <= 0:
            raise ValueError("rate and capacity must be positive")
        self.rate = rate
        self.capacity = capacity
        self.clock = clock
        self.buckets: dict[Hashable, tuple[float, float]] = {}  # client -> (tokens, last refill time)
        self.latest = -math.inf  # the latest time the clock has shown

    def _now(self) -> float:
        self.latest = max(self.latest, self.clock())
        return self.latest

    def allow(self, client: Hashable, cost: float = 1.0) -> bool:
        now = self._now()
        tokens, last = self.buckets.get(client, (self.capacity, now))
        tokens = min(self.capacity, tokens + (now - last) * self.rate)
        allowed = tokens >= cost
        if allowed:
            tokens -= cost
        self.buckets[client] = (tokens, now)
        return allowed

    def evict_idle(self) -> int:
        now = self._now()
        full = [c for c, (tokens, last) in self.buckets.items() if tokens + (now - last) * self.rate >= self.capacity]
        for client in full:
            del self.buckets[client]
        return len(full)
