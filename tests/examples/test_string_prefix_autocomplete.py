"""Tested solution for string-prefix-autocomplete."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from . import PROPERTY, load_example

mod = load_example("string-prefix-autocomplete.py")

ARTISTS = [("Beyoncé", 90), ("Beck", 60), ("The Beatles", 95), ("Bee Gees", 70), ("Björk", 65), ("ABBA", 80)]


def test_prefix_returns_top_k_by_popularity():
    index = mod.build(ARTISTS, k=3)
    assert index.query("be") == ["The Beatles", "Beyoncé", "Bee Gees"]


def test_normalisation_applies_to_names_and_queries():
    index = mod.build(ARTISTS, k=5)
    assert index.query("BEYONCE") == ["Beyoncé"]
    assert index.query("bjo") == ["Björk"]
    assert index.query("the b") == ["The Beatles"]


def test_empty_prefix_is_global_top_k_and_unknown_prefix_is_empty():
    index = mod.build(ARTISTS, k=2)
    assert index.query("") == ["The Beatles", "Beyoncé"]
    assert index.query("zz") == []
    assert mod.build([], k=2).query("a") == []


def test_ties_are_alphabetical_and_fewer_than_k():
    index = mod.build([("Bb", 5), ("Ba", 5), ("Bc", 1)], k=10)
    assert index.query("b") == ["Ba", "Bb", "Bc"]


def test_invalid_k():
    with pytest.raises(ValueError):
        mod.Autocomplete(0)


def test_matches_brute_force_on_random_catalog():
    rng = random.Random(7)
    names = {"".join(rng.choice("abc") for _ in range(rng.randint(1, 6))) for _ in range(400)}
    artists = [(n, rng.randint(0, 1000)) for n in sorted(names)]
    index = mod.build(artists, k=4)
    for prefix in ["", "a", "ab", "cab", "bbb"]:
        expected = sorted((a for a in artists if a[0].startswith(prefix)), key=lambda a: (-a[1], a[0]))[:4]
        assert index.query(prefix) == [n for n, _ in expected]


NAME = st.lists(st.sampled_from(["a", "b", "B", "é", "e\u0301", " ", "ß", "バ"]), min_size=1, max_size=6).map("".join)
CATALOG = st.lists(st.tuples(st.one_of(NAME, NAME.map(lambda n: "The " + n)), st.integers(0, 5)), max_size=15)


def _matches(name, prefix):
    key = mod.normalise(name)
    keys = [key, key[4:]] if key.startswith("the ") else [key]
    return any(k.startswith(mod.normalise(prefix)) for k in keys)


@PROPERTY
@given(CATALOG, st.integers(1, 4), st.one_of(NAME, st.just(""), st.just("the ")))
def test_query_matches_filtering_and_sorting_the_whole_catalog(artists, k, prefix):
    index = mod.build(artists, k=k)
    entries = {(popularity, name) for name, popularity in artists if _matches(name, prefix)}
    expected = [name for _, name in sorted(entries, key=lambda e: (-e[0], e[1]))[:k]]
    assert index.query(prefix) == expected
    for name, _ in artists:  # every prefix of a normalised name finds something
        assert index.query(mod.normalise(name)[:2])
