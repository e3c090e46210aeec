"""Tested solution for swe-algo-rate-limiter."""

from __future__ import annotations

import pytest

from . import load_example

mod = load_example("swe_algo_rate_limiter.py")


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_burst_then_refill():
    clock = Clock()
    limiter = mod.TokenBucketLimiter(rate=2, capacity=3, clock=clock)
    assert [limiter.allow("u") for _ in range(4)] == [True, True, True, False]
    clock.now += 0.5  # one token back
    assert limiter.allow("u") and not limiter.allow("u")
    clock.now += 100  # refill caps at capacity
    assert [limiter.allow("u") for _ in range(4)] == [True, True, True, False]


def test_clients_are_independent_and_cost():
    clock = Clock()
    limiter = mod.TokenBucketLimiter(rate=1, capacity=2, clock=clock)
    assert limiter.allow("a", cost=2) and not limiter.allow("a")
    assert limiter.allow("b")
    assert not limiter.allow("c", cost=3)  # more than the bucket can ever hold


def test_clock_going_backwards_does_not_add_tokens():
    clock = Clock()
    limiter = mod.TokenBucketLimiter(rate=1, capacity=1, clock=clock)
    assert limiter.allow("u")
    clock.now -= 50
    assert not limiter.allow("u")


def test_sustained_rate_and_eviction():
    clock = Clock()
    limiter = mod.TokenBucketLimiter(rate=10, capacity=5, clock=clock)
    allowed = 0
    for _ in range(10_000):  # 100 requests per second for 100 seconds
        clock.now += 0.01
        allowed += limiter.allow("hot")
    assert 1000 <= allowed <= 1006  # rate x time, plus the initial burst
    limiter.allow("idle")
    clock.now += 10
    assert limiter.evict_idle() == 2 and limiter.buckets == {}


def test_invalid_config():
    with pytest.raises(ValueError):
        mod.TokenBucketLimiter(rate=0, capacity=1)
