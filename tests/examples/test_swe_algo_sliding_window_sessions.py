"""Tested solution for swe-algo-sliding-window-sessions."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from . import PROPERTY, load_example

mod = load_example("swe_algo_sliding_window_sessions.py")


def test_sessions_split_on_gap_boundary_inclusive():
    ts = [0, 100, 100 + 1800, 100 + 1800 + 1801, 9000]
    assert mod.sessionize(ts) == [[0, 100, 1900], [3701], [9000]]


def test_unsorted_duplicates_empty_single():
    assert mod.sessionize([]) == []
    assert mod.sessionize([5]) == [[5]]
    assert mod.sessionize([50, 10, 10]) == [[10, 10, 50]]


def test_max_plays_in_window():
    assert mod.max_plays_in_window([], 60) == 0
    assert mod.max_plays_in_window([7], 60) == 1
    assert mod.max_plays_in_window([0, 30, 60, 61, 200], 60) == 3
    assert mod.max_plays_in_window([5, 5, 5], 0) == 3


def test_window_against_brute_force():
    rng = random.Random(8)
    ts = [rng.randint(0, 10_000) for _ in range(400)]
    brute = max(sum(1 for t in ts if s <= t <= s + 300) for s in ts)
    assert mod.max_plays_in_window(ts, 300) == brute
    sessions = mod.sessionize(ts, gap=60)
    assert sum(map(len, sessions)) == len(ts)
    for earlier, later in itertools.pairwise(sessions):
        assert later[0] - earlier[-1] > 60


@pytest.mark.parametrize("gap", [0, 1])
def test_small_gaps(gap):
    assert len(mod.sessionize([0, 1, 2], gap=gap)) == (3 if gap == 0 else 1)


TIMESTAMPS = st.lists(st.integers(0, 500), max_size=40)


@PROPERTY
@given(TIMESTAMPS, st.integers(0, 60))
def test_sessions_split_exactly_at_gaps_longer_than_the_limit(timestamps, gap):
    sessions = mod.sessionize(timestamps, gap=gap)
    assert [t for s in sessions for t in s] == sorted(timestamps)  # nothing lost, duplicates kept
    for session in sessions:
        assert all(b - a <= gap for a, b in itertools.pairwise(session))
    for earlier, later in itertools.pairwise(sessions):
        assert later[0] - earlier[-1] > gap


@PROPERTY
@given(TIMESTAMPS, st.integers(0, 100))
def test_busiest_window_matches_trying_every_start(timestamps, width):
    brute = max((sum(1 for t in timestamps if s <= t <= s + width) for s in timestamps), default=0)
    assert mod.max_plays_in_window(timestamps, width) == brute
