"""The bootstrap interval behind ds-stats-bootstrap-ci-code."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from . import PROPERTY, load_example

boot = load_example("ds_stats_bootstrap_ci_code.py")


def test_heavy_tailed_lift_is_covered():
    rng = np.random.default_rng(7)
    control = rng.lognormal(3.0, 1.2, 20_000)
    treatment = rng.lognormal(3.0, 1.2, 20_000) * 1.05
    point, low, high = boot.bootstrap_relative_lift(control, treatment, n_resamples=1000, seed=1)
    assert low < point < high
    assert low < 0.05 < high
    assert 0.0 < high - low < 0.1


def test_no_effect_interval_straddles_zero():
    rng = np.random.default_rng(11)
    control = rng.exponential(30.0, 5000)
    treatment = rng.exponential(30.0, 5000)
    _, low, high = boot.bootstrap_relative_lift(control, treatment, n_resamples=800, seed=2)
    assert low < 0.0 < high


def test_seed_makes_it_reproducible_and_chunking_does_not_change_the_answer():
    control, treatment = [1.0, 2.0, 3.0, 10.0], [2.0, 2.0, 4.0, 12.0]
    a = boot.bootstrap_relative_lift(control, treatment, n_resamples=500, seed=3)
    b = boot.bootstrap_relative_lift(control, treatment, n_resamples=500, seed=3)
    assert a == b
    point, low, high = boot.bootstrap_relative_lift(control, treatment, n_resamples=500, seed=3, chunk=7)
    assert point == pytest.approx(20 / 16 - 1)
    assert low <= point <= high


def test_single_listener_per_arm_collapses_to_the_point():
    point, low, high = boot.bootstrap_relative_lift([4.0], [5.0], n_resamples=50)
    assert (point, low, high) == pytest.approx((0.25, 0.25, 0.25))


def test_ties_give_a_zero_width_interval():
    assert boot.bootstrap_relative_lift([2.0] * 10, [3.0] * 10, n_resamples=100) == pytest.approx((0.5, 0.5, 0.5))


def test_zero_heavy_control_resamples_are_skipped():
    # Most resamples of [0, 0, 0, 1] have a positive mean; the few all-zero ones are dropped.
    point, low, high = boot.bootstrap_relative_lift([0.0, 0.0, 0.0, 1.0], [1.0, 1.0, 1.0, 1.0], n_resamples=400)
    assert point == pytest.approx(3.0)
    assert np.isfinite(low) and np.isfinite(high)


@pytest.mark.parametrize(
    ("control", "treatment", "kwargs"),
    [
        ([], [1.0], {}),
        ([1.0], [], {}),
        ([0.0, 0.0], [1.0], {}),
        ([1.0], [1.0], {"level": 1.0}),
        ([1.0], [1.0], {"n_resamples": 0}),
    ],
)
def test_invalid_inputs(control, treatment, kwargs):
    with pytest.raises(ValueError):
        boot.bootstrap_relative_lift(control, treatment, **kwargs)


ARM = st.lists(st.sampled_from([0.0, 1.0, 2.0, 5.0, 30.0, 400.0]), min_size=1, max_size=15)
QUICK = {"n_resamples": 200, "chunk": 64}


@PROPERTY
@given(ARM.filter(any), ARM, st.integers(0, 1000))
def test_point_is_the_lift_of_the_means_and_the_interval_stays_inside_what_resamples_can_reach(c, t, seed):
    point, low, high = boot.bootstrap_relative_lift(c, t, seed=seed, **QUICK)
    assert point == pytest.approx(np.mean(t) / np.mean(c) - 1)
    assert low <= high
    # A resampled control mean is at most max(c) and, when not zero, at least the smallest positive
    # value over n (one draw of it, zeros elsewhere); a treatment mean lies between min(t) and max(t).
    smallest_control_mean = min(v for v in c if v > 0) / len(c)
    assert min(t) / max(c) - 1 - 1e-12 <= low and high <= max(t) / smallest_control_mean - 1 + 1e-12


@PROPERTY
@given(ARM.filter(any), ARM, st.sampled_from([0.5, 3.0, 1000.0]), st.integers(0, 1000))
def test_minutes_or_hours_give_the_same_interval(c, t, scale, seed):
    as_is = boot.bootstrap_relative_lift(c, t, seed=seed, **QUICK)
    scaled = boot.bootstrap_relative_lift([v * scale for v in c], [v * scale for v in t], seed=seed, **QUICK)
    assert scaled == pytest.approx(as_is, rel=1e-9, abs=1e-12)


@PROPERTY
@given(st.sampled_from([1.0, 7.5]), st.sampled_from([0.0, 2.0, 7.5]), st.integers(1, 10), st.integers(1, 10))
def test_arms_of_identical_listeners_give_a_zero_width_interval(c_value, t_value, n_c, n_t):
    point, low, high = boot.bootstrap_relative_lift([c_value] * n_c, [t_value] * n_t, **QUICK)
    assert (
        point == pytest.approx(t_value / c_value - 1) and low == pytest.approx(point) and high == pytest.approx(point)
    )
