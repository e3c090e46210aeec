"""Tests for examples/mle_ann_recall_at_k.py (exact top-k and ANN recall@k)."""

from __future__ import annotations

import numpy as np
import pytest

from . import load_example

mod = load_example("mle_ann_recall_at_k.py")


def test_exact_top_k_small_example_and_order():
    items = [[1.0, 0.0], [0.0, 1.0], [0.7, 0.7], [-1.0, 0.0]]
    assert mod.exact_top_k([[1.0, 0.0]], items, k=2).tolist() == [[0, 2]]
    assert mod.exact_top_k([[0.0, 1.0]], items, k=3).tolist() == [[1, 2, 0]]


def test_ties_break_by_smaller_id():
    items = [[1.0], [1.0], [1.0], [0.5]]
    assert mod.exact_top_k([[2.0]], items, k=2).tolist() == [[0, 1]]


def test_k_larger_than_catalog_and_single_item():
    assert mod.exact_top_k([[1.0]], [[3.0]], k=5).tolist() == [[0]]
    assert mod.exact_top_k([[1.0], [-1.0]], [[3.0], [1.0]], k=10).tolist() == [[0, 1], [1, 0]]


def test_cosine_ignores_length():
    items = [[10.0, 0.0], [0.1, 0.1]]
    assert mod.exact_top_k([[1.0, 1.0]], items, k=1, metric="dot").tolist() == [[0]]
    assert mod.exact_top_k([[1.0, 1.0]], items, k=1, metric="cosine").tolist() == [[1]]


def test_batching_gives_the_same_answer_as_one_block():
    rng = np.random.default_rng(0)
    q, v = rng.normal(size=(37, 8)), rng.normal(size=(500, 8))
    full = mod.exact_top_k(q, v, k=10, batch_size=10_000)
    assert (mod.exact_top_k(q, v, k=10, batch_size=7) == full).all()
    brute = np.argsort(-(q @ v.T), axis=1, kind="stable")[:, :10]
    assert (full == brute).all()


def test_recall_basic_duplicates_and_padding():
    exact = [[1, 2, 3, 4]]
    assert mod.recall_at_k([[4, 3, 2, 1]], exact) == 1.0  # order does not matter
    assert mod.recall_at_k([[1, 1, 9, -1]], exact) == 0.25  # duplicates and padding count once / never
    assert mod.recall_at_k([[1, 2, 9, 3]], exact, k=2) == 1.0
    assert mod.recall_at_k([[9, 8]], [[1, 2]]) == 0.0


def test_recall_empty_and_mismatched_input():
    assert mod.recall_at_k([], []) == 0.0
    with pytest.raises(ValueError):
        mod.recall_at_k([[1]], [])
    with pytest.raises(ValueError):
        mod.recall_at_k([[1]], [[-1]])


@pytest.mark.parametrize(
    ("queries", "items", "kwargs"),
    [([[1.0]], [[1.0, 2.0]], {}), ([[1.0]], [[1.0]], {"k": 0}), ([[1.0]], [[1.0]], {"metric": "l1"})],
)
def test_bad_input_is_rejected(queries, items, kwargs):
    with pytest.raises(ValueError):
        mod.exact_top_k(queries, items, **{"k": 1, **kwargs})


def test_ivf_recall_rises_with_probes_and_is_exact_when_probing_everything():
    rng = np.random.default_rng(42)
    centres = rng.normal(scale=4.0, size=(20, 16))
    items = centres[rng.integers(0, 20, size=4000)] + rng.normal(size=(4000, 16))
    queries = centres[rng.integers(0, 20, size=50)] + rng.normal(size=(50, 16))
    exact = mod.exact_top_k(queries, items, k=10)
    recalls = [
        mod.recall_at_k(mod.toy_ivf_search(queries, items, k=10, n_lists=32, n_probe=p), exact) for p in (1, 4, 32)
    ]
    assert recalls[0] <= recalls[1] <= recalls[2]
    assert recalls[2] == pytest.approx(1.0)
    assert recalls[0] < 1.0
