"""LFU cache with O(1) get and put (least frequently used evicted; ties go to least recently used).

Three hash maps: key -> value, key -> use count, and count -> an insertion-ordered dict of keys
(an OrderedDict acting as a doubly linked list). `min_count` tracks the lowest count present, so
eviction pops the oldest key of that bucket. A new key starts at count 1, so after an insert
`min_count` is 1.

Complexity: O(1) average time for `get` and `put`; O(capacity) space.
"""

from __future__ import annotations

from collections import OrderedDict, defaultdict
from collections.abc import Hashable
from typing import Any


class LFUCache:
    def __init__(self, capacity: int) -> None:
        if capacity < 0:
            raise ValueError(f"negative capacity {capacity} is not allowed")
        self.values: dict[Hashable, Any] = {}
        self.counts: dict[Hashable, int] = {}
        self.buckets: defaultdict[int, OrderedDict[Hashable, None]] = defaultdict(OrderedDict)
        self.min_count = 0
        self.capacity = capacity

    def _touch(self, key: Hashable) -> None:
        count = self.counts[key]
        bucket = self.buckets[count]
        del bucket[key]
        if not bucket:
            del self.buckets[count]
            if self.min_count == count:
                self.min_count = count + 1
        self.counts[key] = count + 1
        self.buckets[count + 1][key] = None

    def get(self, key: Hashable, default: Any = None) -> Any:
        if key not in self.values:
            return default
        self._touch(key)
        return self.values[key]

    def put(self, key: Hashable, value: Any) -> None:
        if self.capacity == 0:
            return
        if key in self.values:
            self.values[key] = value
            self._touch(key)
            return
        if len(self.values) >= self.capacity:
            bucket = self.buckets[self.min_count]
            victim, _ = bucket.popitem(last=False)
            if not bucket:
                del self.buckets[self.min_count]
            del self.values[victim]
            del self.counts[victim]
        self.values[key] = value
        self.counts[key] = 1
        self.buckets[1][key] = None
        self.min_count = 1

    def __len__(self) -> int:
        return len(self.values)

    def __contains__(self, key: Hashable) -> bool:
        return key in self.values
