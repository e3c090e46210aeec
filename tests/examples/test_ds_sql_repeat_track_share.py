"""The repeat-share query behind ds-sql-repeat-track-share, run on DuckDB."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from . import FRAME_PROPERTY, example_sql, run_on_plays

SQL = example_sql("ds_sql_repeat_track_share.sql")


def test_daily_repeat_share_within_seven_days():
    con = duckdb.connect()
    con.execute("CREATE TABLE plays (user_id VARCHAR, track_id VARCHAR, surface VARCHAR, played_at TIMESTAMP)")
    rows = [
        ("u1", "t1", "radio", "2024-03-05 10:00"),  # first heard elsewhere
        ("u1", "t1", "daily_mix", "2024-03-10 09:00"),  # repeat (5 days)
        ("u1", "t2", "daily_mix", "2024-03-10 10:00"),  # first listen
        ("u2", "t1", "daily_mix", "2024-03-01 08:00"),  # first listen
        ("u2", "t1", "daily_mix", "2024-03-10 11:00"),  # 9 days later: not a repeat
        ("u2", "t3", "search", "2024-03-03 12:00"),
        ("u2", "t3", "daily_mix", "2024-03-10 12:00"),  # exactly 7 days: a repeat
        ("u1", "t1", "daily_mix", "2024-03-11 07:00"),  # repeat (previous: yesterday)
        ("u3", "t1", "daily_mix", "2024-03-11 08:00"),  # other listener: first listen
    ]
    con.executemany("INSERT INTO plays VALUES (?, ?, ?, CAST(? AS TIMESTAMP))", rows)
    result = con.execute(SQL).df()
    assert list(result.columns) == ["play_date", "repeat_share"]
    got = [(pd.Timestamp(d).date(), share) for d, share in result.itertuples(index=False)]
    assert got == [(dt.date(2024, 3, 1), 0.0), (dt.date(2024, 3, 10), 0.5), (dt.date(2024, 3, 11), 0.5)]


BASE = dt.datetime(2024, 3, 1)
PLAYS = st.lists(
    st.tuples(
        st.sampled_from(["u1", "é", "e\u0301"]),  # two spellings of "é" are two listeners
        st.sampled_from(["t1", "東京"]),
        st.sampled_from(["daily_mix", "radio"]),
        st.sampled_from([0, 1, 12, 24 * 7 - 1, 24 * 7, 24 * 7 + 1, 24 * 8, 24 * 20]).map(
            lambda hours: BASE + dt.timedelta(hours=hours)
        ),
    ),
    max_size=12,
)


def _query(rows):
    return [(pd.Timestamp(d).date(), share) for d, share in run_on_plays(SQL, rows)]


def _repeat_share_by_hand(rows):
    """A Daily Mix play repeats when the same listener played the same track earlier (strictly
    before it) and at most 7 days before."""
    by_day = {}
    for user, track, surface, at in rows:
        if surface == "daily_mix":
            repeat = any(
                u == user and t == track and at - dt.timedelta(days=7) <= earlier < at for u, t, _, earlier in rows
            )
            by_day.setdefault(at.date(), []).append(repeat)
    return [(day, sum(flags) / len(flags)) for day, flags in sorted(by_day.items())]


@FRAME_PROPERTY
@given(PLAYS)
def test_daily_share_matches_checking_every_earlier_play(rows):
    expected = _repeat_share_by_hand(rows)
    got = _query(rows)
    assert [day for day, _ in got] == [day for day, _ in expected]
    assert [share for _, share in got] == pytest.approx([share for _, share in expected])
