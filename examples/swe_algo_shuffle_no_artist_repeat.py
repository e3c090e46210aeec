"""Order a queue of tracks so no two consecutive tracks are by the same artist.

Greedy with a max-heap keyed by how many tracks each artist has left: always place a track from
the artist with the most remaining tracks, except the artist just placed (held back one step).
It is possible exactly when the largest artist has at most ceil(n / 2) tracks — i.e. at most
n - m + 1 where m is that artist's count — and the greedy always succeeds then. A seeded random
tie-break and a shuffle within each artist make it a shuffle rather than one fixed order.

Complexity: O(n log a) time for n tracks by a artists; O(n) space. Returns None if impossible.
"""

from __future__ import annotations

import heapq
import random
from collections import defaultdict


def shuffle_no_repeat(tracks: list[tuple[str, str]], seed: int | None = None) -> list[tuple[str, str]] | None:
    """tracks are (track_id, artist) pairs."""
    rng = random.Random(seed)
    by_artist: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for track in tracks:
        by_artist[track[1]].append(track)
    if by_artist and max(map(len, by_artist.values())) > (len(tracks) + 1) // 2:
        return None
    for pile in by_artist.values():
        rng.shuffle(pile)
    heap = [(-len(pile), rng.random(), artist) for artist, pile in by_artist.items()]
    heapq.heapify(heap)
    result: list[tuple[str, str]] = []
    held: tuple[int, float, str] | None = None
    while heap:
        negative_left, _, artist = heapq.heappop(heap)
        result.append(by_artist[artist].pop())
        if held is not None:
            heapq.heappush(heap, held)
        held = (negative_left + 1, rng.random(), artist) if negative_left + 1 < 0 else None
    return result if len(result) == len(tracks) else None
