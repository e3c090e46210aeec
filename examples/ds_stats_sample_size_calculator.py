"""Sample size and duration for a two-arm A/B test (normal approximation).

Two metric shapes cover most product tests:

* a rate (share of listeners who return, click, save): ``n_per_arm_proportion``;
* a mean (minutes listened, streams per listener): ``n_per_arm_mean``, which needs the
  metric's standard deviation, ideally measured on last month's data for the same population.

``weeks_needed`` turns a per-arm sample into a duration, rounded up to whole weeks so every
weekday is seen equally often.

Complexity: every function is O(1) in time and space (closed-form formulas; the normal
quantiles come from ``statistics.NormalDist``).
"""

from __future__ import annotations

import math
from fractions import Fraction
from statistics import NormalDist


def _z_total(alpha: float, power: float) -> float:
    """z for a two-sided test at ``alpha`` plus z for the requested power."""
    if not 0.0 < alpha < 1.0:
        raise ValueError("alpha must be between 0 and 1")
    if not 0.0 < power < 1.0:
        raise ValueError("power must be between 0 and 1")
    normal = NormalDist()
    return normal.inv_cdf(1.0 - alpha / 2.0) + normal.inv_cdf(power)


def n_per_arm_proportion(baseline: float, mde_abs: float, alpha: float = 0.05, power: float = 0.8) -> int:
    """Listeners per arm to detect an absolute change ``mde_abs`` in a rate with base ``baseline``.

    n = (z_{1-alpha/2} + z_{power})^2 * (p1(1-p1) + p2(1-p2)) / (p2 - p1)^2, rounded up.
    Example: 40 % -> 41 % at alpha 0.05 and 80 % power needs 37,824 per arm.
    """
    if not 0.0 < baseline < 1.0:
        raise ValueError("baseline must be a rate strictly between 0 and 1")
    if mde_abs == 0.0:
        raise ValueError("the minimum detectable effect must not be zero")
    target = baseline + mde_abs
    if not 0.0 < target < 1.0:
        raise ValueError("baseline + mde_abs must stay strictly between 0 and 1")
    variance = baseline * (1.0 - baseline) + target * (1.0 - target)
    return math.ceil(_z_total(alpha, power) ** 2 * variance / mde_abs**2)


def n_per_arm_mean(sd: float, mde_abs: float, alpha: float = 0.05, power: float = 0.8) -> int:
    """Units per arm to detect an absolute change ``mde_abs`` in a mean with standard deviation ``sd``.

    n = 2 * (z_{1-alpha/2} + z_{power})^2 * sd^2 / mde_abs^2, rounded up (about 16 sd^2 / mde^2
    at the defaults). Example: sd 60 minutes, effect 1 minute -> 56,512 per arm.
    """
    if sd <= 0.0:
        raise ValueError("sd must be positive")
    if mde_abs == 0.0:
        raise ValueError("the minimum detectable effect must not be zero")
    return math.ceil(2.0 * _z_total(alpha, power) ** 2 * sd**2 / mde_abs**2)


def weeks_needed(n_per_arm: int, eligible_per_week: int, traffic_share: float, arms: int = 2) -> int:
    """Whole weeks until ``arms`` arms of ``n_per_arm`` fill up from new eligible units.

    ``eligible_per_week`` counts units entering the test each week (for example, listeners who open
    the surface for the first time in the test window); ``traffic_share`` is the slice allocated to
    the whole experiment. At least one full week is always returned.
    """
    if n_per_arm < 1 or arms < 2:
        raise ValueError("need at least one unit per arm and at least two arms")
    if eligible_per_week <= 0:
        raise ValueError("eligible_per_week must be positive")
    if not 0.0 < traffic_share <= 1.0:
        raise ValueError("traffic_share must be in (0, 1]")
    # Exact arithmetic on the share as written: in floats 100 * 0.29 is 28.999999999999996, which
    # would turn exactly two weeks into three.
    per_week = eligible_per_week * Fraction(str(traffic_share))
    return max(1, math.ceil(n_per_arm * arms / per_week))
