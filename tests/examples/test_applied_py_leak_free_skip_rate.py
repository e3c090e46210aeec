"""Tested solution for applied-py-leak-free-user-features."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from . import FRAME_PROPERTY, load_example

mod = load_example("applied_py_leak_free_skip_rate.py")


def _reference_smoothed(plays: pd.DataFrame, rate: float, alpha: float) -> pd.Series:
    """The same feature by a plain loop: each play sees only the listener's earlier plays."""
    out = {}
    for _, rows in plays.sort_values("ts").groupby("user_id"):
        seen = skips = 0
        for index, skipped in rows["skipped"].items():
            out[index] = (skips + alpha * rate) / (seen + alpha)
            seen, skips = seen + 1, skips + skipped
    return pd.Series(out)


def _plays() -> pd.DataFrame:
    rng = np.random.default_rng(1)
    n = 300
    return pd.DataFrame(
        {
            "user_id": rng.choice([f"u{i}" for i in range(25)], n),
            "ts": pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.permutation(n), unit="h"),  # shuffled
            "skipped": rng.integers(0, 2, n),
        }
    )


def test_matches_a_loop_over_earlier_plays_only():
    plays = _plays()
    got = mod.add_smoothed_skip_rate(plays.copy(), train_skip_rate=0.3)["smoothed_skip_rate"]
    assert np.allclose(got.sort_index(), _reference_smoothed(plays, 0.3, 5).sort_index())


def test_first_play_gets_the_global_rate_and_input_is_kept():
    plays = _plays()
    before = plays.copy()
    out = mod.add_smoothed_skip_rate(plays, train_skip_rate=0.3)
    # A listener's first play gets the global rate: nothing of its own label leaks in.
    assert np.allclose(out.groupby("user_id").head(1)["smoothed_skip_rate"], 0.3)
    pd.testing.assert_frame_equal(plays, before)


PLAY_ROWS = st.lists(st.tuples(st.sampled_from(["u1", "ü", "東京"]), st.integers(0, 1)), max_size=20)


def _frame(rows, order):
    """One play per row; `order` gives every play its own hour, so no two plays are simultaneous."""
    return pd.DataFrame(
        {
            "user_id": [user for user, _ in rows],
            "ts": pd.Timestamp("2024-01-01") + pd.to_timedelta(order, unit="h"),
            "skipped": [skipped for _, skipped in rows],
        }
    )


@FRAME_PROPERTY
@given(PLAY_ROWS, st.randoms(), st.sampled_from([0.0, 0.3, 1.0]), st.sampled_from([0.5, 5.0]))
def test_matches_a_loop_and_a_play_never_sees_its_own_or_later_labels(rows, rng, rate, alpha):
    order = list(range(len(rows)))
    rng.shuffle(order)
    plays = _frame(rows, order)
    before = plays.copy()
    got = mod.add_smoothed_skip_rate(plays, train_skip_rate=rate, alpha=alpha)["smoothed_skip_rate"]
    pd.testing.assert_frame_equal(plays, before)  # the input is not modified
    expected = _reference_smoothed(plays, rate, alpha)
    assert got.sort_index().tolist() == pytest.approx(expected.sort_index().tolist())
    if rows:  # flip every label from some moment on: features before that moment must not move
        moment = rng.randrange(len(rows))
        flipped = plays.assign(
            skipped=np.where(plays["ts"] >= plays["ts"].iloc[moment], 1 - plays["skipped"], plays["skipped"])
        )
        again = mod.add_smoothed_skip_rate(flipped, train_skip_rate=rate, alpha=alpha)["smoothed_skip_rate"]
        up_to_moment = plays["ts"] <= plays["ts"].iloc[moment]
        assert np.allclose(again.sort_index()[up_to_moment], got.sort_index()[up_to_moment])
