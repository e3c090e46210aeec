"""The bootstrap interval behind ds-stats-bootstrap-ci-code."""

from __future__ import annotations

import numpy as np
import pytest

from . import load_example

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
