"""Tested solution for graph-degrees-of-separation."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy.sparse import csr_array
from scipy.sparse.csgraph import shortest_path as scipy_shortest_path

from . import PROPERTY, load_example

mod = load_example("graph_degrees_of_separation.py")

FOLLOWS = {"a": ["b", "c"], "b": ["d"], "c": ["e"], "d": ["e"], "e": ["f", "a"], "x": ["a"]}


def _is_path(graph, path, a, b):
    return path[0] == a and path[-1] == b and all(v in graph.get(u, ()) for u, v in itertools.pairwise(path))


def test_small_graph_shortest_not_first_found():
    assert mod.separation(FOLLOWS, "a", "f") == 3  # a→c→e→f, not a→b→d→e→f
    assert mod.shortest_path(FOLLOWS, "a", "f") == ["a", "c", "e", "f"]


def test_same_listener_missing_listeners_and_empty_graph():
    assert mod.separation(FOLLOWS, "a", "a") == 0 and mod.shortest_path(FOLLOWS, "a", "a") == ["a"]
    assert mod.separation(FOLLOWS, "a", "nobody") == -1 and mod.shortest_path(FOLLOWS, "a", "nobody") is None
    assert mod.separation(FOLLOWS, "nobody", "a") == -1 and mod.shortest_path(FOLLOWS, "nobody", "a") is None
    assert mod.separation({}, 1, 2) == -1 and mod.shortest_path({}, 1, 2) is None


def test_follows_are_one_way_and_cycles_terminate():
    assert mod.separation(FOLLOWS, "f", "a") == -1 and mod.shortest_path(FOLLOWS, "f", "a") is None
    assert mod.shortest_path(FOLLOWS, "x", "f") == ["x", "a", "c", "e", "f"]
    ring = {i: [(i + 1) % 5] for i in range(5)}
    assert mod.separation(ring, 0, 4) == 4 and mod.shortest_path(ring, 3, 2) == [3, 4, 0, 1, 2]


def test_ties_return_one_valid_shortest_path():
    diamond = {"s": ["l", "r"], "l": ["t"], "r": ["t"]}
    path = mod.shortest_path(diamond, "s", "t")
    assert len(path) == 3 and _is_path(diamond, path, "s", "t")


def test_max_steps_limits_the_search():
    assert mod.shortest_path(FOLLOWS, "a", "f", max_steps=3) == ["a", "c", "e", "f"]
    assert mod.shortest_path(FOLLOWS, "a", "f", max_steps=2) is None
    assert mod.shortest_path(FOLLOWS, "a", "a", max_steps=0) == ["a"]
    with pytest.raises(ValueError):
        mod.shortest_path(FOLLOWS, "a", "f", max_steps=-1)


def test_precomputed_reverse_index_gives_the_same_answer():
    reverse = mod.reverse_edges(FOLLOWS)
    assert sorted(reverse["e"]) == ["c", "d"]
    assert mod.shortest_path(FOLLOWS, "a", "f", reverse=reverse) == mod.shortest_path(FOLLOWS, "a", "f")


def test_against_scipy_on_random_directed_graphs():
    rng = np.random.default_rng(11)
    for density in (0.02, 0.05, 0.12):
        n = 45
        edges = rng.random((n, n)) < density
        np.fill_diagonal(edges, False)
        graph = {u: [int(v) for v in np.flatnonzero(edges[u])] for u in range(n)}
        reverse = mod.reverse_edges(graph)
        dist = scipy_shortest_path(csr_array(edges.astype(float)), unweighted=True)
        for a in range(n):
            for b in range(n):
                want = -1 if math.isinf(dist[a, b]) else int(dist[a, b])
                assert mod.separation(graph, a, b) == want, (a, b)
                path = mod.shortest_path(graph, a, b, reverse=reverse)
                if want == -1:
                    assert path is None, (a, b)
                else:
                    assert len(path) == want + 1 and _is_path(graph, path, a, b), (a, b, path)


def test_long_chain_without_recursion_limits():
    n = 200_000
    chain = {i: [i + 1] for i in range(n - 1)}
    assert mod.separation(chain, 0, n - 1) == n - 1
    path = mod.shortest_path(chain, 0, n - 1)
    assert len(path) == n and path[0] == 0 and path[-1] == n - 1


def test_bidirectional_search_visits_far_fewer_nodes_on_a_bushy_graph():
    # A tree of fan-out 10 from a, and a tree of fan-in 10 into b, joined at one leaf.
    fan, depth = 10, 4
    graph: dict = {}
    level = ["a"]
    for d in range(depth):
        nxt = [f"f{d}-{i}" for i in range(len(level) * fan)]
        for i, node in enumerate(level):
            graph[node] = nxt[i * fan : (i + 1) * fan]
        level = nxt
    graph[level[0]] = ["b"]

    class Counting(dict):
        def __init__(self, data):
            super().__init__(data)
            self.calls = 0

        def get(self, key, default=None):
            self.calls += 1
            return super().get(key, default)

    counted = Counting(graph)
    path = mod.shortest_path(counted, "a", "b")
    assert len(path) == depth + 2 and _is_path(graph, path, "a", "b")
    # b has a single follower chain back to a, so the backward side stays tiny and does most of the work.
    assert counted.calls < 100 < sum(fan**d for d in range(depth + 1))


LISTENERS = ["a", "b", "c", "d", "e", "ö", "東"]
FOLLOW_GRAPHS = st.dictionaries(st.sampled_from(LISTENERS), st.lists(st.sampled_from(LISTENERS), max_size=4))


def _steps_by_relaxing(graph, a):
    """Fewest steps from a to every listener: relax every edge V times (Bellman–Ford with weight 1)."""
    steps = {a: 0}
    for _ in range(len(LISTENERS)):
        for node, targets in graph.items():
            for target in targets:
                if node in steps and steps[node] + 1 < steps.get(target, math.inf):
                    steps[target] = steps[node] + 1
    return steps


@PROPERTY
@given(FOLLOW_GRAPHS, st.sampled_from(LISTENERS), st.sampled_from(LISTENERS), st.one_of(st.none(), st.integers(0, 4)))
def test_both_searches_agree_with_relaxing_every_edge(graph, a, b, max_steps):
    expected = _steps_by_relaxing(graph, a).get(b)
    one_shot = {node: iter(targets) for node, targets in graph.items()}
    assert mod.separation(one_shot, a, b) == (-1 if expected is None else expected)
    one_shot = {node: iter(targets) for node, targets in graph.items()}
    path = mod.shortest_path(one_shot, a, b, max_steps=max_steps)
    if expected is None or (max_steps is not None and expected > max_steps):
        assert path is None
    else:
        assert _is_path(graph, path, a, b) and len(path) == expected + 1
