"""Tested solution for graph-friends-of-friends-artists."""

from __future__ import annotations

import random
from collections import Counter

from . import load_example

mod = load_example("graph-friends-of-friends-artists.py")

LISTENERS = {"me": ["ann", "bo", "cy"], "ann": ["me"], "bo": [], "cy": []}
ARTISTS = {"me": ["a1"], "ann": ["a1", "a2", "a3"], "bo": ["a2", "a3", "a4"], "cy": ["a2", "a5"]}


def test_counts_excludes_followed_and_breaks_ties_by_id():
    assert mod.suggest_artists("me", LISTENERS, ARTISTS, k=3) == ["a2", "a3", "a4"]


def test_fewer_candidates_than_k_and_k_zero():
    assert mod.suggest_artists("me", LISTENERS, ARTISTS, k=10) == ["a2", "a3", "a4", "a5"]
    assert mod.suggest_artists("me", LISTENERS, ARTISTS, k=0) == []


def test_user_following_nobody_or_unknown():
    assert mod.suggest_artists("bo", LISTENERS, ARTISTS, k=3) == []
    assert mod.suggest_artists("ghost", LISTENERS, ARTISTS, k=3) == []


def test_duplicate_edges_and_self_follow_do_not_inflate():
    listeners = {"me": ["ann", "ann", "me"]}
    artists = {"me": ["x"], "ann": ["a", "a", "b"]}
    assert mod.suggest_artists("me", listeners, artists, k=5) == ["a", "b"]


def test_cap_limits_one_followee():
    listeners = {"me": ["hoarder", "friend"]}
    artists = {"hoarder": [f"z{i:03d}" for i in range(500)], "friend": ["z499"]}
    assert mod.suggest_artists("me", listeners, artists, k=2, per_followee_cap=10) == ["z000", "z001"]
    assert mod.suggest_artists("me", listeners, artists, k=1) == ["z499"]


def test_matches_brute_force():
    rng = random.Random(3)
    people = [f"u{i}" for i in range(60)]
    listeners = {p: rng.sample(people, 8) for p in people}
    artists = {p: rng.sample(range(40), 6) for p in people}
    artists = {p: [f"a{x:02d}" for x in v] for p, v in artists.items()}
    for user in people[:10]:
        counts = Counter(a for f in set(listeners[user]) if f != user for a in set(artists[f]))
        for a in artists[user]:
            counts.pop(a, None)
        expected = [a for a, _ in sorted(counts.items(), key=lambda i: (-i[1], i[0]))[:5]]
        assert mod.suggest_artists(user, listeners, artists, k=5) == expected
