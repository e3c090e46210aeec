"""Tested solution for swe-algo-rate-limiter."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from . import PROPERTY, load_example

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


def _reference_decisions(rate, capacity, requests):
    """Restate the spec with exact fractions: a client's bucket starts full and refills at `rate` per
    second of time passed, never above capacity. Time is the latest clock reading so far, so a clock
    that steps back stands still. A `None` client is an eviction sweep, which only reads the clock."""
    buckets, out, latest = {}, [], -math.inf
    for client, clock_reading, cost in requests:
        latest = max(latest, clock_reading)
        if client is None:
            continue
        tokens, last = buckets.get(client, (Fraction(capacity), latest))
        tokens = min(Fraction(capacity), tokens + (latest - last) * rate)
        allowed = tokens >= cost
        buckets[client] = (tokens - cost if allowed else tokens, latest)
        out.append(allowed)
    return out


REQUESTS = st.lists(
    st.tuples(
        st.sampled_from(["u1", "u2", "ü"]),
        st.integers(-2, 4),  # clock step; negative steps model a clock that jumps back
        st.sampled_from([Fraction(1, 2), Fraction(1), Fraction(2)]),
        st.booleans(),  # evict idle clients before this request?
    ),
    max_size=40,
)


@PROPERTY
@given(st.integers(1, 3), st.integers(1, 4), REQUESTS)
def test_decisions_match_an_exact_bucket_and_eviction_changes_nothing(rate, capacity, steps):
    clock = Clock()
    limiter = mod.TokenBucketLimiter(rate=rate, capacity=capacity, clock=clock)
    requests, decisions = [], []
    for client, step, cost, evict in steps:
        clock.now += step
        if evict:
            limiter.evict_idle()
            requests.append((None, Fraction(clock.now), None))
        decisions.append(limiter.allow(client, float(cost)))
        requests.append((client, Fraction(clock.now), cost))
    assert decisions == _reference_decisions(rate, capacity, requests)


@PROPERTY
@given(st.integers(1, 3), st.integers(1, 4), st.lists(st.integers(-2, 3), max_size=40))
def test_never_more_than_a_burst_plus_the_rate_times_the_elapsed_time(rate, capacity, steps):
    clock = Clock()
    limiter = mod.TokenBucketLimiter(rate=rate, capacity=capacity, clock=clock)
    latest, allowed_at = -math.inf, []
    for step in steps:
        clock.now += step
        latest = max(latest, clock.now)  # how far time has really advanced since the first request
        if limiter.allow("u"):
            allowed_at.append(latest)
    for i, start in enumerate(allowed_at):
        for j in range(i, len(allowed_at)):
            assert j - i + 1 <= capacity + rate * (allowed_at[j] - start)
