"""Tested solution for swe-algo-merge-sorted-play-logs."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from . import PROPERTY, load_example

mod = load_example("swe_algo_merge_sorted_play_logs.py")


def test_merges_in_order_with_stable_ties():
    logs = [[(1, "a1"), (5, "a5")], [(1, "b1"), (2, "b2")], [], [(3, "c3")]]
    assert list(mod.merge_play_logs(logs)) == [(1, "a1"), (1, "b1"), (2, "b2"), (3, "c3"), (5, "a5")]


def test_empty_inputs():
    assert list(mod.merge_play_logs([])) == []
    assert list(mod.merge_play_logs([[], []])) == []


def test_single_log_passes_through():
    log = [(i, i) for i in range(10)]
    assert list(mod.merge_play_logs([log])) == log


def test_unsorted_log_is_rejected():
    with pytest.raises(ValueError):
        list(mod.merge_play_logs([[(1, "x"), (3, "y"), (2, "z")]]))


def test_large_random_matches_sorted_and_streams_generators():
    rng = random.Random(9)
    logs = [sorted((rng.randint(0, 10**6), f"{i}:{n}") for n in range(rng.randint(0, 500))) for i in range(50)]
    merged = list(mod.merge_play_logs(iter(log) for log in logs))
    assert [ts for ts, _ in merged] == sorted(ts for log in logs for ts, _ in log)
    assert len(merged) == sum(map(len, logs))


LOGS = st.lists(st.lists(st.integers(0, 20), max_size=8).map(sorted), max_size=6)


@PROPERTY
@given(LOGS)
def test_merge_is_a_stable_sort_of_all_events_read_once(timestamps_per_log):
    logs = [[(ts, f"log{i}#{n}") for n, ts in enumerate(log)] for i, log in enumerate(timestamps_per_log)]
    # Ties go to the earlier log, then to the earlier event in that log: a stable sort of the logs joined up.
    expected = sorted((event for log in logs for event in log), key=lambda event: event[0])
    one_shot = (iter(log) for log in logs)
    assert list(mod.merge_play_logs(one_shot)) == expected


@PROPERTY
@given(st.lists(st.integers(0, 20), min_size=2, max_size=8), LOGS)
def test_any_unsorted_log_is_reported(timestamps, others):
    bad = [(ts, "x") for ts in timestamps]
    if bad == sorted(bad, key=lambda event: event[0]):
        bad.reverse()
        if bad == sorted(bad, key=lambda event: event[0]):
            return  # all timestamps equal: there is no wrong order to make
    logs = [*([(ts, "o") for ts in log] for log in others), bad]
    with pytest.raises(ValueError):
        list(mod.merge_play_logs(logs))
