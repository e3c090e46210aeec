"""Relative lift in session length with a 95 % interval, per listener (ds-python-ab-session-length).

`df` has one row per listener-day: `user_id`, `group` ("control" or "treatment") and `minutes`.
Averaging each listener's days first makes the listener the unit of analysis, as randomisation
was by listener; treating listener-days as independent would make the interval too narrow.
The difference in means gets a normal-approximation interval (Welch standard error), and all
three numbers are divided by the control mean. Approximate: it ignores the uncertainty in that
control mean (the delta method or a bootstrap would include it).
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def relative_lift(df: pd.DataFrame) -> tuple[float, float, float]:
    """(lift, low, high) as fractions of the control mean."""
    per_user = df.groupby(["user_id", "group"], as_index=False)["minutes"].mean()
    c = per_user.loc[per_user["group"] == "control", "minutes"]
    t = per_user.loc[per_user["group"] == "treatment", "minutes"]
    diff = t.mean() - c.mean()
    se = np.sqrt(t.var(ddof=1) / len(t) + c.var(ddof=1) / len(c))
    base = c.mean()
    return diff / base, (diff - 1.96 * se) / base, (diff + 1.96 * se) / base
