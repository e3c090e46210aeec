"""Tests for examples/mle_ann_recall_at_k.py (exact top-k and ANN recall@k)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from . import PROPERTY, load_example

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


def _int_matrix(rows, cols):
    return arrays(int, (rows, cols), elements=st.integers(-3, 3)).map(lambda a: a.tolist())


@PROPERTY
@given(st.integers(1, 3), st.integers(1, 8), st.integers(1, 3), st.integers(1, 10), st.data())
def test_exact_top_k_is_a_full_sort_by_score_then_id(n_queries, n_items, dim, k, data):
    queries, items = data.draw(_int_matrix(n_queries, dim)), data.draw(_int_matrix(n_items, dim))
    got = mod.exact_top_k(queries, items, k, batch_size=2).tolist()
    for query, row in zip(queries, got, strict=True):
        score = {i: sum(a * b for a, b in zip(query, item, strict=True)) for i, item in enumerate(items)}
        assert row == sorted(score, key=lambda i: (-score[i], i))[:k]  # small integers: ties are exact


@PROPERTY
@given(st.integers(2, 10), st.integers(1, 4), st.data())
def test_probing_every_list_makes_the_toy_index_exact(n_items, k, data):
    items = np.array(data.draw(_int_matrix(n_items, 2)), dtype=float)
    queries = np.array(data.draw(_int_matrix(3, 2)), dtype=float)
    n_lists = data.draw(st.integers(1, n_items))
    found = mod.toy_ivf_search(queries, items, k, n_lists=n_lists, n_probe=n_lists)
    exact = mod.exact_top_k(queries, items, k)
    assert (found[:, : exact.shape[1]] == exact).all() and (found[:, exact.shape[1] :] == -1).all()
    assert mod.recall_at_k(found, exact) == 1.0


@PROPERTY
@given(
    st.lists(
        st.tuples(
            st.lists(st.integers(-1, 6), max_size=5), st.lists(st.integers(0, 6), min_size=1, max_size=5, unique=True)
        ),
        min_size=1,
        max_size=4,
    ),
    st.one_of(st.none(), st.integers(1, 5)),
)
def test_recall_is_the_share_of_true_neighbours_found(pairs, k):
    approx, exact = [a for a, _ in pairs], [e for _, e in pairs]
    shares = [len(set(a[:k]) & set(e[:k])) / len(set(e[:k])) for a, e in pairs]  # -1 is never in e
    assert mod.recall_at_k(approx, exact, k) == pytest.approx(sum(shares) / len(shares))
    assert mod.recall_at_k(exact, exact, k) == 1.0
