"""Property tests for examples/lru_ttl_cache.py (its worked-example tests are tests/test_lru_ttl_cache.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from . import PROPERTY, load_example

TTLLRUCache = load_example("lru_ttl_cache.py").TTLLRUCache


class _Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


class _ScanningCache:
    """Reference: a dict of key -> [value, deadline, last use]; eviction and expiry scan every entry."""

    def __init__(self, capacity, default_ttl):
        self.capacity, self.default_ttl, self.entries, self.uses = capacity, default_ttl, {}, 0

    def _live(self, key, now):
        entry = self.entries.get(key)
        return entry is not None and (entry[1] is None or now < entry[1])

    def get(self, key, now):
        if not self._live(key, now):
            self.entries.pop(key, None)
            return None
        self.uses += 1
        self.entries[key][2] = self.uses
        return self.entries[key][0]

    def put(self, key, value, ttl, now):
        self.entries = {k: e for k, e in self.entries.items() if self._live(k, now)}
        if key not in self.entries and len(self.entries) >= self.capacity:
            del self.entries[min(self.entries, key=lambda k: self.entries[k][2])]
        lifetime = self.default_ttl if ttl is None else ttl
        self.uses += 1
        self.entries[key] = [value, None if lifetime is None else now + lifetime, self.uses]

    def delete(self, key, now):
        was_live = self._live(key, now)
        self.entries.pop(key, None)
        return was_live

    def size(self, now):
        return sum(self._live(k, now) for k in self.entries)


KEYS = st.sampled_from(["a", "b", "c", "d", "é", "e\u0301"])
TTLS = st.one_of(st.none(), st.sampled_from([0.5, 1.0, 2.0, 3.0]))
CALLS = st.lists(
    st.tuples(
        st.sampled_from(["get", "put", "delete", "len"]),
        KEYS,
        st.integers(),
        TTLS,
        st.sampled_from([0.0, 0.0, 0.5, 1.0, 2.5]),  # how far the clock moves first
    ),
    max_size=50,
)


@PROPERTY
@given(st.integers(1, 4), TTLS, CALLS)
def test_behaves_like_a_cache_that_scans_every_entry(capacity, default_ttl, calls):
    clock = _Clock()
    cache, reference = TTLLRUCache(capacity, default_ttl, clock=clock), _ScanningCache(capacity, default_ttl)
    for name, key, value, ttl, step in calls:
        clock.now += step
        if name == "get":
            assert cache.get(key) == reference.get(key, clock.now)
        elif name == "put":
            cache.put(key, value, ttl=ttl)
            reference.put(key, value, ttl, clock.now)
        elif name == "delete":
            assert cache.delete(key) == reference.delete(key, clock.now)
        else:
            assert len(cache) == reference.size(clock.now) <= capacity
