"""Cluster artists connected by co-listening edges of weight at least a threshold.

Connected components with a disjoint-set union (union-find) using **both** union by rank and path
compression (path halving here, which is iterative and so safe on deep trees).

Complexity: O(V + E · α(V)) time — α is the inverse Ackermann function, at most 4 for any
realistic V, so effectively linear — and O(V) space. With union by rank alone a find is
O(log V); with path compression alone it is O(log V) amortised; the pair gives α(V).
Edges can be added incrementally without recomputing.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable


class DisjointSet:
    def __init__(self) -> None:
        self.parent: dict[Hashable, Hashable] = {}
        self.rank: dict[Hashable, int] = {}

    def add(self, x: Hashable) -> None:
        if x not in self.parent:
            self.parent[x] = x
            self.rank[x] = 0

    def find(self, x: Hashable) -> Hashable:
        self.add(x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]  # path halving
            x = self.parent[x]
        return x

    def union(self, a: Hashable, b: Hashable) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self.rank[ra] < self.rank[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        if self.rank[ra] == self.rank[rb]:
            self.rank[ra] += 1
        return True


def artist_clusters(
    edges: Iterable[tuple[Hashable, Hashable, float]],
    threshold: float,
    artists: Iterable[Hashable] = (),
) -> list[list[Hashable]]:
    """Clusters as sorted lists, largest first then by first member.

    An edge counts when weight >= threshold (inclusive). Artists listed in `artists` with no
    qualifying edge come back as single-artist clusters; self-loops and duplicate edges are harmless.
    """
    dsu = DisjointSet()
    for artist in artists:
        dsu.add(artist)
    for a, b, weight in edges:
        dsu.add(a)
        dsu.add(b)
        if weight >= threshold:
            dsu.union(a, b)
    groups: dict[Hashable, list[Hashable]] = {}
    for artist in dsu.parent:
        groups.setdefault(dsu.find(artist), []).append(artist)
    clusters = [sorted(members, key=str) for members in groups.values()]
    return sorted(clusters, key=lambda c: (-len(c), str(c[0])))
