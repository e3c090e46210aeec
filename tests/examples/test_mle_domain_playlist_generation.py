"""Tests for examples/mle_domain_playlist_generation.py (co-occurrence playlist continuation)."""

from __future__ import annotations

import random

import pytest

from . import load_example

mod = load_example("mle_domain_playlist_generation.py")

ARTIST = {"a1": "A", "a2": "A", "a3": "A", "b1": "B", "c1": "C", "hit": "H"}


def test_cooccurrence_is_symmetric_windowed_and_ignores_repeats():
    m = mod.build_cooccurrence([["x", "y", "z", "x"]], window=1)
    assert m.neighbours["x"]["y"] == m.neighbours["y"]["x"] == 1
    assert "z" not in m.neighbours["x"]  # two positions apart, outside the window
    assert m.track_counts["x"] == 1


def test_empty_corpus_empty_seeds_and_zero_k():
    m = mod.build_cooccurrence([])
    assert mod.suggest(["x"], m, {}) == []
    m = mod.build_cooccurrence([["x", "y"]])
    assert mod.suggest([], m, {}, k=5) == ["x", "y"]  # no seeds: fall back to frequent tracks
    assert mod.suggest(["x"], m, {}, k=0) == []
    with pytest.raises(ValueError):
        mod.build_cooccurrence([["x"]], window=0)


def test_never_suggests_a_seed_and_caps_artists():
    corpus = [["s", "a1", "a2", "a3", "b1"]] * 3
    out = mod.suggest(["s"], mod.build_cooccurrence(corpus), ARTIST, k=10, max_per_artist=2)
    assert "s" not in out
    assert out == ["a1", "a2", "b1"]  # ties broken by id; a3 is the third track by artist A


def test_normalisation_keeps_a_global_hit_from_winning_everywhere():
    corpus = [["s", "c1"]] * 3 + [["s", "hit"]] * 3 + [["hit", f"z{i}"] for i in range(200)]
    out = mod.suggest(["s"], mod.build_cooccurrence(corpus), ARTIST, k=2)
    assert out[0] == "c1"


def test_single_seed_unknown_to_corpus_falls_back_to_popular():
    corpus = [["p", "q"], ["p", "r"]]
    assert mod.suggest(["never-seen"], mod.build_cooccurrence(corpus), {}, k=1) == ["p"]


def test_holdout_evaluation_on_clustered_playlists():
    rng = random.Random(0)
    genres = {g: [f"{g}{i}" for i in range(30)] for g in ("rock", "jazz", "folk")}
    artists = {f"{g}{i}": f"{g}-artist{i % 10}" for g in genres for i in range(30)}  # 3 tracks per artist

    def playlist():
        return rng.sample(genres[rng.choice(list(genres))], 12)

    train = [playlist() for _ in range(400)]
    test = [playlist() for _ in range(50)] + [["too", "short"]]
    result = mod.evaluate_holdout(train, test, artists, k=10, n_hidden=3)
    assert result["playlists"] == 50
    # Random suggestions from the right genre would find about 10 / 21 of the hidden tracks; from
    # the whole catalog about 10 / 81. Co-occurrence should stay inside the genre.
    assert result["recall_at_k"] > 0.3
    assert result["hit_rate"] > 0.6
    assert mod.evaluate_holdout(train, [], artists) == {"recall_at_k": 0.0, "hit_rate": 0.0, "playlists": 0}
