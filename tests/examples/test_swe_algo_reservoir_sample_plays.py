"""Tested solution for swe-algo-reservoir-sample-plays."""

from __future__ import annotations

import itertools
import random
from collections import Counter
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from . import PROPERTY, load_example

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


class _ScriptedDraws:
    """A stand-in for random.Random whose randint answers come from a fixed list."""

    def __init__(self, draws):
        self.draws = iter(draws)

    def randint(self, low, high):
        value = next(self.draws)
        assert low <= value <= high
        return value


@PROPERTY
@given(st.integers(0, 6), st.integers(1, 6))
def test_every_item_is_kept_in_exactly_k_out_of_n_of_all_draw_sequences(n, k):
    # Item i (0-based, i >= k) draws uniformly from 0..i, so enumerating every draw sequence
    # gives the exact inclusion probabilities instead of a sampled estimate.
    choices = [range(i + 1) for i in range(k, n)]
    kept = Counter()
    runs = 0
    for draws in itertools.product(*choices):
        sample = mod.reservoir_sample(iter(range(n)), k, _ScriptedDraws(draws))
        assert sorted(sample) == sorted(set(sample)) and len(sample) == min(n, k)
        kept.update(sample)
        runs += 1
    for item in range(n):
        assert Fraction(kept[item], runs) == Fraction(min(n, k), n)


@PROPERTY
@given(st.lists(st.sampled_from(["a", "a", "b", "é", "😀"]), max_size=30), st.integers(0, 8), st.integers(0, 100))
def test_sample_is_drawn_from_the_stream_and_a_generator_gives_the_same_sample(stream, k, seed):
    from_list = mod.reservoir_sample(stream, k, random.Random(seed))
    from_generator = mod.reservoir_sample((item for item in stream), k, random.Random(seed))
    assert from_list == from_generator
    assert len(from_list) == min(k, len(stream))
    assert not Counter(from_list) - Counter(stream)  # duplicates in the stream, never invented ones
