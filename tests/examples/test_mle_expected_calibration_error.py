"""Tests for examples/mle_expected_calibration_error.py (ECE and reliability bins)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from . import PROPERTY, load_example

mod = load_example("mle_expected_calibration_error.py")


def test_empty_input_is_zero():
    assert mod.expected_calibration_error([], []) == 0.0
    assert mod.maximum_calibration_error([], []) == 0.0
    assert mod.reliability_table([], []) == []


def test_single_prediction():
    assert mod.expected_calibration_error([0.8], [1]) == pytest.approx(0.2)
    assert mod.expected_calibration_error([0.8], [0]) == pytest.approx(0.8)


def test_hand_worked_example():
    # Bin [0.1, 0.2): mean 0.1, observed 0/2 -> gap 0.1. Bin [0.9, 1.0]: mean 0.9, observed 1/2 -> gap 0.4.
    probs, labels = [0.1, 0.1, 0.9, 0.9], [0, 0, 1, 0]
    table = mod.reliability_table(probs, labels, n_bins=10)
    assert [b.count for b in table] == [2, 2]
    assert mod.expected_calibration_error(probs, labels) == pytest.approx(0.25)
    assert mod.maximum_calibration_error(probs, labels) == pytest.approx(0.4)


def test_probability_one_falls_in_last_bin_and_zero_in_first():
    table = mod.reliability_table([0.0, 1.0], [0, 1], n_bins=4)
    assert (table[0].lower, table[-1].upper) == (0.0, 1.0)
    assert mod.expected_calibration_error([0.0, 1.0], [0, 1], n_bins=4) == 0.0


def test_perfectly_calibrated_large_sample_is_near_zero():
    rng = np.random.default_rng(7)
    p = rng.uniform(size=200_000)
    y = (rng.uniform(size=p.size) < p).astype(int)
    assert mod.expected_calibration_error(p, y, n_bins=15) < 0.01
    assert mod.expected_calibration_error(p, y, n_bins=15, strategy="quantile") < 0.01


def test_overconfident_model_has_large_error():
    rng = np.random.default_rng(1)
    true_p = rng.uniform(0.3, 0.7, size=50_000)
    y = (rng.uniform(size=true_p.size) < true_p).astype(int)
    pushed = np.where(true_p > 0.5, 0.95, 0.05)  # same order, overconfident scores
    assert mod.expected_calibration_error(pushed, y) > 0.3


def test_quantile_bins_have_equal_mass_and_keep_ties_together():
    table = mod.reliability_table([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8], [0] * 8, n_bins=4, strategy="quantile")
    assert [b.count for b in table] == [2, 2, 2, 2]
    probs = [0.02] * 6 + [0.5, 0.6]
    table = mod.reliability_table(probs, [0] * 8, n_bins=4, strategy="quantile")
    assert [b.count for b in table] == [6, 2]  # the six equal scores are one bin, not split across three
    # Splitting a tie would let row order change the answer: 0.5 for one order, 0.0 for another.
    assert mod.expected_calibration_error([0.5] * 4, [0, 0, 1, 1], 2, "quantile") == 0.0
    assert mod.expected_calibration_error([0.5] * 4, [0, 1, 0, 1], 2, "quantile") == 0.0


def test_ece_is_count_weighted_mean_of_gaps():
    rng = np.random.default_rng(3)
    p, y = rng.uniform(size=1000), rng.integers(0, 2, size=1000)
    table = mod.reliability_table(p, y, n_bins=10)
    manual = sum(b.count * abs(b.observed_rate - b.mean_predicted) for b in table) / 1000
    assert mod.expected_calibration_error(p, y, n_bins=10) == pytest.approx(manual)


@pytest.mark.parametrize(
    ("probs", "labels", "kwargs"),
    [
        ([0.5], [1, 0], {}),
        ([1.2], [1], {}),
        ([float("nan")], [1], {}),
        ([0.5], [2], {}),
        ([0.5], [1], {"n_bins": 0}),
        ([0.5], [1], {"strategy": "kmeans"}),
    ],
)
def test_bad_input_is_rejected(probs, labels, kwargs):
    with pytest.raises(ValueError):
        mod.expected_calibration_error(probs, labels, **kwargs)


SCORES = st.lists(
    st.tuples(st.one_of(st.sampled_from([0.0, 0.1, 0.3, 0.5, 0.7, 1.0]), st.floats(0, 1)), st.integers(0, 1)),
    max_size=30,
)
TIED_SCORES = st.lists(st.tuples(st.sampled_from([0.0, 0.02, 0.5]), st.integers(0, 1)), max_size=30)


def _uniform_table_by_scanning(pairs, n_bins):
    """Bin i holds [edge_i, edge_i+1) of the same edges; the last bin also takes 1.0. A linear scan per score."""
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    bins = {}
    for p, y in pairs:
        i = next((i for i in range(n_bins) if edges[i] <= p < edges[i + 1]), n_bins - 1)
        bins.setdefault(i, []).append((p, y))
    rows = []
    for i in sorted(bins):
        members = bins[i]
        rows.append(
            (len(members), sum(p for p, _ in members) / len(members), sum(y for _, y in members) / len(members))
        )
    return rows


@PROPERTY
@given(SCORES, st.integers(1, 12))
def test_uniform_bins_match_scanning_the_edges(pairs, n_bins):
    probs, labels = [p for p, _ in pairs], [y for _, y in pairs]
    table = mod.reliability_table(probs, labels, n_bins)
    expected = _uniform_table_by_scanning(pairs, n_bins)
    assert [(b.count, b.mean_predicted, b.observed_rate) for b in table] == [
        (n, pytest.approx(conf), pytest.approx(acc)) for n, conf, acc in expected
    ]
    n = len(pairs)
    ece = sum(count * abs(acc - conf) for count, conf, acc in expected) / n if n else 0.0
    assert mod.expected_calibration_error(probs, labels, n_bins) == pytest.approx(ece)
    assert (
        mod.maximum_calibration_error(probs, labels, n_bins)
        >= mod.expected_calibration_error(probs, labels, n_bins) - 1e-12
    )


@PROPERTY
@given(st.one_of(SCORES, TIED_SCORES), st.integers(1, 12), st.sampled_from(["uniform", "quantile"]), st.randoms())
def test_the_order_of_the_predictions_does_not_matter(pairs, n_bins, strategy, rng):
    shuffled = list(pairs)
    rng.shuffle(shuffled)
    ece = mod.expected_calibration_error([p for p, _ in pairs], [y for _, y in pairs], n_bins, strategy)
    again = mod.expected_calibration_error([p for p, _ in shuffled], [y for _, y in shuffled], n_bins, strategy)
    assert again == pytest.approx(ece)
    assert 0.0 <= ece <= 1.0
