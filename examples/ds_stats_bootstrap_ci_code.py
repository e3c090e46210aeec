"""Percentile bootstrap confidence interval for the relative lift in a per-listener mean.

Use it for heavy-tailed metrics such as minutes listened per listener, where a few very heavy
listeners make the normal approximation shaky and a ratio (treatment mean / control mean - 1) has
no simple standard error. Each arm is resampled independently, by listener (the randomisation
unit), never by listener-day.

Complexity: O(B * n) time for B resamples of n listeners in all; O(n + B) memory apart from one
chunk of ``chunk * n_arm`` indices at a time.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def _resampled_means(values: np.ndarray, n_resamples: int, rng: np.random.Generator, chunk: int) -> np.ndarray:
    means = np.empty(n_resamples)
    for start in range(0, n_resamples, chunk):
        stop = min(start + chunk, n_resamples)
        idx = rng.integers(0, len(values), size=(stop - start, len(values)))
        means[start:stop] = values[idx].mean(axis=1)
    return means


def bootstrap_relative_lift(
    control: Sequence[float],
    treatment: Sequence[float],
    n_resamples: int = 2000,
    level: float = 0.95,
    seed: int | None = 0,
    chunk: int = 200,
) -> tuple[float, float, float]:
    """Return (point estimate, lower, upper) of treatment_mean / control_mean - 1.

    ``control`` and ``treatment`` hold one value per listener.
    """
    c = np.asarray(control, dtype=float)
    t = np.asarray(treatment, dtype=float)
    if c.size == 0 or t.size == 0:
        raise ValueError("both arms need at least one listener")
    if not 0.0 < level < 1.0:
        raise ValueError("level must be between 0 and 1")
    if n_resamples < 1 or chunk < 1:
        raise ValueError("n_resamples and chunk must be positive")
    if c.mean() == 0.0:
        raise ValueError("the control mean is zero, so a relative lift is undefined")
    rng = np.random.default_rng(seed)
    c_means = _resampled_means(c, n_resamples, rng, chunk)
    t_means = _resampled_means(t, n_resamples, rng, chunk)
    valid = c_means != 0.0  # a resample of an all-zero-heavy control can average to zero
    lifts = t_means[valid] / c_means[valid] - 1.0
    tail = (1.0 - level) / 2.0
    low, high = np.quantile(lifts, [tail, 1.0 - tail])
    return float(t.mean() / c.mean() - 1.0), float(low), float(high)
