"""Top-k most-streamed tracks from a stream of play events.

`TopKTracks` keeps an exact count per track (a hash map) and answers `top(k)` with a size-k heap
(`heapq.nsmallest` on (-count, track_id)), so ties are broken by track id and results are stable.

Complexity: `record` O(1); `top(k)` O(M log k) for M distinct tracks; space O(M).
When M is too large for memory, the follow-up is an approximate sketch (Count-Min plus a small heap,
or Space-Saving with a fixed number of counters) — exact counts are then recomputed in batch.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable


class TopKTracks:
    def __init__(self, min_ms: int = 0) -> None:
        self.min_ms = min_ms  # a play counts only if listened to at least this long
        self.counts: Counter[str] = Counter()

    def record(self, track_id: str, ms_played: int = 0) -> None:
        if ms_played >= self.min_ms:
            self.counts[track_id] += 1

    def top(self, k: int) -> list[tuple[str, int]]:
        if k <= 0:
            return []
        best = heapq.nsmallest(k, self.counts.items(), key=lambda item: (-item[1], item[0]))
        return [(track, count) for track, count in best]


def top_k_tracks(plays: Iterable[tuple[str, int]], k: int, min_ms: int = 0) -> list[tuple[str, int]]:
    counter = TopKTracks(min_ms)
    for track_id, ms_played in plays:
        counter.record(track_id, ms_played)
    return counter.top(k)
