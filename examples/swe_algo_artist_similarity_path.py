"""Cheapest chain of similar artists from one artist to another (Dijkstra).

Edges carry a non-negative distance (for example 1 − similarity). Dijkstra with a binary heap and
lazy deletion: pop the closest unsettled artist, skip stale heap entries, relax its edges, and
record each artist's predecessor to rebuild the path. Stops as soon as the target is settled.

Complexity: O((V + E) log V) time, O(V + E) space for the graph plus O(V) for distances.
Negative weights are rejected: Dijkstra is wrong with them (Bellman–Ford would be needed). Every
edge is checked before the search, O(E), because the search may stop before it reaches a negative
edge and would then return a wrong answer instead of an error.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Mapping


def cheapest_path(graph: Mapping[str, Mapping[str, float]], source: str, target: str) -> tuple[float, list[str]]:
    """Returns (distance, path); (inf, []) if the target cannot be reached."""
    for node, edges in graph.items():
        for neighbour, weight in edges.items():
            if weight < 0:
                raise ValueError(f"negative weight on {node} -> {neighbour}")
    if source == target:
        return 0.0, [source]
    dist = {source: 0.0}
    previous: dict[str, str] = {}
    heap = [(0.0, source)]
    settled: set[str] = set()
    while heap:
        d, node = heapq.heappop(heap)
        if node in settled:
            continue
        settled.add(node)
        if node == target:
            path = [node]
            while path[-1] != source:
                path.append(previous[path[-1]])
            return d, path[::-1]
        for neighbour, weight in graph.get(node, {}).items():
            candidate = d + weight
            if candidate < dist.get(neighbour, math.inf):
                dist[neighbour] = candidate
                previous[neighbour] = node
                heapq.heappush(heap, (candidate, neighbour))
    return math.inf, []
