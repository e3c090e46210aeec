"""Tested solution for swe-algo-consistent-hashing."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from . import load_example

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
