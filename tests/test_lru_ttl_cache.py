"""Behaviour of the LRU cache with per-entry TTL shown in the Staff MLE worked examples."""

from __future__ import annotations

import importlib.util
import random
import sys
import threading

import pytest

from .conftest import ROOT

_PATH = ROOT / "examples" / "lru_ttl_cache.py"
_SPEC = importlib.util.spec_from_file_location("lru_ttl_cache", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
lru_ttl_cache = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = lru_ttl_cache  # dataclasses look the module up while building the class
_SPEC.loader.exec_module(lru_ttl_cache)
TTLLRUCache = lru_ttl_cache.TTLLRUCache


class FakeClock:
    """A clock that only moves when the test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def test_evicts_least_recently_used_when_full(clock):
    cache = TTLLRUCache(2, clock=clock)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.put("c", 3)  # "a" is the oldest and goes
    assert cache.get("a") is None
    assert cache.get("b") == 2
    assert cache.get("c") == 3
    assert len(cache) == 2


def test_get_refreshes_recency(clock):
    cache = TTLLRUCache(2, clock=clock)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # "a" is now the most recent, so "b" is the LRU entry
    cache.put("c", 3)
    assert cache.get("b") is None
    assert cache.get("a") == 1
    assert cache.get("c") == 3


def test_overwrite_refreshes_recency_without_growing(clock):
    cache = TTLLRUCache(2, clock=clock)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.put("a", 10)
    cache.put("c", 3)  # "b" is least recent after "a" was rewritten
    assert len(cache) == 2
    assert cache.get("a") == 10
    assert cache.get("b") is None


def test_entry_expires_after_its_ttl(clock):
    cache = TTLLRUCache(4, clock=clock)
    cache.put("track", "features", ttl=5)
    clock.advance(4.999)
    assert cache.get("track") == "features"
    clock.advance(0.001)  # exactly at the deadline counts as expired
    assert cache.get("track") is None
    assert cache.get("track", "fallback") == "fallback"


def test_default_ttl_applies_and_per_entry_ttl_overrides_it(clock):
    cache = TTLLRUCache(4, default_ttl=10, clock=clock)
    cache.put("default", 1)
    cache.put("short", 2, ttl=1)
    clock.advance(2)
    assert cache.get("short") is None
    assert cache.get("default") == 1
    clock.advance(8)
    assert cache.get("default") is None


def test_entries_without_ttl_never_expire(clock):
    cache = TTLLRUCache(2, clock=clock)
    cache.put("forever", 1)
    clock.advance(10**9)
    assert cache.get("forever") == 1


def test_overwrite_resets_ttl(clock):
    cache = TTLLRUCache(4, clock=clock)
    cache.put("k", "old", ttl=10)
    clock.advance(8)
    cache.put("k", "new", ttl=10)
    clock.advance(8)  # 16 s after the first write, 8 s after the second
    assert cache.get("k") == "new"
    clock.advance(2)
    assert cache.get("k") is None


def test_expired_entries_are_evicted_before_live_lru_ones(clock):
    cache = TTLLRUCache(3, clock=clock)
    cache.put("oldest-live", 1)  # least recently used, no TTL
    cache.put("short-lived", 2, ttl=1)
    cache.put("newest-live", 3)
    clock.advance(5)
    cache.put("incoming", 4)  # full: the expired entry must make room, not the LRU live one
    assert cache.get("oldest-live") == 1
    assert cache.get("newest-live") == 3
    assert cache.get("incoming") == 4
    assert cache.get("short-lived") is None
    assert len(cache) == 3


def test_len_excludes_expired_entries(clock):
    cache = TTLLRUCache(5, clock=clock)
    cache.put("a", 1, ttl=1)
    cache.put("b", 2, ttl=3)
    cache.put("c", 3)
    assert len(cache) == 3
    clock.advance(1)
    assert len(cache) == 2
    clock.advance(2)
    assert len(cache) == 1


def test_delete_reports_whether_a_live_entry_was_removed(clock):
    cache = TTLLRUCache(3, clock=clock)
    cache.put("a", 1)
    cache.put("b", 2, ttl=1)
    assert cache.delete("a") is True
    assert cache.get("a") is None
    assert cache.delete("a") is False
    clock.advance(1)
    assert cache.delete("b") is False  # present but already expired
    assert len(cache) == 0


def test_stale_heap_items_do_not_remove_rewritten_keys(clock):
    cache = TTLLRUCache(2, clock=clock)
    cache.put("k", 1, ttl=1)
    cache.delete("k")
    cache.put("k", 2)  # no TTL now; the old heap item for "k" must be ignored
    clock.advance(5)
    assert len(cache) == 1
    assert cache.get("k") == 2


def test_heap_stays_bounded_under_many_overwrites(clock):
    cache = TTLLRUCache(4, clock=clock)
    for i in range(10_000):
        cache.put(i % 4, i, ttl=60)
    assert len(cache) == 4
    assert len(cache._deadlines) <= 2 * 4 + 33


@pytest.mark.parametrize("capacity", [0, -1, 1.5, "3", True, None])
def test_invalid_capacity_is_rejected(capacity):
    with pytest.raises(ValueError):
        TTLLRUCache(capacity)


@pytest.mark.parametrize("ttl", [0, -2, float("nan"), float("inf")])
def test_invalid_ttl_is_rejected(clock, ttl):
    cache = TTLLRUCache(2, clock=clock)
    with pytest.raises(ValueError):
        cache.put("k", 1, ttl=ttl)
    with pytest.raises(ValueError):
        TTLLRUCache(2, default_ttl=ttl)


def test_concurrent_use_keeps_the_cache_consistent():
    cache = TTLLRUCache(64, default_ttl=0.05)
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def worker(seed: int) -> None:
        rng = random.Random(seed)
        try:
            start.wait()
            for _ in range(3_000):
                key = rng.randrange(200)
                action = rng.random()
                if action < 0.5:
                    cache.put(key, key * 2, ttl=rng.choice([None, 0.01, 1.0]))
                elif action < 0.9:
                    value = cache.get(key)
                    assert value is None or value == key * 2
                else:
                    cache.delete(key)
                assert len(cache) <= cache.capacity
        except BaseException as exc:  # surfaced in the main thread below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(seed,)) for seed in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    assert errors == []
    assert len(cache) <= 64
