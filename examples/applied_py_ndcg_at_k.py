"""NDCG@k for one ranked list with graded relevance, in NumPy (applied-py-ndcg-at-k).

Gain is 2^rel - 1 and the discount is 1 / log2(position + 1) with positions from 1. The ideal
DCG sorts *all* items of the list, not the model's top k. Empty lists, k <= 0 and all-zero
relevance give 0.0 instead of a division by zero; k longer than the list is fine.
For example, ndcg_at_k([3, 2, 0, 1], k=3) is about 0.947.
"""

from __future__ import annotations

import numpy as np


def ndcg_at_k(relevance, k: int) -> float:
    """relevance: graded labels in the order the model ranked the items."""
    rel = np.asarray(relevance, dtype=float)
    if rel.size == 0 or k <= 0:
        return 0.0
    discounts = 1.0 / np.log2(np.arange(2, k + 2))
    gains = 2.0**rel - 1.0
    dcg = float(gains[:k] @ discounts[: min(k, rel.size)])
    ideal = np.sort(gains)[::-1][:k]
    idcg = float(ideal @ discounts[: ideal.size])
    return dcg / idcg if idcg > 0 else 0.0
