"""Tests for examples/mle_sampled_softmax_logq.py (negative sampling and logQ-corrected loss)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from . import PROPERTY, load_example

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


COUNTS = st.lists(st.integers(0, 50), min_size=1, max_size=8).filter(any)


@PROPERTY
@given(COUNTS, st.sampled_from([0.0, 0.5, 0.75, 1.0]))
def test_q_is_each_count_to_the_power_over_the_total(counts, power):
    weights = [c**power if c > 0 else 0.0 for c in counts]
    q = mod.sampling_distribution(counts, power)
    assert q.tolist() == pytest.approx([w / sum(weights) for w in weights])


@PROPERTY
@given(COUNTS, st.data(), st.integers(0, 30), st.integers(0, 2**32 - 1))
def test_negatives_avoid_excluded_and_unseen_items(counts, data, n, seed):
    q = mod.sampling_distribution(counts)
    exclude = data.draw(st.lists(st.integers(0, len(counts) - 1), max_size=3), label="exclude")
    if all(i in exclude for i, c in enumerate(counts) if c > 0):
        return  # nothing left to draw; raising is tested elsewhere
    ids, q_ex = mod.sample_negatives(q, n, np.random.default_rng(seed), exclude=iter(exclude))
    assert len(ids) == n and all(i not in exclude and counts[i] > 0 for i in ids.tolist())
    kept = [0.0 if i in exclude else p for i, p in enumerate(q.tolist())]
    assert q_ex.tolist() == pytest.approx([p / sum(kept) for p in kept])


def _loss_by_loops(user, pos, neg, log_q_pos, log_q_neg):
    total = 0.0
    for b, u in enumerate(user):
        pos_logit = sum(x * y for x, y in zip(u, pos[b], strict=True)) - log_q_pos[b]
        logits = [pos_logit] + [
            sum(x * y for x, y in zip(u, n, strict=True)) - log_q_neg[b][s] for s, n in enumerate(neg[b])
        ]
        top = max(logits)
        total += top + math.log(sum(math.exp(z - top) for z in logits)) - pos_logit
    return total / len(user)


SMALL = st.sampled_from([-2.0, -1.0, 0.0, 1.0, 3.0])
LOG_Q = st.sampled_from([math.log(0.1), math.log(0.5), 0.0])


@PROPERTY
@given(st.integers(1, 4), st.integers(0, 5), st.integers(1, 3), st.booleans(), st.data())
def test_sampled_loss_matches_loops_with_and_without_log_q(batch, negatives, dim, corrected, data):
    user = data.draw(arrays(float, (batch, dim), elements=SMALL), label="user")
    pos = data.draw(arrays(float, (batch, dim), elements=SMALL), label="pos")
    neg = data.draw(arrays(float, (batch, negatives, dim), elements=SMALL), label="neg")
    if corrected:
        log_q_pos = data.draw(arrays(float, batch, elements=LOG_Q), label="log_q_pos")
        log_q_neg = data.draw(arrays(float, (batch, negatives), elements=LOG_Q), label="log_q_neg")
        got = mod.sampled_softmax_loss(user, pos, neg, log_q_pos, log_q_neg)
    else:
        log_q_pos, log_q_neg = np.zeros(batch), np.zeros((batch, negatives))
        got = mod.sampled_softmax_loss(user, pos, neg)
    expected = _loss_by_loops(user.tolist(), pos.tolist(), neg.tolist(), log_q_pos.tolist(), log_q_neg.tolist())
    assert got == pytest.approx(expected)


@PROPERTY
@given(st.integers(1, 4), st.integers(1, 6), st.data())
def test_all_other_items_as_negatives_give_the_full_softmax(batch, catalog, data):
    items = data.draw(arrays(float, (catalog, 2), elements=SMALL), label="items")
    user = data.draw(arrays(float, (batch, 2), elements=SMALL), label="user")
    target = data.draw(arrays(int, batch, elements=st.integers(0, catalog - 1)), label="target")
    others = np.stack([np.delete(items, t, axis=0) for t in target])
    full = mod.full_softmax_loss(user, items, target)
    assert mod.sampled_softmax_loss(user, items[target], others) == pytest.approx(full)
