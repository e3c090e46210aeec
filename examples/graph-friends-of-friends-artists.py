"""Artist suggestions from the people a listener follows.

Count, over every listener the user follows, the artists that listener follows; skip artists the
user already follows; return the k most frequent, ties broken by artist id so results are stable.
`per_followee_cap` limits how many artists one followee contributes, so an account following
thousands of artists cannot dominate.

Complexity: O(N + M log k) time, where N is the number of (followee, artist) edges visited and M
the number of distinct candidates (heapq.nlargest keeps a k-sized heap); O(M) extra space.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable, Mapping


def suggest_artists(
    user: str,
    follows_listeners: Mapping[str, Iterable[str]],
    follows_artists: Mapping[str, Iterable[str]],
    k: int,
    per_followee_cap: int | None = None,
) -> list[str]:
    if k <= 0:
        return []
    already = set(follows_artists.get(user, ()))
    counts: Counter[str] = Counter()
    for followee in set(follows_listeners.get(user, ())):
        if followee == user:
            continue
        seen_here: set[str] = set()  # one vote per followee, even if the input repeats an edge
        for artist in follows_artists.get(followee, ()):
            if artist in already or artist in seen_here:
                continue
            if per_followee_cap is not None and len(seen_here) >= per_followee_cap:
                break
            seen_here.add(artist)
            counts[artist] += 1
    best = heapq.nsmallest(k, counts.items(), key=lambda item: (-item[1], item[0]))
    return [artist for artist, _ in best]
