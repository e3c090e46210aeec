"""Tested solution for graph-friends-of-friends-artists."""

from __future__ import annotations

import random
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from . import PROPERTY, load_example

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


PEOPLE = ["me", "ann", "bo", "zoë"]
ARTIST_IDS = ["a1", "a2", "a3", "ß", "東京"]
FOLLOWS = st.dictionaries(st.sampled_from(PEOPLE), st.lists(st.sampled_from(PEOPLE), max_size=5))
LIKES = st.dictionaries(st.sampled_from(PEOPLE), st.lists(st.sampled_from(ARTIST_IDS), max_size=6))


def _suggest_by_counting(user, listeners, artists, k, cap):
    already = set(artists.get(user, ()))
    votes = Counter()
    for followee in set(listeners.get(user, ())) - {user}:
        fresh = [a for a in dict.fromkeys(artists.get(followee, ())) if a not in already]
        votes.update(fresh if cap is None else fresh[:cap])  # the cap keeps a followee's first artists
    return [a for a, _ in sorted(votes.items(), key=lambda item: (-item[1], item[0]))][: max(k, 0)]


@PROPERTY
@given(FOLLOWS, LIKES, st.integers(-1, 6), st.one_of(st.none(), st.integers(0, 3)))
def test_suggestions_match_counting_votes_and_read_each_list_once(listeners, artists, k, cap):
    expected = _suggest_by_counting("me", listeners, artists, k, cap)
    one_shot_listeners = {p: iter(v) for p, v in listeners.items()}
    one_shot_artists = {p: iter(v) for p, v in artists.items()}
    assert mod.suggest_artists("me", one_shot_listeners, one_shot_artists, k, per_followee_cap=cap) == expected
