"""Tested solution for dq-clean-listening-events."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from . import FRAME_PROPERTY, load_example

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


def _clean_by_loop(rows):
    """The rules one row at a time, in order: missing keys, then retries, then impossible durations."""
    seen, kept, impossible = set(), [], 0
    for index, (user, track, ts, ms_played, track_ms) in enumerate(rows):
        if user is None or track is None or ts is None:
            continue
        if (user, track, ts) in seen:
            continue
        seen.add((user, track, ts))
        if ms_played is not None and (ms_played < 0 or ms_played > track_ms * 1.05):
            impossible += 1
            continue
        kept.append((index, ms_played is None))
    return kept, impossible


EVENT_ROWS = st.lists(
    st.tuples(
        st.sampled_from(["u1", "ü", None]),
        st.sampled_from(["t1", "東京", None]),
        st.sampled_from([0, 1, None]),  # hour of the play
        st.sampled_from([-5.0, 0.0, 100.0, 104.0, 105.0, 106.0, 300.0, None]),
        st.sampled_from([100, 200]),
    ),
    max_size=20,
)


@FRAME_PROPERTY
@given(EVENT_ROWS)
def test_matches_applying_the_rules_row_by_row(rows):
    hour = pd.Timestamp("2024-05-01")
    events = pd.DataFrame(
        [
            (u, t, None if h is None else hour + pd.Timedelta(hours=h), np.nan if ms is None else ms, track_ms)
            for u, t, h, ms, track_ms in rows
        ],
        columns=["user_id", "track_id", "ts", "ms_played", "track_ms"],
    )
    before = events.copy()
    cleaned, report = clean_plays(events)
    kept, impossible = _clean_by_loop(rows)
    assert list(cleaned.index) == [index for index, _ in kept]
    assert cleaned["ms_played_missing"].tolist() == [missing for _, missing in kept]
    assert report == {
        "rows_in": len(rows),
        "impossible_duration": impossible,
        "missing_ms_played": sum(missing for _, missing in kept),
        "rows_out": len(kept),
    }
    pd.testing.assert_frame_equal(events, before)
