"""Consistent hashing ring with virtual nodes, for assigning listeners (keys) to cache shards.

Each shard is placed at `vnodes` points on a 64-bit ring (hash of "shard#i"); a key belongs to the
first shard point clockwise from the key's hash (binary search in the sorted point list). Adding
or removing a shard moves only the keys in the arcs it gains or loses — about 1/N of them —
instead of nearly all keys as with `hash(key) % N`. Virtual nodes even out the load.
A stable hash (BLAKE2b) is used because Python's built-in `hash` of str changes between runs.

Complexity: lookup O(log(N · v)); adding or removing a shard O(v log(N · v)) with `bisect.insort`
(O(N · v) worst case for the list shifts); space O(N · v) for N shards with v virtual nodes.
"""

from __future__ import annotations

import bisect
import hashlib


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


class HashRing:
    def __init__(self, shards: list[str] | None = None, vnodes: int = 100) -> None:
        if vnodes < 1:
            raise ValueError("vnodes must be at least 1")
        self.vnodes = vnodes
        self.points: list[tuple[int, str]] = []
        self.shards: set[str] = set()
        for shard in shards or []:
            self.add(shard)

    def add(self, shard: str) -> None:
        if shard in self.shards:
            return
        self.shards.add(shard)
        for i in range(self.vnodes):
            bisect.insort(self.points, (_hash(f"{shard}#{i}"), shard))

    def remove(self, shard: str) -> None:
        if shard not in self.shards:
            raise KeyError(shard)
        self.shards.remove(shard)
        self.points = [p for p in self.points if p[1] != shard]

    def shard_for(self, key: str) -> str:
        if not self.points:
            raise LookupError("the ring has no shards")
        index = bisect.bisect_right(self.points, (_hash(key), "\uffff"))
        return self.points[index % len(self.points)][1]
