"""Tested solution for applied-py-ndcg-at-k."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from . import PROPERTY, load_example

ndcg = load_example("applied_py_ndcg_at_k.py").ndcg_at_k


def _reference_ndcg(relevance: list[float], k: int) -> float:
    def dcg(rels: list[float]) -> float:
        return sum((2**r - 1) / math.log2(i + 2) for i, r in enumerate(rels[:k]))

    ideal = dcg(sorted(relevance, reverse=True))
    return dcg(list(relevance)) / ideal if ideal > 0 else 0.0


def test_worked_example_and_perfect_order():
    assert ndcg([3, 2, 0, 1], k=3) == pytest.approx(0.947, abs=5e-4)  # the value the docstring gives
    assert ndcg([3, 2, 1, 0], k=4) == pytest.approx(1.0)


def test_edge_cases():
    assert ndcg([], k=3) == 0.0 and ndcg([0, 0, 0], k=2) == 0.0 and ndcg([3, 1], k=0) == 0.0
    assert ndcg([0, 1], k=5) == pytest.approx(_reference_ndcg([0, 1], 5))  # k beyond the list


def test_against_a_plain_loop():
    rng = np.random.default_rng(2)
    for _ in range(50):
        rel = list(rng.integers(0, 4, rng.integers(1, 12)))
        k = int(rng.integers(1, 15))
        assert ndcg(rel, k) == pytest.approx(_reference_ndcg(rel, k)), (rel, k)


RELEVANCE = st.lists(st.one_of(st.integers(0, 4), st.sampled_from([0.5, 2.5])), max_size=12)


@PROPERTY
@given(RELEVANCE, st.integers(-1, 15))
def test_matches_a_plain_loop_and_stays_between_zero_and_one(relevance, k):
    expected = _reference_ndcg(relevance, k) if k > 0 else 0.0
    assert ndcg(relevance, k) == pytest.approx(expected)
    assert 0.0 <= ndcg(relevance, k) <= 1.0 + 1e-12


@PROPERTY
@given(RELEVANCE, st.integers(1, 15))
def test_the_ideal_order_scores_one_whenever_anything_is_relevant(relevance, k):
    best_first = sorted(relevance, reverse=True)
    assert ndcg(best_first, k) == (pytest.approx(1.0) if any(relevance) else 0.0)
