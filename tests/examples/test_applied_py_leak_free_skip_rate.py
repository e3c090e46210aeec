"""Tested solution for applied-py-leak-free-user-features."""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import load_example

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
