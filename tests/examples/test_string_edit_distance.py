"""Tested solution for string-did-you-mean-edit-distance."""

from __future__ import annotations

import functools
import random

from hypothesis import given
from hypothesis import strategies as st

from . import PROPERTY, load_example

edit_distance = load_example("string_edit_distance.py").edit_distance


def _reference_levenshtein(a: str, b: str) -> int:
    @functools.cache
    def d(i: int, j: int) -> int:
        if i == 0 or j == 0:
            return i + j
        return min(d(i - 1, j) + 1, d(i, j - 1) + 1, d(i - 1, j - 1) + (a[i - 1] != b[j - 1]))

    return d(len(a), len(b))


def test_known_distances_both_ways():
    cases = {("kitten", "sitting"): 3, ("flaw", "lawn"): 2, ("", "abc"): 3, ("abc", ""): 3, ("same", "same"): 0}
    for (a, b), want in cases.items():
        assert edit_distance(a, b) == want == edit_distance(b, a), (a, b)
    assert edit_distance("teh", "the") == 2  # plain Levenshtein: a transposition is two edits


def test_against_a_recursive_reference():
    rng = random.Random(6)
    for _ in range(200):
        a = "".join(rng.choices("abé", k=rng.randint(0, 7)))
        b = "".join(rng.choices("abé", k=rng.randint(0, 7)))
        assert edit_distance(a, b) == _reference_levenshtein(a, b), (a, b)


# Small alphabets make repeats and near-matches likely; "e" + U+0301 and "é" look alike but differ.
SHORT_TEXT = st.text(alphabet=["a", "b", "é", "e", "\u0301", "ß", "バ"], max_size=8)


@PROPERTY
@given(SHORT_TEXT, SHORT_TEXT)
def test_matches_the_recursive_definition(a, b):
    assert edit_distance(a, b) == _reference_levenshtein(a, b)


@PROPERTY
@given(SHORT_TEXT, SHORT_TEXT, SHORT_TEXT)
def test_is_a_metric(a, b, c):
    assert edit_distance(a, a) == 0
    assert edit_distance(a, b) == edit_distance(b, a)
    assert (edit_distance(a, b) == 0) == (a == b)
    assert edit_distance(a, c) <= edit_distance(a, b) + edit_distance(b, c)
    assert abs(len(a) - len(b)) <= edit_distance(a, b) <= max(len(a), len(b))
