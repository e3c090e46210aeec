"""The sample-size calculator behind ds-stats-sample-size-calculator."""

from __future__ import annotations

from fractions import Fraction

import pytest
import scipy.stats
from hypothesis import example, given
from hypothesis import strategies as st

from . import PROPERTY, load_example

calc = load_example("ds_stats_sample_size_calculator.py")


def test_proportion_worked_example():
    # 40 % -> 41 % at 5 % two-sided and 80 % power: 7.849 * (0.24 + 0.2419) / 0.0001.
    assert calc.n_per_arm_proportion(0.40, 0.01) == 37824


def test_proportion_direction_does_not_matter_for_symmetric_rates():
    assert calc.n_per_arm_proportion(0.50, 0.02) == calc.n_per_arm_proportion(0.50, -0.02)


def test_smaller_effects_need_quadratically_more_units():
    big = calc.n_per_arm_proportion(0.10, 0.02)
    small = calc.n_per_arm_proportion(0.10, 0.01)
    assert 3.5 < small / big < 4.5


def test_more_power_and_stricter_alpha_cost_units():
    base = calc.n_per_arm_proportion(0.3, 0.01)
    assert calc.n_per_arm_proportion(0.3, 0.01, power=0.9) > base
    assert calc.n_per_arm_proportion(0.3, 0.01, alpha=0.01) > base


def test_mean_matches_the_rule_of_sixteen():
    n = calc.n_per_arm_mean(sd=60.0, mde_abs=1.0)
    assert n == 56512
    assert n == pytest.approx(16 * 60**2, rel=0.02)


def test_large_effect_gives_a_tiny_sample():
    assert calc.n_per_arm_mean(sd=1.0, mde_abs=10.0) == 1


@pytest.mark.parametrize(
    ("baseline", "mde"),
    [(0.0, 0.01), (1.0, -0.01), (0.5, 0.0), (0.99, 0.02), (0.01, -0.02)],
)
def test_invalid_rates_are_rejected(baseline, mde):
    with pytest.raises(ValueError):
        calc.n_per_arm_proportion(baseline, mde)


@pytest.mark.parametrize(("alpha", "power"), [(0.0, 0.8), (1.0, 0.8), (0.05, 0.0), (0.05, 1.0)])
def test_invalid_alpha_or_power(alpha, power):
    with pytest.raises(ValueError):
        calc.n_per_arm_mean(1.0, 0.1, alpha=alpha, power=power)


def test_invalid_sd_or_effect():
    with pytest.raises(ValueError):
        calc.n_per_arm_mean(0.0, 1.0)
    with pytest.raises(ValueError):
        calc.n_per_arm_mean(1.0, 0.0)


def test_weeks_round_up_and_never_go_below_one():
    # 2 arms x 37,824 = 75,648 units; 1M eligible a week on a 10 % slice = 100k a week -> 1 week.
    assert calc.weeks_needed(37824, 1_000_000, 0.10) == 1
    # The same on a 2 % slice: 20k a week -> 3.78 -> 4 whole weeks.
    assert calc.weeks_needed(37824, 1_000_000, 0.02) == 4
    assert calc.weeks_needed(1, 10**9, 1.0) == 1
    assert calc.weeks_needed(10, 5, 1.0, arms=3) == 6


@pytest.mark.parametrize(
    ("n", "eligible", "share", "arms"),
    [(0, 10, 0.5, 2), (10, 0, 0.5, 2), (10, 10, 0.0, 2), (10, 10, 1.5, 2), (10, 10, 0.5, 1)],
)
def test_weeks_invalid_inputs(n, eligible, share, arms):
    with pytest.raises(ValueError):
        calc.weeks_needed(n, eligible, share, arms=arms)


ALPHAS = st.sampled_from([0.001, 0.01, 0.05, 0.1])
POWERS = st.sampled_from([0.5, 0.8, 0.9, 0.95])


def _z(alpha, power):
    return scipy.stats.norm.ppf(1 - alpha / 2) + scipy.stats.norm.ppf(power)


def _is_smallest_whole_number_at_least(n, value):
    return n >= value * (1 - 1e-12) and n - 1 < value * (1 + 1e-12)


@PROPERTY
@given(st.integers(1, 98), st.integers(-30, 30).filter(bool), ALPHAS, POWERS)
def test_proportion_formula_with_scipy_quantiles(baseline_pct, mde_pct, alpha, power):
    p1, mde = baseline_pct / 100, mde_pct / 1000
    p2 = p1 + mde
    if not 0 < p2 < 1:
        return
    value = _z(alpha, power) ** 2 * (p1 * (1 - p1) + p2 * (1 - p2)) / mde**2
    assert _is_smallest_whole_number_at_least(calc.n_per_arm_proportion(p1, mde, alpha, power), value)


@PROPERTY
@given(st.floats(0.1, 500), st.floats(0.01, 100), ALPHAS, POWERS)
def test_mean_formula_with_scipy_quantiles_and_halving_the_effect_needs_four_times_the_units(sd, mde, alpha, power):
    value = 2 * _z(alpha, power) ** 2 * sd**2 / mde**2
    assert _is_smallest_whole_number_at_least(calc.n_per_arm_mean(sd, mde, alpha, power), value)
    assert _is_smallest_whole_number_at_least(calc.n_per_arm_mean(sd, -mde / 2, alpha, power), 4 * value)


@PROPERTY
@given(st.integers(1, 10**6), st.integers(1, 10**6), st.integers(1, 100), st.integers(2, 5))
@example(n=29, eligible=100, share_pct=29, arms=2)  # 100 * 0.29 is just under 29 in floats
def test_weeks_are_the_fewest_whole_weeks_that_fill_every_arm(n, eligible, share_pct, arms):
    per_week = Fraction(eligible) * Fraction(share_pct, 100)  # exact: the share as the user wrote it
    weeks = calc.weeks_needed(n, eligible, share_pct / 100, arms=arms)
    assert weeks >= 1 and weeks * per_week >= n * arms
    assert weeks == 1 or (weeks - 1) * per_week < n * arms
