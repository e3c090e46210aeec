"""Tested solution for ds-python-ab-session-length."""

from __future__ import annotations

import math
import statistics

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from . import FRAME_PROPERTY, load_example

relative_lift = load_example("ds_python_ab_relative_lift.py").relative_lift


def test_by_hand_listeners_are_the_unit():
    # Per-listener means control 10, 20 and treatment 15, 25 → diff 5, se √50, base 15.
    days = pd.DataFrame(
        [
            ("a", "control", 8.0),
            ("a", "control", 12.0),
            ("b", "control", 20.0),
            ("b", "control", 20.0),
            ("c", "treatment", 15.0),
            ("d", "treatment", 20.0),
            ("d", "treatment", 30.0),
        ],
        columns=["user_id", "group", "minutes"],
    )
    se = math.sqrt(50)
    assert relative_lift(days) == pytest.approx((5 / 15, (5 - 1.96 * se) / 15, (5 + 1.96 * se) / 15))


def test_recovers_a_simulated_five_percent_lift():
    rng = np.random.default_rng(4)
    users = pd.DataFrame({"user_id": range(4000), "group": np.where(np.arange(4000) % 2, "treatment", "control")})
    users["base"] = rng.gamma(4.0, 10.0, len(users)) * np.where(users["group"] == "treatment", 1.05, 1.0)
    days = users.loc[users.index.repeat(7)].assign(minutes=lambda d: d["base"] * rng.lognormal(0, 0.3, len(d)))
    lift, low, high = relative_lift(days[["user_id", "group", "minutes"]])
    assert low < 0.05 < high and low < lift < high and 0.0 < lift < 0.1


LISTENER_DAYS = st.lists(
    st.lists(st.sampled_from([0.0, 5.0, 12.5, 40.0, 300.0]), min_size=1, max_size=3), min_size=2, max_size=6
)


def _lift_by_hand(control_days, treatment_days):
    """Average each listener's days, then Welch's standard error on the listener means."""
    c = [statistics.fmean(days) for days in control_days]
    t = [statistics.fmean(days) for days in treatment_days]
    diff = statistics.fmean(t) - statistics.fmean(c)
    se = math.sqrt(statistics.variance(t) / len(t) + statistics.variance(c) / len(c))
    base = statistics.fmean(c)
    return diff / base, (diff - 1.96 * se) / base, (diff + 1.96 * se) / base


@FRAME_PROPERTY
@given(LISTENER_DAYS, LISTENER_DAYS, st.randoms())
def test_matches_per_listener_means_in_any_row_order(control_days, treatment_days, rng):
    if not any(d for days in control_days for d in days):
        return  # a zero control mean has no relative lift
    rows = [(f"c{i}", "control", m) for i, days in enumerate(control_days) for m in days]
    rows += [(f"t{i}é", "treatment", m) for i, days in enumerate(treatment_days) for m in days]
    rng.shuffle(rows)
    got = relative_lift(pd.DataFrame(rows, columns=["user_id", "group", "minutes"]))
    assert got == pytest.approx(_lift_by_hand(control_days, treatment_days), rel=1e-9, abs=1e-12)
