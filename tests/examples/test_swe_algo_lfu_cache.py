"""Tested solution for swe-algo-lfu-cache."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from . import PROPERTY, load_example

mod = load_example("swe_algo_lfu_cache.py")


def test_evicts_least_frequent_then_least_recent():
    cache = mod.LFUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # a:2, b:1
    cache.put("c", 3)  # evicts b
    assert "b" not in cache and cache.get("c") == 3  # a:2, c:2
    cache.put("d", 4)  # tie on count 2 -> evict least recently used of them, a
    assert "a" not in cache and cache.get("c") == 3 and cache.get("d") == 4


def test_update_existing_counts_as_use():
    cache = mod.LFUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.put("a", 10)
    cache.put("c", 3)
    assert cache.get("a") == 10 and "b" not in cache


def test_zero_capacity_and_single_slot():
    empty = mod.LFUCache(0)
    empty.put("a", 1)
    assert empty.get("a") is None and len(empty) == 0
    one = mod.LFUCache(1)
    one.put("a", 1)
    one.put("b", 2)
    assert one.get("a", "miss") == "miss" and one.get("b") == 2
    with pytest.raises(ValueError):
        mod.LFUCache(-1)


def test_against_reference_model():
    rng = random.Random(4)
    cache = mod.LFUCache(8)
    values, counts, last_use = {}, {}, {}
    for clock in range(1, 20_001):
        key = rng.randint(0, 20)
        if rng.random() < 0.5:
            assert cache.get(key) == values.get(key)
            if key in values:
                counts[key] += 1
                last_use[key] = clock
        else:
            if key not in values and len(values) >= 8:
                victim = min(values, key=lambda k: (counts[k], last_use[k]))
                for store in (values, counts, last_use):
                    del store[victim]
            values[key] = clock
            counts[key] = counts.get(key, 0) + 1
            last_use[key] = clock
            cache.put(key, clock)
        assert set(cache.values) == set(values)


class _ListLFU:
    """Reference LFU: scan every entry on eviction. Ties on use count go to the oldest last use."""

    def __init__(self, capacity):
        self.capacity, self.entries, self.clock = capacity, {}, 0  # key -> [value, uses, last use]

    def get(self, key):
        self.clock += 1
        if key not in self.entries:
            return None
        entry = self.entries[key]
        entry[1] += 1
        entry[2] = self.clock
        return entry[0]

    def put(self, key, value):
        self.clock += 1
        if self.capacity == 0:
            return
        if key in self.entries:
            entry = self.entries[key]
            entry[0], entry[1], entry[2] = value, entry[1] + 1, self.clock
            return
        if len(self.entries) >= self.capacity:
            victim = min(self.entries, key=lambda k: (self.entries[k][1], self.entries[k][2]))
            del self.entries[victim]
        self.entries[key] = [value, 1, self.clock]


OPERATIONS = st.lists(
    st.tuples(st.sampled_from(["get", "put"]), st.sampled_from(["a", "b", "c", "d", "é", "e\u0301"]), st.integers()),
    max_size=60,
)


@PROPERTY
@given(st.integers(0, 4), OPERATIONS)
def test_behaves_like_a_cache_that_scans_for_the_victim(capacity, operations):
    cache, reference = mod.LFUCache(capacity), _ListLFU(capacity)
    for name, key, value in operations:
        if name == "get":
            assert cache.get(key) == reference.get(key)
        else:
            cache.put(key, value)
            reference.put(key, value)
        assert len(cache) == len(reference.entries) <= capacity
        assert {k: cache.values[k] for k in cache.values} == {k: e[0] for k, e in reference.entries.items()}
