"""Tested solution for swe-algo-artist-similarity-path."""

from __future__ import annotations

import itertools
import math
import random

import pytest

from . import load_example

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
