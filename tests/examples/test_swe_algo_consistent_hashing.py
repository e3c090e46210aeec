"""Tested solution for swe-algo-consistent-hashing."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from . import PROPERTY, load_example

mod = load_example("swe_algo_consistent_hashing.py")

KEYS = [f"listener-{i}" for i in range(20_000)]


def test_deterministic_and_balanced():
    ring = mod.HashRing([f"shard{i}" for i in range(10)], vnodes=200)
    again = mod.HashRing([f"shard{i}" for i in range(10)], vnodes=200)
    assignment = {k: ring.shard_for(k) for k in KEYS}
    assert assignment == {k: again.shard_for(k) for k in KEYS}
    load = Counter(assignment.values())
    assert len(load) == 10 and max(load.values()) < 1.3 * len(KEYS) / 10


def test_adding_a_shard_moves_about_one_nth():
    ring = mod.HashRing([f"shard{i}" for i in range(10)], vnodes=200)
    before = {k: ring.shard_for(k) for k in KEYS}
    ring.add("shard10")
    after = {k: ring.shard_for(k) for k in KEYS}
    moved = [k for k in KEYS if before[k] != after[k]]
    assert all(after[k] == "shard10" for k in moved)
    assert 0.05 < len(moved) / len(KEYS) < 0.14  # about 1/11


def test_removing_a_shard_only_moves_its_keys():
    ring = mod.HashRing(["a", "b", "c"], vnodes=50)
    before = {k: ring.shard_for(k) for k in KEYS[:3000]}
    ring.remove("b")
    for key, shard in before.items():
        if shard != "b":
            assert ring.shard_for(key) == shard
        else:
            assert ring.shard_for(key) in {"a", "c"}


def test_edge_cases():
    with pytest.raises(LookupError):
        mod.HashRing().shard_for("x")
    single = mod.HashRing(["only"], vnodes=1)
    assert {single.shard_for(k) for k in KEYS[:100]} == {"only"}
    single.add("only")  # adding twice is a no-op
    assert len(single.points) == 1
    with pytest.raises(KeyError):
        single.remove("missing")
    with pytest.raises(ValueError):
        mod.HashRing(vnodes=0)


def test_wraps_around_the_ring():
    ring = mod.HashRing(["a", "b"], vnodes=3)
    assert all(ring.shard_for(str(random.Random(i).random())) in {"a", "b"} for i in range(500))


def _owner_by_scanning(ring, key):
    """The shard of the first point at or after the key's hash, going round to the smallest point."""
    h = mod._hash(key)
    after = [point for point in ring.points if point[0] > h]
    return min(after or ring.points)[1]


SHARDS = st.lists(st.sampled_from(["s1", "s2", "s3", "cache-é", "東京"]), min_size=1, max_size=5, unique=True)
RING_KEYS = st.lists(st.text(max_size=6), min_size=1, max_size=20)


@PROPERTY
@given(SHARDS, st.integers(1, 5), RING_KEYS)
def test_lookup_matches_a_linear_scan_of_the_ring(shards, vnodes, keys):
    ring = mod.HashRing(shards, vnodes=vnodes)
    assert len(ring.points) == len(shards) * vnodes and ring.points == sorted(ring.points)
    for key in keys:
        assert ring.shard_for(key) == _owner_by_scanning(ring, key)


@PROPERTY
@given(SHARDS, st.sampled_from(["new", "s1", "ß"]), st.integers(1, 5), RING_KEYS)
def test_adding_a_shard_moves_keys_only_onto_it_and_removing_it_moves_them_back(shards, extra, vnodes, keys):
    ring = mod.HashRing(shards, vnodes=vnodes)
    before = {key: ring.shard_for(key) for key in keys}
    ring.add(extra)
    after = {key: ring.shard_for(key) for key in keys}
    assert all(after[key] in (before[key], extra) for key in keys)
    if extra not in shards:
        ring.remove(extra)
        assert {key: ring.shard_for(key) for key in keys} == before
