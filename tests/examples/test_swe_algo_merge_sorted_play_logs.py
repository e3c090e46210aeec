"""Tested solution for swe-algo-merge-sorted-play-logs."""

from __future__ import annotations

import random

import pytest

from . import load_example

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
