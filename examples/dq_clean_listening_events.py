"""Clean raw listening events and report what was removed (dq-clean-listening-events).

`events` has `user_id`, `track_id`, `ts`, `ms_played` and `track_ms`. Rows without a user, track
or time are dropped, then exact client retries (same user, track and time). A negative play time,
or one more than 5 % longer than the track (allowing for clock jitter), is impossible and removed.
A missing `ms_played` is kept and flagged: comparisons with NaN are false, so the filter above
lets it through. The input frame is not modified.
"""

from __future__ import annotations

import pandas as pd


def clean_plays(events: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
    report = {"rows_in": len(events)}
    df = events.dropna(subset=["user_id", "track_id", "ts"])
    df = df.drop_duplicates(subset=["user_id", "track_id", "ts"])
    bad = df["ms_played"].lt(0) | df["ms_played"].gt(df["track_ms"] * 1.05)
    report["impossible_duration"] = int(bad.sum())
    df = df[~bad]
    report["missing_ms_played"] = int(df["ms_played"].isna().sum())
    df = df.assign(ms_played_missing=df["ms_played"].isna())
    report["rows_out"] = len(df)
    return df, report
