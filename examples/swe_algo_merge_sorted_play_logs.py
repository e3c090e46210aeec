"""Merge k play logs, each already sorted by timestamp, into one sorted stream.

A min-heap holds the next unread event of every log, keyed by (timestamp, log index, position) so
ties are deterministic (earlier log first) and events are never compared directly. The merge is a
generator: it streams, so logs larger than memory can be merged from files.

Complexity: O(N log k) time for N events in k logs; O(k) extra space.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from typing import Any


def merge_play_logs(logs: Iterable[Iterable[tuple[int, Any]]]) -> Iterator[tuple[int, Any]]:
    """Yield (timestamp, payload) events from all logs in timestamp order.

    Raises ValueError if a log is not sorted, rather than silently emitting a wrong order.
    """
    iterators = [iter(log) for log in logs]
    heap: list[tuple[int, int, int, Any]] = []
    for index, it in enumerate(iterators):
        first = next(it, None)
        if first is not None:
            heap.append((first[0], index, 0, first[1]))
    heapq.heapify(heap)
    while heap:
        ts, index, position, payload = heap[0]
        yield ts, payload
        following = next(iterators[index], None)
        if following is None:
            heapq.heappop(heap)
        else:
            if following[0] < ts:
                raise ValueError(f"log {index} is not sorted at position {position + 1}")
            heapq.heapreplace(heap, (following[0], index, position + 1, following[1]))
