"""Each play's skip rate over the listener's earlier plays, smoothed (applied-py-leak-free-user-features).

`plays` has `user_id`, `ts` and a 0/1 `skipped` column. Cumulative counts minus the current row
mean a play never sees its own label or any later one. `alpha` is the prior strength in plays:
a listener's first play gets `train_skip_rate`, and the value moves toward their own rate as
history grows. One sort, then linear passes; no Python loop over rows.
"""

from __future__ import annotations

import pandas as pd


def add_smoothed_skip_rate(plays: pd.DataFrame, train_skip_rate: float, alpha: float = 5) -> pd.DataFrame:
    """A sorted copy of `plays` with a `smoothed_skip_rate` column; `train_skip_rate` from training only."""
    plays = plays.sort_values(["user_id", "ts"])
    g = plays.groupby("user_id")["skipped"]
    prior_plays = g.cumcount()  # plays before this one
    prior_skips = g.cumsum() - plays["skipped"]  # skips before this one
    return plays.assign(smoothed_skip_rate=(prior_skips + alpha * train_skip_rate) / (prior_plays + alpha))
