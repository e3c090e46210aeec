"""Expected calibration error (ECE) and the table behind a reliability diagram.

Solution for the Staff MLE question ``mle-expected-calibration-error``. A skip or save model whose
scores feed a blender, a threshold or a business rule has to be calibrated: among plays scored 0.3,
about 30 % should end in the event. ECE summarises the gap between predicted and observed rates.

Method
------
* Put each prediction in a bin, either equal-width over [0, 1] (the classic reliability diagram) or
  equal-mass (quantile bins with about the same number of predictions each, which behaves better when
  scores pile up near 0, as they do for a 2 % save rate). Equal scores always share a bin, so a
  pile of identical scores makes its bin larger rather than being split by row order.
* For every non-empty bin: mean predicted probability (confidence), observed positive rate
  (accuracy) and count.
* ECE = sum over bins of (count / n) * |accuracy - confidence|; MCE is the largest such gap.

Complexity: equal-width binning is O(n) time; equal-mass binning sorts once, O(n log n). Extra
space is O(n) for the bin index of every prediction plus O(bins) for the table.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class ReliabilityBin:
    lower: float
    upper: float
    count: int
    mean_predicted: float
    observed_rate: float

    @property
    def gap(self) -> float:
        return abs(self.observed_rate - self.mean_predicted)


def _validate(probs: np.ndarray, labels: np.ndarray, n_bins: int) -> None:
    if probs.shape != labels.shape or probs.ndim != 1:
        raise ValueError("probs and labels must be 1-D arrays of the same length")
    if n_bins < 1:
        raise ValueError("n_bins must be at least 1")
    if probs.size and (np.isnan(probs).any() or probs.min() < 0.0 or probs.max() > 1.0):
        raise ValueError("probabilities must lie in [0, 1]")
    if labels.size and not np.isin(labels, (0, 1)).all():
        raise ValueError("labels must be 0 or 1")


def reliability_table(probs, labels, n_bins: int = 10, strategy: str = "uniform") -> list[ReliabilityBin]:
    """Per-bin confidence, observed rate and count; empty bins are left out."""
    p = np.asarray(probs, dtype=float)
    y = np.asarray(labels, dtype=float)
    _validate(p, y, n_bins)
    if p.size == 0:
        return []
    if strategy == "uniform":
        edges = np.linspace(0.0, 1.0, n_bins + 1)
        # Bin i holds [edge_i, edge_{i+1}); the last bin also takes p == 1.0.
        idx = np.clip(np.searchsorted(edges, p, side="right") - 1, 0, n_bins - 1)
    elif strategy == "quantile":
        order = np.argsort(p, kind="stable")
        ordered = p[order]
        # Split the sorted predictions into n_bins runs of (almost) equal size, except that equal
        # scores share the bin of the first of them: splitting a tie would make the result depend
        # on the order of the rows.
        first_of_tie = np.searchsorted(ordered, ordered, side="left")
        idx = np.empty(p.size, dtype=int)
        idx[order] = first_of_tie * n_bins // p.size
        edges = None
    else:
        raise ValueError("strategy must be 'uniform' or 'quantile'")
    counts = np.bincount(idx, minlength=n_bins)
    sum_p = np.bincount(idx, weights=p, minlength=n_bins)
    sum_y = np.bincount(idx, weights=y, minlength=n_bins)
    table = []
    for b in np.flatnonzero(counts):
        if edges is not None:
            lower, upper = float(edges[b]), float(edges[b + 1])
        else:
            members = p[idx == b]
            lower, upper = float(members.min()), float(members.max())
        table.append(
            ReliabilityBin(
                lower=lower,
                upper=upper,
                count=int(counts[b]),
                mean_predicted=float(sum_p[b] / counts[b]),
                observed_rate=float(sum_y[b] / counts[b]),
            )
        )
    return table


def expected_calibration_error(probs, labels, n_bins: int = 10, strategy: str = "uniform") -> float:
    """Count-weighted mean gap between confidence and observed rate; 0.0 for no data."""
    table = reliability_table(probs, labels, n_bins, strategy)
    n = sum(b.count for b in table)
    return sum(b.count * b.gap for b in table) / n if n else 0.0


def maximum_calibration_error(probs, labels, n_bins: int = 10, strategy: str = "uniform") -> float:
    """Largest gap of any non-empty bin; 0.0 for no data."""
    return max((b.gap for b in reliability_table(probs, labels, n_bins, strategy)), default=0.0)
