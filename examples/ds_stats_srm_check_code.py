"""Sample-ratio mismatch (SRM) check: a chi-square goodness-of-fit test on assignment counts.

If an experiment was configured as 50/50 but logged 503,000 vs 497,000 listeners, the chance of a
split at least that uneven under correct randomisation is about 2e-9: the assignment or the
logging is broken, and the lift cannot be trusted until the cause is found.

Complexity: O(k) time and O(1) extra space for k arms. The chi-square tail probability uses the
exact recurrence Q(x; v + 2) = Q(x; v) + (x/2)^(v/2) e^(-x/2) / Gamma(v/2 + 1), starting from
Q(x; 1) = erfc(sqrt(x/2)) and Q(x; 2) = e^(-x/2), so it needs no SciPy.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple


class SRMResult(NamedTuple):
    statistic: float
    p_value: float
    mismatch: bool


def chi2_sf(x: float, df: int) -> float:
    """P(X >= x) for a chi-square variable with ``df`` degrees of freedom. O(df) time."""
    if df < 1:
        raise ValueError("df must be at least 1")
    half = x / 2.0
    if half <= 0.0:  # also a positive x so small that x / 2 underflows to zero
        return 1.0
    if df % 2:
        q, v = math.erfc(math.sqrt(half)), 1
    else:
        q, v = math.exp(-half), 2
    while v < df:
        q += math.exp((v / 2.0) * math.log(half) - half - math.lgamma(v / 2.0 + 1.0))
        v += 2
    return min(1.0, q)


def srm_check(observed: Sequence[int], expected_shares: Sequence[float], threshold: float = 0.001) -> SRMResult:
    """Chi-square test of ``observed`` unit counts per arm against the configured split.

    ``threshold`` is deliberately strict (0.001, not 0.05): the check runs on every experiment, and
    a false alarm stops a good test.
    """
    if len(observed) != len(expected_shares):
        raise ValueError("one expected share per arm")
    if len(observed) < 2:
        raise ValueError("an SRM check needs at least two arms")
    if any(count < 0 for count in observed):
        raise ValueError("counts cannot be negative")
    if any(share <= 0.0 for share in expected_shares):
        raise ValueError("every configured share must be positive")
    total = sum(observed)
    if total == 0:
        raise ValueError("no units assigned yet")
    share_sum = sum(expected_shares)
    statistic = 0.0
    for count, share in zip(observed, expected_shares, strict=True):
        expected = total * share / share_sum
        statistic += (count - expected) ** 2 / expected
    p_value = chi2_sf(statistic, len(observed) - 1)
    return SRMResult(statistic, p_value, p_value < threshold)
