"""Tested solution for graph-artist-clusters-union-find."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from . import PROPERTY, load_example

mod = load_example("graph-artist-clusters-union-find.py")


def test_threshold_is_inclusive_and_weak_edges_are_ignored():
    edges = [("a", "b", 0.9), ("b", "c", 0.5), ("c", "d", 0.49), ("e", "f", 0.7)]
    assert mod.artist_clusters(edges, 0.5) == [["a", "b", "c"], ["e", "f"], ["d"]]


def test_isolated_artists_self_loops_duplicates():
    edges = [("a", "a", 1.0), ("a", "b", 1.0), ("b", "a", 1.0)]
    assert mod.artist_clusters(edges, 0.5, artists=["z"]) == [["a", "b"], ["z"]]


def test_empty_input():
    assert mod.artist_clusters([], 0.5) == []
    assert mod.artist_clusters([], 0.5, artists=["x"]) == [["x"]]


def test_long_chain_has_no_recursion_problem_and_shallow_trees():
    n = 200_000
    edges = [(i, i + 1, 1.0) for i in range(n - 1)]
    clusters = mod.artist_clusters(edges, 0.5)
    assert len(clusters) == 1 and len(clusters[0]) == n
    dsu = mod.DisjointSet()
    for a, b, _ in edges:
        dsu.union(a, b)
    assert max(dsu.rank.values()) <= n.bit_length()  # union by rank keeps height O(log V)


def test_matches_bfs_components():
    rng = random.Random(11)
    nodes = list(range(300))
    edges = [(rng.choice(nodes), rng.choice(nodes), rng.random()) for _ in range(400)]
    adjacency = {v: set() for v in nodes}
    for a, b, w in edges:
        if w >= 0.6:
            adjacency[a].add(b)
            adjacency[b].add(a)
    seen, expected = set(), []
    for start in nodes:
        if start in seen:
            continue
        stack, comp = [start], []
        seen.add(start)
        while stack:
            v = stack.pop()
            comp.append(v)
            for w in adjacency[v] - seen:
                seen.add(w)
                stack.append(w)
        expected.append(sorted(comp, key=str))
    expected.sort(key=lambda c: (-len(c), str(c[0])))
    assert mod.artist_clusters(edges, 0.6, artists=nodes) == expected


def _components_by_search(edges, threshold, artists):
    nodes = list(dict.fromkeys([*artists, *(v for a, b, _ in edges for v in (a, b))]))
    adjacency = {v: set() for v in nodes}
    for a, b, weight in edges:
        if weight >= threshold:
            adjacency[a].add(b)
            adjacency[b].add(a)
    seen, clusters = set(), []
    for start in nodes:
        if start not in seen:
            seen.add(start)
            stack, component = [start], []
            while stack:
                v = stack.pop()
                component.append(v)
                stack.extend(adjacency[v] - seen)
                seen.update(adjacency[v])
            clusters.append(sorted(component, key=str))
    return sorted(clusters, key=lambda c: (-len(c), str(c[0])))


NAMES = st.sampled_from(["Abba", "abba", "Björk", "Bjo\u0308rk", "Sigur Rós", "東京事変", "Ζ", "a"])
EDGES = st.lists(st.tuples(NAMES, NAMES, st.sampled_from([0.0, 0.4, 0.5, 0.9])), max_size=15)


@PROPERTY
@given(EDGES, st.sampled_from([0.0, 0.5, 1.0]), st.lists(NAMES, max_size=4))
def test_clusters_match_a_graph_search_and_accept_one_shot_iterators(edges, threshold, artists):
    expected = _components_by_search(edges, threshold, artists)
    assert mod.artist_clusters(iter(edges), threshold, artists=iter(artists)) == expected
