"""Degrees of separation in a one-way follow graph: BFS, then bidirectional BFS that returns the path.

Solution for ``graph-degrees-of-separation``. ``graph`` maps a listener to the listeners they
follow; a listener missing from the map follows nobody.

* ``separation`` is the interview answer: breadth-first search from ``a``, marking a node as seen
  when it is enqueued, returning the level at which ``b`` is first discovered (-1 if never).
* ``shortest_path`` is the answer for a large social graph: search from both ends at once, always
  expanding one whole level of the smaller frontier. Forward steps follow edges from ``a``;
  backward steps from ``b`` use the reverse edges (who follows this listener), because follows are
  one-way. The first edge that joins the two searched regions closes a shortest path: while the
  regions are disjoint, every path is longer than the two depths combined, so the first join has
  exactly that length plus one. Parent pointers on both sides rebuild the path. ``max_steps``
  stops early when the answer would be longer than the product needs ("within 3 steps").

Complexity: ``separation`` is O(V + E) time and O(V) space. ``shortest_path`` is O(V + E) in the
worst case as well, but on a graph with branching factor b and distance d it visits roughly
2 * b^(d/2) nodes instead of b^d. Building the reverse index is O(V + E) once; in production it is
a stored follower index, not rebuilt per query.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable, Iterable, Mapping

Graph = Mapping[Hashable, Iterable[Hashable]]


def separation(graph: Graph, a: Hashable, b: Hashable) -> int:
    """Fewest follow steps from ``a`` to ``b``, or -1 when ``b`` cannot be reached."""
    if a == b:
        return 0
    seen, frontier, steps = {a}, [a], 0
    while frontier:
        steps += 1
        next_frontier = []
        for node in frontier:
            for nxt in graph.get(node, ()):
                if nxt == b:
                    return steps
                if nxt not in seen:
                    seen.add(nxt)
                    next_frontier.append(nxt)
        frontier = next_frontier
    return -1


def reverse_edges(graph: Graph) -> dict[Hashable, list[Hashable]]:
    """Follower lists: for every edge u -> v, v maps to u. O(V + E)."""
    reverse: dict[Hashable, list[Hashable]] = {}
    for node, targets in graph.items():
        for target in targets:
            reverse.setdefault(target, []).append(node)
    return reverse


def _walk(parents: dict[Hashable, Hashable | None], node: Hashable) -> list[Hashable]:
    """Follow parent pointers from ``node`` to the root of its search (the root has parent None)."""
    out = []
    current: Hashable | None = node
    while current is not None:
        out.append(current)
        current = parents[current]
    return out


def shortest_path(
    graph: Graph,
    a: Hashable,
    b: Hashable,
    reverse: Graph | None = None,
    max_steps: int | None = None,
) -> list[Hashable] | None:
    """One shortest list of listeners from ``a`` to ``b`` (both included), or None.

    ``reverse`` is the follower index. When it is not given, the follow lists are copied once and
    the index is built from the copy, so the lists may be one-shot iterators. With
    ``max_steps``, paths longer than that many follow steps count as not found.
    """
    if max_steps is not None and max_steps < 0:
        raise ValueError("max_steps must be non-negative")
    if a == b:
        return [a]
    if reverse is None:
        graph = {node: list(targets) for node, targets in graph.items()}  # read once: may be iterators
        reverse = reverse_edges(graph)
    # parents_f[x]: the node before x on the way from a; parents_b[x]: the node after x towards b.
    parents_f: dict[Hashable, Hashable | None] = {a: None}
    parents_b: dict[Hashable, Hashable | None] = {b: None}
    front_f, front_b = deque([a]), deque([b])
    depth = 0  # steps covered by both searches together
    while front_f and front_b:
        if max_steps is not None and depth >= max_steps:
            return None
        depth += 1
        forward = len(front_f) <= len(front_b)
        frontier = front_f if forward else front_b
        edges = graph if forward else reverse
        mine, other = (parents_f, parents_b) if forward else (parents_b, parents_f)
        for _ in range(len(frontier)):  # exactly one level
            node = frontier.popleft()
            for nxt in edges.get(node, ()):
                if nxt in other:  # the two regions meet on the edge node -> nxt
                    if forward:
                        return _walk(parents_f, node)[::-1] + _walk(parents_b, nxt)
                    return _walk(parents_f, nxt)[::-1] + _walk(parents_b, node)
                if nxt not in mine:
                    mine[nxt] = node
                    frontier.append(nxt)
    return None
