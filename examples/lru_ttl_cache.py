"""A thread-safe least-recently-used (LRU) cache whose entries expire after a time-to-live (TTL).

Worked example for the Staff Machine Learning Engineer guide. A cache like this sits in front
of slow lookups in a serving process: a listener's feature vector, the candidate tracks for a
Home shelf, or an artist's metadata, kept for a few seconds or minutes so that repeated requests
do not all go back to the feature store.

Design
------
* An ``OrderedDict`` keeps the entries in recency order, least recently used first. Looking a
  key up, marking it as most recent and dropping the least recent entry are all O(1).
* A binary min-heap ordered by deadline finds entries that have run out of time without scanning
  the whole cache. Heap items are never edited in place: overwriting, deleting or evicting a key
  leaves its old item behind, and a per-entry token tells a live item from a stale one (lazy
  deletion). The heap is rebuilt once stale items outnumber live ones, so it stays O(capacity).
* Expiry is lazy. A read that finds an entry past its deadline drops it and reports a miss; writes
  and ``len()`` first sweep every entry that is due. When the cache is full, expired entries are
  therefore always removed before any live entry is evicted for being least recently used.
* Time comes from an injectable ``clock`` (``time.monotonic`` by default, which never jumps when
  the wall clock is corrected), so tests can move time forward by hand.
* A single lock guards every public method, so the cache can be shared between threads.
"""

from __future__ import annotations

import heapq
import itertools
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


@dataclass(slots=True)
class _Entry(Generic[V]):
    """One cached value with its absolute deadline (``None`` = never expires)."""

    value: V
    deadline: float | None
    token: int


def _check_ttl(ttl: float | None, name: str) -> None:
    if ttl is not None and not (ttl > 0 and math.isfinite(ttl)):
        raise ValueError(f"{name} must be a positive, finite number of seconds or None, got {ttl!r}")


class TTLLRUCache(Generic[K, V]):
    """Bounded mapping with least-recently-used eviction and optional per-entry expiry.

    Args:
        capacity: Largest number of entries held at once; must be a positive integer.
        default_ttl: Seconds an entry lives when ``put`` is given no ``ttl``; ``None`` means
            entries stored without a ``ttl`` never expire.
        clock: Zero-argument function returning the current time in seconds. Inject a fake one
            in tests.

    Complexity: ``get`` and ``delete`` are O(1); ``put`` is amortised O(log n), because each heap
    item is pushed once and popped at most once, and heap rebuilds add amortised O(1). Memory is
    O(capacity).
    """

    def __init__(
        self,
        capacity: int,
        default_ttl: float | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if isinstance(capacity, bool) or not isinstance(capacity, int) or capacity < 1:
            raise ValueError(f"capacity must be a positive integer, got {capacity!r}")
        _check_ttl(default_ttl, "default_ttl")
        self._capacity = capacity
        self._default_ttl = default_ttl
        self._clock = clock
        self._entries: OrderedDict[K, _Entry[V]] = OrderedDict()
        self._deadlines: list[tuple[float, int, K]] = []  # (deadline, token, key), smallest first
        self._tokens = itertools.count()
        self._lock = threading.Lock()

    @property
    def capacity(self) -> int:
        """Largest number of entries the cache holds."""
        return self._capacity

    def get(self, key: K, default: V | None = None) -> V | None:
        """Return the live value for ``key`` and mark it most recently used, else ``default``."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return default
            if self._is_expired(entry, self._clock()):
                del self._entries[key]  # its heap item is now stale and will be skipped
                return default
            self._entries.move_to_end(key)
            return entry.value

    def put(self, key: K, value: V, ttl: float | None = None) -> None:
        """Store ``value`` under ``key`` as the most recently used entry.

        ``ttl`` (seconds) overrides the cache's ``default_ttl`` for this entry. Overwriting a key
        replaces its value and restarts its time-to-live. If the cache is full, expired entries
        are dropped first and only then the least recently used live entry.
        """
        _check_ttl(ttl, "ttl")
        lifetime = self._default_ttl if ttl is None else ttl
        with self._lock:
            now = self._clock()
            self._sweep(now)
            if key in self._entries:
                self._entries.move_to_end(key)
            elif len(self._entries) >= self._capacity:
                self._entries.popitem(last=False)
            token = next(self._tokens)
            deadline = None if lifetime is None else now + lifetime
            self._entries[key] = _Entry(value, deadline, token)
            if deadline is not None:
                heapq.heappush(self._deadlines, (deadline, token, key))
                self._compact_if_stale()

    def delete(self, key: K) -> bool:
        """Remove ``key``. Return True if a live entry was removed, False if it was absent or expired."""
        with self._lock:
            entry = self._entries.pop(key, None)
            return entry is not None and not self._is_expired(entry, self._clock())

    def __len__(self) -> int:
        """Number of live entries; expired ones are swept out first and never counted."""
        with self._lock:
            self._sweep(self._clock())
            return len(self._entries)

    # Internal helpers: the caller must hold self._lock. ------------------------------------

    @staticmethod
    def _is_expired(entry: _Entry[V], now: float) -> bool:
        return entry.deadline is not None and now >= entry.deadline

    def _sweep(self, now: float) -> None:
        """Drop every entry whose deadline has passed, in deadline order."""
        heap = self._deadlines
        while heap and heap[0][0] <= now:
            _, token, key = heapq.heappop(heap)
            entry = self._entries.get(key)
            if entry is not None and entry.token == token:
                del self._entries[key]

    def _compact_if_stale(self) -> None:
        """Rebuild the heap from live entries once stale items clearly outnumber live ones."""
        if len(self._deadlines) <= 2 * len(self._entries) + 32:
            return
        self._deadlines = [
            (entry.deadline, entry.token, key) for key, entry in self._entries.items() if entry.deadline is not None
        ]
        heapq.heapify(self._deadlines)
