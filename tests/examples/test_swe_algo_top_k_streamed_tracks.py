"""Tested solution for swe-algo-top-k-streamed-tracks."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from . import PROPERTY, load_example

mod = load_example("swe_algo_top_k_streamed_tracks.py")


def test_top_k_with_ties_and_threshold():
    plays = [("b", 40_000), ("a", 40_000), ("c", 40_000), ("a", 5_000), ("b", 31_000), ("a", 30_000)]
    assert mod.top_k_tracks(plays, 2, min_ms=30_000) == [("a", 2), ("b", 2)]
    assert mod.top_k_tracks(plays, 10, min_ms=30_000) == [("a", 2), ("b", 2), ("c", 1)]


def test_empty_and_non_positive_k():
    assert mod.top_k_tracks([], 3) == []
    assert mod.top_k_tracks([("a", 1)], 0) == []


def test_single_track():
    assert mod.top_k_tracks([("only", 0)] * 5, 3) == [("only", 5)]


def test_incremental_matches_sort():
    rng = random.Random(5)
    counter = mod.TopKTracks()
    truth: dict[str, int] = {}
    for _ in range(50_000):
        track = f"t{int(rng.paretovariate(1.2)) % 3000}"
        counter.record(track)
        truth[track] = truth.get(track, 0) + 1
    expected = sorted(truth.items(), key=lambda i: (-i[1], i[0]))[:10]
    assert counter.top(10) == expected


@pytest.mark.parametrize("k", [1, 3])
def test_k_bigger_than_one(k):
    assert len(mod.top_k_tracks([("x", 0), ("y", 0), ("z", 0)], k)) == k


PLAYS = st.lists(st.tuples(st.sampled_from(["a", "b", "c", "d", "é", "e\u0301", "東京", "😀"]), st.integers(0, 60_000)))


@PROPERTY
@given(PLAYS, st.integers(-1, 10), st.integers(0, 60_000))
def test_top_k_is_the_head_of_a_full_sort_by_count_then_id(plays, k, min_ms):
    counts: dict[str, int] = {}
    for track, ms in plays:
        if ms >= min_ms:
            counts[track] = counts.get(track, 0) + 1
    expected = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[: max(k, 0)]
    assert mod.top_k_tracks(iter(plays), k, min_ms=min_ms) == expected
