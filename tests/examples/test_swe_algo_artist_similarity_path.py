"""Tested solution for swe-algo-artist-similarity-path."""

from __future__ import annotations

import itertools
import math
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from . import PROPERTY, load_example

mod = load_example("swe_algo_artist_similarity_path.py")

GRAPH = {"A": {"B": 0.5, "C": 0.1}, "C": {"B": 0.1, "D": 0.9}, "B": {"D": 0.2}, "D": {}}


def test_cheaper_longer_path_wins():
    distance, path = mod.cheapest_path(GRAPH, "A", "D")
    assert path == ["A", "C", "B", "D"] and distance == pytest.approx(0.4)


def test_same_node_unreachable_unknown():
    assert mod.cheapest_path(GRAPH, "A", "A") == (0.0, ["A"])
    assert mod.cheapest_path(GRAPH, "D", "A") == (math.inf, [])
    assert mod.cheapest_path({}, "X", "Y") == (math.inf, [])


def test_zero_weights_and_negative_rejected():
    assert mod.cheapest_path({"a": {"b": 0.0}, "b": {"c": 0.0}}, "a", "c") == (0.0, ["a", "b", "c"])
    with pytest.raises(ValueError):
        mod.cheapest_path({"a": {"b": -1.0}}, "a", "b")


def test_matches_bellman_ford_on_random_graphs():
    rng = random.Random(10)
    nodes = [str(i) for i in range(60)]
    graph = {n: {m: rng.random() for m in rng.sample(nodes, 4) if m != n} for n in nodes}
    best = {n: math.inf for n in nodes}
    best["0"] = 0.0
    for _ in range(len(nodes)):
        for n, edges in graph.items():
            for m, w in edges.items():
                best[m] = min(best[m], best[n] + w)
    for target in nodes[1:]:
        distance, path = mod.cheapest_path(graph, "0", target)
        assert distance == pytest.approx(best[target])
        if path:
            assert sum(graph[a][b] for a, b in itertools.pairwise(path)) == pytest.approx(distance)


ARTISTS = ["a", "b", "c", "d", "é", "東"]
# Whole-number weights keep sums exact, so distances can be compared with ==.
WEIGHTED_GRAPHS = st.dictionaries(
    st.sampled_from(ARTISTS),
    st.dictionaries(st.sampled_from(ARTISTS), st.integers(0, 4).map(float), max_size=4),
    max_size=6,
)


def _bellman_ford(graph, source):
    best = {source: 0.0}
    for _ in range(len(ARTISTS)):
        for node, edges in graph.items():
            for neighbour, weight in edges.items():
                if node in best and best[node] + weight < best.get(neighbour, math.inf):
                    best[neighbour] = best[node] + weight
    return best


@PROPERTY
@given(WEIGHTED_GRAPHS, st.sampled_from(ARTISTS), st.sampled_from(ARTISTS))
def test_distance_matches_bellman_ford_and_the_path_adds_up_to_it(graph, source, target):
    distance, path = mod.cheapest_path(graph, source, target)
    expected = _bellman_ford(graph, source).get(target, math.inf)
    assert distance == expected
    if expected == math.inf:
        assert path == []
    else:
        assert path[0] == source and path[-1] == target
        assert sum(graph[u][v] for u, v in itertools.pairwise(path)) == distance


@PROPERTY
@given(WEIGHTED_GRAPHS, st.sampled_from(ARTISTS), st.sampled_from(ARTISTS), st.data())
def test_any_negative_weight_is_rejected(graph, source, target, data):
    node = data.draw(st.sampled_from(ARTISTS))
    neighbour = data.draw(st.sampled_from(ARTISTS))
    graph = {**graph, node: {**graph.get(node, {}), neighbour: -1.0}}
    with pytest.raises(ValueError):
        mod.cheapest_path(graph, source, target)
