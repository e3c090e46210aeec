"""Tested solution for dq-clean-listening-events."""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import load_example

clean_plays = load_example("dq_clean_listening_events.py").clean_plays


def test_drops_duplicates_and_impossible_rows_and_flags_missing():
    ts = pd.date_range("2024-05-01", periods=7, freq="h")
    events = pd.DataFrame(
        [
            ("u1", "t1", ts[0], 150_000.0, 200_000),  # kept
            ("u1", "t1", ts[0], 150_000.0, 200_000),  # client retry: duplicate
            ("u1", "t2", ts[1], -5.0, 200_000),  # impossible: negative
            ("u2", "t1", ts[2], 300_000.0, 200_000),  # impossible: far longer than the track
            ("u2", "t2", ts[3], np.nan, 200_000),  # missing: kept and flagged
            (None, "t3", ts[4], 1_000.0, 200_000),  # no user: dropped
            ("u3", "t3", ts[5], 209_000.0, 200_000),  # within the 5 % tolerance: kept
            ("u3", "t1", ts[6], 200_000.0, 200_000),  # kept
        ],
        columns=["user_id", "track_id", "ts", "ms_played", "track_ms"],
    )
    cleaned, report = clean_plays(events)
    assert report == {"rows_in": 8, "impossible_duration": 2, "missing_ms_played": 1, "rows_out": 4}
    assert list(cleaned.index) == [0, 4, 6, 7]
    assert cleaned["ms_played_missing"].tolist() == [False, True, False, False]
    assert len(events) == 8  # the input is not modified
