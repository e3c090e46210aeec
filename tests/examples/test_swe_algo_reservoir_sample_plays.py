"""Tested solution for swe-algo-reservoir-sample-plays."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from . import load_example

mod = load_example("swe_algo_reservoir_sample_plays.py")


def test_short_stream_returns_everything():
    assert mod.reservoir_sample(range(3), 5, random.Random(0)) == [0, 1, 2]
    assert mod.reservoir_sample([], 5) == []


def test_k_zero_and_negative():
    assert mod.reservoir_sample(range(10), 0) == []
    with pytest.raises(ValueError):
        mod.reservoir_sample(range(10), -1)


def test_sample_size_distinct_members_and_generator_input():
    sample = mod.reservoir_sample((i for i in range(100_000)), 50, random.Random(1))
    assert len(sample) == 50 and len(set(sample)) == 50 and all(0 <= x < 100_000 for x in sample)


def test_uniform_inclusion_probability():
    rng = random.Random(2)
    n, k, trials = 20, 5, 20_000
    hits = Counter()
    for _ in range(trials):
        hits.update(mod.reservoir_sample(range(n), k, rng))
    expected = trials * k / n  # 5000
    assert all(abs(hits[i] - expected) < 0.06 * expected for i in range(n))
