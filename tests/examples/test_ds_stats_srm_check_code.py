"""The sample-ratio-mismatch check behind ds-stats-srm-check-code."""

from __future__ import annotations

import math

import pytest
import scipy.stats
from hypothesis import example, given
from hypothesis import strategies as st

from . import PROPERTY, load_example

srm = load_example("ds_stats_srm_check_code.py")


def test_worked_example_is_a_mismatch():
    result = srm.srm_check([503_000, 497_000], [0.5, 0.5])
    assert result.statistic == pytest.approx(36.0)
    assert result.p_value == pytest.approx(1.973e-9, rel=1e-3)
    assert result.mismatch


def test_a_perfect_split_passes():
    result = srm.srm_check([1000, 1000], [0.5, 0.5])
    assert result.statistic == 0.0
    assert result.p_value == 1.0
    assert not result.mismatch


def test_small_imbalance_is_not_flagged_at_the_strict_threshold():
    # 100,600 vs 99,400: chi2 = 7.2, p = 0.0073 -> suspicious at 5 %, not flagged at 0.1 %.
    result = srm.srm_check([100_600, 99_400], [0.5, 0.5])
    assert result.statistic == pytest.approx(7.2)
    assert result.p_value == pytest.approx(0.00729, rel=1e-2)
    assert not result.mismatch
    assert srm.srm_check([100_600, 99_400], [0.5, 0.5], threshold=0.05).mismatch


def test_unequal_configured_split_and_unnormalised_shares():
    # A 90/10 test logged exactly 90/10 is fine, whether shares are given as 0.9/0.1 or 9/1.
    assert srm.srm_check([9000, 1000], [0.9, 0.1]).p_value == pytest.approx(1.0)
    assert srm.srm_check([9000, 1000], [9, 1]).statistic == pytest.approx(0.0)
    # The same counts against a 50/50 configuration are a glaring mismatch.
    assert srm.srm_check([9000, 1000], [0.5, 0.5]).mismatch


def test_three_arms():
    result = srm.srm_check([3400, 3300, 3300], [1, 1, 1])
    expected = sum((c - 10000 / 3) ** 2 / (10000 / 3) for c in (3400, 3300, 3300))
    assert result.statistic == pytest.approx(expected)
    assert result.p_value == pytest.approx(math.exp(-expected / 2))  # df = 2 has a closed form


@pytest.mark.parametrize(
    ("x", "df", "expected"),
    [
        (3.841458820694124, 1, 0.05),
        (5.991464547107979, 2, 0.05),
        (7.814727903251178, 3, 0.05),
        (9.487729036781154, 4, 0.05),
        (16.918977604620448, 9, 0.05),
        (0.0, 3, 1.0),
    ],
)
def test_chi2_tail_matches_tables(x, df, expected):
    assert srm.chi2_sf(x, df) == pytest.approx(expected, rel=1e-9, abs=1e-12)


def test_a_single_empty_arm_is_a_mismatch():
    assert srm.srm_check([0, 500], [0.5, 0.5]).mismatch


@pytest.mark.parametrize(
    ("observed", "shares"),
    [([], []), ([10], [1.0]), ([10, 10], [0.5]), ([0, 0], [0.5, 0.5]), ([-1, 5], [0.5, 0.5]), ([5, 5], [1.0, 0.0])],
)
def test_invalid_inputs(observed, shares):
    with pytest.raises(ValueError):
        srm.srm_check(observed, shares)


def test_invalid_df():
    with pytest.raises(ValueError):
        srm.chi2_sf(1.0, 0)


@PROPERTY
@given(st.floats(0, 200, allow_nan=False), st.integers(1, 40))
@example(x=5e-324, df=3)  # the smallest positive float: x / 2 underflows to zero
def test_tail_probability_matches_scipy(x, df):
    assert srm.chi2_sf(x, df) == pytest.approx(scipy.stats.chi2.sf(x, df), rel=1e-9, abs=1e-300)


@PROPERTY
@given(st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from([0.1, 0.25, 0.5, 1.0, 3.0])), min_size=2, max_size=6))
def test_statistic_and_p_value_match_scipy_chisquare(arms):
    observed, shares = [n for n, _ in arms], [s for _, s in arms]
    if sum(observed) == 0:
        return
    expected = [sum(observed) * s / sum(shares) for s in shares]
    reference = scipy.stats.chisquare(observed, f_exp=expected)
    result = srm.srm_check(observed, shares)
    assert result.statistic == pytest.approx(reference.statistic, rel=1e-9, abs=1e-9)
    assert result.p_value == pytest.approx(reference.pvalue, rel=1e-6, abs=1e-12)
    assert result.mismatch == (result.p_value < 0.001)
