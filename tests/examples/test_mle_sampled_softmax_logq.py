"""Tests for examples/mle_sampled_softmax_logq.py (negative sampling and logQ-corrected loss)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from . import load_example

mod = load_example("mle_sampled_softmax_logq.py")


def test_sampling_distribution_uses_power_and_skips_zero_counts():
    q = mod.sampling_distribution([16, 1, 0], power=0.5)
    assert q == pytest.approx([4 / 5, 1 / 5, 0.0])
    assert q.sum() == pytest.approx(1.0)


@pytest.mark.parametrize("counts", [[], [0, 0], [1, -1], [[1, 2]]])
def test_sampling_distribution_rejects_bad_counts(counts):
    with pytest.raises(ValueError):
        mod.sampling_distribution(counts)


def test_samples_follow_q_and_never_hit_excluded_or_zero_items():
    rng = np.random.default_rng(0)
    q = mod.sampling_distribution([100, 0, 10, 1, 50])
    ids, q_ex = mod.sample_negatives(q, 200_000, rng, exclude=[4])
    assert not np.isin(ids, [1, 4]).any()
    freq = np.bincount(ids, minlength=5) / ids.size
    assert freq == pytest.approx(q_ex, abs=0.005)
    assert q_ex[4] == 0.0 and q_ex.sum() == pytest.approx(1.0)


def test_zero_negatives_and_everything_excluded():
    rng = np.random.default_rng(0)
    q = mod.sampling_distribution([1, 1])
    assert mod.sample_negatives(q, 0, rng)[0].size == 0
    with pytest.raises(ValueError):
        mod.sample_negatives(q, 3, rng, exclude=[0, 1])


def test_single_item_catalog():
    rng = np.random.default_rng(0)
    ids, q_ex = mod.sample_negatives(mod.sampling_distribution([5]), 4, rng)
    assert ids.tolist() == [0, 0, 0, 0] and q_ex.tolist() == [1.0]


def test_loss_matches_hand_computation():
    user, pos, neg = [[1.0, 0.0]], [[2.0, 0.0]], [[[0.0, 1.0], [1.0, 0.0]]]
    # logits: pos 2, negatives 0 and 1 -> loss = log(e^2 + e^0 + e^1) - 2
    expected = math.log(math.exp(2) + 1 + math.exp(1)) - 2
    assert mod.sampled_softmax_loss(user, pos, neg) == pytest.approx(expected)


def test_shared_negatives_equal_per_row_negatives():
    rng = np.random.default_rng(2)
    u, p, n = rng.normal(size=(3, 4)), rng.normal(size=(3, 4)), rng.normal(size=(5, 4))
    shared = mod.sampled_softmax_loss(u, p, n)
    per_row = mod.sampled_softmax_loss(u, p, np.broadcast_to(n, (3, 5, 4)))
    assert shared == pytest.approx(per_row)


def test_empty_batch_and_no_negatives():
    assert mod.sampled_softmax_loss(np.zeros((0, 3)), np.zeros((0, 3)), np.zeros((0, 2, 3))) == 0.0
    # With no negatives the positive is the only class: loss 0.
    assert mod.sampled_softmax_loss([[1.0]], [[3.0]], np.zeros((1, 0, 1))) == pytest.approx(0.0)


def test_large_logits_are_stable():
    loss = mod.sampled_softmax_loss([[1000.0]], [[1.0]], [[[1.0], [0.5]]])
    assert math.isfinite(loss) and loss == pytest.approx(math.log(1 + 1 + math.exp(-500)))


def test_logq_correction_makes_popularity_sampling_estimate_the_full_softmax():
    # With logQ correction, sampled logits estimate the full softmax's partition function
    # (uniform sampling needs no correction: log Q is the same constant for every item).
    rng = np.random.default_rng(5)
    n_items, d = 2000, 8
    items = rng.normal(scale=0.5, size=(n_items, d))
    users = rng.normal(scale=0.5, size=(64, d))
    target = rng.integers(0, n_items, size=64)
    exact = mod.full_softmax_loss(users, items, target)
    q = mod.sampling_distribution(1e6 / np.arange(1, n_items + 1))  # play counts falling with rank
    s = 20_000
    neg_ids, q_ex = mod.sample_negatives(q, s, rng)
    # Sampled-softmax estimate of log Z: logsumexp(dot - log(S * Q)).
    log_q_neg = np.log(s * q_ex[neg_ids])
    log_q_pos = np.zeros(64)  # the positive enters with its true logit
    corrected = mod.sampled_softmax_loss(users, items[target], items[neg_ids], log_q_pos, np.tile(log_q_neg, (64, 1)))
    uncorrected = mod.sampled_softmax_loss(users, items[target], items[neg_ids])
    assert corrected == pytest.approx(exact, abs=0.1)
    assert abs(uncorrected - exact) > 2 * abs(corrected - exact)


def test_mismatched_shapes_and_half_given_correction_raise():
    with pytest.raises(ValueError):
        mod.sampled_softmax_loss([[1.0, 2.0]], [[1.0]], [[[1.0]]])
    with pytest.raises(ValueError):
        mod.sampled_softmax_loss([[1.0]], [[1.0]], [[[1.0]]], log_q_pos=[0.0])
