"""Tested solution for swe-algo-merge-listening-intervals."""

from __future__ import annotations

import random

import pytest

from . import load_example

mod = load_example("swe_algo_merge_listening_intervals.py")


def test_overlapping_touching_and_nested():
    spans = [(10, 20), (0, 5), (15, 30), (30, 40), (50, 55), (51, 52)]
    assert mod.merge_intervals(spans) == [(0, 5), (10, 40), (50, 55)]
    assert mod.total_listened(spans) == 5 + 30 + 5


def test_empty_single_and_zero_length():
    assert mod.merge_intervals([]) == []
    assert mod.total_listened([]) == 0
    assert mod.merge_intervals([(3, 3)]) == [(3, 3)]


def test_invalid_interval():
    with pytest.raises(ValueError):
        mod.merge_intervals([(5, 1)])


def test_random_against_second_by_second_count():
    rng = random.Random(2)
    spans = []
    for _ in range(300):
        start = rng.randint(0, 5000)
        spans.append((start, start + rng.randint(0, 200)))
    covered = set()
    for start, end in spans:
        covered.update(range(start, end))
    assert mod.total_listened(spans) == len(covered)
