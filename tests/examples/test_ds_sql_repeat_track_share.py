"""The repeat-share query behind ds-sql-repeat-track-share, run on DuckDB."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from . import example_sql

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
