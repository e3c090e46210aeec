"""Tested solution for swe-algo-lfu-cache."""

from __future__ import annotations

import random

import pytest

from . import load_example

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
