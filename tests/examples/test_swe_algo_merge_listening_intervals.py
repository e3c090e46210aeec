"""Tested solution for swe-algo-merge-listening-intervals."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from . import PROPERTY, load_example

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


INTERVALS = st.lists(
    st.tuples(st.integers(-50, 200), st.integers(0, 40)).map(lambda se: (se[0], se[0] + se[1])),
    max_size=30,
)


@PROPERTY
@given(INTERVALS)
def test_total_is_the_count_of_covered_seconds(spans):
    covered = {second for start, end in spans for second in range(start, end)}
    assert mod.total_listened(spans) == len(covered)
    assert mod.total_listened(iter(spans)) == len(covered)  # a one-shot iterator is read once


@PROPERTY
@given(INTERVALS)
def test_merged_intervals_are_sorted_apart_and_cover_exactly_the_input(spans):
    merged = mod.merge_intervals(spans)
    assert all(a_end < b_start for (_, a_end), (b_start, _) in itertools.pairwise(merged))
    # Every input lies inside one merged interval, and every merged interval starts and ends at an input's ends.
    for start, end in spans:
        assert any(m_start <= start and end <= m_end for m_start, m_end in merged)
    assert {s for s, _ in merged} <= {s for s, _ in spans}
    assert {e for _, e in merged} <= {e for _, e in spans}
    assert mod.merge_intervals(merged) == merged
