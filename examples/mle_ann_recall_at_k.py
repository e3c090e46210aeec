"""Recall@k of an approximate nearest-neighbour (ANN) index against exact search.

Solution for the Staff MLE question ``mle-ann-recall-at-k``. Before an ANN index (HNSW, IVF-PQ,
ScaNN...) serves candidate tracks, you measure how many of the true top-k neighbours it returns for
a sample of query embeddings. That recall, read next to latency and memory, is what you tune the
index parameters against.

* ``exact_top_k`` scores every item by dot product (or cosine, after normalising) and keeps the k
  best with ``argpartition``, then sorts only those k. Ties at the k-th score are broken by the
  smaller item id, so the ground truth is deterministic.
* ``recall_at_k`` compares each query's ANN ids with its exact ids: |ANN ∩ exact| / k, averaged
  over queries. Duplicate or padding ids (-1) returned by an index never count twice.
* ``toy_ivf_search`` is a deliberately simple inverted-file index (assign items to the nearest of
  a few centroids, search only the ``n_probe`` closest lists), so the tests can show recall rising
  with the number of lists probed.

Complexity: exact search is O(Q * N * d) time for Q queries, N items, dimension d, and O(Q * N)
space if done in one block (``batch_size`` bounds it to O(batch_size * N)); the top-k selection is
O(N + k log k) per query. Recall is O(Q * k) with sets.
"""

from __future__ import annotations

import numpy as np


def _normalise(x: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.where(norms == 0, 1.0, norms)


def exact_top_k(queries, items, k: int, metric: str = "dot", batch_size: int = 1024) -> np.ndarray:
    """(Q, min(k, N)) item ids of the exact top-k per query, best first; ties -> smaller id."""
    q = np.asarray(queries, dtype=float)
    v = np.asarray(items, dtype=float)
    if q.ndim != 2 or v.ndim != 2 or (q.size and v.size and q.shape[1] != v.shape[1]):
        raise ValueError("queries and items must be 2-D with the same dimension")
    if k < 1:
        raise ValueError("k must be at least 1")
    if metric == "cosine":
        q, v = _normalise(q), _normalise(v)
    elif metric != "dot":
        raise ValueError("metric must be 'dot' or 'cosine'")
    n = v.shape[0]
    k = min(k, n)
    out = np.empty((q.shape[0], k), dtype=int)
    if k == 0:
        return out
    ids = np.arange(n)
    for start in range(0, q.shape[0], batch_size):
        scores = q[start : start + batch_size] @ v.T
        for row, s in enumerate(scores):
            # Everything scoring at least the k-th best score, then sort by (-score, id).
            kth = np.partition(s, n - k)[n - k]
            cand = np.flatnonzero(s >= kth)
            order = np.lexsort((ids[cand], -s[cand]))[:k]
            out[start + row] = cand[order]
    return out


def recall_at_k(approx_ids, exact_ids, k: int | None = None) -> float:
    """Mean over queries of |approx[:k] ∩ exact[:k]| / |exact[:k]|; -1 marks padding."""
    if len(approx_ids) != len(exact_ids):
        raise ValueError("need one approximate and one exact list per query")
    if len(exact_ids) == 0:
        return 0.0
    total = 0.0
    for approx, exact in zip(approx_ids, exact_ids, strict=True):
        truth = set(int(i) for i in list(exact)[:k] if i >= 0)
        if not truth:
            raise ValueError("every query needs at least one exact neighbour")
        found = set(int(i) for i in list(approx)[:k] if i >= 0)
        total += len(found & truth) / len(truth)
    return total / len(exact_ids)


def toy_ivf_search(queries, items, k: int, n_lists: int, n_probe: int, seed: int = 0) -> np.ndarray:
    """A minimal inverted-file ANN index (a few k-means steps), padded with -1 when short."""
    q = np.asarray(queries, dtype=float)
    v = np.asarray(items, dtype=float)
    rng = np.random.default_rng(seed)
    centroids = v[rng.choice(v.shape[0], size=n_lists, replace=False)]
    for _ in range(5):  # a few Lloyd iterations are enough for a test index
        assign = np.argmax(v @ centroids.T - 0.5 * (centroids**2).sum(1), axis=1)
        for c in range(n_lists):
            members = v[assign == c]
            if len(members):
                centroids[c] = members.mean(axis=0)
    assign = np.argmax(v @ centroids.T - 0.5 * (centroids**2).sum(1), axis=1)
    out = np.full((q.shape[0], k), -1, dtype=int)
    for row, query in enumerate(q):
        lists = np.argsort(-(centroids @ query - 0.5 * (centroids**2).sum(1)))[:n_probe]
        cand = np.flatnonzero(np.isin(assign, lists))
        best = cand[np.argsort(-(v[cand] @ query), kind="stable")[:k]]
        out[row, : best.size] = best
    return out
