"""Popularity-based negative sampling and a sampled softmax loss with logQ correction.

Solution for the Staff MLE question ``mle-sampled-softmax-logq``. A two-tower retrieval model scores
a listener against every track with a dot product, but a full softmax over a catalog of ~100M
tracks is too expensive per training example. Instead each positive is compared with a few sampled
negatives. Sampling by popularity (counts raised to 0.75, as in word2vec) gives harder negatives
than uniform sampling, but it also biases the model against popular tracks unless every logit is
corrected by subtracting log Q(item), the log-probability that the sampler picks that item.

Functions
---------
* ``sampling_distribution(counts, power)`` -> Q, the probability of drawing each item.
* ``sample_negatives(q, n, rng, exclude)`` -> item ids drawn from Q, never any id in ``exclude``
  (the positive and tracks the listener already played, which would be false negatives).
* ``sampled_softmax_loss(user, pos, neg, log_q_pos, log_q_neg)`` -> mean cross-entropy of the
  positive against its negatives, with logQ correction and a numerically stable log-sum-exp.
* ``full_softmax_loss(user, items, target)`` -> the exact loss the sampled one approximates.

Complexity, for a batch of B users, embedding size d, S negatives and a catalog of N items:
sampling is O(N) once to build Q, then O(S log N) per batch (inverse-CDF search); the sampled loss
is O(B * S * d) time and O(B * S) extra space, against O(B * N * d) for the full softmax.
"""

from __future__ import annotations

import numpy as np


def sampling_distribution(counts, power: float = 0.75) -> np.ndarray:
    """Q(i) proportional to counts[i] ** power; items with zero count are never drawn."""
    c = np.asarray(counts, dtype=float)
    if c.ndim != 1 or c.size == 0:
        raise ValueError("counts must be a non-empty 1-D array")
    if (c < 0).any():
        raise ValueError("counts must be non-negative")
    w = np.where(c > 0, c**power, 0.0)
    total = w.sum()
    if total == 0:
        raise ValueError("at least one item needs a positive count")
    return w / total


def sample_negatives(q, n: int, rng: np.random.Generator, exclude=()) -> tuple[np.ndarray, np.ndarray]:
    """Draw n item ids from Q with replacement, never returning an id in ``exclude``.

    Excluded items get probability zero and Q is renormalised, so the caller must use the
    renormalised Q (returned second) for the logQ correction.
    """
    if n < 0:
        raise ValueError("n must be non-negative")
    q_ex = np.array(q, dtype=float)
    excluded = np.fromiter(exclude, dtype=int)
    if excluded.size:
        q_ex[excluded] = 0.0
    total = q_ex.sum()
    if total <= 0:
        raise ValueError("every item with a non-zero probability is excluded")
    q_ex /= total
    cdf = np.cumsum(q_ex)
    cdf[-1] = 1.0
    # side="right" skips zero-probability items, whose cdf step has width zero.
    ids = np.searchsorted(cdf, rng.uniform(size=n), side="right")
    return np.minimum(ids, q_ex.size - 1), q_ex


def _logsumexp(x: np.ndarray, axis: int) -> np.ndarray:
    m = np.max(x, axis=axis, keepdims=True)
    return np.squeeze(m, axis=axis) + np.log(np.sum(np.exp(x - m), axis=axis))


def sampled_softmax_loss(user, pos, neg, log_q_pos=None, log_q_neg=None) -> float:
    """Mean over the batch of -log softmax(positive) against its sampled negatives.

    user: (B, d) user embeddings; pos: (B, d) positive item embeddings; neg: (B, S, d) negatives,
    or (S, d) negatives shared by the whole batch. log_q_pos (B,) and log_q_neg (B, S) or (S,) are
    the sampler's log-probabilities; when given, each logit becomes dot - log Q (logQ correction).
    Passing log Q for the positive and the negatives alike is the usual training correction; passing
    0 for the positive and log(S * Q) for the S negatives turns the sum over negatives into an
    estimate of the full softmax's normaliser, which is how the tests compare it with the exact loss.
    """
    u = np.asarray(user, dtype=float)
    p = np.asarray(pos, dtype=float)
    n = np.asarray(neg, dtype=float)
    if u.ndim != 2 or p.shape != u.shape:
        raise ValueError("user and pos must both have shape (B, d)")
    if u.shape[0] == 0:
        return 0.0
    if n.ndim == 2:
        n = np.broadcast_to(n, (u.shape[0], *n.shape))
    if n.ndim != 3 or n.shape[0] != u.shape[0] or n.shape[2] != u.shape[1]:
        raise ValueError("neg must have shape (B, S, d) or (S, d)")
    pos_logit = np.einsum("bd,bd->b", u, p)
    neg_logit = np.einsum("bd,bsd->bs", u, n)
    if (log_q_pos is None) != (log_q_neg is None):
        raise ValueError("give both log_q_pos and log_q_neg, or neither")
    if log_q_pos is not None:
        pos_logit = pos_logit - np.asarray(log_q_pos, dtype=float)
        neg_logit = neg_logit - np.broadcast_to(np.asarray(log_q_neg, dtype=float), neg_logit.shape)
    logits = np.concatenate([pos_logit[:, None], neg_logit], axis=1)
    return float(np.mean(_logsumexp(logits, axis=1) - pos_logit))


def full_softmax_loss(user, items, target) -> float:
    """Exact mean cross-entropy over all N items; target holds the positive item id per user."""
    u = np.asarray(user, dtype=float)
    v = np.asarray(items, dtype=float)
    t = np.asarray(target, dtype=int)
    if u.shape[0] == 0:
        return 0.0
    logits = u @ v.T
    return float(np.mean(_logsumexp(logits, axis=1) - logits[np.arange(u.shape[0]), t]))
